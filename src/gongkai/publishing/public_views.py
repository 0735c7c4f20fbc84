"""/verify/: anyone can check a page — the live one, a saved copy, or a page on a look-alike
domain — against the signed manifest of this site."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse

from gongkai.publishing import engine
from gongkai.publishing.pages import file_for
from gongkai.publishing.public import department_for_request, render_public

MAX_BYTES = 2 * 1024 * 1024
META = re.compile(rb'<meta\s+name="gongkai-manifest"\s+content="([^"]*)"', re.IGNORECASE)


def _path_from(text: str) -> str | None:
    text = text.strip()
    if not text:
        return None
    path = urlsplit(text).path if "://" in text else text.split("?")[0].split("#")[0]
    if not path.startswith("/"):
        path = "/" + path
    return path


def _claimed(data: bytes) -> dict[str, str]:
    """What the page's own manifest reference says (site, path, key)."""
    match = META.search(data[:20000])
    if not match:
        return {}
    fields = (part.split("=", 1) for part in match.group(1).decode("utf-8", "replace").split(";"))
    return {k.strip(): v.strip() for k, v in (f for f in fields if len(f) == 2)}


def verify_page(request: HttpRequest) -> HttpResponse:
    ctx: dict[str, object] = {"result": None, "errors": [], "address": ""}
    if request.method == "POST":
        _check(request, ctx)
    return render_public(request, "portal/verify.html", ctx)


def _check(request: HttpRequest, ctx: dict) -> None:
    from gongkai.publishing.services import site_check_page, site_dir
    from gongkai.publishing.site import site_info

    department = department_for_request(request)
    address = request.POST.get("address", "")[:2000]
    ctx["address"] = address
    upload = request.FILES.get("page")
    data = b""
    if upload is not None:
        if upload.size and upload.size > MAX_BYTES:
            ctx["errors"].append("网页文件不能超过 2 MB。请只上传网页本身（.html）。")
            return
        data = upload.read()
        if b"\x00" in data[:4096]:
            ctx["errors"].append(
                "上传的不是网页文件（HTML 文本）。请在浏览器中“另存为网页（仅 HTML）”后上传。"
            )
            return
    claimed = _claimed(data) if data else {}
    path = _path_from(address) or claimed.get("path")
    if not path:
        ctx["errors"].append("请填写网页地址（如 /xxgk/zn/），或上传带有本站签名标记的网页文件。")
        return
    if department is None:
        ctx["errors"].append("站点尚未配置。")
        return
    site = site_dir(site_info(department))
    entry = engine.Manifest.load(site.served_tree()).get(file_for(path)) if site.exists() else None
    result = {"path": path, "entry": entry, "claimed": claimed, "key": engine.key_id(site.suite)}
    if data:
        result["status"] = site_check_page(department=department, path=path, data=data)
    else:
        result["status"] = "listed" if entry else "unknown"
    ctx["result"] = result
