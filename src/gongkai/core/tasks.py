"""The core module's periodic jobs (huey discovers each app's tasks module)."""

from huey.contrib.djhuey import db_periodic_task

from gongkai.core.audit import verify_chain
from gongkai.core.jobs import china_crontab
from gongkai.core.models import AuditEntry, JobRun

AUDIT_VERIFY = "audit.verify"


def audit_verify_run() -> JobRun:
    """Verify the audit chain and record the outcome (a failure becomes a to-do)."""
    problem = verify_chain()
    if problem is None:
        return JobRun.objects.create(
            name=AUDIT_VERIFY, ok=True, message=f"共 {AuditEntry.objects.count()} 条，哈希链完整。"
        )
    return JobRun.objects.create(name=AUDIT_VERIFY, ok=False, message=problem.message)


@db_periodic_task(china_crontab(hour="2", minute="15"))
def nightly_audit_verify() -> None:
    audit_verify_run()
