"""Infections and their tests: HIV, hepatitis A, B and C, syphilis, and the serology or
nucleic-acid results a line names.

Under the contract an infection is decided by either of its sources: a recorded diagnosis, or a
positive result of the test that shows it (HBsAg or HBV DNA for hepatitis B, HCV RNA for hepatitis
C, HIV viral load; ``rules_engine.derive.POSITIVE_TEST_IMPLIES``), and one absent from the record
is absent. So "HBsAg positive", "hepatitis B" and "HBV infection" all read as ``hbv present``: a
patient with nothing on record is not excluded, one with a positive HBsAg is, whichever the line
names. Two exceptions keep the test itself:

* a negative result asked for ("HIV viral load undetectable", "HCV RNA negative") is a
  measurement: a patient with the infection may well have one, and a missing test is unknown;
* a second test of the same virus joined by "and" ("HBsAg positive and HBV DNA >= 500 IU/mL")
  narrows the first: an inactive carrier (DNA negative) is not excluded, and a DNA load not on
  record leaves the line unknown. A numeric load Eligo cannot compare (copies/mL, IU/mL) stays
  a qualifier review of that conjunct; "above the upper limit of normal" or "detectable" is the
  positive result itself.

Serology that outlives the infection is read for what it shows. A positive HCV antibody is an
exposure to hepatitis C, past or present (``hcv_exposure``: the antibody, the RNA or a diagnosis
shows it), so like the infection it is absent when nothing on record shows it: "hepatitis C
(anti-HCV positive)" excludes no patient with no record of hepatitis C (read as the antibody's
result alone, a record without the test left the line unknown, which the contract's infection
absent from the record is not). A recorded negative antibody is no exposure. HBcAb is read as
written.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rules_engine.parser.topics.infection_qualifiers import stray_qualifiers
from rules_engine.criteria import All, Any_, Expr, Not, Op, Predicate, Review, ReviewReason, Window
from rules_engine.parser.items import I, Item, NEG, OPS, POS, all_of, any_of, predicate, qual_value, rewrite_conjunctions

try:  # the safety pass keeps a review marked as a qualifier of the one item it narrows
    from rules_engine.parser.safety import Qualifier
except ImportError:  # pragma: no cover
    from rules_engine.criteria import Review as Qualifier  # type: ignore[assignment]


# (a cured hepatitis C leaves the antibody: a resolved one on record is an exposure all the same)
HCV_ANTIBODY_POSITIVE = any_of([predicate("hcv_exposure", Op.PRESENT), predicate("hcv_exposure", Op.WITHIN, None, None, False, Window(100.0, "years"))])


# test -> (name pattern, the infection a positive result shows, or None when it shows only exposure)
_TESTS: tuple[tuple[str, str, str | None], ...] = (
    # (also "HBs antigen", "HBs Ag", "hepatitis B s antigen", "Hepatitis Bs (HBs) antigen" and the
    # older "hepatitis B antigen" (Australia antigen), which corpus lines write for HBsAg: read
    # apart, "antigen" was left an unread alternative beside hepatitis B, a clean record unknown)
    ("hbsag", r"\bHBs\s?Ag\b|\bHBV\s+sAg\b|(?:hepatitis\s+B\s+(?:virus\s+)?)?surface[\s-]+antigen(?:\s*\(\s*(?:HBs\s?Ag|HBV\s+sAg)\s*\))?"
     r"|\bHBs[\s-]+(?:Ag|antigen)\b|\bhepatitis\s+B\s?s?(?:\s*\(\s*HBs\s*\))?[\s-]+antigen\b(?:\s*\(\s*HBs\s?Ag\s*\))?", "hbv"),
    ("hbv_dna", r"(?:(?:peripheral\s+)?blood\s+|serum\s+|plasma\s+)?(?:\bHBV[\s-]*DNA\b|hepatitis\s+B\s+(?:virus\s+)?(?:\(\s*HBV\s*\)\s*)?(?:DNA|deoxyribonucleic\s+acid))", "hbv"),
    # (the acid spelled out after the abbreviation too: "HCV ribonucleic acid (RNA)")
    ("hcv_rna", r"\bHCV[\s-]*(?:RNA\b|ribonucleic\s+acid(?:\s*\(\s*RNA\s*\))?)|hepatitis\s+C\s+(?:virus\s+)?(?:\(\s*HCV\s*\)\s*)?(?:RNA|ribonucleic\s+acid)", "hcv"),
    ("hcv_antibody", r"\b(?:anti-?HCV|HCV[\s-]*(?:antibod(?:y|ies)|Ab)|hepatitis\s+C\s+(?:virus\s+)?(?:\[?\(?HCV\)?\]?\s*)?antibod(?:y|ies))\b(?:\s*\(\s*(?:HCAb|HCV\s?Ab|anti-?HCV)\s*\))?", None),
    ("hiv_test", r"\bHIV[\s-]*(?:RNA|viral\s+load)\b", "hiv"),
    # (also "HBc antibody", "HBc-Ab", "HBc Ab", as "HBs antigen" is written: 5 corpus lines list it
    # so, "Positive result of HBs antigen, HBc antibody and/or HBs antibody", and left it unread)
    ("hbcab", r"\bHBcAb\b|\banti-?HBc\b|\bHBc[\s-]+(?:antibod(?:y|ies)|Ab\b)|hepatitis\s+B\s+core\s+antibod(?:y|ies)", None),
)


# what may stand between a test's name and its result: a bracketed note, "test", "value", ...
_BETWEEN = r"(?:\s*\[[^\]\[]{0,20}\])?[\s-]*(?:(?:test|tests|value|values|results?|titers?|titres?|level|load|detection|quantitative|qualitative)[\s-]*){0,3}(?:(?:is|are|was|were|must\s+be|should\s+be)\s+)?"


_ABOVE = r"(?:≥|>=|>|=>|exceeds?|exceeding|above|greater\s+than|more\s+than|higher\s+than|over)"


# where a threshold ends: a comma and "or"/"and" that open the next item ("> 1000 copies/mL, or HCV
# positive"), not one between two writings of the bound ("1000 copies/mL or 100 IU/mL")
_NEXT_ITEM = r",\s*(?:or|and|and/or)\s+[^\W\d]"


_TEST_RES = tuple(
    (
        concept,
        shows,
        re.compile(
            rf"(?:{pattern}){_BETWEEN}(?:(?P<r1>{POS}|{NEG})|(?P<above>{_ABOVE})\s*(?P<thr>(?:(?!{_NEXT_ITEM})[^;()]){{0,60}}(?:\([^()]{{0,40}}\))?))"
            rf"|(?P<r2>{POS}|{NEG})\s+(?:for\s+)?(?:{pattern})",
            I,
        ),
    )
    for concept, pattern, shows in _TESTS
)


_INFECTIONS: tuple[tuple[str, str], ...] = (
    ("hiv", r"\bHIV(?:/AIDS)?\b(?![\s-]*(?:RNA|viral))|human\s+immunodeficiency\s+virus|\bAIDS\b|acquired\s+immun[eo][\s-]*deficiency\s+syndrome"),
    ("hbv", r"\bHBV\b(?![\s-]*DNA)|hepatitis\s+B(?:\s+virus)?(?![\s-]+(?:surface|core|virus\s+DNA|DNA))|\bHBV\s+infection"),
    ("hcv", r"\bHCV\b(?![\s-]*(?:RNA|antibod|Ab))|hepatitis\s+C(?:\s+virus)?(?!\s+(?:antibod|RNA|virus\s+RNA))"),
    ("hav", r"\bHAV\b|hepatitis\s+A(?:\s+virus)?\b"),
    ("syphilis", r"\bsyphilis\b|\bTreponema\s+pallidum\b"),
    # "HTLV-1", "HTLV-I & II", "human T-cell lymphotropic virus type 1 (HTLV-1)", "human T-cell
    # leukemia virus-1": the infection a record codes (B97.33, B97.34); lifelong, so a positive
    # antibody or titre is the infection itself. Types and their abbreviation are the name's
    ("htlv", r"(?:\bHTLV|human\s+T[\s-]*(?:cell\s+)?(?:lymphotroph?ic|leuka?emia)\s+virus(?:es)?)"
     r"(?:[\s-]*(?:type\s+)?(?:I{1,2}|[12])\b)?(?:\s*(?:/|&|and|or|,)\s*(?:II|2)\b)?"
     r"(?:\s*[(\[]\s*HTLV(?:[\s-]*(?:I{1,2}|[12])\b)?(?:\s*(?:/|&|and|or|,)\s*(?:II|2)\b)?\s*[)\]])?(?:\s+(?:I{1,2}|[12])(?:\s*(?:/|&|and|or)\s*(?:II|2))?\b)?"),
)


_INFECTION_RES = tuple((c, re.compile(p, I)) for c, p in _INFECTIONS)
# the infection itself may stand in a list of tests after one result ("HIV, HBsAg or HCV
# antibody"): its name as the infection topic reads it, with its abbreviation, type and test word
_HIV_NAMED = rf"(?:{dict(_INFECTIONS)['hiv']})(?:\s*\(\s*HIV\s*\))?(?:[\s-]*1(?:\s*(?:/|and|&)\s*2)?)?(?:[\s-]*(?:antibod(?:y|ies)|Ab)\b)?"


# "hepatitis B or C", "hepatitis A, B or C", "HBV and/or HCV": one list of viruses
# (each letter may carry its own "virus (HBV)": "Known active hepatitis B virus (HBV) or C virus
# (HCV) infection", where "C virus" alone was an unread alternative and a clean record unknown)
_HEP_LIST = re.compile(
    r"\b(?:HBV|hepatitis\s+(?P<a>A\s*(?:,|or|/)\s*)?B(?:\s+virus\s*\(\s*HBV\s*\))?)\s*(?:,\s*)?(?:and/or|and|or|/|,)\s*"
    r"(?:HCV|C(?:\s+virus\s*\(\s*HCV\s*\))?)\b(?:\s+(?:virus(?:es)?|infections?))?", I
)
# the letters in any order and any pairing ("hepatitis A or B", "hepatitis C and/or B",
# "infectious hepatitis, type B or C"; 20 corpus lines): read by the list above only when B came
# before C, so "Active hepatitis A or B" was hepatitis A alone and a chronic hepatitis B passed
# it, and "hepatitis C and/or B infection" left the B's "infection" to read as any infection.
# The letters are capitals as written ("hepatitis B or a positive test" names no hepatitis A).
_HEP_LETTERS = re.compile(
    r"\b(?:(?:infectious|viral)\s+)?hepatitis(?:\s*,?\s*types?)?\s+(?P<letters>(?-i:[ABC])(?:\s*(?:,\s*(?:and/or\s+|and\s+|or\s+)?|and/or\s+|and\s+|or\s+|/\s*)(?-i:[ABC])){1,3})\b"
    r"(?:\s+(?:virus(?:es)?|infections?))?",
    I,
)
_HEP_LETTER_CONCEPT = {"A": "hav", "B": "hbv", "C": "hcv"}


# "infectious hepatitis" is the viral hepatitides by their older name ("No active infectious
# hepatitis", "infectious hepatitis, type A, B or C"; 14 corpus trials)
# ("viral or other hepatitis", an example of liver disease in 4 corpus lines: the viral ones, the
# other hepatitides being among the liver disease the line names)
_VIRAL_HEPATITIS = re.compile(r"\bviral\s+(?:(?:or|and/or)\s+other\s+)?hepatitis\b|\binfectious\s+hepatitis\b(?!\s*,?\s*type)|\bhepatitis\s+virus(?:es)?\b(?!\s+[A-E]\b)", I)
_VIRAL_HEPATITIDES = ("hav", "hbv", "hcv", "other_viral_hepatitis")  # (a viral hepatitis of no virus named is one too)


# "hepatitis" naming no virus and no other cause ("Active Hepatitis or cirrhosis", "HIV or
# hepatitis", "Septicemia, severe infection, or acute hepatitis"; about 25 corpus lines, each a
# review whole, a clean record unknown): any viral hepatitis, or a liver disease the record holds
# which may be one (K70-K77 holds autoimmune, alcoholic and toxic hepatitis beside cirrhosis and
# fatty liver). Only the word alone: a virus or test after it ("hepatitis B", "hepatitis (HBV)",
# "hepatitis virus", "hepatitis serology") or a cause before it ("autoimmune hepatitis", "chronic
# active hepatitis", "viral hepatitis") is another reader's or left as written
_BARE_HEPATITIS = re.compile(
    r"\bhepatitis\b(?!\s*(?:,?\s*types?\s+)?[A-Ea-e]\b)(?!\s*[(\[])"
    r"(?![\s-]*(?:virus|viral|vaccin\w*|immun\w*|serolog\w*|surface|core|antibod\w*|antigen|Bs|carrier|panel|screen\w*|tests?|testing|reactivation|flare|titer|markers?|status)\b)",
    I,
)
# the words that may stand right before a bare hepatitis: its state or the list it stands in,
# never its cause ("autoimmune hepatitis", "alcoholic hepatitis", "lupus hepatitis" are left)
_BEFORE_BARE = frozenset(
    """or and and/or of with any known active acute chronic current ongoing untreated uncontrolled severe serious significant
    symptomatic clinical history evidence no including includes""".split()
)
_LIVER_MAY_BE_HEPATITIS = "whether the liver disease on record is a hepatitis"
# a hepatitis joined by a bare "and" to what comes before ("..., pulmonary fibrosis, and chronic
# hepatitis"): the clause grammar joins an infection so as a further condition of the items before
# it, which would hide their decision; left as written
_AFTER_AND = re.compile(r"\band(?:\s+(?:active|acute|chronic|known|current|ongoing|severe|serious|significant|symptomatic)){0,2}$", I)
# a hepatitis among autoimmune or immune-related disorders ("autoimmune disease ... such as SLE,
# ..., hepatitis", "immune-related pneumonitis, cardiomyopathy, or hepatitis") is that kind, no virus
_IMMUNE_CONTEXT = re.compile(r"auto-?\s?immun|immune[\s-]+(?:related|mediated)|\birAEs?\b", I)


def _bare_hepatitis() -> Expr:
    viral = [predicate(v, Op.PRESENT) for v in _VIRAL_HEPATITIDES]
    return any_of([*viral, all_of([predicate("liver_disease", Op.PRESENT), Qualifier(ReviewReason.AMBIGUOUS, _LIVER_MAY_BE_HEPATITIS)])])


def _bare_hepatitis_read(text: str, start: int) -> bool:
    """Whether the words before a bare "hepatitis" leave it uncaused: nothing, a mark ("e.g.",
    a comma, a bracket) or a word of its state or its list ("active", "or", "known"), checked on a
    bounded slice; "chronic active hepatitis" is ``topics.chronic_hepatitis``'s."""
    before = text[max(0, start - 24): start].rstrip()
    if re.search(r"\bchronic\s+(?:active|persistent|aggressive)$", before, I):
        return False
    if _AFTER_AND.search(before) or _IMMUNE_CONTEXT.search(text, max(0, start - 300), start):
        return False
    if not before or not (before[-1].isalnum() or before[-1] == "_"):
        return True
    word = re.search(r"[\w/-]+$", before)
    return word is not None and word.group(0).lower() in _BEFORE_BARE


