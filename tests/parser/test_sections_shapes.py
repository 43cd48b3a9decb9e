"""The one splitter on the shapes registries write (synthetic texts in those shapes), on hostile
input in bounded time, and on the real corpus (read from ../shared at run time, never copied)."""

from __future__ import annotations

import csv
import gzip
import json
import sys
import time
from pathlib import Path

import pytest

from rules_engine.criteria import CriterionType, Review, ReviewReason
from rules_engine.parser import parse_criteria, split_criteria
from rules_engine.parser.criteria import DONOR_REVIEW

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

# (id, text, [(type, text, parent)] for every line)
SHAPES = [
    (
        "markdown headings set the type and are not lines",
        "Inclusion Criteria:\n\n* Age 18 or over\n\nExclusion Criteria:\n\n* Pregnant",
        [(I, "Age 18 or over", None), (E, "Pregnant", None)],
    ),
    (
        "heading spellings: key, caps, no colon, bulleted, one word",
        "Key Inclusion Criteria\n- A\nEXCLUSION CRITERIA:\n- B\n- Inclusion criteria\n- C\nExclusion:\n- D",
        [(I, "A", None), (E, "B", None), (I, "C", None), (E, "D", None)],
    ),
    (
        "a lettered part heading sets the type (A. INCLUSION / B. EXCLUSION)",
        "A. INCLUSION CRITERIA\n\n  1. Age 1 to 21\n\nB. EXCLUSION CRITERIA\n\nPatients will be excluded if:\n\n  1. Down syndrome",
        [(I, "Age 1 to 21", None), (E, "Patients will be excluded if:", None), (E, "Down syndrome", 1)],
    ),
    (
        "a heading scoped to a part of the study, with no colon, still sets the type",
        "Inclusion Criteria - for Phase I\n- A\nExclusion Criteria for the Expanded Cohort Phase\n- B",
        [(I, "A", None), (E, "B", None)],
    ),
    (
        "a heading whose parenthesis the registry wrapped onto the next line",
        "Exclusion Criteria (Patients meeting any of the following criteria are ineligible for\n"
        "        participation in the trial):\n\n  -  Pregnant",
        [(E, "Pregnant", None)],
    ),
    (
        "'Exclusion criteria for X apply' with a verb is a criterion's sentence, not a heading",
        "Inclusion Criteria:\n- Exclusion criteria for the donor apply as listed.",
        [(I, "Exclusion criteria for the donor apply as listed.", None)],
    ),
    (
        "a criterion on the heading's own line",
        "Inclusion Criteria: Age 18 or over\nExclusion Criteria:\n- Pregnant",
        [(I, "Age 18 or over", None), (E, "Pregnant", None)],
    ),
    (
        "'Inclusion of ...' is a criterion, not a heading",
        "Inclusion of patients with measurable disease",
        [(I, "Inclusion of patients with measurable disease", None)],
    ),
    (
        "numbered, lettered, parenthesised and circled markers",
        "Inclusion Criteria:\n1. A\n2) B\n(3) C\na) D\nb. E\n① F\n4、G",
        [(I, t, None) for t in "ABCDEFG"],
    ),
    (
        "the API's escapes reach the text and are removed",
        "Inclusion Criteria:\n* ANC \\> 1.5 x 10\\^9/L\n* Age \\>\\= 18\n2\\. Creatinine \\< 1.5 mg/dL\n\\* footnote \\[a\\]",
        [(I, "ANC > 1.5 x 10^9/L", None), (I, "Age >= 18", None), (I, "Creatinine < 1.5 mg/dL", None), (I, "footnote [a]", None)],
    ),
    (
        "nesting by indentation and wrapped continuations",
        "Inclusion Criteria:\n* Adequate organ function:\n  * ANC >= 1.5\n    measured at screening\n  * Platelets >= 100\n* ECOG 0-1",
        [(I, "Adequate organ function:", None), (I, "ANC >= 1.5 measured at screening", 0), (I, "Platelets >= 100", 0), (I, "ECOG 0-1", None)],
    ),
    (
        "plain lines under an item ending ':' are one child each",
        "-\nAdequate function, defined as:\nCreatinine < 1.5 mg/dL; ALT < 3 x ULN.\nNo pleural effusion.",
        [(I, "Adequate function, defined as:", None), (I, "Creatinine < 1.5 mg/dL; ALT < 3 x ULN.", 0), (I, "No pleural effusion.", 0)],
    ),
    (
        "a sentence wrapped under a list heading stays one child",
        "Options:\n\nThe disease must be one for which there is no known\ncurative therapy.",
        [(I, "Options:", None), (I, "The disease must be one for which there is no known curative therapy.", 0)],
    ),
    (
        "lettered alternatives joined by an OR line are one line",
        "Inclusion Criteria:\n* Measurable disease defined as:\n  a) CT lesion >= 10 mm\n  OR\n  b) PSA >= 2 ng/mL",
        [(I, "Measurable disease defined as:", None), (I, "CT lesion >= 10 mm OR PSA >= 2 ng/mL", 0)],
    ),
    (
        "numbered items ending 'or' are one line",
        "Inclusion Criteria:\n* Renal function:\n  1. creatinine < 1.5 mg/dL or\n  2. creatinine clearance > 45 mL/min",
        [(I, "Renal function:", None), (I, "creatinine < 1.5 mg/dL or creatinine clearance > 45 mL/min", 0)],
    ),
    (
        "a re-indented first item: the next items are its siblings, not its list's alternatives",
        "  - B-ALL, with any of the following:\n\n       - refractory\n\n       - relapsed\n\n    - Blasts > 5%\n\n    - ECOG <= 2",
        [(I, "B-ALL, with any of the following:", None), (I, "refractory", 0), (I, "relapsed", 0), (I, "Blasts > 5%", None), (I, "ECOG <= 2", None)],
    ),
    (
        "an item nearer its list's indent than its parent's stays in the list",
        "  - Organ function:\n\n          - ANC >= 1.5\n\n         - Platelets >= 100\n\n  - ECOG <= 2",
        [(I, "Organ function:", None), (I, "ANC >= 1.5", 0), (I, "Platelets >= 100", 0), (I, "ECOG <= 2", None)],
    ),
    (
        "an OR before a different kind of item joins nothing",
        "Inclusion Criteria:\nCreatinine < 2 x ULN OR\n\n- Able to give consent",
        [(I, "Creatinine < 2 x ULN OR", None), (I, "Able to give consent", None)],
    ),
    (
        "exclusion items ending 'or' stay apart (each already excludes)",
        "Exclusion Criteria:\n- HIV, or\n- Hepatitis B",
        [(E, "HIV, or", None), (E, "Hepatitis B", None)],
    ),
    (
        "prose paragraphs are lines, split at blank lines only",
        "Patients must be 18 or older and have\nan ECOG of 0-1.\n\nNo prior chemotherapy. Prior surgery is allowed.",
        [(I, "Patients must be 18 or older and have an ECOG of 0-1.", None), (I, "No prior chemotherapy. Prior surgery is allowed.", None)],
    ),
    (
        "a heading with 'exclusion' in it switches the type",
        "Inclusion Criteria:\n- A\nExclusion criteria for cohort B:\n- B",
        [(I, "A", None), (E, "Exclusion criteria for cohort B:", None), (E, "B", 1)],
    ),
    (
        "older layout: sections and labels, the label the parent of its lines",
        "DISEASE CHARACTERISTICS:\n  - Acute myeloid leukemia\nPATIENT CHARACTERISTICS:\nAge:\n  - Under 80\nPerformance status\n  - ECOG 0-2",
        [
            (I, "DISEASE CHARACTERISTICS:", None),
            (I, "Acute myeloid leukemia", 0),
            (I, "PATIENT CHARACTERISTICS:", None),
            (I, "Age:", 2),
            (I, "Under 80", 3),
            (I, "Performance status", 2),
            (I, "ECOG 0-2", 5),
        ],
    ),
    (
        "older layout, flowed: split at labels, then where criteria run into each other",
        "PATIENT CHARACTERISTICS: Age: 18 to 65 Hematopoietic: WBC at least 3,000 Platelets at\n"
        "least 75,000 Hepatic: Bilirubin no greater than 1.5 mg/dL AST no greater than 2 times normal\n"
        "Other: Not pregnant or nursing No known HIV infection",
        [
            (I, "PATIENT CHARACTERISTICS:", None),
            (I, "Age:", 0),
            (I, "18 to 65", 1),
            (I, "Hematopoietic:", 0),
            (I, "WBC at least 3,000", 3),
            (I, "Platelets at least 75,000", 3),
            (I, "Hepatic:", 0),
            (I, "Bilirubin no greater than 1.5 mg/dL", 6),
            (I, "AST no greater than 2 times normal", 6),
            (I, "Other:", 0),
            (I, "Not pregnant or nursing", 9),
            (I, "No known HIV infection", 9),
        ],
    ),
    (
        "flowed run-on text never splits after a function word",
        "DISEASE CHARACTERISTICS: Confirmed by Pathology Department review with known Gilbert syndrome",
        [(I, "DISEASE CHARACTERISTICS:", None), (I, "Confirmed by Pathology Department review with known Gilbert syndrome", 0)],
    ),
    (
        "a donor sub-heading scopes the donor's lines until the next heading",
        "Inclusion Criteria:\nPatient:\n- Age 18 or over\nDonor Inclusion Criteria:\n- Age 18 to 60\nExclusion Criteria:\n- HIV",
        [(I, "Patient:", None), (I, "Age 18 or over", 0), (I, "Donor Inclusion Criteria:", None), (I, "Age 18 to 60", 2), (E, "HIV", None)],
    ),
    (
        "a bulleted donor heading and a RECIPIENT heading",
        "Inclusion Criteria:\n- ECOG 0-1\n- Donor Inclusion Criteria\n- Sibling 18-70 years\nRECIPIENT:\n- No HIV",
        [(I, "ECOG 0-1", None), (I, "Donor Inclusion Criteria", None), (I, "Sibling 18-70 years", 1), (I, "RECIPIENT:", None), (I, "No HIV", 3)],
    ),
    (
        "a 'Recipient criteria:' heading ends the donor's section: the patient's lines are not the donor's",
        "Inclusion Criteria:\n\n  Donor criteria:\n\n    -  Donor is 18 to 70 years\n\n  Recipient criteria:\n\n    -  18 to 65 years\n",
        [(I, "Donor criteria:", None), (I, "Donor is 18 to 70 years", 0), (I, "Recipient criteria:", None), (I, "18 to 65 years", 2)],
    ),
    (
        "a list of diagnoses ends at the first requirement written at its level: that is a requirement, no alternative",
        "Inclusion Criteria:\n\nPatient must have one of the following diagnoses:\n\n  -  AML in relapse\n\n  -  MM Stage 2-3\n\n"
        "  -  Adequate cardiac function with LVEF >= 40%\n\n  -  ECOG performance status of 0 or 1\n",
        [(I, "Patient must have one of the following diagnoses:", None), (I, "AML in relapse", 0), (I, "MM Stage 2-3", 0),
         (I, "Adequate cardiac function with LVEF >= 40%", None), (I, "ECOG performance status of 0 or 1", None)],
    ),
    (
        "a patient's need of a donor is the patient's criterion",
        "Inclusion Criteria:\n- HLA-matched sibling donor available\n- Donor available, meeting 1 of the following criteria:",
        [(I, "HLA-matched sibling donor available", None), (I, "Donor available, meeting 1 of the following criteria:", None)],
    ),
    (
        "control characters and Unicode spaces are spaces; CR and CRLF end lines",
        "Inclusion Criteria:\r\n* Age\u00a0\u2003\u3000≥\x0b18\x00\r* ECOG\u2028 0-1",
        [(I, "Age ≥ 18", None), (I, "ECOG 0-1", None)],
    ),
    ("empty text has no lines", "", []),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=i) for i, t, e in SHAPES])
