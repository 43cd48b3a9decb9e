"""Shapes the T141-T145 holdout trials (brentuximab vedotin or an LSD1, HDAC or PD-L1 inhibitor
with azacitidine, in relapsed/refractory AML and higher-risk MDS; ``test_holdout_trials``)
misread, each fixed in its general form and pinned here with real corpus lines
(``../shared/corpus`` criteria texts; counts are over its 1,883 trials):

* A finished sentence written left of the bulleted list it stands in ("  - History of or
  concurrent malignancy of solid tumours, except for below:" / "Exception: Subjects who have been
  disease-free for 2 years ... are eligible." / "  - Prior treatment with temozolomide ..."; also
  "Note: Prior use of bevacizumab is allowed." and the like, 24 corpus trials, 283 lines) is a note
  between the items, not a heading: the bullets after it are the list's own. Nested under the
  note, every later exclusion became one alternative of it, joined with its unread words, and
  decided nothing (ten patients of one trial eligible where a line excludes them). A lead-in that
  announces its list ("... any of the following.") still heads it.
* "At least 24 hours since prior hydroxyurea" (a washout in hours on a named product; 5 corpus
  lines) is read as the washouts in days are: no such product on record meets it, one on record
  is dated by its own record (an undated one leaves it to a person). Unread, a patient taking
  hydroxyurea now was eligible.
* "cerebral vascular accident", "cerebrovascular event(s)", "cerebro-vascular accident" (27
  corpus lines) are the stroke "cerebrovascular accident" is: unread, "Documented history of a
  cerebral vascular event (stroke or transient ischemic attack) ... within 6 months" left a
  review where a stroke on record decides.
* "History of progressive multifocal leukoencephalopathy (PML)" (9 corpus lines, the antibody
  trials') has its concept (ICD-10-CM A81.2, SNOMED CT 22255007): unread, a patient with PML on
  record was possibly eligible. "PML" alone is the APL fusion gene's name ("PML-RARA") as often,
  so only the disease's words are read.
* The PARP class spelt out with "adenosine diphosphate" or hyphens ("poly adenosine diphosphate
  (ADP) ribose polymerase (PARP) inhibitors", "Poly-(ADP-ribose)-Polymerase"; 3 corpus lines) is
  the class "poly (ADP-ribose) polymerase" already was: unread, a patient given olaparib was not
  excluded.
* A brand named in an allergy line ("Known hypersensitivity to ... Vidaza", "hypersensitivity to
  Herceptin", "Known hypersensitivity to Velcade"; 27 corpus lines name one of the brands Eligo
  knows) is asked with its generic, as a product named as prior therapy already was: an allergy a
  record writes by the generic ("azacitidine") was not one to "Vidaza" (unknown where it excludes).
* "History of allergic reactions attributed to compounds of similar chemical or biologic
  composition to cisplatin or etoposide" (the NCI wording, 92 corpus lines) names the products
  last: the "or" between "chemical" and "biologic" split it into two unread halves, and every
  patient was unknown, one allergic to the named drug too. Read as "allergic reactions to
  cisplatin or etoposide (or similar compounds)": an allergy
  to a named product meets it, none on record clears it, another allergy is a person's.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.sections import split_criteria
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, allergy, condition, medication

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION


def hydroxyurea(days_ago: int | None) -> PatientFacts:
    return adult(medication("named_medication", days_ago, quote="hydroxyurea", words="hydroxyurea"))


ROWS = [
    # -- a washout in hours on a named product
    ("At least 24 hours since prior hydroxyurea", I, [adult(), hydroxyurea(3)], [hydroxyurea(0)], [hydroxyurea(None)]),
    (
        "At least 72 hours since prior aspirin",
        I,
        [adult(), adult(medication("named_medication", 5, quote="aspirin", words="aspirin"))],
        [adult(medication("named_medication", 1, quote="aspirin", words="aspirin"))],
        [adult(medication("named_medication", None, quote="aspirin", words="aspirin"))],
    ),
    # -- a cerebral vascular event is a stroke (or a TIA)
    (
        "History of cerebral vascular accident within 6 months",
        E,
        [adult(condition("stroke", 60))],
        [adult(), adult(condition("stroke", 400))],
        [],
    ),
    ("Cerebrovascular events within the past 6 months", E, [adult(condition("stroke", 60))], [adult()], []),
    ("History of cerebro-vascular accident", E, [adult(condition("stroke", 900))], [adult()], []),
    # -- progressive multifocal leukoencephalopathy
    ("History of progressive multifocal leukoencephalopathy (PML)", E, [adult(condition("pml", 500))], [adult()], []),
    (
        "Participants with a history of confirmed progressive multifocal leukoencephalopathy (PML)",
        E,
        [adult(condition("pml", 500))],
        [adult()],
        [],
    ),
    # -- the PARP class spelt out
    (
        "Prior treatment with poly adenosine diphosphate (ADP) ribose polymerase (PARP) inhibitors",
        E,
        [adult(medication("parp_inhibitor", 900))],
        [adult()],
        [],
    ),
    (
        "Prior treatment with Poly-(ADP-ribose)-Polymerase (PARP) inhibitors",
        E,
        [adult(medication("parp_inhibitor", 900))],
        [adult()],
        [],
    ),
    # -- an allergy to a brand is one to its generic
    (
        "Known hypersensitivity to Velcade",
        E,
        [adult(allergy("bortezomib")), adult(allergy("Velcade"))],
        [adult(), adult(allergy("penicillin"))],
        [],
    ),
    (
        "Known hypersensitivity to HDAC inhibitors, to any of the components of MG-0103 or Vidaza, including mannitol",
        E,
        [adult(allergy("azacitidine"))],
        [adult()],
        [adult(allergy("penicillin"))],
    ),
    # -- the NCI allergy wording, the products last
    (
        "History of allergic reactions attributed to compounds of similar chemical or biologic composition to cisplatin or etoposide",
        E,
        [adult(allergy("etoposide"))],
        [adult()],
        [adult(allergy("penicillin"))],
    ),
    (
        "History of allergic reactions attributed to compounds of similar chemical or biologic composition to gemcitabine, nab-paclitaxel or "
        "enzalutamide.",
        E,
        [adult(allergy("gemcitabine"))],
        [adult()],
        [adult(allergy("sulfonamides"))],
    ),
    (
        "No history of allergic reactions attributed to compounds of similar chemical or biologic composition to PXD101 or Azacitidine",
        I,
        [adult()],
        [adult(allergy("azacitidine"))],
        [adult(allergy("penicillin"))],
    ),
    (
        "No history of an allergic reaction attributed to compounds of similar chemical or biologic composition to oxaliplatin, cetuximab, "
        "capecitabine, or bevacizumab",
        I,
        [adult()],
        [adult(allergy("oxaliplatin"))],
        [],
    ),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_t14x_holdout_shape_is_read_for_what_it_asks(
    text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(parse_line(text, kind), facts) is expected


EXCEPTION_NOTE = """Exclusion Criteria:

          -  History of or concurrent malignancy of solid tumours, except for below:

        Exception: Subjects who have been disease-free for 2 years, or subjects with a history of
        completely resected non-melanoma skin cancer or successfully treated in situ carcinoma are
        eligible.

          -  Prior treatment with temozolomide, dacarbazine or procarbazine

          -  Lactating female
