import type { Command } from "../io.js";
import { UsageError } from "../../errors.js";

export const demo: Command = async () => {
  throw new UsageError("demo: not implemented yet");
};
