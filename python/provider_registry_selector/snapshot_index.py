"""Everything select needs, computed once per snapshot (snapshot-index.ts): which models can ever be routed, how each
provider's models are ordered for each category, and a case-insensitive name lookup."""
from ._js import MAX_ID_LENGTH, utf16_key, utf16_len
from .rank import lowest_tier_threshold, merit_facts, merit_keys, merit_vector, standing
from .vocabulary import CATEGORIES, JSON_MODE, REASONING, TOOLS, UNKNOWN_SIZE, VISION

INF = float("inf")

NO_POLICY = {
    "allowedModels": None,
    "preferredModels": [],
    "preferredByCategory": {"fast_response": [], "balanced": [], "extended_reasoning": []},
    "defaultModel": None,
}


class ModelRecord:
    # by_name: chosen only when named (a router, or routing "by_name" such as a :batch variant); never on merit.
    # standing: STANDING_KEYS as one number, smaller first. vectors: by category, the merit keys' values at base prices.
    __slots__ = ("model", "id", "provider", "static_rule", "caps", "context", "output", "merit", "by_name", "standing", "vectors", "placement")


class UnresolvedPreference:
    """A preference naming a model the provider does not have: kept so that the trace can say so."""

    __slots__ = ("name", "rule")

    def __init__(self, name, rule):
        self.name = name
        self.rule = rule


class ProviderRecord:
    __slots__ = ("id", "priority", "static_rule", "policy", "allowed", "models", "orderings", "preference_slots")


class DefaultModelRef:
    __slots__ = ("model", "provider", "records")


class SnapshotIndex:
    __slots__ = ("snapshot", "policy", "providers", "provider_by_id", "by_name", "routing", "first_routable", "keys", "tier_threshold", "default_model")


def is_model_record(slot):
    return slot.__class__ is ModelRecord


def build_index(snapshot):
    policy = snapshot["policy"]
    providers = [_new_provider(pid, priority, policy) for priority, pid in enumerate(_order_providers(snapshot))]
    provider_by_id = {p.id: p for p in providers}
    # The merit keys depend on the category and the policy only: worked out once here, not three times per model.
    keys = [merit_keys(category, policy) for category in CATEGORIES]

    for model in snapshot["models"]:
        provider = provider_by_id[model["provider"]]
        provider.models.append(_new_model(model, provider, policy, keys))

    by_name = {}
    for provider in providers:
        provider.models.sort(key=lambda r: utf16_key(r.id))
        local = _names_within(provider.models)
        for c in range(len(CATEGORIES)):
            ordering, slots = _order_provider(provider, local, c)
            provider.orderings.append(ordering)
            provider.preference_slots.append(slots)
        for name, records in local.items():
            existing = by_name.get(name)
            if existing is not None:
                existing.extend(records)
            else:
                by_name[name] = records

    routing = [merge_providers([p.orderings[c] for p in providers], c) for c in range(len(CATEGORIES))]
    first_routable = [order[0] if order else None for order in routing]
    tier_threshold = lowest_tier_threshold([r.merit for p in providers for r in p.models])

    ref = policy.get("defaultModel")
    default_model = None
    if ref:
        default_model = DefaultModelRef()
        default_model.model = ref["model"]
        default_model.provider = ref["provider"]
        default_model.records = [r for r in by_name.get(ref["model"].lower(), ()) if r.provider.id == ref["provider"]]

    index = SnapshotIndex()
    index.snapshot = snapshot
    index.policy = policy
    index.providers = providers
    index.provider_by_id = provider_by_id
    index.by_name = by_name
    index.routing = routing
    index.first_routable = first_routable
    index.keys = keys
    index.tier_threshold = tier_threshold
    index.default_model = default_model
    return index


def band(r, c):
    """A model's band in a category: 0 when a written preference placed it, else its standing."""
    return r.standing if r.placement[c] == "merit" else 0


def merge_providers(orderings, c):
    """Providers' orderings (each in priority order) into the one routing order: by band, then provider priority, then
    each provider's own order. Within a provider bands never decrease, so its own order is kept."""
    merged = []
    nexts = [0] * len(orderings)
    while True:
        best = -1
        best_band = INF
        for i, ordering in enumerate(orderings):
            j = nexts[i]
            if j < len(ordering):
                b = band(ordering[j], c)
                if b < best_band:
                    best = i
                    best_band = b
        if best < 0:
            return merged
        # Take the whole run of this band from the provider: later providers come after it within the band.
        ordering = orderings[best]
        j = nexts[best]
        while j < len(ordering) and band(ordering[j], c) == best_band:
            merged.append(ordering[j])
            j += 1
        nexts[best] = j


