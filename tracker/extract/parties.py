"""Parties: who takes part in an act, once its trigger is admitted.

``arguments.actors_for`` reads the clause's arguments (who acts, at whom, with whom). This layer
completes them from the sentence and the story: the subject of a fronted participle, the party a
quote's speaker is, the other side of a conversation told before, the body that convenes a
summit, the story's two sides for a deal told as made, the target of a speech act or the
recipient of aid, the host a visitor met. It drops the acts with no one, or only one side, to
take part. ``type_by_parties`` then settles the types a trigger leaves to its parties
("consultations" are a meeting of leaders, talks of officials).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from operator import attrgetter

from tracker.extract import lexicon
from tracker.extract.actors import Actor, Mention, base_index, story_body, story_sides
from tracker.extract.admission import (
    BE_PASSIVE,
    CONSULT_TRIGGERS,
    SAYING,
    reported_only,
)
from tracker.extract.arguments import (
    CONSULT,
    SPEECH_ACTS,
    SentenceMentions,
    actors_for,
    addressees,
    agreed_to_act,
    brokers_of,
    convening_body,
    is_leader,
    list_end,
    main_subject,
    subjectless,
)
from tracker.extract.clauses import WINDOW
from tracker.extract.context import Parties, SentenceContext
from tracker.extract.discourse import (
    aid_recipient,
    counterpart,
    making_participle,
    meeting_of_decision,
    meets_again,
    part_of_meeting,
    recent_acts,
    speech_targets,
    talks_behind_deal,
)
from tracker.extract.events import Trigger
from tracker.extract.patterns import slot_roles
from tracker.extract.status import GATHERING_NOUNS, RESTRICTIVE_RELATIVES, predicate_status
from tracker.extract.tokens import Tokens

# "After speaking with Putin, Macron said": the participle's subject is the main clause's (not
# after "Despite having spoken with Biden, Trump brings a fresh approach": whoever spoke)
_TEMPORAL_OPENERS = frozenset({"after", "before", "upon", "following"})
_COMMITTING = lexicon.words("committing_verbs")
# the verbs of an agreement that only sides acting together make (see _sides_before)
_TOGETHER = _COMMITTING | lexicon.words("joint_text_verbs")


# Acts an official makes in the state's name (a charge, a demand, a measure): the readers name
# the state beside the official (dev example 01: "Choe Son Hui", "North Korea"); not a meeting
# or a call, where the official is the party.
_STATE_BESIDE_OFFICIAL = frozenset({
    "criticism", "demand", "sanctions", "aid", "military", "proposal",
})
# Acts whose state the readers name beside a leader who makes them too ("Xi pledged aid to
# Laos": China gives it; 10 of 17 times on the tuned parts), where for other acts a leader is
# named alone
_STATE_BESIDE_LEADER = frozenset({"aid"})


# Titles of people who do not act in the state's name: officers (a colonel who leads a coup
# acts against his state) and lawmakers ("Senator Marco Rubio accused the administration").
_NOT_THE_STATES = frozenset({
    "colonel", "general", "lieutenant", "major", "captain", "commander", "marshal", "sergeant",
    "senator", "lawmaker", "congressman", "congresswoman", "legislator", "mp", "opposition",
    "governor", "mayor",
})


def officials_states(
    event_type: str, actors: Parties, titled: Mapping[Actor, Mention]
) -> list[tuple[Actor, str]]:
    """The states of officials titled in the sentence ("Vice Foreign Minister Choe Son Hui") who
    make the act, to be named beside them (not beside an official the act is aimed at, who is a
    person there)."""
    if event_type not in _STATE_BESIDE_OFFICIAL:
        return []
    names = {a.name for a, _ in actors}
    out: list[tuple[Actor, str]] = []
    for actor, role in actors:
        if actor.kind != "person" or not actor.country or role != "initiator":
            continue
        title = titled.get(actor)  # (SentenceMentions.titled: a lookup, not a scan)
        if title is None or not _NOT_THE_STATES.isdisjoint(title.title.lower().split()):
            continue
        if is_leader(title) and event_type not in _STATE_BESIDE_LEADER:
            continue
        state = base_index().state_of(actor.country)
        if state is not None and state.name not in names:
            names.add(state.name)
            out.append((state, role))
    return out


def _between_no_party(tokens: Tokens, trig: Trigger, sm: SentenceMentions) -> bool:
    """A gathering noun whose "between ... and ..." names sides none of which is a party."""
    k = trig.tok_end
    if trig.type not in CONSULT_TRIGGERS or k >= len(tokens) or tokens[k].low != "between":
        return False
    end = list_end(tokens, k + 1)
    return "and" in tokens.lows[k + 1 : end] and not sm.between(k + 1, end)


def parties_for(
    ctx: SentenceContext, trig: Trigger, lo: int, held: tuple[str, bool] | None
) -> Parties | None:
    """The act's parties with their roles, or None if it has no one to take part."""
    tokens, lows, clause, sm = ctx.tokens, ctx.lows, ctx.clause, ctx.sm
    mentions, memory, out, speaker = ctx.mentions, ctx.memory, ctx.out, ctx.speaker
    earlier_events = ctx.earlier_events
    told_anew = held is not None
    shared = ctx.last_actors if trig.type in CONSULT else ctx.last_subjects
    if _between_no_party(tokens, trig, sm):
        # "following a secret meeting between a deputy prime minister and yellow vest
        # protesters": the meeting's sides are the ones its "between" names; none is a party
        return None
    actors = actors_for(trig, sm, shared)
    if told_anew:
        # "informed Trump about the OIC summit, which is to be held in Astana": the parties
        # are the ones its own noun phrase names, not the sentence's (none: see below)
        actors = [(a, "participant") for a in _gathering_parties(tokens, lows, trig, mentions)]
    if trig.roles:
        actors = slot_roles(actors, trig, sm)  # "was invited by Ruto": Ruto invites
    if lo == 0 and lows[0] in _TEMPORAL_OPENERS and subjectless(lows, lo, trig, sm) and (
        subject := main_subject(tokens, clause.end_of(trig.tok), sm)
    ) and all(a.name != subject.actor.name for a, _ in actors):
        # "After speaking with Putin by phone, Macron said ...": the participle's subject is
        # the main clause's
        side = "participant" if trig.type in CONSULT or trig.type == "consult" else "initiator"
        actors = [(subject.actor, side), *actors]
    if trig.type in ("talks", "consult"):
        actors = talks_behind_deal(lows, trig, actors, out, sm) or actors
    if speaker and trig.type in SPEECH_ACTS:
        actors = _said_by(actors, speaker, lows, lo, trig)  # a quote's speaker says it
    if len(actors) == 1 and trig.type in CONSULT_TRIGGERS and subjectless(lows, lo, trig, sm):
        # "Despite having spoken with Biden before the invasion, ...": whoever was last
        # told talking with Biden's side is the other party.
        actors = counterpart(actors, recent_acts(earlier_events, out)) or actors
    if len(actors) == 1 and trig.type in ("meeting", "consult") and (
        body := convening_body(trig, tokens)
    ) and body.name != actors[0][0].name:
        actors = [*actors, (body, "participant")]  # "Kishida hosts a G7 summit"
    if (
        not actors and trig.type in ("meeting", "consult")
        and _members_meet(lows, lo, trig) and (body := story_body(memory)) is not None
    ):
        # "regional leaders met in Barbados", "their 45th summit": the bloc's members
        actors = [(body, "participant")]
    if not actors and lows[trig.tok_end - 1] in GATHERING_NOUNS and (
        told_anew or _told_as_set(lows, trig)
    ):
        # "The ASEAN summit was originally slated for March 28-29": a gathering set, put off
        # or called off is the body's that convenes it; with none named ("A General Border
        # Committee meeting is also scheduled for Aug 4 in Cambodia"), the story's two sides'
        body = convening_body(trig, tokens)
        sides = [body] if body is not None else story_sides(memory)
        actors = [(a, "participant") for a in sides]
    if not actors and trig.type == "agreement" and told_as_made(lows, trig):
        # "The agreement was reached in December 2015", "the truce signed in January": a
        # deal told as made, with no party named, is between the story's two sides
        # (or, if only its go-betweens are named, between them: "a truce brokered by
        # Turkey and Russia")
        sides = brokers_of(trig, sm) or story_sides(memory)
        actors = [(a, "participant") for a in sides]
    if not actors or (trig.weight < 1 and len(actors) < 2):
        return None
    if trig.type == "agreement" and lows[trig.tok] in _TOGETHER and not (
        _sides_before(actors, sm, lo, trig.tok)
    ):
        return None  # "Canberra pledged to work closely with ...": one side's pledge
    if (trig.type in _ONE_SIDE_TYPES or trig.weight < 1) and len(actors) >= 2 and (
        _one_side(actors)
    ):
        return None  # "Peskov told a conference call": Russia and its own spokesman
    if len(actors) == 1 and trig.type == "agreement" and agreed_to_act(lows, trig):
        # "a meeting between A, B and C, where A agreed to ...": agreed with the others.
        parties = meeting_of_decision(out, actors[0][0])
        if parties is None:
            return None  # "OPEC+ agreed to cut output": one party's decision, no deal
        actors = parties
    elif (
        len(actors) == 1 and trig.type == "agreement"
        and len(sides := story_sides(memory)) >= 2
    ):
        # "the North Korean side accepted the agreement", with the story about the two
        # Koreas: a deal told with one of the story's sides is with the other one too
        one = actors[0][0]
        if any(a.name in (one.name, one.country) for a in sides):
            actors = [*actors, *(
                (a, "participant") for a in sides if a.name not in (one.name, one.country)
            )]
    if (
        trig.type == "agreement" and len(actors) == 1 and actors[0][0].kind == "person"
        and not SAYING.isdisjoint(lows[max(lo, trig.tok - _TELLER_REACH) : trig.tok])
    ):
        # "Poroshenko said a general ceasefire would come into force", "Dawood said deals
        # would be signed": one who tells of a deal, the only one named, is no party to it
        return None
    if trig.type in SPEECH_ACTS and all(r == "initiator" for _, r in actors):
        # "condemned the measures", "congratulated them": aimed at acts told before
        # ... or "called Netanyahu and commended the decision": said to Netanyahu
        targets = speech_targets(
            tokens, lows, trig, lo, actors, recent_acts(earlier_events, out)
        ) or addressees(tokens, lows, lo, trig, actors, out)
        actors = [*actors, *((a, "target") for a in targets)]
    if trig.type == "criticism" and len(actors) >= 2 and reported_only(lows, trig):
        actors = _judged_by_sayer(actors, lows, trig, sm)
    if trig.type == "sanctions" and (facing := _facing_verb(lows, lo, trig.tok)) is not None:
        # "Thirteen Russian companies will face restrictions", "Russia faces fresh EU
        # sanctions": whoever faces them is their target
        subjects = {m.actor.name for m in sm.between(lo, facing)}
        actors = sorted(  # the initiator first, as events.md writes them
            ((a, "target" if a.name in subjects else r) for a, r in actors),
            key=lambda actor: actor[1] != "initiator",
        )
    if trig.type == "demand" and lo == 0 and lows[0] in _REQUEST_OPENERS and (
        lows[trig.tok] in _REQUEST_NOUNS
    ) and (asking := sm.between(trig.tok_end, clause.end_of(trig.tok))) and (
        asked := _first_party_after(sm, clause.end_of(trig.tok))
    ) and asked.name != asking[0].actor.name:
        # "After a request from the Burmese government, India's Ministry of Home Affairs
        # announced ...": the phrase names who asked, the main clause's subject was asked
        actors = [(asking[0].actor, "initiator"), (asked, "target")]
    if trig.type == "aid" and all(r == "initiator" for _, r in actors):
        # "Cameron pledged $1.75 billion in aid": to whom the aid told before went
        recipient = _requester(lows, mentions, actors) or aid_recipient(
            actors, recent_acts(earlier_events, out)
        )
        if recipient is None and memory.disaster_story and (
            stricken := memory.main_state()
        ) is not None and all(
            stricken.name != a.name and stricken.country != a.country for a, _ in actors
        ):
            recipient = stricken  # "Kuwait pledged $100 million to help the victims"
        if recipient is not None:
            actors = [*actors, (recipient, "target")]
    if len(actors) == 1 and trig.type == "meeting" and trig.weight >= 1 and (
        actors[0][0].kind == "person"
    ) and _named_in(  # named in the clause, not "the leaders he was supposed to meet in Amman"
        mentions, actors[0][0], lo, trig.tok
    ) and (
        host := _visited_place(
            mentions, lows, trig.tok_end,
            min(clause.end_of(trig.tok), trig.tok_end + _HOST_REACH),
            actors[0][0],
        )
    ):
        # "Nuland met the coup leaders in Niamey", "Xi arrived in Moscow": a visitor met
        # no one named is the host state's guest
        actors = [*actors, (host, "participant")]
    if trig.type in _HOSTED_TYPES and len(actors) >= 2:
        actors = _host_in_person(actors, mentions, lows, trig.tok)
    return actors


