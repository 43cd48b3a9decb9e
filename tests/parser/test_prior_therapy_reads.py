"""Prior-therapy shapes read for issue 14 (helper rx), each counted in the corpus in its commit:
the lead that only says a therapy was received ("Receipt of", "Recipients of", a graft's trailing
"recipients"), the kinds of growth factor and warfarin named whole, the antibodies named by their
lymphoid antigen, a half-life washout tied to its therapy, and hydroxyurea's exception with a
second care beside it. Wording paraphrased from registry lines.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.one_line import decide, facts

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION


def reading(ctype: CriterionType, text: str) -> str:
    c = parse_line(text, ctype)
    return render_rule(c.expr, c.applies_if)


READINGS = [
    # the receipt of a therapy or graft opening the line is what "Received" asks
    (E, "Receipt of any investigational medication within 4 weeks prior to enrollment", "investigational-agent within 4 weeks"),
    (E, "Recipients of allogeneic stem cell transplant", "allo-HSCT"),
    (I, "Allo-HSCT recipients", "allo-HSCT"),
    # the hematopoietic colony-stimulating factors named whole are the growth factor
    (E, "Treatment with any hematopoietic colony-stimulating growth factors within 1 week of study drug", "growth-factor within 1 week"),
    # a therapeutic dose of warfarin is the vitamin K antagonist taken
    (E, "Use of therapeutic warfarin", "vitamin-K-antagonist"),
    # antibodies named by their antigen
    (E, "Previous treatment with any anti-CD30 directed therapy", "CD30-directed-therapy"),
    (E, "Former treatment with anti-CD20 antibody", "CD20-directed-therapy"),
    (E, "Patient has received daratumumab or other anti-CD38 therapies previously", "named-medication is daratumumab or CD38-directed-therapy"),
    # the antigen alone is the disease's marker, no therapy
    (I, "CD20-positive B-cell lymphoma", "CD20 is positive and B-cell-lymphoma"),
    # the half-lives of the same therapy: asked only of a patient who had it
    (E, "Use of any investigational drug within 28 days or 5 half-lives, whichever is longer",
     'investigational-agent within 28 days or (investigational-agent and review unparsed "5 half-lives … whichever is longer")'),
]


@pytest.mark.parametrize("ctype, text, expected", READINGS)
def test_reading(ctype: CriterionType, text: str, expected: str) -> None:
    assert reading(ctype, text) == expected


HALF_LIFE = "Use of an investigational agent within 30 days or 5 half-lives, whichever is longer, preceding the first dose"
KINASE = "Received another investigational agent within 30 days or a small-molecule kinase inhibitor within 14 days or 5 half-lives"
HYDROXYUREA_STEROIDS = "Systemic chemotherapy (with the exception of hydroxyurea and/or steroids) within 14 days prior to the first dose"
HYDROXYUREA_PHERESIS = "Anti-cancer therapy within 14 days before study entry with the exception of hydroxyurea or leukapheresis for leukocytosis"

DECISIONS = [
    # no investigational agent at all: neither the days nor the half-lives can hold
    (E, HALF_LIFE, facts(), NOT_MET),
    (E, HALF_LIFE, facts(investigational_agent=10), MET),
    (E, HALF_LIFE, facts(investigational_agent=60), UNKNOWN),  # its half-lives are a person's
    # a half-life alternative naming another therapy keeps its own review: a clean record stays open
    (E, KINASE, facts(), UNKNOWN),
    # hydroxyurea's exception with a second care that is no anticancer therapy
    (E, HYDROXYUREA_STEROIDS, facts(steroid_therapy=3), NOT_MET),
    (E, HYDROXYUREA_STEROIDS, facts(chemotherapy=5), MET),
    (E, HYDROXYUREA_PHERESIS, facts(hydroxyurea=2), NOT_MET),
    (E, HYDROXYUREA_PHERESIS, facts(anticancer_therapy=5), MET),
    # an anti-CD20 antibody is immunotherapy
    (I, "No other concurrent chemotherapy, immunotherapy, or radiotherapy", facts(cd20_directed_therapy=7), NOT_MET),
]


@pytest.mark.parametrize("ctype, text, record, expected", DECISIONS)
def test_decision(ctype: CriterionType, text: str, record: PatientFacts, expected: Outcome) -> None:
    assert decide(ctype, text, record) is expected
