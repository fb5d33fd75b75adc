"""Set phrases by kind, not by count (issue 31): which words of jieba's dictionary are 成语 or 习用语
entries the first time the corpus uses them, why the others are not, and named working methods and
slogans (“一线工作法”, “三项制度”, 一事一议). Pure functions of a word or a sentence: extract.py
collects what they accept."""

from __future__ import annotations

import math
import re

from ..text.segmenter import cut, dictionary_total, pos_table, tokenizer, word_frequency

NOUN_TAGS = {"n", "nz", "ng", "nr", "ns", "nt", "j"}
# What stands before a noun to make a noun phrase (各族人民, 主要矛盾, 薄弱环节, 发展趋势, 当今社会).
# Not m: 一头雾水, 一盘棋 are sayings.
NOUN_MODIFIER_TAGS = NOUN_TAGS | {"a", "b", "r", "vn", "t", "an"}
# Adverbs of manner that 公文 put before any verb: 切实加强, 紧紧围绕 are free combinations.
MANNER_ADVERBS = {"紧紧", "逐步", "不断", "十分", "大幅", "深入", "认真", "全面", "大力", "努力", "继续", "加快", "稳步",
                  "普遍", "广泛", "密切", "有效", "依法", "统一", "全力", "共同", "相互", "积极", "充分", "切实", "严格",
                  "顺利", "进一步", "明确", "合理", "正确", "清醒", "集中", "长期", "大幅度", "基本", "不懈"}
# Suffixes that make a term of a word (必要性, 发展观, 一体化, 成就感, 组合式, 城镇化率).
TERM_SUFFIXES = set("性观化感式率制史额论派者")  # 派, 者: a group or a kind of person (走资派, 民主派, 打砸抢者)
# Prefixes that make a term of a word of two (反走私, 反分裂, 洋垃圾; not 反攻倒算, 洋为中用 of four).
TERM_PREFIXES = set("反洋")
# A 习用语 holding one of these is a piece of a sentence (偷偷地, 这样一来, 俗话说; 是 in three characters:
# 是不是, 有的是, not 实事求是).
PIECE = re.compile(r"[的地得这那吗呢吧我你他她们么]|说$")
# A direction or aspect word at the end: a verb with its complement (发下去, 扑上去, 躲起来, 口头上, 有待于,
# 勾画出).
PIECE_ENDS = set("上下去来起着于过出")
# Function words and degree adverbs: inside a phrase no dictionary tags i or l, they mark a piece of
# a sentence (企业也应, 增添了新, 人民愿同, 项目过多, 效益较好, 办法不少, 使之逐步, 则国家强, 更有尊严,
# 力度之大, 取消以药|补医), or an edge that belongs to the next word (外贸稳中|有进, 上一个新|台阶, 式|强刺激). Not 就:
# 马上就办, 说干就干 are slogans.
UNTAGGED_PIECE = re.compile(r"[也了着过较很都将应愿同被把对从向与及和或其而且还才再少多则使仍由所去到更]|之[大多快广深高强重处际时]$"
                            r"|^[中会式性]|[新各会中显]$|各类$|.以")
# Programme names: three characters ending in 通 (村村通, 沪港通), ……下乡 (家电下乡, 农机下乡), a craft's number (天问一号),
# one thing changed to another (营改增, 煤改气, 费改税), a resource moved across the country (西气东输, 南水北调, 引黄济津)
# and a service brought to a place (油路到县, 送电到乡, 广播电视到村).
PROGRAMME = re.compile(r"^[\u4e00-\u9fff]{2}通$|下乡$|[一二三四五六七八九十]号$|^[\u4e00-\u9fff]改[\u4e00-\u9fff]$"
                       r"|^[东西南北][\u4e00-\u9fff][东西南北][送输调运]$|^引[\u4e00-\u9fff][济入][\u4e00-\u9fff]$|到[县乡村]$")
