"""``extract``: article text in, events out. Pure: no database, no I/O."""

from __future__ import annotations

import datetime as dt
import time
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from copy import deepcopy
from dataclasses import replace
from functools import lru_cache
from itertools import compress
from operator import attrgetter

from tracker.domain import When
from tracker.errors import ExtractionTimeout
from tracker.extract import lexicon
from tracker.extract.actors import (
    Actor,
    ActorIndex,
    ArticleMemory,
    Mention,
    as_written,
    base_index,
    find_mentions,
    spellings_in,
    story_body,
    story_sides,
)
from tracker.extract.arguments import (
    CONSULT,
    SPEECH_ACTS,
    SentenceMentions,
    actors_for,
    addressees,
    agreed_to_act,
    another_meeting,
    brokers_of,
    convening_body,
    is_modifier,
    main_subject,
    owned_act,
    separate_sides,
    subjectless,
)
from tracker.extract.articles import CREDIT_DATELINE, DATELINE, PLACE_DATELINE, read_article
from tracker.extract.clauses import WINDOW, Clauses, participle_modifier
from tracker.extract.dates import _DATE_WORDS, DateMention, find_dates
from tracker.extract.discourse import (
    MEASURES,
    MEETING_TYPES,
    add_unless_retold,
    aid_recipient,
    another_actor,
    another_measure,
    at_the_request,
    counterpart,
    join_parties,
    latest,
    making_participle,
    meeting_of_decision,
    meets_again,
    merge_actors,
    part_of_meeting,
    recent_acts,
    refers_back,
    remove_event,
    renames_last_act,
    speech_targets,
    talks_behind_deal,
)
from tracker.extract.events import Trigger, TriggerLexicon
from tracker.extract.patterns import patterns, slot_roles
from tracker.extract.quotes import speaker_of, speaker_sources
from tracker.extract.sentences import Sentence, split_sentences
from tracker.extract.status import (
    CALLED_OFF_STATUSES,
    COERCIVE,
    CUE_REACH,
    RESTRICTIVE_RELATIVES,
    cue_status,
    event_status,
    holding_status,
    in_condition,
    predicate_status,
    told_in_past,
)
from tracker.extract.timing import (
    SentenceTimes,
    SetTimes,
    StoryClock,
    days_of_act,
    length_of_act,
)
from tracker.extract.titles import event_title
from tracker.extract.tokens import Token, Tokens, gerund, tokenize
from tracker.extract.types import ActorEntry, ExtractedActor, ExtractedEvent, Extraction

# Words after which a weekday or a month is read forward from the article's date.
_FUTURE_CUES = lexicon.words("future_cues")
@lru_cache(maxsize=1)
def _lexicon() -> TriggerLexicon:
    return TriggerLexicon()


_base_index = base_index  # the shipped gazetteer's index


@lru_cache(maxsize=32)
def _index_with(extra: tuple[ActorEntry, ...]) -> ActorIndex:
    # The gazetteer keeps the last word on a clashing alias.
    return _base_index().with_extra(extra)


def extract(
    text: str,
    published: dt.date | None = None,
    extra_actors: Iterable[ActorEntry] = (),
    source: str | None = None,
    deadline: float | None = None,
) -> Extraction:
    """Read an article and return its events (types, statuses, actors, times, evidence).

    ``deadline`` is a ``time.monotonic()`` instant: past it, ``ExtractionTimeout`` is raised
    between sentences, so one pathological article cannot hold up a batch.
    """
    article = read_article(text, source=source, published=published)
    extra = tuple(
        ActorEntry(e.name, e.kind, e.country, tuple(e.aliases)) for e in extra_actors
    )  # hashable, whatever sequence type the caller used for aliases
    index = _index_with(extra) if extra else _base_index()
    lex = _lexicon()
    memory = ArticleMemory.for_article(article.body)
    events: list[ExtractedEvent] = []
    clock = StoryClock(article.published)
    set_times = SetTimes(article.published)
    sentences = split_sentences(text, article.body_offset)
    # a sentence of quoted words only: the sentence that says who speaks (quotes.py)
    sources = speaker_sources(text, sentences)
    told_back = {j for k, j in enumerate(sources) if j is not None and j <= k}
    speakers: dict[int, list[Actor]] = {}
    for number, sentence in enumerate(sentences):
        if deadline is not None and time.monotonic() > deadline:
            raise ExtractionTimeout("extraction took longer than its time budget")
        if number == 0:
            sentence = _without_dateline(sentence)
        tokens = tokenize(sentence.text)
        if not tokens:
            continue
        lows = tokens.lows
        mentions = find_mentions(tokens, index, memory)
        if number in told_back:
            speakers[number] = speaker_of(tokens, mentions)
        source = sources[number]
        if source is not None and source not in speakers:
            # the quote's attribution is still to come: read its speaker on a copy of what
            # the article established so far (the sentence itself is read in its turn)
            ahead = tokenize(sentences[source].text)
            speakers[source] = speaker_of(ahead, find_mentions(ahead, index, deepcopy(memory)))
        future_from = None if _FUTURE_CUES.isdisjoint(tokens.words) else _first_future_cue(tokens)
        dates = find_dates(sentence.text, article.published, future_from, tokens.words)
        if dates:
            dates = clock.also_on_day_told(dates)  # "also on Thursday": the Thursday told
            dates = clock.quoted_days(sentence.text, dates)  # "'... tomorrow,' he said Tuesday"
        found = _sentence_events(
            sentence, tokens, lows, mentions, dates, clock.last_when, lex, memory, events,
            article.published, speakers.get(source) if source is not None else None,
        )
        set_times.fill(tokens, dates, found)
        for event in found:
            add_unless_retold(events, event)
        set_times.wait(found, dates)
        clock.date_untimed(found, unresolved=clock.advance(dates))
    set_times.finish()
    clock.finish()
    spellings = spellings_in(article.body)
    if spellings:
        for event in events:
            _spell_as_written(event, spellings)
    return Extraction(article=article, events=events)


