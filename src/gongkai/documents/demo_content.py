"""Deterministic generator of the demo bureau's documents since 2008 (about 380).

Pure: no Django. `generate(last_year)` returns the same list for the same year every time
(a seeded random.Random); gongkai.documents.demo turns it into records.
"""

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field

BUREAU = "示例市科学技术局"
PROGRAMS = [
    "科技计划项目",
    "科技创新券",
    "重点实验室",
    "工程技术研究中心",
    "科技企业孵化器",
    "众创空间",
    "高新技术企业培育库",
    "科技特派员",
    "科普示范基地",
    "专利资助",
]
TOPICS = {
    "科技计划项目": "kjxm",
    "科技创新券": "kjjr",
    "重点实验室": "cxpt",
    "工程技术研究中心": "cxpt",
    "科技企业孵化器": "cxpt",
    "众创空间": "cxpt",
    "高新技术企业培育库": "kjgl",
    "科技特派员": "kjrc",
    "科普示范基地": "kjpj",
    "专利资助": "zscq",
}
DIVISION_OF = {
    "kjxm": "jhc",
    "kjjr": "jhc",
    "cxpt": "jhc",
    "kjgl": "zcfgc",
    "kjrc": "rsc",
    "kjpj": "xjc",
    "zscq": "zscqbhc",
    "czzj": "tcc",
    "zfjs": "bgs",
    "rsgl": "rsc",
    "cgzh": "jhc",
    "qt": "bgs",
}


@dataclass
class Spec:
    key: str
    title: str
    genre: str
    written: dt.date
    published: dt.date
    topic: str
    columns: list[str]
    body: list[str]
    doc_number: str = ""
    issuers: str = BUREAU
    keywords: str = ""
    normative: bool = False
    needs_interpretation: bool = False
    interprets: str = ""  # key of the policy
    repost_source: str = ""
    disclosure: str = "proactive"
    reason: str = ""
    validity: str = "valid"
    validity_date: dt.date | None = None
    replaced_by: str = ""
    formed: dt.date | None = None
    attachment: str = ""  # "docx" or "png"
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def division(self) -> str:
        return DIVISION_OF.get(self.topic, "bgs")


def _day(rng: random.Random, year: int, month: int | None = None) -> dt.date:
    m = month or rng.randint(1, 12)
    d = rng.randint(1, 28)
    day = dt.date(year, m, d)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _body(rng: random.Random, subject: str, kind: str) -> list[str]:
    opening = {
        "通知": f"各区（市、县）科技主管部门，各有关单位：\n为做好{subject}相关工作，现将有关事项通知如下。",
        "公告": f"根据有关规定，经单位申报、专家评审和社会公示，现将{subject}有关情况公告如下。",
        "办法": f"第一条　为规范{subject}管理，提高财政科技资金使用效益，"
        "根据《中华人民共和国科学技术进步法》等法律法规，结合本市实际，制定本办法。",
        "规定": f"第一条　为加强{subject}工作，根据有关法律法规，制定本规定。",
        "意见": f"为深入实施创新驱动发展战略，进一步做好{subject}工作，现提出如下意见。",
        "方案": f"为贯彻落实市委、市政府决策部署，推进{subject}，制定本方案。",
        "规划": f"本规划依据《示例市国民经济和社会发展规划纲要》编制，明确{subject}的指导思想、发展目标和重点任务。",
        "报告": f"现将{subject}情况报告如下。",
        "解读": f"一、出台背景\n{subject}是全市科技创新工作的重要内容。为回应社会关切，现就有关政策作如下解读。",
        "工作动态": f"近日，{BUREAU}组织开展{subject}相关工作。",
    }.get(kind, f"现就{subject}有关事项说明如下。")
    if kind in ("办法", "规定"):
        articles = [
            f"本{kind}适用于本市行政区域内{subject}的申请、评审、实施和监督管理。",
            "市科学技术局负责统筹协调和监督管理，各区科技主管部门负责本辖区内的组织推荐和日常管理。",
            "申请单位应当在本市依法登记注册，具有独立法人资格，近三年无严重失信行为。",
            "财政资金实行专款专用，任何单位和个人不得截留、挤占、挪用。",
            "对弄虚作假、骗取财政资金的，依法依规追回资金并纳入科研诚信记录。",
            "本办法由市科学技术局负责解释，自印发之日起施行。",
        ]
        chosen = articles[: rng.randint(4, 6)]
        return [opening] + [f"第{_CN_NUM[i + 2]}条　{text}" for i, text in enumerate(chosen)]
    middles = [
        "工作目标。到年底，全市研究与试验发展经费投入强度稳步提高，企业创新主体地位进一步增强。",
        "支持对象。在本市依法登记注册、具有独立法人资格的企业、高等院校、科研院所和其他机构。",
        "申报程序。申报单位通过示例市科技管理信息系统在线填报，经所在区科技主管部门审核后推荐。",
        "资金管理。项目资金实行专款专用，严格执行国家和省、市有关财务制度，接受审计和监督检查。",
        "工作要求。各单位要高度重视，明确责任人，确保申报材料真实、准确、完整。",
        "联系方式。政策咨询电话：0851-87987000；电子邮箱：kjjgk@example.gov.cn。",
    ]
    keep = sorted(rng.sample(range(len(middles)), rng.randint(3, 5)))
    return [opening] + [f"{_CN_NUM[n + 1]}、{middles[i]}" for n, i in enumerate(keep)]


