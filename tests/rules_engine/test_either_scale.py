"""ECOG and Karnofsky in one line: each scale on record decides by its own value, on both paths.

"ECOG 0-2 (Karnofsky >= 60%)" (the bracketed equivalent) needs every scale on record to meet its
bound; "ECOG 0-1 or Karnofsky >= 60%" (the alternative) is met by a scale on record that meets
its bound and failed when the scales on record fail, whatever the missing one converts to.
"""

import time

import pytest

from rules_engine.criteria import CriterionType, Op, Predicate, iter_predicates
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.topics.either_scale import either_scale
from tests.rules_engine.conftest import both, decide, patient, trial_of

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN


def _scales(ecog=None, karnofsky=None, lansky=None):
    found = {}
    if ecog is not None:
        found["ecog"] = (ecog,)
    if karnofsky is not None:
        found["karnofsky"] = (karnofsky, "%")
    if lansky is not None:
        found["lansky"] = (lansky, "%")
    return patient(found)


@pytest.mark.parametrize(
    "concept, scales, expected",
    [
        ("ecog", {"ecog": 2}, MET),
        ("karnofsky", {"ecog": 2}, NOT_MET),  # converted from ECOG: not its own
        ("karnofsky", {"karnofsky": 60}, MET),
        ("ecog", {}, NOT_MET),
        ("lansky", {"lansky": 40}, MET),
    ],
)
def test_a_scale_on_record_is_its_own_value_only(concept, scales, expected):
    assert decide(Predicate(concept, Op.PRESENT), _scales(**scales)).outcome is expected
    absent = {MET: NOT_MET, NOT_MET: MET}[expected]
    assert decide(Predicate(concept, Op.ABSENT), _scales(**scales)).outcome is absent


def _line(text):
    return parse_line(text, "inclusion").expr


BRACKETED = "Eastern Cooperative Oncology Group (ECOG) performance status 0, 1 or 2 (Karnofsky >= 60%)"
ALTERNATIVE = "ECOG performance status 0-1 OR Karnofsky performance status 70-100%"
BRACKETED_OR = "ECOG performance status ≤ 1 (or Karnofsky ≥ 60%)"


@pytest.mark.parametrize(
    "text, scales, expected",
    [
        # the bracketed equivalent: every scale on record meets its own bound
        (BRACKETED, {"ecog": 2}, MET),  # Karnofsky converted 50-60% had left it unknown
        (BRACKETED, {"ecog": 3}, NOT_MET),
        (BRACKETED, {"karnofsky": 60}, MET),
        (BRACKETED, {"karnofsky": 50}, NOT_MET),  # converts to ECOG 2, but its own bound fails
        (BRACKETED, {"ecog": 2, "karnofsky": 70}, MET),
        (BRACKETED, {"ecog": 3, "karnofsky": 70}, NOT_MET),  # disagreeing: the lax scale never admits
        (BRACKETED, {"ecog": 1, "karnofsky": 50}, NOT_MET),
        (BRACKETED, {}, UNKNOWN),
        (BRACKETED, {"lansky": 40}, NOT_MET),  # neither on record: both bounds as before
        # the alternative: a scale on record that meets its bound meets the line
        (ALTERNATIVE, {"ecog": 1}, MET),
        (ALTERNATIVE, {"ecog": 2}, NOT_MET),
        (ALTERNATIVE, {"karnofsky": 70}, MET),
        (ALTERNATIVE, {"karnofsky": 60}, NOT_MET),
        (ALTERNATIVE, {"ecog": 2, "karnofsky": 70}, MET),  # the text says "or"
        (ALTERNATIVE, {"ecog": 3, "karnofsky": 60}, NOT_MET),
        (ALTERNATIVE, {}, UNKNOWN),
        (BRACKETED_OR, {"ecog": 2}, NOT_MET),  # a recorded ECOG that fails fails the line
        (BRACKETED_OR, {"karnofsky": 60}, MET),
        (BRACKETED_OR, {"karnofsky": 50}, NOT_MET),  # converted ECOG 2 no longer decides
    ],
)
def test_either_scale_whichever_is_recorded(text, scales, expected):
    reference, _ = both(trial_of(_line(text)), _scales(**scales))
    assert reference.criteria[0].outcome is expected


@pytest.mark.parametrize(
    "text, kind",
    [
        # two requirements written apart, not an equivalent in brackets: both asked as written
        (
            "ECOG performance status of =< 2 at study entry; Karnofsky performance status of >= 70% at study entry",
            "inclusion",
        ),
        ("ECOG > 2 or Karnofsky < 60%", "exclusion"),
    ],
)
def test_scales_not_offered_as_either_keep_the_plain_reading(text, kind):
    concepts = {p.concept for p in _preds(parse_line(text, kind).expr)}
    ops = {p.op for p in _preds(parse_line(text, kind).expr)}
    assert concepts == {"ecog", "karnofsky"} and Op.PRESENT not in ops and Op.ABSENT not in ops


def _preds(expr):
    return list(iter_predicates(expr))


@pytest.mark.parametrize(
    "hostile",
    [
        "ECOG 2 Karnofsky " + "(Karnofsky (KPS) " * 2000 + "60",
        "Karnofsky " + "(ECOG" + " a" * 5000,
        "ECOG <= 2 (or Karnofsky " + "[Eastern Cooperative Oncology Group " * 800,
    ],
)
def test_a_long_hostile_line_is_read_fast(hostile):
    start = time.perf_counter()
    either_scale(_line("ECOG 0-2 (Karnofsky >= 60%)"), CriterionType.INCLUSION, hostile)
    assert time.perf_counter() - start < 0.5
