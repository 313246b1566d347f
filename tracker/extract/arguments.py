"""Layer 3: the arguments of a trigger (who acts, at whom, with whom) from the clause's slots.

The subject slot is the party named before the trigger in its clause (or the subject a
coordinated or participle clause shares with the sentence); the object and prepositional
slots are the parties named after it, up to a new phrase ("before", "for inviting ...", a
relative clause). Every lookup is bounded by ``WINDOW`` tokens around the trigger and uses
indexes built once per sentence, so the work per trigger is constant: time is linear in the
length of a sentence, however many triggers and mentions it holds.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate, compress
from operator import attrgetter

from tracker.extract import lexicon
from tracker.extract.actors import Actor, Mention, base_index
from tracker.extract.clauses import WINDOW, Clauses, looks_like_verb
from tracker.extract.events import Trigger
from tracker.extract.tokens import QUOTE_MARKS, Token, gerund
from tracker.extract.types import ExtractedEvent

# Event types whose parties take part side by side; the others go from initiator to target.
CONSULT = frozenset({"call", "meeting", "talks", "agreement"})
# Acts that are statements: they happened when reported.
SPEECH_ACTS = frozenset({"demand", "criticism", "support", "rejection"})
# Acts with parties on each side of a conversation: a person who only reports one is not
# among them.
MEETING_TYPES = frozenset({"call", "meeting", "talks"})

_PLACE_PARTY_TYPES = frozenset({"military"})  # "strikes in Pakistan": a place struck is a party
SEPARATORS = lexicon.words("separating_prepositions")
_LIST_STOPS = frozenset({";", "(", ")", "—", "–", ":"}) | SEPARATORS
_FINITE = lexicon.words("list_ending_verbs")
_RELATIVES = frozenset({"that", "which", "who", "whose"})
_SAYING_VERBS = lexicon.words("saying_verbs")
_REPORTED_ACT_TYPES = frozenset({"military"})
_OWNING_PRONOUNS = frozenset({"its", "their", "our"})
# "told Obama": to whom; "noted that", "stressed that", "tweeted that": a report too
_REPORTING_VERBS = (
    _SAYING_VERBS | lexicon.words("attribution_verbs") - {"according", "continued"}
) - lexicon.words("telling_verbs")
_ING_NOUNS = frozenset({"including", "according", "following", "during", "morning", "evening"})
_SPEAKING = lexicon.words("speaking_gerunds")
_MADE = lexicon.words("making_participles")
_MEDIATION_WORDS = lexicon.words("mediation_words")
# the words at which the parties named after a trigger can end (see actors_for)
# "due to the absence of his counterpart", "because of the crisis": what caused the act
_CAUSES = {
    ("due", "to"), ("because", "of"), ("owing", "to"), ("thanks", "to"),
    ("response", "to"), ("retaliation", "for"), ("reaction", "to"),  # "in a furious response to"
    ("solidarity", "with"),  # "skipped the summit in solidarity with Trump": why, not with whom
}
# causes that are such only after "in" ("in a furious response to reports", but "part of our
# response to weaken Russia's war machine")
_IN_CAUSES = lexicon.words("response_nouns")
_OBJECT_STOPS = _RELATIVES | SEPARATORS | {",", "for", "of", "as"} | {a for a, _ in _CAUSES}
# "delivering aid to the island as it negotiates with the White House": "as" and a pronoun
# subject begin a clause of their own
_AS_SUBJECTS = frozenset({"it", "he", "she", "they", "we"})
# "imposing sanctions on Russia if Putin won't negotiate", "unless Mexico stops migrants":
# whom a condition names is not a party to the act it conditions
_CONDITIONS = frozenset({"if", "unless"})
_CONDITION_GATE = _CONDITIONS | {"case"}


class SentenceMentions:
    """A sentence's mentions (sorted by position) with the indexes argument finding needs."""

    __slots__ = (
        "tokens", "lows", "all", "toks", "clauses", "_sep_prefix", "_stops", "_base_ok",
        "_first_party", "governments", "named", "_positions", "_actor_positions", "words",
        "complainants", "titled",
    )

    def __init__(
        self, tokens: list[Token], mentions: list[Mention], clauses: Clauses,
        lows: list[str] | None = None,
    ):
        self.tokens = tokens
        self.lows = [t.low for t in tokens] if lows is None else lows
        # the set of the sentence's words, for tests that must not scan the sentence per
        # trigger (linear time): tokenize builds it, a plain token list gets its own
        words = getattr(tokens, "words", None)
        self.words: set[str] = set(self.lows) if words is None else words
        self.all = mentions  # find_mentions returns them sorted by position
        self.toks = [m.tok for m in mentions]
        self.clauses = clauses
        self._sep_prefix: list[int] | None = None  # built on first use
        self._stops: list[int] | None = None
        self._base_ok: list[bool] | None = None
        self._first_party: dict[str, Mention | None] = {}
        # trigger token -> who tells of that force used on its own side ("Kiev said a Russian
        # jet had shot down one of its planes"): the complaint is its criticism of the user
        self.complainants: dict[int, list[Mention]] = {}
        self.governments = {m.government.name for m in mentions if m.government}
        # each actor's first mention with a title ("Vice Foreign Minister Choe Son Hui")
        self.titled: dict[Actor, Mention] = {}
        for m in mentions:
            if m.title and m.actor not in self.titled:
                self.titled[m.actor] = m
        self.named = self.governments | {m.actor.name for m in mentions if m.source == "anaphor"}
        # where each actor is named (sorted: the mentions are); with a spokesperson's
        # government named where the spokesperson is. Read only: without a government (most
        # sentences) the two are one dict.
        actor_positions: dict[str, list[int]] = {}
        for m in mentions:
            actor_positions.setdefault(m.actor.name, []).append(m.tok)
        positions = actor_positions
        if self.governments:
            positions = {}
            for m in mentions:
                positions.setdefault(m.actor.name, []).append(m.tok)
                if m.government is not None:
                    positions.setdefault(m.government.name, []).append(m.tok)
        self._positions = positions
        self._actor_positions = actor_positions

    def between(self, a: int, b: int) -> list[Mention]:
        """Mentions starting at a token in [a, b)."""
        return self.all[bisect_left(self.toks, a) : bisect_left(self.toks, b)]

    def first_named_from(self, name: str, a: int) -> int | None:
        """The first token at or after ``a`` where the actor is named, if any."""
        toks = self._positions.get(name)
        if not toks:
            return None
        k = bisect_left(toks, a)
        return toks[k] if k < len(toks) else None

    def named_between(self, name: str, a: int, b: int) -> bool:
        """Is the actor (or the government of a spokesperson) named at a token in [a, b)?"""
        toks = self._positions.get(name)
        if not toks:
            return False
        k = bisect_left(toks, a)
        return k < len(toks) and toks[k] < b

    def actor_named_between(self, name: str, a: int, b: int) -> bool:
        """Is the actor itself (not as a spokesperson's government) named in [a, b)?"""
        toks = self._actor_positions.get(name)
        if not toks:
            return False
        k = bisect_left(toks, a)
        return k < len(toks) and toks[k] < b

    def separated(self, a: int, b: int) -> bool:
        """Is there a separating preposition ("before", "after") among tokens [a, b)?"""
        prefix = self._sep_prefix
        if prefix is None:  # how many separators come before each token
            prefix = self._sep_prefix = list(
                accumulate(map(SEPARATORS.__contains__, self.lows), initial=0)
            )
        return prefix[b] - prefix[a] > 0

    def stops_between(self, a: int, b: int) -> list[int]:
        """The positions in [a, b) of the words where the parties after a trigger can end
        (a comma, a relative pronoun, a separating preposition, "for")."""
        stops = self._stops
        if stops is None:
            stops = self._stops = list(
                compress(range(len(self.lows)), map(_OBJECT_STOPS.__contains__, self.lows))
            )
        # bounded at b: a slice to the sentence's end would copy every later stop, per trigger
        return stops[bisect_left(stops, a) : bisect_left(stops, b)]

    def base_ok(self, k: int) -> bool:
        """The k-th mention can be a party at all: not a possessor, not a source."""
        if self._base_ok is None:
            tokens = self.tokens
            sourced = "according" in self.lows  # a source is told only so (one scan in C)
            self._base_ok = [
                (not is_modifier(m, tokens) or self._stands_for_official(k))
                and not (sourced and _is_source(m, tokens))
                for k, m in enumerate(self.all)
            ]
        return self._base_ok[k]

    def _stands_for_official(self, k: int) -> bool:
        """ "will meet Denmark's prime minister": a state's official left unnamed is the state
        at the table (a named one, "Russia's foreign minister Sergei Lavrov", is the party;
        a person's, "Trump's special envoy", is someone else)."""
        m = self.all[k]
        if m.actor.kind == "person":
            return False
        nxt = self.all[k + 1] if k + 1 < len(self.all) else None
        if nxt is None or nxt.actor.kind != "person" or nxt.tok - m.tok_end > _OFFICIAL_REACH:
            return True
        # "Kuwait's emir, Sheik Sabah": the name in apposition; but "Denmark's prime minister
        # a day after Donald Trump ...": not his title
        return any(
            (not t.low.isalpha() and t.text != ",") or t.low in _NOT_TITLE
            for t in self.tokens[m.tok_end : nxt.tok]
        )

    def is_party(self, k: int, trig: Trigger) -> bool:
        m = self.all[k]
        tokens = self.tokens
        return (
            (not m.location or trig.type in _PLACE_PARTY_TYPES or (
                trig.type == "sanctions" and _origin(m, tokens)
            ) or (
                # "Venezuela withdrew from the OAS": the body quit is the rejection's target
                trig.type == "rejection" and m.actor.kind not in ("state", "person")
                and m.tok >= 1 and "from" in (
                    tokens[m.tok - 1].low, tokens[m.tok - 2].low if m.tok >= 2 else ""
                )
            ) or (trig.type == "meeting" and m.tok == trig.tok_end)  # "arrived in Moscow": host
                or (trig.type == "aid" and m.actor.kind == "state")  # "relief efforts in Nepal"
                or _object_of_trigger(tokens, trig, m)  # "lashed out at the EU"
                or _noun_source(tokens, trig, m))  # "condemnation from Beijing"
            and self.base_ok(k)
            and not (trig.type == "agreement" and m.tok > trig.tok and _is_mediator(m, tokens))
        )

    def parties_between(self, a: int, b: int, trig: Trigger) -> list[Mention]:
        lo, hi = bisect_left(self.toks, a), bisect_left(self.toks, b)
        if lo == hi:
            return []  # no mention there: no comprehension (a function call) over nothing
        return [self.all[k] for k in range(lo, hi) if self.is_party(k, trig)]

    def first_party(self, trig: Trigger) -> Mention | None:
        """The sentence's first party for this kind of act: its subject, mostly."""
        if trig.type not in self._first_party:
            tokens = self.tokens
            found = None
            for k, m in enumerate(self.all):
                if (
                    not m.location or trig.type in _PLACE_PARTY_TYPES
                    or (trig.type == "sanctions" and _origin(m, tokens))
                ) and self.base_ok(k):
                    found = m
                    break
            self._first_party[trig.type] = found
        return self._first_party[trig.type]