def _spell_as_written(event: ExtractedEvent, spellings: dict[str, str]) -> None:
    named = [replace(a, name=as_written(a.name, spellings)) for a in event.actors]
    if named != event.actors:
        event.actors = named
        event.title = event_title(event.type, named)


def _without_dateline(sentence: Sentence) -> Sentence:
    m = (
        DATELINE.match(sentence.text) or PLACE_DATELINE.match(sentence.text)
        or CREDIT_DATELINE.match(sentence.text)
    )
    if not m:
        return sentence
    start = sentence.start + m.end()
    return Sentence(sentence.text[m.end() :], start, sentence.end)


def _first_future_cue(tokens: Tokens) -> int | None:
    lows = tokens.lows
    n = len(lows)
    # only the cue words are read (their positions found in C), not every token
    for k in compress(range(n), map(_FUTURE_CUES.__contains__, lows)):
        if not (k + 1 < n and lows[k + 1] in _PAST_AFTER):
            if lows[k] in _ATTRIBUTIVE_CUES and k > 0 and lows[k - 1] in _ARTICLES:
                continue  # "called off an expected meeting ... on Monday": no future tense
            return tokens.starts[k]  # but "the deadline expired on Sunday" looks back
    return None


_PAST_AFTER = lexicon.words("past_after_cue")
_ATTRIBUTIVE_CUES = frozenset(lexicon.time_cues()["attributive_cues"])
_ARTICLES = frozenset({"a", "an", "the"})


