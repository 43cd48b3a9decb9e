"""The files of ClinicalTrials.gov's bulk export (a zip of one JSON file per study), read as a
stream in bounded memory.

Why not ``zipfile``: it reads the whole central directory into ``ZipInfo`` objects before the
first file can be opened; measured at 55 MB per 100,000 entries, ~275 MB for the export's
~500,000 studies before any work is done. Here the central directory is walked one entry at a
time, and a file is read by its offset, so any process can read any entry on its own (a parse
worker opens the zip itself). Stored and deflated entries, ZIP64 (the export has more than
65,535 entries); no encryption, no multi-disk archives. Pure Python, no Django.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

__all__ = ["MAX_FILE_BYTES", "Entry", "ZipFormatError", "ZipReader"]

# One study's JSON, decompressed. The largest studies (with results) are a few MB; a file past
# this is reported, not inflated (a zip bomb must not take the machine's memory).
MAX_FILE_BYTES = 64 * 1024 * 1024

_EOCD = struct.Struct("<4s4H2LH")  # end of central directory
_ZIP64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_EOCD = struct.Struct("<4sQ2H2L4Q")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_LOCAL = struct.Struct("<4s5H3L2H")
_STORED, _DEFLATED = 0, 8


class ZipFormatError(ValueError):
    """The archive, or one file in it, cannot be read; the message names which."""


@dataclass(frozen=True)
class Entry:
    """One file of the archive, as its central directory lists it."""

    name: str
    offset: int  # of its local header
    method: int
    compressed_size: int
    size: int
    crc: int
    flags: int


class ZipReader:
    """``len()`` is the number of entries (from the end record, without reading them all);
    ``entries()`` walks the directory; ``read(entry)`` returns one file's bytes."""

    def __init__(self, fh: BinaryIO, name: str = "zip") -> None:
        self.fh, self.name = fh, name
        self.count, self._directory_offset, self._directory_size = self._end_record()

    def __len__(self) -> int:
        return self.count

    def _end_record(self) -> tuple[int, int, int]:
        fh = self.fh
        size = fh.seek(0, 2)
        tail_size = min(size, _EOCD.size + 65535)
        fh.seek(size - tail_size)
        tail = fh.read(tail_size)
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or len(tail) - at < _EOCD.size:
            raise ZipFormatError(f"{self.name}: not a zip archive (no end of central directory record)")
        _, disk, _, _, count, directory_size, directory_offset, _ = _EOCD.unpack_from(tail, at)
        if disk != 0:
            raise ZipFormatError(f"{self.name}: a multi-disk archive cannot be read")
        if 0xFFFF in (count,) or 0xFFFFFFFF in (directory_size, directory_offset):
            locator_at = at - _ZIP64_LOCATOR.size
            if locator_at < 0 or tail[locator_at : locator_at + 4] != b"PK\x06\x07":
                raise ZipFormatError(f"{self.name}: ZIP64 sizes announced but no ZIP64 locator")
            _, _, record_offset, _ = _ZIP64_LOCATOR.unpack_from(tail, locator_at)
            fh.seek(record_offset)
            record = fh.read(_ZIP64_EOCD.size)
            if len(record) < _ZIP64_EOCD.size or record[:4] != b"PK\x06\x06":
                raise ZipFormatError(f"{self.name}: ZIP64 end of central directory record not found")
            _, _, _, _, _, _, _, count, directory_size, directory_offset = _ZIP64_EOCD.unpack(record)
        return count, directory_offset, directory_size

    def entries(self) -> Iterator[Entry]:
        """Every entry in directory order; only one is held at a time (the file is read in
        blocks of a few hundred entries' worth)."""
        position, end = self._directory_offset, self._directory_offset + self._directory_size
        buffer, start = b"", 0
        for _ in range(self.count):
            if len(buffer) - start < _CENTRAL.size:
                buffer, start = buffer[start:] + self._read_at(position + len(buffer) - start, 1 << 16, end), 0
            header = buffer[start : start + _CENTRAL.size]
            if len(header) < _CENTRAL.size or header[:4] != b"PK\x01\x02":
                raise ZipFormatError(f"{self.name}: central directory entry at {position} is damaged")
            (_, _, _, flags, method, _, _, crc, compressed, size, name_len, extra_len, comment_len, _, _, _, offset) = (
                _CENTRAL.unpack(header)
            )
            total = _CENTRAL.size + name_len + extra_len + comment_len
            while len(buffer) - start < total:
                more = self._read_at(position + len(buffer) - start, 1 << 16, end)
                if not more:
                    raise ZipFormatError(f"{self.name}: central directory ends inside an entry at {position}")
                buffer, start = buffer[start:] + more, 0
            raw_name = buffer[start + _CENTRAL.size : start + _CENTRAL.size + name_len]
            extra = buffer[start + _CENTRAL.size + name_len : start + _CENTRAL.size + name_len + extra_len]
            name = raw_name.decode("utf-8" if flags & 0x800 else "cp437", errors="replace")
            size, compressed, offset = _zip64_values(extra, size, compressed, offset)
            yield Entry(name, offset, method, compressed, size, crc, flags)
            start += total
            position += total

    def _read_at(self, position: int, length: int, end: int) -> bytes:
        self.fh.seek(position)
        return self.fh.read(max(0, min(length, end - position)))

    def read(self, entry: Entry) -> bytes:
        """The file's bytes, checked against its size and CRC-32; ``ZipFormatError`` naming
        the file when it cannot be read."""
        where = f"{self.name}:{entry.name}"
        if entry.flags & 0x1:
            raise ZipFormatError(f"{where}: encrypted")
        if entry.size > MAX_FILE_BYTES:
            raise ZipFormatError(f"{where}: {entry.size} bytes, at most {MAX_FILE_BYTES} are read per file")
        self.fh.seek(entry.offset)
        header = self.fh.read(_LOCAL.size)
        if len(header) < _LOCAL.size or header[:4] != b"PK\x03\x04":
            raise ZipFormatError(f"{where}: local header not found at offset {entry.offset}")
        *_, name_len, extra_len = _LOCAL.unpack(header)
        self.fh.seek(entry.offset + _LOCAL.size + name_len + extra_len)
        packed = self.fh.read(entry.compressed_size)
        if len(packed) < entry.compressed_size:
            raise ZipFormatError(f"{where}: the archive ends inside the file")
        if entry.method == _STORED:
            data = packed
        elif entry.method == _DEFLATED:
            inflater = zlib.decompressobj(-15)
            try:
                data = inflater.decompress(packed, MAX_FILE_BYTES + 1)
            except zlib.error as exc:
                raise ZipFormatError(f"{where}: cannot be inflated ({exc})") from None
        else:
            raise ZipFormatError(f"{where}: compression method {entry.method} is not supported (stored or deflated only)")
        if len(data) != entry.size or zlib.crc32(data) != entry.crc:
            raise ZipFormatError(f"{where}: damaged (size or CRC-32 does not match the directory)")
        return data


def _zip64_values(extra: bytes, size: int, compressed: int, offset: int) -> tuple[int, int, int]:
    """The ZIP64 extra field (0x0001) holds, in this order, each of the three values whose
    32-bit field is all ones."""
    at = 0
    while at + 4 <= len(extra):
        kind, length = struct.unpack_from("<2H", extra, at)
        if kind == 0x0001:
            values = list(struct.unpack_from(f"<{min(length, len(extra) - at - 4) // 8}Q", extra, at + 4))
            wanted = [size == 0xFFFFFFFF, compressed == 0xFFFFFFFF, offset == 0xFFFFFFFF]
            if sum(wanted) > len(values):
                raise ZipFormatError("a ZIP64 extra field is shorter than the sizes it stands for")
            if wanted[0]:
                size = values.pop(0)
            if wanted[1]:
                compressed = values.pop(0)
            if wanted[2]:
                offset = values.pop(0)
            break
        at += 4 + length
    return size, compressed, offset
