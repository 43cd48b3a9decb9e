"""Shapes the seed trials showed left partly read (issue 14), pinned in the rule language, one
behaviour per row; each shape was counted on the corpus (see the commit that added it)."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser.line import parse_line
from rules_engine.rule_language import render_rule

EXC = CriterionType.EXCLUSION

EXCLUSIONS = [
    # an exclusion's list of histories joined by "and" excludes by any of them
    ("HIV, hepatitis B and hepatitis C infection", "HIV or HBV or HCV"),
    ("Major surgery, and radiotherapy within 4 weeks", "major-surgery within 4 weeks or radiotherapy within 4 weeks"),
    # ... but "mixed A and B" / "A and B co-infection" is one thing having both
    ("Small cell lung cancer (including mixed small cell lung cancer and non-small cell lung cancer);", "SCLC and NSCLC"),
    # a live vaccine written "live or attenuated"
    ("Live or attenuated vaccine within 4 weeks", "live-vaccine within 4 weeks"),
    # the anchor a window counts back from (the cell infusion, the conditioning regimen) annotates
    ("Systemic steroids were used within 3 days before CAR NK-CD19 infusion;", "steroid-therapy within 3 days"),
    ("Administer live vaccine within ≤6 weeks prior to initiation of the pretreatment regimen", "live-vaccine within 6 weeks"),
    ("Corticosteroids within 7 days prior to lymphodepletion", "steroid-therapy within 7 days"),
    # a window after a list holds for every item, a few words of the next item's own between
    ("Had received other antitumor therapy or had an uncontrolled infection within 2 weeks",
     'anticancer-therapy within 2 weeks or (active-infection within 2 weeks and review "had an uncontrolled")'),
    ("Major surgery, open biopsy or significant traumatic injury within 4 weeks",
     'major-surgery within 4 weeks or open-biopsy within 4 weeks or traumatic-injury within 4 weeks'),
    # the grade of a toxicity of prior therapy, however the registry orders the words
    ("≥2 grade persistent nonhematologic toxicity of associated with prior treatment;", "toxicity-grade >= 2"),
    ("Severity of adverse events related to previous systemic immunotherapy (including other investigational drugs or medical device "
     "interventions) at screening not reduced to grade 1 or baseline status;", "toxicity-grade > 1"),
    ("toxicity attributed to previous anticancer therapy that did not resolve to CTCAE grade =1", "toxicity-grade > 1"),
    # an allergy to any drug is any drug allergy; anaphylaxis is the reaction its record states
    ("Known allergy to any drugs", "drug-hypersensitivity"),
    ("Patients with history of anaphylaxis to any drugs;", "drug-anaphylaxis is positive"),
    # qualifiers the record codes: a condition's severity, any vaccine, donor cells, a washout
    ("Severe autoimmune diseases or immunodeficiency diseases;", "severe-autoimmune-disease is positive or immunodeficiency"),
    ("Vaccination or any surgical procedure within 4 weeks prior to screening;", "vaccination within 4 weeks or surgery within 4 weeks"),
    ("Allogeneic cell therapy, major surgery, and live or attenuated vaccine had been received within 4 weeks prior to CAR NK-CD19 infusion;",
     "allogeneic-cell-therapy within 4 weeks or major-surgery within 4 weeks or live-vaccine within 4 weeks"),
    ("Discontinuation of immunosuppressants within 2 weeks prior to screening;", "immunosuppressant-therapy within 2 weeks"),
    ("Known allergies to study drugs or drugs that may be used in the study;", 'drug-hypersensitivity and review ambiguous "study drugs"'),
    # the APL karyotype written with a comma, t(15,17): the diagnosis it glosses
    ("Acute Promyelocytic Leukemia, t(15,17) (q22;q12);", "APL"),
    # an attenuated vaccine is a live one
    ("Administration of a live, attenuated vaccine within 4 weeks before Cycle 1, Day 1", "live-vaccine within 4 weeks"),
    ("Attenuated vaccine within 4 weeks", "live-vaccine within 4 weeks"),
    # taking part in another trial: its study drug is what a record shows
    ("Participate in other clinical experimenters during the same period", "investigational-agent"),
    ("Participation in another clinical trial within 28 days prior to randomization", "investigational-agent within 28 days"),
    # a primary immunodeficiency written "immune deficiency"
    ("Primary immune deficiency", "primary-immunodeficiency"),
    ("Congenital immune deficiency disease", "primary-immunodeficiency"),
]


@pytest.mark.parametrize("text,rule", EXCLUSIONS, ids=[t[:50] for t, _ in EXCLUSIONS])
def test_exclusion_reads_as_the_rule(text: str, rule: str) -> None:
    criterion = parse_line(text, EXC)
    assert render_rule(criterion.expr, criterion.applies_if) == rule


def test_another_subjects_grade_is_not_the_toxicity_grade() -> None:
    """"toxicity of study therapy ..., patients with peripheral neuropathy > Grade 1": the grade is
    the neuropathy's, not that of a toxicity of prior therapy."""
    text = "Due to potential toxicity associated with study therapy (particularly with paclitaxel), patients with peripheral neuropathy > Grade 1 will be excluded"
    criterion = parse_line(text, EXC)
    assert "toxicity-grade" not in render_rule(criterion.expr, criterion.applies_if)


def test_an_observational_study_leaves_the_trial_line_undecided() -> None:
    """"unless observational": a study that gives no drug is no investigational agent, so an agent
    on record decides nothing alone."""
    criterion = parse_line("Participation in another clinical study, unless observational", EXC)
    assert render_rule(criterion.expr, criterion.applies_if) == 'investigational-agent and review "unless observational"'
