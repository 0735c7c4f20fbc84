from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "gongkai.publishing"
    label = "publishing"
    verbose_name = "门户发布"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from gongkai.publishing import portal  # noqa: F401  (registers the portal page source)
