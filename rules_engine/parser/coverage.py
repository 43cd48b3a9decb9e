"""How much of real registry text the parser structures: the coverage report.

    python -m rules_engine.parser.coverage [PATH...]      (also: manage.py criteria_coverage)

PATH is a ``.json.gz`` / ``.json`` list of ClinicalTrials.gov API v2 studies, a ``.csv.gz`` /
``.csv`` with a ``criteria`` column (the older indented layout), or a folder of seed pages
(read by the seed importer, so its lines are the ones imported). Without PATH: the project's
``seeds/`` and, when present, ``../shared/corpus/``, each reported on its own. Every trial is
split by the one splitter the importers use and parsed whole, as the importers do, so a line is
read with its heading ("18 and over" under "Age:"); a crash is counted, never raised.

A line is *whole* when its expression holds no Review, *part* when it holds both predicates and
Reviews, *review* when it is Reviews only. The shares on the last line are of **top-level**
lines, each with the expression that decides the verdict (a heading's includes its children's);
the line above it counts every line, a heading by its own words only (the figure earlier
reports gave). Among top-level review lines, *human* ones hold only reasons no record can ever
decide (``ReviewReason.CONSENT``: consent, willingness, contraception agreements;
``ReviewReason.JUDGEMENT``: the investigator's judgement). A top-level part line whose every
Review is of those reasons is human too: what a record can decide is read and what is left no
record decides, so no reading makes it whole ("Pregnancy test negative, and agree to use
contraception"); the share of whole lines is of the lines neither kind, printed beside the share
that counts such part lines in. Donor lines (a donor's criteria, never the patient's) are counted
apart. Parse time covers splitting and parsing.

Age agreement (v2 studies only): the registry's ``minimumAge`` / ``maximumAge`` against the age
bounds parsed from the lines (an exclusion "age < 18" reads as a minimum of 18). A strict bound
counts as agreeing with either neighbouring whole number ("> 18" and "18 Years" or "19 Years";
registries write the number from the text). A registry maximum of 99 years or more is its
placeholder for "no maximum".

What the parser cannot be asked to find is set apart, and counted, never silently dropped:

* a registry bound whose number the text never writes as an age (no "75 years", "age 75",
  "aged 75" ...; e.g. the registry says 18..75 and the text only "age ≥ 18") is
  ``registry_only``: that bound is not compared (the other one still is); the importer adds it
  as a criterion of its own (``registry_fields``);
* a study whose every registry bound is ``registry_only`` and where nothing was parsed (the text
  says nothing about age) is ``age_silent`` and left out of the share.

The other way round counts against the parser: a bound parsed where the registry states none
(the registry leaves out the "80" of "aged 18-80", or the parser misread a number as an age)
is a mismatch. So ``agree / checked`` is "where the text states an age bound, the parser reads
the registry's"; the share of all studies with registry bounds is printed too.
"""

from __future__ import annotations

import contextlib
import csv
import gc
import gzip
import json
import multiprocessing
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, fields
from pathlib import Path

from rules_engine.criteria import All, Criterion, CriterionType, Expr, Op, Predicate, Review, ReviewReason, iter_nodes
from rules_engine.parser.criteria import DONOR_REVIEW, LineParser, _build
from rules_engine.parser.line import parse_line
from rules_engine.parser.registry_fields import age_bounds, registry_years
from rules_engine.parser.sections import split_criteria

csv.field_size_limit(1 << 30)

HUMAN = frozenset({ReviewReason.CONSENT, ReviewReason.JUDGEMENT})
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Trial:
    trial_id: str
    criteria: str
    minimum_age: str | None = None
    maximum_age: str | None = None
    sex: str | None = None
    registry: bool = False  # carries the registry's own age and sex
    # (type, text, parent) as an importer already split them (the seed pages); else split here
    lines: list[tuple[CriterionType, str, int | None]] | None = None


