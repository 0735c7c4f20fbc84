from gongkai.core import modules
from gongkai.core.modules import MenuEntry
from gongkai.core.roles import Role


class CoreConfig(modules.ModuleConfig):
    name = "gongkai.core"
    label = "core"
    verbose_name = "基础平台"
    menu = (
        MenuEntry("工作台", "core:workbench", order=0),
        MenuEntry("工作日历", "core:calendar", order=900),
        MenuEntry("审计日志", "core:audit", order=910, roles=(Role.AUDITOR, Role.SYSADMIN)),
    )
    staff_urls = "gongkai.core.staff_urls"
    staff_path = ""
    registers = ("todos",)
