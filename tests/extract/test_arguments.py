"""Layer 3 (tracker/extract/arguments.py): who acts, at whom; here the clause without a subject
of its own and "agree" with an infinitive (one party's resolve)."""

import datetime as dt

import pytest

from tests.extract_helpers import read_body
from tracker.extract import extract
from tracker.extract.actors import ArticleMemory, base_index, find_mentions
from tracker.extract.arguments import SentenceMentions, agreed_to_act, subjectless
from tracker.extract.clauses import Clauses
from tracker.extract.events import Trigger
from tracker.extract.tokens import tokenize


def trigger(lows: list[str], word: str, event_type: str) -> Trigger:
    k = lows.index(word)
    return Trigger(event_type, None, 1.0, k, k + 1)


@pytest.mark.parametrize(
    ("text", "is_subjectless"),
    [
        ("Despite having spoken with Biden before the invasion , Putin attacked", True),
        ("Speaking with Biden on Monday , Putin said nothing", True),
        ("Despite Putin having spoken with Biden , Russia attacked", False),  # its own subject
        ("Putin spoke with Biden on Monday", False),  # not a participle clause
    ],
)
def test_subjectless(text, is_subjectless):
    tokens = tokenize(text)
    lows = [t.low for t in tokens]
    mentions = find_mentions(tokens, base_index(), ArticleMemory.for_article(text))
    sm = SentenceMentions(tokens, mentions, Clauses(tokens), lows)
    word = next(w for w in lows if w in ("spoken", "speaking", "spoke"))
    assert subjectless(lows, 0, trigger(lows, word, "call"), sm) is is_subjectless


@pytest.mark.parametrize(
    ("text", "resolve"),
    [
        ("OPEC+ agreed to cut output", True),
        ("OPEC+ agreed on Wednesday to cut output", True),
        ("Armenia agreed to a truce", False),  # an accord
        ("Armenia agreed to the terms", False),
        ("Armenia and Azerbaijan agreed on a truce", False),
        ("Russia signed to cut output", False),  # not "agree"
    ],
)
def test_agreed_to_act(text, resolve):
    lows = [t.low for t in tokenize(text)]
    word = next(w for w in lows if w in ("agreed", "signed"))
    assert agreed_to_act(lows, trigger(lows, word, "agreement")) is resolve


@pytest.mark.parametrize(
    "text",
    [
        "Putin's official visit to Japan has been cancelled.",
        "Putin's state visit to Japan was cancelled.",
    ],
)
def test_a_title_word_before_an_act_is_an_adjective_not_a_person(text):
    (visit,) = extract("Test\n\n" + text, published=dt.date(2024, 5, 15)).events
    assert {a.name for a in visit.actors} == {"Vladimir Putin", "Japan"}


def test_a_title_after_a_possessor_still_names_someone_else():
    (demand,) = extract(
        "Test\n\nPutin's special envoy urged Ukraine to negotiate.", published=dt.date(2024, 5, 15)
    ).events
    assert "Vladimir Putin" not in {a.name for a in demand.actors}


def test_who_reports_a_meeting_is_no_party_to_it():
    (visit,) = extract(
        "Test\n\nRussian President Vladimir Putin will visit Paris next week, Kremlin "
        "spokesman Dmitry Peskov said.",
        published=dt.date(2016, 10, 11),
    ).events
    assert "Dmitry Peskov" not in {a.name for a in visit.actors}


def test_who_reports_a_measure_of_his_state_is_still_named():
    (measure,) = extract(
        "Test\n\nRussia has suspended the grain deal, Foreign Minister Sergei Lavrov said.",
        published=dt.date(2023, 7, 17),
    ).events
    assert "Sergei Lavrov" in {a.name for a in measure.actors}