@dataclass
class Coverage:
    trials: int = 0
    lines: int = 0  # every line
    structured: int = 0
    partial: int = 0
    review: int = 0
    top: int = 0  # top-level lines, by the expression that decides the verdict
    top_whole: int = 0
    top_part: int = 0
    top_review: int = 0
    top_human: int = 0  # top-level review lines only consent / judgement can decide
    # top-level part lines whose every Review is consent / judgement: what a record can decide is
    # read, what is left no record ever decides ("Pregnancy test negative, and agree to use
    # contraception"); no reading makes such a line whole, so it is inherently human as well
    top_part_human: int = 0
    donor: int = 0  # lines that are a donor's criteria (any level)
    crashes: int = 0
    seconds: float = 0.0
    reasons: Counter = field(default_factory=Counter)  # reason of every Review node
    review_examples: dict = field(default_factory=dict)
    age_checked: int = 0
    age_agree: int = 0
    age_silent: int = 0
    age_registry: int = 0
    registry_only: int = 0  # registry bounds the text never states (not compared)
    # Bounds the text states on a side where the registry's fields give none ("Aged 18-80" with
    # no maximumAge): the registry cannot disagree with what it does not say, so these are not
    # compared either, but listed, because a number misread as an age would also land here.
    text_only: list = field(default_factory=list)
    sex_checked: int = 0
    sex_agree: int = 0
    age_mismatches: list = field(default_factory=list)
    cpu_seconds: float = 0.0  # the parsing processes' CPU, together
    processes: int = 1

    def merge(self, other: Coverage) -> None:
        """Adds ``other``, measured on the trials after this one's: counts add up, lists go on
        and a reason's first example stays the earlier one."""
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            if f.name == "review_examples":
                for reason, example in theirs.items():
                    mine.setdefault(reason, example)
            elif f.name == "processes":
                continue
            elif isinstance(mine, (Counter, list)):
                mine += theirs
            else:
                setattr(self, f.name, mine + theirs)


# Reads a folder of seed pages into trials. The seed page layout belongs to the seed importer
# (trials.importers.medpath), and this package imports no app: the caller that has the importer
# (``manage.py criteria_coverage``) passes it in.
SeedReader = Callable[[str], Iterable[Trial]]


def read_trials(path: str, seed_reader: SeedReader | None = None) -> Iterator[Trial]:
    if os.path.isdir(path):
        if seed_reader is None:
            raise ValueError(f"{path}: a folder of seed pages is read by `manage.py criteria_coverage`")
        yield from seed_reader(path)
        return
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
        if re.search(r"\.json(?:\.gz)?$", path):
            data = json.load(handle)
            for study in data if isinstance(data, list) else data.get("studies", [data]):
                section = study.get("protocolSection", {})
                module = section.get("eligibilityModule", {})
                yield Trial(
                    trial_id=section.get("identificationModule", {}).get("nctId", ""),
                    criteria=module.get("eligibilityCriteria", "") or "",
                    minimum_age=module.get("minimumAge"),
                    maximum_age=module.get("maximumAge"),
                    sex=module.get("sex"),
                    registry=True,
                )
        else:
            for row in csv.DictReader(handle):
                yield Trial(trial_id=row.get("nctid", ""), criteria=row.get("criteria", "") or "")


def default_paths(with_seeds: bool = True) -> list[tuple[str, list[str]]]:
    """(label, paths) measured when no PATH is given: the seeds (when a seed reader is at hand),
    then the shared corpus."""
    out = [("seeds", [str(ROOT / "seeds")])] if with_seeds else []
    corpus = Path(os.environ.get("ELIGO_CORPUS_DIR") or ROOT.parent / "shared" / "corpus")
    files = sorted(str(p) for p in corpus.glob("*.gz")) if corpus.is_dir() else []
    if files:
        out.append(("corpus", files))
    return out


def _registry_years(value: str | None) -> float | None:
    return registry_years(value)


def _sex(criteria: Iterable[Criterion]) -> str:
    for criterion in criteria:
        if criterion.type is not CriterionType.INCLUSION:
            continue  # an exclusion's sex names whom it excludes ("Women of childbearing potential")
        for node in _required(criterion.expr):
            if isinstance(node, Predicate) and node.concept == "sex" and node.op is Op.IS and criterion.applies_if is None:
                return str(node.value).upper()
    return "ALL"


