"""docs/codes.md, generated from codes.toml: ``python -m matcher.intake.docs > docs/codes.md``.

A test (tests/intake/test_codes_doc.py) fails when the committed page and the data differ.
"""

from __future__ import annotations

from rules_engine.concepts import CONCEPTS

from .codes import CodeTables, Rule, tables
from .errors import MAX_BUNDLE_BYTES

_VALUE_WORDS = {
    "quantity": "`valueQuantity` (UCUM), stored in {unit}; ULN from `referenceRange.high`{uln}",
    "score": "`valueInteger` or `valueQuantity`, {range}",
    "nyha": "`valueInteger` 1-4 or `valueString` I-IV",
    "qualitative": "Positive / Negative",
    "detection": "Positive / Negative, or a quantity (`<` or zero: negative; else positive, "
    "or compared with `referenceRange.high` when given)",
    "expression": "Positive / Negative, or a percentage (stored in %)",
}


def _codes(rule: Rule) -> str:
    parts = [f"`{c}`" for c in sorted(rule.codes)]
    parts += [f"`{p}`\\*" for p in rule.prefixes]
    parts += [f"`{lo}`-`{hi}`" for lo, hi in rule.ranges]
    return ", ".join(parts)


def _mark(rule: Rule) -> str:
    return " (added)" if rule.added else ""


def _uri(t: CodeTables, name: str) -> str:
    return t.system_uris[name][0]


