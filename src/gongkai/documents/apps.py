from gongkai.core import modules
from gongkai.core.modules import MenuEntry


class DocumentsConfig(modules.ModuleConfig):
    name = "gongkai.documents"
    label = "documents"
    verbose_name = "公文"
    menu = (MenuEntry("公文管理", "documents:index", order=100),)
    staff_urls = "gongkai.documents.staff_urls"
    api_routers = {"documents": "gongkai.documents.api:router"}
    demo = "gongkai.documents.demo"
    demo_order = 10
    registers = ("todos", "portal", "search_adapter")

    def ready(self) -> None:
        super().ready()
        from gongkai.core.services.calendar import on_calendar_changed
        from gongkai.documents.services.publication import recompute_disclosure_days

        on_calendar_changed(recompute_disclosure_days)
