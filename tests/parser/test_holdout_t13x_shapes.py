"""Shapes the T131-T135 holdout trials (MEK162 with nilotinib for Ph+ acute leukaemia, dasatinib in
children, vorinostat with cytarabine-etoposide, triciribine, intraventricular topotecan in the PDQ
layout; ``test_holdout_trials``) misread, each fixed in its general form and pinned here with real
corpus lines (``../shared/corpus`` criteria texts):

* A method after the first of two bounds, before the comma that lists the second ("LVEF >= 50% as
  determined by a multigated acquisition (MUGA) scan or echocardiogram, QTc interval <= 480 ms"):
  the method's "or" joins the methods, so the bounds are both asked (read as alternatives, an LVEF
  of 45% met the inclusion through a normal QTc).
* "any other standard or investigational treatment for their cancer / hematologic malignancy" (6
  corpus lines): the cancer's treatments, standard ones too (read as the investigational agent
  alone, a patient on azacitidine now passed the exclusion).
* "Patients / Subjects / Participants receiving X" in an exclusion (60 corpus lines read
  differently): X taken now, as "currently receiving" was (read as ever, a course finished months
  ago excluded). In an inclusion the words mostly open an exception or a permission: left there.
* "At least 2 weeks since prior imatinib mesylate, hematopoietic growth factors, and biological
  agents": an inclusion's washout runs on over an unread first item (stopped at its comma, the
  growth factor stood bare, a requirement every patient failed); the unread words stay a review.
* The disease a washout's therapy was for ("At least 3 weeks since prior systemic chemotherapy for
  leptomeningeal disease"): its indication, as an exclusion's is, not a second requirement (joined,
  every patient without leptomeningeal disease failed the PDQ heading).
* "symptomatic CNS disease (eg, convulsions due to their CNS disease)": the patients' own CNS
  disease, their cancer's; no longer a seizure disorder that let a CNS leukaemia pass.
* "... are also candidates for this protocol" is the also-eligible it says ("Patients with
  poor-risk myelodysplasia ... are also candidates": joined as a requirement, a relapsed AML failed).
* "... do not count as prior induction/reinduction therapy" (10 corpus lines say "do/does not
  count"): what counts towards a limit, no requirement (read as one, every patient without a growth
  factor failed).
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, lab, lvef, medication

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION


def heart(ef: float, qtc: float) -> PatientFacts:
    return adult(lvef(ef), lab("qtc", qtc, "ms"))


def aml(*parts: object) -> PatientFacts:
    return adult(condition("aml", 300), *parts)  # type: ignore[arg-type]


ROWS = [
    # -- a method between two listed bounds
    (
        "Adequate cardiac function: left ventricular ejection fraction (LVEF) >/= 50% as determined by a multigated acquisition (MUGA) scan "
        "or echocardiogram, QTc interval </= 480 ms;",
        I,
        [heart(60, 430)],
        [heart(45, 430), heart(60, 490)],
        [],
    ),
    ("LVEF >= 50% by echocardiogram or MUGA, QTc <= 480 ms", I, [heart(60, 430)], [heart(45, 430)], []),
    # (an exclusion's bounds stay alternatives: either one excludes)
    ("LVEF < 50% by echocardiogram or MUGA, QTc > 480 ms", E, [heart(45, 430), heart(60, 490)], [heart(60, 430)], []),
    # -- the cancer's standard or investigational treatment
    (
        "Patients receiving any other standard or investigational treatment for their hematologic malignancy.",
        E,
        [aml(medication("chemotherapy", 0))],
        [aml(medication("chemotherapy", 150))],
        [aml(medication("chemotherapy", 40))],
    ),
    (
        "No other concurrent standard or investigational treatment for this cancer",
        I,
        [aml(medication("chemotherapy", 150))],
        [aml(medication("chemotherapy", 0))],
        [],
    ),
    # -- "patients receiving" in an exclusion is now
    (
        "Patients receiving any other investigational agents",
        E,
        [adult(medication("investigational_agent", 5))],
        [adult(medication("investigational_agent", 200)), adult()],
        [],
    ),
    (
        # (the enzyme-inducing ones are a class of their own, meds17: an antiepileptic that is
        # none of them, levetiracetam, is no EIAED)
        "Subjects receiving enzyme-inducing anticonvulsants.",
        E,
        [adult(medication("eiaed_therapy", 0))],
        [adult(medication("eiaed_therapy", 300)), adult(medication("anticonvulsant_therapy", 0))],
        [],
    ),
    # -- a washout over an unread first item
    (
        "At least 2 weeks since prior imatinib mesylate, hematopoietic growth factors, and biological agents",
        I,
        [],
        [adult(medication("growth_factor", 5))],
        [adult(), adult(medication("growth_factor", 60))],
    ),
    (
        "At least 7 days since prior biologic agent (antineoplastic agent)",
        I,
        [adult(medication("chemotherapy", 30))],
        [adult(medication("chemotherapy", 3))],
        [],
    ),
    # -- the disease a washout's therapy was for
    (
        "At least 3 weeks since prior systemic chemotherapy for leptomeningeal disease",
        I,
        [adult(), adult(medication("chemotherapy", 60))],
        [adult(condition("leptomeningeal_disease", 30), medication("chemotherapy", 7))],
        [],
    ),
    (
        "At least 4 weeks since prior chemotherapy for AML",
        I,
        [aml(medication("chemotherapy", 60))],
        [aml(medication("chemotherapy", 7))],
        [],
    ),
    # -- their CNS disease
    (
        "Subjects with symptomatic central nervous system (CNS) disease (eg, convulsions due to their CNS disease).",
        E,
        [],
        [],
        [adult(condition("cns_involvement", 10))],
    ),
    # -- also candidates
    (
        "Patients must have relapsed/refractory AML. Patients with poor-risk myelodysplasia (MDS) are also candidates for this protocol.",
        I,
        [aml(condition("relapsed", 30))],
        [aml()],
        [],
    ),
    # -- what does not count
    (
        "Prior low-dose azacitidine, growth factors, cytokines, thalidomide, interferon, or imatinib mesylate for treatment of preceding MDS/MPD "
        "do not count as prior induction/reinduction therapy",
        I,
        [],
        [],
        [aml(), aml(medication("growth_factor", 100))],
    ),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_t13x_holdout_shape_is_read_for_what_it_asks(
    text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(
    "text",
    [
        "As an exception to the above criterion, participants receiving only 3 cycles of chemotherapy due to toxicity are eligible",
        "a waiting period prior to enrollment is not required for patients receiving standard cytotoxic maintenance chemotherapy",
    ],
    ids=["exception", "permission"],
)
def test_patients_receiving_in_an_inclusion_is_not_made_current(text: str) -> None:
    # an inclusion's "patients receiving" opens an exception or a permission: no window is read
    # into it (dated now, a course finished 2 months ago failed what the words allow)
    assert judged(parse_line(text, I), adult(medication("chemotherapy", 60))) is not Outcome.NOT_MET
