"""The whole pipeline on the seed trials: seed page -> importer lines -> parse_lines -> top-level
criteria -> evaluate_reference with the hand-written example facts, against the verdicts in
/work/shared/examples/expected.json ("not ineligible" = eligible or possibly eligible;
"ineligible: X" = ineligible with a failing criterion about X).

Only top-level criteria (``parent is None``) are evaluated: a heading's expression already holds
its children's (the lead's decision)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rules_engine.criteria import TrialCriteria
from rules_engine.outcome import Eligibility, Outcome
from rules_engine.parser import parse_lines
from rules_engine.reference import evaluate_reference
from tests.fixtures.example_facts import AS_OF, EXAMPLES
from trials.importers import load_seed_dir

ROOT = Path(__file__).resolve().parents[2]
EXPECTED_JSON = ROOT.parent / "shared" / "examples" / "expected.json"

NOT_INELIGIBLE = None
# (patient, trial, the concepts a failing criterion must name; None = not ineligible)
VERDICTS = [
    ("D01", "NCT06559644", NOT_INELIGIBLE),
    ("D01", "NCT06585345", NOT_INELIGIBLE),
    ("D01", "NCT05744440", NOT_INELIGIBLE),
    ("D02", "NCT06559644", NOT_INELIGIBLE),
    ("D02", "NCT05563545", NOT_INELIGIBLE),
    ("D02", "NCT06585345", NOT_INELIGIBLE),
    ("D02", "NCT05744440", {"aml"}),
    ("D02", "NCT04094766", NOT_INELIGIBLE),
    ("D03", "NCT06559644", NOT_INELIGIBLE),
    ("D03", "NCT06585345", {"age", "bilirubin"}),
    ("D03", "NCT05744440", NOT_INELIGIBLE),
    ("D04", "NCT06559644", NOT_INELIGIBLE),
    ("D04", "NCT06585345", {"creatinine_clearance"}),
    ("D05", "NCT06559644", {"hcv_rna", "hcv"}),  # the HCV RNA on record is hepatitis C
    ("D05", "NCT06585345", {"hcv", "hcv_exposure"}),  # the line names the antibody: an exposure the RNA shows
    ("D06", "NCT06559644", NOT_INELIGIBLE),
    ("D06", "NCT06585345", NOT_INELIGIBLE),
    ("D06", "NCT05744440", {"aml"}),
    ("D07", "NCT06559644", {"lvef"}),
    ("D07", "NCT06585345", {"lvef"}),
    ("D07", "NCT05744440", {"lvef"}),
    ("D08", "NCT06559644", {"b_all", "aml"}),
    ("D08", "NCT06585345", NOT_INELIGIBLE),
    ("D08", "NCT05744440", {"aml"}),
    ("D09", "NCT06559644", {"relapsed", "refractory"}),
    ("D09", "NCT06585345", {"relapsed", "refractory"}),
    ("D09", "NCT05744440", {"relapsed"}),
    ("D10", "NCT06585345", {"lactation"}),
    ("D10", "NCT06559644", NOT_INELIGIBLE),
]


@pytest.fixture(scope="module")
def seed_trials() -> dict[str, TrialCriteria]:
    trials = {}
    for record in load_seed_dir(ROOT / "seeds"):
        top = tuple(c for c in parse_lines(record.criteria) if c.parent is None)
        trials[record.nct_id] = TrialCriteria(record.nct_id, 1, top)
    return trials


def test_the_table_covers_every_pair_in_expected_json():
    if not EXPECTED_JSON.exists():
        pytest.skip("shared examples not present")
    expected = json.loads(EXPECTED_JSON.read_text(encoding="utf-8"))
    pairs = {(p, t): v.startswith("ineligible") for p, trials in expected.items() for t, v in trials.items()}
    assert pairs == {(p, t): concepts is not None for p, t, concepts in VERDICTS}


@pytest.mark.parametrize("patient,trial,concepts", VERDICTS, ids=[f"{p}-{t}" for p, t, _ in VERDICTS])
def test_seed_trial_verdict_matches_the_expected_one(seed_trials, patient, trial, concepts):
    outcome = evaluate_reference(seed_trials[trial], EXAMPLES[patient], AS_OF)
    failing = [
        c
        for c in outcome.criteria
        if (c.type == "inclusion" and c.outcome is Outcome.NOT_MET) or (c.type == "exclusion" and c.outcome is Outcome.MET)
    ]
    if concepts is NOT_INELIGIBLE:
        assert outcome.eligibility is not Eligibility.INELIGIBLE, [(c.text, c.reason) for c in failing]
    else:
        assert outcome.eligibility is Eligibility.INELIGIBLE
        assert any(concepts & set(c.concepts) for c in failing), [(c.text, c.concepts) for c in failing]


# seed lines only the importer's pages hold (the NCT06585345 page): their structure, pinned
IMPORTED_LINE_CONCEPTS = [
    ("NCT06585345", "Acute leukemia complex/refractory", {"acute_leukemia", "relapsed", "refractory"}),
    ("NCT06585345", "Known history of hepatitis B", {"hbv", "hbsag", "hcv_exposure", "hcv_rna", "hbv_dna", "hbcab"}),
    ("NCT06585345", "Adequate kidney, liver, lung and heart function", {"creatinine_clearance", "alt", "ast", "bilirubin", "lvef", "spo2"}),
    ("NCT04094766", "At least 2 weeks intervals since the last chemotherapy", {"chemotherapy"}),
]


@pytest.mark.parametrize("trial,start,concepts", IMPORTED_LINE_CONCEPTS, ids=[s[:40] for _, s, _ in IMPORTED_LINE_CONCEPTS])
def test_imported_seed_line_names_the_concepts_a_record_decides(seed_trials, trial, start, concepts):
    from rules_engine.criteria import iter_predicates

    criterion = next(c for c in seed_trials[trial].criteria if c.text.startswith(start))
    assert concepts <= {p.concept for p in iter_predicates(criterion.expr)}
