from django.urls import path

from gongkai.publishing import public_views

app_name = "verify"

urlpatterns = [path("", public_views.verify_page, name="index")]