def _required(expr: Expr) -> list[Expr]:
    """The parts a line asks of every patient: a sex named as a woman's duty's scope ("any of: not
    female, review") restricts nobody."""
    if isinstance(expr, All):
        return [n for part in expr.parts for n in _required(part)]
    return [expr]


def _kind(expr: Expr) -> tuple[str, list[Review]]:
    found = list(iter_nodes(expr))
    reviews = [n for n in found if isinstance(n, Review)]
    if not reviews:
        return "whole", reviews
    return ("review" if len(reviews) == len(found) else "part"), reviews


def measure(
    paths: Iterable[str], seed_reader: SeedReader | None = None, workers: int | None = None, line_parser: LineParser | None = None
) -> Coverage:
    """The report on every trial of ``paths``, parsed by ``workers`` processes (default: one per
    core, for a corpus-sized read). ``seconds`` is the wall time, ``cpu_seconds`` the parsing
    processes' CPU together. ``line_parser``: ``parse_line`` (the default) or a cache of its
    answers, as the importers parse (``trials.parse_cache.LineCache``; each worker process reads
    through its own copy, see ``_WORKER_PARSER``)."""
    started = time.perf_counter()
    trials = [trial for path in paths for trial in read_trials(path, seed_reader)]
    workers = default_workers(len(trials)) if workers is None else max(1, workers)
    parser = parse_line if line_parser is None else line_parser
    with frozen_heap():
        if workers == 1:
            report = _measure_trials(trials, parser)
        else:
            report = _measure_in_processes(trials, workers, parser)
    report.processes = workers
    report.seconds = time.perf_counter() - started
    return report


# The objects alive when the parse starts (the parser's ~2,300 compiled patterns and their gates,
# its concept tables, the trials read, the framework) are set aside from the garbage collector
# while it runs: they outlive it, and every full collection walked them again. Measured (perf23,
# every 9th corpus trial, one process, through a LineCache): 0.26 s of collections in 8.9 s of
# CPU, 0.09 s with them set aside. Forked workers inherit the set-aside heap. Nothing the parse
# allocates is set aside, and the heap is handed back as it was when the measure ends
# (tests/parser/test_coverage_processes.py: the same report either way). ELIGO_NO_FROZEN_HEAP=1
# turns it off, for comparing the two ways.
@contextlib.contextmanager
def frozen_heap() -> Iterator[None]:
    if os.environ.get("ELIGO_NO_FROZEN_HEAP") == "1" or gc.get_freeze_count():
        yield  # (off, or a caller froze the heap already: theirs to hand back)
        return
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


# Parsing is pure CPU, one trial independent of the next: the 1,883-record corpus took 62 s on one
# core (session 14, quiet machine) and splits across processes by contiguous chunks. Chunks are
# small (the slowest trials are 50x the median) and merged in their order, so every count, list
# and first example is the one a single process finds (tests/parser/test_coverage_processes.py).
_CHUNK = 40
_MIN_TRIALS_FOR_PROCESSES = 200


def default_workers(trials: int) -> int:
    if trials < _MIN_TRIALS_FOR_PROCESSES:
        return 1
    return max(1, min(len(os.sched_getaffinity(0)), 8))


# The line parser of a worker process, set once as the worker starts (``_use_parser``): a cache of
# answers given with each chunk would be a fresh copy per chunk, and the repeats across chunks
# (boilerplate lines) would be parsed again in every one.
_WORKER_PARSER: LineParser = parse_line


def _use_parser(line_parser: LineParser) -> None:
    global _WORKER_PARSER
    _WORKER_PARSER = line_parser


def _measure_chunk(trials: list[Trial]) -> Coverage:
    return _measure_trials(trials, _WORKER_PARSER)


def _measure_in_processes(trials: list[Trial], workers: int, line_parser: LineParser = parse_line) -> Coverage:
    chunks = [trials[i : i + _CHUNK] for i in range(0, len(trials), _CHUNK)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_use_parser, initargs=(line_parser,)) as pool:
        parts = list(pool.map(_measure_chunk, chunks))
    report = Coverage()
    for part in parts:
        report.merge(part)
    return report