def _sentence_events(
    sentence: Sentence,
    tokens: Tokens,
    lows: list[str],
    mentions: list[Mention],
    dates: list[DateMention],
    last_when: When | None,
    lex: TriggerLexicon,
    memory: ArticleMemory,
    earlier_events: list[ExtractedEvent],
    published: dt.date | None = None,
    speaker: list[Actor] | None = None,
) -> list[ExtractedEvent]:
    """At most one event per clause: the clause's first trigger heads it, and the acts named
    inside it ("urged Washington to meet", "refused to back an embargo") are its content —
    except after an offer or an agreement to meet, where the meeting itself is the event."""
    if sentence.text.rstrip("\"'”’ ").endswith("?"):
        return []  # questions assert nothing
    if not _COMMENTARY.isdisjoint(lows[:2]):
        return []  # "Analysts said ...": commentary, not a report of an act
    if lows[0] in _RETELLING_FIRSTS and (
        " ".join(lows[:5]) in _RETELLING_OPENERS or " ".join(lows[:6]) in _RETELLING_OPENERS
    ):
        return []  # "It was the first time the council had demanded ...": told before
    # the lexicon's trigger words, then the event patterns over them (patterns.json)
    triggers = patterns().apply(tokens, lows, mentions, lex.find_triggers(lows))
    if not triggers:
        return []  # many sentences: nothing to build the clause structure for
    clause = Clauses(tokens, lows)
    times = SentenceTimes(dates, published)
    sm = SentenceMentions(tokens, mentions, clause, lows)
    denial_end = lex.first_denial_end(lows)
    heads: dict[int, tuple[Trigger, str, list]] = {}  # clause start -> (trigger, type, actors)
    seen_types: set[str] = set()
    previous_end = 0
    mentioned = {k for m in mentions for k in range(m.tok, m.tok_end)}
    out: list[ExtractedEvent] = []
    last_actors: list[tuple[Actor, str]] = []
    last_subjects: list[tuple[Actor, str]] = []
    head_events: dict[int, ExtractedEvent] = {}
    renamed_until = 0  # the end of an appositive that renames the act just told
    caps = _Capitalised(tokens)
    # "They also agreed ...": whatever "also" precedes is a further act, not a retelling
    first_also = lows.index("also") if "also" in lows else len(lows)

    for trig in triggers:
        if trig.type == "none":
            continue
        if trig.tok > 0 and tokens[trig.tok].cap and not _names_a_meeting(tokens, trig):
            continue  # inside a name: "the Black Sea Grain Initiative"
        if trig.type not in SPEECH_ACTS and clause.quoted_label(trig.tok):
            continue  # calling them an "economic blockade": a word for something, not an act
        if trig.type in _DESCRIBED_BY_PARTICIPLE and trig.tok_end - trig.tok == 1 and (
            participle_modifier(lows, trig.tok)
        ):
            # "formed by ousted lawmakers", "called off the proposed talks": a description of
            # the noun after it
            continue
        if not speaker and trig.type == "criticism" and _reported_only(lows, trig) and (
            _SAYING.isdisjoint(lows)
        ):
            # "Russian jets violated Polish airspace": told, not said by anyone (but "the
            # intrusion violated China's sovereignty, Tan said" is Tan's judgement)
            continue
        if trig.type == "consult" and lows[trig.tok] == "discussed" and any(
            other.type in _CONSULT_TRIGGERS and other is not trig for other in triggers
        ):
            continue  # "During the call, both sides discussed ...": said of the call
        if trig.type == "call" and trig.weight < 1 and _talked_about_doing(lows, trig.tok_end):
            continue  # "talked about imposing sanctions": a topic, not a conversation told
        held = None
        if refers_back(lows, trig, lex, mentioned):
            # "after the talks", "at a summit": an act told before, or a setting; but "about
            # the OIC summit, which is to be held in Astana" tells a gathering by a relative
            # clause of its own
            if trig.type in _GATHERING_TYPES and lows[trig.tok_end - 1] in _GATHERINGS:
                held = holding_status(lows, trig.tok_end)
            if (held is None or not held[1]) and (
                trig.type not in _ONE_SIDE_MEASURES or clause.starts[trig.tok] in heads
                or any(e.type == trig.type for e in (*earlier_events[-_TOLD_REACH:], *out))
            ):
                # (but "the aid", "the strikes" with no measure of the kind told before in the
                # article, nor an act before it in its clause ("summoned the envoy over the
                # shelling"): one the reader is taken to know, an act to record all the same)
                continue
        told_anew = held is not None
        lo = clause.starts[trig.tok]
        if lex.blocked(
            lows, lo, trig.tok, clause.end_of(trig.tok), denial_end, trig.type in COERCIVE, caps,
            trig.tok_end, trig.type in SPEECH_ACTS and _made_by_named(tokens, trig),
        ):
            continue
        if in_condition(lows, lo, trig, caps):
            continue  # "threatening sanctions if a 'deal' is not reached": no deal is told
        if trig.tok < renamed_until:
            continue  # said of the act renamed: "an initiative reportedly supported by Putin"
        if out and renames_last_act(lows, trig):
            renamed_until = clause.end_of(trig.tok)
            continue  # "confirmed Trump's willingness to meet Putin, an initiative ...": renamed
        if trig.type == "agreement" and _agreed_view(lows, trig, clause.end_of(trig.tok)):
            continue  # "the leaders agreed that security should be driven by the region": a view
        if trig.type == "talks" and _mediated_noun(lows, trig, triggers):
            continue  # "a deal mediated by the UAE": who mediated the deal, not talks of their own
        if trig.type in SPEECH_ACTS and _text_turned_down(lows, trig, out):
            continue  # "Russia vetoed a resolution condemning ...": no one condemned
        if trig.type in SPEECH_ACTS and _unnamed_speaker(tokens, lows, lo, trig, sm):
            continue  # "protesters rallied to protest ...", "Blair's role was criticised"
        shared = last_actors if trig.type in CONSULT else last_subjects
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
        if len(actors) == 1 and trig.type in _CONSULT_TRIGGERS and subjectless(lows, lo, trig, sm):
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
        if not actors and lows[trig.tok_end - 1] in _GATHERINGS and (
            told_anew or _told_as_set(lows, trig)
        ):
            # "The ASEAN summit was originally slated for March 28-29": a gathering set, put off
            # or called off is the body's that convenes it; with none named ("A General Border
            # Committee meeting is also scheduled for Aug 4 in Cambodia"), the story's two sides'
            body = convening_body(trig, tokens)
            sides = [body] if body is not None else story_sides(memory)
            actors = [(a, "participant") for a in sides]
        if not actors and trig.type == "agreement" and _told_as_made(lows, trig):
            # "The agreement was reached in December 2015", "the truce signed in January": a
            # deal told as made, with no party named, is between the story's two sides
            # (or, if only its go-betweens are named, between them: "a truce brokered by
            # Turkey and Russia")
            sides = brokers_of(trig, sm) or story_sides(memory)
            actors = [(a, "participant") for a in sides]
        if not actors or (trig.weight < 1 and len(actors) < 2):
            continue
        if trig.type == "agreement" and lows[trig.tok] in _TOGETHER and not (
            _sides_before(actors, sm, lo, trig.tok)
        ):
            continue  # "Canberra pledged to work closely with ...": one side's pledge
        if (trig.type in _ONE_SIDE_TYPES or trig.weight < 1) and len(actors) >= 2 and (
            _one_side(actors)
        ):
            continue  # "Peskov told a conference call": Russia and its own spokesman
        if len(actors) == 1 and trig.type == "agreement" and agreed_to_act(lows, trig):
            # "a meeting between A, B and C, where A agreed to ...": agreed with the others.
            parties = meeting_of_decision(out, actors[0][0])
            if parties is None:
                continue  # "OPEC+ agreed to cut output": one party's decision, no deal
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
            and not _SAYING.isdisjoint(lows[lo : trig.tok])
        ):
            # "Poroshenko said a general ceasefire would come into force", "Dawood said deals
            # would be signed": one who tells of a deal, the only one named, is no party to it
            continue
        if trig.type in SPEECH_ACTS and all(r == "initiator" for _, r in actors):
            # "condemned the measures", "congratulated them": aimed at acts told before
            # ... or "called Netanyahu and commended the decision": said to Netanyahu
            targets = speech_targets(
                tokens, lows, trig, lo, actors, recent_acts(earlier_events, out)
            ) or addressees(tokens, lows, lo, trig, actors, out)
            actors = [*actors, *((a, "target") for a in targets)]
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
            and "talks" in lows[trig.tok_end : min(clause.end_of(trig.tok), trig.tok_end + WINDOW)]
        ):
            event_type = "talks"  # "the two countries' negotiators met for a round of talks"
        if event_type == "talks" and part_of_meeting(out, actors):
            continue  # "met Kim ..., and the two leaders held four hours of talks"
        inherited = None
        keeps_head = False
        if lo in heads and _embedded(lows, heads[lo][0], trig) and not (
            event_type == "agreement" and _told_as_made(lows, trig)
        ):  # "should implement the consensus reached by the two leaders": a deal made before
            head, head_type, head_actors = heads[lo]
            if head_type == "proposal" and lows[head.tok] in lex.proposal_verbs and (
                event_type in CONSULT_OR_ACT
            ):
                inherited = "proposed"
            elif head_type == "agreement" and event_type in ("call", "meeting", "talks"):
                agreed = _agreed_content(lows, head, trig)
                if agreed == "practice":
                    continue  # "agreed to strengthen dialogue": the agreement is the act
                inherited = "planned"
                told = cue_status(lex, lows, head.tok_end, trig.tok, None, False)
                if told in CALLED_OFF_STATUSES:
                    inherited = told  # "agreed to postpone a summit planned for this fall"
                keeps_head = agreed == "text"  # "agreed on a framework for talks": both
            elif head_type == "demand" and lows[head.tok] in _REQUESTING and (
                event_type in MEETING_TYPES
            ):
                inherited = "proposed"  # "Erdogan had requested a meeting with Putin"
                # "asked China to postpone Premier Li Qiang's visit", "requested that the state
                # visit ... be postponed": a request made to someone is an act of its own beside
                # its content
                # (not "requested a meeting with Tinubu": whom it asks is whom it would meet)
                keeps_head = _other_target(head_actors, actors)
            elif head_type == "agreement" and event_type in _ONE_SIDE_MEASURES and (
                _decided_alone(lows, lo, head, trig, sm)
            ):
                # "The EU has agreed to freeze assets linked to Putin", "EU foreign ministers
                # have agreed to impose new sanctions": one side's decision to act, not a deal
                inherited = "planned"
                head_actors = []
            else:
                owned = owned_act(tokens, head, head_actors, trig, sm)
                if owned is not None:
                    # "rejected an African Union peace plan": the AU's proposal is told too
                    status = "proposed" if event_type == "proposal" else "occurred"
                    out.append(_event(event_type, trig, status, owned, None, sentence, tokens))
                    answered = head_events.get(lo)
                    if event_type == "criticism" and answered is not None and (
                        answered.type == "rejection"
                    ):
                        # "China rejected criticism from Washington": the charge's maker is
                        # whom the rejection answers
                        named = {a.name for a in answered.actors}
                        answered.actors.extend(
                            ExtractedActor(a.name, "target", a.kind, a.country)
                            for a, role in owned if role == "initiator" and a.name not in named
                        )
                        answered.title = event_title(answered.type, answered.actors)
                continue
            if not keeps_head:
                remove_event(out, head_events.get(lo))
                seen_types.discard(head_type)
            actors = merge_actors(head_actors, actors)
        window = max(lo, trig.tok - CUE_REACH, previous_end)
        status = None  # read once: the second-measure test may need it before it is used
        if event_type in seen_types and not another_actor(
            event_type, actors, out, lo, trig, sm
        ) and not another_meeting(event_type, actors, out, lo, trig, sm) and not (
            _other_parties(event_type, actors, out)
        ) and not (
            inherited is None and event_type in MEASURES and another_measure(
                event_type, actors, out, lo, trig, sm, status := event_status(
                    lex, event_type, trig, lows, lo, window, clause.end_of(trig.tok), inherited
                ),
            )
        ):
            if event_type in MEETING_TYPES and inherited is None:
                join_parties(out, event_type, actors)  # "visited Jeddah and met the prince"
            previous_end = trig.tok_end
            continue
        if status is None:
            status = event_status(
                lex, event_type, trig, lows, lo, window, clause.end_of(trig.tok), inherited
            )
        if held is not None and inherited is None and status in ("occurred", "planned"):
            status = held[0]  # "the summit, which is to be held in Astana": planned
        if (
            event_type == "military" and status == "occurred" and len(actors) == 1
            and actors[0][0].kind == "person" and lows[trig.tok] not in _SEIZING_POWER
        ):
            # "Trump announced the 'precision strikes'", "the worst violence since Bakiyev was
            # ousted": force used is a state's or an armed group's on someone; a lone person
            # named with it tells of it or suffers it (but "Goita, who led the August coup")
            continue
        if (
            event_type == "talks" and len(actors) == 1 and status in ("occurred", "planned")
            and inherited is None and _talks_as_means(lows, trig)
        ):
            continue  # "to resolve issues through dialogue", "the deadline for negotiations"
        if event_type == "agreement" and lows[trig.tok] in _COMMITTING and inherited is None:
            # "pledged to" tells a plan of one side, but the sides' pledge to each other is
            # made: only the words before it ("are expected to pledge") tell one ahead
            status = cue_status(lex, lows, window, trig.tok, None, False)
        if status == "occurred" and event_type not in SPEECH_ACTS and (
            ahead := times.ahead_in_clause(
                tokens, trig.tok, trig.tok_end, lo, clause.end_of(trig.tok), event_type
            )
        ) and (
            not told_in_past(tokens, lo, trig) or times.told_with_noun(tokens, trig, ahead)
        ):
            # "Kishida hosts a G7 summit from May 19", "announced a visit to Cuba next
            # month": still to come
            status = "planned"
        if status == "occurred" and out and out[-1].status in _AHEAD and not _LATER.isdisjoint(
            lows[max(lo, trig.tok - _LATER_REACH) : trig.tok]
        ):
            # "will have talks prior to a meeting between Trump and Xi": what comes after an
            # act still to come is still to come
            status = "planned"
        if event_type == "agreement" and status in CALLED_OFF_STATUSES and inherited is None and (
            undone := _deal_undone(lows, lo, trig, actors, sm)
        ):
            # "Moscow put on hold the deal", "South Korea suspended its pact with Japan": a
            # party quitting a deal in force rejects it (events.md)
            event_type, status, actors = "rejection", "occurred", undone
        when = times.when_for(tokens, trig.tok, trig.tok_end, status, last_when, event_type)
        days_ending = 0
        if event_type in MEETING_TYPES:
            when = days_of_act(lows, trig.tok, when)  # "ended a three-day visit on Friday"
            if when is None and (length := length_of_act(lows, trig.tok)) and length[1]:
                days_ending = length[0]  # dated with the story's day: "after four days of talks"
        seen_types.add(event_type)
        heads[lo] = (trig, event_type, actors)
        last_actors = [(a, r) for a, r in actors if r != "target"]
        # The subject alone acts again in "... met Xi and urged him to ...".
        last_subjects = _named_before(last_actors, sm, trig.tok) or last_actors
        if len(actors) >= 2:
            memory.last_group = memory.without_brokers([a for a, _ in actors])[:2]
            memory.group_fresh = True
        new_act = (first_also < trig.tok or not _NEW_ACT_CUES.isdisjoint(
            lows[max(0, trig.tok - _NEW_ACT_REACH) : trig.tok_end + 2]
        )) and not (event_type in MEETING_TYPES and lows[trig.tok] in _DISCUSSING)
        # ("The two leaders also discussed Venezuela": more of the meeting told, not another)
        separate = separate_sides(actors, lows, trig)
        mutual = event_type == "sanctions" and _mutual_sides(
            actors, lows, lo, clause.end_of(trig.tok)
        )
        if mutual:
            separate = mutual  # "imposing tariffs and counter-tariffs": one act each way
        for sides in separate:
            # "met separately with A and B": one meeting with each
            side_when = when if len(separate) == 1 or mutual else times.for_party(
                tokens, trig.tok_end, sm.first_named_from(sides[-1][0].name, trig.tok_end),
                status, when,
            )
            event = _event(event_type, trig, status, sides, side_when, sentence, tokens)
            event.new_act = new_act
            event.days_ending = days_ending
            head_events[lo] = event
            out.append(event)
        complainants = sm.complainants.get(trig.tok) if event_type == "military" else None
        if complainants and status == "occurred" and len(out) < _ACTS_PER_SENTENCE:
            users = [(a, "target") for a, role in actors if role == "initiator"]
            if users:
                out.append(_event(
                    "criticism", trig, "occurred",
                    [(m.actor, "initiator") for m in complainants] + users, when, sentence,
                    tokens,
                ))
        previous_end = trig.tok_end
    return out



