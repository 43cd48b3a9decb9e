"""One behaviour per row; every row runs through durable and the reference (``decide``)."""

from datetime import date

import pytest

from rules_engine.criteria import Op, Predicate, Window
from rules_engine.outcome import Outcome
from tests.rules_engine.conftest import AS_OF, decide, patient

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
P = Predicate

NUMERIC = [
    # id, predicate, measurements, expected
    ("gt above", P("lvef", Op.GT, 50, "%"), {"lvef": (51, "%")}, MET),
    ("gt on the bound", P("lvef", Op.GT, 50, "%"), {"lvef": (50, "%")}, NOT_MET),
    ("gte on the bound", P("lvef", Op.GTE, 50, "%"), {"lvef": (50, "%")}, MET),
    ("gte below", P("lvef", Op.GTE, 50, "%"), {"lvef": (49.9, "%")}, NOT_MET),
    ("lt below", P("ecog", Op.LT, 2), {"ecog": (1,)}, MET),
    ("lt on the bound", P("ecog", Op.LT, 2), {"ecog": (2,)}, NOT_MET),
    ("lte on the bound", P("ecog", Op.LTE, 2), {"ecog": (2,)}, MET),
    ("lte above", P("ecog", Op.LTE, 2), {"ecog": (3,)}, NOT_MET),
    ("eq equal", P("nyha", Op.EQ, 2), {"nyha": (2,)}, MET),
    ("eq different", P("nyha", Op.EQ, 2), {"nyha": (3,)}, NOT_MET),
    ("neq different", P("nyha", Op.NEQ, 2), {"nyha": (3,)}, MET),
    ("neq equal", P("nyha", Op.NEQ, 2), {"nyha": (2,)}, NOT_MET),
    ("between low end", P("ecog", Op.BETWEEN, (0, 2)), {"ecog": (0,)}, MET),
    ("between high end", P("ecog", Op.BETWEEN, (0, 2)), {"ecog": (2,)}, MET),
    ("between above", P("ecog", Op.BETWEEN, (0, 2)), {"ecog": (3,)}, NOT_MET),
    ("between exclusive high end", P("ecog", Op.BETWEEN, (0, 2), high_inclusive=False), {"ecog": (2,)}, NOT_MET),
    ("between exclusive low end", P("spo2", Op.BETWEEN, (92, 100), "%", low_inclusive=False), {"spo2": (92, "%")}, NOT_MET),
    # units
    ("platelets 10*3/uL against 10*9/L, on the bound", P("platelets", Op.GTE, 50, "10*9/L"), {"platelets": (50, "10*3/uL")}, MET),
    ("platelets 10*3/uL against 10*9/L, below", P("platelets", Op.GTE, 50, "10*9/L"), {"platelets": (49, "10*3/uL")}, NOT_MET),
    ("ANC /uL against 10*9/L", P("anc", Op.GTE, 1.0, "10*9/L"), {"anc": (1000, "/uL")}, MET),
    ("ANC /uL against 10*9/L, below", P("anc", Op.GTE, 1.0, "10*9/L"), {"anc": (999, "/uL")}, NOT_MET),
    ("bilirubin umol/L against mg/dL", P("bilirubin", Op.LTE, 1.5, "mg/dL"), {"bilirubin": (25, "umol/L")}, MET),
    ("bilirubin umol/L against mg/dL, above", P("bilirubin", Op.LTE, 1.5, "mg/dL"), {"bilirubin": (26, "umol/L")}, NOT_MET),
    ("bilirubin mg/dL against umol/L threshold", P("bilirubin", Op.LTE, 34.3, "umol/L"), {"bilirubin": (2.0, "mg/dL")}, MET),
    ("creatinine umol/L against mg/dL", P("creatinine", Op.LTE, 1.6, "mg/dL"), {"creatinine": (141, "umol/L")}, MET),
    ("creatinine umol/L against mg/dL, above", P("creatinine", Op.LTE, 1.6, "mg/dL"), {"creatinine": (142, "umol/L")}, NOT_MET),
    ("hemoglobin g/L against g/dL", P("hemoglobin", Op.GTE, 8, "g/dL"), {"hemoglobin": (80, "g/L")}, MET),
    ("life expectancy months against weeks", P("life_expectancy", Op.GT, 12, "wk"), {"life_expectancy": (3, "mo")}, MET),
    ("life expectancy weeks against months", P("life_expectancy", Op.GTE, 3, "mo"), {"life_expectancy": (12, "wk")}, NOT_MET),
    ("eGFR with the UCUM annotation", P("egfr", Op.GTE, 60, "mL/min/{1.73_m2}"), {"egfr": (61, "mL/min/{1.73_m2}")}, MET),
    ("inconvertible unit is unknown", P("bilirubin", Op.LTE, 1.5, "mg/dL"), {"bilirubin": (1.0, "U/L")}, UNKNOWN),
    ("threshold unit that does not fit is unknown", P("lvef", Op.GTE, 50, "mg/dL"), {"lvef": (60, "%")}, UNKNOWN),
    # ULN forms
    ("lab ULN, on the bound", P("bilirubin", Op.LTE, 1.5, uln=True), {"bilirubin": (1.8, "mg/dL", AS_OF, 1.2)}, MET),
    ("lab ULN, above", P("bilirubin", Op.LTE, 1.5, uln=True), {"bilirubin": (1.81, "mg/dL", AS_OF, 1.2)}, NOT_MET),
    ("default ULN when the lab gives none", P("bilirubin", Op.LTE, 1.5, uln=True), {"bilirubin": (1.8, "mg/dL")}, MET),
    ("default ULN, above", P("alt", Op.LTE, 3, uln=True), {"alt": (121, "U/L")}, NOT_MET),
    ("ULN in umol/L with value in umol/L", P("bilirubin", Op.LTE, 3, uln=True), {"bilirubin": (60, "umol/L", AS_OF, 20)}, MET),
    ("no ULN at all is unknown", P("anc", Op.LTE, 2, uln=True), {"anc": (1, "10*9/L")}, UNKNOWN),
    # missing data
    ("missing measurement is unknown", P("lvef", Op.GTE, 50, "%"), {}, UNKNOWN),
    ("text where a number is needed is unknown", P("lvef", Op.GTE, 50, "%"), {"lvef": ("normal",)}, UNKNOWN),
    # recency window on a measurement
    ("fresh measurement counts", P("anc", Op.GTE, 1, "10*9/L", window=Window(7, "days")), {"anc": (2, "10*9/L", date(2026, 11, 15))}, MET),
    ("stale measurement is unknown", P("anc", Op.GTE, 1, "10*9/L", window=Window(7, "days")), {"anc": (2, "10*9/L", date(2026, 11, 14))}, UNKNOWN),
    ("undated measurement with a window is unknown", P("anc", Op.GTE, 1, "10*9/L", window=Window(7, "days")), {"anc": (2, "10*9/L", None)}, UNKNOWN),
    # qualitative
    ("is positive", P("cd19", Op.IS, "positive"), {"cd19": ("Positive",)}, MET),
    ("is positive, negative result", P("cd19", Op.IS, "positive"), {"cd19": ("negative",)}, NOT_MET),
    ("a quantity above zero reads positive", P("hcv_rna", Op.IS, "positive"), {"hcv_rna": (1500, "[iU]/mL")}, MET),
    ("missing qualitative result is unknown", P("hbsag", Op.IS, "positive"), {}, UNKNOWN),
    # performance scale conversion
    ("ECOG from Karnofsky", P("ecog", Op.LTE, 1), {"karnofsky": (80, "%")}, MET),
    ("ECOG from Karnofsky, too low", P("ecog", Op.LTE, 1), {"karnofsky": (60, "%")}, NOT_MET),
    ("ECOG from Lansky", P("ecog", Op.LTE, 2), {"lansky": (50, "%")}, MET),
    ("Karnofsky from ECOG, both band ends pass", P("karnofsky", Op.GTE, 70, "%"), {"ecog": (1,)}, MET),
    ("Karnofsky from ECOG, band straddles the bound", P("karnofsky", Op.GTE, 80, "%"), {"ecog": (1,)}, UNKNOWN),
    ("Karnofsky from ECOG, both band ends fail", P("karnofsky", Op.GTE, 70, "%"), {"ecog": (2,)}, NOT_MET),
    ("recorded Karnofsky wins over conversion", P("karnofsky", Op.GTE, 80, "%"), {"karnofsky": (90, "%"), "ecog": (2,)}, MET),
]


