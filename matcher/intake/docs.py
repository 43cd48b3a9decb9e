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
    "viral_load": "Positive / Negative, or a quantity (`<` or zero: negative; else positive, or compared with "
    "`referenceRange.high` when given); a quantity in IU/mL (or its log10) is also stored as the load "
    "`hbv_dna_load` in `[iU]/mL`, one in copies/mL as `hbv_dna_copies` (copies are never converted to IU)",
    "expression": "Positive / Negative, or a percentage (stored in %)",
    "genomic": "`valueCodeableConcept` Present / Absent (or Positive / Negative) of the gene in component "
    "48018-6, read by the gene table below",
    "marker": "Positive / Negative, stored as the concept the code names (`kras-g12c` -> `kras_g12c`); "
    "a variant found is its gene mutated, a wild-type gene has none of its variants",
    "dipstick": "`valueString` / `valueCodeableConcept` (text or code) \"Negative\" / \"Trace\" / \"1+\" to \"4+\" "
    "(also \"+\" to \"++++\"), stored as 0 / 0.5 / 1-4; or `valueInteger` 0-4",
    "grade": "`valueInteger` or `valueQuantity` {range}, or `valueString` / `valueCodeableConcept` "
    "\"Grade 2\" / \"II\" / an NCI Thesaurus grade code",
}


def _codes(rule: Rule) -> str:
    parts = [f"`{c}`" for c in sorted(rule.codes)]
    parts += [f"`{p}`\\*" for p in rule.prefixes]
    parts += [f"`{lo}`-`{hi}`" for lo, hi in rule.ranges]
    return ", ".join(parts)


def _mark(rule: Rule) -> str:
    return (" (added)" if rule.added else "") + (" (fallback)" if rule.fallback else "")


def _named(rule: Rule) -> str:
    codes = _codes(rule)
    names = ", ".join(f"\"{n}\"" for n in rule.names)
    return "; ".join(part for part in (f"{rule.system}: {codes}" if codes else "", f"names {names}" if names else "") if part)


def _rule_rows(rules: tuple[Rule, ...], extra=lambda rule: "") -> list[str]:
    rows = ["| meaning | codes or names | events |", "| --- | --- | --- |"]
    for rule in rules:
        concepts = ", ".join(f"`{c}`" for c in rule.concepts)
        rows.append(f"| {rule.label}{_mark(rule)} | {_named(rule)} | {concepts}{extra(rule)} |")
    return rows


def _quoted(items) -> str:
    return ", ".join('"' + str(x) + '"' for x in items)


def _uri(t: CodeTables, name: str) -> str:
    return t.system_uris[name][0]


