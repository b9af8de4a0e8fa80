// One snapshot reader for validate, select, diff, --previous and --check, and files that are not
// regular files (a FIFO, /dev/zero, a device) refused by every command that reads or writes one.
import { execFileSync } from "node:child_process";
import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import validateSnapshot from "../../generated/validate-snapshot.js";
import type { ProviderRegistrySnapshot } from "../../generated/snapshot-types.js";
import { snapshotFormats, snapshotPattern, snapshotPatternSources } from "../../scripts/generated-files.js";
import { contentHash } from "../../src/snapshot/content-hash.js";
import { SCHEMA_ID, SCHEMA_VERSION } from "../../src/snapshot/schema-version.js";
import { createSelector, loadSnapshot, SnapshotError } from "../../src/selector/index.js";
import { runCli } from "../support/run-cli.js";
import { useTempDirs } from "../support/temp-dir.js";
import { readJson } from "../support/inputs.js";

const addFormats = addFormatsModule.default;
const tempDir = useTempDirs();
const BASE = readJson<ProviderRegistrySnapshot>("test/fixtures/snapshots/demo-register.json");
/** A minor version of the current major newer than this reader's: only adds fields. */
const NEWER_MINOR = SCHEMA_VERSION.replace(
  /^(\d+)\.(\d+)\.\d+$/,
  (_all, major: string, minor: string) => `${major}.${Number(minor) + 3}.0`,
);

async function write(dir: string, name: string, data: unknown): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, typeof data === "string" ? data : JSON.stringify(data));
  return file;
}

/** A newer minor version: an added field at the top, in every model, in a provider and in a pricing object. */
function newerMinor(extra: unknown = { note: "added in 1.3" }): ProviderRegistrySnapshot {
  const s = structuredClone(BASE) as unknown as Record<string, unknown> & ProviderRegistrySnapshot;
  s.$schema = SCHEMA_ID;
  s.schemaVersion = NEWER_MINOR;
  (s as Record<string, unknown>).addedTopLevel = extra;
  for (const m of s.models) (m as unknown as Record<string, unknown>).addedModelField = 7;
  (s.providers[0] as unknown as Record<string, unknown>).addedProviderField = "x";
  const priced = s.models.find((m) => m.pricing !== null)!;
  (priced.pricing as unknown as Record<string, unknown>).addedPriceField = 1;
  return s;
}

function withDuplicateModel(): ProviderRegistrySnapshot {
  const s = structuredClone(BASE);
  s.models.splice(1, 0, structuredClone(s.models[0]!));
  return s;
}

/** Every command that reads a snapshot, as run on one file; each returns [exit code, stdout + stderr]. */
const readers = {
  validate: (cwd: string, file: string) => runCli(["validate", file], { cwd }),
  select: (cwd: string, file: string) => runCli(["select", "--snapshot", file], { cwd }),
  "diff OLD": (cwd: string, file: string) => runCli(["diff", file, path.join(cwd, "base.json")], { cwd }),
  "diff NEW": (cwd: string, file: string) => runCli(["diff", path.join(cwd, "base.json"), file], { cwd }),
  "register --previous": (cwd: string, file: string) =>
    runCli(["register", "--previous", file, "--out", path.join(cwd, "out.json"), "--quiet"], { cwd, env: {} }),
} as const;