# The tests below over mentions and parties are functions of their own, not generators inside
# _sentence_events: there they would make its locals (``trig``, ``lo``, ``sm``, ``actors``)
# closure cells, which every line of its loop over the triggers then reads more slowly.


_ACTS_PER_SENTENCE = 6


def _other_parties(event_type: str, actors: list, out: list[ExtractedEvent]) -> bool:
    """A second act of the kind in the sentence whose parties, two or more, share none with the
    first's: "Biden will meet Chinh ..., and Abe will make a state visit to Hanoi"."""
    if len(actors) < 2 or len(out) >= _ACTS_PER_SENTENCE:
        # (a sentence tells a few acts; past that, joining keeps the time attachment, which
        # reads every time in the sentence for each act, linear in the sentence's length)
        return False
    earlier = latest(out, lambda e: e.type == event_type)  # (bounded: the last few acts)
    if earlier is None:
        return False
    names = {a.name for a in earlier.actors}
    return all(a.name not in names for a, _ in actors)


def _named_in(mentions: list[Mention], actor: Actor, lo: int, hi: int) -> bool:
    """Is the actor named (not referred to) at a token in [lo, hi)?"""
    return any(
        m.actor == actor and m.source not in _REFERENCES and lo <= m.tok < hi for m in mentions
    )


