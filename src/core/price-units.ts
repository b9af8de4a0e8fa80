// OpenRouter and LiteLLM price per token as decimal strings or numbers; the snapshot prices per million.
// Shifting the decimal point in the text keeps "0.00000055" exact (0.55), where multiplying floats would not.

const DECIMAL = /^(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** A finite number as text, or a string trimmed; "" for anything else (which no decimal matches). */
function decimalText(value: unknown): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return typeof value === "string" ? value.trim() : "";
}

/** USD per token → USD per million tokens; undefined for anything that is not a non-negative decimal. */
export function perTokenToPerMillion(value: unknown): number | undefined {
  const text = decimalText(value);
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const [, whole = "", fraction = "", exponent = "0"] = match;
  // The text is untrusted: shifting by an exponent such as 1e999999999 would build a string that long (or throw).
  // So far from any real price, one float rounding is as good as exact.
  if (Math.abs(Number(exponent)) > 1000) {
    const value = Number(text) * 1e6;
    return Number.isFinite(value) ? value : undefined;
  }
  const digits = whole + fraction;
  const point = whole.length + Number(exponent) + 6;
  const shifted =
    point <= 0
      ? `0.${"0".repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + "0".repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  const result = Number(shifted);
  return Number.isFinite(result) ? result : undefined;
}

/** A non-negative decimal as text or number (a per-request or per-image charge), as it is; undefined otherwise. */
export function nonNegativeDecimal(value: unknown): number | undefined {
  const text = decimalText(value);
  if (!DECIMAL.test(text)) return undefined;
  const result = Number(text);
  return Number.isFinite(result) ? result : undefined;
}
