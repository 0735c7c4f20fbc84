"""/verify/: a member of the public checks a page or a copy of it against the signed manifest."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.publishing.services import site_dir, site_rebuild
from gongkai.publishing.site import site_info

pytestmark = pytest.mark.django_db


@pytest.fixture
def built(bureau, settings):
    settings.ROOT_URLCONF = "tests.publishing.urls"
    site_rebuild(department=bureau)
    return site_dir(site_info(bureau)).served_tree()


def post(client, **data):
    return client.post("/verify/", data).content.decode()


def test_an_exact_copy_is_confirmed(client, built):
    original = (built / "xxgk/zn/index.html").read_bytes()
    text = post(client, page=SimpleUploadedFile("zn.html", original, "text/html"))
    assert "一致。" in text and "/xxgk/zn/" in text


def test_a_doctored_copy_on_a_clone_site_is_flagged(client, built):
    original = (built / "xxgk/zn/index.html").read_bytes()
    doctored = original.replace("示例市科学技术局".encode(), "皇冠体育".encode(), 1)
    text = post(client, page=SimpleUploadedFile("zn.html", doctored, "text/html"))
    assert "不一致。" in text and "仿冒网站" in text


def test_an_address_alone_shows_the_registered_digest(client, built, settings):
    text = post(client, address=f"{settings.PUBLIC_BASE_URL}/xxgk/zd/")
    assert "本站发布过" in text and "SHA-256" in text
    text = post(client, address="/xxgk/casino.html")
    assert "本站没有发布过该网页" in text


def test_nothing_given_explains_what_to_do(client, built):
    text = post(client)
    assert "请填写网页地址" in text
    binary = SimpleUploadedFile("x.html", b"\x89PNG\x00\x00\x00", "text/html")
    assert "上传的不是网页文件" in post(client, page=binary)


def test_form_page_has_the_portal_layout_and_csrf(client, built):
    html = client.get("/verify/").content.decode()
    assert "网页真伪核验" in html and "csrfmiddlewaretoken" in html
    assert 'href="/assets/portal.css"' in html