def test_who_condemns_an_attack_did_not_carry_it_out():
    found = extract(
        "Test\n\nBiden on Monday condemned Sunday's attack.", published=dt.date(2021, 2, 10)
    ).events
    assert all(e.type != "military" or "Joe Biden" not in {a.name for a in e.actors} for e in found)
    found = extract(
        "Test\n\nThe EU condemned Russia's attack on Ukraine.", published=dt.date(2022, 2, 25)
    ).events
    (attack,) = [e for e in found if e.type == "military"]
    assert [a.name for a in attack.actors] == ["Russia", "Ukraine"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The resolution was vetoed by Russia.", [("Russia", "initiator")]),
        (
            "Sanctions were imposed on Iran by the European Union on Monday.",
            [("European Union", "initiator"), ("Iran", "target")],
        ),
        (
            "New sanctions imposed by the United States on Iran took effect.",
            [("United States", "initiator"), ("Iran", "target")],
        ),
        ("The drone was shot down by a Turkish fighter.", [("Turkey", "initiator")]),
        # a participle of another verb is no passive of the trigger
        (
            "Russia refused to extend the deal brokered by the United Nations and Turkey.",
            [("Russia", "initiator"), ("United Nations", "target"), ("Turkey", "target")],
        ),
    ],
)
def test_the_agent_of_a_passive_is_the_initiator(text, expected):
    (event,) = extract("Test\n\n" + text, published=dt.date(2024, 10, 23)).events
    assert [(a.name, a.role) for a in event.actors] == expected


def test_meeting_separately_with_several_is_one_meeting_with_each():
    found = extract(
        "Test\n\nChinese Foreign Minister Wang Yi on Saturday met separately with Pakistani "
        "Foreign Minister Shah Mahmood Qureshi and Afghan Foreign Minister Salahuddin Rabbani.",
        published=dt.date(2019, 9, 8),
    ).events
    assert [[a.name for a in e.actors] for e in found] == [
        ["Wang Yi", "Shah Mahmood Qureshi"],
        ["Wang Yi", "Salahuddin Rabbani"],
    ]


def test_calls_to_several_leaders_are_one_call_with_each():
    found = extract(
        "Test\n\nPresident Donald Trump made telephone calls to the leaders of Canada and "
        "Mexico on Saturday.",
        published=dt.date(2017, 1, 24),
    ).events
    assert [[a.name for a in e.actors] for e in found] == [
        ["Donald Trump", "Canada"],
        ["Donald Trump", "Mexico"],
    ]


def test_visits_of_one_tour_stay_one_trip():
    (event,) = extract(
        "Test\n\nForeign Minister Bilawal Bhutto Zardari postponed his official visits to "
        "Germany, Denmark and Sweden.",
        published=dt.date(2022, 8, 21),
    ).events
    assert [a.name for a in event.actors] == [
        "Bilawal Bhutto Zardari", "Germany", "Denmark", "Sweden"
    ]


def test_the_party_an_act_noun_comes_from_does_it():
    (request,) = extract(
        "Test\n\nTrump delayed the tariffs following a request from European Commission "
        "President Ursula von der Leyen.",
        published=dt.date(2025, 5, 26),
    ).events[-1:]
    assert (request.type, [(a.name, a.role) for a in request.actors]) == (
        "demand", [("Ursula von der Leyen", "initiator"), ("Donald Trump", "target")]
    )
    (aid,) = extract("Test\n\nSyria received aid from Japan on Monday.",
                     published=dt.date(2023, 2, 8)).events
    assert [(a.name, a.role) for a in aid.actors] == [("Japan", "initiator"), ("Syria", "target")]
    (pullout,) = extract("Test\n\nThe United States withdrew from the deal with Iran.",
                         published=dt.date(2018, 5, 9)).events
    assert pullout.actors[0].name == "United States"


def test_the_speaker_named_after_a_quote_with_a_title_speaks_for_the_act():
    (event,) = extract(
        'Test\n\n"We demand their immediate release," French Foreign Minister Catherine '
        "Colonna said.",
        published=dt.date(2023, 1, 28),
    ).events
    assert (event.type, [(a.name, a.role) for a in event.actors][:1]) == (
        "demand", [("Catherine Colonna", "initiator")]
    )


