"""Seed lines whose only words left to review are a person's (issue 14, seed target): how long a
consent duty lasts, which toxicities are clinically insignificant. Each is read as the person's question it is (consent, judgement), never as words
Eligo failed to read, and never in place of what a record decides: the structured part still
meets and fails the line as before (safety rule)."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType, Review, ReviewReason, iter_nodes
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.duty_spans import _SPAN
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition, result, score

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
HUMAN = {ReviewReason.CONSENT, ReviewReason.JUDGEMENT}

PREGNANCY_DUTY = ("Results of pregnant test should be negative, and agree to conception control during treatment and "
                  "6 months after CAR-T infusion.")
DUTY_AFTER_PRODUCT = "Pregnancy test should be negative, and agree to use contraception during treatment and 6 months after CAR-T infusion."
SYMPTOMATIC_DVT = "History of symptomatic deep vein thrombosis or pulmonary embolism within 6 months prior to enrollment"
TOXICITY_EXCEPT = ("Toxic reactions caused by previous antitumor therapy must be stabilized and returned to ≤ grade 1 (except "
                   "for clinically insignificant toxicity, such as baldness).")

# (line, type): every Review the line keeps is a person's question
HUMAN_ONLY = [
    # the duty's span ("6 months after CAR-T infusion") runs on after a product read as a mention:
    # it is the duty's, not an unread requirement of its own (duty_spans)
    (PREGNANCY_DUTY, INC),
    (DUTY_AFTER_PRODUCT, INC),
    # "clinically insignificant" names the investigator's judgement, whatever its noun
    (TOXICITY_EXCEPT, INC),
]


@pytest.mark.parametrize(("text", "ctype"), HUMAN_ONLY)
def test_what_is_left_is_a_persons_question(text: str, ctype: CriterionType) -> None:
    reviews = [n for n in iter_nodes(parse_line(text, ctype).expr) if isinstance(n, Review)]
    assert reviews and {r.reason for r in reviews} <= HUMAN, reviews


def test_the_span_joins_the_duty_it_belongs_to() -> None:
    reviews = [n for n in iter_nodes(parse_line(PREGNANCY_DUTY, INC).expr) if isinstance(n, Review)]
    assert [r.reason for r in reviews] == [ReviewReason.CONSENT]
    assert "6 months after" in reviews[0].text


WOMAN = adult(word="female", years=30)

# (why, line, type, record, outcome): the structured part decides as before. "Symptomatic" stays
# an unread word, not a judgement: read as one, lines whose other reviews are a person's collapsed
# to the investigator's review before "symptomatic heart failure" was read as NYHA class >= 2
# (decidable.human_only runs first), and a class IV failure on record no longer failed them
OUTCOMES: list[tuple[str, str, CriterionType, PatientFacts, Outcome]] = [
    ("a positive pregnancy test still fails the line whatever the duty",
     PREGNANCY_DUTY, INC, adult(result("pregnancy_test", "positive"), word="female", years=30), NOT_MET),
    ("a negative test leaves the contraception duty to a person",
     PREGNANCY_DUTY, INC, adult(result("pregnancy_test", "negative"), word="female", years=30), UNKNOWN),
    ("no thrombosis on record: the exclusion does not apply",
     SYMPTOMATIC_DVT, EXC, WOMAN, NOT_MET),
    ("a thrombosis 2 months ago may or may not have been symptomatic",
     SYMPTOMATIC_DVT, EXC, adult(condition("thromboembolism", 60)), UNKNOWN),
    ("a thrombosis 2 years ago is outside the window",
     SYMPTOMATIC_DVT, EXC, adult(condition("thromboembolism", 730)), NOT_MET),
    ("no toxicity left on record meets the recovery",
     TOXICITY_EXCEPT, INC, adult(score("toxicity_grade", 0)), MET),
    ("a grade 3 toxicity may be the clinically insignificant kind the line excepts",
     TOXICITY_EXCEPT, INC, adult(score("toxicity_grade", 3)), UNKNOWN),
]


@pytest.mark.parametrize(("text", "ctype", "facts", "expected"), [pytest.param(t, c, f, o, id=i) for i, t, c, f, o in OUTCOMES])
def test_the_structured_part_still_decides(text: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert evaluate(parse_line(text, ctype), facts, AS_OF).outcome is expected


def test_a_span_naming_a_therapy_read_as_a_condition_is_not_joined() -> None:
    """Only a product read as a mention is the span's: one a topic reads as a predicate keeps its reading."""
    from rules_engine.parser.clauses import Clause, Residue
    from rules_engine.parser.duty_spans import span_joins_duty
    from rules_engine.parser.items import Item
    from rules_engine.criteria import Op, Predicate

    text = "agree to use contraception and 6 months after chemotherapy"
    read = Item(46, 58, Predicate("chemotherapy", Op.PRESENT), frozenset({"chemotherapy"}))
    clause = Clause(None, [Residue("agree to use contraception", 0, 27, False), Residue("6 months after", 30, 58, True)],
                    [], frozenset(), [read], text)
    assert span_joins_duty(clause) is clause


def test_hostile_span_is_fast() -> None:
    text = "6 months after " + "a " * 10_000
    started = time.perf_counter()
    _SPAN.fullmatch(text)
    parse_line("agree to use contraception and " + text, INC)
    assert time.perf_counter() - started < 1.0