# (the name's abbreviation may stand between it and the result: "human immunodeficiency virus
# (HIV) positivity", "hepatitis B virus (HBV) negative"; read apart, the result was left an unread
# alternative beside the infection, so a record without it was unknown)
_AFTER_NAME = re.compile(rf"(?:\s*[(\[]\s*(?:HIV(?:[\s-]*1)?|HBV|HCV)\s*[)\]])?[\s-]*(?:infection\s*)?(?:test\s*)?(?:(?:is|are)\s+)?(?P<r>{POS}|{NEG}|seropositiv\w*|seronegativ\w*|serolog\w*\s+(?:positive|negative))", I)


# a test named after the virus without a result ("HIV ab", "Hepatitis B sAg or PCR+", "Hepatitis C
# ab or PCR+"), as lists under "Seropositive for:" write them: the test shows the infection (an
# antibody to hepatitis C only its exposure, read as the antibody result or the diagnosis)
_NAME_TEST = re.compile(
    r"(?:\s*\(\s*(?:HIV|HBV|HCV)\s*\))?[\s-]*(?P<t>s\.?\s?Ag|surface[\s-]+antigen|Ab|antibod(?:y|ies)|PCR|RNA|DNA)\b(?:\s*\+|\s+positiv\w*)?"
    r"(?:\s*(?:or|and/or|/)\s*(?:PCR|RNA|DNA|viral\s+load)\b(?:\s*\+|\s+positiv\w*)?)?",
    I,
)


