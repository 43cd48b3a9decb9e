"""Benchmark of the rules engine: ``python bench/engine.py`` prints numbers (not a test).

Trials are generated from the thresholds real registries use: the corpus's criteria texts
(/work/shared/corpus/oncology-trials-criteria.csv.gz, read here at run time, never copied)
are scanned for common lab / score / age thresholds, weighted by how often each appears, and
mixed with the five seed trials' predicates, so predicates repeat across trials as they do
in ClinicalTrials.gov. Each trial has ~20 criteria including review-only lines.

The plain-Python baseline normalises the patient once and evaluates every trial with the
reference evaluator, judging each distinct predicate and criterion once per patient (as the
durable path does); the durable figure is the whole ``MatchingEngine.evaluate`` call.
"""

from __future__ import annotations

import csv
import gzip
import io
import multiprocessing
import os
import random
import re
import statistics
import sys
import time
from collections import Counter
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fixtures.example_facts import AS_OF, EXAMPLES  # noqa: E402
from fixtures.seed_criteria import SEED_TRIALS  # noqa: E402

from rules_engine.assemble import Memo, assemble  # noqa: E402
from rules_engine.criteria import (  # noqa: E402
    All,
    Any_,
    Criterion,
    CriterionType,
    Op,
    Predicate,
    Review,
    ReviewReason,
    TrialCriteria,
    Window,
    iter_predicates,
)
from rules_engine.engine import MatchingEngine  # noqa: E402
from rules_engine.semantics import predicate_outcome  # noqa: E402
from rules_engine.snapshot import snapshot  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "oncology-trials-criteria.csv.gz"
NUM = r"(\d+(?:\.\d+)?)"
# (concept, regex, op, unit, uln); the regex's group 1 is the threshold
PATTERNS = [
    ("bilirubin", rf"bilirubin[^.;\n]{{0,40}}?(?:<=|≤|no more than|not greater than|less than or equal to|<)\s*{NUM}\s*(?:x|×|times)\s*(?:the\s*)?(?:ULN|upper)", Op.LTE, None, True),
    ("bilirubin", rf"bilirubin[^.;\n]{{0,40}}?(?:<=|≤|no more than|less than or equal to|<)\s*{NUM}\s*mg/dl", Op.LTE, "mg/dL", False),
    ("alt", rf"(?:ALT|SGPT)[^.;\n]{{0,60}}?(?:<=|≤|no more than|less than or equal to|<)\s*{NUM}\s*(?:x|×|times)\s*(?:the\s*)?(?:ULN|upper)", Op.LTE, None, True),
    ("ast", rf"(?:AST|SGOT)[^.;\n]{{0,60}}?(?:<=|≤|no more than|less than or equal to|<)\s*{NUM}\s*(?:x|×|times)\s*(?:the\s*)?(?:ULN|upper)", Op.LTE, None, True),
    ("creatinine", rf"creatinine[^.;\n]{{0,30}}?(?:<=|≤|no more than|less than or equal to|<)\s*{NUM}\s*mg/dl", Op.LTE, "mg/dL", False),
    ("creatinine_clearance", rf"creatinine clearance[^.;\n]{{0,30}}?(?:>=|≥|at least|greater than or equal to|>)\s*{NUM}\s*ml/min", Op.GTE, "mL/min", False),
    ("platelets", rf"platelet[^.;\n]{{0,30}}?(?:>=|≥|at least|greater than or equal to|>)\s*{NUM}\s*(?:,000|000)", Op.GTE, "/uL", False),
    ("platelets", rf"platelet[^.;\n]{{0,30}}?(?:>=|≥|at least|greater than or equal to|>)\s*{NUM}\s*(?:x|×)\s*10\^?9", Op.GTE, "10*9/L", False),
    ("anc", rf"(?:neutrophil|ANC)[^.;\n]{{0,30}}?(?:>=|≥|at least|greater than or equal to|>)\s*{NUM}\s*(?:x|×)\s*10\^?9", Op.GTE, "10*9/L", False),
    ("anc", rf"(?:neutrophil|ANC)[^.;\n]{{0,30}}?(?:>=|≥|at least|greater than or equal to|>)\s*{NUM}\s*/(?:mm3|ul|μl)", Op.GTE, "/uL", False),
    ("hemoglobin", rf"h(?:a)?emoglobin[^.;\n]{{0,30}}?(?:>=|≥|at least|greater than or equal to|>)\s*{NUM}\s*g/dl", Op.GTE, "g/dL", False),
    ("ecog", rf"ECOG[^.;\n]{{0,40}}?(?:0\s*(?:-|to)\s*){NUM}", Op.LTE, None, False),
    ("karnofsky", rf"Karnofsky[^.;\n]{{0,40}}?(?:>=|≥|at least|greater than or equal to|>)\s*{NUM}", Op.GTE, "%", False),
    ("lvef", rf"(?:LVEF|ejection fraction)[^.;\n]{{0,40}}?(?:>=|≥|at least|greater than or equal to|>)\s*{NUM}\s*%", Op.GTE, "%", False),
    ("age", rf"(?:age|aged)[^.;\n]{{0,20}}?(?:>=|≥|at least|greater than or equal to|over|>)\s*{NUM}\s*years", Op.GTE, "a", False),
    ("life_expectancy", rf"life expectancy[^.;\n]{{0,30}}?(?:>=|≥|at least|greater than or equal to|>|of)\s*{NUM}\s*weeks", Op.GTE, "wk", False),
    ("life_expectancy", rf"life expectancy[^.;\n]{{0,30}}?(?:>=|≥|at least|greater than or equal to|>|of)\s*{NUM}\s*months", Op.GTE, "mo", False),
]
HISTORY = ["hiv", "hbv", "hcv", "cns_involvement", "gvhd", "pregnancy", "lactation", "heart_failure", "apl", "isolated_extramedullary_relapse"]
WINDOWS = [("car_t", 4, "weeks"), ("allo_hsct", 3, "months"), ("hsct", 100, "days"), ("car_t", 2, "weeks"), ("auto_hsct", 6, "months")]