def _other_target(
    head_actors: list[tuple[Actor, str]], actors: list[tuple[Actor, str]]
) -> bool:
    """Is a target of the governing act none of ``actors``?"""
    return any(
        r == "target" and all(a.name != b.name for b, _ in actors) for a, r in head_actors
    )


def _named_before(
    parties: list[tuple[Actor, str]], sm: SentenceMentions, tok: int
) -> list[tuple[Actor, str]]:
    """The parties named before token ``tok``."""
    return [(a, r) for a, r in parties if sm.named_between(a.name, 0, tok)]

_SAYING = lexicon.words("saying_verbs") | lexicon.words("attribution_verbs")
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


_FACING = frozenset({"face", "faces", "faced", "facing"})
_FACING_REACH = 4  # "faces fresh EU sanctions", "will face additional US restrictions"
_REQUEST_NOUNS = frozenset({"request", "requests", "appeal", "appeals", "plea"})
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
        and _SAYING.isdisjoint(lows[max(lo, m.tok - 4) : m.tok])
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


_AGREEING = frozenset({"agreed", "agree", "agrees"})
_VIEW_MODALS = lexicon.words("view_modals")
_VIEW_REACH = 10  # words of the that-clause's subject: "that their two foreign ministers"


def _agreed_view(lows: list[str], trig: Trigger, end: int) -> bool:
    """ "agreed that both sides should work together", "agreed that security must be driven
    by the Pacific": a view shared, not a deal (but "agreed that Mexico would send 10,000
    troops" commits them)."""
    k = trig.tok_end
    if lows[trig.tok_end - 1] not in _AGREEING or k >= len(lows) or lows[k] != "that":
        return False
    for j in range(k + 1, min(end, k + 1 + _VIEW_REACH)):
        if lows[j] in _VIEW_MODALS:
            return True
        if lows[j] in _COMMITTING_MODALS:
            return False
    return False


