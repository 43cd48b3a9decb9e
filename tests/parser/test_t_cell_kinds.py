"""A kind of T-cell or NK-cell lymphoma by name is the kind a hospital codes (``topics/t_cell_kinds``):
ICD-10-CM C84.0 mycosis fungoides, C84.1 Sézary syndrome, C84.A/C86.6 another cutaneous one,
C84.4 PTCL not classified, C84.6/C84.7 ALCL, C86.5 angioimmunoblastic, C86.0/C86.4 NK-cell.

* the coded kind decides: an NK/T-cell lymphoma meets "Natural Killer (NK) cell lymphomas", a
  PTCL-NOS fails it; a mycosis fungoides is a cutaneous T-cell lymphoma, an AITL is none;
* C86.1-C86.3 (hepatosplenic, enteropathy-type, subcutaneous panniculitis-like) are kinds of their own;
* a record of only "T-cell lymphoma" (C84.9, C84.Z) leaves every kind open, as a
  cutaneous one of no named kind (C84.A) leaves mycosis fungoides open; a patient without a
  T-cell lymphoma has none;
* the family ("peripheral T-cell lymphoma", "PTCLs", "T/NK-cell lymphoma") stays the family, and
  a primary cutaneous ALCL is never read as the systemic one.
"""

from __future__ import annotations

import re
import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.topics.t_cell_kinds import T_CELL_KINDS
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, result

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

TCL = adult(condition("t_cell_lymphoma"))  # C84.9: mature T/NK-cell lymphoma, unspecified
PTCL = adult(condition("ptcl_nos"))  # C84.4
ALCL = adult(condition("alcl"))  # C84.7
AITL = adult(condition("aitl"))  # C86.5
NK = adult(condition("nk_cell_lymphoma"))  # C86.0
CTCL = adult(condition("ctcl"))  # C84.A
MF = adult(condition("mycosis_fungoides"))  # C84.0
SS = adult(condition("sezary_syndrome"))  # C84.1
ATLL = adult(condition("atll"))  # C91.5
DLBCL = adult(condition("dlbcl"))
NHL = adult(condition("nhl"))
EATL = adult(condition("eatl"))  # C86.2
HSTCL = adult(condition("hstcl"))  # C86.1
SPTCL = adult(condition("sptcl"))  # C86.3


ROWS = [
    # (type, text, met, not met, unknown)
    (E, "Natural Killer (NK) cell lymphomas", [NK], [PTCL, AITL, MF, DLBCL], [TCL, NHL]),
    (E, "Natural Killer cell lymphoma (NK-cell lymphoma);", [NK], [PTCL, ALCL], [TCL]),
    (I, "Extranodal NK/T-cell lymphoma - nasal type", [NK], [PTCL, CTCL], [TCL]),
    (I, "PTCL not otherwise specified (NOS)", [PTCL], [AITL, NK, MF, DLBCL], [TCL, NHL]),
    (I, "Unspecified peripheral T-cell lymphoma", [PTCL], [ALCL], [TCL]),
    (I, "PTCL-NOS", [PTCL], [AITL], [TCL]),
    (I, "Angioimmunoblastic T-cell lymphoma (AITL)", [AITL], [PTCL, NK], [TCL]),
    (I, "Systemic T cell/null anaplastic large cell lymphoma (ALCL)", [ALCL], [PTCL, CTCL], [TCL]),
    (I, "Histologically confirmed cutaneous T-cell lymphoma", [CTCL, MF, SS], [PTCL, AITL, DLBCL], [TCL]),
    (I, "Mycosis fungoides/Sezary syndrome", [MF, SS], [PTCL, NK], [TCL, CTCL]),
    (E, "Sézary syndrome", [SS], [MF, PTCL], [CTCL, TCL]),
    (I, "Enteropathy-associated T cell lymphoma (EATL)", [EATL], [PTCL, HSTCL, DLBCL], [TCL]),
    (I, "enteropathy- type T-cell lymphoma", [EATL], [SPTCL], [TCL]),
    (I, "Hepatosplenic gamma-delta T-cell lymphoma", [HSTCL], [EATL, AITL], [TCL]),
    (E, "Subcutaneous panniculitis-like T-cell lymphoma", [SPTCL], [HSTCL, NK], [TCL]),
    # the family stays the family: every kind meets it
    (I, "Peripheral T-cell lymphoma", [PTCL, AITL, NK, ALCL, ATLL, TCL, EATL, HSTCL, SPTCL], [DLBCL], [NHL]),
    (I, "Histologically confirmed PTCLs and NK/T cell lymphomas", [PTCL, NK, TCL], [DLBCL], [NHL]),
    (I, "T-/NK-cell lymphoma", [PTCL, NK, TCL], [DLBCL], [NHL]),
]


