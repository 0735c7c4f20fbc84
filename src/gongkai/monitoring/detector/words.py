"""The cue-word tables, after normalisation (simplified, NFKC, lower-case, separators removed).

Data only: the matcher is :mod:`.lexicon`. No group decides anything alone; the rules look for
co-occurrence, placement and the absence of enforcement context. Words are separated by
whitespace (none contains a space).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Gambling games, casino and betting brands: one of these with a sales phrase is promotion.
GAME_STRONG = _words(
    """
百家乐 六合彩 时时彩 老虎机 真人视讯 真人娱乐 真人荷官 电子游艺 娱乐城 赌场 博彩 网赌 网投 葡京 新葡京
威尼斯人 金沙娱乐 金沙城 永利娱乐 永利皇宫 太阳城集团 太阳城娱乐 皇冠体育 皇冠娱乐 bet365 188bet
365bet 1xbet 快三 pk10 pk拾 北京赛车 幸运飞艇 捕鱼游戏 捕鱼达人 牛牛 炸金花 德州扑克 龙虎斗
骰宝 轮盘 赌球 开元棋牌 棋牌游戏 开云 kaiyun 亚博体育 yabo 华体会 乐鱼 九游 米乐 半岛体育
星空体育 爱游戏 必威 betway 伟德 威廉希尔 沙巴体育 ag真人 bbin pg电子 mg电子 彩票app
彩票平台 彩票网 网上赌场 线上赌场 娱乐平台 娱乐官网 娱乐app 线上娱乐 在线娱乐 体育官网 体育app 体育官方
娱乐官方 casino 大发快三 彩神 分分彩 11选5 十一选五 赛车pk 澳门赌 澳门威尼斯 澳门金沙 澳门新葡京
二八杠 斗牛 真钱 买球 押注 赌球app 体育投注 足彩app 真人百家乐 电子游戏平台 棋牌app 捕鱼app
raybet 雷竞技 博彩公司 菠菜 onlinecasino sportsbook baccarat roulette
slots 滚球
"""
)

# Words that are gambling only in company (彩票, 娱乐, 体育 …).
GAME_WEAK = _words(
    """
彩票 娱乐 体育 澳门 赌博 赌 游戏 足球 篮球 世界杯 欧洲杯 赛事 真人 电子 电竞 棋牌 竞猜 购彩
sports
"""
)

# Sales phrases of gambling sites (返水, 最快线路, 登录入口 …).
SALES_STRONG = _words(
    """
返水 反水 彩金 首存 最快线路 线路检测 备用网址 最新网址 永久网址 永久地址 信誉平台 下注 投注 赔率 开户送
注册送 充值送 存送 稳赚 必中 特马 平特 提款 出款 秒到账 秒提 高返 日返 (中国)官方网站 (中国)官网
中国官方网站 官方网站登录 登录入口 登陆入口 注册入口 网页版登录 手机版登录 app下载安装 手机投注 官方直营
十大正规 靠谱平台 试玩 免费试玩 开奖直播 开奖结果 开奖记录 走势图 玩法 庄家 赢钱 网址大全 网址导航 代理加盟
推荐码 邀请码
"""
)

# Weak sales words (官网, 注册, 平台 …): count only next to a game or brand.
SALES_WEAK = _words(
    """
官方网站 官网 登录 登陆 注册 入口 平台 网址 app 下载 手机版 ios 安卓 开户 推荐 正规 靠谱 大全
排行 十大 在线 免费 直播 开奖 娱乐 官方 网页版 客户端 存款 提现 充值 信誉 老品牌 大平台 十大平台
正规平台 bonus deposit signup jackpot betnow
"""
)

# Explicit terms of porn spam.
PORN_STRONG = _words(
    """
色情网站 成人网站 成人视频 黄色视频 黄色网站 黄片 av在线 av网站 av片 无码 有码 日韩av 欧美av
亚洲av 国产av 国产精品 精品国产 一区二区 人妻 少妇 熟女 乱伦 约炮 裸聊 一夜情 裸体 自慰 偷拍 偷窥
福利视频 福利姬 伦理片 伦理电影 三级片 情色 色色 色播 激情视频 激情网 高清无码 男人天堂 久久精品 成人影院
午夜影院 嫩模 巨乳 爆乳 av女优 女优 91视频 草榴 无码视频 丝袜美腿 性爱 做爱 同城约 援交 外围女
小姐上门 a片
"""
)

# Words that are porn only in company (视频, 美女, 午夜 …).
PORN_WEAK = _words(
    """
成人 黄色 视频 在线观看 免费观看 高清 美女 直播 午夜 福利 亚洲 欧美 日韩 国产 精品 影院 激情 性感 诱惑
丝袜 寂寞 私密 中文字幕
"""
)

# Enforcement and warning context: a sentence with one of these is not promotion.
ANTI = _words(
    """
打击 整治 治理 专项 违法 犯罪 警惕 谨防 防范 切勿 不要 不得 严禁 禁止 取缔 查处 举报 诈骗 危害 远离
抵制 拒绝 依法 公安 提醒 宣传 案件 涉赌 非法 不参与 警示 上当 受骗 陷阱 套路 扫黄打非 淫秽 净网 清朗
侦破 抓获 刑事 拘留 处罚 监管 违规 风险提示 反诈 话术 识别 严厉 伪装 沉迷 倾家荡产 血本无归 诱导 诱饵
不法分子 骗局 赢少输多 涉黄 低俗 破获 涉案 民警 法院 判处 有期徒刑 以案说法 涉嫌 赌资 嫌疑人 公安机关
博监局 博彩监察 承批 负责任博彩 有节制博彩 问题赌博 不法活动
"""
)

# Public lottery administration and fund reporting (彩票公益金使用情况公告, sales statistics).
LOTTERY_FUND = _words(
    """