def test_who_briefs_others_on_strikes_did_not_strike():
    found = extract(
        "Test\n\nDeputy PM Ishaq Dar briefed the ambassadors on the Indian strikes in Pakistan.",
        published=dt.date(2025, 5, 7),
    ).events
    (strikes,) = [e for e in found if e.type == "military"]
    assert [a.name for a in strikes.actors] == ["India", "Pakistan"]


def test_an_ing_act_after_a_linking_preposition_is_the_clause_subjects():
    (accusation,) = [e for e in extract(
        "Test\n\nThe U.S. and other countries withdrew recognition of Maduro after accusing him "
        "of rigging his most recent reelection.",
        published=dt.date(2021, 10, 16),
    ).events if e.type == "criticism"]  # (withdrawing recognition is a rejection besides)
    assert [(a.name, a.role) for a in accusation.actors] == [
        ("United States", "initiator"), ("Nicolas Maduro", "target")
    ]


def test_an_unnamed_official_of_a_state_brings_the_state_to_the_table():
    (visit,) = extract(
        "Test\n\nSir Keir Starmer will meet Denmark's prime minister on Tuesday.",
        published=dt.date(2026, 1, 20),
    ).events
    assert [a.name for a in visit.actors] == ["Keir Starmer", "Denmark"]
    found = extract(
        "Test\n\nSir Keir Starmer will meet Denmark's prime minister a day after Donald Trump "
        "backed down.",
        published=dt.date(2026, 1, 20),
    ).events
    assert [a.name for a in found[0].actors] == ["Keir Starmer", "Denmark"]
    # a named official is the party; a person's envoy is someone else
    (demand,) = extract(
        "Test\n\nPutin's special envoy urged Ukraine to negotiate.", published=dt.date(2024, 5, 15)
    ).events
    assert "Vladimir Putin" not in {a.name for a in demand.actors}


def test_leaders_from_a_state_stand_for_it():
    (meeting,) = extract(
        "Test\n\nIn July, Trump met with leaders from Gabon, Liberia and Mauritania.",
        published=dt.date(2025, 7, 20),
    ).events
    assert [a.name for a in meeting.actors] == ["Donald Trump", "Gabon", "Liberia", "Mauritania"]
    (meeting,) = extract(
        "Test\n\nQin Gang held a meeting with officials from Russia, Sri Lanka and Vietnam.",
        published=dt.date(2023, 6, 25),
    ).events
    assert [a.name for a in meeting.actors] == ["Qin Gang", "Russia", "Sri Lanka", "Vietnam"]


def test_forces_withdrawn_from_a_place_leave_it_a_place():
    found = extract(
        "Test\n\nThe United States withdrew its forces from Afghanistan on Monday.",
        published=dt.date(2021, 8, 30),
    ).events
    assert all("Afghanistan" not in {a.name for a in e.actors} for e in found)


def test_his_in_an_opening_phrase_is_the_titled_subject_after_its_comma():
    found = extract(
        "Test\n\nDuring his meeting with Chinese President Xi Jinping on Wednesday, Prime "
        "Minister (PM) Narendra Modi welcomed the agreement.",
        published=dt.date(2024, 10, 23),
    ).events
    (meeting,) = [e for e in found if e.type == "meeting"]
    assert {a.name for a in meeting.actors} == {"Narendra Modi", "Xi Jinping"}


@pytest.mark.parametrize(
    "text",
    [
        "In 2019, China blocked shipments from two major Canadian exporters.",
        "In February, New Delhi granted a $500 million loan to Sri Lanka.",
    ],
)
def test_a_name_after_an_opening_time_is_the_subject_not_a_place(text):
    (event,) = extract("Test\n\n" + text, published=dt.date(2022, 5, 2)).events
    assert event.actors[0].role == "initiator" and len(event.actors) == 2


def test_the_last_of_a_list_after_and_the_is_listed():
    found = extract(
        "Test\n\nIsrael and Hamas agreed to a truce following intensive mediation by Qatar, "
        "Egypt, and the United States.",
        published=dt.date(2025, 1, 15),
    ).events
    (talks,) = [e for e in found if e.type == "talks"]
    assert {"Qatar", "Egypt", "United States"} <= {a.name for a in talks.actors}


