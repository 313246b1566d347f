"""The status layer (tracker/extract/status.py): tense, aspect, voice, modality, conditions."""

import datetime as dt

import pytest

from tracker.extract import extract
from tracker.extract.events import Trigger, TriggerLexicon
from tracker.extract.status import cue_status, event_status, in_condition, predicate_status
from tracker.extract.tokens import tokenize

PUBLISHED = dt.date(2024, 6, 12)


def first_event(body):
    found = extract(f"Test\n\n{body}\n", published=PUBLISHED).events
    assert found, body
    return found[0]


@pytest.mark.parametrize(
    ("body", "event_type", "status"),
    [
        # the verb group comes long after the noun
        ("Talks between the European Commission and Russia over the supply of gas to "
         "Ukraine have been postponed until next week, the ministry said.", "talks", "postponed"),
        ("The summit between Kenyan President William Ruto and the leaders of Ethiopia, "
         "Somalia and Sudan had been scrapped after the attack.", "meeting", "cancelled"),
        ("A visit of Kenyan President William Ruto to Nigeria scheduled for Friday has been "
         "rescheduled.", "meeting", "postponed"),
        ("Talks between Armenia and Azerbaijan got postponed.", "talks", "postponed"),
        # a plan that stands
        ("Biden's trip to Israel was still on, according to the White House.", "meeting",
         "planned"),
        ("The summit between Ruto and Abiy is on track.", "meeting", "planned"),
        # a passive future: the act is ahead
        ("The peace agreement between Armenia and Azerbaijan will be formally signed on "
         "June 26 in Geneva.", "agreement", "planned"),
        # a bare past tense tells the act itself
        ("Talks between Armenia and Azerbaijan ended without a result.", "talks", "occurred"),
        ("Talks between Armenia and Azerbaijan were held in Geneva on Monday.", "talks",
         "occurred"),
    ],
)
def test_predicate_sets_status(body, event_type, status):
    event = first_event(body)
    assert (event.type, event.status) == (event_type, status)


def test_pledged_aid_is_planned():
    event = first_event("Kuwait pledged $500 million in aid to Syria.")
    assert (event.type, event.status) == ("aid", "planned")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("talks have not been postponed", None),  # a negation tells no change
        ("talks , the minister said , were postponed", None),  # another clause's verb
        ("talks between Jordan , Egypt and Israel were cancelled", "cancelled"),
        ("talks are due next week", "planned"),
        ("talks began on Monday", None),
        # the parties' names and appositions, commas and all, run up to the relative clause
        ("talks between Kenya's strongman , Amos Kariuki , and the president he ousted , Ben "
         "Otieno , which were set for this weekend have been postponed", "postponed"),
        ("talks between Kenya and Uganda , which were due on Monday , have been cancelled",
         "cancelled"),
        ("talks between Kenya and Uganda , the minister said , were postponed", None),
    ],
)
def test_predicate_status_words(text, expected):
    lows = [t.low for t in tokenize(text)]
    assert predicate_status(lows, 1) == expected


@pytest.mark.parametrize(
    ("body", "event_type", "status"),
    [
        ("Japanese Prime Minister Shinzo Abe said he is arranging a meeting with South Korean "
         "President Moon Jae-in.", "meeting", "planned"),
        ("Kerry's visit to Pakistan is now likely in the first half of July.", "meeting",
         "planned"),
        ("The Syria crisis forced John Kerry to reschedule his visit to Pakistan.", "meeting",
         "postponed"),
    ],
)
def test_status_cues_from_news(body, event_type, status):
    event = first_event(body)
    assert (event.type, event.status) == (event_type, status)


@pytest.mark.parametrize(
    ("body", "event_type", "status"),
    [
        # a deal offered on a condition is a proposal, not a plan
        ("Putin said he would agree to a 30-day truce with Ukraine only if Kyiv stopped "
         "receiving weapons.", "agreement", "proposed"),
        ("Erdogan is trying to bring Russia and Ukraine into peace talks.", "talks",
         "proposed"),
        ("Ri said that North Korea now had the right to shoot down U.S. warplanes.",
         "military", "threatened"),
    ],
)
def test_offers_and_threats(body, event_type, status):
    event = first_event(body)
    assert (event.type, event.status) == (event_type, status)


