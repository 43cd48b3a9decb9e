"""Shapes the relapsed/refractory AML salvage holdout trials (T51-T55: clofarabine with cytarabine,
a cohort study by age and fitness, midostaurin with decitabine, guadecitabine for patients unfit
for intensive induction, vosaroxin) found misread at first sight, each read for its general
wording, with the corpus lines that share it:

- "Serum creatinine =< 1.0 mg/dL; if serum creatinine > 1.0 mg/dl, then the estimated GFR must be
  > 60": a second test offered where the first fails (12 corpus lines). Joined as one more
  requirement it asked "creatinine <= 1 and creatinine > 1" of every patient;
- ">= 60 years of age with newly diagnosed AML ... or >= 18 years of age with relapsed/refractory
  AML": each age opens an alternative of its own, and ">= 18 years of age" after a disease is an
  age, never a span since the diagnosis (read so, every relapsed patient failed);
- "Not a candidate for ... based on either:" over its grounds: the grounds are what the patient
  must have, not what he must lack (negated, ">= 75 OR < 75" excluded everybody); a roman-numbered
  list flushed left of the item that announces it is that item's; and ">= 75 years OR < 75 years
  with at least 1 of the following:" gives the list to the last alternative only;
- "previously untreated AML except for hydroxyurea ... Prior ... treatment for MDS is allowed":
  the permission and the exception widen the untreated requirement, not the disease (the
  permission read as a requirement asked MDS of everyone), and an untreated AML has not relapsed;
- products: "decitabine or azacitidine", "prior midostaurin (PKC412) treatment", "SNS-595
  (vosaroxin)"; "acute or chronic GVHD"; "Creatinine (Cr) clearance"; "AML (except t(15;17)";
  "transplant less than 2 months previously"; "extramedullary CNS AML"; "Total or direct
  bilirubin"; "Patients who are not able to swallow" (in test_coverage_shapes);
- "chemotherapy within 4 weeks (6 weeks for nitrosoureas or mitomycin C) prior to entering the
  study" (143 corpus lines carry such a bracket, 80 the anchor): the longer interval holds for the
  named agents only, so the line's own interval still decides.
"""

from __future__ import annotations

import pytest

from rules_engine import rule_language
from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line, parse_lines
from rules_engine.parser.sections import split_criteria
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, creatinine, crcl, ecog, lab, lvef, medication, procedure

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


def rendered(text: str, ctype: CriterionType) -> str:
    return rule_language.render(parse_line(text, ctype).expr)