_SOURCE = attrgetter("source")
_TOK = attrgetter("tok")
_NOT_PRONOUN = "pronoun".__ne__


def actors_for(
    trig: Trigger,
    sm: SentenceMentions,
    previous_clause_actors: list[tuple[Actor, str]] | None = None,
) -> list[tuple[Actor, str]]:
    """(actor, role) pairs: the subject before the trigger, then the parties after it."""
    tokens, clause = sm.tokens, sm.clauses
    clause_of = clause.starts  # clause[k], read from its list (no method call per token)
    lo = clause_of[trig.tok]
    window_start = max(lo, trig.tok - WINDOW)
    before = [
        m for m in sm.parties_between(window_start, trig.tok, trig)
        if clause_of[m.tok] == lo and m.tok_end <= trig.tok
        and not sm.separated(m.tok_end, trig.tok)
    ]  # "spoken with Biden before Russia's invasion": Biden is no party to the invasion
    spoken_of = False
    answering: list[Mention] = []
    if before and (decider := _decider(tokens, trig, before)):
        before = decider  # "over their decision to invade Ukraine": theirs, not the EU's
    if before and trig.type in _OBJECT_ACT_TYPES:
        # "Biden condemned Sunday's attack": who speaks of an act is not who carried it out
        judging = _judging_verbs()
        judged = [k for k in range(before[0].tok_end, trig.tok) if tokens[k].low in judging]
        if judged:
            before = [m for m in before if m.tok > judged[-1]]
            spoken_of = True
    if before and trig.type in _MODIFIED_NOUN_TYPES and (
        owner := _modifier_owner(tokens, before[-1], trig)
    ):
        # "Iran's move was a response to US sanctions", "cancelled talks over a new round of
        # U.S. sanctions against Russia": the party that qualifies the act's noun does it;
        # the clause's subject answers it (its target, when no other is named)
        answering = [m for m in before if m is not owner and m.actor.kind != "person"]
        before = [owner]
    if before and lo >= 3 and tokens[lo].low == "and" and tokens[lo - 1].text == ",":
        before = _enumeration_before(sm, lo, trig) + before
    if before and any(map(_NOT_PRONOUN, map(_SOURCE, before))):  # (in C: no generator)
        # "In his address, Zelenskyy ...": a possessive pronoun defers to the name.
        before = [m for m in before if not (m.source == "pronoun" and _possessive(tokens, m))]
    if len(before) > 1:
        # "Muttaqi, who was visiting India when ..., had been due to travel": not India.
        kept = [m for m in before if not clause.in_parenthetical_relative(m.tok, trig.tok)]
        before = kept or before
    if len(before) > 1 and "with" in sm.words:  # (no ", with X -ing" clause without it)
        before = _absolute_subject(tokens, before, trig) or before
    if len(before) > 1:
        subject = max(before, key=_TOK)
        gap = tokens[subject.tok_end : trig.tok]
        k = subject.tok - 1
        while k > 0 and tokens[k].cap and k > subject.tok - 1 - _TITLE_REACH:
            k -= 1  # "..., Nepal's Foreign Minister Prakash Sharan Mahat will travel": its title
        if (
            k >= 0 and tokens[k].text == "," and len(gap) <= 3
            and all(not t.cap and t.low.isalpha() for t in gap)
        ):
            # "Hours before Yoon landed in Tokyo, North Korea fired ...": the subject after
            # the comma acts; whoever the opening phrase names does not.
            before = [m for m in before if m.tok >= subject.tok]
    if (trig.type in MEETING_TYPES or trig.type in _REPORTED_ACT_TYPES) and len(before) > 1:
        # "Psaki said Kerry was looking forward to travelling to Pakistan": who reports a
        # meeting of others is no party to it; "Vietnam said China attacked its vessels": nor
        # to force others used (its complaint of it is the criticism the speaker makes)
        said = next((
            k for k in range(before[0].tok_end, trig.tok)
            if tokens[k].low in _REPORTING_VERBS or _quoted_as_saying(tokens, k)
        ), None)
        told = [m for m in before if said is not None and m.tok > said]
        speakers = [m for m in before if said is not None and m.tok < said]
        if told and speakers and any(m.source not in ("pronoun", "pair") for m in told) and (
            not all(_speaks_for(s, m) for s in speakers for m in told)
        ):
            before = told
            if trig.type in _REPORTED_ACT_TYPES and not _OWNING_PRONOUNS.isdisjoint(
                sm.lows[trig.tok_end : trig.tok_end + WINDOW]
            ):
                sm.complainants[trig.tok] = speakers  # "Kiev said ... one of its planes"
    pairs = [m.tok for m in before if m.source == "pair"] if before else []
    if pairs:
        # "Borrell told reporters that the two sides had agreed": the speaker is no party.
        said = [
            k for k in range(max(lo, pairs[0] - WINDOW), pairs[0])
            if tokens[k].low in _SAYING_VERBS
        ]
        if said:
            before = [m for m in before if m.tok > said[-1]]
    shared_subject: list[tuple[Actor, str]] = []
    if not before and not spoken_of:
        first = sm.first_party(trig)
        if (subject := _gerund_subject(sm, lo, trig)) is not None:
            # "withdrew recognition of Maduro after accusing him of rigging": who accuses is
            # the subject of the clause the "after" phrase belongs to, not Maduro
            before = subject
        elif lo > 0 and tokens[lo].low == "and" and previous_clause_actors:
            # "... met X and reached a consensus": the same subject acts again.
            shared_subject = previous_clause_actors
        elif lo > 0 and tokens[lo].low == "and" and first is not None and first.tok < lo:
            before = _listed_from(sm, first, lo, trig)  # the sentence's subject
        elif (
            lo >= 2 and tokens[lo - 1].text == "," and tokens[lo].low.endswith("ing")
            and first is not None and first.tok < lo and not first.location
        ):
            # "Blinken welcomed the deal ..., warning that sanctions remained an option":
            # a participle clause goes on with the sentence's subject ("The US and China are
            # locked in a trade war ..., imposing tariffs": both of them).
            before = _listed_from(sm, _acting_subject(sm, first, lo, trig), lo, trig)
        else:
            # "Trump said Washington was ...": the speaker of the sentence, before the clause.
            earlier = [
                m for m in sm.parties_between(trig.tok - WINDOW, trig.tok, trig)
                if m.tok_end <= trig.tok
            ]
            before = [m for m in earlier if m.tok == earlier[-1].tok] if earlier else []
    end = min(clause.end_of(trig.tok_end - 1), trig.tok_end + WINDOW)
    if trig.type == "demand":
        for k in range(trig.tok_end, end - 1):
            # "urged Washington to persuade Russia": the infinitive is content, not a party.
            if tokens[k].low == "to" and not tokens[k + 1].cap and tokens[k + 1].low != "the":
                end = k
                break
    for k in sm.stops_between(trig.tok_end, end):  # the other words end nothing
        if tokens[k].low == "as":
            if k + 1 < len(tokens) and tokens[k + 1].low in _AS_SUBJECTS:
                end = k
                break
            continue
        if k > trig.tok_end and tokens[k].low in _RELATIVES and tokens[k - 1].cap:
            end = k  # "the deal brokered by the UN and Turkey that had allowed Ukraine to ..."
            break
        if tokens[k].low == "," and _appositive(tokens, k, end):
            end = k  # "an invitation to the summit, a conference that Russia and China have
            break  # warned against": the appositive describes the summit
        if tokens[k].low == "," and k + 1 < end and (_participle(tokens[k + 1]) or (
            tokens[k + 1].low.endswith("ly") and k + 2 < end and _participle(tokens[k + 2])
        )):
            # "agreed to upgrade ties, putting Washington on a par with Moscow", ", potentially
            # diminishing Russia's gains": a participle clause tells a consequence
            end = k
            break
        if tokens[k].low in SEPARATORS or (
            trig.type in SPEECH_ACTS and tokens[k].low == "for" and k + 1 < len(tokens)
            and tokens[k + 1].low.endswith("ing")
        ) or (
            # "accused Venezuela of protecting Colombian guerrillas": what the accused did
            trig.type == "criticism" and tokens[k].low == "of" and k > trig.tok_end
            and k + 1 < len(tokens) and tokens[k + 1].low.endswith("ing")
            and not tokens[k + 1].cap
        ) or (
            k > trig.tok_end and k + 1 < len(tokens)
            and (tokens[k].low, tokens[k + 1].low) in _CAUSES
            and (tokens[k].low not in _IN_CAUSES or "in" in sm.lows[max(0, k - 3) : k])
        ):
            # "spoken with Biden before Russia's invasion": a new act begins; "criticised the
            # bloc for inviting the general": the general is what it was criticised for.
            end = k
            break
    if trig.tok_end < len(tokens) and tokens[trig.tok_end].low == "between":
        end = list_end(tokens, trig.tok_end + 1)  # "between A, Trump's envoy, and B"
    after = _first_parties(sm, trig.tok_end, end, trig, 3)
    if victims := sm.complainants.get(trig.tok):  # the speaker whose own side was hit
        after = [*after, *(m for m in victims if m.actor not in {x.actor for x in after})]
    if len(after) > 1 and not _CONDITION_GATE.isdisjoint(sm.words):
        after = _without_condition(tokens, after)
    if shared_subject and after and {a for a, _ in shared_subject} <= {m.actor for m in after}:
        # "Kurti said ..., as Belgrade demands, and accused Serbia of ...": no side accuses
        # itself; the "and" goes on with the sentence's subject, not the aside's
        first = sm.first_party(trig)
        if first is not None and first.tok < lo and all(m.actor != first.actor for m in after):
            shared_subject = []
            before = _listed_from(sm, first, lo, trig)
    if answering and all(m.actor == before[0].actor for m in after):
        after = [*after, *answering]  # "China retaliated against U.S. tariffs on American goods"
    if trig.type in SPEECH_ACTS and after:
        # "summoned the Russian ambassador over the violation of Polish airspace": once the
        # act has its party (named after it, or inside a pattern's trigger), what "over" or
        # "about" introduces is the matter, not a party (the speaker who reports it, "...,
        # Yang said", still is)
        named = trig.tok_end if trig.roles else after[0].tok_end
        matter = next((
            k for k in range(named, end) if sm.lows[k] in _MATTER_PREPOSITIONS
        ), end)
        after = [m for m in after if m.tok < matter or _reporting(tokens, m)]
    if after and _agent_compound(tokens, after[0]):
        # "vetoed a French-drafted Security Council resolution on Syria": the drafter is the
        # party; what else the resolution names is its content
        after = [m for m in after if m.tok == after[0].tok]
    role_first = "participant" if trig.type in CONSULT or trig.type == "consult" else "initiator"
    role_rest = "participant" if role_first == "participant" else "target"
    agents = [
        m for m in after if _passive_agent(tokens, trig, m) or _noun_source(tokens, trig, m)
    ] if after else []  # (no comprehension over nothing: each is a function call)
    visitors = [m for m in after if _visit_by(tokens, trig, m)] if after and not agents else []
    if agents:
        # "Sanctions were imposed on Iran by the EU", "the sanctions taken by ECOWAS": the
        # agent acts; the subject is what the act was done to
        before, after = agents, [m for m in after if m not in agents] + before
    elif visitors:
        # "tensions over a possible visit to Taiwan by Nancy Pelosi": the visit is the
        # visitor's and its host's; the clause's subject only speaks of it
        before, after = visitors, [m for m in after if m not in visitors] + (
            before if trig.type == "military" else []  # "Kyiv reported attacks by Moscow"
        )
    if len(before) > 1 or (before and shared_subject):
        # "will provide Ukraine with military aid", "placed Russia's central bank under
        # sanctions": whom the giver equips or the act is put on receives it
        equipped = [m for m in before if _equipped(tokens, m, trig)]
        if equipped and len(equipped) < len(before) + len(shared_subject):
            before = [m for m in before if m not in equipped]
            after = equipped + after
    out: list[tuple[Actor, str]] = [(a, role_first) for a, _ in shared_subject] if (
        shared_subject
    ) else []
    names: set[str] = {a.name for a, _ in out} if out else set()
    # "Russia has suspended ..., Foreign Minister Sergei Lavrov said": the state acts, its
    # minister reports it; both are named (the speaker alone would hide who acted).
    own_names = {
        m.actor.name for k, m in enumerate(before)
        if m.actor.kind == "state" and not _titles_next(tokens, m, before[k + 1 : k + 2])
    } if after and any(_reporting(tokens, m) for m in after) else set()
    # "Sullivan said the United States would impose sanctions": the state the speaker tells of
    # acts, and is named beside its official
    if trig.type != "agreement":
        own_names |= {
            m.actor.name for m in before
            if m.actor.kind == "state" and any(
                s.actor.kind == "person" and s.tok < m.tok and not is_leader(s)
                and not _SAYING_VERBS.isdisjoint(sm.lows[s.tok_end : m.tok])
                for s in before
            )
        }
    if trig.type in MEETING_TYPES or trig.type == "consult":
        # "Putin will visit Paris next week, Peskov said": who reports a meeting is no party
        after = [m for m in after if not (m.actor.kind == "person" and _reporting(tokens, m))]
    if trig.type in _BETWEEN_TYPES and after:
        # "Armenia and Azerbaijan signed a peace treaty, the European Union said", "a deal
        # between Israel and Hamas, the United States and Qatar said": who reports a deal or
        # a meeting between two others is no party to it
        reporters = [m for m in after if _in_reporting_list(tokens, m)]
        if reporters:
            acting = [m for m in (*before, *after) if m not in reporters]
            if len({m.actor for m in acting}) >= 2 and not any(
                r.actor == m.actor or r.actor.country == m.actor.country
                for r in reporters for m in acting
            ):
                after = [m for m in after if m not in reporters]
    for group, role in ((before, role_first), (after, role_rest)):
        for m in group:
            if role != role_first and m.actor.kind == "person" and _restored(tokens, m):
                continue  # "called for the reinstatement of Bazoum": whom the act is about
            own = role_first if role != role_first and (
                _speaking_with(tokens, m) or _reporting(tokens, m)
            ) else role
            if own == "initiator" and (
                _aimed_at(tokens, m) or _addressed(tokens, m, group)
            ) and any(o.tok < m.tok for o in group):
                # "Trump taking a stance against Russia, threatening sanctions": whom the
                # subject turns against is the target, not a second initiator; so is whom
                # he writes to ("he had written to Erdogan and Guterres proposing ...")
                own = "target"
            for actor in ((m.government, m.actor) if m.government else (m.actor,)):
                if actor is not None and actor.name not in names:
                    names.add(actor.name)
                    out.append((actor, own))
    if trig.type in SPEECH_ACTS and not any(r == "initiator" for _, r in out):
        # '"Now is the time to condemn Iran's misconduct," Mr. Morrison said': with no one
        # else to say it, the speaker who reports the words says them
        speaker = next((
            m for m in sm.between(trig.tok_end, len(tokens))
            if m.actor.kind == "person" and _reporting(tokens, m) and _after_comma(tokens, m)
        ), None)
        if speaker is not None:
            said = [a for a in (speaker.government, speaker.actor) if a and a.name not in names]
            out = [(a, "initiator") for a in said] + out
    # "Russian President Vladimir Putin" is one party, not two; but "the army ousted Aung San
    # Suu Kyi" names the state on its own.
    person_countries = {a.country for a, _ in out if a.kind == "person" and a.country}
    kept = [
        (a, r) for a, r in out
        if not (
            a.kind == "state" and a.country in person_countries and a.name not in sm.named
            and a.name not in own_names
        )
    ]
    # initiators first (events.md): "Russia has suspended travel for Turkish citizens, Lavrov
    # said" is Russia's and Lavrov's act aimed at Turkey
    return sorted(kept, key=lambda pair: pair[1] == "target")


