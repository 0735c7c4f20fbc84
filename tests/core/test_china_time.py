"""China time everywhere. Every date shown, stored as a date or used in a period is the
Asia/Shanghai date: `.date()` of an aware datetime is the UTC date, which from 16:00 to 24:00
UTC is yesterday in China; formatting an aware datetime directly prints UTC time.

1. The source is read and refuses both, unless the value was made local first
   (`timezone.localtime(x)` / `timezone.localdate(x)`) or the line says why it is safe
   (`# china-time: <reason>`).
2. The places that once disagreed are exercised with the clock at 17:30 UTC, which is 01:30 of
   the next day in China. (The whole suite runs at such an instant in its PostgreSQL pass:
   GONGKAI_TEST_NOW, tests/conftest.py.)
"""

import ast
import datetime as dt
import re
from pathlib import Path

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

SRC = Path(__file__).resolve().parents[2] / "src" / "gongkai"
MARK = "# china-time:"
# 17:30 UTC on 4 March 2027 is 01:30 on 5 March in China.
AT = dt.datetime(2027, 3, 4, 17, 30, tzinfo=dt.UTC)
CHINA_DAY = dt.date(2027, 3, 5)

# 1. The source ----------------------------------------------------------------------------


def _local_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return name in ("localtime", "localdate")


def _now_call(node: ast.AST) -> bool:
    """timezone.now() / datetime.now(tz): aware, in UTC or any zone."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("now", "utcnow")
    )


def _datetime_fields() -> set[str]:
    """Names of the models' DateTimeFields (aware datetimes); a TimeField such as a meeting's
    `starts_at` is a wall-clock time and is not one of them."""
    from django.apps import apps
    from django.db import models

    names = {
        f.name
        for model in apps.get_models()
        for f in model._meta.get_fields()
        if isinstance(f, models.DateTimeField)
    }
    wall = {
        f.name
        for model in apps.get_models()
        for f in model._meta.get_fields()
        if isinstance(f, models.TimeField)
    }
    return (names | {"opened_at", "created_at"}) - wall


AWARE_FIELDS = _datetime_fields()


def _aware_field(node: ast.AST) -> bool:
    """An attribute named like one of the models' DateTimeFields."""
    return isinstance(node, ast.Attribute) and node.attr in AWARE_FIELDS


def _python_problems(path: Path) -> list[str]:
    source = path.read_text()
    lines = source.splitlines()
    found = []

    def report(node: ast.AST, what: str) -> None:
        # The mark may follow the statement's closing bracket after formatting.
        span = lines[node.lineno - 1 : node.end_lineno + 1]  # type: ignore[attr-defined]
        line = lines[node.lineno - 1]  # type: ignore[attr-defined]
        if not any(MARK in text for text in span):
            found.append(f"{path.relative_to(SRC.parent)}:{node.lineno}: {what}: {line.strip()}")  # type: ignore[attr-defined]

    jobs_module = path.as_posix().endswith("gongkai/core/jobs.py")
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", getattr(node.func, "attr", "")) == "crontab"
            and not jobs_module
        ):
            report(node, "huey's crontab runs on huey's clock (UTC): use core.jobs.china_crontab")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "date"
            and not node.args
            and not _local_call(node.func.value)
        ):
            report(node, ".date() of a datetime not made local")
        elif (
            isinstance(node, ast.Attribute)
            and node.attr in ("year", "month", "day", "hour", "strftime", "weekday", "isoweekday")
            and (_now_call(node.value) or _aware_field(node.value))
        ):
            report(node, f".{node.attr} of an aware datetime")
        elif (
            isinstance(node, ast.FormattedValue)
            and node.format_spec is not None
            and (_now_call(node.value) or _aware_field(node.value))
        ):
            report(node, "an aware datetime formatted without localtime()")
    return found


_TEMPLATE_UTC = re.compile(
    r"\.(" + "|".join(sorted(AWARE_FIELDS)) + r")\.(date\(\)|year|month|day|strftime)"
    r"|\.date\(\)\.isoformat"
)


def _template_problems(path: Path) -> list[str]:
    return [
        f"{path.relative_to(SRC.parent)}:{n}: a datetime's UTC date in a template: {line.strip()}"
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if _TEMPLATE_UTC.search(line)
    ]


def test_no_utc_dates_in_the_source():
    problems = [
        p
        for path in sorted(SRC.rglob("*.py"))
        if "migrations" not in path.parts
        for p in _python_problems(path)
    ]
    problems += [p for path in sorted(SRC.rglob("*.html")) for p in _template_problems(path)]
    assert not problems, "UTC dates (use timezone.localdate()/localtime()):\n" + "\n".join(problems)


