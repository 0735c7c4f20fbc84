from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "gongkai.monitoring"
    label = "monitoring"
    verbose_name = "网站监测"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from gongkai.monitoring import todos  # noqa: F401 — registers the workbench to-dos