_COMMITTING_MODALS = frozenset({"will", "would", "shall"})
_TALKS_NOUNS = lexicon.words("talks_nouns")
_MEANS_PREPOSITIONS = lexicon.words("talks_as_means")
_COORDINATORS = frozenset({"and", "or", "but"})
_MEANS_REACH = 3  # words between the preposition and the noun: "through a peaceful bilateral"


def _talks_as_means(lows: list[str], trig: Trigger) -> bool:
    """Talks named after a preposition of means or purpose ("through a peaceful dialogue", "the
    deadline for negotiations", "a response to stalled negotiations") with no party after
    them ("with" or "between"): a way or a reason, not talks told."""
    if lows[trig.tok_end - 1] not in _TALKS_NOUNS:
        return False
    if trig.tok_end < len(lows) and lows[trig.tok_end] in ("with", "between"):
        return False
    for k in range(trig.tok - 1, max(-1, trig.tok - 2 - _MEANS_REACH), -1):
        if lows[k] in _MEANS_PREPOSITIONS:
            return True
        if not lows[k].isalpha() or lows[k] in _COORDINATORS:
            return False  # "in Olivos and dialogue was cordial": another phrase
    return False


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
    if lows[trig.tok] in _JUDGEMENTS or _reported_only(lows, trig):
        if not others:
            return actors  # "the open hostility displayed in your statement": judged, but whom?
    elif any(r == "initiator" for _, r in others) and _FIRST_PERSON.isdisjoint(
        lows[lo : trig.tok]
    ):
        return actors  # "China firmly opposes ...": the quote names who acts
    return [(a, "initiator") for a in speaker] + [(a, "target") for a, _ in others]


def _unnamed_speaker(
    tokens: Tokens, lows: list[str], lo: int, trig: Trigger, sm: SentenceMentions
) -> bool:
    """Is the speech act said by no one the story names: its subject a crowd or a group left
    unnamed ("tens of thousands of Palestinians rallied to protest ...", "Some accused them
    of ..."), or a passive with no agent ("Blair's involvement was criticised")?"""
    start = max(lo, trig.tok - _SUBJECT_REACH)
    for k in range(trig.tok - 1, start - 1, -1):
        if lows[k] in _UNNAMED and all(is_modifier(m, tokens) for m in sm.between(lo, k)):
            return True  # no party named before the crowd in the clause ("Obama's critics")
    before = lows[start : trig.tok]
    relative = start + min(
        before.index(w) if w in before else len(before) for w in ("who", "that")
    ) if "who" in before or "that" in before else None
    if relative is not None and relative >= 1:
        antecedent = relative - 1 - (lows[relative - 1] == ",")
        if antecedent >= 0 and lows[antecedent] in _UNNAMED:
            return True  # "Trump's domestic critics, who accuse Russia of ...": the critics
    # "was criticised", "were condemned": by whom, the sentence does not say
    return (
        trig.type in _JUDGING_TYPES and trig.tok_end - trig.tok == 1
        and trig.tok >= 1 and lows[trig.tok - 1] in _BE_PASSIVE
        and lows[trig.tok].endswith("ed")
        and not any(
            lows[k] == "by" for k in range(trig.tok_end, min(len(lows), trig.tok_end + 6))
        )
        and not trig.roles
    )


_UNNAMED = lexicon.words("unnamed_speakers")
_JUDGING_TYPES = frozenset({"criticism", "support"})  # "was criticised", "was praised"
_BE_PASSIVE = frozenset({"was", "were", "been", "being", "is", "are"})
_SUBJECT_REACH = 8  # words back from the trigger to its subject


def _reported_only(lows: list[str], trig: Trigger) -> bool:
    """Is the trigger a judgement that is a speech act only in someone's words ("X violated
    the truce, Lavrov said"; said by no one, it is the story's own account)?"""
    return " ".join(lows[trig.tok : trig.tok_end]) in _REPORTED_ONLY


_JUDGEMENTS = lexicon.words("judgement_words")
_REPORTED_ONLY = lexicon.words("reported_judgements")
_FIRST_PERSON = lexicon.words("first_person_subjects")


class _Capitalised(Sequence[bool]):
    """``caps[k]``: is token k capitalised? Read from the token when asked (rarely), not
    listed for every token of every sentence."""

    __slots__ = ("tokens",)

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens

    def __getitem__(self, k: int) -> bool:  # type: ignore[override]  (no slices)
        return self.tokens[k].cap

    def __len__(self) -> int:
        return len(self.tokens)


_NEW_ACT_CUES = lexicon.words("new_act_cues")
_NEW_ACT_REACH = 8  # words before the trigger: "Also on Thursday, the US imposed sanctions"
_DISCUSSING = frozenset({"discussed", "discuss", "discusses", "discussing", "reviewed"})
_REQUESTING = lexicon.words("requesting_verbs")


_MET = frozenset({"met", "meet", "meets", "meeting"})
_DESCRIBED_BY_PARTICIPLE = frozenset({"military", "proposal"})


_CONSULT_TRIGGERS = frozenset({"call", "meeting", "talks", "consult"})


_LINKS = frozenset({"to", "that", "for"})
_TIME_WORDS = _DATE_WORDS | {"weekend"}
_EMBEDDING_BREAKS = lexicon.words("embedding_breaks")


def _names_a_meeting(tokens: Tokens, trig: Trigger) -> bool:
    """ "the G20 Summit", "the OIC Summit on Science", "the 1974 Land Boundary Agreement": a
    meeting's or a deal's name ends in the word that tells the act (not "the Summit Hotel",
    "the Agreement Implementation Committee")."""
    end = trig.tok_end
    return trig.type in _NAMED_ACTS and (end >= len(tokens) or not tokens[end].cap)


_NAMED_ACTS = frozenset({"meeting", "agreement"})


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


