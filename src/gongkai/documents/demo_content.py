"""Deterministic generator of the demo bureau's documents since 2008 (about 380).

Pure: no Django. `generate(last_year)` returns the same list for the same year every time
(a seeded random.Random); gongkai.documents.demo turns it into records.
"""

import datetime as dt
import random
from dataclasses import dataclass, field

BUREAU = "示例市科学技术局"
PROGRAMS = ["科技计划项目", "科技创新券", "重点实验室", "工程技术研究中心", "科技企业孵化器",
            "众创空间", "高新技术企业培育库", "科技特派员", "科普示范基地", "专利资助"]
TOPICS = {"科技计划项目": "kjxm", "科技创新券": "kjjr", "重点实验室": "cxpt", "工程技术研究中心": "cxpt",
          "科技企业孵化器": "cxpt", "众创空间": "cxpt", "高新技术企业培育库": "kjgl",
          "科技特派员": "kjrc", "科普示范基地": "kjpj", "专利资助": "zscq"}
DIVISION_OF = {"kjxm": "jhc", "kjjr": "jhc", "cxpt": "jhc", "kjgl": "zcfgc", "kjrc": "rsc",
               "kjpj": "xjc", "zscq": "zscqbhc", "czzj": "tcc", "zfjs": "bgs", "rsgl": "rsc",
               "cgzh": "jhc", "qt": "bgs"}


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
            add(Spec(f"tz-{year}-{i}", f"关于组织申报{year}年度{program}的通知", "通知", written,
                     written + dt.timedelta(days=rng.randint(0, 3)), TOPICS[program], ["tzgg"],
                     _body(rng, f"{year}年度{program}申报", "通知"),
                     doc_number=_number(counters, "示科发", year), keywords=f"{program} 申报 通知"))
        for i, program in enumerate(rng.sample(PROGRAMS, 3)):
            written = _day(rng, year, rng.randint(6, 12))
            add(Spec(f"gg-{year}-{i}", f"关于公布{year}年度{program}认定结果的公告", "公告", written,
                     written + dt.timedelta(days=rng.randint(0, 2)), TOPICS[program], ["tzgg"],
                     _body(rng, f"{year}年度{program}认定", "公告"), keywords=f"{program} 公告"))
        written = _day(rng, year + 1, 1) if year < last_year else _day(rng, year, 1)
        add(Spec(f"nb-{year}", f"{BUREAU}{year}年政府信息公开工作年度报告", "报告",
                 written, written, "zfjs", ["tzgg"], _body(rng, f"{year}年政府信息公开工作", "报告"),
                 keywords="政府信息公开 年度报告"))
        written = _day(rng, year, 8)
        add(Spec(f"js-{year}", f"{BUREAU}{year - 1}年度部门决算", "报告", written, written, "czzj",
                 ["czyjs"], _body(rng, f"{year - 1}年度部门决算", "报告"), keywords="部门决算 预决算"))
        written = _day(rng, year, 2)
        add(Spec(f"ys-{year}", f"{BUREAU}{year}年度部门预算", "报告", written, written, "czzj",
                 ["czyjs"], _body(rng, f"{year}年度部门预算", "报告"), keywords="部门预算 预决算"))
        for i in range(2):
            written = _day(rng, year)
            program = rng.choice(PROGRAMS)
            add(Spec(f"dt-{year}-{i}", f"{BUREAU}召开{program}工作推进会（{year}年第{i + 1}次）", "工作动态",
                     written, written, TOPICS[program], ["gzdt"], _body(rng, program, "工作动态")))
        written = _day(rng, year, 3)
        add(Spec(f"jh-{year}", f"{BUREAU}{year}年工作要点", "方案", written, written, "kjgl", ["ghjh"],
                 _body(rng, f"{year}年科技工作", "方案"), doc_number=_number(counters, "示科发", year),
                 keywords="工作要点 计划"))
        written = _day(rng, year, 4)
        add(Spec(f"xm-{year}", f"关于下达{year}年度示例市科技计划项目及经费的通知", "通知", written,
                 written + dt.timedelta(days=1), "kjxm", ["kjxm"], _body(rng, "科技计划项目经费", "通知"),
                 doc_number=_number(counters, "示科发", year), keywords="科技计划 经费", attachment="docx"))

    for plan_year, name in ((2011, "“十二五”"), (2016, "“十三五”"), (2021, "“十四五”")):
        written = _day(rng, plan_year, 6)
        add(Spec(f"gh-{plan_year}", f"示例市{name}科技创新发展规划", "规划", written, written, "kjgl",
                 ["ghjh"], _body(rng, f"{name}科技创新发展", "规划"),
                 doc_number=_number(counters, "示科发", plan_year), keywords="规划 科技创新"))

    _normative(rng, counters, add)
    for i, (source, title, year) in enumerate(REPOSTS):
        written = _day(rng, year)
        add(Spec(f"zz-{i}", title, "通知" if "通知" in title else "意见", written,
                 written + dt.timedelta(days=rng.randint(2, 10)), "kjgl", ["qtwj"],
                 _body(rng, title, "意见"), issuers=source, repost_source=source,
                 keywords="转载 上级文件"))
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


