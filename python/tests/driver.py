"""Answers the differential test (test/python/differential.test.ts): one JSON command per line on stdin, one JSON
answer per line on stdout.

    {"op": "load", "path": P, "validator": "structure"|"jsonschema"|null} -> {"ok": true} | {"error": CODE}
    {"op": "select", "path": P, "request": R}                            -> {"answer": <select --json value>, "explain": TEXT}

A request of {"absent": true} stands for select() with no argument."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from provider_registry_selector import SelectionError, SnapshotError, create_selector, load_snapshot  # noqa: E402
from provider_registry_selector._js import loads, stringify  # noqa: E402

selectors = {}


def handle(command):
    if command["op"] == "load":
        try:
            load_snapshot(command["path"], command.get("validator"))
            return {"ok": True}
        except SnapshotError as error:
            return {"error": error.code}
    path = command["path"]
    if path not in selectors:
        selectors[path] = create_selector(load_snapshot(path))
    selector = selectors[path]
    args = () if command.get("absent") else (command["request"],)
    try:
        answer = selector.select(*args).to_dict()
    except SelectionError as error:
        answer = error.to_dict()
    return {"answer": answer, "explain": selector.explain(*args)}


for line in sys.stdin.buffer:
    sys.stdout.write(stringify(handle(loads(line.decode("utf-8")))) + "\n")
sys.stdout.flush()
