"""The embedded static-site server (gongkai.wsgi.application): what a browser gets."""

import io
from wsgiref.util import setup_testing_defaults

import pytest

from gongkai.publishing import hosts
from gongkai.publishing.models import PortalSite
from gongkai.publishing.services import site_rebuild

pytestmark = pytest.mark.django_db


def get(path, *, host="127.0.0.1", method="GET", headers=None):
    from gongkai.wsgi import application

    environ: dict = {}
    setup_testing_defaults(environ)
    environ.update(
        PATH_INFO=path.encode().decode("latin-1"),
        REQUEST_METHOD=method,
        HTTP_HOST=host,
        SERVER_NAME=host,
        QUERY_STRING="",
        **{"wsgi.input": io.BytesIO(b"")},
    )
    environ.update(headers or {})
    captured = {}

    def start_response(status, response_headers, exc_info=None):
        captured["status"] = int(status.split()[0])
        captured["headers"] = dict(response_headers)

    body = b"".join(application(environ, start_response))
    return captured["status"], captured["headers"], body


@pytest.fixture
def built(bureau):
    hosts.clear()
    site_rebuild(department=bureau)
    yield bureau
    hosts.clear()


def test_home_page_is_served_with_security_headers(built):
    status, headers, body = get("/")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "示例市科学技术局" in body.decode()


def test_directory_without_slash_redirects_and_index_is_served(built):
    status, headers, _ = get("/xxgk")
    assert status == 301 and headers["Location"] == "/xxgk/"
    status, _, body = get("/xxgk/zn/")
    assert status == 200 and "政府信息公开指南" in body.decode()


def test_content_types_of_assets_and_feeds(built):
    assert get("/assets/portal.css")[1]["Content-Type"].startswith("text/css")
    assert get("/assets/portal.js")[1]["Content-Type"].startswith("text/javascript")
    assert get("/sitemap.xml")[1]["Content-Type"].startswith("application/xml")
    assert get("/robots.txt")[1]["Content-Type"].startswith("text/plain")


def test_missing_page_gets_the_sites_404_page(built):
    status, _, body = get("/no/such/page.html")
    assert status == 404
    assert "页面不存在" in body.decode() and "返回首页" in body.decode()


@pytest.mark.parametrize(
    "path", ["/../state.json", "/%2e%2e/state.json", "/xxgk/../../lock", "/a\\b", "/x%00.html"]
)
def test_no_directory_traversal(built, path):
    status, _, body = get(path)
    assert status == 404
    assert b"journal" not in body


def test_symlink_out_of_the_tree_is_not_followed(built, settings, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    (settings.SITE_ROOT / "kjj" / "current" / "leak.txt").symlink_to(secret)
    status, _, body = get("/leak.txt")
    assert status == 404 and b"SECRET" not in body


def test_etag_and_last_modified_give_304(built):
    _, headers, _ = get("/xxgk/")
    status, _, body = get("/xxgk/", headers={"HTTP_IF_NONE_MATCH": headers["ETag"]})
    assert status == 304 and body == b""
    status, _, _ = get("/xxgk/", headers={"HTTP_IF_MODIFIED_SINCE": headers["Last-Modified"]})
    assert status == 304


def test_head_and_post(built):
    status, headers, body = get("/", method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 1000
    status, headers, _ = get("/", method="POST")
    assert status == 405 and headers["Allow"] == "GET, HEAD"


def test_dynamic_paths_go_to_django(built, settings):
    settings.ROOT_URLCONF = "tests.publishing.urls"
    status, headers, _ = get("/staff/")
    assert status == 302 and "/staff/login" in headers["Location"]


def test_host_name_picks_the_department(built):
    from tests.factories import DepartmentFactory

    other = DepartmentFactory(name="示例市教育局", slug="jyj")
    PortalSite.objects.create(department=other, hosts="jyj.example.gov.cn, www.jyj.example.gov.cn")
    PortalSite.objects.create(department=built, hosts="kjj.example.gov.cn", is_default=True)
    site_rebuild(department=other)
    hosts.clear()
    assert "示例市教育局" in get("/", host="www.jyj.example.gov.cn")[2].decode()
    assert "示例市科学技术局" in get("/", host="kjj.example.gov.cn")[2].decode()
    assert "示例市科学技术局" in get("/", host="unknown.example.org")[2].decode()


@pytest.mark.django_db(transaction=True)
def test_host_lookup_reconnects_after_the_database_dropped_the_session(bureau, monkeypatch):
    """Static pages bypass Django's request cycle; a database restart must not leave the
    serving thread failing on a dead persistent connection."""
    from django.db import DatabaseError, connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: SQLite has no server session to lose")
    import psycopg

    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 60)  # as in production
    connection.close()
    hosts.clear()
    assert hosts.slug_for_host("127.0.0.1") == bureau.slug
    pid = connection.connection.info.backend_pid
    cfg = connection.settings_dict
    with psycopg.connect(
        host=cfg["HOST"],
        port=cfg["PORT"] or 5432,
        user=cfg["USER"],
        dbname="postgres",
        autocommit=True,
    ) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])
    hosts.clear()
    with pytest.raises(DatabaseError):
        hosts.slug_for_host("127.0.0.1")  # this lookup meets the dead session…
    hosts.clear()
    assert hosts.slug_for_host("127.0.0.1") == bureau.slug  # …the next one reconnects
    hosts.clear()
