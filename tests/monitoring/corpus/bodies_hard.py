# ruff: noqa: E501 — page fixtures: long HTML lines are the data
"""Clean pages that look alarming to a naive detector (negatives that keep the rules honest)."""

HARD = [
    (
        "hard_safety",
        "工作动态",
        "市科学技术局开展节前安全生产和娱乐场所消防检查",
        """<div class="article" id="zoom"><h1>市科学技术局开展节前安全生产和娱乐场所消防检查</h1>
<p>为确保节日期间安全稳定，局领导带队对科技园区内的歌舞娱乐场所、体育场馆和电竞产业园开展消防安全检查。</p>
<p>检查组要求，各经营单位要落实安全主体责任，在线监测系统要保持正常运行，平台企业要完善应急预案，确保“大发展”与“大安全”协同推进。</p>
<p>检查中还走访了园区内注册的3家数字游戏动漫企业和1家智慧体育平台研发企业，了解其知识产权保护需求。</p></div>""",
    ),
    (
        "hard_budget",
        "财政资金",
        "示例市科学技术局2024年部门决算公开说明",
        """<div class="article" id="zoom"><h1>示例市科学技术局2024年部门决算公开说明</h1>
<p>一、“三公”经费支出情况。2024年“三公”经费支出16.2万元，比预算减少2.4万元，主要是严格执行中央八项规定精神。</p>
<p>二、银行存款及往来。年末银行存款余额325.6万元，均为财政零余额账户用款额度；本年无提现、充值等资金往来。</p>
<p>三、政府采购情况。采购“一码通”政务服务终端、专利导航数据平台和科技项目在线管理平台软件，合计金额286万元。</p>
<p>四、国有资产占用情况。单位价值50万元以上大型设备2台。</p></div>""",
    ),
    (
        "hard_partner_dropdown",
        "首页",
        "示例市科学技术局",
        """<style>.friend-drop{display:none;position:absolute}</style>
<div class="friend">合作单位 <div class="friend-drop"><a href="https://www.stdaily.com/">科技日报</a> <a href="http://www.sciencenet.cn/">科学网</a> <a href="https://www.cipnews.com.cn/">中国知识产权报社</a> <a href="https://www.chinahightech.com/">中国高新技术产业导报</a> <a href="https://www.innovation4.cn/">创新中国平台</a></div></div>
<div class="share-pop" style="display:none"><a href="https://service.weibo.com/share/share.php">新浪微博</a> <a href="https://connect.qq.com/widget/shareqq/index.html">QQ好友</a> <a href="https://www.douban.com/share/service">豆瓣</a></div>
<div class="article" id="zoom"><h1>示例市科学技术局</h1><p>欢迎访问示例市科学技术局门户网站。本站提供政务公开、办事服务、互动交流等栏目。</p>
<p>党建专栏链接：<a href="http://www.12371.cn/">共产党员网</a>　<a href="http://www.81.cn/">中国军网</a>　<a href="https://www.chinatax.gov.cn/">国家税务总局</a></p></div>""",
    ),
    (
        "hard_banner",
        "首页",
        "示例市科学技术局门户网站",
        """<div class="banner" style="background:url(/img/banner.jpg)"><span style="color:#ffffff">示例市科学技术局　示例市知识产权局</span>
<a href="/zwgk/" style="color:#fff">政务公开</a> <a href="/bsfw/" style="color:#fff">办事服务</a></div>
<div class="article" id="zoom"><h1>示例市科学技术局门户网站</h1><p>本网站由示例市科学技术局主办，示例市科技信息中心承办。网站标识码5201000012。</p>
<p>各区（市、县）科技局、局属各单位信息报送请登录内网信息报送平台。</p></div>""",
    ),
    (
        "hard_packed_js",
        "通知公告",
        "关于举办2025年科技成果转化培训班的通知",
        """<div class="article" id="zoom"><h1>关于举办2025年科技成果转化培训班的通知</h1>
<p>各有关单位：为提升技术经理人业务能力，定于4月举办科技成果转化培训班，请在线报名，报名平台免费注册。</p>
<p>培训内容：科技成果评价、技术合同登记、专利导航与分析、知识产权运营等。配套政策解读视频提供中文字幕。</p>
<div class="slide"><ul><li><img src="/img/s1.jpg"></li><li><img src="/img/s2.jpg"></li></ul></div></div>
<script>eval(function(p,a,c,k,e,d){e=function(c){return c.toString(36)};if(!''.replace(/^/,String)){while(c--){d[c.toString(a)]=k[c]||c.toString(a)}k=[function(e){return d[e]}];e=function(){return'\\\\w+'};c=1};while(c--){if(k[c]){p=p.replace(new RegExp('\\\\b'+e(c)+'\\\\b','g'),k[c])}}return p}('$(\\'.2\\').3({4:\\'5\\',6:7,8:0.1});',9,9,'||slide|slideBox|effect|fold|interTime|3000|delayTime'.split('|'),0,{}))</script>""",
    ),
    (
        "hard_bilingual",
        "English",
        "Shili Municipal Bureau of Science and Technology",
        """<div class="article" id="zoom"><h1>Shili Municipal Bureau of Science and Technology 示例市科学技术局</h1>
<p>The Shili Municipal Bureau of Science and Technology is responsible for science and technology development, intellectual property protection and technology transfer in Shili City.</p>
<p>Address: Building A, Xinqu Administrative Center, Shili. Tel: 0851-86540000. Email: kjjbgs@shili.gov.cn. Java and Python developers may use our open data API.</p>
<p>中文简介：示例市科学技术局负责全市科技创新和知识产权工作。Contact us for cooperation with Zhongguancun and Zhangjiang parks.</p></div>""",
    ),
    (
        "hard_place_names",
        "工作动态",
        "我市科技代表团赴南京六合区和澳门考察学习",
        """<div class="article" id="zoom"><h1>我市科技代表团赴南京六合区和澳门考察学习</h1>
<p>3月20日至24日，市科学技术局组织科技代表团赴南京市六合区、澳门特别行政区考察学习，参观了澳门科技大学、澳门大学和横琴粤澳深度合作区。</p>
<p>代表团与澳门科技大学就中医药、空间科学等领域合作进行了交流，并参观了澳门科学馆。澳门近年来积极推动经济适度多元发展，降低对博彩业的依赖。</p>
<p>在六合区，代表团考察了智能制造产业园和足球、篮球青训基地的体育科技应用。</p></div>""",
    ),
    (
        "hard_description",
        "政策文件",
        "示例市科技型中小企业培育实施方案",
        """<div class="article" id="zoom"><h1>示例市科技型中小企业培育实施方案</h1>
<p>为加快科技型中小企业培育，推动科技型中小企业高质量发展，制定本方案。到2027年，全市科技型中小企业达到5000家，科技型中小企业研发投入年均增长15%。</p>
<p>一、实施科技型中小企业梯次培育行动。二、支持科技型中小企业开展技术攻关。三、强化科技型中小企业金融支持。</p></div>""",
    ),
    (
        "hard_mobile_redirect",
        "通知公告",
        "关于2025年劳动节放假安排的通知",
        """<script>var ua=navigator.userAgent;if(/Android|webOS|iPhone|iPad|iPod|BlackBerry|Mobile/i.test(ua)){window.location.href="https://kjj.shili.gov.cn/m/index.html";}</script>
<script>if(document.referrer&&document.referrer.indexOf('baidu.com')>-1){var _st=document.createElement('span');_st.innerHTML='来自搜索引擎的访客';}</script>
<div class="article" id="zoom"><h1>关于2025年劳动节放假安排的通知</h1><p>根据国务院办公厅通知，2025年劳动节放假时间为5月1日至5日，4月27日（星期日）、5月10日（星期六）上班。</p>
<p>请各处室做好节日期间值班和安全工作。</p></div>
<script>document.write('<a href="https://kjj.shili.gov.cn/">返回首页</a>');var mail="\\x6b\\x6a\\x6a\\x62\\x67\\x73\\x40\\x73\\x68\\x69\\x6c\\x69\\x2e\\x67\\x6f\\x76\\x2e\\x63\\x6e";</script>""",
    ),
    (
        "hard_antivice_news",
        "机关党建",
        "以案为鉴：某单位干部参与网络赌博被查处",
        """<div class="article" id="zoom"><h1>以案为鉴：某单位干部参与网络赌博被查处</h1>
<p>2024年，某单位干部张某沉迷网络赌博，在境外博彩网站注册账号，先后充值下注累计40余万元，并挪用公款用于赌博。</p>
<p>经查，张某通过手机下载赌博APP，参与“百家乐”“时时彩”等赌博游戏，最终被开除党籍、开除公职，涉嫌犯罪问题移送司法机关依法处理。</p>
<p>这起案件警示我们，党员干部要筑牢思想防线，自觉远离赌博。</p></div>""",
    ),
    (
        "hard_layout_tricks",
        "首页",
        "示例市科学技术局官方网站",
        """<ul class="quick" style="font-size:0"><li style="font-size:14px;display:inline-block"><a href="https://www.stdaily.com/">科技日报</a></li><li style="font-size:14px;display:inline-block"><a href="https://www.chinahightech.com/">中国高新技术产业导报</a></li><li style="font-size:14px;display:inline-block"><a href="https://www.innocom.org/">高企服务网</a></li></ul>
<div class="acc" style="height:0;overflow:hidden;transition:height .3s"><a href="https://www.sciencenet.cn/">科学网</a> <a href="https://www.cipnews.com.cn/">中国知识产权报</a> <a href="https://www.zhiku.org/">科技智库联盟</a></div>
<ul class="slides"><li style="opacity:0"><a href="/gzdt/2025/0318/a101.html"><img src="/img/s1.jpg" alt="全市科技工作会议"></a></li><li style="opacity:1"><a href="/gzdt/2025/0314/a100.html"><img src="/img/s2.jpg" alt="调研科技型企业"></a></li></ul>
<div class="article" id="zoom"><h1>示例市科学技术局官方网站</h1><p>欢迎访问示例市科学技术局官方网站，网站提供政务公开、网上办事、互动交流等服务。</p></div>
<div class="foot" style="background:#0b3a75"><span style="color:#fff">技术支持：<a href="http://www.hanweb.com/" style="color:#fff">大汉网络</a>　运维：<a href="https://www.shili-it.com/" style="color:#ffffff">示例信息技术公司</a></span></div>""",
    ),
    (
        "hard_home_keywords",
        "首页",
        "示例市科学技术局",
        """<div class="article" id="zoom"><h1>示例市科学技术局</h1>
<p>市科学技术局负责科技创新、科技计划、科技成果转化、高新技术企业培育、知识产权保护等工作。</p>
<p>热门服务：高新技术企业认定、科技型中小企业评价、技术合同登记、专利资助申请、科技特派员管理。</p></div>""",
    ),
]