def _decided_alone(
    lows: list[str], lo: int, head: Trigger, trig: Trigger, sm: SentenceMentions
) -> bool:
    """Did one side agree to the act ("The EU has agreed to freeze ..."), with no second side
    named as agreeing ("Russia and Turkey agreed to ...", "agreed with Kyiv to ...")?"""
    if "with" in lows[head.tok_end : trig.tok]:
        return False
    subjects = [m for m in sm.between(lo, head.tok) if not m.location]
    return len({m.actor.country or m.actor.name for m in subjects}) == 1


_ONE_SIDE_MEASURES = frozenset({"sanctions", "aid", "military"})
_TOLD_REACH = 30  # the acts told last in the article that a definite noun may name again
_SEIZING_POWER = frozenset({"coup", "ousted", "oust", "ousting", "overthrew", "toppled", "deposed"})


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
_GATHERING_TYPES = frozenset({"meeting", "talks", "consult"})
_GATHERINGS = frozenset({
    "meeting", "meetings", "summit", "summits", "talks", "negotiations", "round",
    "conference", "consultations",
})
_SCHEDULING = frozenset({
    "scheduled", "slated", "expected", "due", "set", "planned", "postponed", "delayed",
    "cancelled", "canceled", "called", "put", "rescheduled", "moved", "pushed",
    "held", "hosted", "convened",  # "will be held in Vientiane" (not "has to take place")
})
_SCHEDULING_REACH = 5  # words after the noun: "is also expected to be scheduled"
_MEMBERS_REACH = 6  # words before a meeting's trigger where its members are named
_MEMBER_NOUNS = frozenset({
    "leaders", "heads", "ministers", "chiefs", "members", "delegates", "delegations",
    "representatives",
})


