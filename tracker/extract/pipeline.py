"""``extract``: article text in, events out. Pure: no database, no I/O."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable
from copy import deepcopy
from dataclasses import replace
from functools import lru_cache
from itertools import compress

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
)
from tracker.extract.admission import admit, force_by_lone_person, talks_as_means, tells_no_act
from tracker.extract.arguments import (
    SPEECH_ACTS,
    another_meeting,
    separate_sides,
)
from tracker.extract.articles import (
    CREDIT_DATELINE,
    DATELINE,
    PLACE_DATELINE,
    read_article,
    unwrapped,
)
from tracker.extract.content import read_as_content
from tracker.extract.context import Parties, SentenceContext
from tracker.extract.dates import DateMention, find_dates
from tracker.extract.discourse import (
    MEASURES,
    MEETING_TYPES,
    add_unless_retold,
    another_actor,
    another_measure,
    join_parties,
    latest,
)
from tracker.extract.events import Trigger, TriggerLexicon
from tracker.extract.parties import (
    deal_undone,
    mutual_sides,
    named_before,
    officials_states,
    parties_for,
    type_by_parties,
)
from tracker.extract.patterns import patterns
from tracker.extract.quotes import speaker_of, speaker_sources
from tracker.extract.sentences import Sentence, split_sentences
from tracker.extract.status import (
    CALLED_OFF_STATUSES,
    CUE_REACH,
    cue_status,
    done_after,
    event_status,
    told_in_past,
)
from tracker.extract.timing import (
    SetTimes,
    StoryClock,
    days_of_act,
    length_of_act,
)
from tracker.extract.titles import event_title
from tracker.extract.tokens import Tokens, tokenize, without_scare_quotes
from tracker.extract.types import ActorEntry, ExtractedActor, ExtractedEvent, Extraction

# Words after which a weekday or a month is read forward from the article's date.
_FUTURE_CUES = lexicon.words("future_cues")


@lru_cache(maxsize=1)
def trigger_lexicon() -> TriggerLexicon:
    """The trigger lexicon (triggers.json and the CAMEO verbs), built once per process."""
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
    lex = trigger_lexicon()
    memory = ArticleMemory.for_article(article.body)
    events: list[ExtractedEvent] = []
    clock = StoryClock(article.published)
    set_times = SetTimes(article.published)
    # a hard-wrapped text's paragraphs read as one line each (same offsets)
    text = unwrapped(text, article.body_offset, article.body_end or len(text))
    sentences = split_sentences(text, article.body_offset, article.body_end)
    if article.links:
        sentences = [s for s in sentences if not _in_link(s, article.links)]
    # a sentence of quoted words only: the sentence that says who speaks (quotes.py)
    sources = speaker_sources(text, sentences)
    told_back = {j for k, j in enumerate(sources) if j is not None and j <= k}
    speakers: dict[int, list[Actor]] = {}
    for number, sentence in enumerate(sentences):
        if deadline is not None and time.monotonic() > deadline:
            raise ExtractionTimeout("extraction took longer than its time budget")
        if number == 0:
            sentence = _without_dateline(sentence)
        tokens = without_scare_quotes(tokenize(sentence.text))
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
            dates = clock.in_the_day(dates)  # "earlier in the day": the story's day
            dates = clock.quoted_days(sentence.text, dates)  # "'... tomorrow,' he said Tuesday"
        found = _sentence_events(
            sentence, tokens, lows, mentions, dates, clock.last_when, lex, memory, events,
            article.published, speakers.get(source) if source is not None else None,
        )
        set_times.fill(tokens, dates, found)
        for event in found:
            add_unless_retold(events, event, article.published)
        set_times.wait(found, dates)
        clock.date_untimed(found, unresolved=clock.advance(dates))
    set_times.finish()
    clock.finish()
    for event in events:
        if event.officials_states:
            _name_officials_states(event)
    spellings = spellings_in(article.body)
    if spellings:
        for event in events:
            _spell_as_written(event, spellings)
    return Extraction(article=article, events=events)


def _name_officials_states(event: ExtractedEvent) -> None:
    """Each official's state just after the official, unless the event names it already."""
    names = {a.name for a in event.actors}
    for state in event.officials_states:
        if state.name in names:
            continue
        names.add(state.name)
        at = next((
            k + 1 for k, a in enumerate(event.actors)
            if a.kind == "person" and a.role == state.role and a.country == state.country
        ), len(event.actors))
        event.actors.insert(at, state)
    event.officials_states = []
    event.title = event_title(event.type, event.actors)


