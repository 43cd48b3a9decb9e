"""From a validated FHIR Bundle to the engine's ``PatientFacts``.

The code tables are ``codes.toml`` (listed in docs/codes.md); this module only knows where in
each resource the code, the value and the date are. Choices made where the contract is silent
are written where they are made, and summarised in docs/codes.md.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any

from rules_engine.concepts import CONCEPTS, ancestors
from rules_engine.facts import Event, Measurement, PatientFacts
from rules_engine.units import convert, to_canonical

from .codes import CodeTables, Rule, name_matches, tables
from .fhir import Entry, ValidatedBundle, validate_bundle

LEUKEMIA = "acute_leukemia"


@dataclass
class NormalisedRecord:
    """What the intake hands on: the facts, the upsert key and what it left aside.

    ``identifier`` is the Patient's first identifier ``(system, value)`` (system ``""`` when
    absent; for Eligo's own JSON, as given). ``ignored`` lists ``(path, why)`` for every
    resource or code Eligo does not read; ``warnings`` lists ``(path, why)`` for values read
    only in part (a unit that does not convert, a date-less lab, a default ULN after an
    unreadable range). Neither ever quotes a patient's value.
    """

    facts: PatientFacts
    identifier: tuple[str, str]
    ignored: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "identifier": {"system": self.identifier[0], "value": self.identifier[1]},
            "facts": self.facts.to_json(),
            "ignored": [{"path": p, "reason": r} for p, r in self.ignored],
            "warnings": [{"path": p, "reason": r} for p, r in self.warnings],
        }


# ------------------------------------------------------------------------------------------
# small readers
# ------------------------------------------------------------------------------------------

_SORT_MIN = datetime.min.replace(tzinfo=timezone.utc)


def fhir_date(value: Any) -> tuple[date | None, datetime | None]:
    """A FHIR date / dateTime / instant as (the date as written, a sort key).

    A partial date (``2026`` or ``2026-11``) reads as its first day.
    """
    if value is None or isinstance(value, bool):
        return None, None
    if isinstance(value, datetime):
        key = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
        return value.date(), key
    if isinstance(value, date):
        return value, datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
    if isinstance(value, str):
        match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?.*", value.strip())
        if match:
            try:
                day = date(int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1))
            except ValueError:
                return None, None
            return day, datetime(day.year, day.month, day.day, tzinfo=timezone.utc)
    return None, None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float, Decimal)):
        try:
            number = float(value)
        except (OverflowError, ValueError):
            return None
        return number if math.isfinite(number) else None
    return None


def _codings(concept: Any) -> list[Any]:
    if concept is None:
        return []
    return [c for c in (getattr(concept, "coding", None) or []) if c is not None]


def _first_code(concept: Any) -> str | None:
    for coding in _codings(concept):
        if isinstance(coding.code, str):
            return coding.code
    return None


def _quantity_unit(quantity: Any) -> str | None:
    """UCUM ``code`` when given, else the human ``unit`` (which is usually UCUM too)."""
    for candidate in (getattr(quantity, "code", None), getattr(quantity, "unit", None)):
        if isinstance(candidate, str) and candidate.strip():
            return candidate.strip()
    return None


def _convert(concept: str, value: float, unit: str | None) -> float | None:
    for candidate in (unit, tables().unit_spelling(unit)):
        if candidate is None and unit is not None:
            continue
        try:
            result = to_canonical(concept, value, candidate)
        except Exception:  # UnitError; pint also raises ZeroDivisionError & co. on odd units
            continue
        if math.isfinite(result):
            return result
    return None


# A number as hospitals write it in valueString: an optional comparator, a plain decimal, and
# nothing else (anchored, no nested repetition: linear time, bounded by the slice below).
_STRING_NUMBER = re.compile(r"\s*(<=|>=|<|>|≤|≥)?\s*(\d{1,12}(?:\.\d{1,12})?|\.\d{1,12})\s*")
_COMPARATOR_SPELLING = {"≤": "<=", "≥": ">="}


def string_number(text: Any) -> tuple[str | None, float] | None:
    """``"<0.2"`` -> ``("<", 0.2)``; ``"185"`` -> ``(None, 185.0)``; anything else None."""
    if not isinstance(text, str) or len(text) > 40:
        return None
    found = _STRING_NUMBER.fullmatch(text)
    if found is None:
        return None
    comparator = found.group(1)
    return _COMPARATOR_SPELLING.get(comparator or "", comparator), float(found.group(2))


def _as_number(value: float) -> float | int:
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


# ------------------------------------------------------------------------------------------
# the normaliser
# ------------------------------------------------------------------------------------------


class _Builder:
    def __init__(self, codes: CodeTables, as_of: date | None) -> None:
        self.codes = codes
        self.as_of = as_of
        self.measurements: dict[str, list[tuple[datetime, int, Measurement]]] = {}
        self.events: dict[str, list[tuple[datetime, int, Event]]] = {}
        self.ignored: list[tuple[str, str]] = []
        self.warnings: list[tuple[str, str]] = []
        self.order = 0
        self.medications: dict[str, dict[str, Any]] = {}  # Medication resources by reference key

    # -- collecting ---------------------------------------------------------------------------

    def _keep(self, path: str, when: date | None) -> bool:
        if self.as_of is not None and when is not None and when > self.as_of:
            self.ignored.append((path, "dated after the evaluation date"))
            return False
        return True

    def measurement(self, path: str, key: datetime | None, m: Measurement) -> None:
        if self._keep(path, m.date):
            self.order += 1
            self.measurements.setdefault(m.concept, []).append((key or _SORT_MIN, -self.order, m))

    def event(self, path: str, key: datetime | None, e: Event) -> None:
        if self._keep(path, e.date):
            self.order += 1
            self.events.setdefault(e.concept, []).append((key or _SORT_MIN, -self.order, e))

    def facts(self, birth_date: date | None, sex: str | None) -> PatientFacts:
        # most recent first; same instant: bundle order
        def ordered(items: list[tuple[datetime, int, Any]]) -> tuple[Any, ...]:
            return tuple(x[2] for x in sorted(items, key=lambda x: (x[0], x[1]), reverse=True))

        return PatientFacts(
            birth_date=birth_date,
            sex=sex,
            measurements={k: ordered(v) for k, v in self.measurements.items()},
            events={k: ordered(v) for k, v in self.events.items()},
        )

    # -- Condition ----------------------------------------------------------------------------

    def condition(self, entry: Entry) -> None:
        res, path = entry.model, entry.path
        verification = _first_code(res.verificationStatus)
        if verification in self.codes.skipped_verification_status:
            self.ignored.append((path, f"verificationStatus is {verification}"))
            return
        clinical = _first_code(res.clinicalStatus)
        active = clinical not in self.codes.inactive_clinical_status
        when, key = (None, None)
        for candidate in (res.onsetDateTime, getattr(res.onsetPeriod, "start", None), res.recordedDate):
            when, key = fhir_date(candidate)
            if when is not None:
                break

        found: dict[str, dict[str, Any]] = {}
        character_status: str | None = None
        for coding in _codings(res.code):
            for rule in self.codes.condition_rules(coding.system, coding.code):
                found.setdefault(rule.concept, {}).update(rule.attributes)
                if rule.status and character_status is None:
                    character_status = rule.status  # SNOMED "... in remission"
                if rule.status_character and character_status is None:
                    character_status = self.codes.status_from_character(coding.system, coding.code)
        if not found:
            self.ignored.append((f"{path}.code", "no coding Eligo reads"))
            return

        # the most specific diagnosis only: b_all, not b_all and all (the engine derives parents)
        concepts = [c for c in found if not any(c in ancestors(other) for other in found if other != c)]
        for concept in concepts:
            attributes = dict(found[concept])
            if concept == "gvhd":
                grade = self._gvhd_grade(res)
                if grade is not None:
                    attributes["grade"] = grade
            self.event(path, key, Event(concept, when, active, attributes, entry.source))

        leukemia = [c for c in concepts if c == LEUKEMIA or LEUKEMIA in ancestors(c)]
        if leukemia:
            status = self.codes.clinical_status_events.get(clinical or "") or character_status
            if status is not None:
                still = clinical not in ("inactive", "resolved")
                self.event(path, key, Event(status, when, still, {"diagnosis": leukemia[0]}, entry.source))

    def _gvhd_grade(self, res: Any) -> int | None:
        texts: list[Any] = []
        for stage in res.stage or []:
            summary = getattr(stage, "summary", None)
            texts += [c.code for c in _codings(summary)] + [getattr(summary, "text", None)]
        severity = res.severity
        texts += [getattr(severity, "text", None)] + [c.display for c in _codings(severity)]
        for text in texts:
            grade = self.codes.gvhd_grade(text)
            if grade is not None:
                return grade
        return None

    # -- Procedure and the other event resources ----------------------------------------------

    def procedure(self, entry: Entry) -> None:
        res, path = entry.model, entry.path
        if res.status in self.codes.skipped_procedure_status:
            self.ignored.append((path, f"status is {res.status}"))
            return
        when, key = fhir_date(res.performedDateTime)
        if when is None:
            when, key = fhir_date(getattr(res.performedPeriod, "start", None))
        self._procedure_codes(entry, res.code, f"{path}.code", when, key)

    def _procedure_codes(self, entry: Entry, code: Any, path: str, when: date | None, key: datetime | None) -> None:
        concepts: list[str] = []
        for coding in _codings(code):
            for rule in self.codes.procedure_rules(coding.system, coding.code):
                concepts += [c for c in rule.concepts if c not in concepts]
        if not concepts:
            self.ignored.append((path, "no coding Eligo reads"))
            return
        for concept in concepts:
            self.event(entry.path, key, Event(concept, when, True, {}, entry.source))

    def other(self, entry: Entry) -> None:
        """MedicationStatement / MedicationRequest / Immunization / AllergyIntolerance."""
        rtype = entry.resource_type
        if rtype in ("MedicationStatement", "MedicationRequest"):
            self.medication(entry)
        elif rtype == "Immunization":
            self.immunization(entry)
        elif rtype == "AllergyIntolerance":
            self.allergy(entry)
        else:
            self.ignored.append((entry.path, f"no concept reads {rtype} yet"))

    # -- MedicationStatement / MedicationRequest ----------------------------------------------

    def medication(self, entry: Entry) -> None:
        data, path, rtype = entry.resource, entry.path, entry.resource_type
        reading = self.codes.medication_status
        status = data.get("status")
        if status in reading["skipped"]:
            self.ignored.append((path, f"status is {status}"))
            return
        if rtype == "MedicationRequest" and data.get("intent") in reading["skipped_intent"]:
            self.ignored.append((path, f"intent is {data.get('intent')}: not given"))
            return
        codings, texts = self._medication_code(entry)
        if not codings and not texts:
            self.ignored.append((path, "names no medication Eligo can read (a medicationReference it cannot follow)"))
            return
        dosages = [d for d in (data.get("dosage") or data.get("dosageInstruction") or []) if isinstance(d, dict)]
        when, key, ongoing, span = self._exposure(data, rtype, dosages, status in reading["ongoing"])
        # urn:eligo:concept procedure codes (a CAR-T product given as a medication)
        procedure_concepts = [c for system, code in codings for r in self.codes.procedure_rules(system, code) for c in r.concepts]
        rules = self.codes.coded_or_named("medications", codings, texts)
        if not rules and not procedure_concepts:
            self.ignored.append((path, "no coding or name Eligo reads"))
            return
        name = _display_name(texts, rules)
        route_words = self._route_texts(dosages)
        systemic = not self._non_systemic(dosages, texts + route_words)
        daily = self._daily_dose_mg(dosages, texts)
        concepts: list[str] = list(dict.fromkeys(procedure_concepts))
        steroid: Rule | None = None
        for rule in rules:
            if rule.systemic_only and not systemic:
                self.ignored.append((path, f"{rule.concepts[0]}: not a systemic route or form"))
                continue
            concepts += [c for c in rule.concepts if c not in concepts]
            if "steroid_therapy" in rule.concepts and (steroid is None or steroid.prednisone_equivalent is None):
                steroid = rule
        if not concepts:
            return
        dose_text = ""
        equivalent: float | None = None
        if steroid is not None:
            if daily is not None and steroid.prednisone_equivalent is not None:
                equivalent = round(daily * float(steroid.prednisone_equivalent), 2)
                dose_text = f", {_as_number(round(daily, 3))} mg/day"
                if steroid.prednisone_equivalent != 1:
                    dose_text += f" (= {_as_number(equivalent)} mg/day prednisone)"
            else:
                dose_text = ", daily dose not recorded"
        quote = f"{name}{dose_text}, {span}"
        attributes: dict[str, Any] = {"quote": quote}
        if ongoing:
            attributes["ongoing"] = True
        for concept in concepts:
            self.event(path, key, Event(concept, when, True, dict(attributes), entry.source))
        if steroid is not None:
            value: float | str = _as_number(equivalent) if equivalent is not None else "not recorded"
            self.measurement(path, key, Measurement("steroid_dose", value, "mg/d", when, None, False, entry.source))

    def _medication_code(self, entry: Entry) -> tuple[list[tuple[Any, Any]], list[str]]:
        """The codings and texts that name the medication: the CodeableConcept, else the
        Medication a reference points to (contained or in the bundle), else its display."""
        data = entry.resource
        concept = data.get("medicationCodeableConcept")
        if isinstance(concept, dict):
            return _concept_parts(concept)
        reference = data.get("medicationReference")
        if not isinstance(reference, dict):
            return [], []
        codings: list[tuple[Any, Any]] = []
        texts: list[str] = []
        target = reference.get("reference")
        medication: Any = None
        if isinstance(target, str) and target.startswith("#"):
            medication = next(
                (c for c in data.get("contained") or [] if isinstance(c, dict) and c.get("id") == target[1:]), None
            )
        elif isinstance(target, str):
            medication = self.medications.get(target.strip())
        if isinstance(medication, dict) and isinstance(medication.get("code"), dict):
            codings, texts = _concept_parts(medication["code"])
        if isinstance(reference.get("display"), str):
            texts.append(reference["display"])
        return codings, texts

    def _exposure(
        self, data: dict[str, Any], rtype: str, dosages: list[dict[str, Any]], ongoing_status: bool
    ) -> tuple[date | None, datetime | None, bool, str]:
        """When the therapy was last taken, as the record states it: the end of its period when
        given; else, for a therapy still being taken, its start with ``ongoing`` (the engine
        counts it as taken on the evaluation date); else the date it was recorded as taken."""
        if rtype == "MedicationStatement":
            period = data.get("effectivePeriod") if isinstance(data.get("effectivePeriod"), dict) else {}
            start = period.get("start") or data.get("effectiveDateTime") or data.get("dateAsserted")
            end = period.get("end")
        else:
            bounds: dict[str, Any] = {}
            for dosage in dosages:
                timing = dosage.get("timing") if isinstance(dosage.get("timing"), dict) else {}
                repeat = timing.get("repeat") if isinstance(timing.get("repeat"), dict) else {}
                if isinstance(repeat.get("boundsPeriod"), dict):
                    bounds = repeat["boundsPeriod"]
                    break
            start = bounds.get("start") or data.get("authoredOn")
            end = bounds.get("end")
        start_day, start_key = fhir_date(start)
        end_day, end_key = fhir_date(end)
        if end_day is not None:
            if self.as_of is not None and end_day > self.as_of and (start_day is None or start_day <= self.as_of):
                return start_day, start_key, True, f"{_since(start_day)}until {end_day.isoformat()}"
            return end_day, end_key, False, f"{_since(start_day)}until {end_day.isoformat()}"
        if ongoing_status:
            return start_day, start_key, True, f"{_since(start_day)}ongoing"
        return start_day, start_key, False, start_day.isoformat() if start_day else "undated"

    def _route_texts(self, dosages: list[dict[str, Any]]) -> list[str]:
        texts: list[str] = []
        for dosage in dosages:
            route = dosage.get("route")
            if isinstance(route, dict):
                texts += _concept_parts(route)[1]
        return texts

    def _non_systemic(self, dosages: list[dict[str, Any]], texts: list[str]) -> bool:
        for dosage in dosages:
            route = dosage.get("route")
            if isinstance(route, dict):
                for system, code in _concept_parts(route)[0]:
                    if self.codes.system_name(system) == "snomed" and code in self.codes.non_systemic_routes:
                        return True
        return name_matches(self.codes.non_systemic_words, texts)

    def _daily_dose_mg(self, dosages: list[dict[str, Any]], texts: list[str]) -> float | None:
        """The largest daily dose in mg any dosage states, or None when none states one whole
        (a dose without a timing, a dose per kg or m2, a count of tablets of unknown strength)."""
        found: list[float] = []
        for dosage in dosages:
            per_dose = self._dose_mg(dosage, texts)
            per_day = self._doses_per_day(dosage)
            if per_dose is not None and per_day is not None:
                found.append(per_dose * per_day)
        return max(found) if found else None

    def _dose_mg(self, dosage: dict[str, Any], texts: list[str]) -> float | None:
        for rate in dosage.get("doseAndRate") or []:
            if not isinstance(rate, dict):
                continue
            quantity = rate.get("doseQuantity")
            if not isinstance(quantity, dict) and isinstance(rate.get("doseRange"), dict):
                quantity = rate["doseRange"].get("high")
            if not isinstance(quantity, dict):
                continue
            number = _number(quantity.get("value"))
            if number is None or number <= 0:
                continue
            unit = next((u.strip() for u in (quantity.get("code"), quantity.get("unit")) if isinstance(u, str) and u.strip()), None)
            if unit is not None:
                try:
                    mg = convert(number, unit, "mg")
                except Exception:  # not a mass (mg/kg, mL, tablets): maybe a count of units
                    mg = None
                if mg is not None and math.isfinite(mg):
                    return mg
            if unit is None or unit.strip("{}").lower() in _COUNT_UNITS:
                strength = _strength_mg(texts)
                if strength is not None:
                    return number * strength
        return None

    def _doses_per_day(self, dosage: dict[str, Any]) -> float | None:
        timing = dosage.get("timing")
        if not isinstance(timing, dict):
            return None
        table = self.codes.dose_timing
        repeat = timing.get("repeat")
        if isinstance(repeat, dict) and repeat.get("period") is not None:
            frequency = _number(repeat.get("frequency", 1))
            period = _number(repeat.get("period"))
            days = table["period_units_in_days"].get(repeat.get("periodUnit"))
            if frequency and period and days:
                return frequency / (period * days)
        code = timing.get("code")
        if isinstance(code, dict):
            codings, texts = _concept_parts(code)
            for word in [c for _, c in codings] + texts:
                per_day = table["codes_per_day"].get(str(word).strip().upper())
                if per_day is not None:
                    return float(per_day)
        return None

    # -- Immunization -------------------------------------------------------------------------

    def immunization(self, entry: Entry) -> None:
        data, path = entry.resource, entry.path
        status = data.get("status")
        if status != "completed":
            self.ignored.append((path, f"status is {status}"))
            return
        concept = data.get("vaccineCode") if isinstance(data.get("vaccineCode"), dict) else {}
        codings, texts = _concept_parts(concept)
        when, key = fhir_date(data.get("occurrenceDateTime"))
        procedure_concepts = [c for system, code in codings for r in self.codes.procedure_rules(system, code) for c in r.concepts]
        rules = self.codes.coded_or_named("vaccines", codings, texts)
        concepts = list(dict.fromkeys(procedure_concepts + [c for r in rules for c in r.concepts]))
        if not concepts:
            self.ignored.append((f"{path}.vaccineCode", "no coding or name Eligo reads (not a live vaccine)"))
            return
        quote = f"{_display_name(texts, rules)}, given {when.isoformat() if when else 'undated'}"
        for concept_id in concepts:
            self.event(path, key, Event(concept_id, when, True, {"quote": quote}, entry.source))

    # -- AllergyIntolerance -------------------------------------------------------------------

    def allergy(self, entry: Entry) -> None:
        data, path = entry.resource, entry.path
        reading = self.codes.allergy_reading
        verification = _status_code(data.get("verificationStatus"))
        if verification in reading["skipped_verification_status"]:
            self.ignored.append((path, f"verificationStatus is {verification}"))
            return
        concept = data.get("code") if isinstance(data.get("code"), dict) else {}
        codings, texts = _concept_parts(concept)
        for reaction in data.get("reaction") or []:
            if isinstance(reaction, dict) and isinstance(reaction.get("substance"), dict):
                more_codings, more_texts = _concept_parts(reaction["substance"])
                codings += more_codings
                texts += more_texts
        lowered = [" ".join(t.split()).lower() for t in texts]
        if any(self.codes.system_name(s) == "snomed" and c in reading["no_known_snomed"] for s, c in codings) or any(
            t.startswith(w) for t in lowered for w in reading["no_known_text"]
        ):
            self.ignored.append((path, "states no known allergy"))
            return
        rules = self.codes.coded_or_named("allergies", codings, texts)
        concepts = list(dict.fromkeys(c for r in rules for c in r.concepts))
        if not concepts:
            categories = [c for c in data.get("category") or [] if isinstance(c, str)]
            if categories and not set(categories) & set(reading["categories"]):
                self.ignored.append((path, f"category {', '.join(categories)}: not a drug or product allergy"))
                return
            if not codings and not texts:
                self.ignored.append((f"{path}.code", "names no substance"))
                return
            concepts = ["drug_hypersensitivity"]
        active = _status_code(data.get("clinicalStatus")) not in reading["inactive_clinical_status"]
        when, key = None, None
        for candidate in (data.get("onsetDateTime"), data.get("recordedDate"), data.get("lastOccurrence")):
            when, key = fhir_date(candidate)
            if when is not None:
                break
        kind = data.get("type") if data.get("type") in ("allergy", "intolerance") else "allergy"
        quote = f"{kind} to {_display_name(texts, rules, codings)}" + ("" if active else f" ({_status_code(data.get('clinicalStatus'))})")
        for concept_id in concepts:
            self.event(path, key, Event(concept_id, when, active, {"quote": quote}, entry.source))

    # -- Observation --------------------------------------------------------------------------

    def observation(self, entry: Entry) -> None:
        res, path = entry.model, entry.path
        if res.status in self.codes.skipped_observation_status:
            self.ignored.append((path, f"status is {res.status}"))
            return
        rule: Rule | None = None
        for coding in _codings(res.code):
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
        reader = getattr(self, f"_read_{rule.value}")
        measurement = reader(rule, res, path, when, entry.source)
        if measurement is not None:
            self.measurement(path, key, measurement)

    def _qualitative(self, res: Any) -> str | None:
        for coding in _codings(res.valueCodeableConcept):
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
            for coding in _codings(concept)
            if (word := self.codes.interpretation(coding.system, coding.code))
        }
        return words.pop() if len(words) == 1 else None

    def _uln(self, rule: Rule, res: Any, path: str, unit: str | None, canonical: bool) -> tuple[float | None, bool]:
        """The upper limit of normal: the lab's (a range without a unit is in ``unit``, the
        value's), converted to the canonical unit when ``canonical``, else the default."""
        concept = rule.concept
        for n, rng in enumerate(res.referenceRange or []):
            high = getattr(rng, "high", None)
            number = _number(getattr(high, "value", None))
            if number is None:
                continue
            high_unit = _quantity_unit(high) or unit
            if canonical:
                converted = _convert(concept, number, high_unit)
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
            number = _number(res.valueQuantity.value)
            unit = _quantity_unit(res.valueQuantity)
            value_path = f"{path}.valueQuantity"
            comparator = res.valueQuantity.comparator or None
        elif res.valueInteger is not None:
            number, unit, value_path = _number(res.valueInteger), canonical_unit, f"{path}.valueInteger"
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
            return Measurement(concept, f"{comparator}{_as_number(number)}", unit, when, None, False, source)
        converted = _convert(concept, number, unit)
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
                unit = _quantity_unit(end) if end is not None else None
                if unit:
                    return unit
        return None

    def _read_score(self, rule: Rule, res: Any, path: str, when: date | None, source: str) -> Measurement | None:
        if res.valueInteger is not None:
            number = _number(res.valueInteger)
        elif res.valueQuantity is not None:
            number = _number(res.valueQuantity.value)
        else:
            number = None
        return self._scored(rule, number, path, when, source)

    def _scored(self, rule: Rule, number: float | None, path: str, when: date | None, source: str) -> Measurement | None:
        if number is None:
            self.ignored.append((path, "has no numeric value"))
            return None
        if rule.range is not None and not rule.range[0] <= number <= rule.range[1]:
            self.ignored.append((path, f"value outside {_as_number(rule.range[0])}-{_as_number(rule.range[1])}"))
            return None
        return Measurement(rule.concept, _as_number(number), CONCEPTS[rule.concept].unit, when, None, False, source)

    def _read_nyha(self, rule: Rule, res: Any, path: str, when: date | None, source: str) -> Measurement | None:
        number: float | None = None
        if res.valueInteger is not None:
            number = _number(res.valueInteger)
        elif res.valueQuantity is not None:
            number = _number(res.valueQuantity.value)
        elif res.valueString is not None:
            found = self.codes.nyha_string(res.valueString)
            number = float(found) if found is not None else None
        elif res.valueCodeableConcept is not None:
            for text in [res.valueCodeableConcept.text] + [c.code for c in _codings(res.valueCodeableConcept)]:
                found = self.codes.nyha_string(text)
                if found is not None:
                    number = float(found)
                    break
        if number is not None and not number.is_integer():
            number = None
        return self._scored(rule, number, path, when, source)

    def _read_grade(self, rule: Rule, res: Any, path: str, when: date | None, source: str) -> Measurement | None:
        """A CTCAE grade: a number, "Grade 2" / "II", or an NCI Thesaurus grade code."""
        number: float | None = None
        if res.valueInteger is not None:
            number = _number(res.valueInteger)
        elif res.valueQuantity is not None:
            number = _number(res.valueQuantity.value)
        elif res.valueString is not None:
            found = self.codes.ctcae_grade(res.valueString)
            number = float(found) if found is not None else None
        elif res.valueCodeableConcept is not None:
            for coding in _codings(res.valueCodeableConcept):
                found = self.codes.ctcae_grade_code(coding.system, coding.code)
                if found is None:
                    found = self.codes.ctcae_grade(coding.code)
                if found is not None:
                    number = float(found)
                    break
            if number is None:
                found = self.codes.ctcae_grade(res.valueCodeableConcept.text)
                number = float(found) if found is not None else None
        if number is not None and not number.is_integer():
            number = None
        return self._scored(rule, number, path, when, source)

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
                number = _number(res.valueQuantity.value)
                unit = _quantity_unit(res.valueQuantity)
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

    @staticmethod
    def _detection_limit(res: Any, unit: str | None) -> float | None:
        from rules_engine.units import convert

        for rng in res.referenceRange or []:
            high = getattr(rng, "high", None)
            number = _number(getattr(high, "value", None))
            if number is None:
                continue
            high_unit = _quantity_unit(high) or unit
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
            number, unit = _number(res.valueQuantity.value), _quantity_unit(res.valueQuantity) or "%"
        elif res.valueInteger is not None:
            number, unit = _number(res.valueInteger), "%"
        if number is not None:
            from rules_engine.units import convert

            try:
                percent = convert(number, unit, "%")
            except Exception:
                percent = None
            if percent is not None and math.isfinite(percent) and 0 <= percent <= 100:
                return Measurement(rule.concept, _as_number(percent), "%", when, None, False, source)
        self.ignored.append((path, "result is neither Positive / Negative nor a percentage"))
        return None


