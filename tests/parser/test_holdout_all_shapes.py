"""Shapes the lymphoblastic-leukaemia holdout trials (T21-T25 in ``test_holdout_trials``) misread,
each fixed in its general form and pinned here with real corpus lines (``../shared/corpus``
criteria texts split as the importer splits them; counts are regular-expression floors):

* An infant's age after the word "age" ("Age > 28 days and < 18 years", "Age: >3 months to <18
  years"; 4 lines in days or weeks, 5 compared in months): the unit is kept. Read as years, "> 28
  days" failed every child, and "> 3 months" any child under 4 (the months were lost to the space
  before the word). Without "age", "2 weeks old" is a scan's age and stays unread.
* The length of a pregnancy or contraception duty ("... while receiving protocol-specified therapy
  and for at least 6 months after the last dose of blinatumomab"; 66 lines in 57 trials name a
  drug there): a period ahead of the patient, dropped from the sentences about pregnancy,
  breastfeeding or contraception. Read as elapsed time, "no blinatumomab within 6 months" made
  the exclusion met for every patient; left as words, a pregnant patient was only unknown.
* A pregnancy exclusion that names the state and the plan ("Post-menarchal female subject who is
  pregnant or breastfeeding, or is planning to become pregnant"; 12 lines): the state excludes, as
  in lines that open with it. "Women should not breastfeed" inside an exclusion names whom it
  excludes (read as "not lactating", it excluded every woman who was not breastfeeding).
* A cap on the lifetime dose of a drug said as a requirement ("Patients must have less than
  400mg/m2 lifetime exposure of anthracycline chemotherapy"; 3 COG lines): met by a patient never
  given the drug, a person's call for one who was (it asked every patient to have had it).
* Where and when a value is taken: "Peripheral" before a blood count (12 lines), "at the time of
  informed consent/assent" (4), "when enrolled onto this study" (4), a marrow grade named after
  the blast count that defines it ("< 5% (M1)", "(M2/M3 bone marrow)"; 6 lines). Each made a
  decided line unknown; a grade with no count before it ("In marrow relapse (M3 bone marrow)")
  is still read by a person.
* The disease that involves the CNS ("Active central nervous system involvement by AML", "CNS
  (CNS 2, CNS 3) involvement by ALL"; 28 lines in 27 trials): part of the one finding. Read as an
  alternative, every patient with AML was excluded and "No CNS involvement by lymphoma" failed
  every patient with lymphoma.
* Agents "to prevent GVHD after HSCT" (7 lines name GVHD prophylaxis; 2 say after a transplant):
  a transplant recipient's, shown by the transplant or its GVHD on record. Read without it, a
  corticosteroid against the leukaemia excluded a patient never transplanted. A calcineurin
  inhibitor named on the line still excludes whatever the record.
* The share of blasts carrying an antigen ("At least 25% expression of CD22", "CD22 expression
  >= 25%"): compared with the percentage on record. Left off, any positive result met it; a
  record that only says "positive" is now unknown.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import Part, adult, age, anc, condition, lab, medication, procedure, record, result

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION


def woman(*parts: Part | tuple[Part, ...], years: int = 16) -> PatientFacts:
    return adult(*parts, years=years, word="female")


def blasts(percent: float) -> Part:
    return lab("bm_blasts", percent, "%")


ROWS = [
    # -- ages of infants, with the word "age"
    ("Age > 28 days and < 18 years at the time of informed consent/assent", I,
     [record(age(10)), record(age(1))], [record(age(18))], [record()]),
    ("Age: >3 months to <18 years of age.", I, [record(age(1)), record(age(17))], [record(age(18))], [record()]),
    ("Patients must be >1 and < 21 years of age when enrolled onto this study.", I, [record(age(12))], [record(age(21))], [record()]),
    ("At least one tumor lesion that can be accurately measured in at least one dimension according to RECIST and which has not "
     "been treated with local therapy (TACE, PEI, radiofrequency ablation); CT or MRI scans should be not more than 2 weeks old "
     "to be used as baseline scan", I, [], [], [record(age(1)), record(age(60))]),
    # -- the length of a pregnancy duty; the state beside a plan
    ("Post-menarchal female subject who is pregnant or breastfeeding, or is planning to become pregnant or breastfeed while "
     "receiving protocol-specified therapy and for at least 6 months after the last dose of blinatumomab or for 12 months after "
     "the last dose of chemotherapy", E,
     [woman(condition("pregnancy", 60)), woman(condition("lactation", 60))],
     [woman(), woman(medication("cd19_directed_therapy", 400), medication("chemotherapy", 30))], []),
    ("Female patients who are pregnant, lactating or planning pregnancy during the course of the study and for three months "
     "thereafter.", E, [woman(condition("lactation", 30))], [woman()], []),
    ("Fertile patients must use effective contraception during and for 3 months after last dose of chemotherapy", I,
     [], [], [adult(), adult(medication("chemotherapy", 20))]),
    ("Pregnancy/Contraception: patients who are pregnant or breast-feeding will not be eligible.", E,
     [woman(condition("pregnancy", 60))], [woman()], []),
    ("Patients known or found to be pregnant or those unwilling to discontinue breastfeeding. The effects of the chemotherapy, "
     "vaccines, and the medications used in this study are highly likely to be harmful to a fetus. The effects upon breast milk "
     "are also unknown and may be harmful to the infant; therefore, women should not breastfeed while on this study.", E,
     [woman(condition("lactation", 30))], [], [woman()]),
    # -- a cap on the lifetime dose
    ("Prior anthracycline exposure: Patients must have less than 400mg/m2 lifetime exposure of anthracycline chemotherapy.", I,
     [adult(), adult(medication("chemotherapy", 200))], [], [adult(medication("anthracycline", 200))]),
    # -- where and when a value is taken
    ("Subjects with bone marrow blast percentage < 5% (M1) or bone marrow blast percentage < 25% and ≥5% (M2) marrow at the time "
     "of randomization,", I, [record(blasts(3)), record(blasts(15))], [record(blasts(40))], [record()]),
    ("Recurrent disease with >= 5% blasts in the bone marrow (M2/M3 bone marrow), with or without extramedullary disease.", I,
     [record(condition("relapsed"), blasts(30))], [record(condition("relapsed"), blasts(2))], [record(condition("relapsed"))]),
    ("In marrow relapse (M3 bone marrow) with or without associated extramedullary disease as defined by 1 of the following:", I,
     [], [], [record(condition("relapsed"), blasts(40))]),
    ("Peripheral neutrophils < 500/μL prior to start of treatment", E, [record(anc(0.3))], [record(anc(0.9))], [record()]),
    ("Peripheral platelets < 50,000/μL prior to start of treatment", E,
     [record(lab("platelets", 30, "10*9/L"))], [record(lab("platelets", 80, "10*9/L"))], [record()]),
    ("Peripheral absolute neutrophil count (ANC) >= 1,000/mm^3", I, [record(anc(1.5))], [record(anc(0.5))], [record()]),
    # -- the disease that involves the CNS
    ("Evidence of current CNS (CNS 2, CNS 3) involvement by ALL", E,
     [record(condition("all"), condition("cns_involvement", 10))], [record(condition("all"))], []),
    ("Active central nervous system involvement by AML", E,
     [record(condition("aml"), condition("cns_involvement", 10))], [record(condition("aml"))], []),
    ("No CNS involvement by lymphoma", I, [record(condition("lymphoma"))], [record(condition("lymphoma"), condition("cns_involvement", 10))], []),
    # -- what GVHD prophylaxis after a transplant is
    ("Are receiving cyclosporine, tacrolimus, or other agents to prevent graft-versus host disease (GVHD) after HSCT.", E,
     [adult(procedure("allo_hsct", 200), procedure("hsct", 200), medication("immunosuppressant_therapy", 0)),
      adult(condition("gvhd", 100), medication("steroid_therapy", 0)), adult(medication("immunosuppressant_therapy", 0))],
     [adult(medication("steroid_therapy", 0)), adult(procedure("hsct", 200), medication("steroid_therapy", 200))], []),
    # -- the share of blasts carrying an antigen
    ("At least 25% expression of CD22 by immunophenotyping", I,
     [record(lab("cd22", 60, "%"))], [record(lab("cd22", 10, "%"))], [record(result("cd22", "positive")), record()]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_holdout_shape_is_read_for_what_it_asks(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected
