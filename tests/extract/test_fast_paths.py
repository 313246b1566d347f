"""The fast paths of extraction give what the plain ways they replace give."""

import random

from tracker.extract.tokens import PhraseIndex


def _scan_match_at(phrases, lows, i):
    """The reference: every phrase that starts with the word, longest first, compared."""
    entries = sorted(
        ((k, v) for k, v in phrases.items() if k and k[0] == lows[i]), key=lambda kv: -len(kv[0])
    )
    for key, value in entries:
        if tuple(lows[i : i + len(key)]) == key:
            return len(key), value
    return None


def test_phrase_index_finds_the_longest_phrase_as_a_scan_does():
    rng = random.Random(8)
    vocabulary = ["a", "b", "c", "d"]
    for _ in range(300):
        phrases = {
            tuple(rng.choice(vocabulary) for _ in range(rng.randint(1, 4))): rng.choice(
                [None, False, 0, "x", rng.random()]
            )
            for _ in range(rng.randint(1, 8))
        }
        index = PhraseIndex(phrases)
        lows = [rng.choice(vocabulary) for _ in range(rng.randint(1, 9))]
        for i in range(len(lows)):
            assert index.match_at(lows, i) == _scan_match_at(phrases, lows, i)
        reference, i = [], 0
        while i < len(lows):
            hit = _scan_match_at(phrases, lows, i)
            if hit:
                reference.append((i, i + hit[0], hit[1]))
                i += hit[0]
            else:
                i += 1
        assert index.find_all(lows) == reference


def test_phrase_index_follows_an_assigned_first_word_table():
    index = PhraseIndex({("united", "states"): "US"})
    assert index.match_at(["united", "nations"], 0) is None
    by_first = dict(index.by_first)
    by_first["united"] = [*by_first["united"], (("united", "nations"), "UN")]
    index.by_first = by_first
    assert index.match_at(["united", "nations"], 0) == (2, "UN")
    assert index.match_at(["united", "states"], 0) == (2, "US")


# One or more examples of every alternative of the date candidate regex, each as it opens.
DATE_EXAMPLES = [
    "2024-03-05", "the third week of March", "last week of June 2024", "in two weeks",
    "within a month", "within 10 days", "5 March 2024", "9-10 January", "March 5th, 2024",
    "Dec. 23-25", "early March 2024", "mid-March 2024", "March 2024", "March last year",
    "in early March", "in late March", "in mid-March", "since March", "by March", "until March",
    "through March", "from March", "during March", "of March", "before March", "after March",
    "last March", "next March", "this March", "early March", "late March", "mid March",
    "Monday", "last Monday", "next Monday", "this Monday", "on Monday", "early Monday",
    "late on Monday", "early on Monday", "by Monday", "until Monday", "since Monday",
    "Monday morning", "last week", "next month", "this year", "earlier this week",
    "later this month", "earlier in the year", "later in the week", "early this year",
    "late this month", "the previous week", "the following month", "the coming weekend",
    "over the weekend", "during the weekend", "at the weekend", "later in the day",
    "earlier in the day", "yesterday", "today", "tomorrow", "tonight", "overnight",
    "the same day", "that day", "that evening", "that night", "the next morning",
    "the following evening", "the same time", "two days earlier", "a day before",
    "one day earlier", "3 days before", "the previous day", "the day before.",
    "a day after he spoke", "four days after the vote", "in 2024", "since 2019", "by 2030",
    "until 2025", "through 2026", "from 2020", "of 2021", "before 2022", "after 2023",
    "end of 2024", "early 2025", "late 2025", "mid-2025", "2024",
    "last night", "two days ago", "a decade ago", "10 years ago", "three weeks ago",
    "the last three weeks", "last 3 months", "the past year", "past two decades", "for March",
    "the same week", "that month", "the same year", "the August coup", "this afternoon",
    "then signed", "2nd of March", "21st March 2024", "two days later", "a week earlier",
    "six months later", "a year earlier", "3 years later", "the year before,", "the month after",
    "the next day", "the following day", "the day after.", "this past weekend",
    "April 5 to 7, 2023", "5 to 7 April 2023", "June 6th through 10th",
    "next spring", "this summer", "last fall", "the coming winter", "this past winter",
    "past autumn", "in the spring", "during the summer", "by the autumn", "spring 2025",
    "summer of 2024", "autumn 2023", "winter 2026", "the fall of 2021", "coming spring",
    "the end of the year", "the end of this month", "the end of next year",
]


