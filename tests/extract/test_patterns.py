"""Event patterns as data (tracker/extract/patterns.py, data/patterns.json)."""

import datetime as dt

import pytest

from tracker.extract import extract
from tracker.extract.actors import Actor, Mention
from tracker.extract.events import Trigger
from tracker.extract.patterns import PatternSet, patterns
from tracker.extract.tokens import tokenize

PUBLISHED = dt.date(2024, 6, 12)


def found(body):
    events = extract(f"Test\n\n{body}\n", published=PUBLISHED).events
    return [(e.type, e.status, [(a.name, a.role) for a in e.actors]) for e in events]


def test_every_pattern_in_the_data_file_compiles_and_is_anchored():
    ps = patterns()
    assert ps.anchors and ps.on_triggers
    assert {"help", "asked", "warned", "met", "withdrew", "invited", "impose"} <= ps.anchors


def _one(document_patterns, text, mentions=(), triggers=()):
    ps = PatternSet({
        "gap_stops": [".", "and"], "not_bare_verbs": ["to"],
        "synsets": {"aid_nouns": ["aid", "air defence systems"]},
        "patterns": document_patterns,
    })
    tokens = tokenize(text)
    return ps.apply(tokens, [t.low for t in tokens], list(mentions), list(triggers))


def _mention(name, tok, tok_end, kind="state"):
    return Mention(Actor(name, kind, None), tok, tok_end, "gazetteer")


def test_a_slot_records_the_party_and_its_role():
    got = _one(
        [{"verb": "send|sent", "after": "...3 &aid_nouns to PARTY:target", "type": "aid"}],
        "Japan sent more air defence systems to Ukraine",
        mentions=[_mention("Japan", 0, 1), _mention("Ukraine", 7, 8)],
    )
    assert got == [Trigger("aid", None, 1.0, 1, 2, ((7, "target"),))]


def test_a_gap_is_bounded_and_stops_at_a_clause_boundary():
    pattern = [{"verb": "send", "after": "...2 &aid_nouns", "type": "aid"}]
    assert _one(pattern, "send them some aid")
    assert not _one(pattern, "send them some more aid")  # three tokens: too far
    assert not _one(pattern, "send them and aid")  # the gap crosses "and"


def test_a_list_gap_reads_through_a_list():
    mentions = [_mention("Egypt", 0, 1), _mention("Sudan", 8, 9)]
    text = "Egypt sent aid , food and fuel into Sudan"
    strict = [{"verb": "sent", "after": "...1 &aid_nouns ...5 into PARTY:target", "type": "aid"}]
    listing = [{"verb": "sent", "after": "...1 &aid_nouns ...5+ into PARTY:target", "type": "aid"}]
    assert not _one(strict, text, mentions=mentions)  # "and" ends a plain gap
    assert _one(listing, text, mentions=mentions)


def test_a_discard_removes_the_lexicon_trigger_at_its_anchor():
    lexicon_trigger = Trigger("meeting", None, 1.0, 1, 2)
    pattern = [{"verb": "met", "after": "...2 &fulfilled_nouns", "type": None,
                "only": ["meeting"]}]
    assert _one(pattern, "Caracas met its commitments", triggers=[lexicon_trigger]) == []
    assert _one(pattern, "Caracas met its neighbours", triggers=[lexicon_trigger]) == [
        lexicon_trigger
    ]


def test_a_pattern_before_the_anchor_reads_leftwards():
    sanctions = Trigger("sanctions", None, 1.0, 3, 4)
    pattern = [{"verb": "TRIGGER", "before": "&prospect_nouns of ...2", "type": None}]
    assert _one(pattern, "the threat of sanctions", triggers=[sanctions]) == []
    assert _one(pattern, "the end of sanctions", triggers=[sanctions]) == [sanctions]


def test_quotation_marks_are_transparent_to_words():
    pattern = [{"verb": "called", "after": "...6 &damning_labels", "type": "criticism"}]
    assert _one(pattern, 'Xi called the remarks a "grave mistake."')


