"""`python3 -m provider_registry_selector select`: the same flags, output and exit codes as `provider-registry select`
(src/cli/commands/select.ts). Flags are parsed as Node's util.parseArgs does, so that even a bad flag is reported in
the same words."""
import os
import re
import sys

from . import _js
from .errors import SelectionError, SnapshotError
from .answer import choice_json, error_json
from .explain import DEFAULT_SHOWN_FALLBACKS, INF, bound_fallbacks, bound_trace, render_bounded_trace, render_fallbacks
from .load_snapshot import load_snapshot
from .text import escape_controls, terminal_safe_json
from .select import create_selector
from .vocabulary import CATEGORIES

DEFAULT_SNAPSHOT_FILE = "provider_registry_snapshot.json"
CAPABILITIES = ("vision", "tools", "reasoning", "json")
OK, INVALID, USAGE_EXIT = 0, 1, 2

USAGE = """Usage: python3 -m provider_registry_selector select [options]

Choose a model for a request from a snapshot written by `provider-registry register`.

Options:
  --snapshot FILE      the snapshot (default: %s in the working folder)
  --model ID           a model id or alias (any case), or auto (the default)
  --category C         %s (default: balanced)
  --provider P         choose only among this provider's models
  --require LIST       capabilities the model must have: %s
  --min-context N      at least N tokens of context window
  --min-output N       at least N output tokens
  --exclude LIST       model ids or aliases to skip, comma-separated
  --fallbacks N|all    how many fallbacks to print (default %d); with --explain or --json also
                       bounds the trace to the choice, those fallbacks and what your settings named,
                       counting the rest; `all` prints every fallback and the whole trace
  --json               print {model, provider, reason, fallbacks, trace} as JSON (bounded as above;
                       "omitted" says what was left out)
  --explain            also print the models considered and why each was kept or dropped
  --stdin              batch mode: read one JSON request per line, write one JSON answer per line
  -h, --help           show this help

Exit codes: 0 a model was chosen (--stdin: the input ended); 1 nothing fits, or the snapshot cannot be used;
2 bad options. With --json (or --stdin) every error is also printed on stdout as {"error": {"code", "message"}}.
""" % (DEFAULT_SNAPSHOT_FILE, " | ".join(CATEGORIES), ",".join(CAPABILITIES), DEFAULT_SHOWN_FALLBACKS)

# name -> (type, multiple)
OPTIONS = {
    "snapshot": ("string", False),
    "model": ("string", False),
    "category": ("string", False),
    "provider": ("string", False),
    "require": ("string", True),
    "min-context": ("string", False),
    "min-output": ("string", False),
    "exclude": ("string", True),
    "fallbacks": ("string", False),
    "json": ("boolean", False),
    "explain": ("boolean", False),
    "stdin": ("boolean", False),
    "help": ("boolean", False),
}
SHORT = {"h": "help"}
REQUEST_FLAGS = ("model", "category", "provider", "require", "min-context", "min-output", "exclude")

# JavaScript's String.prototype.trim: its white space and line terminators, not Python's.
_JS_SPACE = "\t\n\x0b\x0c\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"


def js_trim(text):
    return text.strip(_JS_SPACE)


class UsageError(Exception):
    code = "USAGE"
    exit_code = USAGE_EXIT

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def usage_error(message):
    return UsageError("select: %s. Run `provider-registry select --help`." % message)