_MATTER_PREPOSITIONS = lexicon.words("matter_prepositions")
# "the reinstatement of Bazoum", "to restore its elected president Mohamed Bazoum", "the
# release of Kabore": a person put back, freed or taken is what the act is about, not a party
_RESTORING_NOUNS = lexicon.words("restoring_nouns")
_RESTORING_VERBS = lexicon.words("restoring_verbs")
_RESTORED_SKIP = frozenset({"the", "its", "his", "their", "her", "elected", "ousted", "deposed",
                            "detained", "former", "president", "leader", "prime", "minister"})


def _restored(tokens: list[Token], m: Mention) -> bool:
    k = m.tok - 1
    while k >= 0 and m.tok - k <= 4 and tokens[k].low in _RESTORED_SKIP:
        k -= 1
    if k < 0:
        return False
    low = tokens[k].low
    return low in _RESTORING_VERBS or (
        low == "of" and k >= 1 and tokens[k - 1].low in _RESTORING_NOUNS
    )


_NOT_TITLE = frozenset({
    "a", "an", "the", "and", "or", "of", "on", "in", "at", "to", "with", "for", "by", "from",
    "after", "before", "when", "while", "who", "which", "that", "said", "says", "told",
})
_OFFICIAL_REACH = 6  # words of a title between a state and the official it names
_TITLE_REACH = 4  # tokens from a state to the person its title names ("Russia's foreign minister")


