"""Therapies named by what they are against or by who takes them now (issue 14, rx10):

* "anti-leukemia therapy", "anti-lymphoma therapy", "antileukemic treatment" are anticancer
  therapy; "cancer immunotherapy", "anti-cancer immunotherapy", "antineoplastic chemotherapy" the
  class alone (``parser.disease_directed_therapy``). Before, the disease word was read as the
  disease ("Prior anti-lymphoma therapy" excluded every lymphoma) or left a review beside the class;
* "Patients on proton pump inhibitors" (an exclusion) asks for the drug now, as "Patients
  receiving ..." does (``topics.events._NOW_PATIENTS``); read as ever, a course stopped a year ago
  excluded;
* a line opening "On" a therapy ("On immunosuppressive or other anti-leukemic therapy") asks for it
  now too; a heading's window ("Any of the following within 14 days prior to ...:") dates each
  therapy listed under it (``parser.heading_windows``), as it dates an infarction;
* "chemotherapy (except hydroxyurea) for any myeloid disorder": an exception whole in its brackets
  excepts hydroxyurea whatever follows it (``remarks.HYDROXYUREA_EXCEPTED``); dropped, a patient
  given hydroxyurea alone was unknown.
"""

from __future__ import annotations

import re
import time

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.parser.disease_directed_therapy import ROWS
from rules_engine.parser.remarks import HYDROXYUREA_BRACKETED
from rules_engine.reference import evaluate_reference
from rules_engine.rule_language.render import render_rule
from tests.fixtures.records import AS_OF, condition, healthy, medication

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION


def rule(ctype: CriterionType, line: str) -> str:
    criterion = parse_lines([(ctype, line)])[0]
    return render_rule(criterion.expr, criterion.applies_if)


def decide(ctype: CriterionType, line: str, *parts) -> Outcome:  # type: ignore[no-untyped-def]
    trial = TrialCriteria("NCT00000010", 1, parse_lines([(ctype, line)]))
    return evaluate_reference(trial, healthy(*parts), AS_OF).criteria[0].outcome


@pytest.mark.parametrize(
    "ctype,line,expected",
    [
        (E, "Prior anti-leukemia therapy within 2 weeks of study entry", "anticancer-therapy within 2 weeks"),
        (E, "Antileukemic treatment within 14 days", "anticancer-therapy within 14 days"),
        (E, "Prior anti-lymphoma therapy", "anticancer-therapy"),
        (E, "Prior anti-myeloma therapy within 14 days", "anticancer-therapy within 14 days"),
        (E, "Any anti-leukaemic chemotherapy within 2 weeks", "chemotherapy within 2 weeks"),
        (E, "Prior antineoplastic chemotherapy within 2 weeks", "chemotherapy within 2 weeks"),
        (E, "Prior anti-tumor immunotherapy within 4 weeks", "immunotherapy within 4 weeks"),
        (
            E,
            "Patients who have received cancer immunotherapy of any type within the past 2 weeks",
            "immunotherapy within 2 weeks",
        ),
        (E, "Prior cancer immunotherapy", "immunotherapy"),
        (
            E,
            "Prior therapy with any cancer immunotherapy, MEK inhibitor, or regorafenib",
            "immunotherapy or MEK-inhibitor or named-medication is regorafenib",
        ),
        (E, "Prior anti-leukemia therapy (except hydroxyurea)", "anticancer-therapy other than (hydroxyurea)"),
        (E, "Anti-myeloma drug therapy.", "anticancer-therapy"),
    ],
)
def test_a_therapy_against_the_disease_is_read_as_its_class(ctype, line, expected):
    assert rule(ctype, line) == expected


def test_a_condition_clause_on_a_drug_keeps_the_conditional_reading():
    # "If on X, must not ..." is the conditional reader's: the lowercase "on" after "If" is no
    # line opening "On" (read as one, the exclusion became "X or ...", failing every patient on X)
    assert rule(E, "If on antiretroviral therapy, must not be taking zidovudine or stavudine.").startswith(
        "antiretroviral-therapy and "
    )


@pytest.mark.parametrize(
    "line",
    [
        "Prior breast cancer immunotherapy",  # a site names which cancer: left to the readers of that
        "Known anti-leukemia antibody response",  # no therapy noun after it
    ],
)
def test_a_site_or_another_noun_keeps_its_words(line):
    assert "anticancer-therapy" not in rule(E, line)


