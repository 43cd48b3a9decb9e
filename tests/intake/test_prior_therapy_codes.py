"""Record codes added for the prior-therapy lines (issue 14, helper rx): the antibodies named by
their lymphoid antigen (CD20, CD30, CD38; each a kind of immunotherapy) and the operations major
by their kind. Each row pins a neighbour that must not be read as the concept."""

from __future__ import annotations

from typing import Any

import pytest

from matcher.intake import normalise

from intake_helpers import ATC, bundle, medication, procedure

CPT = "http://www.ama-assn.org/go/cpt"


def concepts_of(*resources: dict[str, Any]) -> set[str]:
    return set(normalise(bundle(*resources)).facts.events)


def taken(text: str | None = None, system: str | None = None, code: str | None = None) -> dict[str, Any]:
    return medication(text, system, code, status="completed", when="2025-06-01")


@pytest.mark.parametrize(
    "resource, concept, present",
    [
        (taken("rituximab 10 MG/ML Injection"), "cd20_directed_therapy", True),
        (taken(system=ATC, code="L01FA03"), "cd20_directed_therapy", True),  # obinutuzumab
        (taken("brentuximab vedotin 50 MG Injection"), "cd30_directed_therapy", True),
        (taken(system=ATC, code="L01FX05"), "cd30_directed_therapy", True),
        (taken("daratumumab 20 MG/ML Injection"), "cd38_directed_therapy", True),
        (taken(system=ATC, code="L01FC02"), "cd38_directed_therapy", True),  # isatuximab
        (taken("trastuzumab 150 MG Injection"), "cd20_directed_therapy", False),
        (taken(system=ATC, code="L01FX04"), "cd30_directed_therapy", False),  # ipilimumab
    ],
)
def test_an_antigen_directed_antibody(resource: dict[str, Any], concept: str, present: bool) -> None:
    assert (concept in concepts_of(resource)) is present


@pytest.mark.parametrize(
    "code, major",
    [
        ("44140", True),  # partial colectomy
        ("49000", True),  # exploratory laparotomy
        ("32480", True),  # lobectomy of the lung
        ("61510", True),  # craniotomy for a brain tumour
        ("27447", True),  # total knee arthroplasty
        ("19120", False),  # excision of a breast lesion: a surgery of unsaid size
        ("38221", False),  # bone marrow biopsy: a minor procedure
    ],
)
def test_an_operation_major_by_its_kind(code: str, major: bool) -> None:
    found = concepts_of(procedure(code, system=CPT))
    assert ("major_surgery" in found) is major
    if major:
        assert "surgery" in found
