"""Rewrites of how a line words an infection, into the words the infection readers already know
(rows of ``normalize._SUBS``: pattern, replacement, gate words).

* "acquired immune deficiency syndrome (AIDS)-related complications", "acquired immunodeficiency
  syndrome (AIDS)-related illness", "(AIDS)-defining" (about 8 corpus lines, the NCI's expansion of
  "HIV/AIDS-related"): the abbreviation glued to "-related" cut the disease's name from what is
  related to it, so "-related illness" stood as a review of its own, an alternative beside HIV
  (a record without HIV unknown), and in "HIV-positive patients with CD4 counts less than 500
  and/or a history of HIV/AIDS-related complications" the bare name became an alternative that
  excluded every HIV-positive patient (holdout T185). Without the bracket the words read as HIV
  with the complication a person's, as "AIDS-related illness" already does.

* A hepatitis defined by the tests that are the infection itself: "Hepatitis B infection defined
  by positive DNA test, positive E and / or surface antigen", "chronic hepatitis B infection
  (defined as positive hepatitis B surface antigen [HBsAg] serology)", "active hepatitis C
  infection (defined as presence of Hep C RNA)" (about 15 corpus lines). A positive HBsAg or HBV
  DNA is hepatitis B on record, a positive HCV RNA hepatitis C (``derive.POSITIVE_TEST_IMPLIES``),
  so the definition asks nothing the name does not; left, its words stood as an unread
  alternative beside the infection and a patient with no hepatitis on record was unknown. Only a
  definition made of those tests alone, hepatitis B's holding the surface antigen: one by the DNA
  or a viral load alone is narrower (an HBsAg-positive patient with no DNA detected is no active
  hepatitis B there, holdout T83), and one naming a core antibody, an HCV antibody, a liver
  enzyme or any other word widens or changes the infection; each is left as written.

* The hepatitis B core antibody's follow-up test, said as what the site will do: "If Hepatitis B
  core antibody (HBcAb) is positive, Hepatitis B DNA by PCR will be evaluated", "if negative for
  HBsAg but HBcAb positive (...), a HB DNA test will be performed and if positive the subject will
  be excluded", and the permission that closes it, "Positive anti HBcAb and undetectable viral
  load does not exclude the patient" (5 corpus lines): a detectable DNA is hepatitis B on record,
  which the line's own hepatitis B already excludes, and a core antibody with no detectable DNA is
  none. Left, the sentences were unread alternatives: a patient with no hepatitis on record was
  unknown. Only after a line that names hepatitis B or its surface antigen.

* "Patients would not be excluded for hepatitis B surface antigen positivity if on Lamivudine or
  Entecavir" after a line that excludes HIV or hepatitis C, and nothing of hepatitis B: a leave for
  what the line never excluded, which changes nothing. Read, it became an alternative of the
  exclusion (a hepatitis B patient on entecavir was unknown where the line asks nothing of him).
  Left as written wherever the line names a hepatitis that may be B, a liver disease or any
  infection.

* The kinds of an infection listed in a bracket after its word: "uncontrolled active infections
  (viral, bacterial, and fungal)", "Sever infection (bacterial, viral)", "No serious active
  infection (viral, fungal bacterial)" (4 corpus lines, holdout T141): the infection itself, as the
  same kinds said before the word ("active bacterial, fungal, or viral infection") already read.
  Left, the bracket was an unread alternative beside the infection and a patient with no infection
  on record was unknown. Two kinds or more, and nothing else in the bracket; "(other than ...)",
  "(e.g. ...)" or a single kind are left as written.

Every pattern is literals with bounded repetitions; none nests one.
"""

from __future__ import annotations

import re

AIDS_RELATED = (r"\s?\(\s?AIDS\s?\)(?=[\s-]{0,2}(?:related|associated|defining)\b)", "", ("aids",))

# -- a hepatitis defined by the tests that are the infection --------------------------------------

_WORD = re.compile(r"[a-z]+|/")
# words a definition made of tests only may hold, besides the tests' own names
_TEST_WORDS = frozenset(
    "a an the of for by in at and or / having presence positive positivity detectable test tests testing "
    "result results serology serologic serological screening blood assay assays level levels quantitation "
    "quantitative qualitative polymerase chain reaction pcr hepatitis hep virus viral load".split()
)
_B_WORDS = frozenset("b hb hbv hbs hbsag ag sag surface antigen antigens e hbeag dna deoxyribonucleic acid".split())
_C_WORDS = frozenset("c hc hcv rna ribonucleic acid".split())
# hepatitis B's definition must hold the surface antigen: one by the DNA alone ("active hepatitis B
# (defined as presence of Hep B DNA)", "as defined by detectable viral load") is narrower than a
# positive HBsAg, which is hepatitis B on record (an HBsAg-positive patient with no DNA detected is
# no active hepatitis B by the line, and would be excluded by its name alone)
_B_TEST = re.compile(r"\bsurface\s+antigen|\bhbs\s?ag\b|\bhbsag\b|\bs\s?ag\b", re.I)
_C_TEST = re.compile(r"\brna\b|\bribonucleic\b", re.I)
# the hepatitis the definition follows, named last before it
# the hepatitis the definition follows, named last before it: its letters
_HEPATITIS = re.compile(
    r"\b(?:hepatitis|hep)\s?(?P<l>[bc])\b(?:\s?(?:or|and|/|and/or)\s?(?P<l2>[bc])\b)?|\b(?P<v>hbv|hcv)\b|\((?P<hb>hb)\)", re.I
)
_OTHER_NAMED = re.compile(r"\bhiv\b|\bhuman\s+immunodeficiency|\bhepatitis\s+a\b|\bhav\b|\binfections\b|\bhtlv", re.I)
# what follows a definition said whole: the line's end, its sentence's, or the bracket it closes
_DEFINITION_END = re.compile(r"\s*(?:$|[.;)\]])")
# where a definition said without a bracket stops: another clause of the line
_DEFINITION_STOP = re.compile(
    r",\s*(?:unless|except|if|who|which|provided|but|or\s+(?:known|active|chronic|prior|history)|and\s+(?:known|active|chronic))\b", re.I
)


def _letters(named: re.Match[str]) -> set[str]:
    if named.group("v"):
        return {named.group("v").lower()[1]}
    if named.group("hb"):
        return {"b"}
    return {x.lower() for x in (named.group("l"), named.group("l2")) if x}


def _tests_only_definition(m: re.Match[str]) -> str:
    bracketed = m.group("open") is not None
    if bracketed != (m.group("close") is not None):
        return m.group(0)
    if not bracketed and not _DEFINITION_END.match(m.string, m.end()):
        return m.group(0)  # the definition goes on past a bracket it opens: read whole or not at all
    body = m.group("body")
    rest = ""
    if not bracketed and (stop := _DEFINITION_STOP.search(body)):
        body, rest = body[: stop.start()], body[stop.start():]
    before = m.string[max(0, m.start() - 70): m.start()]
    named = list(_HEPATITIS.finditer(before))
    if not named or _OTHER_NAMED.search(before[named[-1].end():]):
        return m.group(0)
    letters = _letters(named[-1])
    allowed = set(_TEST_WORDS)
    if letters == {"b"}:
        allowed |= _B_WORDS
        needed = _B_TEST
    elif letters == {"c"}:
        allowed |= _C_WORDS
        needed = _C_TEST
    else:  # "hepatitis B or C as defined by detectable viral load": narrower than hepatitis B on record
        return m.group(0)
    words = _WORD.findall(body.lower())
    if not words or not needed.search(body) or any(w not in allowed for w in words):
        return m.group(0)
    return rest


HEPATITIS_TESTS_DEFINED = (
    r"(?P<open>\(\s?)?(?:,\s?)?(?:\bas\s)?\bdefined\s(?:as|by)\s(?P<body>(?:[^.;()\[\]]|\[[^\[\]]{0,30}\]|\([^()]{0,15}\)){1,200})(?P<close>\))?",
    _tests_only_definition,
    ("defined",),
)

# -- the core antibody's follow-up test ------------------------------------------------------------

