"""Measurements as registries write them: each synthetic line in a registry's own shape -> the
predicate it must read, and the outcome for records that meet it, fail it and lack the value.

Outcomes run through both evaluation paths (durable and the reference) and must agree.
"""

from datetime import date

import pytest
from tests.rules_engine.conftest import AS_OF, both, patient

from rules_engine.criteria import All, Any_, Criterion, CriterionType, Op, Predicate, TrialCriteria
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
P = Predicate
ULN = True


def lab(concept, value, unit=None, uln=None):
    return {concept: (value, unit, AS_OF, uln)}


def aged(years, **measurements):
    return patient(measurements=measurements or None, birth=date(AS_OF.year - years, 1, 1))


# line, type, expected predicate, [(record, outcome), ...]
CASES = [
    # ---- counts: x10^9/L, the lost superscript, per mm3 / uL with thousands separators, G/L
    ("PLT ≥ 50×109/L", INC, P("platelets", Op.GTE, 50, "10*9/L"),
     [(lab("platelets", 30, "10*9/L"), NOT_MET), (lab("platelets", 50, "10*3/uL"), MET), ({}, UNKNOWN)]),
    ("Platelet count ≥ 100 x 10⁹/L", INC, P("platelets", Op.GTE, 100, "10*9/L"),
     [(lab("platelets", 99, "10*9/L"), NOT_MET), (lab("platelets", 150, "10*9/L"), MET)]),
    ("Platelets at least 50,000/mm3", INC, P("platelets", Op.GTE, 50, "10*9/L"),
     [(lab("platelets", 49000, "/uL"), NOT_MET), (lab("platelets", 50, "10*9/L"), MET)]),
    ("Platelets ≥ 100 000/µL", INC, P("platelets", Op.GTE, 100, "10*9/L"),
     [(lab("platelets", 90, "10*9/L"), NOT_MET), (lab("platelets", 120, "10*9/L"), MET)]),
    ("Absolute neutrophil count (ANC) ≥ 1500 cells/mm³", INC, P("anc", Op.GTE, 1.5, "10*9/L"),
     [(lab("anc", 1.2, "10*9/L"), NOT_MET), (lab("anc", 1500, "/uL"), MET)]),
    ("ANC no less than 1.0 x10^9/L", INC, P("anc", Op.GTE, 1, "10*9/L"),
     [(lab("anc", 0.9, "10*9/L"), NOT_MET), (lab("anc", 1.0, "10*9/L"), MET)]),
    ("Neutrophils ≥ 1.5 G/L", INC, P("anc", Op.GTE, 1.5, "10*9/L"),
     [(lab("anc", 1.4, "10*9/L"), NOT_MET), (lab("anc", 2, "10*9/L"), MET)]),
    ("WBC < 100 x 10^3/µL", EXC, P("wbc", Op.LT, 100, "10*9/L"),
     [(lab("wbc", 120, "10*9/L"), NOT_MET), (lab("wbc", 50, "10*9/L"), MET)]),
    # ---- haemoglobin: g/dL, g/L (grams, never 10*9/L), mmol/L, decimal comma
    ("Hemoglobin ≥ 9 g/dL", INC, P("hemoglobin", Op.GTE, 9, "g/dL"),
     [(lab("hemoglobin", 8.5, "g/dL"), NOT_MET), (lab("hemoglobin", 95, "g/L"), MET)]),
    ("Hemoglobin ≥ 90 g/L", INC, P("hemoglobin", Op.GTE, 90, "g/L"),
     [(lab("hemoglobin", 8, "g/dL"), NOT_MET), (lab("hemoglobin", 9.5, "g/dL"), MET), ({}, UNKNOWN)]),
    ("Hb ≥ 5,6 mmol/L", INC, P("hemoglobin", Op.GTE, 5.6, "mmol/L"),
     [(lab("hemoglobin", 8, "g/dL"), NOT_MET), (lab("hemoglobin", 10, "g/dL"), MET)]),
    # ---- ULN multiples in every spelling; "ULN" alone is 1 x ULN
    ("ALT ≤ 3 x ULN", INC, P("alt", Op.LTE, 3, None, ULN),
     [(lab("alt", 180, "U/L", 40), NOT_MET), (lab("alt", 100, "U/L", 40), MET)]),
    ("AST and ALT </= 2.5 × the ULN", INC, All((P("ast", Op.LTE, 2.5, None, ULN), P("alt", Op.LTE, 2.5, None, ULN))),
     [({**lab("ast", 50, "U/L", 40), **lab("alt", 120, "U/L", 40)}, NOT_MET), ({**lab("ast", 50, "U/L", 40), **lab("alt", 60, "U/L", 40)}, MET)]),
    ("Total bilirubin ≤ 1.5 times the upper limit of normal", INC, P("bilirubin", Op.LTE, 1.5, None, ULN),
     [(lab("bilirubin", 2.0, "mg/dL", 1.0), NOT_MET), (lab("bilirubin", 1.2, "mg/dL", 1.0), MET)]),
    ("ALT not exceeding two times the institutional upper limit of normal", INC, P("alt", Op.LTE, 2, None, ULN),
     [(lab("alt", 90, "U/L", 40), NOT_MET), (lab("alt", 80, "U/L", 40), MET)]),
    ("AST ≤ 2.5 x IULN", INC, P("ast", Op.LTE, 2.5, None, ULN),
     [(lab("ast", 120, "U/L", 40), NOT_MET), (lab("ast", 90, "U/L", 40), MET)]),
    ("ALT < 3 times the normal range", INC, P("alt", Op.LT, 3, None, ULN),
     [(lab("alt", 130, "U/L", 40), NOT_MET), (lab("alt", 100, "U/L", 40), MET)]),
    ("Serum bilirubin ≤ ULN", INC, P("bilirubin", Op.LTE, 1, None, ULN),
     [(lab("bilirubin", 1.3, "mg/dL", 1.2), NOT_MET), (lab("bilirubin", 1.0, "mg/dL", 1.2), MET)]),
    ("Creatinine ≤ 1,5 x ULN", INC, P("creatinine", Op.LTE, 1.5, None, ULN),
     [(lab("creatinine", 2.0, "mg/dL", 1.2), NOT_MET), (lab("creatinine", 1.5, "mg/dL", 1.2), MET)]),
    # ---- concentrations: umol/L and mg/dL compare through the molar mass
    ("Total bilirubin ≤ 34 µmol/L", INC, P("bilirubin", Op.LTE, 34, "umol/L"),
     [(lab("bilirubin", 2.5, "mg/dL"), NOT_MET), (lab("bilirubin", 1.0, "mg/dL"), MET)]),
    ("Serum creatinine ≤ 1.5 mg/dL", INC, P("creatinine", Op.LTE, 1.5, "mg/dL"),
     [(lab("creatinine", 150, "umol/L"), NOT_MET), (lab("creatinine", 100, "umol/L"), MET)]),
    # ---- creatinine OR clearance: a real OR between subjects
    ("Serum creatinine ≤ 1.5 x ULN or CrCl ≥ 60 mL/min (Cockcroft-Gault)", INC,
     Any_((P("creatinine", Op.LTE, 1.5, None, ULN), P("creatinine_clearance", Op.GTE, 60, "mL/min"))),
     [({**lab("creatinine", 2.4, "mg/dL", 1.2), **lab("creatinine_clearance", 50, "mL/min")}, NOT_MET),
      ({**lab("creatinine", 2.4, "mg/dL", 1.2), **lab("creatinine_clearance", 70, "mL/min")}, MET),
      (lab("creatinine", 2.4, "mg/dL", 1.2), UNKNOWN)]),
    ("eGFR ≥ 60 mL/min/1.73 m²", INC, P("egfr", Op.GTE, 60, "mL/min/{1.73_m2}"),
     [(lab("egfr", 45, "mL/min/{1.73_m2}"), NOT_MET), (lab("egfr", 75, "mL/min/{1.73_m2}"), MET)]),
    # ---- ejection fraction as a percentage or a fraction; method and condition annotate
    ("LVEF ≥ 50% by echocardiography or MUGA", INC, P("lvef", Op.GTE, 50, "%"),
     [(lab("lvef", 45, "%"), NOT_MET), (lab("lvef", 55, "%"), MET), ({}, UNKNOWN)]),
    ("Left ventricular ejection fraction >= 0.5", INC, P("lvef", Op.GTE, 50, "%"),
     [(lab("lvef", 45, "%"), NOT_MET), (lab("lvef", 60, "%"), MET)]),
    ("SpO2 ≥ 92% on room air", INC, P("spo2", Op.GTE, 92, "%"),
     [(lab("spo2", 90, "%"), NOT_MET), (lab("spo2", 96, "%"), MET)]),
    # ---- a wrapper frames the thresholds; it does not make them review
    ("Adequate organ function defined as: platelets ≥ 75 x 10^9/L, ANC ≥ 1.0 x 10^9/L", INC,
     All((P("platelets", Op.GTE, 75, "10*9/L"), P("anc", Op.GTE, 1, "10*9/L"))),
     [({**lab("platelets", 30, "10*9/L"), **lab("anc", 2, "10*9/L")}, NOT_MET),
      ({**lab("platelets", 100, "10*9/L"), **lab("anc", 2, "10*9/L")}, MET)]),
    # ---- marrow blasts and MRD
    ("≥ 5% blasts in bone marrow by morphology or flow cytometry", INC, P("bm_blasts", Op.GTE, 5, "%"),
     [(lab("bm_blasts", 3, "%"), NOT_MET), (lab("bm_blasts", 12, "%"), MET), ({}, UNKNOWN)]),
    ("Bone marrow blasts < 5%", INC, P("bm_blasts", Op.LT, 5, "%"),
     [(lab("bm_blasts", 8, "%"), NOT_MET), (lab("bm_blasts", 2, "%"), MET)]),
    ("MRD ≥ 10^-4", INC, P("mrd", Op.GTE, 0.01, "%"),
     [(lab("mrd", 0.001, "%"), NOT_MET), (lab("mrd", 0.05, "%"), MET)]),
    # ---- performance status in its written shapes
    ("ECOG 0-2", INC, P("ecog", Op.LTE, 2), [(lab("ecog", 3), NOT_MET), (lab("ecog", 1), MET), ({}, UNKNOWN)]),
    ("PS 0 or 1", INC, P("ecog", Op.LTE, 1), [(lab("ecog", 2), NOT_MET), (lab("ecog", 0), MET)]),
    ("WHO performance status ≤ 2", INC, P("ecog", Op.LTE, 2), [(lab("ecog", 3), NOT_MET), (lab("ecog", 2), MET)]),
    ("ECOG performance status of 0 to 2 on the ECOG scale (see Appendix A)", INC, P("ecog", Op.LTE, 2),
     [(lab("ecog", 3), NOT_MET), (lab("ecog", 2), MET)]),
    ("Karnofsky ≥ 60%", INC, P("karnofsky", Op.GTE, 60, "%"), [(lab("karnofsky", 50, "%"), NOT_MET), (lab("karnofsky", 70, "%"), MET)]),
    ("Karnofsky > or = 70", INC, P("karnofsky", Op.GTE, 70, "%"), [(lab("karnofsky", 60, "%"), NOT_MET), (lab("karnofsky", 70, "%"), MET)]),
    # ---- numbers written as words
    ("Eighteen years or older", INC, P("age", Op.GTE, 18, "a"), [(aged(17), NOT_MET), (aged(40), MET)]),
    ("Under twenty-one years of age", INC, P("age", Op.LT, 21, "a"), [(aged(25), NOT_MET), (aged(12), MET)]),
]


