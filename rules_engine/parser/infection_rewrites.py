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

Every pattern is literals with bounded repetitions; none nests one.
"""

from __future__ import annotations

AIDS_RELATED = (r"\s?\(\s?AIDS\s?\)(?=[\s-]{0,2}(?:related|associated|defining)\b)", "", ("aids",))

ROWS = (AIDS_RELATED,)