def parse_args(argv):
    """node:util parseArgs with strict: true, no positionals, and this command's options."""
    tokens = []  # (kind, name, raw name, value, inline)
    i = 0
    while i < len(argv):
        arg = argv[i]
        i += 1
        if arg == "--":
            tokens.extend(("positional", a, None, None, False) for a in argv[i:])
            break
        if len(arg) == 2 and arg[0] == "-" and arg[1] != "-":
            name = SHORT.get(arg[1], arg[1])
            value = None
            if name in OPTIONS and OPTIONS[name][0] == "string" and i < len(argv):
                value = argv[i]
                i += 1
            tokens.append(("option", name, arg, value, False))
        elif len(arg) > 2 and arg[0] == "-" and arg[1] != "-":
            first = SHORT.get(arg[1], arg[1])
            if first in OPTIONS and OPTIONS[first][0] == "string":
                tokens.append(("option", first, "-" + arg[1], arg[2:], True))
            else:
                tokens.extend(("option", SHORT.get(ch, ch), "-" + ch, None, False) for ch in arg[1:])
        elif arg.startswith("--") and "=" in arg:
            name, _, value = arg[2:].partition("=")
            tokens.append(("option", name, "--" + name, value, True))
        elif arg.startswith("--"):
            name = arg[2:]
            value = None
            if name in OPTIONS and OPTIONS[name][0] == "string" and i < len(argv):
                value = argv[i]
                i += 1
            tokens.append(("option", name, arg, value, False))
        else:
            tokens.append(("positional", arg, None, None, False))
    values = {}
    for kind, name, raw, value, inline in tokens:
        if kind == "positional":
            raise usage_error("Unexpected argument '%s'. This command does not take positional arguments" % name)
        if name not in OPTIONS:
            raise usage_error("Unknown option '%s'" % raw)
        type_, multiple = OPTIONS[name]
        short = next((k for k, v in SHORT.items() if v == name), None)
        both = "-%s, --%s" % (short, name) if short else "--%s" % name
        if type_ == "string" and value is None:
            raise usage_error("Option '%s <value>' argument missing" % both)
        if type_ == "boolean" and value is not None:
            raise usage_error("Option '%s' does not take an argument" % both)
        if type_ == "string" and not inline and len(value) > 1 and value[0] == "-":
            raise usage_error(
                "Option '%s' argument is ambiguous.\nDid you forget to specify the option argument for '%s'?\n"
                "To specify an option argument starting with a dash use '%s=-XYZ'." % (raw, raw, raw)
            )
        if multiple:
            values.setdefault(name, []).append(value)
        else:
            values[name] = True if type_ == "boolean" else value
    return values


def _list(values):
    out = []
    for v in values or ():
        for part in v.split(","):
            part = js_trim(part)
            if part != "":
                out.append(part)
    return out


_WHOLE = re.compile(r"[0-9]+\Z")


def _tokens(flag, value):
    if value is None:
        return None
    if not _WHOLE.match(js_trim(value)):
        raise usage_error('%s takes a whole number of tokens (got "%s")' % (flag, value))
    return _js.parse_int(js_trim(value))


def to_request(values):
    """Turns flags into a request, rejecting what the selector would otherwise reject later and less clearly."""
    request = {}
    if "model" in values:
        request["model"] = values["model"]
    if "category" in values:
        if values["category"] not in CATEGORIES:
            raise usage_error('--category must be one of %s (got "%s")' % (", ".join(CATEGORIES), values["category"]))
        request["category"] = values["category"]
    if "provider" in values:
        request["provider"] = values["provider"]
    requires = {}
    for name in _list(values.get("require")):
        capability = next((c for c in CAPABILITIES if c == name.lower()), None)
        if capability is None:
            raise usage_error('--require takes %s (got "%s")' % (", ".join(CAPABILITIES), name))
        requires[capability] = True
    min_context = _tokens("--min-context", values.get("min-context"))
    if min_context is not None:
        requires["minContext"] = min_context
    min_output = _tokens("--min-output", values.get("min-output"))
    if min_output is not None:
        requires["minOutput"] = min_output
    if requires:
        request["requires"] = requires
    exclude = _list(values.get("exclude"))
    if exclude:
        request["exclude"] = exclude
    return request


def fallback_limit(value):
    if value is None:
        return DEFAULT_SHOWN_FALLBACKS
    if js_trim(value).lower() == "all":
        return INF
    if not _WHOLE.match(js_trim(value)):
        raise usage_error('--fallbacks takes a whole number or all (got "%s")' % value)
    return _js.parse_int(js_trim(value))


def _wants_json(argv):
    flags = argv[: argv.index("--")] if "--" in argv else argv
    return "--json" in flags or "--stdin" in flags


def _json(value):
    return terminal_safe_json(_js.dumps_answer(value.to_dict() if hasattr(value, "to_dict") else value, 2)) + "\n"


