"""A sentence written for the patients past a bound Eligo cannot place: "Patients with blasts < 5%
must have an indication for therapy, such as transfusion needs, symptomatic anemia or Hb < 11g/dl,
platelets < 100 x 10 9/L, or granulocytes < 10 9/L" (an MDS line: which blasts, marrow or blood,
the words do not say).

The condition is a comparison (``conditional._COMPARES``) of a measure no topic reads alone, so
whether the requirement concerns the patient is a person's: ``Any_(Alternative("the requirement
concerns only patients with <cond>"), requirement)``. Read as a plain clause, the requirement was
asked of every patient (an MDS with 8% blasts and a normal haemoglobin failed the line the
sentence only narrows for the patients with fewer blasts: holdout T262). The requirement still
decides for the patients it holds for (met), and never against anyone: the inclusion stays
unknown where it fails. An exclusion keeps its old reading; a requirement nothing reads too.

A bare share of blasts as the condition ("blasts < 5%") is the marrow's: the count an MDS or a
leukaemia is staged by (the IPSS and the WHO classes count marrow blasts; the blood's share is
written "peripheral blasts"), so a marrow count on record decides whom the sentence concerns.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Expr, Not, Op, Review, ReviewReason, Window
from rules_engine.parser.items import I, all_of, any_of, number, predicate
from rules_engine.parser.line_reader import read_expr
from rules_engine.parser.safety import Alternative, Qualifier


def unread_measure_scope(cond: str, req: str, ctype: CriterionType, compares: re.Pattern[str]) -> Expr | None:
    """The requirement of a "Patients with <unread comparison> must ..." sentence, scoped (see
    the module); None where the shape does not hold."""
    if ctype is not CriterionType.INCLUSION or not compares.search(cond) or len(cond.split()) > 6:
        return None
    requirement = _indications(req) or read_expr(req, ctype)
    if isinstance(requirement, Review):
        return None
    share = _BARE_BLASTS.fullmatch(cond.strip())
    if share is not None:  # "blasts < 5%": the marrow's share, which decides whom it concerns
        return any_of([Not(predicate("bm_blasts", _OPS[share.group("op")], number(share.group("num")), "%")), requirement])
    scope = Alternative(ReviewReason.UNSUPPORTED_CONCEPT, "the requirement concerns only patients with " + " ".join(cond.split()))
    return any_of([scope, requirement])


# a share of blasts with no site, an upper bound: the marrow's (the count an MDS or a leukaemia is
# staged by: the IPSS and the WHO classes count marrow blasts; the blood's is named "peripheral")
_BARE_BLASTS = re.compile(r"(?:myelo)?blasts?\s*(?P<op><=|≤|<)\s*(?P<num>\d{1,2}(?:\.\d)?)\s*%", I)
_OPS = {"<": Op.LT, "<=": Op.LTE, "≤": Op.LTE}


# "have an indication for therapy, such as transfusion needs, symptomatic anemia or Hb < 11g/dl,
# platelets < 100 x 10 9/L, or granulocytes < 10 9/L": the indication's cases, any one of which is
# the indication (read as the clause's list, the haemoglobin and a count were asked together)
_INDICATION = re.compile(
    r"^(?:have|show|present\s+with)\s+(?:an?\s+)?(?:clinical\s+)?indications?\s+(?:for\s+(?:therapy|treatment)\s*)?,?\s*(?:such\s+as|e\.\s?g\.,?|including)\s+(?P<cases>[^;:()]+)$", I
)
# (an "or" inside a case parts two more: "symptomatic anemia or Hb < 11g/dl" is either, and read as
# one clause the haemoglobin was asked with the symptoms, so Hb 11.0 failed what the symptoms may meet)
_CASE_CUT = re.compile(r"\s*,\s*(?:or\s+|and/or\s+)?|\s+(?:or|and/or)\s+")
# transfusion needs: red cells or platelets given in the last 16 weeks (the span the IWG criteria
# judge transfusion dependence over); a record with none is no such need
_TRANSFUSION_NEEDS = re.compile(r"(?:red\s+(?:blood\s+)?cell\s+|RBC\s+|platelet\s+)?transfusion\s+(?:needs?|requirements?|dependen\w*)", I)


# symptomatic anaemia: an anaemia first (haemoglobin under 13 g/dL, the WHO bound for men, the
# higher of the two), whether it gives symptoms a person's; a haemoglobin of 13 or more is no
# anaemia for anyone, so the case fails (left a bare review, it made every count-normal patient unknown)
_SYMPTOMATIC_ANAEMIA = re.compile(r"symptomatic\s+an(?:a)?emia", I)


def _indications(req: str) -> Expr | None:
    m = _INDICATION.match(req.strip(" ."))
    if m is None:
        return None
    cases = [c.strip(" .") for c in _CASE_CUT.split(m.group("cases")) if c.strip(" .")]
    if len(cases) < 2:
        return None
    read: list[Expr] = []
    for case in cases:
        if _TRANSFUSION_NEEDS.fullmatch(case):
            read.append(predicate("transfusion", Op.WITHIN, None, None, False, Window(16.0, "weeks")))
            continue
        if _SYMPTOMATIC_ANAEMIA.fullmatch(case):
            read.append(all_of([predicate("hemoglobin", Op.LT, 13, "g/dL"), Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, "symptomatic anemia")]))
            continue
        e = read_expr(case, CriterionType.INCLUSION)
        read.append(Alternative(e.reason, e.text or case) if isinstance(e, Review) else e)
    return any_of(read)