@pytest.mark.parametrize(
    ("body", "event_type"),
    [
        ("The United States will help Armenia and Azerbaijan build border crossings.", "aid"),
        ("Manila asked Washington to send more ships.", "demand"),
        ("China warned Japan against provocations in the Taiwan Strait.", "criticism"),
        # against doing something: a demand that the party not do it
        ("China warned Japan against interfering in the Taiwan Strait.", "demand"),
        ("Chile warned Peru against imposing tariffs on copper.", "demand"),
        ("Seoul took Manila's side in the dispute with Beijing.", "support"),
        # a party called a name from the dictionary of damning labels
        ('Javier Milei called his Colombian counterpart Gustavo Petro a "terrorist".',
         "criticism"),
        ('Robles called the Venezuelan government a "dictatorship" on Thursday.', "criticism"),
        ("China says it is extremely dissatisfied with the Canadian tariffs.", "criticism"),
        # backing and thanks told by "stands behind", "appreciate", "congratulations"
        ('Trump said his administration "stands behind Japan, its great ally, 100 per cent".',
         "support"),
        ("Appreciating Sheikh Hasina for her humanitarian response, Li Keqiang pledged help.",
         "support"),
        # an intent to cooperate with a party is a proposal to it
        ("Xi said China is ready to work with the new U.S. administration.", "proposal"),
        ("Kamikawa noted Japan's intention to boost its ties with the Philippines.", "proposal"),
        # help offered, territory vowed to be seized, troops threatened to be placed
        ("Clinton said the United States is ready to assist Chile's recovery.", "aid"),
        ("China's communist leaders have vowed to one day seize Taiwan.", "military"),
        ("The Kremlin threatened to place troops in the Western Hemisphere.", "military"),
        # a text a party would not endorse is turned down
        ("The United States did not endorse the Compact.", "rejection"),
        # an attack in words is criticism, not force
        ("Trump mounted a sharp attack on India and Russia for their close ties.", "criticism"),
        ("Erdogan launched a scathing attack on the European Union.", "criticism"),
        ("Iran launched an attack on Israel.", "military"),
        ("Tokyo is removing South Korea from its list of trusted trading partners.",
         "sanctions"),
    ],
)
def test_constructions_are_events(body, event_type):
    assert [t for t, _, _ in found(body)][:1] == [event_type]


@pytest.mark.parametrize(
    "body",
    [
        "Venezuela will receive relief only if Caracas met its commitments.",
        "Russian troops will withdraw from the town of Kherson.",
    ],
)
def test_discarded_constructions_are_no_events(body):
    assert found(body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # invite + PARTY + to visit: a proposed meeting from the host to the guest
        ("Kenya invited Nigerian President Bola Tinubu to visit Nairobi.",
         ("meeting", "proposed", [("Kenya", "initiator"), ("Bola Tinubu", "target")])),
        # the passive's by-agent is the initiator
        ("Nigerian President Bola Tinubu was invited by Kenya to visit Nairobi.",
         ("meeting", "proposed", [("Kenya", "initiator"), ("Bola Tinubu", "target")])),
        # called + PERSON: a call that took place
        ("Kenyan President William Ruto called Nigerian President Bola Tinubu on Tuesday.",
         ("call", "occurred", [("William Ruto", "participant"), ("Bola Tinubu", "participant")])),
        # deliver + aid noun + to PARTY
        ("Japan sent more air defence systems to Ukraine.",
         ("aid", "occurred", [("Japan", "initiator"), ("Ukraine", "target")])),
        # impose + sanctions + on PARTY, and sanctions imposed by PARTY
        ("The European Union imposed sanctions on Russia.",
         ("sanctions", "occurred", [("European Union", "initiator"), ("Russia", "target")])),
        ("Russia faces new sanctions imposed by the European Union.",
         ("sanctions", "occurred", [("European Union", "initiator"), ("Russia", "target")])),
        # economic statecraft: goods held up or taxed, a trade privilege taken, a complaint
        ("Russia is suspending imports of bananas and flowers from Ecuador.",
         ("sanctions", "occurred", [("Russia", "initiator"), ("Ecuador", "target")])),
        ("Moscow has tightened checks on all imports from Ukraine.",
         ("sanctions", "occurred", [("Russia", "initiator"), ("Ukraine", "target")])),
        ("On Friday, India announced the withdrawal of Most Favoured Nation status to Pakistan.",
         ("sanctions", "occurred", [("India", "initiator"), ("Pakistan", "target")])),
        ("The United States ended Hong Kong's special status.",
         ("sanctions", "occurred", [("United States", "initiator"), ("Hong Kong", "target")])),
        ("India on Saturday hiked customs duty on goods imported from Pakistan to 200 per cent.",
         ("sanctions", "occurred", [("India", "initiator"), ("Pakistan", "target")])),
        ("Beijing has reciprocated with a 125 percent tariff on imports from the US.",
         ("sanctions", "occurred", [("China", "initiator"), ("United States", "target")])),
        ("Indonesia launched its first complaint against the European Union at the WTO.",
         ("criticism", "occurred", [("Indonesia", "initiator"), ("European Union", "target")])),
        # contacts broken off or frozen with a party
        ("Beijing broke off high-level military contacts with Washington in protest.",
         ("sanctions", "occurred", [("China", "initiator"), ("United States", "target")])),
        ("China froze military contacts with the United States.",
         ("sanctions", "occurred", [("China", "initiator"), ("United States", "target")])),
        # a measure whose prospect a party raises is held out over its target
        ("Obama raised the prospect of sanctions on China over cyber theft.",
         ("sanctions", "threatened", [("Barack Obama", "initiator"), ("China", "target")])),
        # a party's mission closed, told by the noun or in the passive
        ("The United States ordered the closure of the Chinese consulate in Houston.",
         ("sanctions", "occurred", [("United States", "initiator"), ("China", "target")])),
        ("China on Friday said the US consulate in Chengdu will be closed down.",
         ("sanctions", "planned", [("China", "initiator"), ("United States", "target")])),
        # drew criticism from PARTY: the one after "from" criticises
        ("The plan drew sharp criticism from Beijing, which accused Manila of provocation.",
         ("criticism", "occurred", [("China", "initiator"), ("Philippines", "target")])),
    ],
)
def test_patterns_give_type_status_and_roles(body, expected):
    assert found(body)[:1] == [expected]


