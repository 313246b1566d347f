"""Actor recognition: gazetteer names and aliases, titled persons, demonyms and references.

Everything works on a sentence's tokens. An ``ArticleMemory`` carries what earlier sentences
established (who "Kim" is, who "he" and "the two leaders" are) from one sentence to the next.
"""

from __future__ import annotations

import calendar
import copy
import re
from bisect import bisect_left
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import compress
from operator import attrgetter
from typing import NamedTuple

from tracker.domain import without_diacritics
from tracker.extract import lexicon
from tracker.extract.clauses import WINDOW, looks_like_verb
from tracker.extract.tokens import PhraseIndex, Token, Tokens, phrase_key, token_fields
from tracker.extract.types import ActorEntry

# Capitalised words that open a sentence or a name but are never part of a person's name.
_NOT_NAME = lexicon.words("not_name_words")
# "the Ministry of National Defense", "the Ministry of Foreign Affairs": a ministry's portfolio.
_PORTFOLIOS = frozenset(lexicon.words("portfolio_words"))
# Capitalised words after which "of X" names the state X: "The Governments of Guyana and Haiti",
# "the President of France", "The State of Kuwait", "the new Republic of South Sudan",
# "Ambassador of China to Pakistan", "The Federal Foreign Ministry of Germany", "the Minister of
# Foreign Affairs of Belarus"; "the People's Republic" aside.
_OF_STATE_HEADS = lexicon.words("of_state_heads")
_DIRECTIONS = lexicon.words("compass_directions")
_PLACE_NOUNS = lexicon.words("place_nouns")
_LOCATIVE = lexicon.words("locatives")
_SET_FOR = lexicon.words("set_for_participles")
_GATHERING_WORDS = lexicon.words("scheduled_gathering_nouns")
_SENT_BY = lexicon.words("representative_nouns")  # "leaders from Gabon": Gabon's, not a place


def _sent_by(lows: list[str], k: int) -> bool:
    """ "leaders from Gabon", "troops from Senegal": the "from" at k names whom the people
    before it stand for; not "withdrew its forces from Afghanistan" (the verb's "from")."""
    return (
        lows[k] == "from" and k >= 1 and lows[k - 1] in _SENT_BY
        and not (k >= 2 and lows[k - 2] in _OWN_WORDS)
    )


_OWN_WORDS = frozenset({"its", "their", "his", "her", "our", "own"})
_MONTHS_AND_DAYS = frozenset(
    [m.lower() for m in calendar.month_name[1:]] + [d.lower() for d in calendar.day_name]
)


def _time_word(low: str) -> bool:
    """ "In July", "In 2019", "On Monday": a time, not a place that a name after it is in."""
    return low in _MONTHS_AND_DAYS or low[:1].isdigit()
_EVENT_NOUNS = lexicon.words("event_nouns")
_DISASTER_NOUNS = frozenset(lexicon.patterns_document()["synsets"]["disaster_nouns"])
_AGENT_SUFFIXES = lexicon.words("agent_suffixes")


class Actor(NamedTuple):
    """A party. A named tuple, not a frozen dataclass: actors are compared, hashed and made
    for every sentence, and a tuple compares and hashes in C and is cheaper to make (its hash
    is the dataclass's: the same order in sets and dicts)."""

    name: str
    kind: str
    country: str | None


@dataclass(slots=True)
class Mention:
    actor: Actor
    tok: int  # first token index in the sentence
    tok_end: int
    source: str  # gazetteer, title, appositive, surname, demonym, anaphor, pair, pronoun
    location: bool = False  # "in Moscow": a place, not a party
    government: Actor | None = None  # for a spokesperson: the government they speak for
    title: str | None = None  # "foreign minister": the title the person was named with


@dataclass
class ArticleMemory:
    """What the article established so far: surnames, the latest persons, the latest subject."""

    surnames: dict[str, Actor] = field(default_factory=dict)
    recent_persons: list[Actor] = field(default_factory=list)  # most recent last
    group: list[Actor] = field(default_factory=list)  # see last_group
    group_fresh: bool = False  # last_group was set by the previous sentence's event
    governments: dict[str, Actor] = field(default_factory=dict)  # spokesperson -> government
    last_subject: Actor | None = None  # the first person named in the latest sentence
    last_body: dict[str, Actor] = field(default_factory=dict)  # kind -> latest organisation/group
    bodies: list[Actor] = field(default_factory=list)  # organisations and groups, latest last
    ranks: dict[str, Actor] = field(default_factory=dict)  # "general" -> the general named last
    state_counts: dict[str, int] = field(default_factory=dict)  # how often each state was named
    states: dict[str, Actor] = field(default_factory=dict)
    army_state: Actor | None = None  # the state whose army or military was named last
    # "Erdogan" -> "Erdoğan": how the article spells a name word the gazetteer has in ASCII.
    spellings: dict[str, str] = field(default_factory=dict)
    _spelled: dict[Actor, Actor] = field(default_factory=dict)
    titles: dict[Actor, str] = field(default_factory=dict)  # person -> the title named with
    agency_state: Actor | None = None  # whose ministry or office was named last
    recent_states: list[Actor] = field(default_factory=list)  # most recently named last
    # The story's pair: each pair of sides an act or a list "A and B" told, with its weight
    # (more for the lead); "the two leaders" are the pair with the most, not a broker's.
    pair_votes: dict[frozenset[Actor], float] = field(default_factory=dict)
    pair_order: dict[frozenset[Actor], tuple[Actor, Actor]] = field(default_factory=dict)
    person_counts: dict[Actor, int] = field(default_factory=dict)  # sentences naming each
    sentence_no: int = 0  # sentences read so far
    acts_told: int = 0  # acts of two or more parties told so far
    persons_named: list[Actor] = field(default_factory=list)  # by the latest sentence
    listed: list[Actor] = field(default_factory=list)  # its last list "A and B"
    # the sides of the latest list of each length of three or more ("A, B and C"): who "the
    # three countries" are
    lists_by_size: dict[int, list[Actor]] = field(default_factory=dict)
    sides_named: list[Actor] = field(default_factory=list)  # and the sides it named
    side_counts: dict[Actor, int] = field(default_factory=dict)  # sentences naming each side
    told: list[list[Actor]] = field(default_factory=list)  # groups the latest acts told
    said: list[list[Actor]] = field(default_factory=list)  # what the latest pair words stood for
    brokers: set[Actor] = field(default_factory=set)  # sides the latest sentence made brokers
    brokers_seen: set[Actor] = field(default_factory=set)  # and all sentences so far
    named_groups: dict[str, Actor] = field(default_factory=dict)  # "rebels" -> "Libyan rebels"
    body: str = ""  # the article's text (for_article): disaster_story reads it when asked
    _disaster: bool | None = None  # disaster_story, once asked

    def __deepcopy__(self, memo: dict[int, object]) -> ArticleMemory:
        """A copy to read a sentence ahead on (pipeline.py): every list, dict and set copied
        (a list shared by two fields stays shared), the actors, names and numbers in them
        shared, since they never change; a value of any other kind is deep-copied. Five
        times cheaper than ``copy.deepcopy``'s walk, which copied every actor anew."""
        new = copy.copy(self)
        memo[id(self)] = new
        for name, value in vars(self).items():
            setattr(new, name, _fresh(value, memo))
        return new

    @property
    def disaster_story(self) -> bool:
        """The article tells of a disaster (a disaster noun of patterns.json's synset anywhere
        in it): aid told without a recipient goes to the state the story is about ("Kuwait
        pledged $100 million to help the victims"). Read from the text when first asked (an
        aid with no recipient: most articles never ask), not for every article."""
        if self._disaster is None:
            self._disaster = not _DISASTER_NOUNS.isdisjoint(
                re.findall(r"[a-z]+", self.body.lower())
            )
        return self._disaster

    @property
    def last_group(self) -> list[Actor]:
        """The parties of the act told last ("they", "the two sides"); an act's parties set
        here also count towards the story's pair."""
        return self.group

    @last_group.setter
    def last_group(self, group: list[Actor]) -> None:
        self.group = group
        self.told.append(list(group))

    @classmethod
    def for_article(cls, text: str) -> ArticleMemory:
        """A memory that knows the article's own spelling of names with diacritics."""
        memory = cls()
        memory.learn_spellings(text)
        memory.body = text  # a story of a flood or an earthquake? (disaster_story)
        return memory

    def learn_spellings(self, text: str) -> None:
        """Note each capitalised word written with diacritics under its ASCII form, so that a
        person is named as the article spells them ("Recep Tayyip Erdoğan" where the article
        writes "Erdoğan", even when the gazetteer's canonical name is "Recep Tayyip Erdogan")."""
        if text.isascii():
            return
        end = 0
        for letter in _ACCENTED_LETTER.finditer(text):
            at = letter.start()
            if at < end:
                continue  # a second accented letter of the same word
            start = at
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
                start -= 1
            end = _WORD_REST.match(text, at).end()
            word = text[start:end].strip("-")
            if not word:
                continue
            plain = ascii_fold(word)
            if word[0].isupper() and plain != word and len(plain) == len(word):
                self.spellings.setdefault(plain, word)

    def spelled(self, actor: Actor) -> Actor:
        """The person under the article's spelling of their name (the same actor otherwise)."""
        if actor.kind != "person" or not self.spellings:
            return actor
        known = self._spelled.get(actor)
        if known is None:
            words = actor.name.split(" ")
            respelled = " ".join(self.spellings.get(w, w) for w in words)
            known = actor if respelled == actor.name else Actor(respelled, "person", actor.country)
            self._spelled[actor] = known
        return known

    def main_state(self) -> Actor | None:
        """The state the story is about: the one named most often so far."""
        if not self.state_counts:
            return None
        return self.states[max(self.state_counts, key=lambda k: self.state_counts[k])]

    def saw_person(self, actor: Actor) -> None:
        if actor in self.recent_persons:
            self.recent_persons.remove(actor)
        self.recent_persons.append(actor)
        del self.recent_persons[:-8]
        parts = actor.name.split()
        if len(parts) >= 2:
            self.surnames[parts[-1]] = actor
            self.surnames.setdefault(parts[0], actor)
            if parts[0] in self.surnames and self.surnames[parts[0]].name.split()[0] == parts[0]:
                self.surnames[parts[0]] = actor  # "Kim" is the latest Kim

    def person_titled(
        self, wanted: tuple[str, ...], exclude: Container[Actor] = ()
    ) -> Actor | None:
        """The person named last with a title that fits ("the minister": the foreign
        minister named last; "the president": not a vice president)."""
        for actor in reversed(self.recent_persons):
            title = self.titles.get(actor)
            if title is not None and actor not in exclude and _title_fits(title, wanted):
                return actor
        return None

    def person_of_state(self, country: str | None, title: str) -> Actor | None:
        """Whom "the Chinese leader", "the US president" stands for: the person of that state
        named last whose title fits (no foreign minister for "the leader"), else the one named
        last."""
        wanted = _ANAPHOR_FITS.get(title)
        untitled = fallback = None
        for actor in reversed(self.recent_persons):
            if actor.country != country:
                continue
            known = self.titles.get(actor)
            if wanted is None or (known is not None and _title_fits(known, wanted)):
                return actor
            if known is None:
                # one named without a title may be the one meant, but one named earlier
                # with the very title is surer ("the Chinese President": Xi, named as
                # "Chinese President Xi Jinping", not the ambassador named after him)
                untitled = untitled or actor
            fallback = fallback or actor
        return untitled or fallback

    def near_surname(self, word: str) -> Actor | None:
        """The person named before whose surname this one word misspells ("President
        Akuffo-Addo" after "Nana Akufo-Addo"); None unless just one is that near."""
        if len(word) < _NEAR_SURNAME_LENGTH:
            return None
        folded = _folded(word)
        found = {
            actor for key, actor in self.surnames.items()
            if key[:1] == word[:1] and abs(len(key) - len(word)) <= 2
            and SequenceMatcher(None, _folded(key), folded).ratio() >= _NEAR_SURNAME
        }
        return found.pop() if len(found) == 1 else None

    def without_brokers(self, parties: list[Actor]) -> list[Actor]:
        """The parties of an act without the go-between the sentence named ("U.S.-hosted
        negotiations between Mirzoyan and Bayramov": the two ministers), when two remain."""
        if not self.brokers:
            return parties
        own = [a for a in parties if a not in self.brokers and (
            a.kind != "person" or all(b.country != a.country for b in self.brokers)
        )]
        return own if len(own) >= 2 else parties

    def last_person(
        self, country: str | None = None, exclude: Iterable[Actor] = ()
    ) -> Actor | None:
        skip = set(exclude)
        for actor in reversed(self.recent_persons):
            if actor not in skip and (country is None or actor.country == country):
                return actor
        return None


# A letter outside ASCII ("ğ" in "Erdoğan"), and the rest of the word from a letter on.
_ACCENTED_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")
_WORD_REST = re.compile(r"[\w-]*")


ascii_fold = without_diacritics  # "Erdoğan" -> "Erdogan"


# every word the titles are written with ("foreign", "minister", "leader", "excellency")
TITLE_WORDS = frozenset(w for t in lexicon.cues()["titles"] for w in phrase_key(t))


