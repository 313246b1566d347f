"""The discourse layer (tracker/extract/discourse.py): a sentence's act against the acts told
before it. Each function on small constructed inputs, then the same relations through
``extract``."""

import datetime as dt

import pytest

from tracker.domain import When
from tracker.extract import discourse, extract
from tracker.extract.actors import Actor, ArticleMemory, base_index, find_mentions
from tracker.extract.arguments import SentenceMentions
from tracker.extract.clauses import Clauses
from tracker.extract.events import Trigger, TriggerLexicon
from tracker.extract.tokens import tokenize
from tracker.extract.types import ExtractedActor, ExtractedEvent

PUBLISHED = dt.date(2024, 6, 12)

US = Actor("United States", "state", "US")
RUSSIA = Actor("Russia", "state", "RU")
FRANCE = Actor("France", "state", "FR")
BIDEN = Actor("Joe Biden", "person", "US")
PUTIN = Actor("Vladimir Putin", "person", "RU")
MACRON = Actor("Emmanuel Macron", "person", "FR")
LE_MAIRE = Actor("Bruno Le Maire", "person", "FR")
CHINA = Actor("China", "state", "CN")


def party(actor: Actor, role: str = "participant") -> ExtractedActor:
    return ExtractedActor(actor.name, role, actor.kind, actor.country)


def event(
    event_type: str, *parties: ExtractedActor, status: str = "occurred",
    when: When | None = None,
) -> ExtractedEvent:
    return ExtractedEvent(
        type=event_type, status=status, actors=list(parties), when=when, evidence="",
        start=0, end=0,
    )


def day(d: int) -> When:
    return When(dt.date(2024, 6, d), dt.date(2024, 6, d), "day")


JUNE = When(dt.date(2024, 6, 1), dt.date(2024, 6, 30), "month")


def trigger(lows: list[str], word: str, event_type: str, length: int = 1) -> Trigger:
    k = lows.index(word)
    return Trigger(event_type, None, 1.0, k, k + length)


def read(text: str):
    """A sentence's tokens, lower-case words and mentions, as the pipeline has them."""
    tokens = tokenize(text)
    lows = [t.low for t in tokens]
    mentions = find_mentions(tokens, base_index(), ArticleMemory.for_article(text))
    return tokens, lows, mentions, SentenceMentions(tokens, mentions, Clauses(tokens), lows)


def extracted(body: str) -> list[ExtractedEvent]:
    return extract(f"Test\n\n{body}\n", published=PUBLISHED).events


def parties_of(e: ExtractedEvent) -> list[tuple[str, str]]:
    return [(a.name, a.role) for a in e.actors]


# --- the acts told so far -----------------------------------------------------------------


def test_latest_looks_back_a_bounded_number_of_acts():
    calls = [event("call", party(BIDEN), party(PUTIN)) for _ in range(5)]
    acts = [event("meeting", party(MACRON), party(PUTIN)), *calls]
    assert discourse.latest(acts, lambda e: e.type == "call") is calls[-1]
    assert discourse.latest(acts, lambda e: e.type == "meeting") is acts[0]
    assert discourse.latest(acts, lambda e: e.type == "meeting", reach=5) is None
    assert discourse.latest(acts, lambda e: True, reach=0) is None


def test_recent_acts_takes_the_last_of_the_article_and_of_the_sentence():
    article = [event("call", party(BIDEN), party(PUTIN)) for _ in range(discourse.RECENT + 5)]
    sentence = [event("meeting", party(MACRON), party(PUTIN))]
    recent = discourse.recent_acts(article, sentence)
    assert len(recent) == discourse.RECENT + 1
    assert recent[0] is article[5] and recent[-1] is sentence[0]


def test_remove_event_takes_out_that_very_object():
    first, second = event("call", party(BIDEN)), event("call", party(BIDEN))
    acts = [first, second]
    discourse.remove_event(acts, second)
    assert acts == [first] and acts[0] is first
    discourse.remove_event(acts, None)  # nothing to remove: no change
    assert acts == [first]


# --- parties ------------------------------------------------------------------------------


def test_same_party_is_one_actor_or_a_person_and_their_state():
    assert discourse.same_party(party(MACRON), party(MACRON, "initiator"))
    assert discourse.same_party(party(MACRON), party(FRANCE))
    assert not discourse.same_party(party(MACRON), party(LE_MAIRE))  # two people
    assert not discourse.same_party(party(MACRON), party(RUSSIA))


def test_same_side_takes_everyone_of_one_country():
    assert discourse.same_side(party(MACRON), party(LE_MAIRE))
    assert discourse.same_side(party(MACRON), party(FRANCE))
    assert not discourse.same_side(party(MACRON), party(PUTIN))
    no_country = Actor("Hamas", "group", None)
    assert not discourse.same_side(party(no_country), party(Actor("Hezbollah", "group", None)))


def test_merge_actors_keeps_the_first_and_adds_the_new():
    merged = discourse.merge_actors(
        [(BIDEN, "initiator")], [(BIDEN, "participant"), (PUTIN, "participant")]
    )
    assert merged == [(BIDEN, "initiator"), (PUTIN, "participant")]


