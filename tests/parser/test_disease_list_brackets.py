"""Brackets inside a list of diseases (issue 14):

* two marker brackets in a row after one disease ("ALCL (ALK negative) (ALK positive if IPI 3, 4,
  or 5), AITL, ...") are that disease's alternatives, and the list's other diseases stay
  alternatives of it (``bracket_markers.marker_brackets_merged``); so does one marker bracket in
  a list written with commas alone;
* "(excludes mycosis fungoides or Sezary syndrome)" after a kind leaves those kinds out, as
  "(excluding ...)" does (``disease_rewrites``), and a kind the exception names, listed again as a
  kind of its own, stays an alternative (``residue._excepted_kind``);
* "lymphoid malignancies" is any lymphoid kind a hospital codes (``topics.lymphoid_kinds``);
* a marker before a CML with its phase ("Ph+ chronic phase CML") is that CML's (``roles.marker_of``).
"""

from __future__ import annotations

import re
import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.disease_rewrites import EXCLUDES_BRACKET
from rules_engine.parser.topics.lymphoid_kinds import _LYMPHOID, _NOT_THE_PATIENTS
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, result

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

PTCL = adult(condition("ptcl_nos"))
AITL = adult(condition("aitl"))
ALCL_NEG = adult(condition("alcl"), result("alk_rearrangement", "negative"))
ALCL_POS = adult(condition("alcl"), result("alk_rearrangement", "positive"))
ALCL = adult(condition("alcl"))
DLBCL = adult(condition("dlbcl"))
CTCL = adult(condition("ctcl"))
MF = adult(condition("mycosis_fungoides"))
SS = adult(condition("sezary_syndrome"))
TCL = adult(condition("t_cell_lymphoma"))
AML = adult(condition("aml"))
B_ALL = adult(condition("b_all"))
MANTLE = adult(condition("mantle_cell_lymphoma"))
MYELOMA = adult(condition("multiple_myeloma"))
CLL = adult(condition("cll"))
HEME = adult(condition("hematologic_malignancy"))
LYMPHOMA = adult(condition("lymphoma"))
BURKITT = adult(condition("burkitt_lymphoma"))
LBL = adult(condition("lymphoblastic_lymphoma"))
ALL = adult(condition("all"))
T_ALL = adult(condition("t_all"))
HODGKIN_CD30 = adult(condition("hodgkin_lymphoma"), result("cd30", "positive"))
PH_ALL = adult(condition("all"), result("bcr_abl1", "positive"))
PH_CML_CP = adult(
    condition("cml"),
    result("bcr_abl1", "positive"),
    result("cml_chronic_phase", "positive"),
    result("cml_blast_phase", "negative"),
)
PH_CML_BP = adult(condition("cml"), result("bcr_abl1", "positive"), result("cml_blast_phase", "positive"))
CML_CP = adult(condition("cml"), result("cml_chronic_phase", "positive"))
CML_BP = adult(condition("cml"), result("cml_blast_phase", "positive"), result("cml_chronic_phase", "negative"))
RELAPSED_ALL = adult(condition("b_all"), condition("relapsed"))
RELAPSED_MANTLE = adult(condition("mantle_cell_lymphoma"), condition("relapsed"))
RELAPSED_AML = adult(condition("aml"), condition("relapsed"))
RELAPSED_HEME = adult(condition("hematologic_malignancy"), condition("relapsed"))