_CORE_ANTIBODY = r"(?:hepatitis\s+B\s+core\s+antibody|HBV?\s+core\s+antibody|HBcAb|anti[\s-]?HBcAb?)(?:\s?\([^()]{1,12}\))?"
_NAMES_HBV = re.compile(r"hepatitis\s?b\b|\bhbv\b|\bhbs\s?ag\b|\bhbsag\b|surface\s+antigen", re.I)


def _after_hepatitis_b(m: re.Match[str]) -> str:
    return "" if _NAMES_HBV.search(m.string[: m.start()]) else m.group(0)


CORE_ANTIBODY_FOLLOW_UP = (
    r"(?:\bin\s+addition\s*,?\s*)?\bif\s+(?:negative\s+for\s+(?:HBsAg|hepatitis\s+B\s+surface\s+antigen)\s+but\s+)?"
    + _CORE_ANTIBODY
    + r"\s?(?:is\s+|are\s+)?positive\s?(?:\([^()]{1,60}\)\s?)?,\s?(?:an?\s+|the\s+)?(?:hepatitis\s+B\s+|HBV?\s+)?(?:virus\s+)?"
    r"(?:deoxyribonucleic\s+acid\s?)?(?:\(DNA\)\s?|DNA\s+)?(?:test\s+|level\s+|viral\s+load\s+)?"
    r"(?:by\s+(?:polymerase\s+chain\s+reaction\s?)?(?:\(PCR\)\s?|PCR\s+)?)?"
    r"(?:will|must|should|shall)\s+be\s+(?:evaluated|performed|done|tested|obtained|checked|measured|assessed)"
    r"(?:\s+and\s+if\s+(?:positive|detectable)\s*,?\s+the\s+(?:subject|patient|participant)\s+will\s+be\s+excluded)?\s?\.?",
    _after_hepatitis_b,
    ("core", "hbc"),
)

CORE_ANTIBODY_UNDETECTABLE = (
    r"(?:\bpositive\s+)?" + _CORE_ANTIBODY + r"\s+(?:positive\s+)?(?:and|with)\s+(?:an?\s+)?(?:undetectable|negative)\s+(?:HBV\s+)?"
    r"(?:DNA|viral\s+load)\s+(?:does|do|will)\s+not\s+exclude\s+(?:the\s+)?(?:patient|subject|participant)s?\s?\.?",
    _after_hepatitis_b,
    ("core", "hbc"),
)

# -- a leave for hepatitis B after a line that excludes none --------------------------------------

# what may be hepatitis B: a hepatitis not said to be C, a liver disease, an infection at large
_MAY_BE_HBV = re.compile(r"hepat(?!itis\s+c\b)|\bhbv\b|\bhbs|\bliver\b|\binfect|\bviral\b", re.I)


def _leave_for_unexcluded_hbv(m: re.Match[str]) -> str:
    return m.group(0) if _MAY_BE_HBV.search(m.string[: m.start()]) else ""


HBV_LEAVE_UNEXCLUDED = (
    r"\b(?:patients|subjects|participants)\s+(?:would|will|shall)\s+not\s+be\s+excluded\s+(?:for|because\s+of|due\s+to)\s+"
    r"(?:hepatitis\s+B\s+surface\s+antigen|HBsAg|hepatitis\s+B)(?:\s?\(HBsAg\))?(?:\s+(?:positivity|carriage|carrier\s+status|infection))?"
    r"\s+(?:if|when|provided)\s[^.;]{1,120}\.?",
    _leave_for_unexcluded_hbv,
    ("excluded",),
)

# -- the kinds of an infection in a bracket after its word ---------------------------------------

_KIND = r"(?:viral|bacterial|fungal|parasitic|protozoal|mycobacterial)"
INFECTION_KINDS_BRACKETED = (
    rf"\b(infections?)\s?\(\s?{_KIND}(?:\s?,?\s?(?:and/or\s|or\s|and\s)?{_KIND}){{1,5}}\s?\)",
    r"\1",
    ("viral", "bacterial", "fungal", "parasitic", "protozoal", "mycobacterial"),
)

ROWS = (INFECTION_KINDS_BRACKETED, AIDS_RELATED, HEPATITIS_TESTS_DEFINED, CORE_ANTIBODY_FOLLOW_UP, CORE_ANTIBODY_UNDETECTABLE, HBV_LEAVE_UNEXCLUDED)
