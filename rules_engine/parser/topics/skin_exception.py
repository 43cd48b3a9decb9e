"""How an exception of "another malignancy" qualifies the non-melanoma skin cancer it names.

"Any other malignancy, excluding basal or squamous cell carcinoma of the skin, in situ melanoma,
cervical carcinoma in situ, localized prostate cancer, or superficial bladder cancer stage 0",
"Prior malignancy, except for adequately treated basal cell or squamous cell skin cancer, in situ
cervical cancer, or other cancer ...", "except curatively treated nonmelanoma skin cancer or
carcinoma in situ of the cervix" (about 360 corpus lines keep the exception's words as a review
beside the skin cancer excepted; ``coded._excepted_into_value``).

The exception's words were one review for every cancer it excepts: a qualifier of another item
("localized prostate cancer") left a basal cell carcinoma on record unknown although the line
excepts it outright. Here the words are cut into the exception's items (commas, semicolons) and
the skin cancer is read from its own item, with the words before the list's first cancer, which
may qualify every item ("adequately treated basal cell ..., in situ cervical cancer"):

* nothing but the cancer's names: **excepted**; no record of it counts;
* only words of its treatment being done ("adequately treated", "curatively treated",
  "completely resected", "cured", "inactive"): **resolved**; a record no longer active (resolved,
  in remission) is the treated cancer and does not count, an active one is left to the review;
* any other word ("currently treated", "localized", "that requires only local treatment"), or
  an item that names no cancer and says more ("all treatment of which should have been completed
  6 months prior"), or a skin cancer named only in part ("basal cell carcinoma": the record may be
  a squamous cell one, which the catalogue does not tell apart): **review**, as before.

An item that names another cancer ("localized prostate cancer", "or other cancer from which the
subject has been disease free for 2 years") is that cancer's, and a relative clause that denies
the counted malignancy its span ("from which the subject has not been disease-free for at least 3
years") is the line's own: neither qualifies the skin cancer. Any other exception shape (no lead
word: "Individuals with the following cancers are eligible if diagnosed and treated within the
past 3 years: ...") stays a review.

Every pattern is literals and bounded classes; none nests a repetition.
"""

from __future__ import annotations

import re
from enum import Enum

SKIN = "nonmelanoma_skin_cancer"
# the family and the kinds a record codes (ICD-10-CM C44.x1, C44.x2): a kind excepted by name
# need not be named whole, its record is that kind
SKIN_KINDS = frozenset({SKIN, "basal_cell_skin_cancer", "squamous_cell_skin_cancer"})


def skin_kind(words: str) -> str:
    """Which non-melanoma skin cancer words name: the family ("non-melanoma skin cancer", "basal or
    squamous cell carcinoma", "skin cancer"), or one kind ("basal cell carcinoma")."""
    basal = re.search(r"\bbasal\b|\bBCC\b", words, re.I) is not None
    squamous = re.search(r"\bsquamous\b|\bSCC\b", words, re.I) is not None
    if re.search(r"non[\s-]?melano|\bNMSC\b", words, re.I) or basal == squamous:
        return SKIN
    return "basal_cell_skin_cancer" if basal else "squamous_cell_skin_cancer"


class SkinReading(Enum):
    EXCEPTED = "excepted"
    RESOLVED = "resolved"
    REVIEW = "review"


