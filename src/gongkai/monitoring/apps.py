from gongkai.core import modules
from gongkai.core.modules import MenuEntry


class MonitoringConfig(modules.ModuleConfig):
    name = "gongkai.monitoring"
    label = "monitoring"
    verbose_name = "网站监测"
    menu = (MenuEntry("网站监测", "monitoring:index", order=500),)
    staff_urls = "gongkai.monitoring.staff_urls"
    api_routers = {"monitoring": "gongkai.monitoring.api:router"}
    demo = "gongkai.monitoring.demo"
    demo_order = 50
    registers = ("todos",)
