import pytest

from gongkai.core.demo import load_bureau


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
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": str(tmp_path)}}
    from django.core.cache import cache

    cache.clear()
    from gongkai.core import crypto

    crypto.suite.cache_clear()
    yield
    crypto.suite.cache_clear()
