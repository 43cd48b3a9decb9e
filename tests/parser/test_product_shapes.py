"""Shapes the corpus-coverage work reads (issue 14, session 10): a medicine named by its product
as prior or concurrent therapy (topics.products), measurable disease offered with a wider
alternative (topics.measurable), and taking oral medication (topics.swallowing). Each row is a
line as registries write it (paraphrased), a record, and the outcome it must give.

What the record cannot decide (when a product was last given, whether evaluable disease
qualifies) stays a review beside the structured part: it can make a line unknown, never flip it.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rules_engine.criteria import CriterionType, Predicate, TrialCriteria
from rules_engine.facts import Event, Measurement, PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.reference import evaluate_reference

AS_OF = date(2026, 3, 2)
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION


def record(*products: str, measurable: str | None = None, **events: int) -> PatientFacts:
    """Medications named by their words (each 60 days ago), a RECIST assessment, other events."""
    evs: dict[str, tuple[Event, ...]] = {c: (Event(c, AS_OF - timedelta(days=d), True, {}),) for c, d in events.items()}
    if products:
        evs["named_medication"] = tuple(Event("named_medication", AS_OF - timedelta(days=60), True, {"quote": f"{p}, 2025"}) for p in products)
    measurements = {"measurable_disease": (Measurement("measurable_disease", measurable),)} if measurable else {}
    return PatientFacts(date(1970, 1, 1), "female", measurements, evs)


def decide(ctype: CriterionType, text: str, patient: PatientFacts) -> Outcome:
    trial = TrialCriteria("t", 1, parse_lines([(ctype, text)]))
    return evaluate_reference(trial, patient, AS_OF).criteria[-1].outcome


NONE = record()
OTHER = record("Metoprolol 50 MG Oral Tablet")

PRODUCT_DECISIONS = [
    # the PDQ layout's washout: no such product on record meets it; one on record is dated by its
    # own record (each 60 days ago here: outside every window below)
    (I, "At least 2 weeks since prior vincristine", NONE, MET),
    (I, "At least 2 weeks since prior vincristine", OTHER, MET),
    (I, "At least 2 weeks since prior vincristine", record("vincristine sulfate 1 MG/ML Injectable Solution"), MET),
    (I, "More than 4 weeks since prior rituximab", record("Rituximab 10 MG/ML"), MET),
    # a history of the product: the record's words decide, a brand is seen through its generic name
    (E, "Prior treatment with ketoconazole", record("ketoconazole 200 MG Oral Tablet"), MET),
    (E, "Prior treatment with ketoconazole", OTHER, NOT_MET),
    (E, "Prior therapy with Herceptin", record("trastuzumab 150 MG Injection"), MET),
    (E, "Prior therapy with Herceptin", OTHER, NOT_MET),
    (E, "prior temozolomide or dacarbazine", record("dacarbazine 200 MG"), MET),
    (E, "prior temozolomide or dacarbazine", NONE, NOT_MET),
    (I, "No prior bevacizumab", record("Avastin bevacizumab 25 MG/ML"), NOT_MET),
    (I, "No prior bevacizumab", OTHER, MET),
    (I, "Must have received prior trastuzumab", record("trastuzumab"), MET),
    (I, "Must have received prior trastuzumab", OTHER, NOT_MET),
    # a class the line names beside the products stays a review alternative of the exclusion
    (E, "Prior treatment with interferon, rituximab or other monoclonal antibody", record("rituximab"), MET),
    # (rx8: "other monoclonal antibody" is a catalogue class now: a metoprolol record is none of them)
    (E, "Prior treatment with interferon, rituximab or other monoclonal antibody", OTHER, NOT_MET),
    (I, "No prior sorafenib, AEE788, or vatalanib", record("sorafenib 200 MG"), NOT_MET),
    (I, "No prior sorafenib, AEE788, or vatalanib", OTHER, UNKNOWN),
    # concurrent use, or a window: the record dates no product, so a product on record is unknown
    (E, "Concomitant use of phenytoin or carbamazepine", record("phenytoin 100 MG"), NOT_MET),  # 60 days ago: not now
    (E, "Concomitant use of phenytoin or carbamazepine", OTHER, NOT_MET),
    (E, "Use of St. John's Wort, rifampin, ketoconazole or grapefruit juice.", record("St John's wort extract"), UNKNOWN),
    # a food is no medication a record names: grapefruit juice stays a person's to ask
    (E, "Use of St. John's Wort, rifampin, ketoconazole or grapefruit juice.", OTHER, UNKNOWN),
    (E, "Use of St. John's Wort, rifampin or ketoconazole.", OTHER, NOT_MET),
    (E, "Prior treatment with ketoconazole within 4 weeks", record("ketoconazole"), NOT_MET),
    (E, "Prior treatment with ketoconazole within 4 weeks", NONE, NOT_MET),
    # a permission asks nothing of a patient without the product
    (I, "Prior rituximab is allowed", OTHER, MET),
    (I, "Prior rituximab is allowed", record("rituximab"), UNKNOWN),
]


@pytest.mark.parametrize("ctype, text, patient, expected", PRODUCT_DECISIONS)
def test_a_named_product_is_decided_by_the_records_words(ctype: CriterionType, text: str, patient: PatientFacts, expected: Outcome) -> None:
    assert decide(ctype, text, patient) is expected


@pytest.mark.parametrize("ctype, text", [
    # another subject's qualifier: read as the product's history, every patient on it was excluded
    # ("Diabetes treated with insulin." is read now as the diabetes with the product on record:
    # test_medication_class_headings, topics.treated_with)
    (E, "Patients with a history of LVEF decline to below 50% during or after prior lapatinib."),
    # ("Prior therapy with azacitidine or decitabine for pre-existing MDS" is read with its
    # indication now, the products and the MDS together: test_antecedent_purpose_lines)
    # the trial's own drug, a treatment to come, a future duration
    (I, "No previous radiation therapy within 1 week before treatment with imatinib"),
    (I, "Women of childbearing potential must use adequate contraception up to at least 6 months after the last dose of bevacizumab."),
    (I, "Patients must be able to take dexamethasone"),
    (I, "Patients currently on nilotinib will continue on their dose"),
    # a permission or a negation in mid-clause is no history asked for
    (I, "Anticoagulation is permitted but patients may not be on warfarin."),
    # what the patient reacts to is an allergy, not a history
    (E, "Known sensitivity to gemcitabine"),
])
def test_a_product_in_another_role_is_not_read_as_its_history(ctype: CriterionType, text: str) -> None:
    expr = parse_line(text, ctype).expr
    assert not any(isinstance(p, Predicate) and p.concept == "named_medication" for p in _nodes(expr))


def _nodes(expr: object) -> list[object]:
    parts = getattr(expr, "parts", None)
    if parts is not None:
        return [n for p in parts for n in _nodes(p)]
    inner = getattr(expr, "part", None)
    return [expr] + ([] if inner is None else _nodes(inner))


MEASURABLE_DECISIONS = [
    # the measurable alternative decides a met; any other record leaves the wider one to a person
    (I, "Measurable or evaluable disease (according to RECIST 1.1 criteria).", record(measurable="positive"), MET),
    (I, "Measurable or evaluable disease (according to RECIST 1.1 criteria).", record(measurable="negative"), UNKNOWN),
    (I, "Measurable or evaluable disease", NONE, UNKNOWN),
    (I, "Must have measurable/evaluable disease as per RECIST 1.1 criteria", record(measurable="positive"), MET),
    (I, "Measurable or non-measurable disease on CT scan or MRI", record(measurable="negative"), UNKNOWN),
    (I, "Measurable or bone only disease.", record(measurable="positive"), MET),
    (I, "Evaluable or measurable disease", record(measurable="positive"), MET),
    # RECIST's definition written out is measurable disease; its method words stay a review beside it
    (I, "At least one tumor lesion that can be accurately measured according to RECIST v1.1", record(measurable="negative"), NOT_MET),
    (I, "At least one tumor lesion that can be accurately measured according to RECIST v1.1", record(measurable="positive"), UNKNOWN),
]


@pytest.mark.parametrize("ctype, text, patient, expected", MEASURABLE_DECISIONS)
def test_measurable_disease_with_a_wider_alternative(ctype: CriterionType, text: str, patient: PatientFacts, expected: Outcome) -> None:
    assert decide(ctype, text, patient) is expected


@pytest.mark.parametrize("text", ["No measurable or evaluable disease", "Patients without measurable or evaluable disease"])
def test_a_negated_measurable_alternative_is_left_to_the_line(text: str) -> None:
    """The topic reads no negation: the line stays a person's rather than asked the wrong way round."""
    for ctype in (I, E):
        assert decide(ctype, text, record(measurable="positive")) is UNKNOWN


