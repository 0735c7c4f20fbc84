from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "gongkai.applications"
    label = "applications"
    verbose_name = "依申请公开"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from gongkai.applications import tasks, workbench  # noqa: F401  (to-dos, jobs)
        from gongkai.core.services.calendar import on_calendar_changed

        on_calendar_changed(_recompute)


def _recompute() -> int:
    from gongkai.applications.services.workflow import applications_recompute

    return applications_recompute()
