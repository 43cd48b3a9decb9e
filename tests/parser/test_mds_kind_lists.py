"""A run of MDS kinds by their FAB or WHO names offered as alternatives (``topics/mds_kind_lists``),
and what the trials that write them ask of the patients they name:

* "RAEB-1, RARS or RCMD", "CMML, refractory anemia (RA), or RARS": each kind the one a hospital
  codes, one of them enough; "RA" and a bare "refractory anemia" are read only inside such a run;
* a run joined by "and" ("RA, RARS, RAEB, RAEBt, and CMML are eligible") is not offered as
  alternatives here;
* "Patients with <kinds> must meet >= 1 of the following criteria:" asks its list of those
  patients only, a kind the schemes differ on leaving whether the list is theirs to a person;
* a trial that names CMML among its MDS kinds by FAB counts a CMML as the MDS its other
  inclusions ask for;
* "MDS (subtype RAEB-1 or RAEB-2)", "MDS [i.e. ...]": the MDS the line takes is the kinds in the
  bracket.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.parser.topics.mds_kind_lists import kind_runs
from rules_engine.parser.topics.mds_kinds import mds_kind_items
from rules_engine.reference import evaluate_reference
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import AS_OF, adult, condition, lab

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

MDS = adult(condition("mds"))  # MDS, unspecified: every kind open
RA = adult(condition("mds_refractory_anemia"))
RARS = adult(condition("mds_rars"))
RAEB1 = adult(condition("mds_raeb_1"))
RAEB2 = adult(condition("mds_raeb_2"))
RCMD = adult(condition("mds_rcmd"))
CMML = adult(condition("cmml"))
AML = adult(condition("aml"))
RHEUMATOID = adult(condition("rheumatoid_arthritis"))

ROWS = [
    # (type, text, met, not met, unknown)
    (I, "RAEB-1, RARS or RCMD", [RAEB1, RARS, RCMD], [RAEB2, RA, AML], [MDS]),
    (I, "Patients with CMML, refractory anemia (RA), or refractory anemia with ringed sideroblasts (RARS)", [CMML, RA, RARS], [RAEB1, AML], [MDS, RCMD]),
    (I, "RA, RARS, refractory anemia with multilineage dysplasia, or RARS with multilineage dysplasia", [RA, RARS, RCMD], [RAEB2, AML], [MDS]),
    (E, "RAEB-1 or RAEB-2", [RAEB1, RAEB2], [RA, AML], [MDS]),
    # an MDS with the kinds it means in a bracket after it: those kinds ("e.g." gives examples, not read so)
    (I, "Patients with AML, MDS (subtype RAEB-1 or RAEB-2), or MM", [AML, RAEB1, RAEB2], [RA, RARS], [MDS]),
    (I, "Poor-risk myelodysplasia (MDS) [i.e. refractory anemia with excess blasts (RAEB-1 or RAEB-2) by WHO classification]",
     [], [RA, AML], [RAEB2]),
    (I, "MDS (e.g. RAEB-1 or RAEB-2)", [RA, RAEB2], [AML], []),
    # a requirement of the patients with the kinds named: asked of them only, a kind the schemes
    # differ on (a WHO RCMD may be a FAB RA) leaving whether it is theirs to a person
    (I, "Patients with RA or RARS must have a platelet count < 50,000/mm³",
     [RAEB1, adult(condition("mds_rars"), lab("platelets", 30, "10*9/L"))], [adult(condition("mds_rars"), lab("platelets", 150, "10*9/L"))],
     [adult(condition("mds_rcmd"), lab("platelets", 150, "10*9/L"))]),
]


@pytest.mark.parametrize(("ctype", "text", "facts", "expected"), outcome_cases(ROWS))
def test_a_run_of_mds_kinds_offers_each_kind_coded(ctype: CriterionType, text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize("text", [
    "Rheumatoid arthritis (RA) or lupus",
    "RA, SLE or MS",
    "Refractory anemia requiring transfusion",
    # a run that asks every kind at once ("and") is no list of alternatives
    "Patients within each of the FAB groups RA, RARS, RAEB, RAEBt, and CMML are eligible",
])
def test_only_a_run_of_kinds_offered_as_alternatives_is_read(text: str) -> None:
    assert kind_runs(text) == []


HEADING = (
    "Patients with chronic myelomonocytic leukemia (CMML), refractory anemia (RA), or refractory anemia with ringed "
    "sideroblasts (RARS) according to FAB classification OR RA, RARS, refractory anemia with multilineage dysplasia, or "
    "RARS with multilineage dysplasia according to WHO classification must meet ≥ 1 of the following criteria:"
)


def _trial() -> TrialCriteria:
    rows: list[tuple[CriterionType, str, int | None]] = [
        (I, "Diagnosis of myelodysplastic syndromes (MDS)", None),
        (I, HEADING, None),
        (I, "Platelet count < 50,000/mm³", 1),
        (I, "Absolute neutrophil count < 1,000/mm³", 1),
    ]
    return TrialCriteria("NCT00000098", 1, parse_lines(rows))


@pytest.mark.parametrize(("facts", "expected"), [
    (adult(condition("mds_raeb_1")), MET),  # none of the kinds named: the list is not asked of them
    (adult(condition("mds_refractory_anemia"), lab("platelets", 30, "10*9/L")), MET),
    (adult(condition("mds_refractory_anemia"), lab("platelets", 150, "10*9/L"), lab("anc", 2.0, "10*9/L")), NOT_MET),
])
def test_a_heading_naming_mds_kinds_asks_its_list_of_those_patients_only(facts: PatientFacts, expected: Outcome) -> None:
    assert evaluate_reference(_trial(), facts, AS_OF).criteria[1].outcome is expected


def test_a_trial_naming_cmml_among_its_fab_kinds_takes_a_cmml_as_its_mds() -> None:
    trial = _trial()
    assert evaluate_reference(trial, CMML, AS_OF).criteria[0].outcome is MET
    assert evaluate_reference(trial, AML, AS_OF).criteria[0].outcome is NOT_MET


def test_a_hostile_run_of_kind_names_parses_quickly() -> None:
    for text in (("RA, " * 5000)[:20000], ("refractory anemia (RA) or " * 1000)[:20000], ("RAEB-1 / " * 3000)[:20000],
                 ("MDS (" * 5000)[:20000], ("MDS [i.e. RAEB (x) " * 1500)[:20000]):
        start = time.perf_counter()
        kind_runs(text)
        mds_kind_items(text)
        assert time.perf_counter() - start < 1.0
