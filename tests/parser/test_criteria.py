"""parse_criteria / parse_lines: whole texts, headings standing for their children."""

import pytest

from rules_engine.criteria import All, Any_, CriterionType, Not, Op, Predicate
from rules_engine.parser import parse_criteria, parse_lines

OLD = """
        PATIENT CHARACTERISTICS:

        Age:

          -  Under 80
"""


def test_parse_lines_takes_type_and_text_pairs():
    criteria = parse_lines([("inclusion", "ECOG 0-2"), ("exclusion", "HIV positive")])
    assert [c.type for c in criteria] == [CriterionType.INCLUSION, CriterionType.EXCLUSION]
    assert criteria[0].expr == Predicate("ecog", Op.LTE, 2)


def test_a_line_under_an_age_heading_is_read_as_an_age_bound():
    criteria = parse_criteria(OLD)
    under = next(c for c in criteria if c.text == "Under 80")
    assert under.expr == Predicate("age", Op.LT, 80, "a")


def test_a_one_of_the_following_heading_is_any_of_its_children():
    text = "Inclusion Criteria:\n\n* Meets one of the following:\n\n   * ECOG 0-1\n   * Karnofsky ≥ 80%\n"
    heading = parse_criteria(text)[0]
    assert heading.expr == Any_((Predicate("ecog", Op.LTE, 1), Predicate("karnofsky", Op.GTE, 80, "%")))


def test_a_plain_heading_is_all_of_its_children():
    text = "Inclusion Criteria:\n\n* Adequate organ function:\n\n   * Hemoglobin ≥ 9 g/dL\n   * ECOG 0-1\n"
    heading, first, _ = parse_criteria(text)
    assert heading.expr == All((Predicate("hemoglobin", Op.GTE, 9, "g/dL"), Predicate("ecog", Op.LTE, 1)))
    assert first.parent == 0


def test_parsed_criteria_round_trip_through_json():
    from rules_engine.criteria import criterion_from_json

    for criterion in parse_criteria(OLD):
        assert criterion_from_json(criterion.to_json()) == criterion


def test_a_negated_inclusion_heading_holds_when_none_of_its_children_does():
    text = "Inclusion Criteria:\n\n* No uncontrolled illness including any of the following:\n\n   * Unstable angina pectoris\n   * Myocardial infarction\n"
    heading, first, second = parse_criteria(text)
    assert first.type is CriterionType.EXCLUSION and first.expr == Predicate("unstable_angina", Op.PRESENT)
    assert heading.expr == All((Not(Predicate("unstable_angina", Op.PRESENT)), Not(Predicate("myocardial_infarction", Op.PRESENT))))


THERAPY_OLD = """
        PRIOR CONCURRENT THERAPY:

        Chemotherapy:

          -  At least 4 weeks since prior

          -  No concurrent

        Life expectancy

          -  More than 3 months
"""


def test_a_line_under_a_therapy_heading_is_about_that_therapy():
    from rules_engine.criteria import Window

    criteria = {c.text: c.expr for c in parse_criteria(THERAPY_OLD)}
    assert criteria["At least 4 weeks since prior"] == Predicate("chemotherapy", Op.NOT_WITHIN, window=Window(4, "weeks", exclusive=True))
    assert isinstance(criteria["No concurrent"], Not)


def test_a_context_heading_without_its_colon_still_gives_the_subject():
    criteria = {c.text: c.expr for c in parse_criteria(THERAPY_OLD)}
    assert criteria["More than 3 months"] == Predicate("life_expectancy", Op.GT, 3, "mo")


STATUS = Any_((Predicate("relapsed", Op.PRESENT), Predicate("refractory", Op.PRESENT)))
AML = Predicate("aml", Op.PRESENT)


@pytest.mark.parametrize(
    "heading,children,expected",
    [
        # the list says how the trial judges the status the heading asks for: no case of its own
        ("Relapsed or refractory AML as defined by one of the following criteria:",
         ["First relapse within 12 months after first CR", "Persistent AML at least 28 days after induction"],
         All((STATUS, AML))),
        ("Refractory AML defined as meeting 1 or more of the following:",
         ["Progression within 60 days of last therapy"], All((Predicate("refractory", Op.PRESENT), AML))),
        # a heading whose list adds requirements ("... and meet the following criteria") keeps them
        ("Relapsed or refractory AML and meet the following criteria:", ["ECOG 0-1"],
         All((All((STATUS, AML)), Predicate("ecog", Op.LTE, 1)))),
        # a list that defines a measure, not the status, keeps its lines
        ("Relapsed or progressive multiple myeloma, defined as a 25% increase in any of the following:", ["ECOG 0-1"], None),
    ],
)
def test_a_heading_whose_list_defines_its_status_asks_the_status_alone(heading, children, expected):
    lines = [("inclusion", heading, None), *(("inclusion", child, 0) for child in children)]
    got = parse_lines(lines)[0].expr
    if expected is None:
        assert Predicate("ecog", Op.LTE, 1) in list(_walk(got))
    else:
        assert got == expected


def _walk(expr):
    yield expr
    for part in getattr(expr, "parts", ()):
        yield from _walk(part)
    if hasattr(expr, "part"):
        yield from _walk(expr.part)