def _measure_trials(trials: list[Trial], line_parser: LineParser = parse_line) -> Coverage:
    report = Coverage()
    cpu_started = time.process_time()
    for trial in trials:
        report.trials += 1
        try:
            rows = trial.lines if trial.lines is not None else [
                (line.type, line.text, line.parent) for line in split_criteria(trial.criteria)
            ]
        except Exception:  # noqa: BLE001 - counted, never raised
            report.crashes += 1
            continue
        heading = {parent for _, _, parent in rows if parent is not None}
        try:  # as production reads them: a line under "Age:" is read with its heading
            whole = _build(rows, line_parser)
        except Exception:  # noqa: BLE001
            whole = None
        parsed: list[Criterion] = []
        for index, (ctype, text, parent) in enumerate(rows):
            report.lines += 1
            try:
                deciding = whole[index] if whole is not None else _build([(ctype, text, None)], line_parser)[0]
                # a heading counts by its own words in the all-lines figure, not its children's
                own = _build([(ctype, text, None)], line_parser)[0] if index in heading else deciding
            except Exception:  # noqa: BLE001
                report.crashes += 1
                continue
            parsed.append(Criterion(deciding.type, deciding.text, deciding.expr, deciding.applies_if, parent))
            kind, reviews = _kind(own.expr)
            report.structured += kind == "whole"
            report.partial += kind == "part"
            report.review += kind == "review"
            report.donor += any(r.text == DONOR_REVIEW for r in iter_nodes(deciding.expr) if isinstance(r, Review))
            for node in reviews:
                report.reasons[node.reason] += 1
                report.review_examples.setdefault(node.reason, " ".join((node.text or text).split())[:90])
            if parent is None:
                report.top += 1
                kind, reviews = _kind(deciding.expr)
                report.top_whole += kind == "whole"
                report.top_part += kind == "part"
                report.top_part_human += kind == "part" and all(r.reason in HUMAN for r in reviews)
                if kind == "review":
                    report.top_review += 1
                    report.top_human += all(r.reason in HUMAN for r in reviews)
        if trial.registry:
            _check_registry(report, trial, parsed)
    report.cpu_seconds = time.process_time() - cpu_started
    return report


def _check_registry(report: Coverage, trial: Trial, parsed: list[Criterion]) -> None:
    report.sex_checked += 1
    if _sex(parsed) == (trial.sex or "ALL").upper():
        report.sex_agree += 1
    low = _registry_years(trial.minimum_age)
    high = _registry_years(trial.maximum_age)
    if high is not None and high >= 99:
        high = None
    if low is None and high is None:
        return
    report.age_registry += 1
    lows, highs = age_bounds(parsed, conditional=False)
    low_stated = low is None or _text_states_age(trial.minimum_age, trial.criteria)
    high_stated = high is None or _text_states_age(trial.maximum_age, trial.criteria)
    report.registry_only += (not low_stated) + (not high_stated)
    if not lows and not highs and not (low is not None and low_stated) and not (high is not None and high_stated):
        report.age_silent += 1
        return
    report.age_checked += 1

    def close(value: float | None, found: set[float], stated: bool) -> bool:
        if not stated:
            return True  # the registry's own bound, absent from the text: not compared
        if value is None:
            if found:
                report.text_only.append((trial.trial_id, sorted(found)))
            return True  # the text's own bound, absent from the registry: not compared
        return any(abs(value - f) < 0.01 for f in found)

    if close(low, lows, low_stated) and close(high, highs, high_stated):
        report.age_agree += 1
    else:
        report.age_mismatches.append((trial.trial_id, trial.minimum_age, trial.maximum_age, sorted(lows), sorted(highs)))


def _text_states_age(registry: str | None, text: str) -> bool:
    """Whether the text writes the registry's age bound as an age anywhere ("75 years",
    "age ≤ 75", "aged 18-75", "75 yrs old")."""
    m = re.match(r"\s*(\d+)", registry or "")
    if not m:
        return False
    n = m.group(1)
    pattern = re.compile(
        rf"(?<![\d.]){n}(?![\d.])\s*(?:-|to|and|~)?\s*(?:\d{{1,3}}\s*)?(?:years?|yrs?|y\b|months?|old)"
        rf"|\b(?:age[ds]?|aging|adults?)\b[^.;\d]{{0,25}}(?:\d{{1,3}}\s*(?:-|to|and|~)\s*)?(?<![\d.]){n}(?![\d.])",
        re.I,
    )
    return bool(pattern.search(text.replace("\\", "")))


