"""Service tests with the database: every transition as staff perform it, on real dates."""

import datetime as dt
import io
import json
import zipfile

import pytest
from docx import Document

from gongkai.applications.models import Application, Letter, Reminder
from gongkai.applications.services import common, intake, records, workflow
from gongkai.applications.services.letters import letter_docx
from gongkai.applications.services.reminders import reminders_send
from gongkai.applications.todos import application_todos
from gongkai.core.errors import AccessDenied
from gongkai.core.models import AuditEntry, User

from .conftest import ID_NUMBER, org, person, req, submit_online

D = dt.date
pytestmark = pytest.mark.django_db


def test_online_submission_waits_for_confirmation_then_clock_starts(bureau, office, at):
    at(D(2026, 3, 2))
    app, created = submit_online(bureau)
    assert created and app.status == "awaiting_confirmation"
    assert app.received_on is None and app.deadline is None
    assert app.number.startswith("2026-") and len(app.query_code) == 10
    at(D(2026, 3, 3))
    app = intake.application_confirm(actor=office, application=app, confirmed_on=D(2026, 3, 3))
    assert app.status == "in_progress"
    assert app.received_on == D(2026, 3, 3)  # 条例第三十一条: the day both sides confirm
    assert app.deadline == D(2026, 3, 31)
    assert AuditEntry.objects.filter(action="applications.confirm", object_id=str(app.pk)).exists()


def test_same_token_never_creates_two_applications(bureau):
    first, created1 = submit_online(bureau, key="same")
    second, created2 = submit_online(bureau, key="same")
    assert first.pk == second.pk and created1 and not created2
    assert Application.objects.count() == 1


def test_invalid_identity_rejected_with_messages_and_nothing_saved(bureau):
    bad_id = ID_NUMBER[:-1] + ("0" if ID_NUMBER[-1] != "0" else "1")
    with pytest.raises(intake.ApplicationValidationError) as exc:
        submit_online(bureau, applicant=person(id_number=bad_id))
    assert "校验位" in exc.value.fields["id_number"][0]
    with pytest.raises(intake.ApplicationValidationError) as exc:
        submit_online(bureau, key="t2", applicant=org(credit_code="11520100MB1234567A"))
    assert "第18位应为 P" in exc.value.fields["credit_code"][0]
    with pytest.raises(intake.ApplicationValidationError) as exc:
        submit_online(bureau, key="t3", request=req("x" * 2001))
    assert "不超过2000字" in exc.value.fields["description"][0]
    with pytest.raises(intake.ApplicationValidationError) as exc:
        submit_online(bureau, key="t4", request=req("   "))
    assert "请具体描述" in exc.value.fields["description"][0]
    assert Application.objects.count() == 0


def test_file_that_is_not_what_it_claims_is_refused(bureau):
    fake_pdf = ("证明.pdf", b"MZ\x90\x00 this is an executable", "application/pdf")
    with pytest.raises(intake.ApplicationValidationError, match="不是有效的 PDF"):
        submit_online(bureau, request=req(files=[fake_pdf]))
    assert Application.objects.count() == 0
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    app, _ = submit_online(bureau, key="t2", request=req(files=[("id.png", png, "text/plain")]))
    assert app.files.get().mime == "image/png"


@pytest.mark.parametrize(
    ("channel", "signed_for", "status", "received"),
    [
        ("window", None, "in_progress", D(2026, 3, 2)),
        ("registered_post", D(2026, 3, 4), "in_progress", D(2026, 3, 4)),
        ("ordinary_post", None, "awaiting_confirmation", None),
        ("fax", None, "awaiting_confirmation", None),
        ("email", None, "awaiting_confirmation", None),
    ],
)
def test_staff_entry_receipt_date_per_channel(office, at, channel, signed_for, status, received):
    at(D(2026, 3, 5))
    app = intake.application_register(
        actor=office,
        channel=channel,
        applicant=person(),
        request=req(),
        submitted_on=D(2026, 3, 2),
        signed_for=signed_for,
    )
    assert app.status == status and app.received_on == received


