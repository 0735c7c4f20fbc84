from django.urls import path

from gongkai.publishing import views

app_name = "publishing"

urlpatterns = [
    path("", views.index, name="index"),
    path("verify/", views.verify, name="verify"),
    path("rebuild/", views.rebuild, name="rebuild"),
    path("restore/", views.restore, name="restore"),
]
