"""Admission: does a trigger found in a sentence tell an act at all?

The lexicon and the event patterns find trigger words; many of them name no act of their own in
the sentence at hand: a word inside a name ("the Black Sea Grain Initiative"), a quoted label
("calling them an 'economic blockade'"), a participle describing the noun after it ("the
proposed talks"), a topic spoken about ("talked about imposing sanctions"), an act told before
("after the talks"), a denial or a condition, an appositive renaming the act just told, a view
agreed on, a text voted down, a speech act by no one named. ``admit`` runs these checks in
order, before any party is read; each is a small function over the sentence's tokens.
"""

from __future__ import annotations

from collections.abc import Sequence

from tracker.extract import lexicon
from tracker.extract.arguments import (
    SPEECH_ACTS,
    SentenceMentions,
    convening_body,
    is_modifier,
)
from tracker.extract.clauses import looks_like_verb, participle_modifier
from tracker.extract.context import Parties, SentenceContext
from tracker.extract.discourse import refers_back, renames_last_act
from tracker.extract.events import Trigger
from tracker.extract.status import COERCIVE, GATHERING_NOUNS, holding_status, in_condition
from tracker.extract.tokens import QUOTE_MARKS, Tokens
from tracker.extract.types import ExtractedEvent

SAYING = lexicon.words("saying_verbs") | lexicon.words("attribution_verbs")
CONSULT_TRIGGERS = frozenset({"call", "meeting", "talks", "consult"})
GATHERING_TYPES = frozenset({"meeting", "talks", "consult"})
ONE_SIDE_MEASURES = frozenset({"sanctions", "aid", "military"})
BE_PASSIVE = frozenset({"was", "were", "been", "being", "is", "are"})

_COMMENTARY = lexicon.words("commentary_subjects")
_RETELLING_OPENERS = lexicon.words("retelling_openers")
_RETELLING_FIRSTS = frozenset(p.split()[0] for p in _RETELLING_OPENERS)


_MEETING_SUBJECTS = frozenset({"they", "we", "sides"})  # a meeting's sides, named before


def tells_no_act(text: str, lows: list[str]) -> bool:
    """A sentence that asserts no act whatever its words: a question, commentary ("Analysts
    said ..."), or a retelling ("It was the first time the council had demanded ...")."""
    if text.rstrip("\"'”’ ").endswith("?"):
        return True
    if not _COMMENTARY.isdisjoint(lows[:2]):
        return True
    return lows[0] in _RETELLING_FIRSTS and (
        " ".join(lows[:5]) in _RETELLING_OPENERS or " ".join(lows[:6]) in _RETELLING_OPENERS
    )


_DESCRIBED_BY_PARTICIPLE = frozenset({"military", "proposal"})
_TOLD_REACH = 30  # the acts told last in the article that a definite noun may name again


