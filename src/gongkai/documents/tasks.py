"""Periodic jobs (huey): open the yearly review of non-public information every January
(docs/documents.md, 非公开信息年度复查) so every division finds it on its workbench."""

from django.utils import timezone
from huey.contrib.djhuey import db_periodic_task

from gongkai.core.jobs import china_crontab


@db_periodic_task(china_crontab(month="1", day="5", hour="8", minute="0"))
def yearly_review_open_all() -> int:
    from gongkai.core.models import Department
    from gongkai.documents.services.campaigns import yearly_review_open

    year = timezone.localdate().year
    for department in Department.objects.all():
        yearly_review_open(actor=None, department=department, year=year)
    return Department.objects.count()
