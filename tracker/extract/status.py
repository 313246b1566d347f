"""Layer: an event's status from the grammar around its trigger.

The status of an act is read from its verb group and the words that govern it, in this order:

1. the cue phrases before the trigger (modality and aspect: "will", "plans to", "offered to",
   "threatened", "called off"), the strongest winning (cancelled beats planned), but not a
   participle that describes another noun ("revisit suspended agreements and negotiate");
2. the passive or perfect after the trigger ("the talks were postponed") and the predicate of
   an event noun in subject position ("Talks between A and B ... have been postponed", "a
   planned visit ... has been cancelled", "the summit is due to ..."), which overrides a mere
   attributive "planned" before the noun;
3. the past perfect of a schedule ("had been due to take place on Friday"): the plan was
   overtaken; and a plan undone later in the sentence ("was due to travel ..., but the visit
   was called off");
4. conditions: a coercive act on a condition is a threat ("would reimpose the sanctions if
   ..."), a meeting or deal on a condition an offer ("would agree to a truce only if ...");
5. lifting a measure ends it ("would lift export controls": cancelled; "temporarily lifted":
   postponed);
6. the noun phrase itself: "the next round of talks" (planned), "a future meeting" (proposed),
   "sanctions imposed in January" (done, whatever governs the noun), a possessive author inside
   a condition ("if the bloc keeps criticizing Turkey's military operation": presupposed), a
   reprisal promised against a coercive act ("promised a tough response": threatened);
7. where the act's cues stand beyond its own clause or words: the verb group before a serial
   list ("will continue providing Kyiv with military, economic, and humanitarian aid") or a
   bracketed gloss ("... States (CELAC) summit"), the journey or verb an act is the purpose or
   means of ("will arrive ... for a three-day official visit", "desirable ... to examine the
   situation through dialogue"), the clause an opening "During ...," phrase sets.

Statements (criticism, support, demands, rejections) happened when they are reported.
Negations, denials and hypotheticals ("could", "whether") suppress the event altogether; they
are read by ``TriggerLexicon.blocked``. Every scan is bounded (a few tokens, or ``WINDOW``), so
the work per trigger is constant. Word lists are data (cues.json: status_cues, passive_status_cues,
predicate_*, schedule_words, lifting_verbs).
"""

from __future__ import annotations

from collections.abc import Sequence

from tracker.extract import lexicon
from tracker.extract.arguments import CONSULT, SPEECH_ACTS
from tracker.extract.clauses import WINDOW, attributive_participle, looks_like_verb
from tracker.extract.dates import next_told_as_story_time
from tracker.extract.events import HOLDING_OUT, Trigger, TriggerLexicon
from tracker.extract.tokens import QUOTE_MARKS, PhraseIndex, Token, gerund, phrase_key

COERCIVE = frozenset({"sanctions", "military"})
_MEETING_TYPES = frozenset({"call", "meeting", "talks"})
_CONDITIONALS = frozenset({"if", "unless"})
# "failure of Jammeh to step down by Friday will result in military action", "failing which,
# the Council will impose sanctions": a condition set before the measure
_CONDITIONS_BEFORE = _CONDITIONALS | frozenset({"failure", "failing"})
_LIFTING = lexicon.words("lifting_verbs")
_SCHEDULE_WORDS = lexicon.words("schedule_words")
CALLED_OFF_STATUSES = frozenset({"cancelled", "postponed"})
# A trigger inside a phrase opened by these is no argument of the verb before them.
_PHRASE_BREAKS = lexicon.words("embedding_breaks")
_SIMULTANEOUS = frozenset({"during", "over"})
_FUTURE_CUES = lexicon.words("predicate_future") | lexicon.words("schedule_words")
_DETERMINERS = lexicon.words("determiners") | {"a", "an"}
_AUXILIARIES = lexicon.words("predicate_auxiliaries")
_FUTURE = lexicon.words("predicate_future")
_FILLERS = lexicon.words("predicate_fillers")
# "will be sent", "would be given": a future passive of an irregular verb
_PARTICIPLES = lexicon.words("irregular_participles") | {"signed"}
_STOPS = lexicon.words("predicate_stops")
# what an act's noun does when it is held: "the meeting will take place", "talks will resume"
_OCCURRENCE_VERBS = lexicon.words("occurrence_verbs")
_SCHEDULED = _SCHEDULE_WORDS | lexicon.words("predicate_prospects")
# A schedule told in the past perfect was overtaken ("had been due"; "had been expected" may
# still hold).
_OVERTAKEN = lexicon.words("overtaken_schedule_words")
_REACH = 18  # tokens from the noun to its verb: "talks between A and B over the supply of gas"
# How many tokens before the trigger its own cues stand: "expected to hold talks".
CUE_REACH = 10


def _called_off_words() -> dict[str, str]:
    """Single-word participles of the cancelled and postponed status cues."""
    cues = lexicon.cues()
    out: dict[str, str] = {}
    for status in ("postponed", "cancelled"):  # cancelled last: it wins a shared word
        for phrase in cues["status_cues"][status]:
            if " " not in phrase and phrase.endswith("ed"):
                out[phrase] = status
    return out


_CALLED_OFF = _called_off_words()
# participles that tell a measure ended when its noun's predicate holds them ("All sanctions
# taken against Guinea are hereby lifted")
_LIFTED = frozenset({"lifted", "removed", "rescinded", "revoked"})
# a passive ("were lifted", not "has lifted"); a plan's auxiliary ("was then to meet")
_BE_FORMS = frozenset({"is", "are", "was", "were"})
_BE_PARTICIPLES = frozenset({"be", "been"})  # "have been lifted", "will be lifted"
CALLED_OFF_WORDS = frozenset(_CALLED_OFF)  # "postponed", "scrapped", "shelved", ...
# The phrases among them: "had been put on ice", "was called off", "were pushed back".
_CALLED_OFF_PHRASES = PhraseIndex({
    phrase_key(phrase): status
    for status in ("postponed", "cancelled")
    for phrase in lexicon.cues()["status_cues"][status] if " " in phrase
})