_COUNT_UNITS = frozenset({"tbl", "tab", "tabs", "tablet", "tablets", "cap", "caps", "capsule", "capsules", "1", "each", "ea"})
_STRENGTH = re.compile(r"(?<![\d.])(\d{1,6}(?:\.\d{1,4})?) ?mg(?![a-z/])")


def _concept_parts(concept: dict[str, Any]) -> tuple[list[tuple[Any, Any]], list[str]]:
    """A CodeableConcept in JSON: its (system, code) pairs and every text that names it."""
    codings: list[tuple[Any, Any]] = []
    texts: list[str] = []
    for coding in concept.get("coding") or []:
        if isinstance(coding, dict):
            codings.append((coding.get("system"), coding.get("code")))
            if isinstance(coding.get("display"), str):
                texts.append(coding["display"])
    if isinstance(concept.get("text"), str):
        texts.insert(0, concept["text"])
    return codings, texts


def _display_name(texts: list[str], rules: list[Rule], codings: list[tuple[Any, Any]] | None = None) -> str:
    """What a reason calls the record: its own words, else the row's label, else its code."""
    for text in texts:
        if text.strip():
            return " ".join(text.split())[:120]
    if rules:
        return rules[0].label
    for _, code in codings or []:
        if isinstance(code, str) and code.strip():
            return f"code {code.strip()[:40]}"
    return "an unnamed substance"


