"""An event asked with kinds of it excepted ("No chemotherapy except taxanes": ``Predicate(
"chemotherapy", present, value=("taxane",))``), decided the same by both evaluators.

Read as "chemotherapy and not taxane", a patient with a taxane AND a platinum was cleared by the
taxane. The excepted predicate asks for a chemotherapy record that is no taxane: the taxane
alone does not meet it, the platinum beside it does; a record of the wider concept itself
("chemotherapy", no kind named) may be the taxane, so it leaves the answer open; a parent the
excepted kind was derived from is the excepted record, never a second event."""

from __future__ import annotations

from datetime import timedelta

import pytest

from rules_engine.criteria import CriterionType, Op, Predicate, Window
from rules_engine.outcome import Outcome
from rules_engine.rule_language import parse_rule, render_rule
from rules_engine.semantics import supported
from tests.rules_engine.conftest import AS_OF, both, decide, patient, trial_of

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
RECENT, OLD = AS_OF - timedelta(days=10), AS_OF - timedelta(days=400)

CHEMO_BUT_TAXANE = Predicate("chemotherapy", Op.PRESENT, ("taxane",))
LEUKEMIA_BUT_APL = Predicate("acute_leukemia", Op.PRESENT, ("apl",))
TRANSPLANT_BUT_AUTO_100D = Predicate("hsct", Op.WITHIN, ("auto_hsct",), window=Window(100, "days"))


@pytest.mark.parametrize(
    ("pred", "events", "expected"),
    [
        (CHEMO_BUT_TAXANE, {"taxane": RECENT}, NOT_MET),
        (CHEMO_BUT_TAXANE, {"taxane": RECENT, "platinum_chemotherapy": RECENT}, MET),
        (CHEMO_BUT_TAXANE, {"platinum_chemotherapy": RECENT}, MET),
        (CHEMO_BUT_TAXANE, {"chemotherapy": RECENT}, MET),
        (CHEMO_BUT_TAXANE, {"chemotherapy": RECENT, "taxane": OLD}, UNKNOWN),
        (CHEMO_BUT_TAXANE, {"chemotherapy": RECENT, "anthracycline": RECENT}, MET),
        (CHEMO_BUT_TAXANE, {"taxane": (RECENT, False), "anthracycline": (RECENT, False)}, NOT_MET),
        (CHEMO_BUT_TAXANE, {}, NOT_MET),
        (Predicate("chemotherapy", Op.ABSENT, ("taxane",)), {"taxane": RECENT}, MET),
        (Predicate("chemotherapy", Op.ABSENT, ("taxane",)), {"taxane": RECENT, "anthracycline": RECENT}, NOT_MET),
        (LEUKEMIA_BUT_APL, {"apl": RECENT}, NOT_MET),
        (LEUKEMIA_BUT_APL, {"aml": RECENT}, MET),
        (LEUKEMIA_BUT_APL, {"aml": RECENT, "apl": RECENT}, UNKNOWN),
        (LEUKEMIA_BUT_APL, {"acute_leukemia": RECENT}, UNKNOWN),
        (LEUKEMIA_BUT_APL, {"apl": RECENT, "b_all": RECENT}, MET),
        (Predicate("all", Op.PRESENT, ("b_all",)), {"acute_leukemia": RECENT}, UNKNOWN),
        (Predicate("all", Op.PRESENT, ("b_all",)), {"t_all": RECENT}, MET),
        (TRANSPLANT_BUT_AUTO_100D, {"auto_hsct": RECENT}, NOT_MET),
        (TRANSPLANT_BUT_AUTO_100D, {"auto_hsct": RECENT, "allo_hsct": RECENT}, MET),
        (TRANSPLANT_BUT_AUTO_100D, {"auto_hsct": RECENT, "allo_hsct": OLD}, NOT_MET),
        (TRANSPLANT_BUT_AUTO_100D, {"auto_hsct": RECENT, "allo_hsct": None}, UNKNOWN),
        (TRANSPLANT_BUT_AUTO_100D, {"hsct": RECENT}, UNKNOWN),
        (TRANSPLANT_BUT_AUTO_100D, {"hsct": OLD}, NOT_MET),
        (Predicate("hsct", Op.NOT_WITHIN, ("auto_hsct",), window=Window(100, "days")), {"auto_hsct": RECENT}, MET),
    ],
    ids=[
        "only-the-excepted-kind", "excepted-kind-and-another", "another-kind-only", "the-event-unnamed-is-no-excepted-kind",
        "unnamed-beside-the-excepted-kind-may-be-it", "unnamed-and-another-kind", "inactive-records", "nothing-on-record", "absent-form-excepted-only",
        "absent-form-with-another", "apl-only", "aml-alone-is-no-apl", "aml-beside-apl-may-be-it", "exhaustive-parent-may-be-it", "apl-and-b-all", "ancestor-without-subtype",
        "other-subtype", "window-excepted-only", "window-excepted-and-other-inside", "window-other-outside",
        "window-other-undated", "window-unnamed-inside", "window-unnamed-outside", "not-within-form",
    ],
)
def test_an_excepted_kind_never_clears_a_patient_holding_another(pred, events, expected):
    assert decide(pred, patient(events=events)).outcome is expected


@pytest.mark.parametrize(
    "pred",
    [
        Predicate("chemotherapy", Op.PRESENT, ("hiv",)),  # no kind of chemotherapy
        Predicate("chemotherapy", Op.PRESENT, ("chemotherapy",)),  # the event itself
        Predicate("taxane", Op.PRESENT, ("chemotherapy",)),  # a wider concept
        Predicate("chemotherapy", Op.PRESENT, ("not-a-concept",)),
    ],
    ids=["unrelated", "itself", "wider", "unknown-name"],
)
def test_an_exception_no_record_can_tell_apart_is_unknown(pred):
    assert not supported(pred)
    assert decide(pred, patient(events={"taxane": RECENT})).outcome is UNKNOWN


@pytest.mark.parametrize(
    ("events", "words"),
    [
        ({"taxane": RECENT}, "excepted"),
        ({"taxane": RECENT, "anthracycline": RECENT}, "anthracycline"),
        ({"chemotherapy": RECENT, "taxane": RECENT}, "may be the excepted kind"),
    ],
    ids=["names-the-exception", "names-the-deciding-record", "says-why-open"],
)
def test_the_reason_names_what_decided(events, words):
    assert words in decide(CHEMO_BUT_TAXANE, patient(events=events)).reason.lower()


def test_an_exclusion_with_the_excepted_kind_and_another_is_ineligible():
    reference, _ = both(trial_of(CHEMO_BUT_TAXANE, CriterionType.EXCLUSION), patient(events={"taxane": RECENT, "platinum_chemotherapy": RECENT}))
    assert reference.eligibility.value == "ineligible"


@pytest.mark.parametrize("pred", [CHEMO_BUT_TAXANE, TRANSPLANT_BUT_AUTO_100D], ids=["present", "window"])
def test_the_rule_language_writes_and_reads_the_exception(pred):
    text = render_rule(pred)
    assert "other than" in text
    assert parse_rule(text).expr == pred
