"""URL map. The public portal itself is static files (gongkai.publishing serves them in the
embedded default); Django answers only the staff workbench, the dynamic public endpoints
(search, forms, status queries, page verification) and the JSON API."""

from django.contrib import admin
from django.urls import include, path

from gongkai.api import api

urlpatterns = [
    path("staff/", include("gongkai.core.urls")),
    path("staff/documents/", include("gongkai.documents.urls")),
    path("staff/applications/", include("gongkai.applications.staff_urls")),
    path("staff/monitoring/", include("gongkai.monitoring.urls")),
    path("staff/reports/", include("gongkai.reports.urls")),
    path("staff/site/", include("gongkai.publishing.urls")),
    path("search/", include("gongkai.search.urls")),
    path("apply/", include("gongkai.applications.public_urls")),
    path("verify/", include("gongkai.publishing.public_urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]
