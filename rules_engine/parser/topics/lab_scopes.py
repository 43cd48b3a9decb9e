"""The patients a lab's second bound (or its note) is for, as registries word them.

``scope_condition`` reads the scope phrase of "ALT <= 2.5 x ULN (<= 5 x ULN for patients
with liver metastases)" as the coded condition it names. The corpus words the same patients many
more ways than "with liver metastases" (issue 14; ~120 corpus lines left a second bound to a
person, the scope an "applies only ..." review beside it):

- the cause said as a cause: "if due to / related to / attributable to / secondary to liver
  metastases", "if judged by the investigator to be related to liver metastases", "if the
  transaminase elevation is due to hepatic involvement", "if clearly attributable to ...";
- the case: "in case of liver metastases", "in the case of ...", "in cases of ...";
- qualifiers of the finding: "documented", "known", "concurrent", "well documented";
- whose disease reaches the liver: "liver involvement of their cancer", "hepatic involvement
  with lymphoma", "liver involvement by the tumor", "tumor involvement of the liver", "the liver
  is involved", "liver has tumor involvement", "hepatic mets".

For the liver's enzymes (ALT, AST, alkaline phosphatase) a second bound "if related to
disease", "if attributable to malignancy", "if due to leukemic involvement", "if due to ATL" is
the same patients: what the disease raises these values through is its reach into the liver,
which a hospital codes as a secondary neoplasm of the liver (C78.7; ``items.NAMED_CAUSES``).
Read so, a patient with the liver involved is held to the second bound, every other to the
first: never the wider bound for everyone (rule 1), never unknown for a record that has no
liver involvement. The bilirubin is not read so (a disease raises it through haemolysis or
obstruction as well, which no liver finding codes), nor the counts or the creatinine.

A blood count's second bound is for the patients whose marrow the cancer reaches ("(> 70 x
10^9/L if bone marrow was involved)", "in subjects with documented bone marrow involvement",
"if bone marrow is involved by malignancy", "if due to bone marrow infiltration"): a secondary
neoplasm of the bone marrow on record (C79.52, ``bone_marrow_involvement``); a leukaemia, MDS,
myeloma or MPN lives in the marrow, so for those a person says whether the bound's marrow
involvement is theirs (unknown, never the lower bound for them unasked). Any other record holds
the first bound.
"""

from __future__ import annotations

import re

from rules_engine.criteria import NUMERIC_OPS, All, Any_, CriterionType, Expr, Not, Op, Predicate, Review, ReviewReason
from rules_engine.parser.safety import Alternative, Qualifier
from rules_engine.parser.items import NAMED_CAUSES, I, all_of, any_of, predicate, predicates, rewrite_conjunctions, rewrite_groups

