"""``manage.py criteria_coverage``: the coverage report on the seeds and the corpus, bench-style last line."""

from __future__ import annotations

import gzip
import io
import json
import re

import pytest
from django.core.management import call_command

from tests.conftest import CORPUS

LAST = re.compile(
    r"coverage: trials=(\d+) lines=(\d+) whole=([\d.]+)% part=([\d.]+)% review=([\d.]+)% "
    r"human=([\d.]+)% crashes=(\d+) age_agree=(n/a|[\d.]+%) seconds=([\d.]+) "
    r"cpu_seconds=([\d.]+) processes=(\d+)"
)


def _run(*args: str) -> list[str]:
    out = io.StringIO()
    call_command("criteria_coverage", *args, stdout=out)
    return out.getvalue().splitlines()


def test_seed_folder_reports_every_top_level_line_once(settings):
    lines = _run(str(settings.SEEDS_DIR))
    m = LAST.fullmatch(lines[-1])
    assert m, lines[-1]
    trials, top = int(m.group(1)), int(m.group(2))
    whole, part, review = (float(m.group(i)) for i in (3, 4, 5))
    assert trials == 5 and top == 114  # the seed pages' 114 top-level lines
    assert abs(whole + part + review - 100.0) < 0.2
    assert float(m.group(6)) > 0  # consent and judgement lines are counted as human
    assert m.group(7) == "0"


def test_without_paths_it_measures_the_seeds_then_the_corpus(tmp_path, monkeypatch):
    with gzip.open(CORPUS / "ctgov-v2-nsclc-phase3.json.gz", "rt", encoding="utf-8") as fh:
        studies = json.load(fh)[:3]
    with gzip.open(tmp_path / "few.json.gz", "wt", encoding="utf-8") as fh:
        json.dump(studies, fh)
    monkeypatch.setenv("ELIGO_CORPUS_DIR", str(tmp_path))
    lines = _run()
    heads = [line for line in lines if line.startswith("== ")]
    assert [h.split(":")[0] for h in heads] == ["== seeds", "== corpus"]
    reports = [LAST.fullmatch(line) for line in lines if line.startswith("coverage: ")]
    assert [int(m.group(1)) for m in reports] == [5, 3]
    assert reports[1].group(8).endswith("%")  # v2 studies carry registry ages to agree with


def test_without_a_corpus_only_the_seeds_are_measured(tmp_path, monkeypatch):
    monkeypatch.setenv("ELIGO_CORPUS_DIR", str(tmp_path / "absent"))
    lines = _run()
    assert [line.split(":")[0] for line in lines if line.startswith("== ")] == ["== seeds"]
    assert LAST.fullmatch(lines[-1])


def test_a_crashing_line_is_counted_never_raised(tmp_path, monkeypatch):
    import rules_engine.parser.criteria as criteria

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(criteria, "_build", explode)
    monkeypatch.setattr("rules_engine.parser.coverage._build", explode)
    path = tmp_path / "one.csv"
    path.write_text("nctid,criteria\nNCT00000001,\"Inclusion Criteria:\n* ECOG 0-1\"\n", encoding="utf-8")
    m = LAST.fullmatch(_run(str(path))[-1])
    assert m and m.group(7) == "1"


def test_module_entry_point_prints_the_same_report(tmp_path, capsys):
    from rules_engine.parser.coverage import main

    path = tmp_path / "one.csv"
    path.write_text("nctid,criteria\nNCT00000001,\"Inclusion Criteria:\n* ECOG 0-1\"\n", encoding="utf-8")
    assert main([str(path)]) == 0
    assert LAST.fullmatch(capsys.readouterr().out.splitlines()[-1])


def test_the_engine_package_reads_no_seed_folder_without_the_importer(settings):
    from rules_engine.parser.coverage import read_trials

    with pytest.raises(ValueError, match="criteria_coverage"):
        list(read_trials(str(settings.SEEDS_DIR)))


