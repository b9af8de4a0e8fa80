// Text from a file or a variable is printed for people: its control characters (an escape sequence that clears the
// screen, moves the cursor, retitles the window; a carriage return that overwrites a line; C1 controls such as
// U+009B, a CSI of its own) are shown as visible \u escapes instead of reaching the terminal.

const CONTROLS_KEEPING_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
const C1_AND_DEL = /[\u007f-\u009f]/g;

const visible = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** A whole output for people: line feeds and tabs kept, every other control character escaped. */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS_KEEPING_LINES, visible);
}

/** A value inside one line: line breaks escaped too, so that a value cannot start a line of its own. */
export function escapeLine(text: string): string {
  return text.replace(CONTROLS, visible);
}

/**
 * JSON text for a terminal: JSON.stringify already escapes C0 controls, but writes DEL and the C1 controls as they
 * are. Inside a JSON string, which is the only place they can be, `\u009b` is the same value: still valid JSON.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(C1_AND_DEL, visible);
}
