"""Residue shapes (issue 14): what words no topic read do to the structured part of a line, one
shape per row, each mined from the corpus and written short. The safety rule decides every row:
unread words may make a decided outcome ``unknown``, never hide a structured part that decides
the line against the patient, and an annotation (a remark, a note, a method) decides nothing."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.parser.sections import ParsedLine
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, alt, anc, bilirubin, condition, immunization, lab, medication, procedure, result, score, steroid

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
MAN = adult()
WOMAN = adult(word="female")

# (why, line, type, record, outcome)
OUTCOMES: list[tuple[str, str, CriterionType, PatientFacts, Outcome]] = [
    (
        "an unwillingness listed after 'or' is one more alternative of the exclusion: pregnancy still excludes",
        "Women who are pregnant or breast feeding, or women/men able to conceive and unwilling to practice an effective method of birth control",
        EXC, adult(condition("pregnancy", 40), word="female"), MET,
    ),
    (
        "an unwillingness listed after 'or' is one more alternative of the exclusion: a woman not pregnant is undecided",
        "Female patients who are pregnant or breastfeeding or male or female patients of reproductive potential who are not willing to employ effective birth control",
        EXC, WOMAN, UNKNOWN,
    ),
    (
        "a line that names men among those who must use contraception concerns men too",
        "Pregnant or lactating women, or men or women of childbearing potential not willing to use contraception",
        EXC, MAN, UNKNOWN,
    ),
    (
        "a capital AND ends the list segment: the negated GVHD after it is not qualified by the words before",
        "At least 4 months since prior stem cell transplantation or rescue AND no evidence of active graft-vs-host disease",
        INC, adult(procedure("allo_hsct", 200), condition("gvhd", 30)), NOT_MET,
    ),
    (
        "'and have <state>' after an item says more of that item: without the item the exclusion does not apply",
        "Previously diagnosed with another malignancy and have any evidence of residual disease",
        EXC, MAN, NOT_MET,
    ),
    (
        "'and have <state>' after an item narrows it: the item alone does not decide the exclusion",
        "Previously diagnosed with another malignancy and have any evidence of residual disease",
        EXC, adult(condition("colorectal_cancer", 300)), UNKNOWN,
    ),
    (
        "stem cell rescue is a stem cell transplant",
        "At least 3 months since prior stem cell transplantation or rescue (without TBI)",
        INC, adult(procedure("auto_hsct", 30)), NOT_MET,
    ),
    (
        "stem cell rescue is a stem cell transplant, also named alone",
        "Prior peripheral blood stem cell rescue",
        EXC, adult(procedure("auto_hsct", 300)), MET,
    ),
    (
        "when and how a QT interval is taken annotates the bound: a normal QTc does not exclude",
        "QTc > 470 milliseconds (msec) on a 12-lead EKG obtained during the Screening period",
        EXC, adult(lab("qtc", 440, "ms")), NOT_MET,
    ),
    (
        "the interval's name in words and the screening ECG annotate the bound: a long QTc excludes",
        "Resting QT interval corrected with Fridericia's formula (QTcF) > 480 msec on screening ECG",
        EXC, adult(lab("qtc", 500, "ms")), MET,
    ),
    (
        "the screening period is when, not what: pregnancy excludes",
        "Female patients who are lactating or have a positive serum pregnancy test during the screening period",
        EXC, adult(condition("pregnancy", 40), word="female"), MET,
    ),
    (
        "'immunization with' restates the vaccine: a live vaccine in the window excludes",
        "Patients should not receive immunization with attenuated live vaccines within one week of study entry",
        EXC, adult(immunization("live_vaccine", 3)), MET,
    ),
    (
        "how an absence is established (by CT scan or MRI) annotates it: recorded brain metastases fail 'No CNS involvement'",
        "No CNS involvement by CT scan or MRI",
        INC, adult(condition("brain_metastases", 30)), NOT_MET,
    ),
    (
        "how an absence is established annotates it: nothing recorded meets the line",
        "No brain metastases by contrast-enhanced MRI or CT scan",
        INC, MAN, MET,
    ),
    (
        "the trial's own cancer named as a prohibited therapy's indication narrows nothing: prior chemotherapy fails",
        "No prior chemotherapy for NSCLC",
        INC, adult(medication("chemotherapy", 200)), NOT_MET,
    ),
    (
        "the trial's own cancer named as a prohibited therapy's indication narrows nothing (a longer name)",
        "No prior radiotherapy for esophageal cancer",
        INC, adult(procedure("radiotherapy", 200)), NOT_MET,
    ),
    (
        "a setting ('for metastatic disease': adjuvant therapy allowed) still narrows the prohibited therapy",
        "No prior chemotherapy for metastatic disease",
        INC, adult(medication("chemotherapy", 200)), UNKNOWN,
    ),
    (
        "a required therapy keeps its indication: chemotherapy for another cancer may not be it",
        "Prior chemotherapy for NSCLC",
        INC, adult(medication("chemotherapy", 200)), UNKNOWN,
    ),
    (
        "a sentence saying testing is not required names no requirement: recorded HIV excludes",
        "History of HIV infection. Testing is not required in the absence of history.",
        EXC, adult(condition("hiv", 400)), MET,
    ),
    (
        "a note that a lumbar puncture is not required names no requirement: a known CNS leukaemia excludes",
        "Cytopathologically confirmed CNS infiltration NB: in absence of suspicion of CNS involvement, lumbar puncture is not required",
        EXC, adult(condition("cns_involvement", 30)), MET,
    ),
    (
        "a lumbar puncture not required, unless suspected: a known CNS leukaemia still excludes",
        "Known CNS leukemia. A lumbar puncture is not required unless CNS involvement is clinically suspected.",
        EXC, adult(condition("cns_involvement", 30)), MET,
    ),
    (
        "a lumbar puncture not required before treatment: a CNS leukaemia fails the inclusion's absence",
        "No active CNS involvement. A lumbar puncture prior to treatment is not required and should not be performed in the absence of significant CNS symptoms or signs.",
        INC, adult(condition("cns_involvement", 30)), NOT_MET,
    ),
    (
        "a note on conduct once enrolled names no requirement for entry: an old live vaccine does not exclude",
        "Receipt of live attenuated vaccine within 30 days prior to the first dose of IP. Note: Patients, if enrolled, should not receive live vaccine whilst receiving IP",
        EXC, adult(immunization("live_vaccine", 90)), NOT_MET,
    ),
    (
        "a looser bound for a named cause holds only where the record has it: no Gilbert's on record, a high bilirubin fails",
        "Total bilirubin ≤1.5x the upper limit of the normal range (ULN) (< 3x the ULN if Gilbert's disease is present)",
        INC, adult(bilirubin(2.5)), NOT_MET,
    ),
    (
        "a looser bound for a named cause holds where the record has it",
        "Total bilirubin ≤ 2.0 mg/dL (≤ 3.0 mg/dL for patients with known Gilbert's syndrome)",
        INC, adult(bilirubin(2.5), condition("gilbert_syndrome", 3000)), MET,
    ),
    (
        "a looser liver bound for liver metastases holds only where the record has them",
        "ALT ≤ 3 x ULN (≤ 5 x ULN in patients with liver metastases)",
        INC, adult(alt(160)), NOT_MET,
    ),
    (
        "a scope naming more than the cause stays for review",
        "ALT ≤ 3 x ULN (≤ 5 x ULN in patients with liver or bone metastases)",
        INC, adult(alt(160)), UNKNOWN,
    ),
    (
        "a clause that states its own verdict in an inclusion section excludes what it names",
        "Patients with a history of GI perforation within 12 months of registration are not eligible.",
        INC, adult(condition("gi_perforation", 100)), NOT_MET,
    ),
    (
        "a clause that states its own verdict in an inclusion section: without what it names the line holds",
        "Patients with a history of GI perforation within 12 months of registration are not eligible.",
        INC, MAN, MET,
    ),
    (
        "a stated verdict in an inclusion section is read as the exclusion it states (metastases named as excluded)",
        "Patients with brain metastases are excluded",
        INC, adult(condition("brain_metastases", 30)), NOT_MET,
    ),
    (
        "a verdict said of registration ('may not be enrolled') in an inclusion section excludes what it names",
        "Pregnant or nursing women may not be enrolled; women of childbearing potential must have a negative serum or urine pregnancy test",
        INC, adult(condition("pregnancy", 40), word="female"), NOT_MET,
    ),
    (
        "a verdict said of registration in an inclusion section: without what it names the line is no requirement to have it",
        "Patients with a second malignancy other than non-melanoma skin cancers are not to be registered",
        INC, MAN, MET,
    ),
    (
        "the verdict and its rationale ('because ...') restate the exclusion and narrow nothing",
        "Pregnant or breastfeeding women are excluded from this study because lenalidomide has the potential for teratogenic effects.",
        EXC, adult(condition("pregnancy", 40), word="female"), MET,
    ),
    (
        "'are excluded from the study' restates the exclusion: the grade bound decides",
        "Patients with ≥ grade 3 acute graft-versus-host disease are excluded from the study",
        EXC, adult(condition("gvhd", 30), score("gvhd_grade", 3)), MET,
    ),
    (
        "a sentence whose subject is the screening test names no requirement: recorded brain metastases exclude",
        "Documented brain metastases. Brain imaging is required in symptomatic patients to rule out brain metastases, but is not required in asymptomatic patients",
        EXC, adult(condition("brain_metastases", 100)), MET,
    ),
    (
        "a bracketed note that the trial does not test annotates: recorded brain metastases exclude",
        "Previous or current CNS metastases (screening CT or MRI is not required in asymptomatic subjects)",
        EXC, adult(condition("brain_metastases", 100)), MET,
    ),
    (
        "a bracketed note that the trial does not test annotates: nothing on record meets 'No known brain metastases'",
        "No known brain metastases (cerebral CT scan is not required if no symptom is present)",
        INC, MAN, MET,
    ),
    (
        "'CNS or brain metastases' names brain metastases twice",
        "No CNS or brain metastases",
        INC, MAN, MET,
    ),
    (
        "'central nervous system (CNS) metastasis' is a brain metastasis, and a history of one counts though resolved",
        "History of central nervous system (CNS) metastasis.",
        EXC, adult(condition("brain_metastases", 900, active=False)), MET,
    ),
    (
        "a regimen is the therapy's unit and 'to treat' its purpose: neither is a condition",
        "At least one prior chemotherapy regimen to treat AML",
        INC, adult(condition("aml", 200), medication("chemotherapy", 100)), MET,
    ),
    (
        "'allogenic' (a registry spelling) organ transplant is an organ transplant",
        "History of allogenic organ transplantation",
        EXC, adult(procedure("organ_transplant", 1000)), MET,
    ),
    (
        "'allogenic' bone marrow transplant is an allogeneic one: an autologous transplant does not exclude",
        "Patients with prior allogenic bone marrow transplant or solid organ transplant",
        EXC, adult(procedure("auto_hsct", 1000)), NOT_MET,
    ),
    (
        "a cord blood transplantation is an allogeneic stem cell transplant, its bracketed initials restate it",
        "Prior double umbilical cord blood transplantation (dUCBT)",
        EXC, adult(procedure("allo_hsct", 1000)), MET,
    ),
    (
        "eligibility for a transplant is no record of one: an unread alternative of the exclusion",
        "Autologous HSCT within 6 weeks or allogeneic HSCT within 12 weeks, or eligibility for allogeneic HSCT at the time of enrollment",
        EXC, MAN, UNKNOWN,
    ),
    (
        "eligibility for a transplant is no record of one: a past transplant does not decide it",
        "Eligible for allogeneic stem cell transplantation",
        EXC, adult(procedure("allo_hsct", 1000)), UNKNOWN,
    ),
    (
        "not being a candidate for a transplant is no absence of one: nothing on record leaves it to review",
        "Not a candidate for autologous stem cell transplant",
        INC, MAN, UNKNOWN,
    ),
    (
        "a transplant scheduled is no transplant had",
        "Scheduled for hematopoietic stem cell transplantation",
        INC, adult(procedure("allo_hsct", 1000)), UNKNOWN,
    ),
    (
        "a sentence opening 'Exception for ...' excepts from the line: a patient with none of the infections is not excluded",
        "Known active HIV, hepatitis B or C. Exception for patients with hepatitis B on antivirals and low viral load, to be determined at the discretion of the investigator.",
        EXC, MAN, NOT_MET,
    ),
    (
        "a sentence opening 'Exception for ...' leaves only its own subject to review: HIV still excludes",
        "Known active HIV, hepatitis B or C. Exception for patients with hepatitis B on antivirals and low viral load, to be determined at the discretion of the investigator.",
        EXC, adult(condition("hiv", 400)), MET,
    ),
    (
        "'EXCEPTIONS: ...' after a malignancy line excepts what it names, never excludes it",
        "Other active malignancy within 5 years prior to registration; EXCEPTIONS: non-melanotic skin cancer or carcinoma-in-situ",
        EXC, adult(condition("nonmelanoma_skin_cancer", 300)), NOT_MET,
    ),
    (
        "'Exception: ...' widens an inclusion for the patients it names, and only for them",
        "Patients must be 18 years of age or older. Exception: patients who are 13 years old or older and weigh over 40 kg",
        INC, adult(years=10), NOT_MET,
    ),
    (
        "'X not permitted' in an inclusion section forbids X: a patient on it fails",
        "Concurrent steroids not permitted",
        INC, adult(medication("steroid_therapy", 3)), NOT_MET,
    ),
    (
        "'X is not allowed' in an inclusion section forbids X: a patient without it meets the line",
        "Concurrent radiotherapy is not allowed",
        INC, MAN, MET,
    ),
    (
        "'No X allowed' says the prohibition twice: a patient with X fails",
        "No prior chemotherapy allowed",
        INC, adult(medication("chemotherapy", 300)), NOT_MET,
    ),
    (
        "a bare permission asks nothing of anyone: with the therapy the line is met",
        "Prior chemotherapy allowed",
        INC, adult(medication("chemotherapy", 300)), MET,
    ),
    (
        "a permission 'unless within N days' forbids only a recent one: an old transplant meets the line",
        "Prior stem cell transplant allowed unless within 90 days of study entry",
        INC, adult(procedure("allo_hsct", 400)), MET,
    ),
    (
        "a permission 'unless within N days' forbids a recent one",
        "Prior stem cell transplant allowed unless within 90 days of study entry",
        INC, adult(procedure("allo_hsct", 30)), NOT_MET,
    ),
    (
        "a permission of a disease is no bare permission: it stays for review",
        "Prior myelodysplastic syndrome allowed",
        INC, adult(condition("mds", 400)), UNKNOWN,
    ),
    (
        "a negation inside a permitted group's description keeps it a permission: no radiotherapy, nothing asked",
        "Prior localized radiotherapy that does not influence the signal of the evaluable lesion is allowed",
        INC, MAN, MET,
    ),
    (
        "a cross-reference run into the line ('See Disease Characteristics') hides no negation: prior chemotherapy fails",
        "See Disease Characteristics No prior systemic chemotherapy",
        INC, adult(medication("chemotherapy", 300)), NOT_MET,
    ),
    (
        "every therapy listed after an opening 'No' is prohibited, however far down the list",
        "No concurrent immunotherapeutic drugs, chemotherapy, or radiotherapy",
        INC, adult(procedure("radiotherapy", 3)), NOT_MET,
    ),
    (
        "a wrapper with when its values are taken ('... data within 6 weeks prior to start of treatment:') adds no condition",
        "Adequate Hematology laboratory data within 6 weeks prior to start of treatment: Absolute neutrophils> 1.5 x 109/L, Platelets ≥ 100 x 109/L",
        INC, adult(anc(2.0), lab("platelets", 150, "10*9/L")), MET,
    ),
    (
        "commas between bounds of different labs list requirements though 'or' joins two of them: one failing value fails",
        "ANC ≥ 1.5×109/L, PLT ≥ 100×109/L, ALT or AST ≤ 2.5×ULN, INR < 1.5 or PT < ULN",
        INC, adult(anc(2.0), lab("platelets", 40, "10*9/L")), NOT_MET,
    ),
    (
        "a bare slash between bounds of different labs lists them too: a failed bilirubin beside a normal ALT fails",
        "Bilirubin: <2.0 x Upper limit of normal (ULN)/ Alanine Transaminase (ALT): <3.0 x ULN (<5x ULN if hepatic compromise is present).",
        INC, adult(lab("bilirubin", 3.0, "mg/dL"), lab("alt", 30, "U/L")), NOT_MET,
    ),
    (
        "an 'or' between two measures of one thing stays an alternative",
        "Creatinine ≤ 1.5 mg/dL, or creatinine clearance ≥ 60 mL/min",
        INC, adult(lab("creatinine", 2.0, "mg/dL"), lab("creatinine_clearance", 70, "mL/min")), MET,
    ),
    (
        "a window counted back from the first radiotherapy fraction is when, not a radiotherapy alternative",
        "Current or prior use of immunosuppressive medication within 7 days before the first fraction of RT",
        EXC, adult(procedure("radiotherapy", 400)), NOT_MET,
    ),
    (
        "a window counted back from the first radiotherapy fraction: a recent immunosuppressant excludes",
        "Current or prior use of immunosuppressive medication within 7 days before the first fraction of RT",
        EXC, adult(medication("immunosuppressant_therapy", 3)), MET,
    ),
    (
        "a word of the item said again beside it ('hepatitis B virus hepatitis') adds nothing: recorded hepatitis B excludes",
        "known HIV positive, known active hepatitis B virus hepatitis, or known active hepatitis C virus hepatitis",
        EXC, adult(condition("hbv", 400)), MET,
    ),
    (
        "where a diagnosis is established ('as determined by pathology review at the treating institute') annotates it",
        "Diagnosis of AML according to WHO classification (2008) as determined by pathology review at the treating institute",
        INC, adult(condition("aml", 100)), MET,
    ),
    (
        "the disease a leukemia arose from is no alternative to it: MDS alone does not meet 'AML or AML secondary to MDS'",
        "Diagnosis of primary acute myeloid leukemia (AML) or AML secondary to myelodysplastic syndrome (MDS)",
        INC, adult(condition("mds", 100)), NOT_MET,
    ),
    (
        "the disease a leukemia arose from is on the record too: AML without MDS on record does not meet it (contract section 4: an absent "
        "diagnosis is absent; left to review, a de novo AML was eligible for an MDS-only list, holdout T184)",
        "Acute myeloid leukemia arising from MDS",
        INC, adult(condition("aml", 100)), NOT_MET,
    ),
    (
        "the disease a leukemia arose from, on the record beside it, meets it",
        "Acute myeloid leukemia arising from MDS",
        INC, adult(condition("aml", 100), condition("mds", 500)), MET,
    ),
    (
        "a permission of minor procedures leaves a major surgery's exclusion as it is",
        "Major surgery within 30 days of randomization. Minor surgical procedures, such as catheter placement or minimally invasive biopsies, are allowed.",
        EXC, adult(procedure("major_surgery", 10)), MET,
    ),
    (
        "a permission of killed vaccines leaves a live vaccine's exclusion as it is",
        "Has received a live vaccine within 30 days prior to the first dose of study drug. Seasonal influenza vaccines for injection are generally killed virus vaccines and are allowed.",
        EXC, adult(immunization("live_vaccine", 10)), MET,
    ),
    (
        "'unless ... not requiring steroid therapy for at least 2 weeks': a steroid 3 days ago leaves the exclusion standing",
        "Brain metastasis, unless asymptomatic, stable condition, and not requiring steroid therapy for at least 2 weeks before the first dose of study treatment",
        EXC, adult(condition("brain_metastases", 60), steroid(3, 8)), MET,
    ),
    (
        "'unless ... not requiring steroid therapy for at least 2 weeks': off steroids, the unread 'asymptomatic, stable' leaves it open",
        "Brain metastasis, unless asymptomatic, stable condition, and not requiring steroid therapy for at least 2 weeks before the first dose of study treatment",
        EXC, adult(condition("brain_metastases", 60)), UNKNOWN,
    ),
    (
        "a status framed by the therapy it follows is the disease's: 'refractory to primary induction therapy'",
        "refractory to primary induction therapy or refractory to salvage therapy",
        INC, adult(condition("refractory", 100)), MET,
    ),
    (
        "a status framed by its ordinal is the disease's: without a relapse on record the line fails",
        "in untreated second or greater relapse",
        INC, MAN, NOT_MET,
    ),
    (
        "a permitted group is read at its widest: a transplanted patient whose relapse is not coded is still in it, held to its condition",
        "Participants who have relapsed after HSCT are eligible, provided they have no evidence of acute or chronic GVHD",
        INC, adult(procedure("allo_hsct", 60)), MET,
    ),
    (
        "the condition's 'they have no' is its negation: a transplanted patient with GVHD fails it",
        "Participants who have relapsed after HSCT are eligible, provided they have no evidence of acute or chronic GVHD",
        INC, adult(procedure("allo_hsct", 60), condition("gvhd", 20)), NOT_MET,
    ),
    (
        "an imaging method is a whole word: 'CTC grade > 2' is no CT scan, and still narrows the neuropathy",
        "Patients with peripheral neuropathy CTC grade >2 are excluded.",
        EXC, adult(condition("peripheral_neuropathy", 100)), UNKNOWN,
    ),
    (
        "a count of regimens other than 'at least one' stays unread: any chemotherapy does not decide '> 2 prior regimens'",
        "> 2 prior chemotherapy regimens",
        EXC, adult(medication("chemotherapy", 100)), UNKNOWN,
    ),
    (
        "'X patients and those with Y' names two groups: Y alone excludes",
        "HIV positive patients and those with Hepatitis B or C will be excluded from this protocol.",
        EXC, adult(condition("hbv", 400)), MET,
    ),
    (
        "a candidacy judged for a therapy several words on is no record of it: no chemotherapy on record leaves it to review",
        "Not considered candidates for intensive remission induction chemotherapy at time of enrollment",
        INC, MAN, UNKNOWN,
    ),
    (
        "'No A, B' lists things none of which may be present: A alone fails",
        "No HIV, hepatitis B",
        INC, adult(condition("hiv", 400)), NOT_MET,
    ),
    (
        "'No A and B' asks for neither: B alone fails",
        "No brain metastases and HIV infection",
        INC, adult(condition("hiv", 400)), NOT_MET,
    ),
    (
        "'No A that requires B' keeps its qualifying join: A without B meets the line",
        "No autoimmune disorder that requires active immunosuppression",
        INC, adult(condition("autoimmune_disease", 400)), MET,
    ),
    (
        "a prohibited therapy's purpose ('for prevention or treatment of GVHD') names its indication: recent immunosuppression fails",
        "No active graft versus host disease (GVHD) or immunosuppression for prevention or treatment of GVHD within two weeks of study entry",
        INC, adult(procedure("allo_hsct", 200), medication("immunosuppressant_therapy", 3)), NOT_MET,
    ),
    (
        "a prohibited therapy's purpose names its indication: immunosuppression a month ago is outside the window",
        "No active graft versus host disease (GVHD) or immunosuppression for prevention or treatment of GVHD within two weeks of study entry",
        INC, adult(procedure("allo_hsct", 200), medication("immunosuppressant_therapy", 30)), MET,
    ),
    (
        "how a status is shown ('as evidenced by', 'as shown by') is no requirement: the evidence named decides",
        "Relapsed disease as evidenced by > 5% blasts in the bone marrow", INC,
        adult(condition("aml"), condition("relapsed", 20), lab("bm_blasts", 30, "%")), MET,
    ),
    (
        "how a status is shown is no requirement: the evidence named decides, against the patient too",
        "Relapsed disease as shown by > 5% blasts in the bone marrow", INC,
        adult(condition("aml"), condition("relapsed", 20), lab("bm_blasts", 2, "%")), NOT_MET,
    ),
    (
        "an 'or' after a comma closes the 'and' before it: hepatitis C alone excludes",
        "HBsAg positive and HBV DNA > 1000 copies/mL, or HCV positive",
        EXC, adult(condition("hcv", 300)), MET,
    ),
    (
        "an 'or' after a comma closes the 'and' before it: an inactive carrier (DNA negative) is not excluded",
        "HBsAg positive and HBV DNA > 1000 copies/mL, or HCV positive",
        EXC, adult(result("hbsag", "positive"), result("hbv_dna", "negative")), NOT_MET,
    ),
    (
        "the bracket naming the tests that show an infection asks nothing more: no infection on record, not excluded",
        "HCV positive (HCV RNA or HCV Ab test suggests acute and chronic infections); known history of HIV",
        EXC, MAN, NOT_MET,
    ),

    (
        "the bracket defining childbearing potential is a remark: a negative pregnancy test meets the line",
        "Women of childbearing potential (women who are not postmenopausal for at least one year and are not surgically sterile) must have a negative urine pregnancy test",
        INC, adult(result("pregnancy_test", "negative", 3), word="female"), MET,
    ),

    (
        "'pulmonary interstitial disease' / 'interstitial pulmonary disease' is interstitial lung disease: one on record excludes",
        "History or presence at baseline of pulmonary interstitial disease, drug-related pneumonitis, or radiation pneumonitis",
        EXC, adult(condition("interstitial_lung_disease", 200)), MET,
    ),

    (
        "the NYHA class written after 'heart failure' narrows it: class 1 heart failure does not exclude",
        "Congestive heart failure NYHA class 3 or 4",
        EXC, adult(condition("heart_failure", 300), score("nyha", 1)), NOT_MET,
    ),
    (
        "the NYHA class written after 'heart failure' narrows it: class 3 excludes",
        "Heart failure (NYHA class >= III)",
        EXC, adult(condition("heart_failure", 300), score("nyha", 3)), MET,
    ),

    (
        "advice that excludes no one ('while not exclusionary, is discouraged') asks nothing: no steroid on record, not excluded",
        "Patients who require systemic steroids at a dose equivalent of >10 mg/day of prednisone. Beta-blocker therapy, while not exclusionary, is discouraged and alternatives should be sought if possible.",
        EXC, MAN, NOT_MET,
    ),

    (
        "a women's contraception duty run into the line asks nothing of a man: HIV negative decides",
        "Fertile women must use effective contraception HIV negative",
        INC, MAN, MET,
    ),
    (
        "a women's contraception duty run into the line stays a question for a woman",
        "Fertile women must use effective contraception HIV negative",
        INC, WOMAN, UNKNOWN,
    ),

]


# an inclusion heading that states its list excludes, and a line under it
EXCLUDING_HEADING = [
    ParsedLine(INC, "Patient history: patients who have any of the following are NOT eligible:", heading=True),
    ParsedLine(INC, "Brain metastases", parent=0),
    ParsedLine(INC, "HIV infection", parent=0),
]


@pytest.mark.parametrize(("facts", "expected"), [(MAN, MET), (adult(condition("hiv", 400)), NOT_MET)])
def test_an_inclusion_heading_that_states_its_list_excludes_holds_when_none_applies(facts: PatientFacts, expected: Outcome) -> None:
    heading = parse_lines(EXCLUDING_HEADING)[0]
    assert evaluate(heading, facts, AS_OF).outcome is expected


# a line that opens with "OR" / "AND/OR" continues the line before it (the PDQ layout)
OR_CONTINUATION = [
    ParsedLine(INC, "Renal:", heading=True),
    ParsedLine(INC, "Creatinine less than 1.5 mg/dL", parent=0),
    ParsedLine(INC, "AND/OR Creatinine clearance greater than 75 mL/min", parent=0),
]


@pytest.mark.parametrize(("facts", "expected"), [
    (adult(lab("creatinine", 2.0, "mg/dL"), lab("creatinine_clearance", 80, "mL/min")), MET),
    (adult(lab("creatinine", 1.0, "mg/dL"), lab("creatinine_clearance", 60, "mL/min")), MET),
    (adult(lab("creatinine", 2.0, "mg/dL"), lab("creatinine_clearance", 60, "mL/min")), NOT_MET),
])
def test_a_line_opening_with_or_is_an_alternative_of_the_line_before(facts: PatientFacts, expected: Outcome) -> None:
    heading = parse_lines(OR_CONTINUATION)[0]
    assert evaluate(heading, facts, AS_OF).outcome is expected


# an exclusion heading that names the group its list concerns
GROUP_HEADING = [
    ParsedLine(EXC, "Patients who have had allogeneic hematopoietic stem cell transplant (HSCT) are not eligible if they meet any of the following:", heading=True),
    ParsedLine(EXC, "Has active graft-versus-host disease", parent=0),
    ParsedLine(EXC, "HIV infection", parent=0),
]


@pytest.mark.parametrize(("facts", "expected"), [
    (MAN, NOT_MET),  # outside the group
    (adult(procedure("auto_hsct", 300), condition("hiv", 400)), NOT_MET),  # an autologous transplant is not the group ('(HSCT)' restates it)
    (adult(procedure("allo_hsct", 300), condition("hiv", 400)), MET),
])
def test_an_exclusion_heading_that_names_a_group_excludes_only_within_it(facts: PatientFacts, expected: Outcome) -> None:
    heading = parse_lines(GROUP_HEADING)[0]
    assert evaluate(heading, facts, AS_OF).outcome is expected


@pytest.mark.parametrize(("text", "ctype", "facts", "expected"), [pytest.param(t, c, f, o, id=i) for i, t, c, f, o in OUTCOMES])
def test_residue_shape_decides_as_the_text_means(text: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    got = evaluate(parse_line(text, ctype), facts, AS_OF)
    assert got.outcome is expected, got.reason


# a heading that ends by announcing exceptions: the lines under it are what it excepts, never
# further alternatives asked with it (joined so, another cancer with none of them passed)
EXCEPTING_HEADINGS = {
    "malignancy": [
        ParsedLine(INC, "Acute myeloid leukemia"),  # the trial's own disease
        ParsedLine(EXC, "History of another primary malignancy, with the exception of:", heading=True),
        ParsedLine(EXC, "Basal or squamous cell carcinoma of the skin", parent=1),
        ParsedLine(EXC, "Carcinoma in situ of the cervix", parent=1),
    ],
    "steroids": [
        ParsedLine(INC, "No concurrent systemic steroids except for the following:", heading=True),
        ParsedLine(INC, "physiologic doses for systemic steroid replacement therapy", parent=0),
    ],
    "hormones": [
        ParsedLine(INC, "No concurrent hormonal therapy except for the following:", heading=True),
        ParsedLine(INC, "Hormone replacement therapy", parent=0),
    ],
}


@pytest.mark.parametrize(("heading", "facts", "expected"), [
    ("malignancy", adult(condition("breast_cancer", 365)), MET),
    ("malignancy", adult(condition("nonmelanoma_skin_cancer", 365)), NOT_MET),
    ("malignancy", MAN, NOT_MET),
    ("steroids", adult(*steroid(3, 40)), NOT_MET),
    ("steroids", MAN, MET),
    # "hormone replacement therapy" read as any hormonal therapy would except all of them: left to a person
    ("hormones", adult(medication("hormone_therapy", 3)), UNKNOWN),
    ("hormones", MAN, MET),
])
def test_the_lines_under_an_excepting_heading_are_its_exceptions(heading: str, facts: PatientFacts, expected: Outcome) -> None:
    lines = EXCEPTING_HEADINGS[heading]
    at = next(k for k, line in enumerate(lines) if line.heading)
    assert evaluate(parse_lines(lines)[at], facts, AS_OF).outcome is expected


# a permission under a therapy heading names its own subject: read with the heading's word after
# it, "Prior adjuvant chemotherapy allowed" asked chemotherapy of everyone
@pytest.mark.parametrize(("heading", "line", "facts", "expected"), [
    ("Chemotherapy:", "Prior adjuvant chemotherapy allowed", MAN, MET),
    ("Radiotherapy:", "Concurrent CNS radiation allowed", MAN, MET),
    ("Endocrine therapy:", "Prior corticosteroids allowed", MAN, MET),
    ("Chemotherapy:", "At least 4 weeks since prior", adult(medication("chemotherapy", 7)), NOT_MET),  # the heading still names the subject
])
def test_a_permission_under_a_therapy_heading_asks_nothing(heading: str, line: str, facts: PatientFacts, expected: Outcome) -> None:
    lines = [ParsedLine(INC, heading, heading=True), ParsedLine(INC, line, parent=0)]
    assert evaluate(parse_lines(lines)[1], facts, AS_OF).outcome is expected


# a short label nested under a line with nothing under it ("Female patients who:" indented below a
# lab line, its list at the outer level) asks nothing of the line above it
DANGLING_LABEL = [
    ParsedLine(INC, "Total bilirubin ≤ 1.5 x institutional upper limit of normal"),
    ParsedLine(INC, "Female patients who:", parent=0),
    ParsedLine(INC, "Are postmenopausal for at least 24 months before the Screening visit, OR"),
]


@pytest.mark.parametrize(("facts", "expected"), [
    (adult(bilirubin(1.0)), MET),
    (adult(bilirubin(3.0)), NOT_MET),
])
def test_a_dangling_label_under_a_line_asks_nothing_of_it(facts: PatientFacts, expected: Outcome) -> None:
    assert evaluate(parse_lines(DANGLING_LABEL)[0], facts, AS_OF).outcome is expected


# an organ label before the line ("Kidney function:") is consumed words, no item the unread words
# after it qualify: read as a qualifier, "creatinine outside the normal range for age, or measured
# creatinine clearance < 50" became both at once, and a patient whose clearance was fine passed
# the exclusion whatever the creatinine (hold22's finding)
@pytest.mark.parametrize(("facts", "expected"), [
    (adult(lab("creatinine_clearance", 35, "mL/min")), MET),
    (adult(lab("creatinine_clearance", 90, "mL/min")), Outcome.UNKNOWN),
])
def test_an_organ_label_never_makes_the_unread_alternative_a_qualifier(facts: PatientFacts, expected: Outcome) -> None:
    text = "Kidney function: serum creatinine outside the normal range for age, or measured creatinine clearance < 50 mL/min"
    assert evaluate(parse_line(text, CriterionType.EXCLUSION), facts, AS_OF).outcome is expected