_CHRONIC = re.compile(r"\b(?:chronic|persistent)(?:\s+(?:active|viral))?\s+$", I)


_NARROWS = re.compile(r"^\W*(?:and|with|plus)\b[^;]*$", I)  # "HBsAg positive and HBV DNA ..."


_ULN_OR_DETECTION = re.compile(r"upper\s+limit|\bULN\b|normal|detect|LLQ|LLOQ|quantif", I)


# an HBV DNA load as registries write it: "≥ 500 IU/mL", "> 2500 copies/mL", "≥1×10^3 copies/mL",
# "10^4 IU/mL", "> 3 log10 IU/mL"; IU/mL is the WHO standard, and copies convert to it only by
# the assay's own factor, so each bound is kept in the unit it is written in
_LOAD = re.compile(
    r"(?P<op>≥|>|≤|<)?\s*(?:(?P<num>\d+(?:\.\d+)?)(?:\s*[x×*]\s*10\s?\^?\s?(?P<exp>\d{1,2}))?|10\s?\^\s?(?P<pow>\d{1,2}))"
    r"\s*(?P<log>log(?:10)?\s*)?(?P<unit>IU|copies|cps|cp)\s*/\s*m[lL]\b",
    I,
)
_LOAD_OPS = {"≥": Op.GTE, ">": Op.GT, "≤": Op.LTE, "<": Op.LT}


def _load_bounds(text: str, concept: str, default_op: Op) -> Expr | None:
    """The HBV DNA load bounds in ``text`` (one per unit: the same bound written in IU and in
    copies is one bound, and IU, the standard, is the one kept)."""
    if concept != "hbv_dna":
        return None
    bounds: dict[str, Expr] = {}
    for m in _LOAD.finditer(text):
        if m.group("pow"):
            value = 10.0 ** int(m.group("pow"))
        else:
            value = float(m.group("num")) * (10.0 ** int(m.group("exp")) if m.group("exp") else 1.0)
        if m.group("log"):
            if value > 12:
                continue
            value = 10.0**value
        unit = "[iU]/mL" if m.group("unit").lower() == "iu" else "{copies}/mL"
        op = _LOAD_OPS.get(m.group("op") or "", default_op)
        load = "hbv_dna_load" if unit == "[iU]/mL" else "hbv_dna_copies"
        bounds.setdefault(unit, predicate(load, op, int(value) if value.is_integer() else value, unit))
    if not bounds:
        return None
    return bounds.get("[iU]/mL") or bounds["{copies}/mL"]


# "testing is not required (in the absence of history)": a remark on how the record is known
_NOT_REQUIRED = re.compile(r"\(?\s*(?:[\w-]+\s+){0,2}?testing\s+(?:is\s+)?not\s+(?:required|mandatory|needed)\b[^.;()]{0,80}\)?", I)


_INFECTION_WORDS = ("testing is not", "testing not", "hbv", "hcv", "hiv", "hav", "hepatitis", "hbsag", "hbs", "hbc", "syphilis", "treponema", "immunodeficiency", "immune deficiency", "aids", "surface antigen", "htlv", "lymphotr", "leukemia virus", "leukaemia virus")