_CN_NUM = "〇一二三四五六七八九十"


def _counter() -> dict[tuple[str, int], int]:
    return {}


def _number(counters: dict[tuple[str, int], int], code: str, year: int) -> str:
    counters[(code, year)] = counters.get((code, year), 0) + 1
    return f"{code}〔{year}〕{counters[(code, year)]}号"


# Normative series: (key, title stem, topic, versions as (year, validity at the next version)).
SERIES = [
    ("xmgl", "示例市科技计划项目管理办法", "kjxm", [2009, 2015, 2021], "amended"),
    ("zjgl", "示例市财政科技资金管理办法", "czzj", [2010, 2016, 2023], "amended"),
    ("cxq", "示例市科技创新券管理办法", "kjjr", [2017, 2022], "amended"),
    ("zlzz", "示例市专利资助管理办法", "zscq", [2011, 2018], "repealed"),
    ("kjtpy", "示例市科技特派员管理办法", "kjrc", [2013, 2020], "amended"),
    ("zdsys", "示例市重点实验室建设与运行管理办法", "cxpt", [2012, 2019, 2025], "amended"),
    ("fhq", "示例市科技企业孵化器认定和管理办法", "cxpt", [2014, 2021], "amended"),
    ("cgzh", "示例市促进科技成果转化若干规定", "cgzh", [2016, 2024], "amended"),
    ("kjjl", "示例市科学技术奖励办法", "kjgl", [2008, 2014, 2020], "amended"),
    ("zckj", "示例市众创空间备案管理办法", "cxpt", [2016], ""),
    ("jg", "示例市科技计划项目验收管理规定", "kjxm", [2015, 2022], "repealed"),
    ("kjbx", "示例市科技保险补贴办法", "kjjr", [2012], "expired"),
]

REPOSTS = [
    ("国务院办公厅", "国务院办公厅关于推广支持创新相关改革举措的通知", 2017),
    ("国务院办公厅", "国务院办公厅关于完善科技成果评价机制的指导意见", 2021),
    ("国务院", "国务院关于优化科研管理提升科研绩效若干措施的通知", 2018),
    ("国务院", "国务院关于全面加强基础科学研究的若干意见", 2018),
    ("国务院办公厅", "国务院办公厅关于改革完善中央财政科研经费管理的若干意见", 2021),
    ("省科学技术厅", "省科学技术厅关于印发《省级科技计划项目管理办法》的通知", 2019),
    ("省人民政府办公厅", "省人民政府办公厅关于加快科技服务业发展的实施意见", 2015),
    ("省科学技术厅", "省科学技术厅关于开展科技型中小企业评价工作的通知", 2017),
    ("国务院办公厅", "国务院办公厅关于深化科技奖励制度改革的方案", 2017),
    ("省科学技术厅", "省科学技术厅关于进一步加强科研诚信建设的通知", 2019),
    ("国务院", "国务院关于印发“十四五”国家知识产权保护和运用规划的通知", 2021),
    ("省人民政府", "省人民政府关于深入实施创新驱动发展战略的意见", 2016),
]


Add = Callable[["Spec"], None]


