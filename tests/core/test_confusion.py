"""The statistical 错别字 detector: its language model, its candidates, its guards, and what it finds
on real slips (law-dev: never trained or tuned on) and on edited text (corpus-extra's held-out fifth:
never trained on)."""

from __future__ import annotations

import math

import pytest

from assistant.core.checker.calibrate import corpus_texts, held_out
from assistant.core.checker.confusion import (FEATURES, ContextRule, confusion_sets, in_four_character_phrase,
                                              in_name_before_address, suspicious, untouched_positions)
from assistant.core.checker.rules import RuleError
from assistant.core.checker.engine import Checker
from assistant.core.checker.loading import load_rules
from assistant.core.checker import confusion, ngram
from assistant.core.checker.ngram import BOS, EOS, SCALE, NgramModel, build
from assistant.core.checker.settings import CheckSettings
from assistant.core.checker.text import Paragraph
from assistant.core.checker.typo_model import corrected_sentences, fold_model, fold_of, shipped_model, typo_dev_folder
from assistant.core.resources import resource_path
from tests.conftest import SHARED

RULE = next(rule for rule in load_rules() if rule.id == "typo-confusable")
LAW_DEV = SHARED / "typo-dev" / "law.dev.tsv"


def at_thorough(**choices) -> CheckSettings:
    """The 全面 typo level: the detector's recall threshold, which these tests measure (the 稳妥
    level's higher one: tests/core/test_typo_level.py)."""
    return CheckSettings(typo_level="thorough", **choices)


def flagged(text: str, settings: CheckSettings | None = None) -> list[tuple[str, str]]:
    return [(f.text, f.suggestions[0]) for f in Checker([RULE], settings or at_thorough()).check([text])]


def test_confusion_sets_hold_sound_and_shape_neighbours():
    sound, shape = confusion_sets()
    assert "组" in sound["阻"] and "阻" in sound["组"]  # pycorrector, same sound
    assert "蛾" in sound["鹅"]  # ECSpell: 白鹅疫情 for 白蛾疫情
    assert "未" in shape["末"]
    assert all(char not in others for table in (sound, shape) for char, others in table.items())
    # alike both ways: the tables list 菅 among 管's look-alikes only, and odw-dev writes 药品菅理法; but
    # the same-syllable table leads from a rarer character to a common one only
    syllable = confusion.same_syllable()
    assert all(char in table[other] or other in syllable.get(char, "")
               for table in (sound, shape) for char, others in table.items() for other in others)


@pytest.mark.parametrize("min_count", [1, 2])
def test_kneser_ney_probabilities_sum_to_one_in_every_context(min_count):
    """Interpolated Kneser–Ney with back-off, whole or pruned: for a seen context, an unseen one and
    none, the probabilities of every character (and the paragraph end) add up to one."""
    texts = ["推进改革发展", "推进工作落实", "改革发展稳定", "落实工作责任", "推进改革开放"]
    model = build(texts, order=3, min_count=min_count)
    vocabulary = set("".join(texts) + EOS + BOS)
    for history in ("推进", "改革", "稳定", "任", BOS, ""):
        total = sum(10 ** (model.logprob(history, char) / SCALE) for char in vocabulary)
        assert total == pytest.approx(1.0, abs=0.005), history


def test_the_model_file_reads_back_as_written():
    model = build(["推进改革发展", "推进工作落实"], order=3)
    again = NgramModel.from_bytes(model.to_bytes())
    assert (again.order, again.probs, again.backoffs, again.unknown) == (model.order, model.probs, model.backoffs, model.unknown)


def test_a_model_read_and_asked_a_slice_at_a_time_is_the_model_read_at_once(monkeypatch):
    """Loading sums the keys and fills the trigram table a slice at a time, and a paragraph's trigrams
    are looked up a slice at a time (a window is live while it runs): every slice carries on where
    the one before ended."""
    model = build(["推进改革发展", "推进工作落实", "改革发展稳定", "落实工作责任"], order=4, min_count=1)
    data = model.to_bytes()
    whole = NgramModel.from_bytes(data)
    monkeypatch.setattr(ngram, "SLICE", 3)
    sliced = NgramModel.from_bytes(data)
    assert (sliced.keys, sliced.around, sliced.trigrams) == (whole.keys, whole.around, whole.trigrams)
    assert len(sliced.trigrams) > 3 * ngram.SLICE and len(sliced.keys) > 3 * ngram.SLICE
    text = BOS + "推进改革发展稳定，落实工作责任，推进工作落实" + EOS
    found = unseen(sliced.probs, text)
    assert found == unseen_one_by_one(text, whole.probs) and len(text) - len(found) > 3 * ngram.SLICE


def test_the_shipped_model_reads_the_law_text_within_its_budget_and_prefers_edited_wording():
    """Issue 33's bundle budget is 40 MB for all it adds: the model takes at most 16 MB of it; it
    holds the law text (with LawRefBook's folders 1.5 million n-grams; the corpora alone make far fewer)."""
    assert resource_path("typo_model", "chars.lm").stat().st_size <= 16_000_000
    model = shipped_model()
    assert model.order == 4 and len(model.probs) >= 1_500_000
    for right, wrong in (("坚持持续推进", "坚持持旭推进"), ("提交营业执照", "提交营业支招")):
        assert model.span_logprob(BOS + right, 1, len(right) + 1) > model.span_logprob(BOS + wrong, 1, len(wrong) + 1)


def test_wording_of_laws_and_regulations_is_no_slip():
    """The model of the corpora alone flagged these (附则 as 负责, 监审 as 健身, 网漏 as 网络, 驻浙
    as 住宅, 枝叶 as 企业): 114 findings in 321,000 characters of local regulations, all wrong. The
    law text (law_text.py) taught the model their wording."""
    for text in ("第八章　附则", "价格主管部门应当建立供热成本监审制度", "确保管网漏损率符合国家标准",
                 "驻浙中国人民解放军和中国人民武装警察部队组成代表团", "集中处理园林、公共绿地、公园中废弃的枝叶、花卉。"):
        assert flagged(text) == [], text


def unseen_one_by_one(text: str, known, at_most: int = 0) -> list[int]:
    """The characters of ``text`` in at most ``at_most`` trigrams ``known`` keeps, never the one
    around them, asked of each trigram in turn."""
    return [position for position in range(len(text)) if kept_around(text, position, known) <= at_most
            and not (at_most and position > 0 and len(text[position - 1:position + 2]) == 3
                     and text[position - 1:position + 2] in known)]


def unseen(known, text: str) -> list[int]:
    """The characters of ``text`` in no trigram ``known`` keeps, as the detector reads them."""
    return [position for position, one in known.thinly_seen(text).items() if not one]


def kept_around(text: str, position: int, known) -> int:
    return sum(text[start:start + 3] in known for start in range(max(0, position - 2), min(position, len(text) - 3) + 1))


def test_characters_in_no_known_trigram_are_found_as_one_by_one():
    """The detector asks of every character whether a trigram holding it is edited text; the model
    looks up every third trigram and only around one it does not keep asks the others. The answers
    are those of the model's n-gram table, a character beyond the BMP (𠮷, never stored) included,
    whatever the length (the last trigrams are not among every third)."""
    known = shipped_model().probs
    texts = ["坚持持旭推进改革，加快推进项目建设", "𠮷野家推进改革", "𠮷𠮷𠮷推进改", "推进改𠮷𠮷𠮷", "推进改革", "推进改", "推进", "推", ""]
    texts += [BOS + text[:size] + EOS for text in ("坚持持旭推进改革，加快推进项目建设", "全面加强党的建设和旭") for size in range(12)]
    for text in texts:
        assert unseen(known, text) == unseen_one_by_one(text, known), text
    assert unseen(known, BOS + "坚持持旭推进改革" + EOS) == [3, 4]  # 持旭; 坚持 and 推进改革 are edited text


def test_characters_one_known_trigram_holds_are_found_as_one_by_one():
    """The suspects' wider question (at most one kept trigram holds the character, never the one
    around it, and whether one does) answers as each trigram asked in turn, whatever the length, a
    character beyond the BMP included."""
    known = shipped_model().probs
    texts = [BOS + text[:size] + EOS for text in ("各地区和国务完有关部门", "市政府办公厅承担日长工作", "𠮷野家推进改革")
             for size in range(14)] + ["", "推", "推进"]
    for text in texts:
        thin = known.thinly_seen(text)
        assert list(thin) == unseen_one_by_one(text, known, at_most=1), text
        assert all(one == (kept_around(text, at, known) == 1) for at, one in thin.items()), text
    assert True in known.thinly_seen(BOS + "各地区和国务完有关部门" + EOS).values()


