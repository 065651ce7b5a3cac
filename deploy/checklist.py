"""The report both deployment checks print: a line per check, "ok" or "FAIL", and the failures kept for the end."""
failures = []


def check(ok, what):
    """Prints what was checked and whether it held; returns ok, so a check can guard the ones that depend on it."""
    print(("  ok    " if ok else "  FAIL  ") + what, flush=True)
    if not ok:
        failures.append(what)
    return ok
