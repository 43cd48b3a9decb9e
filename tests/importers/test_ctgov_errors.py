"""A ClinicalTrials.gov v2 payload that cannot be read raises SourceFormatError whose message
starts with the exact JSON path of the offending field."""

from __future__ import annotations

import copy
from collections.abc import Callable

import pytest

from trials.importers import parse_ctgov_payload, parse_ctgov_study
from trials.records import SourceFormatError

PS = "$[3].protocolSection"


def study(n: int) -> dict:
    """A small valid v2 study with every field the importer reads."""
    return {
        "protocolSection": {
            "identificationModule": {
                "nctId": f"NCT{n:08d}",
                "briefTitle": f"Study {n}",
                "officialTitle": f"The official title of study {n}",
            },
            "statusModule": {
                "overallStatus": "RECRUITING",
                "lastUpdatePostDateStruct": {"date": "2025-11-06", "type": "ACTUAL"},
            },
            "descriptionModule": {"briefSummary": "A summary."},
            "conditionsModule": {"conditions": ["NSCLC"]},
            "designModule": {
                "studyType": "INTERVENTIONAL",
                "phases": ["PHASE2", "PHASE3"],
                "enrollmentInfo": {"count": 120, "type": "ESTIMATED"},
            },
            "armsInterventionsModule": {
                "armGroups": [
                    {
                        "label": "Arm A",
                        "type": "EXPERIMENTAL",
                        "description": "Drug X",
                        "interventionNames": ["Drug: X"],
                    }
                ],
                "interventions": [{"type": "DRUG", "name": "X"}],
            },
            "sponsorCollaboratorsModule": {"leadSponsor": {"name": "A Sponsor", "class": "OTHER"}},
            "contactsLocationsModule": {
                "locations": [
                    {
                        "facility": "A Hospital",
                        "city": "Lyon",
                        "country": "France",
                        "geoPoint": {"lat": 45.75, "lon": 4.85},
                    }
                ]
            },
            "eligibilityModule": {
                "eligibilityCriteria": "Inclusion Criteria:\n\n* Adults\n\nExclusion Criteria:\n\n* Pregnancy",
                "sex": "ALL",
                "minimumAge": "18 Years",
                "maximumAge": "75 Years",
            },
        }
    }


def payload() -> list[dict]:
    return [study(n) for n in range(1, 9)]


# Edits of study $[3]; paths are dotted, relative to its protocolSection ("" is the section).


def at(path: str) -> Callable[[dict], dict]:
    """Getter for the object at a dotted path under a study's protocolSection."""

    def get(s: dict) -> dict:
        node = s["protocolSection"]
        for key in filter(None, path.split(".")):
            node = node[int(key)] if key.isdigit() else node[key]
        return node

    return get


def set_field(path: str, value) -> Callable[[list], None]:
    parents, _, last = path.rpartition(".")

    def edit(data: list) -> None:
        at(parents)(data[3])[last] = value

    return edit


def delete_fields(*paths: str) -> Callable[[list], None]:
    def edit(data: list) -> None:
        for path in paths:
            parents, _, last = path.rpartition(".")
            del at(parents)(data[3])[last]

    return edit


def replace_study(value) -> Callable[[list], None]:
    def edit(data: list) -> None:
        data[3] = value

    return edit


CASES = [
    # (id, edit of $[3], path named by the error)
    ("study is a string", replace_study("NCT00000004"), ""),
    ("study without protocolSection", replace_study({"derivedSection": {}}), ""),
    ("protocolSection is a list", replace_study({"protocolSection": []}), ""),
    ("module is not an object", set_field("statusModule", "RECRUITING"), ".statusModule"),
    ("no identificationModule", delete_fields("identificationModule"), ".identificationModule.nctId"),
    ("no NCT id", delete_fields("identificationModule.nctId"), ".identificationModule.nctId"),
    ("empty NCT id", set_field("identificationModule.nctId", ""), ".identificationModule.nctId"),
    ("NCT id too short", set_field("identificationModule.nctId", "NCT1234567"), ".identificationModule.nctId"),
    ("NCT id in lower case", set_field("identificationModule.nctId", "nct00000004"), ".identificationModule.nctId"),
    ("NCT id a number", set_field("identificationModule.nctId", 4), ".identificationModule.nctId"),
    ("no title at all", delete_fields("identificationModule.briefTitle", "identificationModule.officialTitle"), ".identificationModule.briefTitle"),
    ("unknown status word", set_field("statusModule.overallStatus", "RECRUITNG"), ".statusModule.overallStatus"),
    ("no status", delete_fields("statusModule.overallStatus"), ".statusModule.overallStatus"),
    ("status in lower case", set_field("statusModule.overallStatus", "recruiting"), ".statusModule.overallStatus"),
    ("last update not a date", set_field("statusModule.lastUpdatePostDateStruct.date", "06/11/2025"), ".statusModule.lastUpdatePostDateStruct.date"),
    ("last update an impossible date", set_field("statusModule.lastUpdatePostDateStruct.date", "2025-02-30"), ".statusModule.lastUpdatePostDateStruct.date"),
    ("enrollment a string", set_field("designModule.enrollmentInfo.count", "120"), ".designModule.enrollmentInfo.count"),
    ("enrollment a float", set_field("designModule.enrollmentInfo.count", 120.5), ".designModule.enrollmentInfo.count"),
    ("enrollment a boolean", set_field("designModule.enrollmentInfo.count", True), ".designModule.enrollmentInfo.count"),
    ("enrollmentInfo a number", set_field("designModule.enrollmentInfo", 120), ".designModule.enrollmentInfo"),
    ("phases a string", set_field("designModule.phases", "PHASE2"), ".designModule.phases"),
    ("unknown phase word", set_field("designModule.phases", ["PHASE2", "PHASE5"]), ".designModule.phases[1]"),
    ("study type a list", set_field("designModule.studyType", ["INTERVENTIONAL"]), ".designModule.studyType"),
    ("conditions a string", set_field("conditionsModule.conditions", "NSCLC"), ".conditionsModule.conditions"),
    ("condition not a string", set_field("conditionsModule.conditions", ["NSCLC", 7]), ".conditionsModule.conditions[1]"),
    ("brief summary not a string", set_field("descriptionModule.briefSummary", ["A"]), ".descriptionModule.briefSummary"),
    ("lead sponsor a string", set_field("sponsorCollaboratorsModule.leadSponsor", "A Sponsor"), ".sponsorCollaboratorsModule.leadSponsor"),
    ("arm groups an object", set_field("armsInterventionsModule.armGroups", {}), ".armsInterventionsModule.armGroups"),
    ("arm without a label", delete_fields("armsInterventionsModule.armGroups.0.label"), ".armsInterventionsModule.armGroups[0].label"),
    ("arm intervention name not a string", set_field("armsInterventionsModule.armGroups.0.interventionNames", [None]), ".armsInterventionsModule.armGroups[0].interventionNames[0]"),
    ("intervention without a name", delete_fields("armsInterventionsModule.interventions.0.name"), ".armsInterventionsModule.interventions[0].name"),
    ("location a string", set_field("contactsLocationsModule.locations", ["A Hospital"]), ".contactsLocationsModule.locations[0]"),
    ("location city a number", set_field("contactsLocationsModule.locations.0.city", 69000), ".contactsLocationsModule.locations[0].city"),
    ("latitude a string", set_field("contactsLocationsModule.locations.0.geoPoint.lat", "45.75"), ".contactsLocationsModule.locations[0].geoPoint.lat"),
    ("eligibility text a list", set_field("eligibilityModule.eligibilityCriteria", ["* Adults"]), ".eligibilityModule.eligibilityCriteria"),
    ("minimum age a number", set_field("eligibilityModule.minimumAge", 18), ".eligibilityModule.minimumAge"),
    ("unknown sex word", set_field("eligibilityModule.sex", "BOTH"), ".eligibilityModule.sex"),
]


