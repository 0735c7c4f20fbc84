import json
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from gongkai.core.models import CalendarYear, Department, Division, User, UserRole

pytestmark = pytest.mark.django_db


def test_workdays_add_prints_the_deadline_last(capsys):
    call_command("workdays", "add", "2026-09-30", "20")
    assert capsys.readouterr().out.strip().splitlines()[-1] == "2026-11-03"


def test_workdays_add_json(capsys):
    call_command("workdays", "add", "2026-02-13", "2", "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["deadline"] == "2026-02-24"
    assert data["provisional"] is False
    assert {"date": "2026-02-16", "reason": "春节放假"} in data["skipped"]


def test_workdays_provisional_json(capsys):
    CalendarYear.objects.filter(year=2027).delete()
    call_command("workdays", "add", "2026-12-20", "20", "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["provisional"] is True and data["deadline"] == "2027-01-15"


def test_workdays_explain_in_chinese(capsys):
    call_command("workdays", "explain", "2026-09-30", "20")
    out = capsys.readouterr().out
    assert "国庆节放假" in out and "届满日：2026年11月3日" in out


@pytest.mark.parametrize(
    ("date", "days", "message"),
    [
        ("2026-13-01", "5", "YYYY-MM-DD"),
        ("2026-10-01", "five", "应为整数"),
        ("2026-10-01", "-3", "0 至 1000"),
    ],
)
def test_workdays_bad_input(date, days, message):
    with pytest.raises(CommandError, match=message):
        call_command("workdays", "add", date, days)


def test_demo_is_idempotent_and_keeps_changes(capsys):
    call_command("demo")
    counts = (
        Department.objects.count(),
        Division.objects.count(),
        User.objects.count(),
        UserRole.objects.count(),
    )
    drafter = User.objects.get(username="drafter")
    drafter.set_password("Changed-pass-2026")
    drafter.save()
    call_command("demo")
    assert counts == (
        Department.objects.count(),
        Division.objects.count(),
        User.objects.count(),
        UserRole.objects.count(),
    )
    assert User.objects.get(username="drafter").check_password("Changed-pass-2026")
    assert "演示账号" in capsys.readouterr().out


def test_console_command_is_installed(tmp_path):
    """The `gongkai` console script carries the management commands (a real subprocess)."""
    gongkai = __import__("pathlib").Path(sys.executable).with_name("gongkai")
    env = {"GONGKAI_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    subprocess.run([gongkai, "migrate", "-v0"], check=True, env=env, timeout=300)
    out = subprocess.run(
        [gongkai, "workdays", "add", "2026-02-13", "1"],
        check=True,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    assert out.strip().splitlines()[-1] == "2026-02-14"