# the words that say the limit is raised *by* what follows ("the transaminase elevation is due to")
_CAUSE_FRAME = re.compile(
    r"^(?:(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:elevations?|abnormalit(?:y|ies)|rises?|increases?|decreases?|values?|levels?|counts?|cytopenias?|"
    r"thrombocytopenia|neutropenia|ana?emia)\s+(?:is|are)\s+"
    r"|(?:it|this|they)\s+(?:is|are)\s+|(?:elevated|raised|increased|abnormal)\s+)?"
    r"(?:(?:judged|believed|felt|considered|deemed|thought|proven|documented|determined)\s+"
    r"(?:by\s+the\s+(?:investigator|treating\s+physician|physician)\s+)?(?:to\s+be\s+)?)?"
    r"(?:(?:elevated|raised|increased|abnormal|low|lower)\s+)?(?:clearly\s+|likely\s+|directly\s+|primarily\s+)?"
    r"(?:due\s+to|related\s+to|attributable\s+to|attributed\s+to|secondary\s+to|caused\s+by|because\s+of|resulting\s+from)\s+",
    I,
)
# "in case of", "in the case of", "in cases of" (after "in" is taken): the patients with it
# (a scope reader may have taken "case" already and left "of liver metastases")
_CASE = re.compile(r"^(?:(?:the\s+)?cases?\s+)?of\s+", I)
_QUALIFIERS = re.compile(
    r"^(?:(?:known|documented|demonstrable|demonstrated|confirmed|concurrent|concomitant|existing|proven|biopsy[\s-]proven|"
    r"well[\s-]documented|radiologically\s+(?:documented|confirmed))\s+){1,2}",
    I,
)
# whose disease it is: "liver involvement of their cancer", "hepatic involvement with lymphoma"
_WHOSE = re.compile(
    r"\s+(?:of|by|with|from|due\s+to)\s+(?:the\s+|their\s+|his\s+or\s+her\s+|his/her\s+)?(?:primary\s+|underlying\s+)?"
    r"(?:cancer|disease|tumou?rs?|malignancy|leuka?emia|lymphoma|myeloma|neoplasm|ATL|CLL|NHL)$",
    I,
)
_DISEASE = r"(?:disease|tumou?r|leuka?emic|leuka?emia|lymphoma|lymphomatous|malignant|cancer|neoplastic|metastatic)"
# the liver reached, however the sentence runs ("the liver is involved", "liver has tumor
# involvement", "tumor involvement of the liver", "hepatic mets", "hepatic metastatic disease")
_LIVER = re.compile(
    rf"(?:the\s+)?(?:liver|hepatic)\s+(?:is|was)\s+involved(?:\s+(?:by|with)\s+(?:the\s+)?{_DISEASE})?"
    rf"|(?:the\s+)?liver\s+(?:has|shows)\s+(?:{_DISEASE}\s+)?(?:involvement|infiltration|metastas[ie]s)"
    rf"|(?:{_DISEASE}\s+)?(?:involvement|infiltration)\s+(?:of|in)\s+(?:the\s+)?liver"
    r"|(?:liver|hepatic)\s+(?:mets|metastatic\s+disease|lesions?\s+from\s+(?:the\s+)?(?:tumou?r|cancer|disease))",
    I,
)
# the disease itself, as the cause of a liver enzyme's rise
_DISEASE_CAUSE = re.compile(
    rf"(?:(?:the|their|his/her|the\s+patient's)\s+)?(?:underlying\s+|primary\s+|known\s+)?"
    rf"(?:(?:disease|malignancy|cancer|tumou?rs?|neoplasm|leuka?emia|lymphoma|myeloma|ATL|CLL|NHL|metastatic\s+disease|metastases|the\s+disease\s+process)"
    rf"(?:\s+(?:involvement|infiltration|process))?|{_DISEASE}\s+(?:involvement|infiltration))",
    I,
)
# a blood cancer named as the cause ("if due to leukemic involvement", "if deemed to be elevated due
# to leukemia", "if due to ATL"): a leukaemia reaches the liver without the secondary neoplasm a
# hospital codes, so for a patient with a blood cancer and no such code a person says whether it
# is the cause (holdout T321); the generic "disease", "malignancy", "tumor" is decided by the code
_BLOOD_CAUSE = re.compile(r".*\b(?:leuka?emi[ac]\w*|ATL|CLL|NHL|lymphoma\w*|myeloma)\b.*", I)
LIVER_SCOPE = "whether the blood cancer on record is what raised the value the bound is for"
# the enzymes a disease raises by its reach into the liver
LIVER_ENZYMES = frozenset({"alt", "ast", "alp"})
# the marrow reached ("bone marrow was involved", "documented bone marrow involvement by
# lymphoma", "lymphoma involvement of the bone marrow", "bone marrow infiltration from lymphoma")
_MARROW = re.compile(
    rf"(?:(?:the\s+)?(?:bone\s+)?marrow\s+(?:is|was|are)\s+(?:involved|infiltrated)(?:\s+(?:by|with)\s+(?:the\s+)?{_DISEASE}\w*)?"
    rf"|(?:{_DISEASE}\s+|direct\s+|extensive\s+|heavy\s+)?(?:bone\s+)?marrow\s+(?:disease\s+)?(?:involvement|infiltration)"
    rf"|(?:{_DISEASE}\s+|direct\s+|extensive\s+|heavy\s+)?(?:involvement|infiltration)\s+(?:of|in)\s+(?:the\s+)?(?:bone\s+)?marrow)"
    r"(?:\s+(?:is|was)\s+documented)?",
    I,
)
_MARROW_COUNTS = frozenset({"anc", "platelets", "hemoglobin", "wbc"})
# the review beside the marrow's own cancers in a scope: they name the patients a bound is for,
# never the trial's disease (``coded.trial_diseases`` passes them by; taken for it, an AML trial's
# patients were no "other malignancy" in a lymphoma trial whose count bound named the marrow)
MARROW_SCOPE = "whether the marrow disease on record is the marrow involvement the bound means"
# the cancers of the marrow itself
_MARROW_BORN = ("acute_leukemia", "cll", "mds", "multiple_myeloma", "mpn")


