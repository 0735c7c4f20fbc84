"""An organisation-name slot holding a gambling brand: the name swap of cloned pages.

Hijackers copy an institution's page and replace its name, and nothing else, with a brand:
“威尼斯官网召开教职工大会”, “5848vip威尼斯电子游戏党委”, “来源:bevictor伟德”,
“《8858cc永利唯一官网校长办公会议议事规则》”. A bare keyword list cannot tell that from a
report on Macau's casinos, so this rule looks for *slots*: the words around a name that only an
organisation fills (…党委书记, …召开, 来…调研, 来源:…, 《…办法》, the site-name line) and asks
whether what fills the slot is shaped like a brand (官网, 登录, 娱乐, a casino name, latin letters
and digits glued to Chinese) rather than like an institution (…大学, …局, …县).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..context import Context
from ..registry import register
from ..result import Finding, excerpt
from ..words import BRAND_NAMES, BRAND_SHAPES, NEUTRAL, ORG_ENDINGS


def _alternation(words: frozenset[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MARKS = re.compile(_alternation(BRAND_SHAPES | BRAND_NAMES))
# Phrases that hold a mark but name no brand (娱乐场所, 投注站, 政府入口网站): blanked first.
_NEUTRAL = re.compile(
    _alternation(NEUTRAL | frozenset(["入口网站", "政府入口", "娱乐场", "投注站"]))
)
_NAME_CHAR = re.compile(r"[\u4e00-\u9fffa-z0-9()·*]")
# What follows an organisation's name: its bodies and officers, what it does, its events.
_AFTER = re.compile(
    r"党委|党总支|党支部|党组|团委|纪委|工会|学生会|员工会|院长|副院长|校长|副校长|书记|经理"
    r"|董事长|全体|师生|教职工|学子|毕业生|员工|学生|校友|召开|举行|举办|开展|组织|成立"
    r"|第|\d{4}年|\d{4}届|[一二三四五六七八九十]届|校史|校庆|近年来|调研|觅才|洽谈|欢迎您"
    r"|实验室|党员|办学|周年|揭牌|在|于|深入|参观|交流|访问|进行|发展|学术|新闻|官方|首页|>|“"
)
# What precedes it: visits, possession, fields of a page.
_BEFORE = re.compile(
    r"(?:来|到|赴|莅临|对|与|给予|我校|我院|值得|召开|在|于|举行|迎来|参加|出席|当前位置"
    r"|踏入|进入|加入|纪念|欢迎您访问|欢迎访问|欢迎来到|powered by)\s*$"
)
# Contexts that many other things fill as well (X在…, 与X, 对X进行 …): they count only in a
# sentence about an institution's life, which is what a name swap leaves behind.
_WEAK = frozenset(["在", "于", "与", "对", "深入", "参观", "交流", "访问", "进行", "发展", "学术"])
_WEAK |= frozenset(["新闻", "官方", "首页", ">", "“", "召开", "举行", "迎来", "参加", "出席"])
_WEAK |= frozenset(["踏入", "进入", "加入"])
_INSTITUTION = re.compile(
    r"党委|书记|院长|校长|教职工|学院|学校|我校|我院|师生|学生|辅导员|教学|校区|本科|研究生|毕业"
    r"|党支部|团委|实验室|校友|教师|学科|新生|博士|硕士|招生|奖学金|培养"
)
_FIELD = re.compile(
    r"(?:来源|信息来源|主办|主办单位|承办|发布单位|版权所有|copyright|图文|单位|供稿|整理)\s*[::]?\s*$"
)
_RULE_TITLE = re.compile(r"《([^《》]{4,40}?)(?:办法|规定|规范|规则|章程|制度|细则|方案|条例)")
_GLUED = re.compile(r"[a-z0-9]{2,}[\u4e00-\u9fff]|[\u4e00-\u9fff][a-z0-9]{2,}")
_LATIN_DIGITS = re.compile(r"[a-z]+\d|\d+[a-z]")
_LONG_LATIN = re.compile(r"[a-z]{5,}[\u4e00-\u9fff]")
_CHINA_TAG = re.compile(r"(?<=[\u4e00-\u9fffa-z0-9])\(中国\)(?!有限|投资)")
# A name that opens with a number code: 9728太阳集团, yh533388银河, 3308维多利亚. Institutions
# are not named so; counts (2021级, 108教室), years (2023新年音乐会) and public numbers (12345热线,
# 985工程) are, and are left out.
_DIGIT_LED = re.compile(
    r"(?<![0-9a-z.:/\-])(?:[a-z]{1,4}\d{3,}|\d{4,})[a-z]{0,4}"
    r"(?=[\u4e00-\u9fff]{2})(?![年月日号届级人名万元个次期米室楼栋层路弄岁家所项篇份件条天周余多位座间台辆分秒时亿千百吨户套张本页章节款批轮场部班队组票])"
    r"(?!热线|计划|工程|目标|远景|行动|专项|项目|规划|战略|服务|平方|公里|毫|礼堂|报告厅|会议|教室"
    r"|实验|大楼|展厅|剧场|体育馆|机房|车间|宿舍|公寓|食堂|大厅|演播|录播|阶梯)"
)
_PLACE_ENDINGS = ("江", "河", "湖", "山", "寺", "村", "街", "路")
_YEAR = re.compile(r"(?:19|20)\d\d(?!\d)")
# A news item's dateline: “X 浙江站讯(通讯员…)”, “X北京3月5日电”.
_DATELINE = re.compile(r"\s*(?:[\u4e00-\u9fff]{0,4}站?讯|[\u4e00-\u9fff]{2,4}\d{1,2}月\d{1,2}日电)")
# Words that point at a name without being one: 其官方网站, 本网站, 该平台.
_POINTERS = "其本该此各贵我你您他她它这那"
_BRAND_COMPANY = re.compile(r"国际|集团|城|娱乐|体育|电竞|平台")
# An institution's verb a little after “X在/于”: X在闻道楼报告厅召开, X于4月27日举办.
_AT_VERB = re.compile(r"[^。,;!?\n]{0,24}?(?:召开|举行|举办|开展|组织|成立)")
_ENFORCEMENT = re.compile(
    r"打击|查处|严禁|取缔|举报|诈骗|涉赌|非法|违法|犯罪|警惕|谨防|博监局|博彩监察|承批|负责任博彩"
    r"|问题赌博|判处|开设赌场|侦破|抓获|警方|公安|不得|禁止|持牌|规管|牌照|监管"
)
# Brand names are written in a sentence that is about them only in news on the gaming industry
# and in enforcement; the cue lexicon's enforcement words (打击, 博监局 …) exempt a sentence.
_SENTENCE = re.compile(r"[^。!?;\n]*")
MAX_LEFT = 12
MAX_RIGHT = 14


@dataclass(frozen=True)
class Slot:
    name: str
    context: str
    score: int


def brand_score(name: str) -> int:
    """How much *name* looks like a gambling or porn site's name (0 = an institution's)."""
    marks = list(_MARKS.finditer(name))
    # An institution's own site (示例市科学技术局官方网站) is no brand: a shape counts only
    # after something that is not an institution's name.
    shapes = {
        m.group(0)
        for m in marks
        if m.group(0) in BRAND_SHAPES and not name[: m.start()].endswith(ORG_ENDINGS)
    }
    names = {m.group(0) for m in marks if m.group(0) in BRAND_NAMES}
    lead = _DIGIT_LED.match(name)
    coded = bool(lead and not _YEAR.fullmatch(lead.group(0)))
    # A place's name does not open with a number code (yh533388银河 is no river).
    place = coded and name.endswith(_PLACE_ENDINGS)
    if not shapes and not place and name.endswith(ORG_ENDINGS) and not name.endswith(tuple(names)):
        return 0  # 金沙县, 半岛都市报社, 注册会计师协会 …
    score = 2 * len(shapes) + len(names)
    if coded:
        score += 2  # 9728太阳集团, 3308维多利亚: a number code is a brand's, not a body's
    if _LONG_LATIN.search(name):
        score += 2  # suncitygroup太阳新城, jinnianhui今年会, bevictor伟德
    elif _GLUED.search(name) and (_LATIN_DIGITS.search(name) or names or shapes):
        score += 1  # 5848vip威尼斯, w88win优德, bwin必赢
    if "(中国)" in name and "(中国)有限" not in name and "(中国)投资" not in name:
        score += 2  # 开元(中国), 火博(中国): how brand sites style themselves
    if names and _BRAND_COMPANY.search(name):
        score += 1  # 必威国际, 太阳成城集团
    if names and not shapes and len(name) <= max(len(n) for n in names) + 1:
        score += 1  # the slot holds nothing but the brand: “金沙在…举行”
    return score


def _preceded(text: str, position: int) -> re.Match[str] | None:
    return _BEFORE.search(text, max(0, position - 12), position)


def _expand(text: str, start: int, end: int) -> tuple[int, int]:
    """The name around a brand mark: the run of name characters up to its slot's context."""
    left = start
    while (
        left > 0
        and start - left < MAX_LEFT
        and _NAME_CHAR.match(text[left - 1])
        and not _preceded(text, left)
    ):
        left -= 1
    right = end
    while (
        right < len(text)
        and right - end < MAX_RIGHT
        and _NAME_CHAR.match(text[right])
        and not _AFTER.match(text, right)
    ):
        right += 1
    return left, right


