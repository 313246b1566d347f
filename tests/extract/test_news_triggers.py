"""Trigger words common in real news reports (tracker/extract/data/triggers.json): a sentence in,
the event out."""

import datetime as dt

import pytest

from tracker.extract import extract

PUBLISHED = dt.date(2024, 6, 12)


def found(body):
    return [(e.type, e.status, [a.name for a in e.actors])
            for e in extract(f"Test\n\n{body}\n", published=PUBLISHED).events]


@pytest.mark.parametrize(
    ("body", "event_type", "actor"),
    [
        ("President Rodrigo Duterte lashed out at the European Union on Tuesday.", "criticism",
         "European Union"),
        ("Moscow called the incident an act of aggression by Turkey.", "criticism", "Turkey"),
        ("Trump pressured Ukrainian President Volodymyr Zelenskyy to give up territory.",
         "demand", "Volodymyr Zelenskyy"),
        ("Pakistan received a request from Saudi Arabia for troops.", "demand", "Saudi Arabia"),
        ("Russia scuppered the agreement with Ukraine last month.", "rejection", "Russia"),
        ("The African Union said it will no longer recognise President Yahya Jammeh.",
         "rejection", "Yahya Jammeh"),
        ("Troops from Senegal crossed into Gambia on Thursday.", "military", "Senegal"),
        ("The Philippines and the United States began joint military drills on Monday.",
         "military", "Philippines"),
        ("Barack Obama and Raul Castro shook hands at the summit in Panama.", "meeting",
         "Barack Obama"),
        ("President Biden will hold a virtual summit with Chinese President Xi Jinping on "
         "Monday.", "call", "Xi Jinping"),
        ("Biden consulted with King Abdullah II of Jordan.", "talks", "Joe Biden"),
        ("China imposed retaliatory tariffs on the United States.", "sanctions", "China"),
        ("India extended a $500 million line of credit to Sri Lanka.", "aid", "Sri Lanka"),
    ],
)
def test_news_trigger(body, event_type, actor):
    events = found(body)
    assert any(t == event_type and any(actor in a for a in names) for t, _, names in events), events


def test_virtual_summit_is_a_planned_call():
    assert found("President Biden will hold a virtual summit with Chinese President Xi Jinping "
                 "on Monday.")[0][:2] == ("call", "planned")


@pytest.mark.parametrize(
    ("body", "event_type", "target"),
    [
        # a state that leads, drafts or sponsors the act is its party
        ("Iran's foreign ministry has condemned the Saudi-led air strikes in Yemen.", "criticism",
         "Saudi Arabia"),
        ("Russia vetoed a French-drafted resolution on Syria.", "rejection", "France"),
        ("Russia and China vetoed a US-sponsored resolution on Friday.", "rejection",
         "United States"),
        # a demonym before the act's noun names the state that acts
        ("The EU condemned the Turkish aggression.", "criticism", "Turkey"),
    ],
)
def test_state_named_by_adjective_is_the_target(body, event_type, target):
    found_events = extract(f"Test\n\n{body}\n", published=PUBLISHED).events
    assert any(
        e.type == event_type and any(a.name == target and a.role == "target" for a in e.actors)
        for e in found_events
    ), found_events


def test_based_is_no_party():
    found_events = extract("Test\n\nA US-based company criticised Russia.\n",
                           published=PUBLISHED).events
    assert all(a.name != "United States" for e in found_events for a in e.actors)


@pytest.mark.parametrize(
    ("body", "event_type", "actor"),
    [
        ("The deal between Russia and Ukraine allowed grain to reach world markets.",
         "agreement", "Ukraine"),
        ("Turkey and the United Nations seek to revive the grain export pact with Russia.",
         "proposal", "Turkey"),
        ("Putin stressed the importance of constitutional reform in Ukraine.", "demand",
         "Vladimir Putin"),
        ("Russia has suspended visa-free travel for Turkish citizens.", "sanctions", "Russia"),
        ("Germany has promised to send two more air defence systems to Ukraine.", "aid",
         "Ukraine"),
        ("Chinese President Xi Jinping unveiled eight major initiatives for Africa.", "proposal",
         "Xi Jinping"),
    ],
)
def test_more_news_triggers(body, event_type, actor):
    events = found(body)
    assert any(t == event_type and actor in names for t, _, names in events), events


def test_support_for_a_group_is_no_support_act():
    events = found("Trump said Washington was ready to negotiate a new agreement with Tehran "
                   "that would also cover its support for armed groups.")
    assert all(t != "support" for t, _, _ in events), events


def test_a_call_needs_two_sides():
    # a spokesman speaking on a conference call with reporters talks to no other party
    events = found('"The President made the decision to cancel his visit," Kremlin spokesman '
                   "Dmitry Peskov told a conference call with reporters.")
    assert all(t != "call" for t, _, _ in events), events
    assert found("Macron held a phone call with Putin on Friday.")[0][0] == "call"