# (type, corpus line, rendered rule)
READINGS = [
    # a second test where the first fails
    (INC, "Serum creatinine =< 1.0 mg/dL; if serum creatinine > 1.0 mg/dl, then the estimated glomerular filtration rate (GFR) must be >60 mL/min/1.73 m^2",
     "creatinine <= 1 mg/dL or eGFR > 60 mL/min/{1.73_m2}"),
    (INC, "Patients 18 years and older (Adult population): Serum creatinine <1.0 mg/dL; if serum creatinine >1.0 mg/dL, then the estimated glomerular "
          "filtration rate (GFR) must be >60 mL/min/1.73 m2", "age >= 18 years and (creatinine < 1 mg/dL or eGFR > 60 mL/min/{1.73_m2}) and review unparsed \"Adult population\""),
    # ... a condition that is no failure of the first bound is a further requirement
    (INC, "Serum creatinine <= 2 mg/dL; if serum creatinine > 1.5 mg/dL, then the creatinine clearance must be >= 60 mL/min",
     "creatinine <= 2 mg/dL and (creatinine <= 1.5 mg/dL or creatinine-clearance >= 60 mL/min)"),
    # each age its own alternative; an age after a disease is no span since it
    (INC, "≥ 60 years of age with newly diagnosed AML or ≥ 18 years of age with relapsed/refractory AML",
     "(age >= 60 years and not relapsed and not refractory and (not remission or (not anticancer-therapy and review ambiguous \"a disease in remission may have been treated already\")) "
     "and AML) or (age >= 18 years and (relapsed or refractory) and AML)"),
    # products
    (EXC, "Prior treatment with decitabine or azacitidine.", "named-medication is decitabine or named-medication is azacitidine"),
    (EXC, "Patients with prior midostaurin (PKC412) treatment are excluded", "named-medication is midostaurin"),
    # a name in brackets is the same drug's, which a record may write instead
    (EXC, "Prior therapy with azacitidine (Vidaza®).", "named-medication is azacitidine or named-medication is vidaza"),
    # ... but the drugs given for an earlier disease are that history, not the drugs alone: the
    # drugs and the disease they were given for (as "for MDS" reads)
    (EXC, "Prior therapy with azacitidine or decitabine for pre-existing MDS",
     "(named-medication is azacitidine or named-medication is decitabine) and MDS"),
    (EXC, "Prior therapy with vinorelbine for treatment of breast cancer.", "named-medication is vinorelbine and breast-cancer"),
    # (the code name and the generic are one product the catalogue knows, asked by both names:
    # no longer a product Eligo does not know)
    (EXC, "Prior exposure to SNS-595 (vosaroxin)",
     "named-medication is \"sns-595 vosaroxin\" or named-medication is \"vosaroxin sns-595\""),
    # GVHD of either course
    (EXC, "Any evidence of acute or chronic graft-versus-host disease", "GVHD"),
    (EXC, "Acute or chronic graft-versus-host disease", "GVHD"),
    # the clearance with its abbreviation; the method of estimating it
    (INC, "Creatinine (Cr) clearance > 50 mL/min by Modification of Diet in Renal Disease (MDRD) calculation", "creatinine-clearance > 50 mL/min"),
    # APL named by its translocation, in an exception the karyotype's semicolon does not end
    (INC, "Histologically documented AML (except t(15;17)according to the World Health Association (WHO) criteria", "AML other than (APL)"),
    (INC, "Cytologically or histologically confirmed diagnosis of AML (except M3 acute promyelocytic leukemia) according to World Health Organization (WHO) "
          "classification.", "AML other than (APL)"),
    # a span back from now
    (EXC, "Prior allogeneic, syngeneic, or autologous bone marrow transplant or stem cell transplant less than 2 months previously",
     "HSCT within 2 months"),
    (EXC, "myocardial infarction (MI) less than 1 year ago", "myocardial-infarction within 1 year"),
    # the CNS named with the leukaemia's abbreviation
    (EXC, "Known extramedullary central nervous system (CNS) AML.", "CNS-involvement"),
    # either measure of the bilirubin
    (INC, "Serum Total or Direct bilirubin =< 1.5 times upper limit of normal (ULN)", "bilirubin <= 1.5 x ULN or direct-bilirubin <= 1.5 x ULN"),
    (INC, "Total or direct bilirubin no greater than 2.0 mg/dL", "bilirubin <= 2 mg/dL or direct-bilirubin <= 2 mg/dL"),
    # the untreated disease, its exception and permission
    (INC, "Performance status (ECOG) of 0-3. Adults with previously untreated AML except for hydroxyurea or corticosteroids. Prior hydroxyurea or "
          "lenalidomide treatment for myelodysplastic syndrome (MDS) is allowed.",
     # (corticosteroids are no anticancer therapy in the catalogue: the exception is hydroxyurea's)
     "ECOG <= 3 and age >= 18 years and (not anticancer-therapy other than (hydroxyurea) or (MDS and review "
     "unsupported \"Prior hydroxyurea or lenalidomide treatment for myelodysplastic syndrome (MDS) is allowed\")) and not relapsed and not refractory and AML"),
    # a clause letting some patients in only on a condition narrows for them, never widens
    (INC, "Diagnosis of acute myeloid leukemia by WHO criteria, either relapsed or refractory; acute promyelocytic leukemia [acute promyelocytic "
          "leukemia with t(15;17)(q22;q12) and variants] would be eligible only after failure of a regimen containing arsenic trioxide",
     "AML and (relapsed or refractory) and (not APL or (named-medication is \"arsenic trioxide\" and review unsupported \"whether the APL "
     "failed them: acute promyelocytic leukemia [acute promyelocytic leukemia with t(15;17)(q22;q12) and variants] would be eligible only "
     "after failure of a regimen containing arsenic trioxide\"))"),
    # a longer interval for named agents, asked of the record's medications (parser.agent_products)
    (EXC, "Patients who have had chemotherapy or radiotherapy within 2 weeks (6 weeks for nitrosoureas or mitomycin C) prior to entering the study",
     "chemotherapy within 2 weeks or (chemotherapy within 6 weeks and (named-medication is nitrosoureas within 6 weeks or named-medication is mitomycin within 6 weeks "
     "or (not named-medication within 6 weeks and review unsupported \"whether the agent was one of these: nitrosoureas or mitomycin C\"))) "
     "or radiotherapy within 2 weeks"),
    # ... only where the bracket ends the line: a permission after it would attach to the washout and hide it
    (EXC, "Prior chemotherapy or radiation therapy within 3 weeks prior to dosing (6 weeks for nitrosoureas or mitomycin-C). Prior antifolate "
          "therapy is permitted, as long as it has not been administered within 3 weeks prior to dosing with PT-523.",
     "chemotherapy within 3 weeks or radiotherapy within 3 weeks or (review unparsed \"6 weeks for nitrosoureas … mitomycin-C\" and review "
     "unsupported \"Prior antifolate therapy is permitted, as long as it has not been administered within 3 weeks prior to dosing with PT-523\")"),
    (INC, "At least 4 weeks since prior chemotherapy (6 weeks for nitrosoureas or mitomycin)",
     "no chemotherapy within 4 weeks exclusive and (no chemotherapy within 6 weeks exclusive or (not (named-medication is nitrosoureas within 6 weeks exclusive "
     "or named-medication is mitomycin within 6 weeks exclusive) and (named-medication within 6 weeks exclusive or review unsupported "
     "\"whether the agent was one of these: nitrosoureas or mitomycin\")))"),
]


