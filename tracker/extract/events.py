"""Event candidates in one sentence: trigger words, status from modality cues, blocking cues."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.extract import lexicon
from tracker.extract.tokens import PhraseIndex, Token, phrase_key


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    status: str | None  # a status the phrase itself fixes ("called off" → cancelled)
    weight: float  # below 1: a weak trigger that needs two parties ("spoke", "call")
    tok: int
    tok_end: int


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
        self.clause_breaks = frozenset(cues["clause_breaks"])
        self.relative_openers = frozenset(cues["relative_openers"])
        self.subordinators = frozenset(cues["subordinators"])
        self.verb_forms = frozenset(cues["verb_forms"])
        self.proposal_verbs = frozenset(cues["proposal_verbs"])

    def find_triggers(self, lows: list[str]) -> list[Trigger]:
        return [
            Trigger(value[0], value[1], value[2], a, b)  # type: ignore[index]
            for a, b, value in self.triggers.find_all(lows)
        ]

    def clause_starts(self, tokens: list[Token]) -> list[int]:
        """For each token, the index where its clause starts."""
        starts, current = [], 0
        resume: int | None = None  # the clause a ", which ...," insertion interrupts
        n = len(tokens)
        # "Despite having spoken with Biden, Trump ...": the opening phrase ends at its comma.
        opening = bool(tokens) and tokens[0].low in self.subordinators
        for i, t in enumerate(tokens):
            if opening and t.text == ",":
                opening = False
                current = i + 1
            elif t.text in (";", ":", "—", "–", "(") or (
                t.text == "," and i + 1 < n and tokens[i + 1].low in self.clause_breaks
            ):
                if t.text == "," and tokens[i + 1].low in self.relative_openers:
                    resume = current
                else:
                    resume = None
                current = i + 1
            elif t.text == "," and resume is not None:
                current, resume = resume, None  # "Russia, which ..., criticised": back to Russia
            elif t.low in ("and", "but") and i + 1 < n and self._is_verb(tokens[i + 1].low):
                current = i  # "held talks ... and signed two statements": a second act
            starts.append(current)
        return starts

    def _is_verb(self, low: str) -> bool:
        return low in self.verb_forms or (low.endswith("ed") and len(low) > 4)

    def status_for(
        self, lows: list[str], lo: int, hi: int, inherent: str | None, coercive: bool = True
    ) -> str:
        """The strongest status cue in lows[lo:hi] (cancelled beats planned); else occurred.

        Only a coercive act (sanctions, force) can be threatened: "the truce can be extended
        if both sides agree" sets a condition, not a threat."""
        if inherent:
            return inherent
        best = None
        for _, _, status in self.passive_cues.find_all(lows[hi : hi + 4]):
            return status  # type: ignore[return-value]
        for _, _, status in self.status_cues.find_all(lows[lo:hi]):
            if status == "threatened" and not coercive:
                continue
            if best is None or self.priority[status] < self.priority[best]:  # type: ignore[index]
                best = status  # type: ignore[assignment]
        return best or "occurred"

    def blocked(self, lows: list[str], lo: int, i: int, hi: int) -> bool:
        """A negation close before the trigger, or a hypothetical in its clause: no event."""
        start = max(lo, i - 7)
        for k in range(i - 1, start, -1):
            if lows[k] == "but":
                start = k + 1  # "was not opposed to closer ties but warned ...": a new scope
                break
        if lows[lo] == "no" or self.negations.find_all(lows[start:i]):
            return True
        if i > lo and lows[i - 1] == "any" and self.negations.find_all(lows[lo : i - 1]):
            return True  # "no date had been set for any deployment"
        if self.denials.find_all(lows[:i]):
            return True  # "Peskov denied that any agreement had been signed"
        return any(
            not (lows[lo + a] == "may" and _the_month(lows, lo + a))
            for a, _, _ in self.hypothetical.find_all(lows[lo : min(hi, i + 5)])
        )


_MONTH_CONTEXT = frozenset({
    "in", "since", "until", "till", "by", "early", "mid", "late", "of", "next", "last", "this",
    "from", "through", "end", "on", "before", "after", "during",
})


def _the_month(lows: list[str], k: int) -> bool:
    """ "in May", "May 5": the month, not the modal verb."""
    before = lows[k - 1] if k > 0 else ""
    after = lows[k + 1] if k + 1 < len(lows) else ""
    return before in _MONTH_CONTEXT or after[:1].isdigit()