def test_a_participle_clause_goes_on_with_a_coordinated_subject():
    # (tariffs on each other's exports: one act each way, see the test of mutual measures)
    events = extract(
        "Test\n\nThe US and China are locked in a trade war, imposing tariffs on each other's "
        "exports.",
        published=dt.date(2019, 6, 18),
    ).events
    assert [[a.name for a in e.actors] for e in events] == [
        ["United States", "China"], ["China", "United States"]]


def test_a_speech_act_after_a_call_is_said_to_whom_was_called():
    found = extract(
        "Test\n\nPresident Barack Obama called Netanyahu and commended the decision; Obama also "
        "spoke with Egyptian president Mohammed Morsi and thanked him for his efforts.",
        published=dt.date(2012, 11, 22),
    ).events
    calls = [[a.name for a in e.actors] for e in found if e.type == "call"]
    assert calls == [["Barack Obama", "Benjamin Netanyahu"], ["Barack Obama", "Mohamed Morsi"]]
    support = [[(a.name, a.role) for a in e.actors] for e in found if e.type == "support"]
    assert support == [
        [("Barack Obama", "initiator"), ("Benjamin Netanyahu", "target")],
        [("Barack Obama", "initiator"), ("Mohamed Morsi", "target")],
    ]
    # a name after the verb is its own object, even one not known as an actor
    found = extract(
        "Test\n\nPrime Minister Pedro Sanchez visited Beijing in September and urged the "
        "Commission to reconsider.",
        published=dt.date(2024, 10, 5),
    ).events
    (demand,) = [e for e in found if e.type == "demand"]
    assert "China" not in {a.name for a in demand.actors}


def test_small_states_are_known_parties():
    (meeting,) = extract(
        "Test\n\nTrump met with leaders from Gabon, Guinea-Bissau, Liberia, and Mauritania.",
        published=dt.date(2025, 7, 20),
    ).events
    assert [a.name for a in meeting.actors] == [
        "Donald Trump", "Gabon", "Guinea-Bissau", "Liberia", "Mauritania"
    ]
    (aid,) = extract(
        "Test\n\nAustralia, Nauru, PNG, Samoa and Solomon Islands gave financial assistance.",
        published=dt.date(2016, 2, 26),
    ).events
    assert [a.name for a in aid.actors] == [
        "Australia", "Nauru", "Papua New Guinea", "Samoa", "Solomon Islands"
    ]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        (
            "The State of Kuwait, on behalf of the GCC States, has declared support for "
            "Malaysia's nomination.",
            "Kuwait",
        ),
        ("Ambassador of China to Pakistan Jiang Zaidong called on FM Ishaq Dar on Friday.",
         "China"),
    ],
)
def test_a_state_named_by_of_after_a_state_word_or_envoy_is_a_party(text, party):
    (event,) = extract("Test\n\n" + text, published=dt.date(2025, 5, 9)).events
    assert party in {a.name for a in event.actors}


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Cameron pledged $1.75 billion in aid to Syrian refugees.", "Syria"),
    ],
)
def test_a_states_refugees_stand_for_it(text, target):
    (event,) = extract("Test\n\n" + text, published=dt.date(2016, 2, 4)).events
    assert target in {a.name for a in event.actors}


def test_a_capital_named_after_a_comma_is_still_a_place():
    (talks,) = extract(
        "Test\n\nSouth Sudan and the rebels have for three weeks been negotiating in the "
        "Ethiopian capital, Addis Ababa, under IGAD mediation.",
        published=dt.date(2014, 1, 23),
    ).events
    assert "Ethiopia" not in {a.name for a in talks.actors}


def test_a_declined_invitation_to_a_hosted_summit_is_turned_down_to_the_host():
    (event,) = extract(
        "Test\n\nPakistan has declined an invitation to the US-hosted so-called \u201cSummit for "
        "Democracy,\u201d a conference that Russia and China have warned will create new rifts.",
        published=dt.date(2021, 12, 9),
    ).events
    assert (event.type, [(a.name, a.role) for a in event.actors]) == (
        "rejection", [("Pakistan", "initiator"), ("United States", "target")]
    )


