// Peak memory of a one-shot command: a long registration makes large short-lived structures (the text of the
// previous snapshot, each provider's raw parsed answer) that V8 would sweep only once the heap has grown well past
// them. The command line asks for a full collection where it knows one just died, which keeps its peak resident set
// near what is live (a 100,000-model run: about 480 MB without, 340 MB with). The library never does this.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let collect: (() => void) | null | undefined;

/** A full garbage collection, when the runtime allows one; otherwise nothing. */
export function releaseMemory(): void {
  if (collect === undefined) {
    try {
      // --expose-gc set now puts gc() on contexts made from here on: one is made to fetch it, the process's own is untouched.
      setFlagsFromString("--expose-gc");
      const gc: unknown = runInNewContext("typeof gc === 'function' ? gc : null");
      collect = typeof gc === "function" ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
