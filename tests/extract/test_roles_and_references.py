"""Rules for roles and references: reversed criticism, ranks, juntas, meetings between parties."""

import datetime as dt

import pytest

from tracker.extract import extract


def events(text, published=dt.date(2024, 3, 6)):
    return [
        (e.type, e.status, [(a.name, a.role) for a in e.actors])
        for e in extract(f"Test\n\n{text}\n", published=published).events
    ]


def test_drew_criticism_from_reverses_the_roles():
    text = "The plan drew sharp criticism from Beijing, which accused Manila of provocation."
    assert events(text) == [
        ("criticism", "occurred", [("China", "initiator"), ("Philippines", "target")])
    ]


def test_at_a_meeting_between_names_its_parties():
    text = "The breakthrough came at a meeting between Erdogan and Olaf Scholz in Berlin."
    found = events(text)
    assert found[0][0] == "meeting"
    assert {n for n, _ in found[0][2]} == {"Recep Tayyip Erdogan", "Olaf Scholz"}
    assert events("Erdogan spoke at a summit in Berlin on Friday.") == []


def test_the_general_is_the_general_named_last():
    text = (
        "Soldiers loyal to General Amadou Diallo seized power in Mali on Monday. "
        "The general has since accused ECOWAS of preparing an invasion."
    )
    crit = [e for e in events(text) if e[0] == "criticism"]
    assert crit == [
        ("criticism", "occurred", [("Amadou Diallo", "initiator"), ("ECOWAS", "target")])
    ]


def test_the_junta_is_the_state_the_story_is_about():
    text = (
        "Mali's army seized power on Monday. Mali's borders were closed. "
        "ECOWAS demanded that the junta release the president."
    )
    demand = [e for e in events(text) if e[0] == "demand"]
    assert demand == [("demand", "occurred", [("ECOWAS", "initiator"), ("Mali", "target")])]


def test_a_conjunction_ends_a_referring_noun_phrase():
    text = "Matthew Miller said Washington was concerned by the summit and urged Iran to stop."
    assert ("demand", "occurred") in [e[:2] for e in events(text)]


def test_what_someone_is_criticised_for_is_no_party():
    text = "Protesters in Sweden criticised ASEAN for inviting Min Aung Hlaing."
    found = events(text)
    assert found and all("Min Aung Hlaing" not in [n for n, _ in e[2]] for e in found)


def test_a_quoted_label_is_not_an_act():
    text = (
        "Maduro criticised the United States on Monday, "
        'calling its measures an "economic blockade."'
    )
    assert [e[0] for e in events(text)] == ["criticism"]


def test_a_participle_before_a_noun_is_no_attack():
    assert events("The council was formed by ousted lawmakers in Yangon.") == []


def test_only_sanctions_and_force_are_threatened():
    text = "Iran and Oman agreed on a truce on Monday that can be extended if both sides agree."
    assert [e[:2] for e in events(text)] == [("agreement", "occurred")]
    text = "Japan warned that it would impose sanctions on Iran if talks failed."
    assert [e[:2] for e in events(text)] == [("sanctions", "threatened")]


def test_any_after_a_negation_is_negated():
    assert events("Officials in Abuja said no date had been set for any deployment.") == []


def test_meeting_commitments_is_no_meeting():
    text = "Canada said it would renew the licence only if Venezuela met its commitments."
    assert [e[0] for e in events(text)] == []


def test_sides_meeting_again_hold_talks():
    text = "Iran and the United States agreed to meet again next week."
    assert [e[:2] for e in events(text)] == [("talks", "planned")]


def test_talks_at_a_meeting_are_the_meeting():
    text = "Putin met Kim Jong Un on Wednesday, and the two leaders held four hours of talks."
    assert [e[0] for e in events(text)] == ["meeting"]


def test_a_demonym_before_action_names_the_state():
    text = "The State Department condemned the Chinese action as dangerous."
    assert events(text) == [
        ("criticism", "occurred", [("United States", "initiator"), ("China", "target")])
    ]


def test_a_condition_after_sanctions_makes_a_threat():
    text = "Blinken said Washington would reimpose the sanctions if Caracas failed to comply."
    assert [e[:2] for e in events(text)] == [("sanctions", "threatened")]


def test_a_participle_clause_goes_on_with_the_subject():
    text = "Blinken welcomed the deal on Monday, warning that sanctions remained an option."
    sanctions = [e for e in events(text) if e[0] == "sanctions"]
    assert sanctions and sanctions[0][2][0][0] == "Antony Blinken"


def test_also_voicing_concern_aims_at_the_same_target():
    text = (
        "The State Department condemned the Chinese action on Monday. "
        "Japan and Australia also voiced concern."
    )
    found = events(text)
    assert found[-1] == (
        "criticism", "occurred",
        [("Japan", "initiator"), ("Australia", "initiator"), ("China", "target")],
    )


def test_a_second_act_of_the_same_kind_by_another_subject():
    text = "ECOWAS imposed sanctions on Niger, and Nigeria cut electricity supplies to Niger."
    assert [(e[0], e[2][0][0]) for e in events(text)] == [
        ("sanctions", "ECOWAS"), ("sanctions", "Nigeria")
    ]


def test_declining_to_confirm_is_no_rejection():
    assert events("The White House declined to confirm the talks with Iran.") == []
    text = "General Abdourahamane Tchiani declined to meet the envoys of ECOWAS."
    assert [e[:2] for e in events(text)] == [("rejection", "occurred")]


def test_suspending_aid_is_a_sanction_that_happened():
    text = "The United States and France have suspended some aid programmes to Niger."
    assert [e[:2] for e in events(text)] == [("sanctions", "occurred")]


def test_temporarily_lifted_sanctions_are_postponed():
    text = "The United States on Wednesday temporarily lifted sanctions on Venezuela."
    assert [e[:2] for e in events(text)] == [("sanctions", "postponed")]


def test_a_deadline_that_expired_looks_back():
    text = (
        "The deadline expired on Sunday, and Niger's junta closed its airspace, "
        "citing the threat of an attack by ECOWAS."
    )
    found = extract(f"Test\n\n{text}\n", published=dt.date(2023, 8, 11)).events
    assert all(e.when is None or e.when.start <= dt.date(2023, 8, 11) for e in found)


def test_the_army_is_the_state_whose_army_was_named():
    text = (
        "Ethiopia's army and the Tigray People's Liberation Front signed a truce on Saturday. "
        "Kenya and the United States welcomed it. "
        "On Sunday the army accused the Tigray People's Liberation Front of shelling Mekelle."
    )
    crit = [e for e in events(text) if e[0] == "criticism"]
    assert crit[-1][2][0] == ("Ethiopia", "initiator")


def test_an_army_with_a_name_of_its_own_is_that_force():
    # the gazetteer names Sudan's army: the Sudanese Armed Forces, and "the army" after it
    text = (
        "Sudan's army and the Rapid Support Forces signed a truce on Saturday. "
        "Saudi Arabia and the United States welcomed it. "
        "On Sunday the army accused the Rapid Support Forces of shelling Omdurman."
    )
    found = events(text)
    assert found[0][:2] == ("agreement", "occurred")
    assert [n for n, _ in found[0][2]] == ["Sudanese Armed Forces", "Rapid Support Forces"]
    crit = [e for e in found if e[0] == "criticism"]
    assert crit[-1][2][0] == ("Sudanese Armed Forces", "initiator")


def test_farc_rebels_are_named_by_their_acronym_or_full_name():
    text = (
        "The peace agreement between the Colombian government and the FARC-EP will be formally "
        "signed on Sept. 26 in Cartagena, President Juan Manuel Santos announced Friday night."
    )
    assert {n for n, _ in events(text)[0][2]} >= {"Colombia", "FARC"}


def test_the_army_of_the_speaker():
    text = "Israeli Prime Minister Benjamin Netanyahu warned that the army would strike Hezbollah."
    assert events(text) == [
        ("military", "threatened",
         [("Benjamin Netanyahu", "initiator"), ("Israel", "initiator"), ("Hezbollah", "target")])
    ]


