"""Lists of prior therapies with a product among them, and counts of cycles of a product.

* "Prior sunitinib and prior radiotherapy", "Prior therapy with axitinib as well as any prior
  therapies with other VEGF pathway inhibitors": an exclusion's list excludes by any of its
  therapies, a product the record names as much as a class (read as All, a patient given sunitinib
  alone was not excluded).
* "VEGF pathway inhibitors", "VEGF receptor targeted therapy": the VEGF inhibitor class.
* "Prior treatment with more than 1 cycle of azacitidine or decitabine": a count of a product's
  cycles is met only by a patient given it (the line was wholly a person's before).
* "(only applicable to Part II of the PK phase)": the portion the line is written for.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.portion_tails import portion_tail
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import healthy, medication, procedure, score

EXC = CriterionType.EXCLUSION
INC = CriterionType.INCLUSION


def drug(words: str, concept: str = "anticancer_therapy", days_ago: int = 200) -> tuple:
    """A medication as the intake writes one: its class and the medication's own words."""
    return (medication(concept, days_ago, quote=words), medication("named_medication", days_ago, quote=words))


READINGS = [
    ("Prior sunitinib and prior radiotherapy", EXC, 'named-medication is sunitinib or radiotherapy'),
    ("Prior therapy with axitinib and prior VEGF inhibitors.", EXC, "named-medication is axitinib or VEGF-inhibitor"),
    ("Prior therapy with axitinib as well as any prior therapies with other VEGF pathway inhibitors.", EXC,
     "named-medication is axitinib or VEGF-inhibitor"),
    ("Prior therapy with axitinib and/or sunitinib as well as any prior therapies with other VEGF pathway inhibitors", EXC,
     "named-medication is axitinib or named-medication is sunitinib or VEGF-inhibitor"),
    ("Prior treatment with Sorafenib or other Ras or VEGF pathway inhibitors.", EXC,
     'named-medication is sorafenib or review unparsed "other Ras" or VEGF-inhibitor'),
    ("No more than 1 prior VEGF receptor targeted therapy", INC, 'not VEGF-inhibitor or review unsupported "≤ 1 prior VEGF receptor targeted therapy"'),
    # an inclusion's "and" between a product and a class still asks both
    ("Must have received prior sunitinib and prior radiotherapy", INC, "named-medication is sunitinib and radiotherapy"),
    ("Prior treatment with more than 1 cycle of azacitidine or decitabine.", EXC,
     '(named-medication is azacitidine or named-medication is decitabine) and review unsupported "> 1 cycle of azacitidine or decitabine"'),
    ("Received more than 2 cycles of decitabine", EXC, 'named-medication is decitabine and review unsupported "> 2 cycles of decitabine"'),
    ("Patients who have received no more than 2 cycles of azacitidine", INC,
     'not named-medication is azacitidine or review unsupported "≤ 2 cycles of azacitidine"'),
    ("Prior treatment with at least 1 course of cytarabine", EXC, "named-medication is cytarabine"),
    # a drug taken is a drug received; a part or a place taken is neither
    ("Has taken proton pump inhibitors within 7 days before the first administration of study drug.", EXC, "proton-pump-inhibitor within 7 days"),
    ("Patients who have taken part in an experimental drug study within 4 weeks", EXC,
     'investigational-agent within 4 weeks and review unparsed "Patients who have taken part in an"'),
    # a count beside a washout's own words is left as it was
    ("At least 4 weeks since prior cytarabine", INC, 'not named-medication is cytarabine within 4 weeks exclusive'),
]


@pytest.mark.parametrize("text,ctype,rule", READINGS, ids=[r[0][:50] for r in READINGS])
def test_each_line_reads_so(text, ctype, rule):
    assert rule_of(text, ctype) == rule


AXITINIB = "Prior therapy with axitinib as well as any prior therapies with other VEGF pathway inhibitors."
CYCLES = "Prior treatment with more than 1 cycle of azacitidine or decitabine."
CAP = "Patients who have received no more than 2 cycles of azacitidine"

