"""Two readings of issue 14 (cond4).

* The retinal diseases a line names by themselves ("retinal vein occlusion or central serous
  retinopathy", "macular degeneration") are their own concepts, kinds of ``retinal_disease``
  (topics.retinal_conditions): a line naming one is met by its own record only; a line naming
  retinal disease at large still counts them all.
* An "and" between two qualifiers of one noun inside an exclusion's comma list ("uncontrolled
  and active infection") stays inside its item (parser.qualifier_and): the list's items stay
  alternatives (holdout T313).
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

EXC = CriterionType.EXCLUSION

NONE = adult()
RVO = adult(condition("retinal_vein_occlusion"))
CSR = adult(condition("central_serous_retinopathy"))
AMD = adult(condition("macular_degeneration"))
RETINA = adult(condition("retinal_disease"))  # another retinal disorder (H35.0 retinopathy, H33 detachment)
INFECTION = adult(condition("active_infection"))
DIABETES = adult(condition("diabetes"))
HIV = adult(condition("hiv"))

Row = tuple[str, tuple[PatientFacts, ...], tuple[PatientFacts, ...], tuple[PatientFacts, ...]]

# (line, met, not met, unknown) -- exclusions: met means the patient is excluded
EXCLUSIONS: list[Row] = [
    ("Retinal vein occlusion or central serous retinopathy", (RVO, CSR), (NONE, AMD), ()),
    ("History of retinal vein occlusion (RVO)", (RVO,), (NONE, AMD, CSR), ()),
    ("History of macular degeneration", (AMD,), (NONE, RVO, CSR), ()),
    ("Known age-related macular degeneration (AMD)", (), (NONE, RVO), (AMD,)),  # (the kind stays a review)
    # retinal disease at large still counts each kind
    ("Active uveitis or retinopathy", (RETINA,), (NONE,), ()),
    ("History of retinal detachment or retinal disease", (RETINA, RVO, AMD, CSR), (NONE,), ()),
    ("History or evidence of retinal pathology", (RETINA, RVO, AMD), (NONE,), ()),
    # a risk factor for RVO is no RVO: the bare abbreviation is not read
    ("Predisposing factors to RVO or CSR.", (), (), (NONE, RVO)),
    # "known and untreated" qualifies each disease: neither asked together with the other
    (
        "Known and untreated retinal vein occlusion or known and untreated proliferative diabetic retinopathy",
        (),
        (NONE,),
        (RVO, RETINA, AMD, CSR),  # (whether it is the untreated disease the line names: a person)
    ),
    # the qualifiers' "and" inside a list: every item an alternative
    # (whether the infection or diabetes is uncontrolled stays a person's: unknown beside them;
    # the first qualifier is the infection's, so a record with none of them is not excluded:
    # topics.infection_qualifiers)
    (
        "Patients with known HIV, uncontrolled and active infection, or uncontrolled diabetes",
        (HIV, INFECTION),
        (NONE,),
        (DIABETES,),
    ),
    ("Known HIV, active and uncontrolled infection, or hepatitis B", (HIV,), (), (INFECTION,)),
]


@pytest.mark.parametrize("text, facts, expected", outcome_cases(EXCLUSIONS))
def test_a_retinal_or_qualified_list_exclusion_is_decided_by_its_own_records(text, facts, expected):
    assert judged(parse_line(text, EXC), facts) is expected


@pytest.mark.parametrize(
    "connector, kept",
    [
        (
            ", uncontrolled medical conditions, uncontrolled and active ",
            ", uncontrolled medical conditions, uncontrolled active ",
        ),
        (", serious and uncontrolled ", ", serious uncontrolled "),
        (" or known and untreated proliferative diabetic ", " or known untreated proliferative diabetic "),
        (
            ", active and uncontrolled infection, or ",
            ", active and uncontrolled infection, or ",
        ),  # a list's gap goes on after it
        (" and active ", " and active "),  # no qualifier before the "and": two items
        (", uncontrolled and ", ", uncontrolled and "),  # nothing after it in the gap: the item is the next one
        (", active and hepatitis ", ", active and hepatitis "),  # no qualifier after it
    ],
)
def test_an_and_between_two_qualifiers_of_the_next_noun_is_blanked(connector, kept):
    from rules_engine.parser.qualifier_and import qualifiers_and_blanked

    assert qualifiers_and_blanked(connector) == kept


def test_the_qualifier_and_pattern_stays_fast_on_long_input():
    import time

    from rules_engine.parser.qualifier_and import qualifiers_and_blanked

    for text in (
        "active and uncontrolled " * 500,
        "active and " * 1000 + "x",
        " " * 5000 + "and",
        "known and untreated " * 800,
    ):
        t = time.perf_counter()
        qualifiers_and_blanked(text)
        assert time.perf_counter() - t < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
