from django.urls import path

from gongkai.applications.views import admin_pages, staff

app_name = "applications_staff"

urlpatterns = [
    path("", staff.index, name="index"),
    path("new/", staff.new, name="new"),
    path("<int:pk>/", staff.detail, name="detail"),
    path("<int:pk>/act/<slug:action>/", staff.act, name="act"),
    path("<int:pk>/letters/<int:letter_id>.docx", staff.letter_download, name="letter"),
    path("<int:pk>/files/<int:file_id>/", staff.file_download, name="file"),
    path("<int:pk>/files/upload/", staff.file_upload, name="file_upload"),
    path("<int:pk>/reviews/", staff.review_save, name="review_add"),
    path("<int:pk>/reviews/<int:review_id>/", staff.review_save, name="review_edit"),
    path("<int:pk>/export/", staff.export, name="export"),
    path("templates/", admin_pages.templates, name="templates"),
    path("templates/<int:pk>/", admin_pages.template_edit, name="template_edit"),
    path("analysis/", admin_pages.analysis_index, name="analysis"),
    path("analysis/<int:year>/<int:quarter>/", admin_pages.analysis_detail, name="analysis_detail"),
]
