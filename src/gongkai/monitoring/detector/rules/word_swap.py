"""Systematic word substitution: a school's page with 学院→公司, 学生→员工, 院长→经理.

Spinning tools rewrite a copied page so that search engines take it for new content; on the
pages of universities they swap the institution's words for a company's. What they leave is
compounds no one writes: 教学副经理, 公司党委 … 辅导员, 员工会主席, 老员工科技创新, 我司副校长,
物理与光电工程公司 … 本科新生. Each pattern pairs a company word with a word only schools use,
inside one sentence, so a university's own page on its logistics company (后勤集团公司总经理)
or a company's page on its staff stays clean.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..context import Context
from ..registry import register
from ..result import Finding, excerpt

_SCHOOL = (
    r"辅导员|班主任|教职工|本科|新生|学生会|学代会|学风|学业|考研|返校|校庆|院庆|校友|校区|学科"
    r"|教学|教研|学位|毕业|入学|升学|军训|团委|团支部|学院|院领导|全院|师生|校长|学校|班级|年级|学期"
    r"|开题|毕业论文|指导教师|\d{2,4}级"
)
# (name, pattern): the compound a swap leaves behind.
_SWAPS: tuple[tuple[str, str], ...] = (
    (
        "academic manager",
        r"(?:教学|科研|行政|常务|执行|主持工作)副?经理|学院(?:副)?经理|经理工作报告",
    ),
    ("company party committee at a school", rf"公司党(?:委|总支)[^。!?\n]*?(?:{_SCHOOL})"),
    ("school then company party committee", rf"(?:{_SCHOOL})[^。!?\n]*?公司党(?:委|总支)"),
    (
        "students as staff",
        r"员工(?:会|代表大会|处|工作办公室|工作处|干部|党员|党支部|心理|工作例会)",
    ),
    (
        "students as staff",
        r"(?:在校|毕业|本科|退役|返校|新|港澳台|青年)员工|老员工(?:活|心理|科技|创业|参军|入伍|竞赛)",
    ),
    (
        "students as staff",
        rf"员工[^。!?\n]{{0,20}}?(?:{_SCHOOL})|(?:{_SCHOOL})[^。!?\n]{{0,20}}?员工",
    ),
    (
        "our company at a school",
        r"我司[^。!?\n]{0,30}?(?:副?校长|学术|校区|教职工|教代会|学院|学校|院领导|本科生|毕业论文"
        r"|开题|指导教师|辅导员)",
    ),
    (
        "school as company",
        r"[\u4e00-\u9fff]{2,6}与[\u4e00-\u9fff]{2,6}公司[^。!?\n]{0,30}?(?:本科|新生|学生|辅导员)",
    ),
    ("school as company", r"医公司|公司(?:\d{2,4}级|学生|学子|新生|教职工|院庆|校庆|返校|辅导员)"),
    ("school as company", r"公司[^。!?\n]{0,15}?(?:学科|院领导|本院|全院|学院领导班子)"),
    ("academic manager", r"经理代表学院|经理[^。!?\n]{0,6}(?:教授|博士)"),
    ("company in a school's sentence", rf"公司[^。!?\n]{{0,20}}?(?:{_SCHOOL})"),
)
# Compounds that are a swap by themselves; the others (员工 near a school word) only count
# when they are several or come with one of these.
_STRONG = frozenset(["academic manager", "company party committee at a school"])
_STRONG |= frozenset(["school then company party committee", "our company at a school"])
_PATTERNS = [(name, re.compile(p)) for name, p in _SWAPS]
# The one compound whose school word may stand anywhere later on the page.
_PAGE_PARTY = re.compile(
    r"公司党委(?=[\s\S]*(?:院领导|全院|院党委|学院|党员教师|教师党员|专业系|教研室))"
)
# Every compound above lies inside one sentence holding a company word: only those sentences
# are searched (a 20 KB page has few or none).
_ANCHOR = re.compile(r"公司|经理|员工|我司")
_STOPS = "。!?\n"


def _sentences(text: str) -> list[str]:
    """The sentences of *text* that hold a company word, each once."""
    found: list[str] = []
    end = -1
    for m in _ANCHOR.finditer(text):
        if m.start() < end:
            continue
        start = max(text.rfind(c, 0, m.start()) for c in _STOPS) + 1
        ends = [i for c in _STOPS if (i := text.find(c, m.end())) >= 0]
        end = min(ends, default=len(text))
        found.append(text[start:end])
    return found


# A school's page on its own company, or a company's on its staff, use these honestly.
_HONEST = re.compile(
    r"师生员工|教职员工|职员工|全体员工|后勤|物业|集团公司|总经理|企业员工|公司员工"
)
_QUICK = re.compile(r"公司|经理|员工|我司")
# A school's page on its partners names companies honestly: the weak proximity kind is off.
_PARTNERS = re.compile(r"校企|合作单位|合作协议|签约|实习基地|招聘|用人单位|企业")


@register
def word_substitution(ctx: Context) -> Iterator[Finding]:
    """Company words swapped into a school's page (公司党委…辅导员, 教学副经理, 员工会)."""
    text = ctx.body.text
    if not _QUICK.search(text):
        return
    hits: dict[str, list[str]] = {}
    partners = bool(_PARTNERS.search(text))
    sentences = _sentences(text)
    for name, pattern in _PATTERNS:
        if partners and name == "company in a school's sentence":
            continue
        for sentence in sentences:
            for m in pattern.finditer(sentence):
                if not _HONEST.search(m.group(0)):
                    hits.setdefault(name, []).append(m.group(0))
    if "公司党委" in text and (party := _PAGE_PARTY.search(text)):
        hits.setdefault("company party committee at a school", []).append(party.group(0))
    if not hits:
        return
    kinds, total = len(hits), sum(len(v) for v in hits.values())
    weight = 75.0 if kinds >= 3 or (kinds >= 2 and total >= 4) else 55.0 if kinds >= 2 else 45.0
    if kinds == 1 and total < 2 and not _STRONG & hits.keys():
        weight = 25.0  # one odd compound is worth listing, not alarming
    evidence = "; ".join(v[0] for v in hits.values())
    yield Finding(
        "word_swap",
        excerpt(evidence),
        "visible text",
        weight,
        f"{total} swapped compound(s) of {kinds} kind(s): " + ", ".join(hits),
    )
