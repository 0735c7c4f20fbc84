from gongkai.core.models.audit import AuditEntry, AuditHead
from gongkai.core.models.calendar import CalendarDay, CalendarYear
from gongkai.core.models.jobs import JobRun
from gongkai.core.models.org import Department, Division, Role, User, UserRole

__all__ = [
    "AuditEntry",
    "AuditHead",
    "CalendarDay",
    "CalendarYear",
    "Department",
    "Division",
    "JobRun",
    "Role",
    "User",
    "UserRole",
]
