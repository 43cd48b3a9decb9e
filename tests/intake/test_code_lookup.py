"""A coding is looked up among the rows that could match its first character
(``CodeTables._rows``): the answer is the scan of every row's, for every code the tables name,
the ends of their ranges, and codes near them."""

from __future__ import annotations

import pytest

from matcher.intake.codes import CodeTables, Rule, tables

TABLES = ("conditions", "procedures", "observations", "medications", "vaccines", "allergies")


def scan(t: CodeTables, rules: tuple[Rule, ...], system_uri: str, code: str) -> list[Rule]:
    """``_find`` as it was: every row of the table tried."""
    name = t.system_name(system_uri)
    if name is None or not code.strip():
        return []
    code = t.normalise_code(name, code)
    systems = (name, *([t.read_as[name]] if name in t.read_as else []))
    found = [r for r in rules if r.system in systems and r.matches(code)]
    return [r for r in found if not r.fallback] or found


def probes(rules: tuple[Rule, ...]) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for r in rules:
        words = [*r.codes, *r.prefixes, *(end for pair in r.ranges for end in pair)]
        for word in words:
            for variant in (word, word + "9", word[:-1], word.lower(), f" {word} ", "Z" + word, "0" + word):
                found.add((r.system, variant))
    return found


@pytest.mark.parametrize("table", TABLES)
def test_each_code_finds_the_rows_a_scan_of_every_row_finds(table: str) -> None:
    t = tables()
    rules = getattr(t, table)
    checked = 0
    for system, code in sorted(probes(rules)):
        for uri in t.system_uris.get(system, ()):
            assert t._find(rules, uri, code) == scan(t, rules, uri, code), (system, code)
            checked += 1
    assert checked > len(rules)


@pytest.mark.parametrize("code", ["\u00e9C92.0", "\u2603", "-1", "?"])
def test_a_code_starting_with_an_unusual_character_is_looked_up_and_not_kept(code: str) -> None:
    t = tables()
    kept = len(t._rows_for)
    uri = t.system_uris["icd10cm"][0]
    assert t._find(t.conditions, uri, code) == scan(t, t.conditions, uri, code)
    assert len(t._rows_for) == kept