# 在思想上, 从总体上, 在改革中, 从长远看, 总体上看: a preposition and its object, or a point of view.
PREPOSITION_FRAME = re.compile(r"^[在从].+[上中里看]$|上看$")
TIME = re.compile(r"[年月倍]|季度|今|从.*起|以来|时间|期间")
NUMERALS = set("二三四五六七八九十百千万亿两几")
# Cohesion (natural log of how much more often jieba's dictionary sees the word whole than its two
# parts would meet by chance): below FREE a word of four characters or more is two ordinary words
# side by side (重大突破 1.4, 互相支持 1.3, 社会保障 4.0, 可喜成果 4.6, a dictionary's i/l tag or not); below FIXED a
# 成语 by the dictionary is read by its parts like a 习用语 (刑事犯罪 7.1, 弱势群体 6.0), above it
# stays a 成语 whatever its parts (惊涛骇浪 16.6, 重蹈覆辙 13.4).
FREE_COHESION = 5.0
UNKNOWN_FREE_COHESION = 3.0  # a phrase the dictionary does not know counts as seen once whole (统筹推进 3.3)
# A four-character i/l word this frequent in jieba's dictionary is lexicalised: a set phrase even when
# its parts would read as a free combination (更进一步, 屡禁不止, 心中有数, 事半功倍), unless a noun heads it.
LEXICALISED_IDIOM = 30
FIXED_COHESION = 8.0
# A word this common in jieba's dictionary, inside a phrase the dictionary does not know, makes it a
# free combination (企业稳岗, 筑牢国家, 用能需求); 四字格 are built of bound morphemes (惠企利民, 提质增效).
COMMON_WORD = 5000
# A noun this common in jieba's dictionary is a thing of its own: before a verb, in a phrase the dictionary does not
# know, it names an activity (火星 497: 火星探测; 债券 649: 债券违约), where a rarer bound morpheme makes a 四字格
# (守土 67: 守土负责; 限时 54: 限时办结; 权责 46: 权责脱节).
KNOWN_NOUN = 100


def parts(word: str) -> list[str]:
    """The word as two dictionary words (各族|人民, 切实|加强), or whole when it does not split."""
    frequencies = tokenizer().FREQ
    for k in sorted(range(1, len(word)), key=lambda k: abs(len(word) - 2 * k)):
        if frequencies.get(word[:k], 0) > 0 and frequencies.get(word[k:], 0) > 0:
            return [word[:k], word[k:]]
    return [word]


# A numbered formulation: a count and its measure word in front (五位一体, 三步走, 两个凡是, “四个不摘”, “六种能力”),
# a 提法 however the dictionary tags it, not a 成语 (三令五申, 五湖四海 have no measure word).
COUNTED = re.compile(r"[二三四五六七八九十两几][项种个条大类位步样]")


# Two bodies kept apart: a reform's formulation (政企分开, 管办分离, 证照分离), a 提法 rather than a 成语.
SEPARATION = re.compile(r"^[\u4e00-\u9fff]{2}分[开离]$")


def formulation(word: str) -> bool:
    """Is the word an official formulation (a 方法提法): numbered (五位一体, “六种能力”) or a separation (政企分开)?"""
    return (len(word) <= 6 and bool(COUNTED.match(word))) or bool(SEPARATION.match(word))


def programme_name(word: str) -> bool:
    """村村通, 沪港通, 家电下乡, 天问一号: named programmes and craft, not sayings, even when a dictionary lists them."""
    return bool(PROGRAMME.search(word))


