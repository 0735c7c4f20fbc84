"""A URLconf with only the staff workbench, so these tests do not depend on other apps' URLs."""

from django.urls import include, path

urlpatterns = [path("staff/", include("gongkai.core.urls"))]
