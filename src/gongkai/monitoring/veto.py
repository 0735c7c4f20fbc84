"""Evaluate the single-veto items of the State Council website inspection (国办发〔2019〕19号)
for one department and store each result as a `VetoCheck` (the dashboard's history).

The rules are pure (`website_rules.py`, `availability.py`); this module gathers their inputs
from the documents app, the published build, the probes and the incidents. A failing item is
an urgent to-do of the general office (todos.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone

from gongkai.core import audit
from gongkai.core.models import Department, User
from gongkai.core.permissions import require_role, require_same_department
from gongkai.monitoring import interaction
from gongkai.monitoring import website_rules as rules
from gongkai.monitoring.fetch import FetchError, fetch
from gongkai.monitoring.models import (
    Incident,
    Leader,
    MonitoredPage,
    MonitorRun,
    VetoCheck,
    VetoItem,
)
from gongkai.monitoring.services import CLOSED, availability
from gongkai.monitoring.todos import ROLES

MAX_PAGES_SCANNED = 20000  # leader names and links: bounded per run
MAX_EXTERNAL_LINKS = 30  # external links: only on staff request, bounded, with a short timeout
EXTERNAL_TIMEOUT_S = 10.0
_TAGS = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]+>", re.S | re.I)


def _served(department: Department) -> tuple[Any, Path | None]:
    from gongkai.publishing.services import site_dir
    from gongkai.publishing.site import site_info

    info = site_info(department)
    site = site_dir(info)
    return info, (site.served_tree() if site.exists() else None)


def _html_files(tree: Path | None) -> Iterator[tuple[str, str]]:
    if tree is None:
        return
    count = 0
    for file in sorted(tree.rglob("*.html")):
        rel = file.relative_to(tree).as_posix()
        if rel.startswith(".well-known/") or file.is_symlink():
            continue
        yield rel, file.read_text(encoding="utf-8", errors="replace")
        count += 1
        if count >= MAX_PAGES_SCANNED:
            return


# ---- the items ---------------------------------------------------------------------------


def check_unreachable(department: Department, today: dt.date) -> rules.Assessment:
    """站点无法访问: ≥ 5 % of ≥ 20 daily probes over a week failed to open within 15 s."""
    homes = MonitoredPage.objects.filter(
        department=department, is_home=True, is_copy=False, active=True
    )
    if not homes:
        return rules.Assessment(
            "risk", "尚未设置首页可用性监测（添加“监测页面”并勾选“是否首页”）。"
        )
    weeks = [(page, availability(page, week_end=today)) for page in homes]
    evidence = [f"{page}：{week.explain()}" for page, week in weeks]
    if any(week.unreachable for _p, week in weeks):
        return rules.Assessment("fail", "一周内 15 秒打不开的比例达到 5%（单项否决）。", evidence)
    if any(not week.sufficient for _p, week in weeks):
        return rules.Assessment("risk", "有的日子监测不足 20 次，无法证明站点可访问。", evidence)
    return rules.Assessment("pass", "一周内监测充足，站点可访问。", evidence)


def _columns(department: Department) -> list[rules.ColumnState]:
    from gongkai.documents.models import CatalogueColumn

    visible = Q(documents__published_at__isnull=False) & ~Q(documents__status="withdrawn")
    leaves = (
        CatalogueColumn.objects.filter(department=department, children__isnull=True)
        .annotate(
            n=Count("documents", filter=visible, distinct=True),
            last=Max("documents__published_at", filter=visible),
        )
        .order_by("order", "id")
    )
    return [
        rules.ColumnState(str(c), timezone.localtime(c.last).date() if c.last else None, c.n)
        for c in leaves
    ]


def check_home(department: Department, today: dt.date) -> rules.Assessment:
    """首页不更新: the served home page's last change (signed manifest) or newest document."""
    from gongkai.documents.models import Document
    from gongkai.publishing import engine

    _info, tree = _served(department)
    days: list[dt.date] = []
    if tree is not None:
        entry = engine.Manifest.load(tree).get("index.html")
        if entry and entry[3]:
            days.append(dt.date.fromisoformat(str(entry[3])[:10]))
    newest = (
        Document.objects.filter(department=department, published_at__isnull=False)
        .exclude(status="withdrawn")
        .aggregate(m=Max("published_at"))["m"]
    )
    if newest:
        days.append(timezone.localtime(newest).date())
    return rules.assess_home(max(days) if days else None, today=today)


def check_interaction(department: Department, today: dt.date) -> rules.Assessment:
    providers = interaction.channels()
    messages: list[rules.Unanswered] = []
    for provider in providers.values():
        messages.extend(provider(department, today))
    return rules.assess_interaction(messages, today=today, channels=len(providers))


def check_leaders(department: Department, tree: Path | None) -> rules.Assessment:
    leaders = [
        rules.LeaderSpec(item.name, tuple(item.titles()), tuple(item.typo_list()))
        for item in Leader.objects.filter(department=department, active=True)
    ]
    if not leaders:
        return rules.assess_leaders([], leaders=0, pages=0)
    pages = [(f"/{rel}", " ".join(_TAGS.sub(" ", html).split())) for rel, html in _html_files(tree)]
    errors = rules.find_leader_errors(pages, leaders)
    return rules.assess_leaders(errors, leaders=len(leaders), pages=len(pages))