def _spell_as_written(event: ExtractedEvent, spellings: dict[str, str]) -> None:
    named = [replace(a, name=as_written(a.name, spellings)) for a in event.actors]
    if named != event.actors:
        event.actors = named
        event.title = event_title(event.type, named)


def _in_link(sentence: Sentence, links: tuple[tuple[int, int], ...]) -> bool:
    return any(start <= sentence.start < end for start, end in links)


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
    """The events one sentence tells. Each trigger goes through the layers in turn: admission
    (does it tell an act here?), parties (who takes part?), type, content (is it the object of
    another act in its clause: "urged Washington to meet"?), then status and time. At most one
    event per clause, but for acts with other parties or named inside another act."""
    if tells_no_act(sentence.text, lows):
        return []
    # the lexicon's trigger words, then the event patterns over them (patterns.json)
    triggers = patterns().apply(tokens, lows, mentions, lex.find_triggers(lows))
    if not triggers:
        return []  # many sentences: nothing to build the clause structure for
    ctx = SentenceContext.of(
        sentence, tokens, mentions, triggers, dates, lex, memory, earlier_events, last_when,
        published, speaker,
    )
    clause = ctx.clause
    for trig in triggers:
        admitted = admit(ctx, trig)
        if admitted is None:
            continue
        lo, held = admitted
        actors = parties_for(ctx, trig, lo, held)
        if actors is None:
            continue
        event_type = type_by_parties(ctx, trig, actors)
        if event_type is None:
            continue
        inherited = None
        if lo in ctx.heads:
            content = read_as_content(ctx, trig, lo, event_type, actors)
            if content is None:
                continue
            inherited, actors = content
        window = max(lo, trig.tok - CUE_REACH, ctx.previous_end)
        status = None  # read once: the second-measure test may need it before it is used
        if event_type in ctx.seen_types:
            retold, status = _retold_in_clause(
                ctx, trig, lo, event_type, actors, inherited, window
            )
            if retold:
                if event_type in MEETING_TYPES and inherited is None:
                    join_parties(ctx.out, event_type, actors)  # "visited Jeddah and met the prince"
                ctx.previous_end = trig.tok_end
                continue
        if status is None:
            status = event_status(
                lex, event_type, trig, lows, lo, window, clause.end_of(trig.tok), inherited
            )
        settled = _status_in_clause(
            ctx, trig, lo, event_type, actors, inherited, held, status, window
        )
        if settled is None:
            continue
        event_type, status, actors = settled
        _record(ctx, trig, lo, event_type, status, actors)
    return ctx.out


def _retold_in_clause(
    ctx: SentenceContext, trig: Trigger, lo: int, event_type: str, actors: Parties,
    inherited: str | None, window: int,
) -> tuple[bool, str | None]:
    """Is the act one the sentence has told already (same type, no other party, no second
    measure)? With the status read on the way, if the second-measure test needed it."""
    out, sm = ctx.out, ctx.sm
    if another_actor(event_type, actors, out, lo, trig, sm) or another_meeting(
        event_type, actors, out, lo, trig, sm
    ) or _other_parties(event_type, actors, out):
        return False, None
    if inherited is None and event_type in MEASURES:
        status = event_status(
            ctx.lex, event_type, trig, ctx.lows, lo, window, ctx.clause.end_of(trig.tok),
            inherited,
        )
        return not another_measure(event_type, actors, out, lo, trig, sm, status), status
    return True, None


def _status_in_clause(
    ctx: SentenceContext, trig: Trigger, lo: int, event_type: str, actors: Parties,
    inherited: str | None, held: tuple[str, bool] | None, status: str, window: int,
) -> tuple[str, str, Parties] | None:
    """The status the words around the trigger give (``event_status``), settled by the
    clause: a gathering's own relative clause, a pledge, a time still to come, an act after one
    still to come, a deal in force put on hold. None when, with its status, the act is none."""
    tokens, lows, clause, out, times = ctx.tokens, ctx.lows, ctx.clause, ctx.out, ctx.times
    if held is not None and inherited is None and status in ("occurred", "planned"):
        status = held[0]  # "the summit, which is to be held in Astana": planned
    if event_type == "military" and status == "occurred" and force_by_lone_person(
        lows, trig, actors
    ):
        return None
    if (
        event_type == "talks" and len(actors) == 1 and status in ("occurred", "planned")
        and inherited is None and talks_as_means(lows, trig)
    ):
        return None  # "to resolve issues through dialogue", "the deadline for negotiations"
    if event_type == "agreement" and lows[trig.tok] in _COMMITTING and inherited is None:
        # "pledged to" tells a plan of one side, but the sides' pledge to each other is
        # made: only the words before it ("are expected to pledge") tell one ahead
        status = cue_status(ctx.lex, lows, window, trig.tok, None, False)
    if status == "occurred" and event_type not in SPEECH_ACTS and not done_after(
        lows, trig.tok_end
    ) and (
        # ("would honour the deal signed in January": the time is the participle's, past)
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
        undone := deal_undone(lows, lo, trig, actors, ctx.sm)
    ):
        # "Moscow put on hold the deal", "South Korea suspended its pact with Japan": a
        # party quitting a deal in force rejects it (events.md)
        return "rejection", "occurred", undone
    return event_type, status, actors


