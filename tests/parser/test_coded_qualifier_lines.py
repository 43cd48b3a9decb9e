"""Lines whose qualifier the record codes, read whole: any vaccine given within a window (every
Immunization is a vaccination), and the others this table grows with. A qualifier the record
does not code stays a review; a record that does not state the qualifier leaves the line
unknown, never not met. The wordings are the seeds' and the corpus's own; every case is judged
by both evaluators."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, iter_predicates
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from rules_engine.facts import Event
from tests.fixtures.records import Part, adult, allergy, condition, immunization, medication, procedure, steroid

EXC = CriterionType.EXCLUSION

FLU_LAST_WEEK = adult(immunization("vaccination", 7))
MMR_LAST_WEEK = adult(immunization("live_vaccine", 7))
FLU_LAST_YEAR = adult(immunization("vaccination", 365))
FLU_UNDATED = adult(immunization("vaccination", None))

# (exclusion line, met, not met, unknown)
VACCINATION = [
    ("Vaccination or any surgical procedure within 4 weeks prior to screening;",
     (FLU_LAST_WEEK, MMR_LAST_WEEK, adult(procedure("surgery", 7))), (adult(), FLU_LAST_YEAR), (FLU_UNDATED,)),
    ("Vaccination within 1 months prior to start of study treatment", (FLU_LAST_WEEK,), (adult(), FLU_LAST_YEAR), (FLU_UNDATED,)),
    ("Receipt of any vaccination (including influenza) within 4 weeks of Baseline", (FLU_LAST_WEEK, MMR_LAST_WEEK), (FLU_LAST_YEAR,), ()),
    ("immunization (within 4 weeks of baseline);", (FLU_LAST_WEEK,), (adult(),), ()),
    # "except inactivated vaccines": the exception's subject is not coded apart, so it stays open
    ("Vaccination within 4 weeks of the first dose of avelumab and while on trial is prohibited except for administration of inactivated vaccines",
     (), (), (FLU_LAST_WEEK,)),
    # a named vaccine is not any vaccine: left to review, never read as vaccination
    ("Yellow fever vaccination within the 30 days previous to study entry.", (), (), (adult(), FLU_LAST_WEEK)),
]


@pytest.mark.parametrize("text,facts,expected", outcome_cases(VACCINATION))
def test_any_vaccination_within_a_window_is_read_from_the_immunizations(text, facts, expected):
    assert judged(parse_line(text, EXC), facts) is expected


@pytest.mark.parametrize("text", [
    "Patients receiving cytotoxic therapy or radiation therapy, within three (3) weeks of vaccination.",
    "Have received a recent yellow-fever vaccination (within 28 days of enrollment) or are receiving concurrent yellow-fever vaccination",
    "Known serious reactions or hypersensitivity to any components of the UV1 vaccine or similar peptide based vaccines",
])
def test_the_studys_own_or_a_named_vaccine_is_not_any_vaccination(text):
    assert "vaccination" not in {p.concept for p in iter_predicates(parse_line(text, EXC).expr)}


def test_vaccines_named_in_passing_in_an_inclusion_are_not_asked_for():
    line = parse_line("May have previous adjuvant therapy with interferon, vaccines or therapy with IL-2 or GM-CSF", CriterionType.INCLUSION)
    assert "vaccination" not in {p.concept for p in iter_predicates(line.expr)}


# "Discontinuation of immunosuppressants within 2 weeks": the therapy taken within the window (a
# medication's date is when it was last taken; one still taken counts as taken today)
STOPPED_LAST_WEEK = adult(medication("immunosuppressant_therapy", 7))
STILL_TAKEN = adult(medication("immunosuppressant_therapy", 0, ongoing=True))
STOPPED_LONG_AGO = adult(medication("immunosuppressant_therapy", 90))
DISCONTINUATION = [
    ("Discontinuation of immunosuppressants within 2 weeks prior to screening;", (STOPPED_LAST_WEEK, STILL_TAKEN),
     (STOPPED_LONG_AGO, adult()), (adult(medication("immunosuppressant_therapy", None)),)),
]


@pytest.mark.parametrize("text,facts,expected", outcome_cases(DISCONTINUATION))
def test_a_therapy_discontinued_within_a_window_was_taken_within_it(text, facts, expected):
    assert judged(parse_line(text, EXC), facts) is expected


# "anaphylaxis to any drugs": the reaction a drug allergy's record states (AllergyIntolerance
# reaction manifestation); an allergy recorded without its reaction may have been anaphylaxis
def drug_allergy(product: str, reaction: str | None) -> Part:
    attributes = {"quote": f"allergy to {product}"} | ({"reaction": reaction} if reaction else {})
    return Part(event=Event("drug_hypersensitivity", None, True, attributes))


ANAPHYLAXIS = [
    ("Patients with history of anaphylaxis to any drugs;", (adult(drug_allergy("penicillin", "anaphylaxis")),),
     (adult(), adult(drug_allergy("penicillin", "other"))), (adult(allergy("penicillin")),)),
]


@pytest.mark.parametrize("text,facts,expected", outcome_cases(ANAPHYLAXIS))
def test_anaphylaxis_to_any_drug_is_read_from_the_allergys_reaction(text, facts, expected):
    assert judged(parse_line(text, EXC), facts) is expected


# "Severe autoimmune diseases": the severity the condition's record codes (Condition.severity); a
# record without one may be severe. "immunodeficiency diseases" is a noun phrase of its own (its
# own "diseases"): any immunodeficiency, primary or acquired (HIV)
SEVERE_LUPUS = adult(condition("sle", 400, severity="severe"))
MILD_LUPUS = adult(condition("sle", 400, severity="mild"))
LUPUS = adult(condition("sle", 400))
SEVERITY = [
    ("Severe autoimmune diseases or immunodeficiency diseases;",
     (SEVERE_LUPUS, adult(condition("primary_immunodeficiency")), adult(condition("hiv"))), (adult(), MILD_LUPUS), (LUPUS,)),
    ("Has an active autoimmune disease requiring systemic treatment within the past 2 years OR a documented history of clinically severe autoimmune disease.",
     # a mild one treated long ago stays open: "requiring systemic treatment" is read only in part
     (SEVERE_LUPUS, adult(condition("sle", 400, severity="mild"), steroid(30, 10))), (adult(),), (LUPUS, adult(condition("sle", 400, severity="mild"), steroid(3 * 365, 10)))),
]


@pytest.mark.parametrize("text,facts,expected", outcome_cases(SEVERITY))
def test_a_severe_disease_is_read_from_the_severity_its_record_codes(text, facts, expected):
    assert judged(parse_line(text, EXC), facts) is expected


# immunodeficiency of any cause; a therapy's window after "or receiving" is the therapy's alone
IMMUNODEFICIENCY = [
    ("Diagnosis of immunodeficiency", (adult(condition("primary_immunodeficiency", 10 * 365)), adult(condition("hiv", 10 * 365))), (adult(),), ()),
    ("Has a diagnosis of immunodeficiency or is receiving systemic steroid therapy within 2 years prior to the first dose of study treatment;",
     (adult(condition("primary_immunodeficiency", 10 * 365)), adult(steroid(30))), (adult(steroid(5 * 365)),), ()),
    ("History of immunodeficiency disease or organ transplant;", (adult(condition("hiv")), adult(procedure("organ_transplant"))), (adult(),), ()),
    ("Known immunodeficiency or active human immunodeficiency virus.", (adult(condition("primary_immunodeficiency")),), (adult(),), ()),
]


@pytest.mark.parametrize("text,facts,expected", outcome_cases(IMMUNODEFICIENCY))
def test_immunodeficiency_of_any_cause_is_read_and_a_therapys_window_stays_the_therapys(text, facts, expected):
    assert judged(parse_line(text, EXC), facts) is expected


def test_no_immunodeficiency_in_an_inclusion():
    line = parse_line("No immunodeficiency", CriterionType.INCLUSION)
    assert judged(line, adult()) is Outcome.MET and judged(line, adult(condition("hiv"))) is Outcome.NOT_MET


# "Allogeneic cell therapy ... within 4 weeks": donor cells given as a transplant or an infusion
ALLOGENEIC = [
    ("Allogeneic cell therapy, major surgery, and live or attenuated vaccine had been received within 4 weeks prior to CAR NK-CD19 infusion;",
     (adult(procedure("allo_hsct", 20)), adult(procedure("donor_cell_infusion", 20)), adult(procedure("major_surgery", 20))),
     (adult(), adult(procedure("allo_hsct", 200)), adult(procedure("auto_hsct", 20))), (adult(procedure("donor_cell_infusion", None)),)),
]


@pytest.mark.parametrize("text,facts,expected", outcome_cases(ALLOGENEIC))
def test_allogeneic_cell_therapy_is_a_transplant_or_an_infusion_of_donor_cells(text, facts, expected):
    assert judged(parse_line(text, EXC), facts) is expected


# "active pulmonary tuberculosis": the lung's, from the code's site; one coded without it may be
TUBERCULOSIS = [
    ("Any active infection requiring systemic therapy by intravenous infusion within 14 days prior to the first dose of study drug, including: "
     "hepatitis B virus (HBV), hepatitis C virus (HCV), human immunodeficiency virus (HIV), syphilis infection, or active pulmonary tuberculosis;",
     (adult(condition("pulmonary_tuberculosis")), adult(condition("hiv"))), (adult(), adult(condition("pulmonary_tuberculosis", active=False))), ()),
    ("Subjects with active pulmonary tuberculosis infection；", (adult(condition("pulmonary_tuberculosis")),),
     (adult(), adult(condition("extrapulmonary_tuberculosis"))), (adult(condition("tuberculosis")),)),
    # still active, though detected before the window: "active" is the present state
    ("Active pulmonary tuberculosis infection was detected by medical history or CT examination within 1 year before enrolment;",
     (adult(condition("pulmonary_tuberculosis", 100)), adult(condition("pulmonary_tuberculosis", 800))),
     (adult(), adult(condition("pulmonary_tuberculosis", 800, active=False))), (adult(condition("tuberculosis", 800)),)),
]


@pytest.mark.parametrize("text,facts,expected", outcome_cases(TUBERCULOSIS))
def test_pulmonary_tuberculosis_is_read_from_the_site_its_record_codes(text, facts, expected):
    assert judged(parse_line(text, EXC), facts) is expected
