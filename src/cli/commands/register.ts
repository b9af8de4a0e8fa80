import type { Command } from "../io.js";
import { UsageError } from "../../errors.js";

export const register: Command = async () => {
  throw new UsageError("register: not implemented yet");
};
