"""The grammar (LALR, lark): linear in the input, so no rule can make it backtrack."""

from __future__ import annotations

from functools import lru_cache

from lark import Lark

from .vocabulary import REASON_WORDS, WINDOW_WORD

GRAMMAR = r"""
start: (IF expr COLON)? expr

?expr: or_expr
?or_expr: and_expr (OR and_expr)*
?and_expr: unary (AND unary)*
?unary: NOT unary -> negation
      | atom
?atom: LPAR expr RPAR -> group
     | AND LPAR expr RPAR -> lone_all
     | OR LPAR expr RPAR -> lone_any
     | review
     | NO REQUIREMENT -> no_requirement
     | predicate

review: REVIEW reason? STRING?
reason: JUDGEMENT | CONSENT | UNSUPPORTED | AMBIGUOUS | UNPARSED

predicate: NO? NAME among? WITHIN window                 -> history_window
         | NO? NAME among?                               -> history
         | NAME IS scalar (WITHIN window)?                -> is_
         | NAME IN values                                 -> in_
         | NAME COMPARE scalar measure                   -> compare
         | NAME BETWEEN NUMBER EXCLUSIVE? AND NUMBER EXCLUSIVE? measure -> between

among: OTHER THAN values
measure: (TIMES ULN)? unit? (WITHIN window)?
unit: UNIT | timeword
window: NUMBER timeword EXCLUSIVE?
timeword: DAYS | DAY | WEEKS | WEEK | MONTHS | MONTH | YEARS | YEAR

scalar: NUMBER | NAME | STRING
values: LPAR (item (COMMA item)*)? RPAR
item: NUMBER | NAME | STRING

IF: "if"i
AND: "and"i
OR: "or"i
NOT: "not"i
NO: "no"i
IS: "is"i
IN: "in"i
BETWEEN: "between"i
EXCLUSIVE: "exclusive"i
WITHIN: "within"i
OTHER: "other"i
THAN: "than"i
TIMES: "x"i
ULN: "uln"i
REVIEW: "review"i
REQUIREMENT: "requirement"i
JUDGEMENT: "judgement"i
CONSENT: "consent"i
UNSUPPORTED: "unsupported"i
AMBIGUOUS: "ambiguous"i
UNPARSED: "unparsed"i
DAYS: "days"i
DAY: "day"i
WEEKS: "weeks"i
WEEK: "week"i
MONTHS: "months"i
MONTH: "month"i
YEARS: "years"i
YEAR: "year"i
COMPARE: ">=" | "<=" | "!=" | "==" | ">" | "<" | "=" | "≥" | "≤" | "≠"
LPAR: "("
RPAR: ")"
COMMA: ","
COLON: ":"
NUMBER: /-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?![\w.])/
NAME: /[a-z][a-z0-9_-]*/i
UNIT: /(?:[a-z%\[{]|10[*^])[^\s(),":]{0,39}/i
STRING: /"(?:[^"\\\n]|\\.)*"/

%import common.WS
%ignore WS
"""

# what the parser's terminal names mean to a curator
EXPECTED = {
    "IF": "'if'", "AND": "'and'", "OR": "'or'", "NOT": "'not'", "NO": "'no'", "IS": "'is'", "IN": "'in'",
    "BETWEEN": "'between'", "EXCLUSIVE": "'exclusive'", "WITHIN": "'within'", "OTHER": "'other than'",
    "THAN": "'than'", "TIMES": "'x ULN'", "ULN": "'ULN'", "REVIEW": "'review'", "REQUIREMENT": "'requirement'",
    **{word.upper(): f"'{word}'" for word in (*REASON_WORDS, *WINDOW_WORD)},
    "COMPARE": "a comparison (>=, <=, >, <, =, !=)",
    "LPAR": "'('", "RPAR": "')'", "COMMA": "','", "COLON": "':'", "NUMBER": "a number",
    "NAME": "a concept name", "UNIT": "a unit", "STRING": 'a quoted text ("...")', "$END": "the end of the rule",
}



@lru_cache(maxsize=1)
def parser() -> Lark:
    return Lark(GRAMMAR, parser="lalr", lexer="contextual", propagate_positions=True, maybe_placeholders=False)