def test_as_actor_and_as_party_convert_both_ways():
    assert discourse.as_actor(party(MACRON, "target")) == MACRON
    assert discourse.as_party(MACRON) == party(MACRON)


# --- a word for an act told before --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "event_type", "told_before"),
    [
        ("After the talks , Russia said nothing .", "talks", "talks", True),
        ("Russia and Ukraine held their first talks on Monday .", "talks", "talks", False),
        ("The talks between Rubio and Lavrov lasted four hours .", "talks", "talks", False),
        ("Leaders spoke at a summit in Brussels .", "summit", "meeting", True),
        ("It came at a meeting between Macron and Putin .", "meeting", "meeting", False),
        ("Russia called off the talks .", "talks", "talks", False),  # a change told now
        ("The meeting had been put on ice .", "meeting", "meeting", False),
        ("Russia and Ukraine held talks on Monday .", "talks", "talks", False),
        # a verb after its subject: the determiner is the subject's, no noun for an act
        ("The Soviet army seized the islands .", "seized", "military", False),
        ("The meeting participants thanked the Uzbek side .", "thanked", "support", False),
        ("These States signed three legal instruments .", "signed", "agreement", False),
        # a participle after its noun describes the deal told before
        ("The deal signed in January expired .", "signed", "agreement", True),
        # set and called off in one predicate: the change is told now, of a plan first told
        ("The meeting was scheduled to take place Friday in Costa Rica but was canceled .",
         "meeting", "meeting", False),
        ("The summit was originally slated for March 28 but postponed .", "summit", "meeting",
         False),
        # ... but not when another noun is called off after "but"
        ("Al Thani was due to brief Blinken on the deal , but the visit was cancelled .", "deal",
         "agreement", True),
    ],
)
def test_refers_back(text, word, event_type, told_before):
    tokens, lows, mentions, _ = read(text)
    mentioned = {k for m in mentions for k in range(m.tok, m.tok_end)}
    trig = trigger(lows, word, event_type)
    assert discourse.refers_back(lows, trig, TriggerLexicon(), mentioned) is told_before


def test_refers_back_stops_at_a_party_named_before_the_noun():
    tokens, lows, mentions, _ = read("Russia and Ukraine agreed on Monday .")
    mentioned = {k for m in mentions for k in range(m.tok, m.tok_end)}
    trig = trigger(lows, "agreed", "agreement")
    assert not discourse.refers_back(lows, trig, TriggerLexicon(), mentioned)


@pytest.mark.parametrize(
    ("text", "renames"),
    [
        ("confirmed his willingness to meet Putin , an initiative backed by Kyiv", True),
        ("met Putin , a \" initiative \" backed by Kyiv", True),
        ("met Putin and an initiative backed by Kyiv", False),
    ],
)
def test_renames_last_act(text, renames):
    lows = [t.low for t in tokenize(text)]
    assert discourse.renames_last_act(lows, trigger(lows, "initiative", "proposal")) is renames


def test_meets_again():
    lows = [t.low for t in tokenize("the two sides will meet again next week")]
    assert discourse.meets_again(lows, trigger(lows, "meet", "meeting"))
    lows = [t.low for t in tokenize("the two sides will meet next week again")]
    assert not discourse.meets_again(lows, trigger(lows, "meet", "meeting"))


# --- the target of a speech act -----------------------------------------------------------


def test_them_are_the_others_of_the_last_act():
    call = event("call", party(BIDEN), party(MACRON), party(Actor("Olaf Scholz", "person", "DE")))
    lows = [t.low for t in tokenize("Biden congratulated them")]
    trig = trigger(lows, "congratulated", "support")
    targets = discourse.them(lows, trig, [(BIDEN, "initiator")], [call])
    assert [a.name for a in targets] == ["Emmanuel Macron", "Olaf Scholz"]
    # only right after the trigger, and only when the last act had two sides
    assert discourse.them(lows, trig, [(BIDEN, "initiator")], [event("call", party(BIDEN))]) == []
    lows = [t.low for t in tokenize("Biden congratulated them warmly")]
    assert discourse.them(lows, trigger(lows, "warmly", "support"), [], [call]) == []


def test_referred_target_is_whoever_took_the_measures():
    sanctions = event("sanctions", party(US, "initiator"), party(RUSSIA, "target"))
    criticism = event("criticism", party(Actor("Ukraine", "state", "UA"), "initiator"))
    tokens = tokenize("China condemned the measures")
    lows = [t.low for t in tokens]
    trig = trigger(lows, "condemned", "criticism")
    china = [(CHINA, "initiator")]
    assert discourse.referred_target(tokens, trig, china, [sanctions, criticism]) == US
    # the speaker's own act is not what it condemns
    assert discourse.referred_target(tokens, trig, [(US, "initiator")], [sanctions]) is None


def test_referred_target_needs_a_referring_word():
    sanctions = event("sanctions", party(US, "initiator"), party(RUSSIA, "target"))
    tokens = tokenize("China condemned Washington")
    lows = [t.low for t in tokens]
    trig = trigger(lows, "condemned", "criticism")
    assert discourse.referred_target(tokens, trig, [(CHINA, "initiator")], [sanctions]) is None
    tokens = tokenize("China called it a provocation and condemned")
    lows = [t.low for t in tokens]
    trig = trigger(lows, "condemned", "criticism")
    assert discourse.referred_target(tokens, trig, [(CHINA, "initiator")], [sanctions]) == US


