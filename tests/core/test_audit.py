import itertools

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.urls import reverse

from gongkai.core import audit
from gongkai.core.models import AuditEntry, User
from gongkai.core.models.audit import AppendOnlyError

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(bureau):
    office = User.objects.get(username="office")
    for i in range(5):
        audit.record(actor=office, action="test.change", obj=office, after={"n": i})
    return list(AuditEntry.objects.order_by("id"))


def _raw(sql, params=()):
    """What a database owner could do behind the application's back."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = replica")
        else:
            cursor.execute("DROP TRIGGER IF EXISTS core_auditentry_no_update")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = DEFAULT")


def test_intact_chain_verifies(chain, capsys):
    assert audit.verify_chain() is None
    call_command("audit", "verify")
    assert "哈希链校验通过" in capsys.readouterr().out


def test_entries_link_to_their_predecessor(chain):
    assert chain[0].prev_hash == audit.GENESIS
    for prev, entry in itertools.pairwise(chain):
        assert entry.prev_hash == prev.hash


def test_changed_entry_is_named(chain):
    _raw("UPDATE core_auditentry SET action = %s WHERE id = %s", ["test.forged", chain[2].pk])
    problem = audit.verify_chain()
    assert problem is not None and problem.entry_id == chain[2].pk
    with pytest.raises(CommandError, match=f"第 {chain[2].pk} 条的内容与其哈希不符"):
        call_command("audit", "verify")


def test_removed_entry_is_found(chain):
    _raw("DELETE FROM core_auditentry WHERE id = %s", [chain[1].pk])
    problem = audit.verify_chain()
    assert problem is not None and problem.entry_id == chain[2].pk


def test_removed_last_entry_is_found(chain):
    _raw("DELETE FROM core_auditentry WHERE id = %s", [chain[-1].pk])
    problem = audit.verify_chain()
    assert problem is not None and "末尾" in problem.message


def test_reordered_entries_are_found(chain):
    a, b = chain[1], chain[2]
    _raw(
        "UPDATE core_auditentry SET after = (SELECT o.after FROM core_auditentry o "
        "WHERE o.id = CASE WHEN core_auditentry.id = %s THEN %s ELSE %s END) WHERE id IN (%s, %s)",
        [a.pk, b.pk, a.pk, a.pk, b.pk],
    )
    assert AuditEntry.objects.get(pk=a.pk).after == {"n": 2}
    problem = audit.verify_chain()
    assert problem is not None and problem.entry_id == a.pk


def test_application_cannot_change_or_delete_entries(chain):
    entry = chain[0]
    entry.action = "forged"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()


def test_database_refuses_updates(chain):
    with pytest.raises(Exception, match="审计日志只能追加"), transaction.atomic():
        AuditEntry.objects.filter(pk=chain[0].pk).update(action="forged")


def test_auditor_browses_filters_and_exports(chain, client):
    client.force_login(User.objects.get(username="auditor"))
    page = client.get(reverse("core:audit"), {"action": "test.change"})
    assert page.status_code == 200
    assert page.content.decode().count("test.change") >= 5
    export = client.get(reverse("core:audit_export"), {"action": "test.change"})
    body = b"".join(export.streaming_content).decode("utf-8-sig")
    lines = body.strip().splitlines()
    assert lines[0].startswith("编号,时间,操作人")
    assert len(lines) == 6


def test_audit_page_is_closed_to_other_roles(chain, client):
    client.force_login(User.objects.get(username="drafter"))
    assert client.get(reverse("core:audit")).status_code == 403
    assert client.get(reverse("core:audit_export")).status_code == 403


def test_bad_filter_dates_get_a_message(chain, client):
    client.force_login(User.objects.get(username="auditor"))
    page = client.get(reverse("core:audit"), {"date_from": "2026-12-01", "date_to": "2026-01-01"})
    assert "起始日期不能晚于截止日期。" in page.content.decode()


def test_nightly_check_records_and_raises_a_todo(chain):
    import datetime as dt

    from gongkai.core import todos
    from gongkai.core.tasks import audit_verify_run

    auditor = User.objects.get(username="auditor")
    assert audit_verify_run().ok
    assert not [t for t in todos.collect(auditor, dt.date(2026, 11, 26)) if t.module == "审计日志"]
    _raw("DELETE FROM core_auditentry WHERE id = %s", [chain[1].pk])
    run = audit_verify_run()
    assert not run.ok
    titles = [t.title for t in todos.collect(auditor, dt.date(2026, 11, 26))]
    assert "审计日志哈希链校验未通过" in titles
