from gongkai.core import modules


class SearchConfig(modules.ModuleConfig):
    name = "gongkai.search"
    label = "search"
    verbose_name = "全文检索"
    public_urls = {"search/": "gongkai.search.public_urls"}
    api_routers = {"search": "gongkai.search.api:router"}
    demo = "gongkai.search.demo"
    demo_order = 30
    registers = ("portal",)