def test_same_act_target_looks_at_the_act_just_told():
    eu = Actor("European Union", "organisation", None)
    criticism = event("criticism", party(eu), party(RUSSIA, "target"))
    japan = [(Actor("Japan", "state", "JP"), "initiator")]
    assert discourse.same_act_target("criticism", japan, [criticism]) == RUSSIA
    assert discourse.same_act_target("support", japan, [criticism]) is None
    later = [event("call", party(BIDEN), party(PUTIN)) for _ in range(3)]
    assert discourse.same_act_target("criticism", japan, [criticism, *later]) is None


def test_speech_targets_take_them_before_a_referred_act():
    sanctions = event("sanctions", party(US, "initiator"), party(RUSSIA, "target"))
    call = event("call", party(CHINA), party(MACRON), party(PUTIN))
    tokens = tokenize("China condemned them and the measures")
    lows = [t.low for t in tokens]
    trig = trigger(lows, "condemned", "criticism")
    china = [(CHINA, "initiator")]
    targets = discourse.speech_targets(tokens, lows, trig, 0, china, [sanctions, call])
    assert targets == [MACRON, PUTIN]
    tokens = tokenize("China also condemned the moves")
    lows = [t.low for t in tokens]
    trig = trigger(lows, "condemned", "criticism")
    criticism = event("criticism", party(FRANCE, "initiator"), party(RUSSIA, "target"))
    targets = discourse.speech_targets(tokens, lows, trig, 0, [(CHINA, "initiator")], [criticism])
    assert targets == [RUSSIA]  # "also": the same act's target


# --- the other side of an act told alone --------------------------------------------------


def test_counterpart_is_the_other_side_of_the_latest_conversation():
    call = event("call", party(PUTIN), party(BIDEN))
    assert discourse.counterpart([(BIDEN, "participant")], [call]) == [
        (BIDEN, "participant"), (PUTIN, "participant"),
    ]
    # the side, not the person: the US president's call stands for the US
    assert discourse.counterpart([(US, "participant")], [call]) == [
        (US, "participant"), (PUTIN, "participant"),
    ]
    # only a conversation told just before, and one with someone else in it
    later = [event("sanctions", party(US), party(RUSSIA, "target")) for _ in range(3)]
    assert discourse.counterpart([(BIDEN, "participant")], [call, *later]) is None
    own_side = event("meeting", party(BIDEN), party(US))
    assert discourse.counterpart([(BIDEN, "participant")], [own_side]) is None


def test_talks_behind_deal_are_between_the_deal_parties():
    tokens, lows, _, sm = read("Armenia and Azerbaijan signed a deal after talks mediated by Qatar")
    armenia, azerbaijan = Actor("Armenia", "state", "AM"), Actor("Azerbaijan", "state", "AZ")
    qatar = Actor("Qatar", "state", "QA")
    deal = event("agreement", party(armenia), party(azerbaijan))
    trig = trigger(lows, "talks", "talks")
    actors = [(armenia, "participant"), (qatar, "participant")]
    assert discourse.talks_behind_deal(lows, trig, actors, [deal], sm) == [
        (armenia, "participant"), (azerbaijan, "participant"), (qatar, "participant"),
    ]
    assert discourse.talks_behind_deal(lows, trig, actors, [], sm) is None  # no deal told
    tokens, lows, _, sm = read("Armenia and Azerbaijan signed a deal and held talks with Qatar")
    trig = trigger(lows, "talks", "talks")
    assert discourse.talks_behind_deal(lows, trig, actors, [deal], sm) is None  # no "after"


def test_meeting_of_decision_gives_the_meeting_parties():
    modi = Actor("Narendra Modi", "person", "IN")
    meeting = event("meeting", party(PUTIN), party(modi))
    assert discourse.meeting_of_decision([meeting], modi) == [
        (PUTIN, "participant"), (modi, "participant"),
    ]
    assert discourse.meeting_of_decision([meeting], Actor("India", "state", "IN")) is not None
    assert discourse.meeting_of_decision([meeting], FRANCE) is None
    assert discourse.meeting_of_decision([event("meeting", party(modi))], modi) is None


# --- a second trigger of the same kind in one sentence ------------------------------------


def test_join_parties_completes_a_one_party_act_and_titles_it_anew():
    visit = event("meeting", party(BIDEN))
    visit.title = "Biden meeting"
    discourse.join_parties([visit], "meeting", [(BIDEN, "participant"), (PUTIN, "participant")])
    assert parties_of(visit) == [("Joe Biden", "participant"), ("Vladimir Putin", "participant")]
    assert visit.title == "Biden–Putin meeting"
    # an act with both sides already named is left alone
    discourse.join_parties([visit], "meeting", [(MACRON, "participant")])
    assert len(visit.actors) == 2


