"""The safety rule as a property: unread text (a Review part) may turn a decided line into
``unknown``, never into the opposite, and never hides a structured decision against the patient
(an inclusion's failing conjunct, an exclusion's applying disjunct).

Criteria are built at random from predicates the reference evaluator decides, unread parts are
added wherever the parser could put them, the result goes through ``safety.enforce`` as every
parsed line does, and both are evaluated with the reference evaluator's Kleene logic on random
records."""

from __future__ import annotations

from datetime import date

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests.fixtures.expressions import expression_trees
from rules_engine.assemble import kleene_all, kleene_any
from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, Op, Predicate, Review, ReviewReason
from rules_engine.facts import Event, Measurement, PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.safety import Alternative, Qualifier, enforce
from rules_engine.reference import predicate_outcome
from rules_engine.snapshot import snapshot

AS_OF = date(2025, 6, 1)
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
AGAINST = {CriterionType.INCLUSION: NOT_MET, CriterionType.EXCLUSION: MET}

PREDICATES = [
    Predicate("age", Op.GTE, 18, "a"),
    Predicate("age", Op.LT, 70, "a"),
    Predicate("ecog", Op.LTE, 2),
    Predicate("platelets", Op.GTE, 50, "10*9/L"),
    Predicate("alt", Op.LTE, 3, None, True),
    Predicate("bilirubin", Op.LTE, 1.5, None, True),
    Predicate("hiv", Op.PRESENT),
    Predicate("hbv", Op.PRESENT),
    Predicate("aml", Op.PRESENT),
    Predicate("gvhd", Op.PRESENT),
]

records = st.builds(
    lambda age, ecog, plt, alt, bili, events: PatientFacts(
        birth_date=None if age is None else date(AS_OF.year - age, 1, 1),
        sex="female",
        measurements={
            name: (Measurement(name, value, unit, AS_OF, uln=uln),)
            for name, value, unit, uln in (
                ("ecog", ecog, None, None),
                ("platelets", plt, "10*9/L", None),
                ("alt", alt, "U/L", 40.0),
                ("bilirubin", bili, "mg/dL", 1.2),
            )
            if value is not None
        },
        events={name: (Event(name, AS_OF, True),) for name in events},
    ),
    st.none() | st.integers(10, 90),
    st.none() | st.integers(0, 4),
    st.none() | st.floats(5, 400, allow_nan=False),
    st.none() | st.floats(5, 400, allow_nan=False),
    st.none() | st.floats(0.1, 8, allow_nan=False),
    st.sets(st.sampled_from(["hiv", "hbv", "aml", "gvhd"])),
)

structured: st.SearchStrategy[Expr] = expression_trees(st.sampled_from(PREDICATES), max_leaves=6, min_parts=2)
reviews = st.sampled_from([Review(ReviewReason.UNPARSED, "some unread words"), Review(ReviewReason.JUDGEMENT, "as the investigator judges")])


@st.composite
def with_unread(draw, expr: Expr) -> Expr:
    """``expr`` with unread parts added where the parser could add them: beside any node, as a
    requirement or as an alternative."""
    if isinstance(expr, Predicate | Review):
        node = expr
    elif isinstance(expr, Not):
        node = Not(draw(with_unread(expr.part)))
    else:
        node = type(expr)(tuple(draw(with_unread(p)) for p in expr.parts))
    if draw(st.booleans()):
        joiner = draw(st.sampled_from([All, Any_]))
        return joiner((node, draw(reviews)))
    return node


def outcome(expr: Expr, facts: PatientFacts) -> Outcome:
    snap = snapshot(facts, AS_OF)

    def walk(e: Expr) -> Outcome:
        if isinstance(e, Predicate):
            return predicate_outcome(e, snap)
        if isinstance(e, Review):
            return UNKNOWN
        if isinstance(e, Not):
            return {MET: NOT_MET, NOT_MET: MET}.get(walk(e.part), UNKNOWN)
        parts = [walk(p) for p in e.parts]
        return kleene_all(parts) if isinstance(e, All) else kleene_any(parts)

    return walk(expr)