# a negative result written away from the name: "Seronegative for HIV", "Negative HIV antibody
# test", "HIV-1 & 2 antibody, HIV-1 antigen, and HTLV-I & II antibody sero-negative". Read as the
# name alone, an inclusion asked the infection of everyone (and an HIV-positive patient met it).
_NEG_WORD = r"(?:sero-?negativ\w*|negative|non-?reactive)"
_NEG_BEFORE = re.compile(rf"\b{_NEG_WORD}\s+(?:(?:for|to)\s+)?(?:the\s+)?$", I)
_NEG_AFTER = re.compile(rf"[^;.:]{{0,120}}?\b{_NEG_WORD}\b", I)
_POS_WORD = re.compile(rf"(?<!non-)(?<!non)\b{POS}", I)


def _negative_result_before(text: str, start: int) -> int | None:
    """Where a negative result written before the name starts ("Seronegative for HIV")."""
    before = _NEG_BEFORE.search(text[max(0, start - 30): start])
    return None if before is None else max(0, start - 30) + before.start()


_OTHER_CLAUSE = re.compile(r"\b(?:unless|except|if|when|provided|but|whereas|while|with|without|who|on|or)\b", I)


def _negative_result_after(text: str, end: int) -> bool:
    """A negative word later in the same phrase ("..., HIV-1 antigen, and HTLV antibody
    sero-negative"), not one of another clause ("HIV unless viral load negative")."""
    after = _NEG_AFTER.match(text, end)
    return after is not None and _POS_WORD.search(after.group(0)) is None and _OTHER_CLAUSE.search(after.group(0)) is None


def _seen(items: list[Item], a: int, b: int) -> bool:
    return any(not (b <= it.start or a >= it.end) for it in items)


# "a known positive test for hepatitis B virus surface antigen (HBV sAg) or hepatitis C virus
# ribonucleic acid": the result written once before a list of tests is each test's
# ("known positive test results in human immunodeficiency virus (HIV), hepatitis B surface antigen
# (HBSAg), or hepatitis C antibodies (HCAb)", "Positive screening test for ...", "Positive finding
# for ...": 16 corpus exclusions read only the first of the list, a patient with HBsAg unknown), and
# "positive for" without a test's word ("known to be positive for hepatitis C virus (HCV) RNA or
# HBsAg (HBV surface antigen)": the surface antigen after the "or" was an unread alternative, so a
# clean record was unknown)
_POSITIVE_FOR = re.compile(
    r"(?:(?:an?\s+)?(?:known\s+)?)?(?:positive|reactive)\s+(?:(?:screening|serolog(?:y|ic|ical)|laboratory)\s+)?"
    r"(?:(?:tests?|results?|findings?|serology|screens?)\s+){1,2}(?:for|of|in)\s+"
    r"|(?<![\w-])(?:positive|reactive)\s+for\s+",
    I,
)
_DUTY_AFTER = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:,\s*)?(?:must|should|shall|will\s+need|need|needs|are\s+required|require)\b", I)
_TEST_WORD = re.compile(r"\b(?:tests?|results?|findings?|serology|screens?)\b", I)
_TEST_NAMES = tuple((concept, shows, re.compile(pattern, I)) for concept, pattern, shows in (*_TESTS, ("hiv", _HIV_NAMED, "hiv")))
_LIST_GAP = re.compile(r"\s*(?:\([^()]{0,60}(?:\([^()]{0,20}\))?[^()]{0,30}\)\s*)?(?:,\s*)?(?:or|and/or|and|,)?\s*$", I)


def _tests_after_positive(text: str) -> list[Item]:
    items: list[Item] = []
    for lead in _POSITIVE_FOR.finditer(text):
        end = min((i for i in (text.find(";", lead.end()), text.find(". ", lead.end())) if i >= 0), default=len(text))
        found: list[tuple[int, int, str, str | None]] = []
        for concept, shows, pattern in _TEST_NAMES:
            found += [(m.start(), m.end(), concept, shows) for m in pattern.finditer(text, lead.end(), end)]
        found.sort()
        chain: list[tuple[int, int, str, str | None]] = []
        at = lead.end()
        for start, stop, concept, shows in found:
            if start < at or not (start == at or _LIST_GAP.match(text[at:start])):
                continue
            chain.append((start, stop, concept, shows))
            at = stop
        if not chain:
            continue
        if lead.group(0).split()[-1].lower() == "for" and not _TEST_WORD.search(lead.group(0)):
            if len(chain) < 2 or _DUTY_AFTER.match(text, chain[-1][1]):
                # a bare "positive for": only a list of tests' own names, never the patients a
                # further test decides ("patients that are positive for HBcAb, HBsAg, or HCV
                # antibody must have a negative PCR")
                continue
            if any(named == shown for _, _, named, shown in chain):
                # an infection named in the list is its own readers' ("positive for hepatitis B
                # surface antigen, hepatitis B core antibody, hepatitis C antibody, or human
                # immunodeficiency virus"); the tests beside it are the result's all the same (left,
                # the core and C antibodies were unread alternatives, a clean record unknown)
                # (the lead stays the first link's only when that link is kept: a test after
                # "HIV or" spans its own words, leaving the infection's to its reader)
                kept = [link for link in chain if link[2] != link[3]]
                if not kept:
                    continue
                if kept[0] is not chain[0]:
                    items += _chain_items(kept)
                    continue
                chain = kept
        # the lead is the first test's words (a consumed item of its own stood between the list and
        # what came before it: "tuberculosis, and positive test results in HBsAg" joined with AND)
        chain[0] = (lead.start(), *chain[0][1:])
        items += _chain_items(chain)
    return items


def _chain_items(chain: list[tuple[int, int, str, str | None]]) -> list[Item]:
    """The items of a list of tests one positive result is written for."""
    items: list[Item] = []
    for start, stop, concept, shows in chain:
        if concept == "hcv_antibody":
            expr: Expr = HCV_ANTIBODY_POSITIVE
        elif concept == shows:  # the infection named in the list
            expr = predicate(concept, Op.PRESENT)
        else:
            expr = predicate(shows, Op.PRESENT) if shows else predicate(concept, Op.IS, "positive")
        items.append(Item(start, stop, expr, frozenset({concept} | ({shows} if shows else set()))))
    return items


# "HIV, hepatitis B surface antigen or hepatitis C seropositive", "HIV, HBsAg and HCV negative":
# the result written once after a list of tests and infections is each one's, as when it is
# written once before them (above). The infections in the list read their own result; a test
# standing bare in it (the surface antigen) was an unparsed review, so an exclusion let an
# HBsAg-positive patient through beside it. A negative result asked is the test's (a measurement).
# (only a result that ends the clause: one the clause goes on to qualify, "Hepatitis B surface
# antigen or hepatitis C positivity with abnormal liver function tests", may be the last item's alone)
_RESULT_AFTER_LIST = re.compile(rf"[\s-]*(?:(?P<pos>{POS})|(?P<neg>{NEG}))(?![\w+-])(?=\s*(?:$|[;.,:()]))", I)


