"""The JSON API (OpenAPI description at /api/openapi.json, browsable docs at /api/docs).

Each app contributes a router in its own api.py; they are mounted here.
"""

from ninja import NinjaAPI

api = NinjaAPI(
    title="Gongkai 政务公开 API",
    version="1",
    description="公文、栏目、全文检索、依申请公开办理状态与期限、年度报告和网站监测的接口。公开数据无需登录；网站监测接口仅限工作人员。",
    urls_namespace="api",
)


def _mount() -> None:
    from importlib import import_module

    for app in ("documents", "search", "applications", "reports", "monitoring"):
        try:
            module = import_module(f"gongkai.{app}.api")
        except ModuleNotFoundError as exc:
            if exc.name != f"gongkai.{app}.api":
                raise
            continue
        api.add_router(f"/{app}/", module.router)


_mount()