def event_status(
    lex: TriggerLexicon,
    event_type: str,
    trig: Trigger,
    lows: list[str],
    lo: int,
    window: int,
    clause_end: int,
    inherited: str | None = None,
) -> str:
    """The status of the act whose trigger is ``trig``.

    ``lo`` is where the trigger's clause starts, ``window`` where its own cues may start (after
    the act told before it), ``clause_end`` where its clause ends; ``inherited`` is the status
    a governing act gives it ("offered to meet": proposed)."""
    # "if the bloc keeps criticizing Turkey's military operation": the condition is the bloc's
    # criticism; the operation with its named author is presupposed, not held out
    presupposed = _presupposed_from(lows, window, trig)
    own_window = window if presupposed is None else presupposed
    status = inherited or _base_status(event_type, lex, lows, own_window, trig)
    if status == "occurred" and inherited is None and window == lo and (
        event_type not in SPEECH_ACTS
    ) and (
        first := _list_or_gloss_start(lows, lo, trig)
    ) is not None:
        # "will continue providing Kyiv with military, economic, and humanitarian aid": the
        # serial "and" opened a clause, but the list's verb group is before it; so did the
        # bracket in "the cancellation of a Community of ... States (CELAC) summit"
        told = cue_status(lex, lows, max(0, first - CUE_REACH), first, None, event_type in COERCIVE)
        status = told if told != "occurred" else status
    after = lows[trig.tok_end : min(trig.tok_end + 8, clause_end)]
    if event_type in COERCIVE and (
        _condition_in(after) or (
            # "if the junta did not free Kabore by Thursday, it would impose sanctions"
            presupposed is None
            and not _CONDITIONS_BEFORE.isdisjoint(
                lows[max(0, trig.tok - _CONDITION_BEFORE) : trig.tok]
            )
        )
    ) and (
        status in ("planned", "proposed")
        or (status == "occurred" and _told_as_gerund(lows, trig))
    ):
        # "would reimpose the sanctions if Caracas failed to ...", "talked about imposing
        # sanctions on Russia if Putin ...": a measure held out on a condition
        status = "threatened"
    elif event_type == "sanctions" and status == "planned" and _said_it_would(lows, trig):
        status = "threatened"  # "Trump said on Sunday that he would raise tariffs on Friday"
    elif event_type in COERCIVE and status == "planned" and not HOLDING_OUT.isdisjoint(
        lows[window : trig.tok]
    ):
        status = "threatened"  # "will not hesitate to impose further sanctions": held out
    elif event_type in COERCIVE and status == "planned" and _reprisal_against(
        lows, window, trig
    ):
        # "promised a tough response against the sanctions", "will respond to any new
        # attack": a reprisal held out, a threat
        status = "threatened"
    elif event_type in COERCIVE and status == "planned" and not (
        _VOWING if event_type == "sanctions" else _WARNING
    ).isdisjoint(lows[max(window, trig.tok - _VOW_REACH) : trig.tok]):
        # "vowed on Wednesday to impose retaliatory sanctions", "warned it would strike": a
        # measure vowed or warned of is held over the other side, a threat (but "vowed to
        # deploy troops to Somalia" is a plan)
        status = "threatened"
    elif event_type in CONSULT and status == "planned" and _conditional_on(after):
        status = "proposed"  # "would agree to a truce only if ...": an offer, not a plan
    if event_type == "sanctions" and status != "postponed" and not _LIFTING.isdisjoint(
        lows[max(lo, trig.tok - 3) : trig.tok]
    ):
        # "would lift export controls": the measure ends; "temporarily lifted": paused
        temporary = "temporarily" in lows[max(lo, trig.tok - 5) : trig.tok]
        status = "postponed" if temporary else "cancelled"
    if status == "occurred" and inherited is None and event_type in _MEETING_TYPES and (
        purpose := _purpose_for(lows, lo, trig)
    ) is not None:
        # "will arrive in Astana on Aug. 7 for a three-day official visit": the act a journey
        # is for has the journey's modality; "desirable ... to examine the situation through
        # proper dialogue": the means has the verb's
        # not past an act told before in the clause (``window`` is then where it ended)
        bound = window if window > max(lo, trig.tok - CUE_REACH) else lo
        status = cue_status(
            lex, lows, max(bound, purpose - CUE_REACH), purpose, None, False, purpose
        )
    if status == "occurred" and inherited is None and event_type in _MEETING_TYPES and (
        _ahead_opening(lows, trig) or _ahead_of(lows, lo, trig)
    ):
        # "Before leaving for Japan for a G20 summit, Erdogan warned ...", "Ahead of his visit
        # to Seoul, ...", "signed trade deals ahead of a visit by Hu": the act looked forward
        # to is still to come
        status = "planned"
    if status == "occurred" and inherited is None and lo == 0 and lows[0] in _SIMULTANEOUS:
        # "During his visit, Rajapaksa is scheduled to meet Modi": the opening phrase's act
        # has the time of the clause it sets
        status = _opening_shares_plan(lex, lows, trig) or status
    if status == "occurred" and inherited is None and event_type in _MEETING_TYPES and (
        len(after) > 2 and after[0] == "," and after[1] in _PLAN_PARTICIPLES
        and after[2] in ("to", "for")
    ):
        # "to discuss the Sept. 14 meeting, due to be held in Leipzig": the noun's own
        # participle tells a plan, whatever the verb of the clause
        status = "planned"
    if status == "occurred" and inherited is None and event_type in _MEETING_TYPES and (
        lows[trig.tok_end - 1] in GATHERING_NOUNS
    ) and (held := holding_status(lows, trig.tok_end)) is not None and held[1]:
        # "called for an emergency Arab League meeting on Libya, which is expected to be held
        # this week", "announced a summit with Uganda, which is scheduled for next month": the
        # gathering's own relative clause tells what it is, whatever the clause's verb
        status = held[0]
    if event_type in _MEETING_TYPES and status in ("planned", "occurred", "postponed"):
        status = called_off_later(lex, lows, lo, trig) or status
    elif event_type in CONSULT and status == "proposed" and _accepted_later(lows, trig):
        status = "planned"  # "Biden invited Trong to visit, and Trong accepted": agreed
    return status