def _line_bounds(text: str, left: int, right: int) -> bool:
    """A short line that is the name, or a page's first line ending “… - name”."""
    line_start = text.rfind("\n", 0, left) + 1
    line_end = text.find("\n", right)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    if len(line) <= right - left + 12 and line_start + 3 >= left:
        return True
    tail = text[right : len(text) if line_end < 0 else line_end].strip()
    return not tail and text.count("\n", 0, left) < 3 and text[left - 1 : left] in "-_|–—"


def _in_slot(text: str, left: int, right: int) -> str:
    """The context that makes text[left:right] an organisation-name slot, or ''."""
    if _line_bounds(text, left, right):
        return "title line"
    line_start = text.rfind("\n", 0, left) + 1
    if not text[line_start:left].strip() and _DATELINE.match(text, right):
        return "dateline"
    if after := _AFTER.match(text, right):
        verb = _AT_VERB.match(text, after.end()) if after.group(0) in ("在", "于") else None
        return after.group(0) + "…" + verb.group(0)[-2:] if verb else after.group(0)
    if before := _preceded(text, left):
        return before.group(0)
    if _FIELD.search(text, max(0, left - 12), left):
        return "field"
    return ""


def _sentence(text: str, position: int) -> str:
    start = max(text.rfind("。", 0, position), text.rfind("\n", 0, position)) + 1
    sentence = _SENTENCE.match(text, start)
    return sentence.group(0) if sentence else ""


