"""The blood cancers' family ("Diagnosis of hematological malignancy", "Patients with hematologic
malignancies", "blood cancer"): read as a diagnosis every blood cancer meets and no solid tumour
does. Left unread, the line was a review, so a patient with breast cancer and no blood cancer
passed a trial for blood cancers (holdout T301-breast-only).

The catalogue holds the family (``blood_cancer``) above every blood cancer: the acute leukaemias,
the lymphomas, myeloma, CLL, T-PLL, the myeloid neoplasms as the WHO classes them (MDS, the MPNs
with CML among them, CMML, JMML, myeloid sarcoma, the therapy-related ones) and the intake's
record of a blood cancer of no named kind (``hematologic_malignancy``, with plasma cell leukaemia
and Waldenström's under it). MGUS, a precursor, is none. The family is no member of "another
malignancy": derived from an MDS it would have made the MDS another malignancy, which that concept
leaves to lines naming MDS. A trial for the family counts every blood cancer its own."""

from __future__ import annotations

from datetime import date

import pytest

from rules_engine.concepts import (
    CANCER_FAMILIES,
    HEMATOLOGIC_DISEASES,
    MALIGNANCIES,
    ancestors,
    concept,
    is_cancer_diagnosis,
)
from rules_engine.criteria import (
    All,
    Criterion,
    CriterionType,
    Op,
    Predicate,
    Review,
    ReviewReason,
    TrialCriteria,
    iter_predicates,
)
from rules_engine.derive import lineage_unknown
from rules_engine.facts import PatientFacts
from rules_engine.gates import gates_of, judge_gates
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.parser.disease_headings import disease_label
from rules_engine.parser.topics.coded import trial_diseases
from rules_engine.readings import asks_a_diagnosis
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import AS_OF, adult, condition

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


def has(*kinds: str) -> PatientFacts:
    return adult(*(condition(k) for k in kinds))


# every blood cancer the catalogue names, and what is not one
BLOOD_CANCERS = [
    "aml", "apl", "b_all", "t_all", "ambiguous_lineage_leukemia", "dlbcl", "hodgkin_lymphoma", "t_cell_lymphoma",
    "multiple_myeloma", "cll", "cml", "mpn", "mds", "del_5q", "cmml", "jmml", "t_pll", "myeloid_sarcoma",
    "therapy_related_myeloid_neoplasm", "secondary_aml", "hematologic_malignancy", "plasma_cell_leukemia",
    "waldenstrom_macroglobulinemia",
]
NOT_BLOOD_CANCERS = ["breast_cancer", "nsclc", "solid_tumor", "melanoma", "mgus", "malignant_neoplasm", "carcinoma_in_situ", "htlv"]


@pytest.mark.parametrize("kind", BLOOD_CANCERS)
def test_every_blood_cancer_is_a_kind_of_the_family(kind: str) -> None:
    assert "blood_cancer" in ancestors(kind)


@pytest.mark.parametrize("kind", NOT_BLOOD_CANCERS)
def test_no_solid_tumour_nor_precursor_is_a_kind_of_the_family(kind: str) -> None:
    assert "blood_cancer" not in ancestors(kind)


# the names registries write for the family; and words that are not it
@pytest.mark.parametrize(
    ("text", "ctype"),
    [
        ("Diagnosis of hematological malignancy", INC),
        ("Patients with hematologic malignancies", INC),
        ("Histologically confirmed haematological malignancy", INC),
        ("Confirmed advanced solid tumor or hematologic malignancy", INC),
        ("Relapsed or refractory hematologic cancer", INC),
        ("hematological neoplasm", INC),
        ("Patients with hematopoietic malignancies", EXC),
        ("Concurrent hematological malignancies", EXC),
        ("malignant hematologic disorders", EXC),
        ("certain types of leukemias (blood cancers)", INC),
    ],
)
def test_the_familys_names_read_as_the_family(text: str, ctype: CriterionType) -> None:
    assert "blood_cancer" in {p.concept for p in iter_predicates(parse_line(text, ctype).expr)}


@pytest.mark.parametrize(
    ("text", "ctype"),
    [
        ("Non-hematologic malignancy within the past three years", EXC),
        ("nonhematologic malignancy within 2 years", EXC),
        ("non malignant hematologic diseases", INC),
        ("Patients must have signed consents for the hematologic malignancy procurement protocol", INC),
        # the patient's own disease, what the therapy is for: no disease the exclusion names
        ("Patients receiving any other standard or investigational treatment for their hematologic malignancy.", EXC),
        ("Adequate hematologic function", INC),
    ],
)
def test_words_that_are_not_the_family_do_not_read_as_it(text: str, ctype: CriterionType) -> None:
    assert "blood_cancer" not in {p.concept for p in iter_predicates(parse_line(text, ctype).expr)}


# a line naming the family, judged by both evaluators: (text, type, met, not met, unknown)
ROWS = [
    ("Diagnosis of hematological malignancy", INC,
     [has(k) for k in BLOOD_CANCERS], [has("breast_cancer"), has("nsclc"), has("mgus"), adult()], []),
    ("Current hematological malignancy", EXC,
     [has("dlbcl"), has("mds"), has("hematologic_malignancy"), has("breast_cancer", "cll")], [has("breast_cancer"), has("mgus")], []),
    ("Confirmed advanced solid tumor or hematologic malignancy", INC,
     [has("breast_cancer"), has("multiple_myeloma"), has("jmml")], [has("mgus"), adult()], []),
    ("Hematologic malignancies with the exception of lymphoma", EXC,
     [has("aml"), has("multiple_myeloma")], [has("dlbcl"), has("breast_cancer")], []),
    # a record that names only the intake's unnamed kind is no AML and no lymphoma, as before
    ("Diagnosis of AML", INC, [has("aml")], [has("hematologic_malignancy"), has("mds")], []),
]


