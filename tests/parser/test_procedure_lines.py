"""Procedure lines (issue 14): radiotherapy, surgery and transfusions, which hospitals send as
FHIR Procedures (SNOMED CT, CPT, ICD-10-PCS; matcher/intake/codes.toml), dated, read with the
washout machinery of ``topics.events`` ("within N days", "at least N weeks since").

What a record cannot say stays a review beside the structured part, never dropped: "major" is
a clinician's word, "to > 25% of the bone marrow" a field the record does not hold, "recovered"
a judgement, "transfusion dependent" a pattern of need, "anticipated need for transfusion" a
forecast. The structured part still decides when it fails (a transfusion last week fails "no
transfusion within 14 days" whatever the rest says).

A transfusion is of platelets or red cells when the record says so; one recorded without its
product may have been either, so a line asking for one kind is unknown for it, never met or
passed. Each row is a general wording (paraphrased from ``../shared/corpus``), with the records
that make it met, not met and unknown.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, hemoglobin, medication, procedure

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

NONE = adult()
RT_5, RT_60 = adult(procedure("radiotherapy", 5)), adult(procedure("radiotherapy", 60))
MAJOR_5, MAJOR_60 = adult(procedure("major_surgery", 5)), adult(procedure("major_surgery", 60))
OPEN_BIOPSY_5, OPEN_BIOPSY_60 = (adult(procedure("open_biopsy", d), procedure("surgery", d)) for d in (5, 60))
SURGERY_5, MINOR_5 = adult(procedure("surgery", 5)), adult(procedure("minor_surgery", 5))
ANY_TRANSFUSION_3 = adult(procedure("transfusion", 3))  # coded without its product (CPT 36430)
ANY_TRANSFUSION_10 = adult(procedure("transfusion", 10))
ANY_TRANSFUSION_200 = adult(procedure("transfusion", 200))
PLATELETS_1, PLATELETS_3, PLATELETS_30 = (adult(procedure("platelet_transfusion", d), procedure("transfusion", d)) for d in (1, 3, 30))
RED_CELLS_10 = adult(procedure("rbc_transfusion", 10), procedure("transfusion", 10))
RED_CELLS_200 = adult(procedure("rbc_transfusion", 200), procedure("transfusion", 200))
GROWTH_FACTOR_5 = adult(medication("growth_factor", 5))

Row = tuple[str, CriterionType, tuple[PatientFacts, ...], tuple[PatientFacts, ...], tuple[PatientFacts, ...]]

# (line, section, met, not met, unknown)
RADIOTHERAPY: list[Row] = [
    ("Prior radiotherapy within 4 weeks of study entry", EXC, (RT_5,), (NONE, RT_60), ()),
    # (recovered: no toxicity of grade 2 or worse on record, therapy_rewrites.WASHOUT_RECOVERED)
    ("At least 3 weeks since prior radiotherapy and recovered", INC, (NONE, RT_60), (RT_5,), ()),
    # the marrow's share is no field of the record: an irradiated patient is unknown, a patient never irradiated met
    ("No prior radiotherapy to > 25% of bone marrow", INC, (NONE,), (), (RT_5, RT_60)),
]

SURGERY: list[Row] = [
    ("Major surgery within 28 days", EXC, (MAJOR_5,), (NONE, MAJOR_60), ()),
    ("No major surgery within 4 weeks before starting study treatment", INC, (NONE, MAJOR_60), (MAJOR_5,), ()),
    # an open biopsy is an operation; a surgery coded without its kind may have been one (open,
    # never absent), a needle's biopsy (minor) is none
    ("More than 28 days since prior major surgical procedure or open biopsy", INC,
     (NONE, OPEN_BIOPSY_60, MINOR_5), (OPEN_BIOPSY_5, MAJOR_5), (SURGERY_5,)),
    ("Major surgery, open biopsy or significant traumatic injury within 28 days", EXC,
     (OPEN_BIOPSY_5, MAJOR_5), (NONE, OPEN_BIOPSY_60, MINOR_5), (SURGERY_5,)),
    # the surgery's examples in brackets leave it in the list the window closes (stopped at the
    # bracket, a major surgery years ago excluded); "trauma injury" is no wording the reader
    # knows, so a record it cannot clear stays unknown
    ("Major surgery (including ostomy reversal), open biopsy or significant trauma injury, within 28 days prior to randomization", EXC,
     (MAJOR_5, OPEN_BIOPSY_5), (), (NONE, MAJOR_60)),
]

TRANSFUSION: list[Row] = [
    ("Red blood cell transfusion within 3 months prior to study drug administration", EXC,
     (RED_CELLS_10,), (NONE, RED_CELLS_200, ANY_TRANSFUSION_200), (ANY_TRANSFUSION_10,)),
    ("Blood transfusion within past 3 months", EXC, (ANY_TRANSFUSION_10, PLATELETS_30, RED_CELLS_10), (NONE, ANY_TRANSFUSION_200), ()),
    ("Transfusion within one week prior to first dose of study drug", EXC, (ANY_TRANSFUSION_3, PLATELETS_3), (NONE, ANY_TRANSFUSION_10), ()),
    # the gloss in brackets names kinds of the transfusion, no alternative of its own
    ("Patients who have had a blood transfusion (platelet support or packed cells) within 7 days prior to study entry", EXC,
     (ANY_TRANSFUSION_3, PLATELETS_3), (NONE, ANY_TRANSFUSION_10, PLATELETS_30), ()),
    ("Platelet transfusion within 7 days", EXC, (PLATELETS_3,), (NONE, PLATELETS_30, ANY_TRANSFUSION_10), (ANY_TRANSFUSION_3,)),
    ("No platelet transfusions within 72 hours prior to study entry", INC, (NONE, PLATELETS_30), (PLATELETS_1, PLATELETS_3), (adult(procedure("transfusion", 1)),)),
    ("At least 7 days since the last platelet transfusion", INC, (NONE, PLATELETS_30), (PLATELETS_1,), (ANY_TRANSFUSION_3,)),
    # "hematopoietic factor therapy" is a growth factor: the alternative read, never dropped
    ("Subject has received blood transfusions or hematopoietic factor therapy within 14 days prior to the first dose", EXC,
     (ANY_TRANSFUSION_10, GROWTH_FACTOR_5), (NONE,), ()),
    # a period the record does not date stays beside the transfusion
    ("Any red blood cell transfusion (RBC) during the screening period", EXC, (), (NONE,), (RED_CELLS_10, ANY_TRANSFUSION_200)),
    # a forecast is no transfusion given: it stays an alternative, a transfusion on record still decides
    ("Blood transfusion within 12 weeks prior to Day 1 or anticipated need for transfusion", EXC, (ANY_TRANSFUSION_10,), (), (NONE, ANY_TRANSFUSION_200)),
    ("Hemoglobin >= 8 g/dL; transfusion within 14 days is not permitted", INC,
     (adult(hemoglobin(9.0)),), (adult(hemoglobin(9.0), procedure("transfusion", 5)), adult(hemoglobin(7.0))), ()),
]

# a transfusion named as something other than one given: a person's to read
OTHER_SUBJECT: list[Row] = [
    # a pattern of need the record cannot count, but no transfusion in 16 weeks is no dependence
    # (topics.transfusion_dependence)
    ("Subjects who are transfusion dependent", EXC, (), (NONE, ANY_TRANSFUSION_200), (ANY_TRANSFUSION_10,)),
    ("Refractory to red blood cell or platelet transfusions", EXC, (), (), (NONE, PLATELETS_3)),
    ("Severe anemia requiring repeated blood cell transfusion", EXC, (), (), (NONE, ANY_TRANSFUSION_10)),
    ("Subjects for whom transfusion of red blood cells or platelets is impossible", EXC, (), (), (NONE, ANY_TRANSFUSION_10)),
]


@pytest.mark.parametrize("line, ctype, facts, expected", outcome_cases(RADIOTHERAPY + SURGERY + TRANSFUSION + OTHER_SUBJECT))
def test_a_procedure_line_is_decided_by_the_dated_procedure(line: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(line, ctype), facts) is expected


def test_an_examples_bracket_in_a_list_is_read_in_bounded_time() -> None:
    import time

    from rules_engine.parser.topics.events import _EXAMPLES_BRACKET

    start = time.perf_counter()
    found = _EXAMPLES_BRACKET.match(" (including " + "ostomy reversal, " * 1200 + ")")
    assert found is None and time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
