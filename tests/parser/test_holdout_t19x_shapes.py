"""Shapes the T191-T195 holdout trials (oral azacitidine for MDS, CMML and AML; azacitidine with
growth factors for lower-risk MDS; OFAC for relapsed AML or high-risk MDS; lenalidomide after an
autologous transplant; JNJ-30979754 for MDS; ``test_holdout_trials``) misread, each fixed in its
general form and pinned here with real corpus lines (``../shared/corpus`` criteria texts; counts
are over its 1,883 trials):

* A drug reaction named after its products, the products the clause's whole subject ("No
  oxaliplatin, fludarabine, or cytarabine intolerance."; 2 corpus lines): an allergy to any of
  them. Unread, a cytarabine allergy passed the exclusion (eligible when excluded).
* An allergy "attributed to" (or "attributable to") its products ("History of allergic reactions
  attributed to thalidomide or lenalidomide"; 21 corpus lines read differently): the products as
  "allergic reactions to" names them. A class named in the singular, its last word ("a receptor
  tyrosine kinase inhibitor", "MRI contrast agent"), is both the words a record may repeat and a
  person's beside any drug allergy; a product named after the class word ("the investigational
  agent ficlatuzumab") is that product; another subject after the products ("..., or patients with
  known history of pre-existing auto-immune disease") ends them.
* The neoplastic cells of the marrow ("Percentage of neoplasm cells in bone marrow more than
  50%"; 1 corpus line): the blasts past the bound decide it, below it the other neoplastic cells
  (plasma or lymphoma cells) are a person's. Unread, an AML with 60% blasts was eligible.
* A marrow "consistent with morphologic remission" (1 corpus line): fewer than 5% blasts. Left a
  review beside the transplant, a relapse with 12% blasts was eligible once the diagnosis line
  above it was read.
* "non-M3 AML" (1 corpus line): AML other than APL. The FAB-M3 rewrite took the "M3 AML" inside
  it for APL, and every other AML failed the line.
* A sentence saying which events count towards a status the line defines ("... must be <= 9.0
  g/dL in order for the transfusion to be counted ...", "RBC transfusions administered when
  hemoglobin levels were > 9.0 g/dL ... will not qualify as a required transfusion"; 2 corpus
  lines): how the trial counts, not a requirement. Read as one, its haemoglobin > 9 failed every
  anaemic patient with MDS.
* The corticosteroids named by their gland ("adrenal cortex hormones", "adrenocortical hormones",
  "adrenal corticosteroids"; 2 corpus lines): corticosteroid therapy; "anabolic hormones"
  (or "anabolic steroids", androgens) beside them are androgen therapy, an alternative of their own.
  Unread, a patient on prednisone passed the exclusion once the MDS subtypes ("refractory
  anemia ...") no longer failed every patient.
* A window counted from "study initiation" or "study start" (35 corpus lines read differently,
  with the dose below): the window's anchor, like "study entry"; left, it stood a review and-ed
  beside the window, so filgrastim or prednisone now left the exclusion to a person.
* A product named at a high dose ("a history of high-dose cytarabine (Ara-C) therapy (greater
  than 1,000 mg/m2/day)", "Previously received high dose interleukin-2"): the product, and
  beside it a person's review of the dose (which dose the protocol calls high, the record does
  not say). A patient with no cytarabine on record does not meet it; one given cytarabine is a
  person's to judge. "A history of <product> therapy/treatment" names it as given.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, iter_predicates
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import Part, adult, allergy, condition, hemoglobin, lab, medication, procedure, steroid

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION


def given(words: str) -> Part:
    """A product the record names, given 200 days ago."""
    return medication("named_medication", 200, quote=words, words=words)


def marrow(blasts: float) -> PatientFacts:
    return adult(condition("aml", 200), lab("bm_blasts", blasts, "%"))


def after_auto(blasts: float | None) -> PatientFacts:
    parts = [condition("aml", 400), procedure("auto_hsct", 70)] + ([lab("bm_blasts", blasts, "%")] if blasts is not None else [])
    return adult(*parts)


TRANSFUSION_DEFINITION = (
    "Average red blood cell transfusion requirement of ≥ 4 units per 28 days confirmed for a minimum of 84 days prior to starting study "
    "treatment. Hemoglobin levels within 7 days prior to administration of an red blood cell transfusion must be ≤ 9.0 g/dL in order for "
    "the transfusion to be counted towards red blood cell transfusion-dependent status. Red blood cell transfusions administered when "
    "hemoglobin levels were > 9.0 g/dL and/or red blood cell transfusions administered for elective surgery will not qualify as a required "
    "transfusion for the purpose of providing evidence of red blood cell transfusion-dependent status."
)

ROWS = [
    # -- the products before the reaction
    ("No oxaliplatin, fludarabine, or cytarabine intolerance.", E, [adult(allergy("cytarabine")), adult(allergy("oxaliplatin"))],
     [adult(), adult(allergy("penicillin"))], []),
    ("Oxaliplatin, fludarabine, cytarabine or rituximab intolerance.", E, [adult(allergy("rituximab"))], [adult()], []),
    # -- "attributed to" the products
    ("History of allergic reactions attributed to thalidomide or lenalidomide", E, [adult(allergy("lenalidomide"))],
     [adult(), adult(allergy("penicillin"))], []),
    ("No history of allergic reactions attributed to riluzole", I, [adult()], [adult(allergy("riluzole"))], []),
    ("Known or suspected drug sensitivity to cytarabine or the investigational agent ficlatuzumab", E,
     [adult(allergy("ficlatuzumab"))], [adult(allergy("penicillin"))], []),
    # (another subject after the products is its own exclusion)
    ("History of allergic reactions attributed to compounds of similar chemical or biologic composition to HDACI, TLR-agonist, or patients "
     "with known history of pre-existing auto-immune disease.", E, [adult(condition("autoimmune_disease", 900))], [adult()], []),
    # (a class in the singular: any drug allergy may be it)
    ("No previous history of severe hypersensitivity reaction attributed to a receptor tyrosine kinase inhibitor.", I,
     [adult()], [], [adult(allergy("sunitinib"))]),
    # -- the marrow's neoplastic cells
    ("Percentage of neoplasm cells in bone marrow more than 50%;", E, [marrow(60)], [], [marrow(30), adult()]),
    # -- a marrow in morphologic remission
    ("Post autologous stem cell transplant bone marrow biopsy core that is consistent with morphologic remission", I,
     [after_auto(2)], [after_auto(12)], [after_auto(None)]),
    # -- the corticosteroids by the gland's name; the anabolic hormones androgens (cond11: read as
    # androgen therapy, so a patient with neither within the window is cleared)
    ("Participants administered adrenal cortex hormones or anabolic hormones within 7 days of study initiation", E,
     [adult(*steroid(0)), adult(*steroid(5)), adult(medication("androgen_therapy", 3))], [adult(), adult(*steroid(30))], []),
    ("No adrenocortical hormones within 14 days", I, [adult(), adult(*steroid(30))], [adult(*steroid(3))], []),
    ("Adrenal corticosteroids within 28 days", E, [adult(*steroid(10))], [adult()], []),
    ("Anabolic steroids (subject must discontinued for 6 months prior to study entry to be eligible)", E, [], [], [adult(*steroid(10)), adult()]),
    # -- a window from study initiation / start
    ("Participants who have received a colony stimulating factor (CSF) formulation within 7 days of study initiation", E,
     [adult(medication("growth_factor", 0))], [adult(), adult(medication("growth_factor", 20))], []),
    ("have received corticosteroids within 30 days prior to study start", E, [adult(*steroid(10))], [adult(), adult(*steroid(60))], []),
    # -- a product at a high dose: the product, and a person's review of the dose
    ("Participants with a history of high-dose cytarabine (Ara-C) therapy (greater than 1,000 mg/m2/day)", E,
     [], [adult(), adult(given("daunorubicin"))], [adult(given("cytarabine")), adult(given("Ara-C"))]),
    ("Previously received high dose interleukin-2 (IL-2)", I, [], [adult(), adult(given("cytarabine"))], [adult(given("interleukin-2"))]),
    ("Prior history of 5-FU based or EGFR receptor inhibitor therapy", E, [adult(given("fluorouracil"))], [adult(given("cytarabine"))], []),
    # -- non-M3 AML
    ("Patients must have a confirmed diagnosis of non-M3 AML; antecedent myelodysplastic syndrome (MDS) is acceptable", I,
     [adult(condition("aml", 200))], [adult(condition("apl", 200))], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_t19x_holdout_shape_is_read_for_what_it_asks(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize("value", [7.5, 8.5, 9.5], ids=["hb-7.5", "hb-8.5", "hb-9.5"])
def test_a_note_on_which_transfusions_count_is_no_haemoglobin_requirement(value: float) -> None:
    """The definition asks nothing a record decides: no haemoglobin fails (or meets) it."""
    assert judged(parse_line(TRANSFUSION_DEFINITION, I), adult(hemoglobin(value))) is Outcome.UNKNOWN


@pytest.mark.parametrize(
    "text, kind",
    [
        ("If previously treated with lenalidomide or bortezomib, the subject must not have progressed during the first 3 months of treatment "
         "with the drug and must not have discontinued treatment due to lenalidomide intolerance (bortezomib intolerant subjects may enroll).", I),
        ("One chemotherapy regimen was permitted as long as docetaxel resistance or intolerance was not demonstrated. Docetaxel intolerance "
         "was defined as toxicity requiring discontinuation.", E),
    ],
    ids=["discontinued-due-to", "defined-as"],
)
def test_an_intolerance_inside_a_longer_clause_is_no_allergy(text: str, kind: CriterionType) -> None:
    """Only a clause that is the products and the reaction reads as an allergy to them."""
    criterion = parse_line(text, kind)
    assert "drug_hypersensitivity" not in {p.concept for p in iter_predicates(criterion.expr)}