def test_both_parties_are_the_parties_of_the_first_deal():
    text = (
        "India and Pakistan agreed to a ceasefire on Saturday. "
        "The United States and Britain praised the truce. "
        "Within hours, both sides accused each other of violating it."
    )
    crit = [e for e in events(text) if e[0] == "criticism"]
    assert {n for n, _ in crit[-1][2]} == {"India", "Pakistan"}


def test_a_list_between_parties_goes_past_appositions():
    text = (
        "A meeting between Steve Witkoff, Trump's special envoy, and Vladimir Putin "
        "took place in Moscow on Friday."
    )
    assert events(text) == [
        ("meeting", "occurred",
         [("Steve Witkoff", "participant"), ("Vladimir Putin", "participant")])
    ]


def test_the_talks_between_named_parties_are_an_act():
    text = (
        "The talks between Marco Rubio, the secretary of state, and Russian Foreign Minister "
        "Sergei Lavrov lasted four hours."
    )
    assert [e[0] for e in events(text)] == ["talks"]


def test_one_party_agreeing_to_act_is_a_decision():
    assert events("OPEC+ agreed on Wednesday to cut its oil production target.") == []
    assert events("The TPLF agreed to disarm within 30 days.") == []
    text = "India and Pakistan agreed to stop all firing on Saturday."
    assert [e[:2] for e in events(text)] == [("agreement", "occurred")]


def test_agreeing_at_a_meeting_is_agreeing_with_its_parties():
    text = (
        "Erdogan flew to Berlin on Sunday. "
        "The turning point came at a meeting between Erdogan and Olaf Scholz on Monday, "
        "where the Turkish leader agreed to forward the protocol to parliament."
    )
    found = [e for e in events(text) if e[0] == "agreement"]
    assert {n for n, _ in found[0][2]} == {"Recep Tayyip Erdogan", "Olaf Scholz"}


def test_a_sentence_opening_with_last_week_is_dated():
    text = "Last week Pyongyang abruptly called off high-level talks with South Korea."
    found = extract(f"Test\n\n{text}\n", published=dt.date(2018, 5, 25)).events
    assert found[0].when is not None and found[0].when.precision == "week"
    assert found[0].when.start == dt.date(2018, 5, 14)


def test_both_sides_of_the_border_is_a_place():
    text = (
        "Canada and Mexico agreed to a deal on Monday. Business groups on both sides of the "
        "border warned that the threat of tariffs hung over them."
    )
    assert [e[0] for e in events(text)] == ["agreement"]


def test_the_threat_of_an_act_is_no_act():
    text = "Business groups warned that the threat of tariffs on Canada hung over them."
    assert events(text) == []
    text = "ECOWAS ordered a standby force readied, raising the prospect of intervention in Niger."
    assert [e[0] for e in events(text)] == ["military"]


def test_an_organisation_meeting_again_still_meets():
    text = "OPEC cut output on Monday. The group will meet again on Dec. 4 to review the market."
    assert [e[:2] for e in events(text) if e[0] != "sanctions"] == [("meeting", "planned")]


def test_he_said_that_he_is_the_same_man():
    text = (
        "Blinken postponed his trip. He said he had delivered that message in a phone call "
        "with Wang Yi, and that he would travel to Beijing when conditions allow."
    )
    travel = [e for e in events(text) if e[1] == "planned"]
    assert travel and travel[0][2][0][0] == "Antony Blinken"


def test_a_negation_a_few_words_back_negates():
    text = "Chinese officials said that neither country had ever formally announced a visit."
    assert events(text) == []


def test_with_someone_saying_is_a_co_speaker():
    text = (
        "China's foreign ministry demanded that Manila tow away the ship. Manila rejected the "
        "demand, with National Security Adviser Eduardo Ano saying the vessel would stay."
    )
    rejection = [e for e in events(text) if e[0] == "rejection"][0]
    assert rejection[2] == [
        ("Philippines", "initiator"), ("Eduardo Ano", "initiator"), ("China", "target")
    ]


def test_whom_the_subject_turns_against_is_the_target():
    text = (
        "Tensions have been high, with Trump recently taking a stringent stance against Russia, "
        "threatening substantial economic sanctions if a deal is not reached."
    )
    assert events(text) == [
        ("sanctions", "threatened", [("Donald Trump", "initiator"), ("Russia", "target")])
    ]