def _mutual_sides(
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
# "After speaking with Putin, Macron said": the participle's subject is the main clause's (not
# after "Despite having spoken with Biden, Trump brings a fresh approach": whoever spoke)
_TEMPORAL_OPENERS = frozenset({"after", "before", "upon", "following"})
_AHEAD = frozenset({"planned", "proposed"})
_LATER = frozenset({"prior", "ahead", "before"})  # "talks prior to a meeting", "ahead of"
_LATER_REACH = 4  # words before the trigger: "prior to a meeting"


def _deal_undone(
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
    if not dets or not _BE_PASSIVE.isdisjoint(lows[lo : trig.tok]):
        return None
    subjects = {m.actor.name for m in sm.between(lo, dets[-1]) if m.source != "pronoun"}
    quitting = [(a, "initiator") for a, _ in actors if a.name in subjects]
    if not quitting:
        return None
    return quitting + [(a, "target") for a, _ in actors if a.name not in subjects]


_STANDING_DEALS = lexicon.words("standing_deal_nouns")
_STANDING_DETERMINERS = frozenset({"the", "its", "their", "this", "that"})
_DETERMINER_REACH = 3  # words before the deal's noun: "the grain deal", "its intelligence pact"


def _told_as_made(lows: list[str], trig: Trigger) -> bool:
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


_COMMITTING = lexicon.words("committing_verbs")
# the verbs of an agreement that only sides acting together make (see _sides_before)
_TOGETHER = _COMMITTING | lexicon.words("joint_text_verbs")


def _agreed_content(lows: list[str], head: Trigger, trig: Trigger) -> str | None:
    """What an agreement says of the meeting or talks named in it: "practice" for a way of
    dealing with each other ("agreed to strengthen dialogue", "to resume regular visits": the
    agreement is the act), "text" for a text about them ("agreed on a framework for further
    negotiations": the agreement and the talks), None for a meeting to hold ("agreed to meet
    again", "to hold talks")."""
    gap = lows[head.tok_end : trig.tok]
    if any(w in _RELATION_BUILDING for w in gap):
        return "practice"
    if any(
        w in _AGREED_OBJECTS and k + 1 < len(gap) and gap[k + 1] in ("for", "on")
        for k, w in enumerate(gap)
    ):
        return "text"
    return None


_RELATION_BUILDING = lexicon.words("relation_building_words")
_AGREED_OBJECTS = lexicon.words("agreed_object_nouns")


def _made_by_named(tokens: Tokens, trig: Trigger) -> bool:
    """ "a request from Saudi Arabia", "requests from Bangkok": an act noun with the named party
    it came from is told as made."""
    end = trig.tok_end
    if trig.tok_end - trig.tok != 1 or end + 1 >= len(tokens) or tokens[end].low != "from":
        return False
    if tokens[trig.tok].low.endswith(("ed", "ing")):
        return False  # "demanded from", "requesting from": a verb
    nxt = end + 1 + (tokens[end + 1].low == "the" and end + 2 < len(tokens))
    return tokens[nxt].cap


def _talked_about_doing(lows: list[str], end: int) -> bool:
    """ "spoke about imposing sanctions", "talked of sending troops": what someone spoke of."""
    return (
        end + 1 < len(lows) and lows[end] in ("about", "of")
        and gerund(lows[end + 1])
    )


def _embedded(lows: list[str], head: Trigger, trig: Trigger) -> bool:
    """Is ``trig`` the content of ``head`` ("urged X to meet", "proposed opening talks")?"""
    if trig.tok - head.tok_end > 14:
        return False  # too far to be its content (and never sliced: linear time)
    if at_the_request(lows, trig):
        return False  # "deployed troops ... at the request of Mozambique": who asked for it
    gap = lows[head.tok_end : trig.tok]
    if len(gap) >= 2 and gap[0] in ("in", "on", "last", "this", "next") and (
        gap[1] in _TIME_WORDS
    ):
        gap = gap[2:]  # "offered in May to supply ...": the time is no break
    if len(gap) > 12 or not _EMBEDDING_BREAKS.isdisjoint(gap):
        return False
    if _appositive_clause(gap):
        return False  # "an invitation, a move that drew condemnation": an appositive's own act
    gap = _without_amount(gap)  # "offered US$150,000 of aid": the sum is the object's
    if len(gap) >= 2 and gap[-1] == "of" and gap[-2] in _PACKAGE_NOUNS:
        gap = gap[:-2]  # "proposed a new package of sanctions": the package is of the act
    if len(gap) <= 3 and all(
        _object_word(w, trig.type in _OWNED_BY_POSSESSOR) and w not in _OBJECT_GAP_BLOCKERS
        for w in gap
    ):  # "rejected any third-party mediation", "rejected Kenya's proposal"
        return True  # the direct object: "demanding an immediate ceasefire"
    return any(w in _LINKS or gerund(w) for w in gap)


def _object_word(w: str, possessor: bool) -> bool:
    """A word of a direct object before its noun: "third-party"; with ``possessor``, "Kenya's"
    (the owner of a plan, a demand, a deal or sanctions, read as its own act by
    ``owned_act``; but "condemned Tuesday's attack" tells the attack as well)."""
    if possessor:
        w = w.removesuffix("'s").removesuffix("’s")
    return w.replace("-", "").isalpha()


_OWNED_BY_POSSESSOR = frozenset({"proposal", "demand", "agreement", "sanctions", "criticism"})


def _mediated_noun(lows: list[str], trig: Trigger, triggers: Sequence[Trigger]) -> bool:
    """Is the trigger a participle with its agent ("mediated by", "brokered by") right after
    another act's noun ("a deal mediated by the United Arab Emirates")?"""
    if not lows[trig.tok].endswith("ed") or trig.tok_end >= len(lows) or lows[trig.tok_end] != "by":
        return False
    return any(t.tok_end == trig.tok and t.type != "none" for t in triggers)


def _text_turned_down(lows: list[str], trig: Trigger, found: list[ExtractedEvent]) -> bool:
    """Is the speech act what a text says ("a resolution condemning the annexation") whose
    adoption the sentence has just told rejected ("vetoed", "blocked")? Then it was never said."""
    k = trig.tok - 1
    if k < 0 or not lows[trig.tok].endswith("ing") or lows[k] not in _TEXT_NOUNS:
        return False
    return any(e.type == "rejection" for e in found)


_TEXT_NOUNS = frozenset({
    "resolution", "draft", "motion", "text", "statement", "declaration", "bill", "measure",
})
_PACKAGE_NOUNS = frozenset({
    "package", "round", "set", "series", "raft", "batch", "wave", "list", "slew", "range",
})


def _appositive_clause(gap: list[str]) -> bool:
    """Does the gap hold a noun set beside the act with a relative clause of its own
    (", a move that drew ...")? What that clause tells is no content of the act."""
    for k in range(len(gap) - 2):
        if gap[k] == "," and gap[k + 1] in ("a", "an"):
            return any(w in ("that", "which") for w in gap[k + 2 :])
    return False


_CURRENCY = frozenset({"$", "€", "£", "¥", "us", "usd", "eur"})
_AMOUNT_WORDS = frozenset({
    "million", "billion", "trillion", "dollars", "euros", "pounds", "yuan", "yen", "rupees",
})


def _without_amount(gap: list[str]) -> list[str]:
    """The gap without a sum of money ("US$150,000 of", "$5 million in", "1 billion yuan")."""
    if not any(w[:1].isdigit() for w in gap):
        return gap
    out: list[str] = []
    amount = False
    for w in gap:
        if w[:1].isdigit() or w in _CURRENCY or w in _AMOUNT_WORDS or (amount and w == ","):
            amount = True
            continue
        if amount and w in ("of", "in", "worth"):
            amount = False
            continue
        amount = False
        out.append(w)
    return out


CONSULT_OR_ACT = frozenset(
    {"call", "meeting", "talks", "agreement", "aid", "sanctions", "military"}
)


_COMMENTARY = lexicon.words("commentary_subjects")
_RETELLING_OPENERS = lexicon.words("retelling_openers")
_RETELLING_FIRSTS = frozenset(p.split()[0] for p in _RETELLING_OPENERS)
_OBJECT_GAP_BLOCKERS = lexicon.words("object_gap_blockers")


def _event(
    event_type: str,
    trig: Trigger,
    status: str,
    actors: list[tuple[Actor, str]],
    when: When | None,
    sentence: Sentence,
    tokens: Tokens,
) -> ExtractedEvent:
    extracted = [ExtractedActor(a.name, role, a.kind, a.country) for a, role in actors]
    confidence = 0.45 + 0.15 * (len(actors) >= 2) + 0.15 * (trig.weight >= 1) + 0.1 * bool(when)
    return ExtractedEvent(
        type=event_type,
        status=status,
        actors=extracted,
        when=when,
        evidence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        confidence=min(confidence, 0.95),
        title=event_title(event_type, extracted),
        trigger=sentence.text[tokens.starts[trig.tok] : tokens.end_of(trig.tok_end - 1)],
        trigger_offset=tokens.starts[trig.tok],
    )


_ONE_SIDE_TYPES = frozenset({"call", "consult"})


def _one_side(actors: list[tuple[Actor, str]]) -> bool:
    """Every party is the same state or one of its people: no one to talk with."""
    sides = {a.country or a.name for a, _ in actors}
    return len(sides) == 1 and all(a.country for a, _ in actors)
