"""``python -m rules_engine.rule_language > docs/rule-language.md``: regenerate the document."""

import sys

from .document import document

sys.stdout.write(document())
