"""One test group per injection technique, on small pages written for the test (no database)."""

from __future__ import annotations

import json

import pytest

from gongkai.monitoring.detector import inspect_html

NAME = ("示例市科学技术局",)


def wrap(body: str, *, title: str = "通知公告_示例市科学技术局", head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
        f"<body><div class='header'>示例市科学技术局</div>{body}"
        "<div class='footer'>主办单位：示例市科学技术局 <a href='https://beian.miit.gov.cn/'>黔ICP备12003456号</a>"
        "</div></body></html>"
    )


CLEAN_TEXT = (
    "<p>各区（市、县）科技局，局属各单位：为做好2025年度科技成果登记工作，现将有关事项通知如下。"
    "请各单位于4月30日前登录科技成果登记系统填报，逾期不予受理。</p>"
)


def types(html: str, **kwargs: object) -> set[str]:
    result = inspect_html(html, own_names=NAME, **kwargs)  # type: ignore[arg-type]
    return {f.type for f in result.findings if f.weight >= 15}


def verdict(html: str, **kwargs: object) -> str:
    return inspect_html(html, own_names=NAME, **kwargs).verdict  # type: ignore[arg-type]


# --- the result object ----------------------------------------------------------------------
def test_clean_page_is_clean_with_score_zero() -> None:
    result = inspect_html(wrap(CLEAN_TEXT), own_names=NAME)
    assert result.verdict == "clean"
    assert result.score == 0.0


def test_result_is_json_serialisable_with_type_evidence_location() -> None:
    html = wrap(
        CLEAN_TEXT + '<div style="display:none"><a href="http://www.77hg88.com/">皇冠体育</a></div>'
    )
    data = inspect_html(html).to_dict()
    json.dumps(data, ensure_ascii=False)
    assert data["verdict"] in {"clean", "suspicious", "tampered"}
    assert isinstance(data["score"], float)
    assert all({"type", "evidence", "location"} <= set(f) for f in data["findings"])


# --- gambling promotion -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "title",
    [
        "宝博体育(中国)官方网站-登录入口",  # a brand the lexicon does not know
        "新濠天地娱乐官网_真人视讯_老虎机",
        "大发快三计划网-最快线路-信誉平台",
        "亚博买球app(中国)官方网站-IOS/安卓通用版/手机APP下载",
        "必一运动(B-Sports)官方网站",
        "米兰体育官网入口",
    ],
)
def test_gambling_title_is_tampered(title: str) -> None:
    html = wrap(CLEAN_TEXT, title=title)
    assert verdict(html) == "tampered"
    assert "gambling" in types(html)


def test_gambling_paragraphs_in_body_are_flagged() -> None:
    spam = (
        "<p>百家乐真人荷官在线发牌，注册即送彩金，首存100送58。</p>"
        "<p>最新网址：www.668bjl.vip，备用网址请收藏。</p>"
        "<p>澳门赌场老虎机免费试玩，天天返水1.5%。</p>"
    )
    assert verdict(wrap(CLEAN_TEXT + spam)) == "tampered"


def test_lottery_fund_disclosure_is_clean() -> None:
    body = (
        "<h1>2024年度体育彩票公益金使用情况公告</h1><p>根据《彩票管理条例》，现将我局使用体育彩票公益金情况公告如下："
        "全年使用体育彩票公益金120万元，资助全民健身科技项目6个。中国体育彩票倡导理性购彩。"
        "福利彩票公益金用于扶老、助残、救孤、济困。彩票投注站点监管由民政部门负责。</p>"
    )
    assert verdict(wrap(body)) == "clean"


def test_anti_gambling_notice_quoting_the_lures_is_clean() -> None:
    body = (
        "<h1>关于严厉打击网络赌博违法犯罪的通告</h1>"
        "<p>一、严禁开设赌场、组织参与网络赌博。</p>"
        "<p>二、不法分子常以“注册送彩金”“高额返水”为诱饵，推广百家乐、时时彩等赌博APP，请广大群众提高警惕。</p>"
        "<p>三、发现涉赌线索请拨打110举报，公安机关将依法严厉打击。</p>"
    )
    assert verdict(wrap(body, title="关于严厉打击网络赌博违法犯罪的通告")) == "clean"


