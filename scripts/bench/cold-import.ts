// The cold-import row's subject: a process that imports the selector and does nothing else.
import "../../src/selector/index.js";
