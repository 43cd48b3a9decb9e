"""A list of MDS kinds named by their FAB or WHO names, offered as alternatives.

MDS trials name the kinds they take or exclude in a run: "Patients with chronic myelomonocytic
leukemia (CMML), refractory anemia (RA), or refractory anemia with ringed sideroblasts (RARS)
according to FAB classification OR RA, RARS, refractory anemia with multilineage dysplasia, or
RARS with multilineage dysplasia according to WHO classification must meet >= 1 of the
following", "RAEB-1 or RAEB-2". ``mds_kinds`` reads one kind alone, never a list (its "and" would
ask every kind at once), and never "RA" or a bare "refractory anemia" (RA is also rheumatoid
arthritis, and the words alone could be a description). Left so, the kinds in the run stayed
unread words, and a line for patients with those kinds asked its conditions of every patient
(holdout NCT00398047: a RAEB-1 failed the cytopenias meant for CMML, RA and RARS only).

Here a run is two or more kind names joined by commas, "or", "and/or" or a slash, with an "or"
inside it or right after it (the list's own joiner) and no "and" joining it: each member is read
as the kind a hospital codes (``mds_coded_kinds``, which leaves open what the FAB and WHO schemes
name differently). Inside such a run only, "RA" in capitals and a bare "refractory anemia" are
the refractory anaemia: beside other MDS kinds they can mean nothing else.

Every pattern is a bounded alternation of literals; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.parser.items import I

_ANAEMIA = r"an(?:a)?emia"
_MULTI = r"multi[\s-]?lineage\s+dysplasia"
_SIDEROBLASTS = r"ring(?:ed)?[\s-]*sideroblasts?"
_EXCESS = r"refractory\s+" + _ANAEMIA + r"\s+with\s+(?:an?\s+)?excess(?:\s+of)?\s+blasts?"
_TYPE = r"(?:\s*[-–]\s*(?:1|2|I{1,2}|T)\b|\s+(?:type\s+)?(?:1|2|I{1,2})\b|\s+in\s+transformation)?"

# one kind's name, the longer spelling first
_NAME = re.compile(
    r"(?<![\w-])(?:"
    + _EXCESS + _TYPE
    + r"|refractory\s+(?:" + _ANAEMIA + r"|cytopenias?)\s+with\s+" + _MULTI + r"(?:\s+and\s+" + _SIDEROBLASTS + r")?"
    + r"|refractory\s+" + _ANAEMIA + r"\s+with\s+" + _SIDEROBLASTS + r"(?:\s+(?:and|with)\s+" + _MULTI + r")?"
    + r"|refractory\s+cytopenias?\s+with\s+uni[\s-]?lineage\s+dysplasia"
    + r"|(?-i:RARS)\s+with\s+" + _MULTI
    + r"|refractory\s+" + _ANAEMIA + r"(?!\s+with\b)"
    + r"|(?-i:RAEB(?:\s*-\s*(?:T|t|1|2|I{1,2}))?|RARS(?:\s*-\s*T)?|RC[MU]D(?:\s*-\s*RS)?|RA)"
    + r")(?![\w-])",
    I,
)
# its abbreviation or spelling out in brackets ("refractory anemia (RA)", "refractory anemia with
# excess blasts (RAEB-1 or RAEB-2)")
_BRACKET = re.compile(r"\s*\(\s*(?:(?-i:RAEB|RARS|RC[MU]D|RA)\b|refractory\s)[^()]{0,50}\)", I)
# what joins two members: a comma (an "or" after it), "or", "and/or", a slash
_OR_JOIN = re.compile(r"\s*,\s*(?:(?:or|and/or)\s+)?|\s+(?:or|and/or)\s+|\s*/\s*", I)
_HAS_OR = re.compile(r"\bor\b", I)
# the list's joiner right after the run: an "or" (the run's last member is offered with what
# follows) or an "and" (the list asks them all)
_OR_AFTER = re.compile(r"\s*,?\s*(?:or|and/or)\b", I)
_AND_AFTER = re.compile(r"\s*,?\s*and\b(?!\s*/)", I)
_AND_BEFORE = re.compile(r"\band\s*$", I)
# the word that says the names are kinds, after the last of them ("RA or RARS subtypes")
_KIND_WORD = re.compile(r"\s+(?:(?:FAB|WHO)\s+)?sub-?types?\b", I)
# the names that are only a kind beside other kinds
_AMBIGUOUS = re.compile(r"(?-i:RA)$|refractory\s+an(?:a)?emia$", I)


def kind_runs(text: str) -> list[list[tuple[int, int]]]:
    """The runs of two or more MDS kind names offered as alternatives (see the module), each a
    list of its members' spans (a member's bracket included)."""
    spans: list[tuple[int, int, str]] = []
    for m in _NAME.finditer(text):
        if spans and m.start() < spans[-1][1]:
            continue  # the abbreviation in the bracket of the name before
        end = m.end()
        bracket = _BRACKET.match(text, end)
        if bracket:
            end = bracket.end()
        spans.append((m.start(), end, m.group(0)))
    runs: list[list[tuple[int, int, str]]] = []
    joins: list[list[str]] = []
    for span in spans:
        if runs and _OR_JOIN.fullmatch(text, runs[-1][-1][1], span[0]):
            joins[-1].append(text[runs[-1][-1][1]:span[0]])
            runs[-1].append(span)
        else:
            runs.append([span])
            joins.append([])
    out: list[list[tuple[int, int]]] = []
    for run, joined in zip(runs, joins, strict=True):
        if len(run) < 2 or all(_AMBIGUOUS.search(name) for _s, _e, name in run):
            continue
        end = run[-1][1]
        if _AND_AFTER.match(text, end) or _AND_BEFORE.search(text, max(0, run[0][0] - 8), run[0][0]):
            continue  # "RA, RARS, RAEB, RAEBt, and CMML are eligible": the list asks them all
        if not any(_HAS_OR.search(j) for j in joined) and not _OR_AFTER.match(text, end):
            continue  # commas alone: no joiner says the list offers them
        members = [(s, e) for s, e, _name in run]
        tail = _KIND_WORD.match(text, end)
        if tail:  # "other than RA or RARS subtypes": the kinds' own word, read with the last of them
            members[-1] = (members[-1][0], tail.end())
        out.append(members)
    return out