def exclusion(word: str, tag: str) -> str:
    """Why a word tagged 成语 (i) or 习用语 (l) is not an entry, or "" when it is one: jieba's tags
    also cover terms, noun phrases, times and counts, pieces of sentences and free combinations.
    An untagged phrase (tag "": statistical, a list item, a quoted saying) is read as a 习用语."""
    split = parts(word)
    tags = [pos_table().get(part, "x") for part in split]
    if (word[-1] in TERM_SUFFIXES and (len(word) < 4 or not tokenizer().FREQ.get(word[-2:]))) or word[-2:] == "分之":
        return "term"  # 艰巨性, 荣辱观, 可操作性, 千分之 (not 流于形式, 思想僵化)
    if len(word) == 3 and word[0] in TERM_PREFIXES and tokenizer().FREQ.get(word[1:]):
        return "term"  # 反走私, 洋垃圾: a prefix on a word, not a saying
    if programme_name(word) or pos_table().get(word) == "nrt":
        return "name"  # 沪港通, 一网通(办), 家电下乡: a programme's name; 斯里兰卡: a country's, not a saying
    if word.endswith(("之处", "之际", "之时", "之交")):
        return "noun phrase"  # 不足之处, 关键之际, 世纪之交: where or when, not a saying
    if PREPOSITION_FRAME.search(word) or (len(word) >= 4 and word[-1] == "于"):
        return "piece"  # 在改革中, 从长远看 (jieba: l, i): a preposition and its object; 寄希望于, 并不等于: a verb before one
    if len(split) == 2 and tags == ["n", "b"] and word_frequency(split[1]) >= COMMON_WORD:
        return "term"  # 集体所有, 国家所有: a noun and a common attribute, a term of ownership (not 人心所向, 大公无私)
    if len(word) >= 4 and word[-1] in "上下中里" and pos_table().get(word[-3:-1]) == "n":
        return "piece"  # 新形势下, 工作中: a noun and a word of place, even when jieba lists it as i
    noun_and_verb = len(split) == 2 and tags[0] == "n" and tags[1] in ("v", "vn") and word_frequency(split[0]) >= COMMON_WORD / 5
    if (tag in ("i", "l") and len(word) == 4 and word_frequency(word) >= LEXICALISED_IDIOM and not noun_and_verb and not re.search("[这那此么吗呢吧说]|^从|的话$", word)
            and not (len(split) == 2 and tags[1] in NOUN_TAGS | {"an", "vn"} and word_frequency(split[1]) >= COMMON_WORD / 10)):
        return ""  # 更进一步, 屡禁不止, 心中有数, 得过且过 (not 自然灾害, 主要矛盾, 这样一来, 不然的话, 从未有过)
    if shaped(word):  # 优生优育, 自查自纠; not two common nouns (法律法规, 产品产量, 战略战术)
        return "noun phrase" if all(t in NOUN_TAGS and word_frequency(p) >= COMMON_WORD / 5 for p, t in zip(split, tags)) else ""
    if len(split) == 2 and tags[1] == "f" and len(word) >= 4:
        return "piece"  # 两国之间, 全国上下: a noun and a word of place (举国上下 is lexicalised, 方方面面 shaped)
    fixed = tag == "i" and (len(word) < 4 or (cohesion(word) or FIXED_COHESION) >= FIXED_COHESION)
    if len(word) < 4 and (PIECE.search(word) or "是" in word or word[-1] in PIECE_ENDS or word[0] in NUMERALS
                          or len(split) == 1):
        return "piece"  # 真诚地, 勾画出, 六千人, 势添力 (jieba tags these i)
    if not tag and (UNTAGGED_PIECE.search(word) or word[0] in NUMERALS):
        return "piece"  # 企业也应, 增添了新, 率下降到, 六个流程: a function word or a count inside
    if fixed:  # a 成语 by the dictionary: only a free combination of a 公文 adverb or a noun is not
        adverb = len(split) == 2 and split[0] in MANNER_ADVERBS and tags[1] in ("v", "vn")
        if len(split) == 2 and tags[1] == "n" and tags[0] not in ("v", "m") and word_frequency(split[1]) >= COMMON_WORD / 2.5:
            return "noun phrase"  # 黑恶势力, 孤寡老人 (not 伸张正义, 一条龙)
        return "adverb and verb" if adverb else ""  # 深入开展, 认真贯彻, 积极参与
    if PIECE.search(word) or word[-1] in "来去着" or "此" in word:
        return "piece"
    if len(split) == 2 and (tags[1] in NOUN_TAGS or tags[0] in ("r", "b")) and tags[0] in NOUN_MODIFIER_TAGS - {"n", "vn"}:
        return "noun phrase"  # 各族人民, 薄弱环节, 优良作风: a modifier and its noun
    if len(split) == 2 and (tags[0] in ("ad", "d") or split[0] in MANNER_ADVERBS) and tags[1] in ("v", "vn", "a"):
        return "adverb and verb"  # 切实加强, 紧紧围绕, 顺利完成
    if TIME.search(word) or "t" in tags or (tags[0] == "m" and not word.startswith("一")):
        return "time or count"  # 近两年, 从今年起, 一段时间, 增加一倍, 两国关系, 十年规划
    if free_combination(word, tag):
        return "free combination"  # 重大突破, 取得成功, 法律法规; 企业稳岗, 筑牢国家
    if (not tag and len(word) == 4 and word[2] == "不" and pos_table().get(word[:2]) == "n") or (len(split) == 2 and tags[1] == "m"):
        return "free combination"  # 效益不高, 素质不高, 职责不清: a noun and what it lacks; 正反两方: a count
    if noun_and_verb:
        return "term"  # 种族歧视, 技术转让: a noun and what is done to it (not 寸步不让)
    if (not tag and not word_frequency(word) and len(split) == 2 and tags[0] in ("n", "ns") and tags[1] == "v"
            and word_frequency(split[0]) >= KNOWN_NOUN):
        return "term"  # 火星探测, 债券违约, 城镇拆迁: a phrase no dictionary lists, naming what is done to a known thing
    if len(word) < 4:
        return "" if verb_and_object(word) else "short"  # 没人干, 势添力; not 打基础, 说空话
    if len(split) == 1 or verb_and_object(word) or tags[0] == "m":
        return ""  # 以点带面, 联系实际, 一头雾水
    if tags[1] in NOUN_TAGS | {"an"}:
        return "noun phrase"  # 生态环境, 自然灾害, 生产资料, 粮食安全
    if tags[0] in NOUN_MODIFIER_TAGS | {"s", "f"} and tags[1] == "vn":
        return "term"  # 体制改革, 义务教育, 犯罪活动: a noun and a verbal noun
    return ""  # 真情实意, 政令畅通, 循环往复


