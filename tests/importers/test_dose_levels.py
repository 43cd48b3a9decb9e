"""extract_dose_levels: dose levels written in scientific notation in an arm's description."""

from __future__ import annotations

import pytest

from trials.importers import extract_dose_levels

CASES = [
    (
        "markdown-escaped list with 'and' (seed 000)",
        "three dose groups were established: 2.0×10\\^7, 6.0×10\\^7, and 2.0×10\\^8 cells/kg. Each",
        ("2.0x10^7 cells/kg", "6.0x10^7 cells/kg", "2.0x10^8 cells/kg"),
    ),
    (
        "multi-word unit (seed 004)",
        "3 CAR-T dosage will be tested in this study: 0.5×10\\^6, 1.5×10\\^6, 2.0×10\\^6 CAR-T cells/kg.",
        ("0.5x10^6 CAR-T cells/kg", "1.5x10^6 CAR-T cells/kg", "2.0x10^6 CAR-T cells/kg"),
    ),
    ("plain caret and x", "dose of 1x10^9 cells", ("1x10^9",)),
    ("superscript exponent", "1×10⁶ cells/kg or 3×10⁶ cells/kg", ("1x10^6 cells/kg", "3x10^6 cells/kg")),
    ("unit right after the number", "1×10^5/kg", ("1x10^5/kg",)),
    ("a range is not a list of levels", "from 1×10\\^5 to 1×10\\^8 /kg", ()),
    ("a dash range is not either", "1×10^6-3×10^6 cells/kg", ()),
    ("no scientific notation, no levels", "75 mg/m2 IV over 1 hour", ()),
    ("superscript lost in the source is not guessed (seed 001)", "1.0 × 107 CAR positive NK cells/kg", ()),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=i) for i, t, e in CASES])
def test_extract_dose_levels(text, expected):
    assert extract_dose_levels(text) == expected
