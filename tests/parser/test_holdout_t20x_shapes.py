"""Shapes the T201-T205 holdout trials (sorafenib after a transplant for FLT3-ITD AML, nivolumab
for MDS after failure, clofarabine with plerixafor, ASTX727 against decitabine, arsenic trioxide
with azacitidine; ``test_holdout_trials``) misread, each fixed in its general form and pinned here
with real corpus lines (``../shared/corpus`` criteria texts; counts are over its 1,883 trials):

* A sentence the registry wrapped just before the word "inclusion" or "eligibility criteria"
  ("... requiring treatment at the time of" / "inclusion"; 5 corpus lines): the lower-case run-on
  line is the sentence's end, never a type heading. Taken as an inclusion heading it turned every
  exclusion after it into an inclusion, so a patient given an anti-PD-1 antibody was eligible.
* Two kinds of anticancer therapy sharing one noun ("Treatment with cytotoxic or experimental
  agents within 30 days", "cytotoxic or biologic therapy", "anticancer or investigational
  therapy"; 12 corpus lines): each kind with the noun. The first was left an unread alternative,
  so cytarabine given ten days ago never excluded.
* A line opening on the treatment given ("Treatment with investigational agents within the last
  4 weeks", "Treatment with any other investigational agent"; about 60 corpus lines before a kind
  of therapy): read as "Received" reads it. The lead was an and-ed unsupported review, so the
  line was unknown for every patient. Before a product's name the lead stays as written (the
  products topic reads it so).
* A window counted back to the study's first treatment in other words ("within 30 days of first
  study treatment", "of initial study treatment", "before first treatment with ATO/Azacitidine";
  about 40 corpus lines): the window from today, as "the first dose of study drug" is read. The
  words were an and-ed unsupported review.
* A bracket singling one kind out ("cardiac dysfunction (particularly congestive heart
  failure)", "especially immune deficiency syndromes"; 3 corpus lines): the marker says nothing
  of its own, so the kind named is read as "including" reads it (the marker was an and-ed review,
  so heart failure on record never excluded).
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, split_criteria
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, medication, procedure

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

ROWS = [
    # -- two kinds of anticancer therapy sharing one noun
    ("Treatment with cytotoxic or experimental agents within 30 days before first treatment with ATO/Azacitidine", E,
     [adult(medication("chemotherapy", 10)), adult(medication("investigational_agent", 10))],
     [adult(), adult(medication("chemotherapy", 60))], []),
    ("Prior cytotoxic or immunosuppressive therapy within 4 weeks", E,
     [adult(medication("chemotherapy", 10))], [adult(), adult(medication("chemotherapy", 60))], []),
    ("No concurrent anticancer or investigational therapy for at least 4 weeks prior to enrollment", I,
     [adult(), adult(medication("anticancer_therapy", 60))], [adult(medication("anticancer_therapy", 10))], []),
    # -- a line opening on the treatment given
    ("Treatment with investigational agents within the last 4 weeks.", E,
     [adult(medication("investigational_agent", 10))], [adult(), adult(medication("investigational_agent", 60))], []),
    ("Treatment with any other investigational agent", E, [adult(medication("investigational_agent", 400))], [adult()], []),
    ("Treatment with any chemotherapy or biologic therapy within 4 weeks prior to enrollment", E,
     [adult(medication("chemotherapy", 10))], [adult(), adult(medication("chemotherapy", 60))], []),
    # (before a product's name the lead stays: both products are read)
    ("Treatment with Gemcitabine or Pemetrexed", E, [], [adult()], []),
    # -- a window counted back to the study's first treatment
    ("No major surgery within 30 days of first study treatment.", I,
     [adult(), adult(procedure("major_surgery", 60))], [adult(procedure("major_surgery", 14))], []),
    ("Radiotherapy to target lesions during study or within 4 weeks of first study treatment", E,
     [adult(procedure("radiotherapy", 10))], [adult(), adult(procedure("radiotherapy", 60))], []),
    ("Investigational agents within 4 weeks of initial study treatment.", E,
     [adult(medication("investigational_agent", 10))], [adult()], []),
    ("Treatment with growth factors within the 30 days before first treatment with ATO/Azacitidine", E,
     [adult(medication("growth_factor", 5))], [adult(), adult(medication("growth_factor", 90))], []),
    # -- a bracket singling one kind out
    ("cardiac dysfunction (particularly congestive heart failure)", E, [adult(condition("heart_failure", 700))], [], [adult()]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_t20x_holdout_shape_is_read_for_what_it_asks(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Treatment with Gemcitabine or Pemetrexed",
        "Received docetaxel or gemcitabine",
    ],
    ids=["treatment-with", "received"],
)
def test_a_lead_before_products_keeps_every_product(text: str) -> None:
    rendered = str(parse_line(text, E).expr)
    assert "review" not in rendered.lower(), rendered


# (text, [(type, line text)]): the lines the splitter makes
WRAPS = [
    ("Exclusion Criteria:\n\n  -  Active, known or suspected autoimmune disease requiring treatment at the time of\n"
     "     inclusion\n\n  -  Pregnancy or breastfeeding\n",
     [(E, "Active, known or suspected autoimmune disease requiring treatment at the time of inclusion"), (E, "Pregnancy or breastfeeding")]),
    ("Exclusion Criteria:\n\n  -  Patients with t-AML are eligible, provided they meet all\n     other eligibility criteria.\n\n  -  Pregnant\n",
     [(E, "Patients with t-AML are eligible, provided they meet all other eligibility criteria."), (E, "Pregnant")]),
    # (a heading on its own line still sets the type, in either case)
    ("Inclusion Criteria:\n\n  -  Age 18\n\nexclusion criteria:\n\n  -  Pregnant\n", [(I, "Age 18"), (E, "Pregnant")]),
]


@pytest.mark.parametrize(("text", "expected"), WRAPS, ids=["inclusion-word", "eligibility-criteria", "heading-after-blank"])
def test_a_wrapped_type_word_ends_its_sentence_and_switches_nothing(text: str, expected: list[tuple[CriterionType, str]]) -> None:
    assert [(line.type, line.text) for line in split_criteria(text)] == expected