def generate(last_year: int, last_day: dt.date | None = None) -> list[Spec]:
    rng = random.Random(20080101)
    counters = _counter()
    specs: list[Spec] = []
    last_day = last_day or dt.date(last_year, 12, 31)

    def add(spec: Spec) -> None:
        if spec.published <= last_day and spec.written <= last_day:
            specs.append(spec)

    for year in range(2008, last_year + 1):
        for i, program in enumerate(rng.sample(PROGRAMS, 5)):
            written = _day(rng, year, rng.randint(2, 11))
            add(
                Spec(
                    f"tz-{year}-{i}",
                    f"关于组织申报{year}年度{program}的通知",
                    "通知",
                    written,
                    written + dt.timedelta(days=rng.randint(0, 3)),
                    TOPICS[program],
                    ["tzgg"],
                    _body(rng, f"{year}年度{program}申报", "通知"),
                    doc_number=_number(counters, "示科发", year),
                    keywords=f"{program} 申报 通知",
                )
            )
        for i, program in enumerate(rng.sample(PROGRAMS, 3)):
            written = _day(rng, year, rng.randint(6, 12))
            add(
                Spec(
                    f"gg-{year}-{i}",
                    f"关于公布{year}年度{program}认定结果的公告",
                    "公告",
                    written,
                    written + dt.timedelta(days=rng.randint(0, 2)),
                    TOPICS[program],
                    ["tzgg"],
                    _body(rng, f"{year}年度{program}认定", "公告"),
                    keywords=f"{program} 公告",
                )
            )
        written = _day(rng, year + 1, 1) if year < last_year else _day(rng, year, 1)
        add(
            Spec(
                f"nb-{year}",
                f"{BUREAU}{year}年政府信息公开工作年度报告",
                "报告",
                written,
                written,
                "zfjs",
                ["tzgg"],
                _body(rng, f"{year}年政府信息公开工作", "报告"),
                keywords="政府信息公开 年度报告",
            )
        )
        written = _day(rng, year, 8)
        add(
            Spec(
                f"js-{year}",
                f"{BUREAU}{year - 1}年度部门决算",
                "报告",
                written,
                written,
                "czzj",
                ["czyjs"],
                _body(rng, f"{year - 1}年度部门决算", "报告"),
                keywords="部门决算 预决算",
            )
        )
        written = _day(rng, year, 2)
        add(
            Spec(
                f"ys-{year}",
                f"{BUREAU}{year}年度部门预算",
                "报告",
                written,
                written,
                "czzj",
                ["czyjs"],
                _body(rng, f"{year}年度部门预算", "报告"),
                keywords="部门预算 预决算",
            )
        )
        for i in range(2):
            written = _day(rng, year)
            program = rng.choice(PROGRAMS)
            add(
                Spec(
                    f"dt-{year}-{i}",
                    f"{BUREAU}召开{program}工作推进会（{year}年第{i + 1}次）",
                    "工作动态",
                    written,
                    written,
                    TOPICS[program],
                    ["gzdt"],
                    _body(rng, program, "工作动态"),
                )
            )
        written = _day(rng, year, 3)
        add(
            Spec(
                f"jh-{year}",
                f"{BUREAU}{year}年工作要点",
                "方案",
                written,
                written,
                "kjgl",
                ["ghjh"],
                _body(rng, f"{year}年科技工作", "方案"),
                doc_number=_number(counters, "示科发", year),
                keywords="工作要点 计划",
            )
        )
        written = _day(rng, year, 4)
        add(
            Spec(
                f"xm-{year}",
                f"关于下达{year}年度示例市科技计划项目及经费的通知",
                "通知",
                written,
                written + dt.timedelta(days=1),
                "kjxm",
                ["kjxm"],
                _body(rng, "科技计划项目经费", "通知"),
                doc_number=_number(counters, "示科发", year),
                keywords="科技计划 经费",
                attachment="docx",
            )
        )

    for plan_year, name in ((2011, "“十二五”"), (2016, "“十三五”"), (2021, "“十四五”")):
        written = _day(rng, plan_year, 6)
        add(
            Spec(
                f"gh-{plan_year}",
                f"示例市{name}科技创新发展规划",
                "规划",
                written,
                written,
                "kjgl",
                ["ghjh"],
                _body(rng, f"{name}科技创新发展", "规划"),
                doc_number=_number(counters, "示科发", plan_year),
                keywords="规划 科技创新",
            )
        )

    _normative(rng, counters, add)
    for i, (source, title, year) in enumerate(REPOSTS):
        written = _day(rng, year)
        add(
            Spec(
                f"zz-{i}",
                title,
                "通知" if "通知" in title else "意见",
                written,
                written + dt.timedelta(days=rng.randint(2, 10)),
                "kjgl",
                ["qtwj"],
                _body(rng, title, "意见"),
                issuers=source,
                repost_source=source,
                keywords="转载 上级文件",
            )
        )
    _non_public(rng, add, last_year)
    _late(rng, add, last_day)
    _management(add, last_year, last_day)
    _renumber(specs)
    return specs


