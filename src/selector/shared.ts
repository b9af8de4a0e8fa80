// What the build side shares with the selector, so that each rule exists once: the one snapshot reader, the one
// bounded file reader, terminal-safe text and the selector as the build side asks it about a fresh snapshot.
// Not in the package's exports map: `provider-registry/selector` (index.ts) is the public entry; this one is the
// build side's, and it and index.ts are the only selector modules the rest of src/ imports.
export { isNewerMinor, knownSnapshot } from "./check-snapshot.js";
export { SnapshotError } from "./errors.js";
export { FileReadError, readSnapshotJson, readTextFile } from "./load-snapshot.js";
export { selectorForBuiltSnapshot } from "./select.js";
export { escapeControls, escapeLine, terminalSafeJson } from "./text.js";
