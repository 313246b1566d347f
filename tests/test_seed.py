"""The seed article, ingested into an empty database, gives the events a user expects."""

import json
from pathlib import Path

from click.testing import CliRunner

from tracker.cli import cli

SEEDS = Path(__file__).parent.parent / "seeds"


def test_seed_article_gives_the_expected_timeline(db_url):
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", db_url, "ingest", str(SEEDS)])
    assert result.exit_code == 0, result.output
    events = json.loads(runner.invoke(cli, ["--db", db_url, "list", "--json"]).output)

    def has(type_, status, *names):
        return any(
            e["type"] == type_
            and e["status"] == status
            and set(names) <= {a["name"] for a in e["actors"]}
            for e in events
        )

    assert has("call", "planned", "Donald Trump", "Vladimir Putin")
    assert has("meeting", "proposed", "Donald Trump", "Vladimir Putin")
    assert has("sanctions", "threatened", "Russia")
    assert has("proposal", "proposed", "Donald Trump", "OPEC")
    assert has("criticism", "occurred", "Donald Trump", "Volodymyr Zelenskyy")
