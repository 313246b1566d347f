"""``extract``: article text in, events out. Pure: no database, no I/O."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable
from functools import lru_cache

from tracker.domain import When
from tracker.errors import ExtractionTimeout
from tracker.extract import lexicon
from tracker.extract.actors import (
    Actor,
    ActorIndex,
    ArticleMemory,
    Mention,
    base_index,
    find_mentions,
)
from tracker.extract.arguments import (
    CONSULT,
    SPEECH_ACTS,
    SentenceMentions,
    actors_for,
    convening_body,
)
from tracker.extract.articles import DATELINE, read_article
from tracker.extract.clauses import WINDOW, Clauses
from tracker.extract.dates import _DATE_WORDS, DateMention, find_dates
from tracker.extract.events import Trigger, TriggerLexicon
from tracker.extract.patterns import has_agent, patterns, slot_roles
from tracker.extract.sentences import Sentence, split_sentences
from tracker.extract.status import (
    CUE_REACH,
    event_status,
    in_condition,
    predicate_status,
    told_in_past,
)
from tracker.extract.timing import (
    SentenceTimes,
    SetTimes,
    StoryClock,
    finer_within,
    retold_nearby,
)
from tracker.extract.titles import event_title
from tracker.extract.tokens import Token, tokenize
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
    for number, sentence in enumerate(split_sentences(text, article.body_offset)):
        if deadline is not None and time.monotonic() > deadline:
            raise ExtractionTimeout("extraction took longer than its time budget")
        if number == 0:
            sentence = _without_dateline(sentence)
        tokens = tokenize(sentence.text)
        if not tokens:
            continue
        lows = [t.low for t in tokens]
        mentions = find_mentions(tokens, index, memory, lows)
        future_from = None if _FUTURE_CUES.isdisjoint(lows) else _first_future_cue(tokens)
        dates = find_dates(sentence.text, article.published, future_from, lows)
        found = _sentence_events(
            sentence, tokens, lows, mentions, dates, clock.last_when, lex, memory, events,
            article.published,
        )
        set_times.fill(tokens, dates, found)
        for event in found:
            _add_unless_duplicate(events, event)
        set_times.wait(found, dates)
        clock.date_untimed(found, unresolved=clock.advance(dates))
    clock.finish()
    return Extraction(article=article, events=events)


def _without_dateline(sentence: Sentence) -> Sentence:
    m = DATELINE.match(sentence.text)
    if not m:
        return sentence
    start = sentence.start + m.end()
    return Sentence(sentence.text[m.end() :], start, sentence.end)


def _first_future_cue(tokens: list[Token]) -> int | None:
    for k, t in enumerate(tokens):
        if t.low in _FUTURE_CUES and not (k + 1 < len(tokens) and tokens[k + 1].low in _PAST_AFTER):
            if t.low in _ATTRIBUTIVE_CUES and k > 0 and tokens[k - 1].low in _ARTICLES:
                continue  # "called off an expected meeting ... on Monday": no future tense
            return t.start  # but "the deadline expired on Sunday" looks back
    return None


_PAST_AFTER = lexicon.words("past_after_cue")
_ATTRIBUTIVE_CUES = frozenset(lexicon.time_cues()["attributive_cues"])
_ARTICLES = frozenset({"a", "an", "the"})


def _sentence_events(
    sentence: Sentence,
    tokens: list[Token],
    lows: list[str],
    mentions: list[Mention],
    dates: list[DateMention],
    last_when: When | None,
    lex: TriggerLexicon,
    memory: ArticleMemory,
    earlier_events: list[ExtractedEvent],
    published: dt.date | None = None,
) -> list[ExtractedEvent]:
    """At most one event per clause: the clause's first trigger heads it, and the acts named
    inside it ("urged Washington to meet", "refused to back an embargo") are its content —
    except after an offer or an agreement to meet, where the meeting itself is the event."""
    if sentence.text.rstrip("\"'”’ ").endswith("?"):
        return []  # questions assert nothing
    if any(t.low in _COMMENTARY for t in tokens[:2]):
        return []  # "Analysts said ...": commentary, not a report of an act
    # the lexicon's trigger words, then the event patterns over them (patterns.json)
    triggers = patterns().apply(tokens, lows, mentions, lex.find_triggers(lows))
    if not triggers:
        return []  # many sentences: nothing to build the clause structure for
    clause = Clauses(tokens)
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
    caps = [t.cap for t in tokens]
    # "They also agreed ...": whatever "also" precedes is a further act, not a retelling
    first_also = lows.index("also") if "also" in lows else len(lows)

    def end_of(trig: Trigger) -> int:
        return clause.end_of(trig.tok)

    for trig in triggers:
        if trig.type == "none":
            continue
        if trig.tok > 0 and tokens[trig.tok].cap:
            continue  # inside a name: "the Black Sea Grain Initiative"
        if trig.type not in SPEECH_ACTS and _characterised(tokens, trig, clause):
            continue  # calling them an "economic blockade": a word for something, not an act
        if trig.type == "military" and _participle_modifier(lows, trig):
            continue  # "formed by ousted lawmakers": a description of people
        if _refers_back(
            lows, trig.tok, lex, mentioned, trig.type in _STRICT_REFERENCE, trig.tok_end
        ):
            continue  # "after the talks", "at a summit": an act told before, or a setting
        lo = clause[trig.tok]
        if lex.blocked(lows, lo, trig.tok, clause.end_of(trig.tok), denial_end):
            continue
        if in_condition(lows, lo, trig, caps):
            continue  # "threatening sanctions if a 'deal' is not reached": no deal is told
        if trig.tok < renamed_until:
            continue  # said of the act renamed: "an initiative reportedly supported by Putin"
        if out and _apposition(lows, trig):
            renamed_until = end_of(trig)
            continue  # "confirmed Trump's willingness to meet Putin, an initiative ...": renamed
        shared = last_actors if trig.type in CONSULT else last_subjects
        actors = actors_for(trig, sm, shared)
        if trig.roles:
            actors = slot_roles(actors, trig, sm)  # "was invited by Ruto": Ruto invites
        if trig.type in ("talks", "consult") and _led_to_deal(lows, trig):
            actors = _talks_behind_deal(out, actors, sm, trig) or actors
        if len(actors) == 1 and trig.type in _CONSULT_TRIGGERS and _subjectless(lows, lo, trig, sm):
            # "Despite having spoken with Biden before the invasion, ...": whoever was last
            # told talking with Biden's side is the other party.
            actors = _counterpart(actors, _recent(earlier_events, out)) or actors
        if len(actors) == 1 and trig.type in ("meeting", "consult") and (
            body := convening_body(trig, tokens)
        ) and body.name != actors[0][0].name:
            actors = [*actors, (body, "participant")]  # "Kishida hosts a G7 summit"
        if not actors or (trig.weight < 1 and len(actors) < 2):
            continue
        if trig.type in _ONE_SIDE_TYPES and len(actors) >= 2 and _one_side(actors):
            continue  # "Peskov told a conference call": Russia and its own spokesman
        if len(actors) == 1 and trig.type == "agreement" and _decision(lows, trig):
            meeting = next((
                e for e in reversed(out[-_RECENT:])
                if e.type in _MEETING_TYPES and len(e.actors) >= 2
                and any(_same_party(a, _as_party(actors[0][0])) for a in e.actors)
            ), None)
            if meeting is None:
                continue  # "OPEC+ agreed to cut output": one party's decision, no deal
            # "a meeting between A, B and C, where A agreed to ...": agreed with the others.
            actors = [(Actor(a.name, a.kind, a.country), "participant") for a in meeting.actors]
        if trig.type in SPEECH_ACTS and all(r == "initiator" for _, r in actors):
            recent = _recent(earlier_events, out)
            them = _them(lows, trig, actors, recent)
            # With a by-agent ("The move drew criticism from Beijing") the subject is what
            # the act is about: the target is whoever made the move.
            about = Trigger(trig.type, None, 1.0, lo, lo) if has_agent(trig) else trig
            target = None if them else _referred_target(tokens, about, actors, recent)
            if target is None and not them and "also" in lows[max(0, trig.tok - 2) : trig.tok]:
                target = _same_act_target(trig.type, actors, recent)
            if target is not None:
                actors = [*actors, (target, "target")]
            actors = [*actors, *((a, "target") for a in them)]
        event_type = trig.type
        persons = sum(1 for a, _ in actors if a.kind == "person")
        if event_type == "consult":
            event_type = "meeting" if persons >= 2 else "talks"  # leaders meet; officials talk
        elif (
            event_type == "meeting" and persons < 2 and len(actors) >= 2
            and _meeting_again(lows, trig)
        ):
            event_type = "talks"  # "the two sides will meet again": another round of talks
        elif (
            event_type == "meeting" and persons == 0 and len(actors) >= 2
            and lows[trig.tok] in _MET
            and "talks" in lows[trig.tok_end : min(end_of(trig), trig.tok_end + WINDOW)]
        ):
            event_type = "talks"  # "the two countries' negotiators met for a round of talks"
        if event_type == "talks" and _part_of_meeting(out[-_RECENT:], actors):
            continue  # "met Kim ..., and the two leaders held four hours of talks"
        inherited = None
        if lo in heads and _embedded(lows, heads[lo][0], trig):
            head, head_type, head_actors = heads[lo]
            if head_type == "proposal" and lows[head.tok] in lex.proposal_verbs and (
                event_type in CONSULT_OR_ACT
            ):
                inherited = "proposed"
            elif head_type == "agreement" and event_type in ("call", "meeting", "talks"):
                inherited = "planned"
            elif head_type == "demand" and lows[head.tok] in _REQUESTING and (
                event_type in _MEETING_TYPES
            ):
                inherited = "proposed"  # "Erdogan had requested a meeting with Putin"
            else:
                continue
            _remove(out, head_events.get(lo))
            seen_types.discard(head_type)
            actors = _merge_actors(head_actors, actors)
        if event_type in seen_types and not _another_actor(
            event_type, actors, out, lo, trig, sm
        ):
            if event_type in _MEETING_TYPES and inherited is None:
                _join_parties(out, event_type, actors)  # "visited Jeddah and met the prince"
            previous_end = trig.tok_end
            continue
        window = max(lo, trig.tok - CUE_REACH, previous_end)
        status = event_status(lex, event_type, trig, lows, lo, window, end_of(trig), inherited)
        if (
            status == "occurred" and event_type not in SPEECH_ACTS
            and not told_in_past(tokens, lo, trig)
            and times.ahead_in_clause(tokens, trig.tok, trig.tok_end, lo, end_of(trig), event_type)
        ):
            status = "planned"  # "Kishida hosts a G7 summit from May 19": still to come
        when = times.when_for(tokens, trig.tok, trig.tok_end, status, last_when, event_type)
        seen_types.add(event_type)
        heads[lo] = (trig, event_type, actors)
        last_actors = [(a, r) for a, r in actors if r != "target"]
        # The subject alone acts again in "... met Xi and urged him to ...".
        last_subjects = [
            (a, r) for a, r in last_actors if sm.named_between(a.name, 0, trig.tok)
        ] or last_actors
        if len(actors) >= 2:
            memory.last_group = [a for a, _ in actors[:2]]
            memory.group_fresh = True
            if event_type in CONSULT and not memory.last_deal_group:
                # The parties of the story's first deal or talks: "both sides" later on.
                memory.last_deal_group = [a for a, _ in actors[:2]]
        event = _event(event_type, trig, status, actors, when, sentence, tokens)
        event.new_act = first_also < trig.tok or not _NEW_ACT_CUES.isdisjoint(
            lows[max(0, trig.tok - _NEW_ACT_REACH) : trig.tok_end + 2]
        )
        head_events[lo] = event
        out.append(event)
        previous_end = trig.tok_end
    return out


_MEETING_TYPES = frozenset({"call", "meeting", "talks"})
_NEW_ACT_CUES = lexicon.words("new_act_cues")
_NEW_ACT_REACH = 8  # words before the trigger: "Also on Thursday, the US imposed sanctions"
_REQUESTING = lexicon.words("requesting_verbs")
_CALLED_OFF_STATUSES = frozenset({"cancelled", "postponed"})
# How many events back a reference ("the measures", "them", "also") or a merge may look: acts
# told long before are not what a sentence refers to, and the bound keeps time linear.
_RECENT = 50


def _recent(earlier: list[ExtractedEvent], out: list[ExtractedEvent]) -> list[ExtractedEvent]:
    return [*earlier[-_RECENT:], *out[-_RECENT:]]


def _remove(out: list[ExtractedEvent], event: ExtractedEvent | None) -> None:
    for k in range(len(out) - 1, -1, -1):
        if out[k] is event:
            del out[k]
            return
_MET = frozenset({"met", "meet", "meets", "meeting"})
def _led_to_deal(lows: list[str], trig: Trigger) -> bool:
    return any(w in ("after", "following") for w in lows[max(0, trig.tok - 5) : trig.tok])


def _talks_behind_deal(
    out: list[ExtractedEvent], actors: list, sm: SentenceMentions, trig: Trigger
) -> list | None:
    """ "A and B signed a truce after talks mediated by C": the talks were between the
    parties to the deal told just before, with whoever is named after the trigger."""
    deal = next((
        e for e in reversed(out[-_RECENT:]) if e.type == "agreement" and len(e.actors) >= 2
    ), None)
    if deal is None:
        return None
    parties = [(Actor(a.name, a.kind, a.country), "participant") for a in deal.actors]
    return _merge_actors(parties, [
        (a, "participant") for a, _ in actors
        if sm.named_between(a.name, trig.tok_end, len(sm.tokens))
    ])
def _another_actor(
    event_type: str, actors: list, out: list[ExtractedEvent], lo: int, trig: Trigger,
    sm: SentenceMentions,
) -> bool:
    """ "The bloc imposed sanctions on Niger, and Nigeria cut electricity supplies": a second
    act of the same kind by a subject of its own clause, who took no part in the first."""
    if event_type in _MEETING_TYPES or lo == 0 or not actors:
        return False
    earlier = next((e for e in reversed(out[-_RECENT:]) if e.type == event_type), None)
    if earlier is None:
        return False
    first = actors[0][0]
    if event_type in SPEECH_ACTS and _new_target(actors, earlier, lo, trig, sm):
        return True  # "thanked A for its help and called B a partner": a second act
    own = sm.actor_named_between(first.name, lo, trig.tok)
    return own and all(not _same_party(
        ExtractedActor(first.name, "initiator", first.kind, first.country), a
    ) for a in earlier.actors)


def _new_target(
    actors: list, earlier: ExtractedEvent, lo: int, trig: Trigger, sm: SentenceMentions
) -> bool:
    """The same speaker turns to someone else in a clause of its own ("... and praised B")."""
    if lo == 0 or not sm.toks or sm.toks[0] >= lo:
        return False
    targets = [a for a, r in actors if r == "target"]
    if not targets or not any(a.role == "target" for a in earlier.actors):
        return False
    # a state after its people ("thanked Rau and Duda ... and called Poland a partner")
    return all(
        not any(a.name == t.name or (t.kind != "state" and _same_party(_as_party(t), a))
                for a in earlier.actors) for t in targets
    ) and sm.actor_named_between(targets[0].name, trig.tok + 1, len(sm.tokens))


def _same_act_target(
    event_type: str, actors: list[tuple[Actor, str]], events: list[ExtractedEvent]
) -> Actor | None:
    """ "Japan and Australia also voiced concern": at whom the act just told was aimed."""
    mine = {a.name for a, _ in actors}
    for event in reversed(events[-3:]):
        if event.type == event_type:
            for a in event.actors:
                if a.role == "target" and a.name not in mine:
                    return Actor(a.name, a.kind, a.country)
            return None
    return None


def _meeting_again(lows: list[str], trig: Trigger) -> bool:
    return lows[trig.tok] in ("meet", "meets", "met") and "again" in lows[
        trig.tok_end : trig.tok_end + 2
    ]


def _part_of_meeting(out: list[ExtractedEvent], actors: list) -> bool:
    """Talks told in the sentence that reports the meeting of the same parties are its content."""
    names = {a.name for a, _ in actors}
    return any(
        e.type == "meeting" and len(names & {a.name for a in e.actors}) >= min(2, len(names))
        for e in out
    )


_QUOTES = frozenset({'"', "“", "”"})
_NAMING_VERBS = lexicon.words("naming_verbs")
_PARTICIPLE_OPENERS = frozenset({"by", "of", "the", "a", "an", "its", "his", "her", "their"})


_CONSULT_TRIGGERS = frozenset({"call", "meeting", "talks", "consult"})
_SUBORDINATORS = lexicon.words("subordinators")


def _subjectless(lows: list[str], lo: int, trig: Trigger, sm: SentenceMentions) -> bool:
    """A participle clause with no subject of its own: "Despite having spoken with ..."."""
    opener = lows[lo : lo + 2]
    participle = any(w == "having" or (w.endswith("ing") and len(w) > 4) for w in opener)
    return (
        participle and (lows[lo] in _SUBORDINATORS or lows[lo].endswith("ing"))
        and not sm.between(lo, trig.tok)
    )


def _counterpart(
    actors: list[tuple[Actor, str]], recent: list[ExtractedEvent]
) -> list[tuple[Actor, str]] | None:
    """The other side of the latest call, meeting or talks that had this party's side in it."""
    one = _as_party(actors[0][0])
    for event in reversed(recent[-_COUNTERPART_REACH:]):
        if event.type not in _MEETING_TYPES or len(event.actors) < 2:
            continue
        if not any(_same_side(one, a) for a in event.actors):
            continue
        others = [a for a in event.actors if not _same_side(one, a)]
        if others:
            return [(actors[0][0], "participant"), *(
                (Actor(a.name, a.kind, a.country), "participant") for a in others
            )]
    return None


