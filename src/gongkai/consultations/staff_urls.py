from django.urls import path

from gongkai.consultations.views import staff

app_name = "consultations_staff"

urlpatterns = [
    path("", staff.index, name="index"),
    path("new/", staff.new, name="new"),
    path("<int:pk>/", staff.detail, name="detail"),
    path("<int:pk>/edit/", staff.edit, name="edit"),
    path("<int:pk>/act/<slug:action>/", staff.act, name="act"),
    path("<int:pk>/comments/new/", staff.comment_new, name="comment_new"),
    path("<int:pk>/comments/<int:number>/<slug:action>/", staff.comment_act, name="comment_act"),
]