@pytest.mark.parametrize("ctype,text,rule", READINGS, ids=[r[1][:60] for r in READINGS])
def test_the_salvage_trials_wordings_read_as_written(ctype, text, rule):
    assert rendered(text, ctype) == rule


NOBODY = adult()
CREAT_09 = adult(creatinine(0.9))
CREAT_14_GFR_75 = adult(creatinine(1.4), lab("egfr", 75, "mL/min/{1.73_m2}"))
CREAT_14_GFR_45 = adult(creatinine(1.4), lab("egfr", 45, "mL/min/{1.73_m2}"))
RELAPSED_55 = adult(condition("aml"), condition("relapsed", 30), years=55)
RELAPSED_17 = adult(condition("aml"), condition("relapsed", 30), years=17)
NEW_66 = adult(condition("aml", 20), years=66)
CHEMO_3_WEEKS = adult(medication("chemotherapy", 21))
CHEMO_5_WEEKS = adult(medication("chemotherapy", 35))
CHEMO_10_WEEKS = adult(medication("chemotherapy", 70))
UNTREATED_AML = adult(condition("aml", 10))
RELAPSED_TREATED = adult(condition("aml"), condition("relapsed", 30), medication("chemotherapy", 150))
TRANSPLANT_40_DAYS = adult(procedure("hsct", 40))
GVHD = adult(condition("gvhd", 100))

Row = tuple[str, tuple, tuple, tuple]

