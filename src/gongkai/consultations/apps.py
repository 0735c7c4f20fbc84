from gongkai.core import modules
from gongkai.core.modules import MenuEntry


class ConsultationsConfig(modules.ModuleConfig):
    name = "gongkai.consultations"
    label = "consultations"
    verbose_name = "征求意见"
    menu = (MenuEntry("征求意见", "consultations_staff:index", order=150),)
    staff_urls = "gongkai.consultations.staff_urls"
    public_urls = {"consult/": "gongkai.consultations.public_urls"}
    api_routers = {"consultations": "gongkai.consultations.api:router"}
    demo = "gongkai.consultations.demo"
    demo_order = 15  # after documents (its final documents), before the site is built
    registers = ("todos", "portal", "evidence")