def statuses(body):
    found = extract(f"Test\n\n{body}\n", published=PUBLISHED).events
    return [(e.type, e.status) for e in found]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # perfect and passive: what became of the act outweighs an attributive "planned"
        ("A planned visit to Tokyo by Japanese Prime Minister Fumio Kishida has been "
         "postponed.", ("meeting", "postponed")),
        ("A planned summit between Kenyan President William Ruto and Nigerian President Bola "
         "Tinubu has been cancelled.", ("meeting", "cancelled")),
        # a schedule in the past perfect was overtaken; a later clause says how
        ("The summit between Kenyan President William Ruto and Nigerian President Bola Tinubu "
         "had been due to take place on Friday.", ("meeting", "postponed")),
        ("Nigerian President Bola Tinubu had been due to travel to Nairobi on Friday, but the "
         "visit was cancelled.", ("meeting", "cancelled")),
        # ... but an expectation in the past perfect may still hold
        ("A Chinese delegation led by Vice Premier Liu He had been expected in Washington on "
         "Wednesday for a round of talks with Robert Lighthizer.", ("talks", "planned")),
        # a participle describing another noun says nothing of the act
        ("Kenya and Nigeria appear poised to revisit suspended agreements and negotiate a new "
         "framework.", ("talks", "planned")),
        ("Kenya postponed the talks with Nigeria.", ("talks", "postponed")),
        # a cue belongs to the act it governs, not to one inside a later phrase
        ("The trip had been arranged during a phone call between President Joe Biden and "
         "Benjamin Netanyahu on 18 March 2024.", ("call", "occurred")),
        # quotation marks do not break a cue
        ('Russia was "open" to talks with Ukraine.', ("talks", "proposed")),
        # modals and conditions
        ("Kenyan President William Ruto will visit Nigeria next week.", ("meeting", "planned")),
        ("Kenyan President William Ruto would visit Nigeria if the talks with Ethiopia "
         "succeed.", ("meeting", "proposed")),
        ("Kenya would impose sanctions on Nigeria if no deal is reached.",
         ("sanctions", "threatened")),
        ("Kenya threatened to impose sanctions on Nigeria.", ("sanctions", "threatened")),
        # a coercive act someone could take is held out as a threat
        ("Kenya said it could impose sanctions on Nigeria.", ("sanctions", "threatened")),
        ("Kenyan President William Ruto is skipping a planned visit to Nigeria.",
         ("meeting", "cancelled")),
        ("Kenya backed down on its threat to impose sanctions on Nigeria.",
         ("sanctions", "cancelled")),
        ("Kenya would cut oil supplies to Nigeria in case of a military attack.",
         ("sanctions", "threatened")),
        ("Kenya said that if Nigeria did not free the envoy by Thursday, it would impose "
         "sanctions.", ("sanctions", "threatened")),
        ("Kenyan President William Ruto will not travel to Nigeria this week.",
         ("meeting", "cancelled")),
        ("A joint meeting of the leaders of Kenya, Uganda, and Nigeria is planned.",
         ("meeting", "planned")),
        ("Ruto talked about imposing sanctions on Nigeria if no deal is reached.",
         ("sanctions", "threatened")),
        ("Kenya signalled it might join a military strike against Nigeria.",
         ("military", "threatened")),
        # reported speech keeps the reported act's status
        ("Kenya said Nigeria had agreed to hold talks with it.", ("talks", "planned")),
    ],
)
def test_status_from_tense_aspect_voice_and_modality(body, expected):
    assert statuses(body)[:1] == [expected]


@pytest.mark.parametrize(
    "body",
    [
        "Kenya will not impose sanctions on Nigeria.",
        "Kenya may impose sanctions on Nigeria.",
        "Analysts said the sanctions could hurt Nigeria.",
        "Kenya denied that it had imposed sanctions on Nigeria.",
    ],
)
def test_negated_and_hypothetical_acts_are_no_events(body):
    assert statuses(body) == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("both appear poised to revisit suspended agreements and negotiate", "planned"),
        ("they postponed the talks", "postponed"),
        ("the suspended talks", "postponed"),  # the participle describes the trigger itself
        ("they called off high-level talks", "cancelled"),
        ("they would lift the pause on security assistance", "planned"),  # the pause ends
    ],
)
def test_cue_status_reads_only_the_cues_of_the_act(text, status):
    lows = [t.low for t in tokenize(text)]
    lex = TriggerLexicon()
    hi = len(lows)
    assert cue_status(lex, lows, 0, hi, None, start=hi - 1) == status


