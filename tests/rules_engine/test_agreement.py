"""Thousands of random criteria and patients: durable == reference, to the reason."""

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules_engine.criteria import (
    Criterion,
    CriterionType,
    Op,
    Predicate,
    Review,
    ReviewReason,
    TrialCriteria,
    Window,
)
from rules_engine.facts import Event, Measurement, PatientFacts
from tests.fixtures.expressions import expression_trees
from tests.rules_engine.conftest import AS_OF, both

P = Predicate
# a bounded pool of predicates, as in real registries (so rules stay shared and few)
POOL = (
    [P("age", op, v, "a") for op in (Op.GTE, Op.LT, Op.GT) for v in (3, 18, 65, 70)]
    + [P("ecog", op, v) for op in (Op.LTE, Op.LT, Op.EQ) for v in (1, 2)]
    + [P("ecog", Op.BETWEEN, (0, 2)), P("karnofsky", Op.GTE, 70, "%"), P("karnofsky", Op.GTE, 80, "%")]
    # a scale's own value on record, never a converted one (derive.ON_RECORD_MEASURES)
    + [P(c, op) for c in ("ecog", "karnofsky", "lansky") for op in (Op.PRESENT, Op.ABSENT)]
    + [P("bilirubin", Op.LTE, m, uln=True) for m in (1.5, 2, 3)]
    + [P("bilirubin", Op.LTE, v, u) for v, u in ((1.5, "mg/dL"), (34.2, "umol/L"))]
    + [P("creatinine", Op.LTE, 1.6, "mg/dL"), P("creatinine_clearance", Op.GT, 60, "mL/min")]
    + [P("platelets", Op.GTE, v, "10*9/L") for v in (50, 100)]
    + [P("anc", Op.GTE, 1.0, "10*9/L", window=Window(7, "days")), P("lvef", Op.GTE, 50, "%")]
    + [P("cd19", Op.IS, "positive"), P("hcv_rna", Op.IS, "positive"), P("sex", Op.IS, "female")]
    + [P(c, op) for c in ("aml", "apl", "all", "b_all", "hiv", "relapsed_or_refractory", "allo_hsct") for op in (Op.PRESENT, Op.ABSENT)]
    + [P("acute_leukemia", Op.IN, ("b_all", "aml"))]
    + [P(c, op, window=Window(n, u)) for c in ("car_t", "hsct") for op in (Op.WITHIN, Op.NOT_WITHIN) for n, u in ((4, "weeks"), (3, "months"))]
    # concepts hospitals already code: dose-bounded steroids, live vaccines, another malignancy
    + [P("steroid_therapy", Op.WITHIN, window=Window(14, "days")), P("steroid_dose", Op.GT, 10, "mg/d")]
    + [P("live_vaccine", Op.WITHIN, window=Window(6, "weeks")), P("drug_hypersensitivity", Op.PRESENT)]
    + [P("toxicity_grade", Op.GT, 1)]
    # a hypersensitivity to a named product: the records' own words decide
    + [P("drug_hypersensitivity", Op.IS, v) for v in ("lenalidomide", "sodium citrate")]
    + [P("other_malignancy", op, own) for op in (Op.PRESENT, Op.ABSENT) for own in (None, ("aml",), ("all", "breast_cancer"))]
    # the blood cancers' family, above every blood cancer (a derived fact), and a trial for it
    + [P("blood_cancer", op) for op in (Op.PRESENT, Op.ABSENT)] + [P("blood_cancer", Op.WITHIN, window=Window(2, "years"))]
    + [P("blood_cancer", Op.PRESENT, ("lymphoma",)), P("other_malignancy", Op.PRESENT, ("blood_cancer",))]
    + [P("other_malignancy", op, own, window=Window(n, u)) for op in (Op.WITHIN, Op.NOT_WITHIN)
       for own in (None, ("b_all",)) for n, u in ((2, "years"), (90, "days"))]
    # an event with kinds of it excepted ("chemotherapy except taxanes"): a wider record (the
    # event itself, AML above APL) counts by its own record only, an ancestor without its
    # subtype (acute leukemia above ALL) leaves it open
    + [P(c, op, kinds) for c, kinds in (("chemotherapy", ("taxane",)), ("acute_leukemia", ("apl",)), ("hsct", ("auto_hsct",)),
                                        ("all", ("b_all",))) for op in (Op.PRESENT, Op.ABSENT)]
    + [P(c, op, kinds, window=Window(n, u)) for c, kinds in (("chemotherapy", ("taxane", "anthracycline")), ("acute_leukemia", ("apl",)),
                                                              ("hsct", ("auto_hsct",))) for op in (Op.WITHIN, Op.NOT_WITHIN)
       for n, u in ((4, "weeks"), (3, "months"))]
)
REVIEW = Review(ReviewReason.JUDGEMENT, "judgement")