def normalized(what: str) -> str:
    """The finding a scope phrase names, its frame taken off ("if judged by the investigator to
    be related to documented liver metastases" -> "liver metastases")."""
    text = " ".join(what.split()).strip(" ,;:.")
    for _ in range(3):
        before = text
        text = _CASE.sub("", text)
        text = _CAUSE_FRAME.sub("", text)
        text = _QUALIFIERS.sub("", text)
        text = _WHOSE.sub("", text)
        text = text.strip(" ,;:.")
        if text == before:
            break
    return text


def scope_cause(what: str, concept: str | None) -> str | None:
    """The named cause (a concept of ``items.NAMED_CAUSES``) a scope's words stand for, or None."""
    text = normalized(what)
    if not text:
        return None
    for pattern, cause in NAMED_CAUSES:
        if pattern.fullmatch(text):
            return cause
    if _LIVER.fullmatch(text):
        return "liver_metastases"
    if concept in LIVER_ENZYMES and _DISEASE_CAUSE.fullmatch(text):
        return "liver_metastases"
    return None


def scope_expr(what: str, concept: str | None) -> Expr | None:
    """What the record must hold for a scope's patients, or None when no reading names them."""
    cause = scope_cause(what, concept)
    if cause == "liver_metastases" and _BLOOD_CAUSE.fullmatch(normalized(what)) and not _LIVER.fullmatch(normalized(what)):
        return any_of([predicate(cause, Op.PRESENT), all_of([predicate("blood_cancer", Op.PRESENT), Review(ReviewReason.JUDGEMENT, LIVER_SCOPE)])])
    if cause is not None:
        return predicate(cause, Op.PRESENT)
    if concept in _MARROW_COUNTS and _MARROW.fullmatch(normalized(what)):
        born = any_of([predicate(c, Op.PRESENT) for c in _MARROW_BORN])
        return any_of([
            predicate("bone_marrow_involvement", Op.PRESENT),
            all_of([born, Review(ReviewReason.JUDGEMENT, MARROW_SCOPE)]),
        ])
    return None


# A scope written as its own sentence before the wider bound ("AST and ALT <= 2.5 x ULN; if liver
# metastases are present, SGOT or SGPT must be <= 5 x ULN", "ALT <= 2.5 x ULN. In subjects with
# documented liver metastases, the AST/ALT may be <= 5 x ULN", "... For patients with liver
# metastases, bilirubin must be <= 5 x ULN"; ~40 corpus lines): each clause is read alone, so
# the line held both bounds for everyone beside the scope's words as a review (unknown for every
# patient past the first bound, never the second bound for the patients it is for). Rejoined on
# the line's conjunction: per lab, the tighter bound or, with the scope on record, the wider.
_SCOPE_LEAD = re.compile(r"^\W*(?:if|for|in|among|when|where)\b", I)
_UPPER = frozenset({Op.LT, Op.LTE})
_LOWER = frozenset({Op.GT, Op.GTE})


def _bound_side(p: Predicate) -> frozenset[Op] | None:
    return _UPPER if p.op in _UPPER else _LOWER if p.op in _LOWER else None


def _looser(a: Predicate, b: Predicate) -> bool:
    """Whether ``b`` holds wherever ``a`` does, ``b`` the wider bound of the same test."""
    if a.concept != b.concept or a.unit != b.unit or a.uln != b.uln or a.window != b.window:
        return False
    side = _bound_side(a)
    if side is None or _bound_side(b) is not side or not isinstance(a.value, (int, float)) or not isinstance(b.value, (int, float)):
        return False
    return b.value > a.value if side is _UPPER else b.value < a.value