def test_splitter_reads_the_shape(text, expected):
    assert [(line.type, line.text, line.parent) for line in split_criteria(text)] == expected


DONOR_TEXT = "Inclusion Criteria:\n- ECOG 0-1\nDONOR:\n- Age 18 to 60\n- HIV negative\nExclusion Criteria:\n- DONOR: Pregnant\n- HIV"


def test_donor_lines_are_marked_by_the_splitter():
    assert [line.donor for line in split_criteria(DONOR_TEXT)] == [False, True, True, True, True, False]


def test_donor_lines_are_review_lines_that_say_so_never_the_patients_criteria():
    criteria = parse_criteria(DONOR_TEXT)
    for criterion in criteria[1:5]:
        assert criterion.expr == Review(ReviewReason.UNSUPPORTED_CONCEPT, DONOR_REVIEW), criterion.text
    assert not isinstance(criteria[0].expr, Review) and not isinstance(criteria[5].expr, Review)


def test_an_age_line_under_a_flowed_age_label_is_read_as_an_age_bound():
    criteria = parse_criteria("PATIENT CHARACTERISTICS: Age: Under 80 Performance status: ECOG 0-2")
    under = next(c for c in criteria if c.text == "Under 80")
    assert under.expr.concept == "age" and under.expr.value == 80