def test_event_status_folds_conditions_and_lifting():
    lex = TriggerLexicon()
    lows = [t.low for t in tokenize("the us would lift sanctions on iran")]
    trig = Trigger("sanctions", None, 1.0, 4, 5)
    assert event_status(lex, "sanctions", trig, lows, 0, 0, len(lows)) == "cancelled"
    lows = [t.low for t in tokenize("the us would impose sanctions if iran refuses")]
    assert event_status(lex, "sanctions", trig, lows, 0, 0, len(lows)) == "threatened"


def test_an_act_named_in_a_condition_is_not_told():
    assert statuses("Brazil threatened tariffs on Argentina if a deal is not reached.") == [
        ("sanctions", "threatened")
    ]
    tokens = tokenize("sanctions follow if a deal is not reached")
    lows, caps = [t.low for t in tokens], [t.cap for t in tokens]
    assert in_condition(lows, 0, Trigger("agreement", None, 1.0, 4, 5), caps)
    assert not in_condition(lows, 0, Trigger("sanctions", None, 1.0, 0, 1), caps)
    # an act with a named author is presupposed, not a condition
    tokens = tokenize("threats follow if they criticise Turkey's military operation")
    lows, caps = [t.low for t in tokens], [t.cap for t in tokens]
    assert not in_condition(lows, 0, Trigger("military", None, 1.0, 7, 8), caps)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a subjunctive "be" starts a verb group too
        ("The doctors recommend that Kenyan President William Ruto's trip to Nigeria be "
         "postponed.", ("meeting", "postponed")),
        # a phrase after the auxiliary: "had been put on ice"
        ("The summit between Kenyan President William Ruto and Nigerian President Bola Tinubu "
         "had been put on ice.", ("meeting", "postponed")),
        # a known act whose predicate tells a change of its status now is told again
        ("Kishida said the meeting with Yoon had been put on ice.", ("meeting", "postponed")),
        # an offer taken up later in the sentence is agreed
        ("Kenya invited Nigerian President Bola Tinubu to visit Nairobi, and Tinubu accepted.",
         ("meeting", "planned")),
        # readiness on a condition is an offer
        ("Kenya is ready for an immediate ceasefire with Nigeria if Nigeria stops its attacks.",
         ("agreement", "proposed")),
        # a threat verb governs its object however long: "to charge China an additional ..."
        ("Kenya also threatened to charge Nigeria an additional 10 per cent tariff.",
         ("sanctions", "threatened")),
    ],
)
def test_status_reaches_the_governing_verb(body, expected):
    assert statuses(body)[:1] == [expected]


def test_a_counterfactual_names_no_act_even_across_coordinated_modifiers():
    body = ("Russia and China vetoed a resolution on Friday that would have supported "
            "\"an immediate and sustained ceasefire\" in the conflict.")
    assert "agreement" not in [t for t, _ in statuses(body)]


@pytest.mark.parametrize(
    ("body", "status", "day"),
    [
        # told in the present with a time ahead of publication: a plan
        ("Kishida hosts a G7 summit from June 19.", "planned", dt.date(2024, 6, 19)),
        ("Erdogan travels to Moscow on June 20 for talks with Putin.", "planned",
         dt.date(2024, 6, 20)),
        # told in the past: it happened, whatever time follows
        ("Kishida met Yoon Suk Yeol on June 10.", "occurred", dt.date(2024, 6, 10)),
    ],
)
def test_a_present_act_with_a_time_ahead_is_a_plan(body, status, day):
    event = first_event(body)
    assert (event.status, event.when.start if event.when else None) == (status, day)


def test_a_past_act_keeps_no_time_ahead_of_publication():
    event = first_event("Erdogan visited Moscow and said talks would follow on June 20.")
    assert event.status == "occurred"
    assert event.when is None or event.when.start <= PUBLISHED