def test_correction_across_spring_festival_restarts_period(window_app, office, at):
    at(D(2026, 2, 2))
    app = window_app(D(2026, 2, 2))
    assert app.deadline == D(2026, 3, 6)  # 14 Feb and 28 Feb are worked
    at(D(2026, 2, 10))
    app = workflow.application_request_correction(
        actor=office, application=app, note="请写明项目名称或文号。", due_on=D(2026, 3, 6)
    )
    assert app.status == "awaiting_correction" and app.deadline is None
    assert app.letters.get().number == "示科依补〔2026〕1号"
    with pytest.raises(common.ApplicationError, match="只能要求一次"):
        workflow.application_request_correction(actor=office, application=app, note="再补")
    at(D(2026, 2, 12))
    app = workflow.application_receive_correction(
        actor=office, application=app, received_on=D(2026, 2, 12)
    )
    assert app.status == "in_progress"
    assert app.deadline == D(2026, 3, 18)
    with pytest.raises(common.ApplicationError, match="只能要求一次"):
        workflow.application_request_correction(actor=office, application=app, note="再补")


def test_correction_after_seven_working_days_refused(window_app, office, at):
    at(D(2026, 2, 12))
    app = window_app(D(2026, 2, 12))
    at(D(2026, 3, 2))  # 7 working days ended Sat 28 Feb (make-up day)
    with pytest.raises(common.ApplicationError, match="7个工作日内"):
        workflow.application_request_correction(actor=office, application=app, note="补")
    assert Application.objects.get(pk=app.pk).status == "in_progress"


def test_no_correction_by_due_date_is_abandoned(window_app, office, at):
    at(D(2026, 3, 2))
    app = window_app(D(2026, 3, 2))
    app = workflow.application_request_correction(
        actor=office, application=app, note="补正", due_on=D(2026, 3, 9)
    )
    with pytest.raises(common.ApplicationError, match="尚未届满"):
        workflow.application_correction_lapsed(actor=office, application=app)
    at(D(2026, 3, 10))
    app = workflow.application_correction_lapsed(actor=None, application=app)
    assert app.status == "abandoned" and app.outcome == "other_no_correction"


def test_consultation_across_national_day_pauses_clock(window_app, office, at):
    at(D(2026, 9, 14))
    app = window_app(D(2026, 9, 14))
    assert app.deadline == D(2026, 10, 16)
    at(D(2026, 9, 18))
    app = workflow.application_start_consultation(
        actor=office, application=app, party="示例新材料有限公司", kind="third_party"
    )
    assert app.status == "consulting"
    consult = app.consultations.get()
    # 15 working days from 18 Sep: 20 Sep (make-up), 21–24, 28–30 Sep, 8–10 Oct (10 make-up), 12–15
    assert consult.due_on == D(2026, 10, 15)
    assert app.letters.get().kind == "consultation"
    at(D(2026, 10, 12))
    app = workflow.application_end_consultation(actor=office, application=app, answer="objection")
    assert app.status == "in_progress"
    assert app.deadline == D(2026, 11, 3)


def test_third_party_silence_ends_pause_on_due_date(window_app, office, at):
    at(D(2026, 9, 14))
    app = window_app(D(2026, 9, 14))
    at(D(2026, 9, 18))
    app = workflow.application_start_consultation(
        actor=office, application=app, party="甲公司", kind="third_party"
    )
    with pytest.raises(common.ApplicationError, match="尚未届满"):
        workflow.application_end_consultation(actor=office, application=app, answer="silence")
    at(D(2026, 10, 20))
    app = workflow.application_end_consultation(actor=office, application=app, answer="silence")
    assert app.consultations.get().answered_on == D(2026, 10, 15)
    assert "由本机关依法决定" in app.events.last().text


