"""The conduction blocks and the slow rhythm ECG lines exclude (issue 14, safety rule 1): "Significant
screening ECG abnormalities including left bundle branch block, 2nd degree AV block type II, 3rd
degree block, bradycardia, and QTc > 470 msec", "No second or third degree heart block", "resting
bradycardia (< 50 beats per minute)", "active conduction system abnormalities" (about 130 corpus
lines). With no concept every block and every bradycardia was a review, and a patient coded with a
left bundle branch block (ICD-10-CM I44.7) or a bradycardia (R00.1) was answered eligible.

* Each block has its concept, the narrowest the words say; a record that names only a wider kind
  leaves a narrower one open (ICD-10-CM I44.1 does not say which Mobitz type): unknown, never absent.
* The examples a class lists ("abnormalities including A, B, and C") are each an alternative; the
  class's own words are one more, a person's, never a condition of the first example.
* A bound in beats per minute beside bradycardia is the heart rate's (LOINC 8867-4).
* A right bundle branch block "with" a left anterior hemiblock is the bifascicular block, which no
  right block alone is; "without a pacemaker" is a condition of the block, not an alternative.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, lab, procedure
from tests.fixtures.intake_facts import intake_facts

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION

ECG = ("Significant screening electrocardiogram (ECG) abnormalities including left bundle branch block, 2nd degree AV block "
       "type II, 3rd degree block, bradycardia, and QTc > 470 msec")

ROWS = [
    # (line, type, met, not met, unknown)
    (ECG, E,
     [adult(condition("lbbb")), adult(condition("bradycardia")), adult(condition("av_block_third_degree")), adult(condition("mobitz_ii")),
      adult(lab("qtc", 480, "ms"))],
     [],
     # a second-degree block of unrecorded type may be Mobitz II; nothing on record leaves the class's words
     [adult(condition("av_block_second_degree")), adult(condition("av_block_first_degree")), adult()]),
    ("Presence of left bundle branch block (LBBB).", E, [adult(condition("lbbb"))], [adult(condition("rbbb")), adult()], []),
    ("Complete left bundle branch block", E, [adult(condition("lbbb"))], [adult()], []),
    ("No left bundle branch block", I, [], [adult(condition("lbbb"))], []),
    # a bundle branch block of unrecorded side may be the left one
    ("Presence of left bundle branch block (LBBB).", E, [], [], [adult(condition("bundle_branch_block"))]),
    ("No second or third degree heart block", I,
     [adult(), adult(condition("av_block_first_degree"))], [adult(condition("av_block_second_degree")), adult(condition("av_block_third_degree"))], []),
    ("Clinically significant arrhythmias including atrial fibrillation, ventricular tachycardia, 2 degree or 3 degree heart block.", E,
     [adult(condition("av_block_second_degree")), adult(condition("av_block_third_degree"))], [], []),
    # the bound beside bradycardia is the heart rate's
    ("Bradycardia defined as HR less than 50 bpm", E,
     [adult(lab("heart_rate", 42, "/min")), adult(condition("bradycardia"))], [adult(lab("heart_rate", 64, "/min"))], []),
    ("Clinically significant resting bradycardia (< 50 beats per minute)", E,
     [adult(lab("heart_rate", 44, "/min"))], [adult(lab("heart_rate", 70, "/min"))], [adult(condition("bradycardia"), lab("heart_rate", 70, "/min"))]),
    # the bifascicular block is no right bundle branch block alone
    ("Right bundle branch block + left anterior hemiblock (bifascicular block)", E, [], [], [adult(condition("rbbb"))]),
    ("right bundle branch block (RBBB) with left anterior hemi-block (LAHB)", E, [], [], [adult(condition("rbbb"))]),
    # a block that comes with a pacemaker is not the one the line excludes
    ("Patients with Mobitz II second degree heart block without a pacemaker.", E,
     [adult(condition("mobitz_ii"))], [adult(condition("mobitz_ii"), procedure("cardiac_pacemaker")), adult(procedure("cardiac_pacemaker"))], []),
    ("History of Mobitz II second degree or third degree heart block without a permanent pacemaker in place", E,
     [adult(condition("av_block_third_degree"))], [adult(condition("av_block_third_degree"), procedure("cardiac_pacemaker")), adult(procedure("cardiac_pacemaker"))], []),
    # the Wenckebach block excepted: a second-degree block of unrecorded type may be it
    ("History of second or third degree heart block (except for second degree type 1)", E,
     [adult(condition("mobitz_ii")), adult(condition("av_block_third_degree"))], [adult(condition("mobitz_i")), adult()], [adult(condition("av_block_second_degree"))]),
    ("Other clinically significant ECG abnormalities including 2nd degree (Type II) or 3rd degree atrioventricular (AV) block.", E,
     [adult(condition("mobitz_ii")), adult(condition("av_block_third_degree"))], [], [adult()]),
    # a pacemaker excepted concerns every block listed, the first as the last
    ("Second or third degree atrioventricular (AV) block unless treated with a permanent pacemaker", E,
     [adult(condition("av_block_second_degree"))], [], [adult(condition("av_block_second_degree"), procedure("cardiac_pacemaker"))]),
    # a block the line says it does not exclude stays unread
    ("Uncontrolled clinically significant conduction abnormalities (i.e., ventricular tachycardia on antiarrhythmic agents are "
     "excluded; 1st degree atrioventricular (AV) block or asymptomatic right bundle branch block will not be excluded)", E,
     [], [], [adult(condition("av_block_first_degree"))]),
    # a block named as whom a bound is for is no block the line excludes
    ("QTc >= 450 msecs using Bazett's formula; for subjects with bundle branch block (BBB), QTc >= 480 msecs", E,
     [adult(lab("qtc", 490, "ms"))], [], [adult(condition("lbbb"), lab("qtc", 430, "ms"))]),
    # (the ischaemia is a state of ischaemic heart disease: none on record, none today; one on
    # record is a person's, topics.events)
    ("Electrocardiographic evidence of acute ischemia or active conduction system abnormalities", E,
     [adult(condition("lbbb")), adult(condition("av_block"))], [adult()], [adult(condition("coronary_artery_disease"))]),
]


@pytest.mark.parametrize(("line", "ctype", "facts", "expected"), outcome_cases(ROWS))
def test_conduction_blocks_and_bradycardia_are_read(line: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(line, ctype), facts) is expected


# the class a list of examples is of, and a cause's examples
EXAMPLE_ROWS = [
    ("Known central nervous system tumors including metastatic brain disease", E, [adult(condition("brain_metastases"))], [], [adult()]),
    ("Clinically significant cardiac event such as myocardial infarction", E, [adult(condition("myocardial_infarction"))], [], [adult()]),
    # the examples are of the failure's cause: a cause alone is no renal failure
    ("Acute renal failure due solely to readily reversible causes such as hypercalcemia, hyperuricemia, dehydration", E,
     [], [], [adult(condition("hypercalcemia"))]),
]


@pytest.mark.parametrize(("line", "ctype", "facts", "expected"), outcome_cases(EXAMPLE_ROWS))
def test_a_class_named_before_its_examples_is_one_more_alternative(line: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(line, ctype), facts) is expected


@pytest.mark.parametrize(
    ("code", "system", "concept"),
    [
        ("I44.7", "http://hl7.org/fhir/sid/icd-10-cm", "lbbb"),
        ("I44.2", "http://hl7.org/fhir/sid/icd-10-cm", "av_block_third_degree"),
        ("I44.1", "http://hl7.org/fhir/sid/icd-10-cm", "av_block_second_degree"),
        ("I45.10", "http://hl7.org/fhir/sid/icd-10-cm", "rbbb"),
        ("R00.1", "http://hl7.org/fhir/sid/icd-10-cm", "bradycardia"),
        ("28189009", "http://snomed.info/sct", "mobitz_ii"),
        ("164909002", "http://snomed.info/sct", "lbbb"),
    ],
)
def test_the_intake_reads_conduction_blocks_and_bradycardia(code: str, system: str, concept: str) -> None:
    from tests.fixtures.holdout import fhir as f

    facts = intake_facts(f.condition(code, "conduction", system=system, onset=200))
    assert concept in facts.events


def test_the_intake_reads_the_heart_rate() -> None:
    from tests.fixtures.holdout import fhir as f

    facts = intake_facts(f.lab("8867-4", "Heart rate", 42, "/min", days_ago=1))
    assert "heart_rate" in facts.measurements