def test_a_call_pattern_leaves_labels_alone():
    assert [t for t, _, _ in found('Trump called the tariffs "unjustified".')] == ["criticism"]
    assert found("Kenya called on Nigeria to withdraw its troops.")[0][0] == "demand"


@pytest.mark.parametrize(
    "body",
    [
        "Kenyan President William Ruto says he will sign an executive order on Nigeria.",
        "Ruto was able to save Kenya and Nigeria a great deal of expense.",
        "Kenya said it was vital to meet Nigeria's growing humanitarian needs.",
    ],
)
def test_discard_patterns_from_the_news(body):
    assert not any(t in ("agreement", "meeting") for t, _, _ in found(body))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a request for a meeting is a proposed meeting
        ("Kenyan President William Ruto has requested a meeting with Nigerian President Bola "
         "Tinubu.", ("meeting", "proposed")),
        # demand + from PARTY: the one asked
        ("Brazil's government demanded an explanation from Washington.", ("demand", "occurred")),
        # pledge + a sum: aid promised
        ("Kuwait pledged $500 million to Syria.", ("aid", "planned")),
    ],
)
def test_requests_demands_and_pledges(body, expected):
    assert found(body)[0][:2] == expected


def test_demand_from_names_the_one_asked():
    assert found("Brazil's government demanded an explanation from Washington.")[0][2] == [
        ("Brazil", "initiator"), ("United States", "target")
    ]


def test_calling_on_a_person_is_a_visit_and_calling_on_a_party_to_act_a_demand():
    visit = found("Kenyan President William Ruto called on Nigerian President Bola Tinubu and "
                  "discussed the border.")
    assert visit[0][:2] == ("meeting", "occurred")
    demand = found("Kenya called on Nigerian President Bola Tinubu to withdraw his troops.")
    assert demand[0][:2] == ("demand", "occurred")


def test_a_disaster_that_struck_is_no_attack():
    assert found("Syria and Lebanon also felt the strong tremors that struck Turkey.") == []


@pytest.mark.parametrize(
    "body",
    [
        "The deal, struck in Beijing this week, is a victory for China.",
        "Russian forces are withdrawing from the region around Kherson, Ukraine said.",
    ],
)
def test_no_attack_in_a_deal_struck_and_no_rejection_in_leaving_a_place(body):
    assert not any(t in ("military", "rejection") for t, _, _ in found(body))


