"""Shapes of registry lines the coverage work reads (issue 14), each mined from ``../shared/corpus``
and counted in its commit: the line as registries write it (paraphrased), its reading, and how a
record decides it.

A reading that names a coded concept is decided by the record (contract section 4: a diagnosis
or therapy absent from the record is absent); words a person must judge stay a review beside it,
so they can make the outcome unknown but never flip it.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, Not, Op, Predicate, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.reference import evaluate_reference
from tests.fixtures.one_line import decide, facts
from tests.fixtures.records import AS_OF

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION


DYSPHAGIA = Predicate("dysphagia", Op.PRESENT)

# -- swallowing: a swallowing disorder is coded as dysphagia ------------------------------------

SWALLOWING_READINGS = [
    (E, "Inability to swallow oral medication.", DYSPHAGIA),
    (E, "Patient is unable to swallow the HKI-272 capsules", DYSPHAGIA),
    (E, "Difficulty swallowing capsules", DYSPHAGIA),
    (E, "Any condition that impairs the patient's ability to swallow whole pills.", DYSPHAGIA),
    (E, "Dysphagia", DYSPHAGIA),
    # the ability denied mid-line ("who are not able") is the disorder; it was read as the ability
    # itself, so every patient without dysphagia was excluded (5 corpus lines)
    (E, "Patients who are not able to swallow capsules or tablets", DYSPHAGIA),
    (E, "Are not able to swallow tablets", DYSPHAGIA),
    (E, "Patients who are not able to swallow intact tablets are not eligible", DYSPHAGIA),
    (I, "Ability to swallow oral medication", Not(DYSPHAGIA)),
    (I, "Patients must be able to swallow and retain oral medications.", Not(DYSPHAGIA)),
    (I, "Capable of swallowing tablets", Not(DYSPHAGIA)),
    # the ability a condition takes away is the disorder, which the line's "No" rules out
    (I, "No condition that would impair the ability to swallow pills", Not(DYSPHAGIA)),
]


@pytest.mark.parametrize("ctype, text, expected", SWALLOWING_READINGS, ids=[t for _c, t, _e in SWALLOWING_READINGS])
def test_a_swallowing_line_reads_as_dysphagia(ctype: CriterionType, text: str, expected: object) -> None:
    assert parse_line(text, ctype).expr == expected


SWALLOWING_DECISIONS = [
    (E, "Inability to swallow tablets", facts(dysphagia=30), MET),
    (E, "Inability to swallow tablets", facts(), NOT_MET),
    (E, "Patients who are not able to swallow capsules or tablets", facts(), NOT_MET),
    (E, "Patients who are not able to swallow capsules or tablets", facts(dysphagia=30), MET),
    # a line-initial "Not" is the lead's negation over the ability: the same disorder
    (E, "Not able to swallow the study drug", facts(), NOT_MET),
    (E, "Not able to swallow the study drug", facts(dysphagia=30), MET),
    (I, "Ability to swallow capsules or tablets.", facts(dysphagia=30), NOT_MET),
    (I, "Ability to swallow capsules or tablets.", facts(), MET),
    # unwillingness is a person's to judge: it never hides the disorder, never clears the patient
    (E, "Inability or unwillingness to swallow pills", facts(dysphagia=30), MET),
    (E, "Inability or unwillingness to swallow pills", facts(), UNKNOWN),
    # an alternative the line names beside it still counts
    (E, "Unable to swallow or absorb oral tablets normally", facts(), UNKNOWN),
]


@pytest.mark.parametrize("ctype, text, record, expected", SWALLOWING_DECISIONS)
def test_a_swallowing_line_is_decided_by_the_record(ctype: CriterionType, text: str, record: PatientFacts, expected: Outcome) -> None:
    assert decide(ctype, text, record) is expected


@pytest.mark.parametrize("text", [
    "Patients with swallowing dysfunction who are unable to swallow the tablets can participate in arm B",
    "Patients unable to swallow capsules are eligible if a feeding tube is in place",
])
def test_an_inclusion_that_permits_a_swallowing_disorder_asks_for_none(text: str) -> None:
    """Read as a requirement, a permission would turn away every patient who swallows normally."""
    assert decide(I, text, facts()) is not NOT_MET


# -- life expectancy and comparators as registries word them --------------------------------------

def life(op: Op, value: int, unit: str) -> Predicate:
    return Predicate("life_expectancy", op, value, unit)


LIFE_READINGS = [
    (I, "Life expectancy of 12 weeks or longer", life(Op.GTE, 12, "wk")),
    (I, "Life expectancy of 6 months or more.", life(Op.GTE, 6, "mo")),
    (I, "Life expectancy of greater than or equal to (>=) 3 months", life(Op.GTE, 3, "mo")),
    (I, "Life expectancy greater than (>) 6 months", life(Op.GT, 6, "mo")),
    (I, "Must have life-expectancy of ≥ 12 weeks;", life(Op.GTE, 12, "wk")),
    (I, "Predicted survival ≥ 12 weeks;", life(Op.GTE, 12, "wk")),
    (I, "Life expectancy at least 12 wks", life(Op.GTE, 12, "wk")),
    (I, "Life expectancy superior to 6 months.", life(Op.GT, 6, "mo")),
    (I, "Life expectancy of greater then 6 months", life(Op.GT, 6, "mo")),
    (I, "Patients should have life expectancy greater than/equal to 10 weeks.", life(Op.GTE, 10, "wk")),
    (E, "Life expectance less than 6 months;", life(Op.LT, 6, "mo")),
    # the number before the name, or no operator at all: an inclusion asks for at least that
    (I, "Greater than 12 weeks life expectancy.", life(Op.GT, 12, "wk")),
    (I, "At least 3 month life expectancy", life(Op.GTE, 3, "mo")),
    (I, "Life expectancy 3 months", life(Op.GTE, 3, "mo")),
    (I, "A minimum life expectancy of 12 weeks", life(Op.GTE, 12, "wk")),
    (I, "Corrected QTc interval less then 500 msec", Predicate("qtc", Op.LT, 500, "ms")),
]


@pytest.mark.parametrize("ctype, text, expected", LIFE_READINGS, ids=[t for _c, t, _e in LIFE_READINGS])
def test_a_life_expectancy_reads_as_its_bound(ctype: CriterionType, text: str, expected: object) -> None:
    assert parse_line(text, ctype).expr == expected


@pytest.mark.parametrize("ctype, text", [
    (I, "Life expectancy of 3 to 6 months"),  # a range, not a minimum
    (E, "Life expectancy 3 months"),  # an exclusion's bare number says neither way
    (I, "Grade 2 or higher neuropathy"),  # a grade's "or higher" is no duration's
])
def test_a_number_without_a_direction_is_no_life_expectancy_bound(ctype: CriterionType, text: str) -> None:
    assert not any(isinstance(p, Predicate) and p.concept == "life_expectancy" for p in _nodes(parse_line(text, ctype).expr))


def _nodes(expr: object) -> list[object]:
    parts = getattr(expr, "parts", None)
    if parts is not None:
        return [n for p in parts for n in _nodes(p)]
    inner = getattr(expr, "part", None)
    return [expr] + ([] if inner is None else _nodes(inner))


# -- classes of anticancer drugs as prior therapy ------------------------------------------------

def had(concept: str) -> Predicate:
    return Predicate(concept, Op.PRESENT)


CLASS_READINGS = [
    (E, "Prior treatment with a histone deacetylase inhibitor.", had("hdac_inhibitor")),
    (E, "Any previous treatment with a PARP inhibitor, including olaparib.", had("parp_inhibitor")),
    (E, "Prior exposure to an immunomodulatory agent (IMiD)", had("immunomodulatory_drug")),
    (E, "Prior therapy with an anti-PD-1 or anti-PD-L1 antibody", had("checkpoint_inhibitor")),
    (E, "Previous treatment with immune checkpoint inhibitors", had("checkpoint_inhibitor")),
    (E, "Received a CDK4/6 inhibitor", had("cdk46_inhibitor")),
    (E, "Prior mTOR inhibitor therapy", had("mtor_inhibitor")),
    (E, "Prior treatment with a proteasome inhibitor", had("proteasome_inhibitor")),
    (E, "Prior EGFR-TKI therapy", had("egfr_inhibitor")),
    (E, "Prior anti-HER2 therapy", had("her2_directed_therapy")),
    (E, "Previous anti-angiogenic therapy", had("vegf_inhibitor")),
    (E, "Prior hypomethylating agent therapy", had("hypomethylating_agent")),
    (E, "Prior therapy with a DNA methyltransferase inhibitor", had("hypomethylating_agent")),
    (I, "No prior platinum-based chemotherapy", Not(had("platinum_chemotherapy"))),
    (I, "No prior treatment with a taxane", Not(had("taxane"))),
]


@pytest.mark.parametrize("ctype, text, expected", CLASS_READINGS, ids=[t for _c, t, _e in CLASS_READINGS])
def test_a_drug_class_reads_as_its_concept(ctype: CriterionType, text: str, expected: object) -> None:
    assert parse_line(text, ctype).expr == expected


CLASS_DECISIONS = [
    (E, "Prior treatment with a PARP inhibitor", facts(parp_inhibitor=200), MET),
    (E, "Prior treatment with a PARP inhibitor", facts(chemotherapy=200), NOT_MET),
    (E, "Treatment with an HDAC inhibitor within 14 days prior to enrollment", facts(hdac_inhibitor=7), MET),
    (E, "Treatment with an HDAC inhibitor within 14 days prior to enrollment", facts(hdac_inhibitor=60), NOT_MET),
    (E, "Prior anthracycline therapy or taxoids for any malignancy.", facts(taxane=400), MET),
    # a class is a kind of the wider therapy a line may ask about instead
    (E, "Prior targeted therapy", facts(parp_inhibitor=200), MET),
    (I, "No prior chemotherapy", facts(platinum_chemotherapy=200), NOT_MET),
]


@pytest.mark.parametrize("ctype, text, record, expected", CLASS_DECISIONS)
def test_a_drug_class_is_decided_by_the_record(ctype: CriterionType, text: str, record: PatientFacts, expected: Outcome) -> None:
    assert decide(ctype, text, record) is expected


@pytest.mark.parametrize("ctype, text", [
    (I, "EGFR TKI-naive patients"),  # none of it: not read as a history
    (I, "EGFR mutation positive"),  # the tumour's mutation, no therapy
    (I, "Patients must have progressed after platinum-based chemotherapy"),  # the progression is a person's to read
])
def test_a_class_named_without_a_history_of_it_is_no_requirement_of_it(ctype: CriterionType, text: str) -> None:
    assert decide(ctype, text, facts()) is not NOT_MET


def test_a_receptor_status_is_no_therapy() -> None:
    expr = parse_line("HER2-positive breast cancer", I).expr
    assert not any(isinstance(p, Predicate) and p.concept == "her2_directed_therapy" for p in _nodes(expr))


@pytest.mark.parametrize("ctype, text", [
    (I, "Patients to be treated with PD-1 / PD-L1 inhibitors"),  # a plan, not a history
    (I, "Patients scheduled to receive platinum-based chemotherapy"),
    (E, "Known allergy or intolerance to PD-1 monoclonal antibodies"),  # a hypersensitivity, not a therapy
])
def test_a_class_to_come_or_reacted_to_is_no_history_of_it(ctype: CriterionType, text: str) -> None:
    concepts = {"checkpoint_inhibitor", "platinum_chemotherapy"}
    assert not any(isinstance(p, Predicate) and p.concept in concepts for p in _nodes(parse_line(text, ctype).expr))


# -- another malignancy and brain metastases in the corpus's other wordings ----------------------

OTHER_MALIGNANCY_NAMES = [
    "Other co-existing malignancies",
    "History of a different malignancy",
    "History of other neoplastic disease",
    "Second neoplasia in history",
    "History of another primary invasive malignancy",
    "Other currently active malignancy.",
    "Active double cancer",
    "Any other current malignancy",
    "Other co-existing malignancies or malignancies diagnosed within the last 5 years",
]


def in_nsclc_trial(text: str, record: PatientFacts) -> Outcome:
    """The line in a trial whose own disease is NSCLC (another malignancy is one other than it)."""
    lines = [(I, "Histologically confirmed non-small cell lung cancer"), (E, text)]
    return evaluate_reference(TrialCriteria("t", 1, parse_lines(lines)), record, AS_OF).criteria[-1].outcome


@pytest.mark.parametrize("text", OTHER_MALIGNANCY_NAMES)
def test_another_malignancy_is_read_in_its_other_wordings(text: str) -> None:
    assert in_nsclc_trial(text, facts(nsclc=100, breast_cancer=400)) is MET
    assert in_nsclc_trial(text, facts(nsclc=100)) is NOT_MET


@pytest.mark.parametrize("text", ["Known metastases in the brain", "Metastasis in the CNS.", "Metastases to the central nervous system"])
def test_metastases_in_the_brain_are_brain_metastases(text: str) -> None:
    assert parse_line(text, E).expr == Predicate("brain_metastases", Op.PRESENT)


# -- the history table's gates, compiled -----------------------------------------------------------

@pytest.mark.parametrize("low", [
    "prior treatment with a parp inhibitor", "history of myocardial infarction", "no prior chemotherapy",
    "known hiv infection", "stroke or tia within 6 months", "", "alkaline phosphatase ≤ 2.5 × uln", "asthma",
])
def test_a_compiled_gate_holds_where_the_plain_word_test_does(low: str) -> None:
    from rules_engine.parser.topics.events import _HISTORY, gate_pattern

    for _concept, _pattern, words in _HISTORY:
        assert (gate_pattern(words).search(low) is not None) == any(w in low for w in words)
