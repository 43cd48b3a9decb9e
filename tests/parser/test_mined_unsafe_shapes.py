"""Shapes mined from the corpus for lines answered on the unsafe side (issue 14, rule 1).

The mining: every corpus trial about a leukaemia, lymphoma or MDS (422 trials) through the import
pipeline, judged for a clean adult with relapsed AML and for the same chart with one feature
added (each coded history the intake reads, each lab out of range). A line was a candidate when
it names the feature and still answers as for the clean chart on the unsafe side: an exclusion
not met, an inclusion met. Each family below was read in its corpus lines before it was fixed:

* Hepatitis letters in any order ("hepatitis A or B", "hepatitis C and/or B", "infectious
  hepatitis, type B or C"; 20 corpus lines): only "B ... C" was read as a list, so "Active
  hepatitis A or B" was hepatitis A alone and a chronic hepatitis B passed it.
* The ", and" closing a list of examples in an exclusion ("cardiac disease including unstable
  angina, myocardial infarction within six months, heart failure (NYHA III-IV), and uncontrolled
  arrhythmia"): read as All, a myocardial infarction two months ago did not exclude without an
  arrhythmia beside it.
* A window after an exception between commas ("major surgery, other than diagnostic surgery (i.e.
  ... a biopsy ...), within 4 weeks"; 8 corpus lines): the window went to the exception, which
  read "surgery within 4 weeks", so an operation two weeks ago cleared the line. A diagnostic
  surgery is now the minor kind (a biopsy).
* Examples no topic read ("Prior organ transplantation, including allogeneic stem-cell
  transplantation"; "liver disease, including viral or other hepatitis", 4 corpus lines): an
  allogeneic transplant or a hepatitis B cleared the exclusion. "stem-cell" with its hyphen (12
  corpus lines) and "viral or other hepatitis" are read; an example read stays an alternative.
* An exception read to the clause's end takes in the next alternatives after ", or"
  ("arrhythmias other than atrial flutter or fibrillation requiring medication, or uncontrolled
  congestive heart failure"; 14 corpus lines write "other than ..., or"): a heart failure on
  record was excepted from the arrhythmia and cleared the line. What the exception names that is
  no kind of the excepted thing is one more alternative of the exclusion.
* "Cerebral or leptomeningeal involvement" read as metastases only: a CNS leukaemia on record
  cleared it. The involvement is the disease's own CNS involvement too.
* Labs joined by "and/or" under one limit ("AST and ALT and/or alkaline phosphatase > 4 x ULN"):
  the first "and" made them All, so an ALT ten times the limit alone did not exclude.
* "recent (within 1 year) myocardial infarction" after "uncontrolled cardiac arrhythmia, or" (21
  corpus lines write "recent (...)"): the bracket's window went to the arrhythmia before it, so an
  atrial fibrillation of two years ago cleared "uncontrolled arrhythmia".
* An exclusion's "MDS and MGUS" list whose last item carries the line's exception ("(including MDS
  and MGUS) within the last 5 years except: ..."): read as All, MDS alone did not exclude.
* A pregnancy test beside an ECOG bound in a line that names men's contraception too: the men's
  words left the line scoped whole to women (the test is women's), so a man with ECOG 3 met
  "ECOG 0, 1, or 2". The test is now scoped to women, the bound asked of everyone.

Rows are the corpus's shapes in short; ``test_the_corpus_lines_now_decide`` reads the mined lines
themselves by NCT id (tests.parser.test_holdout_trials.trial_criteria).
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import alt, condition, ecog, healthy, procedure
from tests.parser.test_holdout_trials import line_index, needs_corpus, trial_criteria

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

# (line, type, rule)
READINGS = [
    # hepatitis letters, any order and any join
    ("Active hepatitis A or B.", EXC, "hav or HBV"),
    ("Known hepatitis C and/or B infection", EXC, "HCV or HBV"),
    ("Known positive for HIV or infectious hepatitis, type B or C.", EXC, "HIV or HBV or HCV"),
    ("Hepatitis A, B, or C infection", EXC, "hav or HBV or HCV"),
    ("Known hepatitis B or C", EXC, "HBV or HCV"),
    ("No active hepatitis A or B", INC, "not (hav or HBV)"),
    # a lower-case "a" is an article, never hepatitis A
    ("Active hepatitis B or a positive HIV test", EXC, "HBV or HIV"),
    # an example list's closing ", and" joins alternatives in an exclusion
    # (the class the examples are of is one more alternative, a person's: a cardiac disease the
    # examples do not name may be what the line excludes)
    ("Cardiac disease including unstable angina, myocardial infarction, and arrhythmia.", EXC,
     'unstable-angina or myocardial-infarction or arrhythmia or (cardiovascular-disease and review unsupported "Cardiac disease including")'),
    ("Serious cardiac disease including unstable angina, myocardial infarction within six months, congestive heart failure (NYHA III-IV), "
     "and uncontrolled arrhythmia.", EXC,
     'unstable-angina within 6 months or myocardial-infarction within 6 months or (heart-failure and NYHA >= 3) '
     'or (arrhythmia and review "uncontrolled") or (cardiovascular-disease and review unsupported "Serious cardiac disease including")'),
    # the window after a bracketed or comma-closed exception is the head's
    # (a diagnostic surgery on record does not show the major one is it: open, never cleared)
    ("Major surgery, other than diagnostic surgery, within 4 weeks prior to Day 1", EXC,
     'major-surgery within 4 weeks and (not minor-surgery or review ambiguous "whether the exception covers every record the line excludes: other than diagnostic surgery")'),
    ("Chemotherapy, except hydroxyurea, within 2 weeks of study entry", EXC, "chemotherapy other than (hydroxyurea) within 2 weeks"),
    # an example that is no kind of the head is one more thing the exclusion names
    ("Prior organ transplantation, including allogeneic stem cell transplantation", EXC, "organ-transplant or allo-HSCT"),
    ("Active infection (including HIV)", EXC, "active-infection or HIV"),
    # (an example that is a kind of the head adds nothing)
    ("Active autoimmune disease, such as psoriasis", EXC, "autoimmune-disease"),
    # a hyphenated stem-cell transplant is a transplant
    ("Prior allogeneic stem-cell transplant", EXC, "allo-HSCT"),
    ("Autologous stem-cell transplant within 100 days", EXC, "auto-HSCT within 100 days"),
    # "viral or other hepatitis" names the viral hepatitides
    ("Clinically active liver disease, including viral or other hepatitis or cirrhosis", EXC, "liver-disease or hav or HBV or HCV or other-viral-hepatitis"),
    # labs joined by "and/or" under one limit are alternatives in an exclusion; each in an inclusion
    ("AST and ALT and/or alkaline phosphatase > 4 times upper limit of normal", EXC, "AST > 4 x ULN or ALT > 4 x ULN or alp > 4 x ULN"),
    ("AST and ALT and/or alkaline phosphatase ≤ 4 times upper limit of normal", INC, "AST <= 4 x ULN and ALT <= 4 x ULN and alp <= 4 x ULN"),
    # "recent (within N)" dates the event after it, and no other
    ("Uncontrolled cardiac arrhythmia, or recent (within 1 year) myocardial infarction", EXC,
     '(arrhythmia and review "Uncontrolled") or myocardial-infarction within 1 year'),
    ("Heart failure, or recent (within 6 months) stroke", EXC, "heart-failure or stroke within 6 months"),
    # what an exception "runs on" to after ", or" that is no kind of the excepted thing is excluded
    ("Arrhythmias other than atrial flutter or fibrillation requiring medication, or uncontrolled congestive heart failure.", EXC,
     '(arrhythmia and not (atrial-fibrillation and review "other than atrial flutter or fibrillation requiring medication, or uncontrolled '
     'congestive heart failure")) or heart-failure'),
    ("Chemotherapy other than hydroxyurea, or radiotherapy within 2 weeks", EXC,
     '(chemotherapy other than (hydroxyurea) and review unparsed "other than hydroxyurea, or radiotherapy within 2 weeks") or radiotherapy within 2 weeks'),
    # (an exception listing the head's own kind stays the exception; the site read with the in situ
    # carcinoma leaves no word unread, as for "carcinoma in situ" alone, and the trial pass folds it)
    ("Prior malignancy, other than carcinoma in situ of the cervix, or non-melanoma skin cancer", EXC,
     '(other-malignancy or other-malignancy within 100 years) and not (cervical-carcinoma-in-situ or nonmelanoma-skin-cancer)'),
    # leptomeningeal "involvement" is the disease's own CNS involvement too; "metastases" a tumour's
    ("Cerebral or leptomeningeal involvement.", EXC, "brain-metastases or leptomeningeal-disease or CNS-involvement"),
    ("Brain or leptomeningeal metastases", EXC, "brain-metastases or leptomeningeal-disease"),
    # an exclusion's "A and B" list stays alternatives when the last item carries the exception
    ("Other malignancy (including MDS and MGUS) within the last 5 years except: adequately treated non-melanoma skin cancer", EXC,
     'other-malignancy within 5 years or MDS within 5 years or (MGUS within 5 years and not (nonmelanoma-skin-cancer and review unparsed '
     '"except: adequately treated non-melanoma skin cancer"))'),
    # a pregnancy test beside a performance bound is asked of women; the bound of everyone, even
    # where men's contraception is named too
    ("ECOG performance status of 0, 1, or 2. Female patients must not be pregnant (negative pregnancy test for women of childbearing "
     "potential) and female and male patients must use effective contraception.", INC,
     'ECOG <= 2 and (not sex is female or ((childbearing-potential is negative and not pregnancy) or pregnancy-test is negative)) and '
     '(not sex is female or review consent "Female patients must not be pregnant … patients must use effective contraception")'),
]


@pytest.mark.parametrize("text,ctype,rule", READINGS, ids=[r[0][:50] for r in READINGS])
def test_the_mined_shape_reads_as_the_registry_means(text: str, ctype: CriterionType, rule: str) -> None:
    criterion = parse_line(text, ctype)
    assert render_rule(criterion.expr, criterion.applies_if) == rule


# (line, type, met, not met, unknown)
ROWS = [
    ("Active hepatitis A or B.", EXC, (healthy(condition("hbv")), healthy(condition("hav"))), (healthy(), healthy(condition("hcv"))), ()),
    ("Known hepatitis C and/or B infection", EXC, (healthy(condition("hbv")), healthy(condition("hcv"))), (healthy(condition("active_infection")),), ()),
    ("Cardiac disease including unstable angina, myocardial infarction within six months, and arrhythmia.", EXC,
     (healthy(condition("myocardial_infarction", 60)), healthy(condition("atrial_fibrillation", 800))),
     # the class is a person's for a record with a circulatory disease: never cleared (a record with
     # none has none of it, topics.cardiac_heads)
     (healthy(),), (healthy(condition("myocardial_infarction", 400)), healthy(condition("cardiomyopathy")))),
    ("Major surgery, other than diagnostic surgery, within 4 weeks prior to Day 1", EXC,
     (healthy(procedure("major_surgery", 14)),), (healthy(), healthy(procedure("major_surgery", 60))), ()),
    ("Prior organ transplantation, including allogeneic stem-cell transplantation", EXC,
     (healthy(procedure("allo_hsct", 60)), healthy(procedure("organ_transplant", 900))), (healthy(), healthy(procedure("auto_hsct", 60))), ()),
    ("History of liver disease, including viral or other hepatitis, or cirrhosis", EXC,
     (healthy(condition("hbv")), healthy(condition("hcv"))), (healthy(),), ()),
    ("AST and ALT and/or alkaline phosphatase > 4 times upper limit of normal", EXC,
     (healthy(alt=alt(400)),), (healthy(),), ()),
    ("Uncontrolled cardiac arrhythmia, or recent (within 1 year) myocardial infarction", EXC,
     (healthy(condition("myocardial_infarction", 60)),), (healthy(), healthy(condition("myocardial_infarction", 800))),
     (healthy(condition("atrial_fibrillation", 800)),)),
    ("Cerebral or leptomeningeal involvement.", EXC, (healthy(condition("cns_involvement", 10)),), (healthy(),), ()),
    ("Arrhythmias other than atrial flutter or fibrillation requiring medication, or uncontrolled congestive heart failure.", EXC,
     (healthy(condition("heart_failure", 400)),), (healthy(),), (healthy(condition("atrial_fibrillation", 400)),)),
    ("Other malignancy (including MDS and MGUS) within the last 5 years except: adequately treated non-melanoma skin cancer", EXC,
     (healthy(condition("mds", 300)),), (healthy(), healthy(condition("breast_cancer", 3000))), ()),
    ("ECOG performance status of 0, 1, or 2. Female patients must not be pregnant (negative pregnancy test for women of childbearing "
     "potential) and female and male patients must use effective contraception.", INC, (), (healthy(ecog=ecog(3)),), (healthy(),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_a_record_with_the_feature_is_not_cleared(text: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) is expected


# (NCT id, locator, record with the feature, the outcome the line must now give): the mined
# corpus lines themselves, read through the import pipeline
CORPUS_LINES = [
    ("NCT02973399", "Active hepatitis A or B", healthy(condition("hbv")), "met"),
    ("NCT02354131", "Active or chronic hepatitis C and/or B infection", healthy(condition("hbv")), "unknown"),
    # "acute myocardial infarction within six months": an infarction dated inside the window is the acute event
    ("NCT01352312", "Clinically significant cardiac disease including", healthy(condition("myocardial_infarction", 60)), "met"),
    ("NCT01783054", "other than diagnostic surgery", healthy(procedure("surgery", 14)), "unknown"),
    ("NCT01783054", "other than diagnostic surgery", healthy(procedure("major_surgery", 14)), "met"),
]


@needs_corpus
@pytest.mark.parametrize("nct,locator,facts,expected", CORPUS_LINES, ids=[f"{r[0]}:{r[1][:30]}" for r in CORPUS_LINES])
def test_the_corpus_lines_now_decide(nct: str, locator: str, facts: PatientFacts, expected: str) -> None:
    trial = trial_criteria(nct)
    index = line_index(trial, locator)
    assert index is not None
    assert str(judged(trial.criteria[index], facts)) == expected