class _IO:
    def __init__(self, stdout, stderr):
        self.out = stdout
        self.err = stderr

    def stdout(self, text):
        self.out(text)

    def stderr(self, text):
        self.err(text)


def select_command(argv, stdout, stderr, stdin=None, cwd=None):
    """The command; returns the exit code. stdout and stderr take text; stdin yields lines (str) for --stdin."""
    io = _IO(stdout, stderr)
    as_json = _wants_json(argv)
    try:
        values = parse_args(argv)
        if values.get("help"):
            io.stdout(USAGE)
            return OK
        if values.get("stdin"):
            given = [f for f in REQUEST_FLAGS if f in values]
            if given or values.get("explain"):
                flags = ", ".join("--%s" % f for f in given + (["explain"] if values.get("explain") else []))
                raise usage_error("--stdin reads each request from its own line, so %s cannot be given with it" % flags)
        request = {} if values.get("stdin") else to_request(values)
        limit = fallback_limit(values.get("fallbacks"))
    except UsageError as error:
        io.stderr("provider-registry: %s\n" % error.message)
        if as_json:
            io.stdout(_json({"error": {"code": error.code, "message": error.message}, "trace": []}))
        return USAGE_EXIT
    file = os.path.join(cwd or os.getcwd(), values.get("snapshot", DEFAULT_SNAPSHOT_FILE))
    file = os.path.normpath(file)

    try:
        selector = create_selector(load_snapshot(file))
        if values.get("stdin"):
            from .batch import run_batch

            return run_batch(selector, stdin if stdin is not None else sys.stdin, io.stdout, limit)
        choice = selector.select(request)
        if values.get("json"):
            io.stdout(_json(choice_json(choice, limit)))
            return OK
        # The trace is read only to show it: the fallbacks line needs the fallbacks alone.
        fallbacks = render_fallbacks(bound_fallbacks(choice.fallbacks, limit))
        io.stdout(escape_controls("%s (%s): %s\n%s\n" % (choice.model, choice.provider, choice.reason, fallbacks)))
        if values.get("explain"):
            io.stdout("\n".join(render_bounded_trace(bound_trace(choice.trace, choice.fallbacks, limit))) + "\n")
        return OK
    except SelectionError as error:
        if error.code == "INVALID_REQUEST":
            io.stderr("provider-registry: select: %s\n" % error.message)
            if values.get("json"):
                io.stdout(_json(error))
            return USAGE_EXIT
        if values.get("json"):
            io.stdout(_json(error_json(error, limit)))
            return error.exit_code
        io.stderr("provider-registry: %s\n" % error.message)
        if values.get("explain"):
            io.stderr("\n".join(render_bounded_trace(bound_trace(error.trace, [], limit))) + "\n")
        elif error.trace:
            io.stderr("hint: add --explain to see every model considered and why it fell away\n")
        return error.exit_code
    except SnapshotError as error:
        io.stderr("provider-registry: %s\n" % error.message)
        if as_json:
            body = {"error": {"code": error.code, "message": error.message}, "trace": []}
            io.stdout(terminal_safe_json(_js.dumps_answer(body, None if values.get("stdin") else 2)) + "\n")
        return error.exit_code


MAIN_USAGE = """Usage: python3 -m provider_registry_selector <command> [options]

Commands:
  select  choose a model for a request from a snapshot (the same flags as `provider-registry select`)

Run `python3 -m provider_registry_selector select --help` for its options.
"""


def _writer(stream):
    def write(text):
        stream.write(_js.printable(text))
        stream.flush()

    return write


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass
    out, err = _writer(sys.stdout), _writer(sys.stderr)
    if not argv or argv[0] in ("-h", "--help", "help"):
        out(MAIN_USAGE)
        return USAGE_EXIT if not argv else OK
    if argv[0] in ("-v", "--version"):
        from . import __version__

        out(__version__ + "\n")
        return OK
    if argv[0] != "select":
        err('provider_registry_selector: unknown command "%s"\n\n%s' % (argv[0], MAIN_USAGE))
        return USAGE_EXIT
    try:
        return select_command(argv[1:], out, err, stdin=None)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return OK