@pytest.mark.parametrize(
    ("body", "found"),
    [
        # a possibility put forward is an offer
        ("Zelenskyy suggested that India could host a peace summit.", [("meeting", "proposed")]),
        # a possibility only speculated about is no act
        ("Analysts believe the two leaders could meet in Paris.", []),
    ],
)
def test_a_possibility_put_forward_is_a_proposal(body, found):
    events = extract(f"Test\n\n{body}\n", published=PUBLISHED).events
    assert [(e.type, e.status) for e in events] == found


@pytest.mark.parametrize(
    "body",
    [
        "Xi said China and the US should resolve their differences through dialogue.",
        "Macron said Europe needs to talk with Russia.",
    ],
)
def test_talks_said_to_be_needed_are_proposed(body):
    assert first_event(body).status == "proposed"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        # a leader saying he will take a coercive measure: a threat
        ("President Donald Trump said on Sunday that he would raise tariffs on Chinese goods "
         "to 25 percent.", "threatened"),
        # an institution announcing a measure, or one announced with its start: a plan
        ("China's Commerce Ministry said it would impose a 100% tariff on Canadian canola oil.",
         "planned"),
        ("The Treasury said the United States will continue to target Iranian procurement "
         "networks with sanctions.", "planned"),
    ],
)
def test_a_coercive_measure_someone_says_he_will_take_is_a_threat(body, status):
    assert first_event(body).status == status


@pytest.mark.parametrize(
    ("body", "event_type", "status"),
    [
        # a future passive of an irregular verb, with an adverb between
        ("Clinton said both military and civilian disaster assistance would be sent to Haiti.",
         "aid", "planned"),
        ("The United States announced that a new package of sanctions on Russia will soon be "
         "imposed.", "sanctions", "planned"),
    ],
)
def test_future_passive_after_the_noun(body, event_type, status):
    event = first_event(body)
    assert (event.type, event.status) == (event_type, status)


@pytest.mark.parametrize(
    ("body", "status"),
    [
        # "next" before the act's noun: still to come; "future": wanted, not fixed
        ("Russia condemned the announcement of the next package of US sanctions on Moscow.",
         "planned"),
        ("Trump previewed a future meeting with Kim Jong Un.", "proposed"),
        # a wish for the act: proposed
        ("The Kremlin expressed the hope that Japanese Prime Minister Yoshihiko Noda will "
         "visit Russia in January.", "proposed"),
        # a misspelt cancellation still cancels
        ("Trump's last-minute cancelation of his visit to Denmark angered Copenhagen.",
         "cancelled"),
    ],
)
def test_modifiers_and_nouns_of_modality(body, status):
    events = extract(f"Test\n\n{body}\n", published=PUBLISHED).events
    assert status in [e.status for e in events if e.type in ("sanctions", "meeting")], events


def test_narrative_next_day_and_a_framework_of_a_future_deal_are_no_plans():
    events = extract(
        "Test\n\nIsrael and Hamas agreed a truce on Monday, and the next day talks between "
        "Egypt and Qatar resumed in Cairo.\n", published=PUBLISHED
    ).events
    assert "planned" not in [e.status for e in events]
    tokens = tokenize("they formed the framework of a future deal")
    from tracker.extract.status import _named_ahead

    deal = tokens.lows.index("deal")
    trig = Trigger("agreement", None, 1.0, deal, deal + 1)
    assert _named_ahead(tokens.lows, trig) is None


@pytest.mark.parametrize(
    ("body", "status"),
    [
        # a reprisal promised against the other side's measure: a threat
        ("Russian officials have promised a tough response against the US sanctions.",
         "threatened"),
        ("Russia is preparing a decisive reaction to new US sanctions.", "threatened"),
        # a retaliatory measure announced with its own content: a plan
        ("Tehran will soon impose retaliatory sanctions on the European Union.", "planned"),
        ("In response, the United States will impose new sanctions on Russia.", "planned"),
        # a condition told by inversion
        ("Moscow will impose sanctions on Washington should the US decide to expel its "
         "diplomats.", "threatened"),
        # "from" a party is no start date: a leader saying he will take a measure threatens
        ("Erdogan said they will withhold three billion euros from Turkey.", "threatened"),
        ("Erdogan said he would impose sanctions on Syria from January 1.", "planned"),
    ],
)
def test_reprisals_and_conditions_are_threats(body, status):
    events = extract(f"Test\n\n{body}\n", published=PUBLISHED).events
    assert [e.status for e in events if e.type == "sanctions"] == [status], events


