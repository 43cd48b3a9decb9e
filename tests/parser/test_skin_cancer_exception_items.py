"""The non-melanoma skin cancer an exception of "another malignancy" names, read from its own
item of the exception (topics.skin_exception): named bare it is excepted outright, named "treated"
it is excepted once no longer active, and any other word (or a skin cancer named only in part)
leaves it to a person as before. Another cancer on record is never hidden by the exception."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria, iter_predicates
from rules_engine.facts import Event, PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.parser.topics.skin_exception import SkinReading, names_only, skin_kind, skin_reading
from rules_engine.reference import evaluate_reference

AS_OF = date(2026, 3, 2)
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION
AML = "Diagnosis of relapsed or refractory acute myeloid leukemia"
EXC, RES, REV = SkinReading.EXCEPTED, SkinReading.RESOLVED, SkinReading.REVIEW

READINGS = [
    # named bare, another item qualified ("localized prostate cancer"), the line's own span after
    ("excluding basal or squamous cell carcinoma of the skin, in situ melanoma, cervical carcinoma in situ, localized prostate "
     "cancer, or superficial bladder cancer stage 0, from which the subject has not been disease-free for ≥ 3 years", EXC),
    ("except non-melanoma skin cancer and non-invasive cervical cancer", EXC),
    ("with the exception of carcinoma in situ of the cervix, squamous or basal cell skin cancer, thyroid cancer", EXC),
    # a treatment that is over: its own, the list's lead, or closing an in situ item
    ("except adequately treated basal cell or squamous cell skin cancer or carcinoma in situ of the cervix", RES),
    ("except for adequately treated carcinoma in situ of the cervix, basal or squamous cell skin cancer", RES),
    ("with the exception of non- melanoma skin cancer or cervical cancer in situ that has been successfully treated", RES),
    ("except inactive nonmelanomatous skin cancer or carcinoma in situ of the cervix", RES),
    # any other word stays a person's
    ("except currently treated basal cell or squamous cell skin cancer, carcinoma in situ of the cervix", REV),
    ("except for localized nonmelanoma skin cancer", REV),
    ("except non-melanoma skin cancer or carcinoma in situ of the cervix unless considered to be at < 30% risk of relapse", REV),
    ("other than carcinoma in situ of the cervix, or non-melanoma skin cancer, unless the prior malignancy was diagnosed and "
     "definitively treated ≥ 5 years previously", REV),
    # a skin cancer named only in part: the record may be the other kind
    ("except basal cell carcinoma or treated carcinoma in-situ", REV),
    ("except curatively treated basal cell skin cancer or cervical cancer in situ", REV),
    # no lead word: another shape
    ("Individuals with the following cancers are eligible if diagnosed and treated within the past 3 years: cervical cancer "
     "in situ, and basal cell or squamous cell carcinoma of the skin", REV),
]


@pytest.mark.parametrize("text,expected", READINGS)
def test_the_skin_cancer_is_read_from_its_own_item(text, expected):
    assert skin_reading([text]) is expected


@pytest.mark.parametrize("texts,expected", [
    (["within 5 years of diagnosis", "except basal cell or squamous cell skin cancer, carcinoma in situ"], EXC),  # the line's span
    (["except basal or squamous cell skin cancer", "adequately treated"], REV),  # a qualifier of its own
])
def test_each_text_of_the_exception_is_weighed(texts, expected):
    assert skin_reading(texts) is expected


@pytest.mark.parametrize("body,expected", [
    ("skin cancer", True),
    ("basal or squamous cell carcinoma of the skin", True),
    ("basal cell carcinoma", False),
    ("noninvasive skin cancer", False),
    ("a skin cancer that requires only local treatment", False),
])
def test_an_exception_naming_only_its_cancers_leaves_nothing_to_weigh(body, expected):
    assert names_only(body) is expected


def record(events: dict[str, tuple[int, bool]]) -> PatientFacts:
    evs = {c: (Event(c, AS_OF - timedelta(days=d), active, {}),) for c, (d, active) in events.items()}
    return PatientFacts(date(1960, 1, 1), "male", {}, evs)


def outcome(line: str, facts: PatientFacts) -> Outcome:
    trial = TrialCriteria("t", 1, tuple(parse_lines([(I, AML), (E, line)])))
    return evaluate_reference(trial, facts, AS_OF).criteria[-1].outcome


BARE = ("Any other malignancy, excluding basal or squamous cell carcinoma of the skin, in situ melanoma, cervical carcinoma in situ, "
        "localized prostate cancer, or superficial bladder cancer stage 0, from which the subject has not been disease-free for at "
        "least 3 years")
TREATED = "Other malignancy within the past 5 years except adequately treated basal cell or squamous cell skin cancer or carcinoma in situ of the cervix"
PART = "Other malignancy within the past 5 years except basal cell carcinoma or treated carcinoma in-situ"
SKIN = "Active concurrent malignancy (except skin cancer)"
OWN = {"aml": (100, True)}
SKIN_ACTIVE, SKIN_RESOLVED = {"nonmelanoma_skin_cancer": (200, True)}, {"nonmelanoma_skin_cancer": (200, False)}
BREAST = {"breast_cancer": (300, True)}
OUTCOMES = [
    (BARE, OWN | SKIN_ACTIVE, NOT_MET),
    (BARE, OWN | SKIN_ACTIVE | BREAST, MET),
    (TREATED, OWN | SKIN_RESOLVED, NOT_MET),
    (TREATED, OWN | SKIN_ACTIVE, UNKNOWN),  # whether it was treated is a person's
    (TREATED, OWN | SKIN_RESOLVED | BREAST, MET),
    (PART, OWN | SKIN_ACTIVE, UNKNOWN),  # may be a squamous cell one
    (SKIN, OWN | SKIN_ACTIVE, NOT_MET),
    (SKIN, OWN | SKIN_ACTIVE | BREAST, MET),
]


@pytest.mark.parametrize("line,events,expected", OUTCOMES)
def test_an_excepted_skin_cancer_never_hides_another(line, events, expected):
    assert outcome(line, record(events)) is expected


def test_a_long_hostile_exception_reads_fast():
    text = "except " + "basal or squamous cell, and or " * 700 + "x" * 2000
    start = time.perf_counter()
    skin_reading([text])
    names_only(text)
    assert time.perf_counter() - start < 0.5


@pytest.mark.parametrize("line,concepts", [
    ("Other malignancy except basal cell carcinoma", {"basal_cell_skin_cancer"}),
    ("Other malignancy except squamous cell carcinoma of the skin", {"squamous_cell_skin_cancer"}),
    ("Other malignancy except basal cell or squamous cell skin cancer", {"nonmelanoma_skin_cancer"}),
    ("Other malignancy except basal or squamous cell carcinoma of the skin", {"nonmelanoma_skin_cancer"}),
    ("Other malignancy except non-melanoma skin cancer", {"nonmelanoma_skin_cancer"}),
])
def test_a_skin_cancer_named_is_its_kind_or_the_family(line, concepts):
    criterion = parse_lines([(I, AML), (E, line)])[-1]
    said = {v for p in iter_predicates(criterion.expr) for v in (p.concept, *(p.value if isinstance(p.value, tuple) else ()))}
    named = said & {"basal_cell_skin_cancer", "squamous_cell_skin_cancer", "nonmelanoma_skin_cancer"}
    assert named == concepts


@pytest.mark.parametrize("words,kind", [
    ("basal cell carcinoma", "basal_cell_skin_cancer"),
    ("squamous cell skin cancer", "squamous_cell_skin_cancer"),
    ("basal or squamous cell skin cancer", "nonmelanoma_skin_cancer"),
    ("non-melanoma skin cancer (e.g. basal cell)", "nonmelanoma_skin_cancer"),
    ("skin cancer", "nonmelanoma_skin_cancer"),
])
def test_the_words_name_a_kind_or_the_family(words, kind):
    assert skin_kind(words) == kind


def test_a_kind_excepted_by_name_need_not_be_named_whole():
    text = "except basal cell carcinoma or treated carcinoma in-situ"
    assert skin_reading([text]) is REV  # the family: a record of it may be a squamous cell one
    assert skin_reading([text], whole=False) is EXC  # the basal cell one, named bare


BASAL_ONLY = "Other malignancy within the past 5 years except basal cell carcinoma or treated carcinoma in-situ"


@pytest.mark.parametrize("events,expected", [
    (OWN | {"basal_cell_skin_cancer": (200, True)}, NOT_MET),
    (OWN | {"squamous_cell_skin_cancer": (200, True)}, MET),
    (OWN | {"nonmelanoma_skin_cancer": (200, True)}, UNKNOWN),
])
def test_an_exception_of_one_kind_counts_the_other(events, expected):
    assert outcome(BASAL_ONLY, record(events)) is expected


@pytest.mark.parametrize("line,concepts", [
    ("Other malignancy except squamous and basal cell carcinomas of the skin", {"nonmelanoma_skin_cancer"}),
    ("Other malignancy except curatively treated basal cell and squamous cell carcinoma of the skin", {"nonmelanoma_skin_cancer"}),
    ("Other malignancy except basal cell carcinoma, squamous cell carcinoma of the skin", {"basal_cell_skin_cancer", "squamous_cell_skin_cancer"}),
    # "and" between two named cancers is the list's, never one name: its other items stay alternatives
    ("Other malignancy except basal cell carcinoma and squamous cell carcinoma of the skin, or prostate cancer with PSA < 1.0 ng/mL",
     {"basal_cell_skin_cancer", "squamous_cell_skin_cancer"}),
])
def test_two_kinds_named_together_are_the_family(line, concepts):
    test_a_skin_cancer_named_is_its_kind_or_the_family(line, concepts)


DARA = ("Participant has a history of malignancy (other than multiple myeloma) within 5 years before Cycle 1 Day 1 (exceptions are squamous "
        "and basal cell carcinomas of the skin and carcinoma in situ of the cervix, or malignancy that in the opinion of the investigator, "
        "with concurrence with the sponsor's medical monitor, is considered cured with minimal risk of recurrence)")


@pytest.mark.parametrize("events,expected", [
    (OWN | {"breast_cancer": (300, True)}, UNKNOWN),  # may be the one the investigator deems cured
    (OWN | {"basal_cell_skin_cancer": (300, True)}, UNKNOWN),
    (OWN, NOT_MET),
])
def test_exceptions_are_is_an_exception_never_more_alternatives(events, expected):
    assert outcome(DARA, record(events)) is expected


def test_a_long_hostile_pair_of_kinds_parses_fast():
    text = "Other malignancy except " + "basal cell, squamous cell or " * 600 + "basal/" * 500 + " x"
    start = time.perf_counter()
    parse_lines([(E, text)])
    assert time.perf_counter() - start < 2.0


# The NCI/ECOG template's children under "Diagnosis of another malignancy, unless ... disease-free
# for at least 3 years ..., with the following exceptions:" (holdout T95, T215, T242): the skin
# cancer's permission closes on the treatment being over, read as "adequately treated" is; the
# prostate cancer's own condition ("a radical prostatectomy") is that cancer's item
COMPLETED = "for this study if definitive treatment for the condition has been completed"
PROSTATE_CONDITION = "for this study if hormonal therapy has been initiated, or a radical prostatectomy or definitive radiotherapy has been performed"


@pytest.mark.parametrize("texts,expected", [
    ([COMPLETED], RES),
    ([COMPLETED, PROSTATE_CONDITION], RES),
    (["for this study if treatment is planned"], REV),
    ([COMPLETED + " and the patient is at low risk"], REV),
])
def test_a_permission_closing_on_the_treatment_being_over(texts, expected):
    assert skin_reading(texts) is expected


TEMPLATE = (
    "Inclusion Criteria:\n- " + AML + "\nExclusion Criteria:\n"
    "- Diagnosis of another malignancy, unless the patient is disease-free for at least 3 years following the completion of curative "
    "intent therapy, with the following exceptions:\n"
    "  - Patients with treated non-melanoma skin cancer, in situ carcinoma, or cervical intraepithelial neoplasia, regardless of the "
    "disease-free duration, are eligible for this study if definitive treatment for the condition has been completed.\n"
    "  - Patients with organ-confined prostate cancer with no evidence of recurrent or progressive disease based on prostate-specific "
    "antigen (PSA) values are also eligible for this study if hormonal therapy has been initiated, or a radical prostatectomy or "
    "definitive radiotherapy has been performed\n"
)


@pytest.mark.parametrize("events,expected", [
    (OWN | SKIN_RESOLVED, NOT_MET),
    (OWN | SKIN_ACTIVE, UNKNOWN),  # whether its treatment is over is a person's
    (OWN | SKIN_RESOLVED | BREAST, MET),
    (OWN | {"prostate_cancer": (300, True)}, UNKNOWN),
])
def test_the_templates_treated_skin_cancer_is_excepted_once_resolved(events, expected):
    from rules_engine.parser import parse_criteria

    criteria = parse_criteria(TEMPLATE)
    trial = TrialCriteria("t", 1, tuple(criteria))
    index = next(i for i, c in enumerate(criteria) if c.text.startswith("Diagnosis of another malignancy"))
    assert evaluate_reference(trial, record(events), AS_OF).criteria[index].outcome is expected
