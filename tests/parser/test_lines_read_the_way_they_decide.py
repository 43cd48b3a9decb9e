"""Lines whose reading decided against what they say: toward eligible where the text excludes, or
against a patient the text admits. Each row is a registry wording of a shape that recurs:

* the toxicity scale's name between the comparator and its grade ("toxicities (i.e. > Common
  Terminology Criteria for Adverse Events [CTCAE] grade 2)"), the scale's own words taken for a
  toxicity where they grade another condition ("infection > Common Toxicity Criteria for Adverse
  Effects (CTCAE) grade 2"), a grade that defines "not recovered" ("(=CTCAE grade 2 Adverse
  Event)"), a "not recovered" far before the toxicity, "toxicity greater than grade 1 ... must have
  been resolved";
* a bracket between a toxicity and the therapies it came from ("toxicity (Grade <=1) from prior
  chemotherapy"), which named the therapy as one more alternative of the exclusion;
* a permission without its subject ("May have received prior systemic and/or radiation therapy");
* two criteria run together without a stop ("... traumatic injury No evidence of bleeding diathesis
  or coagulopathy"), whose second "or" joined them;
* an example of a head that needs treatment ("CNS pathology requiring treatment (eg, unstable
  epilepsy)"), joined to it by "requiring" as a second condition;
* the other alternative of "either A or B" left unread ("either measurable cancer by RECIST 1.1
  criteria or an elevated cancer antigen (CA)125 level at least twice the upper limit of normal").

Rows: a line, its section, then the records that make it met, not met and unknown."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.run_on_seams import run_on_seams
from rules_engine.parser.toxicity_scale import without_scale
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import adult, condition, procedure, result, score

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

GRADE = {g: adult(score("toxicity_grade", g, days_ago=3)) for g in range(5)}
NONE = adult()

ROWS = [
    # the comparator before the scale's name is the grade's
    ("Persistence of clinically relevant therapy related toxicities (i.e. > Common Terminology Criteria for Adverse Events [CTCAE] grade 2) "
     "from previous chemotherapy and/or radiotherapy", EXC, (), (GRADE[1], GRADE[2], adult(procedure("radiotherapy"))), (GRADE[3], GRADE[4])),
    ("Any unresolved toxicity greater than NCI-CTCAE v 3.0 grade 2 from prior therapy", EXC, (GRADE[3],), (GRADE[2],), ()),
    # the grade that defines what is not recovered, and a "not recovered" far before the toxicity
    ("Patients who not recovered clinically relevant therapy related toxicities from previous chemotherapy and/or radiotherapy "
     "(=CTCAE grade 2 Adverse Event from previous treatment) at screening", EXC, (), (GRADE[1],), (GRADE[2], GRADE[3])),
    ("Patients who have not recovered to < Common Terminology Criteria for Adverse Events (CTCAE) grade 2 toxicities related to prior "
     "therapy are not eligible to participate in this study", EXC, (), (GRADE[1],), (GRADE[2], GRADE[4])),
    ("All AEs of any prior chemotherapy, surgery, or radiotherapy not resolved to National Cancer Institute (NCI) Common Terminology "
     "Criteria for Adverse Events (CTCAE) (v.4.0) Grade ≤ 2.", EXC, (), (), (GRADE[1], GRADE[3])),
    ("The patient has not recovered from any other acute toxicity (to Grade ≤1 as per NCI CTCAE v4.03) prior to study enrollment.",
     EXC, (), (GRADE[0], GRADE[1]), (GRADE[2],)),
    # the grades above the bound must have resolved: the grades left are those at most it
    ("Regardless of the therapy, any toxicity greater than Common Terminology Criteria in Adverse Events (CTCAE) grade 1 from previous "
     "anti-cancer therapy must have been resolved.", INC, (), (GRADE[2], GRADE[3]), (GRADE[0], GRADE[1])),
    # the therapy a toxicity came from, a bracket between them, is no alternative of its own
    ("Unresolved toxicity (Grade <=1) from prior chemotherapy", EXC, (GRADE[2],), (adult(procedure("chemotherapy")), GRADE[1]), ()),
    # a permission asks nothing
    ("May have received prior systemic and/or radiation therapy. All adverse events associated with prior systemic therapy or "
     "radiation therapy must have resolved to ≤ Grade 1 prior to start of study.", INC, (GRADE[0], GRADE[1]), (GRADE[2],), ()),
    # two criteria run together: each asked on its own
    ("At least 28 days since prior significant traumatic injury No evidence of bleeding diathesis or coagulopathy", INC,
     (), (adult(condition("bleeding_diathesis")),), (NONE,)),
    # an example of a head that needs treatment is one more case of it, needing it too
    ("Clinically relevant central nervous system (CNS) pathology requiring treatment (eg, unstable epilepsy)", EXC,
     (), (NONE,), (adult(condition("seizure_disorder")),)),
    ("Cardiac disease requiring treatment (e.g., atrial fibrillation)", EXC, (), (NONE,), (adult(condition("cardiac_disease")),)),
    # "either A or B": the unread B is the other way to meet it
    ("Participants must have either measurable cancer by RECIST 1.1 criteria or an elevated cancer antigen (CA)125 level at least "
     "twice the upper limit of normal on two separate occasions", INC, (adult(result("measurable_disease", "positive")),), (),
     (adult(result("measurable_disease", "negative")),)),
    ("Measurable disease or elevated CA-125", INC, (adult(result("measurable_disease", "positive")),), (),
     (adult(result("measurable_disease", "negative")),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_a_line_decides_as_its_words_do(text: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize("text", [
    "Active clinically serious infection > Common Toxicity Criteria for Adverse Effects (CTCAE) grade 2.",
    "Subjects with valvular heart disease Common Terminology Criteria for Adverse Events (CTCAE) (version 4.0) grade 2",
    "Pre-existing peripheral neuropathy ≥ Common toxicity criteria (CTC) grade 2.",
    "No peripheral neuropathy > NCI toxicity grade 2",
    "Any vomiting, retching or National Cancer Institute (NCI) Common Terminology Criteria for Adverse Events, version 3.0, Grade 2-4 nausea",
])
def test_the_scale_grading_another_condition_asks_no_toxicity_grade(text: str) -> None:
    for ctype in (INC, EXC):
        assert "toxicity-grade" not in rule_of(text, ctype)


@pytest.mark.parametrize("words,left", [
    (" (i.e. > Common Terminology Criteria for Adverse Events [CTCAE] ", " (i.e. >"),
    (" greater than NCI-CTCAE v 3.0 ", " greater than"),
    (" (=CTCAE ", " (="),
    (" from prior therapy > ", " from prior therapy >"),
])
def test_the_scales_name_is_taken_off_the_words_before_a_grade(words: str, left: str) -> None:
    assert without_scale(words).rstrip() == left


@pytest.mark.parametrize("text,read", [
    ("At least 28 days since prior significant traumatic injury No evidence of bleeding diathesis",
     "At least 28 days since prior significant traumatic injury. No evidence of bleeding diathesis"),
    ("performance score of 0 or Not pregnant", "performance score of 0 or Not pregnant"),  # the line's own "or"
    ("Grade 2 No more", "Grade 2 No more"),
])
def test_a_criterion_run_into_the_next_stops_at_its_seam(text: str, read: str) -> None:
    assert run_on_seams(text) == read


def test_hostile_texts_are_read_quickly() -> None:
    started = time.perf_counter()
    run_on_seams("x" * 20000 + " No a" * 4000)
    without_scale(" the" * 5000 + " NCI" * 5000)
    parse_line("toxicity " + "Common Terminology Criteria for Adverse Events " * 400 + "grade 2", EXC)
    parse_line("either " + "a " * 5000 + "or " + "b1 " * 4000, INC)
    parse_line("pathology requiring treatment (eg, " + "epilepsy, " * 2000 + ")", EXC)
    assert time.perf_counter() - started < 10.0
