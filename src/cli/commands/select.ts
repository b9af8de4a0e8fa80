import type { Command } from "../io.js";
import { UsageError } from "../../errors.js";

export const select: Command = async () => {
  throw new UsageError("select: not implemented yet");
};
