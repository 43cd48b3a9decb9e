"""``assemble.assemble_many`` (a ``LineTable`` of the trials' lines, each judged once per patient,
an outcome reused from the last patient judged the same) is a shortcut only: every trial gets
exactly what ``assemble`` gives it judged alone, verdict, score and line for line, whatever
patients came before, and a line that raises fails only the trials holding it, as it would."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules_engine.assemble import LineTable, Memo, _signature, assemble, assemble_many, plain_signature
from rules_engine.criteria import Criterion, CriterionType, Op, Predicate, TrialCriteria
from rules_engine.outcome import Eligibility
from rules_engine.semantics import predicate_outcome
from rules_engine.snapshot import snapshot
from tests.rules_engine.conftest import AS_OF, patient
from tests.rules_engine.test_agreement import POOL, REVIEW, patients
from tests.rules_engine.test_line_memo import _interned, line_pools

lines = line_pools(6)


@st.composite
def catalogues(draw: Any) -> list[TrialCriteria]:
    """Trials repeating a few lines, some nested under the line before (not deciding)."""
    pool = draw(lines)
    trials = []
    for n in range(draw(st.integers(1, 6))):
        picked = draw(st.lists(st.sampled_from(pool), min_size=0, max_size=7))
        nested = draw(st.lists(st.booleans(), min_size=len(picked), max_size=len(picked)))
        criteria = tuple(replace(c, parent=i - 1 if i and under else None) for i, (c, under) in enumerate(zip(picked, nested, strict=True)))
        trials.append(TrialCriteria(f"T{n}", 1, criteria))
    return trials


def _plain(trials: list[TrialCriteria], facts: Any) -> list[Any]:
    snap = snapshot(facts, AS_OF)
    return [assemble(t, snap, lambda p, snap=snap: predicate_outcome(p, snap), Memo()) for t in trials]


def _many(table: LineTable, trials: list[TrialCriteria], facts: Any) -> list[Any]:
    snap = snapshot(facts, AS_OF)
    laid_out = [(t, table.layout(t)) for t in trials]
    return assemble_many(table, laid_out, snap, lambda p: predicate_outcome(p, snap), Memo())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogues(), st.lists(patients(), min_size=1, max_size=3))
def test_many_trials_at_once_equal_each_trial_assembled_alone_patient_after_patient(trials, facts_list):
    interned = _interned(trials)
    table = LineTable()  # one table across the patients, as an engine keeps it
    for facts in facts_list:
        many, plain = _many(table, interned, facts), _plain(trials, facts)
        assert many == plain
        # found from the timed lines alone (``with_changes_on``), where the plain one walks them all
        assert [o.changes_on for o in many] == [o.changes_on for o in plain]
        # gathered by slot (``with_lines``), where the plain ones read each line object
        assert [(o.lines_md5, o.codes) for o in many] == [(o.lines_md5, o.codes) for o in plain]


def test_the_lines_digest_bytes_and_codes_gathered_by_slot_are_each_line_s_in_order():
    """``TrialOutcome.lines_md5`` and ``codes`` as ``assemble_many`` sets them: each line's own
    ``verdict_md5`` and ``code``, in the trial's order, for a line met, one not met, one left to
    review and a trial without lines, patient after patient through one table."""
    age = Criterion(CriterionType.INCLUSION, "aged 18 or older", Predicate("age", Op.GTE, 18, "years"))
    old = Criterion(CriterionType.INCLUSION, "aged 90 or older", Predicate("age", Op.GTE, 90, "years"))
    judged = Criterion(CriterionType.EXCLUSION, "judgement", REVIEW)
    trials = _interned([
        TrialCriteria("A", 1, (age, old, judged)), TrialCriteria("B", 1, (judged, age)), TrialCriteria("C", 1, ()),
    ])
    table = LineTable()
    for facts in (patient(birth=date(1970, 6, 1)), patient(birth=date(1930, 6, 1)), patient(birth=date(1970, 6, 1))):
        many = _many(table, trials, facts)
        for o in many:
            assert o.lines_md5 == b"".join(c.verdict_md5 for c in o.criteria) and len(o.lines_md5) == 8 * len(o.criteria)
            assert o.codes == "".join(c.code for c in o.criteria)
        assert [o.codes for o in many][2] == "" and many[0].codes[2] == many[1].codes[0] == "U"


def test_a_trials_change_day_is_its_earliest_timed_line_s_among_lines_that_carry_none():
    """``TrialOutcome.changes_on`` set from the layout's timed lines: a trial mixing an age bound,
    an upper age bound crossed later and an untimed line takes the earliest day, as the walk
    over every line does; a trial of untimed lines has none."""
    older = Criterion(CriterionType.INCLUSION, "aged 56 or younger", Predicate("age", Op.LTE, 56, "years"))
    younger = Criterion(CriterionType.INCLUSION, "aged 60 or younger", Predicate("age", Op.LTE, 60, "years"))
    untimed = Criterion(CriterionType.EXCLUSION, "judgement", REVIEW)
    trials = _interned([TrialCriteria("MIXED", 1, (untimed, younger, older)), TrialCriteria("NONE", 1, (untimed,))])
    facts = patient(birth=date(1970, 6, 1))
    many, plain = _many(LineTable(), trials, facts), _plain(trials, facts)
    assert many == plain
    assert [o.changes_on for o in many] == [o.changes_on for o in plain]
    assert many[0].changes_on == plain[0].criteria[2].changes_on is not None and many[1].changes_on is None


def test_a_line_that_raises_fails_only_the_trials_holding_it_with_the_plain_error():
    good = Criterion(CriterionType.INCLUSION, "age", POOL[0])
    bad = Criterion(CriterionType.EXCLUSION, "broken", Predicate("age", Op.GTE, 18, "a"))
    trials = [TrialCriteria("OK", 1, (good,)), TrialCriteria("BROKEN", 1, (good, bad))]
    snap = snapshot(patient(), AS_OF)

    def decide(p: Any) -> Any:
        if p is bad.expr:
            raise ValueError("cannot decide")
        return predicate_outcome(p, snap)

    table = LineTable()
    ok, broken = assemble_many(table, [(t, table.layout(t)) for t in trials], snap, decide, Memo())
    assert ok == assemble(trials[0], snap, decide, Memo())
    assert isinstance(broken, ValueError) and str(broken) == "cannot decide"


def test_a_trial_without_deciding_lines_scores_a_half_and_an_empty_one_is_eligible():
    nested = replace(Criterion(CriterionType.INCLUSION, "n", REVIEW), parent=0)
    trials = [TrialCriteria("EMPTY", 1, ()), TrialCriteria("REVIEW", 1, (Criterion(CriterionType.INCLUSION, "r", REVIEW), nested))]
    snap = snapshot(patient(), AS_OF)
    table = LineTable()
    found = assemble_many(table, [(t, table.layout(t)) for t in trials], snap, lambda p: predicate_outcome(p, snap), Memo())
    assert found == _plain(trials, patient())
    assert [(o.eligibility, o.score) for o in found] == [(Eligibility.ELIGIBLE, 0.5), (Eligibility.ELIGIBLE, 0.5)]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogues(), st.lists(patients(), min_size=1, max_size=3))
def test_signature_is_the_plain_reading(trials, facts_list):
    """``_signature`` gathers a judgement's readings from the table's numbered list, each made
    once per call; patient after patient it equals reading the predicates one by one."""
    table = LineTable()
    for trial in _interned(trials):
        table.layout(trial)
    for facts in facts_list:
        snap = snapshot(facts, AS_OF)
        decide = lambda p, snap=snap: predicate_outcome(p, snap)  # noqa: E731
        fast, plain, done = Memo(), Memo(), set()
        for number, reads in reversed(list(enumerate(table.reads))):  # any order: readings are shared
            assert _signature(table, number, snap, decide, fast, done) == plain_signature(reads, snap, decide, plain)


def test_a_judgement_kept_from_an_earlier_patient_is_reused_only_when_every_reading_matches():
    """``LineTable.judged``: two patients of one age born on different days read "age <= 56"
    alike but change it on different days, a third reads another age; each gets exactly its own
    judgement, and the reading shared with an earlier patient is a reuse, not a new entry."""
    line = Criterion(CriterionType.INCLUSION, "aged 56 or younger", Predicate("age", Op.LTE, 56, "years"))
    trials = _interned([TrialCriteria("AGE", 1, (line,))])
    table = LineTable()
    births = [date(1970, 6, 1), date(1970, 3, 1), date(1970, 3, 1), date(1980, 1, 1)]
    found = [_many(table, trials, patient(birth=b))[0] for b in births]
    assert found == [_plain(trials, patient(birth=b))[0] for b in births]
    assert found[0].criteria[0].reason == found[1].criteria[0].reason
    assert found[0].criteria[0].changes_on != found[1].criteria[0].changes_on
    assert len(table.judged) == 3  # the third patient read what the second did


def test_a_patient_reading_a_line_as_an_earlier_non_consecutive_one_did_gets_that_outcome_object():
    """``LineTable.made``: the outcome kept with a kept judgement is handed again (the same
    object, whose verdict text a digest reuses) to a later patient reading the line alike, even
    after another patient read it otherwise; what it says is exactly ``assemble``'s."""
    line = Criterion(CriterionType.INCLUSION, "aged 56 or younger", Predicate("age", Op.LTE, 56, "years"))
    trials = _interned([TrialCriteria("AGE", 1, (line,))])
    table = LineTable()
    first, other = patient(birth=date(1970, 6, 1)), patient(birth=date(1980, 1, 1))
    before = _many(table, trials, first)
    between = _many(table, trials, other)
    again = _many(table, trials, first)
    assert again == before == _plain(trials, first) and between == _plain(trials, other)
    assert again[0].criteria[0] is before[0].criteria[0]
    assert between[0].criteria[0] is not before[0].criteria[0]


