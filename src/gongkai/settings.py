"""Gongkai settings, read from the environment.

Every setting that an operator may change is listed in docs/settings.md; tests/test_docs.py
fails when one is missing there.
"""

import os
import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from gongkai.core.env import env_bool, env_int, env_str

DATA_DIR = Path(env_str("GONGKAI_DATA_DIR", str(Path.cwd() / "var"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = env_str("SECRET_KEY", "")
DEBUG = env_bool("GONGKAI_DEBUG", False)
if not SECRET_KEY:
    # The embedded default keeps a generated key in the data directory, so a restart keeps
    # sessions valid and no operator has to invent one.
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        from django.utils.crypto import get_random_string

        key_file.write_text(get_random_string(64))
        key_file.chmod(0o600)
    SECRET_KEY = key_file.read_text().strip()

ALLOWED_HOSTS = [h.strip() for h in env_str("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in env_str("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "huey.contrib.djhuey",
    "ninja",  # serves the API docs (Swagger UI) from local static files, never a CDN
    "gongkai.core",
    "gongkai.documents",
    "gongkai.publishing",
    "gongkai.search",
    "gongkai.applications",
    "gongkai.consultations",
    "gongkai.meetings",
    "gongkai.monitoring",
    "gongkai.reports",
    "gongkai.backup",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Serves /static/ (the staff UI's CSS and scripts) from STATIC_ROOT in every mode; the public
    # portal itself is static files served by gongkai.publishing.server or nginx.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "gongkai.core.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "gongkai.core.middleware.CurrentRequestMiddleware",
]

ROOT_URLCONF = "gongkai.urls"
WSGI_APPLICATION = "gongkai.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gongkai.core.context_processors.workbench",
            ],
        },
    },
]

DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'gongkai.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers go on while one writer commits; IMMEDIATE takes the write lock at
        # BEGIN so concurrent writers queue instead of failing with "database is locked".
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
    }

AUTH_USER_MODEL = "core.User"
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "core:workbench"
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "gongkai.core.passwords.MixedCharactersValidator"},
]
# Failed logins before an account/address pair is locked, and for how long (seconds).
LOGIN_MAX_FAILURES = env_int("GONGKAI_LOGIN_MAX_FAILURES", 5)
LOGIN_LOCK_SECONDS = env_int("GONGKAI_LOGIN_LOCK_SECONDS", 900)
# Idle timeout for staff sessions (seconds); every request renews it.
SESSION_COOKIE_AGE = env_int("GONGKAI_IDLE_TIMEOUT", 1800)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_COOKIES = env_bool("GONGKAI_SECURE_COOKIES", False)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
BEHIND_TLS_PROXY = env_bool("GONGKAI_BEHIND_TLS_PROXY", False)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000

REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache"),
        }
    }

# Periodic jobs: huey. Embedded default keeps its queue in SQLite; production uses Redis.
HUEY = {
    "name": "gongkai",
    "immediate": env_bool("GONGKAI_JOBS_IMMEDIATE", False),
    "results": False,
}
if REDIS_URL:
    HUEY |= {"huey_class": "huey.RedisHuey", "url": REDIS_URL}
else:
    HUEY |= {"huey_class": "huey.SqliteHuey", "filename": str(DATA_DIR / "jobs.sqlite3")}

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise expects it before `collectstatic` has run
MEDIA_ROOT = DATA_DIR / "media"
# Where the published public site lives: builds/<id>/ plus a "current" link switched atomically.
SITE_ROOT = Path(env_str("GONGKAI_SITE_ROOT", str(DATA_DIR / "site"))).resolve()
# Web roots every new build is copied to and verified on (docs/publishing.md): file:///path,
# rsync://host/path, s3://bucket/prefix?endpoint_url=…; separated by spaces or commas.
PUBLISH_TARGETS = [t for t in re.split(r"[\s,]+", env_str("GONGKAI_PUBLISH_TARGETS", "")) if t]
# The public base URL of the portal, used for canonical links, feeds and the sitemap.
PUBLIC_BASE_URL = env_str("GONGKAI_PUBLIC_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# Days off are not counted; the receipt day is not counted either (条例第三十三条, 民法典第二百零一条).
WORKDAY_COUNT_RECEIPT_DAY = env_bool("GONGKAI_COUNT_RECEIPT_DAY", False)
# Public form submissions and status queries accepted from one address per hour (no captcha:
# blind applicants must be able to apply).
APPLY_RATE_LIMIT = env_int("GONGKAI_APPLY_RATE_LIMIT", 10)
STATUS_RATE_LIMIT = env_int("GONGKAI_STATUS_RATE_LIMIT", 30)
# Consultation on drafts: the shortest comment periods (《重大行政决策程序暂行条例》第十五条: 30 days;
# 国办发〔2018〕37号: normative documents 7 working days; a bureau may require longer), and the
# bureau's own target for publishing the feedback report after the period (working days).
CONSULTATION_MAJOR_DECISION_DAYS = env_int("GONGKAI_CONSULTATION_MAJOR_DAYS", 30)
CONSULTATION_NORMATIVE_WORKING_DAYS = env_int("GONGKAI_CONSULTATION_NORMATIVE_WORKDAYS", 7)
CONSULTATION_FEEDBACK_WORKING_DAYS = env_int("GONGKAI_CONSULTATION_FEEDBACK_WORKDAYS", 20)
# Public comments and meeting registrations accepted from one address per hour.
COMMENT_RATE_LIMIT = env_int("GONGKAI_COMMENT_RATE_LIMIT", 10)
# Open meetings: how many director's meetings with the public the plan asks for each year.
MEETINGS_PER_YEAR = env_int("GONGKAI_MEETINGS_PER_YEAR", 2)
# Public searches (page and API) one address may make per minute.
SEARCH_RATE_LIMIT = (env_int("GONGKAI_SEARCH_RATE_LIMIT", 30), 60)
# Hashing and signing suite (gongkai.core.crypto); SM2/SM3 deployments register their own.
GONGKAI_CRYPTO = env_str("GONGKAI_CRYPTO", "ed25519-sha256")
# Scheduled backups (docs/deploy.md): the folder, the time of day (China time, HH:MM; empty
# switches them off), how many archives to keep, and whether they hold the signing key.
BACKUP_DIR = Path(env_str("GONGKAI_BACKUP_DIR", str(DATA_DIR / "backups"))).resolve()
BACKUP_AT = env_str("GONGKAI_BACKUP_AT", "01:30").strip()
if BACKUP_AT and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", BACKUP_AT):
    raise ImproperlyConfigured(
        f"GONGKAI_BACKUP_AT 应为 HH:MM（如 01:30）或留空，当前为 {BACKUP_AT!r}"
    )
BACKUP_KEEP = max(1, env_int("GONGKAI_BACKUP_KEEP", 7))
BACKUP_SECRETS = env_bool("GONGKAI_BACKUP_SECRETS", True)
# Largest upload accepted (bytes).
MAX_UPLOAD_BYTES = env_int("GONGKAI_MAX_UPLOAD_BYTES", 50 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("GONGKAI_LOG_LEVEL", "WARNING")},
}
