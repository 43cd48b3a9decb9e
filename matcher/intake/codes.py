"""The code tables (``codes.toml``) loaded once into lookups the intake asks.

No code list lives here: this module only knows how to match (exact code, prefix, range) and
how to find a FHIR ``system`` URI's short name. Edit ``codes.toml`` to read a new code.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from rules_engine.concepts import CONCEPTS, Kind

CODES_FILE = Path(__file__).with_name("codes.toml")


@dataclass(frozen=True)
class Rule:
    """One row of a table: which codes of which system it matches and what they become."""

    table: str  # "condition" | "procedure" | "observation" | "medication" | "vaccine" | "allergy"
    label: str
    system: str  # short name, e.g. "icd10cm"
    concepts: tuple[str, ...]
    codes: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    ranges: tuple[tuple[str, str], ...] = ()
    status_character: bool = False
    attributes: dict[str, Any] = field(default_factory=dict)
    value: str | None = None  # observations: how the value is read
    range: tuple[float, float] | None = None  # observations: accepted values
    added: bool = False
    fallback: bool = False  # applies to a coding only when no other row of its table matched it
    names: tuple[str, ...] = ()  # whole words or phrases matched in text / display, any case
    systemic_only: bool = False  # medications: a topical / inhaled / ... route or form is not it
    prednisone_equivalent: float | None = None  # steroids: mg of prednisone per mg
    status: str | None = None  # conditions: the disease status the code itself states ("in remission")

    @property
    def concept(self) -> str:
        return self.concepts[0]

    @property
    def name_pattern(self) -> re.Pattern[str] | None:
        return _words(self.names) if self.names else None

    def could_start_with(self, first: str) -> bool:
        """Whether a code starting with ``first`` could match (never False where ``matches``
        would be True): ``CodeTables._find`` asks only these rows."""
        return (
            any(c[:1] == first for c in self.codes)
            or any(not p or p[0] == first for p in self.prefixes)
            or any(not lo or lo[0] <= first <= hi[:1] for lo, hi in self.ranges)
        )

    def matches(self, code: str) -> bool:
        if code in self.codes:
            return True
        if any(code.startswith(p) for p in self.prefixes):
            return True
        return any(len(code) >= len(lo) and lo <= code[: len(lo)] <= hi for lo, hi in self.ranges)


MAX_TEXT = 1000  # characters of a text or display searched for names: bounded work


@lru_cache(maxsize=None)
def _catalogue_rule(table: str, concept: str) -> Rule:
    return Rule(table, f"catalogue concept {concept}", "eligo", (concept,), frozenset({concept.replace("_", "-")}))


@lru_cache(maxsize=None)
def _words(names: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for whole words or phrases: an alternation of literals, nothing nested,
    so it cannot backtrack beyond the text's length."""
    alternatives = "|".join(re.escape(n.lower()) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")


def name_matches(pattern: re.Pattern[str] | None, texts: list[str]) -> bool:
    if pattern is None:
        return False
    return any(pattern.search(t[:MAX_TEXT].lower()) for t in texts)


@dataclass(frozen=True)
class CodeTables:
    raw: dict[str, Any]
    system_names: dict[str, str]  # URI -> short name
    system_uris: dict[str, tuple[str, ...]]  # short name -> URIs, canonical first
    conditions: tuple[Rule, ...]
    procedures: tuple[Rule, ...]
    observations: tuple[Rule, ...]
    medications: tuple[Rule, ...] = ()
    vaccines: tuple[Rule, ...] = ()
    allergies: tuple[Rule, ...] = ()
    # (table, systems, a code's first character) -> the rows that could match such a code
    _rows_for: dict[tuple[int, tuple[str, ...], str], tuple[tuple[Rule, ...], tuple[Rule, ...]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    # -- systems ------------------------------------------------------------------------------

    def system_name(self, uri: Any) -> str | None:
        return self.system_names.get(uri.strip()) if isinstance(uri, str) else None

    # -- lookups ------------------------------------------------------------------------------

    @staticmethod
    def normalise_code(system: str, code: str) -> str:
        code = code.strip()
        if system in ("icd10cm", "icd10"):
            code = code.upper().replace(" ", "")
            if "." not in code and len(code) > 3:
                code = code[:3] + "." + code[3:]
        return code

    def _find(self, rules: tuple[Rule, ...], system_uri: Any, code: Any) -> list[Rule]:
        name = self.system_name(system_uri)
        if name is None or not isinstance(code, str) or not code.strip():
            return []
        code = self.normalise_code(name, code)
        systems = (name, *([self.read_as[name]] if name in self.read_as else []))
        found = [r for r in self._rows(rules, systems, code[0]) if r.matches(code)]
        specific = [r for r in found if not r.fallback]
        return specific or found

    def _rows(self, rules: tuple[Rule, ...], systems: tuple[str, ...], first: str) -> tuple[Rule, ...]:
        """The rows of ``rules`` in ``systems`` that a code starting with ``first`` could match,
        in their order. Measured on the example patients: each coding was tried against every
        row of its table (~200 for ICD-10-CM), ~0.6 of a bundle's ~3 ms of intake CPU. Kept
        per first character for the characters codes start with (a hostile code's own
        character is looked for, not kept); ``tests/intake/test_code_lookup.py`` pins the
        answers to the scan of every row."""
        key = (id(rules), systems, first)
        kept = self._rows_for.get(key)
        if kept is not None and kept[0] is rules:  # the same table, not another at its address
            return kept[1]
        found = tuple(r for r in rules if r.system in systems and r.could_start_with(first))
        if first.isascii() and first.isalnum():
            self._rows_for[key] = (rules, found)
        return found

    def condition_rules(self, system_uri: Any, code: Any) -> list[Rule]:
        return self._find(self.conditions, system_uri, code) or self._catalogue(system_uri, code, "condition")

    def procedure_rules(self, system_uri: Any, code: Any) -> list[Rule]:
        return self._find(self.procedures, system_uri, code) or self._catalogue(system_uri, code, "procedure")

    def _catalogue(self, system_uri: Any, code: Any, table: str) -> list[Rule]:
        """What no standard code covers a hospital writes in ``urn:eligo:concept`` (contract
        section 5): beyond the rows listed, any history concept of the catalogue by its id, dashes
        for underscores (``active-infection``, ``major-surgery``), so that every event a line
        can ask of has a code a record can carry."""
        if self.system_name(system_uri) != "eligo" or not isinstance(code, str):
            return []
        concept = code.strip().lower().replace("-", "_")
        spec = CONCEPTS.get(concept)
        if spec is None or spec.kind is not Kind.EVENT:
            return []
        return [_catalogue_rule(table, concept)]

    def observation_rules(self, system_uri: Any, code: Any) -> list[Rule]:
        return self._find(self.observations, system_uri, code)

    def named(self, table: str, texts: list[str]) -> list[Rule]:
        """The rows of ``table`` a record's texts name (a whole word or phrase, any case)."""
        rules: tuple[Rule, ...] = getattr(self, table)
        return [r for r in rules if name_matches(r.name_pattern, texts)]

    def coded_or_named(self, table: str, codings: list[tuple[Any, Any]], texts: list[str]) -> list[Rule]:
        """The rows of ``table`` (medications, vaccines, allergies) a record matches: by a
        coding, and by a name in its text or a coding's display (a class code such as ATC H02AB
        says "a corticosteroid"; the name says which, and so its prednisone equivalent)."""
        rules: tuple[Rule, ...] = getattr(self, table)
        found: list[Rule] = []
        for system, code in codings:
            found += [r for r in self._find(rules, system, code) if r not in found]
        found += [r for r in self.named(table, texts) if r not in found]
        return found

    def status_from_character(self, system_uri: Any, code: Any) -> str | None:
        """``relapsed`` / ``remission`` from an ICD-10-CM leukemia code's fifth character."""
        name = self.system_name(system_uri)
        if name is None or not isinstance(code, str):
            return None
        compact = self.normalise_code(name, code).replace(".", "")
        position = int(self.raw["disease_status"]["status_character_position"])
        if len(compact) < position:
            return None
        return self.raw["disease_status"]["status_character"].get(compact[position - 1])

    # -- small tables -------------------------------------------------------------------------

    @property
    def read_as(self) -> dict[str, str]:
        """System short name -> the system whose rows its codes are also looked up in."""
        return dict(self.raw.get("read_as", {}))

    def unit_spelling(self, unit: str | None) -> str | None:
        """The UCUM unit a hospital's non-UCUM spelling stands for ("K/uL" -> "10*3/uL")."""
        if not isinstance(unit, str):
            return None
        return self.raw.get("unit_spellings", {}).get(unit.strip())

    def interpretation(self, system_uri: Any, code: Any) -> str | None:
        """positive / negative from an ObservationInterpretation code (POS, NEG, DET, ND)."""
        table = self.raw.get("interpretation", {})
        systems = (table.get("system"), *table.get("also_systems", ()))
        if not isinstance(system_uri, str) or system_uri.strip() not in systems or not isinstance(code, str):
            return None
        return table.get("codes", {}).get(code.strip().upper())

    @property
    def clinical_status_events(self) -> dict[str, str]:
        return self.raw["disease_status"]["clinical_status_events"]

    @property
    def inactive_clinical_status(self) -> frozenset[str]:
        return frozenset(self.raw["disease_status"]["inactive_clinical_status"])

    @property
    def skipped_verification_status(self) -> frozenset[str]:
        return frozenset(self.raw["disease_status"]["skipped_verification_status"])

    @property
    def skipped_observation_status(self) -> frozenset[str]:
        return frozenset(self.raw["observation_status"]["skipped"])

    @property
    def skipped_procedure_status(self) -> frozenset[str]:
        return frozenset(self.raw["procedure_status"]["skipped"])

    def qualitative_code(self, system_uri: Any, code: Any) -> str | None:
        if self.system_name(system_uri) != "snomed" or not isinstance(code, str):
            return None
        return self.raw["qualitative"]["snomed"].get(code.strip())

    def qualitative_string(self, text: Any) -> str | None:
        if not isinstance(text, str):
            return None
        key = " ".join(text[:MAX_TEXT].split()).lower()
        found = self.raw["qualitative"]["strings"].get(key)
        return found or self.raw.get("interpretation", {}).get("strings", {}).get(key)

    def nyha_string(self, text: Any) -> int | None:
        if not isinstance(text, str):
            return None
        words = [w for w in text.upper().replace(".", " ").split() if w not in ("NYHA", "CLASS")]
        return self.raw["nyha"]["strings"].get("".join(words)) if len(words) == 1 else None

    def dipstick(self, text: Any) -> float | None:
        """A urine dipstick reading ("2+", "++", "Trace", "Negative") as its number of plus signs."""
        if not isinstance(text, str):
            return None
        found = self.raw["dipstick"]["strings"].get(" ".join(text.split()).lower())
        return float(found) if found is not None else None

    def gvhd_grade(self, text: Any) -> int | None:
        if not isinstance(text, str):
            return None
        words = [w for w in text.upper().replace(".", " ").split() if w not in ("GRADE", "STAGE")]
        return self.raw["gvhd_grade"]["strings"].get("".join(words)) if len(words) == 1 else None

    def cml_phase(self, texts: list[Any]) -> str | None:
        """The one CML phase the words name ("... (accelerated phase)", "in myeloid blast crisis");
        None when they name none, or more than one (a course: "chronic phase, then blast crisis")."""
        found = {
            phase
            for text in texts
            if isinstance(text, str)
            for words, phase in self.raw["cml_phase"]["phrases"].items()
            if words in " ".join(text[:MAX_TEXT].lower().replace("-", " ").split())
        }
        return found.pop() if len(found) == 1 else None

    def ctcae_grade(self, text: Any) -> int | None:
        if not isinstance(text, str):
            return None
        words = [w for w in text.upper().replace(".", " ").replace(":", " ").split() if w not in ("GRADE", "CTCAE")]
        return self.raw["ctcae_grade"]["strings"].get("".join(words)) if len(words) == 1 else None

    def ctcae_grade_code(self, system_uri: Any, code: Any) -> int | None:
        if self.system_name(system_uri) != "ncit" or not isinstance(code, str):
            return None
        return self.raw["ctcae_grade"]["ncit"].get(code.strip())

    @property
    def non_systemic_routes(self) -> frozenset[str]:
        return frozenset(self.raw["non_systemic"]["snomed_routes"])

    @property
    def non_systemic_words(self) -> re.Pattern[str]:
        return _words(tuple(self.raw["non_systemic"]["words"]))

    @property
    def medication_status(self) -> dict[str, Any]:
        return self.raw["medication_status"]

    @property
    def dose_timing(self) -> dict[str, Any]:
        return self.raw["dose_timing"]

    @property
    def qualifier_reading(self) -> dict[str, Any]:
        return self.raw["qualifier_reading"]

    def severity(self, system_uri: Any, code: Any, texts: list[str]) -> str | None:
        """A Condition.severity's value (``severe`` / ``moderate`` / ``mild``), or None when it
        states none Eligo reads."""
        reading = self.qualifier_reading
        if self.system_name(system_uri) == "snomed" and isinstance(code, str) and code.strip() in reading["severity_snomed"]:
            return str(reading["severity_snomed"][code.strip()])
        for text in texts:
            word = " ".join(text.split()).lower()
            if word in reading["severity_words"]:
                return str(reading["severity_words"][word])
        return None

    def is_anaphylaxis(self, codings: list[tuple[Any, Any]], texts: list[str]) -> bool:
        """Whether a reaction's manifestation is anaphylaxis (by code, or by its words)."""
        reading = self.qualifier_reading
        for system, code in codings:
            name = self.system_name(system)
            if not isinstance(code, str):
                continue
            if name == "snomed" and code.strip() in reading["anaphylaxis_snomed"]:
                return True
            if name in ("icd10cm", "icd10") and self.normalise_code(name, code).startswith(tuple(reading["anaphylaxis_icd10_prefixes"])):
                return True
        return any(reading["anaphylaxis_word"] in t.lower() for t in texts)

    @property
    def vaccine_reading(self) -> dict[str, Any]:
        return self.raw["vaccine_reading"]

    @property
    def allergy_reading(self) -> dict[str, Any]:
        return self.raw["allergy_reading"]

    @property
    def other_resources_reading_procedure_codes(self) -> frozenset[str]:
        return frozenset(self.raw["other_resources"]["read_procedure_codes"])


def _rule(table: str, row: dict[str, Any]) -> Rule:
    concepts = tuple(row["concepts"]) if "concepts" in row else (row["concept"],)
    rng = row.get("range")
    return Rule(
        table=table,
        label=row["label"],
        system=row["system"],
        concepts=concepts,
        codes=frozenset(row.get("codes", ())),
        prefixes=tuple(row.get("prefixes", ())),
        ranges=tuple((lo, hi) for lo, hi in row.get("ranges", ())),
        status_character=bool(row.get("status_character", False)),
        attributes=dict(row.get("attributes", {})),
        value=row.get("value"),
        range=(float(rng[0]), float(rng[1])) if rng else None,
        added=bool(row.get("added", False)),
        fallback=bool(row.get("fallback", False)),
        names=tuple(row.get("names", ())),
        systemic_only=bool(row.get("systemic_only", False)),
        prednisone_equivalent=row.get("prednisone_equivalent"),
        status=row.get("status"),
    )


def load(path: Path = CODES_FILE) -> CodeTables:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    system_uris = {name: tuple(uris) for name, uris in raw["systems"].items()}
    system_names = {uri: name for name, uris in system_uris.items() for uri in uris}
    return CodeTables(
        raw=raw,
        system_names=system_names,
        system_uris=system_uris,
        conditions=tuple(_rule("condition", r) for r in raw.get("condition", ())),
        procedures=tuple(_rule("procedure", r) for r in raw.get("procedure", ())),
        observations=tuple(_rule("observation", r) for r in raw.get("observation", ())),
        medications=tuple(_rule("medication", r) for r in raw.get("medication", ())),
        vaccines=tuple(_rule("vaccine", r) for r in raw.get("vaccine", ())),
        allergies=tuple(_rule("allergy", r) for r in raw.get("allergy", ())),
    )


@lru_cache(maxsize=1)
def tables() -> CodeTables:
    """The tables from ``codes.toml``, read once per process."""
    return load()
