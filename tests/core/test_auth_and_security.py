import pytest
from django.urls import reverse

from gongkai.core.demo import DEMO_PASSWORD
from gongkai.core.errors import AccessDenied
from gongkai.core.models import AuditEntry, Division, User
from gongkai.core.permissions import (
    require_can_change_content,
    require_role,
    require_same_division,
    scope_to_division,
)

pytestmark = pytest.mark.django_db


def _login(client, username, password):
    return client.post(reverse("core:login"), {"username": username, "password": password})


def test_login_opens_the_workbench(bureau, client):
    response = _login(client, "drafter", DEMO_PASSWORD)
    assert response.status_code == 302 and response.url == reverse("core:workbench")
    page = client.get(reverse("core:workbench")).content.decode()
    assert "李晓明" in page and "待办事项" in page
    assert AuditEntry.objects.filter(action="auth.login", actor__username="drafter").exists()


def test_login_throttled_after_five_failures(bureau, client, settings):
    settings.LOGIN_MAX_FAILURES = 5
    for _ in range(5):
        page = _login(client, "drafter", "wrong-password1").content.decode()
        assert "用户名或密码不正确。" in page
    response = _login(client, "drafter", DEMO_PASSWORD)
    assert response.status_code == 400
    assert "登录失败次数过多" in response.content.decode()
    assert AuditEntry.objects.filter(action="auth.login_failed").count() == 5
    # Another account from the same address is not locked by these failures.
    assert _login(client, "head", DEMO_PASSWORD).status_code == 302


def test_open_redirect_after_login_is_refused(bureau, client):
    response = client.post(
        reverse("core:login") + "?next=https://evil.example/",
        {"username": "drafter", "password": DEMO_PASSWORD},
    )
    assert response.url == reverse("core:workbench")


def test_staff_pages_need_login(client):
    response = client.get(reverse("core:workbench"))
    assert response.status_code == 302 and reverse("core:login") in response.url


def test_idle_timeout_applies_to_sessions(bureau, client, settings):
    _login(client, "drafter", DEMO_PASSWORD)
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE == 1800


def test_security_headers(bureau, client):
    response = client.get(reverse("core:login"))
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_logout_needs_post_with_csrf(bureau):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(User.objects.get(username="drafter"))
    assert client.post(reverse("core:logout")).status_code == 403
    assert client.get(reverse("core:logout")).status_code == 405


def test_password_rules(bureau):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    user = User.objects.get(username="drafter")
    for weak in ("short1", "abcdefghijkl", "12345678901234"):
        with pytest.raises(ValidationError):
            validate_password(weak, user)
    validate_password("Kejiju-2026-gongkai", user)


def test_division_scope(bureau):
    drafter = User.objects.get(username="drafter")  # 计划处
    office = User.objects.get(username="office")  # 办公室, publisher: whole department
    people = User.objects.filter(division__isnull=False)
    assert {u.division.code for u in scope_to_division(drafter, people)} == {"jhc"}
    assert scope_to_division(office, people).count() == people.count()
    other = Division.objects.get(code="zscqbhc")
    with pytest.raises(AccessDenied, match="本处室"):
        require_same_division(drafter, other.pk)
    require_same_division(office, other.pk)


def test_roles_are_checked(bureau):
    drafter = User.objects.get(username="drafter")
    with pytest.raises(AccessDenied, match="合法性审查"):
        require_role(drafter, "legality_reviewer")
    auditor = User.objects.get(username="auditor")
    with pytest.raises(AccessDenied, match="审计员只能查阅"):
        require_can_change_content(auditor)


def test_department_credit_code_is_validated(bureau):
    from django.core.exceptions import ValidationError

    bureau.credit_code = "11520100MB1234567A"
    with pytest.raises(ValidationError) as info:
        bureau.full_clean()
    assert "第18位应为 P" in str(info.value)


def test_admin_changes_are_audited_and_validated(bureau, client):
    client.force_login(User.objects.get(username="admin"))
    url = reverse("admin:core_department_change", args=[bureau.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data["credit_code"] = "11520100MB1234567A"
    page = client.post(url, data)
    assert "第18位应为 P" in page.content.decode()
    data["credit_code"] = bureau.credit_code
    data["phone"] = "0851-80000000"
    assert client.post(url, data).status_code == 302
    entry = AuditEntry.objects.get(action="admin.change", object_type="core.department")
    assert entry.before["phone"] == "0851-87987000" and entry.after["phone"] == "0851-80000000"


def test_staff_css_is_served_without_a_separate_web_server(settings, tmp_path, client):
    from django.core.management import call_command

    settings.STATIC_ROOT = tmp_path / "static"
    call_command("collectstatic", interactive=False, verbosity=0)
    response = client.get("/static/gongkai/staff.css")
    assert response.status_code == 200
    assert b"--red" in b"".join(response.streaming_content)


def test_client_address_behind_the_proxy(rf, settings):
    from gongkai.core.net import client_ip

    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 10.1.2.3", REMOTE_ADDR="127.0.0.1")
    settings.BEHIND_TLS_PROXY = False
    assert client_ip(request) == "127.0.0.1"
    settings.BEHIND_TLS_PROXY = True
    # Only the entry nginx appended is trusted; the first one is whatever the client sent.
    assert client_ip(request) == "10.1.2.3"