"""

NOTE_ONE_LINE = """Exclusion Criteria:

          -  Prior treatment with bevacizumab within 40 days.

        Note: Prior use of bevacizumab is allowed.

          -  Known HIV infection
"""

LEAD_IN = """Exclusion Criteria:

          -  Known HIV infection

        Patients with any of the following conditions are excluded.

          -  Unstable angina

          -  Myocardial infarction within 6 months
"""


@pytest.mark.parametrize(
    "text, line",
    [
        (EXCEPTION_NOTE, "Prior treatment with temozolomide, dacarbazine or procarbazine"),
        (EXCEPTION_NOTE, "Lactating female"),
        (NOTE_ONE_LINE, "Known HIV infection"),
    ],
    ids=["exception-paragraph", "exception-paragraph-last", "note-line"],
)
def test_a_bullet_after_a_note_between_the_items_stands_on_its_own(text: str, line: str) -> None:
    lines = split_criteria(text)
    assert next(x for x in lines if x.text == line).parent is None


def test_a_note_between_the_items_heads_nothing() -> None:
    assert not any(x.heading for x in split_criteria(EXCEPTION_NOTE) if x.text.startswith("Exception:"))


@pytest.mark.parametrize("line", ["Unstable angina", "Myocardial infarction within 6 months"])
def test_a_left_written_lead_in_announcing_its_list_still_heads_it(line: str) -> None:
    lines = split_criteria(LEAD_IN)
    head = next(i for i, x in enumerate(lines) if x.text.startswith("Patients with any of the following"))
    assert next(x for x in lines if x.text == line).parent == head


@pytest.mark.parametrize(
    "code, system",
    [("A81.2", "http://hl7.org/fhir/sid/icd-10-cm"), ("22255007", "http://snomed.info/sct")],
    ids=["icd10cm", "snomed"],
)
def test_the_intake_reads_progressive_multifocal_leukoencephalopathy(code: str, system: str) -> None:
    from matcher.intake import normalise, validate_bundle
    from tests.fixtures.holdout import fhir as f

    resources = [
        f.patient("t14x", 60, "male"),
        f.condition(code, "Progressive multifocal leukoencephalopathy", system=system, onset=500),
    ]
    facts = normalise(validate_bundle(f.bundle("t14x", resources))).facts
    assert "pml" in facts.events


def test_the_apl_fusion_gene_is_no_leukoencephalopathy() -> None:
    assert "PML" not in render_rule(parse_line("Presence of the PML-RARA fusion transcript", E).expr, None)