def _tests_before_result(text: str) -> list[Item]:
    names = sorted({(m.start(), m.end(), concept, shows) for concept, shows, pattern in _TEST_NAMES for m in pattern.finditer(text)}
                   | {(m.start(), m.end(), "", None) for _, pattern in _INFECTION_RES for m in pattern.finditer(text)})
    items: list[Item] = []
    chain: list[tuple[int, int, str, str | None]] = []

    def close() -> None:
        result = _RESULT_AFTER_LIST.match(text, chain[-1][1]) if len(chain) >= 2 else None
        if result is None:
            return
        viruses = [shows for _, _, concept, shows in chain if concept and shows]
        for start, stop, concept, shows in chain[:-1]:
            if not concept or concept == "hiv" or (shows is not None and viruses.count(shows) > 1):
                # (two tests of one virus, "HBsAg and HBV DNA positive", may narrow each other as
                # the pair with its own results does below: left as it was)
                continue
            if result.group("neg"):
                expr: Expr = predicate(concept, Op.IS, "negative")
            elif concept == "hcv_antibody":
                expr = HCV_ANTIBODY_POSITIVE
            else:
                expr = predicate(shows, Op.PRESENT) if shows else predicate(concept, Op.IS, "positive")
            items.append(Item(start, stop, expr, frozenset({concept} | ({shows} if shows else set()))))

    for name in names:
        if chain and name[0] < chain[-1][1]:
            continue
        if chain and not _LIST_GAP.match(text[chain[-1][1]: name[0]]):
            close()
            chain = []
        chain.append(name)
    if chain:
        close()
    return items


def infection_items(text: str) -> list[Item]:
    low = text.lower()
    if not any(w in low for w in _INFECTION_WORDS):
        return []
    items: list[Item] = _tests_after_positive(text) if ("positive" in low or "reactive" in low) else []
    items += [item for item in _tests_before_result(text) if not _seen(items, item.start, item.end)]
    tests: list[tuple[Item, str, str | None]] = []  # (item, test, the infection it shows)
    for concept, shows, full in _TEST_RES:
        for m in full.finditer(text):
            if _seen(items, m.start(), m.end()):
                continue
            res = m.group("r1") or m.group("r2")
            value = qual_value(res) if res else "positive"
            end = m.end()
            if m.group("above"):
                end = m.start("thr") + len(m.group("thr").rstrip(" ,."))
            load = _load_bounds(m.group("thr"), concept, OPS[">"]) if m.group("above") else None
            if load is not None and shows is not None and not _ULN_OR_DETECTION.search(m.group("thr")):
                # "HBV DNA > 2000 IU/mL": the load, of a patient with the infection (none on record: absent)
                expr: Expr = all_of([predicate(shows, Op.PRESENT), predicate(concept, Op.IS, "positive"), load])
            elif value == "negative" or shows is None:
                expr = predicate(concept, Op.IS, value)
                if value == "positive" and concept == "hcv_antibody":
                    expr = HCV_ANTIBODY_POSITIVE
            else:
                expr = predicate(shows, Op.PRESENT)
            item = Item(m.start(), end, expr, frozenset({concept} | ({shows} if shows else set())))
            items.append(item)
            tests.append((item, concept, shows if value == "positive" else None))
    # a second test of one virus joined by "and" narrows the first: its own result is asked
    for (first, _, virus), (second, concept, shows) in zip(tests, tests[1:]):
        if virus is None or shows != virus or not _NARROWS.match(text[first.end: second.start]):
            continue
        m = re.search(_ABOVE + r"\s*(?P<thr>[^;]*)", text[second.start: second.end], I)
        parts: list[Expr] = [predicate(concept, Op.IS, "positive")]
        if m and re.search(r"\d", m.group("thr")) and not _ULN_OR_DETECTION.search(m.group("thr")):
            load = _load_bounds(m.group(0), concept, Op.GT)
            parts.append(load if load is not None else Qualifier(ReviewReason.AMBIGUOUS, f"{concept.replace('_', ' ').upper()} {m.group(0).strip()}"))
        second.expr = all_of(parts)
    for m in _NOT_REQUIRED.finditer(text):
        if not _seen(items, m.start(), m.end()):
            items.append(Item(m.start(), m.end(), None, frozenset()))
    for m in _HEP_LETTERS.finditer(text):
        if _seen(items, m.start(), m.end()):
            continue
        viruses = list(dict.fromkeys(_HEP_LETTER_CONCEPT[x] for x in re.findall(r"[ABC]", m.group("letters"))))
        items.append(Item(m.start(), m.end(), any_of([predicate(v, Op.PRESENT) for v in viruses]), frozenset(viruses)))
    for m in _HEP_LIST.finditer(text):
        if _seen(items, m.start(), m.end()):
            continue
        viruses = (["hav"] if m.group("a") else []) + ["hbv", "hcv"]
        items.append(Item(m.start(), m.end(), any_of([predicate(v, Op.PRESENT) for v in viruses]), frozenset(viruses)))
    for m in _VIRAL_HEPATITIS.finditer(text):
        if not _seen(items, m.start(), m.end()):
            items.append(Item(m.start(), m.end(), any_of([predicate(v, Op.PRESENT) for v in _VIRAL_HEPATITIDES]), frozenset(_VIRAL_HEPATITIDES)))
    for concept, pattern in _INFECTION_RES:
        for m in pattern.finditer(text):
            if _seen(items, m.start(), m.end()):
                continue
            end = m.end()
            after = _AFTER_NAME.match(text, end)
            op = Op.PRESENT
            lead = _negative_result_before(text, m.start())  # "Seronegative for HIV"
            named_test = _NAME_TEST.match(text, end) if after is None and concept in ("hiv", "hbv", "hcv") else None
            if after:
                end = after.end()
                if qual_value(after.group("r")) == "negative" or re.match(r"sero-?negativ", after.group("r"), I):
                    op = Op.ABSENT
            else:
                negative = False
                if named_test is not None:
                    end = named_test.end()
                    result = re.match(rf"\s*{_NEG_WORD}\b", text[end:], I)
                    if result:  # "HIV antibody negative": the result belongs to the test
                        end, negative = end + result.end(), True
                if negative or lead is not None or _negative_result_after(text, end):
                    op = Op.ABSENT
            if named_test is not None and op is Op.PRESENT:
                if concept == "hcv" and named_test.group("t").lower().startswith("a"):
                    expr = HCV_ANTIBODY_POSITIVE
                    items.append(Item(m.start(), end, expr, frozenset({"hcv", "hcv_antibody"})))
                    continue
            start = lead if op is Op.ABSENT and lead is not None else m.start()  # the result before the name is the item's
            chronic = _CHRONIC.search(text[max(0, start - 30): start]) if concept in ("hbv", "hcv") else None
            if chronic is not None:  # "chronic hepatitis B": the infection a record of it shows
                start -= len(text[max(0, start - 30): start]) - chronic.start()
            defined = _DEFINED_BY_TESTS.match(text, end) if concept in _VIRUS_TESTS else None
            if defined is not None and re.search(_VIRUS_TESTS[concept], defined.group(1), I) and not _seen(items, end, defined.end()):
                end = defined.end()  # "HCV positive (HCV RNA or HCV Ab test suggests ... infection)": how it is known
            items.append(Item(start, end, predicate(concept, op), frozenset({concept})))
    for m in _BARE_HEPATITIS.finditer(text) if "hepatitis" in low else ():
        if not _seen(items, m.start(), m.end()) and _bare_hepatitis_read(text, m.start()):
            items.append(Item(m.start(), m.end(), _bare_hepatitis(), frozenset({*_VIRAL_HEPATITIDES, "liver_disease"})))
    return _results_of_lists(text, items)


