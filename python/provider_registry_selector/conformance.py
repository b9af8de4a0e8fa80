"""Runs the conformance suite (conformance/cases.json in the provider-registry package) against this selector.

    python3 -m provider_registry_selector.conformance path/to/provider-registry/conformance

Prints one line per failing case and a summary; exits 0 when every case passes. docs/conformance.md describes the
suite; a port to another language can read this file as a worked example of a runner."""
import io
import json
import os
import sys

from . import _js
from .cli import select_command
from .errors import SelectionError, SnapshotError
from .load_snapshot import load_snapshot
from .select import create_selector


def load_suite(folder):
    with open(os.path.join(folder, "cases.json"), encoding="utf-8") as f:
        return json.load(f)


def _answer(selector, request):
    try:
        return selector.select(request).to_dict()
    except SelectionError as error:
        return error.to_dict()


def _run_cli(folder, case):
    out, err = [], []
    stdin = io.BytesIO(case["stdin"].encode("utf-8")) if "stdin" in case else io.BytesIO(b"")
    code = select_command(list(case["argv"]), out.append, err.append, stdin=stdin, cwd=folder)
    text = "".join(out)
    fmt = case["expect"]["stdoutFormat"]
    if fmt == "text":
        stdout = text
    elif fmt == "json-lines":
        stdout = [_js.loads(line) for line in text.split("\n") if line != ""]
    else:
        stdout = _js.loads(text) if text else None
    return code, stdout


def _codes(value):
    if isinstance(value, list):
        return [_codes(v) for v in value]
    if isinstance(value, dict) and "error" in value:
        return value["error"].get("code")
    return value


def check_case(folder, case, selectors, validator=None):
    """None when the case passes; otherwise what differs, for a person."""
    kind = case["kind"]
    if kind == "select":
        path = case["snapshot"]
        if path not in selectors:
            selectors[path] = create_selector(load_snapshot(os.path.join(folder, path), validator))
        got = _answer(selectors[path], case["request"])
        return None if got == case["expect"] else _diff(case["expect"], got)
    if kind == "load":
        try:
            load_snapshot(os.path.join(folder, case["snapshot"]), validator)
            got = {"ok": True}
        except SnapshotError as error:
            got = {"error": {"code": error.code}}
        return None if got == case["expect"] else "expected %s, got %s" % (case["expect"], got)
    if kind == "cli":
        code, stdout = _run_cli(folder, case)
        expect = case["expect"]
        if code != expect["exitCode"]:
            return "exit code %d, expected %d (stdout %s)" % (code, expect["exitCode"], stdout)
        want = expect["stdout"]
        if case.get("errorCodeOnly"):
            want, stdout = _codes(want), _codes(stdout)
        return None if stdout == want else _diff(want, stdout)
    return "unknown case kind %r" % kind


def _diff(expected, got):
    return "expected %s\n     got %s" % (_js.stringify(expected)[:2000], _js.stringify(got)[:2000])


def run(folder, validator=None):
    suite = load_suite(folder)
    selectors = {}
    failures = []
    for case in suite["cases"]:
        problem = check_case(folder, case, selectors, validator)
        if problem is not None:
            failures.append((case["id"], problem))
    return suite, failures


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        sys.stderr.write("usage: python3 -m provider_registry_selector.conformance CONFORMANCE_FOLDER\n")
        return 2
    suite, failures = run(argv[0])
    for case_id, problem in failures:
        sys.stdout.write("FAIL %s: %s\n" % (case_id, problem))
    total = len(suite["cases"])
    sys.stdout.write("%d of %d cases pass (suite format %s, schema %s)\n" % (total - len(failures), total, suite["format"], suite["schemaVersion"]))
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
