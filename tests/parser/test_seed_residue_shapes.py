"""The residue shapes that kept the seed trials' lines from deciding (issue 14, seed target),
each written short as the corpus writes it, with records it must meet, fail and leave open.
The safety rule decides every row: what Eligo cannot read leaves the outcome ``unknown``, never
flips it, and a line only a person can decide is that person's review."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, Review, ReviewReason
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition, lab, medication, procedure, result, score

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
MAN = adult()

CNS_EVER = ("Existing or past CNS disease, such as seizures, cerebrovascular ischemia/bleeding, dementia, cerebellar disease, "
            "or any CNS-related autoimmune disease")
CNS_SEVERE = ("Patients with a history of severe central nervous system diseases, such as uncontrolled seizures, stroke, "
              "dementia, Parkinson's disease, etc.;")
CAR_T_FAILED = ("Patients who have previously received ineffective/relapsed CAR-T cell therapy may be included in this study, "
                "provided that the efficacy evaluation of CAR-T therapy has been completed and evaluated as NR, or relapse after "
                "remission of CAR-T therapy;")
GVHD_TREATED = "Active graft-versus-host disease requiring continued systemic therapy;"
FERTILE_TEST = ("The serum pregnancy test results of fertile women must be negative (women who have undergone surgical "
                "sterilization or at least 2 years after menopause are considered to be infertile).")

OBVIOUS = "No obvious active infection or graft-versus-host disease"
GILBERT = ("total bilirubin ≤ 1.5 times ULN (direct bilirubin ≤ 1.5 times ULN is acceptable for subjects with "
           "Gilbert-Meulengracht syndrome)")
IN_WHICH_CASE = "Total bilirubin ≤1.5 x ULN, unless the patient has Gilbert's syndrome, in which case direct bilirubin ≤ 1.5 x ULN"
TOXICITY_EXCEPT = ("Toxic reactions caused by previous antitumor therapy must be returned to ≤ grade 1 (except for clinically "
                   "insignificant toxicity, such as baldness).")
CALCIUM = "Corrected serum calcium ≤14mg/dL (≤3.5mmol/L) or free calcium ≥6.5mg/dL(≥1.6mmol/L)"

# (why, line, type, record, outcome)
OUTCOMES: list[tuple[str, str, CriterionType, PatientFacts, Outcome]] = [
    # adjectives joined by "or" before one noun qualify that noun (clauses._adjectives_joined)
    ("'severe or persistent' both qualify the infection: no infection on record, the exclusion does not apply",
     "Other severe or persistent active infections;", EXC, MAN, NOT_MET),
    ("'severe or persistent' both qualify the infection: an infection on record may or may not be severe",
     "Other severe or persistent active infections;", EXC, adult(condition("active_infection", 10)), UNKNOWN),
    ("'severe and/or uncontrolled hypertension': no hypertension, no exclusion",
     "Severe and/or uncontrolled hypertension", EXC, MAN, NOT_MET),
    ("'severe and/or uncontrolled hypertension': hypertension on record is not yet uncontrolled",
     "Severe and/or uncontrolled hypertension", EXC, adult(condition("hypertension", 400)), UNKNOWN),
    ("a lead before the adjectives ('Patients with') changes nothing: no cardiac disease, no exclusion",
     "Patients with significant or uncontrolled cardiac disease", EXC, MAN, NOT_MET),
    ("adjectives before one noun, then a noun of its own after a comma: HIV still excludes",
     "Patients with severe or uncontrolled hypertension, or HIV", EXC, adult(condition("hiv", 400)), MET),
    ("an inclusion asking the absence: an infection on record might not be severe",
     "No severe or uncontrolled infection", INC, adult(condition("active_infection", 10)), UNKNOWN),
    ("an inclusion asking the absence: no infection on record meets it",
     "No severe or uncontrolled infection", INC, MAN, MET),
    # a head read whole with its examples after it (clauses._examples, _list_end): the examples
    # are among the head, however qualified
    ("'CNS disease, such as seizures, ... dementia': examples of disorders say the head is a CNS disorder",
     CNS_EVER, EXC, adult(condition("cns_disorder", 900)), MET),
    ("'existing or past': a CNS disorder no longer active is still a past one",
     CNS_EVER, EXC, adult(condition("cns_disorder", 900, active=False)), MET),
    ("'any CNS-related autoimmune disease' is an example of the head, not every autoimmune disease",
     CNS_EVER, EXC, adult(condition("autoimmune_disease", 900)), NOT_MET),
    ("no CNS disorder on record: the whole list of examples is read through its head",
     CNS_EVER, EXC, MAN, NOT_MET),
    ("'CNS disease, including primary brain tumor ...': the cancer's CNS disease too, so not a CNS disorder alone",
     "No history of CNS disease, including primary brain tumor, seizures, or carcinomatous meningitis", EXC,
     adult(condition("cns_disorder", 900)), UNKNOWN),
    # a qualified head ("severe CNS diseases"): an example's own words say which of its kind
    ("'severe CNS diseases, such as uncontrolled seizures': a controlled epilepsy is not yet the severe disease",
     CNS_SEVERE, EXC, adult(condition("seizure_disorder", 900)), UNKNOWN),
    ("'severe CNS diseases, such as ..., stroke': an example named bare excludes",
     CNS_SEVERE, EXC, adult(condition("stroke", 900)), MET),
    ("'severe CNS diseases, such as ...': no CNS disease of any kind, no exclusion",
     CNS_SEVERE, EXC, MAN, NOT_MET),
    ("a list of examples after 'including X or Y' ended there: the names after its comma are the line's own",
     "Active infections including hepatitis B or C, swallowing difficulties, significant eye abnormalities", EXC, MAN, UNKNOWN),
    # GVHD treated now (events._GVHD_TREATED)
    ("'GVHD requiring systemic therapy': GVHD with steroids on record excludes",
     GVHD_TREATED, EXC, adult(condition("gvhd", 60), medication("steroid_therapy", 3)), MET),
    ("'GVHD requiring systemic therapy': GVHD with no therapy on record may be treated otherwise",
     GVHD_TREATED, EXC, adult(condition("gvhd", 60)), UNKNOWN),
    ("'GVHD requiring systemic therapy': no GVHD, no exclusion",
     GVHD_TREATED, EXC, adult(medication("steroid_therapy", 3)), NOT_MET),
    # who is not fertile, in brackets: the definition of the potential the record states
    ("a bracket that defines who is infertile asks nothing: a negative test meets the line",
     FERTILE_TEST, INC, adult(result("pregnancy_test", "negative"), word="female"), MET),
    ("a bracket that defines who is infertile asks nothing: a positive test still fails it",
     FERTILE_TEST, INC, adult(result("pregnancy_test", "positive"), word="female"), NOT_MET),
    ("a bracket that defines who is infertile asks nothing: no test on record is unknown",
     FERTILE_TEST, INC, adult(word="female"), UNKNOWN),
    # a permitted treatment held to its failure (residue.permitted_group, _TREATMENT_FAILED)
    ("a prior CAR-T evaluated as NR or relapsed after: no CAR-T, the permission asks nothing",
     CAR_T_FAILED, INC, MAN, MET),
    ("a prior CAR-T with neither a relapse nor refractory disease on record did not fail",
     CAR_T_FAILED, INC, adult(procedure("car_t", 100)), NOT_MET),
    ("a prior CAR-T and a relapse on record: whether the relapse came after the CAR-T is the reviewer's",
     CAR_T_FAILED, INC, adult(procedure("car_t", 100), condition("relapsed", 20)), UNKNOWN),
    # "concomitant" is when, as "concurrent": the item counts while active
    ("'Concomitant autoimmune diseases': an active autoimmune disease excludes",
     "Concomitant autoimmune diseases, other malignancies", EXC, adult(condition("autoimmune_disease", 900)), MET),
    # "obvious", "evident" say the record shows it, as "known" does (items._STOP)
    ("'No obvious active infection': an infection on record is an evident one",
     OBVIOUS, INC, adult(condition("active_infection", 10)), NOT_MET),
    ("'No obvious active infection or GVHD': GVHD on record fails it too",
     OBVIOUS, INC, adult(condition("gvhd", 60)), NOT_MET),
    ("'No obvious active infection or GVHD': neither on record meets it",
     OBVIOUS, INC, MAN, MET),
    ("'Clinically evident CNS leukemia': CNS involvement on record excludes",
     "Clinically evident CNS leukemia", EXC, adult(condition("cns_involvement", 30)), MET),
    # an exemption fully read is no review: its verb ("is acceptable for") says it widens
    ("a Gilbert's exemption whose direct bilirubin is within it meets the line past the total",
     GILBERT, INC, adult(condition("gilbert_syndrome", 900), lab("bilirubin", 4.0, "mg/dL", uln=1.2), lab("direct_bilirubin", 0.3, "mg/dL", uln=0.3)), MET),
    ("a Gilbert's exemption does not reach a direct bilirubin past it",
     GILBERT, INC, adult(condition("gilbert_syndrome", 900), lab("bilirubin", 4.0, "mg/dL", uln=1.2), lab("direct_bilirubin", 0.9, "mg/dL", uln=0.3)), NOT_MET),
    ("no Gilbert's syndrome on record: the total bilirubin decides",
     GILBERT, INC, adult(lab("bilirubin", 4.0, "mg/dL", uln=1.2), lab("direct_bilirubin", 0.3, "mg/dL", uln=0.3)), NOT_MET),
    # ... but a thing permitted is often narrower than the concept read for it: its verb keeps it a review
    ("'warfarin (low molecular weight heparin is permitted)': warfarin on record still excludes",
     "Current use of warfarin for therapeutic anticoagulation (Note: low molecular weight heparin is permitted).", EXC,
     adult(medication("vitamin_k_antagonist", 3), medication("anticoagulant_therapy", 3)), UNKNOWN),
    # "unless X, in which case Y": the case asks Y as well (clauses._joiner)
    ("'unless Gilbert's, in which case direct bilirubin <= 1.5 x ULN': Gilbert's alone does not meet it",
     IN_WHICH_CASE, INC, adult(condition("gilbert_syndrome", 900), lab("bilirubin", 4.0, "mg/dL", uln=1.2), lab("direct_bilirubin", 0.9, "mg/dL", uln=0.3)), NOT_MET),
    ("'unless Gilbert's, in which case direct bilirubin <= 1.5 x ULN': Gilbert's with the direct bilirubin within meets it",
     IN_WHICH_CASE, INC, adult(condition("gilbert_syndrome", 900), lab("bilirubin", 4.0, "mg/dL", uln=1.2), lab("direct_bilirubin", 0.3, "mg/dL", uln=0.3)), MET),
    # an exception of a kind of toxicity widens a requirement to have recovered (residue._excepted_toxicity)
    ("'recovered to grade <= 1 except clinically insignificant toxicity': no toxicity on record meets it",
     TOXICITY_EXCEPT, INC, adult(score("toxicity_grade", 0)), MET),
    ("'recovered to grade <= 1 except clinically insignificant toxicity': a grade 3 toxicity may be the excepted kind",
     TOXICITY_EXCEPT, INC, adult(score("toxicity_grade", 3)), UNKNOWN),
    ("an exclusion of grade > 1 toxicity except insignificant ones: grade 0 is not excluded",
     "Unresolved toxicity of prior therapy > grade 1 except clinically insignificant toxicities", EXC, adult(score("toxicity_grade", 0)), NOT_MET),
    ("an exclusion of grade > 1 toxicity except insignificant ones: a grade 3 toxicity may be the excepted kind",
     "Unresolved toxicity of prior therapy > grade 1 except clinically insignificant toxicities", EXC, adult(score("toxicity_grade", 3)), UNKNOWN),
    ("an exception of the therapy beside the toxicity ('(except hydroxyurea)') does not widen the toxicity grade",
     "Patients should have discontinued therapy with imatinib or other anti-leukemia therapy (except hydroxyurea) and recovered from "
     "any toxicity due to these therapies to grade =< 1", INC, adult(score("toxicity_grade", 3)), NOT_MET),
    ("'excluding alopecia (hair loss)' is alopecia excepted: a grade 3 toxicity without alopecia on record fails it",
     "Recovered from all acute adverse effects of prior therapies, excluding alopecia (hair loss)", INC, adult(score("toxicity_grade", 3)), NOT_MET),
    # the comparator before the class's name, and the failure the class grades (topics.performance)
    ("'heart failure >Class II of the NYHA': a class II failure is not past it",
     "Clinically evident congestive heart failure >Class II of the New York Heart Association (NYHA) guidelines", EXC,
     adult(condition("heart_failure", 400), score("nyha", 2)), NOT_MET),
    ("'heart failure >Class II of the NYHA': a class III failure excludes",
     "Clinically evident congestive heart failure >Class II of the New York Heart Association (NYHA) guidelines", EXC,
     adult(condition("heart_failure", 400), score("nyha", 3)), MET),
    # the free (ionized) calcium is its own measurement (topics.labs), its unit read before a bracket
    ("'free calcium >= 6.5mg/dL(>=1.6mmol/L)' is the ionized calcium: a total calcium past the first bound and an ionized one below the second fail it",
     CALCIUM, INC, adult(lab("calcium", 15.0, "mg/dL"), lab("ionized_calcium", 1.2, "mmol/L")), NOT_MET),
    ("'... or free calcium >= 6.5mg/dL': with the total past its bound, no ionized calcium on record leaves it open",
     CALCIUM, INC, adult(lab("calcium", 15.0, "mg/dL")), UNKNOWN),
    ("'... or free calcium >= 6.5mg/dL': an ionized calcium within it meets the line",
     CALCIUM, INC, adult(lab("calcium", 15.0, "mg/dL"), lab("ionized_calcium", 1.7, "mmol/L")), MET),
    ("'ionized calcium > 1.5 mmol/L' excludes by the ionized calcium, never a total calcium of 6 mg/dL",
     "Hypercalcemia (ionized calcium > 1.5 mmol/L)", EXC, adult(lab("calcium", 9.5, "mg/dL"), lab("ionized_calcium", 1.2, "mmol/L")), NOT_MET),
    ("'ionized calcium > 1.5 mmol/L': an ionized calcium past it excludes",
     "Hypercalcemia (ionized calcium > 1.5 mmol/L)", EXC, adult(lab("ionized_calcium", 1.7, "mmol/L")), MET),
]


@pytest.mark.parametrize(("text", "ctype", "facts", "expected"), [pytest.param(t, c, f, o, id=i) for i, t, c, f, o in OUTCOMES])
def test_seed_residue_shape_decides_as_the_text_means(text: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert evaluate(parse_line(text, ctype), facts, AS_OF).outcome is expected


# lines no record can decide whose every unread part is a person's question: the person's review
# (decidable.human_only); a line some record decides, or one with unread text, keeps its structure
@pytest.mark.parametrize(("text", "ctype", "human"), [
    ("Presence of other severe medical conditions as determined by the investigator, such as uncontrolled hypertension or diabetes, "
     "severe renal insufficiency, severe pulmonary dysfunction, etc.;", EXC, True),
    ("Any other serious medical condition that in the investigator's judgement, such as uncontrolled diabetes, would preclude participation",
     EXC, True),
    ("Severe and/or uncontrolled hypertension", EXC, False),  # no hypertension on record decides it
    ("Uncontrolled infection, HIV positive", EXC, False),  # HIV on record decides it
    ("Any other uncontrolled life-threaten diseases;", EXC, True),  # "life-threatening" grades, it is no life expectancy
    ("Any other life-threatening illness", EXC, True),
    # a forecast of what the patient will need: no record holds the future (residue.forecast)
    ("Emergency treatment is expected or likely to occur within 6 weeks due to rapid tumor progression (e.g. tumor mass compression)", EXC, True),
    ("Radiotherapy within 6 weeks", EXC, False),
])
def test_an_undecidable_line_of_judgements_is_the_investigators(text: str, ctype: CriterionType, human: bool) -> None:
    expr = parse_line(text, ctype).expr
    assert (expr == Review(ReviewReason.JUDGEMENT, "")) is human
