"""The integrity run of the department's own site (docs/monitoring.md, "Integrity").

`monitor_site` (a) verifies every served file against the signed manifest, (b) fetches a
bounded sample of pages from the live site as several clients (clients.py) and compares each
response with the signed canonical page and with what a desktop browser received, (c) opens an
incident per finding with evidence and a diff, (d) restores tampered files from the signed
build and verifies again, (e) records the run, the audit entry and — through the open
incidents — the general office's urgent to-dos. The job, the CLI and the dashboard call it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from django.db import transaction
from django.utils import timezone

from gongkai.core import audit
from gongkai.core.errors import DomainError
from gongkai.core.models import Department, User
from gongkai.core.permissions import require_role, require_same_department
from gongkai.monitoring.canonical_source import canonical_for
from gongkai.monitoring.clients import CLIENTS, DESKTOP, Client
from gongkai.monitoring.detector import DecodeError, Finding, Result, decode_html, inspect_html
from gongkai.monitoring.detector.canonical import unified_diff
from gongkai.monitoring.detector.result import combine, excerpt
from gongkai.monitoring.fetch import Fetched, FetchError, fetch
from gongkai.monitoring.models import Incident, MonitoredPage, MonitorRun
from gongkai.monitoring.services import inspection_record
from gongkai.monitoring.todos import ROLES

MAX_PAGES = 12  # pages fetched per run (× 6 clients): bounded, a run stays well under a minute
MAX_FILE_INCIDENTS = 50
FETCH_TIMEOUT_S = 15.0
FETCH_MAX_BYTES = 4 * 1024 * 1024
FILE_WEIGHTS = {  # what a difference from the signed manifest means
    "changed": ("file_changed", 75.0, "文件内容与签名清单不符"),
    "added": ("file_added", 70.0, "清单外的文件（可能被植入）"),
    "missing": ("file_missing", 50.0, "签名清单中的文件缺失"),
    "mode": ("file_mode", 60.0, "文件或目录的权限与发布时不同"),
    "signature": ("manifest_invalid", 90.0, "清单签名无效"),
    "shard": ("manifest_invalid", 90.0, "清单分片被修改"),
}


class MonitorError(DomainError):
    """The run could not start (no site yet, bad base URL); the message says what to do."""


@dataclass
class RunReport:
    run: MonitorRun
    incidents: list[Incident] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        run = self.run
        return {
            "run": run.pk,
            "department": run.department.slug,
            "base_url": run.base_url,
            "files": run.files,
            "problems": run.problems,
            "fetches": run.fetches,
            "restored": run.restored,
            "ok_after": run.ok_after,
            "incidents": [
                {"id": i.pk, "url": i.url, "verdict": i.verdict, "summary": i.summary}
                for i in self.incidents
            ],
            "summary": run.summary,
        }


def _names(department: Department) -> tuple[str, ...]:
    return tuple(n for n in (department.name, department.short_name) if n)


def _text(data: bytes, charset: str | None = None) -> str | None:
    try:
        return decode_html(data, charset)
    except DecodeError:
        return None


def _site(department: Department) -> tuple[Any, Any]:
    from gongkai.publishing.services import site_dir
    from gongkai.publishing.site import site_info

    info = site_info(department)
    return info, site_dir(info)


def default_base_url(department: Department) -> str | None:
    """The live site to fetch: the department's monitored home page, if one is configured."""
    home = MonitoredPage.objects.filter(
        department=department, is_home=True, is_copy=False, active=True
    ).first()
    return home.url.rstrip("/") if home else None


def sample_paths(department: Department, limit: int = MAX_PAGES) -> list[str]:
    """Home, the 专栏 index, then the newest HTML pages of the signed manifest."""
    from gongkai.publishing import engine

    _info, site = _site(department)
    manifest = engine.Manifest.load(site.served_tree())
    pages = [
        (entry[2], entry[3], rel)
        for rel, entry in manifest.entries()
        if rel.endswith(".html") and rel != "404.html"
    ]
    pages.sort(reverse=True)
    chosen = ["/", "/xxgk/"]
    for _serial, _day, rel in pages:
        path = "/" + rel.removesuffix("index.html")
        if path not in chosen:
            chosen.append(path)
        if len(chosen) >= limit:
            break
    known = {"/" + rel.removesuffix("index.html") for *_x, rel in pages}
    return [p for p in chosen if p in known][:limit]


# ---- (a) files against the signed manifest ----------------------------------------------


def _evidence_bytes(tree: Any, problem: Any) -> bytes:
    path = tree / problem.path
    if problem.kind in ("changed", "added") and path.is_file() and not path.is_symlink():
        with path.open("rb") as handle:
            return handle.read(FETCH_MAX_BYTES)
    return b""