@pytest.mark.parametrize("pred,measurements,expected", [row[1:] for row in NUMERIC], ids=[row[0] for row in NUMERIC])
def test_measurement_predicates(pred, measurements, expected):
    assert decide(pred, patient(measurements)).outcome is expected


AGE = [
    ("age on the lower bound", P("age", Op.GTE, 18, "a"), date(2008, 11, 22), MET),
    ("age a day short of the bound", P("age", Op.GTE, 18, "a"), date(2008, 11, 23), NOT_MET),
    ("age below an upper bound", P("age", Op.LT, 70, "a"), date(1956, 11, 23), MET),
    ("age on an exclusive upper bound", P("age", Op.LT, 70, "a"), date(1956, 11, 22), NOT_MET),
    ("age threshold in months", P("age", Op.GTE, 216, "mo"), date(2008, 11, 22), MET),
    ("no birth date is unknown", P("age", Op.GTE, 18, "a"), None, UNKNOWN),
]


@pytest.mark.parametrize("pred,birth,expected", [r[1:] for r in AGE], ids=[r[0] for r in AGE])
def test_age_is_whole_years_on_the_evaluation_date(pred, birth, expected):
    assert decide(pred, patient(birth=birth)).outcome is expected


def test_age_reports_the_birthday_that_flips_it():
    result = decide(P("age", Op.GTE, 18, "a"), patient(birth=date(2008, 12, 5)))
    assert result.outcome is NOT_MET and result.changes_on == date(2026, 12, 5)