@pytest.mark.parametrize(
    ("body", "names"),
    [
        # a body's own meeting with one other party: the body takes part
        ("South Africa will host the upcoming BRICS summit in Johannesburg in August.",
         ["South Africa", "BRICS"]),
        ("Kishida will attend the G7 summit in Hiroshima.", ["Fumio Kishida", "G7"]),
        # two leaders meeting there: the summit is only the setting
        ("Biden and Xi will meet at the G20 summit in Bali.", ["Joe Biden", "Xi Jinping"]),
    ],
)
def test_the_body_convening_a_summit_is_a_party_when_no_one_else_meets_there(body, names):
    (event,) = extract(f"Test\n\n{body}\n", published=dt.date(2024, 6, 12)).events
    assert [a.name for a in event.actors] == names


def test_called_up_is_a_call():
    (event,) = extract(
        "Test\n\nModi called up Russian President Vladimir Putin on Tuesday.\n",
        published=dt.date(2024, 8, 27),
    ).events
    assert (event.type, [a.name for a in event.actors]) == (
        "call", ["Narendra Modi", "Vladimir Putin"]
    )


def test_a_minister_reporting_his_states_act_is_on_its_side_and_the_state_stays():
    (event,) = extract(
        "Test\n\nMeanwhile, Russia has suspended visa-free travel for Turkish citizens, "
        "Foreign Minister Sergei Lavrov said.\n",
        published=dt.date(2015, 11, 27),
    ).events
    assert [(a.name, a.role) for a in event.actors][:2] == [
        ("Russia", "initiator"), ("Sergei Lavrov", "initiator")
    ]


def test_a_state_in_a_persons_title_is_not_a_second_party():
    (event,) = extract(
        "Test\n\nRussia's foreign minister Sergei Lavrov met Wang Yi, the ministry said.\n",
        published=dt.date(2015, 11, 27),
    ).events
    assert [a.name for a in event.actors] == ["Sergei Lavrov", "Wang Yi"]


@pytest.mark.parametrize(
    "body",
    [
        'Lavrov said Turkey was the source of a "very real threat" of terrorism.',
        # a hypothetical before "but" does not reach the clause after it
        "Lavrov did not say how long the suspension would last, but said Turkey was the "
        "source of a threat.",
    ],
)
def test_saying_a_party_is_a_threat_is_criticism_of_it(body):
    (event,) = extract(f"Test\n\n{body}\n", published=dt.date(2015, 11, 27)).events
    assert (event.type, [(a.name, a.role) for a in event.actors]) == (
        "criticism", [("Sergei Lavrov", "initiator"), ("Turkey", "target")]
    )


def test_a_participle_clause_tells_the_subjects_next_act():
    events = extract(
        "Test\n\nRussia scuppered the UN-backed agreement last month, launching repeated "
        "attacks on Ukrainian port infrastructure.\n",
        published=dt.date(2023, 8, 28),
    ).events
    assert [(e.type, [(a.name, a.role) for a in e.actors]) for e in events] == [
        ("rejection", [("Russia", "initiator"), ("United Nations", "target")]),
        ("military", [("Russia", "initiator"), ("Ukraine", "target")]),
    ]


def _actors_of(found, kind):
    return [names for t, _, names in found if t == kind]


def names_of(text):
    return [(t, s, [n for n, _ in a]) for t, s, a in events(text)]


def test_the_pair_is_not_the_broker_of_their_deal():
    text = (
        "Iran and Saudi Arabia agreed on Friday to restore diplomatic relations. The deal was "
        "brokered by China, which hosted the talks. The foreign ministers of both nations will "
        "meet next month."
    )
    assert ("meeting", "planned", ["Iran", "Saudi Arabia"]) in names_of(text)


def test_the_two_before_a_verb_are_the_two_persons_of_the_story():
    text = (
        "President Ebrahim Raisi postponed his visit to Kenya, where he was to meet President "
        "William Ruto. The two were expected to sign trade agreements."
    )
    assert ("agreement", "planned", ["Ebrahim Raisi", "William Ruto"]) in names_of(text)


