"""split_criteria: registry text -> typed lines with their parent headings."""

from rules_engine.criteria import CriterionType
from rules_engine.parser import split_criteria

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

MARKDOWN = """Inclusion Criteria:

* Age ≥ 18 years
* Have adequate organ function, as determined by:

   * Total bilirubin ≤1.5x ULN
   * Platelet count ≥75x 109/L
1. Numbered item
2) Other numbered item

Exclusion Criteria:

* HIV positive
  continued on the next line
"""

OLD = """
        DISEASE CHARACTERISTICS:

          -  Histologically proven acute myeloid leukemia, defined as 1 of
             the following:

               -  relapsed

        PATIENT CHARACTERISTICS:

        Age:

          -  Under 80

        Exclusion criteria:

          -  Known HIV infection
"""

FLOWED = """
        PATIENT CHARACTERISTICS: Age: 18 and over Performance status: Karnofsky greater than 70%
        Hepatic: Bilirubin no greater than 2.0 mg/dL
"""


def test_markdown_headings_set_the_type_and_are_not_lines():
    lines = split_criteria(MARKDOWN)
    assert [l.type for l in lines] == [INC] * 6 + [EXC]
    assert lines[0].text == "Age ≥ 18 years"


def test_nested_bullets_name_their_heading_as_parent():
    lines = split_criteria(MARKDOWN)
    assert lines[1].heading and lines[2].parent == 1 and lines[3].parent == 1


def test_numbered_items_are_lines():
    texts = [l.text for l in split_criteria(MARKDOWN)]
    assert "Numbered item" in texts and "Other numbered item" in texts


def test_continuation_lines_join_their_item():
    assert split_criteria(MARKDOWN)[-1].text == "HIV positive continued on the next line"


def test_source_line_numbers_are_kept():
    assert split_criteria(MARKDOWN)[0].source_line == 3


def test_old_layout_sections_and_subheadings_are_parents():
    lines = split_criteria(OLD)
    texts = [l.text for l in lines]
    assert texts[0] == "DISEASE CHARACTERISTICS:"
    assert texts[1] == "Histologically proven acute myeloid leukemia, defined as 1 of the following:"
    assert lines[2].parent == 1
    age = texts.index("Age:")
    assert lines[texts.index("Under 80")].parent == age


def test_old_layout_nested_exclusion_heading_switches_the_type():
    lines = split_criteria(OLD)
    assert lines[-1].text == "Known HIV infection" and lines[-1].type is EXC


def test_flowed_layout_splits_at_inline_subheadings():
    texts = [l.text for l in split_criteria(FLOWED)]
    assert texts == ["PATIENT CHARACTERISTICS:", "Age:", "18 and over", "Performance status:", "Karnofsky greater than 70%", "Hepatic:", "Bilirubin no greater than 2.0 mg/dL"]


def test_text_without_headings_is_inclusion_and_says_so():
    lines = split_criteria("- ECOG 0-1\n- Age ≥ 18")
    assert all(l.type is INC and l.type_assumed for l in lines)
