from django.urls import path

from gongkai.applications.views import public

app_name = "applications_public"

urlpatterns = [
    path("", public.apply, name="form"),
    path("receipt/", public.receipt, name="receipt"),
    path("status/", public.status, name="status"),
    path("analysis/", public.analysis_list, name="analysis_list"),
    path("analysis/<int:year>/<int:quarter>/", public.analysis, name="analysis"),
    path("download/<str:token>/", public.download, name="download"),
]
