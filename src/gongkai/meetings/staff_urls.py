from django.urls import path

from gongkai.meetings.views import staff

app_name = "meetings_staff"

urlpatterns = [
    path("", staff.index, name="index"),
    path("new/", staff.new, name="new"),
    path("<int:pk>/", staff.detail, name="detail"),
    path("<int:pk>/act/<slug:action>/", staff.act, name="act"),
]
