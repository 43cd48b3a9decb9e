"""How much of real registry text the parser structures: the coverage report.

    python -m rules_engine.parser.coverage PATH...        (also: manage.py criteria_coverage)

PATH is a ``.json.gz`` / ``.json`` list of ClinicalTrials.gov API v2 studies or a ``.csv.gz`` /
``.csv`` with a ``criteria`` column (the older indented layout). Every line is parsed inside its
own ``try``: a crash is counted, never raised.

A line is *structured* when its expression holds no Review, *partial* when it holds both
predicates and Reviews, *review* when it is a Review only. Each trial is parsed whole, as the
importers do, so a line is read with its heading ("18 and over" under "Age:"); a heading itself
counts by its own words only (never by its children's expressions). Parse time covers splitting
and parsing.

Age agreement (v2 studies only): the registry's ``minimumAge`` / ``maximumAge`` against the age
bounds parsed from the lines (an exclusion "age < 18" reads as a minimum of 18). A strict bound
counts as agreeing with either neighbouring whole number ("> 18" and "18 Years" or "19 Years";
registries write the number from the text). A registry maximum of 99 years or more is its
placeholder for "no maximum".

What the parser cannot be asked to find is set apart, and counted, never silently dropped:

* a registry bound whose number the text never writes as an age (no "75 years", "age 75",
  "aged 75" ...; e.g. the registry says 18..75 and the text only "age ≥ 18") is
  ``registry_only``: that bound is not compared (the other one still is);
* a study whose every registry bound is ``registry_only`` and where nothing was parsed (the text
  says nothing about age) is ``age_silent`` and left out of the share.

The other way round counts against the parser: a bound parsed where the registry states none
(the registry leaves out the "80" of "aged 18-80", or the parser misread a number as an age)
is a mismatch. So ``agree / checked`` is "where the text states an age bound, the parser reads
the registry's"; the share of all studies with registry bounds is printed too.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from rules_engine.criteria import All, Any_, Criterion, CriterionType, Expr, Not, Op, Predicate, Review
from rules_engine.parser.criteria import _build
from rules_engine.parser.sections import split_criteria

csv.field_size_limit(1 << 30)

_AGE_MENTION = re.compile(
    r"(?<!childbearing )(?<!child-bearing )(?<!reproductive )\bage[ds]?\b(?!\s+of\s+majority)|\byears?\s*(?:old|of\s+age)\b|\badults?\b", re.I
)


@dataclass
class Trial:
    trial_id: str
    criteria: str
    minimum_age: str | None = None
    maximum_age: str | None = None
    sex: str | None = None
    registry: bool = False  # carries the registry's own age and sex


@dataclass
class Coverage:
    trials: int = 0
    lines: int = 0
    structured: int = 0
    partial: int = 0
    review: int = 0
    crashes: int = 0
    seconds: float = 0.0
    reasons: Counter = field(default_factory=Counter)  # reason of every Review node
    review_examples: dict = field(default_factory=dict)
    age_checked: int = 0
    age_agree: int = 0
    age_silent: int = 0
    age_registry: int = 0
    registry_only: int = 0  # registry bounds the text never states (not compared)
    sex_checked: int = 0
    sex_agree: int = 0
    age_mismatches: list = field(default_factory=list)


def read_trials(path: str) -> Iterator[Trial]:
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
            for row in csv.DictReader(io.TextIOWrapper(handle.buffer) if hasattr(handle, "buffer") and False else handle):
                yield Trial(trial_id=row.get("nctid", ""), criteria=row.get("criteria", "") or "")


def _nodes(expr: Expr) -> Iterable[Expr]:
    yield expr
    if isinstance(expr, (All, Any_)):
        for part in expr.parts:
            yield from _nodes(part)
    elif isinstance(expr, Not):
        yield from _nodes(expr.part)


def _registry_years(value: str | None) -> float | None:
    if not value:
        return None
    m = re.match(r"\s*(\d+(?:\.\d+)?)\s*(year|month|week|day)", value, re.I)
    if not m:
        return None
    factor = {"year": 1, "month": 1 / 12, "week": 7 / 365.25, "day": 1 / 365.25}[m.group(2).lower()]
    return float(m.group(1)) * factor


def age_bounds(criteria: Iterable[Criterion]) -> tuple[set[float], set[float]]:
    """Acceptable readings of the minimum and maximum age (years) the criteria state."""
    lows: set[float] = set()
    highs: set[float] = set()
    for criterion in criteria:
        if criterion.parent is not None:
            pass
        for node in _nodes(criterion.expr):
            if not isinstance(node, Predicate) or node.concept != "age":
                continue
            factor = 1 / 12 if node.unit == "mo" else 1.0
            op = node.op
            if criterion.type is CriterionType.EXCLUSION:
                op = {Op.LT: Op.GTE, Op.LTE: Op.GT, Op.GT: Op.LTE, Op.GTE: Op.LT}.get(op, op)
            if op is Op.BETWEEN:
                lows.add(node.value[0] * factor)
                highs.add(node.value[1] * factor)
            elif op is Op.GTE:
                lows.add(node.value * factor)
            elif op is Op.GT:
                lows.update({node.value * factor, node.value * factor + 1})
            elif op is Op.LTE:
                highs.add(node.value * factor)
            elif op is Op.LT:
                highs.update({node.value * factor, node.value * factor - 1})
    return lows, highs


def _sex(criteria: Iterable[Criterion]) -> str:
    for criterion in criteria:
        for node in _nodes(criterion.expr):
            if isinstance(node, Predicate) and node.concept == "sex" and node.op is Op.IS and criterion.applies_if is None:
                return str(node.value).upper()
    return "ALL"


def measure(paths: Iterable[str]) -> Coverage:
    report = Coverage()
    started = time.perf_counter()
    for path in paths:
        for trial in read_trials(path):
            report.trials += 1
            try:
                lines = split_criteria(trial.criteria)
            except Exception:  # noqa: BLE001 - counted, never raised
                report.crashes += 1
                continue
            parsed: list[Criterion] = []
            try:  # as production reads them: a line under "Age:" is read with its heading
                whole = _build([(line.type, line.text, line.parent) for line in lines])
            except Exception:  # noqa: BLE001
                whole = None
            for index, line in enumerate(lines):
                report.lines += 1
                try:
                    if whole is None or line.heading:  # a heading counts by its own words, not its children's
                        criterion = _build([(line.type, line.text, None)])[0]
                    else:
                        criterion = whole[index]
                except Exception:  # noqa: BLE001
                    report.crashes += 1
                    continue
                criterion = Criterion(criterion.type, criterion.text, criterion.expr, criterion.applies_if, line.parent)
                parsed.append(criterion)
                nodes = list(_nodes(criterion.expr))
                reviews = [n for n in nodes if isinstance(n, Review)]
                if not reviews:
                    report.structured += 1
                elif len(reviews) == len(nodes):
                    report.review += 1
                else:
                    report.partial += 1
                for node in reviews:
                    report.reasons[node.reason] += 1
                    report.review_examples.setdefault(node.reason, " ".join((node.text or criterion.text).split())[:90])
            if trial.registry:
                _check_registry(report, trial, parsed)
    report.seconds = time.perf_counter() - started
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
    lows, highs = age_bounds(c for c in parsed)
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
            return not found
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
        f"criterion lines: {report.lines}",
        f"fully structured: {report.structured} ({pct(report.structured, report.lines)}%)",
        f"partly structured: {report.partial} ({pct(report.partial, report.lines)}%)",
        f"review only: {report.review} ({pct(report.review, report.lines)}%)",
        f"crashes: {report.crashes}",
        f"parse time: {report.seconds:.1f} s ({1000 * report.seconds / max(1, report.trials):.1f} ms per trial)",
    ]
    total_reviews = sum(report.reasons.values())
    out.append("review nodes by reason:")
    for reason, count in report.reasons.most_common(10):
        out.append(f"  {reason}: {count} ({pct(count, total_reviews)}%)  e.g. {report.review_examples.get(reason, '')!r}")
    if report.age_registry:
        out.append(
            f"age: registry states bounds for {report.age_registry} studies; text silent on age in {report.age_silent}; "
            f"registry bounds the text never states: {report.registry_only}; "
            f"agree {report.age_agree}/{report.age_checked} where the text states age "
            f"({pct(report.age_agree, report.age_registry)}% of all stating studies)"
        )
        out.append(f"sex: agree {report.sex_agree}/{report.sex_checked}")
        for mismatch in report.age_mismatches[:10]:
            out.append(f"  age mismatch {mismatch[0]}: registry {mismatch[1]}..{mismatch[2]}, parsed min {mismatch[3]} max {mismatch[4]}")
    age = pct(report.age_agree, report.age_checked) if report.age_checked else "n/a"
    out.append(
        f"coverage: trials={report.trials} lines={report.lines} structured={pct(report.structured, report.lines)}% "
        f"partial={pct(report.partial, report.lines)}% review={pct(report.review, report.lines)}% "
        f"crashes={report.crashes} age_agreement={age}%"
    )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    paths = list(sys.argv[1:] if argv is None else argv)
    if not paths:
        print("usage: python -m rules_engine.parser.coverage PATH...", file=sys.stderr)
        return 2
    print(format_report(measure(paths)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
