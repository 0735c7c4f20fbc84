"""The staff page 门户发布, the demo loader and dynamic public pages with the portal layout."""

import datetime as dt

import pytest
from django.test import RequestFactory
from django.urls import reverse

from gongkai.core.demo import DEMO_PASSWORD
from gongkai.core.models import AuditEntry
from gongkai.publishing import demo
from gongkai.publishing.models import Publication
from gongkai.publishing.public import render_public
from gongkai.publishing.services import site_dir, site_rebuild
from gongkai.publishing.site import site_info

pytestmark = pytest.mark.django_db


def login(client, username):
    assert client.login(username=username, password=DEMO_PASSWORD)


def test_office_rebuilds_and_sees_the_history(client, bureau):
    login(client, "office")
    page = client.get(reverse("publishing:index"))
    assert "尚未生成" in page.content.decode()
    response = client.post(reverse("publishing:rebuild"), follow=True)
    text = response.content.decode()
    assert "全站重建完成" in text and "全站重建" in text
    assert Publication.objects.filter(department=bureau).count() == 1
    assert AuditEntry.objects.filter(action="publishing.rebuild", actor_name="刘芳").exists()


def test_verify_shows_tampered_files_and_restore_fixes_them(client, bureau):
    site_rebuild(department=bureau)
    served = site_dir(site_info(bureau)).served_tree()
    (served / "xxgk/index.html").write_text("<p>博彩</p>")
    login(client, "office")
    text = client.post(reverse("publishing:verify")).content.decode()
    assert "发现 1 处问题" in text and "/xxgk/index.html" in text and "内容被修改" in text
    text = client.post(reverse("publishing:restore"), follow=True).content.decode()
    assert "全部文件与签名清单一致" in text
    assert "政府信息公开专栏" in (served / "xxgk/index.html").read_text()


def test_drafter_cannot_open_the_page_and_auditor_cannot_rebuild(client, bureau):
    login(client, "drafter")
    assert client.get(reverse("publishing:index")).status_code == 403
    client.logout()
    login(client, "auditor")
    assert client.get(reverse("publishing:index")).status_code == 200
    text = client.post(reverse("publishing:rebuild"), follow=True).content.decode()
    assert "此操作需要以下角色之一" in text
    assert not Publication.objects.exists()


def test_demo_builds_once(bureau):
    demo.load(bureau, today=dt.date(2026, 11, 26))
    demo.load(bureau, today=dt.date(2026, 11, 26))
    assert Publication.objects.filter(department=bureau).count() == 1
    assert (site_dir(site_info(bureau)).served_tree() / "index.html").exists()


def test_dynamic_page_renders_in_the_portal_layout_with_csrf(bureau):
    request = RequestFactory().get("/search/?q=科技", HTTP_HOST="127.0.0.1")
    response = render_public(
        request,
        "portal/notice.html",
        {
            "title": "检索结果",
            "message": "没有找到",
            "date": None,
            "link": None,
            "heading": "全文检索",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "示例市科学技术局" in html and 'href="/assets/portal.css"' in html
    assert 'value="科技"' in html  # the search box keeps the query
    assert 'rel="canonical"' not in html and "gongkai-manifest" not in html
