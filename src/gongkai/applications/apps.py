from gongkai.core import modules
from gongkai.core.modules import MenuEntry


class ApplicationsConfig(modules.ModuleConfig):
    name = "gongkai.applications"
    label = "applications"
    verbose_name = "依申请公开"
    menu = (MenuEntry("依申请公开", "applications_staff:index", order=200),)
    staff_urls = "gongkai.applications.staff_urls"
    public_urls = {"apply/": "gongkai.applications.public_urls"}
    api_routers = {"applications": "gongkai.applications.api:router"}
    demo = "gongkai.applications.demo"
    demo_order = 40
    registers = ("todos",)

    def ready(self) -> None:
        super().ready()
        from gongkai.applications.services.workflow import applications_recompute
        from gongkai.core.services.calendar import on_calendar_changed

        on_calendar_changed(applications_recompute)
