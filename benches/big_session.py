#!/usr/bin/env python3
"""Writes a session with N SWOT items (default 10,000) for comparing
`wethi show --board` with `jq .` (README, Performance):

    python3 benches/big_session.py 10000 > /tmp/big.json

The items are the example session's texts, each numbered so that every
text is different, dealt over the four quadrants in turn.
"""
import json
import pathlib
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
root = pathlib.Path(__file__).resolve().parent.parent
session = json.loads((root / "sessions/examples/ubon-2021-01-13.json").read_text("utf-8"))
quadrants = ["strengths", "weaknesses", "opportunities", "threats"]
texts = [item for q in quadrants for item in session["swot"][q]]
for q in quadrants:
    session["swot"][q] = []
for i in range(n):
    item = dict(texts[i % len(texts)])
    item["id"] = f"sw-{i}"
    item["text"] = f"{item['text']} ({i + 1})"
    item["votes"] = i % 7
    session["swot"][quadrants[i % 4]].append(item)
session["strategies"] = {k: [] for k in session["strategies"]}
json.dump(session, sys.stdout, ensure_ascii=False, indent=2)
