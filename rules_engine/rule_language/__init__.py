"""Eligo's readable rule language: one criterion line as a curator writes it.

    age between 18 and 65 years
    bilirubin <= 2 x ULN and (ALT <= 3 x ULN or review "liver infiltration")
    no allo-HSCT within 90 days
    if sex is female: pregnancy-test is negative

Research coordinators correct what the parser misread; nobody will write the JSON the engine
stores, so this is the form they see and edit. It is a second spelling of the criteria model,
never a second model: ``parse(render(x)) == x`` for every expression the parser writes (a
property test runs it over the whole registry corpus and over generated expressions), so an
unedited line saved from the editor is the very line that was shown.

The grammar is LALR (lark): linear in the input, so no rule can make it backtrack. Length and
parenthesis depth are capped before parsing and the depth of ``not`` chains while building, so
hostile input costs bounded work and raises ``RuleError`` (line, column, what was expected),
never ``RecursionError``. Concept names are the catalogue's ids in a readable spelling made from
the catalogue itself (``allo_hsct`` -> ``allo-HSCT``), so a concept added there is a word here,
and ``docs/rule-language.md`` is generated from the same tables (a test fails when it drifts).

The package, one job a module: ``vocabulary`` (words, limits, ``Rule``), ``errors``, ``names``
(concept names from the catalogue), ``grammar`` (the lark grammar and what its terminals mean to
a curator), ``render``, ``build`` (parse tree -> expression), ``parse`` (bounds, errors, unit
warnings) and ``document`` (``docs/rule-language.md``).
"""

from __future__ import annotations

from .document import document
from .errors import RuleError, RuleRenderError
from .names import concept_name, resolve_concept
from .parse import parse, parse_rule, unit_warnings
from .render import render, render_rule
from .vocabulary import KEYWORDS, MAX_DEPTH, MAX_LENGTH, Rule

__all__ = [
    "KEYWORDS",
    "MAX_DEPTH",
    "MAX_LENGTH",
    "Rule",
    "RuleError",
    "RuleRenderError",
    "concept_name",
    "document",
    "parse",
    "parse_rule",
    "render",
    "render_rule",
    "resolve_concept",
    "unit_warnings",
]