def _titles_next(tokens: list[Token], m: Mention, following: list[Mention]) -> bool:
    """Is the state named as part of the next party's title ("Russian President Vladimir
    Putin", "Russia's foreign minister Sergei Lavrov")?"""
    if not following:
        return False
    nxt = following[0]
    return nxt.actor.kind == "person" and nxt.tok - m.tok_end <= _TITLE_REACH and all(
        t.low not in (",", ";", "and", "said", "says") for t in tokens[m.tok_end : nxt.tok]
    )


def _without_condition(tokens: list[Token], after: list[Mention]) -> list[Mention]:
    """The parties after a trigger less those its condition names, once the act has its own:
    "imposing sanctions on Russia if President Vladimir Putin wouldn't negotiate", "tariffs on
    Mexico unless Lopez Obrador stops migrants" (but "ready for a ceasefire if Russia accepts"
    keeps Russia, and '..., if Russia escalates," the G7 leaders said' the speaker after it)."""
    kept = after[:1]
    start = after[0].tok_end
    for m in after[1:]:
        cond = next((
            x for x in range(m.tok - 1, start - 1, -1)
            if tokens[x].low in _CONDITIONS or (
                tokens[x].low == "case" and x >= 1 and tokens[x - 1].low == "in"
            )  # "in case of a military attack from Colombia"
        ), None)
        if cond is None or any(t.text == "," for t in tokens[cond : m.tok]):
            kept.append(m)
    return kept


def is_leader(m: Mention) -> bool:
    """A head of state or government speaks as the state: named alone (events.md)."""
    return m.title is not None and not _LEADER_TITLES.isdisjoint(m.title.lower().split())


_LEADER_TITLES = frozenset({
    "president", "premier", "chancellor", "king", "queen", "emir", "sultan", "leader",
    "prime", "pm", "taoiseach", "monarch", "crown",
})


def _speaks_for(speaker: Mention, party: Mention) -> bool:
    """ "Mirzoyan said the government was ready", "Dombrovskis said the bloc remained open":
    the party is the speaker's own side, not another person."""
    if party.actor.kind == "person":
        return False
    if party.actor == speaker.actor or party.actor == speaker.government:
        return True
    return speaker.actor.kind == "person" and party.actor.country == speaker.actor.country or (
        party.source == "anaphor" and party.actor.kind != "person"
    )


def _reporting(tokens: list[Token], m: Mention) -> bool:
    """ "..., Foreign Minister Sergei Lavrov said.": the speaker who reports the act is on the
    acting side, not its target."""
    if m.tok_end >= len(tokens) or tokens[m.tok_end].low not in _SAYING_VERBS:
        return False
    if any(t.text == "," for t in tokens[max(0, m.tok - 4) : m.tok]):
        return True  # ", Kremlin spokesman Dmitry Peskov said"
    k = m.tok - 1
    while (
        k >= 0 and m.tok - k <= _SPEAKER_REACH and (tokens[k].cap or tokens[k].text in QUOTE_MARKS)
    ):
        k -= 1  # '," French Foreign Minister Catherine Colonna said': a title or a quote mark
    return k >= 0 and tokens[k].text == ","


_SPEAKER_REACH = 6  # words of a title, a quote mark, between the comma and the speaker
_BETWEEN_TYPES = frozenset({"agreement", "call", "meeting", "talks"})
_LIST_WORDS = frozenset({",", "and", "the"})
# what may follow the saying verb that closes a sentence's report ("..., the EU said on Friday")
_AFTER_REPORT = frozenset({
    "on", "in", "at", "late", "early", "today", "yesterday", "tomorrow", "this", "last",
    "earlier", "later", "after", "following",
})


def _in_reporting_list(tokens: list[Token], m: Mention) -> bool:
    """ ", the United States and Qatar said": the mention is one of a list of names set off by
    a comma and closed by a saying verb."""
    n = len(tokens)
    k = m.tok_end
    while k < n and k - m.tok_end <= _SPEAKER_REACH and (
        tokens[k].cap or tokens[k].low in _LIST_WORDS
    ) and tokens[k].low not in _SAYING_VERBS:
        k += 1
    if k >= n or tokens[k].low not in _SAYING_VERBS:
        return False
    if k + 1 < n and tokens[k + 1].low.isalpha() and tokens[k + 1].low not in _AFTER_REPORT:
        return False  # "A, B and C said they took note ...": the speakers' own act
    j = m.tok - 1
    while j >= 0 and m.tok - j <= _SPEAKER_REACH and tokens[j].text != "," and (
        tokens[j].cap or tokens[j].low in _LIST_WORDS
    ):
        j -= 1
    return j >= 0 and tokens[j].text == ","


def _after_comma(tokens: list[Token], m: Mention) -> bool:
    """ '," Mr. Morrison said': only a title or a quote mark between a comma and the mention
    (not ", which President Trump said")."""
    k = m.tok - 1
    while k >= 0 and m.tok - k <= _SPEAKER_REACH and (
        tokens[k].cap or tokens[k].text in QUOTE_MARKS or tokens[k].text == "."  # "Mr."
    ):
        k -= 1
    return k >= 0 and tokens[k].text == ","


_AIMING_PREPOSITIONS = frozenset({"against", "toward", "towards"})
_NAME_REACH = 4  # words of an organisation's name before its meeting: "the ASEAN+3 summit"


def convening_body(trig: Trigger, tokens: list[Token]) -> Actor | None:
    """The organisation whose meeting the trigger names ("attend a G20 summit", "host the
    BRICS summit"): a party to it when no one else meets there (when two leaders meet at the
    G20 summit, it is only the setting)."""
    texts = [t.text for t in tokens[max(0, trig.tok - _NAME_REACH) : trig.tok]]
    end = len(texts)
    while end > 0 and (texts[end - 1] == "+" or texts[end - 1].isdigit()):
        end -= 1  # "ASEAN+3"
    index = base_index()
    for i in range(end):
        hit = index.lookup(texts, i)
        if hit and i + hit[0] == end and hit[1].kind == "organisation":
            return hit[1]
    return None


def _addressed(tokens: list[Token], m: Mention, group: list[Mention]) -> bool:
    """ "written to Erdogan and Guterres", "in a letter to the Prime Minister": the mention (or
    the list it ends) is what "to" after a verb of writing or telling names."""
    k = m.tok - 1
    for o in reversed([o for o in group if o.tok < m.tok]):
        if not _listed_next(tokens, [o], m) and o.tok_end != m.tok:
            break
        k = o.tok - 1  # "to Erdogan and Guterres": back to the list's first
        m = o
    stop = k - _TITLE_REACH
    while k > stop and k >= 0 and tokens[k].cap and tokens[k].low != "to":
        k -= 1  # "a letter to President Vladimir Putin": past the title
    k -= k >= 0 and tokens[k].low == "the"
    if k >= 0 and tokens[k].low in _TELLING:
        return True  # "Erdogan assured President Petro Poroshenko that Turkey supports ..."
    return k >= 1 and tokens[k].low == "to" and tokens[k - 1].low in _ADDRESSING


_ADDRESSING = lexicon.words("addressing_words")
_TELLING = lexicon.words("telling_verbs")


def _aimed_at(tokens: list[Token], m: Mention) -> bool:
    """ "against Russia", "towards Beijing": the mention is what an act is aimed at."""
    return m.tok > 0 and tokens[m.tok - 1].low in _AIMING_PREPOSITIONS


def _absolute_subject(
    tokens: list[Token], before: list[Mention], trig: Trigger
) -> list[Mention] | None:
    """ "These threats aim to pressure Moscow, with Trump also leveraging alliances, notably by
    proposing ...": a ", with X -ing" clause has its own subject; what comes before is not it."""
    first = before[0].tok
    at = next((
        k for k in range(trig.tok - 1, first, -1)
        if tokens[k].low == "with" and tokens[k - 1].text == ","
    ), None)
    if at is None:
        return None
    own = [m for m in before if m.tok > at]
    if not own or not any(
        gerund(t.low) for t in tokens[own[0].tok_end : trig.tok + 1]
    ):
        return None
    return own


def _appositive(tokens: list[Token], k: int, end: int) -> bool:
    """Does the comma at k open an appositive with a relative clause of its own ("..., a
    conference that Russia and China have warned ...")?"""
    if k + 1 < end and tokens[k + 1].text in QUOTE_MARKS:
        k += 1  # 'the "Summit for Democracy," a conference that ...'
    if k + 2 >= end or tokens[k + 1].low not in ("a", "an"):
        return False
    return any(t.low in _RELATIVES for t in tokens[k + 2 : min(end, k + _APPOSITIVE_REACH)])


_APPOSITIVE_REACH = 6  # words from the comma to the appositive's relative pronoun


def _agent_compound(tokens: list[Token], m: Mention) -> bool:
    """ "French-drafted", "US-sponsored": a state named as the author of the noun after it."""
    text = tokens[m.tok].text
    return m.tok_end == m.tok + 1 and "-" in text and (
        text.rpartition("-")[2].lower() in _AGENT_SUFFIXES
    )