@pytest.mark.parametrize(
    ("body", "event_type", "status"),
    [
        # an attributive "proposed" describes the noun: the verb governing both sets the status
        ("India said on Friday that it had called off the proposed talks between Indian "
         "Foreign Minister Sushma Swaraj and Pakistani Foreign Minister Shah Mehmood Qureshi.",
         "talks", "cancelled"),
        ("Trump said he would suspend the implementation of proposed tariffs on EU imports.",
         "sanctions", "postponed"),
        # a participle of a completed act after the noun: the act is done
        ("ECOWAS said it would uphold the sanctions imposed on Mali last year.", "sanctions",
         "occurred"),
        # a commitment for aid: a promise
        ("The US announced a commitment for humanitarian aid to Myanmar.", "aid", "planned"),
    ],
)
def test_participles_and_commitments(body, event_type, status):
    event = first_event(body)
    assert (event.type, event.status) == (event_type, status)


@pytest.mark.parametrize(
    ("body", "event_type", "status"),
    [
        # a serial list before the noun: the verb group before the list governs it
        ("NATO countries will continue providing Kyiv with military, economic, and "
         "humanitarian aid.", "aid", "planned"),
        ("The act would also provide Ukraine with energy, defence sector, and civil society "
         "assistance.", "aid", "planned"),
        # an opening "during" phrase has the time of the clause it sets
        ("During his visit, Prime Minister Rajapaksa is scheduled to meet Indian Prime "
         "Minister Narendra Modi.", "meeting", "planned"),
        ("During his visit, Prime Minister Rajapaksa met Indian Prime Minister Narendra Modi.",
         "meeting", "occurred"),
    ],
)
def test_lists_and_opening_phrases(body, event_type, status):
    event = first_event(body)
    assert (event.type, event.status) == (event_type, status)


def test_a_serial_list_is_read_back_to_its_first_comma():
    from tracker.extract.status import _serial_list_start

    lows = tokenize("will provide Kyiv with military , economic , and humanitarian aid").lows
    assert _serial_list_start(lows, lows.index("and")) == lows.index(",")
    lows = tokenize("Russia invaded Ukraine , China watched , and the US imposed sanctions").lows
    assert _serial_list_start(lows, lows.index("and")) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause after the noun has its own verb group; the predicate follows it
        ("tariffs on Mexican goods that were due to take effect on Monday had been suspended",
         "postponed"),
        ("talks that were set for this weekend have been postponed", "postponed"),
        # the relative clause's own status is not the predicate's
        ("talks that were postponed last month resumed on Monday", None),
        ("talks that were due to open on Monday began", None),
    ],
)
def test_predicate_after_a_relative_clause(text, expected):
    lows = tokenize(text).lows
    noun = next(k for k, w in enumerate(lows) if w in ("tariffs", "talks"))
    assert predicate_status(lows, noun + 1) == expected


def test_talks_set_in_a_relative_clause_and_postponed_after_it():
    event = first_event(
        "Talks between Armenia and Azerbaijan that were set for this weekend have been postponed."
    )
    assert (event.type, event.status) == ("talks", "postponed")


@pytest.mark.parametrize(
    ("body", "status"),
    [
        # the suspension is the measure itself, not what became of it
        ("Russia has suspended visa-free travel for Turkish citizens.", "occurred"),
        ("The United States announced a pause in aid to Ukraine.", "occurred"),
    ],
)
def test_a_suspension_named_by_the_trigger_is_the_measure(body, status):
    events = extract(f"Test\n\n{body}\n", published=PUBLISHED).events
    assert [(e.type, e.status) for e in events] == [("sanctions", status)]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        # the act a journey is for has the journey's modality, however long the way there
        ("At the invitation of President Kassym-Jomart Tokayev, Uzbek President Shavkat "
         "Mirziyoyev will arrive in Astana on June 12 for a three-day official visit.",
         "planned"),
        ("Uzbek President Shavkat Mirziyoyev arrived in the Kazakh capital Astana on Monday "
         "for a three-day official visit.", "occurred"),
    ],
)
def test_an_act_a_journey_is_for(body, status):
    events = extract(f"Test\n\n{body}\n", published=PUBLISHED).events
    assert [(e.type, e.status) for e in events] == [("meeting", status)]


