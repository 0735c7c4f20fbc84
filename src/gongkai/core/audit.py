"""Writing and verifying the audit log. Every service that changes a document, an application
or a setting calls `record` inside its transaction."""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from gongkai.core import crypto
from gongkai.core.middleware import current_request
from gongkai.core.models import AuditEntry, AuditHead, User
from gongkai.core.net import client_ip

GENESIS = "0" * 64


def _canonical(entry: AuditEntry) -> bytes:
    payload = {
        "created_at": entry.created_at.isoformat(),
        "actor": entry.actor_id,
        "actor_name": entry.actor_name,
        "ip": entry.ip,
        "department": entry.department_id_value,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "object_repr": entry.object_repr,
        "action": entry.action,
        "before": entry.before,
        "after": entry.after,
        "prev_hash": entry.prev_hash,
    }
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str).encode()


def _client_ip() -> str:
    request = current_request.get()
    if request is None:
        return ""
    return client_ip(request)


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


@transaction.atomic
def record(
    *,
    actor: User | None,
    action: str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    department_id: int | None = None,
) -> AuditEntry:
    """Append one entry. `actor=None` means the system (a job, the CLI without a user)."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
        object_repr = object_repr or str(obj)[:200]
        department_id = department_id or getattr(obj, "department_id", None)
    head, _ = AuditHead.objects.select_for_update().get_or_create(
        pk=1, defaults={"last_hash": GENESIS}
    )
    if department_id is None and actor is not None:
        department_id = actor.department_id
    entry = AuditEntry(
        created_at=timezone.now(),
        actor=actor,
        actor_name=actor.display_name if actor else "系统",
        ip=_client_ip(),
        department_id_value=department_id,
        object_type=object_type,
        object_id=object_id,
        object_repr=object_repr[:200],
        action=action,
        before=_jsonable(before),
        after=_jsonable(after),
        prev_hash=head.last_hash,
    )
    entry.hash = crypto.digest(_canonical(entry))
    entry.save()
    head.last_hash = entry.hash
    head.count += 1
    head.save(update_fields=["last_hash", "count"])
    return entry


@dataclass(frozen=True)
class ChainProblem:
    entry_id: int | None
    message: str


def verify_chain(batch: int = 2000) -> ChainProblem | None:
    """The first entry that was changed, removed or reordered, or None if the chain holds."""
    prev = GENESIS
    seen = 0
    last_id: int | None = None
    for entry in _iter_entries(batch):
        if entry.prev_hash != prev:
            return ChainProblem(
                entry.pk,
                f"第 {entry.pk} 条的前序哈希与上一条不符：其前面的记录被删除、插入或调换。",
            )
        if crypto.digest(_canonical(entry)) != entry.hash:
            return ChainProblem(entry.pk, f"第 {entry.pk} 条的内容与其哈希不符：该记录被修改。")
        prev = entry.hash
        seen += 1
        last_id = entry.pk
    head = AuditHead.objects.filter(pk=1).first()
    if head is not None and (head.last_hash != prev or head.count != seen):
        return ChainProblem(
            last_id, f"日志末尾的记录被删除：链头记录 {head.count} 条，实际只有 {seen} 条。"
        )
    return None


def _iter_entries(batch: int) -> Iterator[AuditEntry]:
    last = 0
    while True:
        chunk = list(AuditEntry.objects.filter(pk__gt=last).order_by("pk")[:batch])
        if not chunk:
            return
        yield from chunk
        last = chunk[-1].pk
