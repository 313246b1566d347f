"""Layer: event patterns as data (data/patterns.json), in the manner of CAMEO's verb patterns.

A pattern anchors on a verb and reads the words and the parties around it: "invite + PARTY +
to visit" is a proposed meeting whose target is the one invited; "was invited by PARTY" makes
the by-agent the initiator; "met + its commitments" is no meeting at all (CAMEO's ``[---]``).
Matching is anchored and every element is bounded (a gap of at most N tokens), so the work per
token is constant: time stays linear in the length of a sentence.

``PatternSet.apply`` takes the triggers the lexicon found and returns them with the patterns'
triggers added (a pattern's trigger replaces a lexicon trigger of its type inside its match:
"impose sanctions on Russia" is one act, read from the verb) and the discarded ones removed.
A trigger from a pattern carries its slots: (first token of the party, role).
"""

from __future__ import annotations

import json
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from itertools import compress

from tracker.extract import lexicon
from tracker.extract.actors import TITLE_WORDS, Actor, Mention
from tracker.extract.arguments import SentenceMentions
from tracker.extract.events import Trigger
from tracker.extract.tokens import DOUBLE_QUOTES, PhraseIndex, Token, Tokens, gerund, phrase_key

_SLOTS = frozenset({"PARTY", "PARTY+", "PARTY's", "PERSON"})
# element kinds as small ints, tested in the matcher's hot loop (an int test is cheaper than
# a string comparison)
_GAP, _NOT, _ABSENT, _EMPTY_END, _OPTIONAL, _WORDS, _VERB, _PARTY, _PARTY_PLUS = range(9)
_PARTYS, _PERSON, _GERUND = 9, 10, 11
_CODES = {
    "gap": _GAP, "not": _NOT, "absent": _ABSENT, "end": _EMPTY_END, "optional": _OPTIONAL,
    "words": _WORDS, "verb": _VERB, "PARTY": _PARTY, "PARTY+": _PARTY_PLUS, "PARTY's": _PARTYS,
    "PERSON": _PERSON, "gerund": _GERUND,
}


@dataclass(frozen=True, slots=True)
class Element:
    kind: str  # words, optional, not, gap, verb, gerund, or a slot: PARTY, PARTY+, PARTY's, PERSON
    words: PhraseIndex | None = None
    longest: int = 1  # the longest phrase in ``words`` (for matching leftwards)
    size: int = 0  # a gap's most tokens
    lists: bool = False  # a gap that reads through a list ("food, medicine and fuel")
    role: str | None = None
    code: int = -1  # ``kind`` as one of the ints above (set by ``_coded``)
    # the first words of ``words`` (a "words", "optional", "not" or "absent" element), and for
    # a gap, what can stand where the elements after it start (see _Opening): where they
    # cannot, the matcher does not try them
    firsts: frozenset[str] | None = None
    then: _Opening | None = None


# What the elements from one on can start with: one of the words (or a quote mark before one:
# words are read through quotes), or, if the flag is set, a party (a name, a capitalised title
# before one, "of" inside a title). None: anything (a gap, a bare verb, the pattern's end).
_Opening = tuple[frozenset[str], bool]
_NO_WORDS: frozenset[str] = frozenset()


def _coded(elements: list[Element]) -> tuple[list[Element], _Opening | None]:
    """The elements with their int kinds and the openings that let the matcher skip a
    position where the next elements cannot start; and the opening of them all."""
    opens: list[_Opening | None] = [None] * (len(elements) + 1)
    for e in range(len(elements) - 1, -1, -1):
        el, after = elements[e], opens[e + 1]
        if el.kind == "words":
            opens[e] = (frozenset(el.words.by_first), False)  # type: ignore[union-attr]
        elif el.kind == "optional":  # its words, or what follows it
            opens[e] = None if after is None else (
                after[0] | frozenset(el.words.by_first), after[1]  # type: ignore[union-attr]
            )
        elif el.kind in _SLOTS:
            opens[e] = (_NO_WORDS, True)
        elif el.kind in ("not", "absent", "end"):  # they read no token
            opens[e] = after
    out = [
        replace(
            el, code=_CODES[el.kind],
            firsts=frozenset(el.words.by_first) if el.words is not None else None,
            then=opens[e + 1] if el.kind == "gap" else None,
        )
        for e, el in enumerate(elements)
    ]
    return out, opens[0]