_AGENT_SUFFIXES = lexicon.words("agent_suffixes")


def _listed_from(sm: SentenceMentions, first: Mention, end: int, trig: Trigger) -> list[Mention]:
    """The parties named at the first one's position and those listed with it ("The US and
    China"), before ``end``."""
    out = _at(sm, first.tok, trig)
    if not out:
        return out
    for m in sm.parties_between(first.tok_end, min(end, first.tok + WINDOW), trig):
        if m.tok == out[-1].tok or _listed_next(sm.tokens, out, m):
            out.append(m)
        else:
            break
    return out


def _acting_subject(sm: SentenceMentions, first: Mention, end: int, trig: Trigger) -> Mention:
    """The subject a participle clause goes on with: the sentence's first party, unless that
    only owns the subject ("Erdogan's comments came after the EU condemned the offensive,
    calling on Ankara to stop": the EU calls); then the first party before ``end`` that a verb
    follows."""
    tokens = sm.tokens
    last = tokens[first.tok_end - 1]
    if last.base == last.text:
        return first
    for m in sm.parties_between(first.tok_end, end, trig):
        if m.tok_end < end and m.source != "pronoun" and looks_like_verb(tokens[m.tok_end].low):
            return m
    return first


def _gerund_subject(sm: SentenceMentions, lo: int, trig: Trigger) -> list[Mention] | None:
    """ "The US withdrew recognition of Maduro after accusing him", "Belarus retaliated by
    announcing sanctions": an -ing trigger right after a linking preposition has no subject of
    its own; it is the subject of the clause the phrase hangs on (its first party, with those
    listed beside it), not the party named last before it."""
    tokens = sm.tokens
    link = trig.tok - 1
    if link >= 2 and tokens[link - 1].low in _GERUND_LINKS and gerund(tokens[link].low) and (
        not tokens[link].cap
    ):
        link -= 1  # "after speaking by phone": the trigger goes on the gerund
    elif link < 1 or tokens[link].low not in _GERUND_LINKS or tokens[trig.tok].cap or (
        not gerund(tokens[trig.tok].low)
    ):
        return None
    start = lo if link > lo else sm.clauses[link - 1]  # ", after accusing": the clause before
    if start >= link or trig.tok - start > WINDOW:
        return None
    parties = sm.parties_between(start, link, trig)
    if not parties:
        return None
    subject = [parties[0]]
    for m in parties[1:]:
        if m.tok == subject[0].tok or _listed_next(tokens, subject, m):
            subject.append(m)
        else:
            break
    return subject


_GERUND_LINKS = frozenset({"after", "before", "by", "while", "without", "despite", "since", "upon"})


_TRIGGER_PREPOSITIONS = frozenset({"at", "into", "to", "with", "on", "against"})


def _object_of_trigger(tokens: list[Token], trig: Trigger, m: Mention) -> bool:
    """The trigger phrase takes its party by a preposition: "lashed out at the EU" names the
    target, not a place."""
    if trig.tok_end - trig.tok < 2 or tokens[trig.tok_end - 1].low not in _TRIGGER_PREPOSITIONS:
        return False
    k = trig.tok_end
    return m.tok == k or (m.tok == k + 1 and tokens[k].low == "the")


def _at(sm: SentenceMentions, tok: int, trig: Trigger) -> list[Mention]:
    """The parties named at one position ("the two leaders" stands for two)."""
    return sm.parties_between(tok, tok + 1, trig)


def _first_parties(
    sm: SentenceMentions, a: int, b: int, trig: Trigger, limit: int
) -> list[Mention]:
    out: list[Mention] = []
    counted = 0  # "his French, German and British counterparts": "his" leaves room for three
    k = bisect_left(sm.toks, a)
    tokens = sm.tokens
    while k < len(sm.all) and (
        (sm.toks[k] < b and (counted < limit or _listed_next(tokens, out, sm.all[k])))
        or (sm.toks[k] < a + WINDOW and _enumerated_next(tokens, out, sm.all[k]))
    ):
        if sm.is_party(k, trig):
            out.append(sm.all[k])
            counted += not (sm.all[k].source == "pronoun" and _possessive(sm.tokens, sm.all[k]))
        k += 1
    return out


def separate_sides(
    actors: list[tuple[Actor, str]], lows: list[str], trig: Trigger
) -> list[list[tuple[Actor, str]]]:
    """The parties of each act a trigger tells: one act, unless a meeting, call or talks is
    held "separately", in "separate" or "bilateral" meetings with several others, or told
    as "calls" ("met separately with A and B", "made calls to the leaders of A and B": A's
    act and B's). A tour's "visits to A and B" stay one trip."""
    if trig.type not in _SEPARABLE or len(actors) < 3:
        return [actors]
    near = lows[max(0, trig.tok - _SEPARATE_REACH) : trig.tok_end + _SEPARATE_REACH]
    if _SEPARATELY.isdisjoint(near) and lows[trig.tok_end - 1] not in _TWO_PARTY_PLURALS:
        return [actors]
    first, *others = actors
    return [[first, other] for other in others]


_SEPARABLE = MEETING_TYPES | {"consult"}
_SEPARATELY = lexicon.words("separately_words")
# Acts of two parties told in the plural: each is one party's act with the one who acts.
_TWO_PARTY_PLURALS = lexicon.words("two_party_plurals")
_SEPARATE_REACH = 3  # words: "held separate talks with", "met separately with"


def _passive_agent(tokens: list[Token], trig: Trigger, m: Mention) -> bool:
    """Is m the agent of a passive told by the trigger: the trigger a participle after a form
    of "be" ("the resolution was vetoed by Russia") or an act noun with a participle after it
    ("the sanctions taken by ECOWAS", "Sanctions were imposed on Iran by the EU")?"""
    k = m.tok - 1
    while k > trig.tok and tokens[k].low in _DETERMINERS:
        k -= 1
    if k < trig.tok_end or tokens[k].low != "by":
        return False
    if tokens[trig.tok_end - 1].low in _FEELINGS or (
        k > trig.tok_end and tokens[trig.tok_end].low in _FEELINGS
    ):
        return False  # "was very concerned by Russia's build-up": what is felt, at whom
    gap = tokens[trig.tok_end : k]
    if len(gap) > _AGENT_REACH or any(t.low in (",", ";", "and", "by") for t in gap):
        return False
    before = tokens[max(0, trig.tok - 2) : trig.tok]
    if before and before[-1].low.endswith("ly"):
        before = before[:-1]  # "was quickly rejected"
    if before and before[-1].low in _BE_FORMS:
        return True  # "was vetoed by"
    # "the sanctions taken by", "Sanctions were imposed on Iran by": the noun's participle
    verb = next((t for t in gap if t.low not in _BE_FORMS and not t.low.endswith("ly")), None)
    return (
        verb is not None and _past_participle(verb)
        and (verb is gap[0] or gap[0].low in _BE_FORMS)
    )


def _visit_by(tokens: list[Token], trig: Trigger, m: Mention) -> bool:
    """Is m the maker of a visit told by its noun ("a visit to Taiwan by Nancy Pelosi", "the
    trip by the prime minister")? The noun, an optional "to" phrase, then "by" and m."""
    last = tokens[trig.tok_end - 1].low
    if (trig.type != "meeting" or last not in _VISIT_NOUNS) and (
        trig.type != "military"
        or all(t.low not in _FORCE_NOUNS for t in tokens[trig.tok : trig.tok_end])
    ):
        return False
    k = m.tok - 1
    while k > trig.tok_end and (tokens[k].cap or tokens[k].low in _DETERMINERS):
        k -= 1  # past the title: "by House Speaker Nancy Pelosi"
    if k < trig.tok_end or tokens[k].low != "by":
        return False
    gap = tokens[trig.tok_end : k]
    return not gap or ((gap[0].low in _BY_LEADS or last in _BY_LEADS) and len(gap) <= 4 and all(
        t.low not in (",", ";", "and") for t in gap
    ))


_VISIT_NOUNS = lexicon.words("visit_nouns")
# "the attack on Ukraine by Russia", "strikes by Israel": force told by its noun, then its maker
_FORCE_NOUNS = lexicon.words("attack_nouns")
_BY_LEADS = frozenset({"to", "on", "of", "against", "in", "into"})


def _noun_source(tokens: list[Token], trig: Trigger, m: Mention) -> bool:
    """ "a request from Saudi Arabia", "condemnation from Beijing", "aid from Japan": the
    party an act noun comes from does it (not "withdrew from the deal": a verb)."""
    if trig.type in _PLACE_FROM_TYPES or trig.tok_end >= len(tokens):
        return False
    if tokens[trig.tok_end].low != "from":
        return False
    if m.tok - trig.tok_end > _SOURCE_REACH or any(
        t.low not in _DETERMINERS and not t.cap for t in tokens[trig.tok_end + 1 : m.tok]
    ):
        return False  # "from the European Commission President": titles may come between
    return not any(  # "withdrew its ambassador from Paris": a verb's phrase
        t.low.endswith(("ed", "ing")) or t.low in _VERB_HEADS
        for t in tokens[trig.tok : trig.tok_end]
    )


_SOURCE_REACH = 5  # tokens from "from" to the party
# "an attack from Lebanon", "talks from Monday": where or when, not who
_PLACE_FROM_TYPES = frozenset({"military", "call", "meeting", "talks", "consult"})
_VERB_HEADS = lexicon.words("withdrawing_verb_words")


