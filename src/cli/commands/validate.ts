import type { Command } from "../io.js";
import { UsageError } from "../../errors.js";

export const validate: Command = async () => {
  throw new UsageError("validate: not implemented yet");
};
