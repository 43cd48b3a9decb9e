"""MedicationStatement / MedicationRequest: which drug (ATC, RxNorm, name), whether systemic, when
taken, and a daily dose in prednisone equivalents where the record states one."""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

from rules_engine.concepts import ancestors
from rules_engine.facts import Event, Measurement
from rules_engine.units import convert

from .codes import Rule, name_matches
from .collector import Collector
from .fhir import Entry
from .values import (
    COUNT_UNITS,
    concept_parts,
    display_name,
    fhir_date,
    since_text,
    strength_mg,
    tidy_number,
    value_number,
)

# the classes a record of one of their kinds is no record of in its own right (``MedicationReader.medication``)
_KIND_DECIDES = frozenset({"antiplatelet_therapy", "anticoagulant_therapy"})


class MedicationReader(Collector):
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
        self._named(path, key, entry, when, ongoing, span, texts)
        if not rules and not procedure_concepts:
            self.ignored.append((path, "no class Eligo reads: kept by name only (named_medication)"))
            return
        name = display_name(texts, rules)
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
        # a class the record also falls in by a narrower row is that kind's, which the engine
        # derives (``derive.event_parents``): aspirin coded B01AC06 is aspirin therapy, and its
        # antiplatelet therapy the aspirin's. Written as a record of its own, the class was "a
        # record of the wider kind itself", which may be any kind of it, so "drugs that inhibit
        # platelet function, with the exception of aspirin <= 150 mg per day" stayed unknown for
        # a patient on aspirin 81 mg (holdout T315; an enoxaparin record beside "low molecular
        # weight heparin" the same)
        # (the antithrombotic classes only, whose named kinds lines permit: the anticancer
        # classes' own records stay, which other readings count on)
        concepts = [c for c in concepts if c not in _KIND_DECIDES or not any(c in ancestors(o) for o in concepts if o != c)]
        dose_text = ""
        equivalent: float | None = None
        if steroid is not None:
            if daily is not None and steroid.prednisone_equivalent is not None:
                equivalent = round(daily * float(steroid.prednisone_equivalent), 2)
                dose_text = f", {tidy_number(round(daily, 3))} mg/day"
                if steroid.prednisone_equivalent != 1:
                    dose_text += f" (= {tidy_number(equivalent)} mg/day prednisone)"
            else:
                dose_text = ", daily dose not recorded"
        quote = f"{name}{dose_text}, {span}"
        attributes: dict[str, Any] = {"quote": quote}
        if ongoing:
            attributes["ongoing"] = True
        for concept in concepts:
            self.event(path, key, Event(concept, when, True, dict(attributes), entry.source))
        if steroid is not None:
            value: float | str = tidy_number(equivalent) if equivalent is not None else "not recorded"
            self.measurement(path, key, Measurement("steroid_dose", value, "mg/d", when, None, False, entry.source))
        if "aspirin_therapy" in concepts:
            # the dose a bleeding exclusion permits ("aspirin <= 150 mg per day"): the daily dose,
            # or none read (a bound asked of it unknown), as the steroid's
            dose: float | str = tidy_number(round(daily, 3)) if daily is not None else "not recorded"
            self.measurement(path, key, Measurement("aspirin_dose", dose, "mg/d", when, None, False, entry.source))
        if "hydroxyurea" in concepts:
            # the dose a leukaemia trial bounds ("a daily dose of hydroxyurea greater than 3 g"):
            # the daily dose, or none read (a bound asked of it unknown), as the aspirin's
            amount: float | str = tidy_number(round(daily, 3)) if daily is not None else "not recorded"
            self.measurement(path, key, Measurement("hydroxyurea_dose", amount, "mg/d", when, None, False, entry.source))

    def _named(self, path: str, key: datetime | None, entry: Entry, when: date | None, ongoing: bool, span: str, texts: list[str]) -> None:
        """Every medication as ``named_medication``, quoting the record's own words: a line that
        names a product ("prior treatment with selinexor") compares them. A medication named only
        by a code has no words to compare: it is kept unquoted, so such a line is unknown for it."""
        words = [" ".join(t.split()) for t in texts if t.strip()]
        attributes: dict[str, Any] = {"quote": f"{' / '.join(dict.fromkeys(words))[:240]}, {span}"} if words else {}
        if ongoing:
            attributes["ongoing"] = True
        self.event(path, key, Event("named_medication", when, True, attributes, entry.source))

    def _medication_code(self, entry: Entry) -> tuple[list[tuple[Any, Any]], list[str]]:
        """The codings and texts that name the medication: the CodeableConcept, else the
        Medication a reference points to (contained or in the bundle), else its display."""
        data = entry.resource
        concept = data.get("medicationCodeableConcept")
        if isinstance(concept, dict):
            return concept_parts(concept)
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
            codings, texts = concept_parts(medication["code"])
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
                return start_day, start_key, True, f"{since_text(start_day)}until {end_day.isoformat()}"
            return end_day, end_key, False, f"{since_text(start_day)}until {end_day.isoformat()}"
        if ongoing_status:
            return start_day, start_key, True, f"{since_text(start_day)}ongoing"
        return start_day, start_key, False, start_day.isoformat() if start_day else "undated"

    def _route_texts(self, dosages: list[dict[str, Any]]) -> list[str]:
        texts: list[str] = []
        for dosage in dosages:
            route = dosage.get("route")
            if isinstance(route, dict):
                texts += concept_parts(route)[1]
        return texts

    def _non_systemic(self, dosages: list[dict[str, Any]], texts: list[str]) -> bool:
        for dosage in dosages:
            route = dosage.get("route")
            if isinstance(route, dict):
                for system, code in concept_parts(route)[0]:
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
            number = value_number(quantity.get("value"))
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
            if unit is None or unit.strip("{}").lower() in COUNT_UNITS:
                strength = strength_mg(texts)
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
            frequency = value_number(repeat.get("frequency", 1))
            period = value_number(repeat.get("period"))
            days = table["period_units_in_days"].get(repeat.get("periodUnit"))
            if frequency and period and days:
                return frequency / (period * days)
        code = timing.get("code")
        if isinstance(code, dict):
            codings, texts = concept_parts(code)
            for word in [c for _, c in codings] + texts:
                per_day = table["codes_per_day"].get(str(word).strip().upper())
                if per_day is not None:
                    return float(per_day)
        return None

    # -- Immunization -------------------------------------------------------------------------


