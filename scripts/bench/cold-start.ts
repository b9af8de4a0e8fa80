// The whole-process row's subject: a program that imports the selector, loads a snapshot and selects once.
// Run as `node dist/scripts/bench/cold-start.js <snapshot>`; prints the chosen model.
import { createSelector, loadSnapshot } from "../../src/selector/index.js";

const file = process.argv[2];
if (file === undefined) throw new Error("usage: cold-start.js <snapshot.json>");
const choice = createSelector(loadSnapshot(file)).select({ category: "fast_response", requires: { tools: true } });
process.stdout.write(`${choice.provider}/${choice.model}\n`);