def test_a_word_after_a_hyphen_is_part_of_an_adjective_not_the_act():
    result = extract(
        "Test\n\nFour-day U.S.-hosted negotiations between Armenian Foreign Minister Ararat "
        "Mirzoyan and his Azerbaijani counterpart Jeyhun Bayramov ended on Thursday.\n",
        published=dt.date(2023, 5, 4),
    )
    assert [e.type for e in result.events] == ["talks"]


@pytest.mark.parametrize(
    ("body", "event_type", "actor"),
    [
        ("Colombian President Gustavo Petro hit out at Washington on Saturday.", "criticism",
         "United States"),
        ("The Chinese foreign ministry issued a statement protesting to India.", "criticism",
         "India"),
        ("Medvedev mocked the European Union's new sanctions.", "criticism", "European Union"),
        ("Poroshenko expressed condolences to Turkey over the attacks.", "support", "Turkey"),
        ("Kallas said the EU would stand by Ukraine on all fronts.", "support", "Ukraine"),
        ("Russia does not recognize the Ukrainian government.", "rejection", "Ukraine"),
        ("Turkey doesn't recognise the annexation of Crimea.", "rejection", "Turkey"),
        ("Wang said China will continue to staunchly support Pakistan.", "support", "Pakistan"),
    ],
)
def test_speech_act_words_of_news(body, event_type, actor):
    events = found(body)
    assert any(t == event_type and actor in names for t, _, names in events), events


def test_talking_about_something_is_no_call():
    events = found("Trump talked about imposing sanctions on Russia if Putin does not negotiate.")
    assert [t for t, _, _ in events] == ["sanctions"], events


@pytest.mark.parametrize(
    "body",
    [
        "The envoy spoke of the 12-day war between Israel and Iran.",
        "Macron spoke about the war between Israel and Iran.",
    ],
)
def test_speaking_of_a_war_is_no_call_but_the_war_is_told(body):
    events = found(body)
    assert [(t, names) for t, _, names in events] == [("military", ["Israel", "Iran"])], events


def test_water_cannons_fired_at_a_states_boats_are_a_military_act():
    events = found("The Chinese coast guard fired water cannons at Philippine boats.")
    assert [(t, names) for t, _, names in events] == [("military", ["China", "Philippines"])]


def test_a_protest_handed_over_is_criticism():
    events = found("On June 28, Japan's embassy was handed a strong protest over the drills.")
    assert [t for t, _, _ in events] == ["criticism"], events


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Joly said she expects India to fully collaborate with Canada.", ("demand", "India")),
        ("Trump told Putin to end the war.", ("demand", "Vladimir Putin")),
        ("Trump wants Putin to meet him in Budapest.", ("meeting", "Vladimir Putin")),
    ],
)
def test_wanting_or_telling_a_party_to_act_is_a_demand_unless_it_is_to_meet(body, expected):
    events = found(body)
    assert any(t == expected[0] and expected[1] in n for t, _, n in events), events


def test_an_offer_of_a_sum_of_aid_is_one_aid_event_and_us_dollars_name_no_state():
    events = found("France has offered US$150,000 of aid to China.")
    assert events == [("aid", "proposed", ["France", "China"])], events


def test_providing_or_dispatching_relief_to_a_state_is_aid():
    assert found("Japan dispatched rescue teams to Turkey.") == [
        ("aid", "occurred", ["Japan", "Turkey"])
    ]
    assert found("Britain said it would provide relief supplies to Myanmar.")[0][:2] == (
        "aid", "planned"
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Peru has ordered Venezuelan diplomats to leave the country.",
         ("sanctions", ["Peru", "Venezuela"])),
        ("Niger has given the French ambassador 48 hours to leave the country.",
         ("sanctions", ["Niger", "France"])),
        ("Niger said it was breaking off its military cooperation agreement with the United "
         "States.", ("rejection", ["Niger", "United States"])),
        ("A U.S. destroyer trespassed into China's territorial waters on Friday.",
         ("military", ["United States", "China"])),
    ],
)
def test_expulsions_breaking_off_and_intrusions(body, expected):
    assert [(t, n) for t, _, n in found(body)] == [expected]


def test_a_terror_attack_and_military_rulers_are_no_military_act_between_states():
    assert found("Trump tweeted about the terror attack in London.") == []
    events = found("Niger's military rulers have given the French ambassador 48 hours to leave.")
    assert [t for t, _, _ in events] == ["sanctions"], events


def test_a_place_struck_by_a_storm_suffered_no_attack():
    assert found("Samoa was hit by a powerful tropical cyclone on Thursday.") == []
    assert [t for t, _, _ in found("Russia struck Kyiv with missiles.")] == ["military"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The Governments of Guyana and Haiti have signed a Memorandum of Understanding (MoU) "
         "on tourism.", ("agreement", "occurred", ["Guyana", "Haiti"])),
        ("The African Union has suspended Mali's membership after the coup.",
         ("sanctions", "occurred", ["African Union", "Mali"])),
        ("He made telephonic calls to the leaders of Canada and Mexico on Saturday.",
         ("call", "occurred", ["Canada", "Mexico"])),
    ],
)
def test_memoranda_suspensions_and_telephonic_calls(body, expected):
    assert expected in found(body), found(body)


def test_signing_a_presidential_memorandum_is_no_agreement():
    assert [t for t, _, _ in found("Trump signed the memorandum on Monday.")] == []


@pytest.mark.parametrize(
    ("body", "event_type", "actor"),
    [
        ("Lawyers told the court that Israel's bombardment had killed more than 20,000 people "
         "in Gaza.", "military", "Israel"),
        ("Tensions continue to escalate between India and Pakistan amid claims and counter "
         "claims of shooting down each other's fighter planes.", "military", "Pakistan"),
        ("Mali gave the French ambassador 72 hours to leave.\n\nFrance has had troops in Mali "
         "since 2013, when they intervened to drive back Islamist militants on their way to the "
         "capital.", "military", "France"),
        ("The foreign ministers of Brazil and Ecuador canceled their trips to Caracas on "
         "Thursday.", "meeting", "Venezuela"),
        ("In the afternoon, Modi had a tete-a-tete with Bangladesh's Prime Minister Sheikh "
         "Hasina.", "meeting", "Sheikh Hasina"),
        ("Putin will receive a delegation of African heads of state in the near future.",
         "meeting", "Vladimir Putin"),
        ("Costa Rica filed a case with the world court against Nicaragua.", "criticism",
         "Costa Rica"),
        ('"We are ready to dispatch specialists to help China," Kouchner said.', "aid", "China"),
    ],
)
def test_bombardments_trips_cases_filed_and_delegations_received(body, event_type, actor):
    events = found(body)
    assert any(t == event_type and any(actor in a for a in names) for t, _, names in events), events


def test_a_trip_called_off_is_a_cancelled_meeting():
    events = found("The foreign ministers of Brazil and Ecuador canceled their trips to Caracas "
                   "on Thursday.")
    assert [e[:2] for e in events] == [("meeting", "cancelled")], events


@pytest.mark.parametrize(
    "body",
    [
        "West African regional bloc ECOWAS suspended Mali on Sunday.",
        "The African Union suspended Mali after last August's coup.",
        "ECOWAS has suspended Burkina Faso in the aftermath of a military coup.",
    ],
)
def test_a_state_suspended_by_a_bloc_is_sanctioned(body):
    sanctions = [e for e in found(body) if e[0] == "sanctions"]
    assert sanctions and sanctions[0][1] == "occurred", found(body)


def test_suspended_talks_or_flights_are_no_suspended_state():
    assert [e[:2] for e in found("Russia suspended talks with Ukraine on Monday.")] == [
        ("talks", "postponed")
    ]
    assert not any(e[0] == "sanctions" for e in found("Kenya suspended Mali's debt talks."))


def test_a_party_that_will_work_with_another_proposes_cooperation():
    events = found("China will work with the African Union in developing the cooperation plan, "
                   "Xi said.")
    assert any(t == "proposal" and {"China", "African Union"} <= set(a) for t, _, a in events), (
        events
    )
    # the ability to work with someone is no offer; one party alone offers nothing
    assert found("Beijing restricted the ability of U.S. companies to work with Chinese "
                 "companies.") == []
    assert found("The United States will work with its allies.") == []


def test_planes_downed_by_a_state_are_a_military_act():
    from tracker.extract import extract

    text = "Test\n\nPakistan said it downed two Indian planes.\n"
    found = [(e.type, [a.name for a in e.actors]) for e in extract(text).events]
    assert found == [("military", ["Pakistan", "India"])]


def test_the_soviet_army_is_the_soviet_union():
    from tracker.extract import extract

    text = "Test\n\nThe Soviet army seized the four Kuril islands at the end of the war.\n"
    found = [(e.type, [a.name for a in e.actors]) for e in extract(text).events]
    assert found == [("military", ["Soviet Union"])]


def test_a_troop_build_up_is_a_military_act():
    from tracker.extract import extract

    text = "Test\n\nRussia's troop build-up on the border with Ukraine continued on Monday.\n"
    assert [e.type for e in extract(text).events] == ["military"]


def test_breaking_or_cutting_diplomatic_relations_is_a_sanction():
    from tracker.extract import extract

    for text in (
        "Venezuela broke diplomatic relations with Colombia in 2019.",
        "Morocco cut diplomatic ties with Iran in 2018.",
    ):
        found = [(e.type, len(e.actors)) for e in extract(f"Test\n\n{text}\n").events]
        assert found == [("sanctions", 2)], text


def test_a_minister_of_foreign_relations_and_a_minister_elect_are_titles():
    from tracker.extract import extract

    text = (
        "Test\n\nVenezuela's minister of foreign relations Carlos Faria hosted Colombia's "
        "foreign minister-elect Alvaro Leyva in San Cristobal.\n"
    )
    events = extract(text).events
    assert [a.name for a in events[0].actors] == ["Carlos Faria", "Alvaro Leyva"]