def type_by_parties(ctx: SentenceContext, trig: Trigger, actors: Parties) -> str | None:
    """The act's type: the trigger's, or for "consult" (and a meeting of no leaders) the one
    its parties make it; None when it is part of a meeting the sentence told already."""
    lows, out = ctx.lows, ctx.out
    event_type = trig.type
    persons = _persons_among(actors)
    if event_type == "consult":
        event_type = "meeting" if persons >= 2 else "talks"  # leaders meet; officials talk
        if trig.tok and lows[trig.tok - 1] in _REQUESTING:
            event_type = "talks"  # "said he would seek talks with Maduro": talks wanted
    elif (
        event_type == "meeting" and persons < 2 and len(actors) >= 2
        and meets_again(lows, trig)
    ):
        event_type = "talks"  # "the two sides will meet again": another round of talks
    elif (
        event_type == "meeting" and persons == 0 and len(actors) >= 2
        and lows[trig.tok] in _MET
        and "talks" in lows[trig.tok_end : min(ctx.clause.end_of(trig.tok), trig.tok_end + WINDOW)]
    ):
        event_type = "talks"  # "the two countries' negotiators met for a round of talks"
    if event_type == "talks" and part_of_meeting(out, actors):
        return None  # "met Kim ..., and the two leaders held four hours of talks"
    return event_type


