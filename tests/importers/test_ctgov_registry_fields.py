"""The registry's own minimumAge / maximumAge / sex become criteria where the text is silent on
them: never a duplicate, never a contradiction; and hostile eligibility text never sinks an import."""

from __future__ import annotations

import time

import pytest

from rules_engine.parser import parse_lines
from rules_engine.parser.registry_fields import REGISTRY_HEADING
from trials.importers import parse_ctgov_study
from trials.records import SourceFormatError


def study(text: str, minimum: str | None = None, maximum: str | None = None, sex: str | None = "ALL") -> dict:
    eligibility = {"eligibilityCriteria": text}
    for key, value in (("minimumAge", minimum), ("maximumAge", maximum), ("sex", sex)):
        if value is not None:
            eligibility[key] = value
    return {
        "protocolSection": {
            "identificationModule": {"nctId": "NCT01234567", "briefTitle": "A study"},
            "statusModule": {"overallStatus": "RECRUITING"},
            "eligibilityModule": eligibility,
        }
    }


def registry_lines(text: str, minimum: str | None = None, maximum: str | None = None, sex: str | None = "ALL") -> list[str]:
    lines = parse_ctgov_study(study(text, minimum, maximum, sex)).criteria
    heading = next((i for i, line in enumerate(lines) if line.text == REGISTRY_HEADING), None)
    return [] if heading is None else [line.text for line in lines if line.parent == heading]


TEXT = "Inclusion Criteria:\n* ECOG 0-1\n\nExclusion Criteria:\n* Pregnant"

CASES = [
    ("a silent text takes the registry's minimum", TEXT, "18 Years", None, "ALL", ["Age ≥ 18 years"]),
    ("and its maximum", TEXT, "18 Years", "75 Years", "ALL", ["Age ≥ 18 years", "Age ≤ 75 years"]),
    ("and its sex", TEXT, None, None, "FEMALE", ["Female patients only"]),
    ("sex ALL adds nothing", TEXT, None, None, "ALL", []),
    ("the text's own minimum is not duplicated", "Inclusion Criteria:\n* Age ≥ 18 years", "18 Years", None, "ALL", []),
    ("the text's other minimum is not contradicted", "Inclusion Criteria:\n* Age ≥ 12 years", "18 Years", None, "ALL", []),
    ("an exclusion 'under 18' is the text's minimum", "Exclusion Criteria:\n* Age < 18 years", "18 Years", "70 Years", "ALL", ["Age ≤ 70 years"]),
    ("a text maximum only: the registry's minimum still added", "Inclusion Criteria:\n* Age ≤ 70 years", "18 Years", "70 Years", "ALL", ["Age ≥ 18 years"]),
    ("the text's sex is not contradicted", "Inclusion Criteria:\n* Male patients", None, None, "FEMALE", []),
    ("months that are whole years are years", TEXT, "24 Months", None, "ALL", ["Age ≥ 2 years"]),
    ("months that are not whole years are left out", TEXT, "6 Months", None, "ALL", []),
    ("a maximum of 99 or more is the placeholder for none", TEXT, None, "99 Years", "ALL", []),
    ("an unreadable registry age adds nothing", TEXT, "N/A", None, "ALL", []),
]


@pytest.mark.parametrize(
    ("text", "minimum", "maximum", "sex", "expected"), [pytest.param(*c[1:], id=c[0]) for c in CASES]
)
def test_registry_fields_fill_what_the_text_leaves_silent(text, minimum, maximum, sex, expected):
    assert registry_lines(text, minimum, maximum, sex) == expected


def test_registry_lines_come_after_the_text_under_one_inclusion_heading():
    lines = parse_ctgov_study(study(TEXT, "18 Years", "75 Years", "MALE")).criteria
    assert [line.text for line in lines[:2]] == ["ECOG 0-1", "Pregnant"]
    assert lines[2].text == REGISTRY_HEADING and lines[2].parent is None and lines[2].type == "inclusion"
    assert all(line.parent == 2 and line.type == "inclusion" and line.source_line is None for line in lines[3:])


def test_registry_lines_are_structured_whole_and_the_heading_stands_for_them():
    lines = parse_ctgov_study(study(TEXT, "18 Years", "75 Years", "FEMALE")).criteria
    criteria = parse_lines(lines)
    heading = criteria[2]
    assert [p.concept for p in heading.expr.parts] == ["age", "age", "sex"]
    assert {(p.op, p.value) for p in heading.expr.parts} == {("gte", 18), ("lte", 75), ("is", "female")}


def test_the_corpus_registry_fields_never_contradict_the_text(ctgov_corpus):
    """Where a study gets a registry line, the text read no bound of that side (or no sex)."""
    from rules_engine.parser.registry_fields import age_bounds, text_sexes

    added = 0
    for raw in ctgov_corpus:
        record = parse_ctgov_study(raw)
        heading = next((i for i, line in enumerate(record.criteria) if line.text == REGISTRY_HEADING), None)
        if heading is None:
            continue
        own = parse_lines(record.criteria[:heading])
        lows, highs = age_bounds(own)
        for line in record.criteria[heading + 1:]:
            added += 1
            assert not (line.text.startswith("Age ≥") and lows) and not (line.text.startswith("Age ≤") and highs)
            assert not (line.text.endswith("patients only") and text_sexes(own))
    assert added > 10


HOSTILE = [
    ("100,000 characters on one line", "Inclusion Criteria:\n* " + "ECOG (" * 16_000),
    ("5,000 lines", "Inclusion Criteria:\n" + "\n".join(f"* Platelets ≥ {i} x 10^9/L or" for i in range(5_000))),
    ("control characters", "Inclusion Criteria:\n* Age\x01 ≥ 18\x07\x1b[31m\x7f"),
    ("unbalanced parentheses", "Exclusion Criteria:\n* " + "((((" * 5_000 + "HIV"),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in HOSTILE])
def test_hostile_eligibility_text_imports_in_bounded_time(text):
    started = time.process_time()
    record = parse_ctgov_study(study(text, "18 Years", None, "ALL"))
    parse_lines(record.criteria)  # what storing the record does next
    assert time.process_time() - started < 10.0
    assert record.criteria


def test_an_overlong_registry_age_is_refused_naming_the_field():
    with pytest.raises(SourceFormatError, match=r"^\$\.protocolSection\.eligibilityModule\.minimumAge: 41 characters"):
        parse_ctgov_study(study(TEXT, "1" * 41))
