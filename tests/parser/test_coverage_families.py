"""Families of top-level lines that were left wholly to review (issue 14's corpus target, session
15): each row is a registry's own line from ``../shared/corpus`` with the records that make it
met, not met and unknown (``()`` where no record can).

* lines that state no criterion (a sponsor's pointer to its pages, the NIH statement on women and
  minorities) and lines that only open a trial to both sexes ask nothing: no requirement, met by
  everyone as an inclusion and never met as an exclusion;
* a bare age after the persons it describes ("Males and females, 18 or older") and the compound
  adjective ("≥ 18-year-old") are ages;
* a menopausal status is read from what records code: a postmenopausal patient is a woman not
  of childbearing potential, a premenopausal one a woman; the status itself stays a review, so
  a woman is decided only when her record rules it out;
* recovery bounded by a grade beside the verb ("recovered (i.e., ≤ Grade 1) from", "not recovered
  to ≤ Grade 1 from") is the toxicity grade; "resulting from / secondary to" prior therapy and
  "therapy-related" toxicities are the prior therapy's;
* the pregnancy test named by its hormone (hCG) is a pregnancy test, a negative one asked only of
  women of childbearing potential; "Women of childbearing potential" alone among the exclusions
  excludes the status the record states; a negative test an exclusion asks for excludes those
  who fail it, never those who pass it;
* a measurable lesion named before its measure ("at least one lesion measurable according to
  RECIST") is measurable disease; a cancer "of prostate", "of pancreas" without "the" is the
  cancer; a therapy whose target follows it ("therapy that targets the EGFR pathway") is the
  class of drugs.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.parser.registry_fields import text_sexes
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import age, condition, medication, record, result, score, sex

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

MAN = record(age(50), sex("male"))
WOMAN = record(age(50), sex("female"))
TEEN = record(age(15), sex("female"))
FERTILE = record(age(35), sex("female"), result("childbearing_potential", "positive"))
INFERTILE = record(age(62), sex("female"), result("childbearing_potential", "negative"))
NEGATIVE_TEST = record(age(35), sex("female"), result("childbearing_potential", "positive"), result("pregnancy_test", "negative"))
POSITIVE_TEST = record(age(35), sex("female"), result("childbearing_potential", "positive"), result("pregnancy_test", "positive"))
PREGNANT = record(age(30), sex("female"), condition("pregnancy", 60))
NO_TOXICITY = record(age(50), sex("male"))
GRADE_1 = record(age(50), sex("male"), score("toxicity_grade", 1))
GRADE_2 = record(age(50), sex("male"), score("toxicity_grade", 2))
MEASURABLE = record(age(60), sex("male"), result("measurable_disease", "positive"))
NOT_MEASURABLE = record(age(60), sex("male"), result("measurable_disease", "negative"))
PROSTATE = record(age(70), sex("male"), condition("prostate_cancer"))
PANCREAS = record(age(70), sex("male"), condition("pancreatic_cancer"))
ON_EGFR_TKI = record(age(60), sex("male"), medication("egfr_inhibitor", 200))

# no criterion, or no restriction: no requirement
ASKS_NOTHING = [
    ("For more information regarding BMS clinical trial participation, please visit www.BMSStudyConnect.com", INC, (MAN, WOMAN), (), ()),
    ("Inclusion of Women and Minorities", EXC, (), (MAN, WOMAN), ()),
    ("Both men and women and members of all races and ethnic groups are eligible for this trial", INC, (MAN, WOMAN), (), ()),
    ("Both men and women, and members of all races and ethnic groups, are eligible for this trial.", EXC, (), (MAN, WOMAN), ()),
    ("Male or Female", INC, (MAN, WOMAN), (), ()),
    ("Male and female patients eligible", INC, (MAN, WOMAN), (), ()),
    ("Subject female or male", INC, (MAN, WOMAN), (), ()),
    # one sex named with the statement may restrict: left to review
    ("Women of all races and ethnic groups are eligible for this trial", INC, (), (), (MAN, WOMAN)),
    # an age written beside the sexes is not read away ("Age 18 years" is no bound the topics read)
    ("Age 18 years, male or female.", INC, (), (), (MAN, WOMAN)),
]

AGES = [
    ("Males and females, 18 or older", INC, (MAN, WOMAN), (TEEN,), ()),
    ("Men and women 18 and older", INC, (MAN, WOMAN), (TEEN,), ()),
    ("≥ 18-year-old males or females", INC, (MAN, WOMAN), (TEEN,), ()),
    ("Age > = 18 years.", INC, (MAN, WOMAN), (TEEN,), ()),
]

# a status no record codes, decided where what it implies is coded
MENOPAUSE = [
    ("Postmenopausal", INC, (), (MAN, FERTILE), (WOMAN, INFERTILE)),
    ("Patients must be postmenopausal (> 12 months of amenorrhea, bilateral oophorectomy).", INC, (), (MAN, FERTILE), (WOMAN, INFERTILE)),
    ("The subject is a postmenopausal female.", INC, (), (MAN, FERTILE), (INFERTILE,)),
    ("18 ~ 75 years old, postmenopausal women;", INC, (), (MAN, FERTILE), (INFERTILE,)),
    ("Patient is postmenopausal", EXC, (), (MAN, FERTILE), (WOMAN, INFERTILE)),
    ("Premenopausal status", EXC, (), (MAN,), (WOMAN, FERTILE)),
    ("Premenopausal women, 18-50 years, inclusive.", INC, (), (MAN,), (WOMAN, FERTILE)),
    # the status as part of something else: a definition, another way out, a lead-in, other subjects
    ("Female subject post-menopausal; surgically sterilized or willing to use an acceptable method of birth control for the duration of the study", INC,
     (), (), (MAN, WOMAN, FERTILE)),
    ("(Postmenopausal women must have been amenorrheic for at least 12 months to be considered of non-childbearing potential).", EXC,
     (), (), (MAN, WOMAN)),
    ("Concomitant use of postmenopausal hormone replacement therapy", EXC, (), (), (MAN, WOMAN)),
    ("Is post-menopausal:", INC, (), (), (MAN, WOMAN)),
    ("Female patient is postmenopausal or surgically sterilised", INC, (), (), (MAN, WOMAN, INFERTILE)),
]

RECOVERY = [
    ("Failure to have fully recovered (ie, ≤ Grade 1 toxicity) from the reversible effects of prior chemotherapy.", EXC,
     (GRADE_2,), (NO_TOXICITY, GRADE_1), ()),
    ("Recovered (that is, <=Grade 1 toxicity) from the reversible effects of prior anticancer therapy.", INC,
     (NO_TOXICITY, GRADE_1), (GRADE_2,), ()),
    ("Recovered from the reversible effects of prior antineoplastic therapy (ie, ≤ Grade 1 toxicity or baseline).", INC,
     (NO_TOXICITY, GRADE_1), (GRADE_2,), ()),
    ("Have not recovered to ≤ Grade 1 toxicity from previous anticancer treatments or previous investigational products", EXC,
     (GRADE_2,), (), (NO_TOXICITY, GRADE_1)),
    ("Failure to have fully recovered (i.e., < Grade 1 toxicity) from the reversible effects of prior chemotherapy.", EXC,
     (GRADE_1, GRADE_2), (NO_TOXICITY,), ()),
    ("Has had a prior anti-cancer monoclonal antibody (mAb) within 4 weeks prior to study day 1 or who has not recovered (i.e., =< grade 1 or at baseline) "
     # (rx8: the antibody is a catalogue class now: a record of none and no toxicity left does not meet it)
     "from adverse events due to agents administered more than 4 weeks earlier", EXC, (GRADE_2,), (NO_TOXICITY, GRADE_1), ()),
    ("Recovered from toxicities resulting from previous therapies", INC, (NO_TOXICITY,), (GRADE_2,), (GRADE_1,)),
    ("Fully recovered from acute toxicities secondary to prior treatment (tx)", INC, (), (GRADE_2,), (NO_TOXICITY, GRADE_1)),
    # "or eligibility per this protocol is met": another way to count as recovered, a person's
    ("Has recovered (ie, <= Grade 1 toxicity or eligibility per this protocol is met) from the reversible effects of prior anticancer therapy.", INC,
     (), (), (NO_TOXICITY, GRADE_2)),
    # one condition of two the exclusion asks together: never an alternative of its own
    ("Has had prior anti-myeloma therapy within 2 weeks prior to study start and has not recovered (i.e., ≤ Grade 1 or at Baseline) "
     "from adverse events due to a previously administered agent", EXC, (), (), (NO_TOXICITY, GRADE_2)),
]

PREGNANCY_TESTS = [
    ("Negative serum beta-human chorionic gonadotropin (beta-hCG) test (women of childbearing potential only)", INC,
     (MAN, NEGATIVE_TEST, INFERTILE), (POSITIVE_TEST,), (FERTILE,)),
    ("Negative Beta HCG in woman with child-bearing potential", INC, (NEGATIVE_TEST, INFERTILE), (POSITIVE_TEST,), (FERTILE,)),
    ("Positive serum HCG, pregnant or lactating", EXC, (PREGNANT, POSITIVE_TEST), (WOMAN, NEGATIVE_TEST), ()),
    ("Pregnant or nursing (lactating) women confirmed by a positive hCG laboratory test", EXC, (PREGNANT, POSITIVE_TEST), (WOMAN,), ()),
    # a negative hCG an exclusion names rules the pregnancy out: the pregnancy decides
    ("Pregnant or need to breast feed during the study period (Negative human chorionic gonadotropin (β-HCG) test required), or unable to maintain use of contraception", EXC,
     (PREGNANT,), (), (WOMAN,)),
    ("Women of childbearing potential", EXC, (FERTILE,), (MAN, INFERTILE), (WOMAN,)),
    ("Patients of child bearing potential.", EXC, (FERTILE,), (MAN, INFERTILE), (WOMAN,)),
    # the requirement written among the exclusions: its failure excludes, never its success
    ("Women of childbearing potential must have a negative pregnancy test", EXC, (POSITIVE_TEST,), (NEGATIVE_TEST, INFERTILE), (FERTILE,)),
    ("Pregnant or breast-feeding women. Female patients with childbearing potential must have a negative serum pregnancy test within 7 days.", EXC,
     (PREGNANT, POSITIVE_TEST), (NEGATIVE_TEST, INFERTILE), (FERTILE,)),
]

DISEASE = [
    ("At least one lesion measurable according to RECIST criteria", INC, (MEASURABLE,), (NOT_MEASURABLE,), (PROSTATE,)),
    ("At least 1 target lesion that is measurable by RECIST, Version 1.1", INC, (MEASURABLE,), (NOT_MEASURABLE,), (PROSTATE,)),
    ("Disease is measurable by CT scan", INC, (MEASURABLE,), (NOT_MEASURABLE,), ()),
    # "No" blanked among the exclusions would read the lesion as what excludes: not read there
    ("No lesion measurable by RECIST", EXC, (), (), (MEASURABLE, NOT_MEASURABLE)),
    ("Histologically confirmed adenocarcinoma of prostate", INC, (PROSTATE,), (PANCREAS, MAN), ()),
    # a therapy's target named after it
    ("Prior therapy that targets the EGFR pathway", EXC, (ON_EGFR_TKI,), (MAN,), ()),
    ("Previous exposure to EGFR targeting therapy", EXC, (ON_EGFR_TKI,), (MAN,), ()),
    ("Previous therapy targeting EGFR or HER-2.", EXC, (ON_EGFR_TKI,), (), (MAN,)),
    ("No prior agents directed against EGFR and/or HER2", INC, (), (ON_EGFR_TKI,), (MAN,)),
    ("Histologically or cytologically confirmed adenocarcinoma of pancreas", INC, (PANCREAS,), (PROSTATE, MAN), ()),
]


@pytest.mark.parametrize(
    ("text", "ctype", "facts", "expected"), outcome_cases(ASKS_NOTHING + AGES + MENOPAUSE + RECOVERY + PREGNANCY_TESTS + DISEASE)
)
def test_a_family_line_is_decided_by_the_record(text: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_lines([(ctype, text)])[-1], facts) is expected


def test_an_exclusion_naming_a_sex_leaves_the_registry_its_own():
    """"Women of childbearing potential" among the exclusions names whom it excludes, not whom the
    trial takes: a women-only registry still adds its sex (a man would otherwise meet every line)."""
    criteria = parse_lines([(EXC, "Women of childbearing potential"), (EXC, "Premenopausal")])
    assert text_sexes(criteria) == set()
    assert text_sexes([parse_line("Postmenopausal", INC)]) == {"female"}