_LEAD = re.compile(
    r"^\W*(?:with\s+the\s+exceptions?\s+of|except(?:ing|ions?)?(?:\s+for)?|excluding|exclusive\s+of|other\s+than|but\s+not)\b"
    r"(?:\s+(?:the\s+)?following)?\s*:?",
    re.I,
)
# the skin cancer's names, whole: "non-melanoma skin cancer", "nonmelanomatous skin cancer",
# "basal (cell) or squamous cell carcinoma(s) of the skin", "squamous or basal cell skin cancer",
# "skin cancer", NMSC
_WHOLE = re.compile(
    r"non[\s-]?melano(?:ma(?:tous)?|tic)|\bNMSC\b|(?<!cell\s)(?<!cells\s)\bskin\s+cancers?\b(?!\s+(?:that|which|requiring|other))"
    r"|\b(?:basal|squamous)(?:[\s-]+cells?)?(?:\s+(?:skin\s+)?(?:carcinomas?|cancers?)(?:\s+of\s+the\s+skin)?)?\s*(?:,\s*)?(?:or|and|and/or|&|/)\s*(?:basal|squamous)\b",
    re.I,
)
_PART = re.compile(r"\bbasal\b|\bsquamous\b|\bBCC\b|\bSCC\b|\bskin\b|\bcutaneous\b|non[\s-]?melanoma", re.I)
# a word naming a cancer: an item with one is that cancer's
_CANCER = re.compile(
    r"cancer|carcinoma|malignan|tumou?r|neoplas|melanoma|lymphoma|leuka?emia|sarcoma|\bCIS\b|\bDCIS\b|\bLCIS\b|\bCIN\b|in[\s-]?situ"
    r"|\bprostatectomy\b",  # the prostate cancer's own item ("if ... a radical prostatectomy ... has been performed")
    re.I,
)
# a permission's condition that is only the treatment being over, cut from the cancers it follows
# (the NCI/ECOG template's child "Patients with treated non-melanoma skin cancer, in situ carcinoma,
# or cervical intraepithelial neoplasia, regardless of the disease-free duration, are eligible for
# this study if definitive treatment for the condition has been completed", about 12 sample
# lines): what "adequately treated" says, so read as it is (a record no longer active is the
# treated cancer; an active one stays a person's). Never more than the skin cancer excepted
# outright would be: a condition written for another item only narrows the exception.
_COMPLETED = re.compile(
    r"^\W*(?:(?:are|is)\s+(?:also\s+)?eligible\s+)?(?:for\s+(?:this|the)\s+(?:study|trial|protocol)\s+)?"
    r"(?:if|provided(?:\s+that)?|as\s+long\s+as|once)\s+(?:the\s+)?(?:(?:definitive|curative|primary|local)\s+)?(?:treatment|therapy)\s+"
    r"(?:for\s+(?:the|this|that|their|his|her)\s+(?:condition|cancer|malignancy|disease)\s+)?(?:has|have)\s+been\s+completed\W*$",
    re.I,
)
# the counted malignancy's own span, said after the list ("from which the subject has not been
# disease-free for at least 3 years")
_NEGATED_SPAN = re.compile(r"^\W*(?:from|for)\s+which\s+(?:the\s+)?(?:subject|patient|participant)?\s*(?:has|have|had)\s+not\s+been\b", re.I)

# the words that only restate the cancers named
_NAMING = frozenset(
    """for of the a an and or any following such as e g eg i ie basal squamous cell cells skin cutaneous cancer cancers
    carcinoma carcinomas nonmelanoma non melanoma melanomas nonmelanomatous melanomatous nmsc bcc scc tumor tumors tumour tumours
    malignancy malignancies in situ cervix cervical uterine uteri breast ductal lobular bladder carcinomas neoplasia
    intraepithelial intra epithelial cin cis dcis lcis stage is are acceptable allowed permitted eligible patients with
    who have has had prior history previous melanotic nonmelanotic""".split()
)
# the words of a treatment that is over: a record no longer active shows it
_TREATED = frozenset(
    """adequately curatively completely successfully definitively definitely appropriately surgically locally previously
    treated resected excised removed cured curative curable treatment therapy intent with that has have been which after by
    excision resection surgery surgical inactive fully complete remission""".split()
)


def skin_reading(texts: list[str], whole: bool = True) -> SkinReading:
    """How the exception's words ``texts`` except a non-melanoma skin cancer they name;
    ``whole``: the family is excepted, so its words must name it whole (both kinds)."""
    readings = [r for t in texts if (r := _one(t, whole)) is not None]
    if not readings:
        return SkinReading.REVIEW
    if any(r is SkinReading.REVIEW for r in readings):
        return SkinReading.REVIEW
    return SkinReading.RESOLVED if any(r is SkinReading.RESOLVED for r in readings) else SkinReading.EXCEPTED


