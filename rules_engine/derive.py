"""Facts that follow from other facts: the one place both evaluators learn them from.

* the diagnosis hierarchy of the catalogue (APL is a kind of AML; B-ALL a kind of ALL; an
  allogeneic transplant a kind of stem cell transplant);
* "either of" concepts: relapsed or refractory disease;
* performance scales: ECOG from Karnofsky or Lansky, Karnofsky or Lansky from ECOG.

The reference evaluator applies these in Python; the durable path compiles them into rules
that assert derived facts (forward chaining), so a reason can quote the chain.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Container
from functools import lru_cache
from typing import Any

from .concepts import (
    CONCEPTS,
    MALIGNANCIES,
    SEVERITY_GRADE_FLOORS,
    SEVERITY_GRADED_EVENTS,
    Kind,
    ancestors,
    related,
    severity_grade_concept,
)
from .product_classes import CLASS_MEMBERS

# A derived event concept that holds when any of its sources does.
EITHER_OF: dict[str, tuple[str, ...]] = {
    "relapsed_or_refractory": ("relapsed", "refractory"),
    # "allogeneic cell therapy within 4 weeks": donor cells, given as a transplant or an infusion
    "allogeneic_cell_therapy": ("allo_hsct", "donor_cell_infusion"),
}

# A qualitative test whose positive result is the condition itself: under the contract an
# infection (or a pregnancy) is decided by either of its sources, the diagnosis or the test, so
# a line that names only one of them still sees the other. Only the latest result counts: a
# hepatitis C cured since (RNA now negative) is no longer hepatitis C by this route. An HIV
# antibody (or antigen) outlives nothing: a positive one is the infection. The HCV antibody
# outlives a cured infection: it shows exposure, which leaves hepatitis C open (unknown) until
# the RNA or a diagnosis says (concepts: ``hcv_exposure``); read as nothing, "known hepatitis C"
# let a patient whose only record was a positive antibody through. HBcAb implies nothing.
POSITIVE_TEST_IMPLIES: dict[str, str] = {
    "hbsag": "hbv",
    "hbv_dna": "hbv",
    "hcv_rna": "hcv",
    "hcv_antibody": "hcv_exposure",
    "hiv_test": "hiv",
    "hiv_antibody": "hiv",
    "pregnancy_test": "pregnancy",
}

# Target performance scale -> the recorded scales it may be converted from, in preference order.
PERFORMANCE_SOURCES: dict[str, tuple[str, ...]] = {
    "ecog": ("karnofsky", "lansky"),
    "karnofsky": ("ecog",),
    "lansky": ("ecog",),
}

# A measurement a line names by its function, not by one test, with the tests that measure it in
# preference order: the first recorded is the value. "GFR > 30 ml/minute", "calculated creatinine
# clearance or glomerular filtration rate > 50 mL/min/1.73 m2" name the kidneys' filtration, which
# an eGFR or a creatinine clearance (Cockcroft-Gault) estimates: with a clearance of 25 and no eGFR
# on record, the line was unknown for a patient every estimate on record fails (holdout T214). A
# GFR measured by a test of its own ("radioisotope", "measured", "nuclear") is still ``egfr``'s, and
# "estimated GFR" is the eGFR itself (``parser.topics.labs``).
MEASURE_SOURCES: dict[str, tuple[str, ...]] = {
    "gfr": ("egfr", "creatinine_clearance"),
}


def measure_source(target: str, recorded: set[str] | frozenset[str]) -> str | None:
    """Which recorded test a function named by no test (``MEASURE_SOURCES``) is read from, if any."""
    for source in MEASURE_SOURCES.get(target, ()):
        if source in recorded:
            return source
    return None


# Scales a line may ask "on record" (``PRESENT`` / ``ABSENT`` of a measurement): the scale's own
# value, never one converted from another scale. "ECOG 0-2 (Karnofsky >= 60%)" is met by either
# scale, whichever the hospital wrote; asked of both, an ECOG of 2 alone left the line unknown
# through the Karnofsky band it converts to (50-60%). ``parser.topics.either_scale`` writes it.
# Blood pressure and HbA1c likewise, asked "measured, and past a limit" where the measurement
# alone shows an uncontrolled disease no diagnosis records (``parser.topics.control``).
# And the coded verdict of measurable disease, which decides before the largest mass's size does
# (``parser.topics.measurable_size``: a record coding the disease not measurable stays not met).
ON_RECORD_MEASURES: frozenset[str] = frozenset(PERFORMANCE_SOURCES) | {"systolic_bp", "diastolic_bp", "hba1c", "measurable_disease"}

# ECOG grade -> the Karnofsky (or Lansky) band it corresponds to (the standard mapping).
_ECOG_TO_PERCENT: dict[int, tuple[float, float]] = {
    0: (90.0, 100.0),
    1: (70.0, 80.0),
    2: (50.0, 60.0),
    3: (30.0, 40.0),
    4: (10.0, 20.0),
    5: (0.0, 0.0),
}


def event_parents() -> dict[str, tuple[str, ...]]:
    """Concept -> the derived concepts it directly implies (its parent, any "either of")."""
    implied: dict[str, list[str]] = {}
    for concept in CONCEPTS.values():
        if concept.parent is not None:
            implied.setdefault(concept.id, []).append(concept.parent)
    for target, sources in EITHER_OF.items():
        for source in sources:
            implied.setdefault(source, []).append(target)
    return {k: tuple(v) for k, v in implied.items()}


EVENT_IMPLIES = event_parents()


def convert_performance(source: str, value: float, target: str) -> tuple[float, ...]:
    """The value(s) ``target`` may take given ``source`` = ``value``.

    ECOG from a percentage scale is one grade; a percentage from an ECOG grade is a band,
    returned as its two ends so that a threshold can be judged on both (the band decides
    only when both ends agree).
    """
    if target == "ecog":
        for grade in range(5):
            low, _ = _ECOG_TO_PERCENT[grade]
            if value >= low:
                return (float(grade),)
        return (5.0,)
    grade = int(round(value))
    low, high = _ECOG_TO_PERCENT.get(max(0, min(5, grade)), (0.0, 0.0))
    return (low, high) if low != high else (low,)


def performance_source(target: str, recorded: set[str] | frozenset[str]) -> str | None:
    """Which recorded scale a missing ``target`` scale is converted from, if any."""
    if target in recorded:
        return None
    for source in PERFORMANCE_SOURCES.get(target, ()):
        if source in recorded:
            return source
    return None


# A kind of a disease no code states but the record's history may show: an AML beside an
# antecedent myeloid disorder (MDS, MPN, CMML, JMML), another cancer (and so its therapy) or a code
# of myelodysplasia-related or therapy-related disease may be secondary or therapy-related AML, so
# asked for one it is unknown, never absent (read as absent, "therapy-related AML" excluded no
# patient whose AML followed a treated breast cancer). The history counts active or not (an MDS
# that became the AML is often closed); an AML with none of it is de novo. Kind -> (the disease,
# what on record beside it leaves the kind open).
_AML_HISTORY: tuple[str, ...] = ("mds", "mpn", "cmml", "jmml", "aml_mrc", "therapy_related_myeloid_neoplasm", "other_malignancy") + tuple(
    m for m in MALIGNANCIES if not related(m, "aml") and m not in ("acute_leukemia", "cmml", "jmml")
)
# A record of hydroxyurea leaves "anticancer therapy" and "chemotherapy" open the same way: it is
# an antineoplastic, yet leukaemia trials permit it as cytoreduction in the very lines that ask
# for a washout, and whether a line counts it is the line's (or a person's) to say. Absent, a
# patient given it two days ago met "no anticancer therapy within 21 days"; present, every
# "... except hydroxyurea" line no reading takes apart would exclude the patients it permits.
# An anticancer therapy on record beside an earlier disease (an antecedent myeloid disorder,
# another cancer: any malignancy, since which one is "earlier" is the line's to say) may have been
# that disease's, given before the disease a line asks to be "previously untreated" was
# diagnosed: whether it was is open (the line excepts its own disease and its kinds).
_EARLIER_DISEASES: tuple[str, ...] = tuple(dict.fromkeys(("mds", "mpn", "cmml", "jmml", "therapy_related_myeloid_neoplasm", "other_malignancy") + MALIGNANCIES))

OPEN_BESIDE: dict[str, tuple[str, tuple[str, ...]]] = {
    "secondary_aml": ("aml", _AML_HISTORY),
    "therapy_related_aml": ("aml", _AML_HISTORY + ("secondary_aml",)),
    "anticancer_therapy": ("hydroxyurea", ("hydroxyurea",)),
    "chemotherapy": ("hydroxyurea", ("hydroxyurea",)),
    # an arrhythmia coded without its kind may be ventricular (topics.heart_rhythm)
    "ventricular_arrhythmia": ("arrhythmia", ("arrhythmia_unspecified",)),
    # an interstitial lung disease coded without its kind may be the idiopathic fibrosis
    "idiopathic_pulmonary_fibrosis": ("interstitial_lung_disease", ("ild_unspecified",)),
    # an AML's karyotype: the ICD-10-CM code of an AML states none, so an AML on record without
    # the morphology code of a core-binding-factor AML may still be one
    "aml_t8_21": ("aml", ("aml",)),
    "aml_inv16": ("aml", ("aml",)),
    "therapy_for_earlier_disease": ("anticancer_therapy", _EARLIER_DISEASES),
    # a leukaemia's CNS involvement coded without its site (meninges or brain) may be the
    # leptomeningeal disease a line excludes: open, never absent
    "leptomeningeal_disease": ("cns_involvement", ("cns_involvement",)),
}


# the kinds of a disease that rule a kind ``OPEN_BESIDE`` opens out: an AML's defining karyotypes
# exclude each other (WHO: an AML with t(15;17) is APL, never a core-binding-factor AML as well)
_EXCLUSIVE_KINDS: dict[str, tuple[str, ...]] = {"aml_t8_21": ("apl", "aml_inv16"), "aml_inv16": ("apl", "aml_t8_21")}


def open_beside(concept: str, recorded: Container[str], excepting: Collection[str] = ()) -> tuple[str, str] | None:
    """(the disease, the history beside it) when ``concept`` is a kind of the disease the record's
    history leaves open (``OPEN_BESIDE``) and the concept itself is not on record. A line that
    excepts what opens it ("anticancer therapy within 14 days, except hydroxyurea": ``excepting``,
    the predicate's excepted values) is not opened by it."""
    spec = OPEN_BESIDE.get(concept)
    if spec is None or concept in recorded or spec[0] not in recorded or spec[0] in excepting:
        return None
    if any(k in recorded for k in _EXCLUSIVE_KINDS.get(concept, ())):
        return None  # an APL on record has its own karyotype, t(15;17): no t(8;21) beside it
    # (a line excepting a disease excepts its kinds and what it is a kind of: an AML on record
    # derives its acute leukaemia, and an APL is an AML, neither another disease beside it)
    beside = next((c for c in spec[1] if c in recorded and c not in excepting and not any(related(c, e) for e in excepting if e in CONCEPTS)), None)
    return (spec[0], beside) if beside is not None else None


def openers(concept: str) -> frozenset[str]:
    """What on record leaves ``concept`` open (``OPEN_BESIDE``), which a line may except."""
    spec = OPEN_BESIDE.get(concept)
    return frozenset((spec[0], *spec[1])) if spec is not None else frozenset()


def lineage_unknown(concept: str, present: Container[str], recorded: Container[str] | None = None, excepting: Collection[str] = ()) -> str | None:
    """An ancestor of ``concept`` that is present without any recorded subtype, if one is.

    A patient with ALL of unrecorded lineage may have B-ALL: asked for B-ALL the answer is
    unknown, not absent. This holds only for ancestors whose subtypes are exhaustive (ALL is
    B or T); AML without an APL record is simply not APL. A kind the record's history leaves
    open (``OPEN_BESIDE``) is asked of ``recorded`` (every event on record, active or not; the
    present ones when not given).
    """
    opened = open_beside(concept, present if recorded is None else recorded, excepting)
    if opened is not None:
        return opened[0]
    parent = CONCEPTS[concept].parent if concept in CONCEPTS else None
    while parent is not None:
        spec = CONCEPTS[parent]
        if parent in present and spec.subtypes_exhaustive:
            if not any(c.parent == parent and c.id in present for c in CONCEPTS.values()):
                return parent
        parent = spec.parent
    return None


def window_open_by_ancestor(
    concept: str, recorded: Container[str], inside: Callable[[str], bool], excepting: Collection[str] = ()
) -> str | None:
    """The ancestor whose own record, dated inside a window (``inside``) or undated, may be
    ``concept``'s: an allogeneic transplant asked "within 100 days" of a patient whose record
    says only "stem cell transplant" 30 days ago is open, not absent (answered "no record of an
    allogeneic transplant", the exclusion let the patient through). ``recorded`` is every
    concept on record, active or not, since a window asks of past events; the subtypes must
    be exhaustive, as for ``lineage_unknown``, and none of them on record."""
    ancestor = lineage_unknown(concept, recorded, excepting=excepting)  # asked only whether concepts are in it
    return ancestor if ancestor is not None and inside(ancestor) else None


# Concepts asked of a set of recorded concepts rather than of themselves. "Another malignancy"
# is any malignancy that is not the trial's own disease (nor a kind of it, nor what it is a kind
# of) and not one the line excepts: the predicate's ``value`` names those (the parser fills in
# the diseases the trial's inclusion lines require, and the line's exceptions). ``value`` None
# means the trial's own disease is not known: then only a record of "another malignancy" itself
# decides, and any malignancy on record leaves the answer unknown (it may be the trial's own).
AMONG: dict[str, tuple[str, ...]] = {"other_malignancy": MALIGNANCIES}


@lru_cache(maxsize=4096)
def among(concept: str, value: Any) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """For a concept asked among others: (members whose record decides, members whose record
    only makes the answer unknown); None for every other concept."""
    members = AMONG.get(concept)
    if members is None:
        return None
    if value is None:
        return (concept,), members
    own = tuple(v for v in value if isinstance(v, str))
    counted = tuple(m for m in members if not any(related(m, v) for v in own if v in CONCEPTS))
    return (concept,) + counted, ()


# Kinds a line sets apart as not counting ("except basal cell skin cancer or carcinoma in situ"):
# a record of a concept wider than one of them may be it (``among_wider``)
_SET_APART_KINDS = ("nonmelanoma_skin_cancer", "carcinoma_in_situ")

# Malignancies whose own record names no kind: the intake writes one only from a code no kind's
# row covers (matcher/intake/codes.toml's fallback rows "any other malignant neoplasm of a stated
# site", C00-C76: a cervical, brain or soft-tissue cancer; "any other hematologic malignancy",
# C81-C96). Such a record is never the trial's own disease named less specifically when that
# disease has a kind of its own (a lung cancer is C34, lung_cancer), so it may be another
# malignancy; tests/intake/test_other_malignancy_catch_alls.py pins that only fallback rows
# write them.
CATCH_ALL_MALIGNANCIES = ("solid_tumor", "hematologic_malignancy")


@lru_cache(maxsize=4096)
def among_wider(concept: str, value: Any) -> tuple[str, ...]:
    """The members asked among others that are wider than a skin cancer or carcinoma in situ the
    line sets apart, and than nothing else it names: "solid tumor" above "non-melanoma skin
    cancer" in an AML trial. ``among`` counts none of them, since a record derived from the kind
    names them too; their own record leaves the answer unknown (it may be the excepted kind under
    a wider name, or another malignancy). Left uncounted, a cancer the code tables know only by
    its site's fallback row (C53.9: solid tumor) beside "except basal cell skin cancer" was no
    other malignancy, and its patient eligible. A concept wider than the trial's own disease too
    (a solid tumour in a lung cancer trial) stays uncounted: a lung cancer record there is the
    trial's disease named less specifically (the registry table's NCT00021112 rows).

    A catch-all (``CATCH_ALL_MALIGNANCIES``) wider than the trial's disease is one of them too,
    with or without a kind set apart: its own record is a cancer the code tables know by no kind,
    so never a lung cancer coded less specifically. Left uncounted, a cervical cancer (C53.9:
    solid tumor) in a lung cancer trial, or an unclassified lymphoid neoplasm (C96.9) in an AML
    trial, was no other malignancy, and its patient eligible. A catch-all that is the trial's
    disease or a kind of it ("solid tumours", "blood cancers") is its disease, as before."""
    members = AMONG.get(concept)
    if members is None or not isinstance(value, tuple):
        return ()
    named = [v for v in value if isinstance(v, str) and v in CONCEPTS]
    apart = [v for v in named if any(v == k or k in ancestors(v) for k in _SET_APART_KINDS)]
    others = [v for v in named if v not in apart]
    counted = among(concept, value)[0]  # type: ignore[index]
    return tuple(
        m for m in members
        if m not in counted and (
            (any(m in ancestors(v) for v in apart) and not any(m == v or m in ancestors(v) for v in others))
            or (m in CATCH_ALL_MALIGNANCIES and not any(m == v or v in ancestors(m) for v in named))
        )
    )


# -- an event asked with kinds of it excepted ("No concurrent chemotherapy except taxanes") --------
# ``Predicate(X, present | within, value=(Y, ...))`` asks for an X event that is none of the
# excepted kinds: read as "X and not Y", a patient with a taxane and a platinum was cleared by
# the taxane. Each Y must be a kind of X in the catalogue. The kinds of X then fall in three:
# those no Y is related to decide (a platinum is an X that is no taxane); those a Y is a kind of
# (X itself, an intermediate class) leave the answer unknown when recorded as themselves, since
# the record may be the excepted kind under a wider name; the kinds of a Y do not count. Only a
# record of the wider concept itself counts for the second group (the same concept derived from
# a taxane record is the taxane), and it decides only where ``wider_record_decides``. A concept a positive test or an "either of" implies is refused
# for the second group (its derived facts are not its kinds'): the predicate is then unknown.


@lru_cache(maxsize=4096)
def excepted(concept: str, value: Any) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """For an event asked with kinds of it excepted: (kinds whose record decides, kinds whose own
    record only makes the answer unknown); None when ``value`` excepts nothing valid (or the
    concept is asked among others: ``among``)."""
    spec = CONCEPTS.get(concept)
    if spec is None or spec.kind is not Kind.EVENT or concept in AMONG or not isinstance(value, tuple) or not value:
        return None
    members = kinds_of(concept)
    # (what only leaves the concept open, "except hydroxyurea" beside "anticancer therapy", excepts
    # no kind: it stops opening the line, ``open_beside``)
    if not all(isinstance(v, str) and (v in members[1:] or v in openers(concept)) for v in value):
        return None
    kinds = [v for v in value if v in members[1:]]
    counted = tuple(m for m in members if not any(related(m, v) for v in kinds))
    wider = tuple(m for m in members if m not in counted and not any(m == v or v in ancestors(m) for v in kinds))
    if any(m in EITHER_OF or m in _TEST_TARGETS for m in wider):
        return None
    return counted, wider


_TEST_TARGETS = frozenset(POSITIVE_TEST_IMPLIES.values())


def wider_record_decides(concept: str, held: Container[str]) -> bool:
    """Whether a record of a wider concept itself (``excepted``'s second group) is an event no
    exception covers: its kinds are not exhaustive (a record of AML without an APL record is
    not APL, as ``lineage_unknown`` has it) and no kind of it is held (beside a record of APL,
    the AML record may be the APL; beside a taxane, the chemotherapy may be the taxane)."""
    return not CONCEPTS[concept].subtypes_exhaustive and not any(k in held for k in kinds_of(concept)[1:])


# -- a grade kept on an event, read as a measurement ----------------------------------------------
# The intake keeps a GVHD record's grade (Condition.stage / severity) as ``attributes.grade``; a
# line bounds it ("grade II-IV GVHD"). The latest active record's grade is the measurement; an
# ungraded or no record gives none (a bound on it is unknown; the line asks the event as well).
GRADED_EVENTS: dict[str, str] = {"gvhd_grade": "gvhd"}


# -- a qualifier a hospital codes on an event, read as a qualitative result ----------------------
# "Severe autoimmune disease", "history of anaphylaxis to any drugs": the line asks for an event
# with a qualifier the record states on it (Condition.severity, AllergyIntolerance.reaction
# manifestation), kept by the intake as ``attributes[<attribute>]``. Target -> (the event, the
# attribute, the value asked for). Over the records of the event and of every kind of it (resolved
# ones too: "a history of severe ..."): positive when one states the value; unknown (no word) when
# none does and one states nothing, since a severity or reaction not recorded may be the one asked
# for; negative when every one states another value, or there is none (an event absent from the
# record is absent).
QUALIFIED_EVENTS: dict[str, tuple[str, str, str]] = {
    "drug_anaphylaxis": ("drug_hypersensitivity", "reaction", "anaphylaxis"),
    "severe_autoimmune_disease": ("autoimmune_disease", "severity", "severe"),
    "cml_chronic_phase": ("cml", "phase", "chronic"),
    "cml_accelerated_phase": ("cml", "phase", "accelerated"),
    "cml_blast_phase": ("cml", "phase", "blast"),
    "severe_gvhd": ("gvhd", "severity", "severe"),
    "moderate_gvhd": ("gvhd", "severity", "moderate"),
}
# -- a CTCAE grade asked of an event, read from the severity coded on it -------------------------
# "Pre-existing peripheral neuropathy >= grade 3": the intake keeps a Condition's severity (SNOMED
# CT mild / moderate / severe, or that word) as ``attributes.severity``. CTCAE names its grades by
# the same words (grade 1 mild, grade 2 moderate, grade 3 severe or medically significant, grade 4
# life-threatening), so a severity is a range of grades: severe is 3 or 4, as a life-threatening
# event may be charted severe. Target -> (the event, the lowest grade asked). Over the records of
# the event and of every kind of it, resolved ones too (as QUALIFIED_EVENTS): positive when one is
# graded at or above the floor whatever its grade in the range; unknown when one states no severity
# or a range across the floor (severe, asked ">= grade 4"); negative when every one is graded
# below it, or there is none (an event absent from the record is absent).
SEVERITY_GRADE_RANGE: dict[str, tuple[int, int]] = {"mild": (1, 1), "moderate": (2, 2), "severe": (3, 4)}
SEVERITY_GRADED: dict[str, tuple[str, int]] = {
    severity_grade_concept(event, floor): (event, floor) for event in SEVERITY_GRADED_EVENTS for floor in SEVERITY_GRADE_FLOORS
}

# ... of which only the latest record counts: a disease's phase is what it is now, and an earlier
# record's chronic phase beside a blast crisis today is no chronic phase (read over every record, a
# CML that progressed would meet "chronic phase only")
LATEST_QUALIFIED: frozenset[str] = frozenset({"cml_chronic_phase", "cml_accelerated_phase", "cml_blast_phase"})


@lru_cache(maxsize=1024)
def kinds_of(concept: str) -> tuple[str, ...]:
    """The concept and every concept that is a kind of it, at any depth."""
    found = [concept]
    for c in CONCEPTS.values():
        if c.id != concept and concept in ancestors(c.id):
            found.append(c.id)
    return tuple(found)


# -- grades that are adverse events: none on record is none ----------------------------------
# An unresolved toxicity of prior therapy is an adverse event, which a hospital records as a
# Condition when there is one, like the diagnoses, infections and therapies the contract takes
# as absent when absent (section 4). Read as a measurement, none on record left every toxicity
# line unknown, so no patient was ever "eligible" for a trial that names one (six examples on
# NCT06559644); the holdout's clinician reads "known unresolved toxicities" as absent too. The
# snapshot therefore holds an undated grade 0 for a record without one, which the reason names
# as none on record.
ABSENT_IS_NONE: frozenset[str] = frozenset({"toxicity_grade"})


# -- a history concept asked of one named product ("hypersensitivity to lenalidomide", "prior
#    treatment with selinexor") ----------------------------------------------------------------
# The predicate is ``drug_hypersensitivity is "<product words>"``. A record of the concept is
# compared by its own words (the intake quotes the substance: "allergy to lenalidomide"): met when
# an active record names one of the product's words, unknown when an active record names nothing,
# not met when every active record names something else (or there is none). Matching any one
# word of the product errs toward the exclusion applying, never toward eligibility.
NAMED_PRODUCT: frozenset[str] = frozenset({"drug_hypersensitivity", "named_medication"})

_PRODUCT_STOP = frozenset({
    "the", "and", "any", "other", "its", "their", "with", "for", "known", "drug", "drugs", "agent", "agents",
    "investigational", "study", "product", "products", "formulation", "preparation", "preparations", "derived",
    "medication", "medications", "therapy", "treatment", "similar", "class", "compounds", "compound",
})


def _words(text: str) -> list[str]:
    """Lower-case words of letters and digits (no regex: a product text is short but untrusted)."""
    out, word = [], []
    for ch in text.lower():
        if ch.isalnum():
            word.append(ch)
        elif word:
            out.append("".join(word))
            word = []
    if word:
        out.append("".join(word))
    return out


# a family a line names by its class word, whose members a record names by their own ("Asparaginase
# products" and an allergy to pegaspargase; "sulfa containing medications" and one to
# co-trimoxazole): the class word stands for each member's name too (compared by the class word
# alone, a recorded allergy to the member was "names something else", not met)
_NITROSOUREAS = frozenset({"carmustine", "bcnu", "bicnu", "gliadel", "lomustine", "ccnu", "ceenu", "gleostine", "semustine", "fotemustine",
                           "nimustine", "ranimustine", "streptozocin", "streptozotocin", "zanosar"})
_PRODUCT_FAMILIES: dict[str, frozenset[str]] = {
    "asparaginase": frozenset({"pegaspargase", "calaspargase", "crisantaspase", "erwinase", "erwinaze", "oncaspar", "asparlas", "rylaze", "elspar", "kidrolase", "spectrila"}),
    "sulfa": frozenset({"sulfonamide", "sulfonamides", "sulfamethoxazole", "sulphamethoxazole", "cotrimoxazole", "trimethoprimsulfamethoxazole", "bactrim", "septra",
                        "sulfadiazine", "sulfasalazine", "sulfisoxazole", "dapsone"}),
    # the nitrosoureas (ATC L01AD) by generic and brand: "6 weeks for nitrosoureas" in the NCI
    # washout (parser.agent_products), which a record of carmustine or lomustine meets
    "nitrosoureas": _NITROSOUREAS,
    "nitrosourea": _NITROSOUREAS,
    # the drug classes an allergy line names by their class word: macrolides, platinum compounds,
    # taxanes, anthracyclines, ... (``product_classes``)
    **CLASS_MEMBERS,
}


def product_words(product: str) -> frozenset[str]:
    """The words of a product text that can name it in a record (not filler, not bare numbers);
    a family's class word brings its members' names."""
    words = frozenset(w for w in _words(product) if len(w) >= 3 and not w.isdigit() and w not in _PRODUCT_STOP)
    return words.union(*(_PRODUCT_FAMILIES.get(w, frozenset()) for w in words))


# a class a line names whose members a record names by their common stem: "any monoclonal antibody"
# and an allergy to rituximab (the INN stem -mab ends every monoclonal antibody's name)
_PRODUCT_STEMS: dict[str, str] = {"monoclonal": "mab"}


def named_inside(quote_times: tuple[tuple[str, float | None, float | None], ...], product: str, field: str, limit: float) -> bool | None:
    """Whether a record naming the product falls inside a window (``field`` "dd" or "mo" and its
    bound, ``snapshot.window_limit``): True when one is dated inside, None when none is but one
    naming it is undated (it may be), False otherwise. Only the product's own records count: a
    line asking for imatinib within a week is not met by last week's aspirin beside year-old
    imatinib."""
    found: bool | None = False
    for quote, dd, mo in quote_times:
        if not names_product((quote,), product):
            continue
        elapsed = dd if field == "dd" else mo
        if elapsed is None:
            found = None
        elif elapsed <= limit:
            return True
    return found


def encode_quote_times(quote_times: tuple[tuple[str, float | None, float | None], ...]) -> str:
    """The quotes with their times as one fact value (the durable network's facts are flat):
    one line per record, days, months and words apart by tabs, an empty time undated."""
    return "\n".join(f"{'' if dd is None else dd}\t{'' if mo is None else mo}\t{' '.join(q.split())}" for q, dd, mo in quote_times)


def decode_quote_times(text: str) -> tuple[tuple[str, float | None, float | None], ...]:
    """``encode_quote_times`` read back."""
    out: list[tuple[str, float | None, float | None]] = []
    for line in text.split("\n"):
        dd, mo, quote = (line.split("\t", 2) + ["", ""])[:3]
        if quote:
            out.append((quote, float(dd) if dd else None, float(mo) if mo else None))
    return tuple(out)


def names_product(quotes: tuple[str, ...], product: str) -> bool:
    """Whether any record's words name the product (or, for a class, a member by its stem)."""
    wanted = product_words(product)
    stems = tuple(_PRODUCT_STEMS[w] for w in wanted if w in _PRODUCT_STEMS)
    for q in quotes:
        words = _words(q)
        if wanted.intersection(words) or any(w.endswith(s) and len(w) > len(s) + 3 for w in words for s in stems):
            return True
    return False
