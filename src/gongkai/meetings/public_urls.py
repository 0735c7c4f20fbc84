from django.urls import path

from gongkai.meetings.views import public

app_name = "meetings_public"

urlpatterns = [
    path("<int:pk>/register/", public.register, name="register"),
    path("<int:pk>/registered/", public.registered, name="registered"),
]
