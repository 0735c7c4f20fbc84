"""The Jinja2 environment of the public site: published pages and dynamic public pages alike.

Templates are looked up in every installed app's `site_templates/` folder (publishing's own
first, so "portal/base.html" is always the portal layout). Extend it:

    {% extends "portal/base.html" %}
    {% block title %}…{% endblock %}
    {% block breadcrumb %}{{ crumbs([("政府信息公开", "/xxgk/"), ("政策文件", "")]) }}{% endblock %}
    {% block content %}…{% endblock %}

Every template receives `site` (SiteInfo), `page_path` (the public URL path), `nav` (top
navigation) and the helpers below as globals/filters.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from django.apps import apps
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape

from gongkai.core.dates import cn_date, cn_weekday
from gongkai.core.identifiers import mask_id_number, mask_phone


def _cn_date(value: dt.date | dt.datetime | str | None) -> str:
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10]) if value else None
    if isinstance(value, dt.datetime):
        from django.utils import timezone

        value = (
            timezone.localdate(value) if timezone.is_aware(value) else value.date()
        )  # china-time: naive
    return cn_date(value)


def _iso_date(value: dt.date | dt.datetime | None) -> str:
    """2026-11-26 for a <time datetime> attribute: the China date of an aware datetime."""
    if isinstance(value, dt.datetime):
        from django.utils import timezone

        value = (
            timezone.localdate(value) if timezone.is_aware(value) else value.date()
        )  # china-time: naive
    return value.isoformat() if value else ""


def template_dirs() -> list[Path]:
    """site_templates/ of every installed app, publishing first."""
    dirs = []
    for config in apps.get_app_configs():
        folder = Path(config.path) / "site_templates"
        if folder.is_dir():
            dirs.append(folder)
    dirs.sort(key=lambda p: p.parent.name != "publishing")
    return dirs


@cache
def environment() -> Environment:
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(d)) for d in template_dirs()]),
        autoescape=select_autoescape(["html", "xml"], default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters["cn_date"] = _cn_date
    env.filters["iso_date"] = _iso_date
    env.filters["cn_weekday"] = cn_weekday
    env.filters["mask_phone"] = mask_phone
    env.filters["mask_id_number"] = mask_id_number
    return env