def test_votes_against_and_to_ratify():
    assert found("Kenya voted against the agreement with Nigeria.")[0][:2] == (
        "rejection", "occurred"
    )
    assert found("Kenya's parliament voted on Monday to ratify Nigeria's application.")[0][
        :2
    ] == ("support", "occurred")


def test_a_gap_is_tried_only_where_the_words_after_it_can_start():
    ps = PatternSet({
        "gap_stops": ["."], "not_bare_verbs": [], "synsets": {"aid": ["aid", "food supplies"]},
        "patterns": [{"verb": "sent", "after": "...4 &aid", "type": "aid"}],
    })
    gap, words = ps.by_anchor["sent"][0].after
    assert gap.then == (words.firsts, False) and words.firsts == frozenset({"aid", "food"})
    assert words.then is None
    # the words at every reach of the gap, and behind a quote mark
    for text in ("sent aid", "sent them aid", "sent them some more food supplies",
                 'sent "aid"', 'sent them some "food supplies"'):
        tokens = tokenize(text)
        assert ps.apply(tokens, tokens.lows, [], []), text
    tokens = tokenize("sent them some more of the aid")
    assert not ps.apply(tokens, tokens.lows, [], [])  # five tokens: past the gap


def test_a_party_slot_is_tried_only_where_a_party_can_start():
    ps = PatternSet({
        "gap_stops": ["."], "not_bare_verbs": [], "synsets": {},
        "patterns": [{"verb": "said", "after": "...3 that? the? PARTY:target ...2 lied",
                      "type": "criticism"}],
    })
    pattern = ps.by_anchor["said"][0]
    assert pattern.opens is None  # a gap first: anything
    assert pattern.after[0].then == (frozenset({"that", "the"}), True)
    texts = {
        "Kyiv said that Moscow lied": [_mention("Kyiv", 0, 1), _mention("Moscow", 3, 4)],
        "Kyiv said on Monday the Kremlin lied": [
            _mention("Kyiv", 0, 1), _mention("the Kremlin", 5, 6)
        ],
        # a title before the name: "of" and capitalised words open a party
        "Kyiv said Secretary of State Blinken lied": [
            _mention("Kyiv", 0, 1), _mention("Blinken", 5, 6, kind="person")
        ],
    }
    for text, mentions in texts.items():
        tokens = tokenize(text)
        got = ps.apply(tokens, tokens.lows, mentions, [])
        assert [t.type for t in got] == ["criticism"], text
    tokens = tokenize("Kyiv said the talks lied")
    assert ps.apply(tokens, tokens.lows, [_mention("Kyiv", 0, 1)], []) == []


def test_relief_goods_sent_with_no_recipient_named_are_aid():
    from tracker.extract import extract

    text = "Test\n\nIndia had sent an additional 11,000 MT of rice as a goodwill gesture.\n"
    found = [(e.type, [a.name for a in e.actors]) for e in extract(text).events]
    assert ("aid", ["India"]) in found


def test_a_state_provided_people_with_food_supplies_is_aid():
    from tracker.extract import extract

    text = "Test\n\nBritain has provided nearly 50,000 people with food supplies.\n"
    assert [e.type for e in extract(text).events] == ["aid"]


def test_tanks_sent_into_a_country_are_an_attack_not_aid():
    from tracker.extract import extract

    text = "Test\n\nRussia sent tanks into Ukraine on Monday.\n"
    found = [(e.type, [a.name for a in e.actors]) for e in extract(text).events]
    assert found == [("military", ["Russia", "Ukraine"])]


def test_a_party_barred_from_doing_something_is_sanctioned():
    from tracker.extract import extract

    text = (
        "Test\n\nThe Netherlands barred a plane carrying Turkey's foreign minister from landing.\n"
    )
    found = [(e.type, [a.name for a in e.actors]) for e in extract(text).events]
    assert ("sanctions", ["Netherlands", "Turkey"]) in found


def test_a_barring_with_one_party_only_is_no_sanction():
    from tracker.extract import extract

    text = "Test\n\nA US judge barred Trump from ending the program.\n"
    assert extract(text).events == []


