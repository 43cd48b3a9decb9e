"""Patient intake: a FHIR R4 Bundle (or Eligo's own simple JSON) in, ``PatientFacts`` out.

Plain functions, no Django: the API stores what they return and maps ``IntakeError`` to a 400
(``BundleTooLarge`` to a 413) naming ``error.path``.

    record = normalise(validate_bundle(request.body))
    record.identifier   # (system, value): the upsert key
    record.facts        # rules_engine.facts.PatientFacts
    record.ignored      # [(path, why)]: resources and codes Eligo does not read
    record.warnings     # [(path, why)]: values read only in part

The code tables are ``codes.toml``; docs/codes.md lists them.
"""

from .errors import MAX_BUNDLE_BYTES, BundleTooLarge, IntakeError
from .fhir import READ_TYPES, Entry, ValidatedBundle, validate_bundle
from .json_body import parse_json
from .native import NATIVE_SCHEMA, normalise_native
from .normalise import NormalisedRecord, normalise

__all__ = [
    "MAX_BUNDLE_BYTES",
    "NATIVE_SCHEMA",
    "READ_TYPES",
    "BundleTooLarge",
    "Entry",
    "IntakeError",
    "NormalisedRecord",
    "ValidatedBundle",
    "normalise",
    "normalise_native",
    "validate_bundle",
]