def render(t: CodeTables | None = None) -> str:
    t = t or tables()
    raw = t.raw
    out: list[str] = []
    w = out.append
    w("# Codes Eligo reads")
    w("")
    w("<!-- Generated from matcher/intake/codes.toml by `python -m matcher.intake.docs > docs/codes.md`;")
    w("     edit the data file, not this page. tests/intake/test_codes_doc.py keeps them in sync. -->")
    w("")
    w("Every code below becomes a fact of the rules engine (`rules_engine/facts.py`): an **event**")
    w("(present or absent, dated) or a **measurement** (most recent first; the first counts).")
    w("Codes marked *(added)* go beyond contract section 5. A code not listed is kept in the stored")
    w("record and reported in the intake's `ignored` list, never rejected. `\\*` means \"starts with\".")
    w("")
    w("## Code systems")
    w("")
    w("| name | system URI | also accepted |")
    w("| --- | --- | --- |")
    for name, uris in t.system_uris.items():
        w(f"| {name} | `{uris[0]}` | {', '.join(f'`{u}`' for u in uris[1:])} |")
    w("")
    w("## Conditions (`Condition.code`) -> events")
    w("")
    w("Dated `onsetDateTime`, else `onsetPeriod.start`, else `recordedDate`. ICD-10-CM codes are read")
    w("upper-case, a missing dot restored (`C9202` = `C92.02`).")
    w("")
    w("| meaning | system | codes | event |")
    w("| --- | --- | --- | --- |")
    for rule in t.conditions:
        extra = ""
        if rule.status_character:
            extra = "; 5th character sets the status"
        if rule.attributes:
            extra += "; attributes " + ", ".join(f"{k}={v}" for k, v in rule.attributes.items())
        w(f"| {rule.label}{_mark(rule)} | {rule.system} | {_codes(rule)} | `{rule.concept}`{extra} |")
    ds = raw["disease_status"]
    w("")
    w("### Disease status")
    w("")
    chars = ", ".join(f"`{k}` -> `{v}`" for k, v in ds["status_character"].items())
    w(f"- ICD-10-CM leukemia codes (those marked above), character {ds['status_character_position']} "
      f"(counted without the dot): {chars}. `0` adds no status.")
    cs = ", ".join(f"`{k}` -> `{v}`" for k, v in ds["clinical_status_events"].items())
    w(f"- `Condition.clinicalStatus` {cs}; when present it wins over the fifth character. Status")
    w("  events are made for leukemia diagnoses only and carry `attributes.diagnosis`.")
    w(f"- `clinicalStatus` {', '.join(f'`{c}`' for c in ds['inactive_clinical_status'])}: the event is kept with")
    w("  `active: false` (it still counts as history, not as a current condition); a status event")
    w("  is inactive only after `inactive` / `resolved`.")
    w(f"- `verificationStatus` {', '.join(f'`{c}`' for c in ds['skipped_verification_status'])}: the Condition is not read.")
    w("- One Condition coded in several systems makes one event per concept, the most specific only")
    w("  (C91.02 + ICD-O-3 9811/3 -> `b_all`, not also `all`: the engine derives the parents).")
    grades = ", ".join(f"`{k}`" for k in raw["gvhd_grade"]["strings"])
    w(f"- GVHD grade: `Condition.stage[].summary` (code or text) or `severity` text, one of {grades}")
    w("  (an optional word \"grade\"), kept as `attributes.grade` (an integer).")
    w("")
    w("## Procedures (`Procedure.code`) -> events")
    w("")
    w("Dated `performedDateTime`, else `performedPeriod.start`. Status "
      + ", ".join(f"`{s}`" for s in raw["procedure_status"]["skipped"]) + ": not read.")
    w("")
    w("| meaning | system | codes | events |")
    w("| --- | --- | --- | --- |")
    for rule in t.procedures:
        w(f"| {rule.label}{_mark(rule)} | {rule.system} | {_codes(rule)} | {', '.join(f'`{c}`' for c in rule.concepts)} |")
    w("")
    w("## Observations (`Observation.code`) -> measurements")
    w("")
    w("Dated `effectiveDateTime`, else `effectivePeriod.start`, else `effectiveInstant`, else `issued`.")
    w("Status " + ", ".join(f"`{s}`" for s in raw["observation_status"]["skipped"]) + ": not read.")
    w("")
    w("| meaning | system | codes | measurement | value |")
    w("| --- | --- | --- | --- | --- |")
    for rule in t.observations:
        concept = CONCEPTS[rule.concept]
        uln = f", else default {concept.default_uln:g} {concept.unit}" if concept.default_uln is not None else ""
        rng = f"{rule.range[0]:g}-{rule.range[1]:g}" if rule.range else ""
        value = _VALUE_WORDS[rule.value or ""].format(unit=f"`{concept.unit}`", uln=uln, range=rng)
        w(f"| {rule.label}{_mark(rule)} | {rule.system} | {_codes(rule)} | `{rule.concept}` | {value} |")
    q = raw["qualitative"]
    w("")
    w("### Qualitative results")
    w("")
    snomed = ", ".join(
        f"`{k}` {v}" + (" (added)" if k in q.get("added_snomed", []) else "") for k, v in q["snomed"].items()
    )
    strings = ", ".join(
        f"\"{k}\" {v}" + (" (added)" if k in q.get("added_strings", []) else "") for k, v in q["strings"].items()
    )
    w(f"- `valueCodeableConcept` SNOMED CT: {snomed}.")
    w(f"- `valueString` or `valueCodeableConcept.text`, any case: {strings}.")
    nyha = ", ".join(f"\"{k}\"" for k in raw["nyha"]["strings"])
    w(f"- NYHA `valueString`: {nyha} (the words \"NYHA\" and \"class\" are dropped).")
    w("")
    w("### Units and ULN")
    w("")
    w("- Values are converted to the concept's canonical unit (`rules_engine.units.to_canonical`).")
    w("  A unit that does not convert keeps the value and unit as given and adds a warning; a value")
    w("  without a unit is read in the canonical unit, with a warning. A `comparator` is not applied.")
    w("- `referenceRange.high` (the first range that has one, converted to the canonical unit) is the")
    w("  ULN; else the concept's default ULN with `uln_default: true`; concepts without a default")
    w("  have no ULN.")
    w("- Scores (ECOG, Karnofsky, Lansky, NYHA) outside their range are not read (listed in `ignored`).")
    w("")
    w("## Other resources")
    w("")
    other = ", ".join(raw["other_resources"]["read_procedure_codes"])
    w(f"- {other}: `urn:eligo:concept` codes of the procedure table (e.g. `car-t-therapy` as a")
    w("  medication) become the same events, dated `effectiveDateTime` / `effectivePeriod.start` /")
    w("  `dateAsserted` (MedicationStatement), `authoredOn` (MedicationRequest), `occurrenceDateTime`")
    w("  (Immunization). Other codes, `medicationReference`, and AllergyIntolerance are validated,")
    w("  stored and listed in `ignored`: no concept reads them yet, and no generic")
    w("  `medication:<code>` facts are made.")
    w("- Resource types other than Patient, Condition, Observation, Procedure, MedicationStatement,")
    w("  MedicationRequest, Immunization and AllergyIntolerance are not validated and are ignored.")
    w("")
    w("## Patient")
    w("")
    w("- `identifier[0]` (`system`, `value`; `value` required) is the upsert key; `birthDate` (a")
    w("  partial date reads as its first day, with a warning); `gender` male / female / other / unknown.")
    w(f"- The largest document read is {MAX_BUNDLE_BYTES} bytes (5 MiB): `MAX_BUNDLE_BYTES`.")
    w("")
    return "\n".join(out)


if __name__ == "__main__":
    print(render(), end="")