def corpus_predicates() -> list[tuple[Predicate, int]]:
    """Predicates read from the corpus texts, with how many trials use each."""
    counts: Counter[Predicate] = Counter()
    text = gzip.decompress(CORPUS.read_bytes()).decode("utf-8", "replace")
    compiled = [(c, re.compile(rx, re.IGNORECASE), op, unit, uln) for c, rx, op, unit, uln in PATTERNS]
    for row in csv.DictReader(io.StringIO(text)):
        criteria = row.get("criteria") or ""
        for concept, rx, op, unit, uln in compiled:
            for match in rx.finditer(criteria):
                value = float(match.group(1))
                if unit == "/uL" and concept == "platelets":
                    value *= 1000
                if value <= 0 or value > 100_000:
                    continue
                counts[Predicate(concept, op, value, unit, uln)] += 1
    return counts.most_common()


def seed_predicates() -> list[Predicate]:
    found = []
    for trial in SEED_TRIALS.values():
        for criterion in trial.criteria:
            found.extend(iter_predicates(criterion.expr))
    return found


def generate(n: int, rng: random.Random, pool: list[tuple[Predicate, int]]) -> list[TrialCriteria]:
    by_concept: dict[str, list[tuple[Predicate, int]]] = {}
    for pred, weight in pool:
        by_concept.setdefault(pred.concept, []).append((pred, weight))
    concepts = sorted(by_concept)
    seeds = seed_predicates()
    trials = []
    for i in range(n):
        criteria: list[Criterion] = []
        for concept in rng.sample(concepts, k=min(len(concepts), rng.randint(7, 11))):
            preds, weights = zip(*by_concept[concept], strict=True)
            pred = rng.choices(preds, weights)[0]
            criteria.append(Criterion(CriterionType.INCLUSION, f"{concept}", pred))
        for pred in rng.sample(seeds, k=3):
            criteria.append(Criterion(CriterionType.INCLUSION, "seed", pred))
        for concept in rng.sample(HISTORY, k=4):
            criteria.append(Criterion(CriterionType.EXCLUSION, concept, Predicate(concept, Op.PRESENT)))
        concept, amount, unit = rng.choice(WINDOWS)
        criteria.append(Criterion(CriterionType.EXCLUSION, "washout", Predicate(concept, Op.WITHIN, window=Window(amount, unit))))
        criteria.append(
            Criterion(
                CriterionType.INCLUSION,
                "dx",
                All((Predicate("acute_leukemia", Op.IN, tuple(rng.sample(["aml", "b_all", "all", "t_all"], 2))), Predicate("relapsed_or_refractory", Op.PRESENT))),
            )
        )
        criteria.append(Criterion(CriterionType.INCLUSION, "consent", Review(ReviewReason.CONSENT, "informed consent")))
        criteria.append(Criterion(CriterionType.EXCLUSION, "judgement", Any_((Predicate("nyha", Op.GTE, 3), Review(ReviewReason.JUDGEMENT, "investigator")))))
        trials.append(TrialCriteria(f"BENCH{i:05d}", 1, tuple(criteria)))
    return trials


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def median_ms(fn, repeat: int = 5) -> float:
    fn()  # warm caches
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def python_pass(trials, facts):
    snap = snapshot(facts, AS_OF)
    memo: dict = {}

    def decide(pred):
        found = memo.get(pred)
        if found is None:
            found = memo[pred] = predicate_outcome(pred, snap)
        return found

    shared = Memo()
    return [assemble(t, snap, decide, shared) for t in trials]


