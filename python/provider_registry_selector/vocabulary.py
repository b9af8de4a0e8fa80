# Words and numbers shared by the request and the index (vocabulary.ts).

CATEGORIES = ("fast_response", "balanced", "extended_reasoning")

# Capabilities as bits, so that a request's requirements are checked in one step.
VISION = 1
TOOLS = 2
REASONING = 4
JSON_MODE = 8

# "No minimum". Unknown windows are stored as -1, so `window >= minimum` admits them exactly when no minimum was
# asked for.
NO_MINIMUM = -2
UNKNOWN_SIZE = -1
