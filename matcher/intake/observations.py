"""Observation: a measurement, a score, a class, a grade or a qualitative result, with its unit,
its upper limit of normal and its date, as the code tables say for each LOINC or Eligo code."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from rules_engine.concepts import CONCEPTS
from rules_engine.facts import Measurement
from rules_engine.units import convert

from .codes import Rule
from .collector import Collector
from .fhir import Entry
from .genomics import implied, variant_results
from .values import coding_list, convert_value, fhir_date, quantity_unit, string_number, tidy_number, value_number


class ObservationReader(Collector):
    def observation(self, entry: Entry) -> None:
        res, path = entry.model, entry.path
        if res.status in self.codes.skipped_observation_status:
            self.ignored.append((path, f"status is {res.status}"))
            return
        rule: Rule | None = None
        for coding in coding_list(res.code):
            rules = self.codes.observation_rules(coding.system, coding.code)
            if rules:
                rule = rules[0]
                break
        if rule is None:
            self.ignored.append((f"{path}.code", "no coding Eligo reads"))
            return
        when, key = None, None
        for candidate in (
            res.effectiveDateTime,
            getattr(res.effectivePeriod, "start", None),
            res.effectiveInstant,
            res.issued,
        ):
            when, key = fhir_date(candidate)
            if when is not None:
                break
        if when is None:
            self.warnings.append((path, "has no effective date or issued time; kept undated"))
        if rule.value in ("genomic", "marker"):
            for marker in self._markers(rule, res, path, coding_list(res.code), when, entry.source):
                self.measurement(path, key, marker)
            return
        reader = getattr(self, f"_read_{rule.value}")
        measurement = reader(rule, res, path, when, entry.source)
        if measurement is not None:
            self.measurement(path, key, measurement)
        if rule.value == "viral_load":
            load = self._viral_load(rule, res, path, when, entry.source)
            if load is not None:
                self.measurement(path, key, load)

    def _markers(self, rule: Rule, res: Any, path: str, codings: list[Any], when: date | None, source: str) -> list[Measurement]:
        """A tumour biomarker result (``genomics``): a genetic variant assessment may decide
        several markers, and an Eligo marker code its gene's others."""
        word = self._qualitative(res) or self._present(res)
        if word is None:
            self.ignored.append((path, "result is not Present / Absent or Positive / Negative"))
            return []
        if rule.value == "genomic":
            found, why = variant_results(self.codes, res, word)
            if why is not None:
                self.ignored.append((path, why))
        else:
            code = next(
                (c.code.strip() for c in codings if isinstance(c.code, str) and self.codes.system_name(c.system) == rule.system and rule.matches(c.code.strip())),
                "",
            )
            found = implied(self.codes, code.replace("-", "_"), word)
        return [Measurement(concept, result, None, when, None, False, source) for concept, result in found if concept in rule.concepts]

    def _present(self, res: Any) -> str | None:
        """LA9633-4 Present / LA9634-2 Absent (the LOINC answers of a variant assessment)."""
        present = self.codes.raw["genomic"]["present"]
        words = {present[c.code] for c in coding_list(res.valueCodeableConcept) if isinstance(c.code, str) and c.code in present}
        if not words and res.valueCodeableConcept is not None:
            text = (res.valueCodeableConcept.text or "").strip().lower()
            words = {"positive"} if text == "present" else {"negative"} if text == "absent" else set()
        return words.pop() if len(words) == 1 else None

    def _qualitative(self, res: Any) -> str | None:
        for coding in coding_list(res.valueCodeableConcept):
            word = self.codes.qualitative_code(coding.system, coding.code) or self.codes.interpretation(
                coding.system, coding.code
            )
            if word:
                return word
        if res.valueCodeableConcept is not None:
            word = self.codes.qualitative_string(res.valueCodeableConcept.text)
            if word:
                return word
        word = self.codes.qualitative_string(res.valueString)
        if word or res.valueQuantity is not None or string_number(res.valueString) is not None:
            return word  # a value was given: the interpretation does not overrule it
        return self._interpretation(res)

    def _interpretation(self, res: Any) -> str | None:
        """POS / NEG / DET / ND when the value says neither; H, L, A, N are not positivity."""
        words = {
            word
            for concept in res.interpretation or []
            for coding in coding_list(concept)
            if (word := self.codes.interpretation(coding.system, coding.code))
        }
        return words.pop() if len(words) == 1 else None

    def _uln(self, rule: Rule, res: Any, path: str, unit: str | None, canonical: bool) -> tuple[float | None, bool]:
        """The upper limit of normal: the lab's (a range without a unit is in ``unit``, the
        value's), converted to the canonical unit when ``canonical``, else the default."""
        concept = rule.concept
        for n, rng in enumerate(res.referenceRange or []):
            high = getattr(rng, "high", None)
            number = value_number(getattr(high, "value", None))
            if number is None:
                continue
            high_unit = quantity_unit(high) or unit
            if canonical:
                converted = convert_value(concept, number, high_unit)
            else:
                converted = number if high_unit == unit else None
            if converted is not None:
                return converted, False
            self.warnings.append((f"{path}.referenceRange[{n}].high", "unit does not convert; range not used"))
        default = CONCEPTS[concept].default_uln
        if default is not None and canonical:
            return default, True
        return None, False

    def _read_quantity(self, rule: Rule, res: Any, path: str, when: date | None, source: str) -> Measurement | None:
        concept, canonical_unit = rule.concept, CONCEPTS[rule.concept].unit
        comparator: str | None = None
        if res.valueQuantity is not None:
            number = value_number(res.valueQuantity.value)
            unit = quantity_unit(res.valueQuantity)
            value_path = f"{path}.valueQuantity"
            comparator = res.valueQuantity.comparator or None
        elif res.valueInteger is not None:
            number, unit, value_path = value_number(res.valueInteger), canonical_unit, f"{path}.valueInteger"
        elif string_number(res.valueString) is not None:
            comparator, number = string_number(res.valueString)  # type: ignore[misc]
            unit, value_path = self._range_unit(res), f"{path}.valueString"
        else:
            self.ignored.append((path, "has no valueQuantity"))
            return None
        if number is None:
            self.ignored.append((value_path, "has no numeric value"))
            return None
        if unit is None:
            unit = canonical_unit
            self.warnings.append((value_path, f"has no unit; read as {canonical_unit}"))
        if comparator:
            # A censored value ("<0.2") decides no threshold on its own: kept as its text, so the
            # engine answers unknown for a numeric bound and every reason quotes it (codes.toml
            # [censored_values]).
            unit = self.codes.unit_spelling(unit) or unit
            return Measurement(concept, f"{comparator}{tidy_number(number)}", unit, when, None, False, source)
        converted = convert_value(concept, number, unit)
        if converted is None:
            self.warnings.append((f"{value_path}.code", f"unit does not convert to {canonical_unit}; kept as given"))
            uln, uln_default = self._uln(rule, res, path, unit, canonical=False)
            return Measurement(concept, number, unit, when, uln, uln_default, source)
        uln, uln_default = self._uln(rule, res, path, unit, canonical=True)
        return Measurement(concept, converted, canonical_unit, when, uln, uln_default, source)

    @staticmethod
    def _range_unit(res: Any) -> str | None:
        """The unit a referenceRange states: the one a valueString number is in."""
        for rng in res.referenceRange or []:
            for end in (getattr(rng, "high", None), getattr(rng, "low", None)):
                unit = quantity_unit(end) if end is not None else None
                if unit:
                    return unit
        return None

    def _read_score(self, rule: Rule, res: Any, path: str, when: date | None, source: str) -> Measurement | None:
        if res.valueInteger is not None:
            number = value_number(res.valueInteger)
        elif res.valueQuantity is not None:
            number = value_number(res.valueQuantity.value)
        else:
            number = None
        return self._scored(rule, number, path, when, source)

    def _scored(self, rule: Rule, number: float | None, path: str, when: date | None, source: str) -> Measurement | None:
        if number is None:
            self.ignored.append((path, "has no numeric value"))
            return None
        if rule.range is not None and not rule.range[0] <= number <= rule.range[1]:
            self.ignored.append((path, f"value outside {tidy_number(rule.range[0])}-{tidy_number(rule.range[1])}"))
            return None
        return Measurement(rule.concept, tidy_number(number), CONCEPTS[rule.concept].unit, when, None, False, source)

    def _read_ordinal(
        self, rule: Rule, res: Any, path: str, when: date | None, source: str,
        read_codeable: Callable[[Any], int | None], read_text: Callable[[Any], int | None],
    ) -> Measurement | None:
        """A whole-number scale (NYHA class, CTCAE grade) as records write it: an integer, a
        quantity, a string ("III", "Grade 2") or a coded concept; a fraction is no class."""
        number: float | None = None
        if res.valueInteger is not None:
            number = value_number(res.valueInteger)
        elif res.valueQuantity is not None:
            number = value_number(res.valueQuantity.value)
        elif res.valueString is not None:
            found = read_text(res.valueString)
            number = float(found) if found is not None else None
        elif res.valueCodeableConcept is not None:
            found = read_codeable(res.valueCodeableConcept)
            number = float(found) if found is not None else None
        if number is not None and not number.is_integer():
            number = None
        return self._scored(rule, number, path, when, source)

    def _read_nyha(self, rule: Rule, res: Any, path: str, when: date | None, source: str) -> Measurement | None:
        def codeable(concept: Any) -> int | None:
            texts = [concept.text] + [c.code for c in coding_list(concept)]
            return next((f for f in map(self.codes.nyha_string, texts) if f is not None), None)

        return self._read_ordinal(rule, res, path, when, source, codeable, self.codes.nyha_string)

    def _read_dipstick(self, rule: Rule, res: Any, path: str, when: date | None, source: str) -> Measurement | None:
        """A urine dipstick: "2+", "++", "Trace", "Negative" (text or code) or an integer 0-4, as
        its number of plus signs (trace is half of one)."""
        number: float | None = None
        if res.valueInteger is not None:
            number = value_number(res.valueInteger)
        elif res.valueString is not None:
            number = self.codes.dipstick(res.valueString)
        elif res.valueCodeableConcept is not None:
            texts = [res.valueCodeableConcept.text] + [c.code for c in coding_list(res.valueCodeableConcept)]
            texts += [c.display for c in coding_list(res.valueCodeableConcept)]
            number = next((f for f in map(self.codes.dipstick, texts) if f is not None), None)
        if number is None:
            self.ignored.append((path, "result is not a dipstick reading (Negative, Trace, 1+ to 4+)"))
            return None
        return self._scored(rule, number, path, when, source)

    def _read_grade(self, rule: Rule, res: Any, path: str, when: date | None, source: str) -> Measurement | None:
        """A CTCAE grade: a number, "Grade 2" / "II", or an NCI Thesaurus grade code."""

        def codeable(concept: Any) -> int | None:
            for coding in coding_list(concept):
                found = self.codes.ctcae_grade_code(coding.system, coding.code)
                if found is None:
                    found = self.codes.ctcae_grade(coding.code)
                if found is not None:
                    return found
            return self.codes.ctcae_grade(concept.text)

        return self._read_ordinal(rule, res, path, when, source, codeable, self.codes.ctcae_grade)

    def _read_qualitative(self, rule: Rule, res: Any, path: str, when: date | None, source: str) -> Measurement | None:
        word = self._qualitative(res)
        if word is None:
            self.ignored.append((path, "result is not Positive or Negative"))
            return None
        return Measurement(rule.concept, word, None, when, None, False, source)

    def _read_detection(self, rule: Rule, res: Any, path: str, when: date | None, source: str) -> Measurement | None:
        word = self._qualitative(res)
        written = string_number(res.valueString)
        if word is None and (res.valueQuantity is not None or written is not None):
            if res.valueQuantity is not None:
                number = value_number(res.valueQuantity.value)
                unit = quantity_unit(res.valueQuantity)
                comparator = res.valueQuantity.comparator
            else:
                comparator, number = written  # type: ignore[misc]
                unit = self._range_unit(res)
            if number is not None:
                if comparator in ("<", "<=") or number <= 0:
                    word = "negative"
                else:
                    limit = self._detection_limit(res, unit)
                    word = "positive" if limit is None or number > limit else "negative"
        if word is None:
            self.ignored.append((path, "result is neither Positive / Negative nor a quantity"))
            return None
        return Measurement(rule.concept, word, None, when, None, False, source)

    def _read_viral_load(self, rule: Rule, res: Any, path: str, when: date | None, source: str) -> Measurement | None:
        """The result as a detection (positive / negative); ``_viral_load`` keeps the number."""
        return self._read_detection(rule, res, path, when, source)

    def _viral_load(self, rule: Rule, res: Any, path: str, when: date | None, source: str) -> Measurement | None:
        """The load a trial compares with its threshold ("HBV DNA >= 2000 IU/mL"), as
        ``<concept>_load`` in IU/mL or ``<concept>_copies`` in copies/mL (only the assay knows
        its factor between them); a log10 value is raised to its number. Below
        the detection limit ("<" a number) there is no number to keep: the detection says
        negative."""
        if res.valueQuantity is None or res.valueQuantity.comparator in ("<", "<="):
            return None
        number = value_number(res.valueQuantity.value)
        found = _load_unit(quantity_unit(res.valueQuantity))
        if number is None or found is None or f"{rule.concept}_load" not in CONCEPTS:
            return None
        unit, log = found
        if log:
            if not 0 <= number <= 12:
                self.warnings.append((f"{path}.valueQuantity", "a log10 load outside 0-12; load not kept"))
                return None
            number = 10**number
        concept = f"{rule.concept}_load" if unit == "[iU]/mL" else f"{rule.concept}_copies"
        return Measurement(concept, tidy_number(number), unit, when, None, False, source)

    @staticmethod
    def _detection_limit(res: Any, unit: str | None) -> float | None:

        for rng in res.referenceRange or []:
            high = getattr(rng, "high", None)
            number = value_number(getattr(high, "value", None))
            if number is None:
                continue
            high_unit = quantity_unit(high) or unit
            try:
                limit = convert(number, high_unit, unit)
            except Exception:
                continue
            if math.isfinite(limit):
                return limit
        return None

    def _read_expression(self, rule: Rule, res: Any, path: str, when: date | None, source: str) -> Measurement | None:
        word = self._qualitative(res)
        if word is not None:
            return Measurement(rule.concept, word, None, when, None, False, source)
        number, unit = None, None
        if res.valueQuantity is not None:
            number, unit = value_number(res.valueQuantity.value), quantity_unit(res.valueQuantity) or "%"
        elif res.valueInteger is not None:
            number, unit = value_number(res.valueInteger), "%"
        if number is not None:
            from rules_engine.units import convert

            try:
                percent = convert(number, unit, "%")
            except Exception:
                percent = None
            if percent is not None and math.isfinite(percent) and 0 <= percent <= 100:
                return Measurement(rule.concept, tidy_number(percent), "%", when, None, False, source)
        self.ignored.append((path, "result is neither Positive / Negative nor a percentage"))
        return None


_LOAD_UNIT = re.compile(
    r"^(?P<log>log(?:10)?\s*(?:\(\s*)?|lg\s*\(\s*|\[lg\]\s*)?(?P<what>\[iu\]|\{copies\}|iu|copies|cp)\s*\)?\s*/\s*ml\s*\)?$", re.I
)


def _load_unit(text: str | None) -> tuple[str, bool] | None:
    """A viral load's unit as UCUM and whether it is a log10 ("[IU]/mL", "IU/mL", "{copies}/mL",
    "copies/mL", "log10 IU/mL", "log[IU]/mL"); None for any other unit."""
    if not text:
        return None
    m = _LOAD_UNIT.match(text.strip())
    if m is None:
        return None
    unit = "[iU]/mL" if "iu" in m.group("what").lower() else "{copies}/mL"
    return unit, m.group("log") is not None