# (line, type, met, not met, unknown)
ROWS = [
    (AXITINIB, EXC,
     (healthy(*drug("sunitinib", "vegf_inhibitor")), healthy(*drug("axitinib", "vegf_inhibitor"))),
     (healthy(), healthy(*drug("cytarabine", "chemotherapy"))),
     ()),
    ("Prior sunitinib and prior radiotherapy", EXC,
     (healthy(*drug("sunitinib", "vegf_inhibitor")), healthy(procedure("radiotherapy"))),
     (healthy(),),
     ()),
    (CYCLES, EXC,
     (),
     (healthy(), healthy(*drug("cytarabine", "chemotherapy"))),
     (healthy(*drug("azacitidine", "hypomethylating_agent")),)),
    (CAP, INC,
     (healthy(), healthy(*drug("cytarabine", "chemotherapy"))),
     (),
     (healthy(*drug("azacitidine", "hypomethylating_agent")),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_by_the_line(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


TAILS = [
    ("Use of any proton pump inhibitor within 28 days prior to study therapy (only applicable to Part II of the PK phase)", "Part II"),
    ("Prior treatment with Herceptin (applies only to Arm B)", "Arm B"),
    ("Prior treatment with Herceptin (Arm B only)", "Arm B"),
    ("Prior treatment with Herceptin (applicable to most patients)", None),
]


@pytest.mark.parametrize("text,label", TAILS, ids=[t[0][-40:] for t in TAILS])
def test_the_closing_bracket_names_the_portion(text, label):
    tail = portion_tail(text)
    assert (tail[0] if tail else None) == label


def test_hostile_lists_are_read_quickly():
    started = time.perf_counter()
    parse_line("Prior treatment with more than 1 cycle of " + "azacitidine or " * 1500 + "x", EXC)
    parse_line("Prior therapy with axitinib " + "as well as any prior therapies with " * 600 + "other VEGF pathway inhibitors", EXC)
    portion_tail("x (only applicable to Part II of the " + "PK " * 7000 + "phase)")
    assert time.perf_counter() - started < 1.0


RECOVERED = "At least 4 weeks since prior chemotherapy and recovered"
RECOVERED_LONGER = "At least 3 weeks (6 for nitrosourea) since prior chemotherapy and recovered"
GRADE = ('toxicity-grade <= 1 and (toxicity-grade <= 0 or review ambiguous "recovery without a grade: '
         'whether a grade 1 toxicity left counts as recovered")')

WASHOUTS = [
    (RECOVERED, f"{GRADE} and no chemotherapy within 4 weeks exclusive"),
    # the bracket said after the therapy, with the span's unit: the longer washout of its agents
    (RECOVERED_LONGER, f"{GRADE} and no chemotherapy within 3 weeks exclusive and (no chemotherapy within 6 weeks exclusive or "
                       "(not named-medication is nitrosoureas within 6 weeks exclusive and (named-medication within 6 weeks exclusive or "
                       "review unsupported \"whether the agent was one of these: nitrosourea\")))"),
    ("More than 30 days (from the screening visit) since prior other investigational drugs", "no investigational-agent within 30 days"),
    # "must have completed prior X at least N weeks prior to ..." is the same washout
    ("Participant must have completed prior chemotherapy at least 2 weeks (washout period) prior to randomization and recovered from toxicity to Grade 1 or baseline",
     "no chemotherapy within 2 weeks exclusive and toxicity-grade <= 1"),
    ("Completed all prior therapy at least 3 weeks prior to registration.", "no anticancer-therapy within 3 weeks exclusive"),
    # a recovery from surgery is the surgery reader's
    ("At least 4 weeks since prior surgery and recovered",
     '(not surgery or review ambiguous "whether the patient has recovered from the surgery") and no surgery within 4 weeks exclusive'),
    # only the bare word closing the line, after the therapy's name alone
    ("At least 4 weeks since prior chemotherapy and recovered from all toxicities of grade 3", None),
    ("More than 1 week since prior palliative low-dose radiotherapy to the limbs and recovered", None),
]


@pytest.mark.parametrize("text,rule", WASHOUTS, ids=[w[0][:50] for w in WASHOUTS])
def test_the_washout_and_its_recovery(text, rule):
    if rule is None:
        assert "Recovered from prior" not in rule_of(text, INC)
    else:
        assert rule_of(text, INC) == rule


def chemo(days_ago: int) -> tuple:
    return drug("cytarabine", "chemotherapy", days_ago)


# (line, type, met, not met, unknown)
RECOVERY_ROWS = [
    (RECOVERED, INC,
     (healthy(), healthy(*chemo(60))),
     (healthy(*chemo(10)), healthy(*chemo(60), score("toxicity_grade", 2, days_ago=3))),
     ()),
    (RECOVERED_LONGER, INC,
     (healthy(),),
     (healthy(*chemo(10)),),
     ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(RECOVERY_ROWS))
def test_each_record_is_judged_by_the_washout(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


def test_hostile_washouts_are_read_quickly():
    started = time.perf_counter()
    parse_line("At least 4 weeks (" + "6 for x " * 3000 + ") since prior chemotherapy and recovered", INC)
    parse_line("At least 4 weeks since prior " + "chemotherapy or " * 1500 + "and recovered", INC)
    parse_line("Must have completed prior " + "chemotherapy " * 1700 + "at least 2 weeks prior to registration", INC)
    assert time.perf_counter() - started < 1.0