def _normative(rng: random.Random, counters: dict[tuple[str, int], int], add) -> None:
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
                f"gf-{key}-{year}", title, genre, written, written, topic, ["gfxwj"],
                _body(rng, subject.removesuffix(genre).removesuffix("管理").removesuffix("若干"), genre),
                doc_number=_number(counters, "示科规", year), normative=True,
                needs_interpretation=interp, keywords=f"规范性文件 {subject.removesuffix(genre)}",
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
                add(Spec(f"jd-{key}-{year}", f"《{title}》政策解读", "解读", written, written, topic,
                         ["zcjd"], _body(rng, title, "解读"), interprets=spec.key,
                         keywords="政策解读", attachment="png"))


def _non_public(rng: random.Random, add, last_year: int) -> None:
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
        add(Spec(f"np-{i}", title, "报告", written, written, "zfjs", [], _body(rng, tag, "报告"),
                 disclosure=disclosure, reason=reason))


def _late(rng: random.Random, add, last_day: dt.date) -> None:
    """Two documents of this year published after the 20-working-day limit (条例第二十六条)."""
    for i, title in enumerate(("关于调整示例市科技创新平台绩效评价指标的通知",
                               "示例市科技计划项目结题情况公示")):
        published = last_day - dt.timedelta(days=10 + 7 * i)
        formed = published - dt.timedelta(days=50)
        add(Spec(f"late-{i}", title, "通知", formed, published, "kjxm", ["tzgg"],
                 _body(rng, title, "通知"), formed=formed))


# 管理公开 columns (机构职能, 人事信息, 权力清单和责任清单, 行政执法公示, 建议提案办理): (key, title,
# genre, column, topic, written, days to publication, doc number code, body). Natural persons
# appear by name and post only — no identity numbers, phones or home addresses.
KEYWORDS = {"jgzn": "机构职能", "rsxx": "人事信息", "qlqd": "权力清单 责任清单", "xzzf": "行政执法公示",
            "jyta": "建议提案办理"}