describe("one snapshot reader: every command agrees on what a snapshot is", () => {
  const cases: [string, () => unknown, "valid" | "invalid"][] = [
    ["a UTF-8 byte-order mark before the JSON", () => `\uFEFF${JSON.stringify(BASE)}`, "valid"],
    ["a newer minor version with added fields", () => newerMinor(), "valid"],
    ["a model listed twice", withDuplicateModel, "invalid"],
    [
      "generatedAt that is not a date (2025-13-45T99:99:99Z)",
      () => ({ ...BASE, generatedAt: "2025-13-45T99:99:99Z" }),
      "invalid",
    ],
    [
      "a pricing asOf of 30 February",
      () => {
        const s = structuredClone(BASE);
        s.models.find((m) => m.pricing?.asOf)!.pricing!.asOf = "2025-02-30";
        return s;
      },
      "invalid",
    ],
  ];
  for (const [what, make, expected] of cases) {
    for (const [command, run] of Object.entries(readers)) {
      it(`${what}: ${expected} to ${command}`, async () => {
        const cwd = await tempDir();
        await write(cwd, "base.json", BASE);
        const file = await write(cwd, "input.json", make());
        const result = await run(cwd, file);
        const output = result.stdout + result.stderr;
        expect(output).not.toMatch(/internal error|\n\s+at /);
        if (expected === "valid") {
          expect(result.code, output).toBe(0);
        } else {
          expect(result.code, output).toBe(command === "validate" || command === "select" ? 1 : 2);
          expect(output).toMatch(/repeats|must match format|format/);
        }
      });
    }
  }

  it("register --check compares with a newer-minor file on disk instead of calling it not a snapshot", async () => {
    const cwd = await tempDir();
    const out = path.join(cwd, "provider_registry_snapshot.json");
    expect((await runCli(["register", "--quiet"], { cwd, env: { SOURCE_DATE_EPOCH: "1700000000" } })).code).toBe(0);
    const written = JSON.parse(await (await import("node:fs/promises")).readFile(out, "utf8")) as Record<
      string,
      unknown
    >;
    await write(cwd, "provider_registry_snapshot.json", {
      ...written,
      schemaVersion: NEWER_MINOR,
      addedLater: { deep: [1, 2] },
    });
    const check = await runCli(["register", "--check"], { cwd, env: { SOURCE_DATE_EPOCH: "1700000000" } });
    expect(check.stderr).not.toMatch(/not a valid snapshot|not a snapshot/);
    // The schema version differs from what register writes, and that is the one change it reports.
    expect(check.stderr).toMatch(/schemaVersion/);
  });

  it("the file about to be replaced, of a newer minor version, is still the last good snapshot", async () => {
    const cwd = await tempDir();
    await write(cwd, "provider_registry_snapshot.json", newerMinor());
    const run = await runCli(["register", "--json"], { cwd, env: {} });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/PREVIOUS_UNUSABLE/);
    expect(JSON.parse(run.stdout).previous).toMatch(/provider_registry_snapshot\.json$/);
  });

  it("a 100,000-deep unknown field of a newer minor version is ignored without overflowing the stack", async () => {
    const cwd = await tempDir();
    const depth = 100_000;
    const text = JSON.stringify(newerMinor("__DEEP__")).replace(
      '"__DEEP__"',
      `${"[".repeat(depth)}${"]".repeat(depth)}`,
    );
    const file = await write(cwd, "deep.json", text);
    await write(cwd, "base.json", BASE);
    for (const run of Object.values(readers)) {
      const result = await run(cwd, file);
      expect(result.code, result.stdout + result.stderr).toBe(0);
    }
    expect(createSelector(loadSnapshot(file)).select({}).model).toBeTruthy();
  });
});

