"""The JSON API (OpenAPI description at /api/openapi.json, browsable docs at /api/docs).

Each module declares its routers in its AppConfig (`api_routers`); they are mounted here. A
`DomainError` raised by a service becomes a JSON error with the error's HTTP status:
`{"detail": "<Chinese message>", "errors": {"<field>": ["<message>", …]}}`.
"""

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from gongkai.core import modules
from gongkai.core.errors import DomainError

api = NinjaAPI(
    title="Gongkai 政务公开 API",
    version="1",
    description="公文、栏目、全文检索、依申请公开办理状态与期限、年度报告和网站监测的接口。公开数据无需登录；网站监测接口仅限工作人员。",
    urls_namespace="api",
)


@api.exception_handler(DomainError)
def domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return api.create_response(
        request, {"detail": exc.message, "errors": exc.fields}, status=exc.status
    )


for _prefix, _router in modules.api_routers():
    api.add_router(f"/{_prefix}/", _router)