def test_a_trial_added_between_patients_gets_its_lines_judged_where_it_shares_a_judgement():
    """``LineTable.current``: a judgement a patient reads as the one before leaves its slots
    as they are; a trial laid out between two patients that asks a judgement already held (the
    same line at another position: a new slot) gets that slot set all the same, and every
    trial equals ``assemble``'s."""
    age = Criterion(CriterionType.INCLUSION, "aged 18 or older", Predicate("age", Op.GTE, 18, "years"))
    judged = Criterion(CriterionType.EXCLUSION, "judgement", REVIEW)
    first, later = _interned([TrialCriteria("A", 1, (age, judged)), TrialCriteria("B", 1, (judged, age))])
    table = LineTable()
    facts = patient(birth=date(1970, 6, 1))
    assert _many(table, [first], facts) == _plain([first], facts)
    assert _many(table, [first, later], facts) == _plain([first, later], facts)
    assert _many(table, [later], patient(birth=date(2015, 6, 1))) == _plain([later], patient(birth=date(2015, 6, 1)))


def test_a_table_that_digests_nothing_judges_alike_and_leaves_the_digest_bytes_empty():
    """``LineTable(digests=False)`` (the renderer's): the same outcomes and codes patient after
    patient, each line's digest bytes left empty instead of hashed."""
    age = Criterion(CriterionType.INCLUSION, "aged 56 or younger", Predicate("age", Op.LTE, 56, "years"))
    judged = Criterion(CriterionType.EXCLUSION, "judgement", REVIEW)
    trials = _interned([TrialCriteria("A", 1, (age, judged)), TrialCriteria("B", 1, (judged,))])
    plain_table, bare = LineTable(), LineTable(digests=False)
    for birth in (date(1970, 6, 1), date(1990, 6, 1), date(1970, 6, 1)):
        facts = patient(birth=birth)
        with_digests, without = _many(plain_table, trials, facts), _many(bare, trials, facts)
        assert without == with_digests == _plain(trials, facts)
        assert [o.codes for o in without] == [o.codes for o in with_digests]
        assert [o.lines_md5 for o in without] == [b"", b""]


def test_an_outcome_laid_out_in_one_go_is_the_one_the_constructor_and_helpers_make():
    """``outcome.laid_outcome``: the fields, the kept ``lines_md5``, ``codes`` and ``changes_on``,
    equality, hash and ``replace`` as ``TrialOutcome(...)`` then ``with_lines`` and ``with_changes_on``."""
    from rules_engine.outcome import CriterionOutcome, Outcome, TrialOutcome, laid_outcome, with_changes_on, with_lines

    line = CriterionOutcome(0, "inclusion", "age", Outcome.MET, False, "age 40 ≥ 18", changes_on=date(2027, 1, 1))
    for criteria, day in (((line,), date(2027, 1, 1)), ((), None)):
        md5s, codes = b"".join(c.verdict_md5 for c in criteria), "".join(c.code for c in criteria)
        plain = with_changes_on(with_lines(TrialOutcome("NCT1", 3, Eligibility.ELIGIBLE, 0.75, criteria), md5s, codes), day)
        fast = laid_outcome("NCT1", 3, Eligibility.ELIGIBLE, 0.75, criteria, md5s, codes, day)
        assert type(fast) is TrialOutcome and fast.__dict__ == plain.__dict__
        assert fast == plain and hash(fast) == hash(plain) and fast.error is None
        assert (fast.lines_md5, fast.codes, fast.changes_on) == (plain.lines_md5, plain.codes, plain.changes_on)
        assert replace(fast, score=0.5) == replace(plain, score=0.5)


def test_a_kept_verdict_is_the_one_made_from_the_codes_every_time():
    """``assemble._verdict_kept`` answers ``_verdict_of`` for every tuple of line codes up to three
    lines (against, unknown, review and their mixes), made once and found after, and for longer ones."""
    from itertools import product

    from rules_engine.assemble import _verdict_kept, _verdict_of

    tuples = [codes for n in range(4) for codes in product(range(8), repeat=n)]
    tuples += [(0,) * 30, (0, 2) * 9 + (1,), (4,) + (0,) * 20, (2, 2, 3, 0, 0, 0, 0, 5)]
    for _ in range(2):
        for codes in tuples:
            assert _verdict_kept(codes) == _verdict_of(codes)
            assert type(_verdict_kept(codes)[1]) is type(_verdict_of(codes)[1])