def _named_in(mentions: list[Mention], actor: Actor, lo: int, hi: int) -> bool:
    """Is the actor named (not referred to) at a token in [lo, hi)?"""
    return any(
        m.actor == actor and m.source not in _REFERENCES and lo <= m.tok < hi for m in mentions
    )


def named_before(
    parties: list[tuple[Actor, str]], sm: SentenceMentions, tok: int
) -> list[tuple[Actor, str]]:
    """The parties named before token ``tok``."""
    return [(a, r) for a, r in parties if sm.named_between(a.name, 0, tok)]


_AFTER_PLACE = frozenset({
    ",", ".", ";", "on", "in", "at", "for", "to", "and", "from", "this", "next", "last", "later",
    "earlier", "today", "tomorrow", "yesterday", "since", "until", "after", "before", "during",
})
_HOST_REACH = 8  # words from a meeting's trigger to the place it is told at ("in Niamey")


_REFERENCES = frozenset({"pronoun", "anaphor", "pair"})  # a party referred to, not named


def _requester(
    lows: list[str], mentions: list[Mention], actors: list[tuple[Actor, str]]
) -> Actor | None:
    """The party that asked for the aid told ("After a request from the Burmese government,
    India announced that 100 tons of rice would be flown to Mandalay"): its recipient."""
    if _REQUEST_NOUNS.isdisjoint(lows):
        return None
    mine = {a.name for a, _ in actors}
    for k, low in enumerate(lows):
        if low in _REQUEST_NOUNS and k + 1 < len(lows) and lows[k + 1] in ("from", "of", "by"):
            for m in mentions:
                if k + 2 <= m.tok <= k + 4 and not m.location and m.actor.name not in mine:
                    return m.actor
    return None


