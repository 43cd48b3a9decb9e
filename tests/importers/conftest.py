"""Shared data for the importer tests. Plain Python: no Django, no database."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

# Test data only, read in place (never copied into the project). Override with ELIGO_CORPUS_DIR.
CORPUS_DIR = Path(os.environ.get("ELIGO_CORPUS_DIR") or Path(__file__).resolve().parents[3] / "shared" / "corpus")
CTGOV_CORPUS = CORPUS_DIR / "ctgov-v2-nsclc-phase3.json.gz"


@pytest.fixture(scope="session")
def ctgov_corpus() -> list[dict]:
    """The 100 real API v2 studies, loaded once; tests must not mutate them (copy first)."""
    if not CTGOV_CORPUS.exists():
        pytest.skip(f"ClinicalTrials.gov corpus not found at {CTGOV_CORPUS} (set ELIGO_CORPUS_DIR)")
    with gzip.open(CTGOV_CORPUS, "rt", encoding="utf-8") as fh:
        return json.load(fh)
