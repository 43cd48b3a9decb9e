"""Measurable disease shown by the size of the largest mass on record ("Must have measurable disease
(e.g., a tumor mass > 1 cm)", "Measurable disease based on modified RECIST", "Patients must have
measurable disease ... assessed within 4 weeks of registration"; about 600 corpus lines name
measurable disease, nearly all inclusions).

A hospital seldom codes "measurable disease" (RECIST's verdict); it records the scan's measure of
the largest tumour or nodal mass (LOINC 21889-1, ``tumor_size``, its greatest dimension). A mass
that size is a measurable lesion under every definition the corpus writes for a size: RECIST 1.1
(a lesion of 1 cm or more; a node of 1.5 cm), Lugano and Cheson (a node over 1.5 cm, an extranodal
lesion over 1 cm). So an inclusion's measurable disease is met by the recorded largest mass at the
size the line itself writes for a measurable lesion (the largest lower bound it states, "> 2 cm",
"≥ 20 mm by conventional techniques or ≥ 10 mm by spiral CT": 2 cm) or, where it writes none, at
2 cm (past the 1.5 cm every definition above accepts). A coded verdict still decides as before
(the size is asked only of a record that codes none, ``derive.ON_RECORD_MEASURES``); the size is
one more way to meet the line, never a way to fail it (a smaller mass may be a measurable lesion
the record does not size, and nothing here reads its absence). RECIST's definition written out
beside the term ("defined as at least one lesion ... >= 20 mm with conventional techniques or >=
10 mm with spiral CT scan") only says what the term is: its words, left unread beside it, ask
nothing more and are dropped; where every size it writes is past RECIST's 1 cm ("Measurable disease
of at least 1.5 cm"), they still ask it of a coded verdict, and stay a person's there.

The scan must be recent: within the window the line states for it ("assessed within 4 weeks of
registration"; the shortest one the line writes), else within 4 weeks, RECIST's limit for a
baseline assessment. An older measure leaves the line as it was.

Only where the size can be the measure the line asks for. Not where measurability is by another
measure or place: a paraprotein or light chains (myeloma), cells in the blood or marrow, the
spleen, a marker, the skin, the brain or the CNS, PET avidity; nor where the mass must lie outside
a field or site, be counted ("at least two measurable lesions"), measured on two axes or its short
axis; nor under a negation, nor in an exclusion (the module only adds a way to meet a
requirement).

Every pattern is a bounded alternation; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, Op, Predicate, Review, Window, iter_predicates
from rules_engine.parser.items import I, number, predicate
from rules_engine.parser.normalize import normalize

_MEASURABLE = Predicate("measurable_disease", Op.IS, "positive")

GATE = re.compile(r"measure?able", I)

# where measurability is by something else than the largest mass's size, or the mass must be a
# particular one (see the module's doc)
_OTHER_MEASURE = re.compile(
    r"myeloma|plasma\s*cell|plasmacytoma|\bM[\s-]?(?:protein|spike|component)|paraprotein|monoclonal\s+(?:protein|immunoglobulin|component)"
    r"|light[\s-]+chains?|\bFLC\b|electrophoresis|immunofixation|Bence|macroglobulin|\bIg[GAMDE]\b"
    r"|\bserum\b|\burine\b|\bblood\b|marrow|circulating|lymphocyt|\bALC\b|spleen|splen|hepatomegaly"
    r"|\bmarkers?\b|\bPSA\b|CA[\s-]?125|CA[\s-]?19|\bCEA\b|\bAFP\b|\bhCG\b"
    r"|\bskin\b|cutaneous|mSWAT|brain|\bCNS\b|intracranial|cerebr|lepto|spinal|\bCSF\b|RANO|Macdonald|gliom|glioblastom|astrocytom|neuro-?onc"
    r"|\bPET\b|FDG|avid|\bbone\b|osseous|effusion|ascites|pleura"
    r"|radiat|irradiat|\bfield\b|outside|previously\s+treated|\bbiops"
    r"|short[\s-]+axis|bi-?dimension|perpendicular|\d\s*(?:cm|mm)?\s*[x×]\s*\d"
    r"|\b(?:two|2|three|3|four|4|multiple|several)\s+(?:or\s+more\s+)?(?:\w+\s+){0,2}(?:lesions|masses|sites|nodes|tumou?rs)"
    r"|\bIMWG\b|\bIWG\b|\bIWCLL\b|\bEULAR\b",
    I,
)
# a lower bound on a lesion's size: "> 2 cm", "≥ 10 mm", "at least 1.5 cm" (normalised to "≥")
_BOUND = re.compile(r"(?P<op>[≥>])\s*(?P<n>\d{1,3}(?:\.\d{1,2})?)\s*(?P<unit>cm|mm)\b", I)
_WINDOW = re.compile(r"(?:\bwithin\s+(?:the\s+)?(?:(?:past|last|previous|prior)\s+)?|≤\s*)(?P<n>\d{1,3})\s*(?P<unit>days?|weeks?|months?)\b", I)
# the words of RECIST's definition written out beside the term ("defined as at least one lesion that
# can be accurately measured in at least one dimension (longest diameter to be recorded) as >= 20 mm
# with conventional techniques or as >= 10 mm with spiral CT scan", "RECIST v1.1"), which the
# readers leave unread beside it: a review made of these words only says what the measurable
# disease read is, and asks nothing the size does not (about 100 corpus lines)
_DEFINITION_WORDS = frozenset(
    "patients must have with measurable disease is are defined definition as at least one any a an lesion lesions that which can could be "
    "accurately reliably measured in dimension dimensions longest greatest largest diameter diameters to recorded by using "
    "conventional techniques technique spiral helical ct computed computerized computerised tomography scan scans mri or and the of "
    "v version recist criteria mm cm unidimensionally unidimensional target tumor tumour tumors tumours per according".split()
)
# the sentence that dates the scan ("baseline measurements and evaluations of all sites of disease
# must be obtained <= 4 weeks prior to registration", "Measurable disease must be assessed within 28
# days prior to registration"; the NCI template's, ~20 corpus lines): the window the size is asked
# in; of a coded verdict, whose assessment the record does not date, a person's
_ASSESSMENT_WORDS = frozenset(
    "baseline measurements measurement and evaluations evaluation assessments assessment imaging scans scan ct mri of all sites site "
    "disease lesions lesion measurable tumor tumour must should be obtained assessed evaluated performed done documented within "
    "prior to before the registration enrollment enrolment randomization randomisation study entry treatment start starting "
    "initiation first dose drug protocol therapy day days week weeks".split()
)
_TOKEN = re.compile(r"[a-z]+|\d+(?:\.\d+)?|[^\sa-z\d]", I)
_SEPARATORS = frozenset("≥>=/()[],;:.…-")
_DEFAULT_SIZE = 2  # cm
_DEFAULT_WINDOW = Window(4, "weeks")
_DAYS = {"day": 1, "week": 7, "month": 30}


def _size(text: str) -> tuple[Op, float | int]:
    """The size at which the line's own words make a mass measurable, in cm."""
    bounds = [(value if m.group("unit").lower() == "cm" else value / 10, m.group("op")) for m in _BOUND.finditer(text) if (value := float(m.group("n"))) > 0]
    if not bounds:
        return Op.GTE, _DEFAULT_SIZE
    largest = max(size for size, _ in bounds)
    strict = any(op == ">" for size, op in bounds if size == largest)
    return (Op.GT if strict else Op.GTE), number(f"{largest:g}")