def format_report(report: Coverage) -> str:
    def pct(n: int, d: int) -> str:
        return f"{100.0 * n / d:.1f}" if d else "0.0"

    out = [
        f"trials read: {report.trials}",
        f"criterion lines: {report.lines} (top-level: {report.top})",
        f"fully structured: {report.structured} ({pct(report.structured, report.lines)}%)",
        f"partly structured: {report.partial} ({pct(report.partial, report.lines)}%)",
        f"review only: {report.review} ({pct(report.review, report.lines)}%)",
        f"top-level: whole {report.top_whole}, part {report.top_part} of which human {report.top_part_human}, "
        f"review {report.top_review} of which human {report.top_human}; whole among lines not inherently human: "
        f"{pct(report.top_whole, report.top - report.top_human - report.top_part_human)}% "
        f"({pct(report.top_whole, report.top - report.top_human)}% counting part lines left only to a person); "
        f"donor lines: {report.donor}",
        f"crashes: {report.crashes}",
        f"parse time: {report.seconds:.1f} s on {report.processes} process{'es' if report.processes > 1 else ''} "
        f"({report.cpu_seconds:.1f} s of CPU, {1000 * report.cpu_seconds / max(1, report.trials):.1f} ms per trial)",
    ]
    total_reviews = sum(report.reasons.values())
    out.append("review nodes by reason:")
    for reason, count in report.reasons.most_common(10):
        out.append(f"  {reason}: {count} ({pct(count, total_reviews)}%)  e.g. {report.review_examples.get(reason, '')!r}")
    if report.age_registry:
        out.append(
            f"age: registry states bounds for {report.age_registry} studies; text silent on age in {report.age_silent}; "
            f"registry bounds the text never states: {report.registry_only}; "
            f"text bounds the registry never states: {len(report.text_only)}; "
            f"agree {report.age_agree}/{report.age_checked} where the text states age "
            f"({pct(report.age_agree, report.age_registry)}% of all stating studies)"
        )
        out.append(f"sex: agree {report.sex_agree}/{report.sex_checked}")
        for nct_id, bounds in report.text_only[:10]:
            out.append(f"  text-only age bound {nct_id}: {bounds} (the registry gives none on that side)")
        for mismatch in report.age_mismatches[:10]:
            out.append(f"  age mismatch {mismatch[0]}: registry {mismatch[1]}..{mismatch[2]}, parsed min {mismatch[3]} max {mismatch[4]}")
    age = f"{pct(report.age_agree, report.age_checked)}%" if report.age_checked else "n/a"
    out.append(
        f"all lines: lines={report.lines} structured={pct(report.structured, report.lines)}% "
        f"partial={pct(report.partial, report.lines)}% review={pct(report.review, report.lines)}%"
    )
    out.append(
        f"coverage: trials={report.trials} lines={report.top} whole={pct(report.top_whole, report.top)}% "
        f"part={pct(report.top_part, report.top)}% review={pct(report.top_review, report.top)}% "
        f"human={pct(report.top_human, report.top_review)}% crashes={report.crashes} age_agree={age} "
        f"seconds={report.seconds:.1f} cpu_seconds={report.cpu_seconds:.1f} processes={report.processes}"
    )
    return "\n".join(out)


def run(paths: list[str], seed_reader: SeedReader | None = None, line_parser: LineParser | None = None) -> str:
    """The report on ``paths``, or with none on the seeds and the shared corpus, each apart."""
    if paths:
        return format_report(measure(paths, seed_reader, line_parser=line_parser))
    return "\n".join(
        f"== {label}: {', '.join(os.path.relpath(p, ROOT) for p in group)}\n{format_report(measure(group, seed_reader, line_parser=line_parser))}"
        for label, group in default_paths(with_seeds=seed_reader is not None)
    )


def main(argv: list[str] | None = None) -> int:
    print(run(list(sys.argv[1:] if argv is None else argv)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