def _exempt(text: str, left: int, right: int) -> bool:
    """Enforcement or regulation right around the name (打击澳门金沙…, 博监局…娱乐场)."""
    before = re.split(r"[-_|\n]", text[max(0, left - 12) : left])[-1]
    after = re.split(r"[-_|\n]", text[right : right + 12])[0]
    return bool(_ENFORCEMENT.search(before + text[left:right] + after))


def _trim(name: str) -> str:
    """Drop separators at the ends, and a bracket left unbalanced by the expansion."""
    name = name.strip("·*").lstrip(_POINTERS)
    if name.startswith("(") and ")" not in name:
        name = name[1:]
    if name.endswith(")") and "(" not in name:
        name = name[:-1]
    return name


def _slot_at(text: str, m: re.Match[str], coded: bool) -> Slot | None:
    """The slot around the trigger *m* if a brand-shaped name fills it."""
    left, right = _expand(text, m.start(), m.end())
    if coded:
        left = m.start()  # the code opens the name
    name = _trim(text[left:right])
    if len(name) < 2:
        return None
    if text[left:right].lstrip("·*")[:1] in _POINTERS and _MARKS.match(name):
        return None  # 其官方网站, 本网址: a pointer to somebody's site, not a name
    score = brand_score(name)
    if score < 2:
        return None
    sentence = _sentence(text, m.start())
    context = _in_slot(text, left, right)
    if not context and score >= 5 and _INSTITUTION.search(sentence):
        context = "sentence on an institution"  # 3308维多利亚优惠大厅迎新志愿者…学院标牌
    if not context or _exempt(text, left, right):
        return None
    if context in _WEAK and not _INSTITUTION.search(sentence):
        return None
    return Slot(name, context, score)


def slots(text: str) -> list[Slot]:
    """Brand-shaped names in organisation-name slots of *text* (lower-case, normalised)."""
    text = _NEUTRAL.sub(lambda m: "|" * len(m.group(0)), text)
    found: dict[str, Slot] = {}
    triggers = (*_MARKS.finditer(text), *_LONG_LATIN.finditer(text), *_CHINA_TAG.finditer(text))
    codes = [m for m in _DIGIT_LED.finditer(text) if not _YEAR.fullmatch(m.group(0))]
    for m in (*triggers, *codes):
        slot = _slot_at(text, m, coded=m in codes)
        if slot and slot.name not in found:
            found[slot.name] = slot
    for m in _RULE_TITLE.finditer(text):
        head = m.group(1)
        mark = _MARKS.search(head)
        if mark and mark.start() <= 6 and (score := brand_score(head[: mark.end() + 4])) >= 2:
            found.setdefault(head, Slot(head, "《…》", score))
    return list(found.values())


@register
def brand_in_name_slot(ctx: Context) -> Iterator[Finding]:
    """A gambling or porn brand where the page names its organisation (…党委, 来源:…, 《…》)."""
    text = ctx.body.text.lower()
    if not (
        _MARKS.search(text)
        or _LONG_LATIN.search(text)
        or _CHINA_TAG.search(text)
        or _DIGIT_LED.search(text)
    ):
        return
    found = slots(text)
    if not found:
        return
    strongest = max(s.score for s in found)
    weight = 85.0 if len(found) >= 2 or strongest >= 4 else 75.0 if strongest >= 3 else 60.0
    evidence = "; ".join(f"{s.name} [{s.context}]" for s in found[:4])
    yield Finding(
        "name_swap",
        excerpt(evidence),
        "visible text",
        weight,
        f"{len(found)} organisation-name slot(s) holding a brand-shaped name",
    )
