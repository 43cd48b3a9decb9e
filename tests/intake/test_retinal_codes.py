"""The retinal diseases lines name by themselves, as hospitals code them (ICD-10-CM; codes.toml):
retinal vein occlusion (H34.81, H34.83), central serous chorioretinopathy (H35.71) and macular
degeneration (H35.30-H35.32, H35.35) are their own concepts, kinds of ``retinal_disease``; the
other retinal disorders stay ``retinal_disease`` alone."""

from __future__ import annotations

import pytest

from matcher.intake import normalise
from rules_engine.concepts import ancestors

from intake_helpers import ICD10, bundle, condition

RETINAL = {"retinal_disease", "retinal_vein_occlusion", "central_serous_retinopathy", "macular_degeneration"}


def retinal(code: str) -> set[str]:
    events = set(normalise(bundle(condition(ICD10, code))).facts.events)
    return {c for e in events for c in (e, *ancestors(e))} & RETINAL


@pytest.mark.parametrize(
    "code, expected",
    [
        ("H34.8110", {"retinal_vein_occlusion", "retinal_disease"}),  # central RVO, right eye, with macular edema
        ("H34.832", {"retinal_vein_occlusion", "retinal_disease"}),  # tributary (branch) RVO
        ("H35.711", {"central_serous_retinopathy", "retinal_disease"}),
        ("H35.31", {"macular_degeneration", "retinal_disease"}),  # nonexudative AMD
        ("H35.3211", {"macular_degeneration", "retinal_disease"}),  # exudative AMD
        ("H35.351", {"macular_degeneration", "retinal_disease"}),  # cystoid macular degeneration
        ("H35.00", {"retinal_disease"}),  # background retinopathy
        ("H34.11", {"retinal_disease"}),  # central retinal artery occlusion
        ("H35.721", {"retinal_disease"}),  # serous detachment of the retinal pigment epithelium
        ("H35.341", {"retinal_disease"}),  # macular hole
        ("H33.001", {"retinal_disease"}),  # retinal detachment
        ("H35.3", {"retinal_disease"}),  # the category alone: which degeneration, unsaid
    ],
)
def test_a_retinal_code_is_its_own_kind(code, expected):
    assert retinal(code) == expected