@pytest.mark.parametrize(("ctype", "text", "facts", "expected"), outcome_cases(ROWS))
def test_a_kind_of_t_cell_lymphoma_by_name_is_the_kind_the_record_codes(
    ctype: CriterionType, text: str, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(parse_line(text, ctype), facts) is expected


def _reads(text: str) -> str | None:
    for concept, pattern, _gate in T_CELL_KINDS:
        if re.fullmatch(pattern, text, re.I):
            return concept
    return None


@pytest.mark.parametrize(
    ("words", "reads"),
    [
        ("Primary cutaneous anaplastic large cell lymphoma", None),  # a cutaneous lymphoma (C86.6), not the systemic ALCL
        ("cutaneous ALCL", None),
        ("T/NK-cell lymphoma", None),  # the family
        ("Peripheral T-cell lymphoma", None),  # the family
        ("nk cell lymphoma", None),  # the letters in capitals only
        ("NK-cell lymphoma", "nk_cell_lymphoma"),
        ("Anaplastic large cell lymphoma", "alcl"),
        ("Angioimmunoblastic lymphadenopathy with dysproteinemia", "aitl"),
        ("mycosis fungoides (MF)", "mycosis_fungoides"),
        ("cutaneous T-cell lymphomas (CTCL)", "ctcl"),
    ],
)
def test_the_name_alone_is_read_as_its_kind(words: str, reads: str | None) -> None:
    assert _reads(words) == reads


@pytest.mark.parametrize(
    "text",
    [
        "Natural Killer " * 3000 + "x",
        "NK/T " * 5000 + "-",
        "peripheral T-cell lymphoma " * 2000 + "x",
        "anaplastic large cell " * 3000 + "y",
        "(NK) " * 8000,
        "enteropathy- " * 2000 + "x",
        "hepatosplenic gamma delta " * 1000 + "T-cell",
        "subcutaneous panniculitis-like " * 800 + "T cell",
    ],
)
def test_no_name_backtracks(text: str) -> None:
    start = time.perf_counter()
    for _concept, pattern, _gate in T_CELL_KINDS:
        for _m in re.finditer(pattern, text, re.I):
            pass
    assert time.perf_counter() - start < 0.05 * 20  # a generous bound: 50 ms of work, loaded machines


AML = adult(condition("aml"))
MDS = adult(condition("mds"))
PH_ALL = adult(condition("all"), result("bcr_abl1", "positive"))

# the list around the kinds: two diagnoses with the same lead words, or the first with an
# exception of its own kinds, are alternatives (shared_leads); a marker bracketed after one
# disease of an "A, B, or C" list is that disease's (bracket_markers)
LIST_ROWS = [
    (I, "Stage IIB-IV mycosis fungoides and sezary syndrome", [], [PTCL, AML], [MF, SS, CTCL]),
    (I, "Advanced AML and MDS", [], [PTCL], [AML, MDS]),
    # the last two of a longer comma list share no lead words: the words before the first are its own
    # (the four kinds read, dx12's lymphoplasmacytic lymphoma among them: a list of alternatives)
    (I, "CLL, mantle cell lymphoma, lymphoplasmacytic lymphoma and diffuse large B-cell lymphoma", [DLBCL], [AML, PTCL], []),
    (
        I,
        "Histologically confirmed PTCLs and NK/T cell lymphomas excluding ALK-positive anaplastic large cell lymphomas (ALCL)",
        [PTCL, NK, AITL],
        [DLBCL],
        [TCL],
    ),
    (
        I,
        "PTCL-NOS, ALCL (ALK negative), angioimmunoblastic T-cell lymphoma, or enteropathy associated T-cell lymphoma",
        [PTCL, AITL, EATL],
        [DLBCL, NK],  # ("enteropathy associated" is a kind of its own, dx21: an NK-cell lymphoma is none of them)
        [ALCL, TCL],
    ),
    (I, "AML, ALL (Ph positive), CML, or MDS", [AML, MDS, PH_ALL], [PTCL], []),
]


@pytest.mark.parametrize(("ctype", "text", "facts", "expected"), outcome_cases(LIST_ROWS))
def test_listed_kinds_are_alternatives(ctype: CriterionType, text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) is expected


def test_an_exclusion_naming_the_family_of_the_trials_own_kinds_never_excludes_them() -> None:
    """"Other peripheral T-cell lymphoma histologies other than those specified in the inclusion
    criteria" in a trial for named kinds: the family is the context of the trial's own kinds (a
    record of a bare T-cell lymphoma may be one of them), never a case that excludes a PTCL-NOS."""
    from rules_engine.criteria import TrialCriteria
    from rules_engine.parser import parse_lines
    from rules_engine.reference import evaluate_reference
    from tests.fixtures.records import AS_OF

    rows: list[tuple[CriterionType, str, int | None]] = [
        (I, "PTCL-NOS, ALCL (ALK negative), angioimmunoblastic T-cell lymphoma, or enteropathy associated T-cell lymphoma", None),
        (E, "Patients with a diagnosis of other peripheral T-cell lymphoma (PTCL) histologies other than those specified in the inclusion criteria", None),
    ]
    trial = TrialCriteria("NCT00000097", 1, parse_lines(rows))
    for facts in (PTCL, EATL):
        assert evaluate_reference(trial, facts, AS_OF).criteria[1].outcome is not Outcome.MET