def test_the_seed_importer_and_the_text_splitter_agree_on_a_headed_page():
    from trials.importers.lines import split_text

    text = "Inclusion Criteria\n  1. Age ≥18\n  2. ECOG ≤2\nExclusion Criteria\n  1. HIV"
    assert [(c.type, c.text, c.parent, c.source_line) for c in split_text(text)] == [
        ("inclusion", "Age ≥18", None, 2), ("inclusion", "ECOG ≤2", None, 3), ("exclusion", "HIV", None, 5)
    ]


# --- hostile input: bounded time, no crash ------------------------------------------------------

_UNICODE_SPACES = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())

HOSTILE = [
    ("100,000 characters on one line", "Inclusion Criteria:\n* " + "age 18 (" * 12_500),
    ("100,000 spaces inside a heading", "Inclusion" + " " * 100_000 + "x"),
    ("5,000 lines", "Inclusion Criteria:\n" + "\n".join(f"* ECOG {i % 3} or" for i in range(5_000))),
    ("5,000 continuation lines", "Inclusion Criteria:\n* start\n" + "\n".join("more text of the item" for _ in range(5_000))),
    ("5,000 nested lines", "\n".join(" " * (i % 300) + "- x:" for i in range(5_000))),
    ("control characters", "".join(chr(i) for i in range(32)) * 3_000),
    ("unbalanced parentheses", "Inclusion Criteria (" + "(" * 50_000 + "\n* a" + ")" * 50_000),
    ("every Unicode space", "Inclusion Criteria:\n* a" + _UNICODE_SPACES * 1_000 + "b"),
    ("a flowed paragraph of 100,000 characters", "PATIENT CHARACTERISTICS: " + "Age: 18 Hepatic: Bilirubin 2 mg/dL No HIV " * 2_300),
    ("100,000 colons and bullets", ":" * 50_000 + "\n" + "- " * 50_000),
    ("5,000 donor headings", "\n".join("Donor criteria:\n- x" for _ in range(2_500))),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in HOSTILE])
