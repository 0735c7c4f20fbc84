from gongkai.core import modules
from gongkai.core.modules import MenuEntry


class MeetingsConfig(modules.ModuleConfig):
    name = "gongkai.meetings"
    label = "meetings"
    verbose_name = "会议公开"
    menu = (MenuEntry("会议公开", "meetings_staff:index", order=160),)
    staff_urls = "gongkai.meetings.staff_urls"
    public_urls = {"meetings/": "gongkai.meetings.public_urls"}
    api_routers = {"meetings": "gongkai.meetings.api:router"}
    demo = "gongkai.meetings.demo"
    demo_order = 16  # after documents and consultations, before the site is built
    registers = ("todos", "portal")
