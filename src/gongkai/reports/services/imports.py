"""Past years' published figures, entered or imported from .xlsx, for carry-over checks."""

import datetime as dt

from django.db import transaction

from gongkai.core import audit
from gongkai.core.models import Department, User
from gongkai.reports.domain.annual import (
    AnnualReport,
    check,
)
from gongkai.reports.models import ImportedYear, Report
from gongkai.reports.services.common import (
    ReportCheckFailed,
    ReportError,
    require_editor,
    validate_year,
)


@transaction.atomic
def imported_year_save(
    *,
    actor: User,
    department: Department,
    year: int,
    data: AnnualReport,
    source: str,
    today: dt.date,
) -> ImportedYear:
    """Keep a past year's published numbers (entered or from .xlsx) for carry-over checks."""
    require_editor(actor, department.pk)
    validate_year(year, today)
    if year >= today.year:
        raise ReportError(f"只能录入以往年度的数据；{year}年的报告请由系统生成。")
    if Report.objects.filter(department=department, year=year, versions__isnull=False).exists():
        raise ReportError(f"{year}年报告已在本系统发布，无需再录入；如需修改请更正该报告。")
    data.year = year
    data.department = department.name
    problems = check(data)
    if problems:
        raise ReportCheckFailed(problems)
    existing = ImportedYear.objects.filter(department=department, year=year).first()
    record, _ = ImportedYear.objects.update_or_create(
        department=department,
        year=year,
        defaults={"data": data.to_data(), "source": source, "imported_by": actor},
    )
    audit.record(
        actor=actor,
        action="reports.import_year",
        obj=record,
        before=existing.data if existing else None,
        after=record.data,
        department_id=department.pk,
    )
    return record