# the patients a scoped threshold concerns are the named causes exceptions read
# (``items.NAMED_CAUSES``: liver metastases, Gilbert's syndrome), decided by the coded Condition
# (absent from the record means absent)
_SCOPE_ABSENT = re.compile(r"^\W*(?:(?:for|in)\s+(?:the\s+)?(?:patients?|subjects?|participants?|those)\s+)?(?:without|no|in\s+(?:the\s+)?absence\s+of|absence\s+of)\b", I)
_SCOPE_WORDS = re.compile(
    r"^\W*(?:(?:for|if|in|with|when|where|among)\s+)?(?:(?:the\s+)?(?:patients?|subjects?|participants?|cases?|those)\s+)?(?:(?:who\s+)?(?:have|has|with|without|no)\s+)?"
    r"(?:(?:the\s+)?(?:presence|absence)\s+of\s+)?(?:(?:known|documented|demonstrable|confirmed)\s+)?(?P<what>.*?)(?:\s+(?:(?:is|are)\s+)?present)?\W*$",
    I,
)


# the causes a scope names as alternatives ("if liver or bone metastases present", "if due to
# leukemic involvement or Gilbert's syndrome", "for patients with known hepatic or bony
# metastases"; ~10 corpus lines left whole to a person): each is its own scope, a head noun said
# once after the last belonging to each ("liver or bone metastases")
_EITHER = re.compile(r"\s*,?\s*\b(?:or|and/or)\b\s*", I)
_SHARED_HEAD = re.compile(r"^[\w-]+\s+(?P<noun>metasta\w*|mets|involvement|infiltration|lesions?|disease)$", I)


def either_scope(what: str, concept: str | None) -> Expr | None:
    """The scope of causes joined by "or": any of them, each read as a scope of its own and a
    cause no record codes left to a person ("liver or bone metastases": liver metastases, or a
    person for the bone: an ``Alternative``, the text's own "or"); None when none of them is read (the whole phrase then stays a
    person's, as before). Only widens: a record holding a read cause is among the scope's
    patients, any other is as undecided as before."""
    parts = [p.strip() for p in _EITHER.split(what, maxsplit=3)]
    if not 2 <= len(parts) <= 3 or not all(parts):
        return None
    head = _SHARED_HEAD.match(parts[-1])
    if head is not None:
        parts = [f"{p} {head.group('noun')}" if re.fullmatch(r"[\w-]+", p) else p for p in parts]
    read = [scope_expr(p, concept) or example_scope(p, concept) for p in parts]
    if all(r is None for r in read):
        return None
    return any_of([r if r is not None else Alternative(ReviewReason.AMBIGUOUS, "applies only if " + p) for r, p in zip(read, parts)])


# a cause the scope names by its examples ("if related to polymorphism, such as Gilbert's
# syndrome", "for patients with an inherited disorder of bilirubin conjugation (e.g. Gilbert's
# syndrome)"; holdout T315): the example read is among the scope's patients, the wider kind it
# stands for stays a person's (an ``Alternative``: the scope only widens). Left whole to a person,
# a patient with Gilbert's syndrome on record failed the first bound with his bilirubin under the
# second one.
_EXAMPLES = re.compile(
    r"^(?P<kind>[^()]{3,80}?)\s*(?:,\s*|\(\s*|\s+)(?:such\s+as|e\.\s?g\.?,?|eg,?|for\s+example,?|like|including)\s+(?P<example>[^()]{3,80}?)\s*\)?$",
    I,
)


def example_scope(what: str, concept: str | None) -> Expr | None:
    """The scope of a kind named by its example: the example as read, or the kind a person's;
    None when the example is not read."""
    m = _EXAMPLES.match(" ".join(what.split()).strip(" ,;:."))
    if m is None:
        return None
    example = scope_expr(m.group("example"), concept)
    if example is None:
        return None
    return any_of([example, Alternative(ReviewReason.AMBIGUOUS, "applies only if " + m.group("kind").strip(" ,"))])


