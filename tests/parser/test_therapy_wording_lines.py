"""Prior and current therapies as registries word them (issue 14, rx9).

* "immunomodulating agents" is the immunomodulatory drug class in another spelling;
* products joined by "or" after a drug class share its window ("Cytotoxic chemotherapy or prior
  azacitidine or decitabine within 4 weeks": the two names were one review);
* a treatment named by the patient's own disease with the lead registries give it ("Any prior
  treatment for CML, including TKIs", "Currently receiving any treatment for MDS other
  than transfusions", "No other concurrent treatment for CML except ...") is anticancer therapy,
  with the supportive care a marrow disease is treated with left to a person;
* an exclusion's conditional requirement ("If received any investigational agent prior to this
  time point, drug-related toxicities must have recovered to Grade 1 or less") excludes where the
  requirement is unmet, never where it is met;
* "no evidence of systolic dysfunction" after an inclusion's ejection fraction denies a cardiac
  dysfunction, which a heart failure on record is by definition.

The lines are the corpus's own wordings; each record is judged by the reference evaluator.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.exclusion_requirements import states_requirement
from rules_engine.parser.topics.events import _TREATMENT_FOR_DISEASE
from rules_engine.parser.topics.listed_products import _joined
from rules_engine.parser.topics.therapy_for_cancer import _SHAPE, _TRANSFUSION_EXCEPTED
from tests.fixtures.judging import judged, rule_of
from tests.fixtures.records import adult, condition, lvef, medication

INC = CriterionType.INCLUSION
EXC = CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN


def named(words: str, days_ago: int | None = 200):
    return medication("named_medication", days_ago, quote=words, words=words)


MDS_AGENTS = "Received hypomethylating agents, immunomodulating agents, histone deacetylase inhibitors, cyclosporine, or mycophenolate within 4 weeks of start of treatment"  # NCT01362036
HMA_OR = "Cytotoxic chemotherapy or prior azacitidine or decitabine within 4 weeks of first dose of study treatment."  # NCT03306264
CML_PRIOR = "Any prior treatment for CML, including tyrosine kinase inhibitors (TKIs)"  # NCT02130557's, without "medical"
MEDICAL = "Any prior medical treatment for CML, including tyrosine kinase inhibitors (TKIs), with the exception of hydroxyurea and/or anagrelide treatment"  # NCT02130557
MDS_NOW = "Currently receiving any treatment for MDS other than transfusions (last transfusion must be at least 4 weeks prior to treatment)."  # NCT01362036
CML_NOW = "No other concurrent treatment for CML except for hydroxyurea for a 2-week duration"  # NCT00345826
ANOTHER = "Patients who are receiving therapy for another active malignancy"  # NCT01849276
INVESTIGATIONAL = (  # NCT01160354
    "Investigational agent received within 30 days prior to the first dose of study drug. If received any investigational agent prior to "
    "this time point, drug-related toxicities must have recovered to Grade 1 or less prior to first dose of study drug."
)
SINCE = "If prior chemotherapy, must be at least 4 weeks since"
HEART = "Adequate heart function with echocardiogram demonstrating ejection fraction ≥ 45% with no evidence of systolic dysfunction"  # NCT02234037
DYSFUNCTION = "History of cardiac dysfunction"


@pytest.mark.parametrize(
    "text,ctype,rule",
    [
        (MDS_AGENTS, EXC, "hypomethylating-agent within 4 weeks or immunomodulatory-drug within 4 weeks or HDAC-inhibitor within 4 weeks or immunosuppressant-therapy within 4 weeks"),
        (HMA_OR, EXC, "chemotherapy within 4 weeks or named-medication is azacitidine within 4 weeks or named-medication is decitabine within 4 weeks"),
        (SINCE, EXC, "chemotherapy and chemotherapy within 4 weeks exclusive"),
        (INVESTIGATIONAL, EXC, 'investigational-agent within 30 days or (investigational-agent and not (toxicity-grade <= 1 and review unsupported "drug-related"))'),
    ],
    ids=["immunomodulating", "or-joined-products", "if-since", "if-recovered"],
)
def test_the_line_reads_as_written(text, ctype, rule):
    assert rule_of(text, ctype) == rule


@pytest.mark.parametrize("text,ctype", [(CML_PRIOR, EXC), (MDS_NOW, EXC), (CML_NOW, INC)], ids=["cml-prior", "mds-now", "cml-concurrent"])
def test_a_treatment_for_the_patients_disease_is_anticancer_therapy(text, ctype):
    rule = rule_of(text, ctype)
    assert "anticancer-therapy" in rule
    assert not any(lead in rule for lead in ("medical for", "receiving any", "concurrent treatment"))  # no lead left a review beside it


def test_a_therapy_for_another_cancer_is_no_treatment_of_the_patients_own():
    assert "anticancer-therapy" not in rule_of(ANOTHER, EXC)


def test_a_medical_treatment_is_left_to_a_person():
    """Drugs only, with drug exceptions the anticancer therapy of a record does not tell apart
    (its radiotherapy, an anagrelide): no anticancer therapy is read for it."""
    assert "anticancer-therapy" not in rule_of(MEDICAL, EXC)


def test_excepted_transfusions_are_no_treatment_asked_about():
    """"other than transfusions": a transfusion on record does not make the line a person's."""
    assert "transfusion within 28 days" not in rule_of(MDS_NOW, EXC)


