# ruff: noqa: E501 — page fixtures: long HTML lines are the data
"""Three site chromes (modern, old table layout in GBK, information-disclosure platform)."""

NAV = [
    ("/", "首页"),
    ("/zwgk/", "政务公开"),
    ("/zwgk/xxgk/", "政府信息公开"),
    ("/bsfw/", "办事服务"),
    ("/hdjl/", "互动交流"),
    ("/ztzl/", "专题专栏"),
    ("/kjzx/", "科技资讯"),
]
SUB = [
    ("/zwgk/tzgg/", "通知公告"),
    ("/zwgk/zcwj/", "政策文件"),
    ("/zwgk/zcjd/", "政策解读"),
    ("/zwgk/gzdt/", "工作动态"),
    ("/zwgk/rsxx/", "人事信息"),
    ("/zwgk/czzj/", "财政资金"),
    ("/zwgk/sjgk/", "双随机一公开"),
    ("/zwgk/jyta/", "建议提案办理"),
]
FRIENDS = [
    ("https://www.gov.cn/", "中国政府网"),
    ("https://www.most.gov.cn/", "科学技术部"),
    ("https://www.cnipa.gov.cn/", "国家知识产权局"),
    ("https://www.guizhou.gov.cn/", "省人民政府"),
    ("https://kjt.guizhou.gov.cn/", "省科学技术厅"),
    ("https://www.shili.gov.cn/", "示例市人民政府"),
]


def _nav() -> str:
    items = []
    for href, label in NAV:
        sub = "".join(f'<a href="{h}">{t}</a>' for h, t in SUB) if href == "/zwgk/" else ""
        items.append(
            f'<li><a href="{href}">{label}</a>'
            + (f'<div class="nav-sub">{sub}</div>' if sub else "")
            + "</li>"
        )
    return '<ul class="nav">' + "".join(items) + "</ul>"


def modern(title: str, column: str, body: str, head_extra: str = "", foot_extra: str = "") -> str:
    friends = "".join(f'<option value="{h}">{t}</option>' for h, t in FRIENDS)
    sidebar = "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in SUB)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}_示例市科学技术局</title>
