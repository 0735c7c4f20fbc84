"""A URLconf with only the staff workbench, the site page and /verify/, so these tests do not
depend on other apps' URLs."""

from django.urls import include, path

urlpatterns = [
    path("staff/", include("gongkai.core.urls")),
    path("staff/site/", include("gongkai.publishing.urls")),
    path("verify/", include("gongkai.publishing.public_urls")),
]
