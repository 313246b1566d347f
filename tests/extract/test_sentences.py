from tracker.extract.sentences import split_sentences


def texts(text):
    return [s.text for s in split_sentences(text)]


def test_abbreviations_do_not_end_sentences():
    text = (
        "The U.S. envoy met Mr. Lindqvist on Feb. 3 in Oslo. "
        "Gen. Haugen and John F. Kessler attended. It ended at 4 p.m. The talks resume."
    )
    assert texts(text) == [
        "The U.S. envoy met Mr. Lindqvist on Feb. 3 in Oslo.",
        "Gen. Haugen and John F. Kessler attended.",
        "It ended at 4 p.m.",
        "The talks resume.",
    ]


def test_quotes_close_the_sentence_and_offsets_are_exact():
    text = 'She said: "We are ready." Talks follow.\n\nA new paragraph starts here'
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        'She said: "We are ready."',
        "Talks follow.",
        "A new paragraph starts here",
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_dotted_abbreviation_before_a_new_sentence():
    assert texts("Aid was sent to the U.S. The ministers then left.") == [
        "Aid was sent to the U.S.",
        "The ministers then left.",
    ]
