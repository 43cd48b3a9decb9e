"""A subtype of the line's disease excepted in the middle of a diagnosis line (issue 14; holdout
T53, T93, T94, T34: AML trials write "other than APL" before the words that qualify the AML).

The exception ends with the subtype's name, its abbreviation, karyotype and variants; the words
after it ("by WHO criteria with relapsed disease ...", "according to the WHO classification")
qualify the disease the line asks for. Read into the exception, they left an APL on record
unknown ("not (APL and review ...)") and asked the relapse of the APL instead of the AML."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.clauses import _EXCEPTION, _subtype_end
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition

INC = CriterionType.INCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

WHO_RELAPSED = (
    "Patients eligible include those with diagnosis of AML other than acute promyelocytic leukemia by World Health Organization (WHO) "
    "criteria with relapsed disease after induction therapy or refractory to induction chemotherapy, as determined by morphology on bone "
    "marrow biopsy"
)
UNWILLING = WHO_RELAPSED + "; also eligible are patients unwilling to receive standard induction chemotherapy"
KARYOTYPE = (
    "diagnosis of AML other than acute promyelocytic leukemia (APL) with t(15;17)(q22;q12) or variants according to the 2008 World Health "
    "Organization (WHO) classification"
)
GLUED = "Histologically documented AML (except t(15;17)according to the World Health Association (WHO) criteria"
TWO_EXCEPTED = (
    "Diagnosis of AML as defined by the World Health Organization (excluding acute promyelocytic leukemia and chronic myeloid leukemia- "
    "blast/accelerated phase) in an adult patient"
)
ANY_SUBTYPE = (
    "Diagnosis of acute myeloid leukemia (AML) as defined by World Health Organization (WHO) criteria, any subtype, de novo or secondary, "
    "except acute promyelocytic leukemia (APL)"
)

AML_RELAPSED = adult(condition("aml", 300), condition("relapsed", 30))
APL_RELAPSED = adult(condition("apl", 300), condition("relapsed", 30))
AML_UNTREATED = adult(condition("aml", 10))

# (why, line, record, outcome)
OUTCOMES: list[tuple[str, str, PatientFacts, Outcome]] = [
    ("a relapsed AML meets the line", WHO_RELAPSED, AML_RELAPSED, MET),
    ("an APL on record is the subtype excepted: not met, whatever follows its name", WHO_RELAPSED, APL_RELAPSED, NOT_MET),
    ("the relapse after the name is the AML's: an untreated AML fails the line", WHO_RELAPSED, AML_UNTREATED, NOT_MET),
    ("'also eligible are patients unwilling ...' widens the status: an untreated AML is a person's question", UNWILLING, AML_UNTREATED, UNKNOWN),
    ("... and never the subtype: an APL still fails it", UNWILLING, APL_RELAPSED, NOT_MET),
    ("the karyotype and variants are the APL's own words: an APL fails the line", KARYOTYPE, APL_RELAPSED, NOT_MET),
    ("... and an AML meets it", KARYOTYPE, AML_RELAPSED, MET),
    ("a karyotype's bracket glued to the next word still ends the exception", GLUED, APL_RELAPSED, NOT_MET),
    ("... and an AML meets it", GLUED, AML_RELAPSED, MET),
    ("two things excepted ('APL and CML- blast phase', the CML's phase read since hold31): an APL fails the line", TWO_EXCEPTED, APL_RELAPSED,
     NOT_MET),
    ("... and an AML meets the line", TWO_EXCEPTED, AML_RELAPSED, MET),
    ("'any subtype, de novo or secondary' asks nothing, and the APL excepted after it is the AML's: an APL fails the line", ANY_SUBTYPE,
     APL_RELAPSED, NOT_MET),
    ("... and an AML meets it", ANY_SUBTYPE, AML_RELAPSED, MET),
    ("'De novo or secondary MDS' is MDS, whichever its origin", "De novo or secondary MDS", adult(condition("mds", 200)), MET),
    ("'of any type' asks nothing of the NSCLC", "Histologically confirmed NSCLC of any type", adult(condition("nsclc", 200)), MET),
]


@pytest.mark.parametrize(("why", "text", "facts", "expected"), OUTCOMES, ids=[f"{i}-{o[0][:50]}" for i, o in enumerate(OUTCOMES)])
def test_a_subtype_excepted_decides_as_the_text_means(why: str, text: str, facts: PatientFacts, expected: Outcome) -> None:
    got = evaluate(parse_line(text, INC), facts, AS_OF)
    assert got.outcome is expected, f"{why}: got {got.outcome} ({got.reason})"


@pytest.mark.parametrize(
    "text",
    [
        # a thing excepted that is no subtype of a disease named before it keeps the exception to the clause's end
        "Prior chemotherapy other than hydroxyurea by mouth within 2 weeks",
        "Known HIV other than well controlled by antiretroviral therapy",
        # a kind of therapy is no disease's subtype; a bracketed exception ends with its bracket
        "Concurrent anticancer therapy other than hormonal therapy as described above",
        "Diagnosis of AML (except acute promyelocytic leukemia as defined by WHO)",
    ],
)
def test_an_exception_of_no_subtype_reads_as_before(text: str) -> None:
    """The cut applies only to a disease's subtype: elsewhere the words after the excepted name
    may narrow the exception itself, which only a person can tell."""
    match = _EXCEPTION.search(text)
    assert match is not None
    assert _subtype_end(text, match.start(), match.end(), INC) == (match.end(), match.end())
