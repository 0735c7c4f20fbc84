"""Demo content: a closed consultation on the draft of the R&D subsidy measures (the normative
document the documents demo issues on 17 August 2026) whose feedback report gives every comment a
disposition and every one not adopted a reason, linked to the final document; and a consultation
on a major decision open today. Idempotent: keyed by title.

Historic records are imported as they stand (one audit entry for the import), as the documents
demo imports historic documents."""

import datetime as dt

from django.db import transaction

from gongkai.consultations.domain import period
from gongkai.consultations.models import Comment, Consultation
from gongkai.core import audit
from gongkai.core.models import Department, Division, User
from gongkai.core.participation import Moderation
from gongkai.core.services.calendar import get_calendar

CLOSED_TITLE = "示例市科技型企业研发投入后补助实施办法（征求意见稿）"
FINAL_TITLE = "示例市科技型企业研发投入后补助实施办法"
OPEN_TITLE = "示例市促进科技成果转化若干措施（征求意见稿）"

CONTACT = (
    "信函寄至示例市观山湖区市级行政中心2号楼4层示例市科学技术局计划处"
    "（邮编550081，信封注明“征求意见”）；电子邮箱 kjjjhc@example.gov.cn"
)

# (channel, author, consent, article, body, disposition, reason, same_as)
CLOSED_COMMENTS = [
    (
        "online",
        "",
        False,
        "第二条",
        "建议将后补助比例由研发费用增量的10%提高到15%，否则对中小企业吸引力不大。",
        "partly",
        "综合考虑财政承受能力，比例维持10%；对首次享受后补助的企业提高到12%，已在第二条中增加。",
        None,
    ),
    (
        "online",
        "示例市新材料研究院",
        True,
        "第二条",
        "单个企业最高100万元的上限偏低，建议对高新技术企业提高上限。",
        "not_adopted",
        "后补助资金总量有限，为使更多企业受益，单个企业上限维持100万元；高新技术企业可同时申报其他科技计划项目支持。",
        None,
    ),
    (
        "online",
        "",
        False,
        "",
        "希望明确后补助是否需要企业单独申报，申报材料越简单越好。",
        "adopted",
        "已采纳。第四条明确后补助以税务部门研发费用加计扣除数据为准，企业无需单独申报。",
        None,
    ),
    (
        "online",
        "",
        False,
        "",
        "企业无需申报这一点非常好，建议在办法中写明，不要让企业跑腿提交材料。",
        "",
        "",
        3,
    ),
    (
        "letter",
        "李先生",
        False,
        "第三条",
        "有效期5年太长，政策应当每年评估，建议有效期改为3年。",
        "not_adopted",
        "规范性文件有效期一般不超过5年，本办法设置5年有效期并规定实施满2年开展评估（第十二条），评估结果向社会公布。",
        None,
    ),
    (
        "email",
        "示例市某科技型中小企业",
        False,
        "第五条",
        "建议明确资金拨付时间，最好在每年6月底前拨付到位。",
        "adopted",
        "已采纳。第五条明确每年6月30日前完成兑付。",
        None,
    ),
    (
        "symposium",
        "示例市高新区企业代表",
        True,
        "",
        "建议对研发投入强度高但增量小的企业也给予支持，否则研发一直投入很大的企业反而享受不到。",
        "partly",
        "增加对研发投入强度（研发费用占营业收入比例）达到5%以上企业按存量给予不超过20万元的支持；按增量计算的主体规则不变。",
        None,
    ),
    (
        "symposium",
        "示例市高新区企业代表",
        True,
        "",
        "研发投入高的老企业也应当得到支持，只看增量不公平。",
        "",
        "",
        7,
    ),
    (
        "expert",
        "专家论证会",
        True,
        "第七条",
        "第七条“弄虚作假的取消资格”表述不完整，应当与社会信用体系衔接，明确追回资金和记入信用记录。",
        "adopted",
        "已采纳。第七条修改为追回已拨付资金，并按规定记入科研诚信和社会信用记录。",
        None,
    ),
    (
        "online",
        "",
        False,
        "",
        "这个政策只照顾大企业，小微企业根本拿不到，不如不出台。",
        "not_adopted",
        "本办法按研发费用增量的比例补助，不设企业规模门槛，小微企业同样适用；为降低门槛，取消了研发费用增量不低于50万元的限制。",
        None,
    ),
    (
        "online",
        "",
        False,
        "第九条",
        "建议增加对在本市设立研发中心的外地企业的支持。",
        "not_adopted",
        "本办法支持对象为在本市注册并纳税的企业；外地企业在本市设立独立法人研发机构的，可依照本办法申请。",
        None,
    ),
]
WITHHELD = (
    "online",
    "专业代开发票，加微信 abc123 秒批贷款，http://spam.example http://spam2.example",
    "advertising",
    "商业广告",
)

