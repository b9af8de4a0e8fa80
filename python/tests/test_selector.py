"""The Python API: loading, errors as classes with codes, the choice's shape, validators, versions."""
import copy
import json
import os
import subprocess
import sys

import pytest

from conftest import CONFORMANCE
import provider_registry_selector as prs
from provider_registry_selector import (
    InvalidRequest,
    NoModelAvailable,
    NoSuchModel,
    SelectionError,
    SnapshotError,
    SnapshotInvalid,
    SnapshotNotFound,
    SnapshotNotJSON,
    SnapshotUnreadable,
    UnsupportedSchemaVersion,
    create_selector,
    load_snapshot,
)
from provider_registry_selector.check_snapshot import validator_names

DEMO = os.path.join(CONFORMANCE, "snapshots", "demo.json")
PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture(scope="module")
def demo():
    with open(DEMO, encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="module")
def selector():
    return create_selector(load_snapshot(DEMO))


def test_select_returns_model_provider_and_lazy_parts(selector):
    choice = selector.select({"category": "fast_response", "requires": {"tools": True}})
    assert (choice.model, choice.provider) == ("kimi-k2-0905-preview", "kimi")
    assert choice.reason.startswith("kimi-k2-0905-preview is kimi's default model")
    assert all(set(f) == {"model", "provider"} for f in choice.fallbacks)
    assert [e["outcome"] for e in choice.trace].count("chosen") == 1
    assert list(choice.to_dict()) == ["model", "provider", "reason", "fallbacks", "trace"]
    assert choice.trace is choice.trace  # built once


def test_no_argument_is_the_empty_request_and_none_is_not_a_request(selector):
    assert selector.select().model == selector.select({}).model
    with pytest.raises(InvalidRequest) as caught:
        selector.select(None)
    assert caught.value.code == "INVALID_REQUEST" and caught.value.exit_code == 2


@pytest.mark.parametrize(
    "request_, cls, code",
    [
        ({"model": "gpt-9"}, NoSuchModel, "NO_SUCH_MODEL"),
        ({"requires": {"minContext": 10 ** 9}}, NoModelAvailable, "NO_MODEL_AVAILABLE"),
        ({"minContex": 1}, InvalidRequest, "INVALID_REQUEST"),
        ({"model": "glm-4.6", "requires": {"vision": True}}, prs.RequirementsNotMet, "REQUIREMENTS_NOT_MET"),
        ({"model": "glm-4.6", "exclude": ["GLM-4.6"]}, prs.ModelNotAllowed, "MODEL_NOT_ALLOWED"),
    ],
)
def test_errors_are_classes_carrying_their_code(selector, request_, cls, code):
    with pytest.raises(cls) as caught:
        selector.select(request_)
    error = caught.value
    assert isinstance(error, SelectionError) and error.code == code
    assert error.to_dict()["error"] == {"code": code, "message": str(error)}


def test_explain_never_raises_for_a_request(selector):
    assert "no choice: INVALID_REQUEST" in selector.explain({"category": 3})
    assert "choice: " in selector.explain({"category": "balanced"})


def test_requests_are_not_changed_and_later_snapshot_changes_are_not_seen(demo):
    snapshot = copy.deepcopy(demo)
    sel = create_selector(snapshot)
    request = {"exclude": ["glm-4.6"], "requires": {"tools": True}}
    before = copy.deepcopy(request)
    first = sel.select(request).model
    snapshot["models"].clear()
    assert sel.select(request).model == first
    assert request == before


@pytest.mark.parametrize("validator", validator_names())
def test_create_selector_checks_a_dict(demo, validator):
    broken = copy.deepcopy(demo)
    broken["models"][0]["contextWindow"] = "128k"
    with pytest.raises(SnapshotInvalid) as caught:
        create_selector(broken, validator)
    assert caught.value.problems and all(p.startswith("/") for p in caught.value.problems)
    assert "/models/0/contextWindow" in str(caught.value)


