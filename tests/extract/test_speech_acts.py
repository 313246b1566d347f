"""Speech acts on news: criticism, demands, support and rejection told in the ways wire reports
tell them (diplomatic protests, judgements reported after a saying verb, warnings, concern).
Every sentence here is made up."""

import datetime as dt

from tracker.extract import extract

PUBLISHED = dt.date(2024, 6, 12)


def found(body):
    events = extract(f"Test\n\n{body}\n", published=PUBLISHED).events
    return [(e.type, e.status, [(a.name, a.role) for a in e.actors]) for e in events]


def test_summoning_an_envoy_is_a_protest_at_the_envoys_state():
    assert found("Kenya's foreign ministry summoned the Nigerian ambassador on Monday.") == [
        ("criticism", "occurred", [("Kenya", "initiator"), ("Nigeria", "target")])
    ]
    assert found("Ghana summoned Togo's top diplomat in Accra on Tuesday.") == [
        ("criticism", "occurred", [("Ghana", "initiator"), ("Togo", "target")])
    ]


def test_what_a_protest_is_over_is_its_matter_not_its_target():
    got = found("The Foreign Ministry of Kenya summoned the Nigerian ambassador over the "
                "shelling of Ugandan villages.")
    assert got == [("criticism", "occurred", [("Kenya", "initiator"), ("Nigeria", "target")])]


def test_a_judgement_reported_after_a_saying_verb_is_criticism_of_the_party_judged():
    assert found("Kenya's foreign minister said on Monday that Nigeria's government was "
                 "\"out of control\".")[0][:2] == ("criticism", "occurred")
    got = found("Kenya said Nigeria is acting in a dangerous and unacceptable manner.")
    assert got == [("criticism", "occurred", [("Kenya", "initiator"), ("Nigeria", "target")])]


def test_a_judgement_denied_is_no_criticism():
    assert found("Kenya said Nigeria's decision was not illegal.") == []


def test_what_a_speaker_considers_harmful_is_criticised():
    got = found("Kenya said it considers the sanctions imposed by Nigeria counterproductive.")
    assert got[0][:2] == ("criticism", "occurred")
    assert got[0][2][0] == ("Kenya", "initiator")
    # a passive is no judge's word: "would be considered a declaration of war" threatens
    assert not any(t == "criticism" for t, _, _ in found(
        "Kenya warned that any strike would be considered a declaration of war."))


def test_a_warning_that_a_partys_act_would_do_harm_criticises_that_party():
    assert found("Kenya warned that a visit by Nigeria's president would seriously harm "
                 "ties.") == [
        ("criticism", "occurred", [("Kenya", "initiator"), ("Nigeria", "target")])
    ]
    # the modal is the warning's own word, not a hypothetical
    assert found("Kenya warned that Nigeria's move could harm ties.")[0][:2] == (
        "criticism", "occurred"
    )


def test_should_be_held_accountable_blames_rather_than_asks():
    assert found("Kenya said Nigeria should be held accountable for the shelling.") == [
        ("criticism", "occurred", [("Kenya", "initiator"), ("Nigeria", "target")])
    ]


def test_concern_at_a_partys_conduct_is_criticism():
    assert found("Kenya said it was very concerned by the Nigerian troop build-up.") == [
        ("criticism", "occurred", [("Kenya", "initiator"), ("Nigeria", "target")])
    ]
    assert found("Kenya will convey to Nigeria its concerns about the dam.")[0][2] == [
        ("Kenya", "initiator"), ("Nigeria", "target")
    ]
    # concern with no one it is aimed at is no criticism
    assert found("Kenya said it was concerned about two of its citizens.") == []


def test_a_formal_protest_is_another_act_than_words_of_criticism():
    got = found("Kenya's defence ministry on Monday criticized Nigeria for its naval drills. "
                "Kenya's foreign ministry has protested to Nigeria over the drills.")
    assert [t for t, _, _ in got] == ["criticism", "criticism"]
    # but an envoy summoned by no one named is not told
    assert found("It summoned Nigeria's ambassador on Monday.") == []


def test_an_appositive_tells_its_own_act_not_the_content_of_the_one_before():
    got = found("Kenya extended an invitation to Togo, a move that drew harsh condemnation "
                "from Ghana.")
    assert ("criticism", "occurred") in [(t, s) for t, s, _ in got]
    criticism = next(a for t, _, a in got if t == "criticism")
    assert criticism[0] == ("Ghana", "initiator")


