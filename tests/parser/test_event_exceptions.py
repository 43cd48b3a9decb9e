"""An exclusion's exception never clears a patient the rest of the line excludes.

"No concurrent chemotherapy except taxanes" was read "chemotherapy and not taxane": a patient on
a taxane AND a platinum met "not taxane" falsely, so the line was not met and the patient was
cleared where the text excludes. Each row is a corpus line's shape (except, other than, with the
exception of, unless, excluding), decided on a record:

* the exception names kinds of the excluded event the catalogue holds (a taxane is a
  chemotherapy, atrial fibrillation an arrhythmia, an autologous transplant a transplant): the
  line asks for an event no exception covers, so the excepted kind alone does not meet it and
  another kind beside it does;
* the exception is a condition of use, a diagnosis the therapy is for, or an event no kind of the
  excluded one (steroids "except for GVHD", an infection "other than HIV"): a record holding it
  does not show the excluded event is the excepted one, so the line is left open (unknown);
* a line asking no event (a QTc "unless a pacemaker is present") keeps its exception: it is about
  the patient, whose one value it concerns;
* in an inclusion the excepted kind never makes a patient who lacks what is required met.

Both evaluators decide each row the same (``tests.rules_engine.conftest.both``)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import Event, Measurement, PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from tests.rules_engine.conftest import AS_OF, both

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION


def record(*events: str, qtc: float | None = None) -> PatientFacts:
    """Active events recorded ten days ago; a QTc measured today."""
    evs = {c: (Event(c, AS_OF - timedelta(days=10), True, {}),) for c in events}
    ms = {"qtc": (Measurement("qtc", qtc, "ms", AS_OF),)} if qtc is not None else {}
    return PatientFacts(date(1960, 1, 1), "male", ms, evs)


def decide(ctype: CriterionType, line: str, facts: PatientFacts) -> Outcome:
    trial = TrialCriteria("excepted", 1, parse_lines([(ctype, line)]))
    reference, _ = both(trial, facts)
    return reference.criteria[0].outcome


CHEMO = "Prior chemotherapy other than anthracyclines"
CONCURRENT = "No concurrent chemotherapy except taxanes"
ARRHYTHMIA = "Cardiac arrhythmia (except atrial fibrillation)"
TRANSPLANT = "Prior stem cell transplant other than autologous transplant"
STEROIDS = "Steroids except for GVHD"
INFECTION = "Active infection other than HIV"
QTC = "Corrected QT (QTc) interval > 500 msec, unless a cardiac pacemaker is present"

ROWS = [
    # the exception names kinds of the excluded event
    (E, CHEMO, record("anthracycline"), NOT_MET),
    (E, CHEMO, record("anthracycline", "platinum_chemotherapy"), MET),
    (E, CHEMO, record("taxane"), MET),
    (E, CHEMO, record("chemotherapy", "anthracycline"), UNKNOWN),
    (E, CONCURRENT, record("taxane"), NOT_MET),
    (E, CONCURRENT, record("taxane", "platinum_chemotherapy"), MET),
    (E, "Prior chemotherapy, with the exception of taxanes", record("taxane", "anthracycline"), MET),
    (E, "Prior chemotherapy unless platinum-based chemotherapy", record("platinum_chemotherapy", "taxane"), MET),
    (E, ARRHYTHMIA, record("atrial_fibrillation"), NOT_MET),
    (E, ARRHYTHMIA, record("atrial_fibrillation", "torsades_de_pointes"), MET),
    (E, TRANSPLANT, record("auto_hsct"), NOT_MET),
    (E, TRANSPLANT, record("auto_hsct", "allo_hsct"), MET),
    (E, TRANSPLANT, record("hsct"), UNKNOWN),
    (E, "Anticoagulant therapy other than warfarin", record("vitamin_k_antagonist", "anticoagulant_therapy"), UNKNOWN),
    # the exception is no kind of the excluded event
    (E, STEROIDS, record("steroid_therapy", "gvhd"), UNKNOWN),
    (E, STEROIDS, record("steroid_therapy"), MET),
    (E, STEROIDS, record("gvhd"), NOT_MET),
    (E, INFECTION, record("active_infection", "hiv"), UNKNOWN),
    (E, INFECTION, record("hiv"), NOT_MET),
    # (no immunosuppressant record is a steroid's: the exception excepts nothing, therapy_rewrites)
    (E, "Patients receiving immunosuppressive therapy other than corticosteroids", record("immunosuppressant_therapy", "steroid_therapy"), MET),
    # a line asking no event: the exception is the patient's
    (E, QTC, record("cardiac_pacemaker", qtc=520), NOT_MET),
    (E, QTC, record(qtc=520), MET),
    # inclusions: the excepted kind never meets what is required
    (I, "AML other than acute promyelocytic leukemia", record("apl"), NOT_MET),
    (I, "AML other than acute promyelocytic leukemia", record("aml"), MET),
    (I, "AML other than acute promyelocytic leukemia", record("aml", "apl"), UNKNOWN),
    (I, "No prior stem cell transplant other than autologous transplant", record("auto_hsct", "allo_hsct"), NOT_MET),
    (I, "No prior stem cell transplant other than autologous transplant", record("auto_hsct"), MET),
    (I, "No prior chemotherapy except taxanes", record("taxane", "platinum_chemotherapy"), UNKNOWN),
]


@pytest.mark.parametrize(
    ("ctype", "line", "facts", "expected"),
    ROWS,
    ids=[
        "excepted-kind-alone", "excepted-kind-and-another", "another-kind", "unnamed-beside-excepted",
        "concurrent-excepted-alone", "concurrent-excepted-and-another", "with-the-exception-of", "unless",
        "af-alone", "af-and-torsades", "autologous-alone", "autologous-and-allogeneic", "transplant-unnamed",
        "anticoagulant-unnamed-beside-excepted",
        "steroids-and-the-condition-of-use", "steroids-alone", "condition-of-use-alone",
        "infection-and-hiv", "hiv-alone", "immunosuppressant-and-steroid",
        "qtc-with-pacemaker", "qtc-without-pacemaker",
        "inclusion-excepted-kind-alone", "inclusion-wider-record", "inclusion-wider-beside-excepted",
        "inclusion-no-x-except-with-another", "inclusion-no-x-except-excepted-alone", "inclusion-no-x-except-unread",
    ],
)
def test_an_exception_never_clears_a_patient_the_line_excludes(ctype, line, facts, expected):
    assert decide(ctype, line, facts) is expected


OTHER_CANCERS = "Other active malignancies except for non-melanoma skin cancer or cervical intraepithelial neoplasia"


def decide_in_aml_trial(lines: list[tuple[CriterionType, str]], facts: PatientFacts) -> Outcome:
    """The first exclusion's outcome in a trial for AML (its own disease is no other malignancy)."""
    trial = TrialCriteria("excepted-cancer", 1, parse_lines([(I, "Acute myeloid leukemia"), *lines]))
    reference, _ = both(trial, facts)
    return reference.criteria[1].outcome


@pytest.mark.parametrize(
    ("lines", "facts", "expected"),
    [
        ([(E, OTHER_CANCERS)], record("aml", "nonmelanoma_skin_cancer"), NOT_MET),
        ([(E, OTHER_CANCERS)], record("aml", "nonmelanoma_skin_cancer", "breast_cancer"), MET),
        # cervical dysplasia is no malignancy the predicate's value can take: its exception is
        # read as any other, open beside the cancer (never cleared)
        ([(E, OTHER_CANCERS)], record("aml", "cervical_dysplasia", "breast_cancer"), UNKNOWN),
        ([(E, OTHER_CANCERS)], record("aml", "breast_cancer"), MET),
    ],
    ids=["excepted-cancer-alone", "excepted-cancer-and-another", "excepted-dysplasia-and-another", "another-alone"],
)
def test_another_malignancy_with_its_exceptions(lines, facts, expected):
    assert decide_in_aml_trial(lines, facts) is expected