_COUNTERPART_REACH = 3  # events back: the one just told, or nearly


def _same_side(a: ExtractedActor, b: ExtractedActor) -> bool:
    return a.name == b.name or (a.country is not None and a.country == b.country)


_QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’"})


def _apposition(lows: list[str], trig: Trigger) -> bool:
    """ "..., an initiative reportedly supported by Putin": a noun phrase set beside the act just
    told names that act again."""
    before = [w for w in lows[max(0, trig.tok - 4) : trig.tok] if w not in _QUOTE_MARKS][-3:]
    return len(before) >= 2 and (
        before[-2:] in ([",", "a"], [",", "an"])
        or (len(before) == 3 and before[0] == "," and before[1] in ("a", "an"))
    )


def _characterised(tokens: list[Token], trig: Trigger, clause: Clauses) -> bool:
    """Is the trigger inside a quoted label that someone gives ("called it a 'blockade'")?"""
    a = clause.quote_start(trig.tok)
    return a is not None and any(t.low in _NAMING_VERBS for t in tokens[max(0, a - 6) : a])


def _participle_modifier(lows: list[str], trig: Trigger) -> bool:
    """ "by ousted lawmakers", "the invaded regions": a participle before a noun."""
    if trig.tok_end - trig.tok != 1 or not lows[trig.tok].endswith("ed") or trig.tok == 0:
        return False
    nxt = lows[trig.tok_end] if trig.tok_end < len(lows) else ""
    return (
        lows[trig.tok - 1] in _PARTICIPLE_OPENERS and nxt.isalpha()
        and nxt not in _NOT_NOUNS
    )