def test_part_of_meeting():
    meeting = event("meeting", party(BIDEN), party(PUTIN))
    assert discourse.part_of_meeting([meeting], [(BIDEN, "p"), (PUTIN, "p")])
    assert not discourse.part_of_meeting([meeting], [(BIDEN, "p"), (MACRON, "p")])
    assert not discourse.part_of_meeting([event("call", party(BIDEN), party(PUTIN))],
                                         [(BIDEN, "p"), (PUTIN, "p")])


def test_another_actor_by_a_subject_of_its_own_clause():
    text = "The EU imposed sanctions on Niger , and Nigeria imposed sanctions on Mali"
    tokens, lows, mentions, sm = read(text)
    eu = next(m.actor for m in mentions if m.tok == 1)
    nigeria = next(m.actor for m in mentions if tokens[m.tok].low == "nigeria")
    niger = Actor("Niger", "state", "NE")
    first = event("sanctions", party(eu, "initiator"), party(niger, "target"))
    second = len(lows) - 1 - lows[::-1].index("imposed")
    trig = Trigger("sanctions", None, 1.0, second, second + 2)
    lo = lows.index("and")
    assert discourse.another_actor("sanctions", [(nigeria, "initiator")], [first], lo, trig, sm)
    # the same party again is the same act told on
    assert not discourse.another_actor("sanctions", [(eu, "initiator")], [first], lo, trig, sm)
    # no second clause, or a conversation: never another act by this rule
    assert not discourse.another_actor("sanctions", [(nigeria, "initiator")], [first], 0, trig, sm)
    assert not discourse.another_actor("meeting", [(nigeria, "initiator")], [first], lo, trig, sm)


# --- the same act told again --------------------------------------------------------------


def test_overlaps():
    assert discourse.overlaps(None, day(3))
    assert discourse.overlaps(JUNE, day(3))
    assert not discourse.overlaps(day(4), day(3))


def test_same_parties_same_day():
    congo, rwanda = Actor("Congo", "state", "CD"), Actor("Rwanda", "state", "RW")
    deal = event("agreement", party(congo), party(rwanda), when=day(7))
    ministers = event("agreement", party(Actor("Therese Kayikwamba Wagner", "person", "CD")),
                      party(Actor("Olivier Nduhungirehe", "person", "RW")), when=day(7))
    assert discourse.same_parties_same_day(deal, ministers)
    ministers.when = day(8)
    assert not discourse.same_parties_same_day(deal, ministers)


def test_add_unless_retold_keeps_one_act_with_the_finer_time():
    events = [event("meeting", party(BIDEN), party(PUTIN), when=JUNE, status="planned")]
    discourse.add_unless_retold(
        events, event("meeting", party(PUTIN), party(BIDEN), when=day(12), status="planned")
    )
    assert len(events) == 1 and events[0].when == day(12)


def test_add_unless_retold_keeps_different_acts_apart():
    events = [event("meeting", party(BIDEN), party(PUTIN), when=day(3))]
    held_again = event("meeting", party(BIDEN), party(PUTIN), when=day(3), status="cancelled")
    discourse.add_unless_retold(events, held_again)
    other_day = event("meeting", party(BIDEN), party(PUTIN), when=day(5))
    discourse.add_unless_retold(events, other_day)
    also = event("meeting", party(BIDEN), party(PUTIN), when=day(3))
    also.new_act = True  # "They also met ...": a further act
    discourse.add_unless_retold(events, also)
    assert len(events) == 4


def test_add_unless_retold_takes_a_person_for_their_state():
    events = [event("sanctions", party(US, "initiator"), party(RUSSIA, "target"))]
    discourse.add_unless_retold(
        events, event("sanctions", party(BIDEN, "initiator"), party(RUSSIA, "target"))
    )
    assert len(events) == 1


# --- through extract ----------------------------------------------------------------------


def test_them_through_extract():
    call, support = extracted(
        "Biden spoke with Macron and Scholz by phone on Monday. He congratulated them on the deal."
    )
    assert parties_of(support) == [
        ("Joe Biden", "initiator"), ("Emmanuel Macron", "target"), ("Olaf Scholz", "target"),
    ]


def test_referred_target_through_extract():
    _, criticism = extracted(
        "The United States imposed sanctions on Russia on Monday. China condemned the measures."
    )
    assert parties_of(criticism) == [("China", "initiator"), ("United States", "target")]


def test_same_act_target_through_extract():
    _, concern = extracted(
        "The European Union criticised Russia on Monday. Japan and Australia also voiced concern."
    )
    assert ("Russia", "target") in parties_of(concern)


def test_counterpart_through_extract():
    found = extracted(
        "Putin spoke with Biden by phone in December. Despite having spoken with Biden before "
        "the invasion, the Kremlin launched the attack in February."
    )
    calls = [e for e in found if e.type == "call"]
    assert {a.name for a in calls[-1].actors} == {"Joe Biden", "Vladimir Putin"}


def test_talks_behind_deal_through_extract():
    deal, talks = extracted(
        "Armenia and Azerbaijan signed a peace deal on Friday after talks mediated by Qatar."
    )
    assert [a.name for a in talks.actors] == ["Armenia", "Azerbaijan", "Qatar"]


def test_meeting_of_decision_through_extract():
    assert extracted("OPEC+ agreed to cut output on Monday.") == []  # one party's decision
    meeting, deal = extracted(
        "Putin met Xi Jinping and Narendra Modi in Kazan on Tuesday, where Modi agreed to buy "
        "more oil."
    )
    assert deal.type == "agreement" and len(deal.actors) == 3