def _first_party_after(sm: SentenceMentions, end: int) -> Actor | None:
    """The first party named after a fronted phrase that ends at ``end`` (not a place)."""
    for m in sm.between(end, end + _ASKED_REACH):
        if not m.location and m.source != "pronoun":
            return m.actor
    return None


_ASKED_REACH = 6  # tokens after the fronted phrase's comma: "India's Ministry of ..."


def _facing_verb(lows: list[str], lo: int, tok: int) -> int | None:
    """Where "face" stands a few words before a measure's noun in its clause ("will face
    additional restrictions"), if it does."""
    for k in range(tok - 1, max(lo, tok - _FACING_REACH) - 1, -1):
        if lows[k] in _FACING:
            return k
    return None


_FACING = lexicon.words("facing_verbs")
_FACING_REACH = 4  # "faces fresh EU sanctions", "will face additional US restrictions"
_REQUEST_NOUNS = lexicon.words("request_nouns")
_REQUEST_OPENERS = frozenset({"after", "following", "at", "upon", "on"})


def _visited_place(
    mentions: list[Mention], lows: list[str], lo: int, hi: int, visitor: Actor
) -> Actor | None:
    """The first state named as a place in [lo, hi) ("in Niamey"), not the visitor's own, nor
    where someone spoke of it ("told reporters in the Oval Office")."""
    return next((
        m.actor for m in mentions
        if m.location and lo <= m.tok < hi and m.actor.kind == "state"
        and m.actor.country != visitor.country
        and SAYING.isdisjoint(lows[max(lo, m.tok - 4) : m.tok])
        and (m.tok_end >= len(lows) or lows[m.tok_end] in _AFTER_PLACE)  # not "the Syria talks"
    ), None)


