"""Lists the text presents as alternatives, read as alternatives (the holdout's T164; the corpus's
enumerations closed by "or").

- An enumeration of diseases closed by "or" is any of them, a solid tumour among leukaemias too
  ("Recurrent or refractory solid tumor, ALL, or CML"): joined with AND, every patient failed it.
- "MM" stays unread (an unknown alternative): read as multiple myeloma it also took "therapy for MM"
  and "Last MM treatment" as the disease (60 corpus lines changed, several for the worse).
- "whose disease has relapsed" after such a list is the status of each disease, as "that has
  relapsed" is: bound to the last one alone, every AML met "AML, MDS, or MM whose disease has
  relapsed".
- An inclusion whose semicolon opens another group of patients ("Patients with AML ... whose
  disease has relapsed ...; elderly patients (>= 60 years) with AML ... who are not candidates for
  chemotherapy") offers either group; a bracketed bound in years after the people is their age.
- A line that says whom it lets in or keeps out ("... are eligible; patients with ... are also
  eligible") is no choice of groups and keeps its reading.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.reference import evaluate_reference
from rules_engine.rule_language import render_rule
from tests.fixtures.records import AS_OF, adult, condition

INC = CriterionType.INCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN


def decide(line: str, facts: PatientFacts) -> Outcome:
    trial = TrialCriteria("NCT00000097", 1, parse_lines([(INC, line)]))
    return evaluate_reference(trial, facts, AS_OF).criteria[0].outcome


@pytest.mark.parametrize(
    "line, read",
    [
        ("Solid tumor, ALL, or CML", "solid-tumor or ALL or CML"),
        ("Recurrent or refractory solid tumor, ALL, or CML", "(relapsed or refractory) and (solid-tumor or ALL or CML)"),
        ("Relapsed breast cancer, NSCLC, or melanoma", "relapsed and (breast-cancer or NSCLC or melanoma)"),
        ("Patients with AML, MDS, or multiple myeloma", "AML or MDS or multiple-myeloma"),
        ("Patients with AML, MDS, or multiple myeloma whose disease has relapsed", "(AML or MDS or multiple-myeloma) and relapsed"),
        ("Patients with AML whose disease has relapsed", "AML and relapsed"),
    ],
    ids=["tumor-among-leukemias", "status-over-the-list", "solid-cancers", "myeloma", "whose-over-the-list", "whose-one"],
)
def test_an_enumeration_closed_by_or_is_read_as_its_alternatives(line: str, read: str) -> None:
    c = parse_line(line, INC)
    assert render_rule(c.expr, c.applies_if) == read


GROUPS = (
    "Patients with AML, MDS, or multiple myeloma whose disease has relapsed or is refractory; "
    "elderly patients (≥ 60 years) with AML, MDS, multiple myeloma who are not candidates for chemotherapy"
)


@pytest.mark.parametrize(
    "line, facts, expected",
    [
        ("Solid tumor, ALL, or CML", adult(condition("cml")), MET),
        ("Solid tumor, ALL, or CML", adult(condition("solid_tumor")), MET),
        ("Solid tumor, ALL, or CML", adult(condition("cll")), NOT_MET),
        (GROUPS, adult(condition("multiple_myeloma"), condition("relapsed", 30), years=50), MET),
        (GROUPS, adult(condition("aml"), years=50), NOT_MET),
        (GROUPS, adult(condition("aml"), years=70), UNKNOWN),
        (GROUPS, adult(condition("cll"), condition("relapsed", 30), years=70), NOT_MET),
    ],
    ids=["cml", "tumor", "other-disease", "relapsed-group", "untreated-young", "untreated-old-unfit-asked", "disease-in-neither"],
)
def test_alternatives_are_met_by_any_and_failed_by_none(line: str, facts: PatientFacts, expected: Outcome) -> None:
    assert decide(line, facts) is expected


@pytest.mark.parametrize(
    "line",
    [
        "Patients with class I NYHA heart failure are eligible; patients with a history of class II NYHA heart failure are eligible, provided they meet the criteria",
        "Patients with active autoimmune hemolytic anemia are excluded; patients who have transfusion-dependent thrombocytopenia are excluded",
    ],
    ids=["eligible-statements", "excluded-statements"],
)
def test_a_line_of_permissions_is_no_choice_of_groups(line: str) -> None:
    """Its parts say whom it lets in or keeps out: not read as "one group or the other"."""
    from rules_engine.parser.alternatives import semicolon_or

    assert semicolon_or(line) == []