OPEN_COMMENTS = [
    (
        "online",
        "",
        False,
        "",
        "建议对高校院所科技人员离岗创业的期限从3年延长到5年。",
        Moderation.ACCEPTED,
    ),
    (
        "online",
        "某高校教师",
        True,
        "第六条",
        "成果转化收益奖励比例不低于70%的规定很好，希望明确税收政策的衔接。",
        Moderation.ACCEPTED,
    ),
    (
        "online",
        "",
        False,
        "",
        "转化收益分配应当向一线科研人员倾斜，不能被单位层层截留。",
        Moderation.PENDING,
    ),
]


def load(department: Department, *, today: dt.date) -> None:
    added = _load(department, today)
    if added:
        from gongkai.publishing.pages import Change
        from gongkai.publishing.services import site_dir, site_publish
        from gongkai.publishing.site import site_info

        if site_dir(site_info(department)).exists():
            changes = [Change("consultation", pk) for pk in added] + [
                Change("portal", "interaction")
            ]
            final = Consultation.objects.filter(pk__in=added, final_document__isnull=False)
            from gongkai.documents.portal import RELATED_CHANGE

            changes += [Change(RELATED_CHANGE, c.final_document_id or 0) for c in final]
            site_publish(department=department, changes=changes)


@transaction.atomic
def _load(department: Department, today: dt.date) -> list[int]:
    have = set(Consultation.objects.filter(department=department).values_list("title", flat=True))
    division = Division.objects.filter(department=department, code="jhc").first()
    if division is None:
        return []
    author = User.objects.filter(department=department, username="drafter").first()
    added = []
    if CLOSED_TITLE not in have:
        added.append(_closed(department, division, author).pk)
    if OPEN_TITLE not in have:
        added.append(_open(department, division, author, today).pk)
    if added:
        audit.record(
            actor=None,
            action="consultations.demo_import",
            object_type="consultations.consultation",
            object_repr=f"演示征求意见 {len(added)} 项",
            after={"ids": added},
            department_id=department.pk,
        )
    return added