def test_trigram_keys_read_in_lanes_are_each_trigram_looked_up(monkeypatch):
    """The keys of a paragraph's trigrams are read four lanes at a time as 64-bit numbers: whatever
    the length (each lane ends at its own place), a slice at a time or whole, with a NUL, a lone
    surrogate or a character beyond the BMP in it (those take the one-by-one path), the answer is that
    of each trigram's key looked up in turn."""
    known = shipped_model().probs
    trigrams = known.model.trigrams
    sentence = BOS + "坚持持旭推进改革，加快推进项目建设" + EOS
    texts = [sentence[:size] for size in range(len(sentence) + 1)] + [sentence[size:] for size in range(len(sentence))]
    texts += [sentence[:at] + odd + sentence[at:] for odd in ("\x00", "\ud800", "𠮷") for at in range(0, len(sentence), 3)]
    for slice_size in (1, 2, ngram.SLICE):
        monkeypatch.setattr(ngram, "SLICE", slice_size)
        for text in texts:
            raw = ngram.code_units(text)
            if raw is not None:
                assert list(ngram.kept_trigrams(raw, trigrams)) == [
                    int.from_bytes(raw[2 * k:2 * k + 6]) in trigrams for k in range(len(text) - 2)], text
            assert unseen(known, text) == unseen_one_by_one(text, known), text


def test_a_lone_surrogate_is_a_character_no_trigram_holds():
    """A lone surrogate (a broken file pasted in; found by the checker's property test) is asked about
    like any other character, never an encoding error."""
    known = shipped_model().probs
    text = BOS + "推进改革\ud800改革推进" + EOS
    assert unseen(known, text) == unseen_one_by_one(text, known) and 5 in unseen(known, text)
    assert "推\ud800" not in known


def test_only_characters_in_at_most_one_known_trigram_are_suspects():
    known = shipped_model().probs
    padded = BOS + "坚持持旭推进改革" + EOS
    assert suspicious(padded, known)[padded.index("旭")] is False  # in no known trigram
    padded = BOS + "坚持持续推进改革" + EOS
    assert {padded[j] for j in suspicious(padded, known)} <= set("坚持") and all(suspicious(padded, known).values())


def test_a_slip_one_known_trigram_holds_is_tried_with_trigram_making_characters_only(monkeypatch):
    """国务完有关: 完有关 is edited text, so 完 sits in one known trigram and no other; one trigram
    is weak evidence: 完 is a suspect and 国务院 is found. 院 in 国务院有关 (three known trigrams) is
    no suspect, nor a character whose one known trigram is the one around it (担 in 承担日长: 承担日). Such a suspect is tried only with the characters that make a known
    trigram there, though a pair around it is unknown (召标 in 采取召标, for 招标)."""
    known = shipped_model().probs
    padded = BOS + "各地区和国务完有关部门" + EOS
    at = padded.index("完")
    assert kept_around(padded, at, known) == 1 and suspicious(padded, known)[at]
    assert at + 1 not in suspicious(BOS + "各地区和国务院有关部门" + EOS, known)
    padded = BOS + "市政府办公厅承担日长工作" + EOS
    held = padded.index("担")
    assert kept_around(padded, held, known) == 1 and "承担日" in known and held not in suspicious(padded, known)
    assert flagged("各地区和国务完有关部门") == [("国务完", "国务院")]
    monkeypatch.setattr(confusion, "MIN_MODEL_GAIN", -math.inf)  # every candidate tried is scored
    text = "采取召标方式确定供应商"
    padded, at = BOS + text + EOS, text.index("召")
    assert kept_around(padded, at + 1, known) == 1 and "召标" not in known
    tried = {replacement for position, replacement, *_ in RULE.scored(Paragraph(text)) if position == at}
    assert "招" in tried and tried <= set(RULE.context.middles.get("取标", "")) != set(RULE.context.candidates(padded, at + 1))