def test_the_two_before_a_noun_is_no_reference():
    found = names_of("China seized two islands. The two islands were later returned.")
    assert all(len(names) == 1 for _, _, names in found)


def test_the_two_presidents_are_the_leaders_not_the_minister_told_last():
    text = (
        "Mexican President Andres Manuel Lopez Obrador will hold a call with US President Joe "
        "Biden on Friday. Foreign Minister Marcelo Ebrard travelled to Washington on Monday. "
        "The White House said the two presidents will negotiate on migration."
    )
    talks = _actors_of(names_of(text), "talks")
    assert talks == [["Andres Manuel Lopez Obrador", "Joe Biden"]]


def test_an_act_of_one_side_with_a_third_party_makes_no_new_pair():
    text = (
        "Japanese Prime Minister Fumio Kishida will visit South Korea for talks with President "
        "Yoon Suk Yeol. Kishida will host the G7 summit in Hiroshima in May. The two will meet "
        "on May 7."
    )
    assert ["Fumio Kishida", "Yoon Suk Yeol"] in _actors_of(names_of(text), "meeting")
    text = (
        "Japanese Prime Minister Fumio Kishida will visit South Korea for talks with President "
        "Yoon Suk Yeol. Kishida will host the G7 summit in Hiroshima in May. The two neighbours "
        "will sign a pact."
    )
    assert ("agreement", "planned", ["Japan", "South Korea"]) in names_of(text)


def test_two_rivals_of_one_state_are_the_two_persons():
    text = (
        "Talks between Madagascar’s strongman, Andry Rajoelina, and the president he toppled, "
        "Marc Ravalomanana, which were set for this weekend have been postponed. The two were "
        "to hold discussions in Pretoria on Saturday."
    )
    found = [e for e in names_of(text) if e[0] == "talks"]
    # one act: the retelling ("The two were to hold discussions") names the same two persons;
    # the state stays a party through its possessive ("Madagascar's strongman")
    assert len(found) == 1 and found[0][1] == "postponed"
    assert {"Andry Rajoelina", "Marc Ravalomanana"} <= set(found[0][2])


def test_the_two_men_are_the_two_persons_just_named():
    text = (
        "Israel and Hamas agreed to a truce on Monday. Qatari Prime Minister Mohammed bin "
        "Abdulrahman Al Thani was due to fly to Washington to brief Antony Blinken. The two men "
        "spoke by phone instead."
    )
    assert ("call", "occurred", ["Mohammed bin Abdulrahman Al Thani", "Antony Blinken"]) in (
        names_of(text)
    )


def test_both_neighbours_are_not_the_go_betweens_just_praised():
    text = (
        "Pakistan and Afghanistan agreed to a ceasefire in talks mediated by Qatar and Turkey. "
        "Saudi Arabia praised Qatar and Turkey for their efforts and called on both neighbours "
        "to show restraint."
    )
    assert ("demand", "occurred", ["Saudi Arabia", "Pakistan", "Afghanistan"]) in names_of(text)


def test_the_pair_just_told_of_two_persons():
    text = (
        "Trump met NATO Secretary General Mark Rutte in Davos. The pair agreed on a framework "
        "for a deal on the Arctic."
    )
    assert ("agreement", "occurred", ["Donald Trump", "Mark Rutte"]) in names_of(text)


def test_both_ministers_are_the_pair_a_host_brought_together():
    text = (
        "U.S.-hosted negotiations between Armenian Foreign Minister Ararat Mirzoyan and his "
        "Azerbaijani counterpart Jeyhun Bayramov ended on Thursday. While in Washington they "
        "met with U.S. Secretary of State Antony Blinken. Both ministers thanked the US side "
        "for hosting the talks."
    )
    support = _actors_of(names_of(text), "support")
    assert support and {"Ararat Mirzoyan", "Jeyhun Bayramov"} <= set(support[-1])


def test_the_diplomats_are_the_two_named_before():
    text = (
        "U.S. Secretary of State John Kerry and Russian Foreign Minister Sergey Lavrov met in "
        "Geneva on Monday.\n\nThe diplomats agreed on a framework to remove the weapons."
    )
    deals = [e for e in events(text) if e[0] == "agreement"]
    assert len(deals) == 1
    assert {n for n, _ in deals[0][2]} == {"John Kerry", "Sergei Lavrov"}


def test_the_leaders_are_the_members_of_the_body_the_story_is_about():
    text = (
        "ECOWAS leaders suspended Burkina Faso on Friday after a coup. ECOWAS also sent "
        "envoys to Ouagadougou on Saturday.\n\nThe leaders are also expected to back "
        "Ghana's bid to host the next summit."
    )
    backing = [e[2] for e in events(text) if e[0] == "support"]
    assert backing == [[("ECOWAS", "initiator"), ("Ghana", "target")]]
    # no organisation the story is about: "the leaders" stands for no pair
    text = "Biden called Xi on Monday.\n\nThe leaders will meet again in March."
    assert all(e[0] != "meeting" for e in events(text))


def test_the_state_a_title_before_a_name_is_of_is_part_of_the_title():
    text = (
        "Mexican President Andrés Manuel López Obrador held a telephone conversation with the "
        "President of the United States, Joe Biden, on Monday."
    )
    calls = [e[2] for e in events(text) if e[0] == "call"]
    assert [{n for n, _ in actors} for actors in calls] == [
        {"Andrés Manuel López Obrador", "Joe Biden"}
    ]
    text = (
        "Papua New Guinea Prime Minister and Chair of the Pacific Islands Forum, Peter "
        "O'Neill, has offered aid to Fiji."
    )
    aid = [e[2] for e in events(text) if e[0] == "aid"]
    assert aid and "Papua New Guinea" not in {n for n, _ in aid[0]}
    assert "Peter O'Neill" in {n for n, _ in aid[0]}


def test_they_after_an_unnamed_plural_speaker_is_not_a_group_told_before():
    from tracker.extract import extract

    text = (
        "Test\n\nPompeo will hold talks with Lavrov on Monday.\n\n"
        "Last week, European countries said they wanted to preserve Iran's nuclear deal and "
        "rejected \"ultimatums\" from Tehran.\n"
    )
    rejection = [e for e in extract(text).events if e.type == "rejection"]
    assert [a.name for a in rejection[0].actors] == ["Iran"]


def test_the_foreign_secretary_is_the_foreign_secretary_named_before():
    for reference in ("The foreign secretary", "The secretary"):
        text = (
            "British Foreign Secretary Boris Johnson has postponed a planned trip to Russia. "
            f"{reference} spoke by phone with Russian Foreign Minister Sergei Lavrov on Monday."
        )
        assert ("call", "occurred", ["Boris Johnson", "Sergei Lavrov"]) in names_of(text)


def test_the_council_is_the_body_named_last_whose_name_ends_in_it():
    text = (
        "The UN Security Council condemned the missile test on Tuesday. The council demanded "
        "that North Korea halt its launches."
    )
    assert ("demand", "occurred", ["United Nations Security Council", "North Korea"]) in (
        names_of(text)
    )
    # with no council named before, "the council" is nobody told (not NATO, the body named last)
    text = "NATO ministers met in Brussels on Tuesday. The council demanded that Iran stop."
    assert all("NATO" not in parties for t, _, parties in names_of(text) if t == "demand")


def test_a_first_in_history_retells_the_act_told_before():
    text = (
        "The UN Security Council demanded an immediate ceasefire in Gaza on Monday. It was the "
        "first time the council had demanded a halt to the fighting since the war began."
    )
    assert [t for t, _, _ in names_of(text)] == ["demand"]


def test_every_go_between_of_a_listed_mediation_is_no_party_to_the_deal():
    text = (
        "Israel and Hamas have agreed to a Gaza ceasefire deal following intensive mediation by "
        "Qatar, Egypt, and the United States, Qatar's prime minister announced on Wednesday."
    )
    deals = [names for kind, _, names in events(text) if kind == "agreement"]
    assert [{n for n, _ in names} for names in deals] == [{"Israel", "Hamas"}]
    text = (
        "A truce between Armenia and Azerbaijan brokered by Russia, France and the United States "
        "was signed."
    )
    deals = [names for kind, _, names in events(text) if kind == "agreement"]
    assert [{n for n, _ in names} for names in deals] == [{"Armenia", "Azerbaijan"}]


