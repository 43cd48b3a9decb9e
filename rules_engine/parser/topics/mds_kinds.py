"""The kinds of myelodysplastic syndrome a line names by what no code names whole (hold26):

* An IPSS risk group or score ("MDS patients in IPSS risk group low or intermediate-1", "Non-del(5q)
  low or Intermediate-1risk MDS", "IPSS Int-2 or High risk", "IPSS score ≥ intermediate-2",
  "History of MDS IPSS score>1.0"). No record holds the IPSS (karyotype points are rarely coded),
  but the marrow blasts fix part of it whatever the karyotype and the cytopenias add (blasts < 5%:
  0 points, 5-10%: 0.5, 11-20%: 1.5, 21-30%: 2.0; the karyotype 0 to 1 more and the cytopenias 0
  or 0.5), so a group or score the blasts rule out is not met and one they imply is met; in
  between it stays a person's (a review qualifying the blasts band, which the safety pass keeps
  in an exclusion too). Read as a bare review, an RAEB-2 with 15% blasts passed "low or
  intermediate-1 risk MDS" (an eligible answer, holdout T263). The revised IPSS (IPSS-R, another
  scale) and the WPSS are never read here.
* "Non-del(5q)" / "without 5q- (cytogenetic) abnormality": no MDS with a 5q deletion on record
  (``del_5q``, ICD-10-CM D46.C).
* A French-American-British or WHO kind of MDS by its name ("refractory anemia with excess blasts
  (RAEB)", "RAEB-T", "RARS", "refractory cytopenia with multilineage dysplasia"): the kind the
  record codes (ICD-10-CM D46.x, ``mds_coded_kinds``); RAEB in transformation, which no MDS code
  names, is an MDS or AML whose kind is a person's (``Qualifier``), and a patient without either
  fails it. Left unread, a heading's list of kinds ("RAEB with >= 10% marrow blasts" / "RAEB-T
  ..." / "AML") was no list of diseases and its lines were asked of every patient together.
* "Primary or de novo MDS" / "de novo MDS" / "primary MDS": an MDS that is neither
  therapy-related (ICD-O-3 9920/3) nor grown from a myeloproliferative neoplasm; "secondary MDS":
  a therapy-related one, or another origin a person reads. "De novo AML" / "de novo acute
  leukemia", its acute counterpart: no secondary AML.

Every pattern is a bounded alternation; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Expr, Not, Op, ReviewReason
from rules_engine.parser.items import I, Item, all_of, any_of, number, predicate
from rules_engine.parser.safety import Alternative, Qualifier
from rules_engine.parser.topics.mds_coded_kinds import mds_kind_expr
from rules_engine.parser.topics.mds_kind_lists import kind_runs

_GATE = re.compile(r"IPSS|5q|novo|primary|secondary|risk", I)
_KIND_GATE = re.compile(r"refractory|RAEB|RARS|RC[MU]D", I)
_IN_TRANSFORMATION = re.compile(r"transformation|RAEB\s*-\s*[Tt]\b")
_MDS_NAMED = re.compile(r"\bMDS\b|myelodysplas", I)
# the kinds by name, their abbreviation in brackets after it, or the abbreviation alone (in
# capitals: "RA" alone is too many other things and is never read)
# (the type joined by a hyphen too: "refractory anemia with excess blasts-1 (RAEB-1)")
_BLASTS_KIND = r"(?:\s*[-–]\s*(?:1|2|I{1,2})\b|\s+(?:of\s+)?(?:the\s+)?(?:type\s+)?(?:[-–]?\s*(?:1|2|I{1,2})\b|in\s+transformation))?"
_MDS_KIND = re.compile(
    r"\brefractory\s+an(?:a)?emia\s+with\s+(?:an?\s+)?excess(?:\s+of)?\s+blasts?" + _BLASTS_KIND
    + r"|\brefractory\s+an(?:a)?emia\s+with\s+ring(?:ed)?\s+sideroblasts"
    r"|\brefractory\s+cytopenias?\s+with\s+(?:multi|uni)[\s-]?lineage\s+dysplasia(?:\s+and\s+ring(?:ed)?\s+sideroblasts)?"
    r"|(?-i:\bRAEB(?:\s*-\s*(?:T|t|1|2|I{1,2})\b|(?=[\s),;:/]|$))|\bRARS\b(?:\s*-\s*T\b)?|\bRC[MU]D(?:-RS)?\b)",
    I,
)
# an MDS named with its kind right after it, the kind ending the clause ("myelodysplastic syndromes
# with refractory anemia", "MDS with RAEB-1"); a kind that goes on ("refractory anemia with ...")
# or a bracket after it is another reading's
_MDS_WITH_KIND = re.compile(
    r"(?:\bMDS\b|\bmyelodysplastic\s+syndromes?(?:\s*\(MDS\))?)\s+with\s+(?:an?\s+)?(?P<kind>(?:"
    r"refractory\s+an(?:a)?emia(?:\s+with\s+(?:an?\s+)?(?:excess(?:\s+of)?\s+blasts?(?:\s*[-–]?\s*(?:1|2|I{1,2})\b)?|ring(?:ed)?\s+sideroblasts))?"
    r"|refractory\s+cytopenias?\s+with\s+(?:multi|uni)[\s-]?lineage\s+dysplasia"
    r"|(?-i:RAEB(?:\s*-\s*(?:1|2)\b)?|RARS|RCMD|RCUD))"
    r"(?:\s*\((?-i:RA|RAEB|RARS|RCMD|RCUD)[^()]{0,20}\))?)"
    r"(?=\s*(?:$|[,;.]|\bor\b|\band\b))",
    I,
)
# a kind the pattern above does not read: "RA" in capitals, "refractory anemia" with no "with" after it
_UNREAD_KIND = re.compile(r"(?-i:\bRA\b)|\brefractory\s+an(?:a)?emia\b(?!\s+with\b)", I)
# (the bracket after it restates it, abbreviated or spelled out: "RAEB-T (RAEB in transformation)")
_KIND_ABBREVIATION = re.compile(r"\s*\(\s*(?:(?-i:RAEB|RARS|RC[MU]D|RA)\b|refractory\s)[^()]{0,50}\)", I)

# the IPSS group names; "-2" after a listed "int-1" ("int-1, -2, or high-risk") is the next group
# "intermediate" bare, no 1 or 2 after it ("intermediate or high-risk IPSS scores"): both
# intermediate groups, as the scale names them together; "2" after a bare one ("intermediate 1 or 2")
# is the second group as after "int-1"
_GROUP_FIRST = r"(?:low|int(?:ermediate)?[-\s]*(?:1|2|I{1,2})(?![\d.])|intermediate(?![-\s]*(?:\d|I{1,2}\b|one\b|two\b))|-\s*2(?![\d.])|high)"
_GROUP = r"(?:low|int(?:ermediate)?[-\s]*(?:1|2|I{1,2})(?![\d.])|intermediate(?![-\s]*(?:\d|I{1,2}\b|one\b|two\b))|-?\s*2(?![\d.])|high)"
# each group may carry its own "risk" ("low risk, intermediate-1 risk, or intermediate-2 risk")
_GROUP_RISK = r"(?:(?:\s*-\s*|\s+)risk(?=\s*(?:,|or\b|and\b|/)))?"
_GROUPS = re.compile(
    r"(?<![\w-])(?P<cmp>(?:≥|>=|greater\s+than\s+or\s+equal\s+to|at\s+least)\s*)?(?P<list>" + _GROUP_FIRST + _GROUP_RISK
    + r"(?:\s*(?:,\s*(?:or\s+|and\s+)?|or|and|and/or|/|to)\s*" + _GROUP + _GROUP_RISK + r"){0,3})"
    r"(?:\s+or\s+(?:(?P<up>greater|higher|above|more|worse)|(?P<down>less|lower|below|better)))?(?:(?:\s*-\s*|\s+|)risk)?(?![\w-])",
    I,
)
_IPSS = re.compile(r"\bIPSS\b(?!\s*-?\s*R\b)|\bInternational\s+Prognostic\s+Scoring\s+System\b(?!\s*[-\s]*R\b)", I)
_REVISED = re.compile(r"IPSS\s*-?\s*R\b|\bR\s*-?\s*IPSS\b|\brevised\b|\bWPSS\b|\bIPSS-R\b", I)
# "low or intermediate-1 risk MDS" without the scale's name: a risk group of an MDS
_RISK_MDS = re.compile(r"(?:\s*-\s*|\s+|)risk\s+(?:MDS|myelodysplas)", I)
_SCORE = re.compile(r"\bIPSS\b(?!\s*-?\s*R\b)(?:\s+(?:risk\s+)?score)?(?:\s+of)?\s*(?P<op>≥|>=|>|≤|<=|<)\s*(?P<n>\d(?:\.\d)?)(?![\d.])", I)

_ORDER = ("low", "int1", "int2", "high")
_POINTS = {"low": (0.0, 0.0), "int1": (0.5, 1.0), "int2": (1.5, 2.0), "high": (2.5, 9.0)}
# the marrow blasts bands: (lower bound, its op, upper bound, its op) and the points they allow
_BANDS = (
    ((None, None, 5, Op.LT), (0.0, 1.5)),
    ((5, Op.GTE, 10, Op.LTE), (0.5, 2.0)),
    ((10, Op.GT, 20, Op.LTE), (1.5, 3.0)),
    ((20, Op.GT, None, None), (2.0, 3.5)),
)


def _group(word: str, previous: str | None) -> str | None:
    w = re.sub(r"[\s-]+", "", word.lower()).replace("intermediate", "int")
    if w == "low":
        return "low"
    if w == "high":
        return "high"
    if w in ("int1", "inti"):
        return "int1"
    if w in ("int2", "intii"):
        return "int2"
    if w == "2" and previous == "int1":
        return "int2"
    if w == "int":  # "intermediate" bare: either intermediate group
        return "int"
    return None


def _groups(m: re.Match[str]) -> frozenset[str] | None:
    words = re.findall(_GROUP, m.group("list"), I)
    found: list[str] = []
    for word in words:
        g = _group(word, found[-1] if found else None)
        if g is None:
            return None
        found.append(g)
    if "int" in found:  # a bare "intermediate" in a range or beside a comparison is no one group
        if len(found) != found.count("int") + sum(1 for g in found if g in ("low", "high")) or re.search(r"\bto\b", m.group("list"), I) \
                or m.group("cmp") or m.group("up") or m.group("down"):
            return None
        return frozenset(g for f in found for g in (("int1", "int2") if f == "int" else (f,)))
    if re.search(r"\bto\b", m.group("list"), I) and len(found) == 2:  # "low to intermediate-1"
        lo, hi = _ORDER.index(found[0]), _ORDER.index(found[1])
        found = list(_ORDER[min(lo, hi):max(lo, hi) + 1])
    if m.group("cmp") or m.group("up") or m.group("down"):  # "≥ intermediate-2", "intermediate-2 or greater"
        if len(found) != 1 or (m.group("cmp") and m.group("down")):
            return None
        k = _ORDER.index(found[0])
        found = list(_ORDER[:k + 1] if m.group("down") else _ORDER[k:])
    return frozenset(found)


def _band(bounds: tuple[float | None, Op | None, float | None, Op | None]) -> Expr:
    lo, lo_op, hi, hi_op = bounds
    parts: list[Expr] = []
    if lo is not None and lo_op is not None:
        parts.append(predicate("bm_blasts", lo_op, lo, "%"))
    if hi is not None and hi_op is not None:
        parts.append(predicate("bm_blasts", hi_op, hi, "%"))
    return all_of(parts)


def _by_blasts(fits: list[bool | None], words: str) -> Expr | None:
    """The bands' verdicts (True met, False not met, None a person's) as one expression."""
    if all(f is None for f in fits):
        return None
    parts: list[Expr] = []
    for (bounds, _), fit in zip(_BANDS, fits, strict=True):
        if fit is True:
            parts.append(_band(bounds))
        elif fit is None:
            parts.append(All((_band(bounds), Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, f"{words}: the IPSS beyond what the marrow blasts fix"))))
    if not parts:
        return None  # every band rules it out: no MDS has it, a reading of its own
    return any_of(parts)


def _group_expr(groups: frozenset[str], words: str) -> Expr | None:
    fits: list[bool | None] = []
    for _, (lo, hi) in _BANDS:
        possible = {g for g, (glo, ghi) in _POINTS.items() if glo <= hi and ghi >= lo}
        fits.append(True if possible <= groups else False if not possible & groups else None)
    return _by_blasts(fits, words)


def _score_expr(op: str, n: float, words: str) -> Expr | None:
    fits: list[bool | None] = []
    for _, (lo, hi) in _BANDS:
        if op in (">", ">="):
            yes, no = (lo > n, hi <= n) if op == ">" else (lo >= n, hi < n)
        else:
            yes, no = (hi < n, lo >= n) if op == "<" else (hi <= n, lo > n)
        fits.append(True if yes else False if no else None)
    return _by_blasts(fits, words)


_NON_DEL5Q = re.compile(
    r"(?<![\w-])non[-\s]?(?:del(?:etion)?\s*\(?\s*5q\s*\)?|5q\s*-?(?:\s+(?:deletion|syndrome))?)(?![\w])"
    r"|\bwithout\s+(?:an?\s+)?(?:isolated\s+)?(?:del(?:etion)?\s*\(\s*5q\s*\)|5q\s*-|5q\s+deletion|deletion\s+(?:of\s+)?5q)(?:\s+(?:cytogenetic\s+|chromosomal?\s+)?abnormality)?",
    I,
)
_MDS_NAME = r"\s+(?:MDS\b|myelodysplastic\s+syndromes?(?:\s*\(\s*MDS\s*\))?|myelodysplasia)"
_DE_NOVO = re.compile(
    r"\b(?:primary\s+(?:or|and/or|/)\s+de\s+novo|de\s+novo\s+(?:or|and/or|/)\s+primary|de\s+novo|primary)" + _MDS_NAME, I)
# "de novo AML", "de novo acute leukemia" (in first remission): an acute leukaemia that is no
# secondary AML (derive.OPEN_BESIDE leaves that open beside an antecedent disorder or another
# cancer, so an AML after an MDS stays a person's). Left, "de novo" was a review beside the disease
# and a patient in first remission was undecided for "no de novo acute leukemia in first remission"
_SECONDARY_OR = re.compile(r"\b(?:secondary|primary|therapy[-\s]related|treatment[-\s]related)\s*,?\s*(?:or|and/or|/)\s*$", I)  # "secondary or de novo AML": any origin
_DE_NOVO_ACUTE = re.compile(
    r"\bde\s+novo\s+(?:(?P<aml>AML\b|acute\s+myel(?:oid|ogenous|oblastic)\s+leuka?emia(?:\s*\(\s*AML\s*\))?)|acute\s+leuka?emias?\b)", I)
_NOT_AFTER = re.compile(r"\b(?:or|and/or|/)\s*$", I)  # "secondary or de novo": any origin
_SECONDARY = re.compile(r"(?<![\w-])secondary" + _MDS_NAME, I)
_ANY_ORIGIN = re.compile(r"\b(?:de\s+novo|primary)\s+(?:or|and/or|/)\s*$|^\s*(?:or|and/or|/)\s+(?:de\s+novo|primary|secondary)\b", I)


# the words that may stand between the scale's name and its groups ("IPSS risk group low or
# intermediate-1", "International Prognostic Scoring System (IPSS) score of intermediate 2", "IPSS
# category of intermediate-2 or high", "IPSS risk categories of INT-2 or High risk")
_BETWEEN = re.compile(r"(?:\s|[(),:]|\b(?:IPSS|risk|groups?|categor(?:y|ies)|scores?|of|is|are|must|be|an?|the|in|with|defined|as|criteria|for|that|falls?|within)\b)*", I)  # ("(IPSS) criteria for low risk")


# or the scale's whole name after the groups, "by the" before it: "intermediate 1 or 2, or high
# risk by the International Prognostic Scoring System", "Intermediate-2 or high risk International
# Prognostic Scoring System (IPSS) score"
_AFTER = re.compile(
    r"\s*(?:risk\s+)?(?:(?:by|per|according\s+to|using|as\s+defined\s+by|defined\s+by)\s+(?:the\s+)?)?"
    r"(?:IPSS\b|International\s+Prognostic\s+Scoring\s+System\b(?:\s*[\[(]\s*IPSS\s*[\])])?)(?!\s*-?\s*R\b)(?:\s+risk)?"
    r"(?:\s+(?:groups?|categor(?:y|ies)|scores?|classification|criteria))?", I)


def _scale_span(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """The span of the groups with the scale's own words when the IPSS is named right before
    them (only linking words between), right after them ("high IPSS risk group"), or the groups
    are an MDS's risk ("low or intermediate-1 risk MDS"); None when the groups are no IPSS's."""
    for name in _IPSS.finditer(text, max(0, m.start() - 80), m.start()):
        if _BETWEEN.fullmatch(text[name.end():m.start()]):
            return name.start(), m.end()
    after = _AFTER.match(text, m.end())
    if after and after.end() > m.end() and _IPSS.search(after.group(0)):
        return m.start(), after.end()
    # (without the scale's name only a list with an intermediate group is the IPSS's: "high-risk
    # MDS" and "lower-risk MDS" are clinical words that other scales share)
    # (and a numbered intermediate group: a bare "intermediate risk MDS" may be the revised scale's)
    if not re.search(r"int(?:ermediate)?[-\s]*(?:1|2|I)|-\s*2", m.group("list"), I):
        return None
    if re.search(r"risk\s*$", m.group(0), I):
        return (m.start(), m.end()) if re.match(r"\s+(?:MDS\b|myelodysplas)", text[m.end():], I) else None
    risk = _RISK_MDS.match(text, m.end())
    return (m.start(), m.end() + len(re.match(r"(?:\s*-\s*|\s+|)risk", text[m.end():], I).group(0))) if risk else None  # type: ignore[union-attr]


# the MDS whose risk the groups are, written just before them ("MDS patients in IPSS risk group
# low", "History of MDS IPSS score>1.0", "MDS with an IPSS score of") or just after ("low or
# intermediate-1 risk MDS"): one item, so an exclusion does not list the disease as a history of
# its own beside its risk (read apart, "MDS patients in high IPSS risk group" excluded every MDS)
_MDS_BEFORE = re.compile(
    r"(?:\bMDS\b|\bmyelodysplastic\s+syndromes?(?:\s*\(\s*MDS\s*\))?)(?:\s+(?:patients?|subjects?))?"
    r"(?:\s*,?\s+(?:in|with|of|and|having|who\s+have|that\s+has|which\s+has|(?:that|which|who)\s+meets?|meeting|defined\s+as))?(?:\s+an?)?\s*$", I)
_MDS_AFTER = re.compile(r"\s*(?:\bMDS\b|\bmyelodysplastic\s+syndromes?(?:\s*\(\s*MDS\s*\))?)", I)


# an MDS's blasts bound offered before its IPSS group ("Patients with MDS and </= 10% blasts or
# International Prognostic Scoring System (IPSS) low or intermediate 1"): in an MDS line the
# blasts are the marrow's
_BLASTS_OR = re.compile(r"(?P<op>≤|<=|</=|<|=<)\s*(?P<n>\d{1,2}(?:\.\d)?)\s*%\s*(?:of\s+)?(?:(?:bone\s+)?marrow\s+|BM\s+)?blasts\s+or\s*$", I)
_BLAST_OPS = {"≤": Op.LTE, "<=": Op.LTE, "</=": Op.LTE, "=<": Op.LTE, "<": Op.LT}


_MDS_LINK = re.compile(r"\s*(?:\(\s*MDS\s*\)\s*)?,?\s*(?:in|with|of|having|who\s+have|that\s+has|which\s+has)?(?:\s+an?)?\s*", I)
_DEFINED_RISK = re.compile(r"(?<![\w-])(?:high(?:er)?|low(?:er)?|poor|good)[\s-]+risk\s+$", I)


def _with_disease(text: str, span: tuple[int, int], expr: Expr, found: list[Item]) -> Item | None:
    """The MDS and its risk as one item; None when no MDS stands beside the risk (a group written
    apart, "MDS including CMML with IPSS risk categories of ...", "RA if severe pancytopenia ... or
    IPSS >= intermediate-2", is another reading's: joined by the words around it, it became an
    alternative of the disease or lost the review its neighbours had)."""
    start, end = span
    blasts = _BLASTS_OR.search(text, max(0, start - 40), start)
    if blasts:  # "<= 10% blasts or IPSS low or intermediate 1": the blasts are the first alternative
        start = blasts.start()
        expr = any_of([predicate("bm_blasts", _BLAST_OPS[blasts.group("op")], number(blasts.group("n")), "%"), expr])
    before = _MDS_BEFORE.search(text, max(0, start - 60), start)
    after = _MDS_AFTER.match(text, end)
    read_before: Item | None = None
    if before and any(it.end > before.start() for it in found):
        # the MDS read already with its origin ("Primary myelodysplastic syndromes (MDS) with an
        # IPSS score > 1.5"): the risk is that MDS's, the words between it and the risk linking them
        read_before = next((it for it in found if it.end > before.start() and it.end <= start and "mds" in it.concepts
                            and _MDS_LINK.fullmatch(text, it.end, start)), None)
        before = None
    if read_before is not None:
        return Item(read_before.end, end, all_of([predicate("mds", Op.PRESENT), expr]), frozenset({"mds", "bm_blasts"}))
    if after and any(it.start < after.end() and it.end > end for it in found):
        after = None
    if before:
        start = before.start()
        # the risk word the IPSS groups define ("High-risk myelodysplastic syndromes defined as
        # IPSS category of intermediate-2 or greater"): the definition says what it means
        risk = _DEFINED_RISK.search(text, max(0, start - 30), start) if re.search(r"\bdefined\s+as\s*$", before.group(0), I) else None
        if risk and not any(it.end > risk.start() and it.start < start for it in found):
            start = risk.start()
    elif after:
        end = after.end()
    else:
        return None
    return Item(start, end, all_of([predicate("mds", Op.PRESENT), expr]), frozenset({"mds", "bm_blasts"}))


# an MDS named with the kinds it means in a bracket right after it: "(subtype ...)", "[i.e. ...]" or
# the kinds alone (one short bracket inside, the kind's own abbreviation, allowed)
_MDS_BRACKET_KINDS = re.compile(
    r"(?:\bMDS\b|\bmyelodysplastic\s+syndromes?|\bmyelodysplasia)(?:\s*\(\s*MDS\s*\))?\s*[(\[]\s*"
    r"(?:i\.\s?e\.?\s*,?\s*|(?:(?:WHO|FAB)\s+)?sub-?types?\s*:?\s*)?"
    r"(?P<kinds>(?:[^()\[\]]|\([^()\[\]]{1,40}\)){2,160}?)\s*[)\]]",
    I,
)
_SCHEME_TAIL = re.compile(r"\s*,?\s*(?:by|per|according\s+to)\s+(?:the\s+)?(?:WHO|FAB|World\s+Health\s+Organi[sz]ation)(?:\s+(?:classification|criteria))?\s*$", I)


def _bracket_kinds(words: str) -> Expr | None:
    """The kinds of MDS ``words`` name, whole: one kind, or a run of them offered as alternatives."""
    words = words.strip()
    one = mds_kind_expr(words)
    if one is not None:
        return one
    runs = kind_runs(words)
    if len(runs) != 1 or runs[0][0][0] != 0 or runs[0][-1][1] != len(words):
        return None
    kinds = [mds_kind_expr(words[a:b]) for a, b in runs[0]]
    return None if any(k is None for k in kinds) else any_of([k for k in kinds if k is not None])


def _outside(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with ``spans`` blanked (the kinds read), so that what is left shows a kind unread."""
    out: list[str] = []
    at = 0
    for start, end in sorted(spans):
        if end > at:
            out += [text[at:start] if start > at else "", " " * (end - max(start, at))]
            at = end
    return "".join([*out, text[at:]])


