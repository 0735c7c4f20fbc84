from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "gongkai.publishing"
    label = "publishing"
    verbose_name = "门户发布"
    default_auto_field = "django.db.models.BigAutoField"
