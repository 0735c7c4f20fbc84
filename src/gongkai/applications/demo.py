"""Demo data: ~120 realistic applications over 2025–2026 across channels, applicant types,
outcomes and states — some carried over the year boundary, some close to their deadline, one
reconsideration and one litigation. Idempotent: each demo application carries a fixed token."""

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from gongkai.applications.models import Application, ReviewCase
from gongkai.applications.services import intake, records, workflow
from gongkai.applications.services.intake import Applicant, Request
from gongkai.applications.services.letters import ensure_templates
from gongkai.core.identifiers import credit_code_check_char, resident_id_check_char
from gongkai.core.models import Department, Role, User
from gongkai.core.services.calendar import get_calendar
from gongkai.core.workdays import add_working_days

COUNT = 120
DEMO_PREFIX = "demo-"

TOPICS = [
    "{y}年度示例市科技计划项目立项清单及各项目资助金额",
    "{y}年度示例市高新技术企业认定名单及评审标准",
    "{y}年专利资助资金发放明细",
    "{y}年科技型中小企业评价入库名单",
    "示例市科学技术局{y}年部门预算及“三公”经费说明",
    "“新型储能材料关键技术研究”项目（编号SL{y}0{n}）结题验收报告",
    "{y}年科技特派员选派名单及考核结果",
    "本人于{y}年向贵局提交的知识产权侵权投诉的处理结果",
    "示例市重点实验室认定办法及{y}年认定结果",
    "{y}年科技成果转化奖励资金分配方案",
    "示例市创新券管理办法及{y}年兑付企业名单",
    "示例新材料有限公司申报{y}年科技计划项目的全部申报材料",
    "{y}年局长办公会议关于科技园区规划的会议纪要",
    "{y}年知识产权行政处罚决定书（示科罚〔{y}〕{n}号）",
    "局属单位{y}年公开招聘工作人员的考试成绩及录用名单",
    "{y}年度科技奖励评审专家名单及评审意见",
    "示例市“十四五”科技创新规划中期评估报告",
    "{y}年科普经费使用情况",
]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "磊",
    "洋",
    "艳",
    "勇",
    "军",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀英",
    "建华",
    "晓燕",
    "海峰",
    "思远",
]
ORGS = {
    "commercial": ["示例新材料有限公司", "示例云数据科技有限公司", "示例生物医药股份有限公司"],
    "research": ["示例大学科学技术研究院", "示例市农业科学研究所"],
    "public_interest": ["示例市科普志愿者协会"],
    "legal_service": ["示例正信律师事务所", "示例知识产权代理有限公司"],
    "other_org": ["示例市青年企业家商会"],
}

# (reply type, outcome, weight)
REPLIES = [
    ("disclosed", "disclosed", 30),
    ("already_public", "disclosed", 14),
    ("disclosed", "partly_disclosed", 10),
    ("not_disclosed", "withheld_third_party", 5),
    ("not_disclosed", "withheld_process_info", 5),
    ("not_disclosed", "withheld_internal_affairs", 2),
    ("not_disclosed", "withheld_enforcement_file", 1),
    ("not_exist", "unavailable_not_held", 9),
    ("not_exist", "unavailable_needs_creation", 3),
    ("not_this_agency", "unavailable_not_held", 5),
    ("repeated", "not_processed_repeated", 3),
    ("special_law", "not_processed_petition", 2),
    ("special_law", "not_processed_publication", 1),
    ("special_law", "other", 1),
]


def _wd(start: dt.date, n: int) -> dt.date:
    return add_working_days(get_calendar(), start, n).deadline


def _person(rng: random.Random, i: int) -> Applicant:
    first17 = f"520102{rng.randint(1955, 2002)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{i % 1000:03d}"
    name = rng.choice(SURNAMES) + rng.choice(GIVEN)
    return Applicant(
        applicant_type="natural_person",
        name=name,
        phone=f"13{rng.randint(0, 9)}{rng.randint(10**7, 10**8 - 1)}",
        id_type="resident_id",
        id_number=first17 + resident_id_check_char(first17),
        address=f"示例市{rng.choice(['云岩区', '南明区', '观山湖区', '花溪区'])}{rng.randint(1, 300)}号",
    )