_PLAN_PARTICIPLES = lexicon.words("schedule_words")
GATHERING_NOUNS = lexicon.words("gathering_nouns")
_WARNING = frozenset({"warned", "warns", "warning"})
_VOWING = _WARNING | {"vowed", "vows", "vow", "vowing"}
_VOW_REACH = 8  # words from the vow to the measure: "vowed on Wednesday to impose retaliatory"

_RESPONSES = lexicon.words("response_words")
_PAST_MARKERS = lexicon.words("past_markers")
_PAST_FORMS = lexicon.words("verb_forms")
_PAST_REACH = 4  # words after the trigger still in its predicate: "met on Monday", "was held"


def told_in_past(tokens: list[Token], lo: int, trig: Trigger) -> bool:
    """Does the trigger's clause tell its act in a past or perfect form ("met", "was held",
    "has visited", "signed last week")? A clause in the present with a time ahead of
    publication ("Kishida hosts a G7 summit from May 19") tells a plan instead."""
    hi = min(len(tokens), trig.tok_end + _PAST_REACH)
    for k in range(lo, hi):
        w = tokens[k].low
        if w in _PAST_MARKERS or w in _PAST_FORMS or (
            len(w) > 4 and w.endswith("ed") and not tokens[k].cap
        ):
            return True
    return False


_SAYING = lexicon.words("saying_verbs")
_WOULD = frozenset({"will", "would", "'ll"})
_PERSONAL = frozenset({"he", "she", "they", "i", "we"})
_MEASURE_CUES = lexicon.words("announced_measure_cues")
_SAID_REACH = 12  # words back from the trigger to the saying verb


def _said_it_would(lows: list[str], trig: Trigger) -> bool:
    """A coercive measure someone says they will take ("said he would raise tariffs", "says he
    will sign an order imposing a 25 per cent tariff"): a threat; but not an institution's
    announcement ("the ministry said it would impose") nor a measure announced with its start
    ("will apply from January 1", "will continue to target")."""
    lo = max(0, trig.tok - _SAID_REACH)
    said = next((k for k in range(trig.tok - 1, lo - 1, -1) if lows[k] in _SAYING), None)
    if said is None or _WOULD.isdisjoint(lows[said : trig.tok]):
        return False
    if _PERSONAL.isdisjoint(lows[said : trig.tok]):
        return False  # "the ministry said it would impose a tariff": an institution's announcement
    return not _announced_measure(lows[said : trig.tok_end + 8])


def _announced_measure(words: list[str]) -> bool:
    """Is a measure told with its start or duration ("will apply from January 1", "from next
    week", "will continue to target")? "withhold three billion euros from us" is not."""
    for k, w in enumerate(words):
        if w in _MEASURE_CUES:
            return True
        if w == "from" and k + 1 < len(words) and (
            words[k + 1] in _START_WORDS or words[k + 1][:1].isdigit()
        ):
            return True
    return False


_START_WORDS = lexicon.words("measure_start_words")


_POSSESSIVE_REACH = 3  # words from a possessive to its noun: "Turkey's military operation"


def _presupposed_from(lows: list[str], window: int, trig: Trigger) -> int | None:
    """Where the trigger's cues start when a condition opens before its possessive noun
    phrase ("if the bloc keeps criticizing Turkey's military operation"): at the possessive."""
    for k in range(trig.tok - 1, max(window - 1, trig.tok - 1 - _POSSESSIVE_REACH), -1):
        if lows[k].endswith(("'s", "’s")):
            return k if not _CONDITIONALS.isdisjoint(lows[window:k]) else None
    return None


def _reprisal_against(lows: list[str], window: int, trig: Trigger) -> bool:
    """Is the act the target of a reprisal told before it ("a tough response against the
    sanctions", "will respond to any new attack")? Not "In response, the US will impose
    sanctions": there the act is the reprisal itself."""
    return any(
        lows[k] in _RESPONSES and not (k > 0 and lows[k - 1] == "in")
        for k in range(window, trig.tok)
    )


def _conditional_on(after: list[str]) -> bool:
    """Is the act told before a condition of its own ("would agree to a truce only if ...")?
    Not one set on a second verb joined by "and" ("would continue discussions and announce
    further measures within 90 days if the results were insufficient")."""
    return _condition_in(after[: after.index("and")] if "and" in after else after)


def _condition_in(words: list[str]) -> bool:
    """Do the words tell a condition: "if", "unless", "in case", an inverted "should"?"""
    return not _CONDITIONALS.isdisjoint(words) or _in_case(words) or _inverted(words)


def _in_case(words: list[str]) -> bool:
    """ "in case of a military attack": a condition, like "if"."""
    return "case" in words and any(
        w == "case" and k > 0 and words[k - 1] == "in" for k, w in enumerate(words)
    )


