"""scripts/trigger_precision.py: counts each trigger word's events right and wrong."""

import importlib.util
import json
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "trigger_precision.py"


def load():
    spec = importlib.util.spec_from_file_location("trigger_precision", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class FirstEventMatches:
    """A stand-in for the scorer: the first extracted event matches the first gold event."""

    @staticmethod
    def match(gold, got, families):
        return [(0, 0)] if gold and got else []


def test_events_are_counted_by_type_and_trigger(tmp_path, monkeypatch):
    part = tmp_path / "part"
    part.mkdir()
    (part / "a.txt").write_text(
        "---\ntitle: Calls\npublished: 2024-06-12\nsource: Test, https://example.org/a\n---\n"
        "Putin spoke by phone with Erdogan on Monday. Rajapakse handed power to Sirisena. "
        "Biden called the sanctions unjustified.\n"
    )
    (part / "a.gold.json").write_text(json.dumps({"events": [{"type": "call"}]}))
    module = load()
    monkeypatch.setattr(module, "TUNED", [part])
    right, wrong = module.count(FirstEventMatches())
    assert right == {("call", "spoke"): 1}
    assert wrong == {("criticism", "called"): 1}


def test_a_missing_scorer_is_one_clear_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.argv", ["trigger_precision.py", "--scorer", str(tmp_path)])
    assert load().main() == 2
    assert "no score.py" in capsys.readouterr().err