_NOT_NOUNS = lexicon.words("not_nouns_after_participle")
def _join_parties(out: list[ExtractedEvent], event_type: str, actors: list) -> None:
    """A second trigger of the same kind names the other party of a one-party event."""
    earlier = next((e for e in reversed(out) if e.type == event_type), None)
    if earlier is None or len(earlier.actors) != 1:
        return
    names = {a.name for a in earlier.actors}
    for actor, _ in actors:
        if actor.name not in names and len(earlier.actors) < 3:
            names.add(actor.name)
            earlier.actors.append(
                ExtractedActor(actor.name, "participant", actor.kind, actor.country)
            )
    earlier.title = event_title(event_type, earlier.actors)


_LINKS = frozenset({"to", "that", "for"})
_TIME_WORDS = _DATE_WORDS | {"weekend"}
_EMBEDDING_BREAKS = lexicon.words("embedding_breaks")


def _embedded(lows: list[str], head: Trigger, trig: Trigger) -> bool:
    """Is ``trig`` the content of ``head`` ("urged X to meet", "proposed opening talks")?"""
    if trig.tok - head.tok_end > 14:
        return False  # too far to be its content (and never sliced: linear time)
    gap = lows[head.tok_end : trig.tok]
    if len(gap) >= 2 and gap[0] in ("in", "on", "last", "this", "next") and (
        gap[1] in _TIME_WORDS
    ):
        gap = gap[2:]  # "offered in May to supply ...": the time is no break
    if len(gap) > 12 or any(w in _EMBEDDING_BREAKS for w in gap):
        return False
    if len(gap) <= 3 and all(
        w.replace("-", "").isalpha() and w not in _OBJECT_GAP_BLOCKERS for w in gap
    ):  # "rejected any third-party mediation"
        return True  # the direct object: "demanding an immediate ceasefire"
    return any(w in _LINKS or (w.endswith("ing") and len(w) > 4) for w in gap)