describe("the selector's precompiled validator checks formats as ajv-formats does", () => {
  const ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  const full = {
    "date-time": ajv.compile({ type: "string", format: "date-time" }),
    date: ajv.compile({ type: "string", format: "date" }),
  };
  const ours = snapshotFormats();
  const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));
  const dates = fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`);
  const times = fc
    .tuple(digits(2), digits(2), digits(2), fc.constantFrom("", ".5", ".123"))
    .map(([h, m, s, f]) => `${h}:${m}:${s}${f}Z`);

  it("agrees on every date and date-time the schema's patterns let through", () => {
    fc.assert(
      fc.property(dates, (d) => ours.date(d) === full.date(d)),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(dates, times, (d, t) => ours["date-time"](`${d}T${t}`) === full["date-time"](`${d}T${t}`)),
      { numRuns: 3000 },
    );
    for (const s of [
      "2024-02-29T23:59:60Z",
      "2023-02-29T00:00:00Z",
      "2025-12-31T23:59:59.999Z",
      "2025-13-45T99:99:99Z",
      "0000-01-01T00:00:00Z",
    ]) {
      expect(ours["date-time"](s), s).toBe(full["date-time"](s));
    }
  });

  // Not only the schema's shapes: strings one edit away from them (a letter for a digit, a lower-case t, a fraction
  // that rounds to the next second, an offset instead of Z), and any string, get ajv-formats' answers too.
  it("agrees on strings near those shapes, and on any string", () => {
    const shaped = fc.oneof(
      dates,
      fc.tuple(dates, times).map(([d, t]) => `${d}T${t}`),
      fc
        .tuple(dates, fc.constantFrom("23:59:60", "23:59:59", "00:00:58", "24:00:00", "12:60:00"))
        .map(([d, t]) => `${d}T${t}Z`),
    );
    const edits = fc.constantFrom(
      ...[..."0123456789-:.TtZz +x\n"],
      ".9999999999999999999",
      ".99999999999999999999999",
      "+01:00",
      "-23:59",
      "",
    );
    const near = fc
      .tuple(shaped, fc.nat(), fc.nat(3), edits)
      .map(([s, at, drop, put]) => s.slice(0, at % (s.length + 1)) + put + s.slice((at % (s.length + 1)) + drop));
    fc.assert(
      fc.property(fc.oneof(near, fc.string()), (s) => {
        expect(ours.date(s), s).toBe(full.date(s));
        expect(ours["date-time"](s), s).toBe(full["date-time"](s));
      }),
      { numRuns: 20000 },
    );
    for (const s of [
      "2025-01-01T23:59:59.9999999999999999999Z",
      "2025-01-01T23:59:60.9999999999999999999Z",
      "2025-01-01T22:59:59.9999999999999999999Z",
      "2025-01-01T00:00:58.9999999999999999999Z",
      "2025-01-01T23:59:60.5Z",
      "2025-01-01T23:59:60Z",
      "2025-01-01T22:59:60Z",
      "2025-01-01t00:00:00z",
      "2025-01-01 00:00:00Z",
      "2024-02-29",
      "2100-02-29",
      "2000-02-29",
      "2025-04-31",
      "2025-00-10",
    ]) {
      expect(ours.date(s), s).toBe(full.date(s));
      expect(ours["date-time"](s), s).toBe(full["date-time"](s));
    }
  });

  it("refuses generatedAt 2025-13-45T99:99:99Z", () => {
    expect(validateSnapshot(BASE)).toBe(true);
    expect(validateSnapshot({ ...BASE, generatedAt: "2025-13-45T99:99:99Z" })).toBe(false);
  });
});

describe("the precompiled validator's pattern matchers accept exactly what their patterns accept", () => {
  const make = snapshotPattern();
  const sources = snapshotPatternSources();
  const pieces = fc.constantFrom(
    ...[..."aAzZ09_-.:/@+~TtZz \n\u00e9\u{1F600}"],
    "overlay:",
    "env:",
    "probe",
    "catalog",
    "default",
    "inferred",
    "USD",
    "2024-02-29",
    "T23:59:60",
    ".5",
  );

  it("covers the fact sources, the pattern a snapshot repeats most", () => {
    expect(sources).toContain("^(probe|catalog|default|inferred|overlay:[A-Za-z0-9._-]+|env:[A-Z][A-Z0-9_]*)$");
  });

  for (const source of sources) {
    it(source, () => {
      const ours = make(source, "u");
      const regExp = new RegExp(source, "u");
      const matching = fc.stringMatching(regExp);
      const strings = fc.oneof(
        fc.string(),
        fc.string({ unit: "binary" }),
        matching,
        matching.map((s) => `${s}\n`),
        matching.chain((s) => fc.nat(s.length).map((i) => s.slice(0, i) + s.slice(i + 1))),
        fc.array(pieces, { maxLength: 12 }).map((p) => p.join("")),
        fc.array(pieces, { minLength: 60, maxLength: 70 }).map((p) => p.join("")),
      );
      fc.assert(
        fc.property(strings, (s) => ours.test(s) === regExp.test(s)),
        { numRuns: 5000 },
      );
      expect(String(ours)).toBe(String(regExp));
    });
  }
});

describe("a snapshot loadSnapshot checked cannot change under createSelector", () => {
  it('is frozen: setting vision to "no" after loading throws, and the selector still sees the checked value', async () => {
    const cwd = await tempDir();
    const file = await write(cwd, "s.json", BASE);
    const snapshot = loadSnapshot(file);
    const model = snapshot.models.find(
      (m) => !m.capabilities.vision && m.kind === "chat" && m.availability === "listed",
    )!;
    expect(() => {
      (model.capabilities as { vision: unknown }).vision = "no";
    }).toThrow(TypeError);
    expect(() => snapshot.models.push(structuredClone(model))).toThrow(TypeError);
    const choice = createSelector(snapshot).select({ requires: { vision: true } });
    expect(
      snapshot.models.find((m) => m.id === choice.model && m.provider === choice.provider)!.capabilities.vision,
    ).toBe(true);
  });

  it("an object the caller can still change is checked again each time it is handed in", () => {
    const snapshot = structuredClone(BASE);
    createSelector(snapshot);
    (snapshot.models[0]!.capabilities as { vision: unknown }).vision = "no";
    expect(() => createSelector(snapshot)).toThrow(SnapshotError);
  });
});

describe("files that are not regular files are refused, never read", () => {
  const special = async (kind: "fifo" | "device" | "zero", dir: string, name: string): Promise<string> => {
    if (kind === "zero") return "/dev/zero";
    const file = path.join(dir, name);
    execFileSync(kind === "fifo" ? "mkfifo" : "mknod", kind === "fifo" ? [file] : [file, "c", "1", "3"]);
    return file;
  };
  const kinds = ["fifo", "device", "zero"] as const;

  for (const kind of kinds) {
    it(`${kind}: validate, select, diff and register --previous end with a clear error`, async () => {
      const cwd = await tempDir();
      await write(cwd, "base.json", BASE);
      const file = await special(kind, cwd, "input.json");
      for (const [command, run] of Object.entries(readers)) {
        const result = await run(cwd, file);
        const output = result.stdout + result.stderr;
        expect([1, 2], `${command}: ${output}`).toContain(result.code);
        expect(output, command).toMatch(/not a regular file/);
        expect(output).not.toMatch(/internal error/);
      }
    });

    it(`${kind}: --env-file, --catalog and --providers are refused with exit 2`, async () => {
      const cwd = await tempDir();
      const file = await special(kind, cwd, "input");
      for (const flag of ["--env-file", "--catalog", "--providers"]) {
        const run = await runCli(["register", flag, file, "--quiet"], { cwd, env: {} });
        expect(run.code, `${flag}: ${run.stderr}`).toBe(2);
        expect(run.stderr, flag).toMatch(
          flag === "--providers" ? /not a regular file|matched no file/ : /not a regular file/,
        );
      }
    });
  }

  it("register --out on a device or a FIFO is refused before any probe, and the device stays a device", async () => {
    const cwd = await tempDir();
    for (const kind of ["fifo", "device"] as const) {
      const file = await special(kind, cwd, `out-${kind}`);
      const run = await runCli(["register", "--out", file, "--quiet"], { cwd, env: {} });
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(/not a regular file/);
      const after = await stat(file);
      expect(kind === "fifo" ? after.isFIFO() : after.isCharacterDevice()).toBe(true);
    }
  });

  it("a default .env that is a folder (a Python virtualenv) is not read; --env-file naming a folder is an error", async () => {
    const cwd = await tempDir();
    await mkdir(path.join(cwd, ".env"));
    const run = await runCli(["register", "--quiet"], { cwd, env: {} });
    expect(run.code, run.stderr).toBe(0);
    const named = await runCli(["register", "--env-file", ".env", "--quiet"], { cwd, env: {} });
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/folder/);
  });

  it("a UTF-16 .env is refused with a message that says so", async () => {
    const cwd = await tempDir();
    await writeFile(
      path.join(cwd, ".env"),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("KIMI_API_KEY=abc\n", "utf16le")]),
    );
    const run = await runCli(["register", "--quiet"], { cwd, env: {} });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/UTF-16/);
  });

  it("a snapshot larger than the cap is refused by its size, naming the cap", async () => {
    const cwd = await tempDir();
    const file = path.join(cwd, "big.json");
    execFileSync("truncate", ["-s", `${300 * 1024 * 1024}`, file]);
    const run = await runCli(["select", "--snapshot", file], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/larger than the 256 MiB cap/);
  });

  it("hashes what it read: a newer minor file's content hash is computed without the fields it does not know", async () => {
    const cwd = await tempDir();
    const file = await write(cwd, "n.json", newerMinor());
    const { readSnapshotFile } = await import("../../src/snapshot/read-snapshot.js");
    const read = await readSnapshotFile(file);
    expect(read.status).toBe("ok");
    if (read.status !== "ok") return;
    expect(read.unknownFields.length).toBeGreaterThan(BASE.models.length);
    expect(contentHash(read.snapshot)).toBe(contentHash({ ...BASE, $schema: SCHEMA_ID, schemaVersion: NEWER_MINOR }));
  });
});