# A result written once for a list of infections is each one's: "Negative for HTLV and HIV",
# "Seronegative for HIV, hepatitis B and hepatitis C", "Hepatitis B and C virus negative",
# "Negative serology for HIV type I and II, human T-lymphotropic virus type I and II, hepatitis B
# or C virus, syphilis". Read name by name, the result went to the name beside it and the others
# were asked present, so an inclusion required the very infections it rules out (16 corpus
# inclusions: a clean record failed them, one with hepatitis B met "hepatitis B and/or hepatitis C
# negative"). Under a negative result the list's "or" is "and": negative for hepatitis B or C is
# negative for both. A positive result written before the list ("Seropositive for HIV, HBV or
# HCV") is the first name's words, the list keeping its own joins.
_RESULT_NOUNS = r"(?:serolog(?:y|ies|ic|ical)|screening|tests?|testing|results?|status|antibod(?:y|ies))"
_LIST_LEAD = re.compile(
    rf"\b(?:(?:testing|tested|tests?)\s+)?(?:(?:sero-?)?(?P<neg>negative)|non-?reactive|(?:sero-?)?(?P<pos>positive))\s+(?:{_RESULT_NOUNS}\s+){{0,3}}(?:(?:for|to|of|in)\s+)?(?:the\s+)?$", I
)
_LIST_TAIL = re.compile(
    rf"(?:\s*(?:virus(?:es)?|infections?|{_RESULT_NOUNS}))?\s*(?:(?:is|are|must\s+be)\s+)?{_NEG_WORD}\b", I
)
_LIST_JOIN = re.compile(r"(?:[\s,/&()\[\]-]|\b(?:and|or|types?|I{1,3}|[12]|virus(?:es)?|infections?)\b)*", I)
_RESULT_WORD = re.compile(rf"\b(?:sero-?)?(?:{POS}|{NEG}|negativ\w*|positiv\w*)", I)
_RESULT_AT_END = re.compile(rf"(?:{POS}|{NEG}|negativ\w*|positiv\w*)\W*$", I)
_INFECTION_CONCEPTS = frozenset(c for c, _ in _INFECTIONS)


def _negated(expr: Expr) -> Expr | None:
    """The expression asking the negative result of what ``expr`` asks present; None for anything
    more than a name or a test's result (a load, a window), which the list's reading leaves as is."""
    if expr == HCV_ANTIBODY_POSITIVE:
        return predicate("hcv_antibody", Op.IS, "negative")
    if isinstance(expr, Any_):
        parts = [_negated(p) for p in expr.parts]
        return None if any(p is None for p in parts) else all_of([p for p in parts if p is not None])
    if not isinstance(expr, Predicate) or expr.window is not None:
        return None
    if expr.op is Op.PRESENT and expr.concept in _INFECTION_CONCEPTS:
        return replace(expr, op=Op.ABSENT)
    if expr.op is Op.ABSENT or (expr.op is Op.IS and expr.value == "negative"):
        return expr
    if expr.op is Op.IS and expr.value == "positive":
        return replace(expr, value="negative")
    return None


def _asks_present(expr: Expr | None) -> bool:
    if isinstance(expr, Any_):
        return any(_asks_present(p) for p in expr.parts)
    return isinstance(expr, Predicate) and (expr.op is Op.PRESENT or (expr.op is Op.IS and expr.value == "positive"))


def _runs(text: str, items: list[Item]) -> list[list[Item]]:
    """Items named one after another with nothing but a list's joins between them; a name that
    carries its own result ("HIV negative, hepatitis B and C negative") ends its list."""
    runs: list[list[Item]] = []
    for item in sorted((it for it in items if it.expr is not None), key=lambda it: it.start):
        if runs:
            last = runs[-1][-1]
            gap = text[last.end: item.start]
            own = _RESULT_AT_END.search(text[last.start: last.end])
            if (item.start >= last.end and len(gap) <= 60 and _LIST_JOIN.fullmatch(gap) and own is None
                    and _RESULT_WORD.match(text, item.start) is None):
                runs[-1].append(item)
                continue
        runs.append([item])
    return runs


def _results_of_lists(text: str, items: list[Item]) -> list[Item]:
    kept = [it for it in items if it.expr is None]
    for run in _runs(text, items):
        first, last = run[0], run[-1]
        lead = _LIST_LEAD.search(text[max(0, first.start - 60): first.start])
        tail = _LIST_TAIL.match(text, last.end)
        starts_negative = re.match(rf"(?:sero-?)?(?:{NEG}|negativ\w*)", text[first.start: first.end], I) is not None
        ends_negative = re.search(rf"(?:{NEG}|negativ\w*)$", text[first.start: last.end], I) is not None
        negative = (lead is not None and lead.group("pos") is None) or starts_negative or tail is not None or ends_negative
        if _POS_WORD.search(text, first.start, last.end):
            negative = False  # "negative for HIV, positive for HBV": each name keeps its own
        if negative and (len(run) > 1 or any(_asks_present(it.expr) for it in run)):
            parts = [_negated(it.expr) for it in run if it.expr is not None]
            if all(p is not None for p in parts):
                start = first.start - len(lead.group(0)) if lead is not None and not starts_negative else first.start
                end = tail.end() if tail is not None else last.end
                concepts = frozenset().union(*(it.concepts for it in run))
                kept.append(Item(start, end, all_of([p for p in parts if p is not None]), concepts))
                continue
        if lead is not None and lead.group("pos") is not None and all(_asks_present(it.expr) for it in run):
            run = [replace(first, start=first.start - len(lead.group(0))), *run[1:]]
        kept.extend(run)
    return sorted(kept, key=lambda it: it.start)