CONSULT_OR_ACT = frozenset(
    {"call", "meeting", "talks", "agreement", "aid", "sanctions", "military"}
)


def _merge_actors(first: list, second: list) -> list:
    names = {a.name for a, _ in first}
    return [*first, *((a, r) for a, r in second if a.name not in names)]


_DETERMINERS = lexicon.words("determiners")
_SETTING = lexicon.words("setting_prepositions")
_REFERRING_CONTEXT = lexicon.words("referring_context")


_STRICT_REFERENCE = lexicon.words("strict_reference_types")
_HOLDING_VERBS = lexicon.words("holding_verbs")
_CONDITIONALS = frozenset({"if", "unless"})
_PARTY_LINKS = frozenset({"between", "with"})
_COORDINATORS = frozenset({"and", "or", "but"})
_POSSESSIVE_DETERMINERS = frozenset({"their", "its", "his", "her"})
_COMMENTARY = lexicon.words("commentary_subjects")
_OBJECT_GAP_BLOCKERS = lexicon.words("object_gap_blockers")


def _refers_back(
    lows: list[str],
    i: int,
    lex: TriggerLexicon,
    mentioned: set[int],
    strict: bool = False,
    end: int | None = None,
) -> bool:
    """A definite noun phrase ("the summit", "the 2015 nuclear agreement") names a known act."""
    for j in range(i - 1, max(-1, i - 4), -1):
        low = lows[j]
        if j in mentioned:
            return False  # "the two leaders agreed": a subject, not a noun phrase
        if low in _COORDINATORS:
            return False  # "by the summit and urged ...": the determiner is another phrase's
        if low in ("a", "an") and j > 0 and lows[j - 1] in _SETTING:
            # "at a summit in Brussels": where something else happened; but "came at a
            # meeting between A and B" names its parties: the meeting is itself an act.
            return end is None or end >= len(lows) or lows[end] not in _PARTY_LINKS
        if low in _DETERMINERS:
            # Only as a subject or after a preposition: "after the talks", "from the deal";
            # "paused the tariffs" is an act on its object. A deal, plan or meeting with
            # "the" is one told before ("confirmed the agreement") unless it is being
            # called off or put off now ("called off the talks").
            if end is not None and end < len(lows) and lows[end] == "between":
                return False  # "The talks between Rubio and Lavrov lasted ...": parties named
            if strict:
                if j > 0 and lows[j - 1] in _HOLDING_VERBS and low in _POSSESSIVE_DETERMINERS:
                    return False  # "held their first talks", "paid his first visit": a new act
                if end is not None and (
                    lex.passive_cues.find_all(lows[end : end + 4])
                    or predicate_status(lows, end) in _CALLED_OFF_STATUSES
                ):
                    # "put its talks with Canada on hold", "the meeting had been put on ice":
                    # a change of status told now ("the talks were due on Monday" tells the
                    # time of the act told before)
                    return False
                before = [w for w in lows[max(0, j - 3) : j] if w not in _CONDITIONALS]
                return not lex.status_cues.find_all(before)  # "if the talks fail": told before
            return j == 0 or lows[j - 1] in _REFERRING_CONTEXT
        if not low[0].isalnum():
            return False
    return False