def _window(text: str) -> Window:
    windows = [(int(m.group("n")), m.group("unit").lower().rstrip("s")) for m in _WINDOW.finditer(text)]
    windows = [(n, unit) for n, unit in windows if n > 0]
    if not windows:
        return _DEFAULT_WINDOW
    n, unit = min(windows, key=lambda w: w[0] * _DAYS[w[1]])
    return Window(n, unit + "s")


def measurable_by_size(expr: Expr, ctype: CriterionType, text: str) -> Expr:
    """``expr`` (an inclusion's reading of ``text``) with its measurable disease met by a recent
    largest mass of the line's size as well (see the module's doc)."""
    if ctype is not CriterionType.INCLUSION or not GATE.search(text):
        return expr
    words = normalize(text)
    if _OTHER_MEASURE.search(words) or any(p.concept == "tumor_size" for p in iter_predicates(expr)):
        return expr  # (a size the line asks itself decides as read: "defined as at least one tumor mass of > 1.5 cm")
    op, size = _size(words)
    # (the size only where no verdict is coded: one coding the disease not measurable still decides)
    by_size = All((Not(predicate("measurable_disease", Op.PRESENT)), predicate("tumor_size", op, size, "cm", window=_window(words))))
    return _replace(expr, by_size, _beyond_recist(words), helps=True)


def _beyond_recist(text: str) -> bool:
    """Whether every size the line writes is past RECIST's smallest measurable lesion (1 cm):
    "Measurable disease of at least 1.5 cm", "measurable disease >= 20 mm per RECIST" ask more of
    a lesion than the coded verdict says."""
    sizes = [float(m.group("n")) / (1 if m.group("unit").lower() == "cm" else 10) for m in _BOUND.finditer(text)]
    return bool(sizes) and min(sizes) > 1


def dates_the_scan(review: Review) -> bool:
    """Whether a review's words only say when the disease must have been assessed."""
    tokens = _TOKEN.findall(review.text.lower())
    return (
        any(t in ("obtained", "assessed", "evaluated", "performed", "done") for t in tokens)
        and any(t[0].isdigit() for t in tokens)
        and all(t in _ASSESSMENT_WORDS or t in _SEPARATORS or t[0].isdigit() or t == "≤" for t in tokens)
    )


def definition_only(review: Review) -> bool:
    """Whether a review's words are only RECIST's definition of a measurable lesion."""
    tokens = _TOKEN.findall(review.text.lower())
    return any(t.isalpha() for t in tokens) and all(t in _DEFINITION_WORDS or t in _SEPARATORS or t[0].isdigit() for t in tokens)


def _replace(expr: Expr, by_size: Expr, beyond: bool, helps: bool) -> Expr:
    sized = Any_((_MEASURABLE, by_size))
    if expr == _MEASURABLE:
        return sized if helps else expr
    if isinstance(expr, Not):
        inner = _replace(expr.part, by_size, beyond, not helps)
        return expr if inner is expr.part else Not(inner)
    if isinstance(expr, All | Any_):
        parts = tuple(_replace(p, by_size, beyond, helps) for p in expr.parts)
        if isinstance(expr, All) and helps and sized in parts:
            # the definition written out beside the measurable disease it defines asks nothing more
            # of the size read; of a coded verdict, only a size past RECIST's own (left a person's)
            definitions = [p for p in parts if isinstance(p, Review) and definition_only(p)]
            dated = [p for p in parts if isinstance(p, Review) and p not in definitions and dates_the_scan(p)]
            parts = tuple(p for p in parts if p not in definitions and p not in dated)
            kept = (definitions if beyond else []) + dated
            if kept:
                parts = tuple(Any_((All((_MEASURABLE, *kept)), by_size)) if p == sized else p for p in parts)
        if len(parts) == 1:
            return parts[0]
        return expr if parts == expr.parts else type(expr)(parts)
    return expr