@pytest.mark.parametrize(("edit", "path"), [pytest.param(e, p, id=i) for i, e, p in CASES])
def test_bad_study_in_a_payload_raises_at_its_json_path(edit, path):
    data = payload()
    edit(data)
    with pytest.raises(SourceFormatError) as caught:
        parse_ctgov_payload(data)
    message = str(caught.value)
    assert message.split(": ", 1)[0] == PS + path, message


def test_the_unedited_payload_parses():
    assert [r.nct_id for r in parse_ctgov_payload(payload())] == [f"NCT{n:08d}" for n in range(1, 9)]


def test_duplicate_nct_id_names_the_later_study_and_the_first():
    data = payload()
    data[7]["protocolSection"]["identificationModule"]["nctId"] = "NCT00000003"  # that of $[2]
    with pytest.raises(SourceFormatError) as caught:
        parse_ctgov_payload(data)
    assert str(caught.value).startswith("$[7].protocolSection.identificationModule.nctId: duplicate of $[2]")


def test_single_study_errors_are_rooted_at_dollar():
    s = study(1)
    s["protocolSection"]["statusModule"]["overallStatus"] = "OPEN"
    with pytest.raises(SourceFormatError, match=r"^\$\.protocolSection\.statusModule\.overallStatus: "):
        parse_ctgov_payload(s)


def test_caller_path_prefixes_the_error_path():
    s = study(1)
    del s["protocolSection"]["identificationModule"]["nctId"]
    with pytest.raises(SourceFormatError, match=r"^\$\.studies\[0\]\.protocolSection\.identificationModule\.nctId: "):
        parse_ctgov_study(s, "$.studies[0]")


@pytest.mark.parametrize("data", ["NCT00000001", 7, None])
def test_payload_that_is_neither_a_study_nor_a_list_raises_at_the_root(data):
    with pytest.raises(SourceFormatError, match=r"^\$: "):
        parse_ctgov_payload(data)


def test_missing_optional_modules_give_empty_fields():
    s = study(1)
    for module in (
        "descriptionModule",
        "conditionsModule",
        "designModule",
        "armsInterventionsModule",
        "sponsorCollaboratorsModule",
        "contactsLocationsModule",
        "eligibilityModule",
    ):
        del s["protocolSection"][module]
    record = parse_ctgov_study(s)
    assert (record.phase, record.enrollment, record.arms, record.sites, record.criteria, record.sex) == (
        "",
        None,
        (),
        (),
        (),
        "",
    )


def test_official_title_stands_in_for_a_missing_brief_title():
    s = study(1)
    del s["protocolSection"]["identificationModule"]["briefTitle"]
    assert parse_ctgov_study(s).title == "The official title of study 1"


def test_month_precision_last_update_is_the_first_of_the_month():
    s = study(1)
    s["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"] = "2025-11"
    assert str(parse_ctgov_study(s).last_update) == "2025-11-01"


def test_interventions_are_written_type_colon_name():
    s = copy.deepcopy(study(1))
    s["protocolSection"]["armsInterventionsModule"]["interventions"] = [
        {"type": "DRUG", "name": "X"},
        {"type": "DIETARY_SUPPLEMENT", "name": "Vitamin D"},
        {"name": "Untyped"},
    ]
    assert parse_ctgov_study(s).interventions == ("Drug: X", "Dietary Supplement: Vitamin D", "Untyped")
