"""The coverage report's share of whole lines (issue 14's target) is of the lines not inherently
human. A top-level line whose structured part is read and whose every remaining Review is consent
or the investigator's judgement ("Pregnancy test must be negative, and agree to use
contraception") can never be whole however well Eligo reads: it is counted with the human lines,
and the figure that counts it in is printed beside, so the two readings of the target stay
comparable. A part line with anything else left to review (words no topic read) stays in."""

from __future__ import annotations

import pytest

from rules_engine.parser.coverage import format_report, measure

LINES = [
    # (line, counted as whole, counted as a part line left only to a person)
    ("ECOG 0-1", True, False),
    ("Negative pregnancy test and agree to use effective contraception during the study", False, True),
    ("Age 18 or older and willing to sign informed consent", False, True),
    ("History of symptomatic deep vein thrombosis within 6 months", False, False),
]


def _csv(tmp_path, lines: list[str]) -> str:
    body = "\n".join(f"* {line}" for line in lines)
    path = tmp_path / "one.csv"
    path.write_text(f'nctid,criteria\nNCT00000001,"Inclusion Criteria:\n{body}"\n', encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("line", "whole", "human_part"), LINES)
def test_each_line_is_counted_as_it_is_left(tmp_path, line: str, whole: bool, human_part: bool) -> None:
    report = measure([_csv(tmp_path, [line])], workers=1)
    assert (report.top, report.top_whole, report.top_part_human) == (1, int(whole), int(human_part))


def test_the_share_leaves_out_part_lines_left_only_to_a_person(tmp_path) -> None:
    report = measure([_csv(tmp_path, [line for line, _, _ in LINES])], workers=1)
    text = format_report(report)
    # 1 whole of 4 top lines, 2 of them part lines left only to a person: 1/2, and 1/4 counting them in
    assert "part 3 of which human 2" in text
    assert "whole among lines not inherently human: 50.0% (25.0% counting part lines left only to a person)" in text