def _kind_item(text: str, start: int, end: int, unread: object) -> Item:
    """The kind named at ``text[start:end]``: the kind a hospital codes, or (a kind no code names,
    or another kind left unread beside it) an MDS whose kind a person reads."""
    coded = None if unread else mds_kind_expr(text[start:end])
    if coded is not None:
        return Item(start, end, coded, frozenset({"mds"}))
    kind = Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, "which kind of MDS: " + " ".join(text[start:end].split()))
    # (RAEB "in transformation", 20-30% blasts, is an MDS by FAB and an AML by WHO: either)
    disease = any_of([predicate("mds", Op.PRESENT), predicate("aml", Op.PRESENT)]) if _IN_TRANSFORMATION.search(text, start, end) else predicate("mds", Op.PRESENT)
    return Item(start, end, all_of([disease, kind]), frozenset({"mds", "aml"}))


def mds_kind_items(text: str, ctype: object = None) -> list[Item]:
    """Items for an IPSS group or score, a non-del(5q) MDS and an MDS's origin (see the module)."""
    if not _GATE.search(text) or _REVISED.search(text):
        ipss = False
    else:
        ipss = True
    items: list[Item] = []
    # (only where the line names no MDS itself: beside it, "MDS [i.e. RAEB-1 or RAEB-2] and CMML",
    # "MDS other than RA or RARS subtypes", the kinds narrow or except the MDS it names, which the
    # line's other readers keep as a person's)
    # (and only one kind: a list of them, "the FAB groups RA, RARS, RAEB, RAEBt and CMML are
    # eligible", offers kinds a clause's "and" would ask all at once)
    if _KIND_GATE.search(text) and not _MDS_NAMED.search(text):
        # (a run of kinds offered as alternatives, "CMML, refractory anemia (RA), or RARS", is read
        # member by member: topics.mds_kind_lists)
        runs = [span for run in kind_runs(text) for span in run]
        unread_beside_runs = _UNREAD_KIND.search(_outside(text, runs)) if runs else None
        items += [_kind_item(text, start, end, unread_beside_runs) for start, end in runs]
        kinds: list[Item] = []
        for m in _MDS_KIND.finditer(text):
            if any(it.start < m.end() and m.start() < it.end for it in kinds) or any(s < m.end() and m.start() < e for s, e in runs):
                continue  # the abbreviation in brackets after the name just read, or a run's member
            end = m.end()
            bracket = _KIND_ABBREVIATION.match(text, end)
            if bracket:
                end = bracket.end()
            # the kind a hospital codes (mds_coded_kinds), where the clause names no other kind this
            # pattern leaves unread ("other than RA or RARS subtypes": read as RARS alone, an RA
            # met the exception's negation)
            kinds.append(_kind_item(text, m.start(), end, _UNREAD_KIND.search(_outside(text, [*runs, (m.start(), end)]))))
            if len(kinds) > 1:
                break  # (one kind only is read: a second says no more is read)
        if len(kinds) == 1:
            items += kinds
    for m in _MDS_BRACKET_KINDS.finditer(text):
        # "MDS (subtype RAEB-1 or RAEB-2)", "myelodysplasia (MDS) [i.e. refractory anemia with excess
        # blasts (RAEB-1 or RAEB-2) by WHO classification]": the kinds in the bracket are the MDS
        # the line takes, read as the kinds a hospital codes; read as "MDS" beside unread words, an
        # RA met a line for RAEB only (a bracket of examples, "e.g.", is not read here)
        coded = _bracket_kinds(_SCHEME_TAIL.sub("", m.group("kinds")))
        if coded is not None and not any(it.start < m.end() and m.start() < it.end for it in items):
            items.append(Item(m.start(), m.end(), coded, frozenset({"mds"})))
    for m in _MDS_WITH_KIND.finditer(text):
        # "myelodysplastic syndromes with refractory anemia", "MDS with RAEB-2": the MDS the line
        # names, narrowed to the kind a hospital codes (mds_coded_kinds); read as the MDS and an
        # unread "with refractory anemia", "No chronic phase CML, ... or myelodysplastic
        # syndromes with refractory anemia" left an RAEB-2 patient undecided (holdout T301)
        coded = mds_kind_expr(m.group("kind"))
        if coded is not None and not any(it.start < m.end() and m.start() < it.end for it in items):
            items.append(Item(m.start(), m.end(), coded, frozenset({"mds"})))
    for m in _NON_DEL5Q.finditer(text):
        items.append(Item(m.start(), m.end(), Not(predicate("del_5q", Op.PRESENT)), frozenset({"del_5q"})))
    for m in _DE_NOVO.finditer(text):
        if _ANY_ORIGIN.search(text[max(0, m.start() - 20):m.start()]) or _ANY_ORIGIN.match(text[m.end():]):
            continue
        origin = all_of([predicate("mds", Op.PRESENT), Not(predicate("therapy_related_myeloid_neoplasm", Op.PRESENT)),
                         Not(predicate("mpn", Op.PRESENT))])
        items.append(Item(m.start(), m.end(), origin, frozenset({"mds", "therapy_related_myeloid_neoplasm", "mpn"})))
    for m in _DE_NOVO_ACUTE.finditer(text):
        if _SECONDARY_OR.search(text[max(0, m.start() - 30):m.start()]) or _ANY_ORIGIN.match(text[m.end():]):
            continue
        disease = "aml" if m.group("aml") else "acute_leukemia"
        origin = all_of([predicate(disease, Op.PRESENT), Not(predicate("secondary_aml", Op.PRESENT))])
        items.append(Item(m.start(), m.end(), origin, frozenset({disease, "secondary_aml"})))
    for m in _SECONDARY.finditer(text):
        if _ANY_ORIGIN.search(text[max(0, m.start() - 20):m.start()]):
            continue
        other = Alternative(ReviewReason.UNSUPPORTED_CONCEPT, "secondary MDS of another origin (after a marrow disorder)")
        origin = all_of([predicate("mds", Op.PRESENT), any_of([predicate("therapy_related_myeloid_neoplasm", Op.PRESENT), other])])
        items.append(Item(m.start(), m.end(), origin, frozenset({"mds", "therapy_related_myeloid_neoplasm"})))
    if ipss:
        for m in _GROUPS.finditer(text):
            span = _scale_span(text, m)
            groups = _groups(m) if span else None
            if not span or not groups:
                continue
            expr = _group_expr(groups, " ".join(m.group(0).split()))
            item = _with_disease(text, span, expr, items) if expr is not None else None
            if item is not None and not any(not (item.end <= it.start or item.start >= it.end) for it in items):
                items.append(item)
        for m in _SCORE.finditer(text):
            if any(not (m.end() <= it.start or m.start() >= it.end) for it in items):
                continue
            expr = _score_expr(m.group("op").replace("≥", ">=").replace("≤", "<="), float(m.group("n")), " ".join(m.group(0).split()))
            item = _with_disease(text, (m.start(), m.end()), expr, items) if expr is not None else None
            if item is not None and not any(not (item.end <= it.start or item.start >= it.end) for it in items):
                items.append(item)
    return sorted(items, key=lambda it: it.start)