def cohesion(word: str) -> float | None:
    """How fixed a word of four characters or more is as the dictionary counts it (see
    FREE_COHESION), or None when it is not two dictionary words."""
    split = parts(word)
    if len(word) < 4 or len(split) != 2:
        return None
    together = max(word_frequency(word), 1)
    return math.log(together * dictionary_total() / (word_frequency(split[0]) * word_frequency(split[1])))


def free_combination(word: str, tag: str) -> bool:
    """Two ordinary words side by side, not a set phrase: low cohesion, a common noun in front (环境保护,
    交通拥堵: a term or a noun and what it does), or (a phrase the dictionary does not know) a common
    word of two characters or more in front or a common noun anywhere (坚持依宪, 用能需求; not 守土负责)."""
    together = cohesion(word)
    if together is not None and together < (FREE_COHESION if word_frequency(word) else UNKNOWN_FREE_COHESION):
        return True
    words = parts(word) if len(parts(word)) == 2 else cut(word)
    if len(words) > 1 and pos_table().get(words[0]) == "n" and word_frequency(words[0]) >= COMMON_WORD:
        return True
    common = [i for i, w in enumerate(words) if len(w) > 1 and word_frequency(w) >= COMMON_WORD]
    return not tag and not word_frequency(word) and any(i == 0 or pos_table().get(words[i]) in NOUN_TAGS for i in common)


def shaped(word: str) -> bool:
    """Four characters shaped AABB or ABAC: 兢兢业业, 能上能下, 自查自纠."""
    return len(word) == 4 and ((word[0] == word[1] and word[2] == word[3]) or (word[0] == word[2] and word[1] != word[3]))


def verb_and_object(word: str) -> bool:
    """Two dictionary words, a verb and a noun: 发动群众, 联系实际, 打基础, 说空话."""
    split = parts(word)
    tags = [pos_table().get(part, "x") for part in split]
    return len(split) == 2 and tags[0] == "v" and tags[1] in NOUN_TAGS | {"vn"}


def dictionary_kind(word: str, tag: str) -> str:
    """The kind of entry a dictionary word of the corpus makes: "idiom" (成语俗语), "collocation"
    (a 习用语 or untagged phrase that is a verb and its object), "method" (a formulation: 五位一体, 政企分开)
    or "" (not an entry). Besides i and l, a four-character
    word jieba mis-tags as a person's name (一劳永逸, 任重道远 are nr) or shaped AABB/ABAC
    (兢兢业业, 能上能下) is a 成语 when it does not read as two ordinary words."""
    if tag in ("i", "l", "") and formulation(word):
        return "method"
    if tag in ("i", "l", ""):
        if exclusion(word, tag):
            return ""
        return "collocation" if tag != "i" and verb_and_object(word) else "idiom"
    if len(word) == 4 and tag not in ("ns", "nt", "nrt", "m", "t") and not PIECE.search(word):
        if shaped(word):
            return "" if exclusion(word, tag) else "idiom"
        if tag == "nr" and len(parts(word)) == 1 and not exclusion(word, "i"):  # not 寄希望于
            return "idiom"
    return ""


