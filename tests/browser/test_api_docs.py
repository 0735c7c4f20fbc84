"""The API documentation works offline: Swagger UI from our own static files, within the CSP."""

import pytest

from tests.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_api_docs_load_without_a_cdn(client):
    page = client.get("/api/docs").content.decode()
    assert "cdn." not in page and "/static/ninja/swagger-ui-bundle.js" in page


def test_api_docs_render_in_chromium(live_server, new_page):
    page = new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/api/docs")
    page.get_by_text("Gongkai 政务公开 API").first.wait_for()
    assert page.locator(".opblock").count() > 5
    screenshot(page, "api-docs-desktop")
    assert not [e for e in errors if "Content Security Policy" in e]
