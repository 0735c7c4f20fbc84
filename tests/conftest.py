import datetime as dt
import os
from pathlib import Path

import pytest
import time_machine

from gongkai.core.demo import load_bureau

# ---- Time: frozen by default ----------------------------------------------------------------
# Every test starts at one instant (China time) and the clock runs on from there, so that no test
# depends on the day the suite runs. GONGKAI_TEST_NOW moves that instant; the suite must pass on
# any day, e.g. GONGKAI_TEST_NOW=2027-01-02T17:30:00+00:00 (already 3 January in China). A test
# that needs the machine's real clock is marked `real_clock`.
TEST_NOW = dt.datetime.fromisoformat(
    os.environ.get("GONGKAI_TEST_NOW", "2026-12-07T10:00:00+08:00")
)


@pytest.fixture(autouse=True)
def _frozen_clock(request):
    if request.node.get_closest_marker("real_clock"):
        yield
        return
    with time_machine.travel(TEST_NOW, tick=True):
        yield


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Connections close at the end of each request: the browser tests' server threads would
    otherwise leave persistent PostgreSQL sessions open, and the test database could not be
    dropped at the end of the run."""
    from django.conf import settings

    settings.DATABASES["default"]["CONN_MAX_AGE"] = 0


@pytest.fixture
def bureau(db):
    """The demo bureau: 示例市科学技术局 with its divisions and one user per role."""
    return load_bureau()


@pytest.fixture(autouse=True)
def _isolated_dirs(settings, tmp_path):
    """Each test gets its own data, site and cache directories."""
    settings.DATA_DIR = tmp_path / "var"
    settings.DATA_DIR.mkdir()
    settings.SITE_ROOT = tmp_path / "site"
    settings.MEDIA_ROOT = tmp_path / "media"
    # Hashing demo passwords with the production work factor would dominate the suite's time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": str(tmp_path),
        }
    }
    from django.core.cache import cache

    cache.clear()
    from gongkai.core import crypto

    crypto.suite.cache_clear()
    yield
    crypto.suite.cache_clear()


# ---- Real-browser tests: Debian's chromium driven by Playwright -------------------------------

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# around it are ordinary synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


# Module scope, not session: a module that drives its own sync_playwright() must not find another
# Playwright instance still running in the same worker process.
@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(chromium):
    """new_page(viewport=DESKTOP) -> a fresh page in its own context (own cookies)."""
    contexts = []

    def make(viewport=DESKTOP, **kwargs):
        context = chromium.new_context(viewport=viewport, locale="zh-CN", **kwargs)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot to $SCREENSHOT_DIR (default: var/screenshots)."""
    folder = Path(os.environ.get("SCREENSHOT_DIR", Path(__file__).parent.parent / "screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
