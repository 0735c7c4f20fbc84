"""A URLconf with only the staff workbench, the site page and /verify/, so these tests do not
depend on other apps' URLs."""

from django.urls import include, path

urlpatterns = [
    path("staff/", include("gongkai.core.staff_urls")),
    path("staff/site/", include("gongkai.publishing.staff_urls")),
    path("verify/", include("gongkai.publishing.public_urls")),
]