def _renumber(specs: list[Spec]) -> None:
    """Sequence numbers in the order the documents were signed, as a registry would issue them."""
    groups: dict[tuple[str, str], list[Spec]] = {}
    for spec in specs:
        if spec.doc_number:
            code, rest = spec.doc_number.split("〔", 1)
            groups.setdefault((code, rest.split("〕")[0]), []).append(spec)
    for (code, year), members in groups.items():
        for n, spec in enumerate(sorted(members, key=lambda s: (s.written, s.key)), start=1):
            spec.doc_number = f"{code}〔{year}〕{n}号"


def _normative(rng: random.Random, counters: dict[tuple[str, int], int], add: Add) -> None:
    for key, stem, topic, versions, end_state in SERIES:
        for n, year in enumerate(versions):
            written = _day(rng, year, rng.randint(3, 10))
            revised = n > 0
            title = f"{stem}（{year}年修订）" if revised else stem
            nxt = versions[n + 1] if n + 1 < len(versions) else None
            interp = year >= 2016
            subject = stem.removeprefix("示例市")
            genre = "规定" if stem.endswith("规定") else "办法"
            spec = Spec(
                f"gf-{key}-{year}",
                title,
                genre,
                written,
                written,
                topic,
                ["gfxwj"],
                _body(
                    rng,
                    subject.removesuffix(genre).removesuffix("管理").removesuffix("若干"),
                    genre,
                ),
                doc_number=_number(counters, "示科规", year),
                normative=True,
                needs_interpretation=interp,
                keywords=f"规范性文件 {subject.removesuffix(genre)}",
            )
            if nxt is not None:
                spec.validity = end_state or "amended"
                spec.replaced_by = f"gf-{key}-{nxt}"
                spec.validity_date = dt.date(nxt, 12, 1)
            elif end_state in ("repealed", "expired") and len(versions) == 1:
                spec.validity = end_state
                spec.validity_date = dt.date(year + 5, 12, 31)
            add(spec)
            if interp:
                add(
                    Spec(
                        f"jd-{key}-{year}",
                        f"《{title}》政策解读",
                        "解读",
                        written,
                        written,
                        topic,
                        ["zcjd"],
                        _body(rng, title, "解读"),
                        interprets=spec.key,
                        keywords="政策解读",
                        attachment="png",
                    )
                )


def _non_public(rng: random.Random, add: Add, last_year: int) -> None:
    items = [
        ("内部", "关于局机关内部管理制度修订的说明", "not_public", "internal_affairs"),
        ("过程", "科技计划项目评审专家意见汇总（过程稿）", "on_request", "process_info"),
        ("执法", "专利侵权纠纷行政裁决案卷（2024）第3号", "not_public", "enforcement_file"),
        ("第三方", "某企业研发费用核查报告", "not_public", "third_party"),
        ("研讨", "关于科技体制改革的内部研讨材料", "on_request", "process_info"),
        ("人事", "局机关干部考核情况汇总", "not_public", "internal_affairs"),
    ]
    for i, (tag, title, disclosure, reason) in enumerate(items):
        written = _day(rng, last_year - 1 - i % 2)
        add(
            Spec(
                f"np-{i}",
                title,
                "报告",
                written,
                written,
                "zfjs",
                [],
                _body(rng, tag, "报告"),
                disclosure=disclosure,
                reason=reason,
            )
        )