def test_whom_a_party_writes_to_is_the_target_of_what_it_proposes():
    found = extract(
        "Test\n\nZelensky said he had written to Erdogan and Guterres proposing to continue the "
        "initiative.",
        published=dt.date(2023, 7, 18),
    ).events
    (proposal,) = [e for e in found if e.type == "proposal"]
    assert [(a.name, a.role) for a in proposal.actors] == [
        ("Volodymyr Zelenskyy", "initiator"),
        ("Recep Tayyip Erdogan", "target"),
        ("Antonio Guterres", "target"),
    ]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Guterres said he had sent a letter to President Vladimir Putin last week with "
            "proposals to keep the initiative alive.",
            "Vladimir Putin",
        ),
        (
            "Turkey's President Recep Tayyip Erdogan assured President Petro Poroshenko that "
            "Turkey firmly supports the territorial integrity of Ukraine.",
            "Petro Poroshenko",
        ),
    ],
)
def test_whom_a_speaker_writes_to_or_tells_is_a_target(text, target):
    found = extract("Test\n\n" + text, published=dt.date(2023, 7, 18)).events
    assert (target, "target") in {(a.name, a.role) for e in found for a in e.actors}


def test_the_author_of_a_vetoed_resolution_is_its_target_and_its_content_is_not():
    (veto,) = extract(
        "Test\n\nRussia vetoed a French-drafted United Nations Security Council resolution on "
        "Syria.",
        published=dt.date(2016, 10, 11),
    ).events
    assert [(a.name, a.role) for a in veto.actors] == [
        ("Russia", "initiator"), ("France", "target")
    ]



def test_the_speaker_of_a_quoted_speech_act_says_it():
    text = (
        "Test\n\n\u201cIt is time for every nation to condemn Iran\u2019s raids on Iraq and "
        "Syria\u2019s silence,\u201d Foreign Minister Ana Ostrander said on Monday.\n"
    )
    [criticism] = [e for e in extract(text, published=dt.date(2024, 3, 6)).events
                   if e.type == "criticism"]
    assert ("Ana Ostrander", "initiator") in [(a.name, a.role) for a in criticism.actors]
    # a relative clause's "which X said" tells no speaker of the act
    text = (
        "Test\n\nChile condemned the strikes on Peru, which President Ana Ostrander said "
        "were legal.\n"
    )
    [criticism] = [e for e in extract(text, published=dt.date(2024, 3, 6)).events
                   if e.type == "criticism"]
    assert "Ana Ostrander" not in [a.name for a in criticism.actors]


def test_a_participle_clause_goes_on_with_the_acting_subject_not_a_possessor():
    text = (
        "Test\n\nLula's remarks came a day after the EU condemned the Chilean offensive, "
        "calling on Santiago to halt it.\n"
    )
    [demand] = [e for e in extract(text, published=dt.date(2024, 3, 6)).events
                if e.type == "demand"]
    assert [(a.name, a.role) for a in demand.actors] == [
        ("European Union", "initiator"), ("Chile", "target")
    ]


def test_who_reports_a_meeting_of_others_before_it_is_no_party():
    text = (
        "Test\n\nState Department spokeswoman Ana Ostrander said Blinken was looking forward "
        "to travelling to Kenya.\n"
    )
    [meeting] = [e for e in extract(text, published=dt.date(2024, 3, 6)).events
                 if e.type == "meeting"]
    assert [a.name for a in meeting.actors] == ["Antony Blinken", "Kenya"]
    # but the speaker of their own side's readiness is one
    text = (
        "Test\n\nArmenian Foreign Minister Ana Ostrander said the government was ready to meet "
        "Azerbaijan.\n"
    )
    [meeting] = [e for e in extract(text, published=dt.date(2024, 3, 6)).events
                 if e.type in ("meeting", "talks")]
    assert "Ana Ostrander" in [a.name for a in meeting.actors]


