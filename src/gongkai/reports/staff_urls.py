from django.urls import path

from gongkai.reports import stats_views, views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("import/", views.import_year, name="import"),
    path("template.xlsx", views.template_xlsx, name="template"),
    path("statistics/", stats_views.statistics_page, name="statistics"),
    path("statistics.xlsx", stats_views.statistics_xlsx, name="statistics_xlsx"),
    path("<int:year>/", views.detail, name="detail"),
    path("<int:year>/edit/", views.edit, name="edit"),
    path("<int:year>/action/<slug:name>/", views.action, name="action"),
    path("<int:year>/download.<str:fmt>", views.download, name="download"),
]