def test_join_parties_and_part_of_meeting_through_extract():
    (visit,) = extracted("Biden visited Jeddah on Friday and met Mohammed bin Salman.")
    assert visit.type == "meeting" and len(visit.actors) == 2
    (meeting,) = extracted(
        "Biden met Xi Jinping in Woodside on Wednesday, and the two leaders held four hours of "
        "talks."
    )
    assert meeting.type == "meeting"


def test_another_actor_and_new_target_through_extract():
    found = extracted("Trump criticised Zelensky on Monday, and Macron criticised Putin.")
    assert [e.title for e in found] == [
        "Trump criticism of Zelenskyy", "Macron criticism of Putin",
    ]
    found = extracted(
        "Macron and Scholz met in Berlin on Monday; Scholz thanked Macron for his help and "
        "called Biden a partner."
    )
    assert [e.title for e in found if e.type == "support"] == [
        "Scholz support for Macron", "Scholz support for Biden",
    ]


def test_refers_back_and_meets_again_through_extract():
    (talks,) = extracted(
        "Russia and Ukraine held talks in Istanbul on Monday. After the talks, Russia said nothing."
    )
    held, again = extracted(
        "Russia and Ukraine held talks in Istanbul on Monday. The two sides will meet again next "
        "week."
    )
    assert (again.type, again.status) == ("talks", "planned")


def test_retelling_through_extract():
    found = extracted(
        "Trump met Putin in Alaska on Friday. Trump and Putin met in Alaska on Friday, the "
        "Kremlin said. They also met on Saturday."
    )
    assert [e.when.start.day for e in found] == [7, 8]


def test_one_party_telling_of_an_act_held_with_others_is_that_act_again():
    text = (
        "Test\n\nThe leaders of Ukraine, Russia, France and Germany agreed on Thursday to a "
        "ceasefire after talks in Minsk.\n\n"
        '"We have agreed on a ceasefire," Russian President Vladimir Putin said.\n'
    )
    events = extract(text, published=dt.date(2015, 2, 12)).events
    assert [e.type for e in events].count("agreement") == 1


@pytest.mark.parametrize(
    "plan",
    [
        "Qureshi had to visit Japan from February 24 to 27.",
        "Qureshi was scheduled to visit Japan on February 24.",
        "Qureshi had been expected to visit Japan on February 24.",
    ],
)
def test_a_called_off_visit_and_its_plan_told_in_the_past_are_one_act(plan):
    text = (
        "Test\n\nForeign Minister Shah Mehmood Qureshi's official visit to Japan has been "
        f"cancelled.\n\n{plan}\n"
    )
    (visit,) = [e for e in extract(text, published=dt.date(2019, 2, 23)).events]
    assert (visit.type, visit.status) == ("meeting", "cancelled")
    assert {a.name for a in visit.actors} == {"Shah Mehmood Qureshi", "Japan"}
    assert visit.when is not None and visit.when.start == dt.date(2019, 2, 24)


def test_a_plan_told_as_still_ahead_is_not_the_called_off_act():
    text = (
        "Test\n\nForeign Minister Shah Mehmood Qureshi's visit to Japan has been cancelled.\n\n"
        "Qureshi will visit Japan in March instead.\n"
    )
    events = extract(text, published=dt.date(2019, 2, 23)).events
    assert [e.status for e in events] == ["cancelled", "planned"]


def test_plan_told_in_past_reads_the_words_before_the_trigger():
    planned = event("meeting", party(PUTIN), status="planned")
    planned.evidence, planned.trigger_offset = "Putin was due to visit Paris.", 17
    assert discourse.plan_told_in_past(planned)
    planned.evidence, planned.trigger_offset = "Putin is due to visit Paris.", 16
    assert not discourse.plan_told_in_past(planned)


def test_a_retelling_names_the_other_side_the_first_telling_left_out():
    (meeting,) = extracted(
        "Modi arrived in Kazan on Tuesday. His meeting with Xi Jinping lasted an hour."
    )
    assert [a.name for a in meeting.actors] == ["Narendra Modi", "Xi Jinping"]


def test_aid_told_without_a_recipient_goes_where_the_aid_before_went():
    found = extracted(
        "Kuwait pledged $500 million in aid to Syria. British Prime Minister David Cameron "
        "pledged $1.75 billion in aid."
    )
    aid = [e for e in found if e.type == "aid"]
    # (a leader's aid names the leader's state beside the leader)
    assert [a.name for a in aid[-1].actors] == ["David Cameron", "United Kingdom", "Syria"]


def test_a_target_answering_in_kind_is_a_second_act():
    found = extract(
        "Test\n\nPresident Donald Trump berated London Mayor Sadiq Khan on Twitter on Monday. "
        "Khan responded by slamming Trump for politicising a terrorist attack.",
        published=dt.date(2017, 6, 5),
    ).events
    assert [(e.type, [a.name for a in e.actors]) for e in found] == [
        ("criticism", ["Donald Trump", "Sadiq Khan"]),
        ("criticism", ["Sadiq Khan", "Donald Trump"]),
    ]