def test_whom_a_condition_names_is_no_party_once_the_act_has_its_own():
    text = (
        "Trump threatened to impose tariffs on Mexico unless Andres Manuel Lopez Obrador stops "
        "migrants."
    )
    assert events(text) == [
        ("sanctions", "threatened", [("Donald Trump", "initiator"), ("Mexico", "target")])
    ]
    text = (
        "Trump repeated his remarks about imposing sanctions on Russia if President Vladimir Putin "
        "would not negotiate."
    )
    assert [names for kind, _, names in events(text) if kind == "sanctions"] == [
        [("Donald Trump", "initiator"), ("Russia", "target")]
    ]


def test_a_condition_that_names_the_only_other_side_keeps_it():
    text = (
        'The Ukrainian president said Kyiv "is ready for an immediate ceasefire" if Russia '
        "accepts."
    )
    deals = [names for kind, _, names in events(text) if kind == "agreement"]
    assert deals and "Russia" in {n for n, _ in deals[0]}


def test_in_case_of_names_a_condition_not_a_party():
    text = (
        "Venezuelan President Hugo Chavez threatened on Sunday to cut oil supplies to the United "
        "States in case of a military attack from Colombia."
    )
    assert [names for kind, _, names in events(text) if kind == "sanctions"] == [
        [("Hugo Chavez", "initiator"), ("United States", "target")]
    ]


def test_a_visit_host_met_in_person_is_the_party_not_the_state():
    text = (
        "Japanese Prime Minister Fumio Kishida made an unannounced trip to Kyiv on Tuesday and "
        "held talks with Zelenskyy."
    )
    meetings = [names for kind, _, names in events(text) if kind == "meeting"]
    assert [{n for n, _ in names} for names in meetings] == [
        {"Fumio Kishida", "Volodymyr Zelenskyy"}
    ]
    # a leader only named, not met, leaves the host state
    text = (
        "Kishida made an unannounced trip to Kyiv on Tuesday, days after Zelenskyy spoke to "
        "reporters."
    )
    meetings = [names for kind, _, names in events(text) if kind == "meeting"]
    assert [{n for n, _ in names} for names in meetings] == [{"Fumio Kishida", "Ukraine"}]


def test_a_call_after_a_gerund_is_the_clause_subjects_whose_titles_list_them():
    text = (
        "US Secretary of State Marco Rubio and Russian Foreign Minister Sergei Lavrov also called "
        "off an expected meeting after speaking by phone on Monday, the White House said."
    )
    calls = [names for kind, _, names in events(text) if kind == "call"]
    assert [{n for n, _ in names} for names in calls] == [{"Marco Rubio", "Sergei Lavrov"}]


def test_a_person_to_be_put_back_or_freed_is_what_the_act_is_about():
    found = events("Germany on Monday backed calls by the African Union for the reinstatement "
                   "of Mohamed Bazoum.")
    assert found and all(n != "Mohamed Bazoum" for n, _ in found[0][2])
    found = events("Algeria warned on Monday that an intervention in Niger to restore its ousted "
                   "president Mohamed Bazoum would be a mistake.")
    assert all(n != "Mohamed Bazoum" for _, _, actors in found for n, _ in actors)
    found = events("Joe Biden met Mohamed Bazoum in Washington on Monday.")
    assert ("Mohamed Bazoum", "participant") in found[0][2]


def test_in_solidarity_with_tells_why_not_with_whom():
    # "skipped the summit in solidarity with Trump": Trump is no party to the summit skipped
    found = events("Milei skipped the summit in solidarity with Trump.")
    assert [(t, [n for n, _ in actors]) for t, _, actors in found] == [
        ("meeting", ["Javier Milei"])
    ]
    # solidarity expressed with a party is still support of it
    assert events("Poland expressed solidarity with Ukraine.") == [
        ("support", "occurred", [("Poland", "initiator"), ("Ukraine", "target")])
    ]