def _genes(w, raw) -> None:
    """The gene table a genetic variant assessment (69548-6) is read by."""
    g = raw["genomic"]
    w("")
    w("### Genetic variant assessment (LOINC 69548-6)")
    w("")
    w(f"The gene is component {_quoted(g['gene_component'])} (an HGNC id or symbol), the protein change")
    w(f"component {_quoted(g['protein_component'])} (p.HGVS, one- or three-letter). A Present variant of")
    w(f"significance {', '.join(f'`{c}`' for c in g['not_an_alteration'])} (benign, likely benign,")
    w("uncertain) is no alteration and not read. A Present sequence variant makes its gene's concept")
    w("positive, and each variant concept it matches; an Absent gene with no variant named is wild")
    w("type (its concept and every variant negative); an Absent named variant is negative alone.")
    w("A fusion gene is positive only for a fusion (two genes studied, or a change type")
    w(f"{_quoted(g['fusion'])}); a change type {_quoted(g['copy_number'])} is no mutation.")
    w("")
    w("| gene | HGNC | concept | variants |")
    w("| --- | --- | --- | --- |")
    for row in raw["gene"]:
        kind = " (fusion" + (f" with {row['partner'][0]}" if row.get("partner") else "") + ")" if row.get("kind") == "fusion" else ""
        variants = "; ".join(
            f"`{v['concept']}`: " + (", ".join(v["protein"]) if "protein" in v else f"codons {v['codons'][0]}-{v['codons'][1]} {v['change']}")
            for v in row.get("variants", ())
        )
        w(f"| {row['symbol']} | `{row['hgnc']}` | `{row['concept']}`{kind} | {variants} |")


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
    w("Beyond the `urn:eligo:concept` rows below, any history concept of the catalogue (an *event* in")
    w("`docs/rule-language.md`) is read from `urn:eligo:concept` by its id, dashes for underscores")
    w("(`active-infection`, `major-surgery`, `investigational-agent`): a Condition, Procedure,")
    w("MedicationStatement or MedicationRequest carrying it makes that event, so every history a")
    w("criterion can ask of has a code a record can carry.")
    w("")
    w("## Conditions (`Condition.code`) -> events")
    w("")
    w("Dated `onsetDateTime`, else `onsetPeriod.start`, else `recordedDate`. ICD-10-CM codes are read")
    w("upper-case, a missing dot restored (`C9202` = `C92.02`). A row marked *(fallback)* applies to a")
    w("coding only when no other row matched it (C92.02 stays AML; an unnamed C code is a generic")
    w("malignancy).")
    w("")
    w("| meaning | system | codes | event |")
    w("| --- | --- | --- | --- |")
    for rule in t.conditions:
        extra = ""
        if rule.status_character:
            extra = "; 5th character sets the status"
        if rule.attributes:
            extra += "; attributes " + ", ".join(f"{k}={v}" for k, v in rule.attributes.items())
        if rule.status:
            extra += f"; the code states the status `{rule.status}`"
        w(f"| {rule.label}{_mark(rule)} | {rule.system} | {_codes(rule)} | `{rule.concept}`{extra} |")
    ds = raw["disease_status"]
    w("")
    w("### Disease status")
    w("")
    chars = ", ".join(f"`{k}` -> `{v}`" for k, v in ds["status_character"].items())
    w(f"- ICD-10-CM codes of leukemias, myeloma and their kin, C90-C95 (those marked above), character {ds['status_character_position']} "
      f"(counted without the dot): {chars}. `0` adds no status. Lymphoma codes (C81-C88) are not marked: their")
    w("  fifth character is the site (C83.32 is a DLBCL of intrathoracic lymph nodes).")
    cs = ", ".join(f"`{k}` -> `{v}`" for k, v in ds["clinical_status_events"].items())
    w(f"- `Condition.clinicalStatus` {cs}; when present it wins over the fifth character. Status")
    w("  events are made for blood cancers only (leukemias, lymphomas, myeloma, MDS, MPN and their kinds) and")
    w("  carry `attributes.diagnosis`. A solid tumour's status makes none: a status event is not tied to its")
    w("  diagnosis when a line is judged, so a breast cancer in remission would answer \"AML in remission\".")
    w(f"- `clinicalStatus` {', '.join(f'`{c}`' for c in ds['inactive_clinical_status'])}: the event is kept with")
    w("  `active: false` (it still counts as history, not as a current condition); a status event")
    w("  is inactive only after `inactive` / `resolved`.")
    w(f"- `verificationStatus` {', '.join(f'`{c}`' for c in ds['skipped_verification_status'])}: the Condition is not read.")
    w("- One Condition coded in several systems makes one event per concept, the most specific only")
    w("  (C91.02 + ICD-O-3 9811/3 -> `b_all`, not also `all`: the engine derives the parents).")
    for name, other in t.read_as.items():
        w(f"- Codes of `{name}` (`{_uri(t, name)}`) are also looked up in the `{other}` rows above: the")
        w("  WHO ICD-10 categories are the ICD-10-CM ones the rows are written against; a WHO code has no")
        w("  fifth character and so states no relapse / remission (a five-character code under the WHO")
        w("  system is read as the ICD-10-CM code it is).")
    grades = ", ".join(f"`{k}`" for k in raw["gvhd_grade"]["strings"])
    w(f"- GVHD grade: `Condition.stage[].summary` (code or text) or `severity` text, one of {grades}")
    w("  (an optional word \"grade\"), kept as `attributes.grade` (an integer).")
    phases = ", ".join(f"\"{k}\" -> `{v}`" for k, v in raw["cml_phase"]["phrases"].items())
    w("- CML phase: the words of a CML Condition's `code.text`, a coding's `display` or")
    w(f"  `stage[].summary` (text or display), {phases}, kept as `attributes.phase`; a Condition")
    w("  naming two phases states none. A line asking for a phase (`cml-chronic-phase`,")
    w("  `cml-accelerated-phase`, `cml-blast-phase`) reads the latest CML record: positive when it")
    w("  states that phase, unknown when it states none, negative when it states another or there is none.")
    qr = raw["qualifier_reading"]
    severities = ", ".join(f"`{k}` {v}" for k, v in qr["severity_snomed"].items())
    w(f"- Severity: `Condition.severity`, SNOMED CT {severities} (or that one word as its text or")
    w("  display), kept as `attributes.severity`; any other severity (\"moderate to severe\") is not")
    w("  stated. A line asking for a severe condition (`severe-autoimmune-disease`) is positive when a")
    w("  record (resolved ones too) states severe, unknown when one states no severity, negative when")
    w("  each states a milder one or there is none. A CTCAE grade asked of an adverse event")
    w("  (`peripheral-neuropathy-grade-2-plus` and the like) reads the severity as grades: mild 1,")
    w("  moderate 2, severe 3 or 4; positive when a record's grades are all at or above the floor,")
    w("  unknown when one states no severity or straddles it, negative when each is below or there is none.")
    w("")
    w("## Procedures (`Procedure.code`) -> events")
    w("")
    w("Dated `performedDateTime`, else `performedPeriod.start`. Status "
      + ", ".join(f"`{s}`" for s in raw["procedure_status"]["skipped"]) + ": not read.")
    w("")
    w("| meaning | system | codes | events |")
    w("| --- | --- | --- | --- |")
    for rule in t.procedures:
        codes = _codes(rule) if rule.codes or rule.prefixes or rule.ranges else "names " + ", ".join(f"\"{n}\"" for n in rule.names)
        system = rule.system if rule.codes or rule.prefixes or rule.ranges else "any (`code.text`, a coding's `display`)"
        w(f"| {rule.label}{_mark(rule)} | {system} | {codes} | {', '.join(f'`{c}`' for c in rule.concepts)} |")
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
        named = ", ".join(f"`{c}`" for c in rule.concepts)
        w(f"| {rule.label}{_mark(rule)} | {rule.system} | {_codes(rule)} | {named} | {value} |")
    _genes(w, raw)
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
    interp = raw.get("interpretation", {})
    if interp:
        codes = ", ".join(f"`{k}` {v}" for k, v in interp["codes"].items())
        words = ", ".join(f"\"{k}\" {v}" for k, v in interp["strings"].items())
        w(f"- `Observation.interpretation` (`{interp['system']}`, or the same codes as the value): {codes}, read")
        w("  only when the value itself says neither; H / L / A / N say where a number lies, not positivity,")
        w(f"  and are not read. More words, any case: {words} (added).")
    nyha = ", ".join(f"\"{k}\"" for k in raw["nyha"]["strings"])
    w(f"- NYHA `valueString`: {nyha} (the words \"NYHA\" and \"class\" are dropped).")
    dipstick = ", ".join(f"\"{k}\" {v}" for k, v in raw["dipstick"]["strings"].items())
    w(f"- Dipstick `valueString`, any case: {dipstick} (added).")
    w("- Two results read together (`matcher.intake.resolved_infections`): the latest HCV antibody positive")
    w("  and the latest HCV RNA negative, taken on or after it or at most 30 days before it, make the event")
    w("  `hcv_cleared` (a kind of `hcv_exposure` beside `hcv`, dated by the RNA): hepatitis C is then no")
    w("  longer open for a line about a current infection, while a line about any history of it still")
    w("  finds the exposure. An older RNA, an undated one or none leaves hepatitis C open.")
    w("")
    w("### Units and ULN")
    w("")
    w("- Values are converted to the concept's canonical unit (`rules_engine.units.to_canonical`).")
    w("  A unit that does not convert keeps the value and unit as given and adds a warning; a value")
    w("  without a unit is read in the canonical unit, with a warning.")
    spellings = ", ".join(f"`{k}` = `{v}`" for k, v in raw.get("unit_spellings", {}).items())
    w(f"- Unit spellings that are not UCUM, read as UCUM when the unit as written does not convert: {spellings}.")
    w("  UCUM annotations convert as written (`{cells}/uL` = `/uL`; `10*3/uL`).")
    w("- `valueString` numbers (\"185\", \"0.8\", \"<0.2\", \">= 1000\"): a decimal, optionally after a")
    w("  comparator, and nothing else; in the unit of `referenceRange`, else the canonical unit (with a warning).")
    w("- **Comparators** (`valueQuantity.comparator`, or a `valueString` such as \"<0.2\"): a censored")
    w("  value is kept in the facts as its text (`\"<0.2\"`), so every reason quotes it, and a numeric")
    w("  bound asked of it is `unknown` -- the conservative choice: \"<0.2\" would decide `<= 1.5` but")
    w("  not `>= 0.1`, and the engine does not judge intervals yet. Detection tests are the exception")
    w("  (below): `<` / `<=` a number is below the detection limit, so negative.")
    w("- `referenceRange.high` (the first range that has one, converted to the canonical unit) is the")
    w("  ULN; else the concept's default ULN with `uln_default: true`; concepts without a default")
    w("  have no ULN.")
    w("- Scores (ECOG, Karnofsky, Lansky, NYHA) outside their range are not read (listed in `ignored`).")
    w("")
    w("## Medications (`MedicationStatement`, `MedicationRequest`) -> therapy events")
    w("")
    w("The medication is read from `medicationCodeableConcept`, else from the `Medication` a")
    w("`medicationReference` points to (contained, or an entry of the bundle), else from the reference's")
    w("`display`. A row matches a coding, or a name: a whole word or phrase, any case, in the `text` or")
    w("a coding's `display` (hospitals send product codes such as \"prednisone 5 MG Oral Tablet\" that")
    w("no ingredient list holds; a class code says \"a corticosteroid\", the name says which). A MedicationStatement or")
    w("MedicationRequest carrying a `urn:eligo:concept` code of the procedure table (`car-t-therapy`)")
    w("makes that procedure's events too.")
    w("")
    for row in _rule_rows(t.medications, lambda r: ("; systemic only" if r.systemic_only else "")
                          + (f"; dose × {r.prednisone_equivalent:g} = prednisone mg" if r.prednisone_equivalent else "")):
        w(row)
    ms = raw["medication_status"]
    ns = raw["non_systemic"]
    timing = raw["dose_timing"]
    w("")
    w("- **When.** The end of the period taken (`MedicationStatement.effectivePeriod.end`,")
    w("  `MedicationRequest.dosageInstruction[].timing.repeat.boundsPeriod.end`) when given; else, with")
    w(f"  status {', '.join(f'`{x}`' for x in ms['ongoing'])}, the therapy is *ongoing*: the event keeps its start")
    w("  and `attributes.ongoing`, and the engine counts it as taken on the evaluation date; else the")
    w("  start (`effectiveDateTime` / `effectivePeriod.start` / `dateAsserted`; `boundsPeriod.start` /")
    w("  `authoredOn`). A period running past the intake's evaluation date is ongoing on it.")
    w(f"- **Not read.** Status {', '.join(f'`{x}`' for x in ms['skipped'])}; MedicationRequest intent "
      f"{', '.join(f'`{x}`' for x in ms['skipped_intent'])} (not given).")
    w("- **Systemic only.** A row marked *systemic only* is not read when `Dosage.route` is one of the")
    w(f"  SNOMED CT routes {', '.join(f'`{x}`' for x in ns['snomed_routes'])}, or the route's or the")
    w(f"  medication's words include {_quoted(ns['words'])}: topical, inhaled,")
    w("  nasal, eye, ear, rectal and joint preparations are not systemic therapy (listed in `ignored`).")
    w("- **Dose** (corticosteroids). `Dosage.doseAndRate[].doseQuantity` (or `doseRange.high`) in a mass")
    w("  unit, or a count of tablets times the one strength in mg the product's name states; times the")
    w("  doses per day from `timing.repeat` (`frequency` / (`period` × `periodUnit`)) or `timing.code` ("
      + ", ".join(f"`{k}`" for k in timing["codes_per_day"]) + ").")
    w("  The largest daily dose of the record's dosages, times the row's prednisone equivalent, is a")
    w("  `steroid_dose` measurement in `mg/d`, dated as the event. A record whose daily dose cannot be")
    w("  read (no dose, no timing, mg/kg or mg/m2) makes a `steroid_dose` with no number: a dose")
    w("  bound asked of it is unknown. The most recent record's dose counts.")
    w("- An aspirin record (`aspirin_therapy`) likewise makes an `aspirin_dose` measurement in `mg/d`")
    w("  (its largest daily dose, no prednisone factor), which a permitted dose (\"aspirin <= 150 mg per")
    w("  day\") bounds; none read leaves the bound unknown.")
    w("- A hydroxyurea record (`hydroxyurea`) likewise makes a `hydroxyurea_dose` measurement in `mg/d`,")
    w("  which a bounded dose (\"a daily dose of hydroxyurea greater than 3 g\") asks; none read leaves it unknown.")
    w("- Every event quotes the record in `attributes.quote` (product, daily dose, dates), which the")
    w("  engine's reasons repeat.")
    w("- Every medication read (whatever its class, systemic or not) is also a `named_medication` event")
    w("  quoting the record's own words (`text` and coding `display`): a line naming a product (\"prior")
    w("  treatment with selinexor\") compares them. A medication named only by a code is kept without")
    w("  words, so such a line is unknown for it, never not met.")
    w("")
    vr = raw["vaccine_reading"]
    w("## Immunizations (`Immunization.vaccineCode`) -> vaccination and live vaccine events")
    w("")
    w("Dated `occurrenceDateTime`; status other than `completed`: not read. Codings and names in")
    w("`text` / `display`, as for medications. The rows below are live vaccines (`live_vaccine`, a")
    w(f"kind of `{vr['any_vaccine']}`); any other vaccine given (inactivated, recombinant, mRNA,")
    w(f"non-replicating) is a `{vr['any_vaccine']}` event, which \"vaccination within 4 weeks\" asks for.")
    w(f"CVX {', '.join(f'`{c}`' for c in vr['not_given_cvx'])} (no vaccine administered): not read.")
    w("")
    for row in _rule_rows(t.vaccines):
        w(row)
    ar = raw["allergy_reading"]
    w("")
    w("## Allergies (`AllergyIntolerance.code`, `reaction[].substance`) -> hypersensitivity events")
    w("")
    w("Each row is a product class trials exclude; its event is a kind of `drug_hypersensitivity`.")
    w("Any other allergy of category " + ", ".join(f"`{c}`" for c in ar["categories"])
      + " (or no category) is `drug_hypersensitivity` itself, quoting its substance; other categories")
    w("(food, environment) are not read.")
    w("")
    for row in _rule_rows(t.allergies):
        w(row)
    w("")
    w(f"- `clinicalStatus` {', '.join(f'`{c}`' for c in ar['inactive_clinical_status'])}: kept, not active. "
      f"`verificationStatus` {', '.join(f'`{c}`' for c in ar['skipped_verification_status'])}: not read.")
    w(f"- \"No known allergy\" records (SNOMED CT {', '.join(f'`{c}`' for c in ar['no_known_snomed'])}, or text")
    w(f"  starting {_quoted(ar['no_known_text'])}) state an absence: not read.")
    w("- Dated `onsetDateTime`, else `recordedDate`, else `lastOccurrence`.")
    w(f"- Reaction: a `reaction[].manifestation` coded SNOMED CT {', '.join(f'`{c}`' for c in qr['anaphylaxis_snomed'])} or ICD-10-CM")
    w(f"  {', '.join(f'`{c}`' for c in qr['anaphylaxis_icd10_prefixes'])} (any extension), or named with a word starting \"{qr['anaphylaxis_word']}\", is")
    w("  anaphylaxis (`attributes.reaction` `anaphylaxis`); other manifestations are `other`; no reaction")
    w("  leaves it not stated. `drug-anaphylaxis` is positive when a drug allergy records anaphylaxis,")
    w("  unknown when one records no reaction, negative otherwise.")
    grades = ", ".join(f"`{k}` = {v}" for k, v in raw["ctcae_grade"]["ncit"].items())
    w("")
    w("## Toxicity grade")
    w("")
    w(f"- `toxicity-grade` (above) reads NCI Thesaurus grade codes {grades}, and the strings")
    w("  " + ", ".join(f"\"{k}\"" for k in raw["ctcae_grade"]["strings"]) + " (an optional word \"grade\").")
    w("  The most recent observation counts: it should state the worst grade not yet resolved.")
    w("  A record without one has no unresolved toxicity (grade 0): a toxicity is an adverse event,")
    w("  absent when absent like a diagnosis, not a measurement left unknown.")
    w("")
    w("## Other resources")
    w("")
    w("- Resource types other than Patient, Condition, Observation, Procedure, MedicationStatement,")
    w("  MedicationRequest, Immunization and AllergyIntolerance are not validated and are ignored")
    w("  (a `Medication` is read only through a reference to it). No generic `medication:<code>` facts")
    w("  are made.")
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
