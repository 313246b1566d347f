"""Content: an act named inside another act of the same clause.

"urged Washington to meet", "refused to back an embargo", "agreed to hold talks", "rejected
Kenya's proposal": the first trigger of a clause heads it, and an act told as its object is its
content. ``read_as_content`` decides what the content is: a meeting proposed or agreed on (the
content is the event, with the head's parties and the status the head gives it), one side's
decision ("the EU has agreed to impose sanctions"), a request that is an act of its own beside
what it asks, or an act some party owns ("Kenya's proposal": told too).
"""

from __future__ import annotations

from tracker.extract import lexicon
from tracker.extract.actors import Actor
from tracker.extract.admission import ONE_SIDE_MEASURES
from tracker.extract.arguments import SentenceMentions, owned_act
from tracker.extract.context import Parties, SentenceContext
from tracker.extract.dates import _DATE_WORDS
from tracker.extract.discourse import (
    MEETING_TYPES,
    at_the_request,
    merge_actors,
    remove_event,
)
from tracker.extract.events import Trigger
from tracker.extract.parties import told_as_made
from tracker.extract.status import CALLED_OFF_STATUSES, cue_status
from tracker.extract.titles import event_title
from tracker.extract.tokens import gerund
from tracker.extract.types import ExtractedActor

_REQUESTING = lexicon.words("requesting_verbs")  # "requested a meeting", "asked for talks"


def read_as_content(
    ctx: SentenceContext, trig: Trigger, lo: int, event_type: str, actors: Parties
) -> tuple[str | None, Parties] | None:
    """The status the clause's head gives the act (None: the act's own) and its parties, or
    None when the act is not to be recorded as an event of its own here."""
    tokens, lows, sm, lex = ctx.tokens, ctx.lows, ctx.sm, ctx.lex
    out, heads, head_events = ctx.out, ctx.heads, ctx.head_events
    inherited = None
    keeps_head = False
    if lo in heads and _embedded(lows, heads[lo][0], trig) and not (
        _own_subject_after_comma(lows, sm, heads[lo][0], trig)
    ) and not (
        event_type == "agreement" and told_as_made(lows, trig)
    ):  # "should implement the consensus reached by the two leaders": a deal made before
        head, head_type, head_actors = heads[lo]
        if head_type == "proposal" and lows[head.tok] in lex.proposal_verbs and (
            event_type in CONSULT_OR_ACT
        ):
            inherited = "proposed"
        elif head_type == "agreement" and event_type in ("call", "meeting", "talks"):
            agreed = _agreed_content(lows, head, trig)
            if agreed == "practice":
                return None  # "agreed to strengthen dialogue": the agreement is the act
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
        elif head_type == "agreement" and event_type in ONE_SIDE_MEASURES and (
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
                out.append(ctx.event(event_type, trig, status, owned, None))
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
            return None
        if not keeps_head:
            remove_event(out, head_events.get(lo))
            ctx.seen_types.discard(head_type)
        actors = merge_actors(head_actors, actors)
    return inherited, actors


_CONTENT_REACH = 14  # words from the head to an act that can be its content


def _own_subject_after_comma(
    lows: list[str], sm: SentenceMentions, head: Trigger, trig: Trigger
) -> bool:
    """ "In protest of Israel's refusal to release them, Jordan recalled its ambassador": a
    party after a comma, just before the verb, is the subject of a clause of its own, whose
    act is no content of the phrase before the comma."""
    if trig.tok - head.tok_end > _CONTENT_REACH:
        return False
    comma = next((k for k in range(trig.tok - 1, head.tok_end - 1, -1) if lows[k] == ","), None)
    if comma is None:
        return False
    return any(
        m.tok_end == trig.tok and m.tok in (comma + 1, comma + 2)
        for m in sm.between(comma + 1, trig.tok)
    )


def _other_target(
    head_actors: list[tuple[Actor, str]], actors: list[tuple[Actor, str]]
) -> bool:
    """Is a target of the governing act none of ``actors``?"""
    return any(
        r == "target" and all(a.name != b.name for b, _ in actors) for a, r in head_actors
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


_LINKS = frozenset({"to", "that", "for"})
_TIME_WORDS = _DATE_WORDS | {"weekend"}
_EMBEDDING_BREAKS = lexicon.words("embedding_breaks")


def _embedded(lows: list[str], head: Trigger, trig: Trigger) -> bool:
    """Is ``trig`` the content of ``head`` ("urged X to meet", "proposed opening talks")?"""
    if trig.tok - head.tok_end > _CONTENT_REACH:
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


_PACKAGE_NOUNS = lexicon.words("package_nouns")


def _appositive_clause(gap: list[str]) -> bool:
    """Does the gap hold a noun set beside the act with a relative clause of its own
    (", a move that drew ...")? What that clause tells is no content of the act."""
    for k in range(len(gap) - 2):
        if gap[k] == "," and gap[k + 1] in ("a", "an"):
            return any(w in ("that", "which") for w in gap[k + 2 :])
    return False


_CURRENCY = frozenset({"$", "€", "£", "¥", "us", "usd", "eur"})
_AMOUNT_WORDS = lexicon.words("amount_words")


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


_OBJECT_GAP_BLOCKERS = lexicon.words("object_gap_blockers")
