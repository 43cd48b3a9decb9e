"""Swallowing: "Inability to swallow oral medication", "Ability to swallow tablets", "Any
condition that impairs the ability to swallow whole pills" (about 140 corpus lines, most of
them of trials of an oral drug).

What decides such a line is a swallowing disorder, which a hospital codes as dysphagia (ICD-10-CM
R13; codes.toml). Under the contract a diagnosis absent from the record is absent, so an
exclusion's "unable to swallow" is met by a patient coded with dysphagia and not met by others,
and an inclusion's "able to swallow" is its negation. The object swallowed ("oral medication",
"the HKI-272 capsules", "whole pills", "the lenalidomide capsule as a whole") only says what the
trial gives: it is part of the item.
Unwillingness ("inability or unwillingness to swallow") is a person's to judge: the words stay
outside the item, where the residue reads them.

Every pattern is a bounded alternation; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Expr, Not, Op, Review, ReviewReason
from rules_engine.parser.items import NEGATED, I, Item, any_of, predicate


_NOUN = r"(?:medications?|medicines?|pills?|tablets?|capsules?|drugs?|products?|agents?|therapy|treatment|formulations?|liquids?|suspension|powder|RAD001|study\s+drug)\b"
# what is swallowed: up to three words (a product's code name, "study", "whole") before the noun
_OBJECT = (
    r"(?:\s+(?:and\s+(?:retain|absorb|keep\s+down)\s+)?(?:the\s+|an?\s+|any\s+|their\s+|his\s+or\s+her\s+|study\s+)?"
    r"(?:(?!(?:or|and|nor)\b)[\w/®-]+\s+){0,3}?(?:oral\s+)?" + _NOUN + r"(?:\s*(?:,|/|or|and|and/or)\s*(?:oral\s+)?" + _NOUN + r"){0,3}"
    r"(?:\s+(?:(?:as\s+a\s+)?whole|intact|normally|without\s+difficulty))?)?"
)
_NO_EXAMPLES = r"(?!\s*,?\s*(?:including|includes|such\s+as|e\.\s?g\b|for\s+example|\())"
_UNABLE = re.compile(
    r"(?:\binability|\bunable|\bincapab(?:le|ility)|\bcan\s*not|\bcannot|\bcould\s+not|\bfailure|\bdifficult(?:y|ies)"
    # "Patients who are not able to swallow capsules": the ability denied (5 corpus lines)
    r"|\bnot\s+(?:be\s+)?(?:able|capable))(?P<unwilling>\s+(?:or|and/or)\s+(?:unwilling(?:ness)?|refus\w*))?\s+(?:to\s+|in\s+|with\s+)?swallow(?:ing)?\b" + _OBJECT
    + r"|\bdifficult(?:y|ies)\s+(?:in\s+|with\s+)?swallowing\b" + _OBJECT
    + r"|\b(?:any\s+)?(?:conditions?|disorders?)\s+(?:that\s+)?(?:(?:would|could|may|might|will|can)\s+)?(?:impairs?|affects?|prevents?|limits?)\s+(?:the\s+)?(?:patient'?s\s+|subject'?s\s+|participant'?s\s+|their\s+)?ability\s+to\s+swallow" + _OBJECT
    + r"|\bswallowing\s+(?:dysfunction|disorders?|difficult(?:y|ies)|problems?|impairment)\b|\bdysphagia\b"
    # a condition that keeps the oral drug from being given ("No upper gastrointestinal or other
    # conditions that would preclude compliance with or administration of oral medication", "any
    # other serious medical condition which could interfere with oral medication intake"): a
    # swallowing disorder is one; the other words before it stay the residue's (a person's).
    # Not before examples of its own ("... would impair the administration of oral agents
    # including significant bowel resection, ..."): the examples name what the line means
    + r"|\b(?:conditions?|disorders?|illness(?:es)?)\s+(?:that\s+|which\s+)?(?:would|could|may|might|will)\s+(?:preclude|prevent|interfere\s+with)\s+"
    r"(?:compliance\s+with\s+or\s+)?(?:the\s+)?(?:administration|intake|ingestion)\s+of\s+oral\s+" + _NOUN + _NO_EXAMPLES
    + r"|\b(?:conditions?|disorders?|illness(?:es)?)\s+(?:that\s+|which\s+)?(?:would|could|may|might|will)\s+(?:preclude|prevent|interfere\s+with)\s+oral\s+"
    r"(?:medications?|drugs?)\s+(?:intake|administration)\b" + _NO_EXAMPLES,
    I,
)
# "able to swallow", "ability to swallow", "capable of swallowing": the ability an inclusion asks
_ABLE = re.compile(
    r"(?<![\w-])(?:(?:be\s+)?able|ability|capable)\s+(?:to\s+|of\s+)swallow(?:ing)?\b" + _OBJECT,
    I,
)
# "Able to take oral medications", "Inability to take oral medication", "unable to take oral
# medications": taking a medicine by mouth is swallowing it, the same ability and the same
# disorder; the object must be oral ("able to take capsules orally" and "able to take
# dexamethasone" stay unread)
_TAKE = r"(?:take|taking)\s+(?:the\s+|an?\s+|any\s+|study\s+)?(?:[\w-]+\s+)?oral(?:ly\s+administered)?\s+(?:study\s+)?" + _NOUN + r"(?:\s*(?:,|/|or|and|and/or)\s*(?:oral\s+)?" + _NOUN + r"){0,3}"
_ABLE_TAKE = re.compile(r"(?<![\w-])(?:(?:be\s+)?able|ability|capable)\s+(?:to\s+|of\s+)" + _TAKE, I)
_UNABLE_TAKE = re.compile(r"(?:\binability|\bunable|\bincapab(?:le|ility)|\bcan\s*not|\bcannot)(?P<unwilling>\s+(?:or|and/or)\s+(?:unwilling(?:ness)?|refus\w*))?\s+to\s+" + _TAKE, I)


# an inclusion that grants rather than asks ("Patients with swallowing dysfunction ... can
# participate", "unable to swallow tablets are eligible if ..."): read as a requirement, it would
# turn away every patient without the disorder; left unread, a person reads it
_GRANTS = re.compile(r"\b(?:allowed|permitted|eligible|acceptable|may|can|could|provided|unless|except|if)\b", I)
# "impair the ability to swallow": the ability named is the one a condition takes away
_TAKES_AWAY = re.compile(r"\b(?:impair\w*|affect\w*|prevent\w*|limit\w*|reduc\w*|compromis\w*|interfer\w*\s+with|los[st]|loss\s+of)\s+(?:the\s+|their\s+|(?:patient|subject|participant)'?s\s+)?$", I)


def swallowing_items(text: str, ctype: CriterionType) -> list[Item]:
    """Items for a swallowing disorder (see the module's doc)."""
    low = text.lower()
    if "swallow" not in low and "dysphag" not in low and "oral" not in low:
        return []
    if CriterionType(ctype) is CriterionType.INCLUSION and _GRANTS.search(text):
        return []
    items: list[Item] = []
    lead = NEGATED.match(text)
    for m in (*_UNABLE.finditer(text), *_UNABLE_TAKE.finditer(text)):
        if lead and m.start() < lead.end() and m.group().lower().startswith("not"):
            continue  # "Not able to swallow ...": the line's own negated lead denies the ability read below
        expr: Expr = predicate("dysphagia", Op.PRESENT)
        if m.group("unwilling"):  # "inability or unwillingness to swallow": the unwillingness is a person's to judge
            expr = any_of([expr, Review(ReviewReason.CONSENT, "unwilling to swallow the study drug")])
        items.append(Item(m.start(), m.end(), expr, frozenset({"dysphagia"})))
    for m in (*_ABLE.finditer(text), *_ABLE_TAKE.finditer(text)):
        if any(not (m.end() <= it.start or m.start() >= it.end) for it in items):
            continue
        taken = _TAKES_AWAY.search(text, max(0, m.start() - 40), m.start())
        disorder = predicate("dysphagia", Op.PRESENT)
        items.append(Item(m.start(), m.end(), disorder if taken else Not(disorder), frozenset({"dysphagia"})))
    return sorted(items, key=lambda it: it.start)