# Named working methods and slogans: a quoted name of a method, spirit or mechanism (“一线工作法”,
# “三事精神”, “三项制度”, “六项机制”, “责任网”), not a programme (工程, 计划, 行动: names, not phrases).
QUOTED_METHOD = re.compile(r"“([\u4e00-\u9fff]{1,6}(?:工作法|精神|机制|制度)|[\u4e00-\u9fff]{2}网)”")
# 一…一… frames (一事一议, 一老一小, 一照一码), less counts (一个一个, 一百一十) and grammar (一就一定).
ONE_ONE = re.compile(r"一([\u4e00-\u9fff])一([\u4e00-\u9fff])")
NOT_IN_ONE_ONE = set("一二三四五六七八九十百千万亿两个项件步批代些点次年月日时天和的就等是在了")


def method_names(text: str) -> list[str]:
    """The named methods and slogans a sentence uses."""
    found = [m.group(1) for m in QUOTED_METHOD.finditer(text)]
    found += [m.group() for m in ONE_ONE.finditer(text) if not {m.group(1), m.group(2)} & NOT_IN_ONE_ONE]
    return found


# A quoted expression that asks or tells rather than names a way of working: 走进了死胡同, 干什么,
# 怎么干, 抓不抓, 想不想抓.
QUOTED_PIECE = re.compile(r"了|什么|怎么|([\u4e00-\u9fff])不\1")
NAME_HEAD_TAGS = {"n", "nz", "ns", "nt", "nr", "vn", "j"}
NAME_HEAD_MIN = 300  # a head noun this common makes a name of a compound (龙头企业, 国家干部, 厕所革命)
NAME_TOO_COMMON = 500  # a dictionary noun this common is a term or a name, not a saying (社会主义; not 大锅饭 91)


def quoted_kind(said: str) -> str:
    """The kind of a short quoted expression (3–7 characters): "idiom" for a saying (“一盘棋”, “钉钉子”,
    “全国一盘棋”, “小而美”, “硬骨头”), "method" for a numbered slogan (“三严三实”, “两学一做”,
    “六种能力”), "" for a name (“龙头企业”, “中国制造”, “社会主义”, “十四五”) or a piece of a sentence.
    The quotation marks delimit it, so function characters inside (而, 着, 多) do not make it a piece."""
    tag = pos_table().get(said, "")
    reason = exclusion(said, tag if tag in ("i", "l") else "")
    name = reason in ("term", "name") or (len(said) > 3 and (reason == "noun phrase" or (
        reason == "free combination" and tag not in ("i", "l", "nr"))))  # “绿色通道”; not “全国一盘棋” (l), “山重水复” (nr)
    if name or QUOTED_PIECE.search(said):  # “非农化”, “老旧小区” (three characters: 硬骨头 reads as a noun phrase)
        return ""  # “老旧小区”, “荣辱观”, “绿色通道”; “走进了死胡同”, “抓不抓”
    if formulation(said):
        return "method"  # “六种能力”, “五位一体”, “证照分离”
    if tag in ("i", "l"):
        return "idiom"  # “一刀切”, “钉钉子”, “全国一盘棋”, “十年磨一剑”
    numerals = [i for i, ch in enumerate(said) if ch in NUMERALS]
    separate = [i for i, ch in enumerate(said) if ch in NUMERALS | {"一"} and (i == 0 or said[i - 1] not in NUMERALS | {"一"})]
    if numerals and len(separate) >= 2:
        return "method"  # “三严三实”, “两学一做”, “三去一降一补”
    if numerals or (tag in NAME_HEAD_TAGS and word_frequency(said) >= NAME_TOO_COMMON):
        return ""  # “十四五”, “九二共识”, “五保户”: a count or a name; “社会主义”, “四人帮”: a term or name
    words = cut(said)
    verb = any(pos_table().get(w) == "v" for w in words)
    if len(words) > 1 and (pos_table().get(words[0]) == "ns" or (not verb and len(words[-1]) > 1 and (
            pos_table().get(words[-1]) in NAME_HEAD_TAGS and word_frequency(words[-1]) >= NAME_HEAD_MIN))):
        return ""  # “中国制造”, “上海合作组织”; “龙头企业”, “国家干部”, “厕所革命” (not “捡芝麻丢西瓜”)
    return "idiom"