def _facts(spec):
    return spec if not isinstance(spec, dict) else patient(measurements=spec or None)


@pytest.mark.parametrize("text,ctype,expected", [c[:3] for c in CASES], ids=[c[0][:50] for c in CASES])
def test_the_line_reads_as_the_predicate(text, ctype, expected):
    assert parse_line(text, ctype).expr == expected


OUTCOMES = [(c[0], c[1], record, outcome) for c in CASES for record, outcome in c[3]]


@pytest.mark.parametrize("text,ctype,record,expected", OUTCOMES, ids=[f"{o[0][:40]}-{o[3].value}-{i}" for i, o in enumerate(OUTCOMES)])
def test_records_meet_fail_or_leave_the_line_unknown(text, ctype, record, expected):
    criterion = parse_line(text, ctype)
    trial = TrialCriteria("T", 1, (Criterion(criterion.type, criterion.text, criterion.expr, criterion.applies_if),))
    reference, _ = both(trial, _facts(record))
    assert reference.criteria[0].outcome is expected


PERFORMANCE_BY_AGE = "Karnofsky ≥ 60% for patients > 16 years of age and Lansky ≥ 50 for patients ≤ 16 years of age"


@pytest.mark.parametrize(
    "record,expected",
    [
        (aged(40, karnofsky=(70, "%")), MET),
        (aged(40, karnofsky=(50, "%")), NOT_MET),
        (aged(10, lansky=(60, "%")), MET),
        (aged(10, lansky=(40, "%")), NOT_MET),
        (aged(10, karnofsky=(90, "%")), UNKNOWN),  # a child is asked for Lansky, not Karnofsky
    ],
)
def test_a_scale_chosen_by_age_asks_each_patient_for_their_own_scale(record, expected):
    criterion = parse_line(PERFORMANCE_BY_AGE, INC)
    assert "age" in {p.concept for p in _predicates(criterion.expr)}
    trial = TrialCriteria("T", 1, (criterion,))
    reference, _ = both(trial, record)
    assert reference.criteria[0].outcome is expected


