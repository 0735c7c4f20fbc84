"""Seed the working-day calendar from the chinesecalendar package for every year it knows, so a
fresh installation computes statutory deadlines correctly from the start. Later package years
are added by `gongkai demo`/`gongkai calendar_seed`; years staff entered are never overwritten."""

from django.db import migrations


def seed(apps, schema_editor):
    from gongkai.core.holidays import package_notices

    CalendarYear = apps.get_model("core", "CalendarYear")
    CalendarDay = apps.get_model("core", "CalendarDay")
    for notice in package_notices():
        if CalendarYear.objects.filter(year=notice.year).exists():
            continue
        year = CalendarYear.objects.create(year=notice.year, source="package", notice=notice.notice)
        CalendarDay.objects.bulk_create(
            [CalendarDay(year=year, date=d, kind="off", name=n) for d, n in notice.off_days.items()]
            + [
                CalendarDay(year=year, date=d, kind="work", name=n)
                for d, n in notice.work_days.items()
            ]
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0002_audit_append_only")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
