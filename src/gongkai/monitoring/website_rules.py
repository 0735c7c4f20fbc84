"""The content rules of the State Council website inspection (国办发〔2019〕19号 附件
《政府网站与政务新媒体检查指标》, 单项否决指标). Pure: no Django; "today" is an argument.

Each `assess_*` function returns an `Assessment`: pass / risk / fail, a one-line Chinese
summary and the evidence a reviewer needs (which column, since when, which page).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urljoin, urlsplit

Status = Literal["pass", "risk", "fail"]

HOME_STALE_DAYS = 14  # 首页不更新: 监测时间点前 2 周内首页无更新
NEWS_STALE_DAYS = 14  # 栏目不更新: 动态、要闻类栏目 2 周内未更新
NOTICE_STALE_MONTHS = 6  # 栏目不更新: 通知公告、政策文件类栏目 6 个月内未更新
LONG_STALE_MONTHS = 12  # "长期未更新": other columns that should be updated, one year
STALE_COLUMNS_FAIL = 5  # ≥ 5 news columns or ≥ 5 notice/policy columns stale = fail
LONG_STALE_FAIL = 10  # ≥ 10 columns long stale = fail
EMPTY_COLUMNS_FAIL = 5  # 空白栏目: ≥ 5 columns without content = fail
UNANSWERED_MONTHS = 3  # 互动回应差: a valid message unanswered over 3 months = fail
RISK_MARGIN_DAYS = 4  # "at risk": within this many days of a limit

NEWS_WORDS = ("动态", "要闻", "新闻", "工作信息", "图片", "视频", "快讯", "简讯")
NOTICE_WORDS = ("通知", "公告", "公示", "政策", "文件", "法规", "规章", "解读", "规划")


@dataclass(frozen=True)
class Assessment:
    status: Status
    summary: str
    evidence: list[str] = field(default_factory=list)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day *months* calendar months earlier (clamped to the month's last day)."""
    month0 = day.year * 12 + day.month - 1 - months
    year, month = divmod(month0, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover — day 28 exists in every month


def column_kind(name: str) -> str:
    """ "news" (动态/要闻: 2 weeks), "notice" (通知公告/政策文件: 6 months) or "other"."""
    if any(w in name for w in NEWS_WORDS):
        return "news"
    if any(w in name for w in NOTICE_WORDS):
        return "notice"
    return "other"


@dataclass(frozen=True)
class ColumnState:
    name: str
    last_published: dt.date | None
    items: int
    kind: str = ""

    @property
    def effective_kind(self) -> str:
        return self.kind or column_kind(self.name)


def _since(day: dt.date | None) -> str:
    return f"{day:%Y-%m-%d} 以来未更新" if day else "从未发布信息"


def assess_home(last_update: dt.date | None, *, today: dt.date) -> Assessment:
    """首页不更新: the home page shows nothing new in the 2 weeks before the check."""
    if last_update is None:
        return Assessment("fail", "首页没有任何已发布信息。", ["首页：从未更新"])
    age = (today - last_update).days
    evidence = [f"首页最近一次更新：{last_update:%Y-%m-%d}（{age} 天前）"]
    if age > HOME_STALE_DAYS:
        return Assessment("fail", f"首页已 {age} 天未更新，超过 2 周（单项否决）。", evidence)
    if age > HOME_STALE_DAYS - RISK_MARGIN_DAYS:
        left = HOME_STALE_DAYS - age
        return Assessment("risk", f"首页 {age} 天未更新，再过 {left} 天即超过 2 周。", evidence)
    return Assessment("pass", f"首页 {age} 天前有更新。", evidence)


def _column_status(col: ColumnState, today: dt.date) -> list[tuple[str, str]]:
    """(bucket, evidence) pairs for one column: "news", "notice", "long" or "near"."""
    last = col.last_published
    out: list[tuple[str, str]] = []
    if last is None or last < months_before(today, LONG_STALE_MONTHS):
        out.append(("long", f"{col.name}：{_since(last)}"))
    kind = col.effective_kind
    if kind == "news":
        limit, margin, label = today - dt.timedelta(days=NEWS_STALE_DAYS), 4, "动态类"
    elif kind == "notice":
        limit, margin, label = months_before(today, NOTICE_STALE_MONTHS), 16, "通知公告/政策类"
    else:
        return out
    if last is None or last < limit:
        out.append((kind, f"{col.name}（{label}）：{_since(last)}"))
    elif last < limit + dt.timedelta(days=margin):
        out.append(("near", f"{col.name}（{label}）：{last:%Y-%m-%d} 后未更新，即将超过时限"))
    return out


def assess_columns(columns: Sequence[ColumnState], *, today: dt.date) -> Assessment:
    """栏目不更新: ≥ 5 动态/要闻 columns not updated in 2 weeks, ≥ 5 通知公告/政策文件 columns
    not updated in 6 months, or ≥ 10 columns not updated for a long time (a year)."""
    buckets: dict[str, list[str]] = {"news": [], "notice": [], "long": [], "near": []}
    for col in columns:
        if col.items:  # an empty column is the 空白栏目 item, not this one
            for bucket, line in _column_status(col, today):
                buckets[bucket].append(line)
    news, notice, long_, near = (buckets[k] for k in ("news", "notice", "long", "near"))
    named = {line.split("（")[0] for line in news + notice}
    evidence = news + notice + [ln for ln in long_ if ln.split("：")[0] not in named] + near
    counts = (
        f"动态类 {len(news)} 个超过 2 周、通知公告/政策类 {len(notice)} 个超过 6 个月、"
        f"{len(long_)} 个超过 1 年未更新"
    )
    if (
        len(news) >= STALE_COLUMNS_FAIL
        or len(notice) >= STALE_COLUMNS_FAIL
        or len(long_) >= LONG_STALE_FAIL
    ):
        return Assessment("fail", f"{counts}（单项否决）。", evidence)
    if evidence:
        return Assessment("risk", f"{counts}；请及时更新。", evidence)
    return Assessment("pass", f"{len(columns)} 个栏目均按时更新。", evidence)


def assess_empty(columns: Sequence[ColumnState]) -> Assessment:
    """空白栏目: ≥ 5 columns without any content."""
    empty = [f"{c.name}：没有任何信息" for c in columns if c.items == 0]
    if len(empty) >= EMPTY_COLUMNS_FAIL:
        return Assessment("fail", f"{len(empty)} 个空白栏目，达到 5 个（单项否决）。", empty)
    if empty:
        return Assessment("risk", f"{len(empty)} 个空白栏目；达到 5 个即单项否决。", empty)
    return Assessment("pass", f"{len(columns)} 个栏目都有内容。", [])


@dataclass(frozen=True)
class Unanswered:
    """A valid message on an interaction channel that has not been answered yet."""

    channel: str
    title: str
    received: dt.date
    url: str = ""


def assess_interaction(
    messages: Iterable[Unanswered], *, today: dt.date, channels: int
) -> Assessment:
    """互动回应差: a valid message left unanswered for more than 3 months."""
    limit = months_before(today, UNANSWERED_MONTHS)
    warn = months_before(today, UNANSWERED_MONTHS - 1)
    late, near = [], []
    for m in sorted(messages, key=lambda m: m.received):
        line = f"{m.channel}：{m.title}（{m.received:%Y-%m-%d} 收到，未答复）"
        if m.received < limit:
            late.append(line)
        elif m.received < warn:
            near.append(line)
    if late:
        return Assessment(
            "fail", f"{len(late)} 条有效留言超过 3 个月未答复（单项否决）。", late + near
        )
    if near:
        return Assessment("risk", f"{len(near)} 条留言已超过 2 个月未答复。", near)
    if channels == 0:
        return Assessment("pass", "尚无互动渠道接入本检查（留言信箱等模块登记后自动纳入）。")
    return Assessment("pass", f"{channels} 个互动渠道没有超过 3 个月未答复的留言。")


# ---- 严重表述错误: leaders' names and titles ------------------------------------------------

GENERIC_TITLES = (
    "党组书记",
    "党组副书记",
    "党组成员",
    "纪检监察组组长",
    "纪检组长",
    "总工程师",
    "总经济师",
    "副局长",
    "局长",
    "副主任",
    "主任",
    "副处长",
    "处长",
    "副市长",
    "市长",
    "副书记",
    "书记",
    "调研员",
    "巡视员",
)


@dataclass(frozen=True)
class LeaderSpec:
    name: str
    titles: tuple[str, ...]
    typos: tuple[str, ...] = ()


def _title_near(text: str, start: int, end: int, titles: Sequence[str]) -> str | None:
    """The title written right after the name (张三局长) or right before it (局长张三)."""
    after = text[end : end + 12]
    before = text[max(0, start - 12) : start]
    for title in titles:  # longest first, so 副局长 wins over 局长
        if after.startswith(title) or before.endswith(title):
            return title
    return None


def _same_title(written: str, own: str) -> bool:
    """局长 for 市科学技术局局长 is the same title; 局长 for 副局长 is not."""
    return written == own or (own.endswith(written) and not own.endswith("副" + written))


def find_leader_errors(
    pages: Iterable[tuple[str, str]], leaders: Sequence[LeaderSpec]
) -> list[str]:
    """Wrong names (a configured typo) and names with a title that is not theirs."""
    known = {t for leader in leaders for t in leader.titles}
    titles = sorted(known | set(GENERIC_TITLES), key=len, reverse=True)
    errors: list[str] = []
    for path, text in pages:
        for leader in leaders:
            for typo in leader.typos:
                if typo and typo in text:
                    i = text.index(typo)
                    errors.append(
                        f"{path}：“{typo}”应为“{leader.name}”——…{text[max(0, i - 10) : i + 14]}…"
                    )
            for match in re.finditer(re.escape(leader.name), text):
                title = _title_near(text, match.start(), match.end(), titles)
                if title is None or any(_same_title(title, own) for own in leader.titles):
                    continue
                snippet = text[max(0, match.start() - 10) : match.end() + 12]
                errors.append(
                    f"{path}：{leader.name}的职务为“{'、'.join(leader.titles)}”，页面写作“{title}”"
                    f"——…{snippet}…"
                )
    return errors


def assess_leaders(errors: Sequence[str], *, leaders: int, pages: int) -> Assessment:
    """严重表述错误: a leader's name or title written wrongly on the site."""
    if errors:
        return Assessment(
            "fail", f"发现 {len(errors)} 处领导姓名或职务错误（单项否决）。", list(errors[:50])
        )
    if leaders == 0:
        return Assessment(
            "risk", "尚未登记领导姓名职务，无法检查（在系统管理中添加“领导姓名职务”）。"
        )
    return Assessment("pass", f"已检查 {pages} 个页面中 {leaders} 位领导的姓名和职务，未发现错误。")


# ---- Links ----------------------------------------------------------------------------------

_LINK = re.compile(
    r"""<(?:a|link|img|script|iframe|source)\b[^>]*?\b(?:href|src)\s*=\s*["']([^"'#]*)""", re.I
)
_SKIP_SCHEMES = ("mailto:", "tel:", "javascript:", "data:")


def page_links(html: str, page_path: str, *, own_hosts: Sequence[str]) -> tuple[set[str], set[str]]:
    """(internal URL paths, external absolute URLs) linked from one page at *page_path*."""
    internal: set[str] = set()
    external: set[str] = set()
    base = "http://site.invalid" + page_path
    for raw in _LINK.findall(html):
        href = raw.strip()
        if not href or href.lower().startswith(_SKIP_SCHEMES):
            continue
        absolute = urljoin(base, href)
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https"):
            continue
        host = parts.hostname or ""
        if host == "site.invalid" or host in own_hosts:
            internal.add(parts.path or "/")
        else:
            external.add(absolute)
    return internal, external


def assess_links(
    broken: Sequence[str], external_broken: Sequence[str], *, checked: int
) -> Assessment:
    """Broken links are a scored item of the inspection (not a single veto)."""
    evidence = list(broken[:100]) + list(external_broken[:50])
    if broken or external_broken:
        return Assessment(
            "risk",
            f"{len(broken)} 个站内链接、{len(external_broken)} 个外部链接无法打开。",
            evidence,
        )
    return Assessment("pass", f"已检查 {checked} 个链接，均可打开。")