def check_security(department: Department, today: dt.date) -> rules.Assessment:
    """信息安全: open tampering incidents, and the latest integrity run's outcome."""
    open_ = Incident.objects.filter(department=department).exclude(status__in=CLOSED)
    evidence = [f"{i.get_verdict_display()}：{i.url}（{i.summary}）" for i in open_[:20]]
    run = MonitorRun.objects.filter(department=department, finished_at__isnull=False).first()
    if run is not None:
        evidence.append(
            f"最近一次完整性监测 {timezone.localtime(run.started_at):%Y-%m-%d %H:%M}：{run.summary}"
        )
    if run is not None and run.ok_after is False:
        return rules.Assessment("fail", "被篡改的文件未能自动恢复，须立即人工处置。", evidence)
    if open_.filter(verdict="tampered").exists():
        return rules.Assessment(
            "fail",
            f"{open_.count()} 个篡改事件未处置完毕（被攻击篡改未及时处置为单项否决）。",
            evidence,
        )
    if open_.exists():
        return rules.Assessment("risk", f"{open_.count()} 个可疑事件待核实。", evidence)
    if run is None or timezone.localtime(run.started_at).date() < today - dt.timedelta(days=1):
        return rules.Assessment("risk", "最近 24 小时没有运行网站完整性监测。", evidence)
    return rules.Assessment("pass", "文件与签名清单一致，无未处置的篡改事件。", evidence)


def check_links(
    department: Department, tree: Path | None, *, external: bool = False
) -> rules.Assessment:
    """Internal links must resolve to a file of the signed manifest; external links are
    fetched only when staff ask (bounded number, short timeout)."""
    from gongkai.publishing import engine
    from gongkai.publishing.pages import file_for
    from gongkai.publishing.server import is_dynamic

    if tree is None:
        return rules.Assessment("risk", "网站尚未生成，无法检查链接。")
    info, _tree = _served(department)
    files = {rel for rel, _entry in engine.Manifest.load(tree).entries()}
    own_hosts = [urlsplit(info.base_url).hostname or ""]
    broken: dict[str, str] = {}
    outside: dict[str, str] = {}
    checked = 0
    for rel, html in _html_files(tree):
        internal, external_urls = rules.page_links(html, "/" + rel, own_hosts=own_hosts)
        for path in internal:
            if is_dynamic(path):
                continue
            checked += 1
            target = file_for(path)
            if target not in files and f"{target}/index.html" not in files:
                broken.setdefault(path, f"/{rel}")
        for url in external_urls:
            outside.setdefault(url, f"/{rel}")
    external_broken = []
    if external:
        for url, page in list(outside.items())[:MAX_EXTERNAL_LINKS]:
            checked += 1
            try:
                fetch(url, timeout=EXTERNAL_TIMEOUT_S, max_bytes=64 * 1024)
            except FetchError as exc:
                external_broken.append(f"{page} → {url}：{exc}")
    lines = [f"{page} → {path}：站内链接指向的文件不存在" for path, page in broken.items()]
    return rules.assess_links(lines, external_broken, checked=checked)


# ---- the service -------------------------------------------------------------------------


def _check_actor(actor: User | None, department: Department) -> None:
    if actor is None:
        return
    require_role(actor, *ROLES)
    require_same_department(actor, department.pk, "网站")


@transaction.atomic
def veto_checks_run(
    *,
    department: Department,
    today: dt.date | None = None,
    actor: User | None = None,
    external_links: bool = False,
) -> list[VetoCheck]:
    """Evaluate every item now and store the results (history); return them in item order."""
    _check_actor(actor, department)
    today = today or timezone.localdate()
    _info, tree = _served(department)
    columns = _columns(department)
    results = {
        VetoItem.UNREACHABLE: check_unreachable(department, today),
        VetoItem.HOME_STALE: check_home(department, today),
        VetoItem.COLUMNS_STALE: rules.assess_columns(columns, today=today),
        VetoItem.EMPTY_COLUMNS: rules.assess_empty(columns),
        VetoItem.INTERACTION: check_interaction(department, today),
        VetoItem.LEADER_NAMES: check_leaders(department, tree),
        VetoItem.SECURITY: check_security(department, today),
        VetoItem.LINKS: check_links(department, tree, external=external_links),
    }
    now = timezone.now()
    saved = [
        VetoCheck.objects.create(
            department=department,
            item=item,
            status=result.status,
            summary=result.summary[:300],
            evidence=result.evidence[:200],
            checked_at=now,
        )
        for item, result in results.items()
    ]
    audit.record(
        actor=actor,
        action="monitoring.veto_checks",
        object_type="monitoring.site",
        object_id=department.slug,
        object_repr=f"{department.name} 网站检查",
        after={c.item: c.status for c in saved},
        department_id=department.pk,
    )
    return saved  # a failing item is an urgent to-do (todos.failing_veto_items)


def security_record(department: Department) -> VetoCheck:
    """Re-evaluate 信息安全 right after an integrity run, so the dashboard and the to-dos do not
    wait for the morning evaluation."""
    result = check_security(department, timezone.localdate())
    return VetoCheck.objects.create(
        department=department,
        item=VetoItem.SECURITY,
        status=result.status,
        summary=result.summary[:300],
        evidence=result.evidence[:200],
        checked_at=timezone.now(),
    )


def latest(department: Department) -> dict[str, VetoCheck]:
    """The latest evaluation of each item."""
    out: dict[str, VetoCheck] = {}
    for check in VetoCheck.objects.filter(department=department).order_by("-checked_at", "-id"):
        out.setdefault(check.item, check)
        if len(out) == len(VetoItem.choices):
            break
    return out