def test_extension_needs_head_and_ends_on_makeup_saturday(window_app, office, head, at):
    at(D(2026, 8, 10))
    app = window_app(D(2026, 8, 10))
    at(D(2026, 9, 1))
    with pytest.raises(AccessDenied):
        workflow.application_extend(actor=office, application=app, days=20, reason="数量较大")
    app = workflow.application_extend(actor=head, application=app, days=20, reason="需调阅档案")
    assert app.deadline == D(2026, 10, 10)
    assert app.extension_approved_by == head
    assert app.letters.get().kind == "extension"
    with pytest.raises(common.ApplicationError, match="不能再次延长"):
        workflow.application_extend(actor=head, application=app, days=1, reason="再延")


def test_fee_notice_refused_when_nothing_owed(window_app, office, at):
    at(D(2026, 3, 2))
    app = window_app(D(2026, 3, 2))
    with pytest.raises(common.ApplicationError, match="无需收费"):
        workflow.application_issue_fee_notice(actor=office, application=app, mode="per_application")
    with pytest.raises(common.ApplicationError, match="无需收费"):
        workflow.application_issue_fee_notice(
            actor=office, application=app, mode="per_page", pages=30
        )
    app.refresh_from_db()
    assert app.status == "in_progress" and app.fee_amount == 0 and not app.letters.exists()


def test_eleventh_application_in_a_month_pays_and_unpaid_is_abandoned(window_app, office, at):
    at(D(2026, 3, 2))
    apps = [
        window_app(D(2026, 3, 2), text=f"第{i}项不同的信息：项目编号{i * 7919}") for i in range(11)
    ]
    app = workflow.application_issue_fee_notice(
        actor=office, application=apps[-1], mode="per_application"
    )
    assert app.fee_amount == 100 and app.status == "awaiting_fee"
    assert app.fee_due_on == D(2026, 3, 30)
    at(D(2026, 3, 31))
    app = workflow.application_fee_lapsed(actor=None, application=app)
    assert app.status == "abandoned" and app.outcome == "other_fee_unpaid"


def test_fee_paid_resumes_clock_without_counting_waiting_time(window_app, office, at):
    at(D(2026, 3, 2))
    app = window_app(D(2026, 3, 2))
    at(D(2026, 3, 4))
    app = workflow.application_issue_fee_notice(
        actor=office, application=app, mode="per_page", pages=120
    )
    assert app.fee_amount == 1100
    at(D(2026, 3, 11))
    app = workflow.application_fee_paid(actor=office, application=app, paid_on=D(2026, 3, 11))
    assert app.deadline == D(2026, 4, 7)  # 30 Mar + 5 working days paused (4 Apr–6 Apr off)


def test_reply_records_outcome_and_numbered_letter(window_app, office, at):
    at(D(2026, 3, 2))
    app = window_app(D(2026, 3, 2))
    with pytest.raises(common.ApplicationError, match="不对应"):
        workflow.application_reply(
            actor=office,
            application=app,
            reply_type="disclosed",
            outcome="withheld_state_secret",
            text="x",
        )
    app = workflow.application_reply(
        actor=office, application=app, reply_type="disclosed", outcome="disclosed", text="见附件。"
    )
    assert app.status == "replied" and app.outcome == "disclosed"
    letter = app.letters.get()
    assert letter.number == "示科依复〔2026〕1号"
    assert "第三十六条第二项" in letter.body and "王小红" in letter.body
    text = "\n".join(p.text for p in Document(io.BytesIO(letter_docx(letter))).paragraphs)
    assert "示例市科学技术局" in text and "示科依复〔2026〕1号" in text and "2026年3月2日" in text
    with pytest.raises(common.ApplicationError, match="不能执行“作出答复”"):
        workflow.application_reply(
            actor=office, application=app, reply_type="disclosed", outcome="disclosed", text="again"
        )
    assert Letter.objects.count() == 1


def test_withdraw_counts_as_other(window_app, office, at):
    at(D(2026, 3, 2))
    app = workflow.application_withdraw(actor=office, application=window_app(D(2026, 3, 2)))
    assert app.status == "withdrawn" and app.outcome == "other"