公益金 使用情况 资助 彩票管理条例 发行费 彩票公益 专项资金 项目名称 彩票管理 彩票中心 彩票发行 彩票销售
销售额 销量 筹集 投注额 投注金额 体彩中心 福彩中心 销售网点 代销 彩票机构 理性购彩 竞猜型 实体店 责任彩票
体育彩票工作 体彩工作 彩票工作
"""
)

# Phrases that contain a cue word but are not cues: struck before matching.
NEUTRAL = _words(
    """
投注站 彩票销售网点 体育彩票公益金 福利彩票公益金 彩票公益金 注册资本 注册商标 商标注册 注册登记 用户注册
统一社会信用代码 登录名 电子政务 电子证照 电子邮件 电子信息 电子商务 电子签章 电子版 电子科技 体育局 体育总局
群众体育 全民健身 在线服务 在线办理 在线访谈 在线咨询 网上办事 政务服务平台 公共服务平台 服务平台 信用平台
信誉良好 诚信 充值卡 游戏产业 网络游戏 国产化 精品课程 精品工程 亚洲开发银行 亚洲基础设施 欧美同学会 福利院
社会福利 福利企业 职工福利 娱乐场所 体育场馆 体育产业 体育平台 电竞产业 游戏产业 数字游戏 游戏动漫 公益直播
直播带货 新闻直播 在线直播 会议直播 高清视频会议
"""
)

# Substrings that tell cheaply whether any NEUTRAL phrase can occur.
NEUTRAL_HINTS = _words(
    """
投注站 公益金 注册 电子 平台 在线 福利 精品 亚洲 欧美 体育 直播 信誉 诚信 游戏 国产 充值 服务 商标
用户 高清 全民 职工 社会
"""
)

# Brand shapes: a name holding one of these is a gambling or porn site's name, not an
# institution's (威尼斯官网, 太阳成官网, 正规det365登录网站, 中国足彩网, 安信13娱乐平台). The
# industry's own words (博彩, 赌场, 娱乐场) are not here: regulators and courts use them.
BRAND_SHAPES = _words(
    """
官网 官方网站 官方网 官方入口 官方平台 官方app 唯一官网 官网正网 正网 登录 登陆 入口 网址 网页版 手机版
注册 现金 娱乐 娱乐城 娱乐平台 游戏网站 电子游戏 电子游艺 真人 棋牌 菠菜 投注 滚球 足彩 彩票网 足彩网
足球网 贵宾会 老品牌 vip casino bet 计划网 牌九 优惠大厅
"""
)
# Casino and betting brand names as hijackers write them in place of an institution's name.
# One alone is not enough: it counts inside an organisation-name slot, with another mark.
BRAND_NAMES = _words(
    """
威尼斯 金沙 永利 葡京 新葡京 太阳城 太阳集团 太阳成 皇冠 美高梅 巴黎人 新濠 银河娱乐 伟德 必威 必赢
bwin betway 365 bet365 beat365 威廉希尔 williamhill 立博 开云 kaiyun
华体会 hth 乐鱼 leyu 九游 米乐 亚博 yabo 凯发 尊龙 雷竞技 raybet 乐动 火博 半岛 星空
爱游戏 ayx 优德 w88 博天堂 今年会 金年会 乐竞 六合彩 六和 电竞 mk体育 威客电竞
"""
)
# How real organisation names end: a name ending so is a place or an institution.
ORG_ENDINGS = tuple(
    _words(
        """
县 市 区 镇 乡 村 街道 社区 路 街 江 河 湖 山 寺 省 州 小学 中学 大学 学院 学校 医院
银行 证券 酒店 局 厅 委 办 中心 公园 广场 剧院 站 馆 所 院 部 处 科 室 队 会
"""
    )
)
# Party-state vocabulary that Hong Kong, Macau and Taiwan bodies do not use: in a page written
# wholly in traditional characters it marks a mainland page run through a converter.
MAINLAND_TERMS = _words(
    """
党委 党组 党支部 党总支 党建 党课 党日 党员干部 党风廉政 纪委 团委 统战部 市委 区委 县委 乡党委 镇党委
村委会 两学一做 不忘初心 主题教育 理论学习中心组 中心组 党的十九大 党的二十大 立德树人 辅导员 学工部 思政
党史学习 社会主义核心价值观 驻村 第一书记 乡村振兴 三会一课
"""
)
# Of these, a page needs one to be a party-state body's page, not a report about one.
PARTY_ORGANS = _words(
    """
党委 党组 党支部 党总支 团委 纪委 党建 党课 党日 两学一做 三会一课 理论学习中心组 中心组 乡党委 镇党委
"""
)
# Words where a character-by-character simplified→traditional converter leaves a simplified
# character (干部, 之后, 關于 for 關於, 余名 for 餘名) or forces a wrong traditional one (局麵
# for 局面). Written simplified: the rule looks them up around the odd character.
CONVERTER_TRACES = _words(
    """
干部 之后 以后 后续 先后 然后 最后 随后 前后 今后 此后 会后 后期 后来 落后 日后 背后 其后 后顾 月后
年后 并且 并在 并对 并于 并将 并不 并按 并以 并由 并与 并向 并作 并进行 关于 对于 由于 位于 属于 等于
于是 过于 余名 余人 余万 余元 余家 余个 余次 余位 余项 余所 余场 志愿 范围 示范 规范 这里 那里 里面
什么 怎么 那么 这么 联系 关系 局面 方面 全面 面对 面临 面向 表面
"""
)