MANAGEMENT: list[tuple[str, str, str, str, str, dt.date, int, str, list[str]]] = [
    ("jg-zz", f"{BUREAU}主要职责", "其他", "jgzn", "rsgl", dt.date(2023, 2, 20), 1, "", [
        f"根据《示例市机构改革方案》，{BUREAU}是市人民政府工作部门，加挂市知识产权局牌子。主要职责是：",
        "（一）贯彻落实国家和省科技创新方针政策，拟订全市科技发展规划和政策并组织实施。",
        "（二）统筹推进全市创新体系建设和科技体制改革，牵头建立科技管理统筹协调机制。",
        "（三）编制市级科技计划并组织实施，管理市级财政科技资金，监督检查资金使用。",
        "（四）负责科技创新平台、科技企业孵化器和众创空间建设，推动科技成果转移转化。",
        "（五）负责知识产权保护和运用工作，依法开展专利行政执法。",
        "（六）完成市委、市人民政府交办的其他任务。"]),
    ("jg-ns", f"{BUREAU}内设机构", "其他", "jgzn", "rsgl", dt.date(2023, 2, 21), 0, "", [
        f"{BUREAU}设下列内设机构：办公室、政策法规处、计划处、知识产权保护处、宣教处、条财处、人事处、监察室。",
        "办公室：负责机关日常运转，承担政务公开、信访、保密、安全等工作。",
        "政策法规处：组织起草科技创新政策，承担规范性文件合法性审查和行政执法监督。",
        "计划处：编制市级科技计划，组织项目申报、评审、立项和验收。",
        "知识产权保护处：承担专利行政执法、知识产权纠纷调处和“双随机、一公开”监管。",
        "办公时间：工作日上午9:00—12:00，下午13:00—17:00（法定节假日除外）。"]),
    ("jg-js", f"{BUREAU}局属单位", "其他", "jgzn", "rsgl", dt.date(2024, 4, 15), 2, "", [
        f"{BUREAU}所属事业单位2个：",
        "示例市科学技术情报研究所：承担科技文献信息服务、科技查新和科技统计分析工作。",
        "示例市生产力促进中心：承担科技成果转化服务、科技型中小企业评价服务和技术转移机构培育工作。"]),
    ("jg-fg", f"{BUREAU}局领导分工（2026年3月调整）", "其他", "jgzn", "rsgl", dt.date(2026, 3, 16), 1, "", [
        "经局党组研究，现将局领导工作分工调整如下：",
        "局长何明远：主持局全面工作，分管办公室、人事处。",
        "副局长杨志强：负责科技计划和科技成果转化工作，分管计划处、条财处、示例市生产力促进中心。",
        "副局长林海涛：负责政策法规和知识产权工作，分管政策法规处、知识产权保护处、宣教处、示例市科学技术情报研究所。"]),
    ("rs-zp", f"{BUREAU}所属事业单位2023年公开招聘工作人员公告", "公告", "rsxx", "rsgl",
     dt.date(2023, 5, 8), 1, "", [
        "根据《事业单位人事管理条例》和本市事业单位公开招聘有关规定，局属事业单位公开招聘工作人员4名。",
        "一、招聘岗位。示例市科学技术情报研究所科技信息分析岗2名，示例市生产力促进中心技术转移服务岗2名。",
        "二、报名条件。具有中华人民共和国国籍，全日制本科及以上学历，专业条件见岗位一览表。",
        "三、招聘程序。按照报名、资格审查、笔试、面试、体检、考察、公示、聘用的程序进行。"]),
    ("rs-ny", f"{BUREAU}所属事业单位2023年公开招聘拟聘用人员公示", "公告", "rsxx", "rsgl",
     dt.date(2023, 8, 14), 0, "", [
        "经笔试、面试、体检和考察，拟聘用以下人员，现予公示，公示期为7个工作日：",
        "示例市科学技术情报研究所：科技信息分析岗 陈雨桐、罗嘉文。",
        "示例市生产力促进中心：技术转移服务岗 吴思源、田晓雯。",
        "公示期间如有异议，请以书面形式向局人事处反映，反映人应署实名。"]),
    ("rs-rq-2024", f"{BUREAU}2024年干部任前公示", "公告", "rsxx", "rsgl", dt.date(2024, 6, 17), 0, "", [
        "根据《党政领导干部选拔任用工作条例》，经局党组研究，拟任用以下同志，现予公示：",
        "宋立新，现任条财处副处长，拟任条财处处长。",
        "公示期为5个工作日。对公示对象有异议的，可向局人事处或驻局纪检监察组反映。"]),
    ("rs-ly-2025", f"{BUREAU}2025年考试录用公务员拟录用人员名单公示", "公告", "rsxx", "rsgl",
     dt.date(2025, 6, 9), 1, "", [
        "根据2025年度全省统一考试录用公务员工作安排，经笔试、面试、体检和考察，拟录用以下人员：",
        "政策法规处一级科员 何雨辰；知识产权保护处一级科员 唐嘉怡。",
        "公示期为5个工作日，公示期满无异议的，按程序办理录用手续。"]),
    ("rs-rq-2026", f"{BUREAU}2026年干部任前公示", "公告", "rsxx", "rsgl", dt.date(2026, 9, 21), 0, "", [
        "根据《党政领导干部选拔任用工作条例》，经局党组研究，拟任用以下同志，现予公示：",
        "邓雅琴，现任宣教处四级调研员，拟任宣教处副处长。",
        "韩志鹏，现任示例市生产力促进中心副主任，拟任示例市生产力促进中心主任。",
        "公示期为5个工作日。对公示对象有异议的，可向局人事处或驻局纪检监察组反映。"]),
    ("ql-tz-2023", "关于公布示例市科学技术局权力清单和责任清单动态调整情况的公告", "公告", "qlqd", "kjgl",
     dt.date(2023, 6, 19), 1, "", [
        "根据市人民政府关于推行权力清单和责任清单制度的要求，结合法律法规立改废情况，对本局清单作如下调整：",
        "一、取消行政权力事项1项：科技成果登记。",
        "二、调整行政权力事项1项：专利侵权纠纷行政裁决的实施依据更新为《专利法》（2020年修正）。",
        "调整后的清单在本栏目公布，接受社会监督。"]),
    ("ql-ql-2025", f"{BUREAU}行政权力清单（2025年版）", "其他", "qlqd", "kjgl", dt.date(2025, 4, 21), 1, "", [
        "本清单共列行政权力事项12项，其中行政处罚5项、行政检查3项、行政裁决1项、行政确认1项、其他行政权力2项。",
        "行政处罚：假冒专利行为的处罚；违反科学技术保密规定的处罚；科研诚信严重失信行为的处理等。",
        "行政检查：对专利标识标注行为的检查；对科技计划项目实施情况的检查；对财政科技资金使用情况的检查。",
        "行政裁决：专利侵权纠纷行政裁决。每一事项列明实施依据、实施主体、责任处室和办理流程。"]),
    ("ql-zr-2025", f"{BUREAU}责任清单（2025年版）", "其他", "qlqd", "kjgl", dt.date(2025, 4, 22), 0, "", [
        "本清单与行政权力清单（2025年版）同步公布，列明主要职责、具体工作事项、与相关部门的职责边界和事中事后监管制度。",
        "主要职责8项，具体工作事项46项，职责边界事项3项（科技成果转化、技术市场管理、知识产权保护）。",
        "追责情形：不履行或者不正确履行职责的，依法依规追究责任。"]),
    ("ql-tz-2026", "关于调整示例市科学技术局行政权力清单事项的公告", "公告", "qlqd", "kjgl",
     dt.date(2026, 7, 13), 2, "", [
        "根据《专利法实施细则》（2023年修订），对本局行政权力清单（2025年版）调整如下：",
        "一、新增行政检查事项1项：对专利代理机构执业行为的检查。",
        "二、变更行政处罚事项1项的实施依据。调整后，本局行政权力事项共13项。"]),
    ("zf-ry-2025", f"{BUREAU}行政执法人员名单（2025年）", "其他", "xzzf", "zscq", dt.date(2025, 2, 17), 1, "", [
        "根据行政执法公示制度，现将本局取得行政执法证件的人员公布如下（姓名、所在处室、执法类别）：",
        "林海涛，局领导，专利行政执法；周静，知识产权保护处，专利行政执法；",
        "罗建明，知识产权保护处，专利行政执法；陈思远，政策法规处，行政执法监督；",
        "郑凯，计划处，科技计划项目监督检查。"]),
    ("zf-jh-2025", f"{BUREAU}2025年度“双随机、一公开”抽查计划", "通知", "xzzf", "zscq",
     dt.date(2025, 3, 10), 1, "", [
        "根据《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》，制定本年度抽查计划。",
        "一、抽查事项：专利标识标注行为检查、科技企业孵化器运行情况检查、科技计划项目实施情况检查。",
        "二、抽查比例：专利标识标注检查对象按5%随机抽取，检查人员从执法人员名录库中随机选派。",
        "三、结果公开：抽查结果自作出之日起20个工作日内通过本栏目公开。"]),
    ("zf-jg-2025", f"{BUREAU}2025年度“双随机、一公开”抽查结果公示", "公告", "xzzf", "zscq",
     dt.date(2025, 12, 15), 1, "", [
        "2025年度，本局随机抽取检查对象46家，已全部完成检查。",
        "检查结果：未发现问题41家，责令整改4家（专利标识标注不规范），立案调查1家。",
        "责令整改的企业已在规定期限内完成整改。检查结果已归集至示例市市场主体信用信息公示系统。"]),
    ("zf-cf-2026-1", "示例市知识产权局行政处罚决定公示（示知罚〔2026〕1号）", "决定", "xzzf", "zscq",
     dt.date(2026, 3, 9), 2, "", [
        "当事人：示例市某某新材料科技有限公司。",
        "违法事实：当事人在其生产销售的产品包装上标注已终止的专利号，构成假冒专利行为。",
        "处罚依据：《中华人民共和国专利法》第六十八条。",
        "处罚决定：责令改正并予公告，没收违法所得，并处罚款人民币二万元。"]),
    ("zf-jh-2026", f"{BUREAU}2026年度“双随机、一公开”抽查计划", "通知", "xzzf", "zscq",
     dt.date(2026, 3, 16), 0, "", [
        "根据本市“双随机、一公开”监管工作安排，制定本局2026年度抽查计划。",
        "一、抽查事项：专利标识标注行为检查、专利代理机构执业行为检查、科技计划项目实施情况检查。",
        "二、抽查时间：上半年、下半年各开展一次，抽查结果分次公示。"]),
    ("zf-jg-2026", f"{BUREAU}2026年上半年“双随机、一公开”抽查结果公示", "公告", "xzzf", "zscq",
     dt.date(2026, 7, 20), 1, "", [
        "2026年上半年，本局随机抽取检查对象24家，已全部完成检查。",
        "检查结果：未发现问题22家，责令整改2家（专利标识标注不规范），已完成整改。"]),
    ("zf-cf-2026-2", "示例市知识产权局行政处罚决定公示（示知罚〔2026〕2号）", "决定", "xzzf", "zscq",
     dt.date(2026, 10, 19), 2, "", [
        "当事人：示例市某某电子商务有限公司。",
        "违法事实：当事人在电子商务平台销售页面宣传其产品“已获国家发明专利”，经查该专利申请已被驳回，构成假冒专利行为。",
        "处罚依据：《中华人民共和国专利法》第六十八条。",
        "处罚决定：责令改正并予公告，并处罚款人民币一万五千元。"]),
    ("ta-qk-2023", f"{BUREAU}关于2023年市人大代表建议和政协委员提案办理情况的报告", "报告", "jyta", "zfjs",
     dt.date(2023, 12, 18), 2, "", [
        "2023年，本局共承办市人大代表建议12件、市政协委员提案15件，其中主办9件、协办18件，已全部按期办结。",
        "代表委员对办理结果满意或基本满意率100%。建议提案反映的科技成果转化、科技金融等问题已纳入年度工作要点。"]),
    ("ta-rd-2024", "关于市十七届人大三次会议第0105号代表建议的答复", "函", "jyta", "kjgl",
     dt.date(2024, 7, 15), 1, "示科函", [
        "您提出的《关于加大对科技型中小企业研发投入支持力度的建议》收悉，现答复如下：",
        "一、本局已实施科技创新券制度，2023年为科技型中小企业兑付创新券资金1200万元。",
        "二、下一步将提高研发费用后补助比例，并简化申报程序。感谢您对科技工作的关心和支持。"]),
    ("ta-zx-2025", "关于市政协十四届四次会议第0217号提案的答复", "函", "jyta", "cxpt",
     dt.date(2025, 8, 11), 1, "示科函", [
        "您提出的《关于推动重点实验室向社会开放共享科研仪器的提案》收悉，现答复如下：",
        "一、本局已将大型科研仪器开放共享纳入重点实验室绩效评价。",
        "二、2025年将建成全市科研仪器共享服务平台，为中小企业提供检测服务。感谢您的关心和支持。"]),
    ("ta-qk-2025", f"{BUREAU}2025年建议提案办理情况", "报告", "jyta", "zfjs", dt.date(2025, 12, 22), 1, "", [
        "2025年，本局共承办市人大代表建议10件、市政协委员提案13件，已全部按期办结，满意率100%。",
        "办理中坚持“面商”原则，主办件均与代表委员当面沟通，办理复文经代表委员同意后在本栏目公开。"]),
    ("ta-rd-2026", "关于市十七届人大五次会议第0032号代表建议的答复", "函", "jyta", "cgzh",
     dt.date(2026, 7, 27), 2, "示科函", [
        "您提出的《关于完善高校院所科技成果转化收益分配机制的建议》收悉，现答复如下：",
        "一、《示例市促进科技成果转化若干规定》已明确科技成果转化净收入用于奖励科研人员的比例不低于70%。",
        "二、本局将会同有关部门开展赋予科研人员职务科技成果所有权试点。感谢您对科技工作的关心和支持。"]),
]