# (line, met, not met, unknown)
INCLUSIONS: list[Row] = [
    ("Serum creatinine =< 1.0 mg/dL; if serum creatinine > 1.0 mg/dl, then the estimated glomerular filtration rate (GFR) must be >60 mL/min/1.73 m^2",
     (CREAT_09, CREAT_14_GFR_75), (CREAT_14_GFR_45,), (NOBODY,)),
    ("≥ 60 years of age with newly diagnosed AML that is not eligible for standard induction or ≥ 18 years of age with relapsed/refractory AML",
     (RELAPSED_55,), (RELAPSED_17,), (NEW_66,)),
    ("At least 4 weeks since prior chemotherapy (6 weeks for nitrosoureas or mitomycin)", (NOBODY, CHEMO_10_WEEKS), (CHEMO_3_WEEKS,), (CHEMO_5_WEEKS,)),
    ("Adults with previously untreated AML except for hydroxyurea or corticosteroids.", (UNTREATED_AML,), (RELAPSED_TREATED,), ()),
]
EXCLUSIONS: list[Row] = [
    ("Patients who have had chemotherapy or radiotherapy within 2 weeks (6 weeks for nitrosoureas or mitomycin C) prior to entering the study",
     (adult(medication("chemotherapy", 7)),), (NOBODY, CHEMO_10_WEEKS), (CHEMO_5_WEEKS,)),
    # (kinds naming every transplant are the transplant: a record without one is cleared)
    ("Prior allogeneic, syngeneic, or autologous bone marrow transplant or stem cell transplant less than 2 months previously", (TRANSPLANT_40_DAYS,), (NOBODY,), ()),
    ("Any evidence of acute or chronic graft-versus-host disease", (GVHD,), (NOBODY,), ()),
    ("Known extramedullary central nervous system (CNS) AML.", (adult(condition("cns_involvement", 10)),), (NOBODY,), ()),
    ("Patients who are not able to swallow capsules or tablets", (adult(condition("dysphagia", 30)),), (NOBODY,), ()),
]


@pytest.mark.parametrize("text,facts,expected", outcome_cases(INCLUSIONS))
def test_an_inclusion_of_the_salvage_trials_is_decided_by_the_record(text, facts, expected):
    assert judged(parse_line(text, INC), facts) is expected


@pytest.mark.parametrize("text,facts,expected", outcome_cases(EXCLUSIONS))
def test_an_exclusion_of_the_salvage_trials_is_decided_by_the_record(text, facts, expected):
    assert judged(parse_line(text, EXC), facts) is expected


# the unfit-for-intensive-induction block as registries write it: a negated lead over its grounds,
# "OR" between the ages, and a roman list flushed left of the item that announces it
UNFIT = """
        Inclusion Criteria:

        Not considered candidates for intensive remission induction chemotherapy at time of
        enrollment based on EITHER:

          1. ≥75 years of age OR

          2. <75 years of age with at least 1 of the following:

        i. Poor performance status (ECOG) score of 2-3.

        ii. Clinically significant heart or lung comorbidities, as reflected by at least 1 of:

          1. Left ventricular ejection fraction (LVEF) ≤50%.

          2. Chronic stable angina or congestive heart failure controlled with medication.

        iii. Liver transaminases >3 × upper limit of normal (ULN).

        Creatinine clearance as estimated by the Cockcroft-Gault (C-G) or other medically
        acceptable formulas ≥30 mL/min.
"""


def _unfit() -> list:
    return list(parse_lines(split_criteria(UNFIT)))


def test_a_roman_list_flushed_left_belongs_to_the_item_that_announces_it():
    lines = _unfit()
    texts = [" ".join(c.text.split()) for c in lines]
    announcing = next(i for i, t in enumerate(texts) if t.startswith("≥75 years of age OR"))
    for start in ("Poor performance status", "Clinically significant heart", "Liver transaminases"):
        assert lines[next(i for i, t in enumerate(texts) if t.startswith(start))].parent == announcing
    lvef_line = next(i for i, t in enumerate(texts) if t.startswith("Left ventricular"))
    assert texts[lines[lvef_line].parent].startswith("Clinically significant heart")
    assert lines[next(i for i, t in enumerate(texts) if t.startswith("Creatinine clearance"))].parent is None


@pytest.mark.parametrize(
    "facts,expected",
    [
        (adult(ecog(1), lvef(60), years=78), "met"),  # old enough alone
        (adult(ecog(1), lvef(45), years=70), "met"),  # younger, with a heart ground
        (adult(ecog(1), lvef(60), crcl(90), years=70), "unknown"),  # younger, no ground the record shows (the angina line is a person's)
    ],
)
def test_the_grounds_of_not_being_a_candidate_are_what_the_patient_must_have(facts, expected):
    heading = _unfit()[0]
    assert judged(heading, facts).value == expected
