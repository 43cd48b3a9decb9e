"""Trial importers: pure functions from a source (seed page text, ClinicalTrials.gov v2 JSON)
to ``trials.records.TrialRecord``. No Django, no database; a source that cannot be read raises
``trials.records.SourceFormatError`` naming the file and line, or the JSON path."""

from trials.importers.ctgov import parse_ctgov_payload, parse_ctgov_study, split_ctgov_criteria
from trials.importers.medpath import extract_dose_levels, load_seed_dir, parse_medpath

__all__ = [
    "extract_dose_levels",
    "load_seed_dir",
    "parse_ctgov_payload",
    "parse_ctgov_study",
    "parse_medpath",
    "split_ctgov_criteria",
]