def test_a_slip_between_two_known_pairs_is_tried():
    """制定心要的: 定心 and 心要 are both edited text, 定心要 is not; the slip for 必要 is found."""
    known = shipped_model().probs
    padded = BOS + "制定心要的管理规定" + EOS
    at = padded.index("心")
    assert padded[at - 1:at + 1] in known and padded[at:at + 2] in known
    assert at in suspicious(padded, known)
    assert [(f.text, f.suggestions[0]) for f in Checker([RULE], at_thorough()).check(["制定心要的管理规定"])] == [("心要", "必要")]
    # there only the characters that make a known trigram are tried, not every one that makes a word
    context = RULE.context
    tried = context.candidates(padded, at, between_known_pairs=True)
    assert "必" in tried and tried <= set(context.middles.get("定要", "")) < context.candidates(padded, at) | set(context.middles.get("定要", ""))


def test_slips_that_break_a_word_say_so():
    finding = Checker([RULE], at_thorough()).check(["坚持持旭推进改革"])[0]
    assert (finding.text, finding.suggestions[0]) == ("持旭", "持续")
    assert finding.message == "“持旭”不成词，前后文更像“持续”。"
    assert not finding.certain  # a guess: never applied by 全部修正


def test_real_word_slips_are_reached_and_say_so():
    """The slip is a word too (支招): the context, not the dictionary, tells."""
    finding = Checker([RULE], at_thorough()).check(["申请人应当提交营业支招复印件"])[0]
    assert (finding.text, finding.suggestions[0]) == ("营业支招", "营业执照")
    assert finding.message == "“营业支招”在此处不通，前后文更像“营业执照”。"


def test_a_word_typed_for_a_word_of_the_same_syllables_is_one_slip():
    """A pinyin input method's wrong pick of a whole word (摄氏 for 设施, 御景 for 预警): both
    characters replaced, weighed as one homophone slip, not as two sound slips."""
    assert flagged("加快推进网络摄氏建设") == [("网络摄氏", "网络设施")]
    assert flagged("提升御景信息发布能力") == [("御景", "预警")]


def test_characters_of_the_same_syllable_are_sound_slips_one_way():
    """same_syllable.tsv (pypinyin's most common readings): a rarer character an input method offers
    for the same keys stands for the common one (菓 for 国, 珵 for 程), never the other way round; a
    character whose other, rare reading sounds alike is no pair (厂 ān, 广 ān)."""
    sound, _ = confusion_sets()
    alike = confusion.homophones()
    assert "国" in sound["菓"] and "程" in sound["珵"] and "弘" in alike["红"]
    assert "菓" not in sound["国"] and "珵" not in alike["程"]
    assert "广" not in confusion.same_syllable()["厂"]
    assert flagged("推动菓家治理体系现代化") == [("菓家", "国家")]


def test_of_two_overlapping_repairs_the_likelier_is_reported():
    """建笠健全: 简历 for 建笠 (a whole word of the same syllables, just past the threshold) and 建立健全
    for 建笠健全 (one character, far past it) overlap; the likelier one is reported, whichever
    starts first."""
    scores = {hit.suggestions[0]: RULE.score(features) for _, hit, features in RULE.judged(Paragraph("建笠健全长效机制"))}
    assert RULE.thresholds["thorough"] < scores["简历"] < scores["建立健全"]
    assert flagged("建笠健全长效机制") == [("建笠健全", "建立健全")]


def test_a_written_word_between_two_known_pairs_may_be_a_whole_word_slip():
    """时长监管 for 市场监管: 长 sits between two known pairs (时长, 长监) in no known trigram, so only
    confusable characters making a known trigram are tried there; the whole word of the same
    syllables, 市场, makes edited text's trigrams on both sides (加市场, 市场监) and is found. A word
    that makes no such trigrams is not tried there (孩子们一天天长成大人 stays quiet)."""
    known = shipped_model().probs
    padded = BOS + "加强时长监管" + EOS
    at = padded.index("长")
    assert "时长" in known and "长监" in known and not suspicious(padded, known)[at]
    assert flagged("加强时长监管") == [("时长监管", "市场监管")]
    context = RULE.context
    assert context.in_known_trigrams(padded, at - 1, context.word_candidates(padded, at - 1)) == {"市场"}
    assert flagged("孩子们一天天长成大人") == []