def test_a_visit_named_as_someones_is_the_one_told_before():
    found = extract(
        "Test\n\nBritish Foreign Secretary James Cleverly has postponed his visit to China, "
        "which had been planned for next week. Cleverly's visit was originally planned for "
        "the end of July.",
        published=dt.date(2023, 8, 2),
    ).events
    assert [(e.type, e.status) for e in found] == [("meeting", "postponed")]


def test_any_act_named_as_its_authors_is_the_one_told_before():
    found = extract(
        "Test\n\nThe United States imposed sanctions on Iran on Monday. Officials said "
        "Washington's sanctions would hit oil exports hard.",
        published=dt.date(2024, 6, 5),
    ).events
    assert [(e.type, e.status) for e in found] == [("sanctions", "occurred")]


def test_talks_held_by_a_meetings_parties_that_day_are_that_meeting():
    found = extract(
        "Test\n\nRecep Tayyip Erdogan met Vladimir Putin in Sochi on Monday. Monday's talks "
        "mark the first meeting between Erdogan and Putin since his reelection in May.",
        published=dt.date(2023, 9, 4),
    ).events
    assert [(e.type, e.status) for e in found] == [("meeting", "occurred")]


def test_a_meeting_told_again_with_a_person_for_their_state_is_one_act():
    found = extract(
        "Test\n\nObama will visit Cuba in March, the White House said. Obama will meet Cuban "
        "President Raul Castro on March 21.",
        published=dt.date(2016, 2, 18),
    ).events
    (visit,) = found
    assert visit.when is not None and visit.when.start == dt.date(2016, 3, 21)


def test_a_person_for_a_state_counts_only_with_the_same_initiator():
    trump_in_china = event(
        "meeting", party(Actor("Donald Trump", "person", "US")), party(CHINA),
        status="planned", when=JUNE,
    )
    xi_in_us = event(
        "meeting", party(Actor("Xi Jinping", "person", "CN")), party(US),
        status="planned", when=day(20),
    )
    events = [trump_in_china]
    discourse.add_unless_retold(events, xi_in_us)
    assert events == [trump_in_china, xi_in_us]  # a return visit, not the visit told again


def test_talks_told_again_as_a_meeting_of_their_sides_that_day_are_one_act():
    talks = event("talks", party(US), party(RUSSIA), when=day(10))
    meeting = event("meeting", party(BIDEN), party(PUTIN), when=day(10))
    assert discourse._told_as_another_kind([talks], meeting)
    assert not discourse._told_as_another_kind(
        [talks], event("meeting", party(BIDEN), party(PUTIN), when=day(12))
    )
    assert not discourse._told_as_another_kind(
        [talks], event("meeting", party(BIDEN), party(CHINA), when=day(10))
    )
    # untimed: only one side telling of what happened ("We've had an open dialogue")
    assert discourse._told_as_another_kind([talks], event("meeting", party(PUTIN)))
    assert not discourse._told_as_another_kind(
        [talks], event("meeting", party(PUTIN), status="planned")
    )
    assert not discourse._told_as_another_kind(
        [talks], event("meeting", party(BIDEN), party(PUTIN))
    )


def test_one_sides_word_on_the_meeting_is_the_meeting():
    found = extract(
        "Test\n\nVenezuelan President Hugo Chavez met Colombian President Juan Manuel Santos "
        'on Tuesday. Following the meeting, Santos told reporters: "We\'ve had sincere and open '
        'dialogue."',
        published=dt.date(2010, 8, 11),
    ).events
    assert [(e.type, e.status) for e in found] == [("meeting", "occurred")]


def test_an_act_called_off_told_again_as_called_off_is_one_act_whatever_the_times():
    postponed = event(
        "meeting", party(Actor("Donald Trump", "person", "US")),
        party(Actor("G7", "organisation", None)), status="postponed", when=day(1),
    )
    cancel = event(
        "meeting", party(Actor("Donald Trump", "person", "US")), status="cancelled",
        when=When(dt.date(2024, 3, 1), dt.date(2024, 3, 31), "month"),
    )
    events = [postponed]
    discourse.add_unless_retold(events, cancel)
    assert events == [postponed] and postponed.status == "postponed"
    # a plan and its calling off told apart stay two acts (the announcement, then the reversal)
    events = [event("meeting", party(BIDEN), party(PUTIN), status="planned", when=day(3))]
    discourse.add_unless_retold(
        events, event("meeting", party(BIDEN), party(PUTIN), status="postponed", when=day(3))
    )
    assert [e.status for e in events] == ["planned", "postponed"]


def test_a_state_and_its_spokesperson_tell_their_side_of_the_act_told_before():
    india = Actor("India", "state", "IN")
    johnson = Actor("Boris Johnson", "person", "GB")
    bagchi = Actor("Arindam Bagchi", "person", "IN")
    visit = event("meeting", party(johnson), party(india), status="cancelled", when=day(3))
    events = [visit]
    discourse.add_unless_retold(
        events, event("meeting", party(india), party(bagchi), status="cancelled", when=day(4))
    )
    assert events == [visit]
    # a directed act: only its author's side tells it again
    blame = event("criticism", party(RUSSIA, "initiator"), party(US, "target"), when=day(3))
    events = [blame]
    answer = event("criticism", party(US, "initiator"), party(BIDEN, "initiator"))
    discourse.add_unless_retold(events, answer)
    assert events == [blame, answer]


