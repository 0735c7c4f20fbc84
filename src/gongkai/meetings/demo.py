"""Demo content: the two director's meetings with the public of 2026 — 10 August, which deliberated
the R&D subsidy measures (issued on 17 August, see the documents and consultations demos), with
more registrations than seats and so a draw, attendance and published minutes; and 19 November,
on the science-and-technology programme guide for 2027, held, its minutes still to publish (a
to-do). Idempotent: keyed by code."""

import datetime as dt

from django.db import transaction

from gongkai.core import audit
from gongkai.core.models import Department, User
from gongkai.meetings.domain import draw
from gongkai.meetings.models import Meeting, Registration

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹"
GIVEN = ("明", "丽", "建华", "晓红", "志强", "静", "海燕", "伟", "秀英", "军")

MEETINGS = [
    {
        "code": "HY2026-01",
        "title": "2026年第15次局长办公会（邀请公众、专家和媒体列席）",
        "held_on": dt.date(2026, 8, 10),
        "starts_at": dt.time(9, 30),
        "place": "示例市市级行政中心2号楼4楼第一会议室",
        "agenda": (
            "审议《示例市科技型企业研发投入后补助实施办法》（送审稿）及征求意见采纳情况。\n"
            "听取列席代表对后补助兑付方式的意见。"
        ),
        "invitees": "公众代表、企业代表、专家、新闻媒体",
        "seats": 10,
        "registration_closes_on": dt.date(2026, 8, 5),
        "live_url": "https://live.example.gov.cn/kjj/20260810",
        "recording_url": "https://live.example.gov.cn/kjj/20260810/replay",
        "public": 16,
        "minutes": (
            "2026年8月10日，局长何明远主持召开2026年第15次局长办公会，邀请公众代表10名、专家2名、"
            "新闻媒体2家列席。\n会议审议了《示例市科技型企业研发投入后补助实施办法》（送审稿），"
            "听取了计划处关于征求意见采纳情况的汇报和政策法规处的合法性审查意见。\n列席代表就后补助"
            "兑付时间、小微企业适用等问题发表了意见。\n会议原则通过该办法，请计划处根据会议意见修改"
            "完善后按程序印发，并做好政策解读。"
        ),
        "published": dt.date(2026, 8, 14),
    },
    {
        "code": "HY2026-02",
        "title": "2026年第24次局长办公会（邀请公众、专家和媒体列席）",
        "held_on": dt.date(2026, 11, 19),
        "starts_at": dt.time(14, 30),
        "place": "示例市市级行政中心2号楼4楼第一会议室",
        "agenda": "研究2027年度示例市科技计划项目申报指南。",
        "invitees": "公众代表、科研单位代表、专家、新闻媒体",
        "seats": 12,
        "registration_closes_on": dt.date(2026, 11, 13),
        "live_url": "https://live.example.gov.cn/kjj/20261119",
        "recording_url": "",
        "public": 9,
        "minutes": "",
        "published": None,
    },
]


def load(department: Department, *, today: dt.date) -> None:
    added = _load(department, today)
    if added:
        from gongkai.publishing.pages import Change
        from gongkai.publishing.services import site_dir, site_publish
        from gongkai.publishing.site import site_info

        if site_dir(site_info(department)).exists():
            site_publish(
                department=department,
                changes=[Change("meeting", pk) for pk in added] + [Change("portal", "interaction")],
            )


@transaction.atomic
def _load(department: Department, today: dt.date) -> list[int]:
    have = set(Meeting.objects.filter(department=department).values_list("code", flat=True))
    author = User.objects.filter(department=department, username="office").first()
    added = []
    for spec in MEETINGS:
        if spec["code"] in have or dt.date.fromisoformat(str(spec["held_on"])) > today:
            continue
        added.append(_meeting(department, spec, author).pk)
    if added:
        audit.record(
            actor=None,
            action="meetings.demo_import",
            object_type="meetings.meeting",
            object_repr=f"演示公开会议 {len(added)} 次",
            after={"ids": added},
            department_id=department.pk,
        )
    return added


def _meeting(department: Department, spec: dict, author: User | None) -> Meeting:
    fields = {k: v for k, v in spec.items() if k not in ("public", "published")}
    m = Meeting.objects.create(
        department=department,
        status="minutes_published" if spec["published"] else "held",
        minutes_published_on=spec["published"],
        created_by=author,
        **fields,
    )
    numbers = []
    for i in range(spec["public"]):
        number = f"R{i + 1:03d}"
        numbers.append(number)
        Registration.objects.create(
            meeting=m,
            number=number,
            name=SURNAMES[(i * 7 + m.pk) % len(SURNAMES)] + GIVEN[i % len(GIVEN)],
            organisation=("示例市某科技企业" if i % 3 == 0 else "市民"),
            phone=f"139{m.pk:02d}{i:06d}"[:11],
            consent=i % 4 == 0,
        )
    result = draw.draw(m.code, numbers, m.seats)
    selected, waiting = set(result.selected), list(result.waiting)
    for r in m.registrations.all():
        r.state = "selected" if r.number in selected else "waiting"
        r.waiting_rank = waiting.index(r.number) + 1 if r.number in waiting else None
        r.attended = r.number in selected and r.number != sorted(selected)[0]
        r.save()
    for n, (kind, name, org) in enumerate(
        (
            ("expert", "钱立新", "示例大学"),
            ("expert", "孙雅琴", "示例市科学技术情报研究所"),
            ("media", "周记者", "示例日报"),
            ("media", "吴记者", "示例广播电视台"),
        ),
        start=len(numbers) + 1,
    ):
        Registration.objects.create(
            meeting=m,
            number=f"R{n:03d}",
            kind=kind,
            name=name,
            organisation=org,
            phone=f"137{m.pk:02d}{n:06d}"[:11],
            consent=True,
            state="invited",
            attended=True,
        )
    m.draw_seed, m.drawn = result.seed, result.drawn
    m.attendance_note = "1名确定列席的公众代表因故未到。"
    m.save()
    return m
