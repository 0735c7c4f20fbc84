"""Writes of the monitoring app: record checks and probes, open and close incidents.

The CLI (`gongkai inspect --record`), the periodic jobs and the staff views all call these.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from gongkai.core import audit
from gongkai.core.errors import InvalidTransition
from gongkai.core.models import Department, User
from gongkai.monitoring.availability import Availability, ProbeSample, assess_week
from gongkai.monitoring.detector import Result
from gongkai.monitoring.models import Incident, InspectionCheck, MonitoredPage, Probe, Verdict

# Allowed status changes of an incident (source → targets).
TRANSITIONS: dict[str, set[str]] = {
    Incident.Status.OPEN: {
        Incident.Status.CONFIRMED,
        Incident.Status.RESOLVED,
        Incident.Status.FALSE_ALARM,
    },
    Incident.Status.CONFIRMED: {Incident.Status.RESOLVED},
    Incident.Status.RESOLVED: set(),
    Incident.Status.FALSE_ALARM: set(),
}
CLOSED = {Incident.Status.RESOLVED, Incident.Status.FALSE_ALARM}


@dataclass(frozen=True)
class Inspected:
    check: InspectionCheck
    incident: Incident | None


# Finding types in the words staff use (the detector's own names stay in the JSON).
TYPE_LABELS = {
    "gambling": "博彩内容",
    "porn": "色情内容",
    "pinyin_run": "正文被改写为拼音",
    "char_pinyin": "字(拼音)改写",
    "trad_simp_mix": "繁简混排",
    "hidden_link": "暗链",
    "hidden_iframe": "隐藏框架",
    "external_iframe": "外站框架",
    "foreign_canonical": "页面地址被指向外站",
    "link_block": "外链块",
    "external_link": "外部链接",
    "external_script": "外部脚本",
    "redirect": "跳转",
    "cloaking": "针对搜索引擎的差异内容",
    "script_injection": "脚本注入",
    "obfuscated_script": "混淆脚本",
    "keyword_stuffing": "关键词堆砌",
    "name_replaced": "机关名称被替换",
    "own_name_missing": "页面不含本机关名称",
    "title_mismatch": "标题被替换",
    "undecodable": "无法解码",
    "pinyin_rewrite": "正文被改写为拼音",
    "link_block_appended": "被追加链接块",
    "content_removed": "内容被删除",
    "other_edit": "其他改动",
    "file_changed": "文件被修改",
    "file_added": "植入文件",
    "file_missing": "文件缺失",
    "file_mode": "文件权限被修改",
    "manifest_invalid": "签名清单被篡改",
}
VERDICT_LABELS = {"clean": "正常", "suspicious": "可疑", "tampered": "被篡改"}


def type_label(kind: str) -> str:
    return TYPE_LABELS.get(kind, kind)


def _summary(result: Result) -> str:
    kinds = "、".join(dict.fromkeys(type_label(f.type) for f in result.findings if f.weight >= 15))
    return f"{VERDICT_LABELS[result.verdict]}（{result.score:g} 分）：{kinds}"[:300]


@transaction.atomic
def inspection_record(
    *,
    department: Department,
    url: str,
    result: Result,
    now: dt.datetime,
    page: MonitoredPage | None = None,
    content: bytes = b"",
    compared_with_canonical: bool = False,
    diff: str = "",
    actor: User | None = None,
) -> Inspected:
    """Store one detector run; a flagged result opens an incident (or updates the open one)."""
    check = InspectionCheck.objects.create(
        department=department,
        page=page,
        url=url[:500],
        checked_at=now,
        verdict=result.verdict,
        score=result.score,
        findings=[f.to_dict() for f in result.findings],
        notes=list(result.notes),
        compared_with_canonical=compared_with_canonical,
        content_sha256=hashlib.sha256(content).hexdigest() if content else "",
    )
    if result.verdict == Verdict.CLEAN:
        return Inspected(check, None)
    incident = (
        Incident.objects.select_for_update()
        .filter(department=department, url=check.url)
        .exclude(status__in=CLOSED)
        .first()
    )
    evidence = check.findings
    if incident is None:
        incident = Incident.objects.create(
            department=department,
            inspection=check,
            url=check.url,
            opened_at=now,
            verdict=result.verdict,
            score=result.score,
            summary=_summary(result),
            evidence=evidence,
            diff=diff,
        )
        audit.record(
            actor=actor,
            action="monitoring.incident.open",
            obj=incident,
            after={"verdict": result.verdict, "score": result.score},
        )
    else:
        # The latest evidence replaces the older one; the incident keeps its history in checks.
        incident.inspection = check
        incident.verdict, incident.score = result.verdict, result.score
        incident.summary, incident.evidence = _summary(result), evidence
        incident.diff = diff or incident.diff
        incident.save()
    return Inspected(check, incident)


@transaction.atomic
def incident_transition(
    *, incident: Incident, to: str, actor: User, resolution: str = "", now: dt.datetime
) -> Incident:
    """Confirm, resolve or dismiss an incident; closing needs a written resolution."""
    incident = Incident.objects.select_for_update().get(pk=incident.pk)
    source = incident.status
    if to not in TRANSITIONS[source]:
        raise InvalidTransition(
            f"事件状态不能从“{Incident.Status(source).label}”变为“{Incident.Status(to).label}”。"
        )
    if to in CLOSED and not resolution.strip():
        raise InvalidTransition("关闭事件须填写处置说明（恢复方式、原因、整改措施）。")
    incident.status = to
    if resolution:
        incident.resolution = resolution
    if to in CLOSED:
        incident.closed_at, incident.closed_by = now, actor
    incident.save()
    audit.record(
        actor=actor,
        action=f"monitoring.incident.{to}",
        obj=incident,
        before={"status": source},
        after={"status": to, "resolution": resolution},
    )
    return incident


def probe_record(
    *,
    page: MonitoredPage,
    at: dt.datetime,
    opened: bool,
    elapsed_ms: int,
    status_code: int | None = None,
    error: str = "",
) -> Probe:
    """Store one availability probe."""
    return Probe.objects.create(
        page=page,
        checked_at=at,
        opened=opened,
        elapsed_ms=elapsed_ms,
        status_code=status_code,
        error=error[:300],
    )


def availability(page: MonitoredPage, *, week_end: dt.date) -> Availability:
    """The 国办发〔2019〕19号 availability assessment of *page* for the week ending *week_end*."""
    start = week_end - dt.timedelta(days=6)
    rows = Probe.objects.filter(
        page=page, checked_at__date__gte=start, checked_at__date__lte=week_end
    ).values_list("checked_at", "opened", "elapsed_ms")
    samples = [
        ProbeSample(timezone.localtime(at), opened, elapsed / 1000.0)
        for at, opened, elapsed in rows
    ]
    return assess_week(samples, week_end=week_end)
