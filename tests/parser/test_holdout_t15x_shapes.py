"""Shapes the T151-T155 holdout trials (dasatinib with nivolumab for Ph+ ALL; dasatinib in
children; UCN-01 with perifosine; clofarabine with cyclophosphamide; pracinostat in children:
relapsed/refractory lymphoblastic and mixed-lineage acute leukaemia; ``test_holdout_trials``)
misread, each fixed in its general form and pinned here with real corpus lines
(``../shared/corpus`` criteria texts; counts are over its 1,883 trials):

* A heading that asks something of its own and then one of its list ("Normal 12-lead EKG with
  corrected QTc < 450 msec AND meets 1 of the following criteria:", "Patients must be previously
  untreated and meet at least one of the following indications for chemotherapy:", "Bone
  metastases and one of the following:"; 14 corpus lines, 9 trials read differently) keeps the
  lead before "and" as a requirement beside the list's alternatives. Read as a lead-in, the
  lead was dropped and the list alone decided: a QTc of 470 met the EKG line by a normal LVEF,
  a treated patient the "previously untreated" one.
* A scope written after a requirement that names one subject two ways ("Measurable or evaluable
  disease (for patients with solid tumors)"; the "or" joins no two subjects) concerns that
  requirement whole: left unscoped, the scope was read as a requirement (AND solid tumour) and
  every leukaemia failed it. One corpus line read differently; "A or B for patients with C" with
  two subjects stays as read (whether C scopes B alone is not said).
* A transplant's bracketed abbreviation ("At least 4 weeks since prior autologous stem cell
  transplantation (SCT)", "... allogeneic stem cell transplant (SCT) or rescue", "... (ASCT)")
  glosses the transplant just named: read on its own, "SCT" was a second transplant of any kind,
  asked beside the washout (everyone without a transplant failed) or as its alternative (a
  transplant last month met the 6-month washout). Inclusions only, and not where the bracket
  carries a span of its own ("(BMT) at least 3 months prior to ..."); 5 corpus lines read
  differently.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import Criterion, CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_criteria, parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, lab, medication, procedure, result

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION


def heading(text: str, starts: str) -> Criterion:
    """The line of a criteria text that starts so, as its trial reads it (children joined)."""
    return next(c for c in parse_criteria(text) if c.text.startswith(starts))


EKG = """Inclusion Criteria:

          -  Normal 12-lead EKG with corrected QTc < 450 msec AND meets 1 of the following
             criteria:

               -  Shortening fraction normal

               -  Ejection fraction normal

          -  No evidence of dyspnea at rest
"""

UNTREATED = """Inclusion Criteria:

          -  Patients must be previously untreated and meet at least one of the following
             indications for chemotherapy:

               -  Progressive marrow failure

               -  Drenching night sweats without evidence of infection
"""


@pytest.mark.parametrize(
    "text, starts, facts, expected",
    [
        (EKG, "Normal 12-lead EKG", adult(lab("qtc", 470, "ms"), lab("lvef", 60, "%")), Outcome.NOT_MET),
        (EKG, "Normal 12-lead EKG", adult(lab("qtc", 420, "ms"), lab("lvef", 60, "%")), Outcome.UNKNOWN),
        (UNTREATED, "Patients must be previously untreated", adult(medication("chemotherapy", 200)), Outcome.NOT_MET),
    ],
    ids=["ekg-qtc-470", "ekg-qtc-420-normal-unread", "untreated-lead-treated"],
)
def test_a_heading_asking_its_own_and_one_of_its_list_keeps_its_own(text: str, starts: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(heading(text, starts), facts) is expected


@pytest.mark.parametrize(
    "text, kind, facts, expected",
    outcome_cases(
        [
            (
                "Measurable or evaluable disease (for patients with solid tumors)",
                I,
                [adult(condition("all", 100)), adult(condition("solid_tumor", 100), result("measurable_disease", "positive"))],
                [],
                [adult(condition("solid_tumor", 100), result("measurable_disease", "negative"))],  # evaluable disease may qualify
            ),
            ("At least 4 weeks since prior autologous stem cell transplantation (SCT)", I, [adult(), adult(procedure("auto_hsct", 200))],
             [adult(procedure("auto_hsct", 10))], []),
            ("At least 6 months since prior allogeneic stem cell transplant (SCT)", I, [adult(), adult(procedure("allo_hsct", 400))],
             [adult(procedure("allo_hsct", 30))], []),
        ]
    ),
)
def test_a_scope_or_a_gloss_is_read_with_the_requirement_it_belongs_to(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected
