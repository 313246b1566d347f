"""Rules found by reading the extractor's output on untagged news (session 9): each test is a
sentence written for it, in the style of the wire copy that showed the fault."""

import datetime as dt

import pytest

from tests.extract_helpers import mention_names as names
from tests.extract_helpers import read_body


def events(text, published=dt.date(2019, 5, 13)):
    return [
        (e.type, e.status, [a.name for a in e.actors], e.when.start.isoformat() if e.when else None)
        for e in read_body(text, published)
    ]


def test_a_middle_initial_is_inside_the_name_and_not_in_the_canonical_one():
    assert names("Soviet leader Mikhail S. Gorbachev met President Bush.")[0] == "Mikhail Gorbachev"
    assert "John Kerry" in names("Ohio Senator John F. Kerry arrived in Kabul.")
    # an initial that ends the sentence is no middle initial
    assert names("The talks were held in Washington D.C.") == ["United States"]


def test_a_meeting_after_but_that_follows_a_called_off_one_is_another_act():
    got = events(
        "Secretary of State Mike Pompeo will cancel the Moscow leg of his trip, but will meet "
        "President Vladimir Putin in Sochi on Tuesday."
    )
    assert ("meeting", "cancelled") in [(t, s) for t, s, _, _ in got]
    planned = [e for e in got if e[1] == "planned"]
    assert planned and planned[0][0] == "meeting"
    assert {"Mike Pompeo", "Vladimir Putin"} <= set(planned[0][2])
    assert planned[0][3] == "2019-05-14"


def test_this_is_the_first_conversation_retells_the_call_just_told():
    got = events(
        "Modi and Trump held a telephonic conversation last evening. This is the first "
        "conversation between the two leaders since they met in Buenos Aires in November."
    )
    calls = [e for e in got if e[0] == "call"]
    assert len(calls) == 1
    assert calls[0][3] == "2019-05-12"  # "last evening": the day before publication


def test_a_first_visit_told_as_a_series_is_still_a_new_act():
    got = events("Obama paid the first visit by a U.S. president to Cuba since 1928.")
    assert [t for t, *_ in got] == ["meeting"]


def test_a_response_threatened_is_force_threatened():
    got = events("Iran warned of a crushing response if Israel attacked its nuclear sites.")
    assert [(t, s) for t, s, *_ in got] == [("military", "threatened")]
    assert got[0][2][:2] == ["Iran", "Israel"]
    got = events("North Korea vowed to retaliate against South Korea.")
    assert [(t, s, a) for t, s, a, _ in got] == [
        ("military", "threatened", ["North Korea", "South Korea"])
    ]


def test_a_response_threatened_to_a_measure_is_a_measure_threatened():
    got = events("China vowed to retaliate against U.S. tariffs on Chinese goods.")
    assert [(t, s) for t, s, *_ in got] == [("sanctions", "threatened")]
    assert got[0][2][0] == "China"


def test_a_warning_given_in_response_threatens_nothing():
    got = events("Iran summoned the Swiss envoy in response to the sanctions.")
    assert all(t != "military" for t, *_ in got)


def test_he_after_an_unnamed_official_is_not_a_person_of_an_earlier_sentence():
    got = events(
        "The EU postponed the visit of its foreign policy chief Federica Mogherini to Minsk. "
        "Russia's deputy foreign minister said he has cancelled upcoming talks with the U.S. "
        "undersecretary of state."
    )
    talks = [e for e in got if e[0] == "talks"]
    assert talks and "Federica Mogherini" not in talks[0][2]
    assert talks[0][1] == "cancelled"


def test_a_body_the_gazetteer_does_not_know_is_named_by_its_capitals():
    got = events("The National Liberation Front of Tripura signed a peace accord with India.")
    assert got[0][:3] == (
        "agreement", "occurred", ["National Liberation Front of Tripura", "India"]
    )
    got = events("The Democratic Unionist Party criticised the British government.")
    assert got[0][2] == ["Democratic Unionist Party", "United Kingdom"]


def test_a_party_led_government_and_a_part_of_a_body_are_no_new_bodies():
    assert "Bharatiya Janata Party" not in names(
        "He aimed a potshot at the Bharatiya Janata Party (BJP)-led government."
    )
    assert "Standing Committee" not in names(
        "The Standing Committee of the National People's Congress met on Monday."
    )


def test_a_plan_set_off_by_commas_does_not_hide_what_became_of_it():
    for sentence, status in (
        ("A meeting of ministers from Japan and China, scheduled for Monday in Macau, has been "
         "postponed.", "postponed"),
        ("The meeting between Japan and China, originally set for Monday, has been called off.",
         "cancelled"),
        ("A summit between Japan and China, planned for next week, has been cancelled.",
         "cancelled"),
        ("A summit between Japan and China, planned for next week, will focus on trade.",
         "planned"),
    ):
        got = events(sentence, published=dt.date(2025, 11, 20))
        assert [(t, s) for t, s, *_ in got] == [("meeting", status)], sentence
    # the time it was set for stays its time
    got = events("The meeting between Japan and China, scheduled for Monday, was postponed.",
                 published=dt.date(2025, 11, 20))
    assert got[0][3] == "2025-11-24"


def test_coordinated_demonyms_before_plural_leaders_name_each_state():
    got = events("The German and Czech presidents cancelled their planned visits to Ukraine.")
    assert got[0][:2] == ("meeting", "cancelled")
    assert {"Germany", "Czech Republic", "Ukraine"} <= set(got[0][2])


def test_deciding_against_a_visit_calls_it_off():
    got = events("Later the president of Croatia decided against visiting Yalta.")
    assert [(t, s) for t, s, *_ in got] == [("meeting", "cancelled")]


def test_a_title_of_a_state_before_a_name_is_that_persons():
    assert "Mauricio Macri" in names("President of Argentina Mauricio Macri arrived in Delhi.")
    got = events("Minister of Foreign Affairs of Belarus Uladzimir Makey spoke on the phone with "
                 "US Secretary of State Mike Pompeo.")
    assert got[0][:3] == ("call", "occurred", ["Uladzimir Makey", "Mike Pompeo"])
    got = events("The Minister of Foreign Affairs of Belarus met the President of Russia.")
    assert got[0][2] == ["Belarus", "Russia"]


def test_the_states_president_is_the_one_titled_so_not_an_untitled_compatriot_named_later():
    got = events(
        "Chinese President Xi Jinping has arrived in Russia. On Monday he met Chinese Ambassador "
        "to Russia Li Hui. On July 4, the Chinese President will hold talks with Putin."
    )
    talks = [e for e in got if "Vladimir Putin" in e[2] and e[1] == "planned"]
    assert talks and "Xi Jinping" in talks[0][2] and "Li Hui" not in talks[0][2]


def test_a_number_with_group_marks_is_one_token():
    from tracker.extract.tokens import tokenize

    words = [t.text for t in tokenize("Saudi Arabia mobilised 150,000 troops and $1.5 billion.")]
    assert "150,000" in words and "1.5" in words
    # a date's comma is no group mark
    assert [t.text for t in tokenize("on June 5, 2020")] == ["on", "June", "5", ",", "2020"]


def test_money_made_available_and_rescue_teams_sent_are_aid():
    got = events("Germany has made €50,000 (about $60,600) available for Pakistan.")
    assert got[0][:3] == ("aid", "occurred", ["Germany", "Pakistan"])
    got = events("France is sending a rescue team for Pakistan.")
    assert got[0][0] == "aid" and got[0][2] == ["France", "Pakistan"]


def test_the_suspension_of_a_state_from_a_body_is_a_sanction():
    got = events("ECOWAS on Thursday announced the immediate suspension of Guinea from its "
                 "activities.")
    assert got[0][:3] == ("sanctions", "occurred", ["ECOWAS", "Guinea"])
    got = events("ECOWAS lifted the suspension of Guinea from the bloc.")
    assert got[0][:2] == ("sanctions", "cancelled")


def test_the_north_is_the_northern_state_told_before():
    got = events("Delegates from North Korea and the United States hoped to work out a protocol. "
                 "The North rejected the proposal.")
    assert ("rejection", "occurred") in [(t, s) for t, s, *_ in got]
    assert [a for t, _, a, _ in got if t == "rejection"][0][0] == "North Korea"
    assert "North Korea" not in names("The North Atlantic Treaty Organization met in Brussels.")


def test_a_ministry_spokesperson_retelling_the_ministrys_act_is_named_with_its_state():
    got = events(
        "Iran's Foreign Ministry has condemned a bill that the US Congress has passed on Hong "
        "Kong. In a statement on Monday, Foreign Ministry Spokesperson Seyyed Abbas Mousavi "
        "denounced the bill the US Congress has approved."
    )
    assert [t for t, *_ in got] == ["criticism"]
    assert got[0][2][:2] == ["Iran", "Seyyed Abbas Mousavi"]


def test_a_courtesy_call_is_a_meeting_and_its_reporter_no_party_to_talks():
    got = events("Foreign Minister Park Jin will pay a courtesy call on President Khurelsukh "
                 "Ukhnaa.")
    assert got[0][:2] == ("meeting", "planned")
    got = events("Park Jin will hold talks with his counterpart, Batmunkh Battsetseg, ministry "
                 "spokesperson Choi Young-sam said.")
    assert "Choi Young-sam" not in got[0][2]


def test_ties_restored_are_an_agreement_and_ties_broken_a_sanction():
    got = events("Venezuela and Colombia have restored full diplomatic relations.")
    assert got[0][:3] == ("agreement", "occurred", ["Venezuela", "Colombia"])
    got = events("Relations between Venezuela and Colombia were broken in 2019.")
    assert got[0][:3] == ("sanctions", "occurred", ["Venezuela", "Colombia"])
    assert got[0][3] == "2019-01-01"
    # an aim is no act: "a step toward restoring relations"
    got = events("Kishida called the plan a step toward restoring healthy relations with Seoul.")
    assert all(t != "agreement" for t, *_ in got)


def test_the_subjects_who_broker_a_deal_between_two_are_not_its_sides():
    got = events("Egypt and Qatar brokered a ceasefire between Israel and Hamas. Both sides "
                 "accused each other of violating the truce.")
    criticism = [a for t, _, a, _ in got if t == "criticism"]
    assert criticism == [["Israel", "Hamas"]]


def test_goods_and_bids_of_a_state_name_it():
    got = events("Beijing retaliated by imposing tariffs on Australian wine.")
    assert got[0][2] == ["China", "Australia"]
    got = events("Turkey threatened to block Sweden's NATO membership bid.")
    assert got[0][0] == "rejection" and got[0][2][:2] == ["Turkey", "Sweden"]


def test_a_leader_received_by_another_is_a_meeting_and_on_hold_is_put_off():
    got = events("Putin received Viktor Orban at the Kremlin.")
    assert got[0][:3] == ("meeting", "occurred", ["Vladimir Putin", "Viktor Orban"])
    got = events("Orban was received by Putin at the Kremlin.")
    assert got[0][0] == "meeting" and set(got[0][2]) == {"Vladimir Putin", "Viktor Orban"}
    assert all(t != "meeting" for t, *_ in events("Ukraine received Patriot systems from Germany."))
    got = events("The planned visit by Japan's prime minister to India has been put on hold.")
    assert got[0][:2] == ("meeting", "postponed")


def test_a_bodys_summit_that_will_be_held_is_planned():
    got = events("An ASEAN summit will be held in Vientiane from October 8 to 10.")
    assert got[0][:3] == ("meeting", "planned", ["ASEAN"])
    assert got[0][3] == "2019-10-08"


def test_his_after_an_unnamed_ambassador_is_not_a_person_of_an_earlier_sentence():
    got = events("Blinken met Wang Yi in Beijing. Seoul summoned the Chinese ambassador to "
                 "protest his remarks.")
    protest = [a for t, _, a, _ in got if t == "criticism"]
    assert protest and "Antony Blinken" not in protest[0] and "Wang Yi" not in protest[0]


def test_a_body_withdrawn_from_is_the_target_and_a_place_naming_a_text_no_party():
    got = events("Venezuela withdrew from the Organization of American States.")
    assert got[0][:3] == ("rejection", "occurred", ["Venezuela", "OAS"])
    got = events("The United States pulled out of the Paris climate agreement.")
    assert all("France" not in a for _, _, a, _ in got)
    assert "Belarus" not in names("Russia violated the Minsk agreements.")


def test_fire_exchanged_is_a_military_act_of_both():
    got = events("India and Pakistan exchanged fire along the Line of Control.")
    assert got[0][:3] == ("military", "occurred", ["India", "Pakistan"])


def test_a_wire_credit_after_the_dateline_names_no_party_and_on_the_phone_is_a_call():
    got = events("RIYADH, (UrduPoint / Pakistan Point News / WAM - 02nd Apr, 2020) Prince Faisal "
                 "bin Farhan, Minister of Foreign Affairs of Saudi Arabia, received a phone call "
                 "today from US Secretary of State Mike Pompeo.")
    assert got[0][0] == "call" and "Pakistan" not in got[0][2]
    got = events("King Abdullah II and Crown Prince Mohammed bin Salman on Wednesday exchanged "
                 "views on the phone on the latest developments in the region.")
    assert got[0][0] == "call"


def test_a_delegation_led_or_sent_to_a_party_is_a_visit():
    got = events("ECOWAS sent a high-level mission to Bamako.")
    assert got[0][:3] == ("meeting", "occurred", ["ECOWAS", "Mali"])


def test_what_two_leaders_also_discussed_is_more_of_their_meeting():
    got = events("Brazilian President Jair Bolsonaro met U.S. President Donald Trump at the White "
                 "House on Tuesday. The two leaders also discussed the crisis in Venezuela.")
    assert [t for t, *_ in got] == ["meeting"]


def test_remarks_called_very_bad_are_criticised():
    got = events('Biden called Putin a killer. Kremlin spokesman Dmitry Peskov said the remarks '
                 'were "very bad".')
    assert ("criticism", "occurred") in [(t, s) for t, s, *_ in got[1:]]
    assert [t for t, *_ in events("Biden met Putin. Peskov said the talks were not bad.")] == [
        "meeting"
    ]


def test_a_state_suspended_from_a_body_is_its_target():
    got = events("Mali was suspended from the African Union after the coup.")
    assert got[0][:3] == ("sanctions", "occurred", ["African Union", "Mali"])


def test_a_prisoner_swap_is_a_deal_and_frozen_funds_no_new_freeze():
    got = events("Iran and the United States completed a prisoner swap on Monday.")
    assert got[0][:3] == ("agreement", "occurred", ["Iran", "United States"])
    got = events("The deal also saw $6 billion in frozen Iranian funds transferred to Doha.")
    assert all(t != "sanctions" for t, *_ in got)


def test_a_request_to_someone_is_kept_beside_the_meeting_it_asks_for():
    got = events("Pakistan asked China to postpone Premier Li Qiang's visit to Islamabad.")
    assert [t for t, *_ in got] == ["demand", "meeting"]
    # without an addressee the request is the proposed meeting itself
    got = events("Erdogan had requested a meeting with Putin.")
    assert [(t, s) for t, s, *_ in got] == [("meeting", "proposed")]


def test_a_measure_weighed_is_proposed():
    got = events("The EU is weighing new sanctions on Iran over its drone supplies.")
    assert got[0][:3] == ("sanctions", "proposed", ["European Union", "Iran"])


def test_the_watchdog_is_the_body_told_and_a_failure_to_act_no_act():
    got = events("The IAEA issued a report in May. Tehran has accused the watchdog of paving the "
                 "way for the attacks.")
    assert ("criticism", ["Iran", "IAEA"]) in [(t, a) for t, _, a, _ in got]
    got = events("Iran suspended its cooperation with the IAEA, citing the watchdog's failure to "
                 "condemn the attacks.")
    assert [t for t, *_ in got] == ["rejection"]


def test_a_month_in_a_sentence_that_tells_nothing_past_is_the_nearest_one():
    got = events("Currently the most important event in our relations is President Trump's China "
                 "visit in November.", published=dt.date(2017, 9, 30))
    assert got[0][:2] == ("meeting", "planned") and got[0][3] == "2017-11-01"
    got = events("Biden and Xi met in November.", published=dt.date(2017, 9, 30))
    assert got[0][3] == "2016-11-01"


def test_a_visitor_welcomed_on_arrival_is_met_not_praised():
    got = events("Modi was welcomed by Xi at the airport.")
    assert got[0][0] == "meeting" and set(got[0][2]) == {"Narendra Modi", "Xi Jinping"}
    got = events("Biden welcomed the decision by Japan on his arrival.")
    assert [t for t, *_ in got] == ["support"]


def test_until_a_month_is_ahead_and_spared_from_duties_no_sanction():
    got = events("The European Union postponed its retaliatory tariffs on US steel until "
                 "mid-July.", published=dt.date(2025, 4, 10))
    assert got[0][:2] == ("sanctions", "postponed") and got[0][3] == "2025-07-01"
    assert events("Canada and Mexico were spared from the latest round of duties.") == []


def test_a_hyphenated_pair_may_end_with_a_dotted_abbreviation():
    from tracker.extract.tokens import tokenize

    assert [t.text for t in tokenize("the China-U.S. summit")] == ["the", "China-U.S.", "summit"]
    assert [t.text for t in tokenize("the U.S.-China summit")] == [
        "the", "U.S.", "-", "China", "summit"]
    got = events("The fact sheet was released following the Korea-U.S. summit on Nov. 14.")
    assert got[0][:3] == ("meeting", "occurred", ["South Korea", "United States"])


def test_korea_and_its_abbreviations_name_the_states():
    got = events("N. Korea requested talks with S. Korea on Monday. Trump threatened to raise "
                 "tariffs on Korea.")
    assert [g[:3] for g in got] == [
        ("talks", "proposed", ["North Korea", "South Korea"]),
        ("sanctions", "threatened", ["Donald Trump", "South Korea"]),
    ]


def test_entry_barred_to_a_person_is_a_sanction_on_them():
    got = events("Peru said Monday it had barred entry to Bolivian ex-leader Evo Morales.")
    assert got[0][:3] == ("sanctions", "occurred", ["Peru", "Evo Morales"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pompeo landed in Riyadh on Tuesday morning and was welcomed by Saudi Foreign Minister "
         "Adel al-Jubeir.", ("meeting", ["Mike Pompeo", "Adel al-Jubeir", "Saudi Arabia"])),
        ("Pompeo was greeted by Saudi Foreign Minister Adel al-Jubeir on Tuesday.",
         ("meeting", ["Mike Pompeo", "Adel al-Jubeir"])),
        ("Pompeo landed in Riyadh on Tuesday.", ("meeting", ["Mike Pompeo", "Saudi Arabia"])),
        # a reaction to an act named by a definite noun is a new act, not the act told again
        ("The agreement was welcomed by China and India.", ("support", ["China", "India"])),
    ],
)
def test_a_visitor_landing_or_greeted_is_met_and_an_act_welcomed_is_praised(text, expected):
    got = events(text)
    assert [g[:3:2] for g in got] == [expected]


def test_shells_or_migrants_that_land_in_a_country_visit_nothing():
    assert events("Two mortar shells fired from Myanmar landed in Bangladesh.") == []
    assert events("More than 3,000 migrants have landed in Malaysia and Indonesia.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Trump had shut off aid to Ukraine last week.",
        "The US withheld $300 million in military aid from Egypt.",
    ],
)
def test_aid_shut_off_or_withheld_is_a_sanction_on_its_recipient(text):
    got = events(text)
    assert [g[:2] for g in got] == [("sanctions", "occurred")]
    assert {"Ukraine", "Egypt"} & set(got[0][2])
    # the one the aid was withheld from is its target, never the one who acts
    [event] = read_body(text, dt.date(2019, 5, 13))
    assert all(a.role == "target" for a in event.actors if a.name in ("Ukraine", "Egypt"))


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Italian Interior Minister Matteo Salvini called President Macron \"a terrible "
         "president\" in January.", "Emmanuel Macron"),
        ("Chinese Foreign Ministry spokeswoman Mao Ning called the remark by Biden \"extremely "
         "wrong\".", "Joe Biden"),
    ],
)
def test_a_party_called_terrible_or_wrong_is_criticised(text, target):
    got = events(text)
    assert [g[0] for g in got] == ["criticism"] and target in got[0][2]


def test_protesters_clashing_with_police_is_no_military_act():
    assert events("In recent weeks protesters have demonstrated across France, and some have "
                  "violently clashed with police.") == []


def test_a_meeting_between_sides_none_of_them_a_party_takes_no_party_from_its_sentence():
    got = events("France is recalling its ambassador to Italy following a secret meeting "
                 "between a deputy prime minister and yellow vest protesters.")
    assert [g[:3] for g in got] == [("sanctions", "occurred", ["France", "Italy"])]


def test_an_envoy_brought_back_for_consultations_holds_no_talks():
    got = events("France's Foreign Ministry spokesperson Agnes von der Muhll said in a statement "
                 "that the ambassador is being brought back for “consultations” following the "
                 "interference of Italy.")
    assert "talks" not in [g[0] for g in got]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pakistan adopted a resolution expressing unequivocal support for Saudi Arabia.",
         ["Pakistan", "Saudi Arabia"]),
        ("Germany reiterated its strong support for Ukraine.", ["Germany", "Ukraine"]),
        # a capital after an opening quote mark opens the quote, it names nothing
        ("\"We support Ukraine,\" Biden said.", ["Joe Biden", "Ukraine"]),
    ],
)
def test_support_voiced_for_a_party(text, expected):
    got = events(text)
    assert [(g[0], g[2]) for g in got] == [("support", expected)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oman and Switzerland had offered to mediate between Iran and the US.",
         ("proposal", "proposed", ["Oman", "Switzerland", "Iran", "United States"])),
        ("Trump said he is ready to mediate between India and Pakistan.",
         ("proposal", "proposed", ["Donald Trump", "India", "Pakistan"])),
        # mediation done is talks with the mediator
        ("Qatar mediated talks between Israel and Hamas.",
         ("talks", "occurred", ["Qatar", "Israel", "Hamas"])),
    ],
)
def test_an_offer_to_mediate_is_the_mediators_proposal(text, expected):
    assert [g[:3] for g in events(text)] == [expected]


def test_what_the_sides_of_a_meeting_discussed_is_no_talks_of_their_own():
    got = events("Mottley met CARICOM leaders on Monday. They discussed the CARICOM Single "
                 "Market and the engagement with Barbados.")
    assert [g[0] for g in got] == ["meeting"]
    assert events("The two sides discussed bilateral relations between Iraq and the United "
                  "States, al-Hakim said.") == []
    # a discussion with a party named is told on its own
    got = events("Pacific leaders discussed the proposal with a top Chinese official last month.")
    assert [g[0] for g in got] == ["talks"]


def test_the_state_an_official_says_will_act_is_named_beside_the_official():
    got = events("Jake Sullivan said that the United States would impose further sanctions on "
                 "North Korea.")
    assert [g[:3] for g in got] == [
        ("sanctions", "planned", ["Jake Sullivan", "United States", "North Korea"])]


def test_a_leader_who_says_what_the_state_will_do_is_named_alone():
    got = events("President Donald Trump said Washington was ready to negotiate a new agreement "
                 "with Tehran.")
    assert [g[2] for g in got] == [["Donald Trump", "Iran"]]


def test_an_officials_charge_names_the_state_beside_the_official():
    got = events("North Korean Vice Foreign Minister Choe Son Hui denounced Vice President Mike "
                 "Pence as a political dummy.")
    assert [g[:3] for g in got] == [
        ("criticism", "occurred", ["Choe Son Hui", "North Korea", "Mike Pence"])]
    # a meeting's party is the official alone
    got = events("Chinese Foreign Minister Wang Yi met U.S. Secretary of State Antony Blinken "
                 "in Beijing.")
    assert [g[2] for g in got] == [["Wang Yi", "Antony Blinken"]]


def test_a_lawmakers_charge_names_no_state_beside_him():
    got = events("Senator Marco Rubio accused the administration of rewarding a dictator.")
    assert all("United States" not in g[2][:1] and g[2][:2] != ["Marco Rubio", "United States"]
               for g in got)
