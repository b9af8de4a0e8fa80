"""python3 -m provider_registry_selector: the command line, as a process."""
import json
import os
import shutil
import subprocess
import sys

from conftest import CONFORMANCE

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEMO = os.path.join(CONFORMANCE, "snapshots", "demo.json")


def run(*argv, stdin=""):
    env = dict(os.environ, PYTHONPATH=PYTHON_DIR)
    return subprocess.run([sys.executable, "-m", "provider_registry_selector", *argv], input=stdin, capture_output=True, text=True, env=env)


def test_select_json():
    out = run("select", "--snapshot", DEMO, "--json", "--model", "GLM-4.6")
    assert out.returncode == 0
    assert json.loads(out.stdout)["model"] == "glm-4.6"


def test_a_bad_flag_with_json_prints_a_json_error():
    out = run("select", "--snapshot", DEMO, "--colour", "--json")
    assert out.returncode == 2
    assert json.loads(out.stdout)["error"]["code"] == "USAGE"
    assert "Unknown option '--colour'" in out.stderr


def test_usage_and_unknown_commands():
    assert run("select", "--help").returncode == 0
    assert run("frobnicate").returncode == 2
    assert run().returncode == 2


def test_batch_mode_is_a_long_running_process_over_a_snapshot_loaded_once(tmp_path):
    snapshot = tmp_path / "once.json"
    shutil.copy(DEMO, snapshot)
    env = dict(os.environ, PYTHONPATH=PYTHON_DIR)
    child = subprocess.Popen(
        [sys.executable, "-m", "provider_registry_selector", "select", "--snapshot", str(snapshot), "--stdin"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
    )
    try:
        child.stdin.write('{"category": "fast_response"}\n')
        child.stdin.flush()
        first = json.loads(child.stdout.readline())
        assert first["model"] == "kimi-k2-0905-preview"
        os.unlink(snapshot)
        for line, check in [
            ('{"model": "glm-4.6"}\n', lambda a: a["model"] == "glm-4.6"),
            ("not json\n", lambda a: a["error"]["code"] == "INVALID_REQUEST" and "line 3" in a["error"]["message"]),
            ('{"model": "gpt-9"}\n', lambda a: a["error"]["code"] == "NO_SUCH_MODEL"),
        ]:
            child.stdin.write(line)
            child.stdin.flush()
            assert check(json.loads(child.stdout.readline()))
    finally:
        child.stdin.close()
        assert child.wait(timeout=30) == 0
