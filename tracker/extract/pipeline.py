"""``extract``: article text in, events out. Pure: no database, no I/O."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable
from functools import lru_cache

from tracker.domain import When
from tracker.errors import ExtractionTimeout
from tracker.extract import lexicon
from tracker.extract.actors import Actor, ActorIndex, ArticleMemory, Mention, find_mentions
from tracker.extract.articles import DATELINE, read_article
from tracker.extract.dates import _DATE_WORDS, DateMention, find_dates
from tracker.extract.events import Trigger, TriggerLexicon
from tracker.extract.lexicon import load_gazetteer
from tracker.extract.predicate import predicate_status
from tracker.extract.sentences import Sentence, split_sentences
from tracker.extract.tokens import PhraseIndex, Token, phrase_key, tokenize
from tracker.extract.types import ActorEntry, ExtractedActor, ExtractedEvent, Extraction

CONSULT = frozenset({"call", "meeting", "talks", "agreement"})
# Words after which a weekday or a month is read forward from the article's date.
_FUTURE_CUES = lexicon.words("future_cues")
# Between two mentions of one subject: "Joe Biden and Russian President Vladimir Putin".
_SUBJECT_GLUE = lexicon.words("subject_glue")
_TYPE_LABEL = {
    "call": "phone call", "meeting": "meeting", "talks": "talks", "agreement": "agreement",
}
# acts with a direction: "Trump sanctions on Russia", "Orban criticism of European Union"
_DIRECTED_LABEL = {
    "proposal": ("proposal", "to"), "demand": ("demand", "on"),
    "criticism": ("criticism", "of"), "support": ("support", "for"),
    "rejection": ("rejection", "of"), "sanctions": ("sanctions", "on"),
    "aid": ("aid", "to"), "military": ("military action", "against"),
}


@lru_cache(maxsize=1)
def _lexicon() -> TriggerLexicon:
    return TriggerLexicon()


@lru_cache(maxsize=1)
def _base_index() -> ActorIndex:
    return ActorIndex(load_gazetteer())


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
    memory = ArticleMemory()
    events: list[ExtractedEvent] = []
    last_when: When | None = None
    last_day: When | None = None
    for number, sentence in enumerate(split_sentences(text, article.body_offset)):
        if deadline is not None and time.monotonic() > deadline:
            raise ExtractionTimeout("extraction took longer than its time budget")
        if number == 0:
            sentence = _without_dateline(sentence)
        tokens = tokenize(sentence.text)
        if not tokens:
            continue
        mentions = find_mentions(tokens, index, memory)
        future_from = _first_future_cue(tokens)
        lows = [t.low for t in tokens]
        dates = find_dates(sentence.text, article.published, future_from, lows)
        found = _sentence_events(
            sentence, tokens, mentions, dates, last_when, lex, memory, events
        )
        for event in found:
            if " also " in f" {sentence.text[: event.trigger_offset]} ":
                events.append(event)  # "They also agreed ...": a further act, not a retelling
            else:
                _add_unless_duplicate(events, event)
        anchored = [d.when for d in dates if d.when and d.anchor]
        unresolved = any(d.when is None and not d.same_as_before for d in dates)
        if anchored:
            last_when = anchored[-1]
        recent = [w for w in anchored if w.precision == "day" and _near(w, article.published)]
        if recent:
            last_day = recent[-1]
        for event in found:
            if event.when is None and event.status == "occurred" and not unresolved:
                event.when = last_day  # an act told without a time: the story's latest day
    return Extraction(article=article, events=events)


def _near(when: When, published: dt.date | None) -> bool:
    return published is None or abs((when.start - published).days) <= 7


def _without_dateline(sentence: Sentence) -> Sentence:
    m = DATELINE.match(sentence.text)
    if not m:
        return sentence
    start = sentence.start + m.end()
    return Sentence(sentence.text[m.end() :], start, sentence.end)


def _first_future_cue(tokens: list[Token]) -> int | None:
    for k, t in enumerate(tokens):
        if t.low in _FUTURE_CUES and not (k + 1 < len(tokens) and tokens[k + 1].low in _PAST_AFTER):
            return t.start  # but "the deadline expired on Sunday" looks back
    return None


_PAST_AFTER = lexicon.words("past_after_cue")


def _sentence_events(
    sentence: Sentence,
    tokens: list[Token],
    mentions: list[Mention],
    dates: list[DateMention],
    last_when: When | None,
    lex: TriggerLexicon,
    memory: ArticleMemory,
    earlier_events: list[ExtractedEvent],
) -> list[ExtractedEvent]:
    """At most one event per clause: the clause's first trigger heads it, and the acts named
    inside it ("urged Washington to meet", "refused to back an embargo") are its content —
    except after an offer or an agreement to meet, where the meeting itself is the event."""
    if sentence.text.rstrip("\"'”’ ").endswith("?"):
        return []  # questions assert nothing
    if any(t.low in _COMMENTARY for t in tokens[:2]):
        return []  # "Analysts said ...": commentary, not a report of an act
    lows = [t.low for t in tokens]
    text = sentence.text
    quoted = _quoted_spans(tokens) if '"' in text or "“" in text else []
    clause = lex.clause_starts(tokens)
    heads: dict[int, tuple[Trigger, str, list]] = {}  # clause start -> (trigger, type, actors)
    seen_types: set[str] = set()
    previous_end = 0
    mentioned = {k for m in mentions for k in range(m.tok, m.tok_end)}
    out: list[ExtractedEvent] = []
    last_actors: list[tuple[Actor, str]] = []
    last_subjects: list[tuple[Actor, str]] = []
    head_events: dict[int, ExtractedEvent] = {}
    def end_of(trig: Trigger) -> int:
        return _clause_end(clause, trig.tok)

    triggers = lex.find_triggers(lows)
    extra = (
        _construction_triggers(tokens, mentions)
        if not _CONSTRUCTION_VERBS.isdisjoint(lows) else None
    )
    if extra:
        triggers = sorted([*triggers, *extra], key=lambda t: t.tok)
    for trig in triggers:
        if trig.type == "none":
            continue
        if trig.tok > 0 and tokens[trig.tok].cap:
            continue  # inside a name: "the Black Sea Grain Initiative"
        if trig.type not in _SPEECH_ACTS and _characterised(tokens, trig, quoted):
            continue  # calling them an "economic blockade": a word for something, not an act
        if trig.type == "meeting" and _fulfilled(lows, trig):
            continue  # "only if Caracas met its commitments": no meeting
        if _prospect(lows, trig):
            continue  # "the threat of tariffs hung over them": a fear, not an act
        if trig.type == "military" and _participle_modifier(lows, trig):
            continue  # "formed by ousted lawmakers": a description of people
        if _refers_back(
            lows, trig.tok, lex, mentioned, trig.type in _STRICT_REFERENCE, trig.tok_end
        ):
            continue  # "after the talks", "at a summit": an act told before, or a setting
        lo = clause[trig.tok]
        if lex.blocked(lows, lo, trig.tok, _clause_end(clause, trig.tok)):
            continue
        if trig.type == "rejection" and _troop_movement(lows, trig):
            continue  # "fighters are to withdraw north of the river": no rejection
        if trig.type == "rejection" and lows[trig.tok].startswith("withdr") and "from" not in (
            lows[trig.tok_end : _clause_end(clause, trig.tok)]
        ):
            continue  # "the delegation withdrew": leaving the room rejects nobody
        shared = last_actors if trig.type in CONSULT else last_subjects
        actors = _reversed_roles(trig, tokens, mentions, clause, [*earlier_events, *out])
        if actors is None:
            actors = _actors_for(trig, tokens, mentions, clause, shared)
        if trig.type in ("talks", "consult") and _led_to_deal(lows, trig):
            actors = _talks_behind_deal(out, actors, mentions, trig) or actors
        if not actors or (trig.weight < 1 and len(actors) < 2):
            continue
        if trig.type in _ONE_SIDE_TYPES and len(actors) >= 2 and _one_side(actors):
            continue  # "Peskov told a conference call": Russia and its own spokesman
        if len(actors) == 1 and trig.type == "agreement" and _decision(lows, trig):
            meeting = next((
                e for e in reversed(out) if e.type in _MEETING_TYPES and len(e.actors) >= 2
                and any(_same_party(a, _as_party(actors[0][0])) for a in e.actors)
            ), None)
            if meeting is None:
                continue  # "OPEC+ agreed to cut output": one party's decision, no deal
            # "a meeting between A, B and C, where A agreed to ...": agreed with the others.
            actors = [(Actor(a.name, a.kind, a.country), "participant") for a in meeting.actors]
        if trig.type in _SPEECH_ACTS and all(r == "initiator" for _, r in actors):
            them = _them(lows, trig, actors, [*earlier_events, *out])
            target = None if them else _referred_target(
                tokens, trig, actors, [*earlier_events, *out]
            )
            if target is None and not them and "also" in lows[max(0, trig.tok - 2) : trig.tok]:
                target = _same_act_target(trig.type, actors, [*earlier_events, *out])
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
            and lows[trig.tok] in _MET and "talks" in lows[trig.tok_end : end_of(trig)]
        ):
            event_type = "talks"  # "the two countries' negotiators met for a round of talks"
        if event_type == "talks" and _part_of_meeting(out, actors):
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
            else:
                continue
            out = [e for e in out if e is not head_events.get(lo)]
            seen_types.discard(head_type)
            actors = _merge_actors(head_actors, actors)
        if event_type in seen_types and not _another_actor(
            event_type, actors, out, lo, trig, mentions
        ):
            if event_type in _MEETING_TYPES and inherited is None:
                _join_parties(out, event_type, actors)  # "visited Jeddah and met the prince"
            previous_end = trig.tok_end
            continue
        window = max(lo, trig.tok - 8, previous_end)
        status = inherited or _status(event_type, lex, lows, window, trig.tok_end, trig.status)
        if (
            event_type in _COERCIVE and status in ("planned", "proposed")
            and _CONDITIONALS & set(lows[trig.tok_end : min(trig.tok_end + 8, end_of(trig))])
        ):
            status = "threatened"  # "would reimpose the sanctions if Caracas failed to ..."
        elif (
            event_type in CONSULT and status == "planned"
            and _CONDITIONALS & set(lows[trig.tok_end : min(trig.tok_end + 8, end_of(trig))])
        ):
            status = "proposed"  # "would agree to a truce only if ...": an offer, not a plan
        if event_type == "sanctions" and status != "postponed" and not _LIFTING.isdisjoint(
            lows[max(lo, trig.tok - 3) : trig.tok]
        ):
            # "would lift export controls": the measure ends; "temporarily lifted": paused
            temporary = "temporarily" in lows[max(lo, trig.tok - 5) : trig.tok]
            status = "postponed" if temporary else "cancelled"
        if event_type in _MEETING_TYPES and status in ("planned", "occurred"):
            status = _called_off_later(lex, lows, lo, trig) or status
        when = _when_for(trig, tokens, dates, status, last_when)
        seen_types.add(event_type)
        heads[lo] = (trig, event_type, actors)
        last_actors = [(a, r) for a, r in actors if r != "target"]
        # The subject alone acts again in "... met Xi and urged him to ...".
        subjects = {m.actor.name for m in mentions if m.tok < trig.tok} | {
            m.government.name for m in mentions if m.tok < trig.tok and m.government
        }
        last_subjects = [(a, r) for a, r in last_actors if a.name in subjects] or last_actors
        if len(actors) >= 2:
            memory.last_group = [a for a, _ in actors[:2]]
            memory.group_fresh = True
            if event_type in CONSULT and not memory.last_deal_group:
                # The parties of the story's first deal or talks: "both sides" later on.
                memory.last_deal_group = [a for a, _ in actors[:2]]
        event = _event(event_type, trig, status, actors, when, sentence, tokens)
        head_events[lo] = event
        out.append(event)
        previous_end = trig.tok_end
    return out


_MEETING_TYPES = frozenset({"call", "meeting", "talks"})
_MET = frozenset({"met", "meet", "meets", "meeting"})
_HELP_VERBS = lexicon.words("help_verbs")
_SIDE_VERBS = lexicon.words("side_taking_verbs")
_ASK_VERBS = lexicon.words("asking_verbs")
_WARN_VERBS = lexicon.words("warning_verbs")
_LABEL_VERBS = lexicon.words("labelling_verbs")
_REMOVING_VERBS = lexicon.words("removing_verbs")
_LISTING_NOUNS = lexicon.words("listing_nouns")
_SEEING_VERBS = lexicon.words("seeing_verbs")
_CONSTRUCTION_VERBS = (
    _HELP_VERBS | _SIDE_VERBS | _ASK_VERBS | _WARN_VERBS | _LABEL_VERBS | _REMOVING_VERBS
    | _SEEING_VERBS
)
_LIFTING = lexicon.words("lifting_verbs")
_TIME_GAP = frozenset({"on", "in", "last", "this", "earlier", "again", "later", "formally"})
_LABELS = PhraseIndex({
    **{phrase_key(p): "support" for p in lexicon.cues()["praising_labels"]},
    **{phrase_key(p): "criticism" for p in lexicon.cues()["damning_labels"]},
})
_LABEL_STOPS = frozenset({".", ";", ":", "and", "but", "said", "saying", "adding", "while"})
_NOT_LABELLING = frozenset({"on", "for", "off", "upon", "in", "up", "back", "out"})


def _label_trigger(tokens: list[Token], k: int) -> Trigger | None:
    """ "called the deal 'an important step'" (support), "called the tariffs unjustified"
    (criticism): a labelling verb whose label, within its clause, praises or damns."""
    if k + 1 >= len(tokens) or tokens[k + 1].low in _NOT_LABELLING:
        return None  # "called on", "called for", "called off"
    end = k + 1
    while end < min(len(tokens), k + 16) and tokens[end].low not in _LABEL_STOPS:
        end += 1
    found = _LABELS.find_all([t.low for t in tokens[k + 1 : end] if t.text not in _QUOTES])
    if not found:
        return None
    return Trigger(found[0][2], None, 1.0, k, k + 1)  # type: ignore[arg-type]


def _construction_triggers(tokens: list[Token], mentions: list[Mention]) -> list[Trigger]:
    """Acts told by a construction rather than a word: "help Armenia build crossings" (aid:
    help, a party, a bare verb), "took Manila's side" (support: take, a party's, side) and
    "warned Cairo against ..." (criticism: warn, a party, against)."""
    starts = {m.tok: m for m in mentions if m.source != "pronoun"}
    out: list[Trigger] = []
    for k, t in enumerate(tokens[:-2]):
        if t.low not in _CONSTRUCTION_VERBS:
            continue
        if t.low in _LABEL_VERBS:
            label = _label_trigger(tokens, k)
            if label is not None:
                out.append(label)
            continue
        if tokens[k + 1].low == "the" and k + 2 in starts:
            starts[k + 1] = starts[k + 2]  # "asked the United States to"
        if t.low in _HELP_VERBS and k + 1 in starts:
            j = starts[k + 1].tok_end
            while j + 1 < len(tokens) and tokens[j].low in ("and", ",") and j + 1 in starts:
                j = starts[j + 1].tok_end  # "help Serbia and Kosovo build"
            nxt = tokens[j] if j < len(tokens) else None
            if nxt is not None and not nxt.cap and nxt.low.isalpha() and nxt.low not in (
                _NOT_BARE_VERBS
            ) and not nxt.low.endswith(("ing", "ed", "s")):
                out.append(Trigger("aid", None, 1.0, k, k + 1))
        elif t.low in _ASK_VERBS and k + 1 in starts:
            j = starts[k + 1].tok_end
            if j < len(tokens) and tokens[j].low in _TIME_GAP:
                # "asked the court on Thursday to order ...": a time between party and verb
                j = next((x for x in range(j + 1, min(j + 4, len(tokens)))
                          if tokens[x].low == "to"), j)
            if j < len(tokens) and tokens[j].low == "to":
                out.append(Trigger("demand", None, 1.0, k, k + 1))  # "asked Washington to"
        elif t.low in _WARN_VERBS and k + 1 in starts:
            j = starts[k + 1].tok_end
            if j < len(tokens) and tokens[j].low == "against":
                out.append(Trigger("criticism", None, 1.0, k, k + 1))  # "warned Kyiv against"
        elif t.low in _REMOVING_VERBS and k + 1 in starts:
            j = starts[k + 1].tok_end
            window = [x.low for x in tokens[j : j + 7]]
            if window[:1] == ["from"] and not _LISTING_NOUNS.isdisjoint(window):
                # "removing Japan from its list of trusted trading partners"
                out.append(Trigger("sanctions", None, 1.0, k, k + 1))
        elif (
            t.low in _SEEING_VERBS and k + 1 in starts and starts[k + 1].actor.kind == "person"
            and tokens[min(starts[k + 1].tok_end, len(tokens) - 1)].low != "as"
        ):
            out.append(Trigger("meeting", None, 0.5, k, k + 1))  # "will instead see Modi"
        elif t.low in _SIDE_VERBS and k + 1 in starts:
            j = starts[k + 1].tok_end
            if j < len(tokens) and tokens[j].low in ("side", "part") and (
                tokens[j - 1].text != tokens[j - 1].base or tokens[j - 1].low.endswith("'s")
            ):
                out.append(Trigger("support", None, 1.0, k, k + 1))
    return out


_NOT_BARE_VERBS = frozenset({
    "to", "and", "or", "the", "a", "an", "in", "on", "at", "with", "for", "of", "by", "from",
    "as", "after", "before", "during", "over", "into", "its", "their", "his", "her", "that",
})


def _led_to_deal(lows: list[str], trig: Trigger) -> bool:
    return any(w in ("after", "following") for w in lows[max(0, trig.tok - 5) : trig.tok])


def _talks_behind_deal(
    out: list[ExtractedEvent], actors: list, mentions: list[Mention], trig: Trigger
) -> list | None:
    """ "A and B signed a truce after talks mediated by C": the talks were between the
    parties to the deal told just before, with whoever is named after the trigger."""
    deal = next((e for e in reversed(out) if e.type == "agreement" and len(e.actors) >= 2), None)
    if deal is None:
        return None
    later = {m.actor.name for m in mentions if m.tok >= trig.tok_end} | {
        m.government.name for m in mentions if m.tok >= trig.tok_end and m.government
    }
    parties = [(Actor(a.name, a.kind, a.country), "participant") for a in deal.actors]
    return _merge_actors(parties, [(a, "participant") for a, _ in actors if a.name in later])
_SCHEDULE_WORDS = lexicon.words("schedule_words")
_CALLED_OFF = frozenset({"cancelled", "postponed"})


def _called_off_later(lex: TriggerLexicon, lows: list[str], lo: int, trig: Trigger) -> str | None:
    """ "X was due to travel to Y on Tuesday, but the trip was cancelled": the plan told first
    is undone later in the sentence; the status is the later one."""
    but = next((k for k in range(trig.tok_end, len(lows)) if lows[k] == "but"), None)
    if but is None or not any(w in _SCHEDULE_WORDS for w in lows[lo:but]):
        return None
    found = [
        status for _, _, status in lex.status_cues.find_all(lows[but + 1 : but + 16])
        if status in _CALLED_OFF
    ]
    return found[0] if found else None
def _another_actor(
    event_type: str, actors: list, out: list[ExtractedEvent], lo: int, trig: Trigger,
    mentions: list[Mention],
) -> bool:
    """ "The bloc imposed sanctions on Niger, and Nigeria cut electricity supplies": a second
    act of the same kind by a subject of its own clause, who took no part in the first."""
    if event_type in _MEETING_TYPES or lo == 0 or not actors:
        return False
    earlier = next((e for e in reversed(out) if e.type == event_type), None)
    if earlier is None:
        return False
    first = actors[0][0]
    if event_type in _SPEECH_ACTS and _new_target(actors, earlier, lo, trig, mentions):
        return True  # "thanked A for its help and called B a partner": a second act
    own = any(m.actor.name == first.name and lo <= m.tok < trig.tok for m in mentions)
    return own and all(not _same_party(
        ExtractedActor(first.name, "initiator", first.kind, first.country), a
    ) for a in earlier.actors)


def _new_target(
    actors: list, earlier: ExtractedEvent, lo: int, trig: Trigger, mentions: list[Mention]
) -> bool:
    """The same speaker turns to someone else in a clause of its own ("... and praised B")."""
    if lo == 0 or not any(m.tok < lo for m in mentions):
        return False
    targets = [a for a, r in actors if r == "target"]
    if not targets or not any(a.role == "target" for a in earlier.actors):
        return False
    # a state after its people ("thanked Rau and Duda ... and called Poland a partner")
    return all(
        not any(a.name == t.name or (t.kind != "state" and _same_party(_as_party(t), a))
                for a in earlier.actors) for t in targets
    ) and any(m.actor.name == targets[0].name and m.tok > trig.tok for m in mentions)


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


_FULFILLED = lexicon.words("fulfilled_nouns")


def _fulfilled(lows: list[str], trig: Trigger) -> bool:
    """ "met its commitments", "meet the conditions": to satisfy, not to meet someone."""
    if lows[trig.tok] not in ("met", "meet", "meets"):
        return False
    after = lows[trig.tok_end : trig.tok_end + 3]
    return any(w in _FULFILLED for w in after)


_PROSPECT_NOUNS = lexicon.words("prospect_nouns")


def _prospect(lows: list[str], trig: Trigger) -> bool:
    """ "the threat of tariffs", "raising the prospect of an intervention"."""
    window = lows[max(0, trig.tok - 4) : trig.tok]
    return any(
        w == "of" and k > 0 and window[k - 1] in _PROSPECT_NOUNS for k, w in enumerate(window)
    )


def _quoted_spans(tokens: list[Token]) -> list[tuple[int, int]]:
    """Token ranges inside double quotation marks: [(first inside, quote closing), ...]."""
    marks = [k for k, t in enumerate(tokens) if t.text in _QUOTES]
    return [(marks[k] + 1, marks[k + 1]) for k in range(0, len(marks) - 1, 2)]


def _characterised(tokens: list[Token], trig: Trigger, quoted: list[tuple[int, int]]) -> bool:
    """Is the trigger inside a quoted label that someone gives ("called it a 'blockade'")?"""
    for a, b in quoted:
        if a <= trig.tok < b:
            return any(t.low in _NAMING_VERBS for t in tokens[max(0, a - 6) : a])
    return False


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
_DRAWING_VERBS = lexicon.words("drawing_verbs")


def _reversed_roles(
    trig: Trigger, tokens: list[Token], mentions: list[Mention], clause: list[int],
    events: list[ExtractedEvent],
) -> list[tuple[Actor, str]] | None:
    """ "The move drew criticism from Beijing": the one after "from" acts; the subject (or
    whoever the sentence goes on to name, or the author of the act referred to) is the target."""
    if trig.type not in _SPEECH_ACTS:
        return None
    if not any(t.low in _DRAWING_VERBS for t in tokens[max(0, trig.tok - 3) : trig.tok]):
        return None
    at = next(
        (k for k in range(trig.tok_end, min(len(tokens), trig.tok_end + 2))
         if tokens[k].low == "from"),
        None,
    )
    if at is None:
        return None
    end = _clause_end(clause, at)
    sources = [m for m in mentions if at < m.tok < end and not _is_modifier(m, tokens)][:3]
    if not sources:
        return None
    out: list[tuple[Actor, str]] = []
    names: set[str] = set()

    def add(actor: Actor | None, role: str) -> None:
        if actor is not None and actor.name not in names:
            names.add(actor.name)
            out.append((actor, role))

    for m in sources:
        add(m.government, "initiator")
        add(m.actor, "initiator")
    subjects = [m for m in mentions if clause[m.tok] == clause[trig.tok] and m.tok < trig.tok]
    later = [m for m in mentions if m.tok >= end]
    for m in subjects or later[:2]:
        add(m.actor, "target")
    if len(out) == len(names) and all(r == "initiator" for _, r in out):
        subject_window = Trigger(trig.type, None, 1.0, clause[trig.tok], clause[trig.tok])
        add(_referred_target(tokens, subject_window, out, events), "target")
    return out
_TROOP_NOUNS = lexicon.words("troop_nouns")


def _troop_movement(lows: list[str], trig: Trigger) -> bool:
    """ "withdraw troops", "forces will pull out": a movement of forces, not a rejection."""
    if not lows[trig.tok].startswith(("withdr", "pull")):
        return False
    return any(w in _TROOP_NOUNS for w in lows[max(0, trig.tok - 4) : trig.tok_end + 3])


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
_SEPARATORS = lexicon.words("separating_prepositions")
_EMBEDDING_BREAKS = lexicon.words("embedding_breaks")


def _embedded(lows: list[str], head: Trigger, trig: Trigger) -> bool:
    """Is ``trig`` the content of ``head`` ("urged X to meet", "proposed opening talks")?"""
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


# Acts that are statements: they happened when reported.
_SPEECH_ACTS = frozenset({"demand", "criticism", "support", "rejection"})
_COERCIVE = frozenset({"sanctions", "military"})
_DETERMINERS = lexicon.words("determiners")
_SETTING = lexicon.words("setting_prepositions")
_REFERRING_CONTEXT = lexicon.words("referring_context")


def _status(
    event_type: str, lex: TriggerLexicon, lows: list[str], lo: int, hi: int, inherent: str | None
) -> str:
    status = lex.status_for(lows, lo, hi, inherent, event_type in _COERCIVE)
    if event_type in _SPEECH_ACTS:
        return "occurred"
    if status == "occurred" and inherent is None:
        # "Talks between A and B ... have been postponed": the noun's own predicate.
        status = predicate_status(lows, hi) or status
    if event_type == "proposal" and status not in ("cancelled", "threatened"):
        return "proposed"
    return status


_COPULAS = frozenset({"is", "are", "was", "were"})
_SCHEDULED = frozenset({"due", "expected", "scheduled", "slated", "set", "planned"})
_SUBJECT_STOPS = frozenset({",", ";", ":", ".", "said", "says", "but", "after", "that"})


def _scheduled_after(lows: list[str], hi: int) -> str | None:
    """ "A second round of talks between A and B is due next month": the subject's verb
    comes after it and tells a plan."""
    for k in range(hi, min(hi + 8, len(lows) - 1)):
        if lows[k] in _SUBJECT_STOPS:
            return None
        if lows[k] in _COPULAS:
            return "planned" if lows[k + 1] in _SCHEDULED else None
    return None


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
                if end is not None and lex.passive_cues.find_all(lows[end : end + 4]):
                    return False  # "put its talks with Canada on hold": a change of status
                before = [w for w in lows[max(0, j - 3) : j] if w not in _CONDITIONALS]
                return not lex.status_cues.find_all(before)  # "if the talks fail": told before
            return j == 0 or lows[j - 1] in _REFERRING_CONTEXT
        if not low[0].isalnum():
            return False
    return False


def _clause_end(clause: list[int], i: int) -> int:
    for k in range(i + 1, len(clause)):
        if clause[k] != clause[i]:
            return k
    return len(clause)


def _actors_for(
    trig: Trigger,
    tokens: list[Token],
    mentions: list[Mention],
    clause: list[int],
    previous_clause_actors: list[tuple[Actor, str]] | None = None,
) -> list[tuple[Actor, str]]:
    """(actor, role) pairs: the subject before the trigger, then the parties after it."""
    parties = [
        m for m in mentions
        if (not m.location or trig.type in _PLACE_PARTY_TYPES or (
            trig.type == "sanctions" and _origin(m, tokens)
        ) or (trig.type == "meeting" and m.tok == trig.tok_end)  # "arrived in Moscow": the host
            or _object_of_trigger(tokens, trig, m))  # "lashed out at the EU"
        and not _is_modifier(m, tokens) and not _is_source(m, tokens)
        and not (trig.type == "agreement" and m.tok > trig.tok and _is_mediator(m, tokens))
    ]  # "strikes in Pakistan": a place struck is a party
    lo = clause[trig.tok]
    before = [
        m for m in parties
        if clause[m.tok] == lo and m.tok_end <= trig.tok
        and not any(t.low in _SEPARATORS for t in tokens[m.tok_end : trig.tok])
    ]  # "spoken with Biden before Russia's invasion": Biden is no party to the invasion
    if any(m.source != "pronoun" for m in before):
        # "In his address, Zelenskyy ...": a possessive pronoun defers to the name.
        before = [m for m in before if not (m.source == "pronoun" and _possessive(tokens, m))]
    if len(before) > 1:
        # "Muttaqi, who was visiting India when ..., had been due to travel": not India.
        inside = _parenthetical_relatives(tokens, trig.tok)
        if inside:
            kept = [m for m in before if not any(a <= m.tok < b for a, b in inside)]
            before = kept or before
    if len(before) > 1:
        subject = max(before, key=lambda m: m.tok)
        gap = tokens[subject.tok_end : trig.tok]
        if (
            subject.tok > 0 and tokens[subject.tok - 1].text == "," and len(gap) <= 3
            and all(not t.cap and t.low.isalpha() for t in gap)
        ):
            # "Hours before Yoon landed in Tokyo, North Korea fired ...": the subject after
            # the comma acts; whoever the opening phrase names does not.
            before = [m for m in before if m.tok >= subject.tok]
    pairs = [m.tok for m in before if m.source == "pair"]
    if pairs:
        # "Borrell told reporters that the two sides had agreed": the speaker is no party.
        said = [k for k in range(lo, pairs[0]) if tokens[k].low in _SAYING_VERBS]
        if said:
            before = [m for m in before if m.tok > said[-1]]
    shared_subject: list[tuple[Actor, str]] = []
    if not before:
        if lo > 0 and tokens[lo].low == "and" and previous_clause_actors:
            # "... met X and reached a consensus": the same subject acts again.
            shared_subject = previous_clause_actors
        elif lo > 0 and tokens[lo].low == "and" and parties and parties[0].tok < lo:
            before = [m for m in parties if m.tok == parties[0].tok]  # the sentence's subject
        elif (
            lo >= 2 and tokens[lo - 1].text == "," and tokens[lo].low.endswith("ing")
            and parties and parties[0].tok < lo and not parties[0].location
        ):
            # "Blinken welcomed the deal ..., warning that sanctions remained an option":
            # a participle clause goes on with the sentence's subject.
            before = [m for m in parties if m.tok == parties[0].tok]
        else:
            # "Trump said Washington was ...": the speaker of the sentence, before the clause.
            earlier = [m for m in parties if m.tok_end <= trig.tok]
            before = [m for m in earlier if m.tok == earlier[-1].tok] if earlier else []
    end = _clause_end(clause, trig.tok_end - 1)
    for k in range(trig.tok_end, end - 1 if trig.type == "demand" else trig.tok_end):
        # "urged Washington to persuade Russia": the infinitive is content, not a party.
        if tokens[k].low == "to" and not tokens[k + 1].cap and tokens[k + 1].low != "the":
            end = k
            break
    for k in range(trig.tok_end, end):
        if k > trig.tok_end and tokens[k].low in _RELATIVES and tokens[k - 1].cap:
            end = k  # "the deal brokered by the UN and Turkey that had allowed Ukraine to ..."
            break
        if tokens[k].low == "," and k + 1 < end and _participle(tokens[k + 1]):
            end = k  # "agreed to upgrade ties, putting Washington on a par with Moscow"
            break
        if tokens[k].low in _SEPARATORS or (
            trig.type in _SPEECH_ACTS and tokens[k].low == "for" and k + 1 < len(tokens)
            and tokens[k + 1].low.endswith("ing")
        ):
            # "spoken with Biden before Russia's invasion": a new act begins; "criticised the
            # bloc for inviting the general": the general is what it was criticised for.
            end = k
            break
    if trig.tok_end < len(tokens) and tokens[trig.tok_end].low == "between":
        end = _list_end(tokens, trig.tok_end + 1)  # "between A, Trump's envoy, and B"
    after = [m for m in parties if trig.tok_end <= m.tok < end][:3]
    role_first = "participant" if trig.type in CONSULT or trig.type == "consult" else "initiator"
    role_rest = "participant" if role_first == "participant" else "target"
    out: list[tuple[Actor, str]] = [(a, role_first) for a, _ in shared_subject]
    names: set[str] = {a.name for a, _ in out}
    for group, role in ((before, role_first), (after, role_rest)):
        for m in group:
            own = role_first if role != role_first and _speaking_with(tokens, m) else role
            for actor in ((m.government, m.actor) if m.government else (m.actor,)):
                if actor is not None and actor.name not in names:
                    names.add(actor.name)
                    out.append((actor, own))
    governments = {m.government.name for m in mentions if m.government}
    # "Russian President Vladimir Putin" is one party, not two; but "the army ousted Aung San
    # Suu Kyi" names the state on its own.
    person_countries = {a.country for a, _ in out if a.kind == "person" and a.country}
    named = governments | {m.actor.name for m in mentions if m.source == "anaphor"}
    return [
        (a, r) for a, r in out
        if not (a.kind == "state" and a.country in person_countries and a.name not in named)
    ]


_PLACE_PARTY_TYPES = frozenset({"military"})
_TRIGGER_PREPOSITIONS = frozenset({"at", "into", "to", "with", "on", "against"})


def _object_of_trigger(tokens: list[Token], trig: Trigger, m: Mention) -> bool:
    """The trigger phrase takes its party by a preposition: "lashed out at the EU" names the
    target, not a place."""
    if trig.tok_end - trig.tok < 2 or tokens[trig.tok_end - 1].low not in _TRIGGER_PREPOSITIONS:
        return False
    k = trig.tok_end
    return m.tok == k or (m.tok == k + 1 and tokens[k].low == "the")


_LIST_STOPS = frozenset({";", "(", ")", "—", "–", ":"}) | lexicon.words("separating_prepositions")
_FINITE = lexicon.words("list_ending_verbs")


_RELATIVES = frozenset({"that", "which", "who", "whose"})
_SAYING_VERBS = lexicon.words("saying_verbs")


def _parenthetical_relatives(tokens: list[Token], until: int) -> list[tuple[int, int]]:
    """Spans ", who ... ," and ", which ... ," that close before position ``until``."""
    spans = []
    k = 0
    while k < until - 1:
        if tokens[k].text == "," and tokens[k + 1].low in ("who", "which", "whose"):
            close = next((j for j in range(k + 2, until) if tokens[j].text == ","), None)
            if close is None:
                break
            spans.append((k + 1, close))
            k = close
        k += 1
    return spans


def _participle(t: Token) -> bool:
    return not t.cap and len(t.low) > 5 and t.low.endswith("ing") and t.low not in _ING_NOUNS


_ING_NOUNS = frozenset({"including", "according", "following", "during", "morning", "evening"})


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


_SPEAKING = frozenset({"saying", "adding", "telling", "arguing", "insisting", "warning"})


def _speaking_with(tokens: list[Token], m: Mention) -> bool:
    """ "Manila rejected the demand, with Adviser Eduardo Ano saying ...": a co-speaker."""
    if m.tok_end >= len(tokens) or tokens[m.tok_end].low not in _SPEAKING:
        return False
    return any(t.low == "with" for t in tokens[max(0, m.tok - 5) : m.tok])


def _list_end(tokens: list[Token], k: int) -> int:
    """Where a coordinated list of parties ends: at a verb, a dash or a new phrase."""
    for x in range(k, len(tokens)):
        low = tokens[x].low
        if low in _LIST_STOPS or low in _FINITE or (
            low.endswith("ed") and len(low) > 4 and not tokens[x].cap
        ):
            return x
    return len(tokens)


_MADE = frozenset({"made", "produced", "manufactured", "built", "assembled", "grown"})


def _origin(m: Mention, tokens: list[Token]) -> bool:
    """ "tariffs on cars made in China", "imports from Russia": the place is the target."""
    before = tokens[m.tok - 1].low if m.tok >= 1 else ""
    return before == "from" or (before == "in" and m.tok >= 2 and tokens[m.tok - 2].low in _MADE)


_MEDIATION_WORDS = lexicon.words("mediation_words")


def _is_mediator(m: Mention, tokens: list[Token]) -> bool:
    """ "a truce brokered by Qatar with the help of Egypt": the go-between is no party to it."""
    for t in reversed(tokens[max(0, m.tok - 6) : m.tok]):
        if t.low in (",", ";", "between"):
            return False
        if t.low in _MEDIATION_WORDS:
            return True
    return False


def _is_source(m: Mention, tokens: list[Token]) -> bool:
    """ "According to a statement issued by Brunei, ...": who reports an act is no party."""
    for t in reversed(tokens[max(0, m.tok - 7) : m.tok]):
        if t.low in (",", ";", "said", "says"):
            return False
        if t.low == "according":
            return True
    return False


def _possessive(tokens: list[Token], m: Mention) -> bool:
    return tokens[m.tok].low in ("his", "her", "their", "its")


def _is_modifier(m: Mention, tokens: list[Token]) -> bool:
    """ "Trump's special envoy": the possessor describes someone else; not a party."""
    last = tokens[m.tok_end - 1]
    if last.base == last.text or m.source == "pronoun":
        return False
    heads = _title_heads()
    for k, t in enumerate(tokens[m.tok_end : m.tok_end + 5]):
        if not t.low[0].isalnum():
            return False
        if t.low in heads:
            return True
        if k >= 2 and not t.cap:
            return False  # a capitalised title goes on: "Israel's far-right Security Minister"
    return False


@lru_cache(maxsize=1)
def _title_heads() -> frozenset[str]:
    return _base_index().title_heads


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
        if not wanted and event.type not in _SPEECH_ACTS:  # an act, not a reaction
            fallback = fallback or actor
    return fallback


def _when_for(
    trig: Trigger,
    tokens: list[Token],
    dates: list[DateMention],
    status: str,
    last_when: When | None,
) -> When | None:
    anchored = [d for d in dates if d.anchor and (d.when or d.same_as_before)]
    if not anchored:
        return None
    pos_start, pos_end = tokens[trig.tok].start, tokens[trig.tok_end - 1].end
    if status != "occurred":
        later = [d for d in anchored if d.start >= pos_end]
        if later and later[0].start - pos_end < 80:
            return later[0].when if not later[0].same_as_before else last_when
    best = min(anchored, key=lambda d: min(abs(d.start - pos_end), abs(pos_start - d.end)))
    return last_when if best.same_as_before else best.when


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


def _short(name: str, kind: str) -> str:
    """ "Putin" for Vladimir Putin, "Xi" for Xi Jinping (a one-word alias wins)."""
    if kind != "person":
        return name
    if name in _base_index().short_names:
        return _base_index().short_names[name]
    return name.split()[-1]


_SURNAME_FIRST = lexicon.words("surname_first_countries")


def event_title(event_type: str, actors: list[ExtractedActor]) -> str:
    """A short readable title: "Trump–Putin phone call", "Trump sanctions on Russia"."""
    if not actors:
        return event_type.capitalize()
    if event_type in _DIRECTED_LABEL:
        label, preposition = _DIRECTED_LABEL[event_type]
        initiators = [a for a in actors if a.role == "initiator"] or actors[:1]
        targets = [a for a in actors if a.role == "target" and a not in initiators]
        title = f"{_title_name(initiators[0])} {label}"
        if targets:
            title += f" {preposition} " + " and ".join(_title_name(a) for a in targets[:2])
        return title
    names = "–".join(_title_name(a) for a in actors[:3])
    return f"{names} {_TYPE_LABEL.get(event_type, event_type)}"


def _title_name(actor: ExtractedActor) -> str:
    if (
        actor.kind == "person"
        and actor.country in _SURNAME_FIRST
        and actor.name not in _base_index().short_names
    ):
        return actor.name.split()[0]
    return _short(actor.name, actor.kind)


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


def _add_unless_duplicate(events: list[ExtractedEvent], event: ExtractedEvent) -> None:
    """The same act told twice (same type, shared actors, compatible time) is kept once."""
    for earlier in events:
        if earlier.type != event.type or not _compatible(earlier.when, event.when):
            continue
        if earlier.status != event.status and (
            (earlier.when and event.when)
            or not {earlier.status, event.status} <= {"planned", "proposed"}
        ):
            continue  # a meeting held, called off or offered anew: different acts
        shared = len({a.name for a in event.actors} & {b.name for b in earlier.actors})
        same_initiator = _same_party(event.actors[0], earlier.actors[0])
        if same_initiator and event.actors[0].name != earlier.actors[0].name:
            shared += 1
        if ((same_initiator or shared >= 2) and shared >= min(
            2, len(event.actors), len(earlier.actors)
        )) or _same_parties_same_day(earlier, event):
            if earlier.when is None and event.when is not None:
                earlier.when = event.when
            return
    events.append(event)


_ONE_SIDE_TYPES = frozenset({"call", "consult"})


def _one_side(actors: list[tuple[Actor, str]]) -> bool:
    """Every party is the same state or one of its people: no one to talk with."""
    sides = {a.country or a.name for a, _ in actors}
    return len(sides) == 1 and all(a.country for a, _ in actors)