_INVERTED_SUBJECTS = _DETERMINERS | frozenset({
    "any", "such", "it", "they", "he", "she", "we", "you", "this", "that", "these", "those",
})


def _inverted(words: list[str]) -> bool:
    """ "should the US decide to impose them": a condition told by inversion, like "if"."""
    return "should" in words and any(
        w == "should" and k + 1 < len(words) and words[k + 1] in _INVERTED_SUBJECTS
        for k, w in enumerate(words)
    )


_PURPOSE_REACH = 4  # words from "for" to its noun: "for a three-day official visit"
# "arrive for a visit", "settle the dispute through dialogue": the act is the journey's or the
# verb's purpose or means
_PURPOSE_PREPOSITIONS = frozenset({"for", "through"})


def _purpose_for(lows: list[str], lo: int, trig: Trigger) -> int | None:
    """Where the "for" or "through" stands that opens the trigger's noun phrase as a purpose
    or means ("arrive ... for a visit", "examine the situation through proper dialogue")."""
    for k in range(trig.tok - 1, max(lo - 1, trig.tok - 1 - _PURPOSE_REACH), -1):
        if lows[k] in _PURPOSE_PREPOSITIONS:
            return k
        if not lows[k].replace("-", "").isalpha() or looks_like_verb(lows[k]):
            return None
    return None


_OPENING_REACH = 12  # tokens from the trigger to the comma that closes its opening phrase


def _ahead_opening(lows: list[str], trig: Trigger) -> bool:
    """Is the trigger inside a sentence-opening "Before ..." or "Ahead of ..." phrase (up to
    its comma)?"""
    if not lows or not (lows[0] == "before" or lows[:2] == ["ahead", "of"]):
        return False
    return "," not in lows[: trig.tok] and "," in lows[trig.tok_end : trig.tok_end + _OPENING_REACH]


_AHEAD_REACH = 6  # words between "ahead of" and the act: "ahead of a series of meetings"


def _ahead_of(lows: list[str], lo: int, trig: Trigger) -> bool:
    """Does "ahead of" open the noun phrase of the trigger ("ahead of next week's summit")?"""
    for k in range(trig.tok - 1, max(lo, trig.tok - 1 - _AHEAD_REACH), -1):
        if lows[k] == "of" and k > lo and lows[k - 1] == "ahead":
            return True
        if lows[k] in (",", ";", ":") or lows[k] in RESTRICTIVE_RELATIVES or (
            lows[k] in _RELATIVE_OPENERS
        ):
            return False  # "ahead of the talks that ..., the meeting": another clause's
    return False


_RELATIVE_OPENERS = lexicon.words("relative_openers")  # "which", "who", "whom", "whose"


def _opening_shares_plan(lex: TriggerLexicon, lows: list[str], trig: Trigger) -> str | None:
    """ "planned" when the clause after the opening phrase that holds the trigger ("During his
    visit, ...") tells a plan within its first words ("is scheduled to meet")."""
    end = min(len(lows), trig.tok_end + _OPENING_REACH)
    comma = next((k for k in range(trig.tok_end, end) if lows[k] == ","), None)
    if comma is None:
        return None
    main = cue_status(lex, lows, comma + 1, min(len(lows), comma + 1 + CUE_REACH), None, False)
    return "planned" if main == "planned" else None


_SERIAL_ITEM = 3  # words of one list item: "defence sector"
_SERIAL_REACH = 16  # tokens back from the serial "and" to the list's first comma


def _list_or_gloss_start(lows: list[str], lo: int, trig: Trigger) -> int | None:
    first = _serial_list_start(lows, lo)
    if first is None:
        first = _shared_verb_group_start(lows, lo)
    return _gloss_start(lows, lo, trig) if first is None else first


def _shared_verb_group_start(lows: list[str], lo: int) -> int | None:
    """ "will also address a business forum, and hold several meetings": a second verb with no
    subject of its own after ", and" shares the verb group of the first (its "will")."""
    if lows[lo] not in ("and", "or") or lo + 1 >= len(lows) or lows[lo + 1] not in _BARE_VERBS:
        return None
    return lo


# Bare verbs that open a subjectless second predicate after ", and" (their tense is the first
# predicate's): "will address a forum, and hold meetings", "will visit Ankara, and meet Erdogan".
_BARE_VERBS = lexicon.words("bare_act_verbs")
_GLOSS_REACH = 5  # tokens of a bracketed gloss: "(CELAC)", "(a ceasefire)"


def _gloss_start(lows: list[str], lo: int, trig: Trigger) -> int | None:
    """The bracket that opened the clause at ``lo``, if it closes within a few words (a gloss
    of the words before it: "... States (CELAC) summit", "ready for this decision (a
    ceasefire)")."""
    if lo < 1 or lows[lo - 1] != "(" or ")" not in lows[lo : lo + _GLOSS_REACH]:
        return None
    return lo - 1


def _serial_list_start(lows: list[str], lo: int) -> int | None:
    """Where the list whose serial ", and" opens the clause at ``lo`` begins (its first comma),
    if the items between the commas are a few plain words ("military, economic, and ...",
    "energy, defence sector, and ...")."""
    if lows[lo] != "and" or lo < 3 or lows[lo - 1] != ",":
        return None
    comma, items = lo - 1, 0
    bound = max(0, lo - _SERIAL_REACH)
    while True:
        k = comma - 1
        while k > max(bound, comma - 1 - _SERIAL_ITEM) and lows[k].isalpha() and not (
            looks_like_verb(lows[k])
        ):
            k -= 1
        if lows[k] == "," and k < comma - 1:
            comma, items = k, items + 1
            continue
        return comma if items else None


