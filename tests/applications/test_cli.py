import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_deadline_last_line_is_iso_date():
    assert run("deadline", "--received", "2026-02-12").splitlines()[-1] == "2026-03-18"
    assert (
        run("deadline", "--received", "2026-02-02", "--corrected", "2026-02-12").splitlines()[-1]
        == "2026-03-18"
    )
    assert (
        run("deadline", "--received", "2026-08-10", "--extend", "20").splitlines()[-1]
        == "2026-10-10"
    )


def test_deadline_json_marks_unknown_year_provisional():
    data = json.loads(run("deadline", "--received", "2026-12-14", "--json").splitlines()[-1])
    assert data["deadline"] == "2027-01-11" and data["provisional"] is True


def test_deadline_bad_input():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        run("deadline", "--received", "2026/02/12")
    with pytest.raises(CommandError, match="最长不超过20个工作日"):
        run("deadline", "--received", "2026-02-12", "--extend", "25")


@pytest.mark.parametrize(("n", "fee"), [(10, "0"), (11, "100"), (31, "2200"), (41, "4300")])
def test_fee_applications(n, fee):
    assert run("fee", "--applications", str(n)).splitlines()[-1] == fee


@pytest.mark.parametrize(("n", "fee"), [(30, "0"), (31, "10"), (101, "720"), (201, "2740")])
def test_fee_pages(n, fee):
    assert run("fee", "--pages", str(n)).splitlines()[-1] == fee