def _one(text: str, whole: bool = True) -> SkinReading | None:
    """One exception text's reading; None when it names no skin cancer (another item's words)."""
    if _COMPLETED.match(text):  # "... are eligible for this study if definitive treatment ... has been completed"
        return SkinReading.RESOLVED
    if not _PART.search(text):  # another item's words, the line's own span, or a qualifier of every item
        return None if _CANCER.search(text) or _SPAN_ONLY.match(text) else SkinReading.REVIEW
    lead = _LEAD.match(text)
    if lead is None:
        return SkinReading.REVIEW
    items = [i.strip() for i in re.split(r"[,;]", text[lead.end():]) if i.strip()]
    parts = [p for i in items for p in _sub_parts(i)]
    skin = [p for p in parts if _PART.search(p)]
    if not skin:
        return None
    if whole and not any(_WHOLE.search(i) for i in items if _PART.search(i)) and not _both_named(skin):
        return SkinReading.REVIEW  # only one kind named: the record may be the other
    qualifiers: list[str] = []
    first = _CANCER.search(parts[0])
    if first:  # "adequately treated basal cell ..., in situ cervical cancer": the list's treatment
        qualifiers += [w for w in _words(parts[0][: first.start()]) if w in _TREATED]
    named = _CANCER.search(parts[-1])
    trailing = _TRAILING.search(parts[-1], named.end()) if named else None
    if trailing and _IN_SITU.search(parts[-1]) and not _WIDENING.search(parts[-1]):
        qualifiers += [w for w in _words(trailing.group()) if w not in _NAMING]  # "... or X that has been treated"
    for part in parts:
        if part in skin:
            qualifiers += [w for w in _words(part) if w not in _NAMING]
        elif _NEGATED_SPAN.match(part) or _CANCER.search(part) and not _CONDITION.match(part):
            continue  # the counted malignancy's span, or another cancer's item
        else:
            qualifiers += [w for w in _words(part) if w not in _NAMING] or ["?"]
    if not qualifiers:
        return SkinReading.EXCEPTED
    return SkinReading.RESOLVED if all(w in _TREATED for w in qualifiers) else SkinReading.REVIEW


def names_only(body: str) -> bool:
    """Whether an exception's words after its lead word only name the cancers it excepts ("skin
    cancer", "basal or squamous cell carcinoma of the skin"), a skin cancer named whole: nothing
    is left for a person to weigh."""
    words = _words(body)
    if not words or any(w not in _NAMING for w in words):
        return False
    return not _PART.search(body) or _WHOLE.search(body) is not None or _both_named([body])


def _sub_parts(item: str) -> list[str]:
    """An item cut at "or" / "and", each piece that names neither a cancer nor the skin joined
    to the piece before it ("other cancer curatively treated and with no evidence of disease"),
    or, first in its item, to the one after ("adequately treated and cured basal cell ...")."""
    pieces = [p.strip() for p in re.split(r"\s+(?:or|and|and/or|&)\s+", item) if p.strip()]
    out: list[str] = []
    carry = ""
    for piece in pieces:
        named = _CANCER.search(piece) or _PART.search(piece)
        if not named and out:
            out[-1] = f"{out[-1]} {piece}"
        elif not named:
            carry = f"{carry} {piece}".strip()
        else:
            out.append(f"{carry} {piece}".strip())
            carry = ""
    return out + ([carry] if carry else [])


# an item that is a condition on the list, not a cancer of its own ("unless the prior malignancy was
# diagnosed and definitively treated >= 5 years previously")
_CONDITION = re.compile(r"^\W*(?:unless|if|provided|when|whose|who|which|that|as\s+long\s+as)\b", re.I)
_IN_SITU = re.compile(r"in[\s-]?situ|\bCIS\b|\bCIN\b|intra-?\s?epithelial|cervi", re.I)
# the line's own span, cut from the exception ("within 5 years of diagnosis")
_SPAN_ONLY = re.compile(r"^\W*(?:within|in)\s+(?:the\s+)?(?:(?:past|last|prior)\s+)?\d{1,2}\s*(?:years?|months?)(?:\s+(?:of|from|since)\s+(?:the\s+)?diagnosis)?\W*$", re.I)
# a relative or conditional clause closing the list, which may qualify every item
_TRAILING = re.compile(
    r"\b(?:that|which|who|whose|if|unless|provided|when|after|both|all)\b.{0,300}$"
    r"|\b(?:(?:completely|curatively|adequately|surgically|successfully)\s+)?(?:treated|resected|excised|removed|cured)\b.{0,300}$",
    re.I,
)
# an item that widens the exception to other cancers: its clause is its own
_WIDENING = re.compile(r"\b(?:other|any|another)\b", re.I)
_SQUAMOUS_ELSEWHERE = re.compile(r"cervi|head|neck|lung|esophag|oesophag|anal|anus|vulv|vagin|oral|penile|bladder", re.I)


def _both_named(parts: list[str]) -> bool:
    """Basal and squamous cell carcinoma of the skin named in items of their own, the skin said
    and the squamous one of no other site."""
    squamous = [p for p in parts if re.search(r"\bsquamous\b", p, re.I)]
    return (
        any(re.search(r"\bbasal\b", p, re.I) for p in parts)
        and bool(squamous)
        and any(re.search(r"\bskin\b|\bcutaneous\b", p, re.I) for p in parts)
        and not any(_SQUAMOUS_ELSEWHERE.search(p) for p in squamous)
    )


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())