def _told_as_gerund(lows: list[str], trig: Trigger) -> bool:
    """ "imposing sanctions", "launching strikes": the act named, not told as done."""
    return any(map(gerund, lows[max(0, trig.tok - 2) : trig.tok_end]))


def _accepted_later(lows: list[str], trig: Trigger) -> bool:
    """ "..., and Trong accepted": the offer told first is taken up later in the sentence."""
    for k in range(trig.tok_end, min(len(lows) - 1, trig.tok_end + _ACCEPT_REACH)):
        if lows[k] == "and" and any(w in _ACCEPTANCE for w in lows[k + 1 : k + 4]):
            return True
    return False


_ACCEPTANCE = lexicon.words("acceptance_words")
_ACCEPT_REACH = 15


def in_condition(lows: list[str], lo: int, trig: Trigger, named: Sequence[bool]) -> bool:
    """Is the act named inside a condition ("if a deal is not reached", "unless talks resume")?
    The condition is not asserted: it is what the main clause depends on; but an act with a
    named author ("Turkey's military operation") is presupposed. ``named[k]``: token k is
    capitalised."""
    reach = lows[max(lo, trig.tok - _CONDITION_REACH + 1) : trig.tok]
    if _CONDITIONALS.isdisjoint(reach) and "case" not in reach:
        return False  # no condition opens within reach (most acts): one test in C
    for k in range(trig.tok - 1, max(lo - 1, trig.tok - _CONDITION_REACH), -1):
        if lows[k] in _CONDITIONALS or (lows[k] == "case" and k > 0 and lows[k - 1] == "in"):
            return True  # "if", "unless", "in case of a military attack"
        if lows[k] in _CONDITION_STOPS:
            return False
        if k >= trig.tok - 3 and lows[k].endswith(("'s", "’s")) and named[k]:
            return False  # "if the bloc keeps criticizing Turkey's military operation": it is
    return False


# Words before the trigger's clause where a condition it depends on may open.
_CONDITION_BEFORE = 30
# A condition names its act within a few words: "if a 'deal' is not reached".
_CONDITION_REACH = 8
_CONDITION_STOPS = frozenset({",", ";", ":", "but", "then"})


def _base_status(
    event_type: str, lex: TriggerLexicon, lows: list[str], lo: int, trig: Trigger
) -> str:
    inherent, hi = trig.status, trig.tok_end
    status = cue_status(lex, lows, lo, hi, inherent, event_type in COERCIVE, trig.tok)
    if event_type == "rejection" and trig.tok >= 2 and lows[trig.tok - 1] == "to" and (
        lows[trig.tok - 2] in _THREAT_VERBS
    ):
        return "threatened"  # "threatened to veto the aid package": a refusal held over them
    if event_type in SPEECH_ACTS:
        # words said are said; but "will no longer recognise", "would ask the Council", "is
        # expected to back": a statement still to come
        return "planned" if _speech_ahead(lows, trig.tok, event_type) else "occurred"
    if inherent is None:
        # "Talks between A and B ... have been postponed": the noun's own predicate; what
        # became of the act outweighs an attributive "a planned visit ...".
        told = predicate_status(lows, hi)
        if told is not None and (
            status == "occurred" or (told in CALLED_OFF_STATUSES and status in _PLANS)
        ):
            status = told
    if status == "cancelled" and _for_now(lows, hi):
        status = "postponed"  # "will no longer be visiting at that time": put off, not dropped
    if event_type == "proposal" and status not in ("cancelled", "threatened"):
        return "proposed"
    if status in _PLANS and inherent is None and done_after(lows, hi):
        # "would uphold sanctions imposed in January", "to extend an agreement reached last
        # year": the participle after the noun tells the act done; the modality is the
        # governing verb's
        status = "occurred"
    if status == "occurred" and inherent is None:
        # "the next round of talks": still to come; "a future meeting": wanted, not fixed
        status = _named_ahead(lows, trig) or status
        if status == "proposed" and event_type in COERCIVE:
            status = "threatened"  # "hinted at a potential invasion of Rafah"
    return status


_FOR_NOW = PhraseIndex({
    phrase_key(p): True
    for p in ("at that time", "at this time", "for now", "for the time being", "for the moment")
})
_FOR_NOW_REACH = 8  # words after the act's noun or verb: "Guyana as planned at that time"


def _for_now(lows: list[str], hi: int) -> bool:
    """Is a called-off act qualified as called off only for the time named ("will no longer
    be visiting at that time", "has been called off for now")?"""
    return bool(_FOR_NOW.find_all(lows[hi : hi + _FOR_NOW_REACH]))


_AHEAD_MODIFIERS: dict[str, str] = lexicon.cues()["ahead_modifiers"]
_DAY_PARTS = lexicon.words("day_parts")
_ACT_NOUNS = lexicon.words("act_nouns")
_AHEAD_REACH = 5  # words from "next" to its noun: "future higher level government talks"


def _speech_ahead(lows: list[str], k: int, event_type: str) -> bool:
    """Is the speech act at k governed by a future just before it: "will", "would" or a plan
    participle with "to", with at most "no longer", "continue to", "also" between? Support
    promised ("China will continue to support Pakistan", "We will stand by Ukraine") is given
    in the promise: only a plan participle puts it ahead ("are expected to back the bid")."""
    j = k - 1
    while j >= 0 and lows[j] in _SPEECH_AHEAD_FILLERS:
        j -= 1
    if j < 0:
        return False
    if lows[j] in ("will", "would", "shall", "'ll"):
        return event_type != "support"
    return lows[j] in _PLAN_PARTICIPLES and j + 1 < k and lows[j + 1] == "to"