def test_a_trip_named_as_someones_is_told_before_even_beside_also():
    found = extract(
        "Test\n\nPresident Donald Trump will host French President Emmanuel Macron for a state "
        "visit on April 24. Macron is also expected to address Congress during his trip.",
        published=dt.date(2018, 3, 5),
    ).events
    assert [(e.type, e.status) for e in found] == [("meeting", "planned")]


def test_their_meeting_is_the_one_told_of_them_with_its_status_and_time():
    met = event("meeting", party(BIDEN), party(PUTIN), when=day(3))
    theirs = event("meeting", party(BIDEN), party(PUTIN), when=day(3))
    theirs.evidence, theirs.trigger_offset = "During their meeting, they agreed.", 13
    assert discourse._possessed_retelling([met], theirs)
    planned = event("meeting", party(BIDEN), party(PUTIN), status="planned")
    planned.evidence, planned.trigger_offset = "Their meeting will be in June.", 6
    assert not discourse._possessed_retelling([met], planned)  # told with others: as told
    with_another = event("meeting", party(BIDEN), party(MACRON), when=day(3))
    with_another.evidence, with_another.trigger_offset = theirs.evidence, 13
    assert not discourse._possessed_retelling([met], with_another)


def test_one_party_telling_of_an_act_called_off_is_that_act_but_not_of_an_offer():
    summit = event("meeting", party(BIDEN), party(PUTIN), status="postponed")
    events = [summit]
    discourse.add_unless_retold(events, event("meeting", party(PUTIN), status="postponed"))
    assert events == [summit]
    offer = event("talks", party(US), party(RUSSIA), status="proposed")
    events = [offer]
    discourse.add_unless_retold(events, event("talks", party(RUSSIA), status="proposed"))
    assert len(events) == 2  # one side's own offer may be another


def test_another_official_of_a_state_voicing_the_same_is_another_act():
    diaz_canel = Actor("Miguel Diaz-Canel", "person", "CU")
    rodriguez = Actor("Bruno Rodriguez", "person", "CU")
    cuba = Actor("Cuba", "state", "CU")
    president = event(
        "criticism", party(cuba, "initiator"), party(US, "target"),
        party(diaz_canel, "initiator"), when=day(3),
    )
    events = [president]
    minister = event("criticism", party(rodriguez, "initiator"), party(US, "target"), when=day(3))
    discourse.add_unless_retold(events, minister)
    assert events == [president, minister]
    # the state's own word told again by its president is the same act
    events = [event("criticism", party(cuba, "initiator"), party(US, "target"), when=day(3))]
    discourse.add_unless_retold(
        events, event("criticism", party(diaz_canel, "initiator"), party(US, "target"), when=day(3))
    )
    assert len(events) == 1


def test_a_meeting_told_first_with_one_side_takes_the_other_told_later_that_day():
    first = event("meeting", party(PUTIN), when=day(3))
    events = [first]
    discourse.add_unless_retold(events, event("meeting", party(BIDEN), party(PUTIN), when=day(3)))
    assert events == [first] and [a.name for a in first.actors] == [
        "Vladimir Putin", "Joe Biden",
    ]
    events = [event("meeting", party(PUTIN), when=day(3))]
    discourse.add_unless_retold(events, event("meeting", party(BIDEN), party(PUTIN), when=day(9)))
    assert len(events) == 2  # another day: another meeting


def test_a_called_off_visit_and_the_talks_it_was_scheduled_for_are_one_act():
    text = (
        "Test\n\nForeign Minister Shah Mehmood Qureshi's official visit to Japan has been "
        "cancelled.\n\nQureshi was scheduled to hold important discussions with Prime Minister "
        "Shinzo Abe.\n"
    )
    (visit,) = extract(text, published=dt.date(2019, 2, 23)).events
    assert (visit.type, visit.status) == ("meeting", "cancelled")


def test_a_measure_named_with_the_after_saying_is_the_one_told_before():
    found = extract(
        "Test\n\nDonald Trump said he would impose a 25 per cent tariff on all products from "
        "Canada. Premier Doug Ford responded to Trump's pledge, saying the tariff would be "
        "devastating to workers in Canada.",
        published=dt.date(2024, 11, 26),
    ).events
    assert [e.type for e in found].count("sanctions") == 1


