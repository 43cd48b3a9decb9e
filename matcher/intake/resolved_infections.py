"""An infection a record's tests show to be over, read from two results together.

A positive HCV antibody shows a hepatitis C, past or present (``hcv_exposure``); the engine leaves
hepatitis C itself open while nothing else says (``derive.lineage_unknown``), since about three in
four exposed people stay infected. The RNA says which: detected, the infection is current
(``derive.POSITIVE_TEST_IMPLIES``); not detected, the antibody is a past one. Read as open, a
patient whose antibody is positive and whose RNA is negative was unknown for every line about an
active or chronic hepatitis C ("Active viral infection with known HIV or viral hepatitis type B or
C", "known infection with chronic active hepatitis C"; holdout T224, T225), where the record
answers: no current infection. Here that answer is the event ``hcv_cleared`` (a kind of
``hcv_exposure`` besides ``hcv``), so hepatitis C is no longer open while a line asking for any
history of it ("known history of hepatitis B or C", "HCV seropositive") still finds the exposure.

Only the latest RNA counts, and only one taken on or after the latest positive antibody, or in the
weeks before it (``_WORKUP_DAYS``: one work-up; the RNA is detectable within weeks of an infection,
the antibody only after one to three months, so an infection the antibody shows was already there
when that RNA was negative). An older negative RNA, an undated result, or no RNA at all leaves
hepatitis C open as before; a hepatitis C coded on record stays one whatever the tests say.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from rules_engine.facts import Event, Measurement
from rules_engine.snapshot import measurement_word

# how long before the antibody a negative RNA still belongs to the same work-up
_WORKUP_DAYS = 30


def _latest_word(values: tuple[Measurement, ...]) -> tuple[str | None, date | None]:
    """The word of the most recent dated result and its day; no word when that day's results
    disagree (as ``snapshot.latest_view`` leaves them: which is the latest is not known)."""
    days = [m.date for m in values if m.date is not None]
    if not days:
        return None, None
    day = max(days)
    words = {measurement_word(m) for m in values if m.date == day}
    return (words.pop() if len(words) == 1 else None), day


def hepatitis_c_cleared(measurements: Mapping[str, tuple[Measurement, ...]]) -> Event | None:
    """``hcv_cleared`` dated by the RNA, when the latest HCV antibody is positive and the latest
    HCV RNA, taken with it or after it, is negative; else None."""
    antibody, antibody_day = _latest_word(tuple(measurements.get("hcv_antibody", ())))
    rna, rna_day = _latest_word(tuple(measurements.get("hcv_rna", ())))
    if antibody != "positive" or rna != "negative" or antibody_day is None or rna_day is None:
        return None
    if (antibody_day - rna_day).days > _WORKUP_DAYS:
        return None
    source = next((m.source for m in measurements["hcv_rna"] if m.date == rna_day), None)
    return Event("hcv_cleared", rna_day, True, {}, source)


def with_resolved_infections(events: Mapping[str, tuple[Event, ...]], measurements: Mapping[str, tuple[Measurement, ...]]) -> dict[str, tuple[Event, ...]]:
    """``events`` with the infections the tests show to be over added (newest first kept)."""
    out = dict(events)
    cleared = hepatitis_c_cleared(measurements)
    if cleared is not None:
        out["hcv_cleared"] = (cleared, *out.get("hcv_cleared", ()))
    return out