# words between a future and the speech act it governs ("will no longer recognise", "will
# continue to convey", "is also expected to back")
_SPEECH_AHEAD_FILLERS = frozenset({"no", "longer", "continue", "to", "also", "then", "soon",
                                   "again", "formally", "officially", "publicly", "jointly",
                                   # a speech act told by its noun after a light verb ("will
                                   # file a lawsuit", "will lodge a formal protest")
                                   "file", "lodge", "submit", "issue", "launch", "bring",
                                   "a", "an", "formal", "new"})


def _story_next(lows: list[str], at: int) -> bool:
    """Is the "next" at ``at`` a time of the story ("The next month, Kenya recalled ...")?"""
    told = " ".join(lows[max(0, at - 2) : at + 1])  # "..., the next"
    return next_told_as_story_time(told, len(told) - len("next"))


def _named_ahead(lows: list[str], trig: Trigger) -> str | None:
    """The status a "next" or "future" before the act's noun gives it ("the next package of
    sanctions": planned; "previewed a future meeting": proposed); but "the next day talks
    resumed" is narrative time, and in "formed the framework of a future deal" the act told
    is the framework."""
    for k in range(trig.tok - 1, max(-1, trig.tok - _AHEAD_REACH), -1):
        status = _AHEAD_MODIFIERS.get(lows[k])
        if status is not None:
            if not _DAY_PARTS.isdisjoint(lows[k + 1 : trig.tok]) or (
                lows[k + 1] in _TIME_UNITS
            ):
                return None  # "the next day talks resumed", "The next month, Kenya recalled"
            j = k - 1 if k > 0 and lows[k - 1] in _DETERMINERS else k
            if j >= 2 and lows[j - 1] == "of" and lows[j - 2] in _ACT_NOUNS:
                return None
            return status
        if lows[k] in _DETERMINERS or lows[k] in _ASIDE_MARKS:
            return None  # "Xi, the next president, met Panetta": the aside's noun is another
    return None


_ASIDE_MARKS = frozenset({",", ";", ":", "(", ")"})
_PLANS = frozenset({"planned", "proposed"})
_TIME_UNITS = frozenset({"week", "month", "year", "weekend"})
_DONE_PARTICIPLES = lexicon.words("done_participles")
_DONE_FOLLOWERS = lexicon.words("done_participle_followers")


def done_after(lows: list[str], hi: int) -> bool:
    """Is the noun ending at ``hi`` followed by a participle of a completed act and its
    adjunct ("sanctions imposed in January", "the agreement signed by the warring sides")?"""
    return (
        hi + 1 < len(lows) and lows[hi] in _DONE_PARTICIPLES and lows[hi + 1] in _DONE_FOLLOWERS
    )


def cue_status(
    lex: TriggerLexicon, lows: list[str], lo: int, hi: int, inherent: str | None,
    coercive: bool = True, start: int | None = None,
) -> str:
    """The strongest status cue in lows[lo:hi] (cancelled beats planned); else occurred.

    Only a coercive act (sanctions, force) can be threatened: "the truce can be extended
    if both sides agree" sets a condition, not a threat."""
    if inherent:
        return inherent
    best = None
    for _, _, status in lex.passive_cues.find_all(lows[hi : hi + 4]):
        return status  # type: ignore[return-value]
    start = hi - 1 if start is None else start
    # Quotation marks do not interrupt a cue ("was \"open\" to talks").
    words = lows[lo:hi]
    at: Sequence[int] = range(lo, hi)  # where each of ``words`` stands
    if not QUOTE_MARKS.isdisjoint(words):
        at = [k for k in at if lows[k] not in QUOTE_MARKS]
        words = [lows[k] for k in at]
    if not _DAY_WORDS.isdisjoint(words):
        # Nor does a day told between a cue's words ("agreed on Monday to meet again")
        at = [k for k in at if not _told_day(lows, k)]
        words = [lows[k] for k in at]
    if not _CUE_ADVERBS.isdisjoint(words):
        # Nor an adverb between an auxiliary and its "to" ("was then to meet", "is first set
        # to mark"): the plan is told all the same
        at = [k for k in at if not _adverb_in_cue(lows, k)]
        words = [lows[k] for k in at]
    for a, b, status in lex.status_cues.find_all(words):
        a, b = at[a], at[b - 1] + 1
        if status == "threatened" and not coercive:
            continue
        if coercive and status in CALLED_OFF_STATUSES and start <= a and b <= hi - 1:
            continue  # "suspended visa-free travel", "a pause in aid": the measure's own verb
        if status in CALLED_OFF_STATUSES and _attributive(lows, a, b, start):
            continue  # "revisit suspended agreements and negotiate": another noun's state
        if status in CALLED_OFF_STATUSES and not _LIFTING.isdisjoint(lows[max(lo, a - 2) : a]):
            continue  # "would lift the pause on security assistance": the pause ends
        if b < start and _broken(lows, a, b, start):
            continue  # "had been arranged during a phone call": the cue is another act's
        if status == "planned" and lows[a] == "next" and _story_next(lows, a):
            continue  # "The next month, Kenya recalled ...": a time of the story, not ahead
        if status in CALLED_OFF_STATUSES and a >= 2 and (
            lows[a - 1] == "to" and lows[a - 2] in _THREATENING
        ):
            status = "planned"  # "threatened to cancel the summit": still set, not called off
        if best is None or lex.priority[status] < lex.priority[best]:  # type: ignore[index]
            best = status  # type: ignore[assignment]
    return best or "occurred"


_THREATENING = lexicon.words("threatening_verbs")
_THREAT_VERBS = _THREATENING - {"vowed", "vows"}
_DAY_WORDS = lexicon.words("day_words")


_CUE_ADVERBS = frozenset({"then", "first", "now", "still", "later", "originally", "initially"})


