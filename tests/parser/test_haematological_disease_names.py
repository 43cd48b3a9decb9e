"""Which diseases a diagnosis line names, among the blood cancers beyond acute leukaemia (issue 14,
helper dx): the classic myeloproliferative neoplasms by name, Diamond-Blackfan anaemia, CLL's
nodal form (SLL) and "B-CLL", Waldenström's macroglobulinaemia, the lymphoma and blast antigens
CD20, CD30 and CD34, a bracket of included diagnoses, a disease heading's list of kinds, and the
diseases a count of prior therapies is written for.

The safety rule holds throughout: a disease the record lacks never meets an inclusion, and a
kind the record does not state (a lymphoma coded only as B-cell) leaves the line open.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.criteria import parse_lines
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, result

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION


def has(*concepts: str, **results: str) -> PatientFacts:
    return adult(*(condition(c) for c in concepts), *(result(k, v) for k, v in results.items()))


ROWS = [
    # (line, type, met, not met, unknown)
    # the MPNs by name; the family heading the list is no alternative of its own (a CML is an
    # MPN the list leaves out)
    ("Patients with a history of one of the following myeloproliferative neoplasms: essential thrombocythemia, polycythemia vera, and primary myelofibrosis", E,
     [has("polycythemia_vera"), has("essential_thrombocythemia"), has("myelofibrosis")], [has("aml"), has("cml"), has("mpn")], []),
    # myelofibrosis after PV or ET is named with them, and is no PV
    ("Diagnosed with PMF or Post-PV/ET MF", I, [has("myelofibrosis")], [has("polycythemia_vera"), has("essential_thrombocythemia"), has("mds")], []),
    ("Diagnosis of Primary Myelofibrosis (PMF) or Post Polycythemia Vera/Essential Thrombocythemia Myelofibrosis(post-ET/PV MF) as per revised World Health Organization (WHO) criteria.", I,
     [has("myelofibrosis")], [has("polycythemia_vera"), has("cml")], []),
    ("Diagnosis of PMF, PPV-MF, or PET-MF, regardless of JAK2 mutational status.", I, [], [has("polycythemia_vera")], [has("myelofibrosis")]),
    ("Myeloproliferative disorder (polycythemia vera, myelofibrosis) with poor prognostic features.", I, [], [has("essential_thrombocythemia"), has("cml")],
     [has("polycythemia_vera")]),
    # an example after an indication no record states is no requirement of its own
    ("Other hematologic disorders for which allogeneic stem cell transplantation is appropriate (e.g., myelofibrosis)", I, [], [], [has("cml"), has("myelofibrosis")]),
    # Diamond-Blackfan anaemia, one inherited marrow failure; never what a therapy was for
    ("Diagnosis of DBA", I, [has("diamond_blackfan_anemia")], [has("fanconi_anemia"), has("inherited_marrow_failure"), has("mds"), adult()], []),
    ("Use of any other experimental drug or therapy (excluding steroids) specifically used for DBA within 28 days of baseline", E,
     [], [], [has("diamond_blackfan_anemia")]),  # the therapy is a person's to find, the disease alone never excludes
    # SLL, CLL's nodal form: a record of B-cell lymphoma of no named kind may be one
    # (the biopsy is how the SLL was proven, asking nothing more: an SLL on record meets it)
    ("Biopsy-proven SLL", I, [has("sll")], [has("cll"), has("dlbcl")], [has("b_cell_lymphoma")]),
    ("Diagnosed with B-CLL/SLL based on the standard histologic and immunophenotypic criteria described in the WHO classification", I,
     [has("cll"), has("sll")], [has("mantle_cell_lymphoma"), has("follicular_lymphoma")], [has("b_cell_lymphoma"), has("nhl")]),
    ("Small lymphocytic lymphoma/chronic lymphocytic leukemia", I, [has("sll"), has("cll")], [has("dlbcl")], [has("lymphoma")]),
    ("Patients with chronic lymphocytic leukemia (CLL)/small lymphocytic lymphoma (SLL) are excluded", E, [has("cll"), has("sll")], [has("dlbcl"), has("aml")], []),
    ("Waldenstrom's macroglobulinemia", I, [has("waldenstrom_macroglobulinemia")], [has("multiple_myeloma"), has("mgus")], []),
    # a disease named in "(including ...)" and nothing else: one more disease the line admits
    ("Patients with MDS (including CMML)", I, [has("mds"), has("cmml")], [has("aml")], []),
    ("Patients with AML, ALL, MDS (including CMML), or CML", I, [has("cmml"), has("aml"), has("cml")], [has("cll")], []),
    # the antigens, written against the disease they qualify
    ("CD20-positive diffuse large B-cell lymphoma.", I, [has("dlbcl", cd20="positive")], [has("dlbcl", cd20="negative"), has("follicular_lymphoma", cd20="positive")],
     [has("dlbcl")]),
    ("Histologically documented CD30-positive classical Hodgkin lymphoma", I, [has("hodgkin_lymphoma", cd30="positive")], [has("hodgkin_lymphoma", cd30="negative")], []),
    ("CD34- AML or MDS;", E, [has("aml", cd34="negative"), has("mds", cd34="negative")], [has("aml", cd34="positive"), has("mds", cd34="positive"), has("cll", cd34="negative")],
     [has("aml")]),
    ("CD34- AML or MDS;", I, [has("mds", cd34="negative")], [has("aml", cd34="positive")], [has("mds")]),
    # the graft's CD34+ cells are no antigen of the disease
    ("A minimum of 2 x 10^6 CD34+ cells/kg must be collected prior to proceeding", I, [], [], [has("aml", cd34="negative")]),
    ("Patient must have ≥ 2x106/kg CD34+ autologous stem cells available for transplant", I, [], [], [has("multiple_myeloma", cd34="negative")]),
    # a slash pair is one item of a longer list of the trial's diseases
    ("Chronic lymphocytic leukemia/small lymphocytic lymphoma (CLL/SLL), marginal zone B-cell lymphoma, follicular lymphoma", I,
     [has("cll"), has("marginal_zone_lymphoma"), has("follicular_lymphoma")], [has("dlbcl")], []),
    # ... but a disease named twice is the history of one ("AML arising in the setting of MDS and/or MPD")
    ("AML arising in the setting of underlying myelodysplastic syndromes (MDS) and/or myeloproliferative disorders (MPD)", I, [], [has("aml"), has("mds")], []),
    # a disease the diagnosis must rule out; how a diagnosis is made; a therapy's target; whom a therapy is for
    ("Subjects must be diagnosed with B-CLL / SLL. Mantle cell lymphoma should be excluded based on positive staining of the tumor cells for CD23", I,
     [], [has("cll", "mantle_cell_lymphoma"), has("dlbcl")], [has("cll")]),
    # (a CLL or SLL on record with no treatment is not "previously treated": rx11's reading of the
    # words, a therapy absent from the record being absent; the SLL's definition stays a person's)
    ("Previously treated CLL or SLL; the diagnosis of SLL may be made with the demonstration of < 5 x 10^9 clonal B-lymphocytes/L in the peripheral blood", I,
     [], [has("dlbcl"), has("cll"), has("sll")], []),
    ("Patients must have been off any primary myelofibrosis (PMF)-directed experimental therapy for 4 weeks prior to entering this study", I,
     [], [], [has("myelofibrosis")]),
    ("Bone marrow biopsy before the first course of CHOP (or CHOP plus rituximab for CD20+ disease)", I, [], [], [has("dlbcl", cd20="negative")]),
    # the kinds an "including" list names after their family are examples of it, no further diseases
    ("Myeloproliferative disorders, including Ph-negative CML, myelofibrosis and chronic myelomonocytic leukemia (CMML)", I,
     [], [has("aml")], [has("polycythemia_vera"), has("cmml")]),
    # whom a count of prior therapies is for, in brackets after the number: no further disease
    ("The participant has a B-cell malignancy (diffuse large B-cell lymphoma [DLBCL], follicular lymphoma [FL], mantle cell lymphoma [MCL], or chronic lymphocytic leukemia [CLL]) "
     "with tumor progression following at least one (MCL and CLL) or two (DLBCL and FL) prior standard therapies", I,
     [], [has("aml"), has("hodgkin_lymphoma")], [has("follicular_lymphoma"), has("mantle_cell_lymphoma")]),
]


@pytest.mark.parametrize(("line", "ctype", "facts", "expected"), outcome_cases(ROWS))
def test_a_haematological_disease_line_reads_its_diseases(line: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(line, ctype), facts) is expected


# a disease heading "including the following:" over lines that each open with a kind of it: one
# kind for each patient (holdout T264: joined as requirements, a diffuse large B-cell lymphoma
# failed the heading by the indolent kinds' lines)
KINDS_HEADING = [
    (I, "Biopsy-proven relapsed or refractory lymphoma, including the following:", None),
    (I, "Aggressive lymphoma", 0),
    (I, "Diffuse large B-cell lymphoma", 1),
    (I, "Mantle cell lymphoma", 1),
    (I, "Indolent lymphoma", 0),
    (I, "Small lymphocytic lymphoma/chronic lymphocytic leukemia", 4),
    (I, "Extranodal marginal zone B-cell lymphoma of MALT type", 4),
]


@pytest.mark.parametrize(("facts", "expected"), [
    (has("dlbcl", "relapsed"), Outcome.UNKNOWN),  # "Biopsy-proven" and "Aggressive" stay a person's
    (has("marginal_zone_lymphoma", "relapsed"), Outcome.UNKNOWN),  # "of MALT type" and "Indolent" a person's
    (has("dlbcl"), Outcome.NOT_MET),  # neither relapsed nor refractory
    (has("aml", "relapsed"), Outcome.NOT_MET),
    (has("hodgkin_lymphoma", "relapsed"), Outcome.NOT_MET),  # a lymphoma of none of the kinds listed
])
def test_a_heading_listing_a_diseases_kinds_takes_any_one(facts: PatientFacts, expected: Outcome) -> None:
    heading = parse_lines(KINDS_HEADING)[0]
    assert judged(heading, facts) is expected


# a line that opens with what it forbids is no disease line of a run of alternative diagnoses, whatever
# disease its list names further on: joined to the CLL and SLL lines as one more of them, "previously
# untreated" no longer failed a treated CLL
UNTREATED_AFTER_DIAGNOSES = [
    (I, "Diagnosis of CLL according to the National Cancer Institute (NCI) criteria or SLL according to the WHO criteria", None),
    (I, "Biopsy-proven SLL", None),
    (I, "Diagnosis of CLL according to NCI working group criteria", None),
    (I, "Patients must be previously untreated and meet at least one of the following indications for chemotherapy:", None),
    (I, "Extreme fatigue attributed to CLL", 3),
    (I, "Prior chemotherapy for treatment of CLL will be considered prior therapy", 3),
]


def test_an_untreated_line_is_no_alternative_diagnosis() -> None:
    untreated = parse_lines(UNTREATED_AFTER_DIAGNOSES)[3]
    assert judged(untreated, adult(condition("cll"), condition("chemotherapy"))) is Outcome.NOT_MET