def test_a_meeting_named_with_the_is_the_one_told_before():
    raisi = Actor("Ebrahim Raisi", "person", "IR")
    kenya = Actor("Kenya", "state", "KE")
    visit = event("meeting", party(raisi), party(kenya), status="planned", when=day(11))
    off = event("meeting", party(kenya), status="postponed")
    off.evidence = "He said the rescheduling of the meeting was to allow Kenya to finish."
    off.trigger, off.trigger_offset = "meeting", off.evidence.index("meeting")
    assert discourse._named_as_told([visit], off)
    events = [visit]
    discourse.add_unless_retold(events, off)
    assert events == [visit]
    named = event("meeting", party(kenya), status="postponed")
    named.evidence = "However, the meeting of G-77 under Kenya's chairmanship was postponed."
    named.trigger, named.trigger_offset = "meeting", named.evidence.index("meeting")
    assert not discourse._named_as_told([visit], named)  # a meeting named by its own
    series = event("talks", party(kenya), status="postponed")
    series.evidence = 'The next round of talks "has been rescheduled," Kenya said.'
    series.trigger, series.trigger_offset = "next round", series.evidence.index("next")
    assert not discourse._named_as_told([visit], series)
    invited = event("meeting", party(kenya), status="proposed")
    invited.evidence = "Kenya was among the countries invited to the summit."
    invited.trigger, invited.trigger_offset = "summit", invited.evidence.index("summit")
    assert discourse._named_as_told([visit], invited)
    assert not discourse._named_as_told([event("meeting", party(US), party(RUSSIA))], invited)


def test_a_measure_named_with_the_is_one_told_with_its_status_and_time():
    imposed = event("sanctions", party(US, "initiator"), party(RUSSIA, "target"), when=day(3))
    told = event("sanctions", party(BIDEN, "initiator"), when=day(3))
    told.evidence = "Biden said in announcing the sanctions that more would follow."
    told.trigger, told.trigger_offset = "sanctions", told.evidence.index("sanctions")
    assert discourse._named_as_told([imposed], told)
    threat = event("sanctions", party(BIDEN, "initiator"), status="threatened", when=day(3))
    threat.evidence = "Biden said he would reimpose the sanctions if talks failed."
    threat.trigger, threat.trigger_offset = "sanctions", threat.evidence.index("sanctions")
    assert not discourse._named_as_told([imposed], threat)  # a threat: another act


@pytest.mark.parametrize(
    ("sentence", "told"),
    [
        # another stage of the same side's measures, told with a cue of its own
        ("The African Union has suspended Mali's membership and threatened sanctions if a "
         "civilian-led government is not restored.",
         [("sanctions", "occurred"), ("sanctions", "threatened")]),
        # the same kind of measure aimed at someone the first was not
        ("Trump paused tariff increases on other countries for 90 days, while hiking duties "
         "further on goods from China.",
         [("sanctions", "postponed"), ("sanctions", "occurred")]),
        # one measure told in two parts: one act
        ("China said it would impose a 15 percent tariff on American coal and a 10 percent levy "
         "on crude oil.",
         [("sanctions", "planned")]),
        # one clause: no second act
        ("The United States imposed sanctions and tariffs on Russia.", [("sanctions", "occurred")]),
    ],
)
def test_another_measure_in_a_clause_of_its_own(sentence, told):
    events = extract(f"Test\n\n{sentence}\n", published=PUBLISHED).events
    assert [(e.type, e.status) for e in events] == told


def test_a_verb_after_a_subject_with_a_determiner_tells_a_new_act():
    got = [
        (e.type, [a.name for a in e.actors])
        for e in extract(
            "Test\n\nThe foreign ministers of Kazakhstan and Uzbekistan met in Tashkent on "
            "Friday. The meeting participants thanked the Uzbek side for the organisation of the "
            "event.\n"
        ).events
    ]
    assert any(t == "support" and "Uzbekistan" in a for t, a in got), got


def test_one_sides_dialogue_in_a_call_told_before_is_that_call():
    body = ("Kenyan President William Ruto spoke with Ethiopian Prime Minister Abiy Ahmed by "
            "phone on Monday. Ruto said dialogue was most cordial.")
    events = extract(f"Test\n\n{body}\n", published=PUBLISHED).events
    assert [(e.type, e.status) for e in events] == [("call", "occurred")]
    # talks of other sides after the call are talks of their own
    body = ("Kenyan President William Ruto spoke with Ethiopian Prime Minister Abiy Ahmed by "
            "phone on Monday. Kenya and Somalia held talks in Nairobi on Friday.")
    events = extract(f"Test\n\n{body}\n", published=PUBLISHED).events
    assert "talks" in [e.type for e in events]


def _told(body: str) -> list[tuple[str, str, list[str], str | None]]:
    return [
        (e.type, e.status, [a.name for a in e.actors],
         e.when.start.isoformat() if e.when else None)
        for e in extract(f"Test\n\n{body}\n", published=dt.date(2021, 3, 16)).events
    ]


def test_rejecting_the_proposal_is_aimed_at_whoever_proposed_it():
    found = _told("Sudan proposed on Monday that a quartet mediate the dam talks. "
                  "However, Ethiopia rejected the proposal.")
    assert ("rejection", "occurred", ["Ethiopia", "Sudan"], "2021-03-15") in found, found


def test_an_act_of_the_story_after_a_like_act_of_a_past_year_is_a_second_act():
    found = _told("Last year, Ethiopia refused to sign any binding agreement with Sudan. "
                  "Sudan proposed on Monday that a quartet mediate the dam talks. "
                  "However, Ethiopia rejected the proposal.")
    rejections = [(s, names, when) for t, s, names, when in found if t == "rejection"]
    assert len(rejections) == 2, found
    assert rejections[1] == ("occurred", ["Ethiopia", "Sudan"], "2021-03-15")
