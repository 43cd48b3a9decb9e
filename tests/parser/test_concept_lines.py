"""Concept lines read in the shapes registries write them (issue 14, the concepts class of
misreads), each decided on records: met, not met, unknown.

Every row is a line of the shapes mined from ``../shared/corpus`` (paraphrased, not one sentence),
parsed inside a small trial whose inclusion line names the trial's own disease when the row needs
one, and evaluated by the reference evaluator on a fixed date.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import Event, Measurement, PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.reference import evaluate_reference

AS_OF = date(2026, 3, 2)
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION
ALL_TRIAL = "Relapsed or refractory B-cell acute lymphoblastic leukemia"
NSCLC_TRIAL = "Histologically confirmed non-small cell lung cancer"


def ago(days: int) -> date:
    return AS_OF - timedelta(days=days)


def facts(sex: str = "male", **events: tuple[int | None, bool]) -> PatientFacts:
    """Events by concept: (days ago or None for undated, active)."""
    evs = {c: (Event(c, None if d is None else ago(d), active, {}),) for c, (d, active) in events.items()}
    return PatientFacts(date(1980, 1, 1), sex, {}, evs)


def with_measurements(base: PatientFacts, **values: float) -> PatientFacts:
    units = {"steroid_dose": "mg/d"}
    ms = {c: (Measurement(c, v, units.get(c), ago(5)),) for c, v in values.items()}
    return PatientFacts(base.birth_date, base.sex, ms, base.events)


def decide(lines: list[tuple[CriterionType, str]], record: PatientFacts) -> Outcome:
    trial = TrialCriteria("t", 1, parse_lines(lines))
    return evaluate_reference(trial, record, AS_OF).criteria[-1].outcome


OWN_ALL = dict(b_all=(100, True))
OWN_NSCLC = dict(nsclc=(100, True))

# (trial's own inclusion line, the line, the record, expected)
MALIGNANCY_ROWS = [
    # "malignancy other than <the trial's disease>": the named disease never counts
    (ALL_TRIAL, "Malignancy other than ALL within 5 years before treatment", facts(**OWN_ALL), NOT_MET),
    (ALL_TRIAL, "Malignancy other than ALL within 5 years before treatment", facts(**OWN_ALL, breast_cancer=(700, True)), MET),
    (ALL_TRIAL, "Malignancy other than ALL within 5 years before treatment", facts(**OWN_ALL, breast_cancer=(3000, False)), NOT_MET),
    (NSCLC_TRIAL, "Malignancies other than NSCLC within 5 years prior to randomization", facts(**OWN_NSCLC, prostate_cancer=(400, False)), MET),
    # "... other than <an exception>": the excepted cancer does not count, any other does
    (NSCLC_TRIAL, "Prior malignancy other than non-melanoma skin cancer or carcinoma in situ of the cervix",
     facts(**OWN_NSCLC, nonmelanoma_skin_cancer=(400, True)), NOT_MET),
    (NSCLC_TRIAL, "Prior malignancy other than non-melanoma skin cancer or carcinoma in situ of the cervix",
     facts(**OWN_NSCLC, melanoma=(400, True)), MET),
    # "tumor history", "history of malignant tumors", "malignancy within N years"
    (NSCLC_TRIAL, "Any tumor history within the past 5 years", facts(**OWN_NSCLC, breast_cancer=(700, False)), MET),
    (NSCLC_TRIAL, "Any tumor history within the past 5 years", facts(**OWN_NSCLC), NOT_MET),
    (NSCLC_TRIAL, "History of malignant tumors within 3 years", facts(**OWN_NSCLC, breast_cancer=(2000, False)), NOT_MET),
    (NSCLC_TRIAL, "Malignancy within 3 years before enrollment", facts(**OWN_NSCLC, breast_cancer=(500, False)), MET),
    # an exception for cancers no longer active: an active one still excludes, an inactive one may be excepted
    (ALL_TRIAL, "Malignancy other than ALL within 5 years, except for adequately treated cancers without evidence of disease",
     facts(**OWN_ALL, breast_cancer=(700, True)), MET),
    (ALL_TRIAL, "Malignancy other than ALL within 5 years, except for adequately treated cancers without evidence of disease",
     facts(**OWN_ALL, breast_cancer=(700, False)), UNKNOWN),
    (ALL_TRIAL, "Other malignancy within 3 years unless cured", facts(**OWN_ALL, colorectal_cancer=(300, True)), MET),
    # the study drug as the point a window is counted back from is not a prior therapy
    (ALL_TRIAL, "Malignancy other than ALL within 5 years before blinatumomab treatment",
     facts(**OWN_ALL, cd19_directed_therapy=(30, True)), NOT_MET),
]


@pytest.mark.parametrize("own, line, record, expected", MALIGNANCY_ROWS, ids=[f"{r[1][:40]}-{r[3]}" for r in MALIGNANCY_ROWS])
def test_another_malignancy_in_the_shapes_registries_write(own, line, record, expected):
    assert decide([(I, own), (E, line)], record) is expected


# (the line, its type, the record, expected): "newly diagnosed" is neither relapsed nor
# refractory; "untreated"/"treatment-naive" is no anticancer therapy on record; neither reads a
# word that qualifies another subject ("untreated brain metastases")
NEW_DISEASE_ROWS = [
    ("Newly diagnosed", I, facts(aml=(20, True)), MET),
    ("Newly diagnosed", I, facts(aml=(600, True), relapsed=(30, True)), NOT_MET),
    ("Newly diagnosed", I, facts(aml=(600, True), refractory=(30, True)), NOT_MET),
    ("Newly diagnosed", I, facts(aml=(200, True), remission=(30, True)), UNKNOWN),
    ("Patients with newly diagnosed AML according to WHO classification", I, facts(aml=(20, True)), MET),
    ("Patients with newly diagnosed AML according to WHO classification", I, facts(aml=(600, True), relapsed=(20, True)), NOT_MET),
    ("Newly diagnosed, treatment-naive disease", I, facts(aml=(20, True), chemotherapy=(10, True)), NOT_MET),
    ("Previously untreated", I, facts(aml=(20, True)), MET),
    ("Previously untreated", I, facts(aml=(20, True), radiotherapy=(100, True)), NOT_MET),
    ("Untreated brain metastases", E, facts(brain_metastases=(30, True), chemotherapy=(10, True)), UNKNOWN),
    ("Newly diagnosed brain metastases", E, facts(brain_metastases=(30, True), relapsed=(10, True)), UNKNOWN),
]


@pytest.mark.parametrize("line, kind, record, expected", NEW_DISEASE_ROWS, ids=[f"{r[0][:40]}-{r[3]}" for r in NEW_DISEASE_ROWS])
def test_newly_diagnosed_and_untreated_disease(line, kind, record, expected):
    assert decide([(kind, line)], record) is expected


# (the line, the record, expected): an anticoagulant, Down syndrome or a CNS disorder on record
# decides the exclusion; none on record is none (a warfarin record is an anticoagulant)
CODED_ROWS = [
    ("Concomitant use of warfarin or other vitamin K antagonists", facts(vitamin_k_antagonist=(0, True)), MET),
    ("Concomitant use of warfarin or other vitamin K antagonists", facts(anticoagulant_therapy=(0, True)), NOT_MET),
    ("Concomitant use of warfarin or other vitamin K antagonists", facts(), NOT_MET),
    ("Patients on therapeutic anticoagulation", facts(vitamin_k_antagonist=(0, True)), MET),
    ("Patients on therapeutic anticoagulation", facts(), NOT_MET),
    ("Patients with Down syndrome or acute promyelocytic leukemia are not eligible", facts(down_syndrome=(9000, True)), MET),
    ("Current relevant central nervous system (CNS) pathology or known or suspected CNS involvement", facts(), NOT_MET),
    ("Current relevant central nervous system (CNS) pathology or known or suspected CNS involvement", facts(cns_disorder=(900, True)), UNKNOWN),
    ("History of neurological disorders", facts(cns_disorder=(900, True)), MET),
]


@pytest.mark.parametrize("line, record, expected", CODED_ROWS, ids=[f"{r[0][:40]}-{r[2]}" for r in CODED_ROWS])
def test_coded_conditions_and_therapies_decide_the_exclusion(line, record, expected):
    assert decide([(E, line)], record) is expected


# (the line, the patient's sex, expected): sex words that open a requirement are its scope; the
# patients of the other sex are not concerned (an inclusion holds for them), while a line that
# asks for one sex alone still asks it
SCOPE_ROWS = [
    ("Female patients with infants must agree not to breastfeed their infants while on this study.", "male", MET),
    ("Female patients with infants must agree not to breastfeed their infants while on this study.", "female", UNKNOWN),
    ("Male patients must use effective barrier contraception during the study", "female", MET),
    ("Male patients must use effective barrier contraception during the study", "male", UNKNOWN),
    ("Men must agree to use adequate contraception", "female", MET),
    ("Women of childbearing potential must agree to use adequate contraception", "male", MET),
    ("Female patients only", "male", NOT_MET),
    ("Women with histologically confirmed breast cancer", "male", NOT_MET),
]


@pytest.mark.parametrize("line, sex, expected", SCOPE_ROWS, ids=[f"{r[0][:40]}-{r[1]}-{r[2]}" for r in SCOPE_ROWS])
def test_sex_words_that_open_a_requirement_are_its_scope(line, sex, expected):
    record = facts(sex=sex, breast_cancer=(100, True))
    assert decide([(I, line)], record) is expected


def steroid(days: int, dose: float | None = None, **events: tuple[int | None, bool]) -> PatientFacts:
    record = facts(steroid_therapy=(days, True), **events)
    return record if dose is None else with_measurements(record, steroid_dose=dose)


# (the line, its type, the record, expected): a therapy named with the words that say it is taken
# ("dependence on", "chronic use of"), taken off for a span ("not had ... at least 2 weeks", "must
# be off ... for at least 2 weeks"), given for GVHD, or beside another class of drug
THERAPY_ROWS = [
    ("Dependence on corticosteroids (5mg/day prednisone more than 2 weeks)", E, steroid(0, 10), MET),
    ("Dependence on corticosteroids (5mg/day prednisone more than 2 weeks)", E, steroid(0, 2), NOT_MET),
    ("Dependence on corticosteroids (5mg/day prednisone more than 2 weeks)", E, facts(), NOT_MET),
    ("Requiring chronic steroid therapy", E, steroid(0), MET),
    ("Patients have not had steroids at least 2 weeks", I, steroid(60), MET),
    ("Patients have not had steroids at least 2 weeks", I, steroid(3), NOT_MET),
    ("Patients have not had steroids at least 2 weeks", I, facts(), MET),
    ("If prior allogeneic transplant, must be off all immunosuppressants for GVHD for at least 2 weeks before enrollment", I,
     facts(allo_hsct=(130, True), immunosuppressant_therapy=(0, True)), NOT_MET),
    ("If prior allogeneic transplant, must be off all immunosuppressants for GVHD for at least 2 weeks before enrollment", I,
     facts(allo_hsct=(130, True), immunosuppressant_therapy=(60, True)), MET),
    ("If prior allogeneic transplant, must be off all immunosuppressants for GVHD for at least 2 weeks before enrollment", I,
     facts(), MET),
    ("Use of immunosuppressive agents for GVHD within 4 weeks", E, facts(immunosuppressant_therapy=(10, True)), MET),
    ("Use of immunosuppressive agents for GVHD within 4 weeks", E, facts(immunosuppressant_therapy=(90, True)), NOT_MET),
    ("Use of systemic corticosteroids at a dose >10 mg/d or anti-androgens", E, facts(hormone_therapy=(5, True)), MET),
    ("Use of systemic corticosteroids at a dose >10 mg/d or anti-androgens", E, steroid(2, 5), NOT_MET),
]


@pytest.mark.parametrize("line, kind, record, expected", THERAPY_ROWS, ids=[f"{r[0][:40]}-{i}-{r[3]}" for i, r in enumerate(THERAPY_ROWS)])
def test_therapies_read_with_the_words_around_them(line, kind, record, expected):
    assert decide([(kind, line)], record) is expected


def medicine(words: str | None, days: int = 100) -> PatientFacts:
    """A medication of no class Eligo reads, kept by name (``named_medication``) as the intake does."""
    attributes = {"quote": words} if words else {}
    return PatientFacts(date(1980, 1, 1), "male", {}, {"named_medication": (Event("named_medication", ago(days), True, attributes),)})


# (the line, its type, the record, expected): a product named by its generic name is compared
# with the words of the record's medications; one named only by a code leaves it unknown
NAMED_DRUG_ROWS = [
    ("Prior treatment with selinexor.", E, medicine("selinexor 20 mg tablet, 2025-01-01"), MET),
    ("Prior treatment with selinexor.", E, medicine("cytarabine 100 mg/m2, until 2025-06-01"), NOT_MET),
    ("Prior treatment with selinexor.", E, medicine(None), UNKNOWN),
    ("Prior treatment with selinexor.", E, facts(), NOT_MET),
    ("Prior treatment with gemcitabine or docetaxel", E, medicine("Docetaxel 20 MG/ML injection"), MET),
    # (each product by its own record's date: 100 days ago is outside 4 weeks, 10 days inside)
    ("Patients who received ibrutinib within 4 weeks", E, medicine("ibrutinib 420 mg capsule"), NOT_MET),
    ("Patients who received ibrutinib within 4 weeks", E, medicine("ibrutinib 420 mg capsule", 10), MET),
    ("Patients who received ibrutinib within 4 weeks", E, facts(), NOT_MET),
    ("Must have received prior treatment with imatinib", I, medicine("Gleevec (imatinib) 400 mg"), MET),
    ("Must have received prior treatment with imatinib", I, facts(), NOT_MET),
]


@pytest.mark.parametrize("line, kind, record, expected", NAMED_DRUG_ROWS, ids=[f"{r[0][:40]}-{i}-{r[3]}" for i, r in enumerate(NAMED_DRUG_ROWS)])
def test_a_named_product_is_compared_with_the_records_words(line, kind, record, expected):
    assert decide([(kind, line)], record) is expected


def test_the_durable_engine_agrees_on_a_named_product():
    from rules_engine.engine import MatchingEngine

    trial = TrialCriteria("named", 1, parse_lines([(E, "Prior treatment with selinexor.")]))
    engine = MatchingEngine()
    engine.add_trials([trial])
    for record in (medicine("selinexor 20 mg tablet"), medicine("cytarabine"), medicine(None), facts()):
        assert engine.evaluate(record, AS_OF, ["named"])[0] == evaluate_reference(trial, record, AS_OF)


@pytest.mark.parametrize(
    "written, read",
    [("\u02c3", ">"), ("\u02c2", "<"), ("\ufe65", ">"), ("\ufe64", "<"), ("\u22dd", "≥"), ("\u22dc", "≤"), ("\u2273", "≥"), ("\u2272", "≤")],
    ids=["modifier-greater", "modifier-less", "small-greater", "small-less", "equal-or-greater", "equal-or-less", "greater-or-equivalent", "less-or-equivalent"],
)
def test_comparator_look_alikes_read_as_the_comparator(written, read):
    from rules_engine.parser.normalize import normalize

    assert normalize(f"Expected survival time {written} 3 months") == f"Expected survival time {read} 3 months"


def test_a_look_alike_comparator_decides_the_line():
    lines = [(I, "Expected survival time \u02c3 3 months")]
    def expected_weeks(weeks: float) -> PatientFacts:
        return PatientFacts(date(1980, 1, 1), "male", {"life_expectancy": (Measurement("life_expectancy", weeks, "wk", ago(5)),)}, {})

    assert decide(lines, expected_weeks(8)) is NOT_MET
    assert decide(lines, expected_weeks(26)) is MET


# (the line, the record, expected): a continuous therapy taken now ("are receiving", "currently
# on", "concomitant use of") is a record of the last two weeks; an old course does not count.
# A therapy given in cycles is current within four weeks of its last dose, may be (a 6-week
# cycle) up to eight, and is not after that: "No concurrent chemotherapy" is no past course.
NOW_ROWS = [
    ("Are receiving cyclosporine, tacrolimus, or other agents to prevent GVHD after HSCT", facts(immunosuppressant_therapy=(0, True)), MET),
    ("Are receiving cyclosporine, tacrolimus, or other agents to prevent GVHD after HSCT", facts(immunosuppressant_therapy=(150, True)), NOT_MET),
    ("Concomitant use of warfarin or other vitamin K antagonists", facts(vitamin_k_antagonist=(5, True)), MET),
    ("Concomitant use of warfarin or other vitamin K antagonists", facts(vitamin_k_antagonist=(400, True)), NOT_MET),
    ("Patients currently on systemic corticosteroids", steroid(200), NOT_MET),
    ("Prior systemic corticosteroid therapy", steroid(200), MET),
    ("Currently receiving chemotherapy", facts(chemotherapy=(21, True)), MET),
    ("Currently receiving chemotherapy", facts(chemotherapy=(40, True)), UNKNOWN),
    ("Currently receiving chemotherapy", facts(chemotherapy=(200, True)), NOT_MET),
    ("No concurrent chemotherapy", facts(chemotherapy=(200, True)), MET, I),
    ("No concurrent chemotherapy", facts(chemotherapy=(7, True)), NOT_MET, I),
    ("No other concurrent radiotherapy", facts(radiotherapy=(365, True)), MET, I),
    ("No concurrent or prior chemotherapy", facts(chemotherapy=(365, True)), NOT_MET, I),  # "prior" asks any record
    ("Currently receiving chemotherapy", facts(), NOT_MET),
    ("Concurrent radiotherapy", facts(radiotherapy=(400, True)), NOT_MET),
    ("Other concurrent investigational agents", facts(investigational_agent=(90, True)), NOT_MET),
    ("Other concurrent investigational agents", facts(investigational_agent=(10, True)), MET),
    ("Prior or concurrent chemotherapy", facts(chemotherapy=(400, True)), MET),  # the past asked too
    ("No other concurrent anticancer therapy", facts(chemotherapy=(400, True)), MET, I),
]


@pytest.mark.parametrize("row", NOW_ROWS, ids=[f"{r[0][:40]}-{i}-{r[2]}" for i, r in enumerate(NOW_ROWS)])
def test_a_therapy_taken_now_is_a_recent_record(row):
    line, record, expected, *kind = row
    assert decide([(kind[0] if kind else E, line)], record) is expected


# (the line, the record, expected): the windows registries write ("with 2 weeks" for within,
# "within 4 weeks of protocol-specified therapy") hold for every therapy listed before them
WINDOW_ROWS = [
    ("Cancer chemotherapy or radiotherapy with 2 weeks, or immunotherapy (included CD19 therapy) within 4 weeks of protocol-specified therapy",
     facts(chemotherapy=(7, True)), MET),
    ("Cancer chemotherapy or radiotherapy with 2 weeks, or immunotherapy (included CD19 therapy) within 4 weeks of protocol-specified therapy",
     facts(chemotherapy=(30, True)), NOT_MET),
    ("Cancer chemotherapy or radiotherapy with 2 weeks, or immunotherapy (included CD19 therapy) within 4 weeks of protocol-specified therapy",
     facts(cd19_directed_therapy=(20, True)), MET),
    ("Cancer chemotherapy or radiotherapy with 2 weeks, or immunotherapy (included CD19 therapy) within 4 weeks of protocol-specified therapy",
     facts(cd19_directed_therapy=(60, True)), NOT_MET),
    # a duration, not a window: never read as "within 2 weeks", and the unread span is a person's
    ("Patients with 2 weeks of chemotherapy", facts(chemotherapy=(300, True)), UNKNOWN),
    ("Patients with 2 weeks of chemotherapy", facts(), NOT_MET),
]


@pytest.mark.parametrize("line, record, expected", WINDOW_ROWS, ids=[f"{r[0][:30]}-{i}-{r[2]}" for i, r in enumerate(WINDOW_ROWS)])
def test_windows_as_registries_write_them(line, record, expected):
    assert decide([(E, line)], record) is expected


# (the line, the record, expected): an infection named with its test but no result ("HIV ab",
# "Hepatitis B sAg or PCR+") or as "chronic" is the infection: its record or positive test decides,
# none on record is none
INFECTION_ROWS = [
    ("HIV ab", facts(hiv=(900, True)), MET),
    ("HIV ab", facts(), NOT_MET),
    ("Hepatitis B sAg or PCR+", facts(hbv=(900, True)), MET),
    ("Hepatitis B sAg or PCR+", facts(), NOT_MET),
    ("Hepatitis C ab or PCR+", facts(hcv=(900, True)), MET),
    ("Chronic hepatitis B (surface antigen-positive)", facts(hbv=(900, True)), MET),
    ("Chronic hepatitis B (surface antigen-positive)", facts(), NOT_MET),
    # the virus written after the word ("infection with HIV"): the virus decides, no second
    # condition of an active infection of another kind (an HIV-coded patient was not excluded)
    ("Known history of infection with human immunodeficiency virus (HIV)", facts(hiv=(900, True)), MET),
    ("Known history of infection with human immunodeficiency virus (HIV)", facts(), NOT_MET),
    ("Active infection with hepatitis B or hepatitis C", facts(hbv=(900, True)), MET),
    ("Known infection with HIV, HCV, or hepatitis B", facts(hcv=(900, True)), MET),
    ("Known infection with HIV, HCV, or hepatitis B", facts(active_infection=(3, True)), NOT_MET),
    ("Uncontrolled infection with HIV", facts(hiv=(900, True)), UNKNOWN),  # "uncontrolled" is the open part
    ("Uncontrolled infection with HIV", facts(), NOT_MET),
    ("Active infection with Pseudomonas", facts(active_infection=(3, True)), UNKNOWN),  # an uncoded kind
]


@pytest.mark.parametrize("line, record, expected", INFECTION_ROWS, ids=[f"{r[0][:30]}-{i}-{r[2]}" for i, r in enumerate(INFECTION_ROWS)])
def test_an_infection_named_by_its_test_or_course(line, record, expected):
    assert decide([(E, line)], record) is expected


# a negative result asked for, written away from the name, is the infection's absence: an
# inclusion read as the bare name asked HIV of everyone and let an HIV-positive patient meet it
NEGATIVE_RESULT_ROWS = [
    ("Seronegative for HIV", facts(hiv=(900, True)), NOT_MET),
    ("Seronegative for HIV", facts(), MET),
    ("Negative HIV antibody test", facts(hiv=(900, True)), NOT_MET),
    ("HIV antibody negative", facts(hiv=(900, True)), NOT_MET),
    ("HIV antibody negative", facts(), MET),
    ("Must be HIV-1 & 2 antibody, HIV-1 antigen, and HTLV-I & II antibody sero-negative", facts(hiv=(900, True)), NOT_MET),
    ("HIV positive", facts(hiv=(900, True)), MET),  # a positive result stays the infection
]


@pytest.mark.parametrize("line, record, expected", NEGATIVE_RESULT_ROWS, ids=[f"{r[0][:30]}-{i}-{r[2]}" for i, r in enumerate(NEGATIVE_RESULT_ROWS)])
def test_a_negative_result_written_apart_from_the_name_is_the_infections_absence(line, record, expected):
    assert decide([(I, line)], record) is expected


@pytest.mark.parametrize(
    "line",
    ["Known unresolved toxicities due to prior anticancer therapy [≥ Grade 2, by Common Terminology Criteria for Adverse Events (CTCAE) v4.03]",
     "Unresolved toxicities from prior therapy > grade 1 per CTCAE version 5.0"],
    ids=["bracketed-ctcae", "per-ctcae"],
)
def test_the_grading_scale_named_after_a_toxicity_bound_is_how_it_is_graded(line):
    grade = lambda g: PatientFacts(date(1980, 1, 1), "male", {"toxicity_grade": (Measurement("toxicity_grade", g, None, ago(3)),)}, {})  # noqa: E731
    assert decide([(E, line)], grade(3)) is MET
    assert decide([(E, line)], grade(1)) is NOT_MET


def gvhd(grade: int, **events: tuple[int | None, bool]) -> PatientFacts:
    record = facts(**events)
    return PatientFacts(record.birth_date, record.sex, {}, {**record.events, "gvhd": (Event("gvhd", ago(30), True, {"grade": grade}),)})


GVHD_LINE = "Active acute grade 2 to 4 GvHD that required systemic treatment to prevent or treat GvHD 2 weeks before study treatment"
# (the record, expected): the state words before a graded GVHD ("active acute") restate it; the
# treatment it required is counted back over the span written without "within"
GVHD_ROWS = [
    (gvhd(3, steroid_therapy=(1, True)), MET),
    (gvhd(3, steroid_therapy=(60, True)), NOT_MET),
    (gvhd(1, steroid_therapy=(1, True)), NOT_MET),
    (facts(), NOT_MET),
]


@pytest.mark.parametrize("record, expected", GVHD_ROWS, ids=[f"{i}-{r[1]}" for i, r in enumerate(GVHD_ROWS)])
def test_a_graded_gvhd_that_required_treatment(record, expected):
    assert decide([(E, GVHD_LINE)], record) is expected


# (the line, its type, the record, expected): a permission that names a therapy asks nobody to
# take it; "neurological disease" is wider than the CNS disorders Eligo codes
WIDER_ROWS = [
    # a permission with its condition concerns only those who take the therapy: nobody on it, nothing asked
    ("Concurrent anticoagulation therapy with full-dose anticoagulant allowed provided dose is stable for at least 2 weeks", I, facts(), MET),
    ("No neurologic disease", I, facts(cns_disorder=(400, True)), NOT_MET),
    ("No neurologic disease", I, facts(), UNKNOWN),  # a neurological disease Eligo does not code may be on record
    ("History of or current CNS disorders", E, facts(), NOT_MET),
]


@pytest.mark.parametrize("line, kind, record, expected", WIDER_ROWS, ids=[f"{r[0][:30]}-{i}-{r[3]}" for i, r in enumerate(WIDER_ROWS)])
def test_permissions_and_wider_classes_never_decide_against_the_record(line, kind, record, expected):
    assert decide([(kind, line)], record) is expected
