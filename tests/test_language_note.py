"""A text in a language the extractor does not read is stored, and the user is told why it gave
no events (ingest's line, extract's note), instead of a silent "0 new events"."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.extract.articles import reads_as_english

FOREIGN = {
    "fr": "Le ministre des Affaires étrangères a convoqué mardi l'ambassadeur de Russie pour "
    "protester contre les frappes sur des cibles civiles en Ukraine, a indiqué le ministère.",
    "de": "Der Außenminister hat am Dienstag den russischen Botschafter einbestellt, um gegen "
    "die Angriffe auf zivile Ziele in der Ukraine zu protestieren, teilte das Ministerium mit.",
    "es": "El ministro de Asuntos Exteriores convocó el martes al embajador de Rusia para "
    "protestar por los ataques contra objetivos civiles en Ucrania, informó el ministerio.",
}
ENGLISH = (
    "The foreign minister summoned the Russian ambassador on Tuesday to protest against the "
    "strikes on civilian targets in Ukraine, the ministry said in a statement."
)


@pytest.mark.parametrize("language", sorted(FOREIGN))
def test_other_languages_do_not_read_as_english(language):
    assert not reads_as_english(FOREIGN[language])


def test_english_and_short_texts_read_as_english():
    assert reads_as_english(ENGLISH)
    assert reads_as_english("Minister convoca ambasador")  # too short to tell


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ingest_and_extract_say_why_a_foreign_text_gave_no_events(tmp_path, jobs):
    (tmp_path / "fr.txt").write_text(f"Convocation\n\n{FOREIGN['fr']}\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text(
        f"Summoned\n\nRussia and Ukraine held talks on Monday. {ENGLISH}\n", encoding="utf-8"
    )
    db = f"sqlite:///{tmp_path / 'tracker.db'}"
    result = CliRunner().invoke(cli, ["--db", db, "ingest", "-j", jobs, str(tmp_path)])
    assert result.exit_code == 0, result.output  # stored: nothing is lost
    said = "(no events: the text does not read as English, the language the extractor reads)"
    assert f"fr.txt: 0 new events, 0 merged mentions, 0 status changes {said}" in result.output
    en_line = next(line for line in result.output.splitlines() if "en.txt:" in line)
    assert "English" not in en_line
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "fr.txt")])
    assert "0 events\nnote: the text does not read as English" in result.output