def test_could_not_accept_is_a_rejection():
    from tracker.extract import extract

    text = "Test\n\nPakistan said it could not accept India's \"preconditions\".\n"
    events = extract(text).events
    assert [(e.type, [a.name for a in e.actors]) for e in events] == [
        ("rejection", ["Pakistan", "India"])
    ]


def test_a_peace_conference_hosted_is_a_meeting():
    from tracker.extract import extract

    text = "Test\n\nThe United Kingdom will host a peace conference on Sudan in April.\n"
    events = extract(text).events
    assert [(e.type, e.status) for e in events] == [("meeting", "planned")]


def test_sanctioning_and_restrictive_measures_are_sanctions():
    assert found("Chile said it would start sanctioning Bolivian officials.") == [
        ("sanctions", "planned", ["Chile", "Bolivia"]),
    ]
    assert found("The European Union adopted restrictive measures against Belarus on Monday.") == [
        ("sanctions", "occurred", ["European Union", "Belarus"]),
    ]


def test_offensive_as_an_adjective_is_no_military_offensive():
    assert found(
        "Tensions rose after Chilean ministers published offensive social media posts about Peru."
    ) == []
    assert found("Chile supplied Peru with offensive weapons.") == [
        ("aid", "occurred", ["Chile", "Peru"]),
    ]


def test_a_seizure_of_power_told_in_a_relative_clause_is_who_someone_is():
    # the relative clause names the rulers; the act told is the expulsion
    assert found(
        "Peru's military rulers, who seized control of the government in July, expelled the "
        "Chilean ambassador."
    ) == [("sanctions", "occurred", ["Peru", "Chile"])]
    assert found("Peru's army seized control of the Chilean border town.") == [
        ("military", "occurred", ["Peru", "Chile"]),
    ]


def test_sanctions_relief_is_no_sanction_and_property_that_can_be_seized_no_attack():
    assert found("Peru wants sanctions relief from Chile.") == []
    assert found("Peru gave up its missiles in exchange for the easing of sanctions.") == []
    assert all(t != "military" for t, _, _ in found(
        "Under Chilean sanctions, any property belonging to Peruvian firms can be seized."
    ))
    assert found("Chilean troops seized the Peruvian border town on Monday.") == [
        ("military", "occurred", ["Chile", "Peru"]),
    ]


def test_closing_airspace_or_an_embassy_downgrading_ties_and_revoking_visas_are_sanctions():
    for sentence in (
        "Canada closed its airspace to Russian aircraft.",
        "Beijing downgraded diplomatic relations with Lithuania.",
        "Washington revoked the visas of 20 Ugandan officials.",
        "Ukraine closed its embassy in Tehran.",
    ):
        assert [t for t, _, _ in found(sentence)] == ["sanctions"], sentence


def test_disappointment_expressed_and_a_party_called_out_are_criticism():
    for sentence in (
        "Kenya expressed disappointment with Tanzania's decision.",
        "Canada called out China for its treatment of the Uyghurs.",
    ):
        assert [t for t, _, _ in found(sentence)] == ["criticism"], sentence
    # "called out" needs two parties: names called out at a ceremony are no one's criticism
    assert found("The names were called out at the ceremony.") == []


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("Armenia declined Azerbaijan's invitation.", "rejection"),
        ("The UN Security Council ordered Israel to cease fire.", "demand"),
        ("India and China clashed along the border.", "military"),
        ("Brazil floated the idea of a peace club with China.", "proposal"),
    ],
)
def test_declining_ordering_clashing_on_a_border_and_floating_an_idea(sentence, kind):
    assert [t for t, _, _ in found(sentence)] == [kind]


def test_a_clash_over_something_else_is_no_fighting():
    assert "military" not in [t for t, _, _ in found("India and China clashed over trade rules.")]


def test_a_leader_due_in_a_capital_is_to_visit_and_one_who_dialled_another_called():
    assert found("Kenyan President William Ruto is due in London on Monday.") == [
        ("meeting", "planned", ["William Ruto", "United Kingdom"])
    ]
    assert found("The report is due in May.") == []
    assert [t for t, _, _ in found("Modi dialled Putin on Friday.")] == ["call"]


def test_force_a_party_stands_ready_to_use_is_force_threatened():
    assert found("ECOWAS said it was ready to use force in Niger.") == [
        ("military", "threatened", ["ECOWAS", "Niger"])
    ]
    assert found("Kenya is ready to use the new port.") == []


@pytest.mark.parametrize(
    ("sentence", "initiator", "target"),
    [
        ("China said Sunday it had suspended senior bilateral exchanges with Japan.", "China",
         "Japan"),
        ("China says it has decided to downgrade its ties with Lithuania.", "China", "Lithuania"),
        ("The Dominican Republic will shut its entire border with neighboring Haiti on Friday.",
         "Dominican Republic", "Haiti"),
        ("Saudi Arabia imposed a blanket ban on all imports from Lebanon.", "Saudi Arabia",
         "Lebanon"),
        ("Saudi Arabia asked the Lebanese ambassador to leave within 48 hours.", "Saudi Arabia",
         "Lebanon"),
    ],
)
def test_links_cut_borders_shut_bans_and_envoys_sent_home_are_sanctions(
    sentence, initiator, target
):
    assert ("sanctions", [initiator, target]) in [(t, names) for t, _, names in found(sentence)]