def _as_party(actor: Actor) -> ExtractedActor:
    return ExtractedActor(actor.name, "participant", actor.kind, actor.country)


def _decision(lows: list[str], trig: Trigger) -> bool:
    """ "agreed to cut", "agreed on Wednesday to cut": a resolve to act, not an accord."""
    if not lows[trig.tok].startswith("agree"):
        return False
    rest = lows[trig.tok_end : trig.tok_end + 5]
    if "to" not in rest:
        return False
    k = rest.index("to")
    return k + 1 < len(rest) and rest[k + 1].isalpha() and rest[k + 1] not in _DETERMINERS and (
        rest[k + 1] not in ("a", "an")
    )


_REFERRING_NOUNS: dict[str, list[str]] = lexicon.cues()["referring_nouns"]
_IT_VERBS = lexicon.words("it_verbs")


def _them(
    lows: list[str], trig: Trigger, actors: list[tuple[Actor, str]],
    events: list[ExtractedEvent],
) -> list[Actor]:
    """ "spoke with A and B by phone and congratulated them": the others of the last act."""
    if lows[trig.tok_end : trig.tok_end + 1] != ["them"] or not events:
        return []
    mine = {a.name for a, _ in actors} | {a.country for a, _ in actors if a.country}
    last = events[-1]
    return [
        Actor(a.name, a.kind, a.country) for a in last.actors
        if a.name not in mine and not (a.kind == "state" and a.name in mine)
    ] if len(last.actors) >= 2 else []