def test_a_whole_word_of_the_same_syllables_rarer_than_the_one_character_path_asks_is_tried():
    """乖买 for 拐卖 (34 in jieba's counts): a pinyin input method's wrong pick of a whole word is
    proposed when the right word is counted word_min_frequency (30) times or more, fewer than the
    min_frequency (100) a word must reach for a one-character repair."""
    assert RULE.word_min_frequency < RULE.min_frequency <= 100
    assert flagged("严厉打击乖买妇女儿童犯罪") == [("乖买妇女", "拐卖妇女")]
    assert "拐卖" in RULE.context.word_candidates(BOS + "乖买" + EOS, 1)


def test_a_common_word_as_written_needs_more_the_commoner_it_is():
    """异议 and 遗嘱 (law-dev, never trained on), 狡猾 (held-out fifth) are common words the model
    of 公文 rarely read: the margin grows with the written word's count in jieba's dictionary (one
    step for any word would let 狡猾 → 教化 through), so they stay. 棋局 → 器具 (held-out fifth) stayed
    at threshold 0 and is reported at the shipped −1.2: one of the false alarms issue 33's recall costs
    (resources/typo_model/README.md, u33recall3)."""
    for text in ("关于管辖权异议的说法正确的是", "证机构办理遗嘱公证，应当", "是极其狡猾的反革命两面派。"):
        assert flagged(text) == [], text


def test_a_lone_pronoun_is_no_slip():
    """她批 is no slip for 大批 (corpus-extra's held-out fifth): the pronoun is left alone, asked of
    the guard itself (the model no longer prefers 大批 here, so the sentence alone guards nothing)."""
    text = "不准她批文件，不准她组阁"
    assert flagged(text) == []
    assert {text.index("她"), text.rindex("她")} <= untouched_positions(Paragraph(text))


def test_a_name_before_its_place_word_is_no_slip():
    """尤李社区, 芹泉镇, 新营镇 (odw-dev, clean sentences) are names jieba does not know, checked by the
    model built without their fold (the shipped one read them): the two characters before 社区, 镇,
    集团… are left alone."""
    texts = ("武汉市洪山区珞南街尤李社区党委专职副书记", "左权县芹泉镇包村工作队副队长，山西省审计专业技术服务中心副科长",
             "甘肃省兰州市榆中县新营镇寨子村第一书记兼驻村帮扶工作队队长，全国台联机关党委办公室一级主任科员")
    rule = next(rule for rule in load_rules() if rule.id == "typo-confusable")
    assert {fold_of(text) for text in texts} == {1}
    rule.model = fold_model(1)
    checker = Checker([rule], at_thorough())
    assert [f for text in texts for f in checker.check([text])] == []


def test_a_whole_word_in_a_parallel_series_is_no_slip():
    """述职述廉 pairs two words on one frame (held-out fifth): 述廉 is no slip for 熟练."""
    assert flagged("行多种形式的领导干部述职述廉制度") == []
    # law-dev: 船白 → 传播 swaps both characters and breaks 船…、船舶…、船舶… at the second one; 船舶 is the fix
    text = "船白抵押权、船舶优先权、船舶留置权"
    assert flagged(text) == [("船白", "船舶")]
    assert "传播" not in {hit.suggestions[0] for _, hit, _ in RULE.judged(Paragraph(text))}  # the guard, not the likelier fix


def test_a_common_word_jieba_tags_as_a_name_is_no_name():
    """jieba's dictionary tags 滑雪 (269 in its counts) and 建康 (206) as names (nr, nz): such common
    words are read like any other, and the slips in them found; a rare name (王晓明, nr 7) and a place
    whatever its count (沈阳, ns) stay untouched."""
    text = "加强危险滑雪品的运输管理，王晓明、沈阳市"
    blocked = untouched_positions(Paragraph(text))
    assert not {text.index("滑"), text.index("雪")} & blocked and {text.index("晓"), text.index("阳")} <= blocked
    assert flagged("加强危险滑雪品的运输管理") == [("滑雪品", "化学品")]
    assert flagged("全面提升居民建康水平") == [("建康", "健康")]
    # down to 10 for names (卫护 nr 32), and a two-character place counted 100 times or more (保鲜 ns 118)
    text = "自觉卫护校园安全，社会保鲜和住房公积金"
    blocked = untouched_positions(Paragraph(text))
    assert not {text.index("卫"), text.index("鲜")} & blocked
    assert flagged("完善养老保险、医疗保鲜和住房公积金制度") == [("医疗保鲜", "医疗保险")]


