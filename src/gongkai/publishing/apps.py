from gongkai.core import modules
from gongkai.core.modules import MenuEntry
from gongkai.core.roles import Role


class PublishingConfig(modules.ModuleConfig):
    name = "gongkai.publishing"
    label = "publishing"
    verbose_name = "门户发布"
    menu = (
        MenuEntry(
            "门户发布",
            "publishing:index",
            order=600,
            roles=(Role.PUBLISHER, Role.SYSADMIN, Role.DISCLOSURE_HEAD),
        ),
    )
    staff_urls = "gongkai.publishing.staff_urls"
    staff_path = "site"
    public_urls = {"verify/": "gongkai.publishing.public_urls"}
    demo = "gongkai.publishing.demo"
    demo_order = 20
    registers = ("portal", "todos")