_HOSTED_TYPES = frozenset({"meeting", "consult"})


def _met_with(lows: list[str], tok: int) -> bool:
    """Is the name at tok whom someone is with ("talks with Zelenskyy", "alongside Kim",
    "with President Xi Jinping")?"""
    for k in range(tok - 1, max(-1, tok - _WITH_REACH), -1):
        if lows[k] in _WITH:
            return True
        if not lows[k].isalpha() or lows[k] in ("and", "or"):
            return False
    return False


_WITH = frozenset({"with", "alongside"})
_WITH_REACH = 4  # "with Chinese President Xi Jinping"
# words from a visit's trigger to the host met ("trip to Kyiv on Tuesday and held talks with
# Zelenskyy")
_MET_REACH = 16
_MENTION_TOK = attrgetter("tok")


def _host_in_person(
    actors: list[tuple[Actor, str]], mentions: list[Mention], lows: list[str], at: int
) -> list[tuple[Actor, str]]:
    """A visit's host state told by its leader in the same sentence: "made a trip to Kyiv and
    held talks with Zelenskyy", "visited Pyongyang, when he attended a parade alongside Kim",
    "head to China for talks with President Xi Jinping": the person met, not the state."""
    names = {a.name for a, _ in actors}
    out: list[tuple[Actor, str]] = []
    for actor, role in actors:
        if actor.kind == "state":
            # (only the mentions within reach: a scan of the sentence per trigger is quadratic)
            near = mentions[
                bisect_right(mentions, at, key=_MENTION_TOK) :
                bisect_left(mentions, at + _MET_REACH, key=_MENTION_TOK)
            ]
            host = next((
                m.actor for m in near
                if m.actor.kind == "person" and m.actor.country == actor.country
                and m.source not in ("pronoun", "pair") and _met_with(lows, m.tok)
            ), None)
            if host is not None and not any(
                a.kind == "person" and a.country == actor.country and a.name != host.name
                for a, _ in actors
            ):
                if host.name not in names:
                    names.add(host.name)
                    out.append((host, role))
                continue
        out.append((actor, role))
    return out


def _judged_by_sayer(
    actors: Parties, lows: list[str], trig: Trigger, sm: SentenceMentions
) -> Parties:
    """ "Russia said Ukraine violated the ceasefire": a judgement told in someone's words is the
    sayer's, aimed at the one said to have done it (both were read as its makers)."""
    said = next((
        k for k in range(trig.tok - 1, max(-1, trig.tok - _SAID_REACH), -1)
        if lows[k] in SAYING and not sm.tokens[k].cap  # (not "the United States")
    ), None)
    if said is None:
        return actors
    sayers = {m.actor.name for m in sm.between(max(0, said - _SAID_REACH), said)}
    judged = {m.actor.name for m in sm.between(said + 1, trig.tok)} - sayers
    if not sayers or not judged:
        return actors
    return sorted((
        (a, "initiator" if a.name in sayers else "target" if a.name in judged else r)
        for a, r in actors
    ), key=lambda actor: actor[1] != "initiator")


