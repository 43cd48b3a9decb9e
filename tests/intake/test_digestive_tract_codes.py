"""The digestive tract's diseases, as hospitals code them (ICD-10-CM chapter K; SNOMED CT): the
organic ones a "currently active gastrointestinal disease" line means are
``gastrointestinal_disease`` (and so ``digestive_tract_disease``), the rest of the tract only
``digestive_tract_disease`` (a person decides whether the line means it), and the mouth, abdominal
wall hernias, liver, gallbladder and pancreas neither (rules_engine.concepts, codes.toml)."""

from __future__ import annotations

import pytest

from matcher.intake import normalise
from rules_engine.concepts import ancestors

from intake_helpers import ICD10, SNOMED, bundle, condition

GI = {"gastrointestinal_disease", "digestive_tract_disease"}
TRACT = {"digestive_tract_disease"}


def digestive(system: str, code: str) -> set[str]:
    """The tiers a coded condition counts as (the intake keeps the narrowest concept; the engine
    derives its kinds: a Crohn disease is an inflammatory bowel disease, a gastrointestinal one)."""
    events = set(normalise(bundle(condition(system, code))).facts.events)
    return {c for e in events for c in (e, *ancestors(e))} & (GI | TRACT)


@pytest.mark.parametrize(
    "system, code, expected",
    [
        (ICD10, "K50.90", GI),  # Crohn disease
        (ICD10, "K51.90", GI),  # ulcerative colitis
        (ICD10, "K52.9", GI),  # noninfective gastroenteritis and colitis
        (ICD10, "K25.4", GI),  # chronic gastric ulcer with haemorrhage
        (ICD10, "K20.90", GI),  # oesophagitis
        (ICD10, "K56.609", GI),  # intestinal obstruction
        (ICD10, "K57.32", GI),  # diverticulitis of the large intestine
        (ICD10, "K92.2", GI),  # gastrointestinal haemorrhage
        (ICD10, "K90.0", GI),  # coeliac disease (malabsorption)
        (ICD10, "K91.2", GI),  # postsurgical malabsorption
        (ICD10, "K21.9", TRACT),  # gastro-oesophageal reflux
        (ICD10, "K29.70", TRACT),  # gastritis
        (ICD10, "K58.9", TRACT),  # irritable bowel syndrome
        (ICD10, "K57.30", TRACT),  # diverticulosis without bleeding
        (ICD10, "K63.5", TRACT),  # colon polyp
        (ICD10, "K64.9", TRACT),  # haemorrhoids
        (ICD10, "K44.9", TRACT),  # hiatal hernia
        (SNOMED, "119292006", TRACT),  # disorder of gastrointestinal tract
        (ICD10, "K02.9", set()),  # dental caries: the mouth
        (ICD10, "K40.90", set()),  # inguinal hernia: the abdominal wall
        (ICD10, "K70.30", set()),  # alcoholic cirrhosis: the liver
        (ICD10, "K80.20", set()),  # gallstones
        (ICD10, "K85.90", set()),  # acute pancreatitis
    ],
)
def test_a_digestive_code_becomes_its_tier(system: str, code: str, expected: set[str]) -> None:
    assert digestive(system, code) == expected