@settings(max_examples=400, deadline=None)
@given(st.data(), st.sampled_from(list(CriterionType)), st.lists(structured, min_size=1, max_size=3), records)
def test_unread_text_never_flips_a_line_and_never_hides_a_decision_against_the_patient(data, ctype, parts, facts):
    line = All(tuple(parts)) if ctype is CriterionType.INCLUSION else Any_(tuple(parts))
    read = outcome(line, facts)
    guarded = enforce(data.draw(with_unread(line)), ctype)
    seen = outcome(guarded, facts)
    assert seen in (read, UNKNOWN)
    if read is AGAINST[ctype]:
        assert seen is read


@settings(max_examples=200, deadline=None)
@given(st.data(), st.lists(structured, min_size=2, max_size=4), records)
def test_an_inclusion_whose_structured_conjunct_fails_is_not_met_whatever_else_it_holds(data, parts, facts):
    assume(any(outcome(p, facts) is NOT_MET for p in parts))
    line = data.draw(with_unread(All(tuple(parts))))
    assert outcome(enforce(line, CriterionType.INCLUSION), facts) is NOT_MET


def test_marked_alternatives_and_qualifiers_keep_their_place():
    """A real "or" and a qualifier are the text's own meaning: the pass keeps them."""
    bili = Predicate("bilirubin", Op.LTE, 1.5, None, True)
    gilbert = Alternative(ReviewReason.UNSUPPORTED_CONCEPT, "Gilbert's syndrome")
    active = Qualifier(ReviewReason.JUDGEMENT, "active")
    hbv = Predicate("hbv", Op.PRESENT)
    assert enforce(Any_((bili, gilbert)), CriterionType.INCLUSION) == Any_((bili, Review(ReviewReason.UNSUPPORTED_CONCEPT, "Gilbert's syndrome")))
    assert enforce(All((hbv, active)), CriterionType.EXCLUSION) == All((hbv, Review(ReviewReason.JUDGEMENT, "active")))


def test_an_unmarked_alternative_beside_a_requirement_is_dropped():
    alt = Predicate("alt", Op.LTE, 3, None, True)
    assert enforce(Any_((alt, Review(ReviewReason.UNPARSED, "transfusion permitted"))), CriterionType.INCLUSION) == alt


# the lines: a failing value is seen whatever remark stands beside it
ORGAN_LINE = (
    "Within 3 days prior to initial treatment, the organ functions meet the following requirements: (1) complete blood "
    "cell count: a. Absolute neutrophil counts ≥1.0×109/L; b.Hemoglobin ≥6g/dL(red blood cell; transfusion are permitted); "
    "c.Platelet ≥50×109/L(platelet transfusion are permitted); (2) Liver function: alanine transaminase (ALT)/ aspartate "
    "aminotransferase(AST) ≤ 3× times upper normal limit(ULN), total bilirubin ≤ 2 times ULN (direct bilirubin ≥ 1.5 times "
    "ULN is acceptable for subjects with Gilbert-Meulengracht syndrome)"
)
INFECTION_LINE = "Uncontrolled infection, Active HBV or HCV infection, HIV positive or any other deadly bacterial/virual diseases;"


def _facts(measurements=(), events=()) -> PatientFacts:
    return PatientFacts(
        birth_date=date(1980, 1, 1),
        sex="male",
        measurements={m.concept: (m,) for m in measurements},
        events={e: (Event(e, AS_OF, True),) for e in events},
    )


def test_alt_of_four_and_a_half_times_uln_fails_the_organ_function_line():
    criterion = parse_line(ORGAN_LINE, CriterionType.INCLUSION)
    facts = _facts([Measurement("alt", 180.0, "U/L", AS_OF, uln=40.0)])
    assert outcome(criterion.expr, facts) is NOT_MET


def test_platelets_of_thirty_fail_the_organ_function_line_whatever_transfusion_remark():
    criterion = parse_line(ORGAN_LINE, CriterionType.INCLUSION)
    facts = _facts([Measurement("platelets", 30.0, "10*9/L", AS_OF)])
    assert outcome(criterion.expr, facts) is NOT_MET


def test_a_patient_coded_with_hiv_is_excluded_by_the_infection_line():
    criterion = parse_line(INFECTION_LINE, CriterionType.EXCLUSION)
    assert outcome(criterion.expr, _facts(events=["hiv"])) is MET