def test_support_given_pledged_or_won():
    assert found("Kenya expressed its support for the elected President and Government of "
                 "Togo.") == [("support", "occurred", [("Kenya", "initiator"), ("Togo", "target")])]
    assert found("Kenya will back Ghana's bid to host the summit.")[0][0] == "support"
    got = found("Kenya secured support from Ghana for the plan.")
    assert got == [("support", "occurred", [("Ghana", "initiator"), ("Kenya", "target")])]
    got = found("Kenya sent a congratulatory message to Ghana's President Nana Akufo-Addo.")
    assert got[0][0] == "support" and got[0][2][0] == ("Kenya", "initiator")


def test_recognising_a_person_backs_him():
    got = found("The United States recognized Juan Guaidó in January.")
    assert got == [("support", "occurred", [("United States", "initiator"),
                                            ("Juan Guaidó", "target")])]


def test_condemnation_drawn_from_no_one_named_is_not_the_subjects():
    got = found("Kenya has refused to relinquish the islands, an action that has drawn "
                "serious international condemnation.")
    assert all(t != "criticism" for t, _, _ in got)


def test_a_request_from_a_named_party_is_told_as_made():
    got = found("Ghana said it is considering a request from Togo for troops.")
    assert ("demand", "occurred", [("Togo", "initiator"), ("Ghana", "target")]) in got


def test_a_quote_told_over_several_sentences_is_said_by_its_attributed_speaker():
    body = ('Kenya\'s foreign ministry summoned the Nigerian ambassador on Monday.\n\n'
            '"By shelling our border towns, Nigeria is acting in a dangerous and unacceptable '
            'manner. We urge the United Nations to send observers. Our patience has limits," '
            'the ministry said on Monday.')
    got = found(body)
    assert ("criticism", "occurred", [("Kenya", "initiator"), ("Nigeria", "target")]) in got
    assert ("demand", "occurred", [("Kenya", "initiator"), ("United Nations", "target")]) in got


def test_a_quote_goes_on_with_the_speaker_of_the_quote_before_it():
    body = ('"We are worried about our citizens," Kenyan President William Ruto told reporters. '
            '"We demand their immediate release."')
    got = found(body)
    assert any(t == "demand" and ("William Ruto", "initiator") in a for t, _, a in got)


def test_speaker_sources_reads_the_quote_marks_of_a_paragraph():
    from tracker.extract.quotes import speaker_sources
    from tracker.extract.sentences import split_sentences

    text = ('"First sentence here. Second one," she said. "Third." Plain text.\n'
            '"Fourth."')
    sentences = split_sentences(text)
    assert [s.text[:6] for s in sentences] == ['"First', 'Second', '"Third', 'Plain ', '"Fourt']
    assert speaker_sources(text, sentences) == [1, 1, 1, None, None]


def test_angering_alleging_and_blaming_for_failure_are_criticism():
    assert found("Kenya had angered Nigeria's President Bola Tinubu by making remarks about his "
                 "election.")[0][:2] == ("criticism", "occurred")
    got = found("Kenya said it had not shelled the border, as alleged by Togo.")
    assert ("criticism", "occurred", [("Togo", "initiator"), ("Kenya", "target")]) in got
    got = found("Kenya repeated its allegations that Togo has armed the rebels.")
    assert got == [("criticism", "occurred", [("Kenya", "initiator"), ("Togo", "target")])]
    assert found("Kenya said Togo has failed to stem the violence.") == [
        ("criticism", "occurred", [("Kenya", "initiator"), ("Togo", "target")])
    ]
    # but what a party had done is no failure: "said Togo had listened to their concerns"
    assert found("Kenya said Togo had listened to its concerns.") == []


def test_reacting_angrily_needs_someone_it_is_aimed_at():
    assert found("Kenya reacted angrily.") == []


def test_a_judgement_in_someones_words_is_their_criticism_of_the_party_judged():
    got = found("Nigeria's actions in recent weeks are not consistent with the accord, the "
                "Kenyan foreign ministry said.")
    assert got == [("criticism", "occurred", [("Kenya", "initiator"), ("Nigeria", "target")])]
    got = found("Nigeria violated the truce, Kenya's foreign minister said on Tuesday.")
    assert got[0][:2] == ("criticism", "occurred")
    # the story's own account of a violation is no one's criticism
    assert found("Nigerian jets violated Kenyan airspace on Friday.") == []
    # a sentence that tells someone saying it makes it theirs, wherever the saying verb stands
    got = found("The incursion has seriously undermined stability in the region and violated "
                "Kenya's sovereignty, Kenyan government spokesman Isaac Mwaura said.")
    assert got and got[0][:2] == ("criticism", "occurred")


def test_a_speech_act_said_by_no_one_named_is_not_told():
    assert found("Some accused them of being Tinubu's inner circle.") == []
    assert found("Kenya's role in the talks was criticised last year.") == []
    # a protest handed to a party names the one it is handed to
    got = found("Kenya's embassy in Nigeria was handed a strong protest over the drills.")
    assert got and got[0][0] == "criticism"