def _order_providers(snapshot):
    """policy.providerPriority first; any provider it forgets goes after, by id, so that none is lost."""
    known = dict.fromkeys([p["id"] for p in snapshot["providers"]] + [m["provider"] for m in snapshot["models"]])
    ordered = list(dict.fromkeys(pid for pid in snapshot["policy"]["providerPriority"] if pid in known))
    placed = set(ordered)
    rest = sorted((pid for pid in known if pid not in placed), key=utf16_key)
    return ordered + rest


def _new_provider(pid, priority, policy):
    p = ProviderRecord()
    p.id = pid
    p.priority = priority
    allowed_providers = policy["allowedProviders"]
    if pid in policy["disabledProviders"]:
        p.static_rule = "provider_disabled"
    elif allowed_providers is not None and pid not in allowed_providers:
        p.static_rule = "provider_not_allowed"
    else:
        p.static_rule = None
    own = policy["providers"].get(pid) or NO_POLICY
    p.policy = own
    allowed = own["allowedModels"]
    p.allowed = None if allowed is None else {name.lower() for name in allowed}
    p.models = []
    p.orderings = []
    p.preference_slots = []
    return p


def _new_model(model, provider, policy, keys):
    c = model["capabilities"]
    r = ModelRecord()
    r.model = model
    r.id = model["id"]
    r.provider = provider
    r.static_rule = _static_rule(model, provider, policy)
    r.caps = (VISION if c["vision"] else 0) | (TOOLS if c["tools"] else 0) | (REASONING if c["reasoning"] else 0) | (JSON_MODE if c["json"] else 0)
    context = model.get("contextWindow")
    output = model.get("maxOutput")
    r.context = UNKNOWN_SIZE if context is None else context
    r.output = UNKNOWN_SIZE if output is None else output
    r.merit = merit_facts(model)
    r.by_name = model["kind"] == "router" or model.get("routing") == "by_name"
    r.standing = standing(r.merit, policy)
    r.vectors = [merit_vector(category_keys, r.merit, r.merit.price, policy) for category_keys in keys]
    r.placement = ["merit", "merit", "merit"]
    return r


def _static_rule(model, provider, policy):
    """Routers answer chat requests (they forward them), so they are routable by name; other kinds never are."""
    if model["kind"] != "chat" and model["kind"] != "router":
        return "not_chat"
    availability = model["availability"]
    if availability == "not_listed":
        return "not_listed"
    if availability == "unverified" and not policy["routeUnverified"]:
        return "unverified"
    if provider.static_rule:
        return provider.static_rule
    if provider.allowed is not None and model["id"].lower() not in provider.allowed:
        return "not_allowed"
    return None


def _names_within(models):
    """A provider's own names: ids first, so an alias never shadows another model's id."""
    names = {}
    for r in models:
        _push(names, r.id.lower(), r)
    ids = set(names)
    for r in models:
        for alias in r.model["aliases"]:
            key = alias.lower()
            if key not in ids:
                _push(names, key, r)
    return names


def _push(names, key, record):
    found = names.get(key)
    if found is None:
        names[key] = [record]
    elif record not in found:
        found.append(record)


def _order_provider(provider, names, c):
    """Written preferences in their order (category list, provider list, provider default), then the rest on merit."""
    category = CATEGORIES[c]
    p = provider.policy
    preferences = (
        (p["preferredByCategory"][category], "category_preference"),
        (p["preferredModels"], "provider_preference"),
        ([] if p["defaultModel"] is None else [p["defaultModel"]], "provider_default"),
    )
    placed = set()
    unresolved = set()
    slots = []
    for names_list, rule in preferences:
        for name in names_list:
            key = name.lower()
            records = names.get(key)
            if records is None:
                if key not in unresolved:
                    slots.append(UnresolvedPreference(name, rule))
                unresolved.add(key)
                continue
            for r in records:
                if r in placed:
                    continue
                placed.add(r)
                r.placement[c] = rule
                slots.append(r)
    on_merit = [r for r in provider.models if r.static_rule is None and not r.by_name and r not in placed]
    on_merit.sort(key=lambda r: (r.vectors[c], r.id))
    ordering = [s for s in slots if is_model_record(s) and s.static_rule is None] + on_merit
    return ordering, slots


def trace_order(provider, c, ordering):
    """Every model of a provider and every unresolvable preference, in the order the trace shows them: the written
    preferences, the rest of `ordering` (the provider's order for this request), the models chosen by name only, then
    the models it can never route."""
    slots = list(provider.preference_slots[c])
    placed = {s for s in slots if is_model_record(s)}
    for r in ordering:
        if r not in placed:
            slots.append(r)
    for r in provider.models:
        if r.static_rule is None and r.by_name and r not in placed:
            slots.append(r)
    for r in provider.models:
        if r.static_rule is not None and r not in placed:
            slots.append(r)
    return slots


def lookup(index, name):
    """The models a name (id or alias, any case) stands for, in provider priority order; None when it names none."""
    if utf16_len(name) > MAX_ID_LENGTH:
        return None
    found = index.by_name.get(name)
    return found if found is not None else index.by_name.get(name.lower())
