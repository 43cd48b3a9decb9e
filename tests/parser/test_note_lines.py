"""Registry notes and system labels (issue 14, the families left open): what a "NOTE:" is, and
what "Cardiac disease:" heads (rules_engine.parser.notes).

Per sub-shape, as chosen:

* a top-level note that only permits widens another line and asks nothing: no requirement;
* a note that also forbids, requires or restricts is read as the criterion it states;
* a note under the line it annotates stays that line's exception (read with it);
* the PDQ layout's note on lymphoma terminology explains words: taken out of the line it was
  run into (it made "adult" an age >= 18 and "lymphoma" a diagnosis of a line about donors);
* "Cardiac disease:" heads the diseases after it: never one of them, and a label alone asks
  nothing of its own, alone or over a list.

The wordings are the corpus's own; every case is judged by both evaluators.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line, parse_lines
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, healthy, medication, score

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

PDQ_TERMINOLOGY = (
    " NOTE: A new classification scheme for adult non-Hodgkin's lymphoma has been adopted by PDQ. The terminology of \"indolent\" or "
    "\"aggressive\" lymphoma will replace the former terminology of \"low\", \"intermediate\", or \"high\" grade lymphoma. However, this "
    "protocol uses the former terminology."
)

# (line, type, rule)
READINGS = [
    # a top-level note that only permits
    ("Note: Prior use of bevacizumab is allowed.", EXC, "not no requirement"),
    ("NOTE: patients on a stable dose of bisphosphonates or denosumab > 30 days prior to registration are acceptable", EXC, "not no requirement"),
    ("Note: Subjects with =< grade 2 neuropathy are an exception to this criterion and may qualify for the study", EXC, "not no requirement"),
    ("Note: Patients with refractory or relapsed disease in the central nervous system will be eligible", INC, "no requirement"),
    ("(NOTE: Low dose chemotherapy or maintenance chemotherapy given within 7 days of planned study enrollment is permitted; these include: "
     "hydroxyurea, 6-meraptopurine, oral methotrexate)", EXC, "not no requirement"),
    # a note that restricts, forbids or requires stays a criterion
    # (which cohorts still enrol is the study's to say, a person's: never its disease as a requirement,
    # tests/parser/test_enrolment_status_notes.py)
    ("NOTE: As of May 2013, enrollment of solid tumor participants was completed. Participants with a diagnosis of leukemia continue to be enrolled.",
     INC, "review ambiguous"),
    ("Note: Patients with CLL, SLL, or mantle cell lymphoma (MCL) may only be enrolled in Stratum C", INC,
     'not (CLL or SLL or mantle-cell-lymphoma) or review unparsed "in Stratum C"'),
    # the terminology note is taken out of the line it was run into
    ("No prior lymphoma, Hodgkin's lymphoma, myelodysplastic syndromes, or leukemia" + PDQ_TERMINOLOGY, INC, "not (lymphoma or Hodgkin-lymphoma or MDS)"),
    ("All disease must be encompassable in a single radiation port (including any site of resected disease)" + PDQ_TERMINOLOGY, INC,
     "review unsupported"),
    # a footnote to another line's starred term, run into an item without a star: taken off
    # when it only explains or permits, kept when it states a requirement
    ("No other concurrent investigational therapy NOTE: *Patients who relapse during ALL maintenance therapy do not require a waiting period.",
     INC, 'not (investigational-agent within 28 days or (investigational-agent within 56 days and review ambiguous '
     '"whether a course given 4 to 8 weeks ago is still under way"))'),
    ("No concurrent sargramostim (GM-CSF) NOTE: *Insertion of a vascular device is not considered major or minor surgery", INC,
     'not (growth-factor within 28 days or (growth-factor within 56 days and review ambiguous "whether a course given 4 to 8 weeks ago is still '
     'under way") or review unparsed "concurrent sargramostim")'),
    ("Irradiated lesions unless disease progression was documented after prior radiotherapy NOTE: *Patients with PSA ≥ 5 ng/mL only are not "
     "eligible", INC, 'review unsupported "Irradiated lesions" and not PSA >= 5 ng/mL'),
    ("Salivary glands NOTE: *Primary site must be identified", INC, "review unparsed"),
    # a star in the item: the footnote is this line's own
    ("Stage IIIB* or IV disease NOTE: *Due to malignant pleural effusion or supraclavicular lymph node involvement only", INC, "review unsupported"),
    # a system's label heads what follows
    ("Cardiac disease: Congestive heart failure > class II NYHA. Patients must not have unstable angina (anginal symptoms at rest) or new onset "
     "angina (began within the last 3 months) or myocardial infarction within the past 6 months.", EXC,
     '(heart-failure and NYHA > 2) or unstable-angina or (angina within 3 months and review unparsed "new onset") or '
     'myocardial-infarction within 6 months'),
    ("Autoimmune disease: subjects with a documented history of inflammatory bowel disease (including Crohn's disease and ulcerative colitis) "
     "are excluded from this study", EXC, "inflammatory-bowel-disease"),
    ("Cardiac disease:", EXC, "not no requirement"),
    ("Cardiovascular disorders:", EXC, "not no requirement"),
    # a label the catalogue reads over a definition it cannot: the definition (unread) decides,
    # so the line is never met nor cleared by the lung disease alone
    ("Lung disease: in adults, overt hypoxemia", EXC, '(lung-disease and review unparsed "in adults") or review unparsed "overt hypoxemia"'),
]


@pytest.mark.parametrize("text,ctype,rule", READINGS, ids=[r[0][:50] for r in READINGS])
def test_a_note_or_label_reads_as_chosen(text, ctype, rule):
    criterion = parse_line(text, ctype)
    assert render_rule(criterion.expr, criterion.applies_if) == rule


def test_a_permitting_note_under_a_line_stays_its_exception():
    lines = parse_lines([
        (EXC, "Uncontrolled central nervous system (CNS) metastases", None),
        (EXC, "NOTE: metastases have been treated by surgery and/or radiotherapy and patients have been neurologically stable and off of "
              "steroids > 12 weeks are eligible", 0),
    ])
    assert render_rule(lines[1].expr) != "not no requirement"
    assert "review" in render_rule(lines[0].expr)


HEART_FAILURE = adult(condition("heart_failure"), score("nyha", 3))
ATRIAL_FIBRILLATION = adult(condition("arrhythmia"))
CROHN = adult(condition("inflammatory_bowel_disease"))
NONE = adult()

# (line, type, met, not met, unknown)
ROWS = [
    ("Cardiac disease: Congestive heart failure > class II NYHA. Patients must not have unstable angina (anginal symptoms at rest) or new onset "
     "angina (began within the last 3 months) or myocardial infarction within the past 6 months.", EXC,
     (HEART_FAILURE,), (ATRIAL_FIBRILLATION, NONE), ()),  # "(anginal symptoms at rest)" defines the unstable angina (read with the label, any arrhythmia excluded)
    # Crohn's disease coded alone excludes (read with the label, both were asked at once)
    ("Autoimmune disease: subjects with a documented history of inflammatory bowel disease (including Crohn's disease and ulcerative colitis) "
     "are excluded from this study", EXC, (CROHN,), (NONE,), ()),
    ("Note: Prior use of bevacizumab is allowed.", EXC, (), (NONE, adult(medication("bevacizumab"))), ()),
    # the footnote made every patient without a relapsed ALL fail the line
    ("No other concurrent investigational therapy NOTE: *Patients who relapse during ALL maintenance therapy do not require a waiting period.",
     INC, (NONE, adult(condition("aml"))), (adult(medication("investigational_agent", 10)),), ()),
    # a 16-year-old without lymphoma meets it (the note made it ask age >= 18 and a lymphoma)
    ("No prior lymphoma, Hodgkin's lymphoma, myelodysplastic syndromes, or leukemia" + PDQ_TERMINOLOGY, INC,
     (healthy(years=16),), (adult(condition("lymphoma")),), ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_notes_and_labels_are_judged_as_chosen(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


def test_a_label_over_a_list_is_its_title():
    """'History of cardiac disease:' over its diseases: the heading holds when one of them does."""
    lines = parse_lines([
        (EXC, "History of cardiac disease:", None),
        (EXC, "Active coronary artery disease (CAD).", 0),
        (EXC, "Congestive heart failure > class II NYHA", 0),
    ])
    assert render_rule(lines[0].expr) == "coronary-artery-disease or (heart-failure and NYHA > 2)"


def test_a_label_among_siblings_asks_nothing():
    lines = parse_lines([
        (EXC, "Significant medical co-morbidities as described below:", None),
        (EXC, "Cardiac disease:", 0),
        (EXC, "Congestive heart failure > class II NYHA", 0),
    ])
    assert render_rule(lines[0].expr) == "heart-failure and NYHA > 2"
