"""Event candidates in one sentence: trigger words, the compiled status cues (read by
``status``), blocking cues."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress, filterfalse
from operator import not_
from typing import NamedTuple

from tracker.extract import lexicon
from tracker.extract.clauses import WINDOW, clause_starts
from tracker.extract.tokens import PhraseIndex, Token, phrase_key


class Trigger(NamedTuple):  # made for every trigger word: cheaper than a frozen dataclass
    type: str
    status: str | None  # a status the phrase itself fixes ("called off" → cancelled)
    weight: float  # below 1: a weak trigger that needs two parties ("spoke", "call")
    tok: int
    tok_end: int
    # from an event pattern: (first token of a party, its role) for the parties it names
    roles: tuple[tuple[int, str], ...] = ()


def _adverb(word: str) -> bool:
    """An adverb in "-ly" that may stand inside a trigger phrase ("stands firmly with")."""
    return len(word) > 4 and word.endswith("ly") and word not in _NOT_ADVERBS


# the words of five letters or more in "-ly", in the words joined by spaces with a space around
# them (a literal first: the regex engine jumps from space to space)
_LONG_LY_WORDS = re.compile(r" ([^ ]{3,}ly)(?= )")
# words in "-ly" that are no adverbs, or that carry the meaning ("only", "jointly")
_NOT_ADVERBS = frozenset({
    "july", "italy", "rally", "supply", "reply", "family", "assembly", "anomaly", "monopoly",
    "jointly", "bilaterally", "multilaterally", "unilaterally", "personally", "virtually",
    "only", "early", "daily", "weekly", "monthly", "yearly", "quarterly", "likely", "unlikely",
    "formally", "officially", "publicly", "directly", "separately", "mutually", "finally",
})


class TriggerLexicon:
    """The trigger and cue word lists compiled into token-phrase indexes."""

    def __init__(self) -> None:
        phrases: dict[tuple[str, ...], tuple[str, str | None, float]] = {}
        for event_type, entries in lexicon.triggers().items():
            for entry in entries:
                phrase, status, weight = (entry, None, 1.0) if isinstance(entry, str) else (
                    entry[0], entry[1], entry[2] if len(entry) > 2 else 1.0)
                phrases.setdefault(phrase_key(phrase), (event_type, status, weight))
        # CAMEO's verb synonym sets widen the curated list; as weak triggers (they need two
        # parties) and never over a curated phrase.
        for event_type, forms in lexicon.cameo_triggers().items():
            for phrase in forms:
                phrases.setdefault(phrase_key(phrase), (event_type, None, 0.5))
        self.triggers = PhraseIndex(phrases)
        cues = lexicon.cues()
        status_phrases: dict[tuple[str, ...], str] = {}
        for status in reversed(cues["status_priority"]):
            for phrase in cues["status_cues"].get(status, ()):
                status_phrases[phrase_key(phrase)] = status
        self.status_cues = PhraseIndex(status_phrases)
        self.priority = {s: i for i, s in enumerate(cues["status_priority"])}
        # "the talks were postponed": a cue after the trigger, in the passive.
        self.passive_cues = PhraseIndex(
            {phrase_key(p): status for p in cues["passive_status_cues"]
             for status in ("cancelled" if "cancel" in p or "called" in p or "scrap" in p
                            else "postponed",)}
        )
        self.negations = PhraseIndex({phrase_key(p): True for p in cues["negations"]})
        self.denials = PhraseIndex({phrase_key(p): True for p in cues["denials"]})
        self.hypothetical = PhraseIndex({phrase_key(p): True for p in cues["hypothetical"]})
        self.verb_forms = frozenset(cues["verb_forms"])
        self.proposal_verbs = frozenset(cues["proposal_verbs"])

    def find_triggers(self, lows: list[str]) -> list[Trigger]:
        """The trigger phrases, longest first. A phrase of type "none" ("meeting point") is
        matched, so that the shorter trigger inside it is not, but is not returned. A word
        after a hyphen ends a compound adjective ("U.S.-hosted negotiations"): the noun after
        it is the act."""
        found = [
            Trigger(value[0], value[1], value[2], a, b)  # type: ignore[index]
            for a, b, value in self.triggers.find_all(lows)
            if value[0] != "none" and (a == 0 or lows[a - 1] != "-")  # type: ignore[index]
        ]
        joined = " ".join(lows)
        if "ly " not in joined + " ":
            return found  # no word ends in "-ly" (tokens hold no spaces: one search in C)
        # the words _adverb accepts, found in the joined words (in C)
        adverbs = set(_LONG_LY_WORDS.findall(f" {joined} ")) - _NOT_ADVERBS
        if not adverbs:
            return found
        # the positions and the words that are no adverbs (scans in C)
        kept = list(compress(range(len(lows)), map(not_, map(adverbs.__contains__, lows))))
        # "stands firmly with", "hit out sharply at": a phrase read through its adverbs, where
        # the words as written ("extremely concerned") gave none
        covered = {k for t in found for k in range(t.tok, t.tok_end)}
        words = list(filterfalse(adverbs.__contains__, lows))
        through = [
            Trigger(value[0], value[1], value[2], kept[a], kept[b - 1] + 1)  # type: ignore[index]
            for a, b, value in self.triggers.find_all(words)
            if b - a > 1 and value[0] != "none"  # type: ignore[index]
            and not covered.intersection(range(kept[a], kept[b - 1] + 1))
        ]
        return sorted(found + through, key=lambda t: t.tok) if through else found

    def clause_starts(self, tokens: list[Token]) -> list[int]:
        """For each token, the index where its clause starts (see ``clauses``)."""
        return clause_starts(tokens)

    def first_denial_end(self, lows: list[str]) -> int | None:
        """Where the sentence's first denial ("Peskov denied that ...") ends, if it has one."""
        found = self.denials.find_all(lows)
        return found[0][1] if found else None

    def blocked(
        self, lows: list[str], lo: int, i: int, hi: int, denial_end: int | None = -1,
        coercive: bool = False, caps: Sequence[bool] = (), i_end: int = 0,
        presupposed: bool = False,
    ) -> bool:
        """A negation close before the trigger, or a hypothetical in its clause: no event.
        A coercive act that someone "could" or "might" take is a threat, not a hypothetical
        (``coercive``: the modal before the trigger does not block it; after it, it does:
        "sanctions could hurt").

        An act told as made ("a request from Saudi Arabia": ``presupposed``) is not made
        hypothetical by what is said of it ("is considering a request from ...").
        A modal inside the trigger phrase itself (up to ``i_end``: "warned that the move could
        harm") is part of what it says, not a hypothetical.

        ``denial_end`` is ``first_denial_end(lows)`` when the caller has it (-1: not known).
        The clause is read at most ``WINDOW`` tokens back, so the work per trigger is bounded.
        """
        # "was not opposed to closer ties but warned ...": a new scope
        start = _scope_start(lows, max(lo, i - 7), i, clauses=True)
        if _another_verb(lows, start, i):
            start = i  # "denies supporting the rebels and accuses the West": a new predicate
        before = lows[start:i]
        if "," in before and caps:
            comma = len(before) - 1 - before[::-1].index(",")
            if start + comma + 1 < i and caps[start + comma + 1]:
                # "detained without charge, Jordan recalled its ambassador": a negation in a
                # phrase before the comma is not the clause's that its subject opens
                before = before[comma + 1 :]
        held_out = [k for k, w in enumerate(before) if w in HOLDING_OUT]
        if held_out:
            # "would not hesitate to close the embassy": the act is held out, not denied
            before = before[held_out[-1] + 1 :]
        if coercive and lows[i] in _RULING and i + 1 < len(lows) and lows[i + 1] == "out":
            before = []  # "did not rule out military force": force kept open, a threat
        negated = self.negations.find_all(before)
        if negated and _verb_group_after(before, negated[-1][1]):
            # "imports that are not yet taxed would face duties": the negation is the
            # relative clause's, and a verb group of its own follows
            before, negated = before[negated[-1][1] :], []
        if lows[lo] == "no" or negated or _contracted_not(before):
            return True  # "not", "never", "doesn't agree"
        if not _NEGATION_FILLERS.isdisjoint(before) and self.negations.find_all(
            [w for w in before if w not in _NEGATION_FILLERS]
        ):
            return True  # "failed on Wednesday to agree": a time inside the negation
        # "did not say how long it would last, but said ...": a new scope
        near = _scope_start(lows, max(lo, i - WINDOW), i)
        if i > lo and lows[i - 1] == "any" and self.negations.find_all(lows[near : i - 1]):
            return True  # "no date had been set for any deployment"
        if denial_end == -1:
            denial_end = self.first_denial_end(lows)
        if denial_end is not None and denial_end <= i and not _another_verb(lows, denial_end, i):
            return True  # "Peskov denied that any agreement had been signed"
        if presupposed:
            return False
        hypotheticals = self.hypothetical.find_all(lows[near : min(hi, i + 5)])
        return bool(hypotheticals) and any(  # (mostly none: no generator made)
            not (lows[near + a] == "may" and (
                _the_month(lows, near + a) or (near + a > 0 and caps and caps[near + a])
            ))  # "in May", "told May": the month or Theresa May, not the modal verb
            and not self._proposed_before(lows, near, near + a)
            and not (coercive and near + a < i and lows[near + a] in _THREAT_MODALS)
            and not i <= near + a < i_end
            # "is concerned that China could build a base": the modal is the content's
            and not (near + a > i and "that" in lows[max(i + 1, i_end) : near + a])
            for a, _, _ in hypotheticals
        )

    def _proposed_before(self, lows: list[str], near: int, at: int) -> bool:
        """ "suggested that India could host a peace summit": a possibility put forward is an
        offer, not a hypothetical (bounded: the words since ``near``)."""
        return any(
            lows[k] in self.proposal_verbs and lows[k + 1] == "that" for k in range(near, at - 1)
        )