ROWS = [
    # (type, text, met, not met, unknown)
    (
        I,
        "Histologically confirmed PTCL: PTCL-NOS, ALCL (ALK negative) (ALK positive if IPI 3, 4, or 5), AITL, or enteropathy-associated T-cell lymphoma",
        [PTCL, AITL, ALCL_NEG],
        [DLBCL],
        [ALCL_POS, ALCL, TCL],  # (which IPI, and a marker not on record, are open)
    ),
    (
        I,
        "Diagnosis of peripheral T-cell lymphoma not otherwise specified, anaplastic large cell lymphoma (ALK negative) (ALK positive if IPI 3, 4, or 5), "
        "angioimmunoblastic T-cell lymphoma, enteropathy associated T-cell lymphoma",
        [PTCL, AITL, ALCL_NEG],
        [DLBCL],
        [ALCL_POS, TCL],
    ),
    # one marker bracket in a list written with commas alone
    (
        I,
        "Diagnosis of peripheral T-cell lymphoma not otherwise specified, anaplastic large cell lymphoma (ALK negative), "
        "angioimmunoblastic T-cell lymphoma, enteropathy associated T-cell lymphoma",
        [PTCL, AITL, ALCL_NEG],
        [DLBCL, ALCL_POS],  # (an ALK-positive ALCL is none of the kinds: "enteropathy associated" is a kind of its own, dx21)
        [TCL],
    ),
    # "(excludes ...)" leaves the kinds out
    (
        I,
        "Cutaneous T-cell lymphoma (excludes mycosis fungoides or Sezary syndrome)",
        [],
        [MF, SS, PTCL],
        [CTCL],
    ),  # (a CTCL of no kind may be either)
    (
        I,
        "Acute lymphoblastic leukemia or lymphoblastic lymphoma (excluded burkitt lymphoma)",
        [ALL, LBL],
        [BURKITT, AML],
        [],
    ),
    # a kind the exception names, listed again as its own alternative, stays one
    (
        I,
        "PTCL NOS, angioimmunoblastic T-cell lymphoma, cutaneous T-cell lymphoma (excludes mycosis fungoides or Sezary syndrome), transformed mycosis fungoides, or Sezary syndrome",
        [PTCL, AITL, SS],
        [DLBCL],
        [MF, CTCL],  # (which mycosis fungoides: a transformed one)
    ),
    # a lymphoid malignancy: any lymphoid kind on record
    (
        I,
        "Relapsed or refractory lymphoid malignancy",
        [RELAPSED_ALL, RELAPSED_MANTLE],
        [RELAPSED_AML, B_ALL],
        [RELAPSED_HEME],
    ),
    (I, "Diagnosis of a lymphoid malignancy", [B_ALL, MANTLE, MYELOMA, CLL, LYMPHOMA], [AML], [HEME]),
    (E, "History of a non-lymphoid malignancy", [], [], [AML]),  # another thing: left as it was
    # no kind of patient the line takes: a classification cited, a therapy's indication
    (
        I,
        "CD30-positive classical Hodgkin lymphoma according to the WHO classification of lymphoid malignancies",
        [HODGKIN_CD30],
        [CLL],
        [],
    ),
    # an exclusion's diseases listed after one's bracketed examples: any of them excludes
    (
        E,
        "(Other) Precursor T-cell lymphomas (including immature T-cell lymphomas/leukemias) and cutaneous T-cell lymphomas (CTCL)",
        [T_ALL, CTCL, MF],
        [PTCL, DLBCL],
        [],
    ),
    # a Ph+ CML in a phase is one disease with its marker: an exclusion's "Ph+" is no alternative of its own
    (E, "Ph+ chronic phase CML", [PH_CML_CP], [PH_ALL, CML_BP], [CML_CP]),
    (E, "The patient has lymphoid Ph+ blast crisis or blast phase CML.", [], [PH_ALL, PH_CML_CP], [PH_CML_BP]),
]


@pytest.mark.parametrize(("ctype", "text", "facts", "expected"), outcome_cases(ROWS))
def test_a_bracket_in_a_disease_list_is_read_with_its_disease(
    ctype: CriterionType, text: str, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (EXCLUDES_BRACKET[0], "(excludes " * 4000 + "x"),
        (EXCLUDES_BRACKET[0], "( " * 8000 + "excluded"),
        (_LYMPHOID.pattern, "non-lymphoid " * 4000 + "malignancy"),
        (_LYMPHOID.pattern, "lymphoid " * 6000),
        (_NOT_THE_PATIENTS.pattern, "treatment for the " * 3000 + "x"),
        (_NOT_THE_PATIENTS.pattern, "other " * 6000),
    ],
)
def test_no_pattern_backtracks(pattern: str, text: str) -> None:
    start = time.perf_counter()
    for _m in re.finditer(pattern, text, re.I):
        pass
    assert time.perf_counter() - start < 1.0


def test_a_long_run_of_brackets_parses_quickly() -> None:
    start = time.perf_counter()
    parse_line("ALCL " + "(ALK negative) " * 200 + ", AITL, or PTCL-NOS", I)
    assert time.perf_counter() - start < 1.0
