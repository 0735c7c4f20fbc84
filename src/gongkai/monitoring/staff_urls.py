from django.urls import path

from gongkai.monitoring import views

app_name = "monitoring"

urlpatterns = [
    path("", views.index, name="index"),
    path("inspect/", views.inspect, name="inspect"),
    path("run/", views.run, name="run"),
    path("checks/", views.checks, name="checks"),
    path("incidents/<int:pk>/", views.incident, name="incident"),
    path("incidents/<int:pk>/transition/", views.transition, name="transition"),
]
