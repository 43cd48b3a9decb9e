"""The five seed pages in seeds/ read into TrialRecords, every field and criterion line pinned."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from trials.importers import load_seed_dir, parse_medpath
from trials.records import Arm, Site

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ALL_SEEDS = ("000", "001", "002", "003", "004")


def seed_file(seed: str) -> Path:
    (path,) = SEEDS.glob(f"{seed}_*.txt")
    return path


_records = {}


def record(seed: str):
    if seed not in _records:
        path = seed_file(seed)
        _records[seed] = parse_medpath(path.read_text(encoding="utf-8"), f"seeds/{path.name}")
    return _records[seed]


# --- page fields -------------------------------------------------------------------------------

FIELDS = {
    "000": dict(
        nct_id="NCT06559644",
        title="Hema-NeoTIL01 Cell Infusion Therapy in Relapsed/Refractory Acute Leukemia",
        phase="EARLY_PHASE1",
        overall_status="NOT_YET_RECRUITING",
        sex="ALL",
        enrollment=20,
        conditions=("Leukemia, Myeloid, Acute", "B-cell Acute Lymphoblastic Leukemia"),
        interventions=("Biological: Hema-NeoTIL01",),
        sponsor="The First Affiliated Hospital of Soochow University",
        study_type="INTERVENTIONAL",
    ),
    "001": dict(
        nct_id="NCT05563545",
        title="Anti-CD19 CAR-Engineered NK Cells in the Treatment of Relapsed/Refractory Acute "
        "Lymphoblastic Leukemia",
        phase="PHASE1",
        overall_status="COMPLETED",
        sex="ALL",
        enrollment=2,
        conditions=("Acute Lymphoblastic Leukemia",),
        interventions=("Biological: CAR-NK-CD19 Cells",),
        sponsor="Shanghai Simnova Biotechnology Co.,Ltd.",
        study_type="INTERVENTIONAL",
    ),
    "002": dict(
        nct_id="NCT06585345",
        title="Clinical Study on the Safety and Efficacy of CD7 CAR-T Cell in Patients With "
        "Relapsed/Refractory Acute Leukemia",
        phase="",  # layout B gives no phase
        overall_status="RECRUITING",
        sex="ALL",
        enrollment=200,
        conditions=(),  # layout B gives no conditions list
        interventions=(),  # nor an interventions list
        sponsor="The General Hospital of Western Theater Command",
        study_type="INTERVENTIONAL",
    ),
    "003": dict(
        nct_id="NCT05744440",
        title="Safety and Efficacy of Allogenic NK Cells in Combination With Chemotherapy in the "
        "Treatment of r/r AML After Allo-HSCT",
        phase="EARLY_PHASE1",
        overall_status="RECRUITING",
        sex="ALL",
        enrollment=12,
        conditions=("Acute Myeloid Leukemia",),
        interventions=("Drug: allogenic NK cells",),
        sponsor="Xuzhou Medical University",
        study_type="INTERVENTIONAL",
    ),
    "004": dict(
        nct_id="NCT04094766",
        title="Safety and Efficacy of Dual Specificity CD19 and CD22 CAR-T Cell Immunotherapy in "
        "R/R Acute B Lymphoblastic Leukemia",
        phase="PHASE1",
        overall_status="WITHDRAWN",
        sex="ALL",
        enrollment=None,  # "Target Recruitment: Not specified"
        conditions=(
            "Refractory B Acute Lymphoblastic Leukemia",
            "Relapse B Acute Lymphoblastic Leukemia",
        ),
        interventions=("Drug: Dual Specificity CD19 and CD22 CAR-T Cell Immunotherapy",),
        sponsor="Second Affiliated Hospital of Xi'an Jiaotong University",
        study_type="INTERVENTIONAL",
    ),
}

FIELD_CASES = [(seed, name, value) for seed, fields in FIELDS.items() for name, value in fields.items()]


@pytest.mark.parametrize(("seed", "field", "expected"), FIELD_CASES)
def test_seed_page_field_is_read(seed, field, expected):
    assert getattr(record(seed), field) == expected


@pytest.mark.parametrize("seed", ALL_SEEDS)
def test_seed_record_is_marked_as_coming_from_a_seed(seed):
    assert record(seed).source == "seed"


SITES = {
    "000": (Site("The First Affiliated Hospital of Soochow University", "Suzhou", "Jiangsu", "China"),),
    "001": (Site("Hebei Yanda Ludaopei Hospital", "Sanhe", "Hebei", "China"),),
    "002": (Site("The General Hospital of Western Theater Command", "Chengdu", "Sichuan", "China"),),
    "003": (Site("The Affiliated Hospital of Xuzhou Medical University", "Xuzhou", "Jiangsu", "China"),),
    "004": (Site("Second Affiliated Hospital of Xi'an Jiaotong University", "Xi'an", "Shaanxi", "China"),),
}


@pytest.mark.parametrize("seed", ALL_SEEDS)
def test_seed_sites_are_facility_and_city_state_country_without_the_flag(seed):
    assert record(seed).sites == SITES[seed]


BRIEF_SUMMARY_STARTS = {
    "000": "This clinical trial aims to investigate the safety, optimal dosage",
    "001": "This study is a single arm clinical study to observe the safety ,dose tolerance",
    "002": "Acute leukemia is a malignant clonal disease of hematopoietic stem cells.",
    "003": "This is an open label, single-arm, Phase I study to evaluate the efficacy",
    "004": "This is a single arm, open-label, dose escalation clinical study",
}


@pytest.mark.parametrize("seed", ALL_SEEDS)
def test_seed_brief_summary_is_the_whole_paragraph_and_nothing_after_it(seed):
    summary = record(seed).brief_summary
    assert summary.startswith(BRIEF_SUMMARY_STARTS[seed])
    assert "\n" not in summary  # one paragraph in every seed; the next label is not swallowed
    assert summary in seed_file(seed).read_text(encoding="utf-8")


# --- arms and dose levels ----------------------------------------------------------------------

ARMS = {
    "000": Arm(
        label="Hema-NeoTIL01 treatment",
        interventions=("Biological: Hema-NeoTIL01",),
        description="In this study, we adopted a 3+3 design with dose escalation.",  # start only
        dose_levels=("2.0x10^7 cells/kg", "6.0x10^7 cells/kg", "2.0x10^8 cells/kg"),
    ),
    "001": Arm(
        label="CAR-NK-CD19 Cells",
        interventions=("Biological: CAR-NK-CD19 Cells",),
        description="After preconditioning with chemotherapy, CAR-NK-CD19 Cells will be evaluated.",
        dose_levels=(),  # the doses are only in the Detailed Description ("1.0 × 107"), not the arm
    ),
    "002": Arm(
        # Layout B flattens the table with spaces and lists no interventions to split it at:
        # the row is kept whole as the label rather than guessed apart.
        label="Experimental group CD7 CAR-T cell CD7 positive relapsed or refractory acute leukemia",
    ),
    "003": Arm(
        label="allogenic NK cells",
        interventions=("Drug: allogenic NK cells",),
        description="Enrolled patients will receive prespecified dose of allogenic NK cells",
    ),
    "004": Arm(
        label="BLLCAR-L10D treatment group",
        interventions=("Drug: Dual Specificity CD19 and CD22 CAR-T Cell Immunotherapy",),
        description="In BLLCAR-L10D treatment group, patients will be treated with dual specificity",
        dose_levels=("0.5x10^6 CAR-T cells/kg", "1.5x10^6 CAR-T cells/kg", "2.0x10^6 CAR-T cells/kg"),
    ),
}


@pytest.mark.parametrize("seed", ALL_SEEDS)
def test_seed_has_one_arm_split_into_label_interventions_and_description(seed):
    (arm,) = record(seed).arms
    expected = ARMS[seed]
    assert (arm.label, arm.interventions) == (expected.label, expected.interventions)
    assert arm.description.startswith(expected.description)


@pytest.mark.parametrize("seed", ALL_SEEDS)
def test_seed_arm_dose_levels_are_read_where_the_arm_writes_them(seed):
    (arm,) = record(seed).arms
    assert arm.dose_levels == ARMS[seed].dose_levels


# --- criteria ----------------------------------------------------------------------------------

I, E = "inclusion", "exclusion"

# (source line, type, parent index, first three words, last three words) for EVERY line.
CRITERIA = {
    "000": [
        (39, I, None, "Age ≥18 and", "gender not specified;"),
        (40, I, None, "Diagnosed with B-ALL", "tumors (2022 version);"),
        (41, I, None, "Meet the diagnosis", "persistent extramedullary leukemia;"),
        (42, I, None, "Patients who have", "of CAR-T therapy;"),
        (43, I, None, "Estimated survival >12", "survival >12 weeks;"),
        (44, I, None, "Eastern Cooperative Oncology", "status score ≤2;"),
        (45, I, None, "Left ventricular ejection", "fraction (LVEF) ≥50%;"),
        (46, I, None, "Pulmonary function ≤Grade", "without oxygen supplementation;"),
        (47, I, None, "Total bilirubin (TBil)", "≤5×ULN, creatinine ≤1.6mg/dL;"),
        (48, I, None, "Pregnancy test must", "the study period."),
        (49, I, None, "The subject and", "and dated signature."),
        (50, I, None, "The subject and", "all trial requirements."),
        (52, E, None, "Patients with a", "psychiatric disorders, etc.;"),
        (53, E, None, "New York Heart", "IV heart failure;"),
        (54, E, None, "Any unstable diseases", "or embolic events."),
        (55, E, None, "Presence of disseminated", "disseminated intravascular coagulation;"),
        (56, E, None, "Severe autoimmune diseases", "or immunodeficiency diseases;"),
        (57, E, None, "Active graft-versus-host disease", "continued systemic therapy;"),
        (58, E, None, "Subjects receiving systemic", "or local use);"),
        (59, E, None, "History of or", "least 2 years;"),
        (60, E, None, "Presence of other", "pulmonary dysfunction, etc.;"),
        (61, E, None, "Active HBV or", "or syphilis positive;"),
        (62, E, None, "Other severe or", "persistent active infections;"),
        (63, E, None, "Severity of adverse", "or baseline status;"),
        (64, E, None, "Discontinuation of immunosuppressants", "prior to screening;"),
        (65, E, None, "History of allergy", "the cell product;"),
        (66, E, None, "Vaccination or any", "prior to screening;"),
        (67, E, None, "Other conditions deemed", "with trial results."),
    ],
    "001": [
        (32, I, None, "Age ≥12 years", "phase, both sexes;"),
        (33, I, None, "Meet the diagnostic", "acute lymphoblastic leukemia."),
        (34, I, None, "The main organs", "good organ function."),
        (35, I, None, "The estimated survival", "is ≥12 weeks."),
        (36, I, None, "Blood pregnancy tests", "age are negative."),
        (37, I, None, "The patient himself/herself", "informed consent form."),
        (39, E, None, "Central nervous system", "nervous system involvement;"),
        (40, E, None, "Simple extramedullary leukemia", "simple extramedullary recurrence;"),
        (41, E, None, "Received hematopoietic stem", "requiring immunosuppressive agents;"),
        (42, E, None, "Treated with high-dose", "last 1 week;"),
        (43, E, None, "Allogeneic cell therapy,", "CAR NK-CD19 infusion;"),
        (44, E, None, "Had received other", "CAR NK-CD19 infusion;"),
        (45, E, None, "Systemic steroids were", "CAR NK-CD19 infusion;"),
        (46, E, None, "Toxicity caused by", "to grade 1;"),
        (47, E, None, "Concomitant autoimmune diseases,", "cardiovascular diseases, etc;"),
        (48, E, None, "Known allergies to", "in the study;"),
        (49, E, None, "Other conditions determined", "in the study"),
    ],
    # Layout B: a lone "-" then the text = inclusion; "- text" = exclusion. Lines 35 and 36
    # continue the item on line 34 ("... defined as:") and are its children (parent index 8).
    "002": [
        (18, I, None, "Patients diagnosed with", "with acute leukemia."),
        (20, I, None, "Acute leukemia complex/refractory", "4) Recurrent patients."),
        (22, I, None, "At least 2", "(e.g., ipilimumab, etc.)."),
        (24, I, None, "Toxic reactions caused", "such as baldness)."),
        (26, I, None, "Over 14 years", "65 years old."),
        (28, I, None, "Physical Strength score", "0-3 (ECOG standard)"),
        (30, I, None, "No obvious active", "or graft-versus-host disease"),
        (32, I, None, "Expected survival ≥3", "survival ≥3 months"),
        (34, I, None, "Adequate kidney, liver,", "function, defined as:"),
        (35, I, 8, "Creatinine clearance (estimated", "significant abnormal findings."),
        (36, I, 8, "There was no", "was > 92%."),
        (38, I, None, "The serum pregnancy", "to be infertile)."),
        (39, E, None, "The subject has", "least 3 years"),
        (40, E, None, "Presence or suspicion", "or other infections."),
        (41, E, None, "Known human immunodeficiency", "virus (HIV) infection"),
        (42, E, None, "Known history of", "RNA are negative."),
        (43, E, None, "Existing or past", "CNS-related autoimmune disease"),
        (44, E, None, "Subjects with severe", "atria or ventricles"),
        (45, E, None, "A history of", "prior to enrollment"),
        (46, E, None, "Emergency treatment is", "tumor mass compression)"),
        (47, E, None, "Primary immune deficiency", "Primary immune deficiency"),
        (48, E, None, "History of symptomatic", "prior to enrollment"),
        (49, E, None, "Any medical condition", "safety or efficacy"),
        (50, E, None, "Have had severe", "in this study"),
        (51, E, None, "Administer live vaccine", "the pretreatment regimen"),
        (52, E, None, "Pregnant or lactating", "lactating female subjects"),
        (53, E, None, "Male or female", "completing AT19 treatment"),
        (54, E, None, "Subjects judged by", "in the study"),
        (55, E, None, "In the past", "least 3 years"),
        (56, E, None, "Participate in other", "the same period"),
    ],
    "003": [
        (32, I, None, "Age18-75years old, no", "gender or race;"),
        (33, I, None, "Expected survival is", "than 3 months;"),
        (34, I, None, "Eastern Cooperative Oncology", "score 0-2 points;"),
        (35, I, None, "Diagnosed as AML", "and lymphoid tissues;"),
        (36, I, None, "Diagnosed as relapsed", "as relapsed AML;"),
        (37, I, None, "Measurable lesions meets", "(4) extramedullary relapse;"),
        (38, I, None, "Within 3 days", "(LVEF) ≥ 50%;"),
        (39, I, None, "Informed Consent/Assent: All", "written informed consent."),
        (41, E, None, "Confirmed APL;", "Confirmed APL;"),
        (42, E, None, "≥2 grade persistent", "with prior treatment;"),
        (43, E, None, "Patients with grade", "immunosuppressive agents ;"),
        (44, E, None, "Systemic steroid therapy", "with glucocorticoid) ;"),
        (45, E, None, "Severe cardiovascular and", "for the study;"),
        (46, E, None, "Any active infection", "active pulmonary tuberculosis;"),
        (47, E, None, "History of hypersensitivity", "antibodies or cytokines;"),
        (48, E, None, "Previous or next", "(except for HCT);"),
        (49, E, None, "Women who are", "positive) or lactating;"),
        (50, E, None, "Patients cannot guarantee", "months after enrollment;"),
        (51, E, None, "Any unstable condition", "safety and compliance;"),
        (52, E, None, "Known alcohol dependence", "or drug dependence;"),
        (53, E, None, "According to the", "unsuitable grouping conditions."),
    ],
    "004": [
        (33, I, None, "Written informed consent", "could be acquired;"),
        (34, I, None, "Diagnosed with relapse/refractory", "acute lymphoblastic leukemia;"),
        (35, I, None, "Relapse was defined", "or extramedullary involvement;"),
        (36, I, None, "Refractory was defined", "of induction therapy;"),
        (37, I, None, "CD19/CD22 postive leukemia", "in this trial;"),
        (38, I, None, "Karnofsky score ≥70;", "Karnofsky score ≥70;"),
        (39, I, None, "Results of pregnant", "after CAR-T infusion."),
        (40, I, None, "Adequate organ function:", "of predict value;"),
        (41, I, None, "At least 2", "the last chemotherapy;"),
        (42, I, None, "At least 2", "have ever ;"),
        (44, E, None, "Patients diagnosed with", "acute promyelocytic leukemia:t(15;17)(q22;q12);"),
        (45, E, None, "Women in pregnancy", "pregnancy and lactation;"),
        (46, E, None, "Uncontrolled infection, Active", "deadly bacterial/virual diseases;"),
        (47, E, None, "Long term use", "for 2 weeks);"),
        (48, E, None, "Any other uncontrolled", "uncontrolled life-threaten diseases;"),
        (49, E, None, "Patients with history", "to any drugs;"),
        (50, E, None, "With central nervous", "system (CNS) involvement;"),
        (51, E, None, "Patients with GVHD", "immunosuppressive agents ;"),
        (52, E, None, "Patients with acute", "or rheumatoid arthritis;"),
        (53, E, None, "Other conditions that", "interference the results."),
    ],
}

COUNTS = {  # (inclusion, exclusion)
    "000": (12, 16),
    "001": (6, 11),
    "002": (12, 18),
    "003": (8, 13),
    "004": (10, 10),
}

CRITERION_CASES = [
    pytest.param(seed, index, row, id=f"{seed}-line{row[0]}")
    for seed, rows in CRITERIA.items()
    for index, row in enumerate(rows)
]


@pytest.mark.parametrize(("seed", "index", "row"), CRITERION_CASES)
def test_seed_criterion_line_has_its_type_text_parent_and_source_line(seed, index, row):
    source_line, kind, parent, first_words, last_words = row
    line = record(seed).criteria[index]
    words = line.text.split()
    assert (line.source_line, line.type, line.parent) == (source_line, kind, parent)
    assert " ".join(words[: len(first_words.split())]) == first_words
    assert " ".join(words[-len(last_words.split()) :]) == last_words


@pytest.mark.parametrize("seed", ALL_SEEDS)
def test_seed_has_exactly_the_tabled_criterion_lines_in_source_order(seed):
    lines = record(seed).criteria
    assert [c.source_line for c in lines] == [row[0] for row in CRITERIA[seed]]


@pytest.mark.parametrize("seed", ALL_SEEDS)
def test_seed_inclusion_and_exclusion_counts(seed):
    lines = record(seed).criteria
    counts = (sum(c.type == I for c in lines), sum(c.type == E for c in lines))
    assert counts == COUNTS[seed]


@pytest.mark.parametrize("seed", ALL_SEEDS)
def test_seed_criterion_text_is_its_source_line_without_the_bullet(seed):
    source = seed_file(seed).read_text(encoding="utf-8").split("\n")
    for line in record(seed).criteria:
        raw = source[line.source_line - 1].strip()
        assert raw.endswith(line.text)
        assert re.fullmatch(r"(\d+\.|•|-)?", raw[: len(raw) - len(line.text)].strip())


@pytest.mark.parametrize("seed", ALL_SEEDS)
def test_seed_criteria_region_has_no_line_left_unread(seed):
    """Every non-empty line of criteria_text is a heading, a lone '-', or a criterion line."""
    rec = record(seed)
    text = rec.criteria_text
    texts = {c.text for c in rec.criteria}
    for raw in text.split("\n"):
        s = raw.strip()
        if not s or s in {"-", "Inclusion Criteria", "Exclusion Criteria"}:
            continue
        assert any(s.endswith(t) for t in texts), s


CRITERIA_TEXT_EDGES = {
    "000": ("Inclusion Criteria\n  1. Age ≥18", "interfere with trial results."),
    "001": ("Inclusion Criteria\n  • Age ≥12", "for participation in the study"),
    "002": ("-\nPatients diagnosed with acute leukemia.\n-\n", "during the same period"),
    "003": ("Inclusion Criteria\n  1. Age18-75years", "other unsuitable grouping conditions."),
    "004": ("Inclusion Criteria\n  1. Written informed", "or interference the results."),
}


@pytest.mark.parametrize("seed", ALL_SEEDS)
def test_seed_criteria_text_is_the_criteria_region_verbatim(seed):
    text = record(seed).criteria_text
    start, end = CRITERIA_TEXT_EDGES[seed]
    assert text.startswith(start) and text.endswith(end)
    assert text in seed_file(seed).read_text(encoding="utf-8")


# --- the directory -----------------------------------------------------------------------------


def test_load_seed_dir_reads_every_page_in_file_name_order():
    records = load_seed_dir(SEEDS)
    assert [r.nct_id for r in records] == [FIELDS[s]["nct_id"] for s in ALL_SEEDS]


def test_seed_copies_are_byte_for_byte_the_shared_pages():
    shared = Path(__file__).resolve().parents[3] / "shared" / "seeds"
    if not shared.exists():
        pytest.skip("no ../shared/seeds beside the checkout to compare with")
    assert sorted(p.name for p in SEEDS.glob("*.txt")) == sorted(p.name for p in shared.glob("*.txt"))
    for page in shared.glob("*.txt"):
        assert (SEEDS / page.name).read_bytes() == page.read_bytes(), page.name