def _file_result(
    department: Department, problem: Any, data: bytes, base_url: str
) -> tuple[Result, str]:
    """The finding for one file problem, with the detector's view of the altered page compared
    with the signed one (read after the restore: the served file is the signed file again)."""
    kind, weight, label = FILE_WEIGHTS.get(problem.kind, ("file_changed", 60.0, problem.kind))
    finding = Finding(
        kind, f"/{problem.path}", "signed manifest", weight, f"{label}：{problem.detail}"
    )
    if not (data and problem.path.endswith((".html", ".htm"))):
        return combine([finding]), ""
    signed = canonical_for(department, "/" + problem.path) if problem.kind == "changed" else None
    canonical = _text(signed) if signed else None
    found = inspect_html(
        data, canonical=canonical, own_names=_names(department), base_url=base_url + "/"
    )
    served_text = _text(data)
    diff = ""
    if canonical is not None and served_text is not None:
        diff = unified_diff(canonical, served_text)
    return combine([finding, *found.findings], found.notes), diff


# ---- (b) the live site as several clients -------------------------------------------------


def _fetch_as(url: str, client: Client) -> Fetched:
    return fetch(
        url,
        timeout=FETCH_TIMEOUT_S,
        max_bytes=FETCH_MAX_BYTES,
        user_agent=client.user_agent,
        referer=client.referer,
    )


def _cloaking(desktop: str, other: str, other_result: Result, client: Client) -> Finding | None:
    """The static site serves the same file to everyone: any difference in text is cloaking."""
    if desktop == other:
        return None
    diff = unified_diff(desktop, other, context=0)
    changed = [ln for ln in diff.splitlines()[2:] if ln[:1] in "+-"]
    if not changed:
        return None
    similarity = SequenceMatcher(None, desktop, other, autojunk=False).quick_ratio()
    weight = 90.0 if other_result.flagged else 60.0
    return Finding(
        "cloaking",
        excerpt(" / ".join(changed[:4])),
        f"{client.label} vs 桌面浏览器",
        weight,
        f"{client.label}收到的页面与桌面浏览器不同（相似度 {similarity:.0%}）：针对搜索引擎的篡改",
    )


@dataclass
class _PageFetch:
    path: str
    url: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    results: dict[str, Result] = field(default_factory=dict)
    bodies: dict[str, bytes] = field(default_factory=dict)


def _fetch_page(department: Department, base_url: str, path: str) -> _PageFetch:
    signed = canonical_for(department, path)
    canonical = _text(signed) if signed else None
    page = _PageFetch(path, base_url + path)
    for client in CLIENTS:
        row: dict[str, Any] = {"path": path, "client": client.key, "label": client.label}
        try:
            got = _fetch_as(page.url, client)
        except FetchError as exc:
            row.update(verdict="error", error=str(exc))
            page.rows.append(row)
            continue
        result = inspect_html(
            got.body,
            canonical=canonical,
            own_names=_names(department),
            charset=got.charset,
            base_url=got.final_url,
        )
        text = _text(got.body, got.charset) or ""
        page.texts[client.key], page.results[client.key] = text, result
        page.bodies[client.key] = got.body
        row.update(
            status=got.status,
            verdict=result.verdict,
            score=result.score,
            sha256=hashlib.sha256(got.body).hexdigest(),
            ms=round(got.elapsed_s * 1000),
        )
        page.rows.append(row)
    page.texts["canonical"] = canonical or ""
    return page


def _page_findings(page: _PageFetch) -> list[tuple[Client, Result, str]]:
    """(client, result, diff) per client whose page must open an incident."""
    out: list[tuple[Client, Result, str]] = []
    desktop = page.texts.get(DESKTOP.key)
    canonical = page.texts.get("canonical") or ""
    for client in CLIENTS:
        result = page.results.get(client.key)
        if result is None:
            continue
        if client is DESKTOP:
            if result.flagged:
                note = "服务器返回的页面与签名副本不符（桌面浏览器所见）"
                out.append((client, combine(result.findings, [*result.notes, note]), ""))
            continue
        if desktop is None:
            continue
        finding = _cloaking(desktop, page.texts[client.key], result, client)
        if finding is not None:
            out.append((client, combine([finding, *result.findings], result.notes), ""))
    for i, (client, result, _diff) in enumerate(out):
        base = canonical or desktop or ""
        out[i] = (client, result, unified_diff(base, page.texts[client.key]) if base else "")
    return out


# ---- the run -----------------------------------------------------------------------------


def _check_actor(actor: User | None, department: Department) -> None:
    if actor is None:  # the periodic job or the CLI
        return
    require_role(actor, *ROLES)
    require_same_department(actor, department.pk, "网站")