def test_a_border_close_by_is_no_border_closed():
    assert found("The Russian village lies very close to the border with Japan.") == []
    assert "sanctions" not in [t for t, _, _ in found("Seoul halted its plans to cut costs.")]


def test_a_partys_standing_questioned_or_its_decision_called_disappointing_is_criticism():
    assert found("Sri Lanka had questioned Norway's neutrality.") == [
        ("criticism", "occurred", ["Sri Lanka", "Norway"])
    ]
    assert ("criticism", ["Israel", "Australia"]) in [
        (t, names) for t, _, names in
        found("The Israeli foreign ministry said Australia's decision was disappointing.")
    ]
    assert found("The minister questioned the figures.") == []


@pytest.mark.parametrize(
    ("sentence", "recipient"),
    [
        ("The Netherlands has suspended 5 million euros ($6.15 million) in aid to Rwanda.",
         "Rwanda"),
        ("The United States froze $50 million in assistance to Egypt on Friday.", "Egypt"),
        ("The reaction follows Washington's $200,000 cut in military aid to Rwanda.", "Rwanda"),
    ],
)
def test_aid_cut_off_is_a_sanction_on_its_recipient_not_aid(sentence, recipient):
    assert [(t, s, names[-1]) for t, s, names in found(sentence)] == [
        ("sanctions", "occurred", recipient)
    ]


def test_a_measure_one_would_not_hesitate_to_take_is_threatened_and_a_mission_shut_a_sanction():
    assert found("The EU will not hesitate to impose further sanctions on Russia.") == [
        ("sanctions", "threatened", ["European Union", "Russia"])
    ]
    assert found("The EU will not impose further sanctions on Russia.") == []
    assert found("Canada closed the Iranian embassy in Ottawa on Friday.") == [
        ("sanctions", "occurred", ["Canada", "Iran"])
    ]


def test_concern_at_what_a_party_may_do_is_criticism_of_it():
    # the modal after "that" is what is feared, not a hypothetical concern
    assert found("Australia is concerned that China could build a military base in the "
                 "Pacific.") == [("criticism", "occurred", ["Australia", "China"])]
    assert found("Australia is concerned that the talks could fail.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Turkey carried out military operations against Iraq on Friday.",
        "Turkey launched ground operations against Iraq on Friday.",
        "Russia began a bombing campaign against Ukraine on Friday.",
    ],
)
def test_operations_and_campaigns_of_force_are_military(sentence):
    assert [(t, names) for t, _, names in found(sentence)] == [
        ("military", [sentence.split()[0], "Iraq" if "Iraq" in sentence else "Ukraine"])
    ]


@pytest.mark.parametrize(
    ("sentence", "roles"),
    [
        ("The attack by Russia on Ukraine killed nine people.",
         [("Russia", "initiator"), ("Ukraine", "target")]),
        ("The strikes on Iran by Israel began on Friday.",
         [("Israel", "initiator"), ("Iran", "target")]),
        ("Ukraine has reported continuous attacks by Russia.",
         [("Russia", "initiator"), ("Ukraine", "target")]),
    ],
)
def test_force_told_by_its_noun_is_made_by_its_by_agent(sentence, roles):
    events = extract(f"Test\n\n{sentence}\n", published=PUBLISHED).events
    assert [(e.type, [(a.name, a.role) for a in e.actors]) for e in events] == [("military", roles)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Lithuania released a statement on Sunday, saying that it regrets China's decision.",
        "In a statement, Lithuania's Foreign Ministry said that it regrets China's decision.",
    ],
)
def test_a_verb_after_that_and_a_pronoun_is_a_new_act_not_that_noun(sentence):
    assert found(sentence) == [("criticism", "occurred", ["Lithuania", "China"])]


def test_suspended_from_a_body_named_in_apposition_and_countermeasures_threatened():
    assert found("Paraguay has been suspended from the regional economic bloc, Mercosur.") == [
        ("sanctions", "occurred", ["Mercosur", "Paraguay"])
    ]
    assert found('China threatened Japan with "strong countermeasures" if the captain was not '
                 "released.") == [("sanctions", "threatened", ["China", "Japan"])]