_SAID_REACH = 12  # words from a saying verb to the judgement it reports, and to its sayer


def _persons_among(actors: list[tuple[Actor, str]]) -> int:
    """How many of the parties are persons (a loop: a generator is one more function call)."""
    persons = 0
    for actor, _ in actors:
        if actor.kind == "person":
            persons += 1
    return persons


def _said_by(
    actors: list[tuple[Actor, str]], speaker: list[Actor], lows: list[str], lo: int,
    trig: Trigger,
) -> list[tuple[Actor, str]]:
    """The parties of a speech act in a quote whose speaker is named elsewhere: the speaker
    says it when the quote names no one who does ("We urge relevant sides ..."), and always of
    a judgement ("Putin is acting in a dangerous and unacceptable manner": Putin is judged)."""
    names = {a.name for a in speaker}
    others = [(a, r) for a, r in actors if a.name not in names]
    if lows[trig.tok] in _JUDGEMENTS or reported_only(lows, trig):
        if not others:
            return actors  # "the open hostility displayed in your statement": judged, but whom?
    elif any(r == "initiator" for _, r in others) and _FIRST_PERSON.isdisjoint(
        lows[lo : trig.tok]
    ):
        return actors  # "China firmly opposes ...": the quote names who acts
    return [(a, "initiator") for a in speaker] + [(a, "target") for a, _ in others]


_JUDGEMENTS = lexicon.words("judgement_words")


_FIRST_PERSON = lexicon.words("first_person_subjects")


_REQUESTING = lexicon.words("requesting_verbs")


_MET = frozenset({"met", "meet", "meets", "meeting"})


def _members_meet(lows: list[str], lo: int, trig: Trigger) -> bool:
    """A meeting told of a body's members with no party named: "regional leaders met",
    "Leaders of the Forum's members are due to meet", "their next mid-term summit"."""
    before = lows[max(lo, trig.tok - _MEMBERS_REACH) : trig.tok]
    return not _MEMBER_NOUNS.isdisjoint(before) or "their" in before[-3:]


def _told_as_set(lows: list[str], trig: Trigger) -> bool:
    """A gathering's noun with a predicate that sets, puts off or calls it off ("is also
    scheduled for Aug 4", "was postponed"), not one that only wants it ("has to take place")."""
    return predicate_status(lows, trig.tok_end) in _SET_STATUSES and not _SCHEDULING.isdisjoint(
        lows[trig.tok_end : trig.tok_end + _SCHEDULING_REACH]
    )


def _gathering_parties(
    tokens: Tokens, lows: list[str], trig: Trigger, mentions: list[Mention]
) -> list[Actor]:
    """The parties a gathering's noun phrase names, up to the relative clause that tells it:
    "the Organization of Islamic Cooperation Summit on Science and Technology, which ...",
    "the NATO summit that will be held ..." (a place is no party: "the G20 summit in Osaka")."""
    start = trig.tok
    while start > 0 and (tokens[start - 1].cap or lows[start - 1] in _NAME_JOINERS):
        start -= 1  # "the Organization of Islamic Cooperation Summit": back to its name
    end = next(
        (k for k in range(trig.tok_end, len(lows)) if lows[k] in RESTRICTIVE_RELATIVES), len(lows)
    )
    parties: list[Actor] = []
    for m in mentions:
        if start <= m.tok and m.tok_end <= end and not m.location and m.actor not in parties:
            parties.append(m.actor)
    return parties


_NAME_JOINERS = frozenset({"of", "'s", "’s", "and"})


_SET_STATUSES = frozenset({"planned", "postponed", "cancelled"})


