"""An exception written between what a line asks and its window ("Major surgery, other than
diagnostic surgery, within 28 days prior to Day 1"; ``normalize``: the window said first, the
exception after it, 20 corpus lines read differently with the subject words below, each read):
the window dates what is asked. Left between them, the exception took the window and the event
was asked ever, so a major surgery a year ago or an investigational agent three months ago
excluded, or the window stayed an unread review. A protocol's own word for its patients
("Candidates", "Pts", "Recipients") opening a duty or a denial is read as "Patients", and a
window's span in brackets ("MI within (6 months)") as the span."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.normalize import normalize
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, creatinine, ecog, medication, procedure

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION
NAIVE = adult()
SURGERY_10D, SURGERY_1Y = adult(procedure("major_surgery", 10)), adult(procedure("major_surgery", 365))
AGENT_10D, AGENT_90D = adult(medication("investigational_agent", 10)), adult(medication("investigational_agent", 90))
CHEMO_5D, CHEMO_40D = adult(medication("chemotherapy", 5)), adult(medication("chemotherapy", 40))

ROWS = [
    ("Major surgical procedure other than for diagnosis within 4 weeks prior to randomization", E, [SURGERY_10D], [SURGERY_1Y, NAIVE], []),
    ("Use of investigational agents, with the exception of gemtuzumab ozogamicin, within 30 days.", E, [AGENT_10D], [AGENT_90D, NAIVE], []),
    # (the surgery on record may be the diagnostic one excepted: a person's, never cleared)
    ("Patient who has undergone recent major surgery, other than diagnostic surgical procedure within 4 weeks prior to enrollment.", E,
     [], [SURGERY_1Y, NAIVE], [SURGERY_10D]),
    # (the chemotherapy on record may be the imatinib excepted: open, never eligible)
    ("Patients should not have received chemotherapy other than hydroxyurea or imatinib within 3 weeks prior to treatment.", E,
     [], [CHEMO_40D, NAIVE], [CHEMO_5D]),
    ("Candidates must have a creatinine level < 1.5 mg/dL", I, [adult(creatinine(1.0))], [adult(creatinine(2.0))], [NAIVE]),
    ("Pts must have GOG performance status of 0, 1 or 2", I, [adult(ecog(1))], [adult(ecog(3))], [NAIVE]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_the_window_dates_what_the_line_asks_whatever_it_excepts(
    text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Major surgery, other than diagnostic surgery, within 28 days prior to Day 1.", "Major surgery within 28 days prior to Day 1, other than diagnostic surgery."),
        ("chemotherapy other than hydroxyurea or Gleevec within 3 weeks prior to treatment",
         "chemotherapy within 3 weeks prior to treatment, other than hydroxyurea or Gleevec"),
        ("Candidates should not have received chemotherapy", "Patients should not have received chemotherapy"),
        ("Recipients with pre-transplant creatinine > 1.6 mg/dL", "Patients with pre-transplant creatinine > 1.6 mg/dL"),
        # left as written: a bracketed exception (read where it stands), a comma inside it (another
        # item follows), an exception of people or one dated itself, a window that does not end the
        # sentence, and a candidate for something
        ("Has a history of malignancy (other than multiple myeloma) within 3 years before randomization", None),
        ("Chemotherapy other than hydroxyurea, or radiotherapy within 2 weeks", None),
        ("Patients with CNS disease except those who were treated within 3 months.", None),
        ("except for bicalutamide and nilutamide which are excluded within 6 weeks of starting study treatment", None),
        ("Major surgery, except diagnostic biopsy, within 4 weeks prior to start of treatment, or not recovered", None),
        ("Patients who are candidates must have a donor", None),
    ],
)
def test_only_an_exception_of_things_before_a_closing_window_moves(text: str, expected: str | None) -> None:
    assert normalize(text) == normalize(expected or text) if expected else normalize(text) == " ".join(text.split())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Uncontrolled angina, congestive heart failure or MI within (6 months).", "Uncontrolled angina, congestive heart failure or MI within 6 months."),
        ("any infection in the last ( 30 days )", "any infection in the last 30 days"),
        # (a bracket that holds more than the span is left)
        ("MI within (6 months prior to enrollment)", None),
    ],
)
def test_a_windows_span_in_brackets_is_the_span(text: str, expected: str | None) -> None:
    """"MI within (6 months)" (4 corpus lines): left, the window was unread and an infarction
    years ago excluded."""
    assert normalize(text) == normalize(expected or text) if expected else normalize(text) == " ".join(text.split())


MI_2Y, MI_2MO = adult(condition("myocardial_infarction", 700, active=False)), adult(condition("myocardial_infarction", 60))


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases([
    ("Uncontrolled angina, congestive heart failure or MI within (6 months).", E, [MI_2MO], [MI_2Y, NAIVE], []),
]))
def test_an_infarction_outside_the_bracketed_window_does_not_exclude(
    text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(parse_line(text, kind), facts) is expected