def _adverb_in_cue(lows: list[str], k: int) -> bool:
    """Is token k an adverb between "is"/"was" and "to" or "set to" ("was then to meet")?"""
    return (
        lows[k] in _CUE_ADVERBS and k >= 1 and lows[k - 1] in _BE_FORMS
        and k + 1 < len(lows) and lows[k + 1] in ("to", "set", "due", "scheduled")
    )


def _told_day(lows: list[str], k: int) -> bool:
    """Is token k a day told as an adverb ("on Monday", "yesterday")?"""
    low = lows[k]
    if low in _DAY_WORDS:
        return True
    return low == "on" and k + 1 < len(lows) and lows[k + 1] in _DAY_WORDS


def _broken(lows: list[str], a: int, b: int, start: int) -> bool:
    """Is the cue in lows[a:b] cut off from the trigger at ``start`` by a phrase of its own?
    "during" shares its governor's time: "is expected to be the topic during a meeting" is
    a meeting ahead, but "had been arranged during a phone call" no call ahead."""
    breaks = [w for w in lows[b:start] if w in _PHRASE_BREAKS]
    if not breaks:
        return False
    return not (
        all(w in _SIMULTANEOUS for w in breaks) and not _FUTURE_CUES.isdisjoint(lows[a:b])
    )


def _attributive(lows: list[str], a: int, b: int, trigger_start: int) -> bool:
    """A participle between a determiner or an infinitive and a noun other than the trigger
    ("the suspended agreements", "to revisit suspended agreements") describes that noun."""
    if b - a != 1 or b >= trigger_start or not attributive_participle(lows, a):
        return False
    return (a >= 1 and lows[a - 1] in _DETERMINERS) or (a >= 2 and lows[a - 2] == "to")


def predicate_status(lows: list[str], hi: int) -> str | None:
    """The status the subject's predicate gives the act whose noun ends at ``hi``, or None.

    Only a verb group that starts with an auxiliary counts ("have been postponed", "was
    scrapped", "will be signed", "is due"): a bare past tense ("talks began") is the act. A
    relative clause right after the noun ("tariffs that were due to take effect on Monday had
    been suspended") has its own verb group: the predicate is the one after it."""
    n = len(lows)
    relative: int | None = None  # where "that were due ..." opens: its verb group comes first
    end = min(hi + _REACH, n)
    k = hi - 1
    if hi < n and lows[hi] in _PARTY_PREPOSITIONS:
        # "Talks between Madagascar's strongman, Andry Rajoelina, and the president he toppled,
        # Marc Ravalomanana, which were set for this weekend have been postponed": the parties'
        # names and appositions (commas and all) run up to the relative clause or the verb
        past = _after_parties(lows, hi)
        if past is not None:
            k = past - 1
            end = min(past + _REACH, n)
    while k + 1 < end:
        k += 1
        low = lows[k]
        if relative is None and low in RESTRICTIVE_RELATIVES and (
            k + 1 < n and lows[k + 1] in _AUXILIARIES
        ):
            relative = k
            continue
        if relative is None and low == "," and (closing := _insertion_end(lows, k)):
            # "A meeting of ministers, scheduled for Monday in Macau, has been postponed": the
            # phrase between the commas tells the plan; the predicate after it, what became
            # of it
            relative, k = k, closing
            end = min(closing + _REACH, n)
            continue
        if low in _STOPS and not (low == "," and _in_list(lows, k)):
            return None
        if low not in _AUXILIARIES:
            continue
        told = _verb_group_status(lows, k)
        if relative is None:
            return told
        if k > relative + 1 and lows[k - 1] not in _AUXILIARIES:
            # the predicate after the relative clause: only what became of the act counts
            return told if told in CALLED_OFF_STATUSES else None
    return None


def _after_parties(lows: list[str], prep: int) -> int | None:
    """Where the parties named after "between", "with" or "among" end: the relative pronoun
    or the auxiliary that follows them ("..., which were set for ...", "... have been"). None
    when a clause break or a saying verb comes first, or nothing within reach."""
    for j in range(prep + 1, min(prep + _PARTIES_REACH, len(lows))):
        low = lows[j]
        if low in RESTRICTIVE_RELATIVES or low in _AUXILIARIES:
            if lows[j - 1] == "," and _insertion_end(lows, j - 1) is not None:
                return j - 1  # ", which were due on Monday, have been": set off by commas
            return j
        if low in _PARTY_LIST_BREAKS:
            return None
    return None


_PARTY_PREPOSITIONS = frozenset({"between", "among"})
_PARTIES_REACH = 30  # words of names and appositions: "between A's strongman, B, and ..., C,"
_PARTY_LIST_BREAKS = frozenset({";", ":", ".", "said", "says", "told", "but", "after", "when",
                                "while", "because", "if", "before", "since", "according"})


def _insertion_end(lows: list[str], comma: int) -> int | None:
    """The comma that closes a phrase set off after a noun (", scheduled for Monday,", ",
    which was due in May,", ", originally set for June,") when an auxiliary follows it."""
    n = len(lows)
    if comma + 1 >= n:
        return None
    first = lows[comma + 1]
    if not (first in _INSERTION_OPENERS or first in _SCHEDULE_WORDS or (
        len(first) > 4 and first.endswith("ed")
    )):
        return None
    for j in range(comma + 2, min(comma + 2 + _INSERTION_REACH, n - 1)):
        if lows[j] == ",":
            return j if lows[j + 1] in _AUXILIARIES else None
        if lows[j] in (";", ":", "but", "and"):
            return None
    return None


_INSERTION_OPENERS = frozenset({
    "which", "who", "originally", "initially", "first", "earlier", "previously", "once",
})
_INSERTION_REACH = 12  # words between the commas: ", which was to be held in Yalta on May 11,"


