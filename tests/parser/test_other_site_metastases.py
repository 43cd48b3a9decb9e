"""Brain metastases named with another site that shares the noun ("brain or meningeal metastases",
"brain or spinal cord metastases"; ``topics.events._brain_and_other``): the other site's
metastasis has no concept of its own, but it lies only in a record that holds some spread of a
cancer (a metastasis anywhere, or a blood cancer's CNS involvement). A record with neither is
decided; one with either stays a person's. "cerebral/meningeal disease" may be a meningioma, a
meningitis or a PML, which no spread shows: it stays a bare alternative.
"""

from __future__ import annotations

import pytest

from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
OWN = ("inclusion", "Diagnosis of acute myeloid leukemia")

MENINGEAL = "Subject has known active CNS involvement. The subject has untreated brain or meningeal metastases."
SPINAL = "Known brain or spinal cord metastases"
DISEASE = "Known cerebral/meningeal disease, including history of progressive multifocal leukoencephalopathy"

# (why, type, line, record, outcome)
CASES: list[tuple[str, str, str, PatientFacts, Outcome]] = [
    ("meningeal metastases: no spread on record is no metastasis there", "exclusion", MENINGEAL, adult(), NOT_MET),
    ("... a metastasis elsewhere may be a dural one: a person's", "exclusion", MENINGEAL, adult(condition("metastatic_disease", 30)), UNKNOWN),
    ("... a CNS involvement on record excludes", "exclusion", MENINGEAL, adult(condition("cns_involvement", 30)), MET),
    ("... a brain metastasis excludes", "exclusion", MENINGEAL, adult(condition("brain_metastases", 30)), MET),
    ("spinal cord metastases: none on record, not excluded", "exclusion", SPINAL, adult(), NOT_MET),
    ("... a metastasis elsewhere may be in the spine: a person's", "exclusion", SPINAL, adult(condition("metastatic_disease", 30)), UNKNOWN),
    ("... the inclusion that denies them is met without any spread", "inclusion", "No brain or spinal cord metastases", adult(), MET),
    ("... and open with a metastasis elsewhere", "inclusion", "No brain or spinal cord metastases", adult(condition("metastatic_disease", 30)), UNKNOWN),
    ("cerebral/meningeal disease may be no cancer at all: a clean record stays open", "exclusion", DISEASE, adult(), UNKNOWN),
]


@pytest.mark.parametrize(("kind", "text", "facts", "expected"), [pytest.param(k, t, f, o, id=w) for w, k, t, f, o in CASES])
def test_other_site_metastases_are_decided_by_the_spread_on_record(kind: str, text: str, facts: PatientFacts, expected: Outcome) -> None:
    line = parse_lines([OWN, (kind, text)])[1]
    assert evaluate(line, facts, AS_OF).outcome is expected
