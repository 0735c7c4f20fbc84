from django.urls import path

from gongkai.consultations.views import public

app_name = "consultations_public"

urlpatterns = [
    path("<int:pk>/", public.comment_form, name="form"),
    path("<int:pk>/thanks/", public.thanks, name="thanks"),
]