# a bracket after an infection that names the tests showing it ("HCV positive (HCV RNA or HCV Ab
# test suggests acute and chronic infections)") says how the infection is known, asks nothing
# more: read as words, its "infections" became one more alternative and "acute" a review
_DEFINED_BY_TESTS = re.compile(r"\s*\(([^()<>≤≥=\d]{0,120})\)")
_VIRUS_TESTS = {
    "hcv": r"\bHCV[\s-]*(?:RNA|Ab|antibod\w*)\b|\banti-?HCV\b",
    "hbv": r"\bHBs\s?Ag\b|\bHBV[\s-]*DNA\b|\bHBcAb\b|\banti-?HBc\b",
    "hiv": r"\bHIV[\s-]*(?:RNA|Ab|antibod\w*|antigen|viral\s+load)\b",
}


# the words a line qualifies an active infection with that sepsis always meets ("active,
# uncontrolled, systemic infection considered opportunistic, life threatening or clinically
# significant", "serious infection requiring IV antibiotics", "an active infection that requires
# antibiotics", "evidence of uncontrolled infection", "documented uncontrolled infection",
# "uncontrolled intercurrent infection", "serious infections that are not controlled by
# antibiotics", "other active uncontrolled infection", "infection requiring parenteral
# antibiotics", "an active infection that would preclude study participation", "uncontrolled
# disease/infection (as judged by the treating physician)"): only such words, nothing else. Not
# "controlled" alone (a controlled infection is no sepsis), nor "acute or chronic", "fungal",
# "viral" or a site: a kind sepsis need not be
# "> grade 2", "≥ CTCAE grade 3", "greater than grade 2", "grade ≥ 3", "grade 3 or higher" (never
# "grade 2" bare, nor "< grade 3": a grade sepsis may exceed)
_ABOVE_GRADE = (
    r"(?:(?:>|≥|>=|\bgreater\s+than|\bmore\s+than|\bhigher\s+than)\s*(?:(?:NCI[\s-]*)?CTC(?:AE)?\s*)?grade\s*[1-3]\b"
    r"|(?:≥|>=|\bgreater\s+than\s+or\s+equal\s+to|\bat\s+least)\s*(?:(?:NCI[\s-]*)?CTC(?:AE)?\s*)?grade\s*[1-4]\b"
    r"|\bgrade\s*(?:(?:>|≥|>=)\s*[1-3]|[1-4]\s+or\s+(?:higher|greater|above|more))\b)"
)
# "NCI-CTC", "CTCAE v.3.0", "NCI-CTCAE version 4.03", "Common Toxicity Criteria for Adverse Events"
_CTC_VERSION = (
    r"(?:\b(?:NCI[\s-]*)?CTC(?:AE)?|\bCommon\s+(?:Terminology|Toxicity)\s+Criteria(?:\s+for\s+Adverse\s+(?:Events|Effects))?)"
    r"(?:\s*,?\s*(?:v(?:ersion)?\.?\s*)\d{1,2}(?:\.\d{1,2}){0,2})?(?!\w)"
)
_SEPSIS_MEETS = re.compile(
    r"(?:\W|\bnot\s+(?:well\s+|adequately\s+)?controlled\b|\b(?:evidence|presence)\s+of\b"
    # a grade above 2 or 3 (sepsis is grade 4 at least in the CTCAE: "Active clinically serious
    # infection > CTCAE Grade 2", "Active infections (> Grade 2 NCI-CTC v.3.0)"), the
    # classification's name and version, and the time it is asked at ("at the time of registration")
    rf"|{_ABOVE_GRADE}|{_CTC_VERSION}|\bat\s+(?:the\s+)?time\s+of\s+(?:study\s+)?(?:registration|entry|enrol+ment|screening|randomi[sz]ation)\b"
    r"|\b(?:patients?|subjects?|participants?|who|no|an?|the|with|has|have|any|other|known|documented|active|current|concurrent|"
    r"intercurrent|co-?existing|ongoing|are|is|uncontrolled|uncontrollable|serious|severe|life|threatening|acute|clinical|"
    r"systemic|clinically|significant|considered|to|be|opportunistic|or|and|including|requiring|requires|needing|intravenous|IV|parenteral|"
    r"antibiotics?|antimicrobials?|anti-microbials?|anti-infectives?|antibacterials?|appropriate|by|disease|"
    r"therapy|treatment|that|which|needs?|required|would|preclude|impair|interfere|their|his|her|its|ability(?:\s+of)?|receive|study|protocol|participation|"
    r"as|judged|in|opinion(?:\s+of)?|treating|physician|investigator)\b)*",
    I,
)


def serious_infection(expr: Expr) -> Expr:
    """An active infection qualified by words no record holds ("uncontrolled", "life-threatening",
    "systemic") is met by a recorded sepsis, which is all of them by definition: the infection's
    reading gains sepsis as an alternative (left unknown beside the review, a patient in septic
    shock was eligible wherever that review was all the line held against him)."""
    return rewrite_conjunctions(expr, _sepsis_beside)


def _sepsis_beside(expr: All) -> Expr | None:
    infections = [p for p in expr.parts if _infection(p)]
    others = [p for p in expr.parts if not _infection(p)]
    if len(infections) != 1 or not others or not all(isinstance(p, Review) and p.text and _SEPSIS_MEETS.fullmatch(p.text) for p in others):
        return None
    found = infections[0]
    if isinstance(found, Predicate):
        return Any_((replace(found, concept="sepsis"), expr))
    # "infection now or within a week" ("Active uncontrolled infection within one week of HCT"):
    # sepsis in either span
    return Any_((Any_(tuple(replace(p, concept="sepsis") for p in found.parts if isinstance(p, Predicate))), expr))


def _is_infection(expr: Expr) -> bool:
    return isinstance(expr, Predicate) and expr.concept == "active_infection" and expr.op in (Op.PRESENT, Op.WITHIN)


def _infection(expr: Expr) -> bool:
    """An active infection asked now or in a window, or as "now, or within a span" (every
    alternative an active infection)."""
    return _is_infection(expr) or isinstance(expr, Any_) and bool(expr.parts) and all(_is_infection(p) for p in expr.parts)


# "active or uncontrolled infection", "Active or uncontrolled infections", "active and/or serious
# infection", "Serious/active infection", "uncontrolled or active infection": the qualifier is one
# alternative beside "active", and an active infection is what the infection's reading already
# asks. The parser keeps the qualifier as a review and-ed to the infection ("active-infection and
# review 'uncontrolled'"), which dropped the "or": an active infection on record was unknown where
# the line's own words exclude it. Only where the line writes the two qualifiers of one infection
# as alternatives (not "active, uncontrolled infection", which asks both; not "serious active or
# uncontrolled", where "serious" qualifies the first alternative too)
_QUALIFIER_WORDS = r"(?:uncontrolled|serious|severe|clinically\s+significant|untreated|symptomatic)"
_ACTIVE_OR_QUALIFIED = re.compile(
    rf"(?<!\bserious\s)(?<!\bsevere\s)\b(?:active|ongoing|current)\s*(?:\s(?:or|and/or)\s+|/)\s*(?P<q1>{_QUALIFIER_WORDS})\s+(?:systemic\s+)?infections?\b"
    rf"|\b(?P<q2>{_QUALIFIER_WORDS})\s*(?:\s(?:or|and/or)\s+|/)\s*active\s+(?:systemic\s+)?infections?\b",
    I,
)
# what else a review beside the infection may hold: the subject's words around the qualifier
_QUALIFIER_REVIEW = re.compile(
    rf"(?:\W|\b(?:no|not|other|any|patients?|subjects?|participants?|with|who|has|have|an?|known|current|ongoing|active|or|and|"
    rf"{_QUALIFIER_WORDS})\b)*",
    I,
)