def _referred_target(
    tokens: list[Token], trig: Trigger, actors: list[tuple[Actor, str]],
    events: list[ExtractedEvent],
) -> Actor | None:
    """ "Moscow condemned the measures": the target is whoever took the measures."""
    wanted: list[str] | None = None
    for t in tokens[trig.tok_end : trig.tok_end + 4]:
        if t.low in _REFERRING_NOUNS:
            wanted = _REFERRING_NOUNS[t.low]
            break
    if wanted is None:
        window = tokens[max(0, trig.tok - 5) : trig.tok]
        if not any(
            t.low == "it" and k > 0 and window[k - 1].low in _IT_VERBS
            for k, t in enumerate(window)
        ):
            return None  # only "called it ...", "described it as ..."
        wanted = _REFERRING_NOUNS["it"]
    mine = {a.name for a, _ in actors} | {a.country for a, _ in actors if a.country}
    fallback = None
    for event in reversed(events):
        first = event.actors[0]
        if first.name in mine or (first.country and first.country in mine):
            continue
        actor = Actor(first.name, first.kind, first.country)
        if event.type in wanted or event.status in wanted:
            return actor
        if not wanted and event.type not in SPEECH_ACTS:  # an act, not a reaction
            fallback = fallback or actor
    return fallback


def _event(
    event_type: str,
    trig: Trigger,
    status: str,
    actors: list[tuple[Actor, str]],
    when: When | None,
    sentence: Sentence,
    tokens: list[Token],
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
        trigger=sentence.text[tokens[trig.tok].start : tokens[trig.tok_end - 1].end],
        trigger_offset=tokens[trig.tok].start,
    )