def test_date_candidates_are_tried_wherever_the_regex_can_match():
    from pathlib import Path

    from tracker.extract.dates import _CANDIDATE_START, _CANDIDATES, _candidates
    from tracker.extract.sentences import split_sentences

    root = Path(__file__).parent
    texts = [
        p.read_text(encoding="utf-8")
        for folder in ("corpus", "corpus2", "corpus3", "real/tune")
        for p in sorted((root / folder).glob("*.txt"))
    ]
    sentences = [s.text for text in texts for s in split_sentences(text)]
    for example in DATE_EXAMPLES:
        for context in ("{}", "They met {} in Doha.", "(told {})", "x-{}"):
            sentences.append(context.format(example))
    assert all(_CANDIDATES.search(example) for example in DATE_EXAMPLES)
    for sentence in sentences:
        for scan in (sentence, sentence[:1].lower() + sentence[1:]):
            for pos in range(len(scan)):
                if _CANDIDATES.match(scan, pos):
                    # the start regex reads the character before (a space before the scan)
                    assert _CANDIDATE_START.match(" " + scan, pos), (scan, pos)
            expected = [(m.span(), m.lastgroup) for m in _CANDIDATES.finditer(scan)]
            assert [(m.span(), m.lastgroup) for m in _candidates(scan)] == expected


def test_tokens_are_the_same_from_the_chunk_memo():
    from tracker.extract import tokens

    text = "Russia's envoy met the U.S. team; Russia's talks went on. U.S. and Russia's"
    tokens._CHUNK_TOKENS.clear()
    first = tokens.tokenize(text)  # the memo fills as it goes: repeated words come from it
    again = tokens.tokenize(text)
    assert first == again
    assert first[0] is first[7]  # "Russia's" again: one token object for both
    assert [(t.text, t.low, t.base, t.cap) for t in first] == [
        (m.group(), m.group().lower(),
         m.group()[:-2] if m.group()[-2:] in ("'s", "’s") else m.group(),
         m.group()[0].isupper())
        for m in tokens._TOKEN.finditer(text)
    ]


def test_token_offsets_are_where_the_token_regex_finds_them():
    """The offsets are found from the tokens when asked for: the same as the regex's, past
    double spaces, line breaks and non-breaking spaces, and for a chunk read twice."""
    from tracker.extract import tokens

    for text in (
        "Russia's envoy met the U.S. team; Russia's talks went on. U.S. and Russia's",
        "  Putin,\n\nXi  and\xa0Erdoğan met\tin Baku\u2009on 3 May  ",
        "", "a", "a--b a--b",
    ):
        found = tokens.tokenize(text)
        expected = [(m.start(), m.end()) for m in tokens._TOKEN.finditer(text)]
        assert list(zip(found.starts, found.ends, strict=True)) == expected, text
        assert [t.text for t in found] == [text[a:b] for a, b in expected]


def test_token_columns_are_the_tokens_fields():
    from tracker.extract import tokens

    for text in ("", "Russia's envoy met the U.S. team; Putin, Xi and 'Erdoğan' agreed.", "a b"):
        found = tokens.tokenize(text)
        assert found.lows == [t.low for t in found]
        assert found.bases == [t.base for t in found]
        assert found.capitals == [k for k, t in enumerate(found) if t.cap]
        assert found.words == {t.low for t in found}


def test_scope_start_is_the_scan_it_replaces():
    from tracker.extract.events import _scope_start

    rng = random.Random(3)
    for _ in range(500):
        lows = [rng.choice(["but", "x", "y"]) for _ in range(rng.randint(0, 12))]
        i = rng.randint(0, len(lows))
        a = rng.randint(0, i)
        expected = a
        for k in range(i - 1, a, -1):
            if lows[k] == "but":
                expected = k + 1
                break
        assert _scope_start(lows, a, i) == expected



def test_word_before_a_sentence_end_is_the_search_it_replaces():
    import re

    from tracker.extract.sentences import _word_before

    search = re.compile(r"([\w.'’-]+)$")  # the reference: every start in 30 characters tried
    rng = random.Random(5)
    alphabet = "ab.'’-\n _XéU9"
    texts = ["U.S. and John F. Kennedy met on Feb. 5. Then\n.x", "a" * 50 + ".", ""]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 70))) for _ in range(2000)]
    for text in texts:
        for pos in range(len(text) + 1):
            m = search.search(text, max(0, pos - 30), pos)
            assert _word_before(text, text[::-1], pos) == (m[1] if m else ""), (text, pos)


def test_the_body_gate_holds_every_way_a_body_noun_is_written():
    from tracker.extract.actors import _BODY_GATE, _BODY_NOUNS
    from tracker.extract.tokens import tokenize

    for noun in _BODY_NOUNS:
        for written in (noun, f"{noun}'s", f"{noun}’s"):
            token = tokenize(f"the {written}")[1]
            assert token.base.lower() == noun and token.low in _BODY_GATE