def test_stopping_oil_shipments_to_a_party_sanctions_it():
    from tracker.extract import extract

    text = "Test\n\nSince last month, the U.S. has stopped oil shipments from Venezuela to Cuba.\n"
    found = [(e.type, [a.name for a in e.actors]) for e in extract(text).events]
    assert found == [("sanctions", ["United States", "Venezuela", "Cuba"])]


def test_whom_a_party_threatens_with_sanctions_is_their_target():
    from tracker.extract import extract

    text = "Test\n\nWashington has threatened Moscow with new sanctions.\n"
    events = extract(text).events
    assert [(e.type, e.status, [(a.name, a.role) for a in e.actors]) for e in events] == [
        ("sanctions", "threatened", [("United States", "initiator"), ("Russia", "target")])
    ]


def test_forces_mobilised_are_military_but_a_relief_agency_mobilised_is_not():
    from tracker.extract import extract

    def types(text):
        return [e.type for e in extract(f"Test\n\n{text}\n").events]

    assert types("Russia mobilized 300,000 reservists in September.") == ["military"]
    assert "military" not in types(
        "Germany's Chancellor Olaf Scholz said the German relief agency had been mobilised."
    )


def test_help_offered_is_aid_proposed():
    from tracker.extract import extract

    text = "Test\n\nSpain and France offered help on Saturday after the earthquake.\n"
    events = extract(text).events
    assert [(e.type, e.status) for e in events] == [("aid", "proposed")]


def test_a_party_ready_to_hold_talks_on_terrorism_is_not_judged_a_terrorist():
    from tracker.extract import extract

    text = "Test\n\nSwaraj said India remained ready to hold talks on terrorism at any time.\n"
    events = extract(text).events
    assert [(e.type, e.status) for e in events] == [("talks", "proposed")]


def test_rockets_fired_at_a_party_are_a_military_act_a_test_into_the_sea_is_not():
    from tracker.extract import extract

    def found(text):
        return [(e.type, [a.name for a in e.actors]) for e in extract(f"Test\n\n{text}\n").events]

    assert found("Hamas launched a barrage of rockets at Israel.") == [
        ("military", ["Hamas", "Israel"])
    ]
    assert found("North Korea fired two ballistic missiles into the sea on Sunday.") == []


def test_patriot_systems_sent_to_a_state_are_aid():
    from tracker.extract import extract

    text = "Test\n\nGermany will deliver two more Patriot systems to Ukraine.\n"
    events = extract(text).events
    assert [(e.type, [a.name for a in e.actors]) for e in events] == [
        ("aid", ["Germany", "Ukraine"])
    ]


def test_vetoing_a_states_membership_bid_rejects_it():
    from tracker.extract import extract

    events = extract("Test\n\nHungary vetoed Ukraine's membership bid.\n").events
    assert [(e.type, [a.name for a in e.actors]) for e in events] == [
        ("rejection", ["Hungary", "Ukraine"])
    ]


def test_an_ambassador_summoned_by_name_is_a_protest():
    from tracker.extract import extract

    text = "Test\n\nChina summoned U.S. Ambassador Jon Huntsman over the arms sale.\n"
    events = extract(text).events
    assert [(e.type, [a.name for a in e.actors][0]) for e in events] == [("criticism", "China")]


def test_a_gerund_element_reads_an_ing_form_after_the_anchor_only():
    pattern = [{"verb": "warned", "after": "...2 against GERUND", "type": "demand"}]
    assert _one(pattern, "Oslo warned them against raising prices")
    assert not _one(pattern, "Oslo warned them against higher prices")
    assert not _one(pattern, "Oslo warned them against King")  # "king": too short an -ing
    with pytest.raises(ValueError):
        _one([{"verb": "warned", "before": "GERUND", "type": "demand"}], "Oslo warned them")


def test_a_party_slot_before_the_anchor_reads_a_possessor_or_an_adjective():
    pattern = [{"verb": "war", "before": "PARTY's:initiator ...1", "after": "in PARTY:target",
                "type": "military"}]
    mentions = [_mention("Chile", 0, 1), _mention("Peru", 4, 5)]
    assert _one(pattern, "Chile's long war in Peru", mentions) == [
        Trigger("military", None, 1.0, 2, 3, ((0, "initiator"), (4, "target")))
    ]
    # a possessive slot wants a possessive: "Chile war in Peru" has none
    assert not _one(pattern, "Chile big war in Peru", mentions)
    adjective = [{"verb": "war", "before": "PARTY:initiator", "after": "in PARTY:target",
                  "type": "military"}]
    assert _one(adjective, "Chilean war in Peru", [_mention("Chile", 0, 1),
                                                   _mention("Peru", 3, 4)])


