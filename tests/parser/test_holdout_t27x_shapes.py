"""Shapes the T271-T275 holdout trials (dasatinib continued for CML after imatinib, dasatinib with
BMS-833923, busulfan-cyclophosphamide for Ph+ CML, laromustine for CLL, haploidentical NK cells
for NHL or CLL; ``test_holdout_trials``) misread, each fixed in its general form and pinned here
with real corpus lines (``../shared/corpus`` criteria texts):

* An age bound with its sign written before the word ("Patients with Philadelphia (Ph) chromosome
  positive CML < age 65 and older than 21 years", "≥ 18 years of age and ≤ age 70"; 2 corpus
  lines read differently, both read): "age < 65", as "age < 65" is read, with a lower bound
  written after it ("and > 21 years"). Neither the sign nor the number is a word, and "age"
  restates the topic, so the bound vanished from the line unread: a 75-year-old passed "≤ age 70",
  and "< age 65" left only the unread lower bound (every patient unknown). An age that scopes
  something else stays as it was: the patients a value is for ("Lansky Performance Index > 50 for
  pediatric patients < age 10 years") and an age with a finding ("heart block or ≥ age 60 with an
  left ventricular ejection fraction < 50%").
* A named drug an inclusion asks the patient to have failed ("Resistant or intolerant to prior
  imatinib mesylate", "Must be refractory to treatment with imatinib mesylate or dasatinib",
  "Chronic myelogenous leukemia resistant to imatinib therapy"; 8 corpus lines read differently,
  4 of them headings holding such a line, all read): the drug was given. A record naming none of them fails the
  line; one naming it is met when the disease on record is refractory (or, where the line allows
  intolerance, the drug's intolerance is on record), else a person's. The line was a bare review,
  so a CML given dasatinib first was possibly eligible for a trial of patients who failed
  imatinib. Another drug's intolerance after "or" ("Resistance to imatinib or intolerance to
  dasatinib") is the other way in (it was read as a second requirement, so a CML resistant to
  imatinib failed). An exclusion's intolerance ("Intolerance to dasatinib and/or bortezomib") is the drug
  hypersensitivity it was, and a sentence with an alternative ("chronic or accelerated phase who
  are resistant to imatinib"), a permission ("... will be eligible") or a subgroup named before
  ("Original 5q must also be refractory to lenalidomide"), or a karyotype a list of adverse features
  defines ("t(9;22) refractory to imatinib mesylate") stays a person's.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import Any_, CriterionType, Op, Predicate, iter_predicates
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, allergy, condition, medication, result

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

CML = condition("cml", 900)
REFRACTORY = condition("refractory", 60)


def named(drug: str, days_ago: int = 30) -> object:
    """A drug on record by name (the intake's named_medication)."""
    return medication("named_medication", days_ago, quote=drug, words=drug)


ROWS = [
    # -- the sign before the word "age"
    ("≥ 18 years of age and ≤ age 70.", I, [adult(years=45), adult(years=70)], [adult(years=75), adult(years=17)], []),
    ("Patients < age 65", I, [adult(years=64)], [adult(years=65)], []),
    ("Patients with chronic myeloid leukemia < age 65 and older than 21 years.", I,
     [adult(CML, years=45), adult(CML, years=22)], [adult(CML, years=65), adult(CML, years=21), adult(years=45)], []),
    # (an upper bound alone: the disease and the age)
    ("Patients with chronic myeloid leukemia ≤ age 60", I, [adult(CML, years=60)], [adult(CML, years=61)], []),
    # (a lower bound written first is read as before)
    ("Patients ≥ age 18 years", I, [adult(years=30)], [adult(years=16)], []),
    # -- a named drug the patient must have failed
    ("Resistant or intolerant to prior imatinib mesylate", I,
     [adult(named("imatinib"), REFRACTORY), adult(named("imatinib"), allergy("imatinib"))], [adult(named("dasatinib"))], [adult(named("imatinib"))]),
    ("Must be refractory to treatment with imatinib mesylate or dasatinib", I,
     [adult(named("dasatinib"), REFRACTORY)], [adult(named("nilotinib"))], [adult(named("imatinib")), adult(named("imatinib"), allergy("imatinib"))]),
    ("Chronic myelogenous leukemia resistant to imatinib therapy", I,
     [adult(CML, named("imatinib"), REFRACTORY)], [adult(CML, named("dasatinib")), adult(named("imatinib"), REFRACTORY)], [adult(CML, named("imatinib"))]),
    # the resistance's origin and the same drug's intolerance written as the second alternative
    # are one failure; an "or" in whom the line is for, before its "must have", offers no
    # alternative to it (holdout T311: a patient never given imatinib passed)
    ("Subjects must have primary or acquired resistance to Imatinib mesylate or have intolerance of imatinib mesylate", I,
     [adult(named("imatinib"), REFRACTORY), adult(named("imatinib"), allergy("imatinib"))], [adult(), adult(named("dasatinib"))], [adult(named("imatinib"))]),
    ("Primary or acquired resistance to imatinib", I, [adult(named("imatinib"), REFRACTORY)], [adult()], []),
    # (another drug's intolerance is the other way in: either failure meets the line, neither drug given fails it)
    ("Resistance to imatinib or intolerance of dasatinib", I, [adult(named("imatinib"), REFRACTORY), adult(allergy("dasatinib"))],
     [adult()], [adult(named("imatinib")), adult(named("dasatinib"))]),
    ("Resistance to imatinib or intolerance to dasatinib", I, [adult(named("imatinib"), REFRACTORY), adult(allergy("dasatinib"))],
     [adult(), adult(named("nilotinib"))], [adult(named("dasatinib"))]),
    # (an exclusion's intolerance is the hypersensitivity it was)
    ("Intolerance to dasatinib and/or bortezomib", E, [adult(allergy("dasatinib"))], [adult()], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_t27x_holdout_shape_is_read_for_what_it_asks(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize("text, kind", [
    ("Prior history of cardiac disease: tachycardia, heart block or ≥ age 60 with an left ventricular ejection fraction < 50%", E),
])
def test_an_age_that_scopes_something_else_is_no_bound_of_the_line(text: str, kind: CriterionType) -> None:
    """An age with a finding: no patient is asked the age itself."""
    assert not any(p.concept == "age" for p in iter_predicates(parse_line(text, kind).expr))


def test_the_patients_a_score_is_for_are_its_scope_not_a_bound_of_the_line() -> None:
    """"Lansky > 50 for pediatric patients < age 10 years": the age is whom the score concerns
    (performance._AGE_SCOPE), met for the other ages, never asked of every patient."""
    expr = parse_line("Lansky Performance Index > 50 for pediatric patients < age 10 years.", I).expr
    assert expr == Any_((Predicate("age", Op.GTE, 10, "a"), Predicate("lansky", Op.GT, 50, "%")))


@pytest.mark.parametrize("text, facts", [
    # (a line that admits the patients it names: a permission the reading would have turned round)
    ("Patients who have failed nilotinib, including those who are refractory to nilotinib at any dose will be eligible for the study.",
     adult(named("dasatinib"))),
    # (an alternative in the sentence: the drug is not asked of every alternative. A CML's phases
    # are no such alternative, "Ph+ CML patients in chronic or accelerated phase who are resistant
    # or intolerant to Imatinib mesylate" asks the failure of every patient it names: fi,
    # test_named_drug_windows_and_cml_failure_lines)
    ("Relapsed after nivolumab treatment or refractory to nivolumab treatment", adult(named("pembrolizumab"))),
    # (another line's subgroup, named before "also"; a karyotype a list of adverse features defines)
    ("Original 5q must also be refractory to lenalidomide", adult(named("azacitidine"))),
    ("t(9;22) refractory to imatinib mesylate", adult(named("dasatinib"), result("bcr_abl1", "positive"))),
])
def test_a_failed_drug_the_sentence_scopes_otherwise_stays_a_persons(text: str, facts: PatientFacts) -> None:
    """Neither met nor failed by the drug's absence: a person reads these lines, as before."""
    assert judged(parse_line(text, I), facts) is UNKNOWN


def test_an_or_in_whom_the_line_is_for_leaves_the_failure_asked_of_all() -> None:
    """"Ph+ or bcr-abl positive ... CML subjects must have ... resistance to imatinib": the failure is
    a further requirement beside the disease, never an alternative to it."""
    line = parse_line("Philadelphia chromosome positive or bcr-abl gene positive Chronic phase Chronic Myelogenous Leukemia (CML) subjects must "
                      "have primary or acquired resistance to Imatinib mesylate or have intolerance of imatinib mesylate", I)
    assert judged(line, adult(CML, result("bcr_abl1", "positive"))) is Outcome.NOT_MET  # never given imatinib
