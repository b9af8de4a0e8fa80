// Text made of many small pieces (a snapshot's canonical JSON), as UTF-8 in a few large batches: one reused buffer,
// so that neither a rope of thousands of pieces is flattened nor a call is made per piece.

/**
 * The pieces' UTF-8 bytes, in batches of at most `size` bytes. A batch is a view of one reused buffer, valid until
 * the next is asked for: use (hash, write, await) each before going on. A piece too long for the buffer comes as
 * the string itself.
 */
export function* utf8Batches(pieces: Iterable<string>, size: number): Generator<Buffer | string, void, undefined> {
  const buffer = Buffer.allocUnsafe(size);
  let at = 0;
  for (const piece of pieces) {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (at + piece.length * 3 > size) {
      if (at > 0) yield buffer.subarray(0, at);
      at = 0;
    }
    if (piece.length * 3 > size) yield piece;
    else at += buffer.write(piece, at, "utf8");
  }
  if (at > 0) yield buffer.subarray(0, at);
}