def test_the_source_check_catches_what_it_should(tmp_path):
    bad = tmp_path / "gongkai" / "bad.py"
    bad.parent.mkdir()
    bad.write_text(
        "from django.utils import timezone\n"
        "a = obj.opened_at.date()\n"
        "b = timezone.now().year\n"
        "c = f'{obj.created_at:%Y-%m-%d}'\n"
        "d = timezone.localtime(obj.opened_at).date()\n"
        "e = timezone.localdate(obj.opened_at)\n"
        "f = naive.date()  # china-time: a naive local datetime\n"
        "g = crontab(hour='7')\n"
    )
    global SRC
    saved, SRC = SRC, tmp_path / "gongkai"
    try:
        found = _python_problems(bad)
    finally:
        SRC = saved
    assert sorted(int(p.split(":")[1]) for p in found) == [2, 3, 4, 8]


# 2. At 17:30 UTC ------------------------------------------------------------------------------


@pytest.fixture
def at_1730_utc():
    with time_machine.travel(AT, tick=False):
        assert timezone.localdate() == CHINA_DAY
        yield


@pytest.mark.django_db
def test_incident_to_do_and_workbench_say_the_same_day(bureau, at_1730_utc, client):
    from gongkai.core import todos
    from gongkai.core.models import User
    from gongkai.monitoring.models import Incident, InspectionCheck

    check = InspectionCheck.objects.create(
        department=bureau,
        url="https://kjj.example.gov.cn/",
        checked_at=timezone.now(),
        verdict="tampered",
        score=0.9,
    )
    Incident.objects.create(
        department=bureau,
        inspection=check,
        url=check.url,
        opened_at=timezone.now(),
        verdict="tampered",
        score=0.9,
        summary="首页出现博彩链接",
    )
    office = User.objects.get(username="office")
    due = [t.due for t in todos.collect(office, timezone.localdate()) if "篡改" in t.title]
    assert due == [CHINA_DAY]
    client.force_login(office)
    page = client.get(reverse("core:workbench")).content.decode()
    assert "3月5日" in page and "3月4日" not in page


@pytest.mark.django_db
def test_annual_report_list_and_page_show_the_same_day(
    bureau, at_1730_utc, django_capture_on_commit_callbacks
):
    from gongkai.core.models import User
    from gongkai.publishing import pages
    from gongkai.publishing.site import site_info
    from gongkai.reports import services
    from tests.reports.records import application

    office = User.objects.get(username="office")
    application(
        bureau, received=dt.date(2026, 3, 1), closed=dt.date(2026, 3, 20), outcome="disclosed"
    )
    report = services.report_generate(actor=office, department=bureau, year=2026, today=CHINA_DAY)
    report = services.report_check(actor=office, report=report)
    report = services.report_approve(actor=User.objects.get(username="leader"), report=report)
    with django_capture_on_commit_callbacks(execute=True):
        services.report_publish(actor=office, report=report)
    info = site_info(bureau)
    assert [link.date for link in pages.collect("annual_reports", info)] == [CHINA_DAY]
    page = info.root / "current" / "xxgk" / "nb" / "2026.html"
    assert 'datetime="2027-03-05"' in page.read_text()


def test_periodic_jobs_run_on_china_time():
    """Whatever clock huey runs on (UTC by default), a job set for 07:30 runs at 07:30 China."""
    from huey.contrib.djhuey import HUEY

    import gongkai.applications.tasks  # noqa: F401  (registers the job, as the consumer does)

    # The daily reminders are due at 07:30 in China: 23:30 UTC the day before.
    with time_machine.travel(dt.datetime(2027, 3, 4, 23, 30, tzinfo=dt.UTC), tick=False):
        due = {task.name for task in HUEY.read_periodic(HUEY._get_timestamp())}
    assert "daily_application_reminders" in due
    with time_machine.travel(dt.datetime(2027, 3, 5, 7, 30, tzinfo=dt.UTC), tick=False):
        due = {task.name for task in HUEY.read_periodic(HUEY._get_timestamp())}
    assert "daily_application_reminders" not in due


@pytest.mark.django_db
def test_letters_and_backups_carry_the_china_date(bureau, at_1730_utc):
    from gongkai.applications.models import Application
    from gongkai.applications.services.letters import values_for
    from gongkai.backup.services.create import default_archive_name
    from tests.reports.records import application

    app = application(bureau, received=CHINA_DAY)
    Application.objects.filter(pk=app.pk).update(submitted_at=timezone.now())
    app.refresh_from_db()
    assert values_for(app)["submitted"] == "2027年3月5日"
    assert default_archive_name() == "gongkai-backup-20270305-013000.tar.gz"
