"""Recovery from prior therapy in the wordings registries use beside the template's ("has not
recovered from the acute toxicities associated with prior approved therapies including
investigational drugs", "recovered from severe toxicity of prior therapy", "the acute side
effects incurred as a result of previous therapy", "all other prior anticancer therapy", "ongoing
clinically significant adverse events (AEs) from previous treatment", "drug-related toxicities"), and
the study's start said as "enrolling on study": read by the record's toxicity grade as the
template's recovery is (``topics.events._RECOVERY``; ``remarks``' study anchor). Each row is a
corpus wording (paraphrased), with its rendering.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.topics.events import _RECOVERY
from rules_engine.rule_language import render_rule

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION
NOT_RECOVERED = 'toxicity-grade >= 2 or (toxicity-grade >= 1 and review ambiguous "recovery without a grade: whether a grade 1 toxicity left counts as recovered")'
RECOVERED = 'toxicity-grade <= 1 and (toxicity-grade <= 0 or review ambiguous "recovery without a grade: whether a grade 1 toxicity left counts as recovered")'

CASES = [
    # the therapy's standing before it and its kinds after "including" are one source: the
    # investigational drugs are no therapy the line excludes on their own (read so, a patient
    # ever given an investigational drug was excluded, and one with a grade 3 toxicity was not)
    (E, "The patient has received radiotherapy within 30 days prior to the start of study drug, or has not recovered from the acute toxicities "
        "associated with prior approved therapies including investigational drugs.",
     "radiotherapy within 30 days or " + NOT_RECOVERED),
    (I, "Recovered from prior biologic therapy or immunotherapy", RECOVERED),
    # which toxicities: the severe ones, the systemic ones, the acute and reversible ones
    (I, "Patients must have recovered from severe toxicity of prior therapy", RECOVERED),
    (I, "Recovered from acute, reversible effects of prior chemotherapy", RECOVERED),
    (I, "Patients must have recovered from all known or expected toxicities from previous treatment", RECOVERED),
    # what the toxicity was incurred by
    (I, "Patients must have recovered from the acute side effects incurred as a result of previous therapy.", RECOVERED),
    # "other prior": the therapy before the study's
    (I, "Recovered from all other prior anticancer therapy", RECOVERED),
    # what is still going on, said with its weight and abbreviation (the word "ongoing" let no
    # recovery reader look at the line before)
    (E, "Ongoing clinically significant adverse events (AEs) from previous treatment.", NOT_RECOVERED),
    (E, "Treatment with any investigational drug or therapy within 2 weeks of study treatment, or 5 half-lives, whichever is longer, before the "
        "first dose of study treatment, or ongoing clinically significant adverse events (AEs) from previous treatment.",
     "investigational-agent within 2 weeks or " + NOT_RECOVERED + ' or (investigational-agent and review unparsed "5 half-lives … whichever is longer")'),
    # what the toxicity is of, said before it: the record's grade is the prior therapy's toxicity
    (I, "All prior treatment-related toxicities must be National Cancer Institute- Common Toxicity Criteria for Adverse Events (NCI-CTCAE), "
        "version 4.0 <=Grade 1 at the time of enrollment (except for alopecia).",
     'toxicity-grade <= 1 or (alopecia and review "the graded toxicity may be the one excepted (alopecia)")'),
    (I, "Patients recovered from any therapy-related toxicities from previous chemo-, hormone-, immuno-, or radiotherapies to CTC <=Grade 1",
     "toxicity-grade <= 1"),
    (I, "Prior treatment-related toxicity resolved to ≤ Grade 2 or baseline", "toxicity-grade <= 2"),
    # ... but not where an exclusion states the bound as a requirement: read as what excludes, it
    # would exclude every patient without a toxicity, and the review is what keeps it open
    (E, "All prior treatment-related toxicities must be ≤ Grade 1.", 'toxicity-grade <= 1 and review unsupported "All prior treatment-related"'),
    # the study's start said as a verb: no words left beside the recovery
    (I, "Prior Therapy: Patient must have fully recovered from the acute toxic effects of all prior therapy prior to enrolling on study.", RECOVERED),
    (E, "Must not have received VELCADE 90 days prior to enrolling in this trial.",
     'named-medication is "velcade bortezomib" and review ambiguous "when it was given: 90 days prior"'),
]


@pytest.mark.parametrize(("ctype", "text", "rendered"), CASES)
def test_recovery_wording(ctype: CriterionType, text: str, rendered: str) -> None:
    c = parse_line(text, ctype)
    assert render_rule(c.expr, getattr(c, "applies_if", None)) == rendered


# a toxicity named without a therapy as its source ("recovered from severe toxicity", a disease's)
# is no prior therapy's: the widened wordings never read it as one
UNCHANGED = [
    (I, "Patients must have recovered from severe toxicity"),
    (I, "Recovered from prior surgery and from the severe toxicity of the disease"),
]


@pytest.mark.parametrize(("ctype", "text"), UNCHANGED)
def test_recovery_without_a_therapy_source_is_no_toxicity_grade(ctype: CriterionType, text: str) -> None:
    c = parse_line(text, ctype)
    assert "toxicity-grade" not in render_rule(c.expr, getattr(c, "applies_if", None))


@pytest.mark.parametrize("text", [
    "recovered from " + "severe, " * 4000 + "toxicity of prior therapy",
    "recovered from the toxicities associated with " + "prior approved therapies including " * 600 + "x",
    "not recovered from acute " + "and " * 5000,
])
def test_recovery_pattern_is_linear_on_hostile_text(text: str) -> None:
    started = time.perf_counter()
    for _ in _RECOVERY.finditer(text[:20000]):
        pass
    assert time.perf_counter() - started < 1.0
