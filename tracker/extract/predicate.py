"""Status from the verb group that follows an event noun in subject position.

"Talks between the European Commission and Russia over gas have been postponed",
"the peace agreement ... will be formally signed on Sept. 26", "a summit that had been due
to take place": the noun names the act and the predicate after it says what became of it.
Word lists are data (cues.json: predicate_*)."""

from __future__ import annotations

from tracker.extract import lexicon

_AUXILIARIES = lexicon.words("predicate_auxiliaries")
_FUTURE = lexicon.words("predicate_future")
_FILLERS = lexicon.words("predicate_fillers")
_STOPS = lexicon.words("predicate_stops")
_SCHEDULED = lexicon.words("schedule_words") | lexicon.words("predicate_prospects")
_REACH = 18  # tokens from the noun to its verb: "talks between A and B over the supply of gas"


def _called_off() -> dict[str, str]:
    """Single-word participles of the cancelled and postponed status cues."""
    cues = lexicon.cues()
    out: dict[str, str] = {}
    for status in ("postponed", "cancelled"):  # cancelled last: it wins a shared word
        for phrase in cues["status_cues"][status]:
            if " " not in phrase and phrase.endswith("ed"):
                out[phrase] = status
    return out


_CALLED_OFF = _called_off()


def predicate_status(lows: list[str], hi: int) -> str | None:
    """The status the subject's predicate gives the act whose noun ends at ``hi``, or None.

    Only a verb group that starts with an auxiliary counts ("have been postponed", "was
    scrapped", "will be signed", "is due"): a bare past tense ("talks began") is the act."""
    n = len(lows)
    for k in range(hi, min(hi + _REACH, n)):
        low = lows[k]
        if low in _STOPS and not (low == "," and _in_list(lows, k)):
            return None
        if low not in _AUXILIARIES:
            continue
        future = low in _FUTURE
        for j in range(k + 1, min(k + 5, n)):
            word = lows[j]
            if word in _CALLED_OFF:
                return _CALLED_OFF[word]
            if word in _SCHEDULED or word == "to":
                return "planned"  # "is due", "was set", "had been scheduled", "is to", "is likely"
            if word in _FILLERS or word.endswith("ly"):
                future = future or word == "be"
                continue
            if word == "not":
                return None  # "the talks have not been postponed": no change told here
            if future and (word.endswith("ed") or word in ("held", "signed", "made")):
                return "planned"  # "will be signed", "would be held"
            return None
        return None
    return None


def _in_list(lows: list[str], k: int) -> bool:
    """The comma at k separates names in a list: "Jordan, Egypt and Palestine"."""
    for low in lows[k + 1 : k + 5]:
        if low in ("and", "or"):
            return True
        if low in _STOPS:
            return False
    return False