# --- porn ---------------------------------------------------------------------------------------
def test_porn_link_text_is_flagged_and_anti_porn_notice_is_clean() -> None:
    spam = '<p><a href="http://www.52av.top/">国产精品一区二区</a> <a href="http://www.52av.top/2">人妻少妇在线观看</a></p>'
    assert "porn" in types(wrap(CLEAN_TEXT + spam))
    notice = "<p>开展“扫黄打非·净网”专项行动，清理淫秽色情信息，警惕裸聊敲诈等违法犯罪。</p>"
    assert verdict(wrap(notice)) == "clean"


# --- pinyin ---------------------------------------------------------------------------------------
def test_toneless_pinyin_runs_inside_chinese_text() -> None:
    body = (
        "<p>各区科技局：jujiguangechu(shi)、jushugedanwei：weizuohao2025niandukejichengguo"
        "dengjigongzuo，xianjiangyouguanshixiangtongzhiruxia。</p>"
    )
    assert "pinyin_run" in types(wrap(body))


def test_spaced_pinyin_syllables_are_a_run() -> None:
    body = (
        "<p>ge qu xian ke ji ju ， ju shu ge dan wei ： wei zuo hao ke ji cheng guo deng ji gong zuo 。</p>"
        * 2
    )
    assert "pinyin_run" in types(wrap(body))


def test_legitimate_pinyin_is_not_a_run() -> None:
    body = (
        "<p>示例市科学技术局（Shili Kejiju，英文 Shili Municipal Bureau of Science and Technology）"
        "网址 https://kjj.shili.gov.cn/zwgk/tongzhigonggao/ 邮箱 kejijubangongshi@shili.gov.cn，"
        "微信公众号 shilikejiju，附件 shilikejijutongzhi2025.docx，Zhongguancun 与 Zhangjiang 合作。</p>"
    )
    assert "pinyin_run" not in types(wrap(CLEAN_TEXT + body))


def test_character_pinyin_pairs() -> None:
    body = "<p>局(ju)机(ji)关(guan)各(ge)处(chu)、局（jú）属（shǔ）各（gè）单（dān）位（wèi）：现将有关事项通知如下。</p>"
    result = inspect_html(wrap(body))
    assert "char_pinyin" in {f.type for f in result.findings}
    assert result.verdict == "tampered"


# --- traditional/simplified ---------------------------------------------------------------------
def test_traditional_characters_interleaved_in_simplified_page() -> None:
    body = (
        "<p>各區（市、縣）科技局，局屬各单位：为做好2025年度科技成果登記工作，現将有關事项通知如下。"
        "請各單位于4月30日前登录科技成果登記系統填報，逾期不予受理。聯系電話：0851-86541234。</p>"
    )
    assert "trad_simp_mix" in types(wrap(CLEAN_TEXT + body))


def test_fully_traditional_page_and_a_few_quoted_characters_are_clean() -> None:
    import opencc

    traditional = opencc.OpenCC("s2t").convert(wrap(CLEAN_TEXT * 3))
    assert verdict(traditional) == "clean"
    assert verdict(wrap(CLEAN_TEXT + "<p>会议引用《論語》“學而時習之”。</p>")) == "clean"


# --- hidden content -------------------------------------------------------------------------------
HIDING = [
    '<div style="display:none">',
    '<div style="visibility:hidden">',
    '<div style="position:absolute;left:-9999px">',
    '<div style="font-size:0">',
    '<div style="color:#fff">',
    '<div style="text-indent:-5000px;overflow:hidden">',
    '<marquee width="2" height="2" scrollamount="5000">',
]


@pytest.mark.parametrize("opener", HIDING)
def test_hidden_links_each_way(opener: str) -> None:
    tag = opener[1:].split()[0].rstrip(">")
    links = "".join(f'<a href="http://www.{n}88tyc.com/">太阳城{n}</a>' for n in range(3))
    html = wrap(CLEAN_TEXT + opener + links + f"</{tag}>")
    assert "hidden_link" in types(html), opener
    assert verdict(html) != "clean"


def test_hidden_by_stylesheet_class_and_script() -> None:
    links = '<a href="http://a8899.vip/">链接一</a><a href="http://b7788.top/">链接二</a>'
    by_class = wrap(
        CLEAN_TEXT + f'<div class="x9k">{links}</div>', head="<style>.x9k{display:none}</style>"
    )
    by_script = wrap(
        CLEAN_TEXT
        + f'<div id="y7">{links}</div><script>document.getElementById("y7").style.display="none";</script>'
    )
    assert "hidden_link" in types(by_class)
    assert "hidden_link" in types(by_script)