def monitor_site(
    *, department: Department, base_url: str | None = None, actor: User | None = None
) -> RunReport:
    """Verify, fetch as several clients, open incidents, restore, verify again, record."""
    from gongkai.publishing.services import PublishError, site_restore, site_verify

    _check_actor(actor, department)
    try:
        before = site_verify(department=department)
    except PublishError as exc:
        raise MonitorError(str(exc)) from exc
    base = (base_url or default_base_url(department) or "").rstrip("/")
    if base and not base.startswith(("http://", "https://")):
        raise MonitorError(f"网站地址须以 http:// 或 https:// 开头：{base}")
    info, _site_dir = _site(department)
    run = MonitorRun.objects.create(
        department=department,
        started_at=timezone.now(),
        actor=actor,
        base_url=base,
        files=before.files,
        problems=[p.as_dict() for p in before.problems],
    )
    report = RunReport(run)
    # (b) before any restore, so that the evidence shows what visitors were served
    fetched = (
        [_fetch_page(department, base, path) for path in sample_paths(department)] if base else []
    )
    run.fetches = [row for page in fetched for row in page.rows]
    # the tampered bytes are evidence: keep them before the restore puts the signed ones back
    tampered = {
        p.path: _evidence_bytes(before.root, p) for p in before.problems[:MAX_FILE_INCIDENTS]
    }
    # (d) automatic restore from the signed build, then verify again
    if before.problems:
        restore = site_restore(department=department, actor=actor)
        run.restored = {
            "restored": restore.restored,
            "quarantined": restore.quarantined,
            "quarantine_dir": str(restore.quarantine_dir),
            "remaining": [p.as_dict() for p in restore.after.problems],
        }
        run.ok_after = restore.after.ok
    else:
        run.ok_after = True
    # (c) incidents: files (compared with the restored, signed page), then what clients received
    file_incidents = []
    for problem in before.problems[:MAX_FILE_INCIDENTS]:
        result, diff = _file_result(department, problem, tampered[problem.path], info.base_url)
        saved = inspection_record(
            department=department,
            url=f"{info.base_url}/{problem.path}",
            result=result,
            now=timezone.now(),
            content=tampered[problem.path],
            compared_with_canonical=bool(diff),
            diff=diff,
            actor=actor,
        )
        if saved.incident is not None:
            file_incidents.append(saved.incident)
    served_incidents = []
    for page in fetched:
        for client, result, diff in _page_findings(page):
            saved = inspection_record(
                department=department,
                url=f"{page.url} [{client.label}]",
                result=result,
                now=timezone.now(),
                content=page.bodies.get(client.key, b""),
                compared_with_canonical=bool(page.texts.get("canonical")),
                diff=diff,
                actor=actor,
            )
            if saved.incident is not None:
                served_incidents.append(saved.incident)
    _finish(run, report, file_incidents, served_incidents, actor)
    return report


@transaction.atomic
def _finish(
    run: MonitorRun,
    report: RunReport,
    file_incidents: list[Incident],
    served_incidents: list[Incident],
    actor: User | None,
) -> None:
    for incident in file_incidents:
        incident.run = run
        incident.restore = {
            **run.restored,
            "ok_after": run.ok_after,
            "note": "已自动从签名的发布版本恢复"
            if run.ok_after
            else "自动恢复后仍有问题，请人工处理",
        }
        incident.save(update_fields=["run", "restore"])
    for incident in served_incidents:
        incident.run = run
        incident.restore = {
            "note": "服务器上的文件与签名清单一致，但访问者收到的页面不同："
            "问题在 Web 服务器、CDN 或反向代理（检查其配置、模块和重写规则）。"
            if not run.problems
            else "已恢复被改动的文件；请再次运行监测确认访问者所见已恢复。",
        }
        incident.save(update_fields=["run", "restore"])
    report.incidents = file_incidents + served_incidents
    run.incidents = len(report.incidents)
    fetch_errors = sum(1 for r in run.fetches if r.get("verdict") == "error")
    parts = [f"校验 {run.files} 个文件，{len(run.problems)} 个与签名清单不符"]
    if run.base_url:
        parts.append(f"以 {len(CLIENTS)} 种客户端抓取 {len(run.fetches) // len(CLIENTS)} 个页面")
        if fetch_errors:
            parts.append(f"{fetch_errors} 次抓取失败")
    else:
        parts.append("未配置网站地址，未抓取在线页面")
    if run.problems:
        parts.append("已自动恢复，复核通过" if run.ok_after else "自动恢复后仍有问题")
    parts.append(f"{run.incidents} 个事件")
    run.summary = "；".join(parts)[:300]
    run.finished_at = timezone.now()
    run.save()
    from gongkai.monitoring.veto import security_record

    security_record(run.department)
    audit.record(
        actor=actor,
        action="monitoring.run",
        obj=run,
        after={
            "problems": len(run.problems),
            "incidents": [i.pk for i in report.incidents],
            "restored": run.restored.get("restored", []),
            "ok_after": run.ok_after,
        },
    )
