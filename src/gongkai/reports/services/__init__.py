"""Every change to an annual report goes through these services (views, API, CLI, jobs):
`lifecycle` (generate, update, check, approve, publish, correct) and `imports` (past years'
published figures). The names below are the package's public API."""

from gongkai.reports.services.common import (
    EDITORS,
    ENTERED_KEYS,
    FIRST_YEAR,
    PORTAL_CHANGE_KIND,
    ReportCheckFailed,
    ReportError,
    ReportLocked,
    previous_year,
    report_problems,
    validate_year,
)
from gongkai.reports.services.imports import imported_year_save
from gongkai.reports.services.lifecycle import (
    parse_entered,
    report_approve,
    report_check,
    report_generate,
    report_publish,
    report_start_correction,
    report_update,
)

__all__ = [
    "EDITORS",
    "ENTERED_KEYS",
    "FIRST_YEAR",
    "PORTAL_CHANGE_KIND",
    "ReportCheckFailed",
    "ReportError",
    "ReportLocked",
    "imported_year_save",
    "parse_entered",
    "previous_year",
    "report_approve",
    "report_check",
    "report_generate",
    "report_problems",
    "report_publish",
    "report_start_correction",
    "report_update",
    "validate_year",
]