def test_hostile_text_splits_in_bounded_time(text):
    # CPU time, not the wall clock: a backtracking pattern costs minutes of CPU, while a machine
    # busy with other work stretched the wall clock of a 0.2 s split past the bound
    started = time.process_time()
    lines = split_criteria(text)
    assert time.process_time() - started < 2.0
    assert all(isinstance(line.text, str) and line.text == line.text.strip() for line in lines)


# --- the real corpus (read at run time) -------------------------------------------------------


def _corpus_texts() -> list[str]:
    texts: list[str] = []
    v2 = CORPUS / "ctgov-v2-nsclc-phase3.json.gz"
    old = CORPUS / "oncology-trials-criteria.csv.gz"
    if not (v2.exists() and old.exists()):
        pytest.skip("corpus not present")
    with gzip.open(v2, "rt", encoding="utf-8") as fh:
        texts += [s["protocolSection"]["eligibilityModule"].get("eligibilityCriteria", "") for s in json.load(fh)]
    csv.field_size_limit(1 << 30)
    with gzip.open(old, "rt", encoding="utf-8") as fh:
        texts += [row["criteria"] for row in csv.DictReader(fh)]
    return texts


@pytest.fixture(scope="module")
def corpus_lines():
    return [split_criteria(text) for text in _corpus_texts()]


def test_every_corpus_line_points_back_to_an_earlier_heading(corpus_lines):
    for lines in corpus_lines:
        for index, line in enumerate(lines):
            assert line.parent is None or (0 <= line.parent < index and lines[line.parent].heading)


def test_no_corpus_line_keeps_an_api_escape_or_a_bare_marker(corpus_lines):
    for lines in corpus_lines:
        for line in lines:
            assert line.text and "\\>" not in line.text and "\\<" not in line.text and line.text not in ("-", "*")


def test_the_older_layout_is_split_by_its_labels_never_left_whole(corpus_lines):
    pdq = [lines for lines in corpus_lines if any(line.text == "PATIENT CHARACTERISTICS:" for line in lines)]
    assert len(pdq) > 100
    for lines in pdq:
        section = next(i for i, line in enumerate(lines) if line.text == "PATIENT CHARACTERISTICS:")
        assert any(line.parent is not None for line in lines[section + 1:])
        assert max(len(line.text) for line in lines) < 2_000


def test_donor_sections_of_the_corpus_are_marked(corpus_lines):
    donors = [line for lines in corpus_lines for line in lines if line.donor]
    assert len(donors) >= 50
    assert all("donor" in line.text.lower() or line.parent is not None for line in donors)