def _past_participle(t: Token) -> bool:
    return (len(t.low) > 3 and t.low.endswith("ed")) or t.low in _IRREGULAR_PARTICIPLES


_BE_FORMS = frozenset({"was", "were", "been", "being", "be", "is", "are"})


_FEELINGS = lexicon.words("feeling_adjectives")
_AGENT_REACH = 6  # tokens from the trigger to "by": "imposed fresh sanctions on Iran by"
_IRREGULAR_PARTICIPLES = lexicon.words("irregular_participles")


def _listed_next(tokens: list[Token], out: list[Mention], m: Mention) -> bool:
    """Does m go on the list the last party is in ("Germany, Denmark, Sweden, and Norway")?"""
    if not out:
        return False
    if m.tok == out[-1].tok and m.source == "pair":
        return True  # "seven countries ...: A, B, C, ...": each of the states it counts
    span = tokens[out[-1].tok_end : m.tok]
    titled = 0
    while titled < len(span) and titled < _LISTED_TITLE and span[-1 - titled].cap and (
        m.source == "title"
    ):
        titled += 1  # "Marco Rubio and Russian Foreign Minister Sergei Lavrov": the title
    gap = [t.low for t in span[: len(span) - titled]]
    if gap and gap[-1] == "the":
        gap.pop()  # "mediation by Qatar, Egypt, and the United States"
    return gap in ([","], ["and"], [",", "and"], ["or"], [",", "or"])


_LISTED_TITLE = 4  # words of a title before a listed name


_EQUIPPING = lexicon.words("equipping_verbs")
_PLACING = lexicon.words("placing_verbs")
_PLACING_PREPOSITIONS = frozenset({"on", "under", "to", "with"})


def _equipped(tokens: list[Token], m: Mention, trig: Trigger) -> bool:
    """ "provide Ukraine with aid", "put several U.S. companies on blacklists", "placed Russia's
    central bank under sanctions": m is the object of a giving or placing verb, and the
    preposition after it introduces the act's trigger; m is what the act goes to."""
    k = m.tok_end  # past the words of m's noun phrase ("companies", "central bank")
    while k < trig.tok and k - m.tok_end < 3 and tokens[k].low.isalpha() and not tokens[k].cap and (
        tokens[k].low not in _PLACING_PREPOSITIONS
    ):
        k += 1
    if k >= trig.tok or tokens[k].low not in _PLACING_PREPOSITIONS or trig.tok - k > 4:
        return False
    v = m.tok - 1  # back past a determiner or quantifier ("several, mostly smaller,")
    while v >= 0 and m.tok - v <= 5 and not tokens[v].cap and (
        tokens[v].low not in _EQUIPPING and tokens[v].low not in _PLACING
    ) and (tokens[v].low.isalpha() or tokens[v].text == ","):
        v -= 1
    if v < 0 or m.tok - v > 5:
        return False
    verb = tokens[v].low
    return verb in _PLACING or (verb in _EQUIPPING and tokens[k].low == "with")


def _enumeration_before(sm: SentenceMentions, lo: int, trig: Trigger) -> list[Mention]:
    """ "Brazil, Colombia, and Ecuador condemned ...": the clause break at ", and" cut the first
    items of a subject list off from the last; they act with it. Two items at least, joined by
    commas, and no verb between their clause's start and the first ("Russia shelled Kharkiv,
    and Ukraine ..." is a clause of its own)."""
    tokens = sm.tokens
    items: list[Mention] = []
    end = lo - 1  # the comma before "and"
    k = bisect_left(sm.toks, end) - 1  # the mentions before the comma, nearest first
    while k >= 0:
        m = sm.all[k]
        k -= 1
        if m.tok_end != end:
            if m.tok_end > end or m.source == "pronoun":
                continue  # a second reading of the same words
            break
        if m.location or m.source == "pronoun" or not sm.is_party(k + 1, trig):
            return []
        items.append(m)
        start = m.tok - (m.tok > 0 and tokens[m.tok - 1].low == "the")
        if start < 1 or tokens[start - 1].text != ",":
            break
        end = start - 1
    if len(items) < 2:
        return []
    first = items[-1]
    opening = sm.clauses[first.tok]
    if any(looks_like_verb(tokens[x].low) for x in range(opening, first.tok)):
        return []
    return items[::-1]


def _enumerated_next(tokens: list[Token], out: list[Mention], m: Mention) -> bool:
    """The last item of an enumeration ("A, B, and C") that a clause break at "and" cut off."""
    if len(out) < 2 or not _listed_next(tokens, out, m):
        return False
    return [t.low for t in tokens[out[-2].tok_end : out[-1].tok]] == [","]


def _participle(t: Token) -> bool:
    return not t.cap and len(t.low) > 5 and t.low.endswith("ing") and t.low not in _ING_NOUNS


def _speaking_with(tokens: list[Token], m: Mention) -> bool:
    """ "Manila rejected the demand, with Adviser Eduardo Ano saying ...": a co-speaker."""
    if m.tok_end >= len(tokens) or tokens[m.tok_end].low not in _SPEAKING:
        return False
    return any(t.low == "with" for t in tokens[max(0, m.tok - 5) : m.tok])


def list_end(tokens: list[Token], k: int) -> int:
    """Where a coordinated list of parties ends: at a verb, a dash or a new phrase."""
    x, stop = k, min(len(tokens), k + WINDOW)
    while x < stop:
        low = tokens[x].low
        if low == "(" and (close := _acronym_close(tokens, x)):
            x = close + 1  # "between the Revolutionary Armed Forces of Colombia (FARC) and ..."
            continue
        if low in _LIST_STOPS or low in _FINITE or (
            low.endswith("ed") and len(low) > 4 and not tokens[x].cap
        ):
            return x
        x += 1
    return stop


def _acronym_close(tokens: list[Token], k: int) -> int | None:
    """Where a party's short name in brackets after it closes ("(FARC)", "(FARC-EP)")."""
    for x in range(k + 1, min(len(tokens), k + 4)):
        if tokens[x].low == ")":
            return x if x > k + 1 else None
        if not tokens[x].cap:
            return None
    return None


def _origin(m: Mention, tokens: list[Token]) -> bool:
    """ "tariffs on cars made in China", "imports from Russia": the place is the target."""
    before = tokens[m.tok - 1].low if m.tok >= 1 else ""
    return before == "from" or (before == "in" and m.tok >= 2 and tokens[m.tok - 2].low in _MADE)


def brokers_of(trig: Trigger, sm: SentenceMentions) -> list[Actor]:
    """The go-betweens named just after a deal ("a truce brokered by Turkey and Russia"):
    the only parties told of it when its own sides are not named."""
    tokens = sm.tokens
    found: list[Mention] = []
    for m in sm.between(trig.tok_end, trig.tok_end + _BROKER_REACH):
        if m.location or m.source == "pronoun" or not _is_mediator(m, tokens):
            continue
        if found and not _listed_next(tokens, found, m):
            break
        found.append(m)
    return list(dict.fromkeys(m.actor for m in found))


_BROKER_REACH = 8  # tokens from the deal's noun to its broker: "brokered by the UN and Turkey"


def _is_mediator(m: Mention, tokens: list[Token]) -> bool:
    """ "a truce brokered by Qatar with the help of Egypt": the go-between is no party to it;
    nor is any go-between listed with it ("mediation by Qatar, Egypt, and the United States")."""
    first = _list_start(tokens, m.tok)
    for t in reversed(tokens[max(0, first - 6) : first]):
        if t.low in (",", ";", "between"):
            return False
        if t.low in _MEDIATION_WORDS:
            return True
    return False


def _list_start(tokens: list[Token], tok: int) -> int:
    """Where the list of names a name is a later item of begins: "Qatar, Egypt, and the United
    States" from "United States" or "Egypt" (a list with "and" or "or", of capitalised items);
    the name's own position when it is no later item of one."""
    n = len(tokens)
    # a list goes on after the name ("Egypt and the United States"), or has ended with it
    k, crossed, joined = tok, 0, False
    end = tok
    while end < n and tokens[end].cap:
        end += 1
    joined = end + 1 < n and tokens[end].low in ("and", "or") or (
        end + 2 < n and tokens[end].text == ","
        and (tokens[end + 1].cap or tokens[end + 1].low in ("and", "or"))
    )
    start = tok
    while crossed < _LIST_ITEMS:
        k = start - 1
        if k >= 0 and tokens[k].low == "the":
            k -= 1
        if k < 1 or tokens[k].low not in (",", "and", "or"):
            break
        joined = joined or tokens[k].low != ","
        j = k - 1
        if tokens[k].low != "," and tokens[j].text == ",":
            j -= 1  # the serial comma: ", and the United States"
        if j < 0 or not tokens[j].cap:
            break
        while j > 0 and tokens[j - 1].cap:
            j -= 1
        start, crossed = j, crossed + 1
    return start if crossed and joined else tok


_LIST_ITEMS = 4


def _is_source(m: Mention, tokens: list[Token]) -> bool:
    """ "According to a statement issued by Brunei, ...": who reports an act is no party."""
    for t in reversed(tokens[max(0, m.tok - 7) : m.tok]):
        if t.low in (",", ";", "said", "says"):
            return False
        if t.low == "according":
            return True
    return False