# (line, type, record, outcome): met means an exclusion holds (the patient is excluded)
ROWS = [
    (HMA_OR, EXC, adult(), NOT_MET),
    (HMA_OR, EXC, adult(named("decitabine", 14)), MET),
    (HMA_OR, EXC, adult(named("decitabine", 90)), NOT_MET),
    (MDS_AGENTS, EXC, adult(medication("immunomodulatory_drug", 10)), MET),
    (CML_PRIOR, EXC, adult(), NOT_MET),
    (CML_PRIOR, EXC, adult(medication("chemotherapy", 400)), MET),
    (CML_PRIOR, EXC, adult(medication("growth_factor", 10)), UNKNOWN),  # what the supportive care was for is a person's
    (MDS_NOW, EXC, adult(), NOT_MET),
    (MDS_NOW, EXC, adult(medication("hypomethylating_agent", 3)), UNKNOWN),  # the transfusion requirement beside it stays a person's
    (MDS_NOW, EXC, adult(medication("hypomethylating_agent", 200)), NOT_MET),
    (CML_NOW, INC, adult(), MET),
    (CML_NOW, INC, adult(medication("chemotherapy", 3)), UNKNOWN),  # whether it is the hydroxyurea the line lets be is a person's
    (SINCE, EXC, adult(), NOT_MET),
    (SINCE, EXC, adult(medication("chemotherapy", 10)), MET),
    (SINCE, EXC, adult(medication("chemotherapy", 60)), NOT_MET),
    (INVESTIGATIONAL, EXC, adult(), NOT_MET),
    (INVESTIGATIONAL, EXC, adult(medication("investigational_agent", 10)), MET),
    (HEART, INC, adult(lvef(50), condition("heart_failure")), NOT_MET),
    (HEART, INC, adult(lvef(40)), NOT_MET),
    (HEART, INC, adult(lvef(60)), MET),  # no circulatory disease on record: no dysfunction (topics.cardiac_heads)
    (HEART, INC, adult(lvef(60), condition("cardiomyopathy")), UNKNOWN),  # what else "systolic dysfunction" may mean is a person's
    (DYSFUNCTION, EXC, adult(condition("heart_failure")), MET),
    (DYSFUNCTION, EXC, adult(lvef(60)), NOT_MET),  # (topics.cardiac_heads)
    (DYSFUNCTION, EXC, adult(lvef(60), condition("cardiomyopathy")), UNKNOWN),
]


@pytest.mark.parametrize("text,ctype,facts,expected", ROWS, ids=[f"{r[0][:30]}-{k}" for k, r in enumerate(ROWS)])
def test_each_record_is_judged_by_the_line(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize(
    "words,asks",
    [
        ("drug-related toxicities must have recovered to Grade 1 or less", True),
        ("must be at least 4 weeks since", True),
        ("patients must not have received chemotherapy", False),
        ("patients must be excluded", False),
        ("patients will be excluded", False),
        ("at least 100 days since it", False),
    ],
)
def test_what_states_a_requirement(words, asks):
    assert states_requirement(words) is asks


@pytest.mark.parametrize(
    "check",
    [
        lambda: states_requirement("must " * 1000 + "x"),
        lambda: states_requirement("should also " * 500),
        lambda: _joined("prior azacitidine or " * 250 + "x"),
        lambda: _TREATMENT_FOR_DISEASE.search("any other treatment for the " * 200 + "x"),
        lambda: _SHAPE.search("no prior treatment for " * 150 + "x"),
        lambda: _TRANSFUSION_EXCEPTED.search("other than red cell " * 250 + "x"),
    ],
    ids=["must-run", "also-run", "joined-run", "treatment-for-run", "shape-run", "transfusion-run"],
)
def test_the_patterns_stay_fast_on_adversarial_input(check):
    start = time.perf_counter()
    check()
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
