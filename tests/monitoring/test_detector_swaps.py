"""The rules for what real hijacked pages do most, each with the clean pages that look like it.

Name swaps (a brand in an organisation-name slot), word swaps (学院→公司), a mainland page
converted whole to traditional characters, spam-farm templates and character noise. Written
for the test: the names are invented, the shapes are those of tests/monitoring/realcorpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.monitoring.detector import Result, inspect_html


def inspect(text: str, **kwargs: str) -> Result:
    return inspect_html(text, **kwargs)  # type: ignore[arg-type]


def flagged_as(text: str, finding: str, **kwargs: str) -> bool:
    result = inspect(text, **kwargs)
    return result.flagged and any(f.type == finding and f.evidence for f in result.findings)


# --- name swap -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "9月5日下午,威尼斯官网在闻道楼报告厅召开教职工大会,学校党委书记出席并讲话。",
        "5848vip澳门金沙党委书记张某出席会议并讲话,全体教职工参加。",
        "学生工作动态\n来源:bevictor伟德 发布时间:2024-03-01\n近日,学院举办辅导员沙龙。",
        "关于印发《8858永利官网学生奖学金评审办法》的通知\n各学院:现将办法印发给你们。",
        "7月2日上午,开元(中国)党委召开会议,传达学习学校党代会精神。",
        "9月20日上午,9728太阳集团于东校区会议室召开党政联席会议,学院党委书记主持。",
        "5月30日,yh533388银河团委组织学生开展志愿服务,学院党委副书记出席。",
        "金宝搏188入口 浙江站讯(通讯员 李某)日前,某职业技术学院迎来4300名新生。",
        "3308维多利亚优惠大厅迎新志愿者冒雨服务新生,手持学院标牌引导报到。",
        "来乐鱼体育官方网站调研指导工作的省教育厅领导一行参观了实验室。",
    ],
)
def test_brand_in_an_organisation_name_slot(text: str) -> None:
    assert flagged_as(text, "name_swap")


@pytest.mark.parametrize(
    "text",
    [
        "体育学院党委书记王某出席会议并讲话,学院全体教职工参加。",
        "金沙县委书记到乡镇调研脱贫攻坚工作。",
        "主办单位:示例市科学技术局 示例市科学技术局官方网站 版权所有",
        "澳门特别行政区政府入口网站 新闻 交通事务局重视道路交通情况",
        "民政部日前在其官方网站上公告2011年度本级福利彩票公益金使用情况。",
        "市公安局打击澳门金沙等境外赌博网站在我市发展代理,抓获嫌疑人12名。",
        "博彩监察协调局举行负责任博彩宣传活动,美高梅、银河娱乐等承批公司代表参加。",
        "2023新年音乐会在学校大礼堂举行,全体师生欢聚一堂。",
        "澳科大社会服务队在N101礼堂举办园游会,学生会组织23个摊位。",
        "1702班团支部召开主题团日活动,辅导员参加。",
        "12345热线召开工作推进会,市政务服务局局长出席。",
        "体彩中心在投注站开展公益宣传,介绍竞彩游戏规则和体育彩票公益金的使用。",
    ],
)
def test_names_that_look_like_brands_are_clean(text: str) -> None:
    assert inspect(text).verdict == "clean", inspect(text).findings


# --- word swap -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "会议由公司党委书记主持,全院教职工参加,辅导员代表作交流发言。",
        "教学副经理李某介绍了本科教学工作审核评估的准备情况。",
        "员工会主席团换届选举大会召开,各班员工代表参加投票,学院党委副书记出席。",
        "为确保我司本科生毕业论文工作顺利进行,现将有关安排通知如下。",
        "公司在报告厅召开全体党员大会,公司党委书记主持,专业系党支部书记上微党课。",
    ],
)
def test_company_words_swapped_into_a_school_page(text: str) -> None:
    assert flagged_as(text, "word_swap")


@pytest.mark.parametrize(
    "text",
    [
        "学校后勤集团公司总经理看望慰问一线师生员工。",
        "公司召开全体员工大会,总经理部署年度生产经营工作。",
        "学院与某科技公司签订校企合作协议,为学生提供实习基地和就业岗位。",
        "全体师生员工参加升旗仪式,校长作国旗下讲话。",
        "我司招聘2025届毕业生,本科及以上学历,专业不限。",
    ],
)
def test_honest_company_words_are_clean(text: str) -> None:
    assert inspect(text).verdict == "clean", inspect(text).findings


# --- a mainland page converted whole to traditional --------------------------------------------
CONVERTED = (
    "3月12日上午,學校召開黨委全委會,黨委書記作講話,會議由校黨委副書記主持。"
    "與會人員審議通過了第四次黨代會兩委工作報告,全體黨員幹部要群策群力、同心同德,"
    "把學校黨代會開成團結、民主、和諧、鼓勁的大會,為建設高水平大學而努力奮鬥。"
)


def test_converted_mainland_page() -> None:
    assert flagged_as(CONVERTED, "trad_conversion")


def test_official_big5_gateway_converts_on_purpose() -> None:
    assert inspect(CONVERTED, base_url="http://big5.www.gov.cn/gate/big5/a.htm").verdict == "clean"


@pytest.mark.parametrize(
    "text",
    [
        "香港特別行政區政府今日公布,行政長官在立法會會議上回答議員質詢,表示政府會繼續"
        "加強打擊非法賭博活動,並透過平和基金推動預防及治療問題賭博的公眾教育工作。",
        "澳門特別行政區政府社會文化司指導,文化局主辦的中華文化演出季將於一月舉行,"
        "各場門票現正公開發售,多項工作坊及延伸活動亦陸續推出,歡迎市民參與。",
        "運動部今日舉辦運動彩券公益形象影片發布記者會,部長表示運動彩券將近一成的收入"
        "會直接回饋到台灣的運動發展,感謝各界長期支持基層運動。",
    ],
)
def test_hong_kong_macau_taiwan_pages_are_clean(text: str) -> None:
    assert inspect(text).verdict == "clean", inspect(text).findings


# --- spam-farm templates and character noise ---------------------------------------------------
TEXT = "<p>学校召开党委理论学习中心组学习会,党委书记主持会议,全体校领导参加。</p>"


def test_empty_tags_sharing_a_random_id() -> None:
    tags = '<ins id="aazt7"></ins><sub id="aazt7"></sub><b id="aazt7"><var id="aazt7"></var></b>'
    assert flagged_as(f"<html><body>{tags}{TEXT}</body></html>", "spam_template")


def test_ordinary_ids_are_clean() -> None:
    markup = '<div id="header"></div><div id="nav1"></div><span id="top"></span>'
    assert inspect(f"<html><body>{markup}{TEXT}</body></html>").verdict == "clean"


def test_a_code_in_the_source_field() -> None:
    assert flagged_as("来源:sp20241124 发布时间:2024-11-24\n" + TEXT, "spam_template")


def test_a_publisher_in_the_source_field_is_clean() -> None:
    assert inspect("来源:新华社 发布时间:2024-11-24\n" + TEXT).verdict == "clean"


def test_sentences_cut_apart_by_inserted_lines() -> None:
    lines = "\n".join(
        ["学校召开会议", ",党委书记主持", ",全体教职工参加", ",会议强调", ",要求各单位"]
    )
    assert flagged_as(lines, "spam_template")


def test_emoji_strewn_between_characters() -> None:
    text = "2021年3月9日下午,学校召开🙆党史学习教育🧘动员大会🚔,校党委书记作动员讲话🎡,全体党员参会💅。"
    assert flagged_as(text, "char_noise")


@pytest.mark.parametrize(
    "text",
    [
        "★ 重要通知 ★\n● 第一条 报名时间\n● 第二条 报名方式\n※ 详见附件",
        "学校召开运动会,同学们奋勇争先👍。校长为获奖班级颁奖。",
    ],
)
def test_list_symbols_and_a_stray_emoji_are_clean(text: str) -> None:
    assert inspect(text).verdict == "clean", inspect(text).findings


def test_the_new_finding_types_are_documented() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "monitoring.md").read_text("utf-8")
    for name in ("name_swap", "word_swap", "trad_conversion", "spam_template", "char_noise"):
        assert f"`{name}`" in doc, name