def _late(rng: random.Random, add: Add, last_day: dt.date) -> None:
    """Two documents of this year published after the 20-working-day limit (条例第二十六条)."""
    for i, title in enumerate(
        ("关于调整示例市科技创新平台绩效评价指标的通知", "示例市科技计划项目结题情况公示")
    ):
        published = last_day - dt.timedelta(days=10 + 7 * i)
        formed = published - dt.timedelta(days=50)
        add(
            Spec(
                f"late-{i}",
                title,
                "通知",
                formed,
                published,
                "kjxm",
                ["tzgg"],
                _body(rng, title, "通知"),
                formed=formed,
            )
        )


def _workday_before(day: dt.date, days: int) -> dt.date:
    day -= dt.timedelta(days=days)
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def _management(add: Add, last_year: int, last_day: dt.date) -> None:
    """The 管理公开 columns, and the recent updates a well-run bureau publishes: 工作动态 within
    two weeks and 通知公告/政策文件 columns within six months (国办发〔2019〕19号 栏目不更新).
    Every one is published within a few days of being signed, never late."""
    from gongkai.documents.demo_management import KEYWORDS, MANAGEMENT

    counters = _counter()
    for key, title, genre, column, topic, written, lag, code, body in MANAGEMENT:
        number = _number(counters, code, written.year) if code else ""
        add(
            Spec(
                key,
                title,
                genre,
                written,
                written + dt.timedelta(days=lag),
                topic,
                [column],
                body,
                doc_number=number,
                keywords=KEYWORDS[column],
            )
        )
    for year in range(2025, last_year + 1):
        written = dt.date(year, 7, 14) - dt.timedelta(days=dt.date(year, 7, 14).weekday())
        add(
            Spec(
                f"zj-{year}",
                f"{BUREAU}{year}年上半年工作总结和下半年工作安排",
                "报告",
                written,
                written,
                "kjgl",
                ["ghjh"],
                [
                    f"{year}年上半年，全市科技工作按照年度工作要点有序推进。",
                    "下半年将重点抓好科技计划项目管理、创新平台建设和科技成果转化。",
                ],
                keywords="工作总结 计划",
            )
        )
    written = dt.date(2026, 8, 17)
    add(
        Spec(
            "gf-yfbz-2026",
            "示例市科技型企业研发投入后补助实施办法",
            "办法",
            written,
            written,
            "kjjr",
            ["gfxwj"],
            [
                "第一条　为引导企业加大研发投入，根据《中华人民共和国科学技术进步法》，制定本办法。",
                "第二条　对上年度研发费用增长的科技型企业，按增量的10%给予后补助，单个企业最高100万元。",
                "第三条　本办法由市科学技术局负责解释，自2026年10月1日起施行，有效期5年。",
            ],
            doc_number="示科规〔2026〕1号",
            normative=True,
            needs_interpretation=True,
            keywords="规范性文件 研发投入后补助",
        )
    )
    add(
        Spec(
            "jd-yfbz-2026",
            "《示例市科技型企业研发投入后补助实施办法》政策解读",
            "解读",
            written,
            written,
            "kjjr",
            ["zcjd"],
            [
                "一、出台背景\n为落实企业创新主体地位，引导企业加大研发投入，制定本办法。",
                "二、主要内容\n后补助按研发费用增量计算，企业无需单独申报，由税务数据比对后兑付。",
            ],
            interprets="gf-yfbz-2026",
            keywords="政策解读",
        )
    )
    written = dt.date(2026, 9, 14)
    add(
        Spec(
            "zz-2026",
            "省科学技术厅关于进一步加强科技伦理治理的实施意见",
            "意见",
            written,
            written + dt.timedelta(days=3),
            "kjgl",
            ["qtwj"],
            ["各市（州）科技局：为贯彻落实国家关于加强科技伦理治理的意见，现提出如下实施意见。"],
            issuers="省科学技术厅",
            repost_source="省科学技术厅",
            keywords="转载 上级文件",
        )
    )
    for n, (days, title) in enumerate(
        ((1, f"{BUREAU}开展科技型企业走访服务活动"), (8, f"{BUREAU}召开全市科技成果转化对接会"))
    ):
        day = _workday_before(last_day, days)
        add(
            Spec(
                f"dt-recent-{n}",
                title,
                "工作动态",
                day,
                day,
                "cgzh",
                ["gzdt"],
                [
                    f"近日，{BUREAU}组织开展{title.removeprefix(BUREAU)[2:]}，听取企业和科研单位意见建议。"
                ],
            )
        )