# a proviso after the scope ("(3 mg/dL in the presence of Gilbert's disease provided direct
# bilirubin is normal)"): one more requirement for the scope's patients, a person's here (a
# ``Qualifier``: it narrows the second bound, never widens it). Read with it, the whole scope went
# unread and the patient with Gilbert's syndrome failed the first bound.
_PROVISO = re.compile(r"\s*,?\s+(?:provided(?:\s+that)?|as\s+long\s+as|so\s+long\s+as)\s+(?P<proviso>[^()]{3,100})$", I)


def scope_condition(who: str, concept: str | None = None) -> Expr | None:
    """The recorded condition a scope phrase names ("for patients with liver metastases", "if
    liver metastases are present", "without liver metastases", "if related to liver
    metastases"; for a liver enzyme ``concept``, "if related to disease"), or None when it names
    another (its scope phrase: the wordings below)."""
    proviso = _PROVISO.search(who) if len(who) <= 300 else None
    if proviso is not None and proviso.start() > 0:
        scope = _scope_condition(who[: proviso.start()], concept)
        if scope is None or isinstance(scope, Not):
            return None
        return all_of([scope, Qualifier(ReviewReason.AMBIGUOUS, "provided " + " ".join(proviso.group("proviso").split()).rstrip(" .;,"))])
    return _scope_condition(who, concept)


def _scope_condition(who: str, concept: str | None) -> Expr | None:
    m = _SCOPE_WORDS.match(who)
    what = m.group("what").strip() if m else ""
    present = (scope_expr(what, concept) or example_scope(what, concept)) if what else None
    if present is None and what:
        present = either_scope(what, concept)
    if present is None:
        return None
    return Not(present) if _SCOPE_ABSENT.match(who) else present


def _scope_of(part: Expr, concepts: set[str], absent: bool = False) -> Expr | None:
    """The finding a review's scope words name (``absent``: its absence, "In the absence of
    liver metastases", the first bound's patients said again)."""
    if type(part) is not Review or not part.text or not _SCOPE_LEAD.match(part.text):
        return None
    found = {scope_condition(part.text, c) for c in concepts}
    scope = found.pop() if len(found) == 1 else None
    if absent:
        return scope.part if isinstance(scope, Not) else None
    return None if isinstance(scope, Not) else scope


def _scoped_pairs(expr: All) -> Expr | None:
    parts = list(expr.parts)
    bounds = [(k, p) for k, p in enumerate(parts) if isinstance(p, Predicate)]
    pairs = [(i, j) for n, (i, a) in enumerate(bounds) for j, b in bounds[n + 1:] if _looser(a, b)]  # type: ignore[arg-type]
    if not pairs:
        return None
    concepts = {parts[i].concept for i, _ in pairs}  # type: ignore[union-attr]
    first_wide = min(j for _, j in pairs)
    scopes = [(k, s) for k, p in enumerate(parts) if (s := _scope_of(p, concepts)) is not None]
    # the scope said once, after the tighter bounds and before or beside the wider ones
    if len(scopes) != 1 or scopes[0][0] < max(i for i, _ in pairs):
        return None
    if len({i for i, _ in pairs}) != len(pairs) or len({j for _, j in pairs}) != len(pairs) or first_wide < max(i for i, _ in pairs):
        return None
    k, scope = scopes[0]
    # the first bound's patients named before it ("In the absence of liver metastases, ALT <= 2.5 x
    # ULN. If the patient has liver metastases, ALT < 5 x ULN"): said by the rejoined bounds
    firsts = {n for n, p in enumerate(parts) if n < max(wide_j for _, wide_j in pairs) and _scope_of(p, concepts, absent=True) == scope}
    out: list[Expr] = []
    wide = {j for _, j in pairs}
    tight = {i: j for i, j in pairs}
    # a wider bound among the paired ones for a test the line bounds nowhere else ("ALT <= 2.5 x
    # ULN. In subjects with liver metastases, the AST/ALT may be <= 5 x ULN"): the scope's
    # patients' alone
    like = {(parts[j].op, parts[j].value, parts[j].uln) for j in wide}  # type: ignore[union-attr]
    alone = {n for n, p in bounds if n not in wide and n not in tight and max(tight) < n < max(wide | {k})
             and (p.op, p.value, p.uln) in like}  # type: ignore[union-attr]
    for n, part in enumerate(parts):
        if n == k or n in wide or n in firsts:
            continue
        if n in tight:
            out.append(any_of([part, all_of([parts[tight[n]], scope])]))
        elif n in alone:
            out.append(any_of([Not(scope), part]))
        else:
            out.append(part)
    return all_of(out)