def test_quotes_names_and_numbers_are_never_slips_but_titles_are_read():
    """Wording inside “” is quoted as written; a 《title》 is typed by the writer like the rest (a
    law's name with a slip is a slip: odw-dev holds 20 such wrong characters)."""
    assert flagged("坚持持旭推进改革") == [("持旭", "持续")]
    for text in ("所谓“坚持持旭推进”一说", "王晓明同志主持会议",
                 "历史遗留下来的中印边界问题", "请刘思源同志发言"):
        assert flagged(text) == [], text
    assert flagged("学习《坚持持旭推进改革》") == [("持旭", "持续")]
    assert flagged("印发《乡村振兴战略规划刚要》的通知") == [("刚要", "纲要")]


def test_a_verb_before_its_resultative_complement_is_no_slip():
    """干到什么程度 (issue 25): 干 + 到 + a degree is grammar, not 感到; the same for any verb
    before 到 and a goal."""
    for text, verb in (("什么时候干到什么程度，达到什么效果", "干"), ("大家坐到一起商量", "坐"), ("学到真本领，干到群众心坎上", "干")):
        assert flagged(text) == [], text
        # asked of the guard itself too: the model may no longer prefer 感到 in these sentences
        assert text.index(verb + "到") in untouched_positions(Paragraph(text)), text


def test_a_parallel_series_is_no_slip_but_the_right_word_nearby_is_no_series():
    """一靠教育，二靠制度 and 不廉不勤 vary one character on purpose; 推进 near 推近 is the fix."""
    for text in ("一靠教育，二靠制度，正确开展", "公职人员中不廉不勤现象仍然存在"):
        assert flagged(text) == [], text
    assert flagged("加快推近项目建设，推进改革") == [("推近", "推进")]


def test_a_lone_character_is_left_to_the_lists():
    """或 for 和 is a choice of wording, not a slip the model can tell (issue 32's independent review);
    唱 for 但 (held-out fifth) the model would take were a lone character repaired."""
    for text in ("国务院制定或修订了30件行政法规。", "单打一，见不得世面，唱不得对台戏”。"):
        assert flagged(text) == [], text


def test_a_real_word_in_its_place_needs_the_extra_margin():
    """A slip that is a word too must win by word_margin more (issue 32's independent review): edited
    wording of the held-out fifth and law-dev, each a real word the model finds a shade less likely."""
    for text in ("为长远发展铺路搭桥。", "网罗地富反坏以及一小撮野心家、叛徒", "复制件与原件、原物是否相符",
                 "公证机构办理遗嘱公证，应当由二人共同办理。", "国际上确定法人的国籍有哪些不同的主张?"):
        assert flagged(text) == [], text


def test_the_model_learns_odw_dev_corrected_never_as_written():
    """The training text takes odw-dev's third column: the slips it must catch are never learnt."""
    lines = [line.split("\t") for line in (typo_dev_folder() / "odw.dev.tsv").read_text(encoding="utf-8").splitlines()]
    wrong = [(written, right) for _, written, right in lines if written != right]
    training = set(corrected_sentences(typo_dev_folder()))
    assert wrong and all(right in training and written not in training for written, right in wrong[:200])


def test_an_accepted_word_is_never_flagged_again():
    assert flagged("坚持持旭推进改革", at_thorough(ignored_words={"持旭"})) == []


def _law_dev_sample(count: int) -> list[tuple[str, frozenset[int]]]:
    if not LAW_DEV.exists():
        pytest.fail(f"typo-dev not found at {LAW_DEV}: put the shared folder beside the clone", pytrace=False)
    cases = []
    for line in LAW_DEV.read_text(encoding="utf-8").splitlines()[:count]:
        _, wrong, right = line.split("\t")
        cases.append((wrong, frozenset(i for i, (a, b) in enumerate(zip(wrong, right)) if a != b)))
    return cases


