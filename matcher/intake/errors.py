"""The one error the intake raises, and the size limit the API enforces."""

from __future__ import annotations

# The largest patient record Eligo reads: 5 MiB of JSON. A Bundle of one patient's leukemia
# history (a few hundred Observations) is well under 1 MiB; a bigger body is almost certainly
# a whole export or an attachment, which the API answers with 413 before parsing.
MAX_BUNDLE_BYTES = 5 * 1024 * 1024


class IntakeError(ValueError):
    """A patient record Eligo cannot read.

    ``path`` names the element: ``$`` for the document itself, else a path in the JSON, with
    list indexes in brackets (``entry[3].resource.valueQuantity.value``,
    ``measurements[2].unit``). ``message`` says what is wrong with it in type words only: it
    never quotes a patient's identifier, name or values, so it is safe to log and to return.
    """

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}")

    def to_json(self) -> dict[str, str]:
        return {"field": self.path, "error": self.message}


class BundleTooLarge(IntakeError):
    """The document is larger than ``MAX_BUNDLE_BYTES`` (the API's 413)."""

    def __init__(self, size: int | None = None) -> None:
        super().__init__("$", f"is larger than {MAX_BUNDLE_BYTES} bytes, the most Eligo reads")
        self.size = size
