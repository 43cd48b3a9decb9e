"""A seed page that cannot be read fails loudly: SourceFormatError naming the file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from trials.importers import load_seed_dir, parse_medpath
from trials.records import SourceFormatError

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed_file(seed: str) -> Path:
    (path,) = SEEDS.glob(f"{seed}_*.txt")
    return path


def edited(seed: str, first: int, last: int | None, *new: str) -> str:
    """The seed page with its lines first..last (1-based, inclusive) replaced by ``new``;
    ``last=None`` inserts ``new`` before line ``first`` instead."""
    lines = seed_file(seed).read_text(encoding="utf-8").split("\n")
    stop = first - 1 if last is None else last
    lines[first - 1 : stop] = list(new)
    return "\n".join(lines)


# (id, seed, first, last, new lines, line named in the error, words in the message)
CASES = [
    # stray lines in the criteria region
    ("stray line between numbered items", "000", 46, None, ["A note from the registry"], 46, "cannot place"),
    ("stray line between bulleted items", "001", 41, None, ["see protocol"], 41, "cannot place"),
    ("stray line after an exclusion item", "002", 41, None, ["see protocol"], 41, "cannot place"),
    ("continuation of an inclusion item not ending in ':'", "002", 21, None, ["and more"], 21, "cannot place"),
    ("lone '-' after the exclusion items began", "002", 46, None, ["-", "Late inclusion"], 46, "after exclusion"),
    ("'-' followed by an exclusion item", "002", 18, 18, ["- not the text of line 17"], 17, "no criterion text"),
    ("'-' at the end of the region with no text", "002", 57, None, ["-"], 57, "after exclusion"),
    ("criterion before any heading", "000", 38, 38, [""], 39, "before any Inclusion/Exclusion"),
    ("numbered item missing", "000", 45, 45, [], 45, "item 8 where item 7 was expected"),
    # the error names the line where the criteria should have started
    ("no criteria at all", "000", 38, 67, [], 39, "no eligibility criteria"),
    ("no Recruitment & Eligibility section", "000", 30, 30, [""], "1-112", "no 'Recruitment & Eligibility'"),
    # the NCT id
    ("no Registration Number", "000", 12, 13, [], "1-27", "no 'Registration Number'"),
    ("malformed NCT id", "000", 13, 13, ["NCT0655964"], 13, "is not an NCT id"),
    ("malformed NCT id in layout B", "002", 3, 3, ["- NCT-06585345"], 3, "is not an NCT id"),
    ("Registration Number without a value", "000", 13, 13, [""], 12, "has no value"),
    # status, phase, sex, enrollment, locations
    ("unknown status word", "000", 33, 33, ["RECRUITING_SOON"], 33, "unknown status"),
    ("unknown status word in layout B", "002", 12, 12, ["- OPEN"], 12, "unknown status"),
    ("unknown status line under the title", "000", 6, 6, ["Not yet recruting"], 6, "neither a phase nor a known status"),
    ("status field contradicting the header", "000", 33, 33, ["RECRUITING"], 33, "contradicts"),
    ("unknown phase line", "000", 5, 5, ["Phase X"], 5, "neither a phase nor a known status"),
    ("unknown sex", "000", 35, 35, ["Both"], 35, "unknown sex"),
    ("target recruitment not a number", "000", 37, 37, ["about 20"], 37, "target recruitment"),
    ("location count not matching the locations", "000", 104, 104, ["Locations (2)"], 104, "Locations (2)"),
]


@pytest.mark.parametrize(
    ("seed", "first", "last", "new", "line", "words"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_unreadable_seed_page_raises_naming_file_and_line(seed, first, last, new, line, words):
    name = f"seeds/{seed_file(seed).name}"
    with pytest.raises(SourceFormatError) as caught:
        parse_medpath(edited(seed, first, last, *new), name)
    message = str(caught.value)
    where = f"lines {line}" if isinstance(line, str) else f"line {line}"  # a range searched in vain
    assert message.startswith(f"{name} {where}: "), message
    assert words in message


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_edit_helper_with_no_edit_gives_a_readable_page(seed):
    assert parse_medpath(edited(seed, 1, 0), "x").criteria


def test_load_seed_dir_error_names_the_file_inside_the_directory(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    broken = seeds / seed_file("002").name
    broken.chmod(0o644)
    broken.write_text(edited("002", 57, None, "-"), encoding="utf-8")
    with pytest.raises(SourceFormatError, match=rf"seeds/{broken.name} line 57: "):
        load_seed_dir(seeds)


def test_page_with_windows_line_endings_reads_the_same():
    text = seed_file("002").read_text(encoding="utf-8")
    crlf = parse_medpath(text.replace("\n", "\r\n"), "x")
    assert crlf.criteria == parse_medpath(text, "x").criteria


def test_a_nul_character_in_a_seed_page_is_refused_naming_the_line():
    with pytest.raises(SourceFormatError, match=r"^x line 40: contains a NUL character"):
        parse_medpath(edited("000", 40, 40, "  2. Diagnosed\x00 with AML"), "x")