def _decider(tokens: list[Token], trig: Trigger, before: list[Mention]) -> list[Mention]:
    """The possessor of a decision, plan or move the act is the content of ("over their
    decision to invade Ukraine", "Russia's move to cut gas supplies"): the act's own doer."""
    k = trig.tok - 1
    if k < 2 or tokens[k].low != "to" or tokens[k - 1].low not in _DECISION_NOUNS:
        return []
    owner = k - 2
    named = [m for m in before if m.tok <= owner < m.tok_end]
    if named and not _owns_the_noun(tokens, named[0], owner):
        return []  # "South Korea and China plan to sign": a verb after its subject, no noun
    if named or tokens[owner].low not in _POSSESSIVE_PRONOUNS:
        return named
    # a possessive pronoun: the list named last before it ("Putin and Lavrov over their
    # decision"), or for "his"/"her" its last person, for "its" its last state or body
    earlier = [m for m in before if m.tok_end <= owner]
    if not earlier:
        return []
    if tokens[owner].low in ("his", "her"):
        return [m for m in earlier if m.actor.kind == "person"][-1:]
    if tokens[owner].low == "its":
        return [m for m in earlier if m.actor.kind != "person"][-1:]
    listed = [earlier[-1]]
    for m in reversed(earlier[:-1]):
        gap = tokens[m.tok_end : listed[0].tok]
        if not gap or not all(t.low in ("and", ",") or t.cap for t in gap):
            break
        listed.insert(0, m)
    return listed


_DECISION_NOUNS = lexicon.words("decision_nouns")


def _owns_the_noun(tokens: list[Token], m: Mention, owner: int) -> bool:
    """Does the mention ending at ``owner`` own the decision noun after it, as a possessive
    ("Russia's move"), an adjective ("a Chinese plan") or a noun after a determiner ("the US
    plan")? A bare name before it is the subject of "plan" the verb."""
    low = tokens[owner].low
    return (
        low.endswith(("'s", "’s", "'", "’"))
        or m.source == "demonym"
        or (m.tok >= 1 and tokens[m.tok - 1].low in ("the", "a", "an"))
    )


def _quoted_as_saying(tokens: list[Token], k: int) -> bool:
    """ "The agency quoted Lavrov as saying Trump ...": what follows is reported speech."""
    return tokens[k].low == "saying" and k > 0 and tokens[k - 1].low == "as"


def _possessive(tokens: list[Token], m: Mention) -> bool:
    return tokens[m.tok].low in _POSSESSIVE_PRONOUNS


_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its"})


def is_modifier(m: Mention, tokens: list[Token]) -> bool:
    """ "Trump's special envoy": the possessor describes someone else; not a party."""
    last = tokens[m.tok_end - 1]
    if last.base == last.text or m.source == "pronoun":
        return False
    heads = _title_heads()
    after = tokens[m.tok_end : m.tok_end + 5]
    for k, t in enumerate(after):
        if not t.low[0].isalnum():
            return False
        if t.low in _OTHERS_OF_A_PARTY and k <= 2:
            return True  # "could anger Trump's domestic critics, who accuse ...": not Trump
        if t.low in heads:
            # "Putin's official visit": a title word before an act is an adjective
            return not (k + 1 < len(after) and after[k + 1].low in _ACT_NOUNS_AFTER_TITLE)
        if k >= 2 and not t.cap:
            return False  # a capitalised title goes on: "Israel's far-right Security Minister"
    return False


# People named by their relation to a party, who are not that party: "Trump's critics",
# "Russia's allies", "the president's opponents".
_OTHERS_OF_A_PARTY = lexicon.words("others_of_a_party")


@lru_cache(maxsize=1)
def _title_heads() -> frozenset[str]:
    return base_index().title_heads


_SUBORDINATORS = lexicon.words("subordinators")
# Acts a sentence's speaker may only judge: "condemned the strikes", "welcomed the raid".
_OBJECT_ACT_TYPES = frozenset({"military"})


@lru_cache(maxsize=1)
def _judging_verbs() -> frozenset[str]:
    """The one-word triggers of speech acts ("condemned", "welcomed") and the verbs that take an
    act as their topic ("briefed ... on the strikes"); not the saying verbs:
    "Netanyahu said Israel would resume its offensive" tells his own side's act."""
    return lexicon.one_word_triggers(SPEECH_ACTS) | lexicon.words("topic_verbs")
# "Putin's official visit", "Macron's state dinner": the title word is an adjective here.
_ACT_NOUNS_AFTER_TITLE = lexicon.words("act_nouns")
_DETERMINERS = lexicon.words("determiners") | {"a", "an"}


def subjectless(lows: list[str], lo: int, trig: Trigger, sm: SentenceMentions) -> bool:
    """A participle clause (from ``lo``) with no subject of its own: "Despite having spoken
    with ...". Its other party is for the discourse to find."""
    opener = lows[lo : lo + 2]
    participle = any(map(gerund, opener))
    return (
        participle and (lows[lo] in _SUBORDINATORS or lows[lo].endswith("ing"))
        and not sm.between(lo, trig.tok)
    )


def main_subject(tokens: list[Token], end: int, sm: SentenceMentions) -> Mention | None:
    """The subject of the main clause after a fronted participle clause that ends at ``end``
    ("After speaking with Putin by phone, Macron said ...", "After having a telephone
    conversation with the President of the United States, Joe Biden, President Andrés Manuel
    López Obrador announced ..."): the first party named there that its verb follows, past
    an appositive."""
    for m in sm.between(end, end + _MAIN_SUBJECT_REACH):
        if m.source == "pronoun" or m.location or m.tok_end >= len(tokens):
            continue
        nxt = tokens[m.tok_end]
        if not nxt.cap and nxt.low.isalpha() and nxt.low not in _NOT_AFTER_SUBJECT:
            return m
    return None


_MAIN_SUBJECT_REACH = 12  # tokens after the participle clause: an appositive, titles, a name
_NOT_AFTER_SUBJECT = frozenset({
    "of", "and", "or", "in", "on", "at", "to", "for", "with", "from", "by", "the", "a", "an",
    "who", "which", "that", "as",
})


def another_meeting(
    event_type: str, actors: list[tuple[Actor, str]], out: Sequence[ExtractedEvent], lo: int,
    trig: Trigger, sm: SentenceMentions,
) -> bool:
    """ "Obama called Netanyahu ...; Obama also spoke with President Morsi": a call or meeting
    told "also" in a clause that names its own subject, with someone the earlier one did not
    have, is another act (not "visited Jeddah and met the prince": one trip)."""
    if event_type not in MEETING_TYPES or len(actors) < 2:
        return False
    # "called up Putin on Tuesday, a day after he spoke to Biden": a time connective just
    # before the trigger sets its act apart
    apart = not _APART.isdisjoint(sm.lows[max(0, trig.tok - _APART_REACH) : trig.tok])
    earlier = next((e for e in reversed(out) if e.type == event_type), None)
    if not apart and lo > 0 and earlier is not None and _others_meet(
        actors, earlier, lo, trig, sm
    ):
        return True  # "Jaishankar has met Pence, and NSA Ajit Doval had a meeting with Flynn"
    if lo > 0 and earlier is not None and earlier.status in ("cancelled", "postponed") and (
        sm.lows[lo] in _CONTRASTS
    ) and any(a.name not in {e.name for e in earlier.actors} for a, _ in actors[1:]):
        return True  # "will cancel the Moscow leg of his trip, but will meet Putin in Sochi"
    if not apart and (lo == 0 or "also" not in sm.lows[lo : trig.tok]):
        return False
    if earlier is None or not (
        apart or sm.actor_named_between(actors[0][0].name, lo, trig.tok)
    ):
        return False
    had = {a.name for a in earlier.actors}
    return any(a.name not in had for a, _ in actors[1:])


def _others_meet(
    actors: list[tuple[Actor, str]], earlier: ExtractedEvent, lo: int, trig: Trigger,
    sm: SentenceMentions,
) -> bool:
    """A meeting in a clause of its own ("and", "while") whose subject is named right after
    the link, none of whose parties took part in the meeting told before it: other people
    meeting."""
    if sm.lows[lo] not in _CLAUSE_LINKS:
        return False
    subject = sm.between(lo + 1, min(trig.tok, lo + 1 + _SUBJECT_SLOT))
    if not subject or subject[0].actor.name != actors[0][0].name or (
        subject[0].tok_end == trig.tok  # "and holding Red Cross dialogue": a modifier
    ):
        return False  # "... and held talks with Zelenskyy, becoming the last to visit"
    had = {a.name for a in earlier.actors}
    return all(a.name not in had for a, _ in actors)


_CLAUSE_LINKS = frozenset({"and", "while", "whereas"})
_SUBJECT_SLOT = 3  # words after the link where its subject is named: "and NSA Ajit Doval"
_APART = frozenset({"after", "before"})
_CONTRASTS = frozenset({"but", "yet"})  # "called off X, but will meet Y": another act
_APART_REACH = 3  # words before the trigger: "a day after he spoke"