def test_calls_insistence_and_pressure_are_demands():
    got = found("Kenya and Uganda call for a binding agreement on the dam.")
    assert got and got[0][:2] == ("demand", "occurred")  # not a phone call
    got = found("Kenya insists on a bigger role for the AU experts.")
    assert got and got[0][0] == "demand"
    got = found("Pressure from Nigeria to block Togo's participation led Ghana to cancel.")
    assert got[0][:2] == ("demand", "occurred") and got[0][2][0] == ("Nigeria", "initiator")


def test_upholding_a_governments_legitimacy_backs_it():
    got = found("Kenya insisted on the legitimacy of the Togolese government.")
    assert got == [("support", "occurred", [("Kenya", "initiator"), ("Togo", "target")])]


def test_rejections_told_as_withdrawn_recognition_snubs_and_boycotts():
    assert found("Kenya withdrew recognition of Togo's president in March.")[0][:2] == (
        "rejection", "occurred"
    )
    assert found("Kenya has ignored the threat from Nigeria.")[0][:2] == ("rejection", "occurred")
    got = found("Kenya boycotted talks called by Nigeria last week.")
    assert got and got[0][:2] == ("rejection", "occurred")
    assert found("Togo doesn’t recognize the annexation by Nigeria.")[0][0] == "rejection"
    assert found("Kenya proposed talks, but Nigeria responded negatively.")[-1][:2] == (
        "rejection", "occurred"
    )


def test_a_sentence_is_read_for_its_attribution_only_where_a_quote_asks():
    from tracker.extract import quotes
    from tracker.extract.sentences import split_sentences

    text = (
        'Test\n\nPutin met Xi on Monday, the Kremlin said. The talks lasted two hours.\n\n'
        '"We are concerned," Colonna told Le Parisien. "We demand their release."'
    )
    sentences = split_sentences(text)
    read = []
    original = quotes._attributes

    def counting(sentence_text, outside):
        read.append(sentence_text)
        return original(sentence_text, outside)

    quotes._attributes = counting
    try:
        sources = quotes.speaker_sources(text, sentences)
    finally:
        quotes._attributes = original
    assert sources[-1] == len(sentences) - 2  # the quote before it names Colonna
    assert all('"' in s for s in read)  # no sentence without a quote read for its verbs


def test_a_partys_critics_are_not_the_party():
    from tracker.extract import extract

    for text in (
        "Obama's critics accused him of weakness.",
        "The visit could anger Trump's domestic critics, who accuse Russia of hostile acts.",
    ):
        assert extract(f"Test\n\n{text}\n").events == [], text


def test_a_named_speaker_in_a_relative_clause_still_speaks():
    from tracker.extract import extract

    events = extract("Test\n\nLavrov, who accused the West of hypocrisy, spoke on Monday.\n").events
    assert [(e.type, [a.name for a in e.actors]) for e in events] == [
        ("criticism", ["Sergei Lavrov"])
    ]


def test_what_a_vetoed_resolution_would_have_condemned_is_not_condemned():
    from tracker.extract import extract

    def types(text):
        return [e.type for e in extract(f"Test\n\n{text}\n").events]

    assert types("Russia vetoed a UN Security Council resolution condemning the annexation.") == [
        "rejection"
    ]
    assert types("The Security Council adopted a resolution condemning the attack.") == [
        "criticism"
    ]


def test_an_act_refrained_from_or_stopped_short_of_is_not_told():
    for text in (
        "Uruguay's president Luis Lacalle Pou refrained from endorsing the declaration.",
        "Uruguay's president declined to endorse the declaration.",
        "Kenya stopped short of condemning Nigeria.",
        "Ghana abstained from condemning Togo.",
    ):
        assert [e for e in found(text) if e[0] in ("support", "criticism")] == [], text
    # declining itself is the act: a rejection
    assert found("Pakistan declined to attend the summit.")[0][:2] == ("rejection", "occurred")