@pytest.mark.parametrize("validator", validator_names())
def test_versions(demo, validator):
    major, minor, _ = prs.SUPPORTED_SCHEMA_VERSION.split(".")
    future = dict(demo, schemaVersion="%d.0.0" % (int(major) + 1))
    with pytest.raises(UnsupportedSchemaVersion, match="upgrade provider-registry"):
        create_selector(future, validator)
    newer = copy.deepcopy(demo)
    newer["schemaVersion"] = "%s.%d.0" % (major, int(minor) + 1)
    newer["aFieldFromTheFuture"] = {"x": 1}
    newer["models"][2]["pricing"]["note"] = "inside a oneOf"
    assert create_selector(newer, validator).select({"model": "glm-4.6"}).model == "glm-4.6"
    same = copy.deepcopy(demo)
    same["aFieldFromTheFuture"] = 1
    with pytest.raises(SnapshotInvalid, match="aFieldFromTheFuture"):
        create_selector(same, validator)


def test_load_errors(tmp_path):
    with pytest.raises(SnapshotNotFound, match="provider-registry register"):
        load_snapshot(tmp_path / "none.json")
    with pytest.raises(SnapshotUnreadable, match="it is a folder"):
        load_snapshot(tmp_path)
    (tmp_path / "empty.json").write_text("")
    with pytest.raises(SnapshotNotJSON, match="is empty"):
        load_snapshot(tmp_path / "empty.json")
    (tmp_path / "cut.json").write_text('{"schemaVersion": "1.0')
    with pytest.raises(SnapshotNotJSON, match="cut short"):
        load_snapshot(tmp_path / "cut.json")
    (tmp_path / "nan.json").write_text('{"a": NaN}')
    with pytest.raises(SnapshotNotJSON):
        load_snapshot(tmp_path / "nan.json")
    for cls in (SnapshotNotFound, SnapshotUnreadable, SnapshotNotJSON, UnsupportedSchemaVersion, SnapshotInvalid):
        assert issubclass(cls, SnapshotError) and cls.code


def test_a_byte_order_mark_and_non_ascii_text_are_read(tmp_path, demo):
    snapshot = copy.deepcopy(demo)
    snapshot["models"][2]["name"] = "GLM 4.5 — 智谱"
    (tmp_path / "bom.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(snapshot, ensure_ascii=False).encode("utf-8"))
    loaded = load_snapshot(tmp_path / "bom.json")
    assert loaded["models"][2]["name"] == "GLM 4.5 — 智谱"


def test_without_jsonschema_the_structural_check_is_used():
    code = (
        "import sys; sys.modules['jsonschema'] = None\n"
        "from provider_registry_selector.check_snapshot import validator_names\n"
        "from provider_registry_selector import load_snapshot, create_selector\n"
        "assert validator_names() == ['structure'], validator_names()\n"
        "print(create_selector(load_snapshot(sys.argv[1])).select({'model': 'glm-4.6'}).model)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, DEMO], cwd=PYTHON_DIR, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "glm-4.6"


def test_with_jsonschema_it_is_the_default():
    pytest.importorskip("jsonschema")
    assert validator_names()[0] == "jsonschema"


def test_only_a_regular_file_is_read(tmp_path):
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    with pytest.raises(SnapshotUnreadable, match=r"it is a FIFO \(named pipe\), not a regular file"):
        load_snapshot(fifo)  # refused without waiting for a writer
    if os.path.exists("/dev/zero"):
        with pytest.raises(SnapshotUnreadable, match="it is a character device, not a regular file"):
            load_snapshot("/dev/zero")


def test_control_characters_never_reach_the_terminal(selector):
    text = selector.explain({"model": "x\x1b[2J\u009b\r"})
    assert "\x1b" not in text and "\u009b" not in text and "\r" not in text
    assert "\\u001b" in text