def test_talks_as_the_means_of_a_wished_act():
    event = first_event(
        "Japanese Trade Minister Hiroshi Kajiyama said on Tuesday that it is desirable for "
        "Japan and South Korea to examine the situation through proper dialogue."
    )
    assert (event.type, event.status) == ("talks", "proposed")


def test_a_bracketed_gloss_does_not_cut_the_act_from_its_cue():
    events = extract(
        "Test\n\nCastro explained the cancellation of a Community of Latin American and "
        "Caribbean States (CELAC) summit on Trump's immigration policy.\n", published=PUBLISHED
    ).events
    assert [(e.type, e.status) for e in events] == [("meeting", "cancelled")]


def test_a_measure_on_a_failure_is_a_threat():
    events = extract(
        "Test\n\nThe ECOWAS Commission chairman said failure of Jammeh to step down by noon "
        "of Friday will result in a military action against Gambia.\n", published=PUBLISHED
    ).events
    assert ("military", "threatened") in [(e.type, e.status) for e in events], events


def test_a_plan_undone_far_into_the_but_clause():
    events = extract(
        "Test\n\nA joint mission of envoys from ECOWAS, the African Union and the United "
        "Nations was due to travel to Niamey on Tuesday, but the junta said it could not "
        "receive the delegation, and the visit was called off.\n", published=PUBLISHED
    ).events
    assert [(e.type, e.status) for e in events][:1] == [("meeting", "cancelled")], events


@pytest.mark.parametrize(
    ("body", "status"),
    [
        # the condition is the second verb's, not the talks'
        ("Mexico and the United States said they would continue discussions and announce "
         "further measures within 90 days if the results were insufficient.", "planned"),
        # a condition of the talks' own: an offer
        ("Mexico and the United States said they would continue discussions only if the "
         "results were sufficient.", "proposed"),
    ],
)
def test_a_condition_on_a_coordinated_verb(body, status):
    events = extract(f"Test\n\n{body}\n", published=PUBLISHED).events
    assert [(e.type, e.status) for e in events] == [("talks", status)], events


def test_an_act_with_a_named_author_inside_a_condition_is_presupposed():
    events = extract(
        "Test\n\nErdogan warned the European Union that Ankara will open the gates for "
        "refugees if the bloc keeps criticizing Turkey's military operation in Syria.\n",
        published=PUBLISHED,
    ).events
    assert ("military", "occurred") in [(e.type, e.status) for e in events], events


@pytest.mark.parametrize(
    "body",
    [
        # "ready for" an act is an offer, as "ready to" is
        "Libya is ready for a ceasefire with the rebels, Libyan Deputy Foreign Minister "
        "Khaled Kaaim said.",
        # the act glossed in brackets after the words that govern it
        "\"We are ready for this decision (a ceasefire) with the rebels,\" Libyan Deputy "
        "Foreign Minister Khaled Kaaim said.",
    ],
)
def test_ready_for_an_act_is_an_offer(body):
    events = extract(f"Test\n\n{body}\n", published=PUBLISHED).events
    assert [(e.type, e.status) for e in events] == [("agreement", "proposed")], events


def test_a_bid_with_its_author_between_is_an_offer():
    events = extract(
        "Test\n\nA recent peace bid by France to hold a peace summit in Paris was accepted by "
        "the Palestinians.\n", published=PUBLISHED
    ).events
    assert [(e.type, e.status) for e in events] == [("meeting", "proposed")], events


@pytest.mark.parametrize(
    ("body", "event_type", "status"),
    [
        # a statement still to come: a future or a plan participle just before the speech act
        ("Tokyo will continue to convey to Moscow its concerns about the visit.", "criticism",
         "planned"),
        ("The African Union said it will no longer recognise Yahya Jammeh as president.",
         "rejection", "planned"),
        ("Pacific leaders are also expected to back Australia's bid to host the summit.",
         "support", "planned"),
        # support promised is given in the promise; words said are said
        ("China will continue to staunchly support Pakistan, Wang said.", "support", "occurred"),
        ("Tokyo conveyed to Moscow its concerns about the visit.", "criticism", "occurred"),
        ("Kenya urged Ethiopia to withdraw its troops, the statement said.", "demand",
         "occurred"),
    ],
)
def test_a_speech_act_governed_by_a_future_is_still_to_come(body, event_type, status):
    event = first_event(body)
    assert (event.type, event.status) == (event_type, status)