def test_zero_size_iframe_from_foreign_domain() -> None:
    html = wrap(CLEAN_TEXT + '<iframe src="https://www.hg3088.cc/" width="0" height="0"></iframe>')
    assert "hidden_iframe" in types(html)


def test_layout_tricks_with_ordinary_links_are_clean() -> None:
    body = (
        '<ul style="font-size:0"><li style="font-size:14px"><a href="https://www.stdaily.com/">科技日报</a>'
        '</li><li style="font-size:14px"><a href="https://www.sciencenet.cn/">科学网</a></li></ul>'
        '<div style="height:0;overflow:hidden"><a href="https://www.cipnews.com.cn/">知识产权报</a>'
        '<a href="https://www.innocom.org/">高企服务网</a></div>'
        '<div class="footer"><a href="http://www.hanweb.com/" style="color:#fff">技术支持：大汉网络</a></div>'
    )
    assert verdict(wrap(CLEAN_TEXT + body)) == "clean"


def test_hidden_menus_and_tabs_with_internal_links_are_clean() -> None:
    body = (
        '<ul class="nav"><li><a href="/zwgk/">政务公开</a><div style="display:none">'
        '<a href="/zwgk/tzgg/">通知公告</a><a href="/zwgk/zcwj/">政策文件</a></div></li></ul>'
        '<div class="tab" style="display:none"><a href="https://www.most.gov.cn/">科技部</a></div>'
        '<div style="background:#1d4f91"><span style="color:#fff">示例市科学技术局</span></div>'
    )
    assert verdict(wrap(body + CLEAN_TEXT)) == "clean"


# --- links ------------------------------------------------------------------------------------------
def test_link_block_appended_after_html_end() -> None:
    block = "".join(f'<a href="http://www.site{n}x{n}{n}8.com/">推荐{n}</a>' for n in range(6))
    html = wrap(CLEAN_TEXT) + block
    assert types(html) & {"link_block", "external_link"}
    assert verdict(html) != "clean"


def test_whitelist_is_a_parameter() -> None:
    block = "".join(f'<a href="https://www.partner{n}.com.cn/">合作单位{n}</a>' for n in range(5))
    html = wrap(CLEAN_TEXT + f'<div style="display:none">{block}</div>')
    assert verdict(html) != "clean"
    assert verdict(html, whitelist=("gov.cn", "com.cn")) == "clean"


def test_ordinary_external_links_stay_clean() -> None:
    links = (
        '<a href="https://www.gov.cn/">中国政府网</a> <a href="http://www.people.com.cn/">人民网</a> '
        '<a href="https://www.tsinghua.edu.cn/">清华大学</a> <a href="https://www.stdaily.com/">科技日报</a>'
    )
    assert verdict(wrap(CLEAN_TEXT + "<p>" + links + "</p>")) == "clean"


# --- redirects and scripts ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "head",
    [
        '<meta http-equiv="refresh" content="3;URL=https://www.kk8866.top/">',
        "<script>if(/baidu|sogou/.test(document.referrer)){location.href='https://vip.88ky.com/'}</script>",
        "<script>window.location.replace('http://' + 'www.' + 'xpj77' + '.com/');</script>",
        '<script>document.write(\'<a href="http://www.678bet.xyz/">入口</a><a href="http://www.9988.cc/">官网</a>\')</script>',
        "<script>var s=document.createElement('script');s.src='https://tj.66yule.top/a.js';document.head.appendChild(s)</script>",
    ],
)
def test_redirects_cloaking_and_script_injection(head: str) -> None:
    html = wrap(CLEAN_TEXT, head=head)
    assert types(html) & {"redirect", "cloaking", "script_injection"}
    assert verdict(html) != "clean"


