"""The readable rule language: what curators write reads as the structure the engine runs, and
every structure the parser writes renders to a rule that reads back exactly."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules_engine.concepts import CONCEPTS
from rules_engine.criteria import All, Any_, Not, Op, Predicate, Review, ReviewReason, Window
from rules_engine.rule_language import (
    KEYWORDS,
    MAX_DEPTH,
    MAX_LENGTH,
    Rule,
    RuleError,
    concept_name,
    document,
    parse,
    parse_rule,
    render,
    render_rule,
    resolve_concept,
    unit_warnings,
)
from tests.fixtures.expressions import expression_trees

ROOT = Path(__file__).resolve().parents[2]


def P(concept, op, value=None, **kw):
    return Predicate(concept=concept, op=op, value=value, **kw)


READS = [
    ("age between 18 and 65 years", P("age", Op.BETWEEN, (18, 65), unit="a")),
    ("age between 18 exclusive and 65 years", P("age", Op.BETWEEN, (18, 65), unit="a", low_inclusive=False)),
    ("age between 0.5 and 21 exclusive years", P("age", Op.BETWEEN, (0.5, 21), unit="a", high_inclusive=False)),
    (
        'bilirubin <= 2 x ULN and (ALT <= 3 x ULN or review "liver infiltration")',
        All((
            P("bilirubin", Op.LTE, 2, uln=True),
            Any_((P("alt", Op.LTE, 3, uln=True), Review(ReviewReason.JUDGEMENT, "liver infiltration"))),
        )),
    ),
    ("no allo-HSCT within 90 days", P("allo_hsct", Op.NOT_WITHIN, window=Window(90.0, "days"))),
    ("allo-HSCT within 1 year", P("allo_hsct", Op.WITHIN, window=Window(1.0, "years"))),
    ("ECOG <= 1", P("ecog", Op.LTE, 1)),
    ("ECOG ≤ 1", P("ecog", Op.LTE, 1)),
    ("ECOG in (0, 1)", P("ecog", Op.IN, (0, 1))),
    ("CD33 is positive", P("cd33", Op.IS, "positive")),
    ("sex != male", P("sex", Op.NEQ, "male")),
    (
        'review consent "Able to give written informed consent"',
        Review(ReviewReason.CONSENT, "Able to give written informed consent"),
    ),
    ("review unparsed", Review(ReviewReason.UNPARSED)),
    ("HIV", P("hiv", Op.PRESENT)),
    ("no HIV", P("hiv", Op.ABSENT)),
    ("not HIV", Not(P("hiv", Op.PRESENT))),
    ("not (HIV or HBV)", Not(Any_((P("hiv", Op.PRESENT), P("hbv", Op.PRESENT))))),
    ("other-malignancy other than (AML) within 3 years", P("other_malignancy", Op.WITHIN, ("aml",), window=Window(3.0, "years"))),
    ("ANC >= 1.5 10*9/L within 14 days", P("anc", Op.GTE, 1.5, unit="10*9/L", window=Window(14.0, "days"))),
    ("creatinine <= 1.5 mg/dL", P("creatinine", Op.LTE, 1.5, unit="mg/dL")),
    ("HIV and (HBV and HCV)", All((P("hiv", Op.PRESENT), All((P("hbv", Op.PRESENT), P("hcv", Op.PRESENT)))))),
    ("HIV or HBV and HCV", Any_((P("hiv", Op.PRESENT), All((P("hbv", Op.PRESENT), P("hcv", Op.PRESENT)))))),
    ("and(HIV)", All((P("hiv", Op.PRESENT),))),
    ("allo_hsct", P("allo_hsct", Op.PRESENT)),
    ("ALLO-hsct", P("allo_hsct", Op.PRESENT)),
    ("MRD < 1e-05 %", P("mrd", Op.LT, 1e-05, unit="%")),
]


@pytest.mark.parametrize(("text", "expected"), READS, ids=[t for t, _ in READS])
def test_a_rule_reads_as_its_structure(text, expected):
    assert parse(text) == expected


@pytest.mark.parametrize(("text", "expected"), READS, ids=[t for t, _ in READS])
def test_a_structure_renders_to_a_rule_that_reads_back(text, expected):
    assert parse(render(expected)) == expected


def test_a_condition_limits_the_line():
    rule = parse_rule("if sex is female: pregnancy-test is negative")
    assert rule == Rule(expr=P("pregnancy_test", Op.IS, "negative"), applies_if=P("sex", Op.IS, "female"))
    assert render_rule(rule.expr, rule.applies_if) == "if sex is female: pregnancy-test is negative"


def test_a_whole_number_and_a_decimal_stay_apart():
    assert type(parse("ECOG <= 2").value) is int
    assert type(parse("ECOG <= 2.0").value) is float


ERRORS = [
    # (rule, line, column, words the message must hold)
    ("ECOG <=", 1, 8, ["ends early", "a number"]),
    ("ECGO <= 1", 1, 1, ["unknown concept 'ECGO'", "ECOG"]),
    ("bilirubin <= 2 furlongz", 1, 16, ["unknown unit 'furlongz'"]),
    ("age > 18 and\nHIV or", 2, 7, ["ends early", "concept name"]),
    ('review "unclosed', 1, 8, ["quoted text is not closed"]),
    ("HIV HBV", 1, 5, ["unexpected 'HBV'", "'and'"]),
    ("", 1, 1, ["empty"]),
    ("allo-HSCT within 90 fortnights", 1, 21, ["unexpected", "'days'"]),
]


@pytest.mark.parametrize(("text", "line", "column", "words"), ERRORS, ids=[e[0] or "empty" for e in ERRORS])
def test_an_error_names_line_column_and_what_was_expected(text, line, column, words):
    with pytest.raises(RuleError) as caught:
        parse(text)
    assert (caught.value.line, caught.value.column) == (line, column)
    for word in words:
        assert word in str(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        "HIV and " * (MAX_LENGTH // 8) + "HIV",  # over the length cap
        "HIV " * 30_000,  # 100 KB+
        "(" * 5000 + "HIV" + ")" * 5000,  # deep parentheses
        "not " * 5000 + "HIV",  # deep negation, no parentheses
        "(" * 100_000,
    ],
    ids=["long", "100KB", "parentheses", "negations", "open-only"],
)
def test_hostile_rules_are_refused_quickly_and_clearly(text):
    started = time.process_time()
    with pytest.raises(RuleError) as caught:
        parse(text)
    assert time.process_time() - started < 1.0
    assert "characters" in str(caught.value) or "deep" in str(caught.value)


def test_depth_up_to_the_limit_still_reads():
    text = "(" * (MAX_DEPTH - 1) + "HIV" + ")" * (MAX_DEPTH - 1)
    assert parse(text) == P("hiv", Op.PRESENT)


def test_a_unit_of_another_kind_reads_but_warns():
    rule = parse_rule("steroid-dose > 0.5 mg/kg/d")
    assert rule.expr.unit == "mg/kg/d"
    assert unit_warnings(rule) and "mg/kg/d" in unit_warnings(rule)[0]
    assert unit_warnings(parse_rule("bilirubin < 20 umol/L")) == []


def test_every_concept_has_a_name_that_is_no_keyword_and_reads_back():
    keywords = {k.lower() for k in KEYWORDS}
    for concept_id in CONCEPTS:
        name = concept_name(concept_id)
        assert name.lower() not in keywords and concept_id not in keywords
        assert resolve_concept(name) == concept_id
        assert parse(name) == P(concept_id, Op.PRESENT)


def test_the_document_is_generated_from_the_catalogue():
    doc = (ROOT / "docs" / "rule-language.md").read_text(encoding="utf-8")
    assert doc == document(), "docs/rule-language.md is stale: python -m rules_engine.rule_language > docs/rule-language.md"
    for concept_id in CONCEPTS:
        assert f"| `{concept_name(concept_id)}` | `{concept_id}` |" in doc


# --------------------------------------------------------------------------- generated expressions

concepts = st.sampled_from(sorted(CONCEPTS))
texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
ints = st.integers(-10**6, 10**9)
floats = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12)
numbers = st.one_of(ints, floats)
windows = st.builds(
    Window,
    amount=st.one_of(st.integers(0, 400).map(float), st.floats(0, 400, allow_nan=False)),
    unit=st.sampled_from(["days", "weeks", "months", "years"]),
)
units = st.sampled_from(["a", "mo", "wk", "d", "10*9/L", "mg/dL", "g/L", "%", "mL/min/{1.73_m2}", "umol/L", "mg/d", "ms"])
items = st.one_of(concepts, numbers, texts)
words = st.one_of(st.sampled_from(["positive", "negative", "female", "male"]), texts)


@st.composite
def measurements(draw):
    op = draw(st.sampled_from([Op.GT, Op.GTE, Op.LT, Op.LTE, Op.EQ, Op.NEQ, Op.BETWEEN]))
    value = (draw(numbers), draw(numbers)) if op is Op.BETWEEN else draw(numbers)
    uln = draw(st.booleans())
    unit = draw(st.none() | units)
    window = draw(st.none() | windows)
    ends = (draw(st.booleans()), draw(st.booleans())) if op is Op.BETWEEN else (True, True)
    return Predicate(draw(concepts), op, value, unit, uln, window, *ends)


@st.composite
def history(draw):
    op = draw(st.sampled_from([Op.PRESENT, Op.ABSENT, Op.WITHIN, Op.NOT_WITHIN]))
    value = draw(st.none() | st.tuples(concepts) | st.lists(concepts, max_size=4).map(tuple))
    window = draw(windows) if op in (Op.WITHIN, Op.NOT_WITHIN) else None
    return Predicate(draw(concepts), op, value, window=window)


predicates = st.one_of(
    measurements(),
    history(),
    st.builds(lambda c, w: Predicate(c, Op.IS, w), concepts, words),
    st.builds(lambda c, w, op: Predicate(c, op, w), concepts, words, st.sampled_from([Op.EQ, Op.NEQ])),
    st.builds(lambda c, v: Predicate(c, Op.IN, tuple(v)), concepts, st.lists(items, max_size=5)),
)
reviews = st.builds(Review, st.sampled_from(list(ReviewReason)), texts)
expressions = expression_trees(st.one_of(predicates, reviews), max_leaves=12, max_parts=4)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(expressions, st.none() | expressions)
def test_every_generated_expression_reads_back_exactly(expr, applies_if):
    rule = parse_rule(render_rule(expr, applies_if))
    assert rule == Rule(expr, applies_if)
    # exactly: the stored JSON is the same too (a whole number stays whole)
    assert rule.expr.to_json() == expr.to_json()


# ------------------------------------------------------------------------------ the registry corpus
# (parsed once a session by the ``corpus_criteria`` fixture of tests/conftest.py)


def test_every_line_of_the_corpus_renders_and_reads_back(corpus_criteria):
    """Every line the parser writes from the seeds and the shared corpus (50,333 lines when
    measured): rendered, read back, equal, and the same JSON."""
    lines = 0
    wrong = []
    for criterion in corpus_criteria:
        lines += 1
        text = render_rule(criterion.expr, criterion.applies_if)
        back = parse_rule(text)
        if back != Rule(criterion.expr, criterion.applies_if) or back.expr.to_json() != criterion.expr.to_json():
            wrong.append((criterion.text[:80], text[:160]))
    print(f"rule language round trip: {lines} corpus lines rendered and re-parsed")
    assert lines > 40_000
    assert wrong == []


def _depth(expr) -> int:
    """How deep groups and negations nest (what ``MAX_DEPTH`` bounds), without recursion."""
    deepest, stack = 0, [(expr, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if isinstance(node, Not):
            stack.append((node.part, depth + 1))
        elif isinstance(node, (All, Any_)):
            stack.extend((part, depth + 1) for part in node.parts)
    return deepest


def test_the_corpus_renders_well_inside_the_length_limit(corpus_criteria):
    """The limit refuses hostile rules, never a line the parser writes: the longest corpus line
    renders to under half of it (6,547 characters when measured)."""
    longest = max(len(render_rule(c.expr, c.applies_if)) for c in corpus_criteria)
    assert longest < MAX_LENGTH // 2


def test_the_corpus_nests_well_inside_the_depth_limit(corpus_criteria):
    """Likewise for nesting: the deepest corpus line uses under half of ``MAX_DEPTH``."""
    deepest = max(max(_depth(c.expr), _depth(c.applies_if) if c.applies_if else 0) for c in corpus_criteria)
    assert deepest < MAX_DEPTH // 2