ORAL_DECISIONS = [
    (I, "Able to take oral medications", NONE, MET),
    (I, "Able to take oral medications", record(dysphagia=30), NOT_MET),
    (I, "Must be able to take oral medication", record(dysphagia=30), NOT_MET),
    (E, "Inability to take oral medications.", record(dysphagia=30), MET),
    (E, "Inability to take oral medications.", NONE, NOT_MET),
    (E, "Inability or unwillingness to take oral medication", NONE, UNKNOWN),
    # tolerating is more than swallowing (nausea, vomiting): left to a person
    (I, "Ability to tolerate oral medications.", NONE, UNKNOWN),
    (I, "Able to take capsules orally.", NONE, UNKNOWN),
]


@pytest.mark.parametrize("ctype, text, patient, expected", ORAL_DECISIONS)
def test_taking_oral_medication_is_swallowing_it(ctype: CriterionType, text: str, patient: PatientFacts, expected: Outcome) -> None:
    assert decide(ctype, text, patient) is expected


def on_cyp(days: int) -> PatientFacts:
    """A strong CYP3A4 modulator on record (codes.toml), last taken that many days ago."""
    return record(cyp3a4_modulator=days)


CYP3A4_DECISIONS = [
    # every spelling of the enzyme is one (normalize); what the line asks is a current use
    (E, "Requires treatment with a strong cytochrome P450 (CYP) 3A inhibitor", on_cyp(3), MET),
    (E, "Requires treatment with a strong cytochrome P450 (CYP) 3A inhibitor", on_cyp(400), NOT_MET),
    (E, "Requires treatment with a strong cytochrome P450 (CYP) 3A inhibitor", NONE, NOT_MET),
    (E, "Concomitant use of strong CYP3A4/5 inducers within 2 weeks of trial medications.", on_cyp(10), MET),
    (E, "Concomitant use of strong CYP3A4/5 inducers within 2 weeks of trial medications.", on_cyp(20), NOT_MET),
    (E, "strong cytochrome P450, family 3, subfamily A, polypeptide 4 (CYP3A4) inducers", on_cyp(1), MET),
    (I, "No concurrent strong CYP3A4 inhibitors", on_cyp(1), NOT_MET),
    (I, "No concurrent strong CYP3A4 inhibitors", NONE, MET),
    # moderate or unqualified ones are more than a record is read for: a person reads the rest
    # for a record holding another drug in the window; one holding none takes none of them
    (E, "Use of strong or moderate inhibitors and inducers of cytochrome P450 (CYP) 3A4", on_cyp(1), MET),
    (E, "Use of strong or moderate inhibitors and inducers of cytochrome P450 (CYP) 3A4", NONE, NOT_MET),
    (E, "Patients receiving medications that are inhibitors or inducers of CYP3A4", NONE, NOT_MET),
    (E, "Patients receiving medications that are inhibitors or inducers of CYP3A4", record(named_medication=2), UNKNOWN),
    # each window its own; a washout in mid-clause is the events topic's ("no use within 1 week")
    (E, "Patients who received potent CYP3A4 inhibitors within 7 days before screening, or potent CYP3A4 inducers within 12 days", on_cyp(10), MET),
    (I, "At least 1 week since prior and no concurrent strong CYP3A4 inhibitors", on_cyp(3), NOT_MET),
    (I, "At least 1 week since prior and no concurrent strong CYP3A4 inhibitors", NONE, MET),
    # another enzyme is not this one
    (E, "Concomitant use of strong CYP2C8 inhibitors", on_cyp(1), UNKNOWN),
]


