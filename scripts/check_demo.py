"""Check what `make demo` wrote: every output exists and brief.json meets its schema.

.ci/run calls this after running `make demo` on the clean clone, so the README's
first command is proven on a fresh machine, not only the test suite.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from crosswire.brief import validate_brief

EXPECTED = ("brief.json", "brief.md", "brief.html", "events.geojson", "rejections.csv")


def main(out: Path) -> int:
    missing = [name for name in (*EXPECTED, "crosswire.duckdb") if not (out / name).is_file()]
    if missing:
        print(f"make demo left no {', '.join(missing)} in {out}/", file=sys.stderr)
        return 1
    brief = json.loads((out / "brief.json").read_text(encoding="utf-8"))
    validate_brief(brief)  # raises with the offending path when it does not validate
    counts = {key: len(brief.get(key, [])) for key in ("articles", "events", "stories", "claims")}
    if not counts["articles"] or not counts["events"]:
        print(f"make demo wrote an empty brief: {counts}", file=sys.stderr)
        return 1
    print("demo output valid:", ", ".join(f"{n} {key}" for key, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "out")))
