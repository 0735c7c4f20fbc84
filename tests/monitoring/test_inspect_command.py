"""`gongkai inspect`: exit codes, JSON output, canonical copy, URLs, crawler comparison, recording."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.monitoring.test_fetch import Handler, serve

# The command looks up the page's claimed original in the database (no site here: none found).
pytestmark = pytest.mark.django_db
CORPUS = Path(__file__).parent / "corpus"
CLEAN = CORPUS / "negative" / "001_notice_modern.html"
HIJACKED = CORPUS / "positive" / "combined" / "01.html"


def run(*args: str) -> tuple[int, str]:
    import io

    out = io.StringIO()
    try:
        call_command("inspect", *args, stdout=out)
    except SystemExit as exc:
        return int(exc.code or 0), out.getvalue()
    return 0, out.getvalue()


def test_clean_file_exits_0() -> None:
    code, out = run(str(CLEAN))
    assert code == 0
    assert "正常" in out


def test_hijacked_file_exits_1_and_lists_findings() -> None:
    code, out = run(str(HIJACKED))
    assert code == 1
    assert "被篡改" in out
    assert "[gambling]" in out


def test_json_output_is_one_object_with_verdict_score_findings() -> None:
    code, out = run(str(HIJACKED), "--json")
    data = json.loads(out)
    assert code == 1
    assert data["verdict"] == "tampered"
    assert data["score"] >= 70
    assert all("type" in f and "evidence" in f for f in data["findings"])


def test_canonical_copy(tmp_path: Path) -> None:
    canonical = CLEAN.read_bytes()
    served = tmp_path / "served.html"
    served.write_bytes(canonical.replace("计划处：李老师".encode(), "计划处：王老师".encode()))
    code, out = run(str(served), "--canonical", str(CLEAN), "--json")
    data = json.loads(out)
    assert {f["type"] for f in data["findings"]} == {"other_edit"}
    assert code == 1  # any substantial difference from the canonical copy needs a look
    assert run(str(CLEAN), "--canonical", str(CLEAN))[0] == 0


def test_missing_file_is_a_clear_error_with_exit_2() -> None:
    with pytest.raises(CommandError, match="不存在") as exc:
        call_command("inspect", "/no/such/page.html")
    assert exc.value.returncode == 2
    with pytest.raises(CommandError, match="规范副本不存在"):
        call_command("inspect", str(CLEAN), "--canonical", "/no/such/canonical.html")


class SiteHandler(Handler):
    def do_GET(self) -> None:
        if self.path == "/clean":
            self._send(200, CLEAN.read_bytes(), "text/html; charset=utf-8")
        elif self.path == "/hijacked":
            self._send(200, HIJACKED.read_bytes(), "text/html")
        elif self.path == "/cloaked":
            crawler = "Baiduspider" in self.headers.get("User-Agent", "")
            self._send(200, (HIJACKED if crawler else CLEAN).read_bytes(), "text/html")
        else:
            super().do_GET()


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    httpd, url = serve(SiteHandler)
    yield url
    httpd.shutdown()


def test_urls(site: str) -> None:
    assert run(site + "/clean")[0] == 0
    code, out = run(site + "/hijacked", "--json")
    assert code == 1
    assert json.loads(out)["status"] == 200


def test_redirect_limit_and_unreachable(site: str) -> None:
    with pytest.raises(CommandError, match="重定向超过 1 次") as exc:
        call_command("inspect", site + "/hop/3", "--max-redirects", "1")
    assert exc.value.returncode == 2
    with pytest.raises(CommandError, match="连接被拒绝"):
        call_command("inspect", "http://127.0.0.1:9/")


def test_crawler_cloaking_is_found_only_with_crawler_option(site: str) -> None:
    assert run(site + "/cloaked")[0] == 0
    code, out = run(site + "/cloaked", "--crawler", "--json")
    assert code == 1
    assert "cloaking" in {f["type"] for f in json.loads(out)["findings"]}


@pytest.mark.django_db
def test_record_stores_check_and_incident(bureau) -> None:  # type: ignore[no-untyped-def]
    from gongkai.monitoring.models import Incident, InspectionCheck

    code, out = run(str(HIJACKED), "--record", "--json")
    data = json.loads(out)
    assert code == 1
    check = InspectionCheck.objects.get(pk=data["recorded"]["check"])
    assert check.verdict == "tampered"
    incident = Incident.objects.get(pk=data["recorded"]["incident"])
    assert incident.evidence and incident.status == Incident.Status.OPEN
    assert run(str(CLEAN), "--record")[0] == 0
    assert InspectionCheck.objects.count() == 2
    assert Incident.objects.count() == 1
