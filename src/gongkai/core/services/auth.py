"""Staff sign-in with throttling: after LOGIN_MAX_FAILURES failures for one account from one
address, or ten times that from one address, sign-in is refused for LOGIN_LOCK_SECONDS."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import authenticate
from django.core.cache import cache
from django.http import HttpRequest

from gongkai.core import audit
from gongkai.core.models import User
from gongkai.core.net import client_ip


@dataclass(frozen=True)
class LoginResult:
    user: User | None
    error: str = ""


def _keys(username: str, ip: str) -> tuple[str, str]:
    return f"login-fail:{username.lower()}:{ip}", f"login-fail-ip:{ip}"


def _locked(username: str, ip: str) -> bool:
    account_key, ip_key = _keys(username, ip)
    limit = settings.LOGIN_MAX_FAILURES
    return cache.get(account_key, 0) >= limit or cache.get(ip_key, 0) >= limit * 10


def _count_failure(username: str, ip: str) -> None:
    for key in _keys(username, ip):
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, settings.LOGIN_LOCK_SECONDS)


def staff_login(request: HttpRequest, *, username: str, password: str) -> LoginResult:
    ip = client_ip(request)
    minutes = settings.LOGIN_LOCK_SECONDS // 60
    if _locked(username, ip):
        return LoginResult(None, f"登录失败次数过多，请 {minutes} 分钟后再试，或联系系统管理员。")
    user = authenticate(request, username=username, password=password)
    if user is None or not isinstance(user, User):
        _count_failure(username, ip)
        known = User.objects.filter(username=username).first()
        audit.record(
            actor=known,
            action="auth.login_failed",
            object_type="auth",
            object_id=username[:60],
            object_repr=f"登录失败：{username[:80]}",
        )
        return LoginResult(None, "用户名或密码不正确。")
    cache.delete(_keys(username, ip)[0])
    audit.record(actor=user, action="auth.login", obj=user)
    return LoginResult(user)
