"""The line cache a bulk import parses with answers exactly as the parser does (plain Python,
no database): the performance trick pinned against the plain way."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_lines
from rules_engine.parser.line import parse_line
from trials import parse_cache
from trials.importers.ctgov import split_ctgov_criteria
from trials.parse_cache import LineCache


@pytest.fixture(scope="module")
def corpus_lines(ctgov_corpus) -> list[list[tuple[str, str, int | None]]]:
    """Each of the 100 real studies' lines, split as the importer splits them."""
    return [
        [(line.type, line.text, line.parent) for line in split_ctgov_criteria(
            study["protocolSection"].get("eligibilityModule", {}).get("eligibilityCriteria", "")
        )]
        for study in ctgov_corpus
    ]


def test_a_trial_parsed_through_the_cache_equals_the_plain_parse(corpus_lines):
    cache = LineCache()
    for lines in corpus_lines:
        assert [c.to_json() for c in parse_lines(lines, cache)] == [c.to_json() for c in parse_lines(lines)]
    assert cache.hits > 0  # the corpus repeats lines: the comparison covered cached answers


def test_a_second_pass_is_answered_from_the_cache_with_the_same_result(corpus_lines):
    cache = LineCache()
    first = [[c.to_json() for c in parse_lines(lines, cache)] for lines in corpus_lines]
    misses = cache.misses
    second = [[c.to_json() for c in parse_lines(lines, cache)] for lines in corpus_lines]
    assert second == first
    assert cache.misses == misses


@pytest.mark.parametrize(
    ("text", "context", "parent"),
    [
        ("Under 80", "Age:", 3),  # read with its heading: an age bound
        ("Under 80", "", None),  # the same words alone
        ("At least 4 weeks since prior", "Chemotherapy:", 0),
        ("At least 4 weeks since prior", "", 2),
    ],
)
def test_the_heading_a_line_is_read_with_is_part_of_the_key_and_the_parent_is_copied(text, context, parent):
    cache = LineCache()
    cache(text, CriterionType.INCLUSION, parent=None, context="Radiotherapy:")  # another reading first
    cache(text, CriterionType.INCLUSION, parent=7, context=context)
    answer = cache(text, CriterionType.INCLUSION, parent=parent, context=context)
    assert answer == parse_line(text, CriterionType.INCLUSION, parent=parent, context=context)


@pytest.mark.parametrize(("size", "kept"), [(0, 0), (2, 2), (100, 3)])
def test_the_cache_keeps_at_most_its_size(size, kept):
    cache = LineCache(size)
    for text in ("Age >= 18 years", "Known HIV infection", "Pregnant or breastfeeding"):
        cache(text, CriterionType.EXCLUSION)
    assert len(cache) == kept


def test_a_line_whose_parse_raised_is_not_kept(monkeypatch):
    calls = []

    def flaky(text, type, parent=None, context=""):
        calls.append(text)
        if len(calls) == 1:
            raise TimeoutError("out of budget")
        return parse_line(text, type, parent=parent, context=context)

    monkeypatch.setattr(parse_cache, "parse_line", flaky)
    cache = LineCache()
    with pytest.raises(TimeoutError):
        cache("Age >= 18 years", CriterionType.INCLUSION)
    assert cache("Age >= 18 years", CriterionType.INCLUSION) == parse_line("Age >= 18 years", CriterionType.INCLUSION)
    assert len(calls) == 2