def addressees(
    tokens: list[Token], lows: list[str], lo: int, trig: Trigger, actors: list[tuple[Actor, str]],
    out: Sequence[ExtractedEvent],
) -> list[Actor]:
    """ "Obama called Netanyahu and commended the decision": a speech act told with no target,
    the verb of a clause that goes on ("and ...") from a call or meeting of the same sentence
    with its speaker, is said to the others of that call or meeting."""
    if lo == 0 or lows[lo] != "and" or trig.tok - lo > 2:  # "and also urged"
        return []
    k = trig.tok_end + (trig.tok_end < len(lows) and lows[trig.tok_end] == "the")
    if k < len(tokens) and tokens[k].cap:
        return []  # "and urged the Commission to reconsider": someone the verb names
    if not out or out[-1].type not in MEETING_TYPES:
        return []
    mine = {a.name for a, _ in actors}
    last = out[-1]
    if not any(a.name in mine for a in last.actors):
        return []
    return [Actor(a.name, a.kind, a.country) for a in last.actors if a.name not in mine]


def agreed_to_act(lows: list[str], trig: Trigger) -> bool:
    """ "agreed to cut", "agreed on Wednesday to cut": "agree" with an infinitive is a resolve
    to act, whose only party is its subject; not an accord ("agreed to a truce")."""
    if not lows[trig.tok].startswith("agree"):
        return False
    rest = lows[trig.tok_end : trig.tok_end + 5]
    if "to" not in rest:
        return False
    k = rest.index("to")
    return k + 1 < len(rest) and rest[k + 1].isalpha() and rest[k + 1] not in _DETERMINERS


def owned_act(
    tokens: list[Token], head: Trigger, head_actors: list[tuple[Actor, str]], trig: Trigger,
    sm: SentenceMentions,
) -> list[tuple[Actor, str]] | None:
    """The parties of an act named as what another act is about, when the noun names whose it
    is: "rejected an African Union peace plan", "rejected a proposal by South Africa", "urged
    Turkey to scrap its deal", "pushing the United States to end its embargo on Cuba", "to heed
    Ukraine's requests". The owner's act is a fact of its own (the owner proposed, sanctioned,
    agreed or asked), not the content of the act that names it. Its owner is its initiator;
    whoever responds to a proposal is its target, and the party after the noun ("on Cuba") is
    the target of the others. None when the noun names no owner, or only the head's speaker
    ("Russia rejected its own plan")."""
    if trig.type not in _OWNED_TYPES or trig.tok_end - trig.tok > 2:
        return None
    if trig.type in _ANSWERED_TYPES and head.type not in _RESPONSES:
        return None  # a plan or a charge is named as owned where someone answers it
    if not _noun(tokens, trig):
        return None
    if trig.type == "agreement" and head.type in _RESPONSES and (
        trig.tok_end < len(tokens) and tokens[trig.tok_end].low == "between"
    ):
        # "Biden welcomed the agreement between Armenia and Azerbaijan": the deal is theirs
        sides = [
            m for m in sm.between(trig.tok_end + 1, list_end(tokens, trig.tok_end + 1))
            if not m.location
        ]
        if len({m.actor.name for m in sides}) >= 2:
            return [(m.actor, "participant") for m in sides]
    owner = _owner_of(tokens, head, trig, sm)
    if owner is None:
        return None
    if any(not t.low[0].isalnum() for t in tokens[head.tok_end : min(owner.tok, trig.tok)]):
        return None  # "decided not to proceed ... taking into consideration China's request"
    speakers = {a.name for a, r in head_actors if r != "target"}
    if owner.actor.name in speakers:
        return None
    side = "participant" if trig.type in CONSULT else "initiator"
    parties: list[tuple[Actor, str]] = [(owner.actor, side)]
    if trig.type in _ANSWERED_TYPES:
        # "Rwanda rejected accusations from Paris": who answers is whom the charge is aimed at
        parties += [(a, "target") for a, r in head_actors if r != "target"]
    else:
        after = _party_after_preposition(tokens, trig.tok_end, sm)
        if after is not None:
            parties.append((after.actor, "participant" if side == "participant" else "target"))
        elif trig.type == "sanctions" and not _on_a_state(tokens, trig.tok_end):
            return None  # "lift its restrictions on arms sales": on goods, not on a party
    named: set[str] = set()
    out = []
    for a, r in parties:
        if a.name not in named:
            named.add(a.name)
            out.append((a, r))
    return out


_OWNED_TYPES = frozenset({"proposal", "sanctions", "agreement", "demand", "criticism"})
_ANSWERED_TYPES = frozenset({"proposal", "criticism"})
_RESPONSES = frozenset({"rejection", "support"})  # "rejected the AU plan", "welcomed it"
_OWNED_MODIFIERS = 2  # words between the owner and the noun: "an African Union peace plan"
_OWNED_PRONOUNS = frozenset({"its", "their"})
_OWNED_TARGET_PREPOSITIONS = frozenset({"on", "against", "with", "from"})


def _modifier_owner(tokens: list[Token], m: Mention, trig: Trigger) -> Mention | None:
    """The party named right before an act's noun as its qualifier ("US sanctions", "new EU
    sanctions", "fresh Chinese tariffs"), when another party comes before it in the clause
    (with none, the subject is already that party)."""
    if m.source in ("pronoun", "pair") or m.location or not _noun(tokens, trig):
        return None
    gap = tokens[m.tok_end : trig.tok]
    if len(gap) > 1 or any(t.low not in _NOUN_QUALIFIERS for t in gap):
        return None
    if m.tok > 0 and tokens[m.tok - 1].low in ("to", "for"):
        # "in response to US sanctions", "a response to new EU sanctions" (the article or an
        # adjective may come between)
        return m
    k = m.tok - 1
    while k >= 0 and tokens[k].low in _DETERMINERS | _NOUN_QUALIFIERS:
        k -= 1
    return m if k >= 0 and tokens[k].low in ("to", "of", "over", "against", "by") else None


_MODIFIED_NOUN_TYPES = frozenset({"sanctions"})
_NOUN_QUALIFIERS = lexicon.words("measure_qualifiers")


def _noun(tokens: list[Token], trig: Trigger) -> bool:
    """Is the trigger an act's noun ("plan", "embargo", "deal", "requests"), not a verb?"""
    last = tokens[trig.tok_end - 1].low
    if last.endswith(("ed", "ing")) or looks_like_verb(last):
        return False
    before = tokens[trig.tok - 1].low if trig.tok > 0 else ""
    return before not in ("to", "will", "would", "not", "could", "may", "might", "should")


def _owner_of(
    tokens: list[Token], head: Trigger, trig: Trigger, sm: SentenceMentions
) -> Mention | None:
    """The party an act's noun belongs to: named before it as its possessor or modifier
    ("Ukraine's requests", "an African Union peace plan"), after it as its maker ("a proposal
    by South Africa"), or a possessive pronoun for the party the head addresses ("urged Turkey
    to scrap its deal")."""
    lo = max(head.tok_end, trig.tok - _OWNED_MODIFIERS - 4)
    for m in reversed(sm.between(lo, trig.tok)):
        if m.tok_end > trig.tok or m.source == "pronoun" or m.location:
            continue
        gap = tokens[m.tok_end : trig.tok]
        if len(gap) > _OWNED_MODIFIERS or any(t.cap or not t.low.isalpha() for t in gap):
            break  # not the noun's own modifier: a possessive pronoun may still tell
        before = tokens[m.tok - 1].low if m.tok > 0 else ""
        last = tokens[m.tok_end - 1].low
        possessive = last.endswith(("'s", "’s"))
        if "-" in last:
            return None  # "the UN-backed agreement": who backed it, not whose it is
        if possessive or (before in _DETERMINERS and trig.type not in CONSULT):
            return m  # but "the Barbados accord": where it was made
        return None
    end = trig.tok_end
    if end + 1 < len(tokens) and (
        tokens[end].low == "by" or (tokens[end].low == "from" and trig.type == "criticism")
    ):  # "a proposal by South Africa", "accusations from Paris"
        k = end + 1 + (tokens[end + 1].low == "the")
        m = next((m for m in sm.between(k, k + 1) if m.tok == k), None)
        if m is not None and (not m.location or tokens[end].low == "from"):
            return m  # ("from Paris" reads as a place, but a charge comes from a government)
    k = trig.tok - 1
    if k > head.tok_end and not tokens[k].low.isalpha():
        return None
    if k > head.tok_end and tokens[k].low not in _OWNED_PRONOUNS:
        k -= 1  # "its own sanctions", "their new deal"
    if k > head.tok_end and tokens[k].low in _OWNED_PRONOUNS:
        addressed = [
            m for m in sm.between(head.tok_end, k) if m.source != "pronoun" and not m.location
        ]
        if len(addressed) == 1:
            return addressed[0]
    return None


def _party_after_preposition(
    tokens: list[Token], end: int, sm: SentenceMentions
) -> Mention | None:
    """ "embargo on Cuba", "sanctions against the EU", "deal with Russia": the party the noun's
    preposition names."""
    if end >= len(tokens) or tokens[end].low not in _OWNED_TARGET_PREPOSITIONS:
        return None
    k = end + 1 + (end + 1 < len(tokens) and tokens[end + 1].low == "the")
    return next((m for m in sm.between(k, k + 3) if m.tok <= k + 2), None)


def _on_a_state(tokens: list[Token], end: int) -> bool:
    """ "its embargo on the island nation": a measure on a state the words describe."""
    if end >= len(tokens) or tokens[end].low not in ("on", "against"):
        return False
    return any(t.low in _STATE_NOUNS for t in tokens[end + 1 : end + 4])


_STATE_NOUNS = lexicon.words("state_nouns")