class ActorIndex:
    """The gazetteer (plus database actors) compiled for token lookups."""

    def __init__(self, entries: Iterable[ActorEntry]):
        self.state_by_country: dict[str, Actor] = {}
        phrases: dict[tuple[str, ...], Actor] = {}
        self.short_names: dict[str, str] = {}  # person -> one-word alias, for titles
        for entry in entries:
            actor = Actor(entry.name, entry.kind, entry.country)
            if entry.kind == "person":
                single = _short_name(entry)
                if single:
                    self.short_names[entry.name] = single
            if entry.kind == "state" and entry.country:
                self.state_by_country[entry.country] = actor
            for key in _alias_keys(entry):
                phrases[key] = actor
        for key, actor in [(k, a) for k, a in phrases.items() if not "".join(k).isascii()]:
            # "Erdoğan" is also found as "Erdogan" (and "Việt Nam" as "Viet Nam": find_mentions
            # looks names up without their accents); a key of its own wins over a folded one
            phrases.setdefault(fold_key(key), actor)
        self._phrases = phrases
        self._by_surname: dict[str, list[tuple[str, Actor]]] | None = None  # built when asked
        self._given: frozenset[str] | None = None  # built when asked
        self._adjectives: dict[str, str] | None = None  # built when asked
        # Case-sensitive keys: "WHO" is an organisation, "who" is not.
        self._index = PhraseIndex(phrases)
        # First words of the names that can open a match: a capital is required, as before.
        self.first_words = frozenset(w for w in self._index.by_first if w[:1].isupper())
        self.demonyms: dict[str, Actor] = {}
        by_name = {a.name: a for a in phrases.values()}
        for adjective, state in lexicon.demonyms().items():
            if state in by_name:
                self.demonyms[adjective] = by_name[state]
        # "South Korean" is two tokens; "the North Koreans" (plural) is the state as well.
        demonym_keys: dict[tuple[str, ...], tuple[Actor, bool]] = {}
        for adjective, state in self.demonyms.items():
            words = tuple(adjective.split())
            demonym_keys[words] = (state, False)
            if words[-1][-1] in "ni":  # "Russians", "Israelis"; not "Chinese", "French"
                demonym_keys.setdefault((*words[:-1], words[-1] + "s"), (state, True))
        self.demonym_phrases = PhraseIndex(demonym_keys)
        self.demonym_firsts = frozenset(self.demonym_phrases.by_first)
        # One-word demonyms that begin no longer one: a dict lookup suffices.
        self.demonym_words = {
            key[0]: value for key, value in demonym_keys.items()
            if len(key) == 1 and len(self.demonym_phrases.by_first[key[0]]) == 1
        }
        cues = lexicon.cues()
        self.title_abbreviations = frozenset(cues["title_abbreviations"])
        self.titles = PhraseIndex({phrase_key(t): t for t in cues["titles"]})
        self.title_firsts = frozenset(self.titles.by_first)
        self.plural_titles = PhraseIndex({
            (*key[:-1], key[-1] + "s"): t for t in cues["titles"]
            if (key := phrase_key(t))[-1] in _PLURAL_HEADS
        })
        self.plural_title_firsts = frozenset(self.plural_titles.by_first)
        # The head word of each title ("special envoy" → "envoy") marks an apposition.
        self.title_heads = frozenset(
            w for t in cues["titles"] for w in phrase_key(t)[-1:] if w.isalpha() and len(w) > 2
        )
        self.org_words = frozenset(cues["organisation_words"])
        self.title_words = TITLE_WORDS
        self.spokes_titles = frozenset(cues["spokes_titles"])
        self.demonym_nouns = frozenset(w for w in cues["demonym_nouns"] if w != "president")
        self.role_references = PhraseIndex({
            phrase_key(noun): tuple(titles) for noun, titles in cues["role_references"].items()
            if not noun.startswith("_")
        })
        self.role_gate = frozenset(
            f"{w}{s}" for w in self.role_references.by_first for s in ("", "'s", "’s")
        )
        self.agency_heads = frozenset(cues["agency_heads"])
        self.agency_states = {
            phrase_key(agency): by_name[state] for agency, state in cues["agency_states"].items()
            if state in by_name
        }
        self.combining_forms = {
            form: by_name[state] for form, state in lexicon.combining_forms().items()
            if state in by_name
        }
        self.anaphor_titles = PhraseIndex({phrase_key(t): t for t in cues["anaphor_titles"]})
        # phrase -> (what it names, whether only as a subject before a verb)
        # "the two Koreas": a pair reference that names its two parties, whatever the story
        self.named_pairs = {
            phrase_key(t): tuple(by_name[name] for name in names)
            for t, names in cues["named_pairs"].items()
            if not t.startswith("_") and all(name in by_name for name in names)
        }
        self.pairs = PhraseIndex({
            **{phrase_key(t): (kind, False) for t, kind in cues["pair_references"].items()},
            **{key: ("named", False) for key in self.named_pairs},
            **{phrase_key(t): (kind, True) for t, kind in cues["pair_subjects"].items()},
        })
        self.pair_subject_verbs = frozenset(cues["pair_subject_verbs"])
        self.subject_pronouns = frozenset(cues["subject_pronouns"])
        self.plural_pronouns = frozenset(cues["plural_pronouns"])
        self.possessive_pronouns = frozenset(cues["possessive_pronouns"])
        # The words a reference can begin with (step 6 of find_mentions looks at no other).
        self.reference_firsts = (
            frozenset(self.pairs.by_first) | {"the"} | self.subject_pronouns
            | self.plural_pronouns | self.possessive_pronouns | {"it"}
        )

    def with_extra(self, entries: Iterable[ActorEntry]) -> ActorIndex:
        """This index plus more actors (the database's), which never take a name or alias
        this index already has. Only the new names are read, so building one per article
        costs little however large the gazetteer is."""
        new = copy.copy(self)
        new.state_by_country = dict(self.state_by_country)
        new.short_names = dict(self.short_names)
        by_first = dict(self._index.by_first)
        added: dict[tuple[str, ...], Actor] = {}
        for entry in entries:
            actor = Actor(entry.name, entry.kind, entry.country)
            single = _short_name(entry) if entry.kind == "person" else None
            if single:
                new.short_names.setdefault(entry.name, single)
            if entry.kind == "state" and entry.country:
                new.state_by_country.setdefault(entry.country, actor)
            for key in _alias_keys(entry):
                if key not in self._phrases:
                    added[key] = actor
                folded = fold_key(key)
                if folded != key and folded not in self._phrases:
                    added.setdefault(folded, actor)
        for key, actor in added.items():
            by_first[key[0]] = sorted(
                [*by_first.get(key[0], ()), (key, actor)], key=lambda kv: -len(kv[0])
            )
        new._phrases = {**self._phrases, **added}
        new._by_surname = None
        new._given = None
        new._index = PhraseIndex({})
        new._index.by_first = by_first
        new.first_words = self.first_words | {k[0] for k in added if k[0][:1].isupper()}
        return new

    def known_variant(self, words: list[str]) -> Actor | None:
        """The known person a longer, shorter or misspelt form of a name stands for: the same
        surname and a first name that is theirs, its initial or a near spelling ("Nana Addo
        Dankwa Akufo-Addo", "S Jaishankar", "Vlodomir Zelenskyy"); None unless just one fits."""
        if self._by_surname is None:
            # the hand-made gazetteer's persons: the generated dictionaries' formal full names
            # ("William Jefferson Hague") are not how the news names anyone
            curated = {e.name for e in lexicon.curated_persons()}
            by_surname: dict[str, list[tuple[str, Actor]]] = {}
            for actor in dict.fromkeys(self._phrases.values()):
                parts = actor.name.split()
                if actor.kind == "person" and len(parts) >= 2 and actor.name in curated:
                    by_surname.setdefault(_folded(parts[-1]), []).append((_folded(parts[0]), actor))
            self._by_surname = by_surname
        candidates = self._by_surname.get(_folded(words[-1]))
        if not candidates:
            return None
        first = _folded(words[0]).rstrip(".")
        tail = [_folded(w) for w in words]
        fits = {
            actor for given, actor in candidates
            if _same_given_name(first, given) or _ends_with(actor.name, tail)
        }  # (the name's last words, a middle name first: "Tayyip Erdogan" is Recep Tayyip
        # Erdogan; not "Hamad bin Jassem Al Thani", whose words are not Tamim bin Hamad's last)
        return fits.pop() if len(fits) == 1 else None

    def near_known(self, word: str) -> Actor | None:
        """The known person whose surname a long word misspells ("President Akuffo-Addo");
        None unless just one is that near."""
        if len(word) < _NEAR_KNOWN_LENGTH:
            return None
        self.known_variant([word, word])  # builds the surname table
        folded = _folded(word)
        found = {
            actor for surname, people in (self._by_surname or {}).items()
            if surname[:1] == folded[:1] and abs(len(surname) - len(folded)) <= 2
            and SequenceMatcher(None, surname, folded).ratio() >= _NEAR_KNOWN
            for _, actor in people
        }
        return found.pop() if len(found) == 1 else None

    def given_names(self) -> frozenset[str]:
        """First names (folded) that at least two known persons bear: "Frank", "Albert"; not
        the odd first word of a generated entry ("Foreign", "Air")."""
        if self._given is None:
            seen: dict[str, int] = {}
            for actor in dict.fromkeys(self._phrases.values()):
                parts = actor.name.split()
                if actor.kind == "person" and len(parts) >= 2:
                    first = _folded(parts[0])
                    seen[first] = seen.get(first, 0) + 1
            self._given = frozenset(w for w, count in seen.items() if count >= 2)
        return self._given

    def lookup_one(self, text: str) -> Actor | None:
        """The actor a whole word names ("US", "Russia"), if any."""
        hit = self.lookup([text], 0)
        return hit[1] if hit and hit[0] == 1 else None

    def lookup(self, texts: list[str], i: int) -> tuple[int, Actor] | None:
        hit = self._index.match_at(texts, i)
        return hit  # type: ignore[return-value]

    def adjective_of(self, state: Actor) -> str | None:
        """The demonym that names a state's people ("Venezuelan"), the first one listed."""
        if self._adjectives is None:
            self._adjectives = {}
            for adjective, actor in self.demonyms.items():
                if adjective.replace(" ", "").isalpha():
                    self._adjectives.setdefault(actor.name, adjective)
        return self._adjectives.get(state.name)

    def state_of(self, country: str | None) -> Actor | None:
        return self.state_by_country.get(country) if country else None


_IMMUTABLE = (str, int, float, bool, type(None), Actor, frozenset)


def _fresh(value: object, memo: dict[int, object]) -> object:
    """``value`` copied for ArticleMemory.__deepcopy__ (``memo`` keeps shared containers
    shared)."""
    kind = type(value)
    if kind in _IMMUTABLE:
        return value
    known = memo.get(id(value))
    if known is not None:
        return known
    if kind is list:
        new_list: list[object] = []
        memo[id(value)] = new_list
        new_list.extend([_fresh(v, memo) for v in value])  # type: ignore[attr-defined]
        return new_list
    if kind is dict:
        new_dict: dict[object, object] = {}
        memo[id(value)] = new_dict
        for k, v in value.items():  # type: ignore[attr-defined]
            new_dict[_fresh(k, memo)] = _fresh(v, memo)
        return new_dict
    if kind is set and all(type(v) in _IMMUTABLE for v in value):  # type: ignore[attr-defined]
        new_set = set(value)  # type: ignore[call-overload]
        memo[id(value)] = new_set
        return new_set
    if kind is tuple and all(type(v) in _IMMUTABLE for v in value):  # type: ignore[attr-defined]
        return value
    return copy.deepcopy(value, memo)


def _folded(word: str) -> str:
    return without_diacritics(word).casefold()


def _ends_with(name: str, tail: list[str]) -> bool:
    """Are the folded words ``tail`` the last words of ``name``, which has more of them?"""
    parts = name.split()
    return len(parts) > len(tail) and [_folded(w) for w in parts[-len(tail) :]] == tail


def _same_given_name(first: str, given: str) -> bool:
    """Is ``first`` (folded, no final dot) the given name ``given``, its initial or a near
    spelling of it ("vlodomir" for "volodymyr")?"""
    if first == given:
        return True
    if not first or not given or first[0] != given[0]:
        return False
    if len(first) == 1 or len(given.rstrip(".")) == 1:
        return True
    return SequenceMatcher(None, first, given).ratio() >= _NEAR_SPELLING


_NEAR_SPELLING = 0.7
_NEAR_SURNAME = 0.85  # "Akuffo-Addo" for "Akufo-Addo", not "Sharif" for "Shahid"
_NEAR_SURNAME_LENGTH = 6
_NEAR_KNOWN = 0.9  # a gazetteer surname: nearer still ("Akuffo-Addo", not "Sharifi")
_NEAR_KNOWN_LENGTH = 8


@lru_cache(maxsize=1)
def base_index() -> ActorIndex:
    """The shipped gazetteer, compiled once per process."""
    return ActorIndex(lexicon.load_gazetteer())


def _short_name(entry: ActorEntry) -> str | None:
    single = [a for a in entry.aliases if " " not in a and a[:1].isupper()]
    return single[0] if single else None


@lru_cache(maxsize=4096)
def fold_accents(word: str) -> str:
    """The word without its accents: "Việt" → "Viet", "Erdoğan" → "Erdogan"."""
    return word if word.isascii() else _plain(word)


