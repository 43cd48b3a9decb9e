"""Bleeding asked "clinically significant" or "major" where the record's own coding answers the
word (issue 14; about 40 corpus lines: "History of clinically significant bleeding within 6 months
of enrollment", "Clinically significant gastrointestinal bleeding", "major bleeding within the
past 4 weeks").

The parser reads the bleeding and leaves the adjective a person's beside it ("hemorrhage within 6
months and review 'History of clinically significant'"), so no record could meet the line. But
some bleedings are the qualified kind by what they are, whatever a person would add:

* a bleeding inside the skull (ICD-10-CM I60-I62) is "major" bleeding by the ISTH definition
  (symptomatic bleeding in a critical organ), and so clinically significant;
* a bleeding from the gut coded as a diagnosis (K92.0-K92.2, bleeding ulcers and varices) is an
  overt internal bleeding a diagnosis was made of: clinically significant (ISTH's "clinically
  relevant" bleeding asks no more than one that needed medical attention), though not surely
  major.

A bleeding coded without a site (a nosebleed, a bruise, "haemorrhage, not elsewhere classified")
stays a person's, and so does a haemoptysis, which lines that call it significant measure by the
spoonful ("clinically significant hemoptysis, defined as greater than 1 tablespoon") and a code
does not. So the line gains these as alternatives beside the reading it had (a record of any other
bleeding is still the person's; none on record, none of them, as before).

Only where the review holds nothing but the qualifier and the subject's words: "recent", "active"
or "unexplained" ask what no code says, and leave the line as it was; so does an undated bleeding
in a line that asks a time (the window may be written where the parser did not read it into the
bleeding), and a line that defines what it calls significant ("defined as", "requiring
transfusion"): its definition decides, not the kind.

Every pattern is an alternation of literals; none nests a repetition.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rules_engine.criteria import All, Any_, Expr, Op, Predicate, Review
from rules_engine.parser.items import I, rewrite_conjunctions

_BLEEDINGS = frozenset({"hemorrhage", "intracranial_hemorrhage", "gi_hemorrhage"})
# the site kinds coded as a diagnosis of an internal bleeding, and the one that is major by site
_INTERNAL = ("intracranial_hemorrhage", "gi_hemorrhage")
_MAJOR_SITE = ("intracranial_hemorrhage",)

_SUBJECT = r"(?:\W|\b(?:patients?|subjects?|participants?|with|who|has|have|had|a|an|any|no|known|documented|prior|previous|history|of|or|and|events?|episodes?)\b)*"
_SIGNIFICANT = re.compile(_SUBJECT + r"\b(?:clinically\s+)?significant\b" + _SUBJECT, I)
_MAJOR = re.compile(_SUBJECT + r"\b(?:major|serious)\b" + _SUBJECT, I)


# a time the line asks that the bleeding's own reading may not hold ("Ongoing or recent (=< 3
# months) significant gastrointestinal bleeding": the window left unread elsewhere in the line)
_TIME_WORDS = re.compile(r"\b(?:recent\w*|ongoing|current\w*|active|within|past|last|since|prior\s+to|days?|weeks?|months?|years?)\b", I)


# the qualifiers this module answers (``_SIGNIFICANT``, ``_MAJOR``): a line holding none has no review of them
_QUALIFIED = re.compile(r"\b(?:significant|major|serious)\b", I)
# a line that says what it calls significant: its definition decides
_DEFINED = re.compile(r"\b(?:defined|i\.\s?e|teaspoons?|tablespoons?|mL|requir\w*|transfusions?|hospitali[sz]\w*|grade)\b", I)


def significant_bleeding(expr: Expr, text: str) -> Expr:
    """``expr`` (the reading of ``text``) with each "bleeding and a review of its significance"
    given the coded bleedings that are significant (or major) by what they are (module docstring)."""
    if not _QUALIFIED.search(text) or _DEFINED.search(text):
        return expr  # (every line passes here: one search settles the most, before the site patterns and the walk)
    timed = _TIME_WORDS.search(text) is not None
    named = [kind for kind, words in _SITE_WORDS.items() if words.search(text)]
    # a line naming a site asks of that site's bleeding only ("a significant bleeding episode from
    # the gastrointestinal tract": a bleeding in the skull is no kind of it)
    sites = frozenset(named) if named or _OTHER_SITES.search(text) else frozenset(_SITE_WORDS)
    return rewrite_conjunctions(expr, lambda node: _coded_beside(node, timed, sites))


# the words that name a bleeding's site, by the kind it is
_SITE_WORDS: dict[str, re.Pattern[str]] = {
    "intracranial_hemorrhage": re.compile(r"\b(?:intracranial|intra-cranial|intracerebral|cerebral|cranial|brain|CNS|subarachnoid|subdural)\b", I),
    "gi_hemorrhage": re.compile(r"\b(?:gastrointestinal|GI|gastric|intestin\w*|rectal|bowel|melena|hematemesis|haematemesis|variceal|ulcers?|digestive|stomach)\b", I),
}
# a site with no kind here ("hemoptysis", "pulmonary", "tumour", "genitourinary"): the line asks of
# it, so no kind here is added
_OTHER_SITES = re.compile(r"\b(?:ha?emoptysis|pulmonary|lungs?|airway|tumou?r\w*|genitourinary|urinary|vaginal|uterine|nasal|epistaxis|ha?ematuria)\b", I)


def _coded_beside(node: All, timed: bool, named: frozenset[str]) -> Expr | None:
    if len(node.parts) != 2:
        return None
    bleeding = next((p for p in node.parts if isinstance(p, Predicate)), None)
    review = next((p for p in node.parts if isinstance(p, Review)), None)
    if bleeding is None or review is None or not review.text or len(review.text) > 60:
        return None
    if bleeding.concept not in _BLEEDINGS or bleeding.op not in (Op.PRESENT, Op.WITHIN) or bleeding.value is not None:
        return None
    if bleeding.window is None and timed:
        return None  # a time the line asks and this bleeding's reading does not hold: a person's
    if _SIGNIFICANT.fullmatch(review.text):
        sites = _INTERNAL
    elif _MAJOR.fullmatch(review.text):
        sites = _MAJOR_SITE
    else:
        return None
    if bleeding.concept in sites:
        return bleeding  # "clinically significant GI bleeding": the coded kind is significant itself
    # only the sites the line's own bleeding covers
    kinds = [s for s in sites if bleeding.concept in ("hemorrhage", s) and s in named]
    found: list[Expr] = [replace(bleeding, concept=s) for s in kinds]
    if not found:
        return None
    return Any_((*found, node))