_WORKER_ENGINE: MatchingEngine | None = None


def _warm() -> None:
    _WORKER_ENGINE.evaluate(EXAMPLES["D01"], AS_OF, _WORKER_ENGINE.trial_ids[:1])


def _worker(args) -> int:
    ids, patients = args
    evaluated = 0
    for pid in patients:
        evaluated += len(_WORKER_ENGINE.evaluate(EXAMPLES[pid], AS_OF, ids))
    return evaluated


def throughput(engine: MatchingEngine, ids: list[str], workers: int, seconds_patients: int = 20) -> float:
    """Trial evaluations per second with ``workers`` forked processes (engine built before
    the fork; each child rebuilds its durable network lazily on first use, untimed)."""
    global _WORKER_ENGINE
    _WORKER_ENGINE = engine
    patients = list(EXAMPLES)
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers, initializer=_warm) as pool:  # each child builds its network first
        jobs = [(ids, patients * (seconds_patients // len(patients)))] * workers
        start = time.perf_counter()
        done = sum(pool.map(_worker, jobs, chunksize=1))
        return done / (time.perf_counter() - start)


def main() -> None:
    rng = random.Random(20261122)
    pool = corpus_predicates()
    print(f"corpus: {len(pool)} distinct threshold predicates, {sum(w for _, w in pool)} uses")
    facts = EXAMPLES["D01"]
    results = {}
    engine = None
    for n in (1_000, 10_000):
        trials = generate(n, rng, pool)
        engine = MatchingEngine()
        start = time.perf_counter()
        engine.add_trials(trials)
        engine.evaluate(facts, AS_OF, [trials[0].trial_id])  # builds the durable network (lazy)
        compile_s = time.perf_counter() - start
        distinct = len({p for t in trials for c in t.criteria for p in iter_predicates(c.expr)})
        durable_ms = median_ms(partial(engine.evaluate, facts, AS_OF))
        python_ms = median_ms(partial(python_pass, trials, facts))
        durable = engine.evaluate(facts, AS_OF)
        assert durable == python_pass(trials, facts), "durable and reference disagree"
        results[n] = (durable_ms, python_ms, compile_s)
        print(
            f"trials={n}: distinct predicates={distinct} probe rules={engine.network.rule_count()} "
            f"rulesets={engine.network.ruleset_count()} compile_s={compile_s:.2f} "
            f"durable_ms={durable_ms:.1f} python_ms={python_ms:.1f} ratio={durable_ms / python_ms:.2f} rss_mb={rss_mb():.0f}"
        )
        if n == 1_000:
            ids = [t.trial_id for t in trials]
            for workers in (1, 2):
                rate = throughput(engine, ids, workers)
                print(f"trials=1000 workers={workers}: {rate:,.0f} trial evaluations/s ({rate / 1000:.1f} patients/s)")
    durable_ms, python_ms, compile_s = results[10_000]
    print(
        f"engine: trials=10000 durable_ms={durable_ms:.1f} python_ms={python_ms:.1f} "
        f"ratio={durable_ms / python_ms:.2f} compile_s={compile_s:.2f} rss_mb={rss_mb():.0f}"
    )


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
