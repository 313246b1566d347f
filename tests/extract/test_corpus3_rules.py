"""Rules found on tests/extract/corpus3 (four articles annotated before running the extractor)."""

import datetime as dt

from tracker.extract import extract


def events(text, published=dt.date(2024, 11, 27)):
    return [
        (e.type, e.status, [a.name for a in e.actors])
        for e in extract(f"Test\n\n{text}\n", published=published).events
    ]


def test_warned_a_party_against_is_criticism():
    text = "Sergei Lavrov warned Germany against sending more weapons to the region."
    assert ("criticism", "occurred", ["Sergei Lavrov", "Germany"]) in events(text)


def test_warning_without_against_is_not_criticism():
    text = "Sergei Lavrov warned Germany that the talks would fail."
    assert not any(t == "criticism" for t, _, _ in events(text))


def test_organisation_before_a_persons_title_is_not_a_separate_party():
    text = "Hamas political leader Ismail Haniyeh welcomed the resolution adopted by Qatar."
    found = events(text)
    assert found and all("Hamas" not in actors for _, _, actors in found)
    assert "Ismail Haniyeh" in found[0][2]


def test_a_praising_label_is_support():
    text = (
        "Armenia and Azerbaijan signed a peace treaty on Monday. "
        "Antonio Guterres called the agreement \"an important step\" for the region."
    )
    found = events(text)
    assert any(t == "support" and a[0] == "Antonio Guterres" for t, _, a in found)


def test_a_damning_label_is_criticism_of_whoever_acted():
    text = (
        "China imposed tariffs on Canadian canola on Monday. "
        "Canada's trade minister Mary Ng called the tariffs unjustified."
    )
    found = events(text)
    assert ("criticism", "occurred", ["Mary Ng", "China"]) in found


def test_called_on_is_no_label():
    text = "Antonio Guterres called on Israel to accept the important step."
    assert not any(t == "support" for t, _, _ in events(text))