def test_condolences_are_support_a_deal_renounced_or_offers_ignored_a_rejection():
    assert found("Chinese Foreign Minister Yang Jiechi offered his condolences to Japanese "
                 "Foreign Minister Takeaki Matsumoto.") == [
        ("support", "occurred", ["Yang Jiechi", "Takeaki Matsumoto"])
    ]
    assert found("Ecuador said Thursday it is renouncing a trade pact with the United States.") == [
        ("rejection", "occurred", ["Ecuador", "United States"])
    ]
    assert found("The rebels will renounce violence.") == []
    assert [t for t, _, _ in found("Tajikistan proposed a ceasefire, but Kyrgyzstan ignored "
                                   "the offers.")] == ["agreement", "rejection"]
    # "satellite phones" are supplies, not a call
    assert found("A New Zealand Air Force Hercules was sent with supplies including "
                 "chainsaws, satellite phones and a helicopter.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Dominican Republic and China announced they were establishing diplomatic "
         "relations on Tuesday.", ("agreement", ["Dominican Republic", "China"])),
        ("New Zealand has extended its pause on direct payments to the Cook Islands "
         "government.", ("sanctions", ["New Zealand", "Cook Islands"])),
        ("New Zealand paused funding to the Cook Islands in June.",
         ("sanctions", ["New Zealand", "Cook Islands"])),
        ("Kyrgyz border guards opened fire on Tajik troops on Thursday.",
         ("military", ["Kyrgyzstan", "Tajikistan"])),
        ("Ethiopia and Eritrea fought a war over the border.",
         ("military", ["Ethiopia", "Eritrea"])),
        ("Sudan recognised South Sudan on Friday.", ("support", ["Sudan", "South Sudan"])),
        ("Sudan announced its official recognition of the new Republic of South Sudan.",
         ("support", ["Sudan", "South Sudan"])),
    ],
)
def test_ties_established_funds_paused_fire_opened_and_states_recognised(sentence, expected):
    assert [(t, names) for t, _, names in found(sentence)] == [expected]


def test_recognising_a_need_supports_no_one():
    assert found("Spain recognised the importance of the deal.") == []


def test_forces_moving_in_from_a_neighbour_and_help_sent_to_a_party():
    assert found("Armored troops rolled into Bahrain from neighboring Saudi Arabia on "
                 "Monday.") == [("military", "occurred", ["Saudi Arabia", "Bahrain"])]
    assert [(t, names) for t, _, names in found("Japan sent help to Turkey after the "
                                                "earthquake.")] == [
        ("aid", ["Japan", "Turkey"])
    ]


def test_a_blockade_is_an_embargo_unless_it_is_held_by_ships_at_sea():
    assert [(t, names) for t, _, names in found(
        "The United States tightened its blockade of Cuba.")] == [
        ("sanctions", ["United States", "Cuba"])
    ]
    assert [t for t, _, _ in found("Saudi Arabia imposed a naval blockade on Yemen.")] == [
        "military"
    ]


def test_a_demonym_before_a_capitalised_government_names_the_state():
    assert found("Russia criticised the Japanese Government.") == [
        ("criticism", "occurred", ["Russia", "Japan"])
    ]
    assert found("The Australian Government is expelling an Israeli diplomat.") == [
        ("sanctions", "occurred", ["Australia", "Israel"])
    ]


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("Mexico negotiates an agreement with the White House.", "talks"),
        ("China faults Japan over the visit.", "criticism"),
    ],
)
def test_verbs_in_the_third_person_as_in_a_headline(sentence, event_type):
    assert [t for t, _, _ in found(sentence)] == [event_type]


def test_leaders_named_after_a_plural_title_of_two_states_and_their_meeting():
    events = extract(
        "Test\n\nThe meeting of the premiers of Slovenia and Croatia, Miro Cerar and Andrej "
        "Plenković, resulted in no progress. Cerar rejected Plenković's proposal.\n",
        published=PUBLISHED,
    ).events
    assert [(e.type, [a.name for a in e.actors]) for e in events][:2] == [
        ("meeting", ["Miro Cerar", "Andrej Plenković"]),
        ("rejection", ["Miro Cerar", "Andrej Plenković"]),
    ]


@pytest.mark.parametrize(
    ("sentence", "left"),
    [
        ("Kiribati switched its diplomatic recognition to China from Taiwan in 2019.", "Taiwan"),
        ("The Solomon Islands switched ties from Taiwan to China in 2019.", "Taiwan"),
    ],
)
def test_recognition_switched_away_from_a_party_is_a_sanction_on_it(sentence, left):
    [(event_type, _, names)] = found(sentence)
    assert event_type == "sanctions" and left in names and "China" in names


def test_talks_sought_with_a_leader_are_talks_not_a_meeting():
    assert found("Colombian President Juan Manuel Santos said he would seek talks with "
                 "Venezuelan counterpart Nicolas Maduro.") == [
        ("talks", "proposed", ["Juan Manuel Santos", "Nicolas Maduro"])
    ]


def test_a_second_act_of_the_kind_between_other_parties_is_an_act_of_its_own():
    events = [(t, names) for t, _, names in found(
        "Biden will meet Prime Minister Pham Minh Chinh in Hanoi, while Japanese Prime "
        "Minister Fumio Kishida will meet Indonesian President Joko Widodo in Jakarta.")]
    assert events == [
        ("meeting", ["Joe Biden", "Pham Minh Chinh"]),
        ("meeting", ["Fumio Kishida", "Joko Widodo"]),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Peru's President Dina Boluarte announced on Friday the return of the country's "
         "ambassador in Mexico.", ("sanctions", ["Dina Boluarte", "Mexico"])),
        ("China ordered the Philippine warship to leave.", ("demand", ["China", "Philippines"])),
        ("Nepal raised strong objections to India's new map.", ("criticism", ["Nepal", "India"])),
    ],
)
def test_an_envoy_called_home_ships_ordered_out_and_objections_lodged(sentence, expected):
    assert [(t, names) for t, _, names in found(sentence)] == [expected]