def test_a_war_a_party_wages_on_another_is_a_military_act_told_in_passing():
    assert found("The markets were shaken by Canada's long war on Mexico.") == [
        ("military", "occurred", [("Canada", "initiator"), ("Mexico", "target")]),
    ]
    assert ("military", "occurred", [("Canada", "initiator"), ("Mexico", "target")]) in found(
        "Markets fell again because of Canada's continued aggression against Mexico."
    )
    assert ("military", "occurred", [("Brazil", "initiator"), ("Argentina", "target")]) in found(
        "Exports slumped during the brief war between Brazil and Argentina."
    )
    # only the parties the phrase names: Chile is no target of Canada's war
    assert found("Chile's election was overshadowed by the Canadian occupation of Mexico.") == [
        ("military", "occurred", [("Canada", "initiator"), ("Mexico", "target")]),
    ]


def test_a_war_named_as_a_setting_or_a_trade_war_is_no_military_act():
    assert all(t != "military" for t, _, _ in found(
        "Brazil's president visited Canada amid Canada's war on Mexico."
    ))
    assert all(t != "military" for t, _, _ in found(
        "Exports slumped during the trade war between Brazil and Argentina."
    ))


def test_a_measure_taken_in_return_is_aimed_at_the_one_it_answers():
    assert found("Peru retaliated against Chilean tariffs with levies of 25 percent.") == [
        ("sanctions", "occurred", [("Peru", "initiator"), ("Chile", "target")]),
    ]
    assert found("Peru retaliated by announcing its own sanctions against Chile.") == [
        ("sanctions", "occurred", [("Peru", "initiator"), ("Chile", "target")]),
    ]


def test_a_partys_economy_or_banks_targeted_are_sanctioned_its_villages_are_not():
    assert found("Canada said it was targeting vital areas of the Belarusian economy.") == [
        ("sanctions", "occurred", [("Canada", "initiator"), ("Belarus", "target")]),
    ]
    assert all(t != "sanctions" for t, _, _ in found(
        "Israeli strikes targeted Palestinian villages in the West Bank on Monday."
    ))


def test_an_absent_element_before_the_anchor_reads_leftwards():
    pattern = [{"verb": "backed", "before": "!...2:is|was", "after": "by", "type": "support"}]
    assert _one(pattern, "militias backed by Turkey")
    assert not _one(pattern, "the bid was backed by Turkey")
    assert not _one(pattern, "the bid was unanimously backed by Turkey")


def test_a_listed_slot_reads_persons_under_titles_in_lower_case():
    # "press President A and leader B to seal a deal": both are asked; the deal is what they
    # are asked for, not one made
    assert found(
        "Guterres flew in on Thursday to press Greek Cypriot President Nicos Anastasiades and "
        "Turkish Cypriot leader Mustafa Akinci to seal a deal."
    ) == [("demand", "occurred", [
        ("Antonio Guterres", "initiator"), ("Nicos Anastasiades", "target"),
        ("Mustafa Akinci", "target"),
    ])]
    assert found("The EU asked Serbia and Kosovo to lower tensions.") == [("demand", "occurred", [
        ("European Union", "initiator"), ("Serbia", "target"), ("Kosovo", "target"),
    ])]


def test_a_party_asked_may_be_set_off_by_an_appositive():
    assert found(
        "Saudi Arabia had asked Pakistan, a fellow Sunni-majority country, to provide ships."
    ) == [("demand", "occurred", [("Saudi Arabia", "initiator"), ("Pakistan", "target")])]