@pytest.mark.parametrize("ctype, text, patient, expected", CYP3A4_DECISIONS)
def test_a_strong_cyp3a4_modulator_is_a_current_use(ctype: CriterionType, text: str, patient: PatientFacts, expected: Outcome) -> None:
    assert decide(ctype, text, patient) is expected


def test_every_listed_product_has_words_a_record_can_name() -> None:
    from rules_engine.derive import product_words
    from rules_engine.parser.topics import products

    assert [n for n in products._NAMES if not product_words(products._value(n))] == []


# -- a washout written before a list of therapies (events: the window's reach) ---------------------

WASHOUT_DECISIONS = [
    # the window holds for every therapy listed after it, and the line asks it of each
    (I, "At least 4 weeks since chemotherapy or radiation therapy", record(radiotherapy=400, chemotherapy=7), NOT_MET),
    (I, "At least 4 weeks since chemotherapy or radiation therapy", record(radiotherapy=7), NOT_MET),
    (I, "At least 4 weeks since chemotherapy or radiation therapy", record(radiotherapy=60, chemotherapy=60), MET),
    (I, "At least 4 weeks since prior chemotherapy, radiotherapy or major surgery", record(major_surgery=3), NOT_MET),
    # an unread therapy listed first stays a review: a patient given it last week is never cleared
    (I, "At least 2 weeks since systemic therapy or radiation therapy", record(radiotherapy=60), UNKNOWN),
    (I, "At least 2 weeks since systemic therapy or radiation therapy", record(radiotherapy=3), NOT_MET),
]


@pytest.mark.parametrize("ctype, text, patient, expected", WASHOUT_DECISIONS)
def test_a_washout_before_a_list_holds_for_each_therapy(ctype: CriterionType, text: str, patient: PatientFacts, expected: Outcome) -> None:
    assert decide(ctype, text, patient) is expected
