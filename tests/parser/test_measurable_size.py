"""An inclusion's measurable disease met by the largest mass on record, measured recently at the size
the line writes for a measurable lesion or at 2 cm where it writes none
(rules_engine.parser.topics.measurable_size). The coded verdict still decides; a smaller, older or
missing size leaves the line as it was; a line whose measurability is by another measure or place
is left alone. Wordings are the corpus's own or their shape; every case is judged by both
evaluators."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType, Review, ReviewReason
from rules_engine.parser import parse_line
from rules_engine.parser.topics.measurable_size import _OTHER_MEASURE, _size, _window, dates_the_scan, definition_only
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import adult, lab, result

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


def mass(cm: float, days_ago: int = 10):
    return adult(lab("tumor_size", cm, "cm", days_ago=days_ago))


MEASURABLE, NOT_MEASURABLE = adult(result("measurable_disease", "positive")), adult(result("measurable_disease", "negative"))

# (line, type, rule)
READINGS = [
    ("Must have measurable disease (e.g., a tumor mass > 1 cm)", INC, "measurable-disease is positive or (not measurable-disease and tumor-size > 1 cm within 4 weeks)"),
    ("Measurable disease based on modified Response Evaluation Criteria In Solid Tumors (RECIST)", INC,
     "measurable-disease is positive or (not measurable-disease and tumor-size >= 2 cm within 4 weeks)"),
    # the pointer to the protocol's section asks nothing, the line's window is the scan's
    ("Patients must have measurable disease as defined in section 6 assessed within 4 weeks of registration", INC,
     "measurable-disease is positive or (not measurable-disease and tumor-size >= 2 cm within 4 weeks)"),
    ("Measurable disease documented by CT scan within 28 days prior to registration", INC,
     "measurable-disease is positive or (not measurable-disease and tumor-size >= 2 cm within 28 days)"),
    # RECIST's definition written out: its largest size, and its words ask nothing more
    ("Patients must have measurable disease, defined as lesions that can be accurately measured in at least 1 dimension (longest diameter to be "
     "recorded) as greater than or equal to 20 mm with conventional techniques or as greater than 10 mm with spiral CT scan.", INC,
     "measurable-disease is positive or (not measurable-disease and tumor-size >= 2 cm within 4 weeks)"),
    # a size past RECIST's 1 cm: asked of a coded verdict too (a person's), read of the size on record
    ("Measurable disease of at least 1.5 cm", INC,
     '(measurable-disease is positive and review unparsed "of ≥ 1.5 cm") or (not measurable-disease and tumor-size >= 1.5 cm within 4 weeks)'),
    # the sentence dating the scan: the size's window; of a coded verdict, a person's
    ("Patients must have measurable disease based on RECIST 1.1; baseline measurements and evaluations of all sites of disease must be "
     "obtained =< 4 weeks prior to registration", INC,
     '(measurable-disease is positive and review unparsed "baseline measurements … evaluations of all sites of disease must be obtained ≤ 4 weeks")'
     " or (not measurable-disease and tumor-size >= 2 cm within 4 weeks)"),
    ("Patients must have measurable disease documented by computed tomography (CT) or magnetic resonance imaging (MRI). Measurable disease "
     "must be assessed within 28 days prior to registration.", INC,
     "measurable-disease is positive or (not measurable-disease and tumor-size >= 2 cm within 28 days)"),
    # what a definition permits is one more way in, never a bound of its own
    ("Measurable disease must be present; any tumor mass > 1 cm is acceptable;", INC,
     '(measurable-disease is positive or (not measurable-disease and tumor-size > 1 cm within 4 weeks)) or review unsupported "any tumor mass > 1 cm is acceptable"'),
    # a size the line asks itself decides as read
    ("Subjects must have measurable disease, defined as at least one tumor mass of > 1.5 cm in diameter.", INC,
     "measurable-disease is positive and tumor-size > 1.5 cm"),
    # measurability by another measure or place: as it was
    ("Measurable disease defined as serum M-protein >= 1 g/dL or urine M-protein >= 200 mg/24 hours", INC, None),
    ("Measurable disease outside the radiation field", INC, None),
    ("At least two measurable lesions", INC, None),
    ("Measurable intracranial disease (at least 1 cm on MRI)", INC, None),
    ("Bidimensionally measurable disease", INC, None),
    ("Measurable disease, defined as contrast-enhancing progressive or recurrent glioblastoma by MRI or CT imaging within the past 2 weeks", INC, None),
    # a negation or an exclusion: as it was
    ("No measurable disease", INC, "not measurable-disease is positive"),
    ("Measurable disease", EXC, "measurable-disease is positive"),
]


@pytest.mark.parametrize("text,ctype,rule", READINGS, ids=[r[0][:50] for r in READINGS])
def test_measurable_disease_reads_the_size_the_line_writes(text, ctype, rule):
    reading = rule_of(text, ctype)
    if rule is None:
        assert "tumor-size" not in reading
    else:
        assert reading == rule


# (line, met, not_met, unknown)
ROWS = [
    ("Must have measurable disease (e.g., a tumor mass > 1 cm)", [mass(3.5), mass(1.2), MEASURABLE], [NOT_MEASURABLE], [mass(1), mass(0.8), adult()]),
    ("Measurable disease based on modified Response Evaluation Criteria In Solid Tumors (RECIST)",
     [mass(3.2), mass(2), MEASURABLE], [NOT_MEASURABLE], [mass(1.8), mass(3.5, days_ago=60), adult()]),
    ("Patients must have measurable disease as defined in section 6 assessed within 4 weeks of registration",
     [mass(3.5)], [], [mass(3.5, days_ago=60), adult()]),
    ("Measurable disease defined as serum M-protein >= 1 g/dL", [], [], [mass(3.5)]),
    ("Measurable disease of at least 1.5 cm", [mass(1.5)], [NOT_MEASURABLE], [mass(1.4), MEASURABLE]),
]


@pytest.mark.parametrize("text,facts,expected", outcome_cases(ROWS))
def test_a_recent_mass_of_the_size_meets_measurable_disease(text, facts, expected):
    assert judged(parse_line(text, INC), facts) is expected


@pytest.mark.parametrize("text,only", [
    ("defined as in ≥ 1 dimension", True),
    ("longest diameter to be recorded … as ≥ 20 mm with conventional techniques … as > 10 mm with spiral CT scan", True),
    ("v1.1", True),  # RECIST's version, left beside the term
    ("by physical examination", False),
    ("evaluable … non-measurable disease alone is not acceptable", False),
])
def test_only_recists_own_definition_is_taken_as_asking_nothing(text, only):
    assert definition_only(Review(ReviewReason.UNPARSED, text)) is only


@pytest.mark.parametrize("text,dates", [
    ("baseline measurements … evaluations of all sites of disease must be obtained ≤ 4 weeks", True),
    ("must be assessed within 28 days prior to registration", True),
    ("Progression of unidimensionally assessed within 28 days prior to initial administration", False),
    ("Non-measurable sites must be assessed within 42 days", False),
])
def test_only_the_sentence_dating_the_scan_is_its_window(text, dates):
    assert dates_the_scan(Review(ReviewReason.UNPARSED, text)) is dates


@pytest.mark.parametrize("text", ["measurable " + "1 cm x " * 3000, "measurable disease " + "≥ 1" * 7000, "measurable within " * 1200, "a" * 20000])
def test_hostile_text_is_read_in_bounded_time(text):
    start = time.perf_counter()
    _OTHER_MEASURE.search(text)
    _size(text)
    _window(text)
    definition_only(Review(ReviewReason.UNPARSED, text))
    dates_the_scan(Review(ReviewReason.UNPARSED, text))
    assert time.perf_counter() - start < 1.0