@pytest.mark.parametrize(("text", "ctype", "facts", "expected"), outcome_cases(ROWS))
def test_a_line_naming_the_family_is_met_by_every_blood_cancer_and_no_solid_tumour(
    text: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(parse_line(text, ctype), facts) is expected


def _other_malignancy(own: tuple[str, ...] | None) -> Criterion:
    return Criterion(EXC, "Other active malignancy", Predicate("other_malignancy", Op.PRESENT, own))


# "another malignancy" asked in a trial whose own disease is (own), of a record: its outcome
@pytest.mark.parametrize(
    ("own", "facts", "expected"),
    [
        (("blood_cancer",), has("aml"), NOT_MET),  # the trial's own: no other malignancy
        (("blood_cancer",), has("dlbcl", "cll"), NOT_MET),  # two blood cancers, both the trial's
        (("blood_cancer",), has("aml", "breast_cancer"), MET),
        (("blood_cancer",), has("malignant_neoplasm"), MET),  # a cancer of unknown site is no blood cancer
        (("aml",), has("aml", "dlbcl"), MET),  # a trial for AML: a lymphoma is another malignancy
        (("aml",), has("aml"), NOT_MET),
        (("breast_cancer",), has("breast_cancer", "mds"), NOT_MET),  # MDS is still no "other malignancy"
        (("breast_cancer",), has("breast_cancer", "mpn"), NOT_MET),
        (("breast_cancer",), has("breast_cancer", "cml"), MET),
        (None, has("mds"), NOT_MET),  # the family derived from an MDS is no member either
    ],
)
def test_a_trial_for_the_family_does_not_call_its_own_blood_cancer_another_malignancy(
    own: tuple[str, ...] | None, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(_other_malignancy(own), facts) is expected


def test_the_parser_counts_the_family_the_trials_own_disease() -> None:
    lines = parse_lines([(INC, "Diagnosis of hematological malignancy"), (EXC, "Other active malignancy within 2 years")])
    assert trial_diseases(lines) == ("blood_cancer",)
    other = next(p for p in iter_predicates(lines[1].expr) if p.concept == "other_malignancy")
    assert other.value == ("blood_cancer",)


@pytest.mark.parametrize(
    ("lines", "own"),
    [
        ([(INC, "Confirmed hematological malignancy")], ("blood_cancer",)),
        # beside the kinds a line lists, the kinds are the trial's: an active CLL beside an AML stays another malignancy
        ([(INC, "Diagnosis of hematologic malignancy in one of the following categories: AML or ALL")], ("aml", "all")),
        ([(INC, "Confirmed advanced solid tumor or hematologic malignancy")], ("solid_tumor", "blood_cancer")),
    ],
)
def test_the_family_is_the_trials_own_disease_only_where_no_kind_is_named(lines: list[tuple[CriterionType, str]], own: tuple[str, ...]) -> None:
    assert trial_diseases(parse_lines(lines)) == own


@pytest.mark.parametrize(
    ("facts", "closes"),
    [
        (has("breast_cancer"), True),
        (has("nsclc"), True),
        (has("mgus"), True),
        (has("aml"), False),
        (has("mds"), False),
        (has("mpn"), False),
        (has("follicular_lymphoma"), False),
        (has("hematologic_malignancy"), False),
        (has("waldenstrom_macroglobulinemia"), False),
        (PatientFacts(birth_date=date(1970, 1, 1), sex="male"), False),  # no diagnosis on record: missing data never closes
    ],
)
def test_the_familys_line_gates_a_trial_for_blood_cancers(facts: PatientFacts, closes: bool) -> None:
    trial = TrialCriteria("NCT00000098", 1, (parse_line("Diagnosis of hematological malignancy", INC),))
    assert [g.kinds for g in gates_of(trial)] == [frozenset({"diagnosis"})]
    assert (judge_gates(trial, facts, AS_OF) is not None) is closes


@pytest.mark.parametrize(
    ("asked", "present", "ancestor"),
    [
        ("aml", {"hematologic_malignancy", "blood_cancer"}, None),  # the intake's unnamed kind is a kind: AML is absent
        ("lymphoma", {"aml", "acute_leukemia", "blood_cancer"}, None),
        ("aml", {"blood_cancer"}, "blood_cancer"),  # the family alone (nothing records it so today) may be any kind
    ],
)
def test_the_family_leaves_a_kind_open_only_when_recorded_alone(asked: str, present: set[str], ancestor: str | None) -> None:
    assert concept("blood_cancer").subtypes_exhaustive
    assert lineage_unknown(asked, present) == ancestor


def test_the_familys_sets() -> None:
    assert "blood_cancer" in CANCER_FAMILIES and "blood_cancer" in HEMATOLOGIC_DISEASES
    assert "blood_cancer" not in MALIGNANCIES and "hematologic_malignancy" in MALIGNANCIES
    assert is_cancer_diagnosis("blood_cancer") and is_cancer_diagnosis("waldenstrom_macroglobulinemia")


@pytest.mark.parametrize(
    ("label", "disease"),
    [("Patients with hematologic malignancies:", "blood_cancer"), ("Hematological malignancies:", "blood_cancer"), ("Solid tumors:", "solid_tumor")],
)
def test_a_heading_naming_the_family_scopes_its_lines(label: str, disease: str) -> None:
    expr = disease_label(label)
    assert expr == Predicate(disease, Op.PRESENT)


def test_the_family_beside_unread_words_asks_a_diagnosis() -> None:
    family = Predicate("blood_cancer", Op.PRESENT)
    assert asks_a_diagnosis(family, All((family, Review(ReviewReason.UNSUPPORTED_CONCEPT, "that has failed standard therapy"))))
