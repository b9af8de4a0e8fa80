// The request categories are the selector's vocabulary; the build side reads them through its public entry.
export { CATEGORIES, type Category } from "../selector/index.js";
