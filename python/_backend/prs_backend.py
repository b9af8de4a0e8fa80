"""A PEP 517 build backend in the standard library: builds the pure-Python wheel (and sdist) of this package without
downloading anything, so that `pip install ./python` works offline and with Debian's python3 as it comes.

It reads name, version, description and requires-python from pyproject.toml with a few regular expressions (tomllib
is 3.11+); keep those fields on one line each."""
import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "provider_registry_selector"


def _project():
    with open(os.path.join(ROOT, "pyproject.toml"), encoding="utf-8") as f:
        text = f.read()
    section = text.split("[project]", 1)[1].split("\n[", 1)[0]
    field = lambda name: re.search(r'^%s\s*=\s*"([^"]*)"' % re.escape(name), section, re.M).group(1)  # noqa: E731
    scripts = dict(re.findall(r'^([A-Za-z0-9_-]+)\s*=\s*"([^"]+)"', text.split("[project.scripts]", 1)[1].split("\n[", 1)[0], re.M)) if "[project.scripts]" in text else {}
    return {
        "name": field("name"),
        "version": field("version"),
        "summary": field("description"),
        "requires_python": field("requires-python"),
        "scripts": scripts,
    }


def _dist_name(name):
    return re.sub(r"[-_.]+", "_", name).lower()


def _metadata(p):
    lines = [
        "Metadata-Version: 2.1",
        "Name: %s" % p["name"],
        "Version: %s" % p["version"],
        "Summary: %s" % p["summary"],
        "License: MIT",
        "Requires-Python: %s" % p["requires_python"],
        "Provides-Extra: jsonschema",
        'Requires-Dist: jsonschema>=4; extra == "jsonschema"',
        "Description-Content-Type: text/markdown",
        "",
    ]
    readme = os.path.join(ROOT, "README.md")
    body = open(readme, encoding="utf-8").read() if os.path.exists(readme) else ""
    return "\n".join(lines) + "\n" + body


def _package_files():
    base = os.path.join(ROOT, PACKAGE)
    for folder, dirs, files in os.walk(base):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            full = os.path.join(folder, name)
            yield full, os.path.relpath(full, ROOT).replace(os.sep, "/")


def _record_line(path, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return "%s,sha256=%s,%d" % (path, digest, len(data))


def _write_wheel(wheel_directory, entries, p):
    dist = _dist_name(p["name"])
    info = "%s-%s.dist-info" % (dist, p["version"])
    filename = "%s-%s-py3-none-any.whl" % (dist, p["version"])
    entries = list(entries)
    entries.append(("%s/METADATA" % info, _metadata(p).encode("utf-8")))
    entries.append(("%s/WHEEL" % info, b"Wheel-Version: 1.0\nGenerator: prs_backend\nRoot-Is-Purelib: true\nTag: py3-none-any\n"))
    if p["scripts"]:
        console = "[console_scripts]\n" + "".join("%s = %s\n" % kv for kv in p["scripts"].items())
        entries.append(("%s/entry_points.txt" % info, console.encode("utf-8")))
    record = [_record_line(path, data) for path, data in entries] + ["%s/RECORD,," % info]
    entries.append(("%s/RECORD" % info, ("\n".join(record) + "\n").encode("utf-8")))
    with zipfile.ZipFile(os.path.join(wheel_directory, filename), "w", zipfile.ZIP_DEFLATED) as wheel:
        for path, data in entries:
            zinfo = zipfile.ZipInfo(path, date_time=(2026, 1, 1, 0, 0, 0))
            zinfo.external_attr = 0o644 << 16
            zinfo.compress_type = zipfile.ZIP_DEFLATED
            wheel.writestr(zinfo, data)
    return filename


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    p = _project()
    entries = []
    for full, rel in _package_files():
        with open(full, "rb") as f:
            entries.append((rel, f.read()))
    return _write_wheel(wheel_directory, entries, p)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    p = _project()
    pth = ("%s\n" % ROOT).encode("utf-8")
    return _write_wheel(wheel_directory, [("_%s.pth" % _dist_name(p["name"]), pth)], p)


def build_sdist(sdist_directory, config_settings=None):
    p = _project()
    base = "%s-%s" % (_dist_name(p["name"]), p["version"])
    filename = base + ".tar.gz"
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz") as tar:
        files = [(os.path.join(ROOT, n), n) for n in ("pyproject.toml", "README.md")]
        files += [(os.path.join(ROOT, "_backend", "prs_backend.py"), "_backend/prs_backend.py")]
        files += list(_package_files())
        for full, rel in files:
            if os.path.exists(full):
                tar.add(full, arcname="%s/%s" % (base, rel))
        info = tarfile.TarInfo("%s/PKG-INFO" % base)
        data = _metadata(p).encode("utf-8")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    return filename
