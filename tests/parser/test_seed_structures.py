"""Every top-level line of the five seed trials (/work/main/seeds, read by the seed importer)
pinned to the structure it parses to, in a compact rendering: a change to the parser that
changes a seed line's reading fails here and must be looked at (and this table updated on
purpose). Reviews render as R[reason:first words]; a line left wholly to review as R[reason:]."""

from __future__ import annotations

from pathlib import Path

import pytest

from rules_engine.criteria import All, Any_, Expr, Not, Predicate, Review
from rules_engine.parser import parse_lines
from trials.importers import load_seed_dir

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def render(e: Expr) -> str:
    if isinstance(e, Predicate):
        text = f"{e.concept} {e.op.value}" + (f" {e.value}" if e.value is not None else "") + (f" {e.unit}" if e.unit else "")
        return text + (" xULN" if e.uln else "") + (f" w={e.window.amount}{e.window.unit}" if e.window else "")
    if isinstance(e, Review):
        return f"R[{e.reason.value}:{e.text[:30]}]"
    if isinstance(e, Not):
        return "NOT(" + render(e.part) + ")"
    return ("ALL(" if isinstance(e, All) else "ANY(") + ", ".join(render(p) for p in e.parts) + ")"


# (trial, first 70 characters of the line, structure)
PINNED = [
    ('NCT06559644', 'Age ≥18 and <70 years old, gender not specified;', 'ALL(age gte 18 a, age lt 70 a)'),
    ('NCT06559644', 'Diagnosed with B-ALL or AML according to the World Health Organization', 'ANY(b_all present, aml present)'),
    ('NCT06559644', 'Meet the diagnosis of relapsed/refractory leukemia, excluding isolated', "ALL(ANY(relapsed present, refractory present), ANY(acute_leukemia present, cll present, cml present, prolymphocytic_leukemia present, plasma_cell_leukemia present, atll present, ALL(cmml present, R[ambiguous:whether the line's leukaemia t]), ALL(jmml present, R[ambiguous:whether the line's leukaemia t]), ALL(hematologic_malignancy present, R[ambiguous:whether the blood cancer on re])), NOT(isolated_extramedullary_relapse present))"),
    ('NCT06559644', 'Patients who have previously received ineffective/relapsed CAR-T cell ', 'ANY(NOT(car_t present), ALL(ANY(refractory present, relapsed present), R[ambiguous:after the treatment: the effic]))'),
    ('NCT06559644', 'Estimated survival >12 weeks;', 'life_expectancy gt 12 wk'),
    ('NCT06559644', 'Eastern Cooperative Oncology Group (ECOG) performance status score ≤2;', 'ecog lte 2'),
    ('NCT06559644', 'Left ventricular ejection fraction (LVEF) ≥50%;', 'lvef gte 50 %'),
    ('NCT06559644', 'Pulmonary function ≤Grade 1 dyspnea (CTCAE v5.0), normal oxygen satura', 'R[unsupported_concept:]'),
    ('NCT06559644', 'Total bilirubin (TBil) ≤3×upper limit of normal (ULN), aspartate amino', 'ALL(bilirubin lte 3 xULN, ast lte 5 xULN, alt lte 5 xULN, creatinine lte 1.6 mg/dL)'),
    ('NCT06559644', 'Pregnancy test must be negative, and fertile non-abstinent female pati', 'ALL(pregnancy_test is negative, R[consent:fertile non-abstinent female p], R[consent:Fertile male patients with fer])'),
    ('NCT06559644', 'The subject and their legal guardian voluntarily participate in this s', 'R[consent:]'),
    ('NCT06559644', 'The subject and their legal guardian are willing and able to comply wi', 'R[consent:]'),
    # (an epilepsy coded intractable is an uncontrolled seizure disorder by definition: topics.qualified_conditions)
    ('NCT06559644', 'Patients with a history of severe central nervous system diseases, suc', 'ANY(ALL(ANY(cns_disorder present, cns_disorder within w=100.0years), R[judgement:Patients with a history of sev]), intractable_epilepsy present, ALL(seizure_disorder present, R[judgement:uncontrolled]), stroke present, psychiatric_illness present)'),
    ('NCT06559644', 'New York Heart Association (NYHA) functional class III or IV heart fai', 'ALL(heart_failure present, nyha gte 3)'),
    # the lead-in's "within 6 months" dates every acute event of the list after its colon,
    # not the first alone (parser.inline_windows): an infarction, stroke, revascularisation or
    # thrombosis years ago no longer excludes; the chronic arrhythmias stay as read. Unstable
    # angina is an example of the lead-in's head ("(including but not limited to):"), no longer
    # asked with it (parser.lead_examples): a recent one excludes, where it was unknown
    ('NCT06559644', 'Any unstable diseases occurring within 6 months before screening (incl', 'ANY(unstable_angina within w=6.0months, R[judgement:Any unstable diseases occurrin], stroke within w=6.0months, myocardial_infarction within w=6.0months, ALL(arrhythmia present, R[unsupported_concept:severe requiring drug treatmen]), ALL(arrhythmia present, R[unparsed:such as rapid]), ALL(av_block present, R[unparsed:high-degree]), ventricular_arrhythmia present, torsades_de_pointes present, coronary_revascularization within w=6.0months, thromboembolism within w=6.0months, R[unsupported_concept:ischemic … cardiac catheteriza])'),
    ('NCT06559644', 'Presence of disseminated intravascular coagulation;', 'dic present'),
    ('NCT06559644', 'Severe autoimmune diseases or immunodeficiency diseases;', 'ANY(severe_autoimmune_disease is positive, immunodeficiency present)'),
    ('NCT06559644', 'Active graft-versus-host disease requiring continued systemic therapy;', 'ALL(gvhd present, ANY(steroid_therapy present, immunosuppressant_therapy present, R[ambiguous:another systemic treatment of ]))'),
    ('NCT06559644', 'Subjects receiving systemic corticosteroids or other immunosuppressive', 'ANY(steroid_therapy within w=14.0days, ALL(immunosuppressant_therapy within w=14.0days, R[judgement:excluding inhalation or local ]), R[judgement:the investigator determines th])'),
    ('NCT06559644', 'History of or concomitant active malignant tumors, excluding cured non', "ANY(other_malignancy present ('b_all', 'aml', 'acute_leukemia', 'cll', 'cml', 'prolymphocytic_leukemia', 'plasma_cell_leukemia', 'atll', 'cmml', 'jmml', 'nonmelanoma_skin_cancer', 'prostate_cancer'), ALL(nonmelanoma_skin_cancer present, R[ambiguous:excluding cured non-invasive b]), ALL(prostate_cancer present, R[ambiguous:excluding cured non-invasive b]))"),
    ('NCT06559644', 'Presence of other severe medical conditions as determined by the inves', 'R[judgement:]'),
    ('NCT06559644', 'Active HBV or HCV infection (HBV-DNA positive or HCV-RNA positive), HI', 'ANY(hbv present, hcv present, hiv present, syphilis present)'),
    ('NCT06559644', 'Other severe or persistent active infections;', 'ALL(active_infection present, R[judgement:Other severe or persistent act])'),
    ('NCT06559644', 'Severity of adverse events related to previous systemic immunotherapy ', 'toxicity_grade gt 1'),
    ('NCT06559644', 'Discontinuation of immunosuppressants within 2 weeks prior to screenin', 'immunosuppressant_therapy within w=2.0weeks'),
    ('NCT06559644', 'History of allergy to any component of the cell product;', 'ALL(drug_hypersensitivity present, R[ambiguous:any component of the cell prod])'),
    ('NCT06559644', 'Vaccination or any surgical procedure within 4 weeks prior to screenin', 'ANY(vaccination within w=4.0weeks, surgery within w=4.0weeks)'),
    ('NCT06559644', 'Other conditions deemed by the investigator to potentially increase su', 'R[judgement:]'),
    ('NCT05563545', 'Age ≥12 years in the single-dose exploration phase, age ≥3 years in th', 'ANY(age gte 12 a, ALL(age gte 3 a, R[ambiguous:the age bound differs by study]))'),
    ('NCT05563545', 'Meet the diagnostic criteria for recurrent or refractory CD19 positive', 'ALL(ANY(relapsed present, refractory present), cd19 is positive, all present)'),
    ('NCT05563545', 'The main organs have good organ function.', 'R[judgement:]'),
    ('NCT05563545', 'The estimated survival time is ≥12 weeks.', 'life_expectancy gte 12 wk'),
    ('NCT05563545', 'Blood pregnancy tests for women of childbearing age are negative.', 'ANY(ALL(childbearing_potential is negative, NOT(pregnancy present)), pregnancy_test is negative)'),
    ('NCT05563545', 'The patient himself/herself , and/or his/her legal guardian, agree to ', 'R[consent:]'),
    ('NCT05563545', 'Central nervous system involvement;', 'ANY(cns_involvement present, brain_metastases present)'),
    ('NCT05563545', 'Simple extramedullary leukemia or simple extramedullary recurrence;', 'isolated_extramedullary_relapse present'),
    ('NCT05563545', 'Received hematopoietic stem cell transplantation within the last 3 mon', 'ALL(hsct within w=3.0months, gvhd within w=2.0weeks, immunosuppressant_therapy present)'),
    ('NCT05563545', 'Treated with high-dose corticosteroids in the last 1 week;', 'ALL(steroid_therapy within w=1.0weeks, R[unparsed:Treated with high-dose])'),
    ('NCT05563545', 'Allogeneic cell therapy, major surgery, and live or attenuated vaccine', 'ANY(allogeneic_cell_therapy within w=4.0weeks, major_surgery within w=4.0weeks, live_vaccine within w=4.0weeks)'),
    ('NCT05563545', 'Had received other antitumor therapy or had an uncontrolled infection ', 'ANY(anticancer_therapy within w=2.0weeks, ALL(active_infection within w=2.0weeks, R[judgement:had an uncontrolled]))'),
    ('NCT05563545', 'Systemic steroids were used within 3 days before CAR NK-CD19 infusion;', 'steroid_therapy within w=3.0days'),
    ('NCT05563545', 'Toxicity caused by previous treatment do not fully recover or do not s', 'toxicity_grade gt 1'),
    ('NCT05563545', 'Concomitant autoimmune diseases, central nervous system diseases, othe', "ANY(autoimmune_disease present, other_malignancy present ('all',), ALL(heart_failure present, nyha gte 3), ALL(cardiovascular_disease present, R[judgement:severe]), R[unparsed:central nervous system disease])"),
    ('NCT05563545', 'Known allergies to study drugs or drugs that may be used in the study;', 'ALL(drug_hypersensitivity present, R[ambiguous:study drugs])'),
    ('NCT05563545', 'Other conditions determined by Investigator which are not suitable for', 'R[judgement:]'),
    ('NCT06585345', 'Patients diagnosed with acute leukemia.', 'acute_leukemia present'),
    ('NCT06585345', 'Acute leukemia complex/refractory cases with poor response to conventi', 'ALL(acute_leukemia present, R[unparsed:complex/ cases with poor respo], ANY(relapsed present, refractory present))'),
    ('NCT06585345', 'At least 2 weeks or 5 half-lives (whichever is shorter) from the start', 'R[unsupported_concept:]'),
    ('NCT06585345', 'Toxic reactions caused by previous antitumor therapy must be stabilize', 'ANY(toxicity_grade lte 1, R[judgement:except for clinically insignif])'),
    ('NCT06585345', 'Over 14 years old, under 65 years old.', 'ALL(age gt 14 a, age lt 65 a)'),
    ('NCT06585345', 'Physical Strength score 0-3 (ECOG standard)', 'ecog lte 3'),
    ('NCT06585345', 'No obvious active infection or graft-versus-host disease', 'NOT(ANY(active_infection present, gvhd present))'),
    ('NCT06585345', 'Expected survival ≥3 months', 'life_expectancy gte 3 mo'),
    ('NCT06585345', 'Adequate kidney, liver, lung and heart function, defined as:', 'ALL(ALL(creatinine_clearance gt 60 mL/min, alt lte 2.5 xULN, ast lte 2.5 xULN, ANY(bilirubin lte 1.5 xULN, gilbert_syndrome present), lvef gte 50 %, R[judgement:echocardiography confirmed cen]), ALL(NOT(ALL(pleural_effusion present, R[judgement:clinically significant])), spo2 gt 92 %))'),
    ('NCT06585345', 'The serum pregnancy test results of fertile women must be negative (wo', 'ANY(ALL(childbearing_potential is negative, NOT(pregnancy present)), pregnancy_test is negative)'),
    ('NCT06585345', 'The subject has had other malignancies, non-melanoma skin tumors, carc', "ANY(other_malignancy present ('acute_leukemia',), other_malignancy within ('acute_leukemia',) w=3.0years, nonmelanoma_skin_cancer present, nonmelanoma_skin_cancer within w=3.0years, carcinoma_in_situ present, carcinoma_in_situ within w=3.0years)"),
    ('NCT06585345', 'Presence or suspicion of uncontrollable fungal, bacterial, viral or ot', 'ALL(active_infection present, R[judgement:suspicion of uncontrollable])'),
    ('NCT06585345', 'Known human immunodeficiency virus (HIV) infection', 'hiv present'),
    # the group's name "latent or prehepatitis B infection" is defined by its bracket
    # ("defined as HBcAb positive and HBsAg negative"), which is read: the name is no condition of
    # its own (parser.defined_names), so the line is whole
    ('NCT06585345', 'Known history of hepatitis B (HBsAg positive) or hepatitis C (HCV anti', 'ANY(ALL(hbv present, NOT(ALL(hbv present, hbcab is positive, hbsag is negative, hbv_dna is negative))), ALL(hcv_exposure present, NOT(ALL(ANY(hcv_exposure present, hcv_exposure within w=100.0years), hcv_rna is negative))), ALL(hcv_exposure within w=100.0years, NOT(ALL(ANY(hcv_exposure present, hcv_exposure within w=100.0years), hcv_rna is negative))))'),
    ('NCT06585345', 'Existing or past CNS disease, such as seizures, cerebrovascular ischem', 'ANY(cns_disorder present, cns_disorder within w=100.0years, seizure_disorder present, seizure_disorder within w=100.0years, intracranial_hemorrhage present)'),
    # the NYHA scale's name ("Functional Grading Method NYHA") is the class's own words now
    # (topics.performance._SCALE_NAME_AFTER): the class no longer carries an unread review
    ('NCT06585345', 'Subjects with severe heart disease, such as uncontrolled or symptomati', "ANY(ALL(ANY(ALL(arrhythmia within w=6.0months, R[unparsed:symptomatic]), heart_failure within w=6.0months, myocardial_infarction within w=6.0months, ALL(heart_failure present, nyha gte 3)), lymphoma present, R[unparsed:with infiltrating the heart's ]), R[judgement:Subjects with severe heart dis])"),
    # a bare angioplasty or stent in a list of the heart's events is the heart's
    # (parser.coronary_list_procedures): a stent two months ago excludes, where it was unknown;
    # what is left is the person's "other clinically significant heart disease"
    ('NCT06585345', 'A history of myocardial infarction, angioplasty or stent placement, un', 'ANY(myocardial_infarction within w=12.0months, coronary_revascularization within w=12.0months, unstable_angina within w=12.0months, ALL(heart_failure within w=12.0months, nyha gte 3), ALL(cardiac_disease within w=12.0months, R[judgement:other clinically significant]))'),
    ('NCT06585345', 'Emergency treatment is expected or likely to occur within 6 weeks due ', 'R[judgement:]'),
    ('NCT06585345', 'Primary immune deficiency', 'primary_immunodeficiency present'),
    ('NCT06585345', 'History of symptomatic deep vein thrombosis or pulmonary embolism with', 'ALL(thromboembolism within w=6.0months, R[unparsed:History of symptomatic])'),
    ('NCT06585345', 'Any medical condition that may affect the evaluation of safety or effi', 'R[judgement:]'),
    ('NCT06585345', 'Have had severe rapid hypersensitivity reactions to any of the drugs t', 'ALL(drug_hypersensitivity present, R[ambiguous:any of the drugs to be], R[unsupported_concept:Have had severe rapid used in ])'),
    ('NCT06585345', 'Administer live vaccine within ≤6 weeks prior to initiation of the pre', 'live_vaccine within w=6.0weeks'),
    ('NCT06585345', 'Pregnant or lactating female subjects', 'ANY(pregnancy present, lactation present)'),
    ('NCT06585345', 'Male or female subjects who do not consent to effective contraception ', 'R[consent:]'),
    ('NCT06585345', 'Subjects judged by the investigator had difficulty completing all visi', 'R[consent:]'),
    ('NCT06585345', 'In the past 2 years, subjects have had other malignancies, non-melanom', "ANY(other_malignancy present ('acute_leukemia',), other_malignancy within ('acute_leukemia',) w=3.0years, nonmelanoma_skin_cancer present, nonmelanoma_skin_cancer within w=3.0years, ALL(carcinoma_in_situ present, R[unsupported_concept:end-organ damage due to]), inflammatory_bowel_disease present, ALL(immunosuppressant_therapy present, R[unparsed:need to systematically adminis]), R[unsupported_concept:other drugs for systemic disea], R[unparsed:In the past 2 years … rheumato])"),
    ('NCT06585345', 'Participate in other clinical experimenters during the same period', 'investigational_agent present'),
    ('NCT05744440', 'Age18-75years old, no gender or race;', 'age between (18, 75) a'),
    ('NCT05744440', 'Expected survival is more than 3 months;', 'life_expectancy gt 3 mo'),
    ('NCT05744440', 'Eastern Cooperative Oncology Group (ECOG) score 0-2 points;', 'ecog lte 2'),
    ('NCT05744440', 'Diagnosed as AML in accordance with the criteria from Chinese guidelin', "aml present ('apl',)"),
    ('NCT05744440', 'Diagnosed as relapsed AML;', 'ALL(relapsed present, aml present)'),
    ('NCT05744440', 'Measurable lesions meets at least one of the following requirements du', 'ANY(ALL(relapsed present, R[unparsed:with positive minimal residual], R[unsupported_concept:Persistent positive MRD … MRD ]), pb_blasts gt 0 %, bm_blasts gte 5 %, ALL(relapsed present, extramedullary_disease present))'),
    ('NCT05744440', 'Within 3 days prior to initial treatment, the organ functions meet the', 'ALL(anc gte 1 10*9/L, NOT(growth_factor within w=7.0days), hemoglobin gte 6 g/dL, platelets gte 50 10*9/L, alt lte 3 xULN, ast lte 3 xULN, ANY(bilirubin lte 2 xULN, ALL(direct_bilirubin gte 1.5 xULN, gilbert_syndrome present)), inr lte 1.5 xULN, aptt lte 1.5 xULN, ANY(creatinine lte 1.5 xULN, creatinine_clearance gte 30 mL/min), ANY(calcium lte 14 mg/dL, ionized_calcium gte 6.5 mg/dL), lvef gte 50 %)'),
    ('NCT05744440', 'Informed Consent/Assent: All subjects must have the ability to underst', 'R[consent:]'),
    ('NCT05744440', 'Confirmed APL;', 'apl present'),
    ('NCT05744440', '≥2 grade persistent nonhematologic toxicity of associated with prior t', 'toxicity_grade gte 2'),
    ('NCT05744440', 'Patients with grade II-IV graft-versus-host disease (GVHD) requiring t', 'ALL(gvhd present, gvhd_grade gte 2, immunosuppressant_therapy within w=14.0days)'),
    ('NCT05744440', 'Systemic steroid therapy exceeding the equivalent of ≥30mg/kg/day of p', 'ANY(ALL(steroid_therapy within w=2.0days, steroid_dose gte 30.0 mg/kg/d, NOT(ALL(steroid_therapy present, R[unsupported_concept:except for topical and inhaled]))), immunosuppressant_therapy present)'),
    # "other cardiovascular and cerebrovascular diseases" are the circulatory system's
    # (topics.organ_disease), and the heads "Severe/Some cardiovascular and cerebrovascular
    # diseases" are asked of a patient with one on record (topics.cardiac_heads), as the
    # researchers' judgement is: a record with no circulatory disease is not excluded (was unknown)
    ('NCT05744440', 'Severe cardiovascular and cerebrovascular diseases, including: (1) Som', 'ANY(ALL(cardiovascular_disease present, R[unsupported_concept:Severe cardiovascular … cerebr]), heart_failure within w=6.0months, myocardial_infarction within w=6.0months, unstable_angina within w=6.0months, stroke within w=6.0months, thromboembolism within w=6.0months, ALL(cardiovascular_disease present, R[unsupported_concept:Some cardiovascular … cerebrov]), ALL(heart_failure present, nyha gte 3), ALL(arrhythmia present, R[unsupported_concept:uncontrolled malignant]), ALL(cardiovascular_disease present, R[judgement:The researchers assessed that ], R[judgement:are not suitable for the study]))'),
    ('NCT05744440', 'Any active infection requiring systemic therapy by intravenous infusio', 'ANY(active_infection present, active_infection within w=14.0days, hbv present, hcv present, hiv present, syphilis present, pulmonary_tuberculosis present)'),
    ('NCT05744440', 'History of hypersensitivity reactions to murine protein-containing pro', 'ANY(allergy_murine_protein present, ALL(drug_hypersensitivity present, R[ambiguous:macromolecular biopharmaceutic]), ALL(drug_hypersensitivity present, R[ambiguous:cytokines]))'),
    # "Previous or next": the transplant on record excludes, the plan is a person's
    # (parser.planned_alternatives); read as "transplant and <next>", a transplanted patient was
    # unknown where the text excludes
    # a solid organ's transplant never holds a stem cell's (event_exceptions._OUTSIDE): the
    # exception excepts nothing, and a kidney transplant beside a past HSCT excludes
    ('NCT05744440', 'Previous or next organ transplant (except for HCT);', 'ANY(organ_transplant present, R[judgement:a plan or candidacy, not a his])'),
    ('NCT05744440', 'Women who are pregnant (urine/blood pregnancy test positive) or lactat', 'ANY(pregnancy present, lactation present)'),
    ('NCT05744440', 'Patients cannot guarantee effective contraception (condom or contracep', 'R[consent:]'),
    ('NCT05744440', 'Any unstable condition potentially imperiling patient safety and compl', 'R[consent:]'),
    ('NCT05744440', 'Known alcohol dependence or drug dependence;', 'substance_abuse present'),
    ('NCT05744440', "According to the investigator's judgment, the patient has other unsuit", 'R[judgement:]'),
    ('NCT04094766', 'Written informed consent could be acquired;', 'R[consent:]'),
    ('NCT04094766', 'Diagnosed with relapse/refractory acute lymphoblastic leukemia;', 'ALL(ANY(relapsed present, refractory present), all present)'),
    ('NCT04094766', 'Relapse was defined as recurrence of blast cell(more than 5%) in perip', "ANY(NOT(relapsed present), R[judgement:the trial's definition: Relaps])"),
    ('NCT04094766', 'Refractory was defined as failed to achieve complete remission after t', "ANY(NOT(refractory present), R[judgement:the trial's definition: Refrac])"),
    ('NCT04094766', 'CD19/CD22 postive leukemia cell was confirmed by flow cytometry or imm', 'ANY(cd19 is positive, cd22 is positive)'),
    ('NCT04094766', 'Karnofsky score ≥70;', 'karnofsky gte 70 %'),
    ('NCT04094766', 'Results of pregnant test should be negative, and agree to conception c', 'ALL(pregnancy_test is negative, R[consent:agree to conception control … ])'),
    ('NCT04094766', 'Adequate organ function: EF≥50%; normal ECG; CCR ≥ 50ml/min or Cr < 2.', 'ALL(lvef gte 50 %, R[unsupported_concept:normal ECG], ANY(creatinine_clearance gte 50 mL/min, creatinine lt 2 mg/dL, creatinine lt 2 xULN), alt lt 5 xULN, ast lt 5 xULN, bilirubin lte 3 mg/dL, dlco gt 45 %, fev1 gt 45 %)'),
    ('NCT04094766', 'At least 2 weeks intervals since the last chemotherapy;', 'chemotherapy not_within w=2.0weeks'),
    ('NCT04094766', 'At least 2 weeks intervals since the last anti-GVHD therapy if patient', 'R[unsupported_concept:]'),
    ('NCT04094766', 'Patients diagnosed with acute promyelocytic leukemia:t(15;17)(q22;q12)', 'apl present'),
    ('NCT04094766', 'Women in pregnancy and lactation;', 'ANY(pregnancy present, lactation present)'),
    ('NCT04094766', 'Uncontrolled infection, Active HBV or HCV infection, HIV positive or a', 'ANY(ANY(sepsis present, ALL(active_infection present, R[judgement:Uncontrolled])), hbv present, hcv present, hiv present, R[unsupported_concept:any other deadly bacterial/vir])'),
    ('NCT04094766', 'Long term use of systemic corticosteroids(5mg per day for 2 weeks);', 'ALL(steroid_therapy present, steroid_dose gte 5.0 mg/d)'),
    ('NCT04094766', 'Any other uncontrolled life-threaten diseases;', 'R[judgement:]'),
    ('NCT04094766', 'Patients with history of anaphylaxis to any drugs;', 'drug_anaphylaxis is positive'),
    ('NCT04094766', 'With central nervous system (CNS) involvement;', 'ANY(cns_involvement present, brain_metastases present)'),
    ('NCT04094766', 'Patients with GVHD after allo-HSCT who needed immunosuppressive agents', 'ALL(gvhd present, allo_hsct present, immunosuppressant_therapy present)'),
    ('NCT04094766', 'Patients with acute autoimmune diseases such as psoriasis or rheumatoi', 'ALL(autoimmune_disease present, R[judgement:Patients with acute])'),
    ('NCT04094766', 'Other conditions that principle investigator considered may increase t', 'R[judgement:]'),
]


def _seed_lines():
    out = {}
    for record in load_seed_dir(SEEDS):
        for criterion in parse_lines(record.criteria):
            if criterion.parent is None:
                out.setdefault((record.nct_id, criterion.text[:70]), criterion)
    return out


@pytest.fixture(scope="module")
def seed_lines():
    return _seed_lines()


def test_every_seed_line_is_pinned(seed_lines):
    assert set(seed_lines) == {(trial, start) for trial, start, _ in PINNED}


@pytest.mark.parametrize("trial,start,structure", PINNED, ids=[f"{t}:{s[:40]}" for t, s, _ in PINNED])
def test_seed_line_parses_to_its_pinned_structure(seed_lines, trial, start, structure):
    assert render(seed_lines[(trial, start)].expr) == structure
