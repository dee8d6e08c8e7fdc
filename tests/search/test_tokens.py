"""The index terms and the query phrases: the contract every backend is held to."""

from gongkai.search import tokens


def test_chinese_runs_become_overlapping_bigrams_and_a_final_character():
    assert tokens.index_terms("政府信息") == ["政府", "府信", "信息", "息"]


def test_letters_and_digits_are_whole_words_and_full_width_is_folded():
    assert tokens.index_terms("商工信〔２０１７〕12号 GB11643") == [
        "商工",
        "工信",
        "信",
        "2017",
        "12",
        "号",
        "gb11643",
    ]


def test_punctuation_and_spaces_only_separate():
    assert tokens.canonical("安全生产，监督检查！") == "安全生产 监督检查"


def test_query_run_followed_by_more_query_must_end_the_text_run():
    phrase = tokens.phrase_of("号12")
    assert phrase.terms == ("号", "12")  # 号 alone: the text's run ends there
    assert phrase.last_is_prefix  # and 12 may begin a longer number


def test_lone_final_character_is_a_prefix():
    assert tokens.phrase_of("12号") == tokens.Phrase(("12", "号"), True, "12 号")


def test_query_terms_are_split_on_spaces_and_capped():
    phrases = tokens.parse_query("  工业  信息化 ，， " + " 词" * 20)
    assert [p.text for p in phrases][:2] == ["工业", "信息化"]
    assert len(phrases) == tokens.MAX_QUERY_TERMS


def test_reference_semantics():
    def match(text, query):
        return tokens.matches([text], tokens.parse_query(query))

    assert match("关于印发商丘市工业转型方案的通知", "丘市")
    assert match("商工信〔2017〕12号", "商工信〔2017〕12号")
    assert match("商工信〔2017〕12号", "〔2017〕1")  # the last word may be a prefix
    assert not match("商工信〔2017〕112号", "12号")  # other words are whole
    assert match("安全生产，监督检查", "生产。监督")  # any punctuation matches any
    assert not match("安全生产监督检查", "生产，监督")
    assert match("工业和信息化", "信息化 工业")  # AND, any order
    assert not match("工业", "工业 农业")
