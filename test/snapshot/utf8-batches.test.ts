// The hash and the written file both take a snapshot's text as batches of one reused buffer: whatever the pieces
// (multi-byte characters, pieces longer than the buffer, empty ones), the batches are the text's UTF-8 bytes.
import fc from "fast-check";
import { expect, it } from "vitest";
import { utf8Batches } from "../../src/snapshot/utf8-batches.js";

it("property: the batches, used in turn, are the UTF-8 bytes of the pieces joined", () => {
  fc.assert(
    fc.property(
      fc.array(fc.string({ unit: "grapheme", maxLength: 40 })),
      fc.integer({ min: 8, max: 64 }),
      (pieces, size) => {
        const bytes: Buffer[] = [];
        for (const batch of utf8Batches(pieces, size)) {
          // A batch is a view of the reused buffer: copy it before asking for the next, as a hash or a write uses it.
          const copy = typeof batch === "string" ? Buffer.from(batch, "utf8") : Buffer.from(batch);
          expect(copy.length).toBeGreaterThan(0);
          if (typeof batch !== "string") expect(copy.length).toBeLessThanOrEqual(size);
          bytes.push(copy);
        }
        expect(Buffer.concat(bytes).equals(Buffer.from(pieces.join(""), "utf8"))).toBe(true);
      },
    ),
  );
});