@dataclass(frozen=True, slots=True)
class Pattern:
    before: tuple[Element, ...]  # matched leftwards from the anchor, nearest first
    after: tuple[Element, ...]
    type: str | None  # None: no event at the anchor
    status: str | None
    weight: float
    only: frozenset[str] | None  # a discard's trigger types (None: any)
    # for each word element it must match, the words one of its phrases starts with: a
    # sentence without them is not tried (most sentences)
    required: tuple[frozenset[str], ...] = ()
    opens: _Opening | None = None  # what the elements after the anchor can start with


_MEMO_LIMIT = 4096  # sets of required words remembered (a bound for a long run)
_TITLE_REACH = 5  # words of a title before a person's name
_HARD_STOPS = frozenset({".", ";", ":"})  # what even a list-reading gap does not cross
_END = "^"  # in a pattern: the trigger ends here ("impose sanctions ^ on PARTY")


@dataclass(slots=True)
class _Sentence:
    tokens: list[Token]
    lows: list[str]
    starts: dict[int, Mention]  # first token -> the named party starting there
    # Quotation marks are transparent to words ("a \"grave mistake\""): the words without
    # them and where each of them stands.
    plain: list[str] | None = None
    plain_at: list[int] | None = None
    ends: dict[int, Mention] | None = None  # token after a party -> the party (on demand)

    def party_before(self, pos: int) -> Mention | None:
        """The party named just before ``pos`` (the longest that ends there)."""
        if self.ends is None:
            self.ends = {}
            for m in self.starts.values():
                if m.tok_end not in self.ends or self.ends[m.tok_end].tok > m.tok:
                    self.ends[m.tok_end] = m
        return self.ends.get(pos)

    def party_at(self, pos: int) -> Mention | None:
        """The party named at ``pos``, or a person named after a title written before the
        name: "Nigerian President Bola Tinubu", "Secretary of State Antony Blinken"."""
        m = self.starts.get(pos)
        if m is not None:
            return m
        for k in range(pos, min(pos + _TITLE_REACH, len(self.tokens))):
            if k in self.starts:
                m = self.starts[k]
                return m if m.actor.kind == "person" and k > pos else None
            # (a title's words in lower case too: "Turkish Cypriot leader Mustafa Akinci")
            if not (self.tokens[k].cap or self.lows[k] == "of" or self.lows[k] in TITLE_WORDS):
                return None
        return None

    def may_open(self, opening: _Opening, pos: int) -> bool:
        """Can elements with this opening start at ``pos``? (False: they cannot match there.)"""
        if pos >= len(self.lows):
            return False
        low = self.lows[pos]
        words, party = opening
        return low in words or (self.plain is not None and low in DOUBLE_QUOTES) or (
            party and (
                pos in self.starts or self.tokens[pos].cap or low == "of" or low in TITLE_WORDS
            )
        )  # see party_at

    def words_end(self, words: PhraseIndex, pos: int) -> int | None:
        """Where a phrase of ``words`` that starts at ``pos`` ends, reading through quotes."""
        hit = words.match_at(self.lows, pos)
        if hit:
            return pos + hit[0]
        if self.plain is None:
            return None
        assert self.plain_at is not None
        q = bisect_left(self.plain_at, pos)  # the first unquoted word at or after pos
        hit = words.match_at(self.plain, q) if q < len(self.plain) else None
        return self.plain_at[q + hit[0] - 1] + 1 if hit else None


