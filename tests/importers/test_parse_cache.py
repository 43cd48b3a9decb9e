"""The line cache a bulk import parses with answers exactly as the parser does (plain Python,
no database): the performance trick pinned against the plain way."""

from __future__ import annotations

import multiprocessing

import pytest

from rules_engine.criteria import Criterion, CriterionType, Review, ReviewReason
from rules_engine.parser import parse_lines
from rules_engine.parser.line import parse_line
from trials import parse_cache
from trials.importers.ctgov import criteria_lines, split_ctgov_criteria
from trials.parse_cache import AnswerStore, CriteriaCache, LineCache, shared_store
from trials.structuring import LINE_BUDGET_SECONDS, over_budget_reason, structure_lines


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


# --- whole texts (CriteriaCache) ---------------------------------------------------------------


def _fields(study: dict) -> tuple[str, str, str, str]:
    elig = study["protocolSection"].get("eligibilityModule", {})
    return (elig.get("eligibilityCriteria", ""), elig.get("minimumAge", ""), elig.get("maximumAge", ""), elig.get("sex", ""))


def _plain(fields: tuple[str, str, str, str]) -> tuple[tuple, tuple[dict, ...]]:
    lines = criteria_lines(*fields)
    return lines, tuple(c.to_json() for c in structure_lines([(line.type, line.text, line.parent) for line in lines]))


def test_a_text_answered_by_the_criteria_cache_equals_the_plain_parse_first_and_second_time(ctgov_corpus):
    cache = CriteriaCache(LineCache(), AnswerStore())
    studies = [_fields(s) for s in ctgov_corpus]
    plain = [_plain(fields) for fields in studies]
    for _ in range(2):
        for fields, expected in zip(studies, plain, strict=True):
            lines = cache.lines(*fields)
            assert (lines, cache.structured(lines)) == expected
    assert cache.misses == len(set(studies))  # each distinct text once (two of the 100 studies share theirs)
    assert cache.hits == 2 * len(studies) - cache.misses


def test_the_age_and_sex_fields_are_part_of_a_texts_key():
    cache = CriteriaCache(LineCache(), AnswerStore())
    text = "Inclusion Criteria:\n* Histologically confirmed NSCLC"
    for fields in [(text, "18 Years", "", "ALL"), (text, "", "", "ALL"), (text, "18 Years", "75 Years", "FEMALE")]:
        lines = cache.lines(*fields)
        assert (lines, cache.structured(lines)) == _plain(fields)
    assert cache.hits == 0


def test_each_reader_gets_objects_of_its_own():
    cache = CriteriaCache(LineCache(), AnswerStore())
    fields = ("Inclusion Criteria:\n* Age >= 18 years", "", "", "")
    first = cache.structured(cache.lines(*fields))
    first[0]["expr"] = "changed by a caller"
    assert cache.structured(cache.lines(*fields)) == _plain(fields)[1]


def test_a_structure_with_a_line_out_of_its_time_budget_is_not_kept(monkeypatch):
    def out_of_time(lines, line_parser=None, study_drugs=()):
        return [Criterion(type=CriterionType(t), text=text, expr=Review(ReviewReason.UNPARSED, over_budget_reason(LINE_BUDGET_SECONDS)))
                for t, text, _ in lines]

    monkeypatch.setattr(parse_cache, "structure_lines", out_of_time)
    store = AnswerStore()
    cache = CriteriaCache(LineCache(), store)
    fields = ("Inclusion Criteria:\n* Age >= 18 years", "", "", "")
    cache.structured(cache.lines(*fields))
    assert len(store) == 0


@pytest.mark.parametrize(("budget", "kept"), [(0, []), (25, [b"c", b"d"]), (1000, [b"a", b"b", b"c", b"d"])])
def test_the_answer_store_keeps_at_most_its_budget_of_bytes_newest_first(budget, kept):
    store = AnswerStore(budget)
    for key in (b"a", b"b", b"c", b"d"):
        store.put(key, b"x" * 12)
    assert [key for key in (b"a", b"b", b"c", b"d") if store.get(key) is not None] == kept


def test_a_shared_store_serves_another_process():
    context = multiprocessing.get_context("spawn")
    with shared_store(1 << 20, context) as store, context.Pool(1) as pool:
        store.put(b"key", b"answer")
        assert pool.apply(_read_from, (store, b"key")) == b"answer"


def _read_from(store: AnswerStore, key: bytes) -> bytes | None:
    return store.get(key)


def test_a_study_whose_lines_name_its_drugs_is_read_with_them_and_never_kept():
    """"Known hypersensitivity to any study drug" depends on the study's drugs as well as its
    text: the cache answers as the plain parse with the drugs does, and keeps no answer that a
    sister study with other drugs could be given."""
    fields = ("Exclusion Criteria:\n\n- Known hypersensitivity to any study drug\n", "", "", "")
    cache = CriteriaCache(LineCache(), AnswerStore())
    for drugs in (("dasatinib",), ("nilotinib",), ()):
        lines = cache.lines(*fields)
        plain = structure_lines([(line.type, line.text, line.parent) for line in lines], study_drugs=drugs)
        assert cache.structured(lines, drugs) == tuple(c.to_json() for c in plain)
    assert cache.hits == 0
