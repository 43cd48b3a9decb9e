"""Shapes behind holdout misses (issue 14), each in its general form with real corpus lines
(``../shared/corpus``; counts are a regular-expression floor).

* A therapy denied for the days before the study ("must not have received growth factors for 7
  days prior to CPX-351", "must not have had major surgery for 6 weeks prior to enrollment", "No
  cephalosporin antibiotics for 7 days before, during, ..."; 5 corpus lines after a denied receipt
  or a leading "No"): none within those days. Left as words, the growth-factor line asked for no
  growth factor ever, or for a person, and a patient given filgrastim 3 days ago was possibly
  eligible. A study drug's code right after a window ("prior to CPX-351", "prior to CNF2024
  administration") is the window's anchor, as "the first dose of CPX-351" already was.
  "no requirement for steroids for 2 months", "not receiving a stable dose for 3 months" are
  durations of something else and stay as written.
* The kind of a transplant before a pair of graft sources ("Allogenic bone marrow
  transplant/stem cell transplant", "Autologous bone marrow or stem cell transplant within 3
  months"; 9 corpus lines): the kind is both nouns'. Read alone, the second noun was any
  transplant, so an autologous transplant met an allogeneic exclusion. A kind that closes a list
  of kinds ("allogeneic, syngeneic, or autologous bone marrow transplant or stem cell
  transplant") is every kind's and stays so. A window beside the first of two windowed events
  is that event's; the next window is the next event's ("... for allogeneic bone marrow
  transplants and >= 3 months prior to registration for autologous bone marrow/stem cell
  transplants"), never dropped.
* A permission to go on with a therapy ("patients with known previous CNS leukemia may continue
  to receive intrathecal therapy with ara-C, methotrexate, and/or thiotepa"; 27 corpus lines say
  "may continue / remain on / receive") beside a line that asks only which disease: it forbids
  nothing. Read as more of the exclusion, its drugs were alternatives and "Active CNS leukemia"
  was unknown for every patient.
* A requirement no topic reads with a bracket exempting some patients ("Availability of the
  following material ... for central analysis of minimal residual disease ... (cases with
  isolated extramedullary relapse ... are exempt from providing this material. ...)"): the
  requirement still holds for everyone the exemption does not name, so it stays a person's. Its
  plain review was dropped as an alternative, and the exemption alone became the requirement:
  every patient without an isolated extramedullary relapse failed the line. Only an exemption
  says so ("are exempt", "is acceptable", "permitted"): "except Patients must have an ECOG
  performance of 0 or 1" is the requirement itself and still decides.
* The comparator's "to" written twice ("less than or equal to to 2 times ULN", ">= to 18 years",
  "<= or = to 14 days"; 14 corpus lines): once. Left, each bound was a person's, and the
  bilirubin line beside its Gilbert exemption asked every patient for Gilbert's syndrome.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, bilirubin, condition, ecog, medication, procedure

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION


def given(concept: str, days_ago: int) -> object:
    return adult(medication(concept, days_ago))


def transplant(kind: str, days_ago: int) -> object:
    return adult(procedure(kind, days_ago), procedure("hsct", days_ago))


DENIED_FOR_DAYS_ROWS = [
    (I, "Patients must not have received growth factors for 7 days prior to CPX-351",
     [adult(), given("growth_factor", 30)], [given("growth_factor", 3)], []),
    (I, "Patients must not have received pegfilgrastim for 14 days prior to CPX-351",
     [adult(), given("growth_factor", 20)], [given("growth_factor", 10)], []),
    (I, "Patients must not have received growth factors in the 7 days before CPX-351",
     [adult(), given("growth_factor", 30)], [given("growth_factor", 3)], []),
    (I, "Patients must not have had major surgery for 6 weeks prior to enrollment on study",
     [adult(), adult(procedure("major_surgery", 100))], [adult(procedure("major_surgery", 20))], []),
]


@pytest.mark.parametrize("kind, text, facts, expected", outcome_cases(DENIED_FOR_DAYS_ROWS))
def test_a_therapy_denied_for_the_days_before_the_study_is_none_within_them(kind: CriterionType, text: str, facts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


TRANSPLANT_KIND_ROWS = [
    (E, "Allogenic bone marrow transplant/stem cell transplant",
     [transplant("allo_hsct", 300)], [transplant("auto_hsct", 300), adult()], []),
    (E, "Autologous bone marrow or stem cell transplant within 3 months of study entry.",
     [transplant("auto_hsct", 30)], [transplant("allo_hsct", 30), transplant("auto_hsct", 200), adult()], []),
    (E, "Autologous bone marrow transplant or stem cell rescue within 4 months of study entry.",
     [transplant("auto_hsct", 30)], [transplant("allo_hsct", 30), transplant("auto_hsct", 200)], []),
    (E, "Status post autologous bone marrow transplantation or stem cell transplantation in the 4 months prior to study commencement",
     [transplant("auto_hsct", 30)], [transplant("allo_hsct", 30), adult()], []),
    (I, ">= 6 months prior to registration for allogeneic bone marrow transplants and >= 3 months prior to registration for "
        "autologous bone marrow/stem cell transplants",
     [adult(), transplant("auto_hsct", 200), transplant("allo_hsct", 300)], [transplant("auto_hsct", 30), transplant("allo_hsct", 60)], []),
    # the kind closes a list of kinds: the pair is every kind's
    (E, "Prior allogeneic, syngeneic, or autologous bone marrow transplant or stem cell transplant less than 2 months previously",
     [transplant("allo_hsct", 30), transplant("auto_hsct", 30)], [adult()], []),  # every kind: the transplant (holdout T53)
]


@pytest.mark.parametrize("kind, text, facts, expected", outcome_cases(TRANSPLANT_KIND_ROWS))
def test_a_transplant_kind_before_a_pair_of_graft_sources_is_both_nouns(kind: CriterionType, text: str, facts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


CNS_CONTINUE = (
    "Active CNS leukemia; patients with known previous CNS leukemia may continue to receive intrathecal therapy with ara-C, "
    "methotrexate, and/or thiotepa plus steroids as prophylaxis against reactivation of previous CNS disease"
)
CONTINUED_THERAPY_ROWS = [
    (CNS_CONTINUE, [adult(condition("cns_involvement", 10))], [adult(), given("steroid_therapy", 5)], []),
]


@pytest.mark.parametrize("text, facts, expected", outcome_cases(CONTINUED_THERAPY_ROWS))
def test_a_therapy_a_patient_may_continue_is_no_alternative_of_a_disease_exclusion(text: str, facts, expected: Outcome) -> None:
    assert judged(parse_line(text, E), facts) is expected


MATERIAL_EXEMPT = (
    "Availability of the following material from relapse diagnosis for central analysis of minimal residual disease (MRD) by "
    "polymerase chain reaction (PCR): clone-specific primers and reference deoxyribonucleic acid (DNA), as well as primer sequences "
    "and analyzed sequences of clonal rearrangements (cases with isolated extramedullary relapse or cases with technical and/or "
    "logistic hurdles to obtain and process bone marrow material are exempt from providing this material. In these cases, central "
    "MRD analysis only by Flow is permitted)."
)
EXEMPTED_ROWS = [
    (MATERIAL_EXEMPT, [], [], [adult(), adult(condition("isolated_extramedullary_relapse", 30))]),
]


@pytest.mark.parametrize("text, facts, expected", outcome_cases(EXEMPTED_ROWS))
def test_an_unread_requirement_beside_a_bracketed_exemption_stays_a_persons(text: str, facts, expected: Outcome) -> None:
    assert judged(parse_line(text, I), facts) is expected


ECOG_EXCEPT = (
    "Inclusion Criteria - Dose Confirmation Phase Same inclusion criteria as in the Dose Escalation phase described above, "
    "except Patients must have an ECOG performance of 0 or 1."
)
GILBERT_TO_TO = (
    "Total bilirubin less than or equal to to 1.5 mg/dl, except in patients with Gilbert's Syndrome who must have a total "
    "bilirubin less than 3.0 mg/dl."
)
REQUIREMENT_NOT_EXEMPTION_ROWS = [
    (ECOG_EXCEPT, [adult(ecog(1))], [adult(ecog(3))], []),
    (GILBERT_TO_TO, [adult(bilirubin(1.0)), adult(condition("gilbert_syndrome"), bilirubin(2.5))],
     [adult(bilirubin(2.5)), adult(condition("gilbert_syndrome"), bilirubin(3.5))], []),
    ("Age >= to 18 years", [adult()], [adult(years=16)], []),
]


@pytest.mark.parametrize("text, facts, expected", outcome_cases(REQUIREMENT_NOT_EXEMPTION_ROWS))
def test_a_requirement_after_except_still_decides_and_a_doubled_to_is_one(text: str, facts, expected: Outcome) -> None:
    assert judged(parse_line(text, I), facts) is expected
