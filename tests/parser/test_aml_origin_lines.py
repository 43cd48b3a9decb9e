"""The origins of an AML the leukaemia trials name (issue 14, known misread families): "Secondary
or therapy-related AML", "Treatment-related AML (t-AML)", "Secondary AML in remission or relapse"
(about 25 corpus lines in leukaemia trials), read before as AML beside a review of "secondary".

* "secondary AML" and "therapy-related AML" are kinds of AML (``secondary_aml``,
  ``therapy_related_aml``). No ICD-10-CM code states either, so an AML on record beside the
  history one arises from (an MDS, MPN or CMML, another cancer and so its therapy, a code of
  myelodysplasia-related changes or of a therapy-related myeloid neoplasm) leaves them open
  (unknown), never absent: an exclusion of therapy-related AML never clears a patient whose AML
  followed a treated breast cancer. An AML with none of that history is de novo (not met).
* "de novo or secondary AML" is any AML: the origins join no items, so "Untreated de novo or
  secondary AML" asks for an untreated AML (read as "untreated or AML", a relapsed, treated AML
  met the line for new patients: 3 corpus inclusions).
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.reference import evaluate_reference
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import AS_OF, adult, condition, lab, medication

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

DE_NOVO = adult(condition("aml", 30))
AFTER_MDS = adult(condition("aml", 30), condition("mds", 400, active=False))
AFTER_BREAST = adult(condition("aml", 30), condition("breast_cancer", 1500, active=False), medication("chemotherapy", 1400))
MRC_CODED = adult(condition("aml", 30), condition("aml_mrc", 30))
T_MN_CODED = adult(condition("aml", 30), condition("therapy_related_myeloid_neoplasm", 30))
SECONDARY = adult(condition("secondary_aml", 30))
THERAPY = adult(condition("therapy_related_aml", 30))
MDS_ONLY = adult(condition("mds", 30))
TREATED_RELAPSE = adult(condition("aml", 400), condition("relapsed", 20), medication("chemotherapy", 300))

ROWS = [
    # -- the kinds, asked by an inclusion
    ("Secondary or therapy-related AML", I, [SECONDARY, THERAPY], [DE_NOVO, MDS_ONLY, adult()], [AFTER_MDS, AFTER_BREAST, MRC_CODED, T_MN_CODED]),
    ("Treatment-related AML (t-AML)", I, [THERAPY], [DE_NOVO, MDS_ONLY],
     [AFTER_BREAST, AFTER_MDS, SECONDARY, T_MN_CODED]),
    ("Secondary AML in remission or relapse", I, [adult(condition("secondary_aml", 300), condition("relapsed", 20))],
     [DE_NOVO, adult(condition("aml", 300), condition("relapsed", 20))], [adult(condition("aml", 300), condition("relapsed", 20), condition("mds", 500))]),
    # -- and by an exclusion: open beside the history, never cleared by it
    #    (the antecedent disorder is the MDS or MPN on record before the AML: topics.antecedent_disorder)
    ("Antecedent hematologic disorder preceding initial presentation of AML or therapy related AML", E, [AFTER_MDS, THERAPY],
     [adult(), MDS_ONLY, DE_NOVO], [AFTER_BREAST]),
    ("Patients with treatment related AML (t-AML) are eligible, provided they meet all", I, [DE_NOVO, adult()], [], [THERAPY, AFTER_BREAST]),
    # -- the line's own disease, widened by a kind of it
    ("AML (including secondary AML) diagnosed as per WHO criteria", I, [DE_NOVO, SECONDARY, AFTER_MDS], [MDS_ONLY, adult()], []),
    # -- every origin is any AML
    ("Newly diagnosed, previously untreated, cytologically/histologically confirmed de novo or secondary AML according to World Health "
     "Organization (WHO) classification (except for acute promyelocytic leukemia (APL))", I, [DE_NOVO, SECONDARY], [TREATED_RELAPSE, MDS_ONLY, adult()], []),
    ("Untreated de novo or secondary AML", I, [DE_NOVO, AFTER_MDS], [TREATED_RELAPSE, adult(medication("chemotherapy", 30), condition("aml", 60))], []),
    ("Relapsed de novo or secondary AML", I, [adult(condition("aml", 300), condition("relapsed", 20))], [DE_NOVO, MDS_ONLY], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_an_aml_origin_line_is_read_for_what_it_asks(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize("text", ["Patients with de novo or secondary AML", "AML, de novo or secondary", "Subject has primary or secondary AML"])
def test_an_any_origin_aml_never_asks_for_the_secondary_kind(text: str) -> None:
    """Any origin is no narrowing: an AML with no history is no less an AML for these lines."""
    assert judged(parse_line(text, I), DE_NOVO) is not Outcome.NOT_MET


EXCEPTED = [
    # -- an origin with a kind of it excepted: the history beside the AML is asked of every record,
    #    a closed MDS as much as an active one, as the plain "Secondary AML" asks it
    ("Secondary AML, except therapy-related AML", E, [SECONDARY], [DE_NOVO, THERAPY],
     [AFTER_MDS, adult(condition("aml", 30), condition("mds", 400)), AFTER_BREAST]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(EXCEPTED))
def test_an_origin_with_a_kind_excepted_is_open_beside_a_closed_history(
    text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome
) -> None:
    """The excepted path asked the history of the active records only: an AML after a resolved MDS
    was "no secondary AML" for this line and "may be secondary AML" for the plain one."""
    assert judged(parse_line(text, kind), facts) is expected


def test_an_open_excepted_origin_says_what_history_leaves_it_open() -> None:
    trial = TrialCriteria("NCT00000019", 1, (parse_line("Secondary AML, except therapy-related AML", E),))
    reason = evaluate_reference(trial, AFTER_MDS, AS_OF).criteria[0].reason
    assert "beside myelodysplastic syndrome" in reason and "may be secondary AML" in reason, reason


WBC_10 = lab("wbc", 10, "10*9/L")
HIGH_RISK = [
    (I, "Patients must have a histologically and cytological confirmed acute myeloid leukemia, high risk AML defined as:", None),
    (I, "Age > 60, or Presence of complex cytogenetic abnormalities (with > 3 cytogenetic abnormalities), del (7q, -5, -7), t(9,22), 11q(23) "
        "or high risk mutations by FISH eg MLL, FLT-3 +", 0),
    (I, "Secondary AML, or A white blood cell count of > 50 x10^9/L", 0),
]


@pytest.mark.parametrize(
    "facts, expected",
    [(adult(condition("aml", 30), WBC_10, years=70), Outcome.UNKNOWN), (adult(condition("secondary_aml", 30), WBC_10, years=40), Outcome.UNKNOWN),
     (adult(condition("aml", 30), WBC_10, years=40), Outcome.UNKNOWN), (adult(condition("mds", 30), WBC_10, years=70), Outcome.NOT_MET)],
    ids=["old-de-novo", "young-secondary", "young-de-novo", "no-aml"],
)
def test_each_line_under_a_high_risk_definition_is_one_way_of_being_high_risk(facts: PatientFacts, expected: Outcome) -> None:
    """Joined as requirements, "Secondary AML, or WBC > 50" failed a 70-year-old de novo AML the age line makes high risk
    (the heading's own words, "histologically and cytological confirmed", stay a person's)."""
    trial = TrialCriteria("NCT00000019", 1, parse_lines(HIGH_RISK))
    assert evaluate_reference(trial, facts, AS_OF).criteria[0].outcome is expected