def _org(rng: random.Random, kind: str, i: int) -> Applicant:
    first17 = f"91520100MA{i:07d}"
    return Applicant(
        applicant_type=kind,
        name=rng.choice(ORGS[kind]),
        phone=f"0851-8{rng.randint(1000000, 9999999)}",
        credit_code=first17 + credit_code_check_char(first17),
        legal_representative=rng.choice(SURNAMES) + rng.choice(GIVEN),
        contact_person=rng.choice(SURNAMES) + rng.choice(GIVEN),
        address="示例市观山湖区长岭南路1号",
    )


def load(department: Department, *, today: dt.date) -> None:
    office = (
        User.objects.filter(department=department, roles__role=Role.PUBLISHER)
        .exclude(roles__role=Role.DISCLOSURE_HEAD)
        .first()
    )
    head = User.objects.filter(department=department, roles__role=Role.DISCLOSURE_HEAD).first()
    if office is None or head is None:
        return
    ensure_templates(department)
    have = set(
        Application.objects.filter(
            department=department, submit_token__startswith=DEMO_PREFIX
        ).values_list("submit_token", flat=True)
    )
    rng = random.Random(20261126)
    start = dt.date(2025, 1, 6)
    span = (today - start).days
    for i in range(COUNT):
        plan = _plan(rng, i, start, span, today)
        token = f"{DEMO_PREFIX}{i:03d}"
        if token in have:
            continue
        with transaction.atomic():
            _make(department, office, head, token, plan, today)
    _reviews(department, office)