_RULING = frozenset({"rule", "ruled", "rules", "ruling"})
_NEGATION_FILLERS = lexicon.words("negation_fillers")
# Modals with which a coercive act is held out as a threat: "said he could impose sanctions".
_THREAT_MODALS = frozenset({"could", "might", "potential"})  # not "may": also the month


def _scope_start(lows: list[str], a: int, i: int, clauses: bool = False) -> int:
    """Just after the last "but" among tokens a + 1 .. i - 1, or after the last subordinator
    that opens a clause of its own subject ("has done nothing since it agreed in Geneva": the
    negation is the main clause's; only with ``clauses``: a hypothetical still reaches into
    it), else a (searched in C)."""
    window = lows[a + 1 : i]
    start = a
    if "but" in window:
        start = i - window[::-1].index("but")
    if clauses and not _SUBORDINATORS.isdisjoint(window):
        for k in range(i - 2, start, -1):
            if lows[k] in _SUBORDINATORS and (
                lows[k + 1] in SUBJECT_PRONOUNS or lows[k + 1] == "the"
            ):
                # "ended with no agreement after the US refused ...": "no" is the noun's
                return k + 1
    return start


# a subordinate clause's opening and the pronoun that gives it a subject of its own
_SUBORDINATORS = frozenset({
    "since", "because", "after", "before", "when", "while", "although", "though", "once",
})
# the personal pronouns that open a clause as its subject ("since it agreed", "that it regrets")
SUBJECT_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i"})


