"""Side-by-side comparison of states, field by field."""

from .requirements import REQUIREMENT_FIELDS

MAX_STATES = 4


def parse_codes(values):
    """Codes from ?states=fl,tx and/or ?states=fl&states=tx: upper case, in order, once each."""
    codes = []
    for value in values:
        for code in value.split(","):
            code = code.strip().upper()[:10]
            if code and code not in codes:
                codes.append(code)
    return codes


def comparison(state_pages, raw_values):
    """`state_pages`: every state that may be compared, with credentials and their certifying bodies prefetched."""
    codes = parse_codes(raw_values)
    found = {state.code: state for state in state_pages if state.code in codes}
    unknown = [code for code in codes if code not in found]
    known = [found[code] for code in codes if code in found]
    too_many = known[MAX_STATES:]
    states = known[:MAX_STATES]
    rows = []
    for field in REQUIREMENT_FIELDS:
        values = [state.value_of(field.key) for state in states]
        shown = [_comparable(value) for value in values]
        rows.append({"field": field, "values": values, "differs": len(states) > 1 and len(set(shown)) > 1})
    return {"states": states, "unknown": unknown, "too_many": too_many, "rows": rows, "max_states": MAX_STATES}


def _comparable(value):
    if isinstance(value, list):
        return tuple(sorted(str(item) for item in value))
    return value
