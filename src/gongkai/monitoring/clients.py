"""The clients the integrity run impersonates when it fetches the live site (docs/monitoring.md:
hijacked pages are often shown only to search-engine crawlers, recognised by User-Agent, or
only to visitors arriving from a search engine, recognised by Referer). Pure."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.monitoring.fetch import BROWSER_UA, CRAWLER_UA


@dataclass(frozen=True)
class Client:
    key: str
    label: str
    user_agent: str
    referer: str | None = None


DESKTOP = Client("desktop", "桌面浏览器", BROWSER_UA)
CLIENTS: tuple[Client, ...] = (
    DESKTOP,
    Client(
        "phone",
        "手机浏览器",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1 gongkai-monitor",
    ),
    Client("baiduspider", "百度蜘蛛", CRAWLER_UA),
    Client(
        "baiduspider_render",
        "百度渲染蜘蛛",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 9_1 like Mac OS X) AppleWebKit/601.1.46 "
        "(KHTML, like Gecko) Version/9.0 Mobile/13B143 Safari/601.1 "
        "(compatible; Baiduspider-render/2.0; +http://www.baidu.com/search/spider.html)",
    ),
    Client(
        "googlebot",
        "Googlebot",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    ),
    Client(
        "search_visitor",
        "从搜索引擎进入的访客",
        BROWSER_UA,
        "https://www.baidu.com/s?wd=%E7%A7%91%E5%AD%A6%E6%8A%80%E6%9C%AF%E5%B1%80",
    ),
)