def _sentence_detection(rule, cases) -> tuple[float, float]:
    checker = Checker([rule], at_thorough())  # each sentence a document of its own: they are unrelated
    findings = [(index, f) for index, (text, _) in enumerate(cases) for f in checker.check([text])]
    flagged_sentences = {index for index, _ in findings}
    right = {index for index, f in findings if set(range(f.start, f.end)) & cases[index][1]}
    errors = sum(1 for _, gold in cases if gold)
    return len(right) / max(1, len(flagged_sentences)), len(right) / errors


def test_recall_on_real_slips_it_never_saw():
    """law-dev (never trained or tuned on), the first 300 sentences: with the model the detector
    finds real slips in about half of the wrong sentences, and is right nine times in ten."""
    precision, recall = _sentence_detection(RULE, _law_dev_sample(300))
    assert precision >= 0.85 and recall >= 0.35, (precision, recall)


def test_edited_text_it_never_saw_stays_quiet():
    """corpus-extra's held-out fifth (never trained on), the first 30 paragraphs of each text
    (about 59,000 characters): at most 0.2 findings per 1,000 characters."""
    texts = corpus_texts(resource_path("corpus", "extra"))
    documents = [texts[name][:30] for name in sorted(texts) if held_out(name, list(texts))]
    checker = Checker([RULE], at_thorough())
    findings = [f for paragraphs in documents for f in checker.check(paragraphs)]  # each text a document
    characters = sum(len(p) for paragraphs in documents for p in paragraphs)
    assert 1000 * len(findings) / characters <= 0.2, [(f.text, f.suggestions[0]) for f in findings]


def test_the_decision_has_a_weight_for_every_feature_and_no_other():
    """typo.toml's weights are the decision (bench/typo_fit.py can write fitted ones): a weight left
    out or one the code does not compute is an error when the rules load, not a silent zero."""
    assert set(RULE.weights) == {"bias", *FEATURES} and all(math.isfinite(w) for w in RULE.weights.values())
    spec = {"id": "x", "severity": "warning", "message": "{why}", "name": "疑似错别字", "description": "疑似错别字。",
            "examples": {"bad": [["持旭", "持旭"]], "good": ["持续"]}, "thresholds": {"standard": 0, "thorough": 0},
            "min_frequency": 100, "word_min_frequency": 30}
    for weights in ({**RULE.weights, "extra": 1.0}, {k: v for k, v in RULE.weights.items() if k != "model"}):
        with pytest.raises(RuleError):
            ContextRule({**spec, "weights": weights}, "typo")


def test_a_four_character_phrase_standing_alone_needs_more():
    """，隆冬寒凉， (wording of my own; the tuning texts had 倡俭治奢, 偷逃骗税, 执守简朴): four hanzi
    between marks are a 四字格 chosen with care, so a slip there must win by phrase_margin more; a
    plain slip in one still does (持旭推进)."""
    assert flagged("时值岁末，隆冬寒凉，要做好困难群众取暖保障。") == []
    assert flagged("各地要攻坚克难、持旭推进。") == [("持旭", "持续")]
    assert in_four_character_phrase("，隆冬寒凉，", 3) and in_four_character_phrase("持旭推进", 0)
    assert not in_four_character_phrase("正值隆冬寒凉时节", 4) and not in_four_character_phrase("“寒凉”", 1)


def test_a_name_before_its_form_of_address_is_no_slip():
    """Names of my own choosing before 同志 (the tuning texts had 李人俊同志, 罗健夫同志, 张鸣岐同志,
    read by a model built without them): jieba mostly does not know a name, and the model finds 钟扬 →
    中央, 沈浩 → 信号, 吴晓 → 无效 clearly likelier (scores up to 4.4 without the weight). Nor is a
    repair whose word takes the name's first character along (请张富清同志: 请张 → 紧张). A slip beyond
    the name still is one."""
    assert flagged("会议由钟扬同志主持。") == []
    assert flagged("请张富清同志发言。") == []
    assert flagged("请沈浩同志发言。") == []
    assert flagged("副主任吴晓燕同志于今年4月到任。") == []
    assert flagged("请沈浩同志持旭推进改革。") == [("持旭", "持续")]
    assert flagged("全体同志要坚持持旭推进改革。") == [("持旭", "持续")]
    text = "请李保国同志发言"
    assert [in_name_before_address(text, k) for k in range(len(text))] == [False, True, True, True] + [False] * 4