def active_or_qualified(expr: Expr, text: str) -> Expr:
    """``expr`` with the qualifier of an "active or uncontrolled infection" read as the alternative
    it is: the infection's conjunct loses the review of it (see _ACTIVE_OR_QUALIFIED)."""
    m = _ACTIVE_OR_QUALIFIED.search(text)
    if m is None:
        return expr
    qualifier = re.sub(r"\s+", " ", (m.group("q1") or m.group("q2"))).lower()

    def bare(node: All) -> Expr | None:
        infections = [p for p in node.parts if _infection(p)]
        reviews = [p for p in node.parts if not _infection(p)]
        if len(infections) != 1 or len(reviews) != 1:
            return None
        review = reviews[0]
        if not isinstance(review, Review) or not review.text or qualifier not in re.sub(r"\s+", " ", review.text).lower():
            return None
        return infections[0] if _QUALIFIER_REVIEW.fullmatch(review.text) else None

    return rewrite_conjunctions(expr, bare)


# the words a line says a virus is known by ("Known HIV positive serology", "including known
# seropositivity for HIV", "Patients with known positivity for HIV", "active viral infection with
# HIV", "known chronic infection with HIV"): how the infection is known, which the virus's
# reading asks already (a diagnosis or a positive test). Left, they were a review and-ed to the
# virus, so a patient with HIV on record was unknown where the line excludes him. For HIV an
# "active" or "chronic" infection is any (it is never cleared); for hepatitis B and C those words
# narrow (a resolved infection is neither), so they stay a person's there.
_KNOWN_BY = (
    r"\W|\b(?:patients?|subjects?|participants?|with|who|has|have|an?|the|known|including|evidence|documented|documentation|history|of|for|"
    r"sero-?positiv\w*|sero-?logy|sero-?logic(?:al)?|positiv\w*|test(?:ing|ed)?|results?|status|infections?|infected|diagnosis|diagnosed)\b"
)
_KNOWN_BY_RES = {
    "hiv": re.compile(rf"(?:{_KNOWN_BY}|\b(?:active|chronic|viral|virus)\b)*", I),
    "hbv": re.compile(rf"(?:{_KNOWN_BY})*", I),
    "hcv": re.compile(rf"(?:{_KNOWN_BY})*", I),
}


def _virus_known_by(node: All) -> Expr | None:
    viruses = [p for p in node.parts if isinstance(p, Predicate) and p.concept in _KNOWN_BY_RES and p.op in (Op.PRESENT, Op.WITHIN)]
    rest = [p for p in node.parts if p not in viruses]
    if len(viruses) != 1 or not rest or not all(isinstance(p, Review) and p.text and _KNOWN_BY_RES[viruses[0].concept].fullmatch(p.text) for p in rest):
        return None
    return viruses[0]


# HIV with the therapy given for it as an example of who has it ("Known HIV positivity (eg,
# subjects who are receiving antiretroviral therapy for HIV disease)", "Known HIV infection (such
# as patients on antiretroviral therapy)"): the example shows the infection and never narrows it;
# and-ed to it, an HIV-positive patient off therapy passed the exclusion. Only where the line gives
# the therapy after an example's marker: "HIV-positive patients on combination antiretroviral
# therapy are ineligible" (the drug interactions) asks both, as written
_ART_EXAMPLE = re.compile(r"\(\s*(?:e\.?\s?g\.?|for\s+example|such\s+as)\b[^()]{0,80}?\banti-?\s?retro-?\s?viral\b", I)


def _hiv_shown_by_therapy(node: All) -> Expr | None:
    hiv = [p for p in node.parts if isinstance(p, Predicate) and p.concept == "hiv" and p.op is Op.PRESENT]
    art = [p for p in node.parts if isinstance(p, Predicate) and p.concept == "antiretroviral_therapy" and p.op in (Op.PRESENT, Op.WITHIN)]
    return hiv[0] if len(hiv) == 1 and len(art) == 1 and len(node.parts) == 2 else None


# A virus given as an example of an unread head ("Immunocompromised patients (other than ...)
# including patients known to be human immunodeficiency virus (HIV) positive"): a case of what the
# line names, so the virus alone decides for a patient who has it, and the head's words stay a
# person's for the others. And-ed to the head's words, an HIV-positive patient was left unknown.
_INCLUDING_TAIL = re.compile(
    r"\bincluding(?:\s+(?:but|not|limited|to|patients?|subjects?|participants?|those|individuals?|persons?|known|documented|be|who|are|with)){0,8}\s*$", I
)


def _virus_as_example(node: All) -> Expr | None:
    viruses = [p for p in node.parts if isinstance(p, Predicate) and p.concept in ("hiv", "hbv", "hcv") and p.op is Op.PRESENT]
    heads = [p for p in node.parts if isinstance(p, Review) and p.text and _INCLUDING_TAIL.search(p.text)]
    if len(viruses) != 1 or len(heads) != 1:
        return None
    rest = [p for p in node.parts if p is not viruses[0]]
    return Any_((viruses[0], all_of(rest)))


def infection_wording(expr: Expr, text: str) -> Expr:
    """``expr`` with an infection's wording read: "active or uncontrolled" as alternatives
    (``active_or_qualified``) and the words a virus is known by (_KNOWN_BY) as asking nothing."""
    if _ART_EXAMPLE.search(text):
        expr = rewrite_conjunctions(expr, _hiv_shown_by_therapy)
    if "including" in text.lower():
        expr = rewrite_conjunctions(expr, _virus_as_example)
    read = rewrite_conjunctions(active_or_qualified(stray_qualifiers(expr, text), text), _virus_known_by)
    return read if read is expr else _once_each(read)


def _once_each(expr: Expr) -> Expr:
    """``expr`` with an alternative that repeats an earlier one dropped ("HIV or HIV", once the
    words beside the second are read as asking nothing)."""
    if isinstance(expr, Not):
        return Not(_once_each(expr.part))
    if isinstance(expr, (All, Any_)):
        parts = tuple(_once_each(p) for p in expr.parts)
        if isinstance(expr, Any_):
            parts = tuple(dict.fromkeys(parts))
            if len(parts) == 1:
                return parts[0]
            return Any_(parts)
        return All(parts)
    return expr
