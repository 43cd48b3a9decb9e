"""The kind of MDS an ICD-10-CM (or WHO ICD-10) code names becomes that kind's event beside the MDS
(codes.toml, dx8): a line's "RAEB-2" or "RARS" is decided by it; D46.9 names no kind. The intake
keeps the narrowest concept; the catalogue's parents make it an MDS (and a RAEB-2 a RAEB)."""

from __future__ import annotations

import pytest
from intake_helpers import ICD10, bundle, condition

from matcher.intake import normalise

WHO_ICD10 = "http://hl7.org/fhir/sid/icd-10"
KINDS = {
    "mds",
    "mds_refractory_anemia",
    "mds_rars",
    "mds_raeb",
    "mds_raeb_1",
    "mds_raeb_2",
    "mds_rcmd",
    "mds_rcmd_rs",
    "mds_other_kind",
    "del_5q",
}


@pytest.mark.parametrize(
    ("system", "code", "concepts"),
    [
        (ICD10, "D46.0", {"mds_refractory_anemia"}),
        (ICD10, "D46.4", {"mds_refractory_anemia"}),
        (ICD10, "D46.1", {"mds_rars"}),
        (ICD10, "D46.20", {"mds_raeb"}),
        (ICD10, "D46.21", {"mds_raeb_1"}),
        (ICD10, "D4622", {"mds_raeb_2"}),
        (ICD10, "D46.A", {"mds_rcmd"}),
        (ICD10, "D46.B", {"mds_rcmd_rs"}),
        (ICD10, "D46.C", {"del_5q"}),
        (ICD10, "D46.Z", {"mds_other_kind"}),
        (ICD10, "D46.9", {"mds"}),  # unspecified: no kind
        (WHO_ICD10, "D46.5", {"mds_rcmd"}),
        (WHO_ICD10, "D46.6", {"del_5q"}),
        (WHO_ICD10, "D46.3", {"mds"}),  # RAEB in transformation: no coded kind of MDS
    ],
)
def test_an_mds_code_becomes_its_kind(system: str, code: str, concepts: set[str]) -> None:
    found = set(normalise(bundle(condition(system, code))).facts.events) & KINDS
    assert found == concepts