def test_what_caused_an_act_names_no_party_of_it():
    text = (
        "Test\n\nForeign Minister Ana Ostrander has postponed her visit to Kenya due to the "
        "illness of her Kenyan counterpart Joseph Okello.\n"
    )
    [meeting] = [e for e in extract(text, published=dt.date(2024, 3, 6)).events
                 if e.type == "meeting"]
    assert [a.name for a in meeting.actors] == ["Ana Ostrander", "Kenya"]


def test_the_two_countries_in_a_demand_between_two_leaders_add_no_parties():
    text = (
        "Test\n\nKenyan President William Ruto spoke with Ugandan President Yoweri Museveni on "
        "Monday. Ruto stressed to Museveni that the two countries should resolve their dispute "
        "through dialogue.\n"
    )
    [demand] = [e for e in extract(text, published=dt.date(2024, 3, 6)).events
                if e.type == "demand"]
    assert [a.name for a in demand.actors] == ["William Ruto", "Yoweri Museveni"]


@pytest.mark.parametrize(
    ("sentence", "owned"),
    [
        # a plan answered names its owner's proposal, aimed at whoever answers it
        ("Kenya rejected an African Union peace plan on Monday.",
         ("proposal", "proposed", ["African Union", "Kenya"])),
        ("Sudan rejected a proposal by South Africa to meet with the experts.",
         ("proposal", "proposed", ["South Africa", "Sudan"])),
        # a measure or a deal named as what the head asks about, by its owner's pronoun
        ("Mexico has been pushing the United States to end its embargo on Cuba.",
         ("sanctions", "occurred", ["United States", "Cuba"])),
        ("Germany urged Turkey to scrap its pact with Russia.",
         ("agreement", "occurred", ["Turkey", "Russia"])),
        ("Poland called on Germany to heed Ukraine's requests for weapons.",
         ("demand", "occurred", ["Ukraine"])),
    ],
)
def test_an_owned_act_named_inside_another_act_is_told_too(sentence, owned):
    events = extract(f"Test\n\n{sentence}\n", published=dt.date(2024, 3, 6)).events
    assert len(events) == 2
    assert (events[1].type, events[1].status, [a.name for a in events[1].actors]) == owned


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia rejected its own peace plan on Monday.",  # the speaker's own plan
        "Turkey demanded that Sweden lift its restrictions on arms sales.",  # on goods
        "Venezuela praised the Barbados accord.",  # where the deal was made
        "Russia scuppered the UN-backed agreement.",  # who backed it
        "Kenya criticised an African Union peace plan.",  # no answer to the plan
    ],
)
def test_no_owned_act_without_an_owner_apart_from_the_speaker(sentence):
    events = extract(f"Test\n\n{sentence}\n", published=dt.date(2024, 3, 6)).events
    assert len(events) <= 1


def test_a_meeting_of_others_in_a_clause_of_its_own_is_another_meeting():
    text = (
        "Test\n\nForeign Secretary Subrahmanyam Jaishankar has met Vice President Mike Pence, "
        "and NSA Ajit Doval had a meeting with national security adviser Michael Flynn.\n"
    )
    events = extract(text, published=dt.date(2024, 3, 6)).events
    meetings = [[a.name for a in e.actors] for e in events if e.type == "meeting"]
    assert meetings == [["Subrahmanyam Jaishankar", "Mike Pence"], ["Ajit Doval", "Michael Flynn"]]


@pytest.mark.parametrize(
    "sentence",
    [
        # the same leader meets again: his trip's meeting, not others meeting
        "Putin met Xi in Beijing, and Xi held talks with Modi in Delhi.",
        # a party named after the link that only modifies the act
        "North Korea proposed holding talks in Kaesong and holding Red Cross dialogue in Munsan.",
    ],
)
def test_no_other_meeting_without_a_new_subject_and_new_parties(sentence):
    events = extract(f"Test\n\n{sentence}\n", published=dt.date(2024, 3, 6)).events
    assert len([e for e in events if e.type in ("meeting", "talks")]) == 1