def _closed(department: Department, division: Division, author: User | None) -> Consultation:
    from gongkai.documents.models import Document

    final = Document.objects.filter(department=department, title=FINAL_TITLE).first()
    c = Consultation.objects.create(
        department=department,
        division=division,
        title=CLOSED_TITLE,
        kind=period.Kind.NORMATIVE,
        background=(
            "为落实企业科技创新主体地位，引导企业持续加大研发投入，市科学技术局会同市财政局"
            "起草了《示例市科技型企业研发投入后补助实施办法（征求意见稿）》。"
        ),
        legal_basis="《中华人民共和国科学技术进步法》\n《示例省促进科技成果转化条例》",
        explanation=(
            "征求意见稿共十二条，主要内容：一是按企业上年度研发费用增量的10%给予后补助，单个企业"
            "最高100万元；二是后补助以税务部门研发费用加计扣除数据为准；三是明确资金兑付时间和"
            "监督管理要求。"
        ),
        draft_text="\n".join(
            [
                "第一条　为引导企业加大研发投入，根据《中华人民共和国科学技术进步法》，制定本办法。",
                "第二条　对上年度研发费用增长的科技型企业，按增量的10%给予后补助，单个企业最高100万元。",
                "第三条　本办法自印发之日起施行，有效期5年。",
                "第四条　后补助以税务部门研发费用加计扣除数据为准。",
                "第五条　后补助资金每年兑付一次。",
                "第七条　弄虚作假的，取消后补助资格。",
            ]
        ),
        opens_on=dt.date(2026, 6, 15),
        closes_on=dt.date(2026, 7, 15),
        contact=CONTACT,
        status="feedback_published",
        feedback_summary=(
            "2026年6月15日至7月15日，我局通过门户网站公开征求社会各界意见，同时召开企业座谈会"
            "和专家论证会，收到信函、电子邮件意见。经逐条研究，对合理意见予以采纳，对未采纳的"
            "意见逐条说明理由如下。"
        ),
        feedback_published_on=dt.date(2026, 7, 31),
        final_document=final,
        created_by=author,
    )
    numbers: dict[int, Comment] = {}
    received = dt.date(2026, 6, 16)
    for n, (channel, who, consent, article, body, disposition, reason, same) in enumerate(
        CLOSED_COMMENTS, start=1
    ):
        numbers[n] = Comment.objects.create(
            consultation=c,
            number=n,
            channel=channel,
            received_on=received + dt.timedelta(days=2 * n),
            author=who,
            consent=consent,
            article=article,
            body=body,
            moderation=Moderation.ACCEPTED,
            disposition=disposition,
            reason=reason,
            same_as=numbers.get(same) if same else None,
            entered_by=None if channel == "online" else author,
        )
    channel, body, reason, note = WITHHELD
    Comment.objects.create(
        consultation=c,
        number=len(CLOSED_COMMENTS) + 1,
        channel=channel,
        received_on=dt.date(2026, 7, 2),
        body=body,
        moderation=Moderation.WITHHELD,
        withhold_reason=reason,
        withhold_note=note,
    )
    return c


def _open(
    department: Department, division: Division, author: User | None, today: dt.date
) -> Consultation:
    opens = today - dt.timedelta(days=10)
    minimum = period.minimum_for(period.Kind.MAJOR_DECISION)
    closes, _, _ = period.earliest_close(get_calendar(), opens, minimum)
    c = Consultation.objects.create(
        department=department,
        division=division,
        title=OPEN_TITLE,
        kind=period.Kind.MAJOR_DECISION,
        background=(
            "为打通科技成果转化“最后一公里”，市科学技术局起草了《示例市促进科技成果转化若干措施"
            "（征求意见稿）》，拟提请局长办公会审议后报市人民政府。"
        ),
        legal_basis="《中华人民共和国促进科技成果转化法》\n《重大行政决策程序暂行条例》",
        explanation=(
            "征求意见稿共十条，从赋予科研人员职务科技成果所有权或长期使用权、提高转化收益奖励"
            "比例、支持科技人员离岗创业、建设概念验证中心等方面提出措施。"
        ),
        draft_text="\n".join(
            [
                "一、开展赋予科研人员职务科技成果所有权或长期使用权试点。",
                "二、科技成果转化收益用于奖励研发团队的比例不低于70%。",
                "三、高校院所科技人员经批准可离岗创业，期限不超过3年。",
                "四、支持建设概念验证中心和中试基地，按投资额给予最高500万元补助。",
            ]
        ),
        opens_on=opens,
        closes_on=closes,
        contact=CONTACT,
        status="open",
        created_by=author,
    )
    for n, (channel, who, consent, article, body, moderation) in enumerate(OPEN_COMMENTS, start=1):
        Comment.objects.create(
            consultation=c,
            number=n,
            channel=channel,
            received_on=min(today, opens + dt.timedelta(days=n)),
            author=who,
            consent=consent,
            article=article,
            body=body,
            moderation=moderation,
        )
    return c