def _compatible(a: When | None, b: When | None) -> bool:
    return a is None or b is None or (a.start <= b.end and b.start <= a.end)


def _same_party(a: ExtractedActor, b: ExtractedActor) -> bool:
    """One actor, or a person and the state they act for ("Macron" and "France")."""
    if a.name == b.name:
        return True
    kinds = {a.kind, b.kind}
    return kinds == {"person", "state"} and a.country is not None and a.country == b.country


def _same_parties_same_day(earlier: ExtractedEvent, event: ExtractedEvent) -> bool:
    """ "Congo and Rwanda signed a deal on Friday" told again as their ministers signing it."""
    if earlier.when is None or earlier.when != event.when or len(event.actors) < 2:
        return False
    return all(any(_same_party(a, b) for b in earlier.actors) for a in event.actors[:2])


# How many events back a retelling is looked for (bounded: linear time on any article).
_DUPLICATE_REACH = 400


def _add_unless_duplicate(events: list[ExtractedEvent], event: ExtractedEvent) -> None:
    """The same act told twice (same type, shared actors, compatible time) is kept once."""
    if event.new_act:
        events.append(event)  # "They also agreed ...": a further act, not a retelling
        return
    for earlier in events[-_DUPLICATE_REACH:]:
        # a day taken from the story yields to the act's own day told near it
        earlier_when = None if retold_nearby(earlier, event) else earlier.when
        if earlier.type != event.type or not _compatible(earlier_when, event.when):
            continue
        if earlier.status != event.status and (
            (earlier_when and event.when)
            or not {earlier.status, event.status} <= {"planned", "proposed"}
        ):
            continue  # a meeting held, called off or offered anew: different acts
        earlier_names = {b.name for b in earlier.actors}
        shared = len({a.name for a in event.actors} & earlier_names)
        same_initiator = _same_party(event.actors[0], earlier.actors[0])
        if same_initiator and event.actors[0].name != earlier.actors[0].name:
            shared += 1
        elif (
            event.type in _MEETING_TYPES and shared == 1 and len(event.actors) == 2
            and earlier.when is None and event.when is None
            and any(_same_party(a, b) for a in event.actors if a.name not in earlier_names
                    for b in earlier.actors)
        ):
            # an undated call told again with a party as its state: "the first conversation
            # between a sitting U.S. President and Putin"
            shared += 1
        if ((same_initiator or shared >= 2) and shared >= min(
            2, len(event.actors), len(earlier.actors)
        )) or _same_parties_same_day(earlier, event):
            if earlier_when is None and event.when is not None:
                earlier.when, earlier.when_inferred = event.when, event.when_inferred
            elif finer_within(event.when, earlier.when):
                earlier.when = event.when  # "next month", then "on June 12": the day told later
            return
    events.append(event)


_ONE_SIDE_TYPES = frozenset({"call", "consult"})


def _one_side(actors: list[tuple[Actor, str]]) -> bool:
    """Every party is the same state or one of its people: no one to talk with."""
    sides = {a.country or a.name for a, _ in actors}
    return len(sides) == 1 and all(a.country for a, _ in actors)
