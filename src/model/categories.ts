export const CATEGORIES = ["fast_response", "balanced", "extended_reasoning"] as const;
export type Category = (typeof CATEGORIES)[number];
