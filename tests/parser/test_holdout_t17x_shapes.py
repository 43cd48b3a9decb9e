"""Shapes the T171-T175 holdout trials (cordycepin with pentostatin for TdT-positive ALL, nelarabine
phase I, TKI258 in AML, a second transplant for JMML, LY573636 for relapsed/refractory AML;
``test_holdout_trials``) read as bare reviews although the record decides them, so a patient the
text excludes was eligible (five at first sight). Each is fixed in its general form and pinned
here with real corpus lines (``../shared/corpus``):

* A count of treatments failed with no drug class ("Failed at least one standard treatment",
  "Failure of at least one systemic therapy", "failed at least 2 prior lines of chemotherapy";
  about 15 lines): the treatment must have been given, so a patient never treated fails; one given
  it whose disease relapsed or is refractory meets it; how many lines failed stays a person's.
* The APL an AML line admits only after named drugs ("If participants have acute promyelocytic
  leukemia, they must be resistant and/or intolerant of both ATRA and arsenic trioxide"): an APL
  never given one of them fails; a non-APL AML is not asked.
* Every cancer therapy discontinued for a window ("Have discontinued all previous therapies for
  cancer ... for at least 21 days for myelosuppressive agents ... or 14 days for ..."): a therapy
  within the shortest window fails the line; the longer windows by agent stay a person's.
* "Intracranial disease" (an AML trial's exclusion) is the cancer's CNS involvement, as "CNS
  disease" is; "intracranial lesions" and other intracranial words stay unread.
* Pericarditis ("Previous pericarditis", "symptomatic pericarditis"; 9 lines) and the disorders of
  the pituitary and adrenal glands ("disorder of the hypothalamic-pituitary axis, adrenal or
  thyroid glands", "History of pituitary or adrenal dysfunction", "adrenal insufficiency"; about
  8 lines) are coded conditions (ICD-10-CM I30-I32, E22-E27); a gland the replacement steroids
  are "for" is an indication, never a disease the line excludes.
* Course words before joined degree adjectives ("Known pre-existing clinically significant or
  uncontrolled disorder of ...", "Symptomatic and/or unstable pre-existing brain metastases"): one
  noun phrase, not alternatives; left out, the whole line was a review. "current" is not one of
  them: "No uncontrolled or current infection" names any current infection.
* "greater than equal to" / "less than equal to" (the "or" left out; 6 lines) are the
  comparators "≥" and "≤".
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, lab, medication

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION


def drug(words: str, days_ago: int = 200) -> PatientFacts:
    return adult(condition("apl", 300), condition("relapsed", 20), medication("named_medication", days_ago, quote=words, words=words))


TREATED_RELAPSE = adult(condition("all", 400), condition("relapsed", 30), medication("chemotherapy", 60))
TREATED_NO_STATUS = adult(condition("all", 400), medication("chemotherapy", 60))
UNTREATED = adult(condition("all", 10))
APL_BOTH = adult(condition("apl", 300), condition("relapsed", 20),
                 medication("named_medication", 300, quote="tretinoin", words="tretinoin"),
                 medication("named_medication", 200, quote="arsenic trioxide", words="arsenic trioxide"))

WASHOUT = ("Have discontinued all previous therapies for cancer, including chemotherapy, radiotherapy, immunotherapy, cancer-related "
           "hormonal therapy, or other investigational therapy for at least 21 days for myelosuppressive agents (such as cytarabine, "
           "daunorubicin, and gemtuzumab ozogamicin) or 14 days for non-myelosuppressive agents prior to receiving study drug and "
           "recovered from the acute effects of therapy.")
APL_AFTER = ("Participants who have a diagnosis of either essential thrombocythemia or acute myeloid leukemia that is relapsed or refractory "
             "to at least one prior standard treatment. If participants have acute promyelocytic leukemia, they must be resistant and/or "
             "intolerant of both all trans retinoic acid (ATRA) and arsenic trioxide.")
GLANDS = ("Known pre-existing clinically significant or uncontrolled disorder of the hypothalamic-pituitary axis, adrenal or thyroid "
          "glands")

ROWS = [
    # -- a count of treatments failed asks the treatment given
    ("Failed at least one standard treatment", I, [TREATED_RELAPSE, adult(condition("refractory", 30), medication("anticancer_therapy", 60))],
     [UNTREATED, adult()], [TREATED_NO_STATUS]),
    ("Failure of at least one systemic therapy, not including Bexarotene (Targretin)", I, [], [UNTREATED], [TREATED_RELAPSE]),
    ("Has failed at least 2 prior lines of chemotherapy", I, [], [UNTREATED], [TREATED_RELAPSE]),
    ("Failed at least one line of chemotherapy. Neoadjuvant and adjuvant chemotherapy count as a prior line of therapy.", I, [],
     [UNTREATED], [TREATED_RELAPSE]),
    # -- the APL admitted only after the drugs named
    (APL_AFTER, I, [], [drug("tretinoin"), adult(condition("apl", 300), condition("relapsed", 20))],
     [APL_BOTH, adult(condition("aml", 300), condition("relapsed", 20))]),
    # -- every cancer therapy discontinued for the shortest window
    (WASHOUT, I, [], [adult(medication("chemotherapy", 10)), adult(medication("anticancer_therapy", 7))],
     [adult(), adult(medication("chemotherapy", 40))]),
    # -- intracranial disease is the cancer's CNS involvement
    ("Intracranial disease or epidural disease", E, [adult(condition("cns_involvement", 10)), adult(condition("brain_metastases", 100))], [],
     [adult()]),
    ("Patients presenting with more than 6 intracranial lesions", E, [], [], [adult(condition("brain_metastases", 100))]),
    # -- pericarditis
    ("Previous pericarditis", E, [adult(condition("pericarditis", 800, active=False)), adult(condition("pericarditis", 20))], [adult()], []),
    ("History of angina pectoris, symptomatic pericarditis, or myocardial infarction", E, [], [adult()], [adult(condition("pericarditis", 20))]),
    # -- the pituitary and adrenal glands
    (GLANDS, E, [], [adult()], [adult(condition("adrenal_disorder", 3000)), adult(condition("pituitary_disorder", 3000)),
                                 adult(condition("thyroid_disease", 3000))]),
    ("History of pituitary or adrenal dysfunction", E, [adult(condition("adrenal_disorder", 3000)), adult(condition("pituitary_disorder", 900))],
     [adult(), adult(condition("thyroid_disease", 900))], []),
    ("Subject has a history of adrenal insufficiency.", E, [adult(condition("adrenal_disorder", 3000))], [adult()], []),
    ("Systemic corticosteroid therapy (except replacement therapy for adrenal or pituitary insufficiency)", E, [], [adult()],
     [adult(condition("pituitary_disorder", 900), medication("steroid_therapy", 5))]),
    # -- course words before joined degree adjectives
    ("Symptomatic and/or unstable pre-existing brain metastases;", E, [], [adult()], [adult(condition("brain_metastases", 300))]),
    # ("current" stays out: "uncontrolled or current" names the state itself, so a sepsis meets it)
    ("No uncontrolled or current infection", E, [adult(condition("active_infection", 3))], [], [adult()]),
    # -- the comparator written without its "or"
    ("Have a serum albumin level greater than equal to 3.0 grams/deciliter (g/L), less than or equal to 72 hour prior to dosing.", I, [],
     [adult(lab("albumin", 2.5, "g/dL"))], [adult(lab("albumin", 3.8, "g/dL")), adult()]),
    ("Total bilirubin greater than equal to (>=) 3 x ULN", I, [adult(lab("bilirubin", 4.0, "mg/dL", uln=1.2))],
     [adult(lab("bilirubin", 1.0, "mg/dL", uln=1.2))], [adult()]),
    ("Creatinine clearance less than equal to (<=) 60 milliliters per minute (mL/min)", I, [adult(lab("creatinine_clearance", 50, "mL/min"))],
     [adult(lab("creatinine_clearance", 90, "mL/min"))], [adult()]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_t17x_holdout_shape_is_read_for_what_it_asks(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected
