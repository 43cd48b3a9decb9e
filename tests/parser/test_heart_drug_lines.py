"""The heart's drugs a digoxin, bradycardia or arrhythmia line names: beta-blockers beside calcium
channel blockers, their members in a bare bracket, and the drugs an arrhythmia line excepts.

* "calcium channel blockers with AV-nodal blocking activity (verapamil, diltiazem)", "non-
  dihydropyridine calcium channel blockers": the calcium channel blockers that slow the AV node
  (``nondihydropyridine_ccb``, ATC C08D); "calcium channel blockers" any of them
  (``calcium_channel_blocker``, ATC C08); 11 corpus lines name them.
* "beta-blockers (metoprolol, atenolol, propranolol)": a bare bracket of names after a heart
  drug's class lists its members, examples as "e.g." writes them; "Patients requiring treatment
  with one or more beta-blockers": the words say the class is taken ("one or more" drugs is any
  of them; split at its "or", "one" was an unread alternative beside the class).
* "requiring anti-arrhythmic medication other than beta blocker or calcium channel blocker": the
  drugs excepted are what the needed medication may be, not drugs the patient must not take
  (read as "and not on a beta-blocker", a patient needing amiodarone beside metoprolol passed the
  exclusion); the exception is a person's.

Unread, the holdout's T82 line (beta-blockers or AV-nodal calcium channel blockers) left every
patient without a beta-blocker to a person. Corpus: 26 of 640 lines naming these drugs, "one or
more" or "other than" read differently, each checked.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import condition, healthy, medication

EXC = CriterionType.EXCLUSION

DIGOXIN = ("Patients requiring treatment with one or more beta-blockers (metoprolol, atenolol, propranolol) or calcium channel blockers with "
           "AV-nodal blocking activity (verapamil, diltiazem).")  # NCT03113071
BRADYCARDIA = ("Evidence of clinically significant bradycardia (heart rate <50), or a history of clinically significant bradyarrhythmias such as "
               "sick sinus syndrome, 2nd degree AV block (Mobitz Type 2), or patients taking beta blockers, non-dihydropyridine calcium channel "
               "blockers, or digoxin.")  # NCT01235897
ARRHYTHMIA = "Patients with cardiac arrhythmia requiring anti-arrhythmic medication other than beta blocker or calcium channel blocker."  # NCT00431990

READINGS = [
    # ("requiring" a continuous therapy: the one under way, taken within 14 days)
    (DIGOXIN, "beta-blocker within 14 days or nondihydropyridine-CCB within 14 days"),
    ("Patients requiring treatment with beta-blockers.", "beta-blocker within 14 days"),
    (ARRHYTHMIA, 'arrhythmia and review unsupported "Patients with requiring anti-arrhythmic medication" and review "other than beta blocker or calcium '
                 'channel blocker"'),
    ("Cardiac arrhythmias requiring anti-arrhythmic therapy other than beta blockers or digoxin", 'arrhythmia and review unsupported "requiring '
     'anti-arrhythmic therapy" and review "other than beta blockers or digoxin"'),
]


@pytest.mark.parametrize("text,rule", READINGS, ids=[r[0][:45] for r in READINGS])
def test_the_heart_drugs_read_as_the_registry_means(text, rule):
    criterion = parse_line(text, EXC)
    assert render_rule(criterion.expr, criterion.applies_if) == rule


def test_the_av_nodal_calcium_channel_blockers_of_a_bradycardia_line_are_read():
    assert "nondihydropyridine-CCB within 14 days" in render_rule(parse_line(BRADYCARDIA, EXC).expr)


# (line, type, met, not met, unknown)
ROWS = [
    (DIGOXIN, EXC, (healthy(medication("beta_blocker", 0)), healthy(medication("nondihydropyridine_ccb", 0), medication("calcium_channel_blocker", 0))),
     # amlodipine is a calcium channel blocker that does not slow the AV node
     (healthy(), healthy(medication("calcium_channel_blocker", 0))), ()),
    # the medication excepted is a person's question, never a way out: an arrhythmia on record holds the verdict
    (ARRHYTHMIA, EXC, (), (healthy(),), (healthy(condition("arrhythmia")), healthy(condition("arrhythmia"), medication("beta_blocker", 0)))),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_as_the_text_says(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


def test_a_patient_on_a_beta_blocker_meets_the_digoxin_line():
    assert judged(parse_line(DIGOXIN, EXC), healthy(medication("beta_blocker", 30, ongoing=True))) is Outcome.MET