class PatternSet:
    """The patterns of data/patterns.json, indexed by anchor word."""

    def __init__(self, document: dict) -> None:
        self._lists: dict[str, list[str]] = dict(document["synsets"])
        self.gap_stops = frozenset(document["gap_stops"])
        self.not_bare_verbs = frozenset(document["not_bare_verbs"])
        self.by_anchor: dict[str, list[Pattern]] = {}
        self.on_triggers: list[Pattern] = []
        for entry in document["patterns"]:
            before = tuple(reversed(self._elements(entry.get("before", ""), leftwards=True)))
            coded, opens = _coded(self._elements(entry.get("after", ""), leftwards=False))
            after = tuple(coded)
            pattern = Pattern(
                before=before,
                after=after,
                type=entry["type"],
                status=entry.get("status"),
                weight=float(entry.get("weight", 1.0)),
                only=frozenset(entry["only"]) if "only" in entry else None,
                required=tuple(
                    frozenset(el.words.by_first)  # type: ignore[union-attr]
                    for el in (*before, *after) if el.kind == "words"
                ),
                opens=opens,
            )
            if entry["verb"] == "TRIGGER":
                self.on_triggers.append(pattern)
                continue
            for word in self._words(entry["verb"]):
                self.by_anchor.setdefault(word, []).append(pattern)
        self.anchors = frozenset(self.by_anchor)
        # the words the trigger patterns require: which of them a sentence has decides which
        # patterns it tries (remembered per set of them: few sets recur)
        self._on_trigger_words = frozenset().union(
            *(words for p in self.on_triggers for words in p.required)
        )
        self._on_trigger_memo: dict[frozenset[str], list[Pattern]] = {}
        # likewise for the patterns of each anchor word (see _ready)
        self._anchor_words = {
            anchor: frozenset().union(*(words for p in patterns for words in p.required))
            for anchor, patterns in self.by_anchor.items()
        }
        self._anchor_memo: dict[tuple[str, frozenset[str]], list[Pattern]] = {}

    def _ready(self, anchor: str, words: set[str]) -> list[Pattern]:
        """The patterns of an anchor word whose required words the sentence has: the same for
        every sentence with the same of those words (remembered per anchor and that set)."""
        present = self._anchor_words[anchor].intersection(words)
        key = (anchor, present)
        ready = self._anchor_memo.get(key)
        if ready is None:
            ready = [
                p for p in self.by_anchor[anchor] if not any(map(present.isdisjoint, p.required))
            ]
            if len(self._anchor_memo) < _MEMO_LIMIT:
                self._anchor_memo[key] = ready
        return ready

    def _words(self, spec: str) -> list[str]:
        """The words an element or a verb accepts: 'a|b' alternatives, each a word or a &LIST."""
        words: list[str] = []
        for part in spec.split("|"):
            if part.startswith("&"):
                name = part[1:]
                words.extend(self._lists[name] if name in self._lists else lexicon.cues()[name])
            else:
                words.append(part)
        return words

    def _index(self, spec: str) -> tuple[PhraseIndex, int]:
        keys = [phrase_key(p) for p in self._words(spec)]
        return PhraseIndex({k: True for k in keys}), max(len(k) for k in keys)

    def _elements(self, spec: str, leftwards: bool) -> list[Element]:
        out: list[Element] = []
        for part in spec.split():
            slot, _, role = part.partition(":")
            if slot in _SLOTS:
                if leftwards and slot not in ("PARTY", "PARTY's"):
                    raise ValueError(f"only PARTY or PARTY's goes before the anchor: {spec!r}")
                out.append(Element(slot, role=role or None))
            elif part in ("VERB", "GERUND"):
                if leftwards and part == "GERUND":
                    raise ValueError(f"a gerund only follows the anchor: {spec!r}")
                out.append(Element("verb" if part == "VERB" else "gerund"))
            elif part == "^":
                out.append(Element("end"))
            elif part.startswith("..."):
                lists = part.endswith("+")
                out.append(Element("gap", size=int(part[3:].rstrip("+")), lists=lists))
            elif part.startswith("!..."):  # "!...60 from": no "from" in the next 60 tokens
                size, _, spec = part[4:].partition(":")
                words, longest = self._index(spec)
                out.append(Element("absent", words, longest, size=int(size)))
            elif part.startswith("!"):
                words, longest = self._index(part[1:])
                out.append(Element("not", words, longest))
            elif part.endswith("?"):
                words, longest = self._index(part[:-1])
                out.append(Element("optional", words, longest))
            else:
                words, longest = self._index(part)
                out.append(Element("words", words, longest))
        return out

    def apply(
        self, tokens: Tokens, lows: list[str], mentions: list[Mention],
        triggers: list[Trigger],
    ) -> list[Trigger]:
        words = tokens.words
        anchored = not self.anchors.isdisjoint(words)
        if not anchored and not triggers:
            return triggers
        # a pattern is tried only if the sentence has a first word of each of its word elements
        on_triggers: list[Pattern] = []
        if triggers:
            # words & required == present & required: the required words present are the key
            present = self._on_trigger_words.intersection(words)
            memo = self._on_trigger_memo
            on_triggers = memo.get(present)  # type: ignore[assignment]
            if on_triggers is None:
                on_triggers = [
                    p for p in self.on_triggers if not any(map(present.isdisjoint, p.required))
                ]
                if len(memo) < _MEMO_LIMIT:
                    memo[present] = on_triggers
        # the anchors in the sentence with the patterns that can match there, in order
        anchored_tries: list[tuple[int, list[Pattern]]] = []
        if anchored:
            anchors = self.anchors
            for k in compress(range(len(lows)), map(anchors.__contains__, lows)):  # scan in C
                ready = self._ready(lows[k], words)
                if ready:
                    anchored_tries.append((k, ready))
        if not anchored_tries and not on_triggers:
            return triggers  # most sentences
        starts: dict[int, Mention] = {}
        for m in mentions:  # the longest party named at each position
            longer = m.tok not in starts or starts[m.tok].tok_end <= m.tok_end
            if m.source != "pronoun" and longer:
                starts[m.tok] = m
        sentence = _Sentence(tokens, lows, starts)
        if not DOUBLE_QUOTES.isdisjoint(lows):
            sentence.plain_at = [k for k, low in enumerate(lows) if low not in DOUBLE_QUOTES]
            sentence.plain = [lows[k] for k in sentence.plain_at]
        found: list[tuple[Trigger, int, int]] = []  # (trigger, match start, match end)
        discards: list[tuple[int, frozenset[str] | None]] = []
        for k, ready in anchored_tries:
            for pattern in ready:
                matched = self._match(pattern, sentence, k)
                if matched is None:
                    continue
                start, end, slots = matched
                if pattern.type is None:
                    discards.append((k, pattern.only))
                else:
                    # "impose sanctions ^ on Russia": the trigger spans the verb and its noun
                    trigger_end = next((pos for pos, role in slots if role == _END), k + 1)
                    trig = Trigger(pattern.type, pattern.status, pattern.weight, k, trigger_end,
                                   tuple((tok, role) for tok, role in slots if role != _END))
                    found.append((trig, start, end))
                break  # the first pattern that matches an anchor reads it
        for trig in triggers if on_triggers else ():
            if trig.type == "none":
                continue
            for pattern in on_triggers:
                if pattern.only is not None and trig.type not in pattern.only:
                    continue
                matched = self._match(pattern, sentence, trig.tok, trig.tok_end)
                if matched is None:
                    continue
                if pattern.type is None:
                    discards.append((trig.tok, pattern.only))
                else:  # the trigger's own type, with the parties the pattern names
                    found.append((trig._replace(roles=tuple(matched[2])), trig.tok, trig.tok))
                break
        if not found and not discards:
            return triggers
        # (looked up by position, not pair by pair: a sentence with many matches stays linear)
        discarded: dict[int, list[frozenset[str] | None]] = {}
        for k, only in discards:
            discarded.setdefault(k, []).append(only)
        read = {p.tok for p, _, _ in found}
        spans: dict[str, list[tuple[int, int]]] = {}  # type -> (start, end) of each match
        for p, a, b in found:
            spans.setdefault(p.type, []).append((a, b))
        longest = max(b - a for _, a, b in found) if found else 0
        for by_type in spans.values():
            by_type.sort()

        def dropped(t: Trigger) -> bool:
            return any(only is None or t.type in only for only in discarded.get(t.tok, ()))

        def named(t: Trigger) -> bool:
            """Does a match of its type span it (the act the pattern names)?"""
            by_type = spans.get(t.type)
            if not by_type:
                return False
            i = bisect_left(by_type, (t.tok - longest, -1))
            while i < len(by_type) and by_type[i][0] < t.tok_end:
                if t.tok < by_type[i][1]:
                    return True
                i += 1
            return False

        kept = [
            t for t in triggers
            if not dropped(t) and t.tok not in read and not named(t)
        ]  # the pattern reads the anchor's word, and the act it names
        kept.extend(p for p, _, _ in found if not dropped(p))
        return sorted(kept, key=lambda t: t.tok)

    def _match(
        self, pattern: Pattern, s: _Sentence, k: int, k_end: int | None = None
    ) -> tuple[int, int, list[tuple[int, str]]] | None:
        pos = k + 1 if k_end is None else k_end
        if pattern.opens is not None and not s.may_open(pattern.opens, pos):
            return None  # "said that the ...": no party where "that? the? PARTY" wants one
        slots: list[tuple[int, str]] = []
        start = self._leftwards(pattern.before, 0, s, k, slots)
        if start is None:
            return None
        end = self._rightwards(pattern.after, 0, s, pos, slots)
        if end is None:
            return None
        return start, end, slots

    def _rightwards(
        self, elements: tuple[Element, ...], e: int, s: _Sentence, pos: int,
        slots: list[tuple[int, str]],
    ) -> int | None:
        """Where the elements from ``e`` on, matched from ``pos``, end (None: no match)."""
        if e == len(elements):
            return pos
        el, lows, n = elements[e], s.lows, len(s.lows)
        code = el.code
        if code == _GAP:
            stops = _HARD_STOPS if el.lists else self.gap_stops
            then = el.then  # what the next elements open with: no try where it does not stand
            then_words, then_party = then if then is not None else (_NO_WORDS, True)
            quoted = s.plain is not None
            for skip in range(el.size + 1):
                at = pos + skip
                if skip and (at - 1 >= n or lows[at - 1] in stops):
                    return None
                if then is not None and (  # s.may_open(then, at), inlined
                    at >= n or lows[at] not in then_words
                    and not (quoted and lows[at] in DOUBLE_QUOTES)
                    and not (then_party and (
                        at in s.starts or s.tokens[at].cap or lows[at] == "of"
                        or lows[at] in TITLE_WORDS
                    ))
                ):
                    continue
                mark = len(slots)
                end = self._rightwards(elements, e + 1, s, at, slots)
                if end is not None:
                    return end
                del slots[mark:]
            return None
        if code == _WORDS:
            if pos >= n:
                return None
            if lows[pos] not in el.firsts and (  # type: ignore[operator]
                s.plain is None or lows[pos] not in DOUBLE_QUOTES
            ):
                return None
            end_at = s.words_end(el.words, pos)  # type: ignore[arg-type]
            return None if end_at is None else self._rightwards(elements, e + 1, s, end_at, slots)
        if code == _OPTIONAL:
            hit = (
                el.words.match_at(lows, pos)  # type: ignore[union-attr]
                if pos < n and lows[pos] in el.firsts else None  # type: ignore[operator]
            )
            if hit:
                end = self._rightwards(elements, e + 1, s, pos + hit[0], slots)
                if end is not None:
                    return end
            return self._rightwards(elements, e + 1, s, pos, slots)
        if code == _NOT:
            if pos < n and lows[pos] in el.firsts and el.words.match_at(  # type: ignore
                lows, pos
            ):
                return None
            return self._rightwards(elements, e + 1, s, pos, slots)
        if code == _ABSENT:
            firsts, stops = el.firsts, self.gap_stops
            for k in range(pos, min(n, pos + el.size)):
                low = lows[k]
                if low in stops:
                    break
                if low in firsts and el.words.match_at(lows, k):  # type: ignore
                    return None
            return self._rightwards(elements, e + 1, s, pos, slots)
        if code == _EMPTY_END:
            slots.append((pos, _END))
            end = self._rightwards(elements, e + 1, s, pos, slots)
            if end is None:
                slots.pop()
            return end
        if pos >= n:
            return None
        if code == _VERB:
            t = s.tokens[pos]
            if t.cap or not t.low.isalpha() or t.low in self.not_bare_verbs or t.low.endswith(
                ("ing", "ed", "s")
            ):
                return None
            return self._rightwards(elements, e + 1, s, pos + 1, slots)
        if code == _GERUND:
            t = s.tokens[pos]
            if t.cap or not gerund(t.low):
                return None
            return self._rightwards(elements, e + 1, s, pos + 1, slots)
        m = s.party_at(pos)
        if m is None or (code == _PERSON and m.actor.kind != "person"):
            return None
        if code == _PARTYS:
            last = s.tokens[m.tok_end - 1]
            if last.text == last.base and not last.low.endswith("'s"):
                return None
        mark = len(slots)
        slots.append((m.tok, el.role or ""))
        end_at = m.tok_end
        if code == _PARTY_PLUS:
            # "help Serbia and Kosovo build", "press President A and leader B to"
            while end_at + 1 < n and lows[end_at] in ("and", ",") and (
                (listed := s.party_at(end_at + 1)) is not None
            ):
                slots.append((listed.tok, el.role or ""))
                end_at = listed.tok_end
        end = self._rightwards(elements, e + 1, s, end_at, slots)
        if end is None:
            del slots[mark:]
        return end

    def _leftwards(
        self, elements: tuple[Element, ...], e: int, s: _Sentence, pos: int,
        slots: list[tuple[int, str]],
    ) -> int | None:
        """Where the elements from ``e`` on, matched leftwards to end at ``pos``, start."""
        if e == len(elements):
            return pos
        el, lows = elements[e], s.lows
        if el.kind == "gap":
            stops = _HARD_STOPS if el.lists else self.gap_stops  # as rightwards
            for skip in range(el.size + 1):
                if skip and (pos - skip < 0 or lows[pos - skip] in stops):
                    return None
                start = self._leftwards(elements, e + 1, s, pos - skip, slots)
                if start is not None:
                    return start
            return None
        if el.kind == "not":
            if pos > 0 and _ends_at(el, lows, pos):
                return None
            return self._leftwards(elements, e + 1, s, pos, slots)
        if el.kind == "absent":  # "!...2:was|is": none of the words in the 2 tokens before
            for k in range(pos - 1, max(-1, pos - 1 - el.size), -1):
                if lows[k] in self.gap_stops:
                    break
                if _ends_at(el, lows, k + 1):
                    return None
            return self._leftwards(elements, e + 1, s, pos, slots)
        if el.kind == "optional":
            length = _ends_at(el, lows, pos)
            if length:
                start = self._leftwards(elements, e + 1, s, pos - length, slots)
                if start is not None:
                    return start
            return self._leftwards(elements, e + 1, s, pos, slots)
        if el.kind in ("PARTY", "PARTY's"):  # "Russia's war in Ukraine", "Russian shelling"
            m = s.party_before(pos)
            if m is None:
                return None
            last = s.tokens[m.tok_end - 1]
            possessive = last.text != last.base or last.low.endswith("'s")
            if possessive != (el.kind == "PARTY's"):
                return None
            slots.append((m.tok, el.role or ""))
            start = self._leftwards(elements, e + 1, s, m.tok, slots)
            if start is None:
                slots.pop()
            return start
        length = _ends_at(el, lows, pos)
        return None if not length else self._leftwards(elements, e + 1, s, pos - length, slots)


