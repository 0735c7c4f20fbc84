"""The default 主动公开基本目录 of a science & technology bureau and a default 主题分类 taxonomy.

Columns follow 条例第二十条 (法定主动公开内容) and the bureau's implementation plan; each states
subject, content, basis, time limit and channel. Loaded idempotently (existing entries are kept
as the department edited them).
"""

from dataclasses import dataclass

from django.db import transaction

from gongkai.core.models import Department
from gongkai.documents.models import CatalogueColumn, SubjectCategory

CHANNEL = "门户网站政府信息公开专栏；政务新媒体"
ART26 = "信息形成或变更之日起20个工作日内（条例第二十六条）"


@dataclass(frozen=True)
class Col:
    slug: str
    name: str
    content: str
    basis: str
    time_limit: str = ART26
    division: str = "bgs"
    parent: str = ""


COLUMNS = [
    Col(
        "jgzn",
        "机构职能",
        "机构设置、职能、办公地址、办公时间、联系方式、负责人姓名",
        "条例第二十条第（二）项",
        division="rsc",
    ),
    Col(
        "zcwj",
        "政策文件",
        "本机关制发的规范性文件和其他政策文件",
        "条例第二十条第（一）项",
        division="zcfgc",
    ),
    Col(
        "gfxwj",
        "规范性文件",
        "行政规范性文件（含有效性标注、清理结果）",
        "条例第二十条第（一）项",
        "印发之日起当日公开",
        "zcfgc",
        "zcwj",
    ),
    Col(
        "qtwj",
        "其他文件",
        "其他政策文件、转载的上级文件",
        "条例第二十条第（一）项",
        "印发之日起当日公开",
        "zcfgc",
        "zcwj",
    ),
    Col(
        "zcjd",
        "政策解读",
        "政策文件的解读材料（文字、图表、音视频），与政策文件同步发布",
        "实施方案“政策解读”",
        "与政策文件同步",
        "zcfgc",
    ),
    Col(
        "ghjh",
        "规划计划",
        "科技发展规划、年度工作计划及其进展",
        "条例第二十条第（三）项",
        division="jhc",
    ),
    Col(
        "czyjs",
        "财政预决算",
        "部门预算、决算及“三公”经费，永久保留",
        "条例第二十条第（七）项；预算法第十四条",
        "批复后20日内",
        "tcc",
    ),
    Col(
        "kjxm",
        "科技项目与资金",
        "科技计划项目立项、资金分配及结果",
        "条例第二十条第（十五）项；实施方案“管理公开”",
        division="jhc",
    ),
    Col(
        "rsxx",
        "人事信息",
        "公务员招录、事业单位招聘、人事任免",
        "条例第二十条第（十四）项",
        division="rsc",
    ),
    Col(
        "qlqd",
        "权力清单和责任清单",
        "权力清单、责任清单及其调整情况",
        "实施方案“管理公开”",
        division="zcfgc",
    ),
    Col(
        "xzzf",
        "行政执法公示",
        "执法主体、依据、流程、裁量基准、执法结果",
        "国办发〔2018〕118号",
        "执法决定作出之日起7个工作日内",
        "zscqbhc",
    ),
    Col(
        "jyta",
        "建议提案办理",
        "人大代表建议、政协提案办理复文和总体情况",
        "实施方案“结果公开”",
        "办结后",
        "bgs",
    ),
    Col("tzgg", "通知公告", "通知、公告、通告", "条例第十九条", division="bgs"),
    Col("gzdt", "工作动态", "本机关工作动态", "条例第十九条", "及时", "xjc"),
]

TOPICS = [
    ("kjgl", "科技管理"),
    ("kjxm", "科技项目"),
    ("zscq", "知识产权"),
    ("cxpt", "创新平台"),
    ("kjrc", "科技人才"),
    ("cgzh", "成果转化"),
    ("kjjr", "科技金融"),
    ("kjpj", "科学普及"),
    ("czzj", "财政资金"),
    ("rsgl", "人事管理"),
    ("zfjs", "政府建设"),
    ("qt", "其他"),
]


@transaction.atomic
def catalogue_seed(department: Department) -> None:
    divisions = {d.code: d for d in department.divisions.all()}
    by_slug: dict[str, CatalogueColumn] = {}
    for order, c in enumerate(COLUMNS):
        column, _ = CatalogueColumn.objects.get_or_create(
            department=department,
            slug=c.slug,
            defaults={
                "name": c.name,
                "content": c.content,
                "basis": c.basis,
                "time_limit": c.time_limit,
                "channel": CHANNEL,
                "subject": department.name,
                "responsible": divisions.get(c.division),
                "parent": by_slug.get(c.parent),
                "order": order,
            },
        )
        by_slug[c.slug] = column
    for order, (code, name) in enumerate(TOPICS):
        SubjectCategory.objects.get_or_create(
            department=department, code=code, defaults={"name": name, "order": order}
        )
