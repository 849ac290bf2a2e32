"""The credential label: what the credential says, and "Not stated" where it says nothing."""

from __future__ import annotations

from wallet_app.components.display import check_title, human_date, human_instant
from wallet_app.credentials.model import Achievement, Alignment, Credential, Issuer, RelatedAchievement, Result
from wallet_app.services.label import NOT_STATED, build_label


def _rows(credential: Credential) -> dict[str, str]:
    return {row.label: row.value for row in build_label(credential.to_dict(), human_date).top}


def test_a_full_credential_fills_every_top_row() -> None:
    credential = Credential(
        spec="ob3",
        format="ob3-json",
        issuer=Issuer(name="KPU", url="https://kpu.example"),
        achievement=Achievement(
            name="Data Analysis",
            achievement_type="MicroCredential",
            credits_available=3,
            level="Intermediate",
            field_of_study="Data Analytics",
            related=[RelatedAchievement(id="urn:cert", name="Data Analytics Certificate", relation="Part of")],
        ),
        issued_on=None,
        valid_from=None,
    )
    credential_dict = credential.to_dict()
    credential_dict["issued_on"] = "2026-03-14T10:00:00+00:00"
    credential_dict["expires"] = "2028-03-14"
    rows = {row.label: row.value for row in build_label(credential_dict, human_date).top}
    assert rows == {
        "What was achieved": "Data Analysis (MicroCredential)",
        "Issued by": "KPU (https://kpu.example)",
        "Issued on": "14 Mar 2026",
        "Credit": "Credit-bearing: 3 credits",
        "Expires": "14 Mar 2028",
        "Level": "Intermediate",
        "Field of study": "Data Analytics",
        "Part of a stack or sequence": "Part of: Data Analytics Certificate",
    }


def test_missing_fields_are_not_stated_rather_than_hidden() -> None:
    label = build_label(
        Credential(spec="ob2", format="ob2-json", achievement=Achievement(name="X")).to_dict(), human_date
    )
    assert [row.label for row in label.top][1:] == [
        "Issued by", "Issued on", "Credit", "Expires", "Level", "Field of study", "Part of a stack or sequence",
    ]  # fmt: skip
    assert all(row.value == NOT_STATED and not row.stated for row in label.top[1:])
    assert (label.description, label.criteria, label.assessment, label.evidence) == ("", "", [], [])


def test_zero_credits_reads_as_non_credit_and_one_credit_is_singular() -> None:
    assert _rows(Credential(spec="ob3", format="ob3-json", achievement=Achievement(credits_available=0)))["Credit"] == (
        "Non-credit"
    )
    assert _rows(Credential(spec="ob3", format="ob3-json", credits_earned=1))["Credit"] == "Credit-bearing: 1 credit"


def test_detail_layer_carries_results_alignments_and_skills() -> None:
    credential = Credential(
        spec="ob3",
        format="ob3-json",
        achievement=Achievement(
            description="Learns *things*.",
            criteria_narrative="Pass the exam.",
            tags=["sql", " "],
            alignments=[Alignment(target_name="Analyse data", target_framework="Digital Skills", target_code="DS-4")],
        ),
        results=[Result(name="Final grade", value="A", status="Completed")],
    )
    label = build_label(credential.to_dict(), human_date)
    assert (label.description, label.criteria, label.skills) == ("Learns *things*.", "Pass the exam.", ["sql"])
    assert [(row.label, row.value) for row in label.assessment] == [("Final grade", "A · Completed")]
    assert label.alignments == [{"name": "Analyse data", "framework": "Digital Skills", "code": "DS-4", "url": ""}]


def test_dates_and_check_titles_read_as_plain_language() -> None:
    assert human_date("2026-03-14") == "14 Mar 2026"
    assert human_instant("2026-03-14T23:30:00-02:00") == "15 Mar 2026, 01:30 UTC"
    assert human_date("not a date") == "not a date"
    assert human_date(None) == ""
    assert check_title("issuer-key") == "Signing key belongs to the issuer"
    assert check_title("status.proof") == "Status proof"