def _workday_before(day: dt.date, days: int) -> dt.date:
    day -= dt.timedelta(days=days)
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def _management(add, last_year: int, last_day: dt.date) -> None:
    """The 管理公开 columns, and the recent updates a well-run bureau publishes: 工作动态 within
    two weeks and 通知公告/政策文件 columns within six months (国办发〔2019〕19号 栏目不更新).
    Every one is published within a few days of being signed, never late."""
    counters = _counter()
    for key, title, genre, column, topic, written, lag, code, body in MANAGEMENT:
        number = _number(counters, code, written.year) if code else ""
        add(Spec(key, title, genre, written, written + dt.timedelta(days=lag), topic, [column], body,
                 doc_number=number, keywords=KEYWORDS[column]))
    for year in range(2025, last_year + 1):
        written = dt.date(year, 7, 14) - dt.timedelta(days=dt.date(year, 7, 14).weekday())
        add(Spec(f"zj-{year}", f"{BUREAU}{year}年上半年工作总结和下半年工作安排", "报告", written, written,
                 "kjgl", ["ghjh"], [f"{year}年上半年，全市科技工作按照年度工作要点有序推进。",
                                    "下半年将重点抓好科技计划项目管理、创新平台建设和科技成果转化。"],
                 keywords="工作总结 计划"))
    written = dt.date(2026, 8, 17)
    add(Spec("gf-yfbz-2026", "示例市科技型企业研发投入后补助实施办法", "办法", written, written, "kjjr",
             ["gfxwj"], ["第一条　为引导企业加大研发投入，根据《中华人民共和国科学技术进步法》，制定本办法。",
                         "第二条　对上年度研发费用增长的科技型企业，按增量的10%给予后补助，单个企业最高100万元。",
                         "第三条　本办法由市科学技术局负责解释，自2026年10月1日起施行，有效期5年。"],
             doc_number="示科规〔2026〕1号", normative=True, needs_interpretation=True,
             keywords="规范性文件 研发投入后补助"))
    add(Spec("jd-yfbz-2026", "《示例市科技型企业研发投入后补助实施办法》政策解读", "解读", written, written,
             "kjjr", ["zcjd"], ["一、出台背景\n为落实企业创新主体地位，引导企业加大研发投入，制定本办法。",
                                "二、主要内容\n后补助按研发费用增量计算，企业无需单独申报，由税务数据比对后兑付。"],
             interprets="gf-yfbz-2026", keywords="政策解读"))
    written = dt.date(2026, 9, 14)
    add(Spec("zz-2026", "省科学技术厅关于进一步加强科技伦理治理的实施意见", "意见", written,
             written + dt.timedelta(days=3), "kjgl", ["qtwj"],
             ["各市（州）科技局：为贯彻落实国家关于加强科技伦理治理的意见，现提出如下实施意见。"],
             issuers="省科学技术厅", repost_source="省科学技术厅", keywords="转载 上级文件"))
    for n, (days, title) in enumerate(((1, f"{BUREAU}开展科技型企业走访服务活动"),
                                       (8, f"{BUREAU}召开全市科技成果转化对接会"))):
        day = _workday_before(last_day, days)
        add(Spec(f"dt-recent-{n}", title, "工作动态", day, day, "cgzh", ["gzdt"],
                 [f"近日，{BUREAU}组织开展{title.removeprefix(BUREAU)[2:]}，听取企业和科研单位意见建议。"]))