def test_objections_and_charges_name_their_maker_after_by_or_from():
    # "despite strong objections by the United States": the United States objects
    got = found("Pakistan and Iran inaugurated the pipeline despite strong objections by the "
                "United States.")
    assert [(t, s, actors[0]) for t, s, actors in got] == [
        ("criticism", "occurred", ("United States", "initiator"))
    ]
    assert found("India objected strongly when Chinese submarines berthed in Sri Lanka.") == [
        ("criticism", "occurred", [("India", "initiator")])
    ]
    # no objection raised is none
    assert found("The ship entered without any objection from the guard.") == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # arms sold or delivered to a party are aid to it
        ("The government wants to sell hundreds of tanks to Saudi Arabia.",
         ("aid", [("Saudi Arabia", "target")])),
        ("Russia will deliver the S-300 missile system to Iran.",
         ("aid", [("Russia", "initiator"), ("Iran", "target")])),
        ("The United States approved the sale of 72 F-15 aircraft to Qatar.",
         ("aid", [("United States", "initiator"), ("Qatar", "target")])),
        # a delivery or a sale halted is a sanction on the buyer
        ("Germany halted arms sales to Saudi Arabia on Sunday.",
         ("sanctions", [("Germany", "initiator"), ("Saudi Arabia", "target")])),
        ("The Biden administration halted a shipment of bombs to Israel.",
         ("sanctions", [("United States", "initiator"), ("Israel", "target")])),
    ],
)
def test_arms_sold_are_aid_and_arms_halted_a_sanction(body, expected):
    got = found(body)
    assert [(t, actors) for t, _, actors in got][:1] == [expected], got


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Niger's junta revoked a raft of military cooperation agreements with France.",
         [("Niger", "initiator"), ("France", "target")]),
        ("Duterte terminated the Visiting Forces Agreement with the United States.",
         [("Rodrigo Duterte", "initiator"), ("United States", "target")]),
        ("Chad ended its defence cooperation agreement with France.",
         [("Chad", "initiator"), ("France", "target")]),
    ],
)
def test_a_standing_deal_revoked_terminated_or_ended_is_quit(body, expected):
    assert found(body) == [("rejection", "occurred", expected)]


def test_talks_that_ended_with_an_agreement_quit_nothing():
    assert [t for t, *_ in found("Iran and Iraq ended their talks with an agreement.")] != [
        "rejection"
    ]


@pytest.mark.parametrize(
    ("body", "target"),
    [
        ("The U.S. has put a hold on delivering tanks and fighter jets to Egypt.", "Egypt"),
        ("Germany put arms exports to Saudi Arabia on hold.", "Saudi Arabia"),
        ("The US is removing Turkey from its F-35 fighter jet programme.", "Turkey"),
        ("The G7 expelled Russia from the group in 2014.", "Russia"),
    ],
)
def test_goods_held_back_or_a_party_put_out_of_a_body_is_a_sanction(body, target):
    got = found(body)
    assert got and got[0][0] == "sanctions" and (target, "target") in got[0][2]


@pytest.mark.parametrize(
    ("body", "actors"),
    [
        # the party asked, a time before or after it: still asked
        ("Hailing ties with Germany, Xi also on Tuesday urged Berlin to pursue a pragmatic "
         "policy.", [("Xi Jinping", "initiator"), ("Germany", "target")]),
        ("Xi urged Berlin on Tuesday to pursue a pragmatic policy.",
         [("Xi Jinping", "initiator"), ("Germany", "target")]),
    ],
)
def test_urged_reads_the_party_asked_as_asked_does(body, actors):
    demands = [e for e in found(body) if e[0] == "demand"]
    assert demands == [("demand", "occurred", actors)]


def test_a_person_being_called_to_talk_is_a_call_whatever_the_verb_form():
    assert found(
        "The thaw began with Erdogan calling Herzog to congratulate him on his election."
    )[:1] == [("call", "occurred", [("Recep Tayyip Erdogan", "participant"),
                                     ("Isaac Herzog", "participant")])]
    # called to do what is not talk: no call
    assert [t for t, _, _ in found("The protesters are calling Putin to resign.")] != ["call"]


def test_duties_named_without_a_party_taxed_are_no_sanction():
    assert found("Uganda will collect customs duties before goods leave Mombasa port.") == []


def test_a_strike_that_is_no_use_of_force_is_no_military_act():
    assert [t for t, _, _ in found("China has hit Australia with trade strikes on wine and beef.")
            ] != ["military"]
    assert found("The opposition called a general strike against the government of Peru.") == []


def test_a_prospect_raised_by_no_one_is_no_act():
    assert found("The threat of sanctions on China weighed on markets.") == []