def admit(ctx: SentenceContext, trig: Trigger) -> tuple[int, tuple[str, bool] | None] | None:
    """None if the trigger tells no act here; else the first token of its clause, and, for a
    gathering told anew by a relative clause of its own ("the OIC summit, which is to be held
    in Astana"), the status that clause gives it."""
    if trig.type == "none":
        return None
    tokens, lows, clause = ctx.tokens, ctx.lows, ctx.clause
    if trig.tok > 0 and tokens[trig.tok].cap and not _names_a_meeting(tokens, trig) and (
        tokens[trig.tok - 1].low not in QUOTE_MARKS  # '"We support Ukraine," Biden said'
    ):
        return None  # inside a name: "the Black Sea Grain Initiative"
    if trig.type not in SPEECH_ACTS and clause.quoted_label(trig.tok):
        return None  # calling them an "economic blockade": a word for something, not an act
    if trig.type in _DESCRIBED_BY_PARTICIPLE and trig.tok_end - trig.tok == 1 and (
        participle_modifier(lows, trig.tok)
    ):
        # "formed by ousted lawmakers", "called off the proposed talks": a description of the
        # noun after it
        return None
    if not ctx.speaker and trig.type == "criticism" and reported_only(lows, trig) and (
        SAYING.isdisjoint(lows)
    ):
        # "Russian jets violated Polish airspace": told, not said by anyone (but "the intrusion
        # violated China's sovereignty, Tan said" is Tan's judgement)
        return None
    if trig.type == "consult" and lows[trig.tok] == "discussed" and (
        any(other.type in CONSULT_TRIGGERS and other is not trig for other in ctx.triggers)
        or not _MEETING_SUBJECTS.isdisjoint(lows[max(0, trig.tok - 3) : trig.tok])
    ):
        # "During the call, both sides discussed ...": said of the call; "They discussed the
        # single market", "The two sides also discussed bilateral relations": what the
        # meeting told before dealt with, not talks of their own
        return None
    held = None
    if refers_back(lows, trig, ctx.lex, ctx.mentioned):
        # "after the talks", "at a summit": an act told before, or a setting; but "about the
        # OIC summit, which is to be held in Astana" tells a gathering by a relative clause of
        # its own
        if trig.type in GATHERING_TYPES and lows[trig.tok_end - 1] in GATHERING_NOUNS:
            held = holding_status(lows, trig.tok_end)
        if (held is None or not (held[1] or _body_gathering_held(ctx, trig, held))) and (
            trig.type not in ONE_SIDE_MEASURES or clause.starts[trig.tok] in ctx.heads
            or any(e.type == trig.type for e in (*ctx.earlier_events[-_TOLD_REACH:], *ctx.out))
        ):
            # (but "the aid", "the strikes" with no measure of the kind told before in the
            # article, nor an act before it in its clause ("summoned the envoy over the
            # shelling"): one the reader is taken to know, an act to record all the same)
            return None
    if trig.tok_end < len(lows) and _nothing_made(lows, trig.tok_end):
        return None  # "offered no further details", "Tokyo had offered nothing in return"
    lo = clause.starts[trig.tok]
    if ctx.lex.blocked(
        lows, lo, trig.tok, clause.end_of(trig.tok), ctx.denial_end, trig.type in COERCIVE,
        ctx.caps, trig.tok_end, trig.type in SPEECH_ACTS and _made_by_named(tokens, trig),
    ):
        return None
    if in_condition(lows, lo, trig, ctx.caps):
        return None  # "threatening sanctions if a 'deal' is not reached": no deal is told
    if trig.tok < ctx.renamed_until:
        return None  # said of the act renamed: "an initiative reportedly supported by Putin"
    if ctx.out and renames_last_act(lows, trig):
        ctx.renamed_until = clause.end_of(trig.tok)
        return None  # "confirmed Trump's willingness to meet Putin, an initiative ...": renamed
    if trig.type == "agreement" and _agreed_view(lows, trig, clause.end_of(trig.tok)):
        return None  # "the leaders agreed that security should be driven by the region": a view
    if trig.type == "talks" and _mediated_noun(lows, trig, ctx.triggers):
        return None  # "a deal mediated by the UAE": who mediated the deal, not talks of their own
    if trig.type in SPEECH_ACTS and _text_turned_down(lows, trig, ctx.out):
        return None  # "Russia vetoed a resolution condemning ...": no one condemned
    if trig.type in SPEECH_ACTS and _unnamed_speaker(tokens, lows, lo, trig, ctx.sm):
        return None  # "protesters rallied to protest ...", "Blair's role was criticised"
    return lo, held


def _body_gathering_held(ctx: SentenceContext, trig: Trigger, held: tuple[str, bool]) -> bool:
    """A body's gathering told held by its own predicate: "The 64th Mercosur summit took place
    on Monday", "The ECOWAS summit in Abuja ended on Sunday" (the body's summit, news of its
    own; "the summit took place" with no body named is the one told before)."""
    return held[0] == "occurred" and convening_body(trig, ctx.tokens) is not None and not any(
        e.type in GATHERING_TYPES for e in (*ctx.earlier_events[-_TOLD_REACH:], *ctx.out)
    )


_NONE_MADE = frozenset({"no", "nothing", "none"})
_NOT_OBJECT_NEGATION = frozenset({"longer", "later", "sooner", "less", "more", "doubt", "one"})


def _nothing_made(lows: list[str], after: int) -> bool:
    """Does "no" or "nothing" open the object of the trigger's verb ("offered no details",
    "offered nothing in return": nothing was offered; but "sanctions no longer apply")?"""
    return lows[after] in _NONE_MADE and (
        after + 1 >= len(lows) or lows[after + 1] not in _NOT_OBJECT_NEGATION
    )


