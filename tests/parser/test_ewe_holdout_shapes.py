"""Lines a holdout patient was answered eligible by while the registry text excluded them
(issue 14, holdout T272 and T294), each read as the general shape it is: one behaviour a row,
each judged by both evaluators on records.

- ABL1's own kinase-domain mutations ("Known Abl-kinase T315I or T315A mutation", "no known
  T315I/A Abl-kinase mutation", "BCR-ABL T315I mutation"): a concept of their own beside the
  BCR-ABL1 fusion; a named variant decides, an unnamed one beside it is the gene's with a
  person's word on which.
- A blood count written with its value and no comparator in an inclusion ("Absolute neutrophil
  count 1,500 cells per uL") is its floor.
- "No malignancy [other than the one treated in this study] which required ...": a bracket is a
  parenthesis to the another-malignancy reading.
- CredibleMeds' "Category I drugs that are generally accepted to have a risk of causing Torsades
  de Pointes including: (Patients must discontinue drug 7 days prior to starting dasatinib)": the
  known-risk class, within the stopping window.
- An ordinal before a transplant ("Recipients of first ASCT from related or unrelated donor") and
  a bare "ASCT" that may be an allograft leave a record holding that transplant to a person.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, anc, condition, hemoglobin, medication, platelets, procedure, result

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

CML = condition("cml")
T315I = adult(CML, result("abl1_t315i", "positive"), result("abl1_kinase_domain_mutation", "positive"), result("abl1_mutation", "positive"))
E255K = adult(CML, result("abl1_kinase_domain_mutation", "positive"), result("abl1_mutation", "positive"), result("abl1_t315i", "negative"))
KD_NONE = adult(CML, result("abl1_mutation", "negative"), result("abl1_kinase_domain_mutation", "negative"), result("abl1_t315i", "negative"))
UNTESTED = adult(CML)
PH_ONLY = adult(CML, result("bcr_abl1", "positive"))

ABL1_ROWS = [
    # (line, type, met, not met, unknown)
    ("Known Abl-kinase T315I or T315A mutation", EXC, (T315I,), (KD_NONE,), (UNTESTED, E255K, PH_ONLY)),
    ("BCR-ABL T315I mutation", EXC, (T315I,), (KD_NONE, E255K), (UNTESTED, PH_ONLY)),
    ("Presence of the T315I mutation", EXC, (T315I,), (KD_NONE, E255K), (UNTESTED,)),
    ("Patients with any ABL1 kinase domain mutation", EXC, (T315I, E255K), (KD_NONE,), (UNTESTED, PH_ONLY)),
    # the negation before the variant written ahead of its gene takes both in
    ("Resistance to imatinib and no known T315I/A Abl-kinase mutation.", INC, (), (T315I,), (KD_NONE, UNTESTED)),
]


@pytest.mark.parametrize("text, ctype, facts, expected", outcome_cases(ABL1_ROWS))
def test_an_abl1_kinase_mutation_line_is_decided_by_the_mutations_on_record(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


COUNTS = [
    ("Absolute neutrophil count 1,500 cells per uL", INC, (adult(anc(1.6)), adult(anc(1.5))), (adult(anc(1.2)),), (adult(),)),
    ("Hemoglobin 8.5 g/dl", INC, (adult(hemoglobin(9)),), (adult(hemoglobin(8)),), (adult(),)),
    ("Platelet count 60 x 109/L", INC, (adult(platelets(100)),), (adult(platelets(50)),), (adult(),)),
    ("Absolute Neutrophil Count (ANC) 1.5x109/L Hemoglobin (Hgb) 9 g/dl Platelets (plt) 100x109/L", INC,
     (adult(anc(2), hemoglobin(10), platelets(150)),), (adult(anc(2), hemoglobin(10), platelets(90)),), (adult(anc(2), hemoglobin(10)),)),
]


@pytest.mark.parametrize("text, ctype, facts, expected", outcome_cases(COUNTS))
def test_a_bare_blood_count_in_an_inclusion_is_its_floor(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize("text, ctype", [
    # a count named with its value and no comparator only in an inclusion, and never before a
    # bound of the other side
    ("Absolute neutrophil count 1,500 cells per uL", EXC),
    ("Hemoglobin 8 g/dL or less", INC),
])
def test_a_bare_count_that_is_no_floor_is_not_read_as_one(text, ctype):
    low = parse_line(text, ctype)
    assert judged(low, adult(anc(0.5), platelets(20), hemoglobin(6))) is not NOT_MET or ctype is EXC and judged(low, adult()) is not MET


def test_a_count_written_as_a_range_is_read_as_both_its_bounds():
    """"Platelets 50,000 to 100,000/uL": no floor alone (a count of 20 is no floor's pass), the
    range the line asks (``topics.lab_ranges``)."""
    line = parse_line("Platelets 50,000 to 100,000/uL", INC)
    assert [judged(line, adult(platelets(v))) for v in (20, 75, 150)] == [NOT_MET, MET, NOT_MET]


def test_a_bracketed_other_than_is_read_as_a_parenthesised_one():
    bracketed = "No malignancy [other than the one treated in this study] which required radiotherapy or systemic treatment within the past 5 years"
    assert parse_line(bracketed, EXC).expr == parse_line(bracketed.replace("[", "(").replace("]", ")"), EXC).expr
    assert "other_malignancy" in str(parse_line(bracketed, EXC).expr)


TDP_HEADING = "Category I drugs that are generally accepted to have a risk of causing Torsades de Pointes including: (Patients must discontinue drug 7 days prior to starting dasatinib)"
TORSADE = [
    # (a drug not listed stays a person's for a record holding one in the window; none there, none of the class)
    (TDP_HEADING, EXC, (adult(medication("qt_prolonging_drug", 3)),), (adult(), adult(medication("qt_prolonging_drug", 20))),
     (adult(medication("named_medication", 3)),)),
    ("Patients currently taking drugs that are generally accepted to have a risk of causing Torsades de Pointes", EXC,
     (adult(medication("qt_prolonging_drug", 1)),), (adult(),), (adult(medication("named_medication", 1)),)),
]


@pytest.mark.parametrize("text, ctype, facts, expected", outcome_cases(TORSADE))
def test_crediblemeds_known_risk_class_is_the_qt_drug_concept(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


def test_the_known_risk_heading_reads_its_stopping_window_and_no_words_are_left():
    from rules_engine.rule_language import render_rule

    rule = render_rule(parse_line(TDP_HEADING, EXC).expr)
    assert "within 7 days" in rule and "unparsed" not in rule


ALLO = procedure("allo_hsct", 30)
AUTO = procedure("auto_hsct", 30)
TRANSPLANTS = [
    # which transplant it is no record says: a record holding one leaves "first" open
    ("Recipients of first ASCT from related or unrelated donor", INC, (), (adult(AUTO), adult()), (adult(ALLO),)),
    ("Prior second allogeneic HSCT", EXC, (), (adult(),), (adult(ALLO),)),
    # a bare "ASCT" is an autograft, or an allograft in some trials: an autograft decides, an
    # allograft goes to a person, no transplant is none
    ("Relapse of the disease after ASCT.", EXC, (adult(AUTO, condition("relapsed", 30)),), (adult(condition("relapsed", 30)),), (adult(ALLO, condition("relapsed", 30)),)),
    ("ASCT within 12 weeks", EXC, (adult(AUTO),), (adult(), adult(procedure("auto_hsct", 200))), (adult(ALLO),)),
    # a transplant that only dates what the line asks ("prior to ASCT") is not asked which it was
    ("Dasatinib use prior to ASCT is allowed", INC, (adult(ALLO),), (), ()),
    # a line that spells "autologous" defines its letters
    ("Participant has received autologous stem cell transplantation (ASCT) within 12 weeks", EXC, (adult(AUTO),), (adult(ALLO), adult()), ()),
]


@pytest.mark.parametrize("text, ctype, facts, expected", outcome_cases(TRANSPLANTS))
def test_which_transplant_a_line_means_is_left_open_where_no_record_says(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected
