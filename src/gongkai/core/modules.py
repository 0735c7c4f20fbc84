"""Modules register themselves: what the platform collects from each app's AppConfig.

A Gongkai module is a Django app whose AppConfig subclasses `ModuleConfig` and declares, as
class attributes, what it adds to the platform. Adding a module is one line in INSTALLED_APPS;
nothing else is edited by hand (docs/architecture.md, "Adding a module"):

    from gongkai.core import modules
    from gongkai.core.modules import MenuEntry

    class ConsultationsConfig(modules.ModuleConfig):  # not `import ModuleConfig`: Django would
                                                      # find two AppConfig classes in apps.py
        name = "gongkai.consultations"
        label = "consultations"
        verbose_name = "征求意见"
        menu = (MenuEntry("征求意见", "consultations:index", order=150),)
        staff_urls = "gongkai.consultations.staff_urls"         # /staff/consultations/
        public_urls = {"consult/": "gongkai.consultations.public_urls"}
        api_routers = {"consultations": "gongkai.consultations.api:router"}
        demo = "gongkai.consultations.demo"
        demo_order = 50
        registers = ("todos", "portal")

The platform reads these in one place each: the URL map (`gongkai.urls`), the API
(`gongkai.api`), the static-site server's dynamic prefixes (`gongkai.publishing.server`), the
staff menu (`gongkai.core.context_processors`) and `gongkai demo`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import import_module
from types import MappingProxyType
from typing import Any

from django.apps import AppConfig, apps
from django.urls import URLPattern, URLResolver, include, path

EMPTY: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True)
class MenuEntry:
    """An entry of the staff menu. `roles` empty = every staff member sees it; `order` places it
    (工作台 0, the modules 100–800, 工作日历 900, 审计日志 910)."""

    label: str
    url_name: str
    order: int
    roles: tuple[str, ...] = ()


class ModuleConfig(AppConfig):
    """The AppConfig of a Gongkai module. Every attribute is optional."""

    default_auto_field = "django.db.models.BigAutoField"

    #: Entries of the staff menu.
    menu: tuple[MenuEntry, ...] = ()
    #: URLconf of the staff pages, mounted at /staff/<staff_path>/.
    staff_urls: str = ""
    #: Where the staff pages are mounted under /staff/ (default: the app label).
    staff_path: str | None = None
    #: Public dynamic endpoints {"prefix/": URLconf}, mounted at the site root. Every other public
    #: path is the static portal; these prefixes are handed to Django.
    public_urls: Mapping[str, str] = EMPTY
    #: JSON API routers {"prefix": "module:attribute"}, mounted at /api/<prefix>/.
    api_routers: Mapping[str, str] = EMPTY
    #: Module with `load(department, *, today)` that loads the demo bureau's content.
    demo: str = ""
    #: Demo loaders run in this order; a later one may read an earlier one's records.
    demo_order: int = 100
    #: Modules of this app imported at start-up; each registers with an extension point
    #: (to-dos in `todos`, page sources in `portal`, search documents, interaction channels …).
    registers: tuple[str, ...] = ()

    def ready(self) -> None:
        for module in self.registers:
            import_module(f"{self.name}.{module}")


def modules() -> Iterator[ModuleConfig]:
    """The installed modules, in INSTALLED_APPS order."""
    for config in apps.get_app_configs():
        if isinstance(config, ModuleConfig):
            yield config


def load(dotted: str) -> Any:
    """ "package.module:attribute" -> the attribute; "package.module" -> the module."""
    module_name, _, attribute = dotted.partition(":")
    module = import_module(module_name)
    return getattr(module, attribute) if attribute else module


def staff_urlpatterns() -> list[URLResolver]:
    result = []
    for config in modules():
        if config.staff_urls:
            prefix = config.label if config.staff_path is None else config.staff_path
            route = f"staff/{prefix}/" if prefix else "staff/"
            result.append(path(route, include(config.staff_urls)))
    return result


def public_urlpatterns() -> list[URLPattern | URLResolver]:
    return [
        path(prefix, include(urlconf))
        for config in modules()
        for prefix, urlconf in config.public_urls.items()
    ]


def public_prefixes() -> tuple[str, ...]:
    """URL path prefixes ("/search/", …) of the modules' public dynamic endpoints."""
    return tuple(f"/{prefix}" for config in modules() for prefix in config.public_urls)


def api_routers() -> Iterator[tuple[str, Any]]:
    for config in modules():
        for prefix, dotted in config.api_routers.items():
            yield prefix, load(dotted)


def menu() -> list[MenuEntry]:
    entries = [entry for config in modules() for entry in config.menu]
    return sorted(entries, key=lambda entry: entry.order)


def demo_loaders() -> list[tuple[str, Any]]:
    configs = sorted((c for c in modules() if c.demo), key=lambda c: c.demo_order)
    return [(config.label, load(config.demo)) for config in configs]