def test_a_word_written_twice_in_a_paragraph_is_wording():
    """A writer who types the same two characters twice in a paragraph (寒凉 … 寒凉; 知史爱党、知史
    爱国 in the tuning texts) means them: no slip repeats itself."""
    assert flagged("今冬天气寒凉，要做好困难群众取暖保障，防止寒凉天气影响出行。") == []


def test_a_word_the_document_writes_in_another_paragraph_is_meant():
    """遗愿 (twice in one text of the tuning part) and 荡涤: a word the document holds in another paragraph
    too is its own wording, not a slip; the finding goes while the other paragraph holds it and comes
    back at the next check once it no longer does (no stale state), and a slip in its own paragraph stays."""
    first, other, slip = "实现先辈的遗愿，建设美丽家园。", "不负烈士遗愿，荡涤一切污泥浊水。", "坚持持旭推进改革。"
    checker = Checker([RULE], at_thorough())
    found = lambda paragraphs: [(f.paragraph, f.text) for f in checker.check(paragraphs)]
    assert found([first, slip]) == [(0, "遗愿"), (1, "持旭")]
    assert found([first, other, slip]) == [(1, "荡涤"), (2, "持旭")]
    assert found([first, "不负烈士嘱托。", slip]) == [(0, "遗愿"), (2, "持旭")]


def test_candidates_dropped_early_could_never_have_passed():
    """judged() drops a candidate before its words are looked up when its score cannot exceed the
    threshold whatever they add; with weights that reward a common repaired word (as a fit may give)
    the findings are those of the full decision, candidate by candidate."""
    rule = next(rule for rule in load_rules() if rule.id == "typo-confusable")
    rule.weights = {**rule.weights, "repaired_word": 1.5, "broken": 1.0}
    threshold = 10.0  # 阻织, 持旭, 御景 pass only with what their repaired words add
    texts = ["坚持持旭推进改革", "申请人应当提交营业支招复印件", "要加强阻织领导，认真落实", "提升御景信息发布能力",
             "加快推进网络摄氏建设", "各地要攻坚克难、持旭推进。"]
    for text in texts:
        paragraph = Paragraph(text)
        full = {(position, hit.start, hit.end) for position, hit, features in rule.judged(paragraph)
                if rule.score(features) > threshold}
        early = {(position, hit.start, hit.end) for position, hit, features in rule.judged(paragraph, threshold)
                 if rule.score(features) > threshold}
        assert early == full, text
    assert len({t for t in texts for *_, f in rule.judged(Paragraph(t)) if rule.score(f) > threshold}) >= 3


def test_look_alikes_drawn_from_glyphs_are_read():
    """resources/confusion/glyph_shape.tsv (assistant/tools/lookalikes.py): pairs no other table has,
    both ways (mutual nearest neighbours), so 厅 stands for 疗 (odw-dev: 协调医厅纠纷) and back."""
    sound, shape = confusion_sets()
    assert "疗" in shape["厅"] and "厅" in shape["疗"] and "已" in shape["己"]
    glyph = {line.split("\t")[0]: line.split("\t")[1] for line in
             resource_path("confusion", "glyph_shape.tsv").read_text(encoding="utf-8").splitlines() if not line.startswith("#")}
    assert len(glyph) > 2000 and all(char in glyph[other] for char, others in glyph.items() for other in others)


def test_a_list_ordinal_and_a_pronoun_are_never_swapped():
    """七要及时完善 (a list's seventh point, the tuning texts) is no slip for 只要; 她们 is no slip for
    他们: which pronoun is the writer's choice."""
    text = "一要加强领导。七要及时完善帮扶政策，关心她们的困难"
    blocked = untouched_positions(Paragraph(text))
    assert {0, text.index("七")} <= blocked and text.index("完") not in blocked
    padded = BOS + "关心她们的特殊利益" + EOS
    knows_nothing = build(["无关"], 4).probs  # a model that knows no trigram of the sentence
    assert {padded[j] for j in suspicious(padded, knows_nothing)} == set("关心们特殊利益")