<meta name="keywords" content="示例市科学技术局,{column}">
<meta name="description" content="{title}">
<meta name="SiteName" content="示例市科学技术局">
<meta name="SiteDomain" content="kjj.shili.gov.cn">
<meta name="SiteIDCode" content="5201000012">
<meta name="ColumnName" content="{column}">
<meta name="ArticleTitle" content="{title}">
<link rel="stylesheet" href="/static/css/common.css">
<style>
.nav-sub{{display:none;position:absolute;background:#fff}}
.tab-panel{{display:none}} .tab-panel.on{{display:block}}
.sr-only{{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}}
body{{font-family:"Microsoft YaHei",SimSun,sans-serif;background:#f2f2f2}}
.header{{background:#1d4f91;color:#fff;height:120px}}
</style>
<script src="/static/js/jquery-1.12.4.min.js"></script>
{head_extra}
</head>
<body>
<a class="sr-only" href="#main">跳转到主要内容</a>
<div class="topbar">今天是 <span id="today"></span>　<a href="/wza/">无障碍浏览</a> | <a href="/m/">手机版</a> | <a href="/big5/">繁體</a> | <a href="javascript:void(0)" onclick="addFavorite()">加入收藏</a></div>
<div class="header"><a href="/"><img src="/static/img/logo.png" alt="示例市科学技术局"></a>
<span style="color:#fff">示例市科学技术局　示例市知识产权局</span>
<form action="/search/" method="get" class="search"><input type="text" name="q" placeholder="请输入关键词"><button type="submit">搜索</button></form></div>
{_nav()}
<div class="wrap">
<div class="sidebar"><h3>政务公开</h3><ul>{sidebar}</ul></div>
<div class="main" id="main">
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <span>{column}</span></div>
{body}
<div class="share">分享到：<a href="javascript:shareTo('weibo')">微博</a> <a href="javascript:shareTo('wechat')">微信</a></div>
</div></div>
<div class="friend-links">友情链接：<select onchange="if(this.value)window.open(this.value)"><option value="">—国家及省市网站—</option>{friends}</select></div>
<div class="footer">
<p>主办单位：示例市科学技术局　地址：示例市新区行政中心A座　邮编：550081　联系电话：0851-86540000</p>
<p><a href="https://beian.miit.gov.cn/" target="_blank">黔ICP备12003456号-1</a>　<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=52010202000123" target="_blank">黔公网安备 52010202000123号</a>　网站标识码：5201000012</p>
<span id="_ideConac"><a href="https://bszs.conac.cn/sitename?method=show&amp;id=1A2B3C" target="_blank"><img src="https://dcs.conac.cn/image/red.png" alt="党政机关"></a></span>
<script id="_jiucuo_" sitecode="5201000012" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script>
</div>
<script>
var d=new Date();document.getElementById('today').innerHTML=d.getFullYear()+'年'+(d.getMonth()+1)+'月'+d.getDate()+'日';
$('.nav li').hover(function(){{$(this).find('.nav-sub').show();}},function(){{$(this).find('.nav-sub').hide();}});
function addFavorite(){{try{{window.external.addFavorite(location.href,document.title);}}catch(e){{alert('请使用Ctrl+D收藏本站');}}}}
function shareTo(t){{var u=encodeURIComponent(location.href),ti=encodeURIComponent(document.title);if(t=='weibo'){{window.open('https://service.weibo.com/share/share.php?url='+u+'&title='+ti);}}}}
</script>
<script>var _hmt=_hmt||[];(function(){{var hm=document.createElement("script");hm.src="https://hm.baidu.com/hm.js?3f1e2d4c5b6a79880a1b2c3d4e5f6a7b";var s=document.getElementsByTagName("script")[0];s.parentNode.insertBefore(hm,s);}})();</script>
{foot_extra}
</body>
</html>
"""


def table_layout(
    title: str, column: str, body: str, head_extra: str = "", foot_extra: str = ""
) -> str:
    links = "".join(f'<td><a href="{h}" target="_blank">{t}</a></td>' for h, t in FRIENDS)
    scroll = "".join(
        f'<a href="/tzgg/2025/{i:02d}.htm">・关于做好2025年第{i}批科技项目验收工作的通知</a><br>'
        for i in range(1, 6)
    )
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{title}--示例市科学技术局</title>
<meta name="keywords" content="科技局,示例市,{column}">
<link href="css/style.css" rel="stylesheet" type="text/css">
<script language="javascript" src="js/common.js"></script>
{head_extra}
</head>
<body topmargin="0" leftmargin="0" bgcolor="#FFFFFF">
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td height="130" style="background:url(images/banner.jpg) no-repeat"><font color="#FFFFFF" size="5"><b>示例市科学技术局</b></font><br><font color="white">Shili Municipal Bureau of Science and Technology</font></td></tr>
<tr><td bgcolor="#0B4DA2" height="36"><a href="index.htm"><font color="#FFFFFF">首 页</font></a> | <a href="zwgk.htm"><font color="#FFFFFF">政务公开</font></a> | <a href="bsfw.htm"><font color="#FFFFFF">办事服务</font></a> | <a href="hdjl.htm"><font color="#FFFFFF">互动交流</font></a></td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td width="240" valign="top">
<table width="100%"><tr><td class="lm">最新通知</td></tr>
<tr><td><marquee direction="up" scrollamount="2" height="160" onmouseover="this.stop()" onmouseout="this.start()">{scroll}</marquee></td></tr></table>
</td>
<td width="760" valign="top">
<div class="position">您现在的位置：<a href="index.htm">首页</a> &gt;&gt; {column}</div>
{body}
</td></tr></table>
<table width="1000" border="0" align="center"><tr><td>友情链接：</td>{links}</tr></table>
<table width="1000" border="0" align="center" bgcolor="#E8E8E8">
<tr><td align="center">版权所有：示例市科学技术局　技术支持：示例市科技信息中心<br>
<a href="https://beian.miit.gov.cn/" target="_blank">黔ICP备05001234号</a>　网站标识码：5201000012<br>
<script type="text/javascript">var cnzz_protocol = (("https:" == document.location.protocol) ? "https://" : "http://");document.write(unescape("%3Cspan id='cnzz_stat_icon_1279981234'%3E%3C/span%3E%3Cscript src='" + cnzz_protocol + "s9.cnzz.com/z_stat.php%3Fid%3D1279981234%26show%3Dpic' type='text/javascript'%3E%3C/script%3E"));</script>
</td></tr></table>
{foot_extra}
</body>
</html>
"""


def platform(title: str, column: str, body: str, head_extra: str = "", foot_extra: str = "") -> str:
    tabs = "".join(
        f'<div class="tab-panel" id="tab{i}"><ul><li><a href="/xxgk/ml/{i}/">目录{i}</a></li></ul></div>'
        for i in range(1, 4)
    )
    return f"""<!doctype html>
<html>
<head>
<meta charset="UTF-8">
<title>{title} - 示例市科学技术局政府信息公开平台</title>
<meta name="keywords" content="政府信息公开">
<link rel="stylesheet" href="/xxgk/css/xxgk.css">
<style>.tab-panel{{display:none}} #tab1{{display:block}}</style>
{head_extra}
</head>
<body>
<div class="xxgk-head"><h2>示例市科学技术局政府信息公开平台</h2>
<div class="menu"><a href="/xxgk/zn/">公开指南</a> <a href="/xxgk/zd/">公开制度</a> <a href="/xxgk/ml/">公开目录</a> <a href="/xxgk/nb/">公开年报</a> <a href="/xxgk/ysq/">依申请公开</a></div></div>
<div class="xxgk-side">{tabs}</div>
<div class="xxgk-main">
{body}
</div>
<div class="xxgk-foot">示例市科学技术局 版权所有　<a href="https://beian.miit.gov.cn/">黔ICP备12003456号-1</a></div>
<script>
var tabs=document.querySelectorAll('.tab-panel');
function showTab(n){{for(var i=0;i<tabs.length;i++){{tabs[i].style.display=(i==n)?'block':'none';}}}}
</script>
{foot_extra}
</body>
</html>
"""


CHROMES = {"modern": modern, "table": table_layout, "platform": platform}
