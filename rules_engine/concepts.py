"""The concept catalogue: every patient concept a criterion may name.

Each concept has a kind that fixes what missing data means (contract section 4): a
``MEASUREMENT`` or ``QUALITATIVE`` result absent from the record is ``unknown``; an ``EVENT``
(diagnosis, infection, procedure, therapy, pregnancy, status) absent from the record is taken
as absent. ``unit`` is the canonical UCUM unit values are converted to before comparing.
``label`` is the plain-language name used in reasons. ``parent`` builds the diagnosis
hierarchy (APL is a kind of AML, B-ALL a kind of ALL, both kinds of acute leukemia), which
the engine applies as derived-fact rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    MEASUREMENT = "measurement"  # a number with a unit
    QUALITATIVE = "qualitative"  # positive / negative (or a number above a detection limit)
    EVENT = "event"  # present or absent, with a date
    DEMOGRAPHIC = "demographic"  # age, sex: from the Patient resource


@dataclass(frozen=True)
class Concept:
    id: str
    kind: Kind
    label: str
    unit: str | None = None
    parent: str | None = None
    default_uln: float | None = None  # in ``unit``; used when the lab gives no reference range
    molar_mass: float | None = None  # g/mol: lets a mass concentration convert to a molar one
    subtypes_exhaustive: bool = False  # every case is one of the children (ALL is B or T)


_CATALOGUE: tuple[Concept, ...] = (
    # demographics
    Concept("age", Kind.DEMOGRAPHIC, "age", "a"),
    Concept("sex", Kind.DEMOGRAPHIC, "sex"),
    # diagnoses (events) and their hierarchy
    Concept("acute_leukemia", Kind.EVENT, "acute leukemia", parent="blood_cancer", subtypes_exhaustive=True),
    Concept("aml", Kind.EVENT, "acute myeloid leukemia (AML)", parent="acute_leukemia"),
    Concept("apl", Kind.EVENT, "acute promyelocytic leukemia (APL)", parent="aml"),
    Concept(
        "all", Kind.EVENT, "acute lymphoblastic leukemia (ALL)", parent="acute_leukemia", subtypes_exhaustive=True
    ),
    Concept("b_all", Kind.EVENT, "B-cell ALL", parent="all"),
    Concept("t_all", Kind.EVENT, "T-cell ALL", parent="all"),
    # disease status (events)
    Concept("relapsed", Kind.EVENT, "relapsed disease"),
    Concept("refractory", Kind.EVENT, "refractory disease"),
    Concept("remission", Kind.EVENT, "disease in remission"),
    Concept("relapsed_or_refractory", Kind.EVENT, "relapsed or refractory disease"),  # derived
    Concept("cns_involvement", Kind.EVENT, "CNS involvement"),
    Concept("extramedullary_disease", Kind.EVENT, "extramedullary disease"),
    Concept("isolated_extramedullary_relapse", Kind.EVENT, "isolated extramedullary relapse"),
    # performance and organ function (measurements)
    Concept("ecog", Kind.MEASUREMENT, "ECOG performance status", "1"),
    Concept("karnofsky", Kind.MEASUREMENT, "Karnofsky performance status", "%"),
    Concept("lansky", Kind.MEASUREMENT, "Lansky performance status", "%"),
    Concept("nyha", Kind.MEASUREMENT, "NYHA class", "1"),
    Concept("lvef", Kind.MEASUREMENT, "left ventricular ejection fraction", "%"),
    Concept("spo2", Kind.MEASUREMENT, "oxygen saturation", "%"),
    Concept("bilirubin", Kind.MEASUREMENT, "total bilirubin", "mg/dL", default_uln=1.2, molar_mass=584.66),
    Concept("alt", Kind.MEASUREMENT, "ALT", "U/L", default_uln=40.0),
    Concept("ast", Kind.MEASUREMENT, "AST", "U/L", default_uln=40.0),
    Concept("creatinine", Kind.MEASUREMENT, "serum creatinine", "mg/dL", default_uln=1.2, molar_mass=113.12),
    Concept("creatinine_clearance", Kind.MEASUREMENT, "creatinine clearance", "mL/min"),
    Concept("egfr", Kind.MEASUREMENT, "eGFR", "mL/min/{1.73_m2}"),
    # derived: the eGFR, or else the creatinine clearance (derive.MEASURE_SOURCES)
    Concept("gfr", Kind.MEASUREMENT, "glomerular filtration rate", "mL/min/{1.73_m2}"),
    Concept("anc", Kind.MEASUREMENT, "absolute neutrophil count", "10*9/L"),
    Concept("platelets", Kind.MEASUREMENT, "platelets", "10*9/L"),
    Concept("hemoglobin", Kind.MEASUREMENT, "hemoglobin", "g/dL", molar_mass=16114.5),  # per haem (monomer): 1 mmol/L = 1.611 g/dL
    Concept("wbc", Kind.MEASUREMENT, "white blood cells", "10*9/L"),
    Concept("inr", Kind.MEASUREMENT, "INR", "1", default_uln=1.2),
    Concept("bm_blasts", Kind.MEASUREMENT, "bone marrow blasts", "%"),
    Concept("pb_blasts", Kind.MEASUREMENT, "peripheral blood blasts (% of leukocytes)", "%"),
    Concept("mrd", Kind.MEASUREMENT, "minimal residual disease", "%"),
    Concept("life_expectancy", Kind.MEASUREMENT, "life expectancy", "wk"),
    # infections: the diagnosis (event) and the tests (qualitative)
    Concept("hiv", Kind.EVENT, "HIV infection", parent="immunodeficiency"),
    Concept("hbv", Kind.EVENT, "hepatitis B infection"),
    # a positive HCV antibody shows an infection, past or present: hepatitis C itself (its RNA
    # detected, or coded) is the one subtype, so an antibody alone leaves it open, never absent
    # (derive.lineage_unknown)
    Concept("hcv_exposure", Kind.EVENT, "HCV antibody positive (past or present hepatitis C)", subtypes_exhaustive=True),
    Concept("hcv", Kind.EVENT, "hepatitis C infection", parent="hcv_exposure"),
    # the antibody's other kind: an infection over, its RNA not detected (matcher.intake.resolved_infections)
    Concept("hcv_cleared", Kind.EVENT, "hepatitis C cleared (HCV antibody positive, HCV RNA not detected)", parent="hcv_exposure"),
    Concept("syphilis", Kind.EVENT, "syphilis"),
    Concept("hbsag", Kind.QUALITATIVE, "HBsAg"),
    Concept("hbv_dna", Kind.QUALITATIVE, "HBV DNA"),
    # the HBV DNA load itself, when the lab reports a number: IU/mL is the WHO standard; copies/mL
    # converts to it only by the assay's own factor (2 to 8 copies per IU), so a load in copies is
    # its own measurement, compared with a threshold in copies and never with one in IU
    Concept("hbv_dna_load", Kind.MEASUREMENT, "HBV DNA load", "[iU]/mL"),
    Concept("hbv_dna_copies", Kind.MEASUREMENT, "HBV DNA load in copies", "{copies}/mL"),
    Concept("hcv_antibody", Kind.QUALITATIVE, "HCV antibody"),
    Concept("hcv_rna", Kind.QUALITATIVE, "HCV RNA"),
    Concept("hiv_test", Kind.QUALITATIVE, "HIV viral load"),
    Concept("hiv_antibody", Kind.QUALITATIVE, "HIV antibody or antigen screen"),
    # other conditions (events)
    Concept("gvhd", Kind.EVENT, "graft-versus-host disease"),
    # a disease of the heart (ICD-10-CM I05-I09, I11, I13, I20-I25, I27-I52): what "no history of
    # cardiac disease" asks; heart failure, coronary disease and arrhythmias are kinds of it
    Concept("cardiac_disease", Kind.EVENT, "cardiac disease", parent="cardiovascular_disease"),
    Concept("heart_failure", Kind.EVENT, "heart failure", parent="cardiac_disease"),
    Concept("pregnancy", Kind.EVENT, "pregnancy"),
    Concept("pregnancy_test", Kind.QUALITATIVE, "pregnancy test"),
    Concept("lactation", Kind.EVENT, "breastfeeding"),
    # prior therapy (events, dated); a cell therapy or an antigen-directed antibody is a kind of
    # immunotherapy, so "no immunotherapy within 4 weeks (including CD19 therapy)" sees it
    Concept("car_t", Kind.EVENT, "prior CAR-T therapy", parent="immunotherapy"),
    Concept("car_nk", Kind.EVENT, "prior CAR-NK therapy", parent="immunotherapy"),
    Concept("hsct", Kind.EVENT, "stem cell transplant", subtypes_exhaustive=True),
    Concept("allo_hsct", Kind.EVENT, "allogeneic stem cell transplant", parent="hsct"),
    Concept("auto_hsct", Kind.EVENT, "autologous stem cell transplant", parent="hsct"),
    # antigen expression on blasts (qualitative, or a percentage)
    Concept("cd19", Kind.QUALITATIVE, "CD19 expression"),
    Concept("cd22", Kind.QUALITATIVE, "CD22 expression"),
    Concept("cd7", Kind.QUALITATIVE, "CD7 expression"),
    Concept("cd33", Kind.QUALITATIVE, "CD33 expression"),
    Concept("cd123", Kind.QUALITATIVE, "CD123 expression"),
    # added with the parser's coverage work (append only)
    # prior and concurrent therapy (events, dated: "within 4 weeks", "at least 2 weeks since")
    Concept("chemotherapy", Kind.EVENT, "chemotherapy", parent="anticancer_therapy"),
    Concept("radiotherapy", Kind.EVENT, "radiotherapy", parent="anticancer_therapy"),
    # a surgery recorded without its size (a surgical CPT code, a named operation) may be the
    # major one: "major surgery" is open for it, never absent (derive.lineage_unknown). A minor
    # procedure (a marrow biopsy, a line) is no surgery in the lines' sense ("surgery within 4
    # weeks"), and so no parent's: read, it closes "major surgery" for the procedure it names
    Concept("surgery", Kind.EVENT, "surgery", subtypes_exhaustive=True),
    Concept("major_surgery", Kind.EVENT, "major surgery", parent="surgery"),
    # "More than 28 days since prior major surgery or open biopsy" (about 70 corpus lines, nearly
    # all washouts): an open biopsy is an operation, unlike a needle's; a surgery on record without
    # its kind may have been one, so it leaves the biopsy open, never absent (as for "major")
    Concept("open_biopsy", Kind.EVENT, "open (surgical) biopsy", parent="surgery"),
    Concept("minor_surgery", Kind.EVENT, "minor procedure (biopsy, aspiration, puncture, line or port)"),
    Concept("immunotherapy", Kind.EVENT, "immunotherapy", parent="anticancer_therapy"),
    Concept("hormone_therapy", Kind.EVENT, "hormonal therapy", parent="anticancer_therapy"),
    Concept("targeted_therapy", Kind.EVENT, "targeted therapy", parent="anticancer_therapy"),
    Concept("investigational_agent", Kind.EVENT, "investigational agent"),
    Concept("steroid_therapy", Kind.EVENT, "corticosteroid therapy"),
    Concept("immunosuppressant_therapy", Kind.EVENT, "immunosuppressive therapy"),
    Concept("organ_transplant", Kind.EVENT, "solid organ transplant"),
    # other conditions (events)
    Concept("brain_metastases", Kind.EVENT, "brain metastases", parent="metastatic_disease"),
    Concept("leptomeningeal_disease", Kind.EVENT, "leptomeningeal disease"),
    Concept("other_malignancy", Kind.EVENT, "another malignancy"),
    Concept("myocardial_infarction", Kind.EVENT, "myocardial infarction", parent="coronary_artery_disease"),
    # a procedure on the heart's arteries (Procedure, or the status codes Z95.1 / Z95.5 / Z98.61)
    Concept("coronary_revascularization", Kind.EVENT, "coronary revascularization (angioplasty, stent, bypass graft)"),
    Concept("unstable_angina", Kind.EVENT, "unstable angina", parent="angina"),
    Concept("arrhythmia", Kind.EVENT, "cardiac arrhythmia", parent="cardiac_disease"),
    Concept("hypertension", Kind.EVENT, "hypertension", parent="cardiovascular_disease"),
    Concept("stroke", Kind.EVENT, "stroke or transient ischemic attack", parent="cardiovascular_disease"),
    Concept("thromboembolism", Kind.EVENT, "venous or arterial thromboembolism", parent="cardiovascular_disease"),
    Concept("autoimmune_disease", Kind.EVENT, "autoimmune disease"),
    Concept("interstitial_lung_disease", Kind.EVENT, "interstitial lung disease or pneumonitis"),
    Concept("active_infection", Kind.EVENT, "active infection"),
    # sepsis is an active infection, life-threatening and systemic by definition: what a line's
    # "uncontrolled", "serious" or "life-threatening" asks of the infection (``serious_infection``)
    Concept("sepsis", Kind.EVENT, "sepsis", parent="active_infection"),
    Concept("tuberculosis", Kind.EVENT, "tuberculosis", subtypes_exhaustive=True),
    Concept("seizure_disorder", Kind.EVENT, "seizure disorder"),
    # an epilepsy coded intractable (ICD-10-CM G40.x1x and the like): what "uncontrolled seizures" asks
    # a catecholamine-secreting tumour of the adrenal medulla (ICD-O-3 morphology 8700/0, 8700/3)
    Concept("pheochromocytoma", Kind.EVENT, "pheochromocytoma"),
    Concept("intractable_epilepsy", Kind.EVENT, "intractable (drug-resistant) epilepsy", parent="seizure_disorder"),
    Concept("peripheral_neuropathy", Kind.EVENT, "peripheral neuropathy"),
    Concept("drug_hypersensitivity", Kind.EVENT, "drug hypersensitivity or allergy"),
    Concept("bleeding_diathesis", Kind.EVENT, "bleeding diathesis or coagulopathy"),
    Concept("diabetes", Kind.EVENT, "diabetes mellitus"),
    Concept("peripheral_vascular_disease", Kind.EVENT, "peripheral vascular disease", parent="cardiovascular_disease"),
    Concept("psychiatric_illness", Kind.EVENT, "psychiatric illness"),
    Concept("substance_abuse", Kind.EVENT, "alcohol or drug abuse"),
    Concept("malabsorption", Kind.EVENT, "malabsorption or a condition impairing oral absorption"),
    Concept("gi_perforation", Kind.EVENT, "gastrointestinal perforation, fistula or intra-abdominal abscess", parent="gastrointestinal_disease"),
    Concept("nonhealing_wound", Kind.EVENT, "non-healing wound, ulcer or bone fracture"),
    Concept("peptic_ulcer", Kind.EVENT, "peptic ulcer disease", parent="gastrointestinal_disease"),
    Concept("pleural_effusion", Kind.EVENT, "pleural or pericardial effusion"),
    Concept("inflammatory_bowel_disease", Kind.EVENT, "inflammatory bowel disease", parent="gastrointestinal_disease"),
    Concept("bowel_obstruction", Kind.EVENT, "bowel obstruction", parent="gastrointestinal_disease"),
    Concept("cyp3a4_modulator", Kind.EVENT, "strong CYP3A4 inhibitor or inducer use"),
    Concept("live_vaccine", Kind.EVENT, "live vaccine", parent="vaccination"),
    Concept("growth_factor", Kind.EVENT, "hematopoietic growth factor (G-CSF, GM-CSF, erythropoietin)"),
    Concept("anticancer_therapy", Kind.EVENT, "anticancer therapy"),
    Concept("traumatic_injury", Kind.EVENT, "significant traumatic injury"),
    Concept("coronary_artery_disease", Kind.EVENT, "coronary artery disease", parent="cardiac_disease"),
    Concept("ascites", Kind.EVENT, "ascites"),
    Concept("long_qt_syndrome", Kind.EVENT, "long QT syndrome", parent="arrhythmia"),
    Concept("measurable_disease", Kind.QUALITATIVE, "measurable disease (RECIST)"),
    # cancer diagnoses (events) and spread
    Concept("solid_tumor", Kind.EVENT, "solid tumor"),
    Concept("breast_cancer", Kind.EVENT, "breast cancer", parent="solid_tumor"),
    Concept("prostate_cancer", Kind.EVENT, "prostate cancer", parent="solid_tumor"),
    # a lung cancer is small cell or not (carcinoids aside): one coded without its histology (C34)
    # may be either, so asked for NSCLC or SCLC it is unknown, not absent
    Concept("lung_cancer", Kind.EVENT, "lung cancer", parent="solid_tumor", subtypes_exhaustive=True),
    Concept("nsclc", Kind.EVENT, "non-small cell lung cancer (NSCLC)", parent="lung_cancer"),
    Concept("sclc", Kind.EVENT, "small cell lung cancer (SCLC)", parent="lung_cancer"),
    Concept("colorectal_cancer", Kind.EVENT, "colorectal cancer", parent="solid_tumor"),
    Concept("ovarian_cancer", Kind.EVENT, "ovarian cancer", parent="solid_tumor"),
    Concept("pancreatic_cancer", Kind.EVENT, "pancreatic cancer", parent="solid_tumor"),
    Concept("melanoma", Kind.EVENT, "melanoma", parent="solid_tumor"),
    Concept("glioma", Kind.EVENT, "glioma", parent="solid_tumor"),
    # A lymphoma's kind, as trials name it ("relapsed DLBCL", "follicular lymphoma grade 1-3a"):
    # read as "lymphoma" alone, a follicular lymphoma met a trial for diffuse large B-cell ones.
    # Each level is exhaustive: a record that says only "lymphoma" (or "non-Hodgkin lymphoma",
    # "B-cell lymphoma") may be any kind below it, so asked for one the answer is unknown, never
    # absent (derive.lineage_unknown).
    Concept("lymphoma", Kind.EVENT, "lymphoma", parent="blood_cancer", subtypes_exhaustive=True),
    Concept("hodgkin_lymphoma", Kind.EVENT, "Hodgkin lymphoma", parent="lymphoma"),
    Concept("nhl", Kind.EVENT, "non-Hodgkin lymphoma", parent="lymphoma", subtypes_exhaustive=True),
    Concept("b_cell_lymphoma", Kind.EVENT, "B-cell non-Hodgkin lymphoma", parent="nhl", subtypes_exhaustive=True),
    Concept("t_cell_lymphoma", Kind.EVENT, "T-cell or NK-cell lymphoma", parent="nhl", subtypes_exhaustive=True),
    Concept("dlbcl", Kind.EVENT, "diffuse large B-cell lymphoma (DLBCL)", parent="b_cell_lymphoma"),
    Concept("follicular_lymphoma", Kind.EVENT, "follicular lymphoma", parent="b_cell_lymphoma", subtypes_exhaustive=True),
    Concept("mantle_cell_lymphoma", Kind.EVENT, "mantle cell lymphoma", parent="b_cell_lymphoma"),
    Concept("marginal_zone_lymphoma", Kind.EVENT, "marginal zone lymphoma", parent="b_cell_lymphoma"),
    Concept("burkitt_lymphoma", Kind.EVENT, "Burkitt lymphoma", parent="b_cell_lymphoma"),
    Concept("multiple_myeloma", Kind.EVENT, "multiple myeloma", parent="blood_cancer"),
    Concept("mds", Kind.EVENT, "myelodysplastic syndrome (MDS)", parent="blood_cancer", subtypes_exhaustive=True),
    Concept("cll", Kind.EVENT, "chronic lymphocytic leukemia (CLL)", parent="blood_cancer"),
    # the myeloproliferative neoplasms (ICD-10-CM D45, D47.1, D47.3, D47.4; CML is one, BCR-ABL1
    # positive): "Other myeloproliferative disorders" in a transplant trial's list of diagnoses,
    # "Participants with myeloproliferative disorders (for example, chronic myeloid leukemia)"
    Concept("mpn", Kind.EVENT, "myeloproliferative neoplasm (MPN)", parent="blood_cancer"),
    Concept("cml", Kind.EVENT, "chronic myeloid leukemia (CML)", parent="mpn"),
    Concept("metastatic_disease", Kind.EVENT, "metastatic disease"),
    # status: missing is unknown, so qualitative (positive = of childbearing potential)
    Concept("childbearing_potential", Kind.QUALITATIVE, "childbearing potential"),
    Concept("hbcab", Kind.QUALITATIVE, "HBcAb (hepatitis B core antibody)"),
    # labs (measurements, canonical UCUM units)
    Concept("alp", Kind.MEASUREMENT, "alkaline phosphatase", "U/L", default_uln=120.0),
    Concept("albumin", Kind.MEASUREMENT, "serum albumin", "g/dL"),
    Concept("calcium", Kind.MEASUREMENT, "serum calcium", "mg/dL", molar_mass=40.078),
    Concept("aptt", Kind.MEASUREMENT, "activated partial thromboplastin time (APTT)", "s", default_uln=35.0),
    Concept("pt", Kind.MEASUREMENT, "prothrombin time", "s", default_uln=13.5),
    Concept("qtc", Kind.MEASUREMENT, "QTc interval", "ms"),
    Concept("potassium", Kind.MEASUREMENT, "serum potassium", "mmol/L"),
    Concept("magnesium", Kind.MEASUREMENT, "serum magnesium", "mg/dL", molar_mass=24.305),
    Concept("psa", Kind.MEASUREMENT, "prostate-specific antigen (PSA)", "ng/mL"),
    # added with the concepts hospitals already code (issue 14; append only). The intake reads
    # them from MedicationStatement / MedicationRequest, Immunization, Condition,
    # AllergyIntolerance and Observation (docs/codes.md lists every code).
    # malignancies beyond the named ones: ``other_malignancy`` is asked of these (see MALIGNANCIES)
    Concept("hematologic_malignancy", Kind.EVENT, "hematologic malignancy", parent="blood_cancer"),
    Concept("malignant_neoplasm", Kind.EVENT, "malignant neoplasm (site not specified)"),
    # its kinds (basal cell, squamous cell, at the end of the catalogue) are every case of it: a record
    # of a skin cancer of no stated kind (C44.x0) leaves each kind unknown (derive.lineage_unknown)
    Concept("nonmelanoma_skin_cancer", Kind.EVENT, "non-melanoma skin cancer", parent="solid_tumor", subtypes_exhaustive=True),
    # Carcinoma in situ, and its sites the registry lines name in the exceptions of "another
    # malignancy" ("except carcinoma in situ of the cervix", "CIS of the bladder"). The sites
    # are its subtypes, with the rest of D00-D09 as one more ("another site"), so every coded
    # site is one of them: a record of carcinoma in situ at no coded site (D09.9, an Eligo
    # concept code) leaves each site unknown rather than absent (``derive.lineage_unknown``).
    Concept("carcinoma_in_situ", Kind.EVENT, "carcinoma in situ", subtypes_exhaustive=True),
    # therapy directed at a leukemic antigen (events, dated)
    Concept("cd19_directed_therapy", Kind.EVENT, "prior CD19-directed therapy", parent="immunotherapy"),
    Concept("cd22_directed_therapy", Kind.EVENT, "prior CD22-directed therapy", parent="immunotherapy"),
    Concept("cd33_directed_therapy", Kind.EVENT, "prior CD33-directed therapy", parent="immunotherapy"),
    # the daily dose of the most recent systemic corticosteroid record, in prednisone
    # equivalents: a record without a dose is kept with no number, so a dose bound is unknown
    Concept("steroid_dose", Kind.MEASUREMENT, "corticosteroid daily dose (prednisone equivalent)", "mg/d"),
    # hypersensitivity to the product classes cell-therapy trials name (events; each is a kind
    # of drug hypersensitivity, so "any drug allergy" still sees it)
    Concept("allergy_cyclophosphamide", Kind.EVENT, "hypersensitivity to cyclophosphamide", parent="drug_hypersensitivity"),
    Concept("allergy_fludarabine", Kind.EVENT, "hypersensitivity to fludarabine", parent="drug_hypersensitivity"),
    Concept("allergy_tocilizumab", Kind.EVENT, "hypersensitivity to tocilizumab", parent="drug_hypersensitivity"),
    Concept("allergy_dmso", Kind.EVENT, "hypersensitivity to dimethyl sulfoxide (DMSO)", parent="drug_hypersensitivity"),
    Concept("allergy_murine_protein", Kind.EVENT, "hypersensitivity to murine (mouse) proteins", parent="drug_hypersensitivity"),
    Concept("allergy_aminoglycoside", Kind.EVENT, "hypersensitivity to aminoglycosides", parent="drug_hypersensitivity"),
    # CTCAE grade of a toxicity of prior therapy not yet resolved (0-5; missing is unknown)
    Concept("toxicity_grade", Kind.MEASUREMENT, "unresolved toxicity of prior therapy, CTCAE grade", "1"),
    # the toxicity lines most often except by name ("except alopecia": 131 corpus trials)
    Concept("alopecia", Kind.EVENT, "alopecia"),
    # added for the registry-line table (issue 14; append only): concepts lines name beside
    # the ones above, so that an alternative or an exception they name is decided (a condition
    # absent from the record is absent) instead of hiding the line's decision as a review
    Concept("hav", Kind.EVENT, "hepatitis A infection"),
    Concept("liver_disease", Kind.EVENT, "chronic or active liver disease (hepatic disorder)"),
    Concept("primary_immunodeficiency", Kind.EVENT, "primary immunodeficiency", parent="immunodeficiency"),
    Concept("liver_metastases", Kind.EVENT, "liver metastases", parent="metastatic_disease"),
    Concept("gilbert_syndrome", Kind.EVENT, "Gilbert's syndrome"),
    Concept("gastric_cancer", Kind.EVENT, "gastric cancer", parent="solid_tumor"),
    # the grade (0-4) of active graft-versus-host disease, read from the latest active GVHD
    # record's grade (derive.GRADED_EVENTS): an ungraded record leaves a grade bound unknown
    Concept("gvhd_grade", Kind.MEASUREMENT, "grade of active graft-versus-host disease", "1"),
    # added for the concepts class of misreads (issue 14; append only): therapies and conditions
    # lines exclude that hospitals code (MedicationStatement / MedicationRequest by ATC, RxNorm or
    # name; Condition by ICD-10-CM)
    Concept("anticoagulant_therapy", Kind.EVENT, "anticoagulant therapy"),
    Concept("vitamin_k_antagonist", Kind.EVENT, "vitamin K antagonist (warfarin) therapy", parent="anticoagulant_therapy"),
    Concept("down_syndrome", Kind.EVENT, "Down syndrome (trisomy 21)"),
    Concept("cns_disorder", Kind.EVENT, "disorder of the central nervous system (epilepsy, stroke, dementia, movement or demyelinating disease, encephalopathy)"),
    # every medication the record names, whatever its class, asked by the product's own words
    # ("prior treatment with selinexor": derive.NAMED_PRODUCT); one named only by a code is
    # kept without words, so a line naming a product is unknown for it, never not met
    Concept("named_medication", Kind.EVENT, "a medication the record names"),
    # added for the conditions non-cancer trials are for (issue 18; append only): each a
    # reviewed ICD-10-CM set in codes.toml wide enough that a patient coded any usual way
    # (every subtype, complication and stage) has it, so "Diagnosis of X" is decided by the
    # record and gates a trial for X (rules_engine.gates.DIAGNOSIS_FAMILIES)
    Concept("type_1_diabetes", Kind.EVENT, "type 1 diabetes mellitus", parent="diabetes"),
    Concept("type_2_diabetes", Kind.EVENT, "type 2 diabetes mellitus", parent="diabetes"),
    Concept("asthma", Kind.EVENT, "asthma"),
    Concept("copd", Kind.EVENT, "chronic obstructive pulmonary disease (COPD)"),
    Concept("depression", Kind.EVENT, "depressive disorder (major depression)", parent="psychiatric_illness"),
    Concept("bipolar_disorder", Kind.EVENT, "bipolar disorder", parent="psychiatric_illness"),
    Concept("schizophrenia", Kind.EVENT, "schizophrenia", parent="psychiatric_illness"),
    Concept("rheumatoid_arthritis", Kind.EVENT, "rheumatoid arthritis", parent="autoimmune_disease"),
    Concept("psoriasis", Kind.EVENT, "psoriasis", parent="autoimmune_disease"),
    Concept("psoriatic_arthritis", Kind.EVENT, "psoriatic arthritis", parent="psoriasis"),
    Concept("sle", Kind.EVENT, "systemic lupus erythematosus (SLE)", parent="autoimmune_disease"),
    Concept("multiple_sclerosis", Kind.EVENT, "multiple sclerosis", parent="autoimmune_disease"),
    Concept("crohn_disease", Kind.EVENT, "Crohn's disease", parent="inflammatory_bowel_disease"),
    Concept("ulcerative_colitis", Kind.EVENT, "ulcerative colitis", parent="inflammatory_bowel_disease"),
    Concept("chronic_kidney_disease", Kind.EVENT, "chronic kidney disease", parent="kidney_disease"),
    Concept("end_stage_renal_disease", Kind.EVENT, "end-stage renal disease (or dialysis)", parent="chronic_kidney_disease"),
    Concept("obesity", Kind.EVENT, "obesity"),
    Concept("dementia", Kind.EVENT, "dementia", parent="cns_disorder"),
    Concept("alzheimer_disease", Kind.EVENT, "Alzheimer's disease", parent="dementia"),
    Concept("parkinson_disease", Kind.EVENT, "Parkinson's disease", parent="cns_disorder"),
    Concept("atrial_fibrillation", Kind.EVENT, "atrial fibrillation or flutter", parent="arrhythmia"),
    Concept("osteoporosis", Kind.EVENT, "osteoporosis"),
    Concept("sickle_cell_disease", Kind.EVENT, "sickle cell disease"),
    Concept("bph", Kind.EVENT, "benign prostatic hyperplasia"),
    Concept("pcos", Kind.EVENT, "polycystic ovary syndrome"),
    Concept("autism_spectrum_disorder", Kind.EVENT, "autism spectrum disorder"),
    Concept("migraine", Kind.EVENT, "migraine"),
    # added for the seed and holdout lines (issue 14; append only): the conjugated (direct)
    # bilirubin a line offers as the alternative to an elevated total ("If the total bilirubin is
    # elevated, patient will still be eligible if the conjugated (direct) bilirubin <= ULN")
    Concept("direct_bilirubin", Kind.MEASUREMENT, "direct (conjugated) bilirubin", "mg/dL", default_uln=0.3, molar_mass=584.66),
    # disseminated intravascular coagulation, which acute leukaemia (APL above all) brings and
    # cell-therapy trials exclude by name: a coagulopathy that bleeds (ICD-10-CM D65)
    Concept("dic", Kind.EVENT, "disseminated intravascular coagulation (DIC)", parent="bleeding_diathesis"),
    # added for the coverage of registry lines (issue 14; append only): what exclusions of
    # trials of oral drugs and of prior targeted therapy name, each coded by hospitals
    Concept("dysphagia", Kind.EVENT, "dysphagia (a swallowing disorder)"),
    # classes of anticancer drugs (ATC groups), each a kind of the wider therapy
    Concept("checkpoint_inhibitor", Kind.EVENT, "immune checkpoint inhibitor (anti-PD-1, anti-PD-L1, anti-CTLA-4)", parent="immunotherapy"),
    Concept("parp_inhibitor", Kind.EVENT, "PARP inhibitor", parent="targeted_therapy"),
    Concept("cdk46_inhibitor", Kind.EVENT, "CDK4/6 inhibitor", parent="targeted_therapy"),
    Concept("mtor_inhibitor", Kind.EVENT, "mTOR inhibitor", parent="targeted_therapy"),
    Concept("hdac_inhibitor", Kind.EVENT, "histone deacetylase (HDAC) inhibitor", parent="targeted_therapy"),
    Concept("proteasome_inhibitor", Kind.EVENT, "proteasome inhibitor", parent="targeted_therapy"),
    Concept("egfr_inhibitor", Kind.EVENT, "EGFR inhibitor (tyrosine kinase inhibitor or antibody)", parent="targeted_therapy"),
    Concept("alk_inhibitor", Kind.EVENT, "ALK inhibitor", parent="targeted_therapy"),
    Concept("her2_directed_therapy", Kind.EVENT, "HER2-directed therapy", parent="targeted_therapy"),
    Concept("vegf_inhibitor", Kind.EVENT, "VEGF or VEGF-receptor inhibitor (anti-angiogenic therapy)", parent="targeted_therapy"),
    Concept("platinum_chemotherapy", Kind.EVENT, "platinum-based chemotherapy", parent="chemotherapy"),
    Concept("taxane", Kind.EVENT, "taxane chemotherapy", parent="chemotherapy"),
    Concept("anthracycline", Kind.EVENT, "anthracycline chemotherapy", parent="chemotherapy"),
    Concept("immunomodulatory_drug", Kind.EVENT, "immunomodulatory drug (thalidomide, lenalidomide, pomalidomide)"),
    Concept("hypomethylating_agent", Kind.EVENT, "hypomethylating agent (azacitidine, decitabine)", parent="chemotherapy"),
    # cancers the corpus's diagnosis lines name (issue 14, coverage; append only). A liver or
    # kidney cancer coded by its site alone (C22, C64) may be of any histology the line asks
    # for: its subtypes are exhaustive, so asked for hepatocellular or renal cell carcinoma it is
    # unknown, not absent (as lung cancer is for NSCLC)
    Concept("liver_cancer", Kind.EVENT, "primary liver cancer", parent="solid_tumor", subtypes_exhaustive=True),
    Concept("hepatocellular_carcinoma", Kind.EVENT, "hepatocellular carcinoma (HCC)", parent="liver_cancer"),
    Concept("intrahepatic_cholangiocarcinoma", Kind.EVENT, "intrahepatic cholangiocarcinoma", parent="liver_cancer"),
    Concept("kidney_cancer", Kind.EVENT, "kidney cancer", parent="solid_tumor", subtypes_exhaustive=True),
    Concept("renal_cell_carcinoma", Kind.EVENT, "renal cell carcinoma (RCC)", parent="kidney_cancer"),
    Concept("bladder_cancer", Kind.EVENT, "bladder cancer", parent="solid_tumor"),
    Concept("head_and_neck_cancer", Kind.EVENT, "head and neck cancer", parent="solid_tumor"),
    Concept("nasopharyngeal_carcinoma", Kind.EVENT, "nasopharyngeal carcinoma", parent="head_and_neck_cancer"),
    # what the exceptions of the registry's lines name (issue 14, unseen-trial accuracy; append
    # only): an exception read as a coded condition, absent from the record, excepts nobody, so
    # the line it stands in decides ("autoimmune disease, except hypothyroidism requiring only
    # hormone replacement or vitiligo"; "QTc > 500 ms, unless a cardiac pacemaker is present")
    Concept("hypothyroidism", Kind.EVENT, "hypothyroidism (autoimmune thyroiditis included)", parent="thyroid_disease"),
    Concept("vitiligo", Kind.EVENT, "vitiligo"),
    Concept("cardiac_pacemaker", Kind.EVENT, "cardiac pacemaker in place"),
    Concept("antiviral_therapy", Kind.EVENT, "antiviral therapy (hepatitis B or C, nucleoside or nucleotide analogues)"),
    Concept("cervical_dysplasia", Kind.EVENT, "cervical intraepithelial neoplasia (CIN, cervical dysplasia)"),
    # added for the qualifiers hospitals code (issue 14, seed lines; append only). Any vaccine
    # given (every completed Immunization, whatever its CVX code): "Vaccination within 4 weeks"
    # asks for any, and a live vaccine is a kind of it
    Concept("vaccination", Kind.EVENT, "vaccination (any vaccine)"),
    # a qualifier the record codes on an event, read as positive / negative / not stated
    # (derive.QUALIFIED_EVENTS): the reaction of a drug allergy (AllergyIntolerance.reaction
    # manifestation) and the severity of a condition (Condition.severity)
    Concept("drug_anaphylaxis", Kind.QUALITATIVE, "anaphylaxis to a drug"),
    Concept("severe_autoimmune_disease", Kind.QUALITATIVE, "severe autoimmune disease"),
    # an immunodeficiency disease of any cause: primary (ICD-10-CM D80-D84) or acquired (HIV, which
    # the corpus's lines count as one: "a diagnosis of immunodeficiency (HIV)", "HIV or other
    # immunodeficiency disease"); each kind is coded as itself and this one derived
    Concept("immunodeficiency", Kind.EVENT, "immunodeficiency disease (primary, or acquired: HIV)"),
    # cells from a donor given as therapy other than the transplant itself (donor lymphocyte
    # infusion, another donor cell product); "allogeneic cell therapy" is either that or an
    # allogeneic transplant, derived from both (derive.EITHER_OF)
    Concept("donor_cell_infusion", Kind.EVENT, "donor lymphocyte infusion or another donor cell product"),
    Concept("allogeneic_cell_therapy", Kind.EVENT, "allogeneic cell therapy (an allogeneic transplant or donor cell infusion)"),
    # tuberculosis by site: of the lung, or of other organs. A tuberculosis coded without its site
    # (or respiratory, not said to be of the lung) may be either, so asked for pulmonary
    # tuberculosis it is unknown, not absent (tuberculosis's subtypes are exhaustive)
    Concept("pulmonary_tuberculosis", Kind.EVENT, "pulmonary tuberculosis", parent="tuberculosis"),
    Concept("extrapulmonary_tuberculosis", Kind.EVENT, "extrapulmonary tuberculosis", parent="tuberculosis"),
    # the tumour's genomic and protein biomarkers (issue 14, biomarkers; append only). Each is a
    # result: positive = the alteration (or expression) was found, negative = tested and not
    # found (wild type). An untested marker is absent from the record, so a line asking for one
    # is unknown, and "known EGFR mutation" excludes nobody until a test says so. A variant is
    # its own concept beside its gene's: the intake writes the gene positive with it and every
    # variant of a wild-type gene negative (codes.toml [[gene]]); another variant of the gene
    # says nothing of this one.
    Concept("egfr_mutation", Kind.QUALITATIVE, "EGFR mutation"),
    Concept("egfr_exon19_deletion", Kind.QUALITATIVE, "EGFR exon 19 deletion"),
    Concept("egfr_l858r", Kind.QUALITATIVE, "EGFR L858R mutation"),
    Concept("egfr_t790m", Kind.QUALITATIVE, "EGFR T790M mutation"),
    Concept("egfr_exon20_insertion", Kind.QUALITATIVE, "EGFR exon 20 insertion"),
    Concept("alk_rearrangement", Kind.QUALITATIVE, "ALK rearrangement (fusion)"),
    Concept("ros1_rearrangement", Kind.QUALITATIVE, "ROS1 rearrangement (fusion)"),
    Concept("ret_rearrangement", Kind.QUALITATIVE, "RET rearrangement (fusion)"),
    Concept("ntrk_fusion", Kind.QUALITATIVE, "NTRK1/2/3 gene fusion"),
    Concept("braf_mutation", Kind.QUALITATIVE, "BRAF mutation"),
    Concept("braf_v600", Kind.QUALITATIVE, "BRAF V600 mutation (any V600 substitution)"),
    Concept("braf_v600e", Kind.QUALITATIVE, "BRAF V600E mutation"),
    Concept("kras_mutation", Kind.QUALITATIVE, "KRAS mutation"),
    Concept("kras_g12c", Kind.QUALITATIVE, "KRAS G12C mutation"),
    Concept("nras_mutation", Kind.QUALITATIVE, "NRAS mutation"),
    Concept("her2_mutation", Kind.QUALITATIVE, "HER2 (ERBB2) mutation"),
    Concept("met_exon14_skipping", Kind.QUALITATIVE, "MET exon 14 skipping mutation"),
    Concept("met_amplification", Kind.QUALITATIVE, "MET amplification"),
    Concept("brca1_mutation", Kind.QUALITATIVE, "BRCA1 mutation"),
    Concept("brca2_mutation", Kind.QUALITATIVE, "BRCA2 mutation"),
    Concept("pik3ca_mutation", Kind.QUALITATIVE, "PIK3CA mutation"),
    Concept("tp53_mutation", Kind.QUALITATIVE, "TP53 mutation"),
    Concept("flt3_mutation", Kind.QUALITATIVE, "FLT3 mutation (ITD or TKD)"),
    Concept("flt3_itd", Kind.QUALITATIVE, "FLT3 internal tandem duplication (FLT3-ITD)"),
    Concept("npm1_mutation", Kind.QUALITATIVE, "NPM1 mutation"),
    Concept("idh1_mutation", Kind.QUALITATIVE, "IDH1 mutation"),
    Concept("idh2_mutation", Kind.QUALITATIVE, "IDH2 mutation"),
    Concept("kmt2a_rearrangement", Kind.QUALITATIVE, "KMT2A (MLL) rearrangement"),
    Concept("bcr_abl1", Kind.QUALITATIVE, "BCR-ABL1 fusion (Philadelphia chromosome)"),
    # protein markers read by immunohistochemistry or in situ hybridisation: HER2 status
    # (positive = IHC 3+ or ISH amplified, as the lab reports it), hormone receptors, PD-L1
    Concept("her2", Kind.QUALITATIVE, "HER2 status (overexpression or amplification)"),
    Concept("er", Kind.QUALITATIVE, "estrogen receptor (ER) status"),
    Concept("pr", Kind.QUALITATIVE, "progesterone receptor (PR) status"),
    Concept("pd_l1", Kind.QUALITATIVE, "PD-L1 expression status"),
    Concept("pd_l1_tps", Kind.MEASUREMENT, "PD-L1 tumor proportion score (TPS)", "%"),
    # added for the long tail of registry lines (issue 14, coverage; append only): a bleeding
    # episode (topics.bleeding), with the sites lines name as its kinds
    Concept("hemorrhage", Kind.EVENT, "bleeding (hemorrhage)"),
    Concept("intracranial_hemorrhage", Kind.EVENT, "intracranial hemorrhage", parent="hemorrhage"),
    Concept("gi_hemorrhage", Kind.EVENT, "gastrointestinal bleeding", parent="hemorrhage"),
    Concept("pulmonary_hemorrhage", Kind.EVENT, "pulmonary hemorrhage or hemoptysis", parent="hemorrhage"),
    # a drug with a known risk of torsade de pointes on record (topics.qt_drugs), and the arrhythmia
    Concept("qt_prolonging_drug", Kind.EVENT, "a drug with a known risk of QT prolongation and torsade de pointes"),
    Concept("torsades_de_pointes", Kind.EVENT, "torsade de pointes", parent="ventricular_arrhythmia"),
    # protein in the urine (topics.proteinuria): the finding, and the three measurements of it
    Concept("proteinuria", Kind.EVENT, "proteinuria"),
    Concept("upcr", Kind.MEASUREMENT, "urine protein/creatinine ratio", "g/g"),
    Concept("urine_protein_24h", Kind.MEASUREMENT, "urine protein in 24 hours", "g/d"),
    # plus signs: negative 0, trace 0.5, 1+ to 4+
    Concept("urine_protein_dipstick", Kind.MEASUREMENT, "urine protein by dipstick (plus signs)", "1"),
    # the body measurements trials bound (topics.labs)
    Concept("body_weight", Kind.MEASUREMENT, "body weight", "kg"),
    # whole years between the birth date and the earliest dated diagnosis of the patient's cancer
    # ("< 21 years of age when originally diagnosed"; snapshot.age_at_diagnosis)
    Concept("age_at_diagnosis", Kind.MEASUREMENT, "age at the original diagnosis", "a"),
    Concept("bmi", Kind.MEASUREMENT, "body mass index (BMI)", "kg/m2"),
    # the body surface area a dose is computed on: trials of drugs given per m2 bound it where the
    # smallest capsule or the dose level sets a floor ("Body surface area < 0.3 m2", "BSA >= 1.17 m^2")
    Concept("bsa", Kind.MEASUREMENT, "body surface area (BSA)", "m2"),
    Concept("spinal_cord_compression", Kind.EVENT, "spinal cord compression"),
    # metabolic labs and blood pressure (topics.labs)
    Concept("hba1c", Kind.MEASUREMENT, "hemoglobin A1c (HbA1c)", "%"),
    Concept("glucose", Kind.MEASUREMENT, "blood glucose", "mg/dL", default_uln=100.0, molar_mass=180.16),
    Concept("testosterone", Kind.MEASUREMENT, "serum testosterone", "ng/dL", molar_mass=288.42),
    Concept("cholesterol", Kind.MEASUREMENT, "serum total cholesterol", "mg/dL", default_uln=200.0, molar_mass=386.65),
    Concept("triglycerides", Kind.MEASUREMENT, "serum triglycerides", "mg/dL", default_uln=150.0, molar_mass=885.7),
    Concept("systolic_bp", Kind.MEASUREMENT, "systolic blood pressure", "mm[Hg]"),
    Concept("diastolic_bp", Kind.MEASUREMENT, "diastolic blood pressure", "mm[Hg]"),
    # the long tail of blood tests lower-risk MDS and marrow-failure trials bound (topics.labs:
    # "Ferritin >= 50 ng/mL", "Copper > 40 ug/dL", "Absolute reticulocyte count less than
    # 60,000/microliter", "prolactin greater than 200 ng/ml", "LDH <= 2 x ULN"); no default upper
    # limit: a multiple of it waits for the lab's own range
    Concept("ferritin", Kind.MEASUREMENT, "serum ferritin", "ng/mL"),
    Concept("copper", Kind.MEASUREMENT, "serum copper", "ug/dL", molar_mass=63.546),
    Concept("prolactin", Kind.MEASUREMENT, "serum prolactin", "ng/mL"),
    Concept("reticulocytes", Kind.MEASUREMENT, "absolute reticulocyte count", "10*9/L"),
    Concept("ldh", Kind.MEASUREMENT, "lactate dehydrogenase (LDH)", "U/L"),
    # conditions exclusions name (topics.history_conditions)
    Concept("diarrhea", Kind.EVENT, "diarrhea"),
    Concept("g6pd_deficiency", Kind.EVENT, "glucose-6-phosphate dehydrogenase (G6PD) deficiency"),
    Concept("pancreatitis", Kind.EVENT, "pancreatitis"),
    Concept("pericarditis", Kind.EVENT, "pericarditis (acute, chronic, rheumatic)", parent="cardiac_disease"),
    # the dialysis lines are read as end-stage renal disease "(or dialysis)", which the record's
    # Z99.2 codes: a dialysis coded otherwise (an encounter for dialysis, Z49) is a kind of it
    Concept("dialysis", Kind.EVENT, "renal dialysis", parent="end_stage_renal_disease"),
    Concept("hypokalemia", Kind.EVENT, "hypokalemia"),
    Concept("hypomagnesemia", Kind.EVENT, "hypomagnesemia"),
    Concept("hypocalcemia", Kind.EVENT, "hypocalcemia"),
    Concept("hypercalcemia", Kind.EVENT, "hypercalcemia"),
    # the free (ionized) fraction is its own measurement, about half the total: "ionized calcium
    # > 1.5 mmol/L" read as total calcium was a bound of 6 mg/dL (topics.labs)
    Concept("ionized_calcium", Kind.MEASUREMENT, "ionized (free) calcium", "mg/dL", molar_mass=40.078),
    Concept("hyponatremia", Kind.EVENT, "hyponatremia"),
    # the pancreatic enzymes ("Amylase or Lipase > 2 x institutional ULN", "Lipase <= 1.5 x ULN":
    # 18 corpus lines, each a review before). No default upper limit: labs set the lipase's
    # anywhere between 60 and 200 U/L, so a value with no reference range decides no multiple
    Concept("amylase", Kind.MEASUREMENT, "serum amylase", "U/L"),
    Concept("lipase", Kind.MEASUREMENT, "serum lipase", "U/L"),
    # inorganic phosphate, as phosphorus ("Serum calcium or phosphate below the lower limit of
    # normal", "phosphate < ULN"; topics.labs): a mass of phosphorus per volume, 1 mmol/L = 3.1 mg/dL
    Concept("phosphate", Kind.MEASUREMENT, "serum phosphate (inorganic phosphorus)", "mg/dL", molar_mass=30.974),
    Concept("glaucoma", Kind.EVENT, "glaucoma"),
    Concept("retinal_disease", Kind.EVENT, "retinal disease (retinopathy, macular degeneration, detachment) or uveitis"),
    # the retinal diseases exclusions name by themselves ("retinal vein occlusion or central serous
    # retinopathy", "macular degeneration"; issue 14): kinds of retinal disease, so a line naming
    # one is met by its own record only (read as retinal_disease, a macular degeneration met an
    # RVO exclusion); ICD-10-CM H34.81, H34.83 (central, branch RVO), H35.71, H35.30-H35.32, H35.35
    Concept("retinal_vein_occlusion", Kind.EVENT, "retinal vein occlusion (RVO)", parent="retinal_disease"),
    Concept("central_serous_retinopathy", Kind.EVENT, "central serous (chorio)retinopathy", parent="retinal_disease"),
    Concept("macular_degeneration", Kind.EVENT, "macular degeneration", parent="retinal_disease"),
    # the organ diseases exclusions name (topics.organ_disease; append only). "Cardiovascular
    # disease" is any disease of the circulatory system (ICD-10-CM I00-I99): every narrower
    # circulatory concept is a kind of it, so a patient coded with heart failure by SNOMED alone
    # still has one, and "clinically significant cardiovascular disease" clears only a patient
    # with none at all
    Concept("cardiovascular_disease", Kind.EVENT, "cardiovascular disease (any disease of the circulatory system)"),
    Concept("angina", Kind.EVENT, "angina pectoris", parent="coronary_artery_disease"),
    Concept("cardiomyopathy", Kind.EVENT, "cardiomyopathy", parent="cardiac_disease"),
    Concept("pulmonary_hypertension", Kind.EVENT, "pulmonary hypertension", parent="cardiovascular_disease"),
    Concept("hypertensive_crisis", Kind.EVENT, "hypertensive crisis or hypertensive encephalopathy", parent="hypertension"),
    Concept("thyroid_disease", Kind.EVENT, "thyroid disease (disorders of the thyroid gland)"),
    Concept("hyperthyroidism", Kind.EVENT, "hyperthyroidism (thyrotoxicosis)", parent="thyroid_disease"),
    # the other endocrine glands exclusions name beside the thyroid ("disorder of the
    # hypothalamic-pituitary axis, adrenal or thyroid glands", "History of pituitary or adrenal dysfunction")
    Concept("adrenal_disorder", Kind.EVENT, "disorder of the adrenal glands (adrenal insufficiency, Cushing's syndrome, hyperaldosteronism)"),
    Concept("pituitary_disorder", Kind.EVENT, "disorder of the pituitary gland or hypothalamic-pituitary axis (hypopituitarism, pituitary hyperfunction)"),
    # 5-15 points; class A is 5-6, B 7-9, C 10-15 (a class alone is no score: unknown)
    Concept("child_pugh", Kind.MEASUREMENT, "Child-Pugh score", "1"),
    # transfusions of blood products (Procedure: SNOMED CT, CPT 36430, ICD-10-PCS 302..): of platelets
    # or red cells when the code says which. A transfusion coded without its product may be either
    # (a line asking for a platelet transfusion is unknown, not absent, for it)
    Concept("transfusion", Kind.EVENT, "transfusion of blood products", subtypes_exhaustive=True),
    Concept("platelet_transfusion", Kind.EVENT, "platelet transfusion", parent="transfusion"),
    Concept("rbc_transfusion", Kind.EVENT, "red blood cell transfusion", parent="transfusion"),
    # the holdout's paediatric cardiac lines (T61-T65; append only): asked beside the ejection
    # fraction ("shortening fraction >= 27% by echocardiogram or ejection fraction >= 50% by
    # MUGA"; 25 corpus lines). No code reaches it yet, so it is unknown for every record and the
    # ejection fraction beside it decides (read as unread words joined by "and", a patient with
    # an ejection fraction of 45% failed a line a normal shortening fraction meets)
    Concept("shortening_fraction", Kind.MEASUREMENT, "left ventricular shortening fraction", "%"),
    # the coverage of registry lines (issue 14; append only). The autoimmune cytopenias CLL and
    # lymphoma trials exclude by name ("uncontrolled autoimmune hemolytic anemia or ITP": 40
    # corpus lines), each a kind of autoimmune disease as the intake already counted it
    Concept("autoimmune_hemolytic_anemia", Kind.EVENT, "autoimmune hemolytic anemia (AIHA)", parent="autoimmune_disease"),
    Concept("immune_thrombocytopenia", Kind.EVENT, "immune thrombocytopenia (ITP)", parent="autoimmune_disease"),
    # the plasma-cell and lymphoplasmacytic diseases myeloma trials set apart from myeloma (C90.1
    # is not C90.0; MGUS, D47.2, is no malignancy)
    Concept("plasma_cell_leukemia", Kind.EVENT, "plasma cell leukemia", parent="hematologic_malignancy"),
    Concept("waldenstrom_macroglobulinemia", Kind.EVENT, "Waldenström macroglobulinemia", parent="hematologic_malignancy"),
    Concept("mgus", Kind.EVENT, "monoclonal gammopathy of undetermined significance (MGUS)"),
    # acid suppressants, which trials of oral drugs absorbed in an acid stomach exclude (ATC A02BC,
    # A02BA: "proton pump inhibitors or H2 antagonists", 60 corpus lines); continuous therapies
    Concept("proton_pump_inhibitor", Kind.EVENT, "proton pump inhibitor therapy"),
    Concept("h2_antagonist", Kind.EVENT, "H2-receptor antagonist therapy"),
    # the psychotropic classes and thrombopoietic agents lines exclude as concurrent or prior
    # therapy (ATC N06A, N05B, N05A, N06BA; B02BX: "Current antidepressant, anxiolytic,
    # antipsychotic or stimulant therapy", "Have ever previously received rTPO, PEG-rHuMGDF,
    # eltrombopag, or romiplostim"; topics.medication_classes): unread, a patient taking one was
    # left to a person and passed as eligible
    Concept("antidepressant_therapy", Kind.EVENT, "antidepressant therapy"),
    Concept("anxiolytic_therapy", Kind.EVENT, "anxiolytic therapy"),
    Concept("antipsychotic_therapy", Kind.EVENT, "antipsychotic (neuroleptic) therapy"),
    Concept("psychostimulant_therapy", Kind.EVENT, "psychostimulant therapy (methylphenidate, amphetamines, modafinil)"),
    Concept("thrombopoietic_agent", Kind.EVENT, "thrombopoietin or a thrombopoietin receptor agonist (romiplostim, eltrombopag)"),
    Concept("antithymocyte_globulin", Kind.EVENT, "anti-thymocyte globulin (ATG)", parent="immunosuppressant_therapy"),
    Concept("cox2_inhibitor", Kind.EVENT, "selective COX-2 inhibitor (celecoxib)", parent="nsaid_therapy"),
    # the holdout's HIV lines (T81-T85; append only): the NCI template "HIV-positive patients on
    # combination antiretroviral therapy are ineligible ..." (71 corpus lines name HIV with it) asks
    # for the therapy beside the infection; unread, an HIV patient on it was left to a person and
    # passed as eligible
    Concept("antiretroviral_therapy", Kind.EVENT, "antiretroviral therapy against HIV"),
    # the heart's drugs a digoxin, arrhythmia or QT line excludes ("requiring treatment with one or
    # more beta-blockers (metoprolol, atenolol, propranolol)", "thiazide and/or loop diuretics"):
    # unread, a patient taking one was left to a person and passed as eligible
    Concept("beta_blocker", Kind.EVENT, "beta-blocker therapy"),
    Concept("diuretic_therapy", Kind.EVENT, "diuretic therapy (thiazide, loop or potassium-sparing)"),
    # what a seizure line asks the disorder to need ("Seizure disorders requiring anticonvulsant
    # therapy"; 10 corpus lines): unread, an epileptic on levetiracetam was left to a person
    Concept("anticonvulsant_therapy", Kind.EVENT, "anticonvulsant (antiepileptic) therapy"),
    # the holdout's leukaemias and marrow disorders no concept named (T61-T65, task "known"; append
    # only): a trial for T-PLL, a line excluding an inherited marrow failure or a myeloid sarcoma
    # was left to a person for every record
    Concept("t_pll", Kind.EVENT, "T-cell prolymphocytic leukemia (T-PLL)", parent="prolymphocytic_leukemia"),  # (dx12: a kind of PLL)
    # ambiguous lineage (mixed phenotype, biphenotypic, undifferentiated): neither AML nor ALL
    Concept("ambiguous_lineage_leukemia", Kind.EVENT, "acute leukemia of ambiguous lineage (mixed phenotype)", parent="acute_leukemia"),
    # extramedullary AML (chloroma, granulocytic sarcoma); its code is AML's as well
    Concept("myeloid_sarcoma", Kind.EVENT, "myeloid sarcoma (chloroma)", parent="blood_cancer"),
    # constitutional aplastic anaemias (ICD-10-CM D61.0: Diamond-Blackfan, Shwachman-Diamond, Fanconi, other)
    Concept("inherited_marrow_failure", Kind.EVENT, "inherited bone marrow failure syndrome", parent="marrow_failure"),  # (dx18: one of the marrow failures)
    Concept("fanconi_anemia", Kind.EVENT, "Fanconi anemia", parent="inherited_marrow_failure"),
    # the other enzymes interaction lines name beside CYP3A4 ("strong inhibitors of CYP1A2, CYP2D6,
    # and CYP3A4", "strong CYP1A2 inhibitors (fluvoxamine, enoxacin, ciprofloxacin)"; about 20
    # corpus lines; task "known", append only): the FDA's strong inhibitors, systemic forms
    Concept("cyp1a2_inhibitor", Kind.EVENT, "strong CYP1A2 inhibitor use"),
    Concept("cyp2d6_inhibitor", Kind.EVENT, "strong CYP2D6 inhibitor use"),
    # the heart's drugs a digoxin or bradycardia line names beside beta-blockers ("calcium channel
    # blockers with AV-nodal blocking activity (verapamil, diltiazem)", "non-dihydropyridine
    # calcium channel blockers"; 11 corpus lines name calcium channel blockers; append only)
    Concept("calcium_channel_blocker", Kind.EVENT, "calcium channel blocker therapy"),
    # (no parent: an amlodipine record, a calcium channel blocker the intake knows is no
    # non-dihydropyridine, would leave the narrower concept unknown as a subtype not stated)
    Concept("nondihydropyridine_ccb", Kind.EVENT, "non-dihydropyridine (AV-nodal) calcium channel blocker therapy"),
    # the digestive tract's diseases exclusions name ("currently active gastrointestinal disease",
    # "GI disease that may significantly alter absorption": ~180 corpus lines; append only).
    # ``gastrointestinal_disease`` is the organic disease of the tract such a line means (the
    # oesophagitis, ulcers, inflammatory bowel disease and colitis, obstruction and ileus,
    # diverticulitis, perforation and fistula, malabsorption, bleeding, the operated gut's
    # complications), and the narrower digestive concepts are kinds of it; the wider
    # ``digestive_tract_disease`` adds what the line may or may not mean (reflux, gastritis,
    # functional bowel disorders, diverticulosis, haemorrhoids, polyps), so a patient with only
    # one of those is left to a person (unknown), never cleared, never excluded by Eligo
    Concept("digestive_tract_disease", Kind.EVENT, "disease of the digestive tract (oesophagus, stomach, intestine, anus)"),
    Concept("gastrointestinal_disease", Kind.EVENT, "gastrointestinal disease (an organic disease of the digestive tract)", parent="digestive_tract_disease"),
    # "History of progressive multifocal leukoencephalopathy (PML)" (the brentuximab, rituximab and
    # obinutuzumab trials; 9 corpus lines; hold14, append only): ICD-10-CM A81.2, left to a person
    # for every record while it had no concept
    Concept("pml", Kind.EVENT, "progressive multifocal leukoencephalopathy (PML)"),
    # the drugs that make bleeding worse, which trials of drugs that lower platelets exclude ("No
    # concurrent aspirin, non-steroidal anti-inflammatory drugs, or other antiplatelet agents":
    # 85 corpus lines name NSAIDs, 49 antiplatelet agents; session 18, append only). Without a
    # concept "non-steroidal" was read as a corticosteroid and the class words left to a person.
    # Aspirin is both (ATC B01AC06 and N02BA01); continuous therapies
    Concept("nsaid_therapy", Kind.EVENT, "non-steroidal anti-inflammatory drug (NSAID) therapy"),
    Concept("antiplatelet_therapy", Kind.EVENT, "antiplatelet therapy (platelet aggregation inhibitors)"),
    # the origins of an AML the leukaemia trials name (issue 14, known misread families; append
    # only): "Secondary or therapy-related AML", "treatment-related AML (t-AML)" (about 25 corpus
    # lines). Secondary AML arose from an antecedent myeloid disorder (MDS, MPN, CMML) or after
    # cytotoxic therapy; no ICD-10-CM code states it, so an AML beside such a history on record is
    # open for it, never absent (derive.OPEN_BESIDE). AML with myelodysplasia-related changes
    # (ICD-O-3 9895/3; ICD-10-CM C92.A, "with multilineage dysplasia") and the therapy-related
    # myeloid neoplasms (ICD-O-3 9920/3, AML or MDS after therapy) are what hospitals code
    Concept("secondary_aml", Kind.EVENT, "secondary AML (after an antecedent myeloid disorder or cytotoxic therapy)", parent="aml"),
    Concept("therapy_related_aml", Kind.EVENT, "therapy-related AML (after cytotoxic chemotherapy or radiotherapy)", parent="secondary_aml"),
    Concept("aml_mrc", Kind.EVENT, "AML with myelodysplasia-related changes (multilineage dysplasia)", parent="aml"),
    Concept("therapy_related_myeloid_neoplasm", Kind.EVENT, "therapy-related myeloid neoplasm (AML or MDS after cytotoxic therapy)", parent="blood_cancer"),
    # the myelodysplastic/myeloproliferative leukaemias lines name beside MDS ("MDS, including
    # CMML", "Juvenile myelomonocytic leukemia (JMML)": 30 corpus lines): ICD-10-CM C93.1 and
    # C93.3, each a malignancy of its own (before, a generic haematological one)
    Concept("cmml", Kind.EVENT, "chronic myelomonocytic leukemia (CMML)", parent="blood_cancer"),
    Concept("jmml", Kind.EVENT, "juvenile myelomonocytic leukemia (JMML)", parent="blood_cancer"),
    # human T-lymphotropic virus infection, which infection exclusions name beside HIV ("positive
    # for HIV or HTLV-1": 15 corpus lines; ICD-10-CM B97.33, B97.34; adult T-cell leukaemia/
    # lymphoma, C91.5, is HTLV-1's). Read as nothing, the line was left to a person for everyone
    Concept("htlv", Kind.EVENT, "human T-lymphotropic virus (HTLV-1 or HTLV-2) infection"),
    # a patient who needs supplemental oxygen ("chronic respiratory disease that requires continuous
    # oxygen use", "Oxygen-dependent lung disease", "requirement for supplemental oxygen": 36 corpus
    # lines; hold21, append only): ICD-10-CM Z99.81, dependence on supplemental oxygen. With no
    # concept the line was left to a person, which leaves a patient on home oxygen eligible
    Concept("oxygen_dependence", Kind.EVENT, "dependence on supplemental oxygen (long-term or continuous oxygen therapy)"),
    # the electrolytes lines bound beside the organ limits (append only): "Serum bicarbonate >= 20
    # mEq/L", "Serum sodium > 130 mmol/L" (~20 corpus lines, a review each: a bicarbonate of 15 met
    # the organ-function heading it stood under). One equivalent is one mole for these ions.
    Concept("sodium", Kind.MEASUREMENT, "serum sodium", "mmol/L"),
    Concept("bicarbonate", Kind.MEASUREMENT, "serum bicarbonate (total CO2)", "mmol/L"),
    # hydroxyurea, the cytoreduction leukaemia trials permit in the very lines that ask for a
    # washout ("... with the exception of hydroxyurea"): whether it is the anticancer therapy or
    # chemotherapy a line means is open (derive.OPEN_BESIDE), never absent. With no concept a
    # record of hydroxyurea two days ago met "no anticancer therapy within 21 days"
    Concept("hydroxyurea", Kind.EVENT, "hydroxyurea (hydroxycarbamide)"),
    # the erythropoiesis-stimulating agents, a kind of growth factor lines name apart ("G-CSF
    # within 2 weeks. Erythropoietin is allowed"; "erythropoiesis-stimulating agents (ESAs)"): read
    # as any growth factor, the permission let a patient given filgrastim last week through
    Concept("esa", Kind.EVENT, "erythropoiesis-stimulating agent (epoetin, darbepoetin)", parent="growth_factor"),
    # iron chelation (ATC V03AC: deferoxamine, deferiprone, deferasirox), which MDS trials bound
    Concept("iron_chelator", Kind.EVENT, "iron chelation therapy (deferoxamine, deferiprone, deferasirox)"),
    # androgens and anabolic steroids (ATC G03B, A14A; danazol G03XA01), which marrow-failure and MDS
    # trials bound ("Androgen, deferoxamine ... therapy within 12 weeks", "adrenal cortex hormones or
    # anabolic hormones within 7 days", "Anabolic steroids"): no corticosteroid, and no hormonal
    # therapy for cancer (an anti-androgen is that); with no concept the words were left to a person
    Concept("androgen_therapy", Kind.EVENT, "androgen or anabolic steroid therapy (testosterone, nandrolone, oxandrolone, oxymetholone, danazol)"),
    # MDS with a 5q deletion, which lower-risk MDS trials admit only after lenalidomide ("Participants
    # with 5q deletions are allowed only if they have failed or are intolerant of lenalidomide";
    # hold24, append only): ICD-10-CM D46.C (isolated del(5q)), ICD-O-3 9986/3. With no concept the
    # line was left to a person, which left an MDS with del(5q) never given lenalidomide eligible
    Concept("del_5q", Kind.EVENT, "myelodysplastic syndrome with deletion 5q (del(5q))", parent="mds"),
    # pulmonary function as the transplant and cell-therapy trials bound it, each as a percentage
    # of the predicted value ("DLCO >= 50% of predicted", "FEV1 and FVC >= 40% predicted": ~150
    # corpus mentions, each a review: a DLCO of 30% met the organ-function heading it stood under).
    # Append only. Hospitals send them as the measured/predicted observations (LOINC 98130-8,
    # 20152-5, 19872-1)
    Concept("dlco", Kind.MEASUREMENT, "diffusing capacity of the lung for carbon monoxide (DLCO), % of predicted", "%"),
    Concept("fev1", Kind.MEASUREMENT, "forced expiratory volume in one second (FEV1), % of predicted", "%"),
    Concept("fvc", Kind.MEASUREMENT, "forced vital capacity (FVC), % of predicted", "%"),
    # how many lines of anticancer therapy the patient had, as the hospital counts them ("No more
    # than 2 prior therapies for MDS", "at least 2 prior regimens"; append only): a record lists
    # drugs, not lines, so only the count sent as an observation decides between none and the cap
    Concept("prior_therapy_lines", Kind.MEASUREMENT, "number of prior lines of anticancer therapy", "1"),
    # the phase of a chronic myeloid leukaemia, a qualifier the record names on the CML Condition
    # (derive.QUALIFIED_EVENTS; hold31, append only): "Chronic phase CML resistant to imatinib",
    # "CML in either CP or AP", "CML in AP/BC". No ICD-10-CM code states it; left unread, the phase
    # words were a review and a CML in blast crisis passed a trial for chronic phase only (holdout T311)
    Concept("cml_chronic_phase", Kind.QUALITATIVE, "chronic myeloid leukemia in chronic phase"),
    Concept("cml_accelerated_phase", Kind.QUALITATIVE, "chronic myeloid leukemia in accelerated phase"),
    Concept("cml_blast_phase", Kind.QUALITATIVE, "chronic myeloid leukemia in blast phase (blast crisis)"),
    # the family a line names as "hematologic malignancy", "haematological neoplasm", "blood
    # cancer" (issue 14; about 60 corpus lines, the PDQ's "Diagnosis of hematological malignancy"
    # among them; append only): every blood cancer is a kind of it, so a patient with any meets
    # the line and one with only a solid tumour does not (left unread, a breast cancer passed a
    # trial for blood cancers). The myeloid neoplasms are in it as the WHO classes them (MDS, the
    # MPNs, CMML and JMML, myeloid sarcoma, the therapy-related ones); MGUS, a precursor, is not.
    # ``hematologic_malignancy`` is the intake's record of a blood cancer of no named kind (the
    # C81-C96 codes no other row reads), one kind of this family among the others. The family is
    # not one of the ``MALIGNANCIES`` "another malignancy" is asked of: derived from an MDS, it
    # would have made every MDS another malignancy, which that concept leaves to lines naming it.
    # Nothing records the family alone; if a record did, it could be any kind (exhaustive)
    Concept("blood_cancer", Kind.EVENT, "hematologic malignancy (a blood cancer of any kind)", subtypes_exhaustive=True),
    # the conduction disorders and the slow rhythm ECG lines exclude ("Significant screening ECG
    # abnormalities including left bundle branch block, 2nd degree AV block type II, 3rd degree
    # block, bradycardia"; "No second or third degree heart block"; "resting bradycardia (< 50
    # beats per minute)": about 130 corpus lines; issue 14, append only). ICD-10-CM I44-I45 are
    # the conduction disorders, R00.1 bradycardia. With no concept the line was left to a person,
    # which left a patient coded with a left bundle branch block eligible (holdout T324). An AV
    # block is of one degree, a second-degree one Mobitz I or II, a bundle branch block left or
    # right (each level exhaustive): a record that names only the wider kind (ICD-10-CM I44.1 does
    # not say which Mobitz type) leaves a narrower one open, never absent (derive.lineage_unknown)
    Concept("conduction_disorder", Kind.EVENT, "cardiac conduction disorder (AV block, bundle branch or fascicular block)", parent="cardiac_disease"),
    Concept("av_block", Kind.EVENT, "atrioventricular (AV) block", parent="conduction_disorder", subtypes_exhaustive=True),
    Concept("av_block_first_degree", Kind.EVENT, "first-degree AV block", parent="av_block"),
    Concept("av_block_second_degree", Kind.EVENT, "second-degree AV block", parent="av_block", subtypes_exhaustive=True),
    Concept("mobitz_i", Kind.EVENT, "second-degree AV block, Mobitz type I (Wenckebach)", parent="av_block_second_degree"),
    Concept("mobitz_ii", Kind.EVENT, "second-degree AV block, Mobitz type II", parent="av_block_second_degree"),
    Concept("av_block_third_degree", Kind.EVENT, "third-degree (complete) AV block", parent="av_block"),
    Concept("bundle_branch_block", Kind.EVENT, "bundle branch block", parent="conduction_disorder", subtypes_exhaustive=True),
    Concept("lbbb", Kind.EVENT, "left bundle branch block (LBBB)", parent="bundle_branch_block"),
    Concept("rbbb", Kind.EVENT, "right bundle branch block (RBBB)", parent="bundle_branch_block"),
    Concept("bradycardia", Kind.EVENT, "bradycardia", parent="arrhythmia"),
    # the heart rate itself (LOINC 8867-4), which lines give bradycardia's bound by ("bradycardia
    # defined as HR < 50 bpm"); beats per minute, which a record's "/min" converts to
    Concept("heart_rate", Kind.MEASUREMENT, "heart rate", "{beats}/min"),
    # adult T-cell leukaemia/lymphoma, the mature T-cell neoplasm HTLV-1 causes (ICD-10-CM C91.5,
    # ICD-O-3 9827/3; issue 14, append only): a T-cell lymphoma that is a leukaemia too. "Diagnosis
    # of acute or lymphomatous adult T-cell leukemia (ATL)" had no concept, so a peripheral T-cell
    # lymphoma met the line's review and was answered eligible (holdout T321); a PTCL trial's list
    # of subtypes ("adult T-cell leukemia/lymphoma, ...") now reads it as one of them
    Concept("atll", Kind.EVENT, "adult T-cell leukemia/lymphoma (ATLL)", parent="t_cell_lymphoma"),
    # ABL1's own point mutations (issue 14, append only), which BCR-ABL1 acquires under a tyrosine
    # kinase inhibitor: "Known Abl-kinase T315I or T315A mutation", "a dasatinib-resistant
    # ABL-kinase mutation such as T315I". ABL1 was read only as a fusion partner, so a T315I on
    # record met no line (holdout T272). A sequence variant of the gene, those of its kinase domain
    # (codons 242-500: the P-loop, T315, the activation loop) and T315I each a result of its own,
    # as the EGFR variants are (matcher/intake/codes.toml [[gene]] ABL1)
    Concept("abl1_mutation", Kind.QUALITATIVE, "ABL1 mutation (a sequence variant, not the BCR-ABL1 fusion)"),
    Concept("abl1_kinase_domain_mutation", Kind.QUALITATIVE, "ABL1 kinase domain mutation (BCR-ABL1 TKI resistance, codons 242-500)"),
    Concept("abl1_t315i", Kind.QUALITATIVE, "ABL1 T315I mutation (the gatekeeper)"),
    # the sites of carcinoma in situ (ICD-10-CM D05, D06, D09.0; the rest of D00-D09 is
    # "another site"): see ``carcinoma_in_situ``
    Concept("cervical_carcinoma_in_situ", Kind.EVENT, "carcinoma in situ of the cervix uteri (D06)", parent="carcinoma_in_situ"),
    Concept("breast_carcinoma_in_situ", Kind.EVENT, "carcinoma in situ of the breast (D05)", parent="carcinoma_in_situ"),
    Concept("bladder_carcinoma_in_situ", Kind.EVENT, "carcinoma in situ of the bladder (D09.0)", parent="carcinoma_in_situ"),
    Concept("carcinoma_in_situ_other_site", Kind.EVENT, "carcinoma (or melanoma) in situ of another coded site", parent="carcinoma_in_situ"),
    # which remission or relapse a blood cancer is in ("in first remission", "CR2 or CR3", "beyond
    # 2nd remission", "in second or third relapse": about 90 corpus lines; issue 14, append only),
    # counted from the relapse records (snapshot.relapse_count): the first remission has none
    # before it, the second one, and a current relapse is the count's last. Left unread, the
    # ordinal was a review beside the status, and "AML in first remission" met a second remission
    Concept("relapse_count", Kind.MEASUREMENT, "number of relapses on record of the patient's blood cancer (the current one and resolved ones)", "1"),
    # the classic BCR-ABL1-negative myeloproliferative neoplasms by name (issue 14, helper dx;
    # append only): "history of one of the following myeloproliferative neoplasms: essential
    # thrombocythemia, polycythemia vera, and primary myelofibrosis", "Diagnosis of PMF or
    # post-PV/ET MF" (the myelofibrosis trials; ~30 corpus lines). Read as the family, a PV record
    # met a trial for myelofibrosis; unread, a PV excluded by name was left to a person (holdout
    # T232). ICD-10-CM D45, D47.3, D47.4 (osteomyelofibrosis: primary, or after PV or ET); D47.1,
    # chronic myeloproliferative disease, stays the family of no named kind
    Concept("polycythemia_vera", Kind.EVENT, "polycythemia vera (PV)", parent="mpn"),
    Concept("essential_thrombocythemia", Kind.EVENT, "essential thrombocythemia (ET)", parent="mpn"),
    Concept("myelofibrosis", Kind.EVENT, "myelofibrosis (primary, or after polycythemia vera or essential thrombocythemia)", parent="mpn"),
    # the kinds of non-melanoma skin cancer the exceptions of "another malignancy" name one by one
    # ("except basal cell carcinoma of the skin", ~75 corpus lines name the basal cell one alone;
    # issue 14, helper cond13; append only). Read as the whole family, such an exception let a
    # squamous cell carcinoma of the skin pass as excepted; ICD-10-CM writes the kind in the code's
    # fifth character (C44.x1 basal cell, C44.x2 squamous cell). The rest of C44 (unspecified,
    # sebaceous, other specified) stays the family, which leaves each kind unknown
    Concept("basal_cell_skin_cancer", Kind.EVENT, "basal cell carcinoma of the skin", parent="nonmelanoma_skin_cancer"),
    Concept("squamous_cell_skin_cancer", Kind.EVENT, "squamous cell carcinoma of the skin", parent="nonmelanoma_skin_cancer"),
    # one inherited marrow failure by name (ICD-10-CM D61.01, constitutional pure red cell
    # aplasia): "Diagnosis of DBA" (holdout T234) was left to a person for every record, and a
    # Fanconi anaemia (another D61.0) would have met it as the category
    Concept("diamond_blackfan_anemia", Kind.EVENT, "Diamond-Blackfan anemia (DBA)", parent="inherited_marrow_failure"),
    # a lymphoma's surface antigens the CD20- and CD30-directed antibodies' trials ask for
    # ("relapsed or refractory CD20+ lymphoid malignancies", "CD30-positive classical Hodgkin
    # lymphoma": ~40 corpus lines), and the blasts' CD34 ("High risk CD34+ AML", "CD34- AML or
    # MDS", holdout T235; never the graft's CD34+ cells a transplant line counts): results, as CD19's are
    Concept("cd20", Kind.QUALITATIVE, "CD20 expression"),
    Concept("cd30", Kind.QUALITATIVE, "CD30 expression"),
    Concept("cd34", Kind.QUALITATIVE, "CD34 expression (of the blasts)"),
    # small lymphocytic lymphoma, CLL's nodal form (WHO: one disease, "CLL/SLL"; ICD-O-3 9670/3),
    # which CLL trials name beside it ("Relapsed/refractory B-cell CLL or SLL", "Biopsy-proven
    # SLL": ~55 corpus lines) and a lymphoma trial lists among the indolent kinds. A kind of B-cell
    # lymphoma: a record coded only as one (ICD-10-CM C83.0, small cell B-cell lymphoma, holds
    # the marginal zone and lymphoplasmacytic ones as well) leaves it open, never absent
    Concept("sll", Kind.EVENT, "small lymphocytic lymphoma (SLL)", parent="b_cell_lymphoma"),
    # hemolysis as the named cause a bilirubin limit excepts (issue 14, append only): "Total
    # bilirubin < 1.5 mg/dL unless elevated due to hemolysis", "unless due to Gilbert disease,
    # hemolysis, or disease infiltration of the liver" (20 corpus lines). With no concept, the
    # exception was a review for every patient over the limit, and a list of causes read its
    # Gilbert's syndrome alone. The hemolytic anaemias of ICD-10-CM D55-D59 (the autoimmune one,
    # D59.1, among them); absent from the record means absent, as for Gilbert's syndrome
    Concept("hemolytic_anemia", Kind.EVENT, "hemolytic anemia (hemolysis; D55-D59)"),
    # the kinase inhibitors prior-therapy lines name by their target (ATC L01EL, L01EE, L01EC;
    # topics.drug_classes), each a kind of targeted therapy
    Concept("btk_inhibitor", Kind.EVENT, "Bruton's tyrosine kinase (BTK) inhibitor", parent="targeted_therapy"),
    Concept("mek_inhibitor", Kind.EVENT, "MEK inhibitor", parent="targeted_therapy"),
    Concept("braf_inhibitor", Kind.EVENT, "BRAF inhibitor", parent="targeted_therapy"),
    # the antibodies prior-therapy lines name by their antigen ("Previous treatment with any
    # anti-CD30 directed therapy", "daratumumab or other anti-CD38 therapies", "Former treatment
    # with anti-CD20 antibody": ATC L01FA, L01FC, brentuximab L01FX05; topics.drug_classes), each a
    # kind of immunotherapy as the CD19, CD22 and CD33-directed antibodies are
    Concept("cd20_directed_therapy", Kind.EVENT, "prior CD20-directed therapy", parent="immunotherapy"),
    Concept("cd30_directed_therapy", Kind.EVENT, "prior CD30-directed therapy", parent="immunotherapy"),
    Concept("cd38_directed_therapy", Kind.EVENT, "prior CD38-directed therapy", parent="immunotherapy"),
    # the marrow reached by a cancer born elsewhere (issue 14, append only): the patients a count's
    # second, lower bound is for ("Platelets >= 100 x 10^9/L (> 70 x 10^9/L if bone marrow was
    # involved)", "ANC >= 750/uL or >= 500/uL in subjects with documented bone marrow
    # involvement"), coded as a secondary neoplasm of the bone marrow (ICD-10-CM C79.52); absent
    # from the record means absent, as for liver metastases
    Concept("bone_marrow_involvement", Kind.EVENT, "bone marrow involvement (secondary neoplasm of the bone marrow)", parent="metastatic_disease"),
    # an arrhythmia born in the ventricles (issue 14, append only; topics.heart_rhythm): "clinically
    # significant ventricular arrhythmias (e.g., ventricular tachycardia, ventricular fibrillation,
    # or torsades de pointes)", about 200 corpus lines. Read as any arrhythmia, an atrial
    # fibrillation on record met such a line (holdout T265). ICD-10-CM I47.0, I47.2 (torsade de
    # pointes I47.21 among them), I49.0, I49.3; torsade de pointes is one of its kinds
    Concept("ventricular_arrhythmia", Kind.EVENT, "ventricular arrhythmia", parent="arrhythmia"),
    # an arrhythmia whose code does not say where it arises (I47.9, I49.4, I49.8, I49.9): it may be a
    # ventricular one, so it leaves that kind open (derive.OPEN_BESIDE), never absent
    Concept("arrhythmia_unspecified", Kind.EVENT, "cardiac arrhythmia of unstated kind", parent="arrhythmia"),
    # comorbid conditions exclusions name (topics.comorbid_conditions). A hydrocephalus is
    # communicating or obstructive (non-communicating): one coded without its kind leaves
    # "obstructive hydrocephalus" open. The autoimmune ones are kinds of autoimmune disease, as
    # codes.toml's autoimmune rows already read their codes.
    Concept("hydrocephalus", Kind.EVENT, "hydrocephalus", parent="cns_disorder", subtypes_exhaustive=True),
    Concept("obstructive_hydrocephalus", Kind.EVENT, "obstructive (non-communicating) hydrocephalus", parent="hydrocephalus"),
    Concept("communicating_hydrocephalus", Kind.EVENT, "communicating hydrocephalus (normal pressure included)", parent="hydrocephalus"),
    Concept("myasthenia_gravis", Kind.EVENT, "myasthenia gravis", parent="autoimmune_disease"),
    Concept("guillain_barre_syndrome", Kind.EVENT, "Guillain-Barre syndrome", parent="autoimmune_disease"),
    Concept("sarcoidosis", Kind.EVENT, "sarcoidosis", parent="autoimmune_disease"),
    Concept("celiac_disease", Kind.EVENT, "celiac disease", parent="autoimmune_disease"),
    Concept("esophageal_varices", Kind.EVENT, "esophageal varices"),
    # the idiopathic kind of interstitial lung disease; one coded without its kind (J84.9, J84.10,
    # J84.111) leaves it open (derive.OPEN_BESIDE)
    Concept("idiopathic_pulmonary_fibrosis", Kind.EVENT, "idiopathic pulmonary fibrosis", parent="interstitial_lung_disease"),
    Concept("ild_unspecified", Kind.EVENT, "interstitial lung disease or pulmonary fibrosis of unstated kind", parent="interstitial_lung_disease"),
    Concept("kidney_disease", Kind.EVENT, "disease of the kidney (glomerular, tubulo-interstitial, kidney failure, chronic kidney disease)"),
    # a disease of the lungs ("Severe pulmonary disease", "No serious lung disease", "symptomatic
    # pulmonary disease": ~200 corpus lines left wholly to review before it): the lower airways,
    # the lung's tissue and the pleura (ICD-10-CM J09-J18, J20-J22, J40-J99), never the nose,
    # sinuses or throat; COPD, asthma and the interstitial diseases are kinds of it (their codes
    # fall in its ranges)
    Concept("lung_disease", Kind.EVENT, "disease of the lungs, lower airways or pleura (pneumonia, chronic lower respiratory disease, interstitial lung disease, pleural disease, respiratory failure)"),
    # an infection of the brain or its coverings ("Known active meningeal infection"; issue 14, cond3):
    # an active infection, so every line on infection reads it too (topics.named_conditions)
    Concept("cns_infection", Kind.EVENT, "infection of the central nervous system (meningitis, encephalitis of an infection, brain abscess)", parent="active_infection"),
    Concept("dystonia", Kind.EVENT, "dystonia (a drug-induced dystonic reaction among them)", parent="cns_disorder"),
    # what impairs the digestive tract's function beside its diseases, as the oral-drug exclusions
    # list it ("uncontrolled nausea, vomiting, diarrhea, ... or small bowel resection";
    # topics.gi_function)
    Concept("nausea_vomiting", Kind.EVENT, "nausea or vomiting"),
    Concept("gi_resection", Kind.EVENT, "an operated digestive tract: a gastric or bowel resection, a bypass or a stoma"),
    # the stomach's resection, total or partial ("prior total or partial gastrectomy": 20 corpus lines)
    Concept("gastrectomy", Kind.EVENT, "gastrectomy (total or partial)", parent="gi_resection"),
    # the CD4+ T-cell count HIV lines bound (issue 14, append only): "CD4 cell count >= 400/mm3",
    # "Absolute CD4+ lymphocyte count >= 75 cells/uL", "HIV-positive ... with a CD4 count of < 100"
    # (about 10 corpus trials, a review each). LOINC 24467-3, cells per microlitre (10*6/L)
    Concept("cd4_count", Kind.MEASUREMENT, "CD4+ T-lymphocyte count", "10*6/L"),
    # the favourable-risk karyotypes of AML the leukaemia trials name (issue 14, append only):
    # "AML associated with favorable risk karyotypes including inv(16), t(8;21), t(16;16), or
    # t(15;17)", "Definitive evidence of t(8;21) or inv(16)", "absence of a t(15;17), t(8;21),
    # inv(16)/t(16;16)" (about 8 corpus lines; t(15;17) is APL's). The core-binding-factor AMLs of
    # the WHO classification, ICD-O-3 9896/3 and 9871/3; ICD-10-CM codes neither, so an AML on
    # record without its karyotype leaves them open (derive.OPEN_BESIDE), never absent
    Concept("aml_t8_21", Kind.EVENT, "AML with t(8;21)(q22;q22), RUNX1-RUNX1T1", parent="aml"),
    Concept("aml_inv16", Kind.EVENT, "AML with inv(16)(p13.1q22) or t(16;16)(p13.1;q22), CBFB-MYH11", parent="aml"),
    # the arterial blood's oxygen tension the transplant trials bound beside the DLCO ("No severe
    # hypoxemia with pO_2 < 70 mm Hg AND DLCO < 70% of predicted", "PO_2 >= 70 mm Hg AND DLCO >=
    # 70% of predicted OR ...", "Arterial oxygen pressure (Pa O_2) >= 70 mm Hg", "Pulmonary (pO2 <
    # 60 mmHg)"; issue 14, append only). LOINC 2703-7, in mm Hg (a kPa converts). Unread, each was
    # a review, and the pair "pO2 AND DLCO" was cut to the DLCO alone
    Concept("pao2", Kind.MEASUREMENT, "partial pressure of oxygen in arterial blood (PaO2)", "mm[Hg]"),
    # the drugs bleeding exclusions permit by name ("drugs that interfere with coagulation ...,
    # with the exception of aspirin <= 150 mg per day or low molecular weight heparin"; issue 14,
    # rx5; append only): a low molecular weight heparin is a kind of anticoagulant (ATC B01AB04-
    # B01AB13 but danaparoid and sulodexide), aspirin a kind of antiplatelet therapy, and its
    # daily dose (the latest record's, as the steroid's) is what a permitted dose bounds
    Concept("low_molecular_weight_heparin", Kind.EVENT, "low molecular weight heparin (enoxaparin, dalteparin, tinzaparin, ...)", parent="anticoagulant_therapy"),
    Concept("aspirin_therapy", Kind.EVENT, "aspirin (acetylsalicylic acid) therapy", parent="antiplatelet_therapy"),
    Concept("aspirin_dose", Kind.MEASUREMENT, "aspirin daily dose", "mg/d"),
    # the severity a chart codes on a GVHD record (Condition.severity; the NIH global severity of
    # chronic GVHD is mild, moderate or severe), asked by "moderate or severe GVHD" (issue 14,
    # cond6; append only; derive.QUALIFIED_EVENTS)
    Concept("severe_gvhd", Kind.QUALITATIVE, "severe graft-versus-host disease"),
    Concept("moderate_gvhd", Kind.QUALITATIVE, "moderate graft-versus-host disease"),
    # what an arrhythmia line asks the rhythm to need ("Cardiac arrhythmia requiring
    # anti-arrhythmic therapy", "arrhythmia requiring medication"; 96 corpus lines; cond6, append
    # only): class I and III antiarrhythmics (ATC C01B); beta-blockers and the AV-nodal calcium
    # channel blockers (classes II and IV) are concepts of their own
    Concept("antiarrhythmic_therapy", Kind.EVENT, "antiarrhythmic therapy (class I and III antiarrhythmics, ATC C01B)"),
    # measurements registry lines bound that no concept held (issue 14, labs6; append only): the
    # Mini-Mental State Examination's total (0-30; "Mini Mental State Exam score >= 15", 6 corpus
    # lines) and the largest tumour or nodal mass ("Tumor size > 10 cm", "Nodal mass > 5 cm",
    # "Bulky (greater than 8 cm) tumor"), as LOINC 21889-1 records it
    Concept("mmse", Kind.MEASUREMENT, "Mini-Mental State Examination (MMSE) total score", "1"),
    Concept("tumor_size", Kind.MEASUREMENT, "size of the largest tumour or nodal mass (greatest dimension)", "cm"),
    # monoclonal antibodies as the class washouts name beside chemotherapy ("Cytotoxic chemotherapy,
    # steroids or monoclonal antibody (Mab) within 3 weeks"; ~140 corpus lines; rx8, append only):
    # ATC L01F / L01XC and the antibodies of other groups. No parent: an infliximab is no
    # anticancer therapy; the antigen-directed classes (cd20_directed_therapy, ...) stand beside it
    Concept("monoclonal_antibody_therapy", Kind.EVENT, "monoclonal antibody therapy (ATC L01F, L01XC; the -mab drugs)"),
    # a bleeding disorder a patient is born with (haemophilia A and B, von Willebrand disease,
    # other hereditary factor deficiencies; ICD-10-CM D66-D68.2), what "congenital bleeding
    # disorders" ask and what a "bleeding disorder unrelated to cancer" surely is (cond7; append only)
    Concept("hereditary_bleeding_disorder", Kind.EVENT, "hereditary (congenital) bleeding disorder", parent="bleeding_diathesis"),
    # the infections a failing immune system lets in (the CDC's opportunistic infections, and the
    # invasive moulds of the neutropenic): "Opportunistic infection within 60 days", "No evidence
    # of active opportunistic infections" (cond7; append only)
    Concept("opportunistic_infection", Kind.EVENT, "opportunistic infection (pneumocystis, CMV disease, toxoplasmosis, invasive fungal, atypical mycobacterial, PML ...)", parent="active_infection"),
    # the kinds of myelodysplastic syndrome ICD-10-CM codes (D46.0-D46.B, D46.Z; dx8, append only):
    # MDS trials take or exclude them by their FAB or WHO names ("FAB groups RA, RARS, RAEB,
    # RAEBt", "RAEB-2 with >= 10% marrow blasts", "refractory anemia with ringed sideroblasts").
    # Read as a person's question, a coded refractory anaemia (D46.0) stayed undecided for a line
    # taking only RAEB. ``mds`` is now exhaustive: a record that says only "MDS" (D46.9) leaves
    # every kind open, never absent (derive.lineage_unknown), as a lymphoma of no named kind does.
    # Refractory anaemia is D46.0 (without ring sideroblasts) and D46.4 (unspecified); RAEB of
    # unstated type D46.20 leaves RAEB-1/-2 open; RCMD with ring sideroblasts (D46.B) is a kind of
    # RCMD (D46.A), as WHO 2008 merged them; D46.Z ("other MDS", the unclassifiable ones) is a
    # kind of its own, so a record of it is none of those named
    Concept("mds_refractory_anemia", Kind.EVENT, "MDS: refractory anaemia (without ring sideroblasts)", parent="mds"),
    Concept("mds_rars", Kind.EVENT, "MDS: refractory anaemia with ring sideroblasts (RARS)", parent="mds"),
    Concept("mds_raeb", Kind.EVENT, "MDS: refractory anaemia with excess blasts (RAEB)", parent="mds", subtypes_exhaustive=True),
    Concept("mds_raeb_1", Kind.EVENT, "MDS: refractory anaemia with excess blasts 1 (RAEB-1)", parent="mds_raeb"),
    Concept("mds_raeb_2", Kind.EVENT, "MDS: refractory anaemia with excess blasts 2 (RAEB-2)", parent="mds_raeb"),
    Concept("mds_rcmd", Kind.EVENT, "MDS: refractory cytopenia with multilineage dysplasia (RCMD)", parent="mds"),
    Concept("mds_rcmd_rs", Kind.EVENT, "MDS: refractory cytopenia with multilineage dysplasia and ring sideroblasts (RCMD-RS)", parent="mds_rcmd"),
    Concept("mds_other_kind", Kind.EVENT, "MDS of another kind (unclassifiable; ICD-10-CM D46.Z)", parent="mds"),
    # the daily dose of hydroxyurea a leukaemia trial bounds ("Patients who need a daily dose of
    # hydroxyurea greater than 3 g to control leukocytosis"; issue 14, rx11; append only): the
    # latest record's daily dose, as the aspirin's
    Concept("hydroxyurea_dose", Kind.MEASUREMENT, "hydroxyurea daily dose", "mg/d"),
    # the kinds of mature T-cell and NK-cell lymphoma ICD-10-CM codes (dx9, append only): PTCL and
    # CTCL trials take or exclude them by name ("PTCL-NOS", "Angioimmunoblastic T-cell lymphoma",
    # "Natural Killer (NK) cell lymphomas", "Mycosis fungoides", "Sézary syndrome": ~70 corpus
    # lines, topics.t_cell_kinds). Read as the family beside a person's question, an NK/T-cell
    # lymphoma excluded by name met a PTCL trial's review. ``t_cell_lymphoma`` is now exhaustive:
    # a record coded only as a T/NK-cell lymphoma of another or no stated kind (C84.9, C84.Z,
    # C86.1-C86.3) leaves every kind open, never absent, as a lymphoma of no named kind does; so
    # is ``ctcl`` (C84.A, C86.6 name no further kind, and a cutaneous lymphoma may be MF)
    Concept("ctcl", Kind.EVENT, "cutaneous T-cell lymphoma (CTCL)", parent="t_cell_lymphoma", subtypes_exhaustive=True),
    Concept("mycosis_fungoides", Kind.EVENT, "mycosis fungoides", parent="ctcl"),
    Concept("sezary_syndrome", Kind.EVENT, "Sézary syndrome", parent="ctcl"),
    Concept("ptcl_nos", Kind.EVENT, "peripheral T-cell lymphoma, not otherwise specified (PTCL-NOS)", parent="t_cell_lymphoma"),
    Concept("alcl", Kind.EVENT, "anaplastic large cell lymphoma (ALCL), systemic", parent="t_cell_lymphoma"),
    Concept("aitl", Kind.EVENT, "angioimmunoblastic T-cell lymphoma (AITL)", parent="t_cell_lymphoma"),
    Concept("nk_cell_lymphoma", Kind.EVENT, "NK-cell lymphoma (extranodal NK/T-cell lymphoma, nasal type; blastic NK-cell lymphoma)", parent="t_cell_lymphoma"),
    # lymphoblastic lymphoma, coded without its lineage (ICD-10-CM C83.5; dx9, append only): "ALL or
    # lymphoblastic lymphoma", "Precursor T-cell lymphomas" (topics.lymphoblastic). A kind of NHL
    # (its code's place); the lineage forms ICD-O-3 codes are the catalogue's B- and T-ALL
    Concept("lymphoblastic_lymphoma", Kind.EVENT, "lymphoblastic lymphoma (lineage not coded)", parent="nhl"),
    # an anticancer therapy on record that was given for an earlier disease, before the one a line
    # names as "previously untreated" was diagnosed (rx12, append only; about 150 corpus lines:
    # "Previously untreated AML", "Newly diagnosed, previously untreated ... secondary AML"). No
    # hospital codes it; beside an earlier disease on record (an MDS, an MPN, another cancer) a
    # therapy may be that disease's, so it is open, never absent (derive.OPEN_BESIDE). Read as no
    # therapy ever, an AML after an MDS treated with azacitidine failed "previously untreated AML"
    Concept("therapy_for_earlier_disease", Kind.EVENT, "anticancer therapy given for an earlier disease, before the current one was diagnosed"),
    # a follicular lymphoma's grade, as ICD-10-CM codes it (C82.0 grade I, C82.1 grade II, C82.2
    # grade III unspecified, C82.3 IIIa, C82.4 IIIb; dx11, append only): "Grade 1-3 follicular
    # lymphoma", "follicular lymphoma grade 1, 2 or 3A", "Grade 3b follicular lymphoma" (~15 corpus
    # lines, topics.follicular_grades). Read as the lymphoma beside a person's question, a grade 1
    # lymphoma met "Grade 3B Follicular lymphoma" and every one was excluded by "Grade 3b follicular
    # lymphoma". Both levels are exhaustive: a follicular lymphoma coded without its grade (C82.5,
    # C82.6, C82.8, C82.9) leaves every grade open, and a grade III unspecified both IIIa and IIIb
    Concept("follicular_lymphoma_grade_1", Kind.EVENT, "follicular lymphoma grade 1", parent="follicular_lymphoma"),
    Concept("follicular_lymphoma_grade_2", Kind.EVENT, "follicular lymphoma grade 2", parent="follicular_lymphoma"),
    Concept("follicular_lymphoma_grade_3", Kind.EVENT, "follicular lymphoma grade 3", parent="follicular_lymphoma", subtypes_exhaustive=True),
    Concept("follicular_lymphoma_grade_3a", Kind.EVENT, "follicular lymphoma grade 3a", parent="follicular_lymphoma_grade_3"),
    Concept("follicular_lymphoma_grade_3b", Kind.EVENT, "follicular lymphoma grade 3b", parent="follicular_lymphoma_grade_3"),
    # prolymphocytic leukaemia, of B or T cells (dx12, append only): CLL trials take or exclude it
    # by name ("Richter's transformation, prolymphocytic leukemia ... are eligible", "Known
    # prolymphocytic leukemia", "B-cell prolymphocytic leukemia": ~12 corpus lines). ICD-10-CM
    # codes each kind (C91.3 B-cell, C91.6 T-cell), ICD-O-3 as well (9833/3, 9834/3) and the family
    # unspecified (9832/3), which leaves each kind open (exhaustive). Left unread, a T-PLL failed a
    # line admitting "prolymphocytic leukemia" (holdout T304) and every CLL stayed a person's question
    Concept("prolymphocytic_leukemia", Kind.EVENT, "prolymphocytic leukemia (PLL), of B or T cells", parent="blood_cancer", subtypes_exhaustive=True),
    Concept("b_pll", Kind.EVENT, "B-cell prolymphocytic leukemia (B-PLL)", parent="prolymphocytic_leukemia"),
    # lymphoplasmacytic lymphoma (dx12, append only), the indolent B-cell lymphoma lists name
    # ("Lymphoplasmacytic lymphoma (LPL)", "lymphoplasmacytic lymphoma / Waldenström
    # macroglobulinemia": ~10 corpus lines). ICD-O-3 9671/3 codes it; ICD-10-CM's C83.0 (small
    # cell B-cell lymphoma) holds it beside other kinds and stays b_cell_lymphoma, open. Waldenström
    # macroglobulinaemia is a lymphoplasmacytic lymphoma; the line's reading asks for either
    # (topics.b_cell_kinds), the hierarchy keeping Waldenström's place as it was
    Concept("lymphoplasmacytic_lymphoma", Kind.EVENT, "lymphoplasmacytic lymphoma (LPL)", parent="b_cell_lymphoma"),
    # thyroid hormone replacement (cond15, append only): levothyroxine or liothyronine (ATC H03A),
    # what corrects a hypothyroidism, so "Uncorrected hypothyroidism", "Untreated hypothyroidism"
    # and "unless euthyroid on medication" are read by it (topics.thyroid_replacement)
    Concept("thyroid_hormone_therapy", Kind.EVENT, "thyroid hormone replacement (levothyroxine, liothyronine)"),
    # the two ventricular arrhythmias the exclusions give as examples of a clinically significant
    # one (cond16, append only): "clinically significant ventricular arrhythmias (e.g., ventricular
    # tachycardia, ventricular fibrillation, or torsades de pointes)", about 20 corpus lines. ICD-10-CM
    # I47.2 (torsade de pointes I47.21 among it) and I49.0 (fibrillation and flutter); a premature
    # beat (I49.3) is a ventricular arrhythmia but neither, so the line's own examples decide for a
    # record of one of them and leave any other to a person (topics.ventricular_examples)
    Concept("ventricular_tachycardia", Kind.EVENT, "ventricular tachycardia", parent="ventricular_arrhythmia"),
    Concept("ventricular_fibrillation", Kind.EVENT, "ventricular fibrillation or flutter", parent="ventricular_arrhythmia"),
    # a tendency to clot that exclusions name beside a thrombosis ("must not have a known
    # thrombophilic condition", "known hypercoagulable state", "factor V Leiden"; issue 14,
    # comorbidity lines; append only): ICD-10-CM D68.5-D68.6, no bleeding diathesis
    Concept("thrombophilia", Kind.EVENT, "thrombophilia (hypercoagulable state: factor V Leiden, prothrombin mutation, antiphospholipid syndrome, ...)"),
    # the enzyme-inducing antiepileptic drugs the brain-tumour and CNS-metastasis trials exclude
    # ("No concurrent enzyme-inducing antiepileptic drugs (EIAEDs)", "Patients taking
    # enzyme-inducing anticonvulsant drugs"; about 50 corpus lines, about 100 unread fragments;
    # meds17, append only): the six the corpus lists as the class (NCT00335764: "carbamazepine,
    # oxcarbazepine, phenytoin, fosphenytoin, phenobarbital, or primidone"), ATC N03AF01, N03AF02,
    # N03AB02, N03AB05, N03AA02, N03AA03. No parent: a levetiracetam record, an antiepileptic the
    # intake knows is none of them, would leave the narrower concept unknown as a subtype not stated
    Concept("eiaed_therapy", Kind.EVENT, "enzyme-inducing antiepileptic drug (EIAED) therapy"),
    # "immune modulators" as a class of therapy ("treatment with immune modulators such as systemic
    # cyclosporine or tacrolimus", "Use of immune modulators and/or any immunosuppressive drugs",
    # "Previous treatment with immunomodulators within two months"; about 15 corpus lines; meds17,
    # append only): ATC's immunomodulating agents, the immunosuppressants (L04, the IMiDs among
    # them) and the immunostimulants that act on the immune response, interferons (L03AB),
    # interleukins (L03AC) and glatiramer (L03AX13); never a colony-stimulating factor (L03AA) or a
    # stem-cell mobiliser (plerixafor, L03AX16), which no line calls an immune modulator. No parent:
    # a record of another therapy must not leave it unknown as a subtype not stated
    Concept("immunomodulator_therapy", Kind.EVENT, "immunomodulating therapy (immunosuppressants, interferons, interleukins)"),
    # the marrow failures the leukaemia trials exclude by name ("Fanconi anemia, Kostmann syndrome,
    # Shwachman syndrome, or other bone marrow failure syndromes", "Acquired or inherited bone
    # marrow failure syndromes such as aplastic anemia"; the COG template, holdout T81, T182; dx18,
    # append only): the family, acquired or inherited; aplastic anaemia (ICD-10-CM D61 but the
    # pancytopenias D61.81 and myelophthisis D61.82, never a marrow failure syndrome); the two
    # inherited syndromes the template names, Shwachman-Diamond (D61.02) and severe congenital
    # neutropenia (Kostmann, D70.0), an inherited marrow failure though no aplastic anaemia
    Concept("marrow_failure", Kind.EVENT, "bone marrow failure syndrome (acquired or inherited)"),
    Concept("aplastic_anemia", Kind.EVENT, "aplastic anemia (acquired or constitutional)", parent="marrow_failure"),
    Concept("shwachman_diamond_syndrome", Kind.EVENT, "Shwachman-Diamond syndrome", parent="inherited_marrow_failure"),
    Concept("congenital_neutropenia", Kind.EVENT, "severe congenital neutropenia (Kostmann syndrome)", parent="inherited_marrow_failure"),
    # the liver failing, coded as such (K72; "no clinical evidence of hepatic failure", "clinically
    # significant liver failure", "hepatic or renal failure"; about 20 corpus lines; organ18, append
    # only): a liver disease, so a record of it meets "liver disease" as well
    Concept("liver_failure", Kind.EVENT, "liver (hepatic) failure", parent="liver_disease"),
    # three more kinds of T-cell lymphoma ICD-10-CM codes (C86.1-C86.3; dx21, append only), which
    # PTCL trials list by name beside the others ("enteropathy-type T-cell lymphoma", "hepatosplenic
    # gamma-delta T-cell lymphoma", "subcutaneous panniculitis-like T-cell lymphoma": 14 corpus
    # lines in 8 trials, topics.t_cell_kinds). Read as the family beside an unread word, each was a
    # person's question for every T-cell lymphoma, its own coded kind too
    Concept("eatl", Kind.EVENT, "enteropathy-associated (intestinal) T-cell lymphoma (EATL)", parent="t_cell_lymphoma"),
    Concept("hstcl", Kind.EVENT, "hepatosplenic T-cell lymphoma", parent="t_cell_lymphoma"),
    Concept("sptcl", Kind.EVENT, "subcutaneous panniculitis-like T-cell lymphoma (SPTCL)", parent="t_cell_lymphoma"),
    # antibodies directed at a T-cell co-stimulatory receptor, which the anti-PD-1 trials exclude
    # beside the checkpoint inhibitors ("anti-PD-1, anti-PD-L1, anti-PD-L2, anti-CD137, or
    # anti-CTLA-4 antibody", "immune agonists (anti-CD137, anti-CD40, anti-OX40)"; about 35 corpus
    # exclusions; rx22, append only): an immunotherapy, coded by name (no ATC group holds them)
    Concept("costimulatory_antibody", Kind.EVENT, "antibody directed at a T-cell co-stimulatory receptor (anti-CD137/4-1BB, anti-OX40, anti-CD40, anti-GITR, anti-CD27, anti-ICOS)", parent="immunotherapy"),
    # the inherited hemolytic anaemias (ICD-10-CM D55-D58: enzyme disorders, thalassaemias,
    # sickle-cell disorders, spherocytosis and the other hereditary ones; organ22, append only) as
    # the cause a bilirubin bound excepts by that name ("unless due to leukemia or congenital
    # hemolytic disorder (for bilirubin)"). Read as any hemolysis beside an unread "congenital",
    # hereditary spherocytosis on record was a person's question; an acquired one (D59, the
    # autoimmune kind) is not what the line excepts
    Concept("hereditary_hemolytic_anemia", Kind.EVENT, "hereditary (congenital) hemolytic anemia (D55-D58)", parent="hemolytic_anemia"),
    # a viral hepatitis of no virus Eligo names, or of none named at all (ICD-10-CM B17.0 delta,
    # B17.2 E, B17.8-B17.9, B18.8-B18.9, B19.0, B19.9; onco23, append only): a "hepatitis" or
    # "viral hepatitis" a line excludes. Without it such a record held no hepatitis at all, so a
    # reading of those words as hepatitis A, B or C alone let it through
    Concept("other_viral_hepatitis", Kind.EVENT, "viral hepatitis other than A, B or C, or of unspecified virus"),
)

# A CTCAE grade asked of an adverse event ("peripheral neuropathy >= grade 2": 264 corpus lines
# grade a neuropathy, ~90 a diarrhoea, a bleeding, an arrhythmia ...), read from the severity a
# hospital codes on its Condition (derive.SEVERITY_GRADED): one qualitative concept per event and
# lowest grade asked. The events are those the corpus grades that a chart records as a Condition.
SEVERITY_GRADED_EVENTS: tuple[str, ...] = ("peripheral_neuropathy", "diarrhea", "hemorrhage", "pancreatitis", "pleural_effusion", "arrhythmia")
SEVERITY_GRADE_FLOORS: tuple[int, ...] = (2, 3, 4)


def severity_grade_concept(event: str, floor: int) -> str:
    """The concept "``event`` of CTCAE grade ``floor`` or higher"."""
    return f"{event}_grade_{floor}_plus"


_EVENT_LABELS = {c.id: c.label for c in _CATALOGUE}
_CATALOGUE += tuple(
    Concept(severity_grade_concept(event, floor), Kind.QUALITATIVE, f"{_EVENT_LABELS[event]} of CTCAE grade {floor} or higher")
    for event in SEVERITY_GRADED_EVENTS
    for floor in SEVERITY_GRADE_FLOORS
)

CONCEPTS: dict[str, Concept] = {c.id: c for c in _CATALOGUE}


def _descendants_of(*roots: str) -> tuple[str, ...]:
    found = list(roots)
    for c in _CATALOGUE:
        parent = c.parent
        while parent is not None and c.id not in found:
            if parent in roots:
                found.append(c.id)
            parent = CONCEPTS[parent].parent
    return tuple(found)


# Every concept that is a malignancy (ICD-10-CM C00-C96 and the diagnoses Eligo names):
# what "another malignancy" is asked of. Carcinoma in situ (D00-D09), MDS and metastases are
# not in it: a line that names them asks for them by name.
MALIGNANCIES: tuple[str, ...] = _descendants_of("acute_leukemia", "solid_tumor", "lymphoma") + (
    "multiple_myeloma",
    "cll",
    "cml",
    "t_pll",
    "prolymphocytic_leukemia",
    "b_pll",
    "myeloid_sarcoma",
    "hematologic_malignancy",
    "malignant_neoplasm",
    "plasma_cell_leukemia",
    "waldenstrom_macroglobulinemia",
    "cmml",
    "jmml",
)


# Carcinoma in situ and its sites: no malignancy (``MALIGNANCIES``), but what the exceptions of
# "another malignancy" name beside them ("except ... carcinoma in situ of the cervix")
IN_SITU: tuple[str, ...] = _descendants_of("carcinoma_in_situ")


def related(a: str, b: str) -> bool:
    """Whether one concept is the other or a kind of it (either way round)."""
    return a == b or a in ancestors(b) or b in ancestors(a)


def concept(concept_id: str) -> Concept:
    """The catalogue entry; a ``KeyError`` names an id the catalogue does not hold."""
    return CONCEPTS[concept_id]


def ancestors(concept_id: str) -> tuple[str, ...]:
    """The chain of parents, nearest first: ``apl`` -> (``aml``, ``acute_leukemia``)."""
    chain: list[str] = []
    parent = CONCEPTS[concept_id].parent
    while parent is not None:
        chain.append(parent)
        parent = CONCEPTS[parent].parent
    return tuple(chain)


def children(concept_id: str) -> tuple[str, ...]:
    return tuple(c.id for c in _CATALOGUE if c.parent == concept_id)


# The diagnoses a trial is for (``gates``: a leukemia patient meets few of a registry's cancer
# trials). Umbrella concepts ("malignancy", "another malignancy"), metastases and acute
# infections stay out: they are read with exceptions and tests, not as the disease a trial is for.
# The blood cancers' family (``blood_cancer``, "hematologic malignancy") is in: every kind of it a
# record may hold derives it, so its absence decides a line as any one kind's absence does.
CANCER_FAMILIES = frozenset({"acute_leukemia", "mds", "cml", "cll", "lymphoma", "multiple_myeloma", "solid_tumor", "blood_cancer"})

# the blood cancers a line may name as whom it concerns ("AML patients must ..."; "For ALL: ...");
# the line reader, the residue's subject and the criteria tree's runs of disease lines each ask it
HEMATOLOGIC_DISEASES = frozenset({
    "aml", "all", "b_all", "t_all", "apl", "acute_leukemia", "ambiguous_lineage_leukemia", "mds", "cll", "cml", "t_pll",
    "myeloid_sarcoma", "lymphoma", "multiple_myeloma", "mpn", "secondary_aml", "therapy_related_aml", "cmml", "jmml",
    "hodgkin_lymphoma", "nhl", "b_cell_lymphoma", "t_cell_lymphoma", "dlbcl", "follicular_lymphoma", "mantle_cell_lymphoma",
    "marginal_zone_lymphoma", "burkitt_lymphoma", "blood_cancer", "atll", "polycythemia_vera", "essential_thrombocythemia", "myelofibrosis",
    "sll", "waldenstrom_macroglobulinemia",
    # the kinds of MDS a hospital codes (dx8): a heading's list of them is a list of diseases
    "mds_refractory_anemia", "mds_rars", "mds_raeb", "mds_raeb_1", "mds_raeb_2", "mds_rcmd", "mds_rcmd_rs", "mds_other_kind",
    # the kinds of T/NK-cell lymphoma a hospital codes (dx9)
    "ctcl", "mycosis_fungoides", "sezary_syndrome", "ptcl_nos", "alcl", "aitl", "nk_cell_lymphoma", "lymphoblastic_lymphoma",
    "eatl", "hstcl", "sptcl",
    # the grades of follicular lymphoma a hospital codes (dx11)
    "follicular_lymphoma_grade_1", "follicular_lymphoma_grade_2", "follicular_lymphoma_grade_3",
    "follicular_lymphoma_grade_3a", "follicular_lymphoma_grade_3b",
    # prolymphocytic leukaemia and lymphoplasmacytic lymphoma (dx12)
    "prolymphocytic_leukemia", "b_pll", "lymphoplasmacytic_lymphoma",
})


def is_cancer_diagnosis(concept_id: str) -> bool:
    """A cancer a trial may be for: a family of ``CANCER_FAMILIES``, a kind of one, or a blood
    cancer outside them (CMML, JMML)."""
    return concept_id in CANCER_FAMILIES or concept_id in HEMATOLOGIC_DISEASES or not CANCER_FAMILIES.isdisjoint(ancestors(concept_id))


# The statuses a diagnosis line states beside its disease ("relapsed or refractory AML", "CLL in
# remission"): words about the disease, never a disease of their own.
DISEASE_STATUSES = frozenset({"relapsed", "refractory", "remission", "relapsed_or_refractory", "isolated_extramedullary_relapse"})
