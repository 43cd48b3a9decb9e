"""Shapes the T241-T245 holdout trials (belinostat for MDS, oral clofarabine for higher-risk MDS,
TXA127 for thrombocytopenic lower-risk MDS, ATG with prednisone for MDS, galunisertib for anaemic
lower-risk MDS; ``test_holdout_trials``) misread, each fixed in its general form and pinned here
with real corpus lines (``../shared/corpus`` criteria texts; counts are over its 1,883 trials):

* A blood cancer the patient had, asked by an exclusion with a history word ("No prior history of
  acute myeloid leukemia (AML)", "Known history of myelodysplastic syndrome (MDS)", "Any prior
  systemic treatment for CLL"; 17 corpus exclusions read differently, all read): the disease in
  remission or resolved counts too, as it does for a history of cardiac disease or another
  malignancy; "diagnosed with" or "had" alone name the disease the patient has, as before. Read as the current disease, an
  AML in remission for four years passed the exclusion (an eligible answer). Inclusions are left
  as written ("previously treated AML" is the disease the trial treats, which must be current).
* An MDS with a 5q deletion admitted only after lenalidomide ("Participants with 5q deletions are
  allowed only if they have failed or are intolerant of lenalidomide treatment"; 1 corpus line of
  this shape, with a new concept ``del_5q``: ICD-10-CM D46.C, ICD-O-3 9986/3): a del(5q) never
  given lenalidomide fails the line; one given it is met when its disease is refractory on record
  or the drug's allergy is, else a person's. The line was a bare review, so the untreated del(5q)
  MDS was eligible.
* A short-form permission of a list ("Prior hematopoietic growth factors, androgens, and other
  supportive care agents allowed and are not considered in the prior therapy total", "Prior
  immunotherapy, including rituximab or other monoclonal antibody, allowed", "Prior mitomycin C,
  irinotecan hydrochloride, or cetuximab allowed"; 9 corpus lines read differently, all moving
  toward eligible, all read): its commas join what it permits, so it asks nothing of a patient
  without them. The commas had stopped the permission reading, and the first item was asked for:
  every patient without a growth factor failed the belinostat trial. A bracket left open keeps
  the old reading (where the list ends is unsure), and a remark on another line's count ("and are
  not considered in the prior therapy total") is no condition of the permission.
* Three readings of the belinostat record's cardiac and drug lines, each a spelling or a shared
  word: "torsades depointes" run together (1 corpus line: the heading "No concurrent medication
  that may cause torsades depointes" now asks the QT-prolonging drugs, so methadone or amiodarone
  taken now fails it); "Ischemic or severe valvular heart disease" (1 line: the adjective shares
  the noun, ischaemic heart disease is coronary artery disease, a past infarction one of it); and
  "since prior valproic acid or (any) other HDAC inhibitors" (2 lines): the product named before
  its class is read by name as the product topic reads a washout (it was an unsupported review, so
  a record without valproic acid was unknown and one with it passed as a review).
* The NCI template's present tense ("Patients may not be receiving any other investigational
  agents", "Be on immunosuppressive therapy or have known HIV infection", a line opening "Receiving any other
  investigational agent ..."; 49 corpus lines read differently, all read): the therapy now, as
  "are receiving" and "currently receiving" are read (a course within 4 weeks, a continuous drug
  within 2). Read as ever, an investigational agent stopped three months ago excluded. A patient
  on the therapy now is excluded as before; one who stopped it long ago no longer is.
* Two slips of the clofarabine record: "if serum creatinine >l mg/dL, then the ... GFR must be >50"
  (the letter l typed as a one; 1 corpus line): the creatinine bound or the eGFR, as the same line
  written with a digit is read (the alternative had been read as a second requirement); and
  "Those who cannot stop taking these drugs should be switched to H2 blockers such as famotidine"
  (1 line): the drug a patient is told to take instead is no drug the line excludes (famotidine
  had excluded a patient).
* The age taken "at the time of obtaining informed consent" / "(at the time of giving consent)"
  (3 corpus lines): when it is taken, as "at the time of signing the consent form" is read. It was
  an and-ed consent review, so every adult was unknown. "Capable of giving informed consent" is
  still the person's.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, allergy, condition, creatinine, lab, medication

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

AML_IN_REMISSION = adult(condition("mds", 200), condition("aml", 1500, active=False))
MDS_RESOLVED = adult(condition("aml", 30), condition("mds", 400, active=False))


def lenalidomide(days_ago: int = 90) -> object:
    """Lenalidomide on record by name (the intake's named_medication)."""
    return medication("named_medication", days_ago, quote="lenalidomide", words="lenalidomide")


DEL5Q = condition("del_5q", 500)
DEL5Q_LINE = "Participants with 5q deletions are allowed only if they have failed or are intolerant of lenalidomide treatment"

ROWS = [
    # -- a blood cancer the patient had, in an exclusion
    ("No prior history of acute myeloid leukemia (AML)", E, [AML_IN_REMISSION, adult(condition("aml", 30))], [adult(condition("mds", 200))], []),
    # (its own words stay an or-ed review beside it: a record without MDS is a person's)
    ("Known history of myelodysplastic syndrome (MDS).", E, [MDS_RESOLVED], [], [adult(condition("aml", 30))]),
    ("More than 2 cycles of prior induction therapy for AML", E, [], [adult(condition("mds", 200))], [AML_IN_REMISSION]),
    # ("diagnosed with", "had" name the disease the patient has: an APL cured years ago is none)
    ("Subject was diagnosed with acute promyelocytic leukemia (APL).", E,
     [adult(condition("apl", 30))], [adult(condition("apl", 900, active=False))], []),
    # -- del(5q) MDS admitted only after lenalidomide
    # (an MDS recorded without its kind leaves its del(5q) kind unknown, as an unspecified
    # lymphoma leaves its kinds: the MDS kinds are coded, D46.x, so "MDS" alone is no record that
    # the 5q deletion is absent)
    (DEL5Q_LINE, I,
     [adult(DEL5Q, lenalidomide(), condition("refractory", 60)),
      adult(DEL5Q, lenalidomide(300), allergy("lenalidomide"))],
     [adult(DEL5Q), adult(DEL5Q, medication("hypomethylating_agent", 30))],
     [adult(DEL5Q, lenalidomide(30)), adult(condition("mds", 400))]),
    # -- a short-form permission of a list
    # (cond11: with androgens read, a growth factor alone is among what the list allows: met)
    ("Prior hematopoietic growth factors, androgens, and other supportive care agents allowed and are not considered in the prior therapy total", I,
     [adult(), adult(medication("growth_factor", 30))], [], []),
    ("Prior immunotherapy, including rituximab or other monoclonal antibody, allowed", I, [adult()], [], [adult(medication("immunotherapy", 90))]),
    ("Prior mitomycin C, irinotecan hydrochloride, or cetuximab allowed", I, [adult(), adult(medication("chemotherapy", 90))], [], []),
    # -- a spelling, a shared adjective, a product before its class
    ("No concurrent medication that may cause torsades depointes, including any of the following:", I,
     [adult()], [adult(medication("qt_prolonging_drug", 1))], [adult(medication("named_medication", 1))]),  # (drugs beyond the list Eligo reads: a person's, for a record holding one)
    # (a record with no circulatory disease has no severe valvular one: topics.cardiac_heads; one
    # with a heart disease on record leaves the severity to a person)
    ("Ischemic or severe valvular heart disease", E, [adult(condition("myocardial_infarction", 700))], [adult()], [adult(condition("cardiomyopathy"))]),
    ("More than 2 weeks since prior valproic acid or other HDAC inhibitors", I,
     [adult()], [adult(medication("hdac_inhibitor", 3)), adult(medication("named_medication", 3, quote="valproic acid", words="valproic acid"))],
     [adult(medication("named_medication", None, quote="valproic acid", words="valproic acid"))]),
    # -- the NCI template's present tense
    ("Patients may not be receiving any other investigational agents.", E,
     [adult(medication("investigational_agent", 5))], [adult(), adult(medication("investigational_agent", 90))], []),
    ("Receiving any other investigational agents", E,
     [adult(medication("investigational_agent", 5))], [adult(medication("investigational_agent", 90))], []),
    ("Be on immunosuppressive therapy or have known HIV infection or active hepatitis B or C.", E,
     [adult(medication("immunosuppressant_therapy", 1))], [adult(medication("immunosuppressant_therapy", 60))], []),
    # -- two slips of the clofarabine record
    ("Serum creatinine ≤ 1 mg/dL; if serum creatinine >l mg/dL, then the estimated glomerular filtration rate (GFR) must be >50 mL/min/1.73 m2 "
     "as calculated by the Modification of Diet in Renal Disease equation.", I,
     [adult(creatinine(0.9)), adult(creatinine(1.4), lab("egfr", 55, "mL/min/{1.73_m2}"))], [adult(creatinine(1.4), lab("egfr", 45, "mL/min/{1.73_m2}"))],
     [adult(creatinine(1.4))]),
    ("Patients taking proton pump inhibitors such as omeprazole, lansoprazole, or esomeprazole. Those who cannot stop taking these drugs should be "
     "switched to H2 blockers such as famotidine or ranitidine.", E,
     [adult(medication("proton_pump_inhibitor", 1))], [adult(), adult(medication("h2_antagonist", 1))], []),
    # -- the age at the consent obtained
    ("Subjects must be ≥18 years of age at the time of obtaining informed consent", I, [adult(years=45)], [adult(years=17)], []),
    ("Male or female; ≥ 20 years (at the time of giving consent)", I, [adult(years=45)], [adult(years=19)], []),
    ("Be capable of giving informed consent", I, [], [], [adult()]),
    # (the requirement before a comma is no list: "..., prior cytarabine allowed" keeps it)
    ("Treated with 1-3 AML regimens, prior cytarabine allowed", I, [], [adult()], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_t24x_holdout_shape_is_read_for_what_it_asks(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize("text", ["Previously treated acute myeloid leukemia", "Patients diagnosed with AML"])
def test_an_inclusion_asking_the_disease_with_a_history_word_asks_it_current(text: str) -> None:
    """An AML in remission is no AML an inclusion treats: the history word widens exclusions only."""
    assert judged(parse_line(text, I), AML_IN_REMISSION) is not MET