@pytest.mark.parametrize(
    "line,parts,expected",
    [
        ("Prior anti-lymphoma therapy", (condition("lymphoma"),), NOT_MET),  # the disease alone is no therapy
        ("Prior anti-lymphoma therapy", (condition("lymphoma"), medication("chemotherapy", 200)), MET),
        ("Prior anti-leukemia therapy within 2 weeks", (medication("chemotherapy", 5),), MET),
        ("Prior anti-leukemia therapy within 2 weeks", (medication("chemotherapy", 60),), NOT_MET),
        ("Prior cancer immunotherapy", (condition("aml"),), NOT_MET),  # the trial's cancer is no immunotherapy
        ("Prior cancer immunotherapy", (medication("immunotherapy", 100),), MET),
    ],
)
def test_anti_disease_therapy_is_decided_by_the_record(line, parts, expected):
    assert decide(E, line, *parts) is expected


@pytest.mark.parametrize(
    "line,parts,expected",
    [
        ("Patients on proton pump inhibitors", (medication("proton_pump_inhibitor", 3),), MET),
        ("Patients on proton pump inhibitors", (medication("proton_pump_inhibitor", 400),), NOT_MET),
        ("Patients on proton pump inhibitors", (), NOT_MET),
        ("Patients on proton pump inhibitors", (medication("proton_pump_inhibitor", 30),), NOT_MET),
        ("Patients on warfarin", (medication("vitamin_k_antagonist", 2),), MET),
        ("On immunosuppressive or other anti-leukemic therapy", (medication("chemotherapy", 5),), MET),
        ("On immunosuppressive or other anti-leukemic therapy", (medication("chemotherapy", 200),), NOT_MET),
        (
            "On immunosuppressive or other anti-leukemic therapy",
            (medication("chemotherapy", 40),),
            UNKNOWN,
        ),  # between courses?
    ],
)
def test_patients_on_a_drug_take_it_now(line, parts, expected):
    assert decide(E, line, *parts) is expected


HEADED = [
    (E, "Any of the following within 14 days prior to initiation of study treatment:"),
    (E, "Major surgery", 0),
    (E, "Radiation therapy", 0),
    (E, "Anti-myeloma drug therapy.", 0),
]


@pytest.mark.parametrize(
    "parts,expected",
    [
        ((medication("chemotherapy", 5),), MET),
        ((medication("chemotherapy", 200), medication("radiotherapy", 300)), NOT_MET),  # relapsed, treated long ago
        ((), NOT_MET),
    ],
)
def test_a_heading_window_dates_the_therapies_listed_under_it(parts, expected):
    trial = TrialCriteria("NCT00000011", 1, parse_lines(HEADED))
    assert evaluate_reference(trial, healthy(*parts), AS_OF).criteria[0].outcome is expected


@pytest.mark.parametrize(
    "line,expected",
    [
        (
            "Must not have received previous chemotherapy (except hydroxyurea) for any myeloid disorder.",
            "chemotherapy other than (hydroxyurea)",
        ),
        (
            "Prior chemotherapy (except hydroxyurea) within 2 weeks",
            "chemotherapy other than (hydroxyurea) within 2 weeks",
        ),
        (
            "Prior chemotherapy (with the exception of hydroxycarbamide) within 2 weeks",
            "chemotherapy other than (hydroxyurea) within 2 weeks",
        ),
    ],
)
def test_a_bracketed_hydroxyurea_exception_is_read_whatever_follows(line, expected):
    assert rule(E, line) == expected


@pytest.mark.parametrize(
    "parts,expected",
    [
        ((medication("hydroxyurea", 5),), NOT_MET),
        ((medication("hydroxyurea", 5), medication("chemotherapy", 100)), MET),
        ((), NOT_MET),
    ],
)
def test_hydroxyurea_excepted_in_brackets_decides(parts, expected):
    line = "Must not have received previous chemotherapy (except hydroxyurea) for any myeloid disorder."
    assert decide(E, line, *parts) is expected


# 50,000 characters of each pattern's worst repetition (a linear scan: the bound is generous, the
# machine is shared)
@pytest.mark.parametrize(
    "pattern,text",
    [
        *[(p, ("anti " * 10000)[:50000]) for p, _r, _g in ROWS],
        *[(p, ("anti-leukemia " * 4000)[:50000]) for p, _r, _g in ROWS],
        *[(p, ("any cancer " * 5000)[:50000]) for p, _r, _g in ROWS],
        (HYDROXYUREA_BRACKETED, ("(except " + "hydroxyurea " * 5000)[:50000]),
        (HYDROXYUREA_BRACKETED, ("( " * 25000 + "except hydroxyurea")[:50000]),
        (HYDROXYUREA_BRACKETED, ("(with the exception of " * 3000)[:50000]),
    ],
)
def test_patterns_are_bounded_on_adversarial_text(pattern, text):
    compiled = re.compile(pattern, re.I)
    start = time.perf_counter()
    compiled.search(text)
    assert time.perf_counter() - start < 0.2