def test_an_act_an_opening_before_or_ahead_of_phrase_looks_forward_to_is_still_to_come():
    found = extract(
        "Test\n\nBefore leaving for Japan for a G20 summit, Erdogan warned Washington against "
        "imposing sanctions.\n", published=PUBLISHED,
    ).events
    assert {(e.type, e.status) for e in found} == {
        ("meeting", "planned"), ("demand", "occurred"),
    }
    # the opening phrase ends at its comma: the main clause's act is its own
    found = extract(
        "Test\n\nAhead of his visit to Seoul, Erdogan spoke with Joe Biden by phone.\n",
        published=PUBLISHED,
    ).events
    assert {(e.type, e.status) for e in found} == {("meeting", "planned"), ("call", "occurred")}


@pytest.mark.parametrize(
    "body",
    [
        "China vowed on Wednesday to impose retaliatory sanctions on Lithuania.",
        "Russia warned on Friday that it would impose sanctions on Poland.",
    ],
)
def test_a_coercive_measure_vowed_is_a_threat(body):
    event = first_event(body)
    assert (event.type, event.status) == ("sanctions", "threatened")


@pytest.mark.parametrize(
    "body",
    [
        "Mexico said another shipment of 1,500 tons of aid to Cuba is ready to be delivered.",
        "Turkish aid for Syria is ready to be shipped.",
    ],
)
def test_an_act_whose_own_predicate_says_it_is_ready_is_still_to_come(body):
    assert first_event(body).status == "planned"


@pytest.mark.parametrize(
    "body",
    [
        "Joaquim Chissano has been asked to mediate in the dispute between Malawi and Tanzania.",
        "Kenyatta was asked to mediate talks between Ethiopia and Eritrea.",
    ],
)
def test_an_act_a_party_is_asked_to_do_is_only_proposed(body):
    assert first_event(body).status == "proposed"


def test_a_refusal_threatened_is_threatened_and_one_made_occurred():
    def statuses(body):
        events = extract(f"Test\n\n{body}\n", published=dt.date(2020, 5, 5)).events
        return [(e.type, e.status) for e in events]

    assert statuses("Hungary threatened to veto the EU aid package for Ukraine.") == [
        ("rejection", "threatened")
    ]
    assert statuses("Hungary vetoed the EU aid package for Ukraine.") == [
        ("rejection", "occurred")
    ]


def test_a_gathering_looked_forward_to_with_ahead_of_is_still_to_come():
    # "signed trade deals ahead of a visit by Hu": the visit has not happened
    text = (
        "The Chinese government signed trade deals with US companies ahead of a visit by "
        "Chinese President Hu Jintao to the United States."
    )
    visit = [e for e in extract(f"Test\n\n{text}\n", published=dt.date(2011, 1, 17)).events
             if e.type == "meeting"]
    assert [(e.status, [a.name for a in e.actors]) for e in visit] == [
        ("planned", ["Hu Jintao", "United States"])
    ]
    meeting = first_event("The two sides exchanged views ahead of a meeting between Putin and Xi.")
    assert (meeting.type, meeting.status) == ("meeting", "planned")


@pytest.mark.parametrize(
    ("body", "status"),
    [
        # a phrase set off after the noun ("previously slated for ..."), then what became of it
        ("Trump's trip to Colombia, previously slated for November 12, has been called off.",
         "cancelled"),
        ("Trump's trip to Colombia, previously slated for November 12, will no longer go ahead.",
         "cancelled"),
        ("Pompeo is no longer meeting with North Korea's Kim Yong Chol.", "cancelled"),
        ("Modi will no longer be visiting Guyana.", "cancelled"),
        # called off only for the time told: put off
        ("Modi will no longer be visiting Guyana at that time, the minister said.", "postponed"),
    ],
)
def test_no_longer_calls_a_gathering_off(body, status):
    event = first_event(body)
    assert (event.type, event.status) == ("meeting", status)