def _record(
    ctx: SentenceContext, trig: Trigger, lo: int, event_type: str, status: str,
    actors: Parties,
) -> None:
    """Time the act, add its event (one per side when it is told of each side apart) and
    remember it as its clause's head and its parties as the ones the next clause may share."""
    tokens, lows, sm, memory, times = ctx.tokens, ctx.lows, ctx.sm, ctx.memory, ctx.times
    when = times.when_for(tokens, trig.tok, trig.tok_end, status, ctx.last_when, event_type)
    days_ending = 0
    if event_type in MEETING_TYPES:
        when = days_of_act(lows, trig.tok, when)  # "ended a three-day visit on Friday"
        if when is None and (length := length_of_act(lows, trig.tok)) and length[1]:
            days_ending = length[0]  # dated with the story's day: "after four days of talks"
    ctx.seen_types.add(event_type)
    ctx.heads[lo] = (trig, event_type, actors)
    last_actors = [(a, r) for a, r in actors if r != "target"]
    ctx.last_actors = last_actors
    # The subject alone acts again in "... met Xi and urged him to ...".
    ctx.last_subjects = named_before(last_actors, sm, trig.tok) or last_actors
    if len(actors) >= 2:
        memory.last_group = memory.without_brokers([a for a, _ in actors])[:2]
        memory.group_fresh = True
    new_act = (ctx.first_also < trig.tok or not _NEW_ACT_CUES.isdisjoint(
        lows[max(0, trig.tok - _NEW_ACT_REACH) : trig.tok_end + 2]
    )) and not (event_type in MEETING_TYPES and lows[trig.tok] in _DISCUSSING)
    # ("The two leaders also discussed Venezuela": more of the meeting told, not another)
    separate = separate_sides(actors, lows, trig)
    mutual = event_type == "sanctions" and mutual_sides(
        actors, lows, lo, ctx.clause.end_of(trig.tok)
    )
    if mutual:
        separate = mutual  # "imposing tariffs and counter-tariffs": one act each way
    out = ctx.out
    for sides in separate:
        # "met separately with A and B": one meeting with each
        side_when = when if len(separate) == 1 or mutual else times.for_party(
            tokens, trig.tok_end, sm.first_named_from(sides[-1][0].name, trig.tok_end),
            status, when,
        )
        event = ctx.event(event_type, trig, status, sides, side_when)
        event.officials_states = [
            ExtractedActor(a.name, role, a.kind, a.country)
            for a, role in officials_states(event_type, sides, ctx.sm.titled)
        ]
        event.new_act = new_act
        event.days_ending = days_ending
        ctx.head_events[lo] = event
        out.append(event)
    complainants = sm.complainants.get(trig.tok) if event_type == "military" else None
    if complainants and status == "occurred" and len(out) < _ACTS_PER_SENTENCE:
        users = [(a, "target") for a, role in actors if role == "initiator"]
        if users:
            out.append(ctx.event(
                "criticism", trig, "occurred",
                [(m.actor, "initiator") for m in complainants] + users, when,
            ))
    ctx.previous_end = trig.tok_end


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


_COMMITTING = lexicon.words("committing_verbs")
_AHEAD = frozenset({"planned", "proposed"})
_LATER = frozenset({"prior", "ahead", "before"})  # "talks prior to a meeting", "ahead of"
_LATER_REACH = 4  # words before the trigger: "prior to a meeting"
_NEW_ACT_CUES = lexicon.words("new_act_cues")
_NEW_ACT_REACH = 8  # words before the trigger: "Also on Thursday, the US imposed sanctions"
_DISCUSSING = lexicon.words("discussing_verbs")