def test_a_lone_lansky_bound_for_children_is_met_by_an_adult():
    criterion = parse_line("Lansky ≥ 50 for patients < 16 years", INC)
    assert criterion.expr == Any_((P("age", Op.GTE, 16, "a"), P("lansky", Op.GTE, 50, "%")))


def test_a_second_limit_for_some_patients_widens_the_line_only_for_them():
    """The patients are named by a recorded condition (liver metastases): without it on record the
    first limit holds (absent means absent); with it, the second."""
    expr = parse_line("ALT ≤ 2.5 x ULN (≤ 5 x ULN for patients with liver metastases)", INC).expr
    assert isinstance(expr, Any_) and expr.parts[0] == P("alt", Op.LTE, 2.5, None, ULN)
    trial = TrialCriteria("T", 1, (Criterion(INC, "x", expr),))
    # ULN 40: 2.25x, 4x, 6.25x; liver metastases are a coded Condition, absent when not on record
    cases = ((90, None, MET), (160, None, NOT_MET), (160, AS_OF, MET), (250, AS_OF, NOT_MET))
    for value, metastases, outcome in cases:
        events = {"liver_metastases": metastases} if metastases else None
        reference, _ = both(trial, patient(measurements=lab("alt", value, "U/L", 40), events=events))
        assert reference.criteria[0].outcome is outcome, (value, metastases)


def test_a_second_limit_for_patients_an_unread_phrase_names_leaves_them_undecided():
    # (the liver reached by the lymphoma is read now, topics.lab_scopes: a phrase nothing reads)
    expr = parse_line("ALT ≤ 2.5 x ULN (≤ 5 x ULN for patients with hepatic compromise)", INC).expr
    trial = TrialCriteria("T", 1, (Criterion(INC, "x", expr),))
    for value, outcome in ((90, MET), (160, UNKNOWN), (250, NOT_MET)):
        reference, _ = both(trial, patient(measurements=lab("alt", value, "U/L", 40)))
        assert reference.criteria[0].outcome is outcome, value


@pytest.mark.parametrize("text", ["Hemoglobin ≥ 9 mg", "Platelets ≥ 100 g/dL"])
def test_a_written_unit_that_fits_no_reading_is_review_not_a_guess(text):
    expr = parse_line(text, INC).expr
    assert not any(p.concept in ("hemoglobin", "platelets") for p in _predicates(expr))


def _predicates(expr):
    from rules_engine.criteria import iter_predicates

    return list(iter_predicates(expr))
