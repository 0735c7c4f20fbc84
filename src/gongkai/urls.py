"""URL map. The public portal itself is static files (gongkai.publishing serves them in the
embedded default); Django answers only the staff workbench, the modules' dynamic public
endpoints (search, forms, status queries, page verification), the JSON API and the admin.
Each module declares its own URLs in its AppConfig (gongkai.core.modules)."""

from django.contrib import admin
from django.urls import path

from gongkai.api import api
from gongkai.core import modules

urlpatterns = [
    *modules.staff_urlpatterns(),
    *modules.public_urlpatterns(),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]