@pytest.mark.parametrize(
    "sex,op,expected",
    [("female", Op.IS, MET), ("male", Op.IS, NOT_MET), (None, Op.IS, UNKNOWN), ("male", Op.NEQ, MET)],
)
def test_sex(sex, op, expected):
    assert decide(P("sex", op, "female"), patient(sex=sex)).outcome is expected


EVENTS = [
    ("present when recorded", P("hiv", Op.PRESENT), {"hiv": date(2020, 1, 1)}, MET),
    ("absent event is not met", P("hiv", Op.PRESENT), {}, NOT_MET),
    ("inactive condition is not present", P("hiv", Op.PRESENT), {"hiv": (date(2020, 1, 1), False)}, NOT_MET),
    ("absent op on a missing event", P("hiv", Op.ABSENT), {}, MET),
    ("absent op on a recorded event", P("hiv", Op.ABSENT), {"hiv": date(2020, 1, 1)}, NOT_MET),
    # hierarchy
    ("child implies parent", P("aml", Op.PRESENT), {"apl": date(2026, 1, 1)}, MET),
    ("grandchild implies grandparent", P("acute_leukemia", Op.PRESENT), {"b_all": date(2026, 1, 1)}, MET),
    ("AML without APL record is not APL", P("apl", Op.PRESENT), {"aml": date(2026, 1, 1)}, NOT_MET),
    ("ALL of unknown lineage may be B-ALL", P("b_all", Op.PRESENT), {"all": date(2026, 1, 1)}, UNKNOWN),
    ("T-ALL is not B-ALL", P("b_all", Op.PRESENT), {"t_all": date(2026, 1, 1)}, NOT_MET),
    ("in: B-ALL or AML, patient AML", P("acute_leukemia", Op.IN, ("b_all", "aml")), {"aml": date(2026, 1, 1)}, MET),
    ("in: B-ALL or AML, patient APL", P("acute_leukemia", Op.IN, ("b_all", "aml")), {"apl": date(2026, 1, 1)}, MET),
    ("in: B-ALL or AML, ALL of unknown lineage", P("acute_leukemia", Op.IN, ("b_all", "aml")), {"all": date(2026, 1, 1)}, UNKNOWN),
    ("in: B-ALL or AML, T-ALL", P("acute_leukemia", Op.IN, ("b_all", "aml")), {"t_all": date(2026, 1, 1)}, NOT_MET),
    ("in: B-ALL or AML, no leukemia", P("acute_leukemia", Op.IN, ("b_all", "aml")), {}, NOT_MET),
    ("transplant of unknown type may be allogeneic", P("allo_hsct", Op.PRESENT), {"hsct": date(2026, 1, 1)}, UNKNOWN),
    ("relapsed implies relapsed or refractory", P("relapsed_or_refractory", Op.PRESENT), {"relapsed": date(2026, 1, 1)}, MET),
    ("refractory implies relapsed or refractory", P("relapsed_or_refractory", Op.PRESENT), {"refractory": date(2026, 1, 1)}, MET),
    ("remission is not relapsed or refractory", P("relapsed_or_refractory", Op.PRESENT), {"remission": date(2026, 1, 1)}, NOT_MET),
    # windows
    ("within: 28 days before, 4 weeks", P("car_t", Op.WITHIN, window=Window(4, "weeks")), {"car_t": date(2026, 10, 25)}, MET),
    ("within: 29 days before, 4 weeks", P("car_t", Op.WITHIN, window=Window(4, "weeks")), {"car_t": date(2026, 10, 24)}, NOT_MET),
    ("within: exactly 3 months", P("hsct", Op.WITHIN, window=Window(3, "months")), {"hsct": date(2026, 8, 22)}, MET),
    ("within: 3 months and a day", P("hsct", Op.WITHIN, window=Window(3, "months")), {"hsct": date(2026, 8, 21)}, NOT_MET),
    ("within: one year", P("auto_hsct", Op.WITHIN, window=Window(1, "years")), {"auto_hsct": date(2025, 11, 22)}, MET),
    ("within counts an inactive (past) condition", P("gvhd", Op.WITHIN, window=Window(2, "weeks")), {"gvhd": (date(2026, 11, 20), False)}, MET),
    ("within: no record", P("car_t", Op.WITHIN, window=Window(4, "weeks")), {}, NOT_MET),
    ("within: undated record is unknown", P("car_t", Op.WITHIN, window=Window(4, "weeks")), {"car_t": None}, UNKNOWN),
    ("not within: old enough", P("car_t", Op.NOT_WITHIN, window=Window(2, "weeks")), {"car_t": date(2026, 11, 7)}, MET),
    ("not within: too recent", P("car_t", Op.NOT_WITHIN, window=Window(2, "weeks")), {"car_t": date(2026, 11, 8)}, NOT_MET),
    ("not within: never", P("car_t", Op.NOT_WITHIN, window=Window(2, "weeks")), {}, MET),
    ("within applies to subtypes", P("hsct", Op.WITHIN, window=Window(3, "months")), {"allo_hsct": date(2026, 10, 1)}, MET),
]