def _reviews(department: Department, office: User) -> None:
    """One reconsideration (concluded, upheld) and one litigation (pending), for 表四."""
    replied = Application.objects.filter(
        department=department,
        status="replied",
        submit_token__startswith=DEMO_PREFIX,
        reply_type="not_disclosed",
    ).order_by("replied_on")
    if ReviewCase.objects.filter(department=department).exists() or replied.count() < 2:
        return
    first, second = replied[0], replied[replied.count() // 2]
    assert first.replied_on and second.replied_on  # noqa: S101 - replied
    records.review_case_save(
        actor=office,
        application=first,
        kind="reconsideration",
        filed_on=first.replied_on + dt.timedelta(days=20),
        result="upheld",
        case_number="示府复〔2025〕88号",
        body="示例市人民政府",
        concluded_on=first.replied_on + dt.timedelta(days=80),
    )
    records.review_case_save(
        actor=office,
        application=second,
        kind="litigation_direct",
        filed_on=second.replied_on + dt.timedelta(days=10),
        result="pending",
        case_number="（2026）示0102行初45号",
        body="示例市云岩区人民法院",
    )


def _plan(rng: random.Random, i: int, start: dt.date, span: int, today: dt.date) -> dict:
    # The last 12 are recent and still open; the rest spread over 2025–2026.
    recent = i >= COUNT - 12
    day = (
        today - dt.timedelta(days=rng.randint(1, 30))
        if recent
        else (start + dt.timedelta(days=int(span * i / COUNT) + rng.randint(0, 5)))
    )
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    kind = rng.choices(
        [
            "natural_person",
            "commercial",
            "research",
            "public_interest",
            "legal_service",
            "other_org",
        ],
        [55, 20, 8, 3, 10, 4],
    )[0]
    applicant = _person(rng, i) if kind == "natural_person" else _org(rng, kind, i)
    reply = rng.choices(REPLIES, [w for *_, w in REPLIES])[0]
    return {
        "i": i,
        "day": min(day, today),
        "recent": recent,
        "applicant": applicant,
        "channel": rng.choices(
            ["online", "window", "registered_post", "ordinary_post", "fax", "email"],
            [55, 15, 12, 6, 4, 8],
        )[0],
        "text": rng.choice(TOPICS).format(y=rng.choice([2023, 2024, 2025]), n=rng.randint(1, 40)),
        "reply": reply,
        "correction": rng.random() < 0.12,
        "consult": reply[1] == "withheld_third_party" or rng.random() < 0.05,
        "extend": rng.random() < 0.08,
        "took": rng.randint(3, 19),
        "ending": rng.choices(["reply", "withdraw", "no_correction"], [94, 4, 2])[0],
        "form": rng.choice(["paper", "electronic"]),
        "delivery": rng.choice(["post", "email", "in_person", "online"]),
    }


def _make(
    department: Department, office: User, head: User, token: str, p: dict, today: dt.date
) -> None:
    day: dt.date = p["day"]
    request = Request(description=p["text"], preferred_form=p["form"], delivery=p["delivery"])
    if p["channel"] == "online":
        now = timezone.make_aware(dt.datetime.combine(day, dt.time(9, 30)))
        app, _ = intake.application_submit(
            department=department, applicant=p["applicant"], request=request, token=token, now=now
        )
        if p["recent"] and p["i"] % 4 == 0:
            return  # still waiting for confirmation
        received = _wd(day, 1) if day < today else day
        app = intake.application_confirm(
            actor=office,
            application=app,
            confirmed_on=min(received, today),
            today=min(received, today),
        )
    else:
        app = intake.application_register(
            actor=office,
            channel=p["channel"],
            applicant=p["applicant"],
            request=request,
            submitted_on=day,
            signed_for=_wd(day, 1) if p["channel"] == "registered_post" else None,
            today=max(_wd(day, 1), day) if _wd(day, 1) <= today else day,
        )
        app.submit_token = token
        app.save(update_fields=["submit_token"])
        if app.received_on is None:
            confirmed = min(_wd(day, 1), today)
            app = intake.application_confirm(
                actor=office, application=app, confirmed_on=confirmed, today=confirmed
            )
    _handle(app, office, head, p, today)


def _handle(app: Application, office: User, head: User, p: dict, today: dt.date) -> None:  # noqa: C901
    received = app.received_on or today
    step = received
    if p["correction"] and _wd(received, 3) <= today:
        step = _wd(received, 3)
        app = workflow.application_request_correction(
            actor=office,
            application=app,
            today=step,
            due_on=_wd(step, 10),
            note="请写明所需信息的文件名称、文号或形成时间，以便准确检索。",
        )
        if p["ending"] == "no_correction":
            if _wd(step, 11) <= today:
                workflow.application_correction_lapsed(
                    actor=None, application=app, today=_wd(step, 11)
                )
            return
        back = _wd(step, 4)
        if back > today:
            return
        app = workflow.application_receive_correction(
            actor=office, application=app, received_on=back, today=back
        )
        step = back
    if p["consult"] and _wd(step, 2) <= today:
        sent = _wd(step, 2)
        app = workflow.application_start_consultation(
            actor=office,
            application=app,
            party="示例新材料有限公司",
            kind="third_party",
            today=sent,
        )
        answered = _wd(sent, 8)
        if answered > today:
            return
        app = workflow.application_end_consultation(
            actor=office, application=app, answer="objection", today=answered
        )
    if p["extend"] and app.deadline and _wd(step, 15) <= min(today, app.deadline):
        app = workflow.application_extend(
            actor=head,
            application=app,
            days=15,
            today=_wd(step, 15),
            reason="申请公开的信息涉及多个年度的档案，需逐卷检索",
        )
    if p["recent"]:
        return  # still open
    end = _wd(step, p["took"])
    if p["i"] % 37 == 5 and app.deadline:  # a couple answered late, honestly recorded
        end = _wd(app.deadline, 2)
    if end > today or app.deadline is None:
        return
    if p["ending"] == "withdraw":
        workflow.application_withdraw(actor=office, application=app, today=end)
        return
    reply_type, outcome, _ = p["reply"]
    app = workflow.application_reply(
        actor=office,
        application=app,
        reply_type=reply_type,
        outcome=outcome,
        today=end,
        text="经审查，现将有关情况告知如下：请见附件或通过本局门户网站“政府信息公开”专栏获取。",
    )
