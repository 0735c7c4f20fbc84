from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "gongkai.reports"
    label = "reports"
    verbose_name = "年度报告与统计"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from gongkai.reports import portal, report_todos  # noqa: F401  (registers providers)