@pytest.mark.parametrize("pred,events,expected", [r[1:] for r in EVENTS], ids=[r[0] for r in EVENTS])
def test_event_predicates(pred, events, expected):
    assert decide(pred, patient(events=events)).outcome is expected


def test_window_reports_when_it_ends():
    result = decide(P("car_t", Op.WITHIN, window=Window(4, "weeks")), patient(events={"car_t": date(2026, 11, 1)}))
    assert result.changes_on == date(2026, 11, 30)


def test_measurement_window_reports_when_the_value_goes_stale():
    pred = P("anc", Op.GTE, 1, "10*9/L", window=Window(7, "days"))
    assert decide(pred, patient({"anc": (2, "10*9/L", date(2026, 11, 20))})).changes_on == date(2026, 11, 28)


@pytest.mark.parametrize(
    "pred",
    [P("unknown_concept", Op.GTE, 1), P("hiv", Op.GTE, 1), P("lvef", Op.PRESENT), P("car_t", Op.WITHIN)],
    ids=["concept not in the catalogue", "numeric op on an event", "history op on a measurement", "within without a window"],
)
def test_predicates_that_cannot_be_evaluated_are_unknown(pred):
    assert decide(pred, patient({"lvef": (60, "%")}, {"hiv": date(2020, 1, 1), "car_t": AS_OF})).outcome is UNKNOWN


