"""The bulk export's zip is read entry by entry, whatever writer made it (plain Python, no
database): stored or deflated, ZIP64, and a damaged file named rather than read."""

from __future__ import annotations

import io
import zipfile

import pytest

from trials.importers.ctgov_zip import ZipFormatError, ZipReader


def _zip(files: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED, force_zip64: bool = False) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in files.items():
            with archive.open(zipfile.ZipInfo(name), "w", force_zip64=force_zip64) as fh:
                fh.write(data)
    buffer.seek(0)
    return buffer


FILES = {f"ctg-studies/NCT{i:08d}.json": (b'{"n": %d}' % i) * (i + 1) for i in range(40)} | {"README.txt": b"x"}


@pytest.mark.parametrize(
    ("method", "force_zip64"),
    [(zipfile.ZIP_DEFLATED, False), (zipfile.ZIP_STORED, False), (zipfile.ZIP_DEFLATED, True)],
)
def test_every_file_is_read_back_as_written_in_directory_order(method, force_zip64):
    reader = ZipReader(_zip(FILES, method, force_zip64))
    assert len(reader) == len(FILES)
    assert {e.name: reader.read(e) for e in reader.entries()} == FILES
    assert [e.name for e in reader.entries()] == list(FILES)


def test_more_entries_than_a_plain_zip_can_count_are_all_listed():
    files = {f"NCT{i:08d}.json": b"{}" for i in range(70_000)}  # past 65,535: a ZIP64 end record
    reader = ZipReader(_zip(files, zipfile.ZIP_STORED))
    assert len(reader) == sum(1 for _ in reader.entries()) == 70_000


def test_a_damaged_file_is_named_and_the_others_still_read():
    raw = bytearray(_zip({"NCT00000001.json": b'{"a": 1}' * 50, "NCT00000002.json": b'{"b": 2}' * 50}).getvalue())
    reader = ZipReader(io.BytesIO(bytes(raw)))
    first = next(iter(reader.entries()))
    at = first.offset + 30 + len(first.name) + 2  # inside the first file's compressed bytes
    raw[at] ^= 0xFF
    reader = ZipReader(io.BytesIO(bytes(raw)))
    first, second = reader.entries()
    with pytest.raises(ZipFormatError, match="NCT00000001.json"):
        reader.read(first)
    assert reader.read(second) == b'{"b": 2}' * 50


@pytest.mark.parametrize("data", [b"", b"not a zip at all", b"PK\x03\x04" + b"\x00" * 40])
def test_a_file_that_is_not_a_zip_is_refused_naming_it(data):
    with pytest.raises(ZipFormatError, match="export.zip: not a zip archive"):
        ZipReader(io.BytesIO(data), "export.zip")