def _strength_mg(texts: list[str]) -> float | None:
    """The one strength in mg a product name states ("prednisone 5 MG Oral Tablet"), if one."""
    found = {float(m) for t in texts for m in _STRENGTH.findall(t[:1000].lower())}
    return found.pop() if len(found) == 1 else None


def _since(day: date | None) -> str:
    return f"since {day.isoformat()} " if day else ""


def _status_code(concept: Any) -> str | None:
    if not isinstance(concept, dict):
        return None
    for coding in concept.get("coding") or []:
        if isinstance(coding, dict) and isinstance(coding.get("code"), str):
            return coding["code"]
    return None


def _patient(entry: Entry, builder: _Builder) -> tuple[date | None, str | None]:
    res = entry.model
    birth, _ = fhir_date(res.birthDate)
    raw_birth = entry.resource.get("birthDate")
    if isinstance(raw_birth, str) and len(raw_birth.strip()) < 10:
        builder.warnings.append((f"{entry.path}.birthDate", "is a partial date; read as its first day"))
    return birth, res.gender


def normalise(bundle: ValidatedBundle | bytes | str | dict[str, Any], as_of: date | None = None) -> NormalisedRecord:
    """The facts in a FHIR Bundle (validated first when it is not a ``ValidatedBundle``).

    ``as_of``: when given, facts dated after it are left out (listed in ``ignored``), so a
    record can be read as it stood on a day; ``None`` keeps everything.
    """
    if not isinstance(bundle, ValidatedBundle):
        bundle = validate_bundle(bundle)
    builder = _Builder(tables(), as_of)
    builder.ignored.extend(bundle.skipped)
    builder.warnings.extend(bundle.warnings)  # resources kept but not read (lenient intake)
    readers = {
        "Condition": builder.condition,
        "Observation": builder.observation,
        "Procedure": builder.procedure,
    }
    for entry_json in bundle.data.get("entry") or []:
        resource = entry_json.get("resource") if isinstance(entry_json, dict) else None
        if isinstance(resource, dict) and resource.get("resourceType") == "Medication":
            if isinstance(entry_json.get("fullUrl"), str):
                builder.medications[entry_json["fullUrl"]] = resource
            if isinstance(resource.get("id"), str):
                builder.medications[f"Medication/{resource['id']}"] = resource
    birth_date, sex = _patient(bundle.patient, builder)
    for entry in bundle.entries:
        if entry.resource_type == "Patient" or entry.skipped:
            continue  # a skipped resource is already listed in warnings
        if entry.model is None:
            builder.ignored.append((entry.path, f"resource type {entry.resource_type} is not read by Eligo"))
            continue
        if not entry.about_patient:
            builder.ignored.append((entry.path, "is not about the bundle's Patient"))
            continue
        readers.get(entry.resource_type, builder.other)(entry)
    return NormalisedRecord(
        facts=builder.facts(birth_date, sex),
        identifier=bundle.identifier,
        ignored=builder.ignored,
        warnings=builder.warnings,
    )