# "that", "which" opening a clause that tells of the noun before them
RESTRICTIVE_RELATIVES = frozenset({"that", "which"})


def _verb_group_status(lows: list[str], k: int) -> str | None:
    """The status the verb group opened by the auxiliary at k tells, or None."""
    low = lows[k]
    if low not in _AUXILIARIES:
        return None
    n = len(lows)
    future = low in _FUTURE
    for j in range(k + 1, min(k + 5, n)):
        word = lows[j]
        if word in _CALLED_OFF:
            return _CALLED_OFF[word]
        if word in _LIFTED and (
            low in _BE_FORMS or not _BE_PARTICIPLES.isdisjoint(lows[k + 1 : j])
        ):
            return "cancelled"  # "the sanctions on Iran were lifted": the measure ended
        phrase = _CALLED_OFF_PHRASES.match_at(lows, j)
        if phrase:
            return phrase[1]  # type: ignore[return-value]
        if low == "had" and word in _OVERTAKEN:
            return "postponed"  # "had been due to take place on Friday": no longer due
        if word in _SCHEDULED or word == "to":
            return "planned"  # "is due", "was set", "had been scheduled", "is to", "is likely"
        if word == "on" and (lows[j - 1] == "still" or (j + 1 < n and lows[j + 1] == "track")):
            return "planned"  # "Biden's trip was still on as of Tuesday", "is on track"
        if word in _FILLERS or word.endswith("ly"):
            future = future or word == "be"
            continue
        if word == "not":
            return None  # "the talks have not been postponed": no change told here
        if future and (word.endswith("ed") or word in _PARTICIPLES):
            return "planned"  # "will be signed", "would be held", "would be sent"
        if future and word in _OCCURRENCE_VERBS:
            return "planned"  # "the meeting will take place in Sochi", "talks will resume"
        return None
    return None


def holding_status(lows: list[str], hi: int) -> tuple[str, bool] | None:
    """What a gathering's own predicate after its noun (ending at ``hi``) tells of it, and
    whether a relative clause tells it: "the OIC summit on science, which is to be held in
    Astana" (planned, relative), "the last summit took place in July" (occurred), "the
    meeting of the heads of state that was held in March" (occurred, relative); None when
    no predicate of holding, setting or calling off follows the noun and its complement."""
    n = len(lows)
    relative = False
    for k in range(hi, min(hi + _HOLDING_REACH, n)):
        low = lows[k]
        if low in RESTRICTIVE_RELATIVES:
            relative = True
            continue
        if low == ",":
            if k + 1 < n and lows[k + 1] in RESTRICTIVE_RELATIVES:
                continue  # ", which is to be held ...": a relative clause of the noun's
            return None
        if not relative and k > hi + 1:
            # past the noun's complement, only a relative clause tells of the gathering:
            # "the summit in Osaka ended and talks were held" is another predicate's
            if low in _STOPS or low in _AUXILIARIES or low in _HELD_PAST:
                return None
            continue
        if low in _PLACE_TAKING and k + 1 < n and lows[k + 1] == "place":
            return ("occurred" if low == "took" else "planned"), relative
        if low in _HELD_PAST:
            return "occurred", relative  # "the previous meetings occurred Sept. 3-6"
        if low in _AUXILIARIES:
            told = _verb_group_status(lows, k)
            if told is not None:
                return told, relative  # "which is to be held", "that was postponed"
            held = next((j for j in range(k + 1, min(k + 4, n)) if lows[j] in _HELD), None)
            if held is not None and low in _PAST_AUXILIARIES and all(
                lows[j] in _FILLERS or lows[j].endswith("ly") for j in range(k + 1, held)
            ):
                return "occurred", relative  # "which was held on March 15"
            return None
        if relative or low in _STOPS:
            return None  # a relative clause with a verb of its own, or the noun phrase ends
    return None


_HOLDING_REACH = 12  # the noun's complement, then its verb: "summit of the X on Y, which is"
_PLACE_TAKING = frozenset({"took", "takes", "take"})
_HELD_PAST = lexicon.words("held_past_verbs")
_HELD = lexicon.words("held_verbs")
_PAST_AUXILIARIES = frozenset({"was", "were"})


def _in_list(lows: list[str], k: int) -> bool:
    """The comma at k separates names in a list: "Jordan, Egypt and Palestine", "Uzbekistan,
    Tajikistan, and Kyrgyzstan" (a serial comma before the "and" goes on with the list)."""
    for j in range(k + 1, min(k + 5, len(lows))):
        low = lows[j]
        if low in ("and", "or"):
            return True
        if low == "," and j + 1 < len(lows) and lows[j + 1] in ("and", "or"):
            return True
        if low in _STOPS:
            return False
    return False


# Tokens after the "but" where the plan may be undone: "but the junta said it could not receive
# the delegation, and the visit was called off".
_UNDONE_REACH = 20


def called_off_later(lex: TriggerLexicon, lows: list[str], lo: int, trig: Trigger) -> str | None:
    """ "X was due to travel to Y on Tuesday, but the trip was cancelled": the plan told first
    is undone later in the sentence; the status is the later one."""
    after = lows[trig.tok_end : trig.tok_end + WINDOW]
    if "but" not in after:
        return None
    but = trig.tok_end + after.index("but")
    if _SCHEDULE_WORDS.isdisjoint(lows[max(lo, but - WINDOW) : but]):
        return None
    found = [
        status for _, _, status in lex.status_cues.find_all(lows[but + 1 : but + _UNDONE_REACH])
        if status in CALLED_OFF_STATUSES
    ]
    return found[0] if found else None