def test_the_adverbs_found_in_the_joined_words_are_those_the_word_test_accepts():
    from tracker.extract.events import _LONG_LY_WORDS, _NOT_ADVERBS, _adverb

    words = ["firmly", "only", "july", "ly", "fly", "ally", "sharply", "’ly", "jointly",
             "early-ly", "sharplyx", "x", "holy", "really", "italy", "unilaterally", "ugly"]
    rng = random.Random(3)
    for _ in range(200):
        lows = [rng.choice(words) for _ in range(rng.randint(1, 8))]
        found = set(_LONG_LY_WORDS.findall(f" {' '.join(lows)} ")) - _NOT_ADVERBS
        assert found == {w for w in lows if _adverb(w)}, lows


def test_the_ascii_regexes_find_what_the_unicode_ones_find_in_ascii_text():
    from tracker.extract.dates import _ASCII_DIGIT, _DIGIT
    from tracker.extract.quotes import _WORD, _words_of

    rng = random.Random(4)
    characters = [chr(c) for c in range(128)] + ["é", "’", "٣", "\xa0"]
    for _ in range(2000):
        text = "".join(rng.choice(characters) for _ in range(rng.randint(0, 12)))
        assert _words_of(text)(text) == _WORD.findall(text), repr(text)
        if text.isascii():
            assert bool(_ASCII_DIGIT.search(text)) == bool(_DIGIT.search(text)), repr(text)


def test_date_part_memo_answers_as_the_word_split_does():
    from tracker.extract import dates

    made_up = [
        ("Talks resume in mid-March with the envoys.", True),
        ("The envoy's Monday's plan was shelved.", True),
        ("The U.S.-Iran talks went on.", False),
        ("Officials met in Doha.", False),
    ]
    for sentence, expected in made_up:
        lows = [w.lower() for w in sentence.replace(".", " .").split()]
        dates._HAS_DATE_PART.clear()
        first = dates.may_hold_date(sentence, lows)
        again = dates.may_hold_date(sentence, lows)  # answered from the memo
        assert first == again == expected, sentence


def test_quote_marks_and_trailing_attribution_fast_paths():
    from tracker.extract import quotes

    # no quote mark: the whole sentence is outside quotes, the state carried through
    assert quotes._marks("Envoys met in Geneva.", False) == (False, [(0, 21)])
    assert quotes._marks("Envoys met in Geneva.", True) == (True, [])
    assert quotes._marks('He said "no talks" today.', False) == (False, [(0, 8), (18, 25)])
    # a trailing attribution after the last comma, outside quotes
    assert quotes._attributed_at_end("The talks will resume, the ministry said.")
    assert quotes._attributed_at_end("The talks will resume, Lavrov SAID on Tuesday.")
    assert not quotes._attributed_at_end("The talks will resume, officials hope.")
    assert not quotes._attributed_at_end("The talks, which stalled, resume today.")
    # "said" inside a word is no attribution: the word list decides
    assert not quotes._attributed_at_end("The talks will resume, unsaid things aside.")


def test_sentence_regexes_find_what_the_general_ones_find():
    import re

    from tracker.extract import sentences

    rng = random.Random(11)
    alphabet = ["\n", " ", "\t", "a", "A", "1", ".", '"', "”", ")", "“", "(", "!", "?"]
    general_break = re.compile(r"\n\s*\n|\n")
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        spans = [m.span() for m in sentences._BREAK.finditer(text)]
        assert spans == [m.span() for m in general_break.finditer(text)], repr(text)
        if "!" not in text and "?" not in text:  # the period regex serves such a text only
            found = [m.span() for m in sentences._PERIOD_CANDIDATE.finditer(text)]
            assert found == [m.span() for m in sentences._CANDIDATE.finditer(text)], repr(text)


def test_the_lexicon_files_are_read_once_per_process():
    # a lexicon function asked for per article or per event must not read its JSON file
    # again: a decorator lost to a neighbouring function made every cues() call re-read
    # cues.json (dozens of millions of instructions per round of the dev corpus)
    from tracker.extract import lexicon

    for read in (
        lexicon.cues, lexicon.time_cues, lexicon.patterns_document, lexicon.triggers,
        lexicon.gazetteer_document, lexicon.demonyms, lexicon.combining_forms,
        lexicon.load_gazetteer, lexicon.curated_persons, lexicon.cameo_triggers,
    ):
        assert read() is read(), read.__name__


def test_an_article_is_read_for_a_disaster_only_when_asked():
    from tracker.extract.actors import ArticleMemory

    memory = ArticleMemory.for_article("Kuwait pledged aid after the earthquake.")
    assert memory._disaster is None  # nothing read yet: most articles are never asked
    assert memory.disaster_story and memory._disaster is True
    assert not ArticleMemory.for_article("Trump met Putin.").disaster_story
    assert not ArticleMemory().disaster_story