def test_a_party_said_to_have_committed_a_reckless_act_is_criticised():
    assert [(t, names[-1]) for t, _, names in found(
        'Morocco said Spain had committed a "reckless and totally unacceptable act" in '
        "hosting the rebel leader.")] == [("criticism", "Spain")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Trump offered to help resolve the crisis between Qatar and Saudi Arabia.",
         ("proposal", "proposed")),
        ("China is ready to help end the war between Russia and Ukraine.",
         ("proposal", "proposed")),
        ("Japan offered to help Turkey rebuild after the earthquake.", ("aid", "proposed")),
        ("Spain offered help to Morocco after the earthquake.", ("aid", "proposed")),
    ],
)
def test_help_offered_to_settle_a_dispute_is_a_proposal_not_aid(sentence, expected):
    assert [(t, s) for t, s, _ in found(sentence)] == [expected]


def test_soldiers_that_arrive_pay_no_visit():
    assert found("Indonesia said 14 uniformed PNG soldiers arrived in Yakyu village.") == []
    assert [t for t, _, _ in found("Xi Jinping arrived in Moscow on Monday for a state visit.")
            ] == ["meeting"]


def test_papua_new_guinean_names_papua_new_guinea_not_guinea():
    assert found("Indonesia accused Papua New Guinean soldiers of crossing the border.") == [
        ("criticism", "occurred", ["Indonesia", "Papua New Guinea"])
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Qatar announced it would send field hospitals to Lebanon.",
         [("aid", ["Qatar", "Lebanon"])]),
        ("France said it was sending search and rescue experts to Lebanon.",
         [("aid", ["France", "Lebanon"])]),
        ("Medical supplies from Kuwait arrived in Beirut on Wednesday.", []),
    ],
)
def test_relief_sent_is_aid_and_goods_that_arrive_pay_no_visit(sentence, expected):
    assert [(t, names) for t, _, names in found(sentence)] == expected


def test_recognising_a_titled_person_as_leader_backs_him():
    assert found("Colombia recognized opposition leader Juan Guaido as Venezuela's interim "
                 "president.") == [("support", "occurred", ["Colombia", "Juan Guaido"])]


def test_an_insult_is_criticism_but_a_name_once_given_is_no_act():
    assert found('Colombian President Ivan Duque has called his counterpart Maduro a '
                 '"dictator."') == [
        ("criticism", "occurred", ["Ivan Duque", "Nicolas Maduro"])
    ]
    assert "criticism" not in [t for t, _, _ in found(
        "The EU said that Lukashenko, once dubbed Europe's last dictator, could face sanctions.")]


def test_pressing_a_party_to_act_is_a_demand():
    assert found("For years Bolivia has been pressing Chile to grant it an outlet to the "
                 "sea.") == [("demand", "occurred", ["Bolivia", "Chile"])]


def test_troops_that_clash_fight():
    assert found("Indian and Chinese troops clashed in the Galwan valley on Monday.") == [
        ("military", "occurred", ["India", "China"])
    ]
    assert found('Lapid said the deal would "stave off the possibility of a military clash '
                 'with" Hezbollah.') == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ukrainian President Petro Poroshenko described the incident as open Russian aggression.",
         [("criticism", "occurred", ["Petro Poroshenko", "Russia"])]),
        ("Pakistan's prime minister called the strikes an act of war.",
         [("criticism", "occurred", ["Pakistan"])]),
        # a call made to discuss a wrong names the wrong as its topic: no one is called names
        ("Putin called Biden on Tuesday to discuss Russian aggression.",
         [("call", "occurred", ["Vladimir Putin", "Joe Biden"])]),
    ],
)
def test_aggression_and_acts_of_war_are_damning_labels(sentence, expected):
    assert found(sentence) == expected


def test_in_what_a_party_described_as_a_wrong_it_judges_the_one_who_did_it():
    assert ("criticism", "occurred", ["Hamas", "Israel"]) in found(
        "Israel struck the camp in what Hamas called a war crime.")
    assert "criticism" not in [t for t, _, _ in found(
        "Sudan's army seized the town in what has been described as a declaration of war.")]


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        ("Pakistani shelling killed three Indian soldiers.", ["Pakistan", "India"]),
        ("Azerbaijani forces shelled Armenian villages.", ["Azerbaijan", "Armenia"]),
    ],
)
def test_the_state_an_adjective_names_shells_and_is_shelled(sentence, parties):
    assert found(sentence) == [("military", "occurred", parties)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("China lodged stern representations with Japan over the move on Sunday.",
         [("criticism", "occurred", ["China", "Japan"])]),
        ("Chinese Vice Foreign Minister Wang Guangya made solemn representations to Japanese "
         "ambassador Uichiro Niwa on Sunday.",
         [("criticism", "occurred", ["Wang Guangya", "China", "Uichiro Niwa"])]),
        ("The lawyer made representations to the court.", []),
    ],
)
def test_representations_lodged_are_a_diplomatic_protest(sentence, expected):
    assert found(sentence) == expected