def test_legitimate_scripts_are_clean() -> None:
    head = (
        "<script>function doZoom(s){document.getElementById('zoom').style.fontSize=s+'px'}</script>"
        "<script>if(/iPhone|Android/i.test(navigator.userAgent)){location.href='/m/index.html'}</script>"
        '<script>var cnzz_protocol=(("https:"==document.location.protocol)?"https://":"http://");'
        "document.write(unescape(\"%3Cspan id='cnzz_stat_icon_1'%3E%3C/span%3E%3Cscript src='\" + cnzz_protocol"
        " + \"s9.cnzz.com/z_stat.php%3Fid%3D1%26show%3Dpic' type='text/javascript'%3E%3C/script%3E\"));</script>"
        '<script>var _hmt=_hmt||[];(function(){var hm=document.createElement("script");'
        'hm.src="https://hm.baidu.com/hm.js?abc";var s=document.getElementsByTagName("script")[0];'
        "s.parentNode.insertBefore(hm,s);})();</script>"
    )
    assert verdict(wrap(CLEAN_TEXT, head=head)) == "clean"


def _hex(s: str) -> str:
    return "".join(f"\\x{b:02x}" for b in s.encode())


@pytest.mark.parametrize(
    "script",
    [
        f'<script>eval("{_hex("location.href=" + chr(39) + "https://www.55bet.vip/" + chr(39))}")</script>',
        "<script>location.href=String.fromCharCode("
        + ",".join(str(ord(c)) for c in "http://hg55.cc/")
        + ")</script>",
        "<script>location.replace(atob('aHR0cHM6Ly93d3cueHBqOTkuY29tLw=='))</script>",  # https://www.xpj99.com/
    ],
)
def test_obfuscated_scripts_are_decoded(script: str) -> None:
    result = inspect_html(wrap(CLEAN_TEXT, head=script))
    found = {f.type for f in result.findings if f.weight >= 15}
    assert "obfuscated_script" in found
    assert result.verdict != "clean"


# --- keyword stuffing -------------------------------------------------------------------------------
def test_keyword_stuffed_title_and_meta() -> None:
    title = "专利申请-专利申请流程-专利申请费用-专利申请代理-示例市科学技术局"
    assert "keyword_stuffing" in types(wrap(CLEAN_TEXT, title=title))
    keywords = ",".join(f"科技咨询{n}" for n in range(22))
    html = wrap(CLEAN_TEXT, head=f'<meta name="keywords" content="{keywords}">')
    assert "keyword_stuffing" in types(html)


def test_ordinary_long_title_is_not_stuffing() -> None:
    title = "示例市科学技术局关于转发《省科学技术厅关于组织申报2025年度省科技计划项目的通知》的通知_示例市科学技术局"
    assert "keyword_stuffing" not in types(wrap(CLEAN_TEXT, title=title))


# --- normalisation tricks ------------------------------------------------------------------------
def test_entities_fullwidth_and_zero_width_are_undone() -> None:
    body = "<p>&#30334;&#23478;&#20048;官方网站，ｗｗｗ．７７８８ｂｊｌ．ｃｏｍ，百\u200b家\u200b乐注\u200c册送彩金</p>"
    assert "gambling" in types(wrap(CLEAN_TEXT + body))


# --- own name ----------------------------------------------------------------------------------------
def test_own_name_replaced_in_place() -> None:
    html = wrap(CLEAN_TEXT).replace("示例市科学技术局", "澳门金沙科学技术局")
    assert "name_replaced" in types(html)


# --- real-world clean pages that look alarming --------------------------------------------------
def test_lottery_sales_statistics_are_clean() -> None:
    body = (
        "<p>2024年全市体育彩票销量达12.6亿元，其中竞彩足球投注额3.1亿元，筹集公益金3.2亿元。</p>"
        "<p>全市共有福利彩票销售网点860个，体彩中心开展“理性购彩”宣传进投注站活动。</p>"
    )
    assert verdict(wrap(CLEAN_TEXT + body, title="2024年全市彩票销售情况通报")) == "clean"


def test_hidden_share_menu_is_clean() -> None:
    menu = (
        '<div class="share" style="display:none"><a href="http://share.renren.com/x">人人网</a>'
        '<a href="https://www.douban.com/share/">豆瓣</a><a href="http://www.kaixin001.com/rest/">开心网</a>'
        '<a href="https://www.facebook.com/sharer">Facebook</a></div>'
    )
    assert verdict(wrap(CLEAN_TEXT + menu)) == "clean"


