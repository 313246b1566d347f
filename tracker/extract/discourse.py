"""Layer: discourse. How a sentence's act relates to the acts told before it in the article.

The layers below read one sentence; this one reads it against what the article has told so far
(the events already extracted, oldest first):

- a definite noun phrase names an act told before ("after the talks", "the 2015 deal"), and a
  noun phrase set beside the act just told renames it (", an initiative backed by ..."):
  neither is a new act (``refers_back``, ``renames_last_act``);
- a speech act told without a target takes it from the acts told just before: "congratulated
  them" (the others of the last act), "condemned the measures" (whoever took them), "also
  voiced concern" (at whom the same act was aimed) (``speech_targets``);
- a party told alone takes the other side of an act told before: a subjectless "Despite having
  spoken with Biden" (``counterpart``), talks "after" which a deal was signed (the deal's
  parties, ``talks_behind_deal``), "agreed to ..." at a meeting of several (the meeting's
  parties, ``meeting_of_decision``);
- within one sentence, a second trigger of the same kind is the same act (its parties join it,
  ``join_parties``) unless a new party acts or a new target is named (``another_actor``), and
  talks told with a meeting of the same parties are its content (``part_of_meeting``);
- across the article, the same act told again (same type, shared parties, compatible time) is
  kept once, taking the finer time (``add_unless_retold``).

Every look back is bounded (``RECENT`` acts, fewer for the nearest references), so the work per
trigger is constant and time stays linear in the length of an article. Word lists are data
(cues.json: referring_nouns, it_verbs, determiners, referring_context, holding_verbs, ...).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from tracker.domain import When
from tracker.extract import lexicon
from tracker.extract.actors import Actor
from tracker.extract.arguments import CONSULT, MEETING_TYPES, SPEECH_ACTS, SentenceMentions
from tracker.extract.dates import _MONTH_NAMES as MONTH_NAMES
from tracker.extract.dates import _WEEKDAYS as WEEKDAYS
from tracker.extract.events import SUBJECT_PRONOUNS, Trigger, TriggerLexicon
from tracker.extract.patterns import has_agent
from tracker.extract.status import CALLED_OFF_STATUSES, CALLED_OFF_WORDS, predicate_status
from tracker.extract.timing import finer_within, retold_nearby
from tracker.extract.titles import event_title
from tracker.extract.tokens import QUOTE_MARKS, Token
from tracker.extract.types import ExtractedActor, ExtractedEvent

# How many events back a reference ("the measures", "them", "also") or a merge may look: acts
# told long before are not what a sentence refers to, and the bound keeps time linear.
RECENT = 50
_NEAREST = 3  # events back: the one just told, or nearly ("also", a counterpart)
# How many events back a retelling is looked for (bounded: linear time on any article).
_DUPLICATE_REACH = 400

_REFERRING_NOUNS: dict[str, list[str]] = lexicon.cues()["referring_nouns"]
_IT_VERBS = lexicon.words("it_verbs")
_DETERMINERS = lexicon.words("determiners")
_SETTING = lexicon.words("setting_prepositions")
_AT_VERBS = lexicon.words("aiming_at_verbs")
_REFERRING_CONTEXT = lexicon.words("referring_context")
_STRICT_REFERENCE = lexicon.words("strict_reference_types")
# Before an act's noun, words that tell one act of a series, not the one the story is about.
_ANOTHER_OF_ITS_KIND = lexicon.words("sequence_words")
_HOLDING_VERBS = lexicon.words("holding_verbs")
_CONDITIONALS = frozenset({"if", "unless"})
_PARTY_LINKS = frozenset({"between", "with"})
_LEADER_PLURALS = lexicon.words("leader_plurals")
_COORDINATORS = frozenset({"and", "or", "but"})
_POSSESSIVE_DETERMINERS = frozenset({"their", "its", "his", "her"})
_AFTER = frozenset({"after", "following"})
_AUXILIARIES = lexicon.words("predicate_auxiliaries") | {"been", "being"}
_ACT_NOUNS = lexicon.words("act_nouns")
_RELATIVES = frozenset({"that", "which", "who"})
_PAST_PLAN_AUXILIARIES = lexicon.words("past_plan_auxiliaries")
_PLAN_WORDS = lexicon.words("schedule_words") | {"to", "supposed"}
_PLAN_REACH = 8  # words before the trigger: "was scheduled to hold talks and meetings"


# --- the acts told so far ---------------------------------------------------------------


def recent_acts(
    earlier: list[ExtractedEvent], out: list[ExtractedEvent]
) -> list[ExtractedEvent]:
    """The acts a reference may reach: the last of the article's and of this sentence's."""
    return [*earlier[-RECENT:], *out[-RECENT:]]


def latest(
    events: list[ExtractedEvent], test: Callable[[ExtractedEvent], bool], reach: int = RECENT
) -> ExtractedEvent | None:
    """The latest of the last ``reach`` acts told that passes ``test``, or None."""
    return next((e for e in reversed(events[max(0, len(events) - reach) :]) if test(e)), None)


def remove_event(out: list[ExtractedEvent], event: ExtractedEvent | None) -> None:
    """Take ``event`` (that very object) out of the acts told, if it is there."""
    for k in range(len(out) - 1, -1, -1):
        if out[k] is event:
            del out[k]
            return


# --- parties ------------------------------------------------------------------------------


def as_party(actor: Actor) -> ExtractedActor:
    return ExtractedActor(actor.name, "participant", actor.kind, actor.country)


def as_actor(actor: ExtractedActor) -> Actor:
    return Actor(actor.name, actor.kind, actor.country)


def same_party(a: ExtractedActor, b: ExtractedActor) -> bool:
    """One actor, or a person and the state they act for ("Macron" and "France")."""
    if a.name == b.name:
        return True
    kinds = {a.kind, b.kind}
    return kinds == {"person", "state"} and a.country is not None and a.country == b.country


def same_side(a: ExtractedActor, b: ExtractedActor) -> bool:
    """One actor, or two of one country (a state, its leader, its ministers)."""
    return a.name == b.name or (a.country is not None and a.country == b.country)


def merge_actors(first: list, second: list) -> list:
    """The parties of ``first``, then those of ``second`` not named in it."""
    names = {a.name for a, _ in first}
    return [*first, *((a, r) for a, r in second if a.name not in names)]


def _names_and_countries(actors: list[tuple[Actor, str]]) -> set[str]:
    return {a.name for a, _ in actors} | {a.country for a, _ in actors if a.country}


# --- a word for an act told before --------------------------------------------------------


def at_the_request(lows: list[str], trig: Trigger) -> bool:
    """Is a demand told by the idiom "at the request of X" ("upon the request of", "at the
    behest of"): X's asking, told anew, and not the content of the act it led to?"""
    i, end = trig.tok, trig.tok_end
    return trig.type == "demand" and i >= 2 and lows[i - 1] == "the" and (
        lows[i - 2] in _ASKED_BY_LEADS
    ) and end < len(lows) and lows[end] == "of"


_ASKED_BY_LEADS = frozenset({"at", "upon", "on"})


def refers_back(
    lows: list[str],
    trig: Trigger,
    lex: TriggerLexicon,
    mentioned: set[int],
) -> bool:
    """A definite noun phrase ("the summit", "the 2015 nuclear agreement") names a known act.

    ``mentioned`` holds the tokens inside actor mentions. For deals, plans, meetings, calls
    and talks the reading is strict: with "the" they are told before unless held anew ("held
    their first talks") or called off or put off now ("called off the talks")."""
    i, end = trig.tok, trig.tok_end
    if (
        i > 0 and _past_verb(lows[i]) and _ends_a_noun_phrase(lows[i - 1])
        and i + 1 < len(lows) and lows[i + 1] not in _AFTER_A_PARTICIPLE
    ):
        return False  # "The Soviet army seized the islands", "The meeting participants thanked
        # the Uzbek side": a verb after its subject, whose determiner it is (but "the invitation
        # offered to Trump", "the deal signed in January" describe a noun told before)
    if at_the_request(lows, trig):
        return False  # "at the request of Mozambique": an idiom that tells the asking anew
    strict = trig.type in _STRICT_REFERENCE
    for j in range(i - 1, max(-1, i - 4), -1):
        low = lows[j]
        if j in mentioned:
            return False  # "the two leaders agreed": a subject, not a noun phrase
        if j == i - 1 and low in SUBJECT_PRONOUNS:
            return False  # "saying that it regrets": a verb after its subject, not "that" noun
        if low in _ANOTHER_OF_ITS_KIND and _renames_act_told(lows, j):
            return True  # "It was the first visit by a Cuban leader since 1959": the one told
        if low in _ANOTHER_OF_ITS_KIND or (len(low) == 4 and low[:2] in ("19", "20")
                                           and low.isdigit()):
            return False  # "the next meeting", "the 2018 summit": one act of a series
        if low in _COORDINATORS:
            return False  # "by the summit and urged ...": the determiner is another phrase's
        if low == "to" and j == i - 1 and not strict:
            return False  # "its threat to impose sanctions": a verb, no noun phrase
        if low in _AUXILIARIES and j > 0 and (
            lows[j - 1] not in _ACT_NOUNS or trig.type in SPEECH_ACTS
        ) and (
            lows[j - 1] not in _DETERMINERS and lows[j - 1] not in _RELATIVES
        ):
            # "the resolution was vetoed": the determiner is the subject's; "the agreement was
            # welcomed by China": a reaction to the act, not the act told again (but "the
            # agreement was signed by ..." tells the act told before again)
            return False
        if low in ("a", "an") and j > 0 and lows[j - 1] in _SETTING and not (
            j > 1 and lows[j - 2] in _AT_VERBS
        ):  # (but "hinted at a potential invasion" names the act hinted at)
            # "at a summit in Brussels": where something else happened; but "came at a
            # meeting between A and B" names its parties: the meeting is itself an act.
            return end >= len(lows) or lows[end] not in _PARTY_LINKS
        if low in _DETERMINERS:
            # Only as a subject or after a preposition: "after the talks", "from the deal";
            # "paused the tariffs" is an act on its object. A deal, plan or meeting with
            # "the" is one told before ("confirmed the agreement") unless it is being
            # called off or put off now ("called off the talks").
            if end < len(lows) and lows[end] == "between":
                return False  # "The talks between Rubio and Lavrov lasted ...": parties named
            if end < len(lows) and lows[end] == "of" and not _LEADER_PLURALS.isdisjoint(
                lows[end + 1 : end + 4]
            ):
                return False  # "The meeting of the premiers of Slovenia and Croatia, ..."
            if strict:
                if j > 0 and lows[j - 1] in _HOLDING_VERBS and low in _POSSESSIVE_DETERMINERS:
                    return False  # "held their first talks", "paid his first visit": a new act
                if _made_with_particulars(lows, end):
                    # "the nuclear deal reached between Iran and the P5+1 on 14 July 2015",
                    # "the agreement was reached in December 2015": a fact told with its making
                    # (a retelling of one told before merges with it)
                    return False
                if (
                    lex.passive_cues.find_all(lows[end : end + 4])
                    or _called_off_later(lows, end, lex)
                    or predicate_status(lows, end) in CALLED_OFF_STATUSES
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


def making_participle(lows: list[str], end: int) -> int | None:
    """Where the participle of an act's making ("reached", "signed") stands after its noun,
    which ends at ``end``: right after it ("the truce signed in January") or in the passive
    ("was reached in", "had been signed"); None when there is none."""
    k = end
    while k < len(lows) and k - end < 2 and lows[k] in _MADE_AUXILIARIES:
        k += 1
    return k if k < len(lows) and lows[k] in _DONE_PARTICIPLES else None


def _made_with_particulars(lows: list[str], end: int) -> bool:
    """After an act's noun, the participle of its making, then soon its parties or its time
    ("reached between Iran and ...", "was reached in December 2015")."""
    k = making_participle(lows, end)
    if k is None:
        return False
    near = lows[k + 1 : k + 1 + _PARTICULARS_REACH]
    return not _PARTICULARS.isdisjoint(near) or any(
        len(w) == 4 and w[:2] in ("19", "20") and w.isdigit() for w in near
    )


_MADE_AUXILIARIES = frozenset({"was", "were", "has", "have", "had", "been", "is", "are"})
_DONE_PARTICIPLES = lexicon.words("done_participles")
_PARTICULARS = frozenset(
    {"between", "last", "ago", "yesterday", *MONTH_NAMES, *WEEKDAYS}
)
_PARTICULARS_REACH = 6


def _renames_act_told(lows: list[str], j: int) -> bool:
    """Before the sequence word at j, "this is the", "it will be their": a pronoun and a
    copula name the act just told again, as one of its series."""
    k = j - 1
    if k < 0 or lows[k] not in _DETERMINERS and lows[k] not in _POSSESSIVE_DETERMINERS:
        return False
    k -= 1
    if k >= 1 and lows[k] == "be" and lows[k - 1] in _FUTURE_AUXILIARIES:
        k -= 1
    elif k < 0 or lows[k] not in _COPULAS:
        return False
    return k >= 1 and lows[k - 1] in _ACT_PRONOUNS


_COPULAS = frozenset({"is", "was", "marks", "marked", "'s"})
_FUTURE_AUXILIARIES = lexicon.words("predicate_future")  # "will be", "would be"
_ACT_PRONOUNS = frozenset({"this", "it", "that"})


def _past_verb(word: str) -> bool:
    """A verb in the past tense ("seized", "thanked", "said"), or a participle: the words
    around it tell which (``refers_back``)."""
    return (len(word) > 4 and word.endswith("ed")) or word in _PAST_FORMS


def _ends_a_noun_phrase(word: str) -> bool:
    """A word that can close a subject noun phrase ("army", "participants", "states"), not one
    inside it before its head ("the", "newly", "jointly", "its")."""
    return (
        word[:1].isalpha() and word not in _DETERMINERS and word not in _POSSESSIVE_DETERMINERS
        and not word.endswith("ly") and word not in _AUXILIARIES and word not in _COORDINATORS
    )


_PAST_FORMS = lexicon.words("verb_forms")
# after a participle that describes the noun before it ("the deal signed in January")
_AFTER_A_PARTICIPLE = frozenset({
    "by", "to", "in", "at", "on", "during", "last", "with", "for", "from", "under", "between",
    "earlier", "as", "over", "after", "before", "since", ",", ".", ";", ":", "and", "or", "but",
})


def _called_off_later(lows: list[str], end: int, lex: TriggerLexicon) -> bool:
    """ "The summit was originally slated for March 28-29 but postponed", "The meeting was
    scheduled to take place Friday in Costa Rica but was canceled": the plan told and called or
    put off in one predicate, the gathering still its subject after "but" (not "on the deal, but
    the visit was cancelled")."""
    window = lows[end : end + _CALLED_OFF_REACH]
    if "but" not in window:
        return False
    after = window[window.index("but") + 1 :][:4]
    if not after or (after[0] not in CALLED_OFF_WORDS and after[0] not in _PASSIVE_OPENERS):
        return False  # a new subject after "but"
    return after[0] in CALLED_OFF_WORDS or bool(lex.passive_cues.find_all(after))


_CALLED_OFF_REACH = 14  # "was scheduled to take place Friday and Saturday in Costa Rica but"
_PASSIVE_OPENERS = frozenset({"was", "were", "has", "have", "had"})


def renames_last_act(lows: list[str], trig: Trigger) -> bool:
    """ "..., an initiative reportedly supported by Putin": a noun phrase set beside the act just
    told names that act again."""
    before = lows[max(0, trig.tok - 4) : trig.tok]
    if not QUOTE_MARKS.isdisjoint(before):
        before = [w for w in before if w not in QUOTE_MARKS]
    before = before[-3:]
    return len(before) >= 2 and (
        before[-2:] in ([",", "a"], [",", "an"])
        or (len(before) == 3 and before[0] == "," and before[1] in ("a", "an"))
    )


def meets_again(lows: list[str], trig: Trigger) -> bool:
    """ "the two sides will meet again": another round of the talks told before."""
    return lows[trig.tok] in ("meet", "meets", "met") and "again" in lows[
        trig.tok_end : trig.tok_end + 2
    ]


# --- the target of a speech act -----------------------------------------------------------


def speech_targets(
    tokens: list[Token],
    lows: list[str],
    trig: Trigger,
    lo: int,
    actors: list[tuple[Actor, str]],
    recent: list[ExtractedEvent],
) -> list[Actor]:
    """The targets of a speech act told with none, from the acts told before it: "them"
    (``them``), "the measures" (``referred_target``), "also voiced concern"
    (``same_act_target``). ``lo`` is where the trigger's clause starts."""
    them_ = them(lows, trig, actors, recent)
    if them_:
        return them_
    # With a by-agent ("The move drew criticism from Beijing") the subject is what the act is
    # about: the target is whoever made the move.
    about = Trigger(trig.type, None, 1.0, lo, lo) if has_agent(trig) else trig
    target = referred_target(tokens, about, actors, recent)
    if target is None and "also" in lows[max(0, trig.tok - 2) : trig.tok]:
        target = same_act_target(trig.type, actors, recent)
    return [] if target is None else [target]


def aid_recipient(
    actors: list[tuple[Actor, str]], recent: list[ExtractedEvent]
) -> Actor | None:
    """The recipient of aid told without one: the one the aid told last went to ("Kuwait
    pledged $500 million to Syria ... Cameron pledged $1.75 billion"), unless it is a donor."""
    mine = _names_and_countries(actors)
    for event in reversed(recent):
        if event.type != "aid":
            continue
        for actor in event.actors:
            if actor.role == "target" and actor.name not in mine and actor.country not in mine:
                return as_actor(actor)
    return None


def them(
    lows: list[str], trig: Trigger, actors: list[tuple[Actor, str]],
    events: list[ExtractedEvent],
) -> list[Actor]:
    """ "spoke with A and B by phone and congratulated them": the others of the last act."""
    if lows[trig.tok_end : trig.tok_end + 1] != ["them"] or not events:
        return []
    mine = _names_and_countries(actors)
    last = events[-1]
    return [
        as_actor(a) for a in last.actors
        if a.name not in mine and not (a.kind == "state" and a.name in mine)
    ] if len(last.actors) >= 2 else []


def referred_target(
    tokens: list[Token], trig: Trigger, actors: list[tuple[Actor, str]],
    events: list[ExtractedEvent],
) -> Actor | None:
    """ "Moscow condemned the measures": the target is whoever took the measures."""
    wanted: list[str] | None = None
    # "took note of the decision": the noun may end the trigger phrase itself
    for t in tokens[max(trig.tok + 1, trig.tok_end - 1) : trig.tok_end + 4]:
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
    mine = _names_and_countries(actors)
    fallback = None
    for event in reversed(events):
        first = event.actors[0]
        if first.name in mine or (first.country and first.country in mine):
            continue
        actor = as_actor(first)
        if event.type in wanted or event.status in wanted:
            return actor
        if not wanted and event.type not in SPEECH_ACTS:  # an act, not a reaction
            fallback = fallback or actor
    return fallback


def same_act_target(
    event_type: str, actors: list[tuple[Actor, str]], events: list[ExtractedEvent]
) -> Actor | None:
    """ "Japan and Australia also voiced concern": at whom the act just told was aimed."""
    mine = {a.name for a, _ in actors}
    event = latest(events, lambda e: e.type == event_type, _NEAREST)
    if event is None:
        return None
    return next((as_actor(a) for a in event.actors if a.role == "target" and a.name not in mine),
                None)


# --- the other side of an act told alone --------------------------------------------------


def counterpart(
    actors: list[tuple[Actor, str]], recent: list[ExtractedEvent]
) -> list[tuple[Actor, str]] | None:
    """The other side of the latest call, meeting or talks that had this party's side in it."""
    one = as_party(actors[0][0])

    def with_my_side(event: ExtractedEvent) -> bool:
        return (
            event.type in MEETING_TYPES and len(event.actors) >= 2
            and any(same_side(one, a) for a in event.actors)
            and not all(same_side(one, a) for a in event.actors)
        )

    event = latest(recent, with_my_side, _NEAREST)
    if event is None:
        return None
    return [(actors[0][0], "participant"), *(
        (as_actor(a), "participant") for a in event.actors if not same_side(one, a)
    )]


def talks_behind_deal(
    lows: list[str], trig: Trigger, actors: list, out: list[ExtractedEvent],
    sm: SentenceMentions,
) -> list | None:
    """ "A and B signed a truce after talks mediated by C": the talks were between the
    parties to the deal told just before, with whoever is named after the trigger."""
    if _AFTER.isdisjoint(lows[max(0, trig.tok - 5) : trig.tok]):
        return None
    deal = latest(out, lambda e: e.type == "agreement" and len(e.actors) >= 2)
    if deal is None:
        return None
    parties = [(as_actor(a), "participant") for a in deal.actors]
    return merge_actors(parties, [
        (a, "participant") for a, _ in actors
        if sm.named_between(a.name, trig.tok_end, len(sm.tokens))
    ])


def meeting_of_decision(
    out: list[ExtractedEvent], actor: Actor
) -> list[tuple[Actor, str]] | None:
    """ "a meeting between A, B and C, where A agreed to ...": the parties of the meeting told
    just before that had the one who agreed in it (they agreed with the others), or None."""
    one = as_party(actor)
    meeting = latest(out, lambda e: (
        e.type in MEETING_TYPES and len(e.actors) >= 2
        and any(same_party(a, one) for a in e.actors)
    ))
    if meeting is None:
        return None
    return [(as_actor(a), "participant") for a in meeting.actors]


# --- a second trigger of the same kind in one sentence ------------------------------------


def join_parties(out: list[ExtractedEvent], event_type: str, actors: list) -> None:
    """A second trigger of the same kind names the other party of a one-party event."""
    earlier = latest(out, lambda e: e.type == event_type, len(out))
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


def another_actor(
    event_type: str, actors: list, out: list[ExtractedEvent], lo: int, trig: Trigger,
    sm: SentenceMentions,
) -> bool:
    """ "The bloc imposed sanctions on Niger, and Nigeria cut electricity supplies": a second
    act of the same kind by a subject of its own clause, who took no part in the first."""
    if event_type in MEETING_TYPES or lo == 0 or not actors:
        return False
    earlier = latest(out, lambda e: e.type == event_type)
    if earlier is None:
        return False
    first = actors[0][0]
    if event_type in SPEECH_ACTS and new_target(actors, earlier, lo, trig, sm):
        return True  # "thanked A for its help and called B a partner": a second act
    own = sm.actor_named_between(first.name, lo, trig.tok)
    return own and all(not same_party(as_party(first), a) for a in earlier.actors)


def another_measure(
    event_type: str, actors: list, out: list[ExtractedEvent], lo: int, trig: Trigger,
    sm: SentenceMentions, status: str,
) -> bool:
    """ "paused tariff increases on other countries, while hiking duties on goods from China",
    "has suspended Mali's membership ... and threatened sanctions if ...": a second measure,
    aid or strike of the same subject, in a clause of its own, aimed at someone the first was
    not, or at another stage (threatened after imposed, put off beside raised)."""
    if event_type not in MEASURES or lo == 0 or not actors:
        return False
    earlier = latest(out, lambda e: e.type == event_type)
    if earlier is None or earlier.trigger_offset >= sm.tokens.starts[lo]:
        return False
    if status != earlier.status and status != "occurred":
        return True  # told with a cue of its own ("and threatened sanctions if ...")
    targets = [a for a, r in actors if r == "target" and sm.actor_named_between(
        a.name, trig.tok_end, len(sm.tokens))]
    return bool(targets) and all(
        not any(same_party(as_party(t), a) for a in earlier.actors) for t in targets
    )


MEASURES = frozenset({"sanctions", "aid", "military"})


def new_target(
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
        not any(a.name == t.name or (t.kind != "state" and same_party(as_party(t), a))
                for a in earlier.actors) for t in targets
    ) and sm.actor_named_between(targets[0].name, trig.tok + 1, len(sm.tokens))


def part_of_meeting(out: list[ExtractedEvent], actors: list) -> bool:
    """Talks told in the sentence that reports the meeting of the same parties are its content."""
    names = {a.name for a, _ in actors}
    return latest(out, lambda e: (
        e.type == "meeting" and len(names & {a.name for a in e.actors}) >= min(2, len(names))
    )) is not None


# --- the same act told again --------------------------------------------------------------


def overlaps(a: When | None, b: When | None) -> bool:
    """Can two times be the same act's (either untold, or their spans overlap)?"""
    return a is None or b is None or (a.start <= b.end and b.start <= a.end)


def same_parties_same_day(earlier: ExtractedEvent, event: ExtractedEvent) -> bool:
    """ "Congo and Rwanda signed a deal on Friday" told again as their ministers signing it."""
    if earlier.when is None or earlier.when != event.when or len(event.actors) < 2:
        return False
    return all(any(same_party(a, b) for b in earlier.actors) for a in event.actors[:2])


def plan_told_in_past(event: ExtractedEvent) -> bool:
    """A plan told as it stood before ("was scheduled to visit", "had to hold talks",
    "had been expected to meet"): the background of a called-off act, not a new plan."""
    if event.status != "planned":
        return False
    words = event.evidence[: event.trigger_offset].lower().split()[-_PLAN_REACH:]
    for k, word in enumerate(words):
        if word in _PAST_PLAN_AUXILIARIES and any(w in _PLAN_WORDS for w in words[k + 1 :]):
            return True
    return False


def _overtaken_plan(earlier: ExtractedEvent, event: ExtractedEvent) -> bool:
    """One of the two is a called-off act and the other its plan told in the past, with a
    party in common: one act ("The visit has been cancelled. X had to visit Japan on ...")."""
    if earlier.type not in MEETING_TYPES or event.type not in MEETING_TYPES:
        return False  # "The visit has been cancelled. X was scheduled to hold discussions"
    plan, off = (earlier, event) if earlier.status == "planned" else (event, earlier)
    if off.status not in CALLED_OFF_STATUSES or not plan_told_in_past(plan):
        return False
    return any(same_party(a, b) for a in plan.actors for b in off.actors)


def _absorb_plan(earlier: ExtractedEvent, event: ExtractedEvent) -> None:
    """Keep the called-off act as told first, with the time its plan was set for and the
    parties the plan names."""
    plan, off = (earlier, event) if earlier.status == "planned" else (event, earlier)
    if plan.when is not None and not plan.when_inferred and (off.when is None or off.when_inferred):
        earlier.when, earlier.when_inferred = plan.when, False
    _add_parties(earlier, event)
    earlier.status = off.status


def _add_parties(earlier: ExtractedEvent, event: ExtractedEvent) -> None:
    """The parties ``event`` names that ``earlier`` does not, added to it."""
    names = {a.name for a in earlier.actors}
    added = [a for a in event.actors if a.name not in names]
    if added:
        earlier.actors += added
        earlier.title = event_title(earlier.type, earlier.actors)


def _add_speakers(earlier: ExtractedEvent, event: ExtractedEvent) -> None:
    """A person the retelling names right after a state of the act told before, acting for
    it ("Iran's Foreign Ministry has condemned ...", then "Foreign Ministry Spokesperson Seyyed
    Abbas Mousavi denounced ..."): the guide names both the state and its spokesperson."""
    names = {a.name for a in earlier.actors}
    for before, person in zip(event.actors, event.actors[1:], strict=False):
        if (
            person.kind == "person" and person.name not in names and before.kind == "state"
            and before.name in names and len(earlier.actors) < _MAX_PARTIES
        ):
            at = next(k for k, a in enumerate(earlier.actors) if a.name == before.name)
            earlier.actors.insert(at + 1, person)
            names.add(person.name)
            earlier.title = event_title(earlier.type, earlier.actors)


_MAX_PARTIES = 4


def _answered(earlier: ExtractedEvent, event: ExtractedEvent) -> bool:
    """A directed act with the roles turned round: the target answering in kind, not the
    act told again."""
    first, then = earlier.actors[0], event.actors[0]
    return (
        first.role == then.role == "initiator"
        and not same_party(first, then)
        and any(a.role == "target" and same_party(a, first) for a in event.actors)
    )


def _possessed_retelling(
    events: list[ExtractedEvent], event: ExtractedEvent
) -> ExtractedEvent | None:
    """An act named as someone's ("his visit", "Cleverly's trip", "Russia's proposal", "their
    meeting") with no party the story has not told it with is the one of theirs told."""
    before = event.evidence[max(0, event.trigger_offset - 12) : event.trigger_offset].lower()
    words = before.split()[-2:]  # "his visit", "his planned visit"
    joined = " ".join(words) + " "  # (words hold no space: the tests in C, no generator)
    if _POSSESSIVES.isdisjoint(words) and "'s " not in joined and "’s " not in joined:
        return None
    kinds = MEETING_TYPES if event.type in MEETING_TYPES else {event.type}
    alone = len(event.actors) == 1  # with others named: theirs as told (status and time)
    return next((
        e for e in reversed(events[-_DUPLICATE_REACH:])
        if e.type in kinds
        and all(any(same_party(mine, a) for a in e.actors) for mine in event.actors)
        and (alone or (e.status == event.status and overlaps(e.when, event.when)))
        # "Belarus announced its own sanctions against the EU": the target answers in kind
        and not (words[-1] == "own" and _answered(e, event))
    ), None)


def _talks_of_the_meeting(events: list[ExtractedEvent], event: ExtractedEvent) -> bool:
    """Talks held by the parties of a meeting told before, on its day, are that meeting."""
    if event.type != "talks" or event.status != "occurred" or len(event.actors) < 2:
        return False
    names = {a.name for a in event.actors}
    return any(
        e.type == "meeting" and e.status == "occurred" and overlaps(e.when, event.when)
        and len(names & {a.name for a in e.actors}) >= 2
        for e in events[-_DUPLICATE_REACH:]
    )


def _another_of_theirs(earlier: ExtractedEvent, person: ExtractedActor) -> bool:
    """Whether ``earlier`` names another person of ``person``'s state and not ``person``: the
    foreign minister's condemnation is not the one the president voiced."""
    return person.kind == "person" and person.country is not None and any(
        b.kind == "person" and b.country == person.country for b in earlier.actors
    ) and all(b.name != person.name for b in earlier.actors)


def _shared_parties(earlier: ExtractedEvent, event: ExtractedEvent) -> int:
    """How many of ``event``'s parties ``earlier`` names, as themselves or as the person or the
    state that stands for them ("Obama and Cuba" told again as "Obama and Castro")."""
    return sum(1 for a in event.actors if any(same_party(a, b) for b in earlier.actors))


def _named_as_told(events: list[ExtractedEvent], event: ExtractedEvent) -> bool:
    """A call, meeting or talks named with "the" whatever status its sentence tells ("a
    spokesman said that the meeting had been postponed", "the rescheduling of the meeting",
    "were invited to the summit", "had promised to attend the meeting") is one told before
    with a party on its side: told again, not a new act. Any other act named so ("said in
    announcing the sanctions") is one of its kind told with the same status and time."""
    words = event.evidence[max(0, event.trigger_offset - 12) : event.trigger_offset].split()
    if not words or words[-1].lower() not in _NAMING_DETERMINERS:
        return False
    after = event.evidence[event.trigger_offset + len(event.trigger) :].split()[:1]
    if event.trigger.lower().split()[0] in _ANOTHER_OF_ITS_KIND or (
        after and after[0].lower() in _OWN_PARTIES
    ):
        return False  # "the next round", "the meeting of G-77": another act, named
    meeting = event.type in MEETING_TYPES
    kinds = MEETING_TYPES if meeting else {event.type}
    return any(
        e.type in kinds
        and (meeting or (e.status == event.status and overlaps(e.when, event.when)))
        and any(same_side(a, b) for a in event.actors for b in e.actors)
        for e in events[-RECENT:]
    )


_NAMING_DETERMINERS = frozenset({"the", "this"})  # not "that": "agreed that talks resume"
_OWN_PARTIES = frozenset({"of", "between", "with"})
_MEETING_OR_TALKS = frozenset({"meeting", "talks"})
# talks told after a meeting or a call of their sides: "Macri received the phone call ... and
# the dialogue was most cordial"
_TALKS_TOLD_IN = frozenset({"meeting", "call"})


def _side(actor: ExtractedActor) -> str:
    """The side an actor is on: its country, or itself."""
    return actor.country or actor.name


def _told_as_another_kind(events: list[ExtractedEvent], event: ExtractedEvent) -> bool:
    """A meeting told before, told again as talks (or talks as a meeting) with the same status
    and a time told with each that agrees (or, by one side, with none), by parties all on its
    sides: "a meeting was held between the two negotiating teams" on the day their talks
    resumed; "Initial meetings are planned for Monday", said a spokeswoman of one side;
    "Following the meeting, Santos said: 'We've had an open dialogue'"."""
    if event.type not in _MEETING_OR_TALKS:
        return False
    sides = {_side(a) for a in event.actors}
    if event.when is None and (len(sides) > 1 or event.status != "occurred"):
        return False  # untimed, between sides or still to come: talks apart from the meeting
    for earlier in events[-_DUPLICATE_REACH:]:
        if (
            earlier.type == event.type or earlier.status != event.status
            or earlier.type not in (_TALKS_TOLD_IN if event.type == "talks" else _MEETING_OR_TALKS)
        ):
            continue
        if event.when is not None and (earlier.when is None or (
            not retold_nearby(earlier, event) and not overlaps(earlier.when, event.when)
        )):
            continue
        theirs = {_side(a) for a in earlier.actors}
        if sides <= theirs and (len(sides) >= 2 or len(theirs) >= 2):
            return True
    return False


def _discussion_of_told_act(events: list[ExtractedEvent], event: ExtractedEvent) -> bool:
    """Sides told consulting (a call, a meeting, talks) who then "discussed" something, at a
    time that agrees: that consultation again ("Trump spoke with Modi by phone on Sunday. The
    two discussed ..."). The verb names no kind of its own, so the kind told before is it."""
    if event.trigger.lower() != "discussed" or " with " in event.evidence[
        event.trigger_offset : event.trigger_offset + _WITH_REACH
    ]:
        return False  # "discussed the border with the ambassadors": a consultation of its own
    sides = {_side(a) for a in event.actors}
    return any(
        earlier.type in CONSULT and earlier.status == event.status
        and sides <= {_side(a) for a in earlier.actors}
        and overlaps(earlier.when, event.when)
        for earlier in events[-_DUPLICATE_REACH:]
    )


_WITH_REACH = 80  # characters after "discussed" that may name whom it was discussed with
_TOLD_AS_DONE = frozenset({"occurred", "cancelled", "postponed"})
_POSSESSIVES = frozenset({"his", "her", "their", "my", "its", "our"})


# The tests over two events' parties that add_unless_retold makes, as functions: generators
# inside it would make its loop variable (``earlier``) and ``event`` closure cells, slower to
# read on every pass of the loop.


def _party_of_other_name(
    actors: list[ExtractedActor], earlier: list[ExtractedActor], earlier_names: set[str]
) -> bool:
    """Is one of ``actors`` not named in ``earlier_names`` the same party as one of ``earlier``?"""
    return any(
        same_party(a, b) for a in actors if a.name not in earlier_names for b in earlier
    )


def _party_among(actor: ExtractedActor, actors: list[ExtractedActor]) -> bool:
    return any(same_party(actor, b) for b in actors)


def _on_side_of(actors: list[ExtractedActor], other: ExtractedActor) -> bool:
    return any(same_side(a, other) for a in actors)


_BACKGROUND_GAP = 30  # days before publication: a past act that long gone is background


def _background_then_news(
    earlier: ExtractedEvent, event: ExtractedEvent, published: dt.date | None
) -> bool:
    """An act told with no time of its own (the story's day) after an act of the same kind
    told with a time of its own a month or more before publication: two acts, not one told
    twice."""
    return (
        published is not None and event.when is None and earlier.when is not None
        and not earlier.when_inferred and event.status == earlier.status == "occurred"
        and (published - earlier.when.end).days > _BACKGROUND_GAP
    )


def add_unless_retold(
    events: list[ExtractedEvent], event: ExtractedEvent, published: dt.date | None = None
) -> None:
    """The same act told twice (same type, shared actors, compatible time) is kept once."""
    possessed = _possessed_retelling(events, event)
    if event.new_act and possessed is None:
        # "They also agreed ...": a further act, not a retelling (but "Macron is also expected
        # to address Congress during his trip": "also" is for another act than his trip)
        events.append(event)
        return
    if event.type in MEETING_TYPES:  # a plan overtaken is one of a meeting's kind only
        for earlier in events[-_DUPLICATE_REACH:]:
            if _overtaken_plan(earlier, event):
                _absorb_plan(earlier, event)
                return
    if possessed is not None:
        # "Cleverly's visit was originally planned for July": the visit told before, which
        # takes the time its retelling sets when it told none ("His planned travel to Accra
        # on 12-13 September has been cancelled")
        if possessed.when is None and event.when is not None and event.type == possessed.type:
            possessed.when, possessed.when_inferred = event.when, event.when_inferred
        return
    if _named_as_told(events, event):
        return  # "the rescheduling of the meeting", "were invited to the summit"
    if _talks_of_the_meeting(events, event):
        return  # "Putin and Kim met ... After four hours of talks, ...": the meeting's talks
    if _told_as_another_kind(events, event) or _discussion_of_told_act(events, event):
        return  # "Biden will hold a virtual summit with Xi ... The two leaders will discuss"
    for earlier in events[-_DUPLICATE_REACH:]:
        if earlier.type != event.type:
            continue
        if _background_then_news(earlier, event, published):
            continue  # "Last year Addis Ababa refused to sign ..." then "Ethiopia rejected the
            # proposal": an act of the story's day after one told of a past long gone
        if _protest(earlier) != _protest(event):
            continue  # "China accused India of ...", then "... a statement protesting to India"
        if event.type == "criticism" and _other_statement(earlier, event):
            continue  # "criticised the drills", then "accused Manila of ...": two statements
        # a day taken from the story yields to the act's own day told near it
        earlier_when = None if retold_nearby(earlier, event) else earlier.when
        # called off, then called off in other words: the times told are of the decisions
        called_off = _called_off_telling(earlier.status, event.status)
        both_off = {earlier.status, event.status} <= CALLED_OFF_STATUSES
        if not both_off and not overlaps(earlier_when, event.when):
            continue
        if earlier.status != event.status and not called_off and (
            (earlier_when and event.when)
            or not {earlier.status, event.status} <= {"planned", "proposed"}
        ):
            continue  # a meeting held, called off or offered anew: different acts
        if _answered(earlier, event):
            continue  # "Trump berated Khan ... Khan responded by slamming Trump": two acts
        if event.type in MEETING_TYPES and _other_counterparts(earlier, event):
            continue  # "Araghchi met Lavrov ... In Moscow, Araghchi met with Rudenko": two meetings
        earlier_names = {b.name for b in earlier.actors}
        shared = len({a.name for a in event.actors} & earlier_names)
        same_initiator = same_party(event.actors[0], earlier.actors[0]) and not (
            _another_of_theirs(earlier, event.actors[0])
        )
        if same_initiator and event.type in MEETING_TYPES and earlier_when and event.when:
            # "Obama will visit Cuba in March ... will meet Raul Castro on March 21" (but "Xi
            # will visit the United States" is not Trump's visit to China)
            shared = _shared_parties(earlier, event)
        if (
            same_initiator and event.actors[0].name != earlier.actors[0].name
            and shared < len(event.actors)
        ):
            shared += 1
        elif (
            event.type in MEETING_TYPES and shared == 1 and len(event.actors) == 2
            and earlier.when is None and event.when is None
            and _party_of_other_name(event.actors, earlier.actors, earlier_names)
        ):
            # an undated call told again with a party as its state: "the first conversation
            # between a sitting U.S. President and Putin"
            shared += 1
        if (
            event.type in MEETING_TYPES and len(earlier.actors) == 1 and shared == 1
            and earlier_when and event.when and earlier.status == event.status
        ):
            # "During his meeting with Xi on Wednesday ..." (Modi left out), then "PM Modi
            # met with Xi Jinping on October 23": the meeting told first with one side
            same_initiator = True
        if (
            event.type in CONSULT and len(event.actors) == 1
            and len(earlier.actors) >= 2 and earlier.status == event.status
            and event.status in _TOLD_AS_DONE
            and _party_among(event.actors[0], earlier.actors)
        ):
            # "'We have agreed on a ceasefire,' Putin said", "asked why the Putin encounter had
            # been put on ice": one party telling of it again (an offer or plan told by one
            # party may be its own)
            same_initiator, shared = True, 1
        elif (
            len(event.actors) >= 2 and len(earlier.actors) >= 2
            and len({_side(a) for a in event.actors}) == 1
            and not earlier_names.isdisjoint(a.name for a in event.actors)
            and (event.type in MEETING_TYPES or _on_side_of(event.actors, earlier.actors[0]))
        ):
            # "spokesperson Bagchi said the decision to call off the visit was made by mutual
            # agreement": a state and its spokesperson, one side of the act told before (its
            # author's, if the act has one)
            same_initiator, shared = True, 2
        if ((same_initiator or shared >= 2) and shared >= min(
            2, len(event.actors), len(earlier.actors)
        )) or (
            same_parties_same_day(earlier, event)
            and not _another_of_theirs(earlier, event.actors[0])
        ):
            if len(earlier.actors) == 1 and len(event.actors) > 1:
                # "Modi arrived in Kazan. His meeting with Xi ...": the retelling names the
                # other side the first telling left out
                _add_parties(earlier, event)
            else:
                _add_speakers(earlier, event)
            if earlier_when is None and event.when is not None:
                earlier.when, earlier.when_inferred = event.when, event.when_inferred
            elif finer_within(event.when, earlier.when):
                earlier.when = event.when  # "next month", then "on June 12": the day told later
            if called_off and earlier.status not in CALLED_OFF_STATUSES:
                earlier.status = event.status  # the plan told first, then called off
            return
    events.append(event)


def _other_counterparts(earlier: ExtractedEvent, event: ExtractedEvent) -> bool:
    """Does each of the two acts name a person the other does not (one side meeting two
    different people: two meetings, not one told twice)?"""
    first = {a.name for a in earlier.actors if a.kind == "person"}
    then = {a.name for a in event.actors if a.kind == "person"}
    return bool(first & then) and bool(first - then) and bool(then - first)


def _other_statement(earlier: ExtractedEvent, event: ExtractedEvent) -> bool:
    """Are two criticisms of one party two statements: told in other words ("criticised",
    then "accused") about other things? The same word ("protested", "lodged a protest") or the
    same thing ("condemned a bill", then "denounced the bill") is the statement told again."""
    first, then = _stems(earlier.trigger), _stems(event.trigger)
    if not first or not then or first & then or 0 <= event.start - earlier.end <= _NEXT_SENTENCE:
        return False  # (the next sentence goes on with the same remarks: "He said ...")
    return not _stems(_around_trigger(earlier)) & _stems(_around_trigger(event))


def _stems(words: str) -> set[str]:
    return {w[:5] for w in _WORDS.findall(words.lower()) if len(w) > 3} - _FUNCTION_STEMS


def _around_trigger(event: ExtractedEvent, reach: int = 60) -> str:
    """The lower-case words just before and after the trigger: what the statement is about
    (names of parties left out, as both statements may name the same party)."""
    at = event.trigger_offset
    near = event.evidence[max(0, at - reach) : at + len(event.trigger) + reach]
    near = near.replace(event.trigger, " ")
    return " ".join(w for w in near.split() if not w[:1].isupper())


_NEXT_SENTENCE = 3  # characters between two sentences that follow each other
_WORDS = re.compile(r"[^\W\d_]+")
# words that say nothing of what a statement is about, by their first five letters
_FUNCTION_STEMS = frozenset(w[:5] for w in lexicon.words("statement_function_words"))


def _protest(event: ExtractedEvent) -> bool:
    """Is the act a formal diplomatic protest ("protested to Japan", "summoned the ambassador"),
    another act than words of criticism of the same party ("criticized Japan for ...")?"""
    return event.type == "criticism" and not _PROTEST_WORDS.isdisjoint(
        event.trigger.lower().split()
    )


_PROTEST_WORDS = lexicon.words("protest_words")


def _called_off_telling(first: str, then: str) -> bool:
    """One act told as called off and again as the plan or threat it was, or as called off in
    other words ("will cancel the summit", then "postponed the summit")."""
    return first != then and {first, then} <= CALLED_OFF_STATUSES