def test_an_act_set_before_another_has_parties_and_a_time_of_its_own():
    text = (
        "Test\n\nThe delegations from the US and China will hold talks ahead of a meeting "
        "between President Donald Trump and President Xi Jinping.\n"
    )
    events = extract(text, published=dt.date(2024, 3, 6)).events
    assert [(e.type, e.status, [a.name for a in e.actors]) for e in events] == [
        ("talks", "planned", ["United States", "China"]),
        ("meeting", "planned", ["Donald Trump", "Xi Jinping"]),
    ]


@pytest.mark.parametrize(
    ("sentence", "told"),
    [
        ("The US and China are locked in a trade war, imposing tariffs and counter-tariffs on "
         "each other's exports.",
         [["United States", "China"], ["China", "United States"]]),
        ("Russia and Ukraine imposed tit-for-tat sanctions on Monday.",
         [["Russia", "Ukraine"], ["Ukraine", "Russia"]]),
        # measures of one side: one act
        ("The United States imposed sanctions on Russia.", [["United States", "Russia"]]),
    ],
)
def test_measures_two_sides_take_against_each_other_are_one_act_each_way(sentence, told):
    events = extract(f"Test\n\n{sentence}\n", published=dt.date(2024, 3, 6)).events
    assert [[a.name for a in e.actors] for e in events if e.type == "sanctions"] == told


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        ("After speaking with Putin by phone, Macron said the talks were useful.",
         ["Emmanuel Macron", "Vladimir Putin"]),
        # past an appositive of the other party
        ("After having a telephone conversation with the President of the United States, "
         "Joe Biden, President Andrés Manuel López Obrador announced a visit.",
         ["Andrés Manuel López Obrador", "Joe Biden"]),
    ],
)
def test_a_fronted_participle_clause_acts_with_the_main_clauses_subject(sentence, parties):
    events = extract(f"Test\n\n{sentence}\n", published=dt.date(2024, 3, 6)).events
    assert [a.name for a in events[0].actors][:2] == parties


def _actors(text):
    return [
        (e.type, [(a.name, a.role) for a in e.actors])
        for e in extract(f"Test\n\n{text}\n", published=dt.date(2024, 3, 6)).events
    ]


def test_an_enumeration_with_a_comma_before_and_is_one_subject():
    assert _actors("Chile, Peru, and Bolivia condemned Venezuela.") == [
        ("criticism", [("Chile", "initiator"), ("Peru", "initiator"), ("Bolivia", "initiator"),
                       ("Venezuela", "target")])
    ]
    # a clause of its own after ", and": its subject alone acts
    crit = [e for e in _actors("Russia threatened Georgia, Moldova, and Ukraine condemned Moscow.")
            if e[0] == "criticism"]
    assert crit == [("criticism", [("Ukraine", "initiator"), ("Russia", "target")])]


def test_whom_a_giver_provides_with_aid_receives_it():
    assert _actors("The US will provide Kenya with major military and humanitarian aid.") == [
        ("aid", [("United States", "initiator"), ("Kenya", "target")])
    ]


def test_what_an_act_is_put_on_is_its_target():
    assert _actors("The EU placed Kenya's central bank under sanctions.") == [
        ("sanctions", [("European Union", "initiator"), ("Kenya", "target")])
    ]


def test_the_party_qualifying_a_sanctions_noun_imposes_them():
    from tracker.extract import extract

    text = "Test\n\nIran's move was in response to US sanctions imposed after the withdrawal.\n"
    events = extract(text).events
    assert [(e.type, [(a.name, a.role) for a in e.actors]) for e in events] == [
        ("sanctions", [("United States", "initiator"), ("Iran", "target")])
    ]


def test_talks_cancelled_over_a_states_sanctions_name_it_as_their_author():
    from tracker.extract import extract

    text = (
        "Test\n\nRussia's minister cancelled talks over a new round of U.S. sanctions "
        "against Russia.\n"
    )
    sanctions = [e for e in extract(text).events if e.type == "sanctions"]
    assert [(a.name, a.role) for a in sanctions[0].actors] == [
        ("United States", "initiator"), ("Russia", "target"),
    ]