# A wider bound written as an alternative with the lab named again, its scope after it ("Total
# bilirubin <= 1.5 x ULN, or total bilirubin <= 3 x ULN in patients with well documented Gilbert's
# syndrome", "AST and ALT <= 2.5 x ULN, OR AST and ALT <= 5 x ULN if liver metastasis", "Total
# bilirubin <= ULN; or total bilirubin <= 3.0 x ULN or direct bilirubin <= 1.5 x ULN in patients
# with well documented Gilbert's Syndrome"; ~10 corpus lines): the lab named again is an item of
# its own, so the scope after it was left as a review beside the last alternative only. Read so,
# a Gilbert's syndrome on record never reached the wider bound (unknown), and where another
# alternative stood between, the bare wider bound ("or total bilirubin <= 3.0 x ULN") admitted
# every patient (rule 1). The scope is read as the bracketed one is (``scope_condition``) and
# asked with every alternative after the tighter bound: a wider bound of the same lab says
# nothing but for the patients the scope names. A scope no record codes stays a person's, still
# asked with those alternatives (never dropped).
def _bounds_only(expr: Expr) -> list[Predicate] | None:
    """The bounds of an alternative that is bounds only ("AST <= 5 x ULN and ALT <= 5 x ULN")."""
    parts = [expr] if isinstance(expr, Predicate) else list(expr.parts) if isinstance(expr, All) else []
    if not parts or not all(isinstance(p, Predicate) and _bound_side(p) is not None for p in parts):
        return None
    return parts  # type: ignore[return-value]


def _scoped_part(expr: Expr) -> tuple[list[Predicate], Review] | None:
    """An alternative that is bounds beside one scope review ("... and review 'if liver metastasis'")."""
    if not isinstance(expr, All):
        return None
    reviews = [p for p in expr.parts if type(p) is Review and p.text and _SCOPE_LEAD.match(p.text)]
    bounds = [p for p in expr.parts if isinstance(p, Predicate) and _bound_side(p) is not None]
    if len(reviews) != 1 or len(bounds) + 1 != len(expr.parts):
        return None
    return bounds, reviews[0]


def _scoped_alternatives(node: All | Any_, parts: list[Expr], positive: bool) -> list[Expr]:
    if not isinstance(node, Any_) or not positive or len(parts) > 6:
        return parts
    scoped = [(k, s) for k, p in enumerate(parts) if (s := _scoped_part(p)) is not None]
    if len(scoped) != 1:
        return parts
    k, (scoped_bounds_, review) = scoped[0]
    tight: list[Predicate] = []
    wide: list[int] = []
    for n, part in enumerate(parts[:k]):
        found = _bounds_only(part)
        if found is None:
            return parts
        if tight and all(any(_looser(t, b) for t in tight) for b in found):
            wide.append(n)
        elif not wide:
            tight.extend(found)
        else:
            return parts  # a tighter bound after a wider one: not the shape
    if not tight or any(_bounds_only(p) is None for p in parts[k + 1:]):
        return parts
    if not wide and not any(_looser(t, b) for t in tight for b in scoped_bounds_):
        return parts  # no wider bound of a lab bounded before: the scope is another lab's own
    concepts = {b.concept for n in wide for b in _bounds_only(parts[n]) or ()} | {b.concept for b in scoped_bounds_}
    scope = _scope_of(review, concepts)
    if scope is None and not wide:
        return parts  # nothing to rejoin: the scope stays the person's it was
    within = any_of([*(parts[n] for n in wide), all_of(scoped_bounds_)])  # type: ignore[arg-type]
    rejoined = all_of([within, scope if scope is not None else review])
    # a test the tighter alternative bounds and the scoped one does not ("bilirubin <= 2 x ULN and
    # SGOT and SGPT <= 2.5 x ULN, or SGOT and SGPT <= 5 x ULN if ... due to underlying malignancy"):
    # the "or" offers another bound of the tests it names again, never a way past the others (left
    # in the tighter alternative, a patient with the scope met the line whatever his bilirubin)
    later = {b.concept for n in wide for b in _bounds_only(parts[n]) or ()} | {b.concept for b in scoped_bounds_}
    held = [t for t in tight if t.concept not in later]
    if held:
        if k != len(parts) - 1 or len([n for n in range(k) if n not in wide]) != 1:
            return parts
        shared = [t for t in tight if t.concept in later]
        return [all_of([*held, any_of([all_of(shared), rejoined])])]  # type: ignore[list-item]
    return [p for n, p in enumerate(parts) if n not in wide and n != k] + [rejoined]


