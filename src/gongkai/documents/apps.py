from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "gongkai.documents"
    label = "documents"
    verbose_name = "公文"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from gongkai.documents import search_adapter, site, todos  # noqa: F401  (registers providers)

        site.register()
        search_adapter.register()
        from gongkai.core.services.calendar import on_calendar_changed
        from gongkai.documents.services.publication import recompute_disclosure_days

        on_calendar_changed(recompute_disclosure_days)