def test_auditor_and_other_department_cannot_act(window_app, bureau, at):
    at(D(2026, 3, 2))
    app = window_app(D(2026, 3, 2))
    auditor = User.objects.get(username="auditor")
    drafter = User.objects.get(username="drafter")
    for user in (auditor, drafter):
        with pytest.raises(AccessDenied):
            workflow.application_withdraw(actor=user, application=app)


def test_repeated_application_flagged(window_app, at):
    at(D(2026, 3, 2))
    first = window_app(D(2026, 3, 2))
    second = window_app(D(2026, 3, 2), text="请提供示例市2026年科技计划项目立项名单和资助金额")
    other = window_app(D(2026, 3, 2), text="申请公开局机关2024年度部门决算")
    second.refresh_from_db()
    other.refresh_from_db()
    assert second.repeat_of == first and other.repeat_of is None


def test_reminders_five_two_and_overdue_escalation_once(window_app, head, office, at):
    at(D(2026, 3, 2))
    app = window_app(D(2026, 3, 2))  # deadline 30 Mar
    at(D(2026, 3, 23))
    assert reminders_send(D(2026, 3, 23)) == 1
    assert reminders_send(D(2026, 3, 23)) == 0  # idempotent
    assert reminders_send(D(2026, 3, 26)) == 1
    assert reminders_send(D(2026, 3, 31)) == 1
    overdue = Reminder.objects.get(kind="overdue")
    assert overdue.recipient == head
    assert {r.kind for r in Reminder.objects.filter(application=app)} == {"5", "2", "overdue"}
    todos = list(application_todos(head, D(2026, 3, 31)))
    assert todos and todos[0].level == "urgent" and todos[0].due == D(2026, 3, 30)


def test_calendar_change_recomputes_provisional_deadlines(
    window_app, at, django_capture_on_commit_callbacks
):
    from gongkai.core.services.calendar import YearNotice, calendar_enter_year

    at(D(2026, 12, 14))
    app = window_app(D(2026, 12, 14))
    assert app.deadline == D(2027, 1, 11) and app.deadline_provisional
    with django_capture_on_commit_callbacks(execute=True):
        calendar_enter_year(actor=None, notice=YearNotice(2027, {D(2027, 1, 1): "元旦"}, {}))
    app.refresh_from_db()
    assert not app.deadline_provisional and app.deadline == D(2027, 1, 12)


def test_expiring_download_link(window_app, office, at):
    at(D(2026, 3, 2))
    app = window_app(D(2026, 3, 2))
    pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
    f = records.disclosed_file_add(actor=office, application=app, name="清单.pdf", content=pdf)
    token = records.download_token(f)
    assert records.file_for_token(token) == f
    at(D(2026, 4, 2))
    with pytest.raises(common.ApplicationError, match="有效期"):
        records.file_for_token(token)
    with pytest.raises(common.ApplicationError, match="无效"):
        records.file_for_token(token[:-2] + "xx")


def test_review_cases_and_export(window_app, office, head, at):
    at(D(2026, 3, 2))
    app = window_app(D(2026, 3, 2))
    with pytest.raises(common.ApplicationError, match="审结日期"):
        records.review_case_save(
            actor=office,
            application=app,
            kind="reconsideration",
            filed_on=D(2026, 3, 20),
            result="upheld",
        )
    case = records.review_case_save(
        actor=office,
        application=app,
        kind="reconsideration",
        filed_on=D(2026, 3, 20),
        result="pending",
    )
    assert case.get_kind_display() == "行政复议" and case.get_result_display() == "尚未审结"
    with pytest.raises(AccessDenied):
        records.applicant_export(actor=office, application=app)
    data = records.applicant_export(actor=head, application=app)
    rows = json.loads(zipfile.ZipFile(io.BytesIO(data)).read("data.json"))
    assert rows[0]["id_number"] == ID_NUMBER
    assert AuditEntry.objects.filter(action="applications.export_applicant").exists()