def test_the_most_recent_measurement_counts():
    from rules_engine.facts import Measurement, PatientFacts

    facts = PatientFacts(
        measurements={
            "lvef": (
                Measurement("lvef", 40, "%", date(2026, 1, 1)),
                Measurement("lvef", 60, "%", date(2026, 11, 1)),
            )
        }
    )
    assert decide(P("lvef", Op.GTE, 50, "%"), facts).outcome is MET


def _allergies(*records: tuple[str, dict, bool]):
    from rules_engine.facts import Event, PatientFacts

    return PatientFacts(events={c: tuple(Event(c, None, active, q) for cc, q, active in records if cc == c) for c, _, _ in records})


LENALIDOMIDE = P("drug_hypersensitivity", Op.IS, "lenalidomide")
PRODUCT = [
    # id, records (concept, attributes, active), expected
    ("no allergy on record: absent", (), NOT_MET),
    ("the record names the product", (("drug_hypersensitivity", {"quote": "allergy to Lenalidomide"}, True),), MET),
    ("the record names another product", (("drug_hypersensitivity", {"quote": "allergy to penicillin"}, True),), NOT_MET),
    ("one of two records names it", (("drug_hypersensitivity", {"quote": "allergy to penicillin"}, True),
                                     ("drug_hypersensitivity", {"quote": "allergy to lenalidomide"}, True)), MET),
    ("a record naming nothing may be it", (("drug_hypersensitivity", {}, True),), UNKNOWN),
    ("a resolved allergy to it does not count", (("drug_hypersensitivity", {"quote": "allergy to lenalidomide"}, False),), NOT_MET),
    ("a class concept's record keeps its words", (("allergy_fludarabine", {"quote": "allergy to fludarabine"}, True),), NOT_MET),
]


@pytest.mark.parametrize("records,expected", [r[1:] for r in PRODUCT], ids=[r[0] for r in PRODUCT])
def test_an_allergy_to_a_named_product_compares_the_records_words(records, expected):
    facts = _allergies(*records)
    assert decide(LENALIDOMIDE, facts).outcome is expected


GRADED = [
    ("no GVHD record: no grade", [], UNKNOWN),
    ("the grade on the record", [({"grade": 3}, True)], MET),
    ("a lower grade", [({"grade": 1}, True)], NOT_MET),
    ("a record without a grade", [({}, True)], UNKNOWN),
    ("a resolved GVHD has no grade", [({"grade": 3}, False)], UNKNOWN),
]


@pytest.mark.parametrize("records,expected", [r[1:] for r in GRADED], ids=[r[0] for r in GRADED])
def test_a_gvhd_grade_is_the_latest_active_records_grade(records, expected):
    from rules_engine.facts import Event, PatientFacts

    facts = PatientFacts(events={"gvhd": tuple(Event("gvhd", date(2025, 1, 1), active, a) for a, active in records)} if records else {})
    assert decide(P("gvhd_grade", Op.GTE, 2), facts).outcome is expected