def _ends_at(el: Element, lows: list[str], pos: int) -> int:
    """The length of the longest phrase of ``el`` that ends just before ``pos`` (0: none)."""
    for length in range(min(el.longest, pos), 0, -1):
        hit = el.words.match_at(lows, pos - length)  # type: ignore[union-attr]
        if hit and hit[0] == length:
            return length
    return 0


@lru_cache(maxsize=1)
def patterns() -> PatternSet:
    text = resources.files("tracker.extract.data").joinpath("patterns.json").read_text("utf-8")
    return PatternSet(json.loads(text))


def slot_roles(
    actors: list[tuple[Actor, str]], trig: Trigger, sm: SentenceMentions
) -> list[tuple[Actor, str]]:
    """The parties with the roles the pattern's slots give them, initiators first.

    A by-agent slot ("sanctions imposed by the EU") makes the clause's other parties its
    targets; a target slot ("invited Tinubu to visit") makes the others its initiators."""
    given: dict[str, tuple[Actor, str]] = {}
    referred: set[str] = set()  # named by "the two countries" only
    last_slot = max(tok for tok, _ in trig.roles)
    for tok, role in trig.roles:
        if not role:
            continue
        for m in sm.between(tok, tok + 1):
            for actor in (m.government, m.actor):
                if actor is not None and actor.name not in given:
                    given[actor.name] = (actor, role)
                    if m.source == "pair":
                        referred.add(actor.name)
    if not given:
        return actors
    roles = {role for _, role in given.values()}
    if "initiator" in roles and "target" in roles:
        # "Russia's war in Ukraine": the pattern names both sides; the sentence's other
        # parties are none of this act's
        return sorted(given.values(), key=lambda pair: pair[1] != "initiator")
    out: list[tuple[Actor, str]] = []
    # "Chile will recall its ambassador from Venezuela": with only a target slot, a party named
    # before the trigger (its subject) acts, whatever role its possessive gave it
    named_before = (
        {m.actor.name for m in sm.between(max(0, trig.tok - _SUBJECT_REACH), trig.tok)}
        if "initiator" not in roles else set()
    )
    for actor, role in actors:
        if actor.name in given:
            role = given.pop(actor.name)[1]
        elif "initiator" in roles:
            role = "target"
        elif "target" in roles and (role == "participant" or actor.name in named_before):
            role = "initiator"
        out.append((actor, role))
    # "Xi stressed to Trump that the two countries should ...": the two leaders' states, told
    # by a reference to both sides, are no further parties
    persons = {a.country for a, _ in out if a.kind == "person" and a.country}
    out.extend(
        (a, r) for a, r in given.values()
        if not (a.name in referred and a.kind == "state" and a.country in persons)
    )
    if "initiator" in roles and all(role == "initiator" for _, role in out):
        # "drew criticism from Beijing, which accused Manila": the one the sentence goes on to
        # name, after the agent's clause
        names = {a.name for a, _ in out}
        after = sm.between(sm.clauses.end_of(last_slot), len(sm.tokens))[:2]
        out.extend((m.actor, "target") for m in after if m.actor.name not in names)
    return sorted(out, key=lambda pair: pair[1] != "initiator")


_SUBJECT_REACH = 12  # words before a trigger where its subject stands (bounded: linear time)


def has_agent(trig: Trigger) -> bool:
    """Does a pattern name the trigger's initiator after it (a by-agent, "from Beijing")?"""
    return any(role == "initiator" for _, role in trig.roles)
