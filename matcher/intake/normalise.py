"""From a validated FHIR Bundle to the engine's ``PatientFacts``.

The code tables are ``codes.toml`` (listed in docs/codes.md); this module only knows where in
each resource the code, the value and the date are. Choices made where the contract is silent
are written where they are made, and summarised in docs/codes.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from rules_engine.concepts import HEMATOLOGIC_DISEASES, ancestors
from rules_engine.facts import Event, PatientFacts

from .codes import tables
from .fhir import Entry, ValidatedBundle, validate_bundle
from .medications import MedicationReader
from .observations import ObservationReader
from .resolved_infections import with_resolved_infections
from .values import coding_list, concept_parts, display_name, fhir_date, first_code, status_code

# the diseases whose status a record states on their Condition (clinicalStatus relapse, recurrence
# or remission; the C90-C95 fifth character): every blood cancer. Read for acute leukaemia only, a
# lymphoma coded "relapse" or a CLL coded C91.12 ("in relapse") was no relapsed disease, and every
# line asking relapsed or refractory lymphoma or CLL failed it (holdout T295, T302, T304). Solid
# tumours stay out: a status event is not tied to its diagnosis when a line is judged, so a breast
# cancer "in remission" years before a therapy-related AML would answer "AML in remission".
STATUS_DISEASES = HEMATOLOGIC_DISEASES | {"hematologic_malignancy", "plasma_cell_leukemia", "waldenstrom_macroglobulinemia"}
# A solid tumour's own status (clinicalStatus relapse or recurrence) is read when the record holds
# no blood cancer, so no status can be taken for another disease's: a relapsed neuroblastoma
# coded "relapse" was no recurrent disease, and it failed "Solid tumors ... that are recurrent or
# refractory to standard therapy" (holdout T292)
_SOLID = "solid_tumor"


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
# the normaliser
# ------------------------------------------------------------------------------------------


class _Builder(MedicationReader, ObservationReader):
    """Condition, Procedure, Immunization and AllergyIntolerance are read here; medications and
    observations by their own readers."""

    # -- Condition ----------------------------------------------------------------------------

    def condition(self, entry: Entry) -> None:
        res, path = entry.model, entry.path
        verification = first_code(res.verificationStatus)
        if verification in self.codes.skipped_verification_status:
            self.ignored.append((path, f"verificationStatus is {verification}"))
            return
        clinical = first_code(res.clinicalStatus)
        active = clinical not in self.codes.inactive_clinical_status
        when, key = (None, None)
        for candidate in (res.onsetDateTime, getattr(res.onsetPeriod, "start", None), res.recordedDate):
            when, key = fhir_date(candidate)
            if when is not None:
                break

        found: dict[str, dict[str, Any]] = {}
        character_status: str | None = None
        for coding in coding_list(res.code):
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
        severity = self._severity(res)
        for concept in concepts:
            attributes = dict(found[concept])
            if severity is not None:
                attributes["severity"] = severity  # "severe autoimmune disease" (derive.QUALIFIED_EVENTS)
            if concept == "gvhd":
                grade = self._gvhd_grade(res)
                if grade is not None:
                    attributes["grade"] = grade
            if concept == "cml":
                phase = self._cml_phase(res)
                if phase is not None:
                    attributes["phase"] = phase
            self.event(path, key, Event(concept, when, active, attributes, entry.source))

        leukemia = [c for c in concepts if c in STATUS_DISEASES or not STATUS_DISEASES.isdisjoint(ancestors(c))]
        solid = [c for c in concepts if c == _SOLID or _SOLID in ancestors(c)]
        status = self.codes.clinical_status_events.get(clinical or "") or character_status
        still = clinical not in ("inactive", "resolved")
        self.blood_cancer = self.blood_cancer or bool(leukemia)
        if leukemia and status is not None:
            self.event(path, key, Event(status, when, still, {"diagnosis": leukemia[0]}, entry.source))
        elif solid and status is not None:
            self.solid_statuses.append((path, key, Event(status, when, still, {"diagnosis": solid[0]}, entry.source)))

    def solid_tumour_statuses(self) -> None:
        """The solid tumours' stated statuses, when no blood cancer is on record (``_SOLID``)."""
        if not self.blood_cancer:
            for path, key, event in self.solid_statuses:
                self.event(path, key, event)

    def _severity(self, res: Any) -> str | None:
        """Condition.severity as ``severe`` / ``moderate`` / ``mild``, or None when not stated."""
        codings = coding_list(res.severity)
        texts = [t for t in [getattr(res.severity, "text", None)] + [c.display for c in codings] if isinstance(t, str)]
        for coding in codings:
            found = self.codes.severity(coding.system, coding.code, [])
            if found is not None:
                return found
        return self.codes.severity(None, None, texts)

    def _gvhd_grade(self, res: Any) -> int | None:
        texts: list[Any] = []
        for stage in res.stage or []:
            summary = getattr(stage, "summary", None)
            texts += [c.code for c in coding_list(summary)] + [getattr(summary, "text", None)]
        severity = res.severity
        texts += [getattr(severity, "text", None)] + [c.display for c in coding_list(severity)]
        for text in texts:
            grade = self.codes.gvhd_grade(text)
            if grade is not None:
                return grade
        return None

    def _cml_phase(self, res: Any) -> str | None:
        """The phase a CML Condition names in words: its code's text and displays, or its stage."""
        texts: list[Any] = [getattr(res.code, "text", None)] + [c.display for c in coding_list(res.code)]
        for stage in res.stage or []:
            summary = getattr(stage, "summary", None)
            texts += [getattr(summary, "text", None)] + [c.display for c in coding_list(summary)]
        return self.codes.cml_phase(texts)

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
        codings = coding_list(code)
        for coding in codings:
            for rule in self.codes.procedure_rules(coding.system, coding.code):
                concepts += [c for c in rule.concepts if c not in concepts]
        if not concepts:  # no code read: the procedure's own name ("Laparoscopic appendectomy")
            texts = [t for t in [getattr(code, "text", None)] + [c.display for c in codings] if isinstance(t, str)]
            for rule in self.codes.named("procedures", texts):
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

    def immunization(self, entry: Entry) -> None:
        data, path = entry.resource, entry.path
        status = data.get("status")
        if status != "completed":
            self.ignored.append((path, f"status is {status}"))
            return
        concept = data.get("vaccineCode") if isinstance(data.get("vaccineCode"), dict) else {}
        codings, texts = concept_parts(concept)
        when, key = fhir_date(data.get("occurrenceDateTime"))
        procedure_concepts = [c for system, code in codings for r in self.codes.procedure_rules(system, code) for c in r.concepts]
        rules = self.codes.coded_or_named("vaccines", codings, texts)
        concepts = list(dict.fromkeys(procedure_concepts + [c for r in rules for c in r.concepts]))
        reading = self.codes.vaccine_reading
        if any(self.codes.system_name(s) == "cvx" and str(c) in reading["not_given_cvx"] for s, c in codings):
            self.ignored.append((f"{path}.vaccineCode", "states that no vaccine was given"))
            return
        if not concepts:
            # a vaccine given that no row names (inactivated, recombinant, mRNA): still a
            # vaccination, which "vaccination within 4 weeks" asks for; never a live vaccine
            concepts = [reading["any_vaccine"]]
        quote = f"{display_name(texts, rules, codings)}, given {when.isoformat() if when else 'undated'}"
        for concept_id in concepts:
            self.event(path, key, Event(concept_id, when, True, {"quote": quote}, entry.source))

    # -- AllergyIntolerance -------------------------------------------------------------------

    def allergy(self, entry: Entry) -> None:
        data, path = entry.resource, entry.path
        reading = self.codes.allergy_reading
        verification = status_code(data.get("verificationStatus"))
        if verification in reading["skipped_verification_status"]:
            self.ignored.append((path, f"verificationStatus is {verification}"))
            return
        concept = data.get("code") if isinstance(data.get("code"), dict) else {}
        codings, texts = concept_parts(concept)
        for reaction in data.get("reaction") or []:
            if isinstance(reaction, dict) and isinstance(reaction.get("substance"), dict):
                more_codings, more_texts = concept_parts(reaction["substance"])
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
        active = status_code(data.get("clinicalStatus")) not in reading["inactive_clinical_status"]
        when, key = None, None
        for candidate in (data.get("onsetDateTime"), data.get("recordedDate"), data.get("lastOccurrence")):
            when, key = fhir_date(candidate)
            if when is not None:
                break
        kind = data.get("type") if data.get("type") in ("allergy", "intolerance") else "allergy"
        quote = f"{kind} to {display_name(texts, rules, codings)}" + ("" if active else f" ({status_code(data.get('clinicalStatus'))})")
        attributes: dict[str, Any] = {"quote": quote}
        reaction = self._reaction(data)
        if reaction is not None:
            attributes["reaction"] = reaction
        for concept_id in concepts:
            self.event(path, key, Event(concept_id, when, active, dict(attributes), entry.source))

    def _reaction(self, data: dict[str, Any]) -> str | None:
        """``anaphylaxis`` when a reaction's manifestation is anaphylaxis, ``other`` when the
        reactions recorded name only other manifestations, None when none is recorded (then
        whether it was anaphylaxis is not stated: derive.QUALIFIED_EVENTS)."""
        named = False
        for reaction in data.get("reaction") or []:
            if not isinstance(reaction, dict):
                continue
            for manifestation in reaction.get("manifestation") or []:
                if not isinstance(manifestation, dict):
                    continue
                codings, texts = concept_parts(manifestation)
                if self.codes.is_anaphylaxis(codings, texts):
                    return "anaphylaxis"
                named = named or bool(texts or [c for _, c in codings if isinstance(c, str) and c.strip()])
        return "other" if named else None

    # -- Observation --------------------------------------------------------------------------



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
    builder.solid_tumour_statuses()
    facts = builder.facts(birth_date, sex)
    return NormalisedRecord(
        facts=replace(facts, events=with_resolved_infections(facts.events, facts.measurements)),
        identifier=bundle.identifier,
        ignored=builder.ignored,
        warnings=builder.warnings,
    )


