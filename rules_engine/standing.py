"""Conditions that are states, not events: present every day they stay active, so a window dates
them by the evaluation day, not by their onset (issue 14, rx5).

"Patient must not have history of platelet dysfunction, bleeding diathesis, and/or coagulopathy
in the 6 months prior to screening" asks whether the patient had such a disorder in those six
months. A von Willebrand disease coded years ago and still active was read by its onset date, so
"within 6 months" was not met and the patient with a lifelong bleeding disorder was not excluded
(holdout T315-vwd). A coagulation defect (``bleeding_diathesis``: haemophilia, von Willebrand
disease, other factor deficiencies, D66-D68.4) is a standing state: while the record holds it
active it is present in any window that reaches the evaluation day.

Acute events keep their onset date (a myocardial infarction, a stroke, a thrombosis, a bleed;
``heading_windows._DATED``), and so does a record of a standing concept that the same resource
also codes as an acute kind of it (a disseminated intravascular coagulation, D65, is
``bleeding_diathesis`` and ``dic``: an episode, dated by its onset). An inactive or resolved
record keeps its date as well (it ended; when is unknown, so the onset is all there is).

Only the concepts in ``STANDING`` are read so; widening the set is a clinical call per concept
(heart failure and arrhythmias wax and wane, and lines about them often mean an episode).
"""

from __future__ import annotations

from collections.abc import Mapping

from rules_engine.facts import Event

# concept -> its kinds that are episodes, dated by their onset even when the record is active
STANDING: Mapping[str, frozenset[str]] = {
    "bleeding_diathesis": frozenset({"dic"}),
    "hereditary_bleeding_disorder": frozenset(),  # lifelong, never an episode
}


def standing_sources(concept: str, events: Mapping[str, tuple[Event, ...]]) -> frozenset[str | None] | None:
    """None unless ``concept`` is a standing state; else the sources (resources) of its records
    that are episodes (also coded as one of its acute kinds), which keep their onset date."""
    acute = STANDING.get(concept)
    if acute is None:
        return None
    return frozenset(e.source for kind in acute for e in events.get(kind, ()))