def fold_key(key: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(map(fold_accents, key))


def _alias_keys(entry: ActorEntry) -> Iterator[tuple[str, ...]]:
    for alias in (entry.name, *entry.aliases):
        key = tuple(base for _, _, base, _ in token_fields(alias))  # "People's": "People"
        if key and key[0] in ("the", "The") and len(key) > 1:
            key = key[1:]
        if key:
            yield key
        if entry.kind in ("organisation", "group") and _is_acronym(alias):
            yield (alias.capitalize(),)  # British style writes "Nato", "Ecowas", "Opec"


def _is_acronym(alias: str) -> bool:
    """An upper-case acronym long enough to be written as a word ("NATO", not "UN")."""
    return len(alias) >= 4 and alias.isalpha() and alias.isupper()


_PARTICLES = lexicon.words("name_particles")
_CAPITAL_PARTICLES = frozenset({p.capitalize() for p in _PARTICLES if len(p) <= 3})


def _name_run(tokens: list[Token], j: int, limit: int = 4) -> int:
    """End of a run of capitalised name tokens starting at j (j when there is none).

    Lower-case particles inside a name are part of it ("Mohammed bin Salman", "Abdel Fattah
    el-Sisi", "Ursula von der Leyen") but do not count towards ``limit``."""
    k = j
    particles = 0
    n = len(tokens)
    while k < n and k - j - particles < limit:
        t = tokens[k]
        if not t.cap or not t.text[0].isalpha() or t.text in _NOT_NAME:
            if k == j or not _inner_particle(tokens, k):
                break
            if t.low in _PARTICLES:  # "bin", "von der": the name goes on after it
                run = k
                while run < n and tokens[run].low in _PARTICLES and not tokens[run].cap:
                    run += 1
                particles += run - k
                k = run
                continue
        if t.text in _CAPITAL_PARTICLES and k + 1 < n and tokens[k + 1].cap:
            particles += 1  # "Mohammed bin Abdulrahman Al Thani": "Al" does not count
        elif k > j and len(t.text) == 1 and k + 2 < n and tokens[k + 1].text == "." and (
            tokens[k + 2].cap and tokens[k + 2].text[0].isalpha()
        ):
            particles += 2  # a middle initial: "Mikhail S. Gorbachev", "John F. Kerry"
            k += 2
            continue
        k += 1
        if t.base != t.text:  # a possessive ends the name
            break
    return k


# the head nouns of a body's name that the gazetteer may not know ("conference" and
# "summit" name gatherings, "ministry" and "office" a state's own agencies)
_BODY_HEADS = lexicon.words("body_heads")
_BODY_NAME_LIMIT = 7
_LED_REACH = 6  # words after the name: "Party (BJP)-led"


def _names_a_document(lows: list[str], end: int) -> bool:
    """A deal's or a text's noun right after a place's name, past one modifier ("climate",
    "peace"): the place names the text ("the Paris climate agreement", "the Oslo Accords")."""
    for k in (end, end + 1):
        if k < len(lows) and lows[k] in _DOCUMENT_NOUNS:
            return True
        if k < len(lows) and (not lows[k].isalpha() or k > end):
            return False
    return False


_DOCUMENT_NOUNS = lexicon.words("document_nouns")


def _unnamed_holder_before(lows: list[str], i: int, title_heads: Container[str]) -> bool:
    """A title just before a pronoun, with no person named in the sentence before it ("Russia's
    deputy foreign minister said he had cancelled ...", "summoned the Chinese ambassador to
    protest his remarks"): the pronoun is that unnamed official, not a person named in an
    earlier sentence."""
    return any(lows[x] in title_heads for x in range(max(0, i - _HOLDER_REACH), i))


_HOLDER_REACH = 8  # words before the pronoun: "the country's top security official said he"
_HALVES = lexicon.words("country_halves")  # "the North", "the South": a divided country's halves


def _inner_particle(tokens: list[Token], k: int) -> bool:
    """A lower-case particle (or "al-Sharaa") between capitalised parts of one name."""
    t = tokens[k]
    if t.low[:3] in ("al-", "el-") and t.text[3:4].isupper():
        return True
    if t.low not in _PARTICLES:
        return False
    run = k
    while run < len(tokens) and tokens[run].low in _PARTICLES and not tokens[run].cap:
        run += 1
    return run < len(tokens) and tokens[run].cap and tokens[run].text[0].isalpha()


_FIGHTER_NOUNS = frozenset(lexicon.words("troop_nouns"))


_TOK = attrgetter("tok")  # a mention's first token, as a sort key in C
_ACTOR_KIND = attrgetter("actor.kind")
_SOURCE = attrgetter("source")


def _where(words: list[str], wanted: frozenset[str], word_set: set[str]) -> list[int]:
    """The positions of the words in ``wanted``, in order. ``word_set``: the set of ``words``
    (``Tokens.words``), for the first test (each word once, not each token)."""
    if wanted.isdisjoint(word_set):
        return []  # most sentences for most word sets: one test in C
    return list(compress(range(len(words)), map(wanted.__contains__, words)))  # the scan in C


def find_mentions(tokens: Tokens, index: ActorIndex, memory: ArticleMemory) -> list[Mention]:
    """Actor mentions in one sentence, left to right; updates ``memory`` with new persons."""
    n = len(tokens)
    fresh_group, memory.group_fresh = memory.group_fresh, False
    _count_told(memory, index)
    texts = tokens.bases
    lows = tokens.lows
    capitals = tokens.capitals
    claimed = [False] * n
    # Which kinds of reference the sentence can hold at all (one set test each, in C).
    low_set = tokens.words
    roles_possible = not index.role_gate.isdisjoint(low_set)
    agency_possible = not index.agency_heads.isdisjoint(low_set)
    country_possible = not _COUNTRY_GATE.isdisjoint(low_set)
    body_possible = not _BODY_GATE.isdisjoint(low_set)  # "the bloc", "the group's"
    mentions: list[Mention] = []

    # 1. Gazetteer names and aliases (case-sensitive, longest first).
    gaz: list[Mention] = []
    free = 0  # the first token no gazetteer match covers
    gaz_firsts = index.first_words  # all capitalised
    match_name = index._index.match_at
    # names are looked up without their accents ("Việt Nam" is "Viet Nam"); most sentences
    # have no accented letter (curly quotes and dashes are none): one or two tests in C
    joined = "".join(texts)
    names = texts if joined.isascii() or _ACCENTED_LETTER.search(joined) is None else [
        fold_accents(t) for t in texts
    ]
    for i in capitals:  # (a filter in the loop: a comprehension is one more function call)
        if i < free or names[i] not in gaz_firsts:
            continue  # inside the name matched before, or no name starts with the word
        hit = match_name(names, i)
        if hit is None:
            continue
        length, actor = hit
        end = i + length
        if end < n and texts[end] == "$" and tokens.starts[end] == tokens.end_of(end - 1):
            continue  # "US$150,000": a currency, not the state (but "lend Egypt $3 billion")
        if i and texts[i - 1] in _OTHER_PLACE_FIRSTS and (
            (texts[i - 1], *texts[i:end]) in _OTHER_PLACES
        ):
            continue  # "South America", "New Mexico": another place
        gaz.append(Mention(actor, i, end, "gazetteer"))
        free = end

    # "North and South Korea": the first direction shares the name that ends the pair.
    pairs_of_names = _after_and(gaz, lows) if "and" in low_set else []
    for g in pairs_of_names:
        first = g.tok - 2
        if texts[first] in _DIRECTIONS and texts[g.tok] in _DIRECTIONS and not any(
            h.tok <= first < h.tok_end for h in gaz
        ):
            hit = match_name([texts[first], *texts[g.tok + 1 : g.tok_end]], 0)
            if hit and hit[0] == g.tok_end - g.tok:
                gaz.append(Mention(hit[1], first, first + 1, "gazetteer"))
    if pairs_of_names:  # (the matches above came in token order: only these can be out of it)
        gaz.sort(key=_TOK)

    # Which gazetteer match covers, starts at or ends at each token (constant-time lookups).
    gaz_cover: list[Mention | None] = [None] * n
    gaz_by_end: dict[int, list[Mention]] = {}
    for g in gaz:
        for x in range(g.tok, g.tok_end):
            gaz_cover[x] = g
        gaz_by_end.setdefault(g.tok_end, []).append(g)

    # Demonyms, one or more tokens: start -> (end, state, plural).
    dem: dict[int, tuple[int, Actor, bool]] = {}
    dem_firsts = index.demonym_firsts
    dem_words = index.demonym_words
    covered = 0  # a multi-word demonym covers tokens up to here
    # (most sentences have no demonym: one test in C skips the pass)
    for i in capitals if not dem_firsts.isdisjoint(texts) else ():
        if i < covered or texts[i] not in dem_firsts:
            continue
        one = dem_words.get(texts[i])
        hit_d = (1, one) if one is not None else index.demonym_phrases.match_at(texts, i)
        if hit_d and i and texts[i - 1] in _OTHER_PLACE_FIRSTS and (
            (texts[i - 1], *texts[i : i + hit_d[0]]) in _OTHER_PLACES
        ):
            continue  # "Latin American leaders": no Americans
        if hit_d:
            state_d, plural = hit_d[1]  # type: ignore[misc]
            covered = i + hit_d[0]
            dem[i] = (covered, state_d, plural)

    # 2a. Two persons under one plural title: "Former presidents Didier Ratsiraka and Albert
    # Zafy", "Presidents Andry Rajoelina and Marc Ravalomanana" (the title is no first name).
    for i in _where(lows, index.plural_title_firsts, low_set):
        hit = index.plural_titles.match_at(lows, i)
        if not hit or True in claimed[i : i + hit[0]]:
            continue
        j = i + hit[0]
        # "the premiers of Slovenia and Croatia, Miro Cerar and Andrej Plenković": each
        # person is of the state named in the same place
        their_states = _states_listed_of(tokens, lows, gaz_cover, j)
        if their_states:
            j = their_states[-1].tok_end + 1
        found = _listed_names(tokens, j)
        if not found or (their_states and len(their_states) != len(found)):
            continue
        country = _country_before(tokens, i, dem, gaz_cover)
        titled_pair: list[Mention] = []
        for k, (a, b) in enumerate(found):
            actor = _resolve_name(texts[a:b], index, memory)
            if actor is None:
                break
            own = their_states[k].actor.country if their_states else country
            if actor.country is None and own:
                actor = Actor(actor.name, "person", own)
            titled_pair.append(Mention(actor, a, b, "title", title=str(hit[1])))
        if len(titled_pair) == len(found):
            mentions.extend(titled_pair)
            for x in range(i, found[-1][1]):
                claimed[x] = True

    # 2. Titled persons: "Russian President Vladimir Putin", "Vice Foreign Minister Choe Son Hui".
    title_firsts = index.titles.by_first
    for i in _where(lows, index.title_firsts, low_set):
        if claimed[i]:
            continue
        hit = index.titles.match_at(lows, i)
        if not hit:
            continue
        length, title = hit
        if title in index.title_abbreviations and tokens[i].text != str(title).upper():
            continue  # "PM Modi" is a title; "5 pm" is not
        j = i + length
        if j + 2 < n and tokens[j].text == "(" and tokens[j + 2].text == ")" and (
            tokens[j + 1].text.isupper()
        ):
            j += 3  # "Prime Minister (PM) Narendra Modi"
        while j < n and tokens[j].cap and lows[j] in title_firsts:
            stacked = index.titles.match_at(lows, j)  # "Energy Minister Prince Abdulaziz"
            if not stacked:
                break
            j += stacked[0]
        j = _past_portfolio(tokens, j)  # "State Secretary for Foreign Affairs Yutaka Banno"
        of_state = None
        if j + 1 < n and lows[j] == "of" and (g := gaz_cover[j + 1]) is not None and (
            g.tok == j + 1 and g.actor.kind == "state" and _name_run(tokens, g.tok_end) > g.tok_end
            or g.tok == j + 1 and g.actor.kind == "state" and lows[i + length - 1] in _POSTED_HEADS
            and _past_post(tokens, lows, gaz_cover, g.tok_end) > g.tok_end
        ):
            # "President of Argentina Mauricio Macri", "Minister of Foreign Affairs of Belarus
            # Uladzimir Makey": the title's state, then the name
            of_state, j = g.actor, g.tok_end
        posted = lows[i + length - 1] in _POSTED_HEADS
        if posted:
            # "Special Envoy to Sudan Tom Perriello": the post's host, then the name
            j = _past_post(tokens, lows, gaz_cover, j)
        k = _name_run(tokens, j)
        if k == j:
            continue
        for x in range(j, k - 1):
            if lows[x] in index.title_heads:
                j = x + 1  # "Chief Cabinet Secretary Hirokazu Matsuno": the name follows
        name_tokens = texts[j:k]
        actor = _resolve_name(name_tokens, index, memory)
        if actor is None:
            continue
        country = actor.country or (of_state.country if of_state is not None else None) or (
            _country_before(tokens, i, dem, gaz_cover)
        )
        if actor.country is None and country:
            actor = Actor(actor.name, "person", country)
        government = None
        if title in index.spokes_titles:
            government = index.state_of(country) or _nearest_state(gaz_cover, i) or (
                # "Foreign Ministry Spokesperson Seyyed Abbas Mousavi" after "Iran's Foreign
                # Ministry has condemned ...": the ministry's state
                memory.agency_state
                if country is None and "ministry" in lows[max(0, i - 2) : i + 2] else None
            )
        elif of_state is not None and posted:
            # "Ambassador of China to Pakistan Jiang Zaidong": the envoy acts for the state
            # the title names
            government = of_state
        titled = Mention(
            actor, j, k, "title", government=government, title=_full_title(lows, i, title)
        )
        mentions.append(titled)
        for x in range(i, k):
            claimed[x] = True
        for end in range(max(0, i - 3), i + 1) if gaz_by_end else ():
            for g in gaz_by_end.get(end, ()):
                # "IAEA Director General Rafael Grossi": the prefix is part of the title.
                # "Hamas political leader Ismail Haniyeh": the person acts, not the organisation.
                if _capitalised_or_modifiers(tokens, lows, g.tok_end, i):
                    for x in range(g.tok, g.tok_end):
                        claimed[x] = True
                    if g.actor.kind != "state":
                        # "European Council President Donald Tusk" is no "the president" later.
                        titled.title = None

    # 3. Appositions: "Steve Witkoff, Trump's special envoy", "Lee Jae-myung, leader of ...".
    # Each is set off by a comma and names a title by its head word ("envoy", "leader"): a
    # sentence without both has none.
    appositions_possible = "," in low_set and not index.title_heads.isdisjoint(low_set)
    for i in capitals if appositions_possible else ():
        if claimed[i] or texts[i] in _NOT_NAME:
            continue
        if i > 0 and tokens[i - 1].cap and not claimed[i - 1]:
            continue
        k = _name_run(tokens, i)
        if k - i < 2 or i in dem or True in claimed[i:k]:
            continue  # "French President Emmanuel Macron" was read as a title already
        if _title_words_only(lows, i, k, index.title_words):
            continue  # "Acting President, Yemi Osinbajo ...": a title, not a name
        if i > 0 and (lows[i - 1] in ("the", "of") or lows[i - 1] in _LOCATIVE):
            continue  # "across the Black Sea, his spokesman said": a place, not a person
        if _covered_by_body(gaz_cover, i, k):
            continue
        # "Iran's top security official, Ali Shamkhani, ...": the title comes first.
        title_first = (
            i >= 2 and tokens[i - 1].text == ","
            and (lows[i - 2] in index.title_heads or _title_of_body(tokens, lows, i - 1, index))
            and (
                k >= n or tokens[k].text in (",", ".") or lows[k] in ("and", "said")
                or (lows[k] in _AFTER_SUBJECT or looks_like_verb(lows[k])) and not tokens[k].cap
            )  # "Acting President, Yemi Osinbajo on Sunday received ..."
        )
        if not title_first and (k >= n or tokens[k].text != ","):
            continue
        if title_first:
            title_span = range(max(0, i - 7), i - 1)  # "Iran's top security official"
        else:
            window = lows[k + 1 : k + 8]
            title_at = next(
                compress(range(len(window)), map(index.title_heads.__contains__, window)), None
            )
            if title_at is None:
                continue
            title_span = range(k + 1, k + 2 + title_at)
        actor = _resolve_name(texts[i:k], index, memory)
        if actor is None:
            continue
        country = actor.country
        if country is None:
            country = _first_state_country(gaz_cover, title_span)
            if country:
                actor = Actor(actor.name, "person", country)
        government = None
        said_as = title_span
        if not title_first:  # "Tan Kefei, a defense ministry spokesperson,": the whole title
            end = next(
                (x for x in range(k + 1, min(n, k + 8)) if lows[x] in (",", ".", ";")),
                title_span.stop,
            )
            said_as = range(k + 1, max(end, title_span.stop))
        if not index.spokes_titles.isdisjoint(lows[said_as.start : said_as.stop]):
            title_span = said_as
            if country is None:
                # "Baloch, the spokesperson for Pakistan's foreign ministry"; "said Tan
                # Kefei, a defense ministry spokesperson": the state whose ministry was
                # named (here, else last)
                stop = title_span.stop
                country = _first_state_country(gaz_cover, title_span)
                if country is None and stop < n and lows[stop] in ("for", "of", "at"):
                    country = _first_state_country(gaz_cover, range(stop + 1, min(n, stop + 4)))
                if country is None and not index.agency_heads.isdisjoint(
                    lows[title_span.start : stop]
                ) and memory.agency_state is not None:
                    country = memory.agency_state.country
                if country is not None:
                    actor = Actor(actor.name, "person", country)
            government = index.state_of(country)
        span_lows = lows[title_span.start : title_span.stop]
        titles_found = index.titles.find_all(span_lows)
        title_said = (
            _full_title(span_lows, titles_found[-1][0], str(titles_found[-1][2]))
            if titles_found else None
        )
        mentions.append(
            Mention(actor, i, k, "appositive", government=government, title=title_said)
        )
        for x in range(i, k):
            claimed[x] = True
        if title_first and title_said is not None:
            # "the President of the United States, Joe Biden", "Papua New Guinea Prime
            # Minister and Chair of the Pacific Islands Forum, Peter O'Neill": the state the
            # title is of is part of the title, the person stands for it (a body's officer
            # speaks for the body, which stays)
            start = i - 1
            while start > 0 and (tokens[start - 1].cap or lows[start - 1] in _TITLE_JOINERS):
                start -= 1
            for x in range(start, i - 1):
                g = gaz_cover[x]
                if g is not None and g.tok == x and g.tok_end <= i - 1 and (
                    g.actor.kind == "state"
                ) and (  # of a title ("President of ..."), or before one ("PNG Prime Minister")
                    lows[g.tok_end] in index.title_words
                    or not index.title_words.isdisjoint(lows[start : g.tok])
                ):
                    for y in range(g.tok, g.tok_end):
                        claimed[y] = True
                    mentions[-1].tok = min(mentions[-1].tok, start)  # "with the President of"
            posted = i - 2
            if posted >= 1 and (g := gaz_cover[posted]) is not None and g.tok_end == i - 1 and (
                g.actor.kind != "person"
            ):
                to = g.tok - 1 - (lows[g.tok - 1] == "the")
                if to >= 1 and lows[to] == "to" and lows[to - 1] in _POSTED_HEADS:
                    # "Permanent Representative to the UN, Syed Akbaruddin": the body the envoy
                    # is posted to is part of the title, not the envoy's own
                    for y in range(g.tok, g.tok_end):
                        claimed[y] = True

    # Gazetteer matches that a person's name did not swallow.
    for g in gaz:
        if True in claimed[g.tok : g.tok_end]:  # a flag set on one of its tokens (in C)
            continue
        name_end = g.tok_end
        while name_end < n and name_end - g.tok_end < 2 and (
            lows[name_end] == "+" or lows[name_end].isdigit()
        ):
            name_end += 1  # "the ASEAN+3 meeting"
        if (
            name_end < n and lows[name_end] in _EVENT_NOUNS and g.actor.kind != "person"
            and not (g.tok >= 2 and texts[g.tok - 1] in _DASHES and gaz_by_end.get(g.tok - 1))
        ):
            continue  # "the G20 summit": the event's name, not a party ("U.S.-China talks" are)
        if (
            g.actor.kind == "state" and g.tok_end - g.tok == 1 and texts[g.tok] != g.actor.name
            and texts[g.tok].isalpha() and not texts[g.tok].isupper() and g.tok not in dem
            and _names_a_document(lows, g.tok_end)
        ):
            continue  # "the Paris climate agreement", "the Minsk accords": a text's name
        if (
            g.actor.kind == "state" and g.tok_end < n and lows[g.tok_end] in _TOPIC_NOUNS
            and g.tok >= 1 and lows[g.tok - 1] == "the"
            and tokens[g.tok_end - 1].base == tokens[g.tok_end - 1].text
        ):
            continue  # "talks on the Syria crisis", "the Ukraine war": a topic, not a party
        if (
            g.tok >= 2 and lows[g.tok - 1] == "of" and tokens[g.tok - 2].cap
            and lows[g.tok - 2] not in _OF_STATE_HEADS
        ):
            continue  # "Credit Bank of Moscow"; but "The Governments of Guyana and Haiti"
        if (
            g.actor.kind == "organisation" and g.tok >= 2 and g.tok_end - g.tok >= 2
            and tokens[g.tok - 1].cap and tokens[g.tok - 1].text.isalpha()
            and texts[g.tok - 1] not in _NOT_NAME and texts[g.tok - 1] not in index.demonyms
            and g.tok not in gaz_by_end
        ):
            continue  # "Iran's Supreme National Security Council": a longer, unknown name
        before = g.tok - 1 - (g.tok > 1 and lows[g.tok - 1] == "the")
        if before >= 2 and lows[before] == "," and lows[before - 1] in _PLACE_NOUNS:
            before -= 1  # "in the Ethiopian capital, Addis Ababa"
        if before >= 1 and lows[before] in _PLACE_NOUNS:
            # "in the Ghanaian capital Accra", "in the port city of Odesa": past the words
            # that say what kind of place it is
            k = before - 1
            while k >= 0 and k > before - 4 and (
                texts[k] in index.demonyms or lows[k] in _PLACE_NOUNS or lows[k] in ("the", "of")
            ):
                k -= 1
            before = k
        if (
            before >= 0 and lows[before] in _LOCATIVE and g.actor.kind != "person"
            and tokens[g.tok_end - 1].base == tokens[g.tok_end - 1].text
            and not _sent_by(lows, before)
        ):  # but "met with leaders from Gabon", "troops from Senegal": whom they stand for
            g.location = True  # "in Moscow", "at the White House"; not "in Pyongyang's statement"
        elif (
            before >= 1 and lows[before] == "of" and lows[before - 1] in _SETTING_NOUNS
            and g.actor.kind != "person"
        ):
            g.location = True  # "on the sidelines of the G20": where, not who
        elif (
            before >= 2 and lows[before] == "for" and lows[before - 1] in _SET_FOR
            and g.actor.kind != "person"
            and not _GATHERING_WORDS.isdisjoint(lows[max(0, before - 6) : before - 1])
        ):
            # "a retreat scheduled for Dominica": where a gathering is held (but the state a
            # visit is planned for is its host, a party)
            g.location = True
        elif (
            g.tok >= 2 and lows[g.tok - 1] == "," and mentions and mentions[-1].location
            or (
                g.tok >= 3 and lows[g.tok - 1] == "," and lows[g.tok - 3] in _LOCATIVE
                and not _sent_by(lows, g.tok - 3)  # "officials from Russia, Sri Lanka"
                and not _time_word(lows[g.tok - 2])  # "In July, Trump met": the subject
                and tokens[g.tok - 2].cap  # "In response, China accused": no place before
            )
        ):
            g.location = True  # "in Bali, Indonesia", "in Jeddah, Saudi Arabia"
        mentions.append(g)
        for x in range(g.tok, g.tok_end):
            claimed[x] = True

    # 4. Surnames met earlier ("Kim" after "Kim Jong Un"); single capitalised words only.
    surnames = memory.surnames
    for i in capitals if surnames and not surnames.keys().isdisjoint(texts) else ():
        if claimed[i] or texts[i] not in surnames:
            continue
        actor = surnames[texts[i]]
        if actor and not (i + 1 < n and tokens[i + 1].cap and not claimed[i + 1]):
            mentions.append(Mention(actor, i, i + 1, "surname"))
            claimed[i] = True

    # 4b. Untitled names that the sentence shows to be persons: a state's possessive before a
    # known given name ("Fiji's Frank Bainimarama met ...": the man, not Fiji), or a link to a
    # person named beside them ("Senator John McCain and Lindsey Graham", "Ted Cruz and Marco
    # Rubio"). One pass over the capitalised words.
    # Either needs a person named already or a state's possessive that a gazetteer match
    # ends with: a sentence with neither has no such name (the names this pass adds come
    # from the one or the other), and the pass is skipped.
    person_at: dict[int, Mention] | None = None
    names_possible = "person" in map(_ACTOR_KIND, mentions)  # (in C)
    if not names_possible:
        for g in gaz:  # (a loop: no generator made)
            if g.actor.kind == "state" and texts[g.tok_end - 1] != tokens[g.tok_end - 1].text:
                names_possible = True
                break
    for i in capitals if names_possible else ():
        if claimed[i] or (i > 0 and tokens[i - 1].cap and not claimed[i - 1]):
            continue
        k = _name_run(tokens, i, 3)
        if k - i < 2 or True in claimed[i:k] or _any_covered(gaz_cover, i, k) or i in dem:
            continue  # (nor "Putin and North Korean leader Kim": a demonym opens no name)
        if _not_all_name_words(tokens, lows, texts, i, k, index):
            continue
        owner = gaz_cover[i - 1] if i > 0 else None
        possessive = (
            owner is not None and owner.tok_end == i and owner.actor.kind == "state"
            and tokens[i - 1].base != tokens[i - 1].text
            and _folded(texts[i]) in index.given_names()
        )
        linked = None
        if not possessive:
            if person_at is None:
                person_at = {}
                for m in mentions:
                    if m.actor.kind == "person":
                        person_at[m.tok] = person_at[m.tok_end] = m
            if lows[i - 1] in ("and", ",") and i >= 2:
                linked = person_at.get(i - 1)
                if linked is not None and linked.tok_end != i - 1:
                    linked = None
            if linked is None and k + 1 < n and lows[k] == "and":
                linked = person_at.get(k + 1)
                if linked is not None and linked.tok != k + 1:
                    linked = None
            if linked is None:
                continue
        actor = _resolve_name(texts[i:k], index, memory)
        if actor is None or actor.kind != "person":
            continue
        if possessive and owner is not None:
            if actor.country is None:
                actor = Actor(actor.name, "person", owner.actor.country)
            mentions.remove(owner)
        mentions.append(Mention(actor, i, k, "name"))
        for x in range(i, k):
            claimed[x] = True

    # 4c. Bodies the gazetteer does not know, named in capitals after "the" and headed by an
    # organisation's noun: "the Hurriyat Conference", "the National Liberation Front of
    # Tripura", "the Democratic Unionist Party". Only where such a noun is written.
    if not _BODY_HEADS.isdisjoint(low_set):
        for i in capitals:
            if i == 0 or lows[i - 1] != "the" or claimed[i] or gaz_cover[i] is not None or (
                i in dem
            ):
                continue
            k, headed = i, False
            while k < n and k - i < _BODY_NAME_LIMIT and not claimed[k] and gaz_cover[k] is None:
                t = tokens[k]
                if t.cap and t.text[0].isalpha() and t.text not in _NOT_NAME:
                    headed = headed or t.base.lower() in _BODY_HEADS
                    k += 1
                    if t.base != t.text:
                        break  # a possessive ends the name
                elif lows[k] in ("of", "for") and headed and k + 1 < n and tokens[k + 1].cap:
                    k += 1  # "the National Liberation Front of Tripura"
                else:
                    break
            while k > i and not tokens[k - 1].cap:
                k -= 1
            if not headed or k - i < 2 or (k < n and lows[k] == "of") or (
                "led" in lows[k : k + _LED_REACH]
            ):
                continue  # "the Standing Committee of the ...": a part of a body named after
                # it; "the Bharatiya Janata Party (BJP)-led government": the state's
            words = [*texts[i : k - 1], tokens[k - 1].base]  # (k - i >= 2)
            mentions.append(Mention(Actor(" ".join(words), "organisation", None), i, k, "name"))
            for x in range(i, k):
                claimed[x] = True

    # "the Trump administration", "Putin's government": the leader's state.
    for m in mentions if not _LEADER_GOVERNMENT.isdisjoint(low_set) else ():
        if (
            m.actor.kind == "person" and m.tok_end < n and lows[m.tok_end] in _LEADER_GOVERNMENT
            and not claimed[m.tok_end]
        ):
            state = index.state_of(m.actor.country)
            if state is not None:
                m.actor = state
                m.tok_end += 1
                claimed[m.tok_end - 1] = True

    # 5. Demonyms before a noun: "Chinese goods", "his French, German and British counterparts".
    accepted: set[int] = set()
    for i in sorted(dem, reverse=True) if dem else ():  # (most sentences: no demonym)
        nxt, state_d, plural = dem[i]
        if True in claimed[i:nxt]:  # a flag set on one of its tokens (in C)
            continue
        if not plural and _group_noun_at(lows, nxt, claimed):
            # "Libyan rebels", "the Venezuelan opposition": a group of the state, not the state
            memory.named_groups[lows[nxt]] = _add_group(
                mentions, claimed, " ".join(texts[i:nxt]), lows[nxt], state_d, i, nxt
            )
            continue
        if plural:
            if i > 0 and lows[i - 1] == "the":  # "the North Koreans", "the Americans"
                mentions.append(Mention(state_d, i, nxt, "demonym"))
                for x in range(i, nxt):
                    claimed[x] = True
            continue
        ok = nxt < n and not tokens[nxt].cap and not claimed[nxt] and (
            lows[nxt] in index.demonym_nouns
            or (nxt + 1 < n and not tokens[nxt + 1].cap and lows[nxt + 1] in index.demonym_nouns)
        )
        if not ok and nxt < n and tokens[nxt].cap and not claimed[nxt] and (
            lows[nxt] in _FORCE_NAMES
            or (nxt + 1 < n and tokens[nxt + 1].cap and lows[nxt : nxt + 2] in _FORCE_PAIRS)
        ):
            ok = True  # "the Indian Navy", "the Indian Air Force", "the Japanese Government"
        if not ok and agency_possible and nxt < n and _agency_at(tokens, nxt, index):
            ok = True  # "the Pakistani Foreign Office", "the Japanese foreign ministry"
        if not ok and nxt < n and not tokens[nxt].cap and not claimed[nxt] and (
            _demonym_as_noun(lows, i, nxt)
        ):
            ok = True  # "South Korean called the move regrettable": the state, its people
        if not ok and nxt < n and lows[nxt] in (",", "and", "or"):
            comma_and = lows[nxt] == "," and nxt + 1 < n and lows[nxt + 1] == "and"
            after = nxt + 2 if comma_and else nxt + 1
            ok = after in accepted
        if not ok and _capital_named_by(tokens, lows, i, nxt, claimed):
            # "arrived in the Chinese capital", "talks in the Omani capital", "went to the
            # Indonesian capital": the state's seat, told as "in Beijing" or "to Jakarta" is
            accepted.add(i)
            at_place = lows[i - 2] != "to"
            mentions.append(Mention(state_d, i, nxt + 1, "demonym", location=at_place))
            for x in range(i, nxt + 1):
                claimed[x] = True
            continue
        if ok:
            accepted.add(i)
            mentions.append(Mention(state_d, i, nxt, "demonym"))
            for x in range(i, nxt):
                claimed[x] = True
    # "pro-Russian separatists": a group siding with a state is neither that state nor its own
    if not _GROUP_NOUNS.isdisjoint(low_set):
        named_groups = memory.named_groups
        for i in _where(lows, frozenset(w for w in low_set if w.startswith("pro-")), low_set):
            state_p = index.demonyms.get(texts[i][4:])
            if state_p is not None and not claimed[i] and _group_noun_at(lows, i + 1, claimed):
                named_groups[lows[i + 1]] = _add_group(
                    mentions, claimed, "pro-" + texts[i][4:], lows[i + 1], state_p, i, i + 1
                )
        for i in _where(lows, _GROUP_NOUNS, low_set):
            if i == 0 or not _group_noun_at(lows, i, claimed):
                continue
            noun = lows[i]
            owner = _mention_ending_at(mentions, i) if claimed[i - 1] else None
            if owner is not None and owner.actor.kind == "state" and (
                owner.source == "gazetteer" and texts[i - 1] != tokens[i - 1].text
            ) and (adjective := index.adjective_of(owner.actor)) is not None:
                # "Venezuela's opposition": the state's group, named by its demonym
                owner.actor = named_groups[noun] = Actor(
                    f"{adjective} {noun}", "group", owner.actor.country
                )
                owner.tok_end = i + 1
                claimed[i] = True
                continue
            if lows[i - 1] in _COUNTRY_OWNERS and i >= 2 and lows[i - 2] == "the" and (
                noun in _STATE_GROUP_NOUNS and (
                    state_m := memory.main_state() or _last_state_named(mentions, i)
                ) is not None
                and (adjective := index.adjective_of(state_m)) is not None
            ):
                # "the country's opposition": the group of the state the story is about
                group = named_groups[noun] = Actor(f"{adjective} {noun}", "group", state_m.country)
                mentions.append(Mention(group, i - 2, i + 1, "anaphor"))
                claimed[i - 2] = claimed[i - 1] = claimed[i] = True
                continue
            # "the rebels", "the separatists": the group of that kind the story named last
            if lows[i - 1] == "the" and not claimed[i - 1] and (
                group := named_groups.get(noun)
            ) is not None:
                mentions.append(Mention(group, i - 1, i + 1, "anaphor"))
                claimed[i - 1] = claimed[i] = True
    # "Saudi-led strikes", "a French-drafted resolution", "US-brokered talks": the state that
    # leads, drafts or brokers the act is one of its parties.
    hyphenated = _hyphenated(capitals, texts) if "-" in " ".join(lows) else []
    for i in hyphenated:
        if claimed[i]:
            continue
        prefix, _, suffix = texts[i].rpartition("-")
        if suffix.lower() in _AGENT_SUFFIXES:
            # "a UN-backed deal"; "the African Union-led talks": a name of two words
            lo, actor = _hyphen_member(tokens, claimed, i, prefix, -1, index, memory)
            if actor is not None:
                mentions.append(Mention(actor, lo, i + 1, "demonym"))
                for x in range(lo, i + 1):
                    claimed[x] = True
                continue
        # "a Biden-Xi summit", "Israeli-Palestinian talks", "Sino-US ties": both are parties;
        # so are those of "a South Korean-United States drill", "the India-South Africa
        # joint commission" (a member of two words) and "US-China trade talks" (a word before
        # the head).
        parts = texts[i].split("-")
        if len(parts) != 2 or not parts[1][:1].isupper() or i + 1 >= n:
            continue
        hi, second = _hyphen_member(tokens, claimed, i, parts[1], 1, index, memory)
        head = hi
        while head < n and head < hi + _PAIR_MODIFIERS and lows[head] not in _PAIR_HEADS and (
            lows[head].replace("-", "").isalpha() and not tokens[head].cap
            and lows[head] not in _NOT_MODIFIERS
        ):
            head += 1
        if head >= n or lows[head] not in _PAIR_HEADS:
            continue  # "the Russia-Ukraine war" names a conflict, not the parties to an act
        lo, first = _hyphen_member(tokens, claimed, i, parts[0], -1, index, memory)
        if first is None or second is None or first == second:
            continue
        mentions.append(Mention(first, lo, i + 1, "hyphen"))
        mentions.append(Mention(second, i, hi, "hyphen"))
        for x in range(lo, hi):
            claimed[x] = True

    # Who this sentence tells brokered or hosted an act: none of the pair that acted.
    memory.brokers = (
        set() if _MEDIATION_WORDS.isdisjoint(low_set) and not (
            hyphenated and _AGENT_HYPHEN.search(" ".join(map(texts.__getitem__, hyphenated)))
        ) else _brokers(tokens, mentions, index)
    )
    memory.brokers_seen |= memory.brokers

    # 6. References: "the Russian leader", "the two leaders", "he".
    references = _where(lows, index.reference_firsts, low_set)
    # the indexes of the mentions before a reference, made when a reference first asks (most
    # references, "the" before a common noun, never ask): made then or here, each is the same,
    # since none reads the mentions before it is first asked
    latest: _LatestPerson | None = None
    persons: _PersonsBefore | None = None
    named: _Before | None = None
    pair_firsts = index.pairs.by_first
    opening_pronoun: Mention | None = None  # a sentence-opening "He"
    state_toks: list[int] | None = None  # the states named, built when first asked for
    state_actors: list[Actor] = []
    subjects: _Subjects | None = None  # built when the first pronoun asks
    for i in references:
        if claimed[i]:
            continue
        low = lows[i]
        hit = index.pairs.match_at(lows, i) if low in pair_firsts else None
        if hit and i + hit[0] < n and lows[i + hit[0]] == "of":
            hit = None  # "on both sides of the border": a place, not the two parties
        if hit and hit[1][1] and (  # type: ignore[index]
            i + hit[0] >= n or lows[i + hit[0]] not in index.pair_subject_verbs
        ):
            hit = None  # "the two islands", "the pair of shoes": no reference to the parties
        if hit:
            length, (kind, _) = hit  # type: ignore[misc]
            if named is None:
                named = _Before(mentions, _names_a_party)
            listed = _coordinated_subject(named, lows, i, tokens)  # advances ``named`` to i
            if kind == "named":
                for actor in index.named_pairs[tuple(lows[i : i + length])]:
                    mentions.append(Mention(actor, i, i + length, "pair"))
                for x in range(i, i + length):
                    claimed[x] = True
                continue
            if kind == _MEMBERS:
                # "The leaders will meet again": the members of the organisation the story
                # is about (an ECOWAS summit); no two leaders of a pair
                body = story_body(memory)
                if body is not None:
                    mentions.append(Mention(body, i, i + length, "pair"))
                    for x in range(i, i + length):
                        claimed[x] = True
                continue
            sides_here = _sides_since(named, i - WINDOW, index)  # the sides named shortly before
            if persons is None:
                persons = _PersonsBefore(mentions)
            group, named_here = _pair(
                memory, index, persons.at(i), listed, fresh_group, str(kind), sides_here
            )
            if not named_here:
                memory.said.append(group)  # an act told of them is no new vote for them
            for actor in group:
                mentions.append(Mention(actor, i, i + length, "pair"))
            for x in range(i, i + length):
                claimed[x] = True
            if group:
                memory.group = list(group)  # "they" next; an act told of them counts again
            continue
        if low == "the":  # a definite noun phrase: "the US leader", "the bloc", ...
            state_word = gaz_cover[i + 1] if i + 1 < n else None
            if (
                state_word is not None and state_word.tok == i + 1
                and state_word.actor.kind == "state" and state_word.tok_end < n
                and texts[state_word.tok_end - 1] == tokens[state_word.tok_end - 1].text
            ):
                # "the US leader", "the U.S. president": the person of that state named last.
                hit2 = index.anaphor_titles.match_at(_title_keys(tokens, state_word.tok_end), 0)
                end = state_word.tok_end + hit2[0] if hit2 else 0
                if hit2 and _name_run(tokens, end) == end:
                    person = memory.person_of_state(state_word.actor.country, str(hit2[1]))
                    if person is not None:
                        state_word.actor, state_word.source = person, "anaphor"
                        state_word.tok, state_word.tok_end = i, end
                        for x in range(i, end):
                            claimed[x] = True
                        continue
            if i + 1 in dem and not dem[i + 1][2] and dem[i + 1][0] < n:
                after_dem = dem[i + 1][0]
                hit2 = index.anaphor_titles.match_at(_title_keys(tokens, after_dem), 0)
                if hit2 and _name_run(tokens, after_dem + hit2[0]) == after_dem + hit2[0]:
                    state = dem[i + 1][1]
                    person = memory.person_of_state(state.country, str(hit2[1]))
                    if person:
                        mentions.append(Mention(person, i, after_dem + hit2[0], "anaphor"))
                    else:  # "The Dutch King and Queen will postpone a visit": no one named yet
                        mentions.append(Mention(state, i + 1, after_dem, "demonym"))
                    for x in range(i, after_dem + hit2[0]):
                        claimed[x] = True
                    continue
            country_at = _country_reference(tokens, i) if country_possible else None
            if country_at is not None and True not in claimed[i + 1 : country_at]:
                # "the country's foreign ministry", "aid to the African country": the state named
                # last (not the sentence's own subject).
                # "the country's" is the nearest state's; "to the African country" is not the
                # subject's own.
                last = tokens[country_at - 1]
                opener = None if last.base != last.text else next(
                    (m.actor for m in mentions if m.tok <= 2 and m.actor.kind == "state"), None
                )
                if state_toks is None:
                    state_toks, state_actors = _states_in_order(mentions, dem)
                state = None
                for x in range(bisect_left(state_toks, i) - 1, -1, -1):
                    if state_toks[x] < i - WINDOW:
                        break
                    if state_actors[x] != opener:
                        state = state_actors[x]
                        break
                if state is None:
                    state = next((a for a in reversed(memory.recent_states) if a != opener), None)
                if state is not None:
                    mentions.append(Mention(state, i, country_at, "anaphor"))
                    for x in range(i, country_at):
                        claimed[x] = True
                    continue
            if i + 1 < n and texts[i + 1] in _HALVES and not claimed[i + 1] and (
                i + 2 >= n or not tokens[i + 2].cap
            ):
                # "The North rejected the proposal": the state of that half named before ("North
                # Korea", "South Sudan")
                half = texts[i + 1] + " "
                state = next(
                    (a for a in reversed(memory.recent_states) if a.name.startswith(half)), None
                )
                if state is not None:
                    mentions.append(Mention(state, i, i + 2, "anaphor"))
                    claimed[i] = claimed[i + 1] = True
                    continue
            if i + 1 < n and not claimed[i + 1] and (
                roles_possible or agency_possible
            ):
                role = _role_reference(tokens, i + 1, index) if roles_possible else None
                if role is not None:
                    end, wanted = role
                    if persons is None:
                        persons = _PersonsBefore(mentions)
                    person = memory.person_titled(wanted, exclude=persons.seen(i))
                    if person is not None:
                        # "the chancellor", "the envoy": the person named last with that title.
                        mentions.append(Mention(person, i, end, "anaphor"))
                        for x in range(i, end):
                            claimed[x] = True
                    continue
                agency = _agency_at(tokens, i + 1, index) if agency_possible else None
                if agency is not None and True not in claimed[i + 1 : agency[0]]:
                    end, phrase = agency
                    state = index.agency_states.get(phrase) or memory.agency_state
                    if state is not None:
                        # "the Treasury": Washington's; "the foreign ministry": the ministry of
                        # the state whose ministry was named last.
                        mentions.append(Mention(state, i, end, "anaphor"))
                        for x in range(i, end):
                            claimed[x] = True
                    continue
            if (
                i + 1 < n and lows[i + 1] in _THE_NOUNS  # (most: one test)
                and not tokens[i + 1].cap and not claimed[i + 1]
            ):
                nxt = lows[i + 1]
                after = lows[i + 2] if i + 2 < n else ""
                rank = memory.ranks.get(nxt) if nxt in _RANKS else None
                if rank is not None and after not in _RANK_BLOCKERS:
                    # "the general", "told the general directly": the general named last.
                    mentions.append(Mention(rank, i, i + 2, "anaphor"))
                    claimed[i] = claimed[i + 1] = True
                    continue
                government_noun = tokens[i + 1].base.lower()  # "the administration's support"
                if government_noun in _GOVERNMENT_NOUNS and after not in _GOVERNMENT_BLOCKERS:
                    if latest is None:
                        latest = _LatestPerson(mentions)
                    state = _government_of(government_noun, mentions, i, memory, index, latest)
                    if state is not None:
                        mentions.append(Mention(state, i, i + 2, "anaphor"))
                        claimed[i] = claimed[i + 1] = True
                        continue
                if nxt in _RULER_NOUNS and not (i + 2 < n and tokens[i + 2].low == "of"):
                    # "the junta", "the generals": the state the story is about; "the army": the
                    # state whose army was named ("Sudan's army", "Myanmar's military ruler").
                    if nxt in _FORCE_NOUNS:
                        if latest is None:
                            latest = _LatestPerson(mentions)
                        speaker = latest.before(i)  # "Netanyahu warned that the army"
                        state = memory.army_state or (
                            index.state_of(speaker.country) if speaker else None
                        )
                    else:
                        state = memory.main_state()
                    if state is not None:
                        mentions.append(Mention(state, i, i + 2, "anaphor"))
                        claimed[i] = claimed[i + 1] = True
                        continue
            head = _body_head(tokens, i, claimed, index) if body_possible else None
            if head is not None:
                # "the bloc", "the alliance", "the group", "the West African bloc", "the 27-nation
                # bloc": the organisation named last.
                body = None
                # "the group's fighters attacked": the group acts through its fighters.
                fighters = (
                    tokens[head].base != tokens[head].text and head + 1 < n
                    and lows[head + 1] in _FIGHTER_NOUNS
                )
                kinds = _BODY_NOUNS[tokens[head].base.lower()]
                if fighters:
                    body = _last_body_before(mentions, i, kinds)
                noun = tokens[head].base.lower()
                if noun in _ORGAN_NOUNS:
                    # "the council": the body named last whose name ends in it ("the UN Security
                    # Council"), or none (not "the bloc" named last)
                    body = next((
                        b for b in reversed(memory.bodies)
                        if b.name.rsplit(" ", 1)[-1].lower() == noun
                    ), None)
                    kinds = () if body is None else kinds
                for kind in kinds if body is None else ():
                    candidate = memory.last_body.get(kind)
                    if candidate is not None and noun in _MEMBER_BODY_NOUNS and (
                        candidate.name.rsplit(" ", 1)[-1] in _ORGAN_HEADS
                    ):
                        # "the bloc" is a grouping of members, not the Security Council named
                        # after it: the grouping named last
                        candidate = _grouping_named_last(memory.bodies, kind)
                    if candidate is not None:
                        body = candidate
                        break
                if body is not None and (tokens[head].base == tokens[head].text or fighters):
                    # "at the council", "before the assembly": where something is said, no party
                    setting = noun in _ORGAN_NOUNS and i > 0 and lows[i - 1] in _ORGAN_SETTINGS
                    mentions.append(Mention(body, i, head + 1, "anaphor", location=setting))
                    for x in range(i, head + 1):
                        claimed[x] = True
                continue
        if low == "it":
            # "condemned Nigeria's decision and urged it to ...": the party addressed before
            addressed = _object_of_second_address(mentions, lows, i)
            if addressed is not None:
                mentions.append(Mention(addressed, i, i + 1, "pronoun"))
            continue
        if low in index.subject_pronouns or low in index.possessive_pronouns:
            # "Trump said he ...": the person just named; a sentence-opening "He": the last
            # sentence's subject, not whoever that sentence mentioned last.
            opening = opening_pronoun
            if subjects is None:
                subjects = _Subjects(mentions, tokens)
            opening_subject, first_comma, main_subject = (
                subjects.opening, subjects.first_comma, subjects.after_comma
            )
            if opening is not None and low in index.subject_pronouns and lows[i - 1] == "that":
                person = opening.actor  # "He said ... and that he would travel": the same man
            elif (
                low in index.subject_pronouns and i > 0 and lows[i - 1] in _SUBORDINATORS
                and opening_subject is not None and opening_subject.tok < i
            ):
                # "Modi called Putin, a day after he spoke to Biden": the main clause's subject.
                person = opening_subject.actor
            elif (
                low in index.possessive_pronouns and first_comma is not None and i < first_comma
                and lows[0] in _OPENING_PREPOSITIONS and main_subject is not None
            ):
                # "During his meeting with Xi, Modi welcomed ...": the subject after the comma.
                person = main_subject.actor
            elif low == "him" and (other := _object_of_shared_subject(mentions, lows, i)):
                # "Obama spoke with President Morsi and thanked him": not the one who thanks
                person = other
            else:
                if latest is None:
                    latest = _LatestPerson(mentions)
                person = latest.before(i) or (
                    None if _unnamed_holder_before(lows, i, index.title_heads)
                    else memory.last_subject or memory.last_person()
                )
            if person:
                mentions.append(Mention(person, i, i + 1, "pronoun"))
                if i == 0:
                    opening_pronoun = mentions[-1]
        elif low in index.plural_pronouns and (memory.last_group or mentions) and not (
            _unnamed_plural_speaker(tokens, lows, i, mentions)
        ):
            # "the United States and Russia reaffirmed ... and said they would": the pair
            # that is the sentence's own subject, else the group told last.
            if named is None:
                named = _Before(mentions, _names_a_party)
            group = _coordinated_subject(named, lows, i, tokens) or memory.last_group
            for actor in group:
                mentions.append(Mention(actor, i, i + 1, "pronoun"))

    if "pronoun" in map(_SOURCE, mentions):
        mentions.sort(key=lambda m: (m.tok, m.source == "pronoun"))
    else:
        mentions.sort(key=_TOK)  # (the same order: the sort is stable; the key is read in C)
    _count_pairs(mentions, tokens, index, memory)
    for m in mentions:  # the first person named is the subject (a loop: no generator)
        if m.actor.kind == "person":
            memory.last_subject = m.actor
            break
    # (each mention's actor, its kind and its source read once: this loop runs for every
    # mention of every sentence)
    spellings, titles, governments = memory.spellings, memory.titles, memory.governments
    for m in mentions:
        actor, source = m.actor, m.source
        kind = actor.kind
        if kind == "person":
            if spellings:
                actor = m.actor = memory.spelled(actor)
            if m.title is not None:
                titles[actor] = m.title
        elif (
            agency_possible and kind == "state" and source in ("gazetteer", "demonym")
            and m.tok_end < n and _agency_at(tokens, m.tok_end, index) is not None
        ):
            memory.agency_state = actor  # "Pakistan's foreign ministry", "the French embassy"
        elif (
            agency_possible and kind == "state" and m.tok >= 2
            and lows[m.tok - 1] == "of" and lows[m.tok - 2] in index.agency_heads
        ):
            memory.agency_state = actor  # "the Federal Foreign Ministry of Germany"
        if kind == "state":
            if m.tok_end < n and lows[m.tok_end] in _FORCE_NOUNS and (
                source in ("gazetteer", "demonym")
            ):
                memory.army_state = actor  # "Ethiopia's army", "the Israeli military"
        elif kind == "group" and lows[m.tok_end - 1] in _ARMY_NOUNS:
            # "Sudan's army": the Sudanese Armed Forces by name (not a group that only calls
            # itself forces: "the Rapid Support Forces")
            memory.army_state = actor
        if kind == "state" and source in ("gazetteer", "demonym"):
            memory.states[actor.name] = actor
            recent = memory.recent_states
            if actor in recent:
                recent.remove(actor)
            recent.append(actor)
            del recent[:-16]
            memory.state_counts[actor.name] = memory.state_counts.get(actor.name, 0) + 1
        if (
            kind == "person" and source in ("title", "appositive") and m.tok > 0
            and lows[m.tok - 1] in _RANKS and tokens[m.tok - 1].cap
        ):
            memory.ranks[lows[m.tok - 1]] = actor  # "General Abdourahamane Tchiani"
        if m.government is not None:
            governments[actor.name] = m.government
        elif governments and actor.name in governments and source not in ("pronoun", "pair"):
            m.government = governments[actor.name]
        if kind == "person":
            if source not in ("pronoun", "pair"):
                memory.saw_person(actor)
        elif kind in ("organisation", "group") and source == "gazetteer":
            memory.last_body[kind] = actor
            bodies = memory.bodies
            if actor in bodies:
                bodies.remove(actor)
            bodies.append(actor)
            del bodies[:-8]
    if not _MEMBER_NOUNS.isdisjoint(low_set):
        _members_named(mentions, lows)
    if ":" in low_set and not _COUNTED_STATES.isdisjoint(low_set):
        _states_listed_after_colon(mentions, lows)
    if memory.lists_by_size and not _COUNTED_STATES.isdisjoint(low_set) and not (
        _COUNT_WORDS.keys().isdisjoint(low_set)
    ):
        _counted_states(mentions, tokens, claimed, memory)
    if not _OWN_STATE_NOUNS.isdisjoint(low_set) and not _PERSON_POSSESSIVES.isdisjoint(low_set):
        _own_state_named(mentions, tokens, index)
    return mentions



# The helpers below hold the tests find_mentions makes over a span of tokens or of mentions. As
# generators or comprehensions inside it they would read its locals (``lows``, ``tokens``,
# ``i``, ...) as closure cells, which every other line of it then reads more slowly too.


def _capital_named_by(
    tokens: Tokens, lows: list[str], i: int, nxt: int, claimed: list[bool]
) -> bool:
    """Is the demonym at i..nxt the state's capital after a locative or "to" ("in the Chinese
    capital", "to the Afghan capital"), not followed by the capital's own name ("the Kenyan capital
    Nairobi", where the name is the place)?"""
    return (
        nxt < len(lows) and lows[nxt] == "capital" and not claimed[nxt]
        and i >= 2 and lows[i - 1] == "the" and (lows[i - 2] in _LOCATIVE or lows[i - 2] == "to")
        and not (nxt + 1 < len(lows) and (tokens[nxt + 1].cap or lows[nxt + 1] in (",", "of")))
    )


def _own_state_named(mentions: list[Mention], tokens: Tokens, index: ActorIndex) -> None:
    """ "and her government demanded an explanation", "said his government insists on ...":
    the possessive pronoun's person's government is their state, which acts (a reference:
    named beside the person, as a spokesperson's government is)."""
    n = len(tokens)
    for m in mentions:
        k = m.tok_end
        if (
            m.source == "pronoun" and m.actor.kind == "person" and k == m.tok + 1 and k < n
            and tokens[m.tok].low in _PERSON_POSSESSIVES
            and tokens[k].text in _OWN_STATE_NOUNS  # not "his government's support"
            and (state := index.state_of(m.actor.country)) is not None
        ):
            m.actor, m.tok_end, m.source = state, k + 1, "anaphor"


_PERSON_POSSESSIVES = frozenset({"his", "her"})
_OWN_STATE_NOUNS = lexicon.words("own_state_nouns")


def _states_listed_after_colon(mentions: list[Mention], lows: list[str]) -> None:
    """ "recalled its diplomats from seven countries that ...: Argentina, Peru and Chile": the
    counted countries are the states the list after the colon names (each a mention where the
    count stands, as "the two countries" is of its pair)."""
    colon = lows.index(":")
    listed = [m for m in mentions if m.tok > colon and m.actor.kind == "state"]
    if len(listed) < 2 or listed[0].tok != colon + 1 + (lows[colon + 1] == "the"):
        return
    for prev, m in zip(listed, listed[1:], strict=False):
        gap = lows[prev.tok_end : m.tok]
        if gap and gap[-1] == "the":
            gap = gap[:-1]
        if gap not in ([","], ["and"], [",", "and"]):
            return  # not one list of states to the end
    if len(lows) - listed[-1].tok_end > 1:
        return
    count = next((
        k for k in range(colon - 1, 0, -1)
        if lows[k] in _COUNTED_STATES and _COUNT_WORDS.get(lows[k - 1]) == len(listed)
    ), None)
    if count is None:
        return
    mentions.extend(Mention(m.actor, count - 1, count + 1, "pair") for m in listed)
    mentions.sort(key=_TOK)


_COUNTED_STATES = frozenset(lexicon.cues()["counted_state_nouns"])
_COUNT_WORDS = {
    w: k for k, w in enumerate(
        ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve"), start=2
    )
}
_COUNTED_OPENERS = frozenset({"the", "these", "those", "all"})


def _counted_states(
    mentions: list[Mention], tokens: Tokens, claimed: list[bool], memory: ArticleMemory
) -> None:
    """ "The United States, Britain, France, Germany and Italy issued a statement. The five
    allies condemned ...": "the five allies" are the sides of the latest list of five (a
    mention each where the phrase stands), unless the sentence names that many itself."""
    lows = tokens.lows
    n = len(lows)
    for i in range(1, n - 1):
        count = _COUNT_WORDS.get(lows[i])
        if count is None or count < 3 or claimed[i] or lows[i - 1] not in _COUNTED_OPENERS:
            continue
        end = i + 1 if lows[i + 1] in _COUNTED_STATES else (
            i + 2 if i + 2 < n and lows[i + 2] in _COUNTED_STATES and lows[i + 1].isalpha()
            else None
        )  # "the five allies", "the three European governments"
        group = memory.lists_by_size.get(count)
        if end is None or group is None:
            continue
        if len({m.actor for m in mentions if m.source not in _NOT_NAMED}) >= count:
            return  # "Mali, Niger and Chad said the three countries ...": named here
        mentions.extend(Mention(actor, i - 1, end, "pair") for actor in group)
        mentions.sort(key=_TOK)
        return


def _demonym_as_noun(lows: list[str], i: int, nxt: int) -> bool:
    """A demonym standing alone for its state: the subject of a verb ("South Korean called
    North Korea's move 'regrettable'") or the agent after "by" ("a proposal by South African
    to meet"); not a person ("a South African"), a language ("in Chinese") or an adjective of
    a list ("the Chinese, Japanese and Korean leaders")."""
    before = lows[i - 1] if i else ""
    if before in _DEMONYM_NOT_STATE:
        return False
    after = lows[nxt]
    if before == "by" and after in ("to", ",", ".", ";"):
        return True
    return (before in _CLAUSE_OPENERS or i == 0) and looks_like_verb(after)


_DEMONYM_NOT_STATE = frozenset({"a", "an", "in", "into", "of", "one", "another"})
_CLAUSE_OPENERS = frozenset({"", ",", ";", "and", "but", "while", "as", "after", "when", "the"})


def _after_and(gaz: list[Mention], lows: list[str]) -> list[Mention]:
    """The gazetteer matches right after an "and" ("North and South Korea")."""
    return [g for g in gaz if g.tok >= 2 and lows[g.tok - 1] == "and"]


def _capitalised_or_modifiers(tokens: Tokens, lows: list[str], a: int, b: int) -> bool:
    """Is every token in [a, b) capitalised or a title's modifier ("political")?"""
    return all(tokens[x].cap or lows[x] in _TITLE_MODIFIERS for x in range(a, b))


def _title_words_only(lows: list[str], a: int, b: int, title_words: Container[str]) -> bool:
    """Is every token in [a, b) a title's word or modifier ("Acting President")?"""
    return all(lows[x] in title_words or lows[x] in _TITLE_MODIFIERS for x in range(a, b))


def _covered_by_body(gaz_cover: list[Mention | None], a: int, b: int) -> bool:
    """Does a gazetteer name of neither a state nor a person cover a token in [a, b)?"""
    for x in range(a, b):
        g = gaz_cover[x]
        if g is not None and g.actor.kind not in ("state", "person"):
            return True
    return False


def _any_covered(gaz_cover: list[Mention | None], a: int, b: int) -> bool:
    """Does a gazetteer name cover a token in [a, b)?"""
    return any(g is not None for g in gaz_cover[a:b])


def _first_state_country(gaz_cover: list[Mention | None], span: range) -> str | None:
    """The country of the first state whose gazetteer name starts in ``span``."""
    for x in span:
        g = gaz_cover[x]
        if g is not None and g.tok == x and g.actor.kind == "state":
            return g.actor.country
    return None


def _not_all_name_words(
    tokens: Tokens, lows: list[str], texts: list[str], a: int, b: int, index: ActorIndex
) -> bool:
    """Is a token in [a, b) no word of a person's name (a mark, a title's word, a demonym)?"""
    return any(
        not tokens[x].text[:1].isalpha() or lows[x] in index.title_words
        or texts[x] in index.demonyms for x in range(a, b)
    )


def _mention_ending_at(mentions: list[Mention], end: int) -> Mention | None:
    return next((m for m in mentions if m.tok_end == end), None)


def _last_state_named(mentions: list[Mention], before: int) -> Actor | None:
    """The state named last before token ``before`` (not as a place), if any."""
    return max((
        m for m in mentions if m.tok < before and m.actor.kind == "state" and not m.location
    ), key=_TOK, default=_NO_MENTION).actor


def _hyphenated(capitals: list[int], texts: list[str]) -> list[int]:
    """The capitalised tokens with a hyphen ("Saudi-led", "Biden-Xi")."""
    return [x for x in capitals if "-" in texts[x]]


def _sides_since(named: _Before, tok: int, index: ActorIndex) -> list[Actor]:
    """The sides of the parties named from ``tok`` on (not as places), in order, once each."""
    mentions = named.mentions
    return list(dict.fromkeys(
        _side(mentions[k].actor, index) for k in named.since(tok) if not mentions[k].location
    ))


def _last_body_before(mentions: list[Mention], before: int, kinds: Container[str]) -> Actor | None:
    """The body of one of ``kinds`` named last before token ``before`` (not as a place)."""
    return next((
        m.actor for m in reversed(mentions)
        if m.tok < before and m.actor.kind in kinds and not m.location
    ), None)


def _grouping_named_last(bodies: list[Actor], kind: str) -> Actor | None:
    """The body of ``kind`` named last that is a grouping of members, not an organ."""
    return next((
        b for b in reversed(bodies)
        if b.kind == kind and b.name.rsplit(" ", 1)[-1] not in _ORGAN_HEADS
    ), None)

def _members_named(mentions: list[Mention], lows: list[str]) -> None:
    """ "NATO allies Greece and Turkey", "EU members Poland and Hungary": the body only
    describes the states named after it; it is no party of what they do (a setting)."""
    for m, nxt in zip(mentions, mentions[1:], strict=False):
        if (
            m.actor.kind == "organisation" and m.tok_end < len(lows)
            and lows[m.tok_end] in _MEMBER_NOUNS and nxt.tok == m.tok_end + 1
            and nxt.actor.kind == "state"
        ):
            m.location = True


_MEMBER_NOUNS = lexicon.words("ally_nouns")


_RANKS = lexicon.words("rank_titles")
_SUBORDINATORS = lexicon.words("subordinators")
_OPENING_PREPOSITIONS = lexicon.words("opening_prepositions")
_TITLE_MODIFIERS = lexicon.words("title_modifiers")
_RANK_BLOCKERS = lexicon.words("rank_blockers")
_RULER_NOUNS = lexicon.words("ruler_nouns")
_FORCE_NOUNS = lexicon.words("force_nouns")

# "the bloc" names the organisation told last; "the group" an organisation or an armed group.
_BODY_NOUNS: dict[str, tuple[str, ...]] = {
    noun: tuple(kinds) for noun, kinds in lexicon.cues()["body_nouns"].items()
}
# the lower-cased words a body noun is written as (a token's base is without its "'s"): a
# sentence without one has no "the bloc"
_BODY_GATE = frozenset(f"{w}{s}" for w in _BODY_NOUNS for s in ("", "'s", "’s"))


_DASHES = frozenset({"-", "–"})
_PAIR_HEADS = lexicon.words("pair_heads")
_SETTING_NOUNS = lexicon.words("setting_nouns")
_COUNTRY_NOUNS = lexicon.words("country_nouns")
_LEADER_TITLES = tuple(lexicon.cues()["leader_titles"])
# the titles a person must have been named with for "the Chinese leader", "the US president"
_ANAPHOR_FITS: dict[str, tuple[str, ...]] = {
    "leader": _LEADER_TITLES,
    **{
        noun: tuple(titles) for noun, titles in lexicon.cues()["role_references"].items()
        if not noun.startswith("_")
    },
}
_MEDIATION_WORDS = lexicon.words("mediation_words")
_AGENT_HYPHEN = re.compile(r"-(?:brokered|mediated|hosted|facilitated)\b", re.IGNORECASE)
_NOT_NAMED = frozenset({"pronoun", "pair"})  # what a reference, not a name, found
_POSSESSIVE_WORDS = frozenset({"his", "her", "their"})
_OF_MEDIATION = lexicon.words("mediation_of_nouns")  # go-betweens only as "with the help of X"
_BROKER_OPENERS = frozenset({"which", "who", "a", "the", "another"})
_LEAD_WEIGHTS = (3.0, 2.0)  # the first and second sentences' pairs
_FIRST_ACT_BONUS = 2.0
_LATER_ACT_WEIGHT = 0.5  # a sentence's second act and after: its first is the one it tells
_TAKE_OVER = 0.75  # how much of the story's pair's weight a pair just named needs
_SALIENCE = 0.5  # per sentence naming the less named of the two
_LIST_WEIGHT = 0.5  # a list "A and B" counts less than an act told of the two
# what each kind of pair phrase asks of the persons: "the two leaders" are no ministers
_KIND_TITLES = {"leaders": _LEADER_TITLES, "foreign ministers": ("foreign minister",)}
_STRICT_KINDS = frozenset({"leaders"})
_PERSON_KINDS = frozenset({"leaders", "persons", "foreign ministers"})
_TITLE_JOINERS = frozenset({"of", "the", "and", "for"})  # "Minister of State for ..."
_MEMBERS = "members"  # "the leaders": the members of the organisation the story is about
_NEUTRAL_TITLES = lexicon.words("neutral_titles")
_TOPIC_NOUNS = lexicon.words("topic_nouns")
_COUNTRY_GATE = frozenset(f"{w}{s}" for w in _COUNTRY_NOUNS for s in ("", "'s", "’s"))
_LEADER_GOVERNMENT = lexicon.words("leader_government_nouns")
_SUBORDINATE = lexicon.words("subordinate_title_words")


_GROUP_NOUNS = lexicon.words("group_nouns")
# the groups a story's own state has ("the country's opposition"); not "the separatists"
_STATE_GROUP_NOUNS = lexicon.words("state_group_nouns")
_COUNTRY_OWNERS = lexicon.words("country_possessives")
_NO_MENTION = Mention(None, -1, -1, "none")  # type: ignore[arg-type]
_GROUP_NOUN_STOPS = lexicon.words("group_noun_stops")


def _group_noun_at(lows: list[str], k: int, claimed: list[bool]) -> bool:
    """The word at k names a group of people of a side ("rebels", "opposition"), not the
    side's attitude ("Russian opposition to the plan")."""
    return (
        k < len(lows) and lows[k] in _GROUP_NOUNS and not claimed[k]
        and not (
            k + 1 < len(lows) and lows[k + 1] in _GROUP_NOUN_STOPS
            and lows[k] in _ATTITUDE_NOUNS  # "the rebels to agree": the rebels still
        )
    )


# the group nouns that also name an attitude ("Russian opposition to the plan")
_ATTITUDE_NOUNS = lexicon.words("attitude_group_nouns")


def _add_group(
    mentions: list[Mention], claimed: list[bool], qualifier: str, noun: str, state: Actor,
    start: int, noun_at: int,
) -> Actor:
    """A group named by its side and its kind: "Libyan rebels", "pro-Russian separatists"."""
    group = Actor(f"{qualifier} {noun}", "group", state.country)
    mentions.append(Mention(group, start, noun_at + 1, "demonym"))
    for x in range(start, noun_at + 1):
        claimed[x] = True
    return group


def _body_head(tokens: Tokens, i: int, claimed: list[bool], index: ActorIndex) -> int | None:
    """Where the noun of "the bloc" stands after the "the" at i, past a few words that only
    describe it ("the regional bloc", "the West African bloc", "the 10-member bloc"); None when
    no such noun follows."""
    n = len(tokens)
    for j in range(i + 1, min(n, i + 1 + _BODY_MODIFIERS + 1)):
        t = tokens[j]
        if claimed[j]:
            return None
        if not t.cap and t.base.lower() in _BODY_NOUNS:
            if j > i + 1 and j + 2 < n and tokens[j + 1].text == "," and (
                tokens[j + 2].cap or tokens[j + 2].low == "the"
            ):
                return None  # "the largest opposition group, the Syrian National Coalition"
            return j
        if j - i > _BODY_MODIFIERS or t.low in _NOT_BODY_MODIFIERS:
            return None
        if t.cap:
            if t.text not in _REGION_WORDS and t.text not in index.demonyms:
                return None  # "the Asia-Pacific group": a name of its own
        elif not (t.low.isalpha() or (t.low[:1].isdigit() and "-" in t.low)):
            return None
    return None


_BODY_MODIFIERS = 3
# "the bloc", "the alliance": a grouping of members, never one of its organs
_MEMBER_BODY_NOUNS = lexicon.words("member_body_nouns")
_ORGAN_NOUNS = lexicon.words("organ_nouns")
_ORGAN_SETTINGS = frozenset({"at", "in", "before", "inside", "within"})
_ORGAN_HEADS = lexicon.words("organ_name_heads")
_REGION_WORDS = frozenset(lexicon.words("region_words"))
_OTHER_PLACES = frozenset(tuple(p.split()) for p in lexicon.cues()["other_places"])
_OTHER_PLACE_FIRSTS = frozenset(p[0] for p in _OTHER_PLACES)
_NOT_BODY_MODIFIERS = frozenset({
    "of", "and", "or", "with", "to", "in", "on", "for", "by", "from", "at", "that", "which",
    "who", "said", "other", "another", "rival", "new", "former", "whole", "same", "entire",
})


def _past_portfolio(tokens: Tokens, j: int) -> int:
    """After a title, past the portfolio it names ("for Foreign Affairs", "of Sport and
    Youth") when a name follows it; j otherwise."""
    n = len(tokens)
    if j + 1 >= n or tokens[j].low not in ("for", "of") or tokens[j + 1].text not in _PORTFOLIOS:
        return j
    k = j + 1
    while k < n and (tokens[k].text in _PORTFOLIOS or (
        tokens[k].low == "and" and k + 1 < n and tokens[k + 1].text in _PORTFOLIOS
    )):
        k += 1
    return k if _name_run(tokens, k) > k else j


_AFTER_SUBJECT = frozenset({"on", "has", "had", "have", "was", "is", "will", "would", "also"})


_POSTED_HEADS = lexicon.words("posted_titles")
# the heads of the titles a plural names two persons by ("Presidents A and B", "Foreign
# Ministers A and B")
_PLURAL_HEADS = lexicon.words("plural_title_heads")


def _states_listed_of(
    tokens: Tokens, lows: list[str], gaz_cover: list[Mention | None], j: int
) -> list[Mention]:
    """ "of Slovenia and Croatia," after a plural title: the two states, then a comma (none
    when the words from j are not so)."""
    n = len(tokens)
    if j + 4 >= n or lows[j] != "of":
        return []
    first = gaz_cover[j + 1]
    if first is None or first.tok != j + 1 or first.actor.kind != "state":
        return []
    k = first.tok_end
    if k + 2 >= n or lows[k] != "and":
        return []
    second = gaz_cover[k + 1]
    if second is None or second.tok != k + 1 or second.actor.kind != "state":
        return []
    if second.tok_end >= n or lows[second.tok_end] != ",":
        return []
    return [first, second]


def _listed_names(tokens: Tokens, j: int) -> list[tuple[int, int]]:
    """The spans of two or three names listed from j on ("Didier Ratsiraka and Albert Zafy",
    "A, B and C"), each of at least two words; none when the words there are no such list."""
    spans: list[tuple[int, int]] = []
    n = len(tokens)
    while len(spans) < 3:
        k = _name_run(tokens, j)
        if k - j < 2:
            return []
        spans.append((j, k))
        if k + 1 < n and tokens[k].low == "and":
            j = k + 1
            k2 = _name_run(tokens, j)
            if k2 - j < 2:
                return []
            spans.append((j, k2))
            return spans
        if k + 1 < n and tokens[k].text == ",":
            j = k + 1
            continue
        return []
    return []


def _past_post(tokens: Tokens, lows: list[str], gaz_cover: list[Mention | None], j: int) -> int:
    """After an envoy's title, past the place or body the envoy is posted to ("Ambassador of
    China to Pakistan Jiang Zaidong", "Permanent Representative to the UN Syed Akbaruddin")
    when a name follows it; j otherwise."""
    n = len(tokens)
    if j + 1 >= n or lows[j] != "to":
        return j
    x = j + 2 if lows[j + 1] == "the" else j + 1
    g = gaz_cover[x] if x < n else None
    if g is None or g.tok != x or g.actor.kind == "person" or _name_run(tokens, g.tok_end) == (
        g.tok_end
    ):
        return j
    return g.tok_end


def _title_of_body(tokens: list[Token], lows: list[str], comma: int, index: ActorIndex) -> bool:
    """ "the Chairman of the ECOWAS Commission, NAME": a title head, "of", then a capitalised
    body's name that runs up to the comma."""
    for h in range(comma - 2, max(-1, comma - 10), -1):
        posted = lows[h] == "to" and h > 0 and lows[h - 1] in _POSTED_HEADS
        if lows[h] in ("of", "for") and h > 0 and lows[h - 1] in index.title_heads or posted:
            # "the Chairman of the ECOWAS Commission, NAME", "the Minister of State for
            # Foreign Affairs and International Trade, NAME", "The Indian Ambassador and
            # Permanent Representative to the UN, NAME"
            return all(
                tokens[x].cap or lows[x] in ("the", "and", "of", "for") for x in range(h + 1, comma)
            ) or posted and comma - h <= _POSTED_PLACE_WORDS + 1 and all(
                lows[x].isalpha() and not looks_like_verb(lows[x]) for x in range(h + 1, comma)
            )  # "Myanmar's envoy to the world body, Kyaw Moe Tun"
        if not (tokens[h].cap or lows[h] in ("the", "and", "of", "for")) and not (
            comma - h <= _POSTED_PLACE_WORDS and lows[h].isalpha()
        ):
            return False
    return False


_POSTED_PLACE_WORDS = 3  # words of a post's place in lower case: "to the world body"


def _full_title(lows: list[str], at: int, title: str) -> str:
    """The title with a lesser rank before it kept: "vice president", "former president"."""
    for x in range(at - 1, max(-1, at - 4), -1):
        if lows[x] in _SUBORDINATE:
            return f"{lows[x]} {title}"
        if not lows[x].isalpha():
            break
    return title


def _title_fits(title: str, wanted: tuple[str, ...]) -> bool:
    """Does a person's title answer to a role noun: "foreign minister" to "minister", but
    "vice president" not to "president"?"""
    lesser = title.split(" ", 1)[0] in _SUBORDINATE
    return any(
        title == w or (title.endswith(" " + w) and not lesser and w.split(" ", 1)[0] not in
                       _SUBORDINATE)
        for w in wanted
    )


def _title_keys(tokens: Tokens, j: int) -> list[str]:
    """The lower-case words of a title at j, a possessive read as its word ("the US
    President's first call" is the president's)."""
    return [t.base.lower() for t in tokens[j : j + 3]]


def _role_reference(
    tokens: list[Token], j: int, index: ActorIndex
) -> tuple[int, tuple[str, ...]] | None:
    """ "the minister", "the envoy's": (end, the titles it answers to); not "the president
    of Mexico" nor a title before a name."""
    keys = [t.base.lower() for t in tokens[j : j + 3]]
    hit = index.role_references.match_at(keys, 0)
    if hit is None:
        return None
    end = j + hit[0]
    last = tokens[end - 1]
    if end < len(tokens) and last.base == last.text:
        after = tokens[end]
        if after.low in ("of", "-", "for") or (after.cap and after.text[0].isalpha()):
            return None
    return end, hit[1]  # type: ignore[return-value]


def _agency_at(
    tokens: list[Token], j: int, index: ActorIndex
) -> tuple[int, tuple[str, ...]] | None:
    """ "foreign ministry", "Energy Ministry", "Treasury Department" starting at token j:
    (end, the phrase's lower-case words). Not "the ministry of ..." nor "the prime minister's
    office" (the office of a person)."""
    for x in range(j, min(len(tokens), j + 3)):
        t = tokens[x]
        if not t.text[0].isalpha() or t.base != t.text:
            return None
        if t.low in index.agency_heads:
            end = x + 1
            if end < len(tokens) and tokens[end].low in index.agency_heads:
                end += 1  # "Treasury Department"
            if end < len(tokens) and tokens[end].low == "of":
                # "the Ministry of National Defense": a portfolio; "the ministry of Russia": not
                if end + 1 < len(tokens) and tokens[end + 1].text in _PORTFOLIOS:
                    words = tuple(tok.low for tok in tokens[j:end])
                    end += 2
                    while end < len(tokens) and tokens[end].cap and tokens[end].text.isalpha():
                        end += 1
                    return end, words
                return None
            return end, tuple(tok.low for tok in tokens[j:end])
    return None


def _states_in_order(
    mentions: list[Mention], dem: dict[int, tuple[int, Actor, bool]]
) -> tuple[list[int], list[Actor]]:
    """Where the sentence names a state (names and demonyms, even those before a noun that
    makes no mention: "Iranian state television"), in token order."""
    pairs = sorted(
        [(m.tok, m.actor) for m in mentions
         if m.actor.kind == "state" and m.source in ("gazetteer", "demonym")]
        + [(x, d[1]) for x, d in dem.items()],
        key=lambda pair: pair[0],
    )
    return [t for t, _ in pairs], [a for _, a in pairs]


def _country_reference(tokens: list[Token], i: int) -> int | None:
    """ "the country's", "the African country", "the Gulf nation" at token i ("the"): the end
    of the phrase."""
    for x in (i + 1, i + 2):
        if x >= len(tokens):
            return None
        t = tokens[x]
        if t.base.lower() in _COUNTRY_NOUNS and (x == i + 1 or tokens[i + 1].cap):
            # a bare "the country" only as a possessor: "the country's second city"
            if x == i + 1 and t.base == t.text:
                return None
            return x + 1
    return None


# how many words may stand between "US-China" and the head noun ("US-China trade talks",
# "a South Korea-Japan bilateral summit"; two let in more than they gained), and words that
# end the compound instead
_PAIR_MODIFIERS = 1
_DRILL_HEADS = lexicon.words("drill_nouns")
_NOT_MODIFIERS = frozenset({"the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for",
                            "with", "by", "is", "are", "was", "were", "has", "have", "had"})


def _hyphen_member(
    tokens: Tokens, claimed: list[bool], i: int, part: str, step: int, index: ActorIndex,
    memory: ArticleMemory,
) -> tuple[int, Actor | None]:
    """One side of the hyphenated word at ``i``: ``part`` alone, or with the capitalised
    word before it (``step`` -1: "South Korean-", "African Union-") or after it (``step`` 1:
    "-United States", "-South Africa"), the longer name first. Returns the side's outer token
    bound (its first token before, the token after it after) and its actor."""
    n = len(tokens)
    k = i + step
    if 0 <= k < n and not claimed[k] and tokens[k].cap and tokens[k].text[:1].isalpha():
        near = tokens[k].text
        words = [near, part] if step < 0 else [part, near]
        if step > 0 and tokens[k].base != near:
            words[1] = tokens[k].base  # "-South Korea's"
        actor = index.demonyms.get(" ".join(words))
        if actor is None:
            hit = index.lookup(words, 0)
            actor = hit[1] if hit and hit[0] == 2 else None
        if actor is not None:
            return (k if step < 0 else k + 1), actor
    return (i if step < 0 else i + 1), _pair_member(part, index, memory)


def _pair_member(word: str, index: ActorIndex, memory: ArticleMemory) -> Actor | None:
    """One side of "Biden-Xi", "U.S.-China", "Israeli-Palestinian", "Sino-US"."""
    return (
        index.demonyms.get(word) or index.combining_forms.get(word) or index.lookup_one(word)
        or memory.surnames.get(word)
    )


def _resolve_name(
    name_tokens: list[str], index: ActorIndex, memory: ArticleMemory
) -> Actor | None:
    if not index.org_words.isdisjoint(map(str.lower, name_tokens)):  # in C
        return None  # "Political Prisoners", "Democratic Party": not a person
    if "." in name_tokens:  # a middle initial is no part of the name: "Mikhail S. Gorbachev"
        name_tokens = [
            w for x, w in enumerate(name_tokens)
            if w != "." and not (x + 1 < len(name_tokens) and name_tokens[x + 1] == ".")
        ]
    hit = index.lookup(name_tokens, 0)
    if hit and hit[0] == len(name_tokens) and hit[1].kind == "person":
        return hit[1]
    if name_tokens[-1] in _HONORIFICS:
        return None  # "Prime Minister Lyonchhen Dr. Lotay Tshering": a title, the name follows
    while len(name_tokens) > 1 and name_tokens[0] in _HONORIFICS:
        name_tokens = name_tokens[1:]  # "H.E. Giorgia Meloni", "Dr S Jaishankar"
        hit = index.lookup(name_tokens, 0)
        if hit and hit[0] == len(name_tokens) and hit[1].kind == "person":
            return hit[1]
    if len(name_tokens) == 1:
        word = name_tokens[0]
        return memory.surnames.get(word) or memory.near_surname(word) or index.near_known(word)
    for start in range(1, len(name_tokens) - 1):
        # the run ends in a known person's full name, after the last words of a title the
        # title list does not hold: "Security Policy Kaja Kallas" is Kaja Kallas
        hit = index.lookup(name_tokens, start)
        if hit and hit[0] == len(name_tokens) - start and hit[1].kind == "person":
            return hit[1]
    known = index.known_variant(name_tokens)
    if known is None:
        return Actor(" ".join(name_tokens), "person", None)
    # "Mohammad bin Salman" is "Mohammed bin Salman"; a later "Prince Mohammad" is too
    memory.surnames.setdefault(name_tokens[-1], known)
    memory.surnames.setdefault(name_tokens[0], known)
    return known


_HONORIFICS = lexicon.words("honorifics")
# a state's forces named with capitals after its demonym: "the Indian Navy", "the Saudi Air Force"
_ARMY_NOUNS = lexicon.words("army_nouns")
# and the state's own organs: "the Japanese Government and people", "the British Embassy"
_FORCE_NAMES = lexicon.words("state_force_words")
_FORCE_PAIRS = [["air", "force"], ["armed", "forces"], ["coast", "guard"], ["defence", "forces"],
                ["defense", "forces"], ["special", "forces"], ["marine", "corps"]]


def _country_before(
    tokens: list[Token], i: int, dem: dict[int, tuple[int, Actor, bool]],
    gaz_cover: list[Mention | None],
) -> str | None:
    """The state a title belongs to: "Russian President", "Kremlin spokesman", "U.S. Secretary",
    "South Korean Foreign Minister"."""
    for j in range(i - 1, max(-1, i - 5), -1):
        if tokens[j].text in (",", ";", "(", ")") or (tokens[j].low in ("said", "and")):
            break
        if not tokens[j].cap and tokens[j].low not in _TITLE_MODIFIERS:
            break  # "a visit to New Delhi by President Muizzu": not India's president
        if j in dem:
            return dem[j][1].country
        g = gaz_cover[j]
        if g is not None and g.actor.kind == "state":
            return g.actor.country
    return None


def _nearest_state(gaz_cover: list[Mention | None], i: int) -> Actor | None:
    """The state named last before token i."""
    for j in range(i - 1, -1, -1):
        g = gaz_cover[j]
        if g is not None and g.actor.kind == "state":
            return g.actor
    return None


_GOVERNMENT_NOUNS = lexicon.words("government_nouns")
# what the word after "the" must be for a rank, a government or a ruler read there (the
# government noun may be a possessive: "the administration's support")
_THE_NOUNS = _RANKS | _RULER_NOUNS | {
    noun + ending for noun in _GOVERNMENT_NOUNS for ending in ("", "'s", "’s")
}
# "the government of Sudan", "the government in Kabul": the place named next says whose.
_GOVERNMENT_BLOCKERS = frozenset({"of", "in", "at", "led", "formed", "s"})


def _government_of(
    noun: str, mentions: list[Mention], i: int, memory: ArticleMemory, index: ActorIndex,
    latest: _LatestPerson,
) -> Actor | None:
    """ "the administration": in wire English, Washington's, whenever the story has named the
    United States; otherwise, like "the government", the state of the person speaking in the
    sentence ("Kurti said the government would not ..."), else the story's main state."""
    if noun == "administration":
        us = index.state_of("US")
        if us is not None and (
            us.name in memory.states
            or any(p.country == "US" for p in memory.recent_persons)
            or any(m.actor.country == "US" for m in mentions if m.tok < i)
        ):
            return us
    speaker = latest.before(i)
    state = index.state_of(speaker.country) if speaker is not None else None
    if state is None:
        government = next(
            (m.government for m in reversed(mentions) if m.tok < i and m.government), None
        )
        state = government
    return state or memory.main_state()


def _coordinated_subject(
    named: _Before, lows: list[str], i: int, tokens: Tokens | None = None
) -> list[Actor]:
    """The first list "A and B" or "A, B and C" of the sentence, when it comes before position
    i (and not more than ``WINDOW`` tokens before it). Titles may stand between the links and
    the names: "President Emmanuel Macron, Chancellor Angela Merkel and Prime Minister May"."""
    named.advance(i)
    mentions = named.mentions
    near = sorted(named.since(i - WINDOW))  # in the order they were found
    group: list[Actor] = []
    joined = False
    for x, y in zip(near, near[1:], strict=False):
        a, b = mentions[x], mentions[y]
        link = _list_link(lows, tokens, a.tok_end, b.tok)
        if link is None or a.actor == b.actor:
            if joined:
                break
            group = []
            continue
        if not group:
            group = [a.actor]
        group.append(b.actor)
        if link == "and":
            joined = True
            break
    return group if joined else []


def _list_link(lows: list[str], tokens: Tokens | None, end: int, start: int) -> str | None:
    """ "and" or "," when the words from ``end`` to ``start`` join two names of a list (titles
    allowed after the link: "and British Prime Minister"); None otherwise."""
    if start <= end or start - end > 5 or lows[end] not in ("and", ","):
        return None
    if start - end > 1 and (
        tokens is None or not all(tokens[k].cap for k in range(end + 1, start))
    ):
        return None
    return lows[end]


def _names_a_party(m: Mention) -> bool:
    return m.source not in ("pronoun", "pair")


def _names_a_person(m: Mention) -> bool:
    return m.actor.kind == "person" and m.source != "pronoun"


def _is_person(m: Mention) -> bool:
    return m.actor.kind == "person"


# The helpers of step 6 are built for every sentence and most are never asked: slots (no
# instance dict) and module-level tests (no function object per sentence) keep that cheap.
class _Before:
    """The mentions that pass a test and stand before token i, asked for at ascending i while
    step 6 still adds mentions: each mention is taken in once (linear in the sentence).

    ``taken`` holds them in token order (what was found first, then what step 6 added at
    ascending tokens, merged)."""

    __slots__ = ("mentions", "test", "streams", "next", "scanned", "taken", "taken_toks")

    def __init__(self, mentions: list[Mention], test: Callable[[Mention], bool]):
        self.mentions = mentions
        self.test = test
        self.streams: tuple[list[int], list[int]] | None = None  # built on first use
        self.next = [0, 0]
        self.scanned = 0
        self.taken: list[int] = []
        self.taken_toks: list[int] = []

    def advance(self, i: int) -> list[int]:
        """The mentions (indices) that newly stand before token i."""
        mentions = self.mentions
        if self.streams is None:
            self.streams = (sorted(
                (k for k, m in enumerate(mentions) if self.test(m)), key=lambda k: mentions[k].tok
            ), [])
            self.scanned = len(mentions)
        for k in range(self.scanned, len(mentions)):
            if self.test(mentions[k]):
                self.streams[1].append(k)
        self.scanned = len(mentions)
        new: list[int] = []
        for s, stream in enumerate(self.streams):
            at = self.next[s]
            while at < len(stream) and mentions[stream[at]].tok < i:
                new.append(stream[at])
                at += 1
            self.next[s] = at
        if new:
            new.sort(key=lambda k: mentions[k].tok)
            self.taken.extend(new)
            self.taken_toks.extend(mentions[k].tok for k in new)
        return new

    def since(self, tok: int) -> list[int]:
        """Taken mentions at or after ``tok`` (call ``advance`` first)."""
        return self.taken[bisect_left(self.taken_toks, tok) :]


def _object_of_shared_subject(mentions: list[Mention], lows: list[str], i: int) -> Actor | None:
    """ "X spoke with Y and thanked him": a "him" right after "and" and a verb is the object of
    a verb whose subject is the sentence's (X, its first person); it is the person named last
    before the "and" (Y), when that is someone else."""
    if i < 3 or lows[i - 2] != "and" or not looks_like_verb(lows[i - 1]):
        return None
    named = [
        m for m in mentions
        if m.actor.kind == "person" and m.source != "pronoun" and i - WINDOW <= m.tok < i - 2
    ]
    if len(named) < 2:
        return None
    subject = min(named, key=lambda m: m.tok)
    nearest = max(named, key=lambda m: m.tok)
    return nearest.actor if nearest.actor != subject.actor else None


def _object_of_second_address(mentions: list[Mention], lows: list[str], i: int) -> Actor | None:
    """ "Kenya condemned Nigeria's decision and urged it to reopen the border", "... but called
    on it to": an "it" right after a verb that addresses a party ("urged", "called on"), itself
    after "and", "but" or a comma, is the state or body named last before that verb when that is
    not the sentence's subject (its first party): the one the first verb was aimed at too."""
    k = i - 1
    if k > 0 and lows[k] in _ADDRESS_PARTICLES and lows[k - 1] in _ADDRESSING_PHRASAL:
        k -= 1
    elif lows[k] not in _ADDRESSING_VERBS:
        return None
    if k < 2 or lows[k - 1] not in _SECOND_PREDICATE:
        return None
    named = [
        m for m in mentions
        if m.source not in ("pronoun", "pair") and not m.location
        and i - WINDOW <= m.tok and m.tok_end <= k - 1
    ]
    if len(named) < 2:
        return None
    subject = min(named, key=lambda m: m.tok)
    nearest = max(named, key=lambda m: m.tok)
    if nearest.actor.kind == "person" or nearest.actor == subject.actor:
        return None
    if subject.actor.country and subject.actor.country == nearest.actor.name:
        return None
    return nearest.actor


_SECOND_PREDICATE = frozenset({"and", "but", ","})
_ADDRESSING_VERBS = lexicon.words("addressing_verbs")
_ADDRESS_PARTICLES = frozenset({"on", "upon", "with"})
_ADDRESSING_PHRASAL = lexicon.words("addressing_phrasal_verbs")
_TITLED_SUBJECT_REACH = 8  # words of a capitalised title after the opening phrase's comma


class _Subjects:
    """The persons a pronoun may stand for by the sentence's shape: the one who opens it
    ("PM Modi called ...") and the one named just after an opening phrase's comma ("During
    his visit, Modi said"). Built from the names found before step 6."""

    __slots__ = ("opening", "first_comma", "after_comma")

    def __init__(self, mentions: list[Mention], tokens: Tokens):
        named = sorted(
            (m for m in mentions if m.actor.kind == "person" and m.source != "pronoun"),
            key=lambda m: m.tok,
        )
        self.opening = named[0] if named and named[0].tok <= 3 else None
        lows = tokens.lows
        self.first_comma = lows.index(",") if "," in tokens.words else None  # (in C)
        comma = self.first_comma
        self.after_comma = next(
            (m for m in named if comma is not None and 0 < m.tok - comma <= 4 or (
                comma is not None and 0 < m.tok - comma <= _TITLED_SUBJECT_REACH and all(
                    t.cap or t.text in "()" for t in tokens[comma + 1 : m.tok]
                )  # ", Prime Minister (PM) Narendra Modi welcomed": a longer title
            )),
            None,
        )


class _LatestPerson:
    """The person mentioned last before a token (the nearest one)."""

    __slots__ = ("before_", "best")

    def __init__(self, mentions: list[Mention]):
        self.before_ = _Before(mentions, _names_a_person)
        self.best = -1

    def before(self, i: int) -> Actor | None:
        mentions = self.before_.mentions
        for k in self.before_.advance(i):
            # the nearest before the token: a name found by an earlier pass may stand before
            # one found by a later pass ("El Sisi met Tsipras ..., and FM Shoukry phoned his")
            if self.best < 0 or (mentions[k].tok, k) > (mentions[self.best].tok, self.best):
                self.best = k
        return mentions[self.best].actor if self.best >= 0 else None


class _PersonsBefore:
    """The distinct persons mentioned before a token (pronouns included), in the order of
    their first mention in the list."""

    __slots__ = ("before_", "first", "names")

    def __init__(self, mentions: list[Mention]):
        self.before_ = _Before(mentions, _is_person)
        self.first: dict[Actor, int] = {}
        self.names: set[str] = set()

    def seen(self, i: int) -> dict[Actor, int]:
        """The persons mentioned before token i (a set to test against; not sorted)."""
        self.at_unsorted(i)
        return self.first

    def at(self, i: int) -> list[Actor]:
        self.at_unsorted(i)
        return sorted(self.first, key=self.first.__getitem__)

    def at_unsorted(self, i: int) -> None:
        mentions = self.before_.mentions
        for k in self.before_.advance(i):
            actor = mentions[k].actor
            self.names.add(actor.name)
            if k < self.first.get(actor, len(mentions)):
                self.first[actor] = k


def _side(actor: Actor, index: ActorIndex) -> Actor:
    """The side a party stands on: a person's state, else the party itself."""
    if actor.kind == "person":
        return index.state_of(actor.country) or actor
    return actor


def _pair_key(a: Actor, b: Actor, index: ActorIndex) -> frozenset[Actor] | None:
    """The two sides of a pair ("Biden" and "China": the United States and China); two
    persons of one state stay themselves (a president and the rival he toppled)."""
    side_a, side_b = _side(a, index), _side(b, index)
    if side_a != side_b:
        return frozenset((side_a, side_b))
    if a != b and a.kind == b.kind == "person":
        return frozenset((a, b))
    return None


def _vote(
    memory: ArticleMemory, index: ActorIndex, a: Actor, b: Actor, weight: float
) -> bool:
    """Count a pair told together (not with a go-between the sentence named)."""
    key = _pair_key(a, b, index)
    if key is None or not memory.brokers.isdisjoint(key):
        return False
    memory.pair_votes[key] = memory.pair_votes.get(key, 0.0) + weight
    if key not in memory.pair_order:
        side_a, side_b = _side(a, index), _side(b, index)
        memory.pair_order[key] = (side_a, side_b) if side_a != side_b else (a, b)
    return True


def _lead_weight(sentence: int) -> float:
    """The lead tells what the story is about: its pairs weigh more."""
    return _LEAD_WEIGHTS[sentence] if sentence < len(_LEAD_WEIGHTS) else 1.0


def _count_told(memory: ArticleMemory, index: ActorIndex) -> None:
    """The parties of the acts the previous sentence told vote for the story's pair (not a
    pair that a reference there stood for: that vote was cast already)."""
    if memory.told:
        weight = _lead_weight(memory.sentence_no - 1)
        for group in memory.told:
            if len(group) >= 2 and memory.brokers and not memory.brokers.isdisjoint(
                _side(a, index) for a in group
            ):
                # "U.S.-hosted negotiations between Armenia's Mirzoyan and Azerbaijan's
                # Bayramov": the act's pair is the two others the sentence named
                others = [a for a in memory.sides_named if a not in memory.brokers]
                group = others if len(others) == 2 else group
            if len(group) >= 2 and not (
                memory.said and any(set(group) <= set(said) for said in memory.said)
            ):
                lead = memory.sentence_no - 1 < len(_LEAD_WEIGHTS)
                bonus = _FIRST_ACT_BONUS if lead and not memory.acts_told else 0.0
                if _vote(memory, index, group[0], group[1], weight + bonus):
                    memory.acts_told += 1  # the lead's first act: what the story is about
            weight = _LATER_ACT_WEIGHT * _lead_weight(memory.sentence_no - 1)
        memory.told = []
    memory.said = []


def _count_pairs(
    mentions: list[Mention], tokens: Tokens, index: ActorIndex, memory: ArticleMemory
) -> None:
    """After a sentence: the lists of two parties it names ("Iran and Saudi Arabia", "a
    Biden-Xi summit") vote for the story's pair; the persons it names are counted."""
    lows = tokens.lows
    weight = _LIST_WEIGHT * _lead_weight(memory.sentence_no)
    memory.sentence_no += 1
    # one pass for the names, the persons among them and the sides they stand for (each in
    # the order of its first mention), instead of a comprehension each
    named: list[Mention] = []
    first_persons: dict[Actor, None] = {}
    first_sides: dict[Actor, None] = {}
    state_by_country = index.state_by_country
    for m in mentions:
        if m.source in _NOT_NAMED or m.location:
            continue
        named.append(m)
        actor = m.actor
        if actor.kind == "person":
            first_persons[actor] = None
            # its side (_side, inlined: this runs for every name of every sentence)
            first_sides[actor.country and state_by_country.get(actor.country) or actor] = None
        else:
            first_sides[actor] = None
    persons = list(first_persons)
    counts = memory.person_counts
    for person in persons:
        counts[person] = counts.get(person, 0) + 1
    memory.persons_named = persons
    memory.sides_named = sides = list(first_sides)
    counts = memory.side_counts
    for side in sides:
        counts[side] = counts.get(side, 0) + 1
    listed: list[Actor] = []
    memory.listed = listed
    if len(sides) >= 3:
        # the states a sentence names, when no list of that many: "The State Department,
        # along with Britain, France, Germany and Italy, issued a statement. The five allies"
        states = [side for side in sides if side.kind == "state"]
        if len(states) >= 3:
            memory.lists_by_size[len(states)] = states
    if len(sides) < 2 and len(persons) < 2:
        return  # no pair in the sentence (two rivals of one state would be one)
    run: list[Mention] = []
    for m in [*named, None]:
        if m is not None and m.source == "hyphen" and run and m.tok < run[-1].tok_end and (
            run[-1].source == "hyphen"
        ):  # the two sides of one hyphenated word ("South Korean-United States")
            run.append(m)
            continue
        if m is not None and run and 0 < m.tok - run[-1].tok_end <= 5 and (
            lows[run[-1].tok_end] in _LINK_WORDS  # what every link below opens with
        ) and (
            _list_link(lows, tokens, run[-1].tok_end, m.tok) is not None
            or (
                m.tok - run[-1].tok_end == 2 and lows[run[-1].tok_end] == "and"
                and lows[m.tok - 1] == "the"
            )
            or _counterpart_link(tokens, run[-1].tok_end, m.tok)
        ):
            run.append(m)
            continue
        if len(run) >= 3:
            run_sides = list(dict.fromkeys(_side(m.actor, index) for m in run))
            if len(run_sides) >= 3:
                memory.lists_by_size[len(run_sides)] = run_sides
        if len(run) == 2 and _pair_key(run[0].actor, run[1].actor, index) is not None and not (
            run[1].source == "hyphen"
            and not _DRILL_HEADS.isdisjoint(lows[run[1].tok_end : run[1].tok_end + 3])
        ):  # (the allies of "a South Korean-US drill" are no pair of sides)
            _vote(memory, index, run[0].actor, run[1].actor, weight)
            listed = [run[0].actor, run[1].actor]
        run = [m] if m is not None else []
    memory.listed = listed


_LINK_WORDS = frozenset({"and", ","})


def _counterpart_link(tokens: Tokens, end: int, start: int) -> bool:
    """ "Mirzoyan and his Azerbaijani counterpart Bayramov": the two of a pair."""
    lows = tokens.lows
    return (
        2 < start - end <= 5 and lows[end] == "and" and lows[end + 1] in _POSSESSIVE_WORDS
        and "counterpart" in lows[end + 2 : start]
        and all(tokens[k].cap or lows[k] == "counterpart" for k in range(end + 2, start))
    )


_BETWEEN_REACH = 6  # words after the verb: "brokered a fragile truce between"


def _brokers(tokens: Tokens, mentions: list[Mention], index: ActorIndex) -> set[Actor]:
    """The sides a sentence names as go-betweens: "brokered by China", "China, which
    mediated", "a Qatari-brokered truce", "with the help of Egypt", "talks hosted by Canada"
    (a host only beside two other sides: "hosted by Biden" makes Biden one of the pair)."""
    lows = tokens.lows
    found: dict[Actor, bool] = {}  # side -> named as a host only
    parties = [m for m in mentions if not m.location]
    ends = {m.tok: m.tok_end for m in parties}
    for m in parties:
        k = m.tok_end
        while k < len(lows) and (lows[k] in ("and", ",") or k in ends):
            k = ends.get(k, k + 1)  # past the rest of a subject list: "Egypt and Qatar"
        if k < len(lows) and lows[k] in _MEDIATION_WORDS and lows[k].endswith("ed") and (
            "between" in lows[k + 1 : k + _BETWEEN_REACH]
        ):
            # "Egypt and Qatar brokered a ceasefire between Israel and Hamas": the subject
            # goes between the two the deal names
            found[_side(m.actor, index)] = False
            continue
        side = _side(m.actor, index)
        if m.source == "demonym" and _AGENT_HYPHEN.search(tokens[m.tok].text):
            found[side] = False  # "a Qatari-brokered truce"
            continue
        for k in range(m.tok - 1, max(-1, m.tok - 7), -1):
            low = lows[k]
            if low in (",", ";", "between"):
                break
            if low in _MEDIATION_WORDS:
                if low.endswith("ed") and "by" not in lows[k + 1 : k + 3]:
                    break  # "hosted Putin": the guest is one of the pair
                if low in _OF_MEDIATION and lows[k + 1] != "of":
                    break  # "Russia will help Iran": no go-between
                found[side] = found.get(side, True) and low == "hosted"
                break
        after = m.tok_end
        if after + 1 < len(lows) and lows[after] in _DASHES and lows[after + 1] in _MEDIATION_WORDS:
            # "U.S.-hosted negotiations between Armenia and Azerbaijan"
            found[side] = found.get(side, True) and lows[after + 1] == "hosted"
        elif tokens[after - 1].base != tokens[after - 1].text and (
            not _MEDIATION_WORDS.isdisjoint(lows[after : after + 2])
        ):
            found[side] = False  # "Qatar's mediation"
        elif (
            after + 1 < len(lows) and lows[after] == ","
            and lows[after + 1] in _BROKER_OPENERS
            and not _MEDIATION_WORDS.isdisjoint(lows[after + 2 : after + 6])
        ):
            found[side] = False  # "China, which brokered the deal", "Qatar, a mediator"
    if not found:
        return set()
    sides = {_side(m.actor, index) for m in parties}
    return {
        side for side, host in found.items()
        if not host or len(sides - {side}) >= 2
    }


def _person_of(
    side: Actor, kind: str, memory: ArticleMemory, index: ActorIndex, exclude: set[Actor]
) -> Actor | None:
    """The person who stands for a side in "the two leaders": of that side's persons the
    one with a fitting title, then the one the story names most, then the latest."""
    wanted = _KIND_TITLES.get(kind, _LEADER_TITLES)
    recent = {a: k for k, a in enumerate(memory.recent_persons)}
    best: tuple[int, int, int] | None = None
    chosen = None
    for person, count in memory.person_counts.items():
        if person in exclude or _side(person, index) != side or person == side:
            continue
        title = memory.titles.get(person)
        fits = title is not None and _title_fits(title, wanted)
        if kind in _STRICT_KINDS and title is not None and not fits and (
            title not in _NEUTRAL_TITLES
        ):
            continue  # "the two leaders": not a minister
        rank = (int(fits), count, recent.get(person, -1))
        if best is None or rank > best:
            best, chosen = rank, person
    return chosen


def _as_kind(
    group: list[Actor], kind: str, memory: ArticleMemory, index: ActorIndex
) -> list[Actor]:
    """The pair as the phrase names it: states for "the two countries", persons for "the
    two leaders" (a state's leader, a president for a foreign minister), else as told."""
    if kind == "states":
        states = [_side(a, index) for a in group]
        if len(set(states)) < len(set(group)):
            return list(dict.fromkeys(group))  # two rivals of one state: the two persons
        return list(dict.fromkeys(states))
    if kind in _KIND_TITLES or kind == "persons":
        out: list[Actor] = []
        for actor in group:
            person = actor
            if actor.kind != "person" or (
                kind in _STRICT_KINDS and (title := memory.titles.get(actor)) is not None
                and not _title_fits(title, _KIND_TITLES[kind]) and title not in _NEUTRAL_TITLES
            ):
                person = _person_of(_side(actor, index), kind, memory, index, set(out)) or actor
            out.append(person)
        return list(dict.fromkeys(out))
    return list(dict.fromkeys(group))


def _story_pair(memory: ArticleMemory) -> list[Actor]:
    """The pair the story is about: the two sides told together most (the lead counts
    more); ties go to the pair told first."""
    if not memory.pair_votes:
        return []
    best = max(memory.pair_votes, key=lambda key: _pair_score(memory, key))
    return list(memory.pair_order[best])


def _unnamed_plural_speaker(
    tokens: list[Token], lows: list[str], i: int, mentions: list[Mention]
) -> bool:
    """ "European countries said they wanted ...", "officials say they": "they" is the plural
    noun that speaks, a group the story does not name, not a group told before."""
    k = i - 1
    if k >= 0 and lows[k] == "that":
        k -= 1
    if k < 1 or lows[k] not in _SAYING:
        return False
    noun = k - 1
    return (
        lows[noun].endswith("s") and not tokens[noun].cap and lows[noun].isalpha()
        and not any(m.tok <= noun < m.tok_end for m in mentions)
    )


_SAYING = lexicon.words("saying_verbs") | {"insisted", "warned"}


def story_sides(memory: ArticleMemory) -> list[Actor]:
    """The two sides the story is about (see ``_story_pair``), for an act told with no party
    named ("The agreement was reached in December 2015")."""
    return _story_pair(memory)


def story_body(memory: ArticleMemory) -> Actor | None:
    """The organisation the story is about, for its members' acts told with no party named
    ("regional leaders met in Barbados", "their next summit"): the organisation named last,
    if the story names it in two sentences or more and about as often as any other side."""
    body = memory.last_body.get("organisation")
    counts = memory.side_counts
    if body is None or counts.get(body, 0) < 2:
        return None
    return body if 2 * counts[body] >= max(counts.values()) else None


def _pair_score(memory: ArticleMemory, key: frozenset[Actor] | None) -> float:
    """How much the story is about a pair: the acts and lists that told the two together,
    and how often the less named of the two is named."""
    if key is None:
        return 0.0
    named = min(memory.side_counts.get(a, 0) for a in key)
    return memory.pair_votes.get(key, 0.0) + _SALIENCE * named


def _pair(
    memory: ArticleMemory, index: ActorIndex, here: list[Actor], listed: list[Actor],
    fresh_group: bool, kind: str, sides_here: list[Actor] = (),  # type: ignore[assignment]
) -> tuple[list[Actor], bool]:
    """Who "the two leaders" are, and whether the sentence named them itself. ``here``: the
    persons named before in the sentence; ``listed``: a list "A and B" before it in the
    sentence; ``sides_here``: the sides it named before it."""
    story = _story_pair(memory)
    if len(listed) == 2 and _local_pair(listed, story, memory, index):
        # "Iran and Saudi Arabia said the two countries would"
        return _as_kind(listed, kind, memory, index), True
    if len(here) >= 2:
        # "Biden met Xi, and the two leaders agreed"
        return _as_kind(here[-2:], kind, memory, index), True
    told = memory.group[:2] if fresh_group and not here else []
    if (
        kind not in _PERSON_KINDS and len(memory.listed) == 2
        and _local_pair(memory.listed, story, memory, index)
        and _may_take_over(memory.listed, story, memory, index)
    ):
        # "... a declaration of war against Burkina Faso and Mali." The two countries ...
        # (not "The United States and Britain praised the truce. Both sides ...")
        group = list(memory.listed)
    elif len(told) == 2 and _told_fits(told, story, kind, memory, index):
        group = told  # "X and Y held talks. The two sides agreed ..."
    elif (
        kind in _PERSON_KINDS and not here and len(memory.persons_named) == 2
        and _pair_key(memory.persons_named[0], memory.persons_named[1], index) is not None
    ):
        # "Al Thani was due to brief Blinken. The two men spoke by phone instead." (even
        # a go-between: the two persons just named are who "the two men" are)
        group = list(memory.persons_named)
    elif story:
        group = story  # the pair the story is about, not a broker nor a passer-by
    elif len(sides_here) == 2:
        # "Japan said China has postponed a visit ... islands claimed by both countries"
        return _as_kind(sides_here, kind, memory, index), True
    else:
        group = _recent_pair(memory, here, kind)
    return _as_kind(group, kind, memory, index), False


def _may_take_over(
    pair: list[Actor], story: list[Actor], memory: ArticleMemory, index: ActorIndex
) -> bool:
    """May a pair named just before stand for "the two sides" instead of the story's pair?
    When it shares a side with it, or the story told of it nearly as much."""
    if not story:
        return True
    sides = {_side(a, index) for a in pair}
    if sides & {_side(a, index) for a in story}:
        return True
    own = _pair_score(memory, _pair_key(story[0], story[1], index))
    return _pair_score(memory, _pair_key(pair[0], pair[1], index)) >= _TAKE_OVER * own


def _local_pair(
    pair: list[Actor], story: list[Actor], memory: ArticleMemory, index: ActorIndex
) -> bool:
    """Can two parties named just before be the pair a phrase names? Not the same side
    twice, nor a go-between the story named ("praised Qatar and Turkey for their efforts and
    called on both neighbours"), unless the go-between is one of the story's own pair."""
    if _pair_key(pair[0], pair[1], index) is None:
        return False
    own = {_side(a, index) for a in story}
    return all(
        _side(a, index) not in memory.brokers_seen or _side(a, index) in own for a in pair
    )


def _told_fits(
    told: list[Actor], story: list[Actor], kind: str, memory: ArticleMemory, index: ActorIndex
) -> bool:
    """Are the two parties of the act just told the pair a phrase names? Yes when they are
    the story's two sides; two persons for "the two leaders" ("Trump met Rutte. The pair
    ..."); two states for "the two countries" when the story's pair is no two states.
    Another act of one of the story's sides with a third party ("Kishida will attend the G7
    summit") is no new pair."""
    if not _local_pair(told, story, memory, index):
        return False
    sides = {_side(a, index) for a in told}
    if not story or sides == {_side(a, index) for a in story}:
        return True
    if kind in _PERSON_KINDS:
        return all(a.kind == "person" for a in told)
    if kind == "states":
        return all(s.kind == "state" for s in sides) and any(
            _side(a, index).kind != "state" for a in story
        )
    return False


def _recent_pair(memory: ArticleMemory, here: list[Actor], kind: str) -> list[Actor]:
    """The two persons named last ("Trump praised both leaders": the pair is not the one
    who speaks of it; "the two leaders": not a person named with a lesser title)."""
    people: list[Actor] = []
    for actor in [a for a in memory.recent_persons if a not in here][::-1]:
        title = memory.titles.get(actor)
        if kind == "leaders" and title is not None and not _title_fits(title, _LEADER_TITLES):
            continue
        if actor not in people:
            people.append(actor)
        if len(people) == 2:
            break
    if len(people) == 2:
        return people[::-1]
    return list(memory.group)


_LETTERS = re.compile(r"[^\W\d_]+")


def _plain(word: str) -> str:
    return without_diacritics(word).replace("ı", "i").replace("İ", "I")


def spellings_in(text: str) -> dict[str, str]:
    """The article's accented words by their plain form: {"Erdogan": "Erdoğan"}. One pass
    over the text; a word written both ways keeps its accents."""
    if text.isascii() or _ACCENTED_LETTER.search(text) is None:
        return {}  # most articles (curly quotes and dashes are no letters): one search in C
    return {
        _plain(word): word
        for word in set(_LETTERS.findall(text))
        if not word.isascii() and _plain(word) != word
    }


def as_written(name: str, spellings: dict[str, str]) -> str:
    """A canonical name with the accents the article gives its words: the gazetteer keeps
    "Recep Tayyip Erdogan", an article that writes "Erdoğan" is reported as it writes him."""
    if not spellings or not name.isascii():
        return name
    return _LETTERS.sub(lambda m: spellings.get(m.group(), m.group()), name)