def test_an_act_done_at_the_request_of_a_party_tells_its_request_too():
    assert found("Rwanda deployed 1,000 troops to Mozambique at the request of the Government "
                 "of Mozambique.") == [
        ("military", "occurred", ["Rwanda", "Mozambique"]),
        ("demand", "occurred", ["Mozambique", "Rwanda"]),
    ]
    assert found("The US forces arrived at the request of interim President Juan Guaido.") == [
        ("demand", "occurred", ["Juan Guaido", "United States"])
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("China rejected criticism from Washington.",
         [("rejection", "occurred", ["China", "United States"]),
          ("criticism", "occurred", ["United States", "China"])]),
        ("Kigali rejected France's accusations.",
         [("rejection", "occurred", ["Rwanda", "France"]),
          ("criticism", "occurred", ["France", "Rwanda"])]),
    ],
)
def test_a_charge_rejected_is_told_as_its_maker_s_criticism(sentence, expected):
    assert found(sentence) == expected


def test_the_rejection_of_a_charge_is_titled_with_the_one_it_answers():
    events = extract("Test\n\nChina rejected criticism from Washington.\n").events
    assert events[0].title == "China rejection of United States"


def test_a_state_said_to_arm_or_back_armed_groups_is_accused():
    assert found("The U.N. said Kigali was backing rebels.") == [
        ("criticism", "occurred", ["United Nations", "Rwanda"])
    ]
    assert [t for t, _, _ in found("Rwanda said it was supporting the peace talks.")] == [
        "support"
    ]


def test_a_short_name_in_brackets_does_not_end_a_list_of_parties():
    assert found("A summit between the Association of Southeast Asian Nations (ASEAN) and the "
                 "United States was postponed.") == [
        ("meeting", "postponed", ["ASEAN", "United States"])
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kenyan troops entered Somalia last weekend.",
         [("military", "occurred", ["Kenya", "Somalia"])]),
        ("Rwandan soldiers crossed into Congo on Monday.",
         [("military", "occurred", ["Rwanda", "Democratic Republic of the Congo"])]),
        ("The delegation entered Pakistan on Monday.", []),
    ],
)
def test_troops_that_enter_a_state_use_force(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russia has not ruled out military action against Ukraine.",
         [("military", "threatened", ["Russia", "Ukraine"])]),
        ("Trump did not rule out the use of military force to recover the Panama Canal.",
         [("military", "threatened", ["Donald Trump", "Panama"])]),
        # talks kept open are not refused, nor offered
        ("He did not rule out talks with Iran.", []),
    ],
)
def test_force_not_ruled_out_is_force_threatened(sentence, expected):
    assert found(sentence) == expected


def test_a_deal_told_with_its_making_and_its_time_is_a_fact_of_its_own():
    assert found("The talks in Doha built on the nuclear deal reached between Iran and the "
                 "United States on 14 July 2015 in Vienna.") == [
        ("agreement", "occurred", ["Iran", "United States"])
    ]
    # with neither its parties nor its time, the deal is one told before
    assert "agreement" not in [t for t, _, _ in found("Lula praised the agreement.")]


def test_one_side_meeting_two_different_people_holds_two_meetings():
    events = extract("Test\n\nIndian Prime Minister Narendra Modi met Bangladesh Prime Minister "
                     "Sheikh Hasina in Dhaka on Saturday. In the afternoon, he had a meeting with "
                     "West Bengal Chief Minister Mamata Banerjee.\n",
                     published=dt.date(2015, 6, 7)).events
    assert [[a.name for a in e.actors] for e in events if e.type == "meeting"] == [
        ["Narendra Modi", "Sheikh Hasina"], ["Narendra Modi", "Mamata Banerjee"]
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # "handed" alone asks nothing: power, aid and letters are handed over
        "Rajapakse handed over power to Maithripala Sirisena last year.",
        "The food parcels will be handed over to the World Food Programme and Palestine.",
        # reaffirming a wish to work together makes no deal
        "Ghana and Burkina Faso have reaffirmed their commitment to deepen their collaboration.",
    ],
)
def test_words_that_were_mostly_wrong_as_triggers_are_none(sentence):
    assert [t for t, _, _ in found(sentence) if t in ("demand", "agreement")] == []


def test_a_list_handed_to_a_party_asks_it():
    assert found("Biden said he had handed Putin a list of 16 critical infrastructure entities "
                 "that should be off-limits.") == [
        ("demand", "occurred", ["Joe Biden", "Vladimir Putin"])
    ]