def test_repetitive_but_honest_title_and_description_are_clean() -> None:
    title = "关于公布示例市科技计划项目（第一批）、示例市科技计划项目（第二批）和示例市科技计划项目（第三批）立项名单的通知"
    description = (
        "为加快科技型中小企业培育，推动科技型中小企业高质量发展，制定本方案。到2027年，全市科技型中小企业"
        "达到5000家，科技型中小企业研发投入年均增长15%。"
    )
    head = f'<meta name="description" content="{description}">'
    assert verdict(wrap(CLEAN_TEXT, title=title, head=head)) == "clean"


def test_menu_written_by_script_is_clean() -> None:
    script = (
        "<script>document.write('<a href=\"http://www.gzstv.com/\">贵州广播电视台</a>');"
        "document.write('<a href=\"http://www.gog.cn/\">多彩贵州网</a>');</script>"
    )
    assert verdict(wrap(CLEAN_TEXT + script)) == "clean"


def test_own_domain_outside_gov_cn_is_not_foreign() -> None:
    links = "".join(f'<a href="https://www.shilikj.cn/p{n}.html">栏目{n}</a>' for n in range(5))
    html = wrap(CLEAN_TEXT + f'<div style="position:absolute;left:-9999px">{links}</div>')
    assert verdict(html) != "clean"  # hidden links to an unknown .cn site
    assert verdict(html, base_url="https://www.shilikj.cn/index.html") == "clean"


def test_foreign_canonical_base_and_overlay_frames() -> None:
    head = '<link rel="canonical" href="https://www.ky8899.vip/news/1.html">'
    assert "foreign_canonical" in types(wrap(CLEAN_TEXT, head=head))
    own = '<link rel="canonical" href="https://kjj.shili.gov.cn/tzgg/1.html">'
    assert verdict(wrap(CLEAN_TEXT, head=own)) == "clean"
    overlay = '<iframe src="https://www.somesite.com/" width="100%" height="100%"></iframe>'
    assert "external_iframe" in types(wrap(CLEAN_TEXT + overlay))
    video = '<iframe src="https://player.example.com/v/1" width="100%" height="480"></iframe>'
    assert verdict(wrap(CLEAN_TEXT + video)) == "clean"


def test_bracket_access_and_decoded_bare_urls_are_redirects() -> None:
    bracket = '<script>window["location"]["href"]="https://www.kk.com/";</script>'
    assert "redirect" in types(wrap(CLEAN_TEXT, head=bracket))
    decoded = (
        '<script>var u=atob("aHR0cHM6Ly93d3cueHBqOTkuY29tLw==");window.location.href=u;</script>'
    )
    assert "redirect" in types(wrap(CLEAN_TEXT, head=decoded))


def test_minified_chinese_strings_popups_and_feeds_are_clean() -> None:
    message = "请输入您要搜索的关键词，本站支持按标题、文号和正文全文检索政府信息公开内容"
    escaped = "".join(f"\\u{ord(c):04x}" for c in message)
    head = (
        f'<script>var tip="{escaped}";function openMap(){{window.open("https://map.example.com/x")}}'
        "</script>"
        '<link rel="alternate" type="application/rss+xml" href="http://feeds.example.com/kjj">'
    )
    assert verdict(wrap(CLEAN_TEXT, head=head)) == "clean"


def test_redirect_to_an_ordinary_foreign_site_is_suspicious_not_tampered() -> None:
    head = "<script>location.href='https://www.newsite-example.com/';</script>"
    assert verdict(wrap(CLEAN_TEXT, head=head)) == "suspicious"


def test_title_that_contradicts_the_site_meta_tags() -> None:
    head = (
        '<meta name="SiteName" content="示例市科学技术局">'
        '<meta name="ArticleTitle" content="关于开展2025年度科技计划项目申报工作的通知">'
    )
    assert "title_mismatch" in types(wrap(CLEAN_TEXT, title="尊龙凯时·人生就是搏!", head=head))
    assert verdict(wrap(CLEAN_TEXT, title="尊龙凯时·人生就是搏!", head=head)) != "clean"
    for title in (
        "关于开展2025年度科技计划项目申报工作的…",
        "示例市科学技术局",
        "通知公告_示例市科学技术局",
    ):
        assert "title_mismatch" not in types(wrap(CLEAN_TEXT, title=title, head=head)), title