# An exclusion's threshold for some patients, the lab named again ("Platelet count < 100 x 10^9/L
# or platelet count < 75 x 10^9/L if bone marrow disease involvement is documented"): the scope's
# patients are excluded by their own threshold, every other by the first, a value past both by
# either (read as the scoped alternative beside the first, the first excluded the scope's patients
# too: a patient with the marrow involved and 80 x 10^9/L platelets was excluded). Only a scope the record codes; any
# other stays as read (the first threshold for everyone, stricter than the text, never looser).
def _scoped_thresholds(node: All | Any_, parts: list[Expr], positive: bool) -> list[Expr]:
    if not isinstance(node, Any_) or not positive or len(parts) != 2:
        return parts
    first, scoped = _bounds_only(parts[0]), _scoped_part(parts[1])
    if first is None or scoped is None:
        return parts
    bounds, review = scoped
    if not all(any(_looser(b, a) for a in first) for b in bounds):
        return parts
    scope = _scope_of(review, {b.concept for b in bounds})
    if scope is None:
        return parts
    # (a value past the scope's own threshold is past the first too: excluded whoever the patient is)
    return [all_of(bounds), all_of([parts[0], Not(scope)])]  # type: ignore[arg-type]


def scoped_bounds(expr: Expr, ctype: CriterionType) -> Expr:
    """An inclusion's second bound, its scope said in a sentence of its own or after the lab named
    again, rejoined to the first; an exclusion's threshold for some patients, the lab named again,
    theirs alone (see above); any other line as it was."""
    if ctype is CriterionType.EXCLUSION:
        return rewrite_groups(expr, _scoped_thresholds)
    if ctype is not CriterionType.INCLUSION:
        return expr
    return rewrite_groups(rewrite_conjunctions(expr, _scoped_pairs), _scoped_alternatives)


# the findings a scoped bound is joined with (above, and ``items.NAMED_CAUSES``): a bound for some
# patients is still a measurement's bound among a list's ("Direct bilirubin <= 2.0 x ULN, ALT <= 2.5
# x ULN (<= 5.0 x ULN if liver metastases)": read as no bound, the comma after the bilirubin took
# the line's "or" and either value met both)
SCOPE_FINDINGS = frozenset({c for _, c in NAMED_CAUSES} | {"bone_marrow_involvement", "blood_cancer", *_MARROW_BORN})
# the reviews that mark the cancers a scope names (``coded.trial_diseases`` passes them by)
SCOPE_REVIEWS = frozenset({MARROW_SCOPE, LIVER_SCOPE})


def bound_predicates(expr: Expr | None) -> list[Predicate] | None:
    """The numeric bounds of an item that is bounds only, a scope's findings beside them; None
    for any other item."""
    found = predicates(expr)
    numeric = [p for p in found if p.op in NUMERIC_OPS]
    if not numeric or any(p.op not in NUMERIC_OPS and (p.concept not in SCOPE_FINDINGS or p.op is not Op.PRESENT) for p in found):
        return None
    return numeric