_NAMED_ACTS = frozenset({"meeting", "agreement"})


def _names_a_meeting(tokens: Tokens, trig: Trigger) -> bool:
    """ "the G20 Summit", "the OIC Summit on Science", "the 1974 Land Boundary Agreement": a
    meeting's or a deal's name ends in the word that tells the act (not "the Summit Hotel",
    "the Agreement Implementation Committee")."""
    end = trig.tok_end
    return trig.type in _NAMED_ACTS and (end >= len(tokens) or not tokens[end].cap)


_REPORTED_ONLY = lexicon.words("reported_judgements")


def reported_only(lows: list[str], trig: Trigger) -> bool:
    """Is the trigger a judgement that is a speech act only in someone's words ("X violated
    the truce, Lavrov said"; said by no one, it is the story's own account)?"""
    return " ".join(lows[trig.tok : trig.tok_end]) in _REPORTED_ONLY


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


_AGREEING = frozenset({"agreed", "agree", "agrees"})
_VIEW_MODALS = lexicon.words("view_modals")
_VIEW_REACH = 10  # words of the that-clause's subject: "that their two foreign ministers"
_COMMITTING_MODALS = frozenset({"will", "would", "shall"})


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


def _mediated_noun(lows: list[str], trig: Trigger, triggers: Sequence[Trigger]) -> bool:
    """Is the trigger a participle with its agent ("mediated by", "brokered by") right after
    another act's noun ("a deal mediated by the United Arab Emirates")?"""
    if not lows[trig.tok].endswith("ed") or trig.tok_end >= len(lows) or lows[trig.tok_end] != "by":
        return False
    return any(t.tok_end == trig.tok and t.type != "none" for t in triggers)


_TEXT_NOUNS = lexicon.words("voted_text_nouns")


def _text_turned_down(lows: list[str], trig: Trigger, found: list[ExtractedEvent]) -> bool:
    """Is the speech act what a text says ("a resolution condemning the annexation") whose
    adoption the sentence has just told rejected ("vetoed", "blocked")? Then it was never said."""
    if not lows[trig.tok].endswith("ing") or not any(e.type == "rejection" for e in found):
        return False
    # the text's noun right before, or before a phrase of time or place ("a resolution in
    # late October calling for pauses")
    for k in range(trig.tok - 1, max(-1, trig.tok - 1 - _TEXT_REACH), -1):
        if lows[k] in _TEXT_NOUNS:
            return True
        if not lows[k].isalpha() or looks_like_verb(lows[k]):
            return False
    return False


_TEXT_REACH = 8  # words between a text's noun and what it says: "in the Security Council on Friday"


_UNNAMED = lexicon.words("unnamed_speakers")
_JUDGING_TYPES = frozenset({"criticism", "support"})  # "was criticised", "was praised"
_SUBJECT_REACH = 8  # words back from the trigger to its subject


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
        and trig.tok >= 1 and lows[trig.tok - 1] in BE_PASSIVE
        and lows[trig.tok].endswith("ed")
        and not any(
            lows[k] == "by" for k in range(trig.tok_end, min(len(lows), trig.tok_end + 6))
        )
        and not trig.roles
    )


# Checks that need the act's parties or status, run once those are read.

_TALKS_NOUNS = lexicon.words("talks_nouns")
_MEANS_PREPOSITIONS = lexicon.words("talks_as_means")
_COORDINATORS = frozenset({"and", "or", "but"})
_MEANS_REACH = 3  # words between the preposition and the noun: "through a peaceful bilateral"


def talks_as_means(lows: list[str], trig: Trigger) -> bool:
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


_SEIZING_POWER = lexicon.words("seizing_power_words")


def force_by_lone_person(lows: list[str], trig: Trigger, actors: Parties) -> bool:
    """ "Trump announced the 'precision strikes'", "the worst violence since Bakiyev was
    ousted": force used is a state's or an armed group's on someone; a lone person named with
    it tells of it or suffers it (but "Goita, who led the August coup" seized power)."""
    return (
        len(actors) == 1 and actors[0][0].kind == "person"
        and lows[trig.tok] not in _SEIZING_POWER
    )
