from gongkai.core import modules
from gongkai.core.modules import MenuEntry


class ReportsConfig(modules.ModuleConfig):
    name = "gongkai.reports"
    label = "reports"
    verbose_name = "年度报告与统计"
    menu = (MenuEntry("年度报告与统计", "reports:index", order=550),)
    staff_urls = "gongkai.reports.staff_urls"
    api_routers = {"reports": "gongkai.reports.api:router"}
    demo = "gongkai.reports.demo"
    demo_order = 60
    registers = ("todos", "portal")
