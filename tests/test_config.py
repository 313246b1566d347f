from sqlalchemy import text

from tracker import config
from tracker.db.session import open_database


def test_sqlite_runs_with_foreign_keys_wal_and_a_busy_timeout(tmp_path):
    engine = open_database(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
    engine.dispose()


def test_database_url_precedence(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.delenv(config.ENV_VAR, raising=False)
    default = config.database_url()
    assert default.startswith("sqlite:///") and default.endswith("tracker/tracker.db")
    monkeypatch.setenv(config.ENV_VAR, "sqlite:///from-env.db")
    assert config.database_url() == "sqlite:///from-env.db"
    assert config.database_url("sqlite:///explicit.db") == "sqlite:///explicit.db"
