"""Washout lines: the time since a prior therapy, one of the commonest lines of relapsed or
refractory leukaemia trials. Left to review, a washout let a patient treated 5 days ago be
answered eligible (a review never holds back ``eligible``).

A washout is read as "none of the therapy within the window": it never requires the therapy to
have been given (a patient never treated meets it), a patient treated inside the window fails it,
and a patient treated before it meets it. An exception the line carries ("except prednisone")
stays a review beside the reading, never dropped. The wordings are the corpus's own.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.facts import PatientFacts
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, medication, procedure, steroid

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

NAIVE = adult()
CHEMO_5_DAYS = adult(medication("chemotherapy", 5))
CHEMO_60_DAYS = adult(medication("chemotherapy", 60))
RT_5_DAYS = adult(procedure("radiotherapy", 5))
RT_60_DAYS = adult(procedure("radiotherapy", 60))
IS_5_DAYS = adult(medication("immunosuppressant_therapy", 5))
IS_60_DAYS = adult(medication("immunosuppressant_therapy", 60))

Row = tuple[str, tuple[PatientFacts, ...], tuple[PatientFacts, ...], tuple[PatientFacts, ...]]

# (line, met, not met, unknown)
FROM_THE_LAST_DOSE: list[Row] = [
    ("At least 21 days from last cytotoxic chemotherapy.", (NAIVE, CHEMO_60_DAYS), (CHEMO_5_DAYS,), ()),
    ("At least 21 days since last cytotoxic chemotherapy.", (NAIVE, CHEMO_60_DAYS), (CHEMO_5_DAYS,), ()),
    ("Minimum of 3 weeks must have elapsed from the time of last chemotherapy", (NAIVE, CHEMO_60_DAYS), (CHEMO_5_DAYS,), ()),
    ("Radiotherapy: At least 14 days have elapsed from the last irradiation.", (NAIVE, RT_60_DAYS), (RT_5_DAYS,), ()),
    # the unread member of the list stays a review beside: a platinum last week still fails
    (">=4 weeks from last platinum-based or fluoropyrimidine-based chemotherapy;", (), (adult(medication("platinum_chemotherapy", 5)),), (NAIVE, CHEMO_5_DAYS)),
    # a bare number opening the item is the least that must have passed (read bare, the line
    # asked for the therapy itself and failed every untreated patient)
    ("14 days must have elapsed since the completion of cytotoxic therapy", (NAIVE, CHEMO_60_DAYS), (CHEMO_5_DAYS,), ()),
    ("A minimum of 4 weeks must have elapsed since completion of any prior chemotherapy", (NAIVE, CHEMO_60_DAYS), (CHEMO_5_DAYS,), ()),
]

# two washouts in one sentence, each naming its therapy after its own "since" (the second was
# dropped: the therapy stood bare, a requirement to have had one)
TWO_WASHOUTS: list[Row] = [
    ("At least 21 days must have elapsed from prior chemotherapy, at least 7 days must have elapsed since receiving biological therapy.",
     (NAIVE, CHEMO_60_DAYS), (CHEMO_5_DAYS, adult(medication("immunotherapy", 3))), ()),
]

# a washout written before a list holds for every therapy listed, over their own lead words
LISTED: list[Row] = [
    ("Adequate recovery from recent surgery, chemotherapy and radiation therapy. At least 28 days must have elapsed from major surgery, "
     "prior chemotherapy, prior treatment with an investigational agent or prior radiation therapy",
     # the recovery is read too (no toxicity, no surgery on record: nothing to recover from)
     (NAIVE,), (CHEMO_5_DAYS, RT_5_DAYS, adult(medication("investigational_agent", 5))), ()),
    ("Minimum of 4 weeks since any major surgery, completion of radiation, or completion of all prior systemic anticancer therapy",
     (NAIVE, CHEMO_60_DAYS), (CHEMO_5_DAYS, RT_5_DAYS), ()),
    ("At least 4 weeks since prior chemotherapy, novel agents, or radiotherapy", (), (CHEMO_5_DAYS, RT_5_DAYS), (NAIVE, CHEMO_60_DAYS)),
    ("At least 28 days from prior major surgery and at least 14 days from any prior radiotherapy before registration",
     (NAIVE, RT_60_DAYS), (RT_5_DAYS, adult(procedure("major_surgery", 5))), ()),
]

# "since prior and no concurrent" before a list: each therapy's washout, joined (the "no" is the
# washout's own; negated once more, the line asked for a recent course and a patient treated last
# week met it)
PRIOR_AND_NO_CONCURRENT: list[Row] = [
    ("More than 4 weeks since prior and no concurrent radiotherapy, chemotherapy, or immunotherapy",
     (NAIVE, CHEMO_60_DAYS, RT_60_DAYS), (CHEMO_5_DAYS, RT_5_DAYS), ()),
    ("At least 4 weeks since prior and no concurrent major surgical procedure or open biopsy",
     (NAIVE, adult(procedure("open_biopsy", 60), procedure("surgery", 60))),
     (adult(procedure("major_surgery", 5)), adult(procedure("open_biopsy", 5), procedure("surgery", 5))), ()),
    # a word left beside the washout keeps it a person's where it could clear, never where it fails
    ("At least 2 weeks since prior and no concurrent exogenous corticosteroids", (), (adult(*steroid(5)),), (NAIVE,)),
]

OFF_FOR: list[Row] = [
    # read as a washout (none within the 2 weeks), met by a patient never given one or given it
    # long ago; the catalogue's immunosuppressants hold no prednisone, so excepting it excepts
    # nothing (therapy_rewrites) and a recent immunosuppressant fails the line (holdout T165-tacrolimus)
    ("Must be off all immunosuppressive medications (except prednisone) for at least 2 weeks prior to study entry",
     (NAIVE, IS_60_DAYS), (IS_5_DAYS,), ()),
    ("Off prednisone or other immunosuppressive medications for at least 3 days prior to Day 0",
     (NAIVE, IS_5_DAYS, adult(steroid(60))), (adult(medication("immunosuppressant_therapy", 1)), adult(steroid(1))), ()),
    ("Patients must be off all systemic immunosuppressive therapy for at least 2 weeks, excluding hydrocortisone for physiologic cortisol replacement",
     (), (IS_5_DAYS,), (NAIVE, IS_60_DAYS)),
]

# "X must have been completed / discontinued ≥ N before" the study's own start: the same washout
COMPLETED_BEFORE: list[Row] = [
    ("Radiation therapy must have been completed at least one week before initiation of protocol therapy", (NAIVE, RT_60_DAYS), (adult(procedure("radiotherapy", 3)),), ()),
    ("Surgery must have been completed at least 28 days before entry into the study and all complications/adverse events must have been resolved.",
     (), (adult(procedure("surgery", 5)),), (NAIVE, adult(procedure("surgery", 60)))),
    ("All previous cancer therapy, including radiation, hormonal therapy and surgery, must have been discontinued at least 4 weeks prior to treatment in this study",
     (), (RT_5_DAYS, adult(procedure("surgery", 5)), adult(medication("hormone_therapy", 5))), (NAIVE,)),
]

# a therapy only named, never asked about: no washout read, the line stays to review
NAMED_ONLY: list[Row] = [
    ("Patients with a fungal infection must have had treatment for at least one month", (), (), (NAIVE, CHEMO_5_DAYS)),
    ("Persistent alopecia > 4 weeks after last course of chemotherapy does not exclude patient", (), (), (NAIVE, CHEMO_5_DAYS)),
    ("Intent to undergo disease resection or biopsy at least 7days from the treatment start date", (), (), (NAIVE, CHEMO_5_DAYS)),
    ("Minimum of 1 and maximum of 2 prior metastatic breast cancer chemotherapy regimens.", (), (), (NAIVE, CHEMO_60_DAYS)),
    # the window belongs to the anti-neoplastic treatment: the hormonal therapy is never required
    ("Hormonal therapy being utilized, as an anti-neoplastic treatment must be discontinued at least one week prior to study entry. Hormonal replacement therapy for symptom management is allowed",
     (), (adult(medication("anticancer_therapy", 3)),), (NAIVE,)),
]


@pytest.mark.parametrize("text,facts,expected", outcome_cases(FROM_THE_LAST_DOSE + TWO_WASHOUTS + LISTED + PRIOR_AND_NO_CONCURRENT + COMPLETED_BEFORE + OFF_FOR + NAMED_ONLY))
def test_a_washout_inclusion_is_met_by_an_untreated_patient_and_failed_inside_its_window(text, facts, expected):
    assert judged(parse_line(text, INC), facts) is expected


# "off X for ≥ N" in an exclusion: a statement of what excludes, unless it is an exception's own
# condition ("... and off steroids > 12 weeks are eligible"), where it is none within the window
EXCLUSIONS: list[Row] = [
    ("Patients who have received chemotherapy must be off treatment for at least 2 weeks.", (CHEMO_5_DAYS,), (NAIVE, CHEMO_60_DAYS), ()),
    ("Multiple brain lesions or metastases treated with radiotherapy in patients neurologically stable and off of steroids > 12 weeks are eligible",
     (), (NAIVE, adult(procedure("radiotherapy", 200), steroid(5))), (adult(procedure("radiotherapy", 200)),)),
]


@pytest.mark.parametrize("text,facts,expected", outcome_cases(EXCLUSIONS))
def test_off_a_therapy_in_an_exclusion_excludes_only_inside_its_window(text, facts, expected):
    assert judged(parse_line(text, EXC), facts) is expected


def test_a_window_counted_back_from_another_date_is_not_a_washout():
    """"Completed ≥ 90 days prior to documentation of relapse" dates the therapy against the
    relapse, not today: read as a washout, a patient treated after the relapse failed it."""
    text = "Progressive or recurrent disease after first-line platinum-based chemotherapy (chemotherapy must have been completed at least 90 days prior to documentation of relapse)"
    assert "not_within" not in str(parse_line(text, INC).expr.to_json())


def test_a_patient_off_a_therapy_is_never_read_as_one_on_it():
    """"Must be off X for ≥ 2 weeks" is no X within 2 weeks, never X within 2 weeks."""
    expr = parse_line("Off prednisone or other immunosuppressive medications for at least 3 days prior to Day 0", INC).expr
    assert "not_within" in str(expr.to_json()) and "'within'" not in str(expr.to_json())
