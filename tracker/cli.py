def main() -> None:
    raise SystemExit("tracker: not built yet")
