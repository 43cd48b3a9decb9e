"""docs/codes.md is generated from codes.toml, and every code table names real concepts."""

from __future__ import annotations

from pathlib import Path

import pytest

from matcher.intake.codes import tables
from matcher.intake.docs import render
from rules_engine.concepts import CONCEPTS, Kind

DOC = Path(__file__).resolve().parents[2] / "docs" / "codes.md"


def test_docs_codes_md_is_in_sync_with_the_data_file():
    assert DOC.read_text(encoding="utf-8") == render(), (
        "docs/codes.md is stale: run  python -m matcher.intake.docs > docs/codes.md"
    )


@pytest.mark.parametrize("rule", tables().conditions + tables().procedures, ids=lambda r: r.label)
def test_every_condition_and_procedure_code_becomes_an_event_concept(rule):
    assert all(CONCEPTS[c].kind == Kind.EVENT for c in rule.concepts)


@pytest.mark.parametrize("rule", tables().observations, ids=lambda r: r.label)
def test_every_observation_code_becomes_a_measurement_or_qualitative_concept(rule):
    expected = Kind.QUALITATIVE if rule.value in ("qualitative", "detection", "viral_load", "expression", "genomic", "marker") else Kind.MEASUREMENT
    assert all(CONCEPTS[c].kind == expected for c in rule.concepts)


def test_every_gene_and_variant_a_genomic_report_decides_is_a_concept_the_report_row_names():
    (row,) = [r for r in tables().observations if r.value == "genomic"]
    named = {g["concept"] for g in tables().raw["gene"]} | {v["concept"] for g in tables().raw["gene"] for v in g.get("variants", ())}
    assert named == set(row.concepts)


def test_every_rule_names_a_known_code_system_and_matches_something():
    t = tables()
    for rule in t.conditions + t.procedures + t.observations:
        assert rule.system in t.system_uris
        assert rule.codes or rule.prefixes or rule.ranges or rule.names  # a procedure may be read by its name


def test_no_observation_code_is_claimed_twice():
    seen: dict[tuple[str, str], str] = {}
    for rule in tables().observations:
        for code in rule.codes:
            assert (rule.system, code) not in seen, code
            seen[(rule.system, code)] = rule.concept


@pytest.mark.parametrize(
    "code",
    ["1975-2", "14631-6", "1742-6", "1920-8", "2160-0", "38483-4", "14682-9", "2164-2", "35591-7", "33914-3",
     "62238-1", "751-8", "753-4", "26499-4", "777-3", "26515-7", "718-7", "6690-2", "26464-8", "6301-6",
     "10230-1", "8806-2", "18043-0", "59408-5", "2708-6", "89247-1", "89243-0", "88020-3", "2106-3", "2118-8",
     "5196-1", "29615-2", "11011-4", "10351-5"],
)
def test_every_loinc_code_of_the_contract_is_read_and_documented(code):
    assert tables().observation_rules("http://loinc.org", code)
    assert f"`{code}`" in render()