def test_speech_acts_told_by_idioms_and_their_other_word_forms():
    kenya_at_nigeria = [("Kenya", "initiator"), ("Nigeria", "target")]
    for body, kind in [
        ("Kenya hit back at Nigeria on Monday.", "criticism"),
        ("Kenya fired back at Nigeria after the vote.", "criticism"),
        ("Kenya took a swipe at Nigeria in a speech.", "criticism"),
        ("Kenya expressed outrage at Nigeria's decision.", "criticism"),
        ("Kenya expressed its displeasure with Nigeria over the remarks.", "criticism"),
        ("Kenya railed against Nigeria's trade policies.", "criticism"),
        ("Kenya faulted Nigeria for the failure of the talks.", "criticism"),
        ("Kenya lodged a formal complaint with Nigeria over the arrests.", "criticism"),
        ("Kenya charged that Nigeria was arming the rebels.", "criticism"),
        ("Kenya is calling for Nigeria to withdraw its troops.", "demand"),
        ("Kenya pleaded with Nigeria to reopen the border.", "demand"),
        ("Kenya implored Nigeria to end the shelling.", "demand"),
        ("Kenya is rejecting Nigeria's proposal.", "rejection"),
        ("Kenya snubbed Nigeria's offer of talks.", "rejection"),
        ("Kenya brushed aside Nigeria's demands.", "rejection"),
        ("Kenya repudiated the border treaty with Nigeria.", "rejection"),
        ("Kenya said no to Nigeria's plan.", "rejection"),
        ("Kenya threw its weight behind Nigeria's bid.", "support"),
    ]:
        got = found(body)
        assert (kind, "occurred", kenya_at_nigeria) in got, body
    # the noun of a refusal or a rejection names its author and the one refused
    assert ("rejection", "occurred", kenya_at_nigeria) in found(
        "Kenya's refusal to meet Nigeria angered the region.")
    assert ("rejection", "occurred", kenya_at_nigeria) in found(
        "Kenya's rejection of Nigeria's offer surprised observers.")


def test_a_drive_or_a_funding_appeal_is_no_demand_at_anyone():
    # "push for" and "appeal for" read as nouns: no one is asked
    assert found("The visit comes as Kenya steps up its push for trade ties with Nigeria.") == []


def test_a_quote_saying_what_a_party_must_do_is_its_speakers_demand():
    assert found('"Nigeria must withdraw its troops at once," Kenya\'s foreign minister said.') == [
        ("demand", "occurred", [("Kenya", "initiator"), ("Nigeria", "target")])
    ]
    assert found('"Nigeria needs to answer for this," said Kenyan President William Ruto.') == [
        ("demand", "occurred", [("William Ruto", "initiator"), ("Nigeria", "target")])
    ]
    # what "we" or "they" must do names no party asked
    assert found('"We must stand together," Ruto said.') == []


def test_a_judgement_reads_through_a_list_of_what_is_judged():
    kenya_at_nigeria = [("Kenya", "initiator"), ("Nigeria", "target")]
    assert found("Kenya said it regarded Nigeria's statements and actions as a declaration of "
                 "war.") == [("criticism", "occurred", kenya_at_nigeria)]
    assert found("Kenya described the Nigerian tariffs and quotas as unjustified.") == [
        ("criticism", "occurred", kenya_at_nigeria)
    ]
    # a word of praise after the list is no judgement of it
    assert found("Kenya described the talks and the visit as useful.") == []


def test_it_after_a_second_verb_that_addresses_a_party_is_the_party_addressed_before():
    assert found("Kenya condemned Nigeria's decision and urged it to reopen the border.") == [
        ("criticism", "occurred", [("Kenya", "initiator"), ("Nigeria", "target")]),
        ("demand", "occurred", [("Kenya", "initiator"), ("Nigeria", "target")]),
    ]
    assert ("demand", "occurred", [("Kenya", "initiator"), ("Nigeria", "target")]) in found(
        "Kenya criticised Nigeria's decision, and called on it to reverse course.")
    # "it" for a thing, with no party named before the verb but the subject: no party
    assert found("Kenya welcomed the plan and urged it to be adopted.")[-1] == (
        "demand", "occurred", [("Kenya", "initiator")]
    )


def test_a_plan_or_measure_named_with_its_possessor_is_the_possessors_act():
    assert found("Nigeria rejected Kenya's proposal.") == [
        ("rejection", "occurred", [("Nigeria", "initiator"), ("Kenya", "target")]),
        ("proposal", "proposed", [("Kenya", "initiator"), ("Nigeria", "target")]),
    ]
    # the one who condemns them did not impose the sanctions
    assert ("sanctions", "occurred", [("Kenya", "initiator"), ("Uganda", "target")]) in found(
        "Nigeria condemned Kenya's sanctions on Uganda.")
    # an attack condemned is still told as an attack
    assert ("military", "occurred", [("Kenya", "initiator"), ("Uganda", "target")]) in found(
        "Nigeria condemned Kenya's invasion of Uganda.")


def test_insisting_that_a_party_do_something_asks_it_and_insisting_that_it_did_only_claims():
    assert found("Kenya insisted that Nigeria also release the detained traders.") == [
        ("demand", "occurred", [("Kenya", "initiator"), ("Nigeria", "target")])
    ]
    assert found("Kenya insisted that Nigeria had released the detained traders.") == []


def test_a_day_between_called_and_for_still_calls_for():
    assert found("The Arab League called Saturday for the UN Security Council to impose a "
                 "no-fly zone over Libya.") == [
        ("demand", "occurred", [("Arab League", "initiator"),
                                ("United Nations Security Council", "target")])
    ]
