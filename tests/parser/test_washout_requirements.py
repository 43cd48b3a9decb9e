"""A washout written as what the patient must be off ("Must be off all immunosuppressive
medications for at least 2 weeks prior to study entry", "Patients must have discontinued prior
chemotherapy ... for at least three weeks prior to ...", "should have been off ... for 2 weeks
before"; 39 of 71 corpus lines with "be off" / "must have discontinued" have the days and "before
/ prior to"). Read as written, the therapy was asked of the patient: "steroid-therapy and <unread
words>" failed every patient never given steroids, and one still on them was unknown. It is none
of the therapy within the days before the study; under an exclusion heading (a requirement filed
there) the same words exclude a patient given it within them."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.normalize import normalize
from tests.fixtures.judging import judged
from tests.fixtures.records import adult, condition, medication, procedure

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION


STEROIDS = "Patients must be off any steroids 7 days prior to the initiation of treatment"
IMMUNOSUPPRESSION = "Must be off all immunosuppressive medications for at least 2 weeks prior to study entry."
CHEMOTHERAPY = (
    "Patients must have discontinued prior chemotherapy or other investigational agents for at least three weeks prior to "
    "receiving the first dose of study drug"
)
AML_THERAPY = "Patients must have been off all prior therapy for AML for 2 weeks prior to start of study therapy."
RADIATION = (
    "Patients must have discontinued any radiation therapy at least four weeks prior to entry into the study and have recovered from all "
    "radiation-related toxicities (recovered to baseline or ≤CTCAE grade 1)."
)
SURGERY = "No major surgery for at least 4 weeks prior to enrollment"
CYTOTOXIC = "No prior cytotoxic therapy for at least 4 weeks before enrollment."
GROWTH_FACTORS = "Patients must have discontinued all growth factors, except Procrit (epoetin), at least 1 week before study."

ROWS = [
    # never given the therapy: the washout holds (it failed before)
    (I, STEROIDS, adult(), MET),
    (I, IMMUNOSUPPRESSION, adult(), MET),
    (I, CHEMOTHERAPY, adult(), MET),
    # given it inside the days: fails; outside them: holds
    (I, STEROIDS, adult(medication("steroid_therapy", 3)), NOT_MET),
    (I, STEROIDS, adult(medication("steroid_therapy", 30)), MET),
    (I, IMMUNOSUPPRESSION, adult(medication("immunosuppressant_therapy", 5)), NOT_MET),
    (I, IMMUNOSUPPRESSION, adult(medication("immunosuppressant_therapy", 20)), MET),
    (I, CHEMOTHERAPY, adult(medication("chemotherapy", 10)), NOT_MET),
    (I, CHEMOTHERAPY, adult(medication("investigational_agent", 10)), NOT_MET),
    (I, CHEMOTHERAPY, adult(medication("chemotherapy", 60)), MET),
    (I, AML_THERAPY, adult(condition("aml", 400), medication("chemotherapy", 5)), NOT_MET),
    (I, AML_THERAPY, adult(condition("aml", 400), medication("chemotherapy", 40)), MET),
    # the recovery asked beside the washout is a requirement of its own: inside the washout's "no",
    # radiation a week ago with the recovery unknown was unknown, never failed
    (I, RADIATION, adult(procedure("radiotherapy", 7)), NOT_MET),
    (I, RADIATION, adult(procedure("radiotherapy", 60)), UNKNOWN),
    # "No X for at least N weeks prior to": the "at least" once kept the "for" unread, and the
    # window's own "no" was negated again ("not no major-surgery within 4 weeks"): a surgery
    # was asked of everyone (2 corpus lines beside 3 of "for N weeks prior to" read already)
    (I, SURGERY, adult(), MET),
    (I, SURGERY, adult(procedure("major_surgery", 10)), NOT_MET),
    (I, SURGERY, adult(procedure("major_surgery", 60)), MET),
    (E, CYTOTOXIC, adult(medication("chemotherapy", 10)), MET),
    (E, CYTOTOXIC, adult(), NOT_MET),
    # undated: whether it fell inside the days is not known
    (I, STEROIDS, adult(medication("steroid_therapy", None)), UNKNOWN),
    # filed under the exclusions: an ESA 3 days ago is the excepted epoetin's kind (a person's:
    # Procrit is one ESA), a colony-stimulating factor 3 days ago excludes, one two months ago no one
    (E, GROWTH_FACTORS, adult(medication("esa", 3)), UNKNOWN),
    (E, GROWTH_FACTORS, adult(medication("growth_factor", 3)), MET),
    (E, GROWTH_FACTORS, adult(medication("growth_factor", 60)), NOT_MET),
    (E, GROWTH_FACTORS, adult(), NOT_MET),
]


@pytest.mark.parametrize(("ctype", "line", "facts", "expected"), ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(ROWS)])
def test_washout_written_as_being_off_the_therapy(ctype: CriterionType, line: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(line, ctype), facts) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (a steroid excepted from immunosuppressants is dropped before, therapy_rewrites: another exception)
        ("Must be off all anticoagulants (except low-dose aspirin) for at least 2 weeks prior to study entry.",
         "No anticoagulants within 2 weeks (except low-dose aspirin) prior to study entry."),
        (GROWTH_FACTORS, "No growth factors within 1 week (except Procrit (epoetin)) before study."),
        ("Hormone refractory disease. Patients must have been off previous anti-androgen therapy for at least 4 weeks before study entry.",
         "Hormone refractory disease. No previous anti-androgen therapy within 4 weeks before study entry."),
        ("Patients must have discontinued prior chemotherapy for at least three weeks prior to the first dose (six weeks for mitomycin C) and "
         "recovered from the toxic effects of that therapy",
         "recovered from the toxic effects of that therapy; No prior chemotherapy within 3 weeks prior to the first dose (6 weeks for mitomycin C)"),
    ],
    ids=["bracketed-exception", "comma-exception", "second-sentence", "recovery-said-first"],
)
def test_the_window_stays_with_the_therapy_and_the_exception_follows(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Patients must be off steroids with no new CNS symptoms or findings on imaging",  # no days: a clinical state
        "Patients must have discontinued use of such agents prior to beginning study",  # no days
        "Patients must have completed at least 4 months of adjuvant chemotherapy",  # a course asked, not a washout
    ],
)
def test_only_a_dated_washout_is_rewritten(text: str) -> None:
    assert not normalize(text).startswith("No ")