def _another_verb(lows: list[str], start: int, i: int) -> bool:
    """ "Moscow denies supporting the rebels and accuses the West ...": the trigger at i is a
    verb of its own after "and" and an object, the subject's next act, not one denied or
    negated since ``start`` ("has not met and talked with" negates both verbs; "denied that
    Russia attacked and threatened" denies both)."""
    return (
        i - 2 > start and lows[i - 1] == "and" and len(lows[i]) > 4
        and lows[i].endswith(("es", "ed")) and "that" not in lows[start:i]
        and not lows[i - 2].endswith("ed") and lows[i - 2] not in _PAST_FORMS
    )


_PAST_FORMS = lexicon.words("verb_forms")
# "would not hesitate to": the negation is of holding back, the act after it is held out
HOLDING_OUT = lexicon.words("holding_out_words")


def _verb_group_after(words: list[str], k: int) -> bool:
    """A negated participle, then a modal that opens a verb group of its own, after words[k]
    ("not yet taxed would face": the modal's verb is not negated)."""
    for j in range(k, len(words) - 1):
        if words[j + 1] in _GROUP_MODALS and (
            words[j].endswith("ed") or words[j] in _PAST_FORMS
        ):
            return True
    return False


# modals that open a verb group of their own after a participle
_GROUP_MODALS = frozenset({"would", "will", "could", "can", "should", "must", "might", "shall"})


def _contracted_not(words: list[str]) -> bool:
    """Does a word end with "n't" ("doesn't")? Tokens hold no spaces: one search in C."""
    joined = " ".join(words) + " "
    return "n't " in joined or "n’t " in joined


_MONTH_CONTEXT = frozenset({
    "in", "since", "until", "till", "by", "early", "mid", "late", "of", "next", "last", "this",
    "from", "through", "end", "on", "before", "after", "during",
})


def _the_month(lows: list[str], k: int) -> bool:
    """ "in May", "May 5": the month, not the modal verb."""
    before = lows[k - 1] if k > 0 else ""
    after = lows[k + 1] if k + 1 < len(lows) else ""
    return before in _MONTH_CONTEXT or after[:1].isdigit()
