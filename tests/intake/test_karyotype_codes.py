"""The core-binding-factor AMLs' ICD-O-3 morphologies (helper dx3): 9896/3, AML with t(8;21)
(RUNX1-RUNX1T1), and 9871/3, AML with inv(16)/t(16;16) (CBFB-MYH11), each a kind of AML and not
the other, nor APL (9866/3)."""

from __future__ import annotations

from datetime import date

import pytest

from matcher.intake import normalise
from rules_engine.snapshot import snapshot

from intake_helpers import ICDO3, bundle, condition


def present(code: str) -> frozenset[str]:
    return snapshot(normalise(bundle(condition(ICDO3, code))).facts, date(2026, 11, 22)).present


@pytest.mark.parametrize(
    "code, concepts, others",
    [
        ("9896/3", {"aml_t8_21", "aml"}, {"aml_inv16", "apl"}),
        ("9871/3", {"aml_inv16", "aml"}, {"aml_t8_21", "apl"}),
        ("9866/3", {"apl", "aml"}, {"aml_t8_21", "aml_inv16"}),
        ("9861/3", {"aml"}, {"aml_t8_21", "aml_inv16"}),
    ],
    ids=["t8-21", "inv16", "apl", "aml-nos"],
)
def test_the_core_binding_factor_morphologies_are_read_by_kind(code: str, concepts: set[str], others: set[str]) -> None:
    found = present(code)
    assert concepts <= found and not others & found