leaves = st.one_of(st.sampled_from(POOL), st.just(REVIEW))
exprs = expression_trees(leaves, max_leaves=6)
criteria = st.builds(
    Criterion,
    type=st.sampled_from(list(CriterionType)),
    text=st.just("c"),
    expr=exprs,
    applies_if=st.one_of(st.none(), st.sampled_from(POOL)),
)
days = st.integers(min_value=-400, max_value=5).map(lambda n: AS_OF + timedelta(days=n))
maybe_day = st.one_of(days, st.none())
MEASURES = {
    "ecog": (st.integers(0, 5), st.just(None)),
    "karnofsky": (st.sampled_from([40, 60, 70, 80, 90]), st.just("%")),
    "lansky": (st.sampled_from([40, 60, 90]), st.just("%")),
    "bilirubin": (st.sampled_from([0.5, 1.5, 1.8, 2.0, 3.6, 25.0, 34.2]), st.sampled_from(["mg/dL", "umol/L", "U/L"])),
    "creatinine": (st.sampled_from([0.9, 1.6, 141.0]), st.sampled_from(["mg/dL", "umol/L"])),
    "creatinine_clearance": (st.sampled_from([58, 60, 61]), st.just("mL/min")),
    "platelets": (st.sampled_from([15, 50, 100, 0.05]), st.sampled_from(["10*9/L", "10*3/uL", "10*12/L"])),
    "anc": (st.sampled_from([0.3, 1.0, 1000]), st.sampled_from(["10*9/L", "/uL"])),
    "lvef": (st.sampled_from([48, 50, 60]), st.just("%")),
    "cd19": (st.sampled_from(["positive", "negative", "equivocal"]), st.just(None)),
    "hcv_rna": (st.sampled_from(["positive", "negative", 0, 1500]), st.just(None)),
    "steroid_dose": (st.sampled_from([5, 10, 26.67, "not recorded"]), st.just("mg/d")),
    "toxicity_grade": (st.integers(0, 4), st.just(None)),
}
EVENTS = ["aml", "apl", "all", "b_all", "t_all", "hiv", "relapsed", "refractory", "hsct", "allo_hsct", "car_t",
          "steroid_therapy", "live_vaccine", "allergy_fludarabine", "breast_cancer", "nonmelanoma_skin_cancer",
          "hematologic_malignancy", "other_malignancy", "carcinoma_in_situ", "chemotherapy", "taxane", "anthracycline",
          "platinum_chemotherapy", "acute_leukemia", "auto_hsct", "ambiguous_lineage_leukemia", "mds", "dlbcl", "lymphoma"]


@st.composite
def patients(draw):
    measurements = {}
    for concept in draw(st.sets(st.sampled_from(sorted(MEASURES)))):
        value_s, unit_s = MEASURES[concept]
        uln = draw(st.one_of(st.none(), st.sampled_from([1.0, 1.2, 20.0])))
        measurements[concept] = (Measurement(concept, draw(value_s), draw(unit_s), draw(maybe_day), uln=uln),)
    events = {}
    for concept in draw(st.sets(st.sampled_from(EVENTS))):
        ongoing = {"ongoing": True} if concept == "steroid_therapy" and draw(st.booleans()) else {}
        events[concept] = (Event(concept, draw(maybe_day), draw(st.booleans()), ongoing),)
    if draw(st.booleans()):  # one or two allergy records, naming a product or nothing
        quotes = st.sampled_from([{}, {"quote": "allergy to lenalidomide"}, {"quote": "allergy to penicillin"}])
        records = draw(st.lists(st.builds(lambda q, active: Event("drug_hypersensitivity", None, active, q), quotes, st.booleans()), min_size=1, max_size=2))
        events["drug_hypersensitivity"] = tuple(records)
    birth = draw(st.one_of(st.none(), st.dates(date(1940, 1, 1), date(2024, 1, 1))))
    return PatientFacts(birth, draw(st.sampled_from(["female", "male", None])), measurements, events)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(criteria, min_size=1, max_size=4), patients())
def test_durable_equals_reference_on_random_criteria_and_patients(items, facts):
    both(TrialCriteria("random", 1, tuple(items)), facts)