# set, put off, called off or held ("will be held in Vientiane"; not "has to take place")
_SCHEDULING = lexicon.words("scheduling_words")
_SCHEDULING_REACH = 5  # words after the noun: "is also expected to be scheduled"
_MEMBERS_REACH = 6  # words before a meeting's trigger where its members are named
_MEMBER_NOUNS = lexicon.words("member_nouns")


def mutual_sides(
    actors: list[tuple[Actor, str]], lows: list[str], lo: int, end: int
) -> list[list[tuple[Actor, str]]]:
    """Measures two sides take against each other ("The US and China are ... imposing tariffs
    and counter-tariffs", "tit-for-tat sanctions", "on each other's exports"): one act each
    way, each side the other's target. Only with two sides named as acting together."""
    if len(actors) != 2 or any(r == "target" for _, r in actors):
        return []
    (a, _), (b, _) = actors
    if (a.country or a.name) == (b.country or b.name):
        return []
    clause = lows[lo:end]
    told = not _MUTUAL_WORDS.isdisjoint(clause) or any(
        (w, n) in _MUTUAL_PAIRS for w, n in zip(clause, clause[1:], strict=False)
    )
    if not told:
        return []
    return [[(a, "initiator"), (b, "target")], [(b, "initiator"), (a, "target")]]


_MUTUAL_WORDS = lexicon.words("mutual_measure_words")
_MUTUAL_PAIRS = frozenset({("each", "other"), ("each", "other's"), ("each", "other’s"),
                           ("one", "another")})


def deal_undone(
    lows: list[str], lo: int, trig: Trigger, actors: list[tuple[Actor, str]],
    sm: SentenceMentions,
) -> list[tuple[Actor, str]] | None:
    """A deal in force ("the deal", "its pact") put on hold, suspended or scrapped by a party
    named as the clause's subject: that party's rejection of the deal, aimed at the others.
    Not a signing put off ("postponed the signing of the deal") nor a passive ("the deal was
    suspended by Russia")."""
    if trig.tok_end - trig.tok != 1 or lows[trig.tok] not in _STANDING_DEALS:
        return None
    start = max(lo, trig.tok - _DETERMINER_REACH)
    dets = [k for k in range(start, trig.tok) if lows[k] in _STANDING_DETERMINERS]
    if not dets or not BE_PASSIVE.isdisjoint(lows[lo : trig.tok]):
        return None
    subjects = {m.actor.name for m in sm.between(lo, dets[-1]) if m.source != "pronoun"}
    quitting = [(a, "initiator") for a, _ in actors if a.name in subjects]
    if not quitting:
        return None
    return quitting + [(a, "target") for a, _ in actors if a.name not in subjects]


_STANDING_DEALS = lexicon.words("standing_deal_nouns")
_TELLER_REACH = 40  # words back from a deal to the saying verb of one who tells of it
_STANDING_DETERMINERS = frozenset({"the", "its", "their", "this", "that"})
_DETERMINER_REACH = 3  # words before the deal's noun: "the grain deal", "its intelligence pact"


def told_as_made(lows: list[str], trig: Trigger) -> bool:
    """A deal's noun followed by the participle of its making, in the passive ("was reached
    in", "had been signed") or after the noun ("the truce signed in January")."""
    k = making_participle(lows, trig.tok_end)
    return k is not None and k + 1 < len(lows) and (
        k > trig.tok_end or lows[k + 1] in _DONE_FOLLOWERS
    )


_DONE_FOLLOWERS = lexicon.words("done_participle_followers")


def _sides_before(
    actors: list[tuple[Actor, str]], sm: SentenceMentions, lo: int, tok: int
) -> bool:
    """Do two of the parties act together as the subject, named in the clause before ``tok``
    ("Both leaders pledged", "Kenya and Ethiopia vowed")?"""
    return sum(1 for a, _ in actors if sm.named_between(a.name, lo, tok)) >= 2


_ONE_SIDE_TYPES = frozenset({"call", "consult"})


def _one_side(actors: list[tuple[Actor, str]]) -> bool:
    """Every party is the same state or one of its people: no one to talk with."""
    sides = {a.country or a.name for a, _ in actors}
    return len(sides) == 1 and all(a.country for a, _ in actors)