def test_who_is_quoted_as_saying_a_meeting_was_offered_is_no_party_to_it():
    from tracker.extract import extract

    text = (
        "Test\n\nThe agency quoted Lavrov as saying that Trump had invited Putin to the "
        "White House.\n"
    )
    events = extract(text).events
    assert [(e.type, [a.name for a in e.actors]) for e in events] == [
        ("meeting", ["Donald Trump", "Vladimir Putin"])
    ]


def test_the_subject_after_an_opening_phrase_acts_alone_even_with_its_title():
    from tracker.extract import extract

    text = (
        "Test\n\nAhead of the state visit of Prime Minister Pushpa Kamal Dahal to India, "
        "Nepal's Foreign Minister Prakash Sharan Mahat will travel to New Delhi on Sunday.\n"
    )
    events = extract(text).events
    assert [a.name for a in events[0].actors] == ["Prakash Sharan Mahat", "India"]


def test_a_visit_by_someone_is_the_visitors_and_the_hosts():
    from tracker.extract import extract

    text = (
        "Test\n\nBiden and Xi spoke on Thursday amid rising tensions over a possible visit to "
        "Taiwan by House Speaker Nancy Pelosi.\n"
    )
    meeting = [e for e in extract(text).events if e.type == "meeting"]
    assert [a.name for a in meeting[0].actors] == ["Nancy Pelosi", "Taiwan"]


def test_as_with_a_pronoun_subject_ends_the_acts_parties():
    # "as it negotiates with ...": a clause of its own; its parties are not the aid's
    assert _actors("Canada pledged aid to Haiti as it negotiates with the United States.") == [
        ("aid", [("Canada", "initiator"), ("Haiti", "target")])
    ]
    # "as" with no subject of its own ends nothing: "as well as"
    (found,) = _actors("Canada pledged aid to Haiti as well as Cuba.")
    assert [name for name, _ in found[1]] == ["Canada", "Haiti", "Cuba"]


def test_force_used_told_with_a_lone_person_is_no_military_act_of_theirs():
    def military(body):
        events = extract(f"Test\n\n{body}\n", published=dt.date(2018, 4, 14)).events
        return [[a.name for a in e.actors] for e in events if e.type == "military"]

    assert military("U.S. President Donald Trump announced the precision strikes on Friday.") == []
    assert military("British Prime Minister Theresa May said the limited strike aimed at "
                    "minimizing civilian casualties.") == []
    # but a coup told with the one who led it is his act
    assert military("Colonel Assimi Goita, who led the August coup, was sworn in.") == [
        ["Assimi Goita"]
    ]
    assert military("The United States launched strikes on Syria on Friday.") == [
        ["United States", "Syria"]
    ]


def test_who_reports_force_used_by_others_is_no_party_to_it():
    def roles(text):
        return [[(a.name, a.role) for a in e.actors] for e in read_body(text)
                if e.type == "military"]

    assert roles("Vietnam said that China attacked its vessels.") == [
        [("China", "initiator"), ("Vietnam", "target")]
    ]
    assert roles("The Pentagon said Israel struck Iran on Friday.") == [
        [("Israel", "initiator"), ("Iran", "target")]
    ]
    assert roles("Russia said its forces struck Ukrainian positions.") == [
        [("Russia", "initiator"), ("Ukraine", "target")]
    ]


def test_a_side_that_tells_of_force_used_on_its_own_criticises_the_user():
    found = [(e.type, [(a.name, a.role) for a in e.actors])
             for e in read_body("Kiev said a Russian jet had shot down one of its warplanes.")]
    assert found == [
        ("military", [("Russia", "initiator"), ("Ukraine", "target")]),
        ("criticism", [("Ukraine", "initiator"), ("Russia", "target")]),
    ]
    # a third party's report of force is no complaint
    assert [e.type for e in read_body("The Pentagon said Israel struck Iran on Friday.")] == [
        "military"
    ]
