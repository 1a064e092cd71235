#!/usr/bin/env python3
"""Regenerate ``scripts/site_tools/data/world_map.json``: every country's
outline as an SVG path, for the map of visits drawn at build time.

Usage: .venv/bin/python scripts/world_map.py   (after `npm ci`, which installs world-atlas)

Source: Natural Earth (public domain), as packaged by the ``world-atlas`` npm
package (version locked in package-lock.json): ``countries-110m.json``, plus,
from ``countries-50m.json``, the countries too small to be in the 1:110m
set (Grenada, Malta…). Countries are keyed by their ISO 3166-1 numeric code,
which is the UN M49 code for countries. Antarctica is left out (no State).

Projection: Equal Earth (Šavrič, Patterson and Jenny, 2018, "The Equal Earth
map projection", International Journal of Geographical Information Science
33(3)), an equal-area projection, so no region looks larger than it is;
scaled to a view box 1,000 units wide, rounded to whole units, each path in
relative commands with repeated points removed: the whole map is small enough
for one page.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ATLAS = ROOT / "node_modules/world-atlas"
OUTPUT = ROOT / "scripts/site_tools/data/world_map.json"
WIDTH = 1000  # view box units
LEFT_OUT = {"010"}  # Antarctica

# Equal Earth's polynomial coefficients (the paper's Table 1).
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2
X_MAX = 2 * math.sqrt(3) * math.pi / (3 * A1)  # x at longitude 180, latitude 0
Y_MAX = A4 * (math.pi / 3) ** 9 + A3 * (math.pi / 3) ** 7 + A2 * (math.pi / 3) ** 3 + A1 * math.pi / 3


def equal_earth(longitude: float, latitude: float) -> tuple[float, float]:
    """(x, y) in view-box units (y down, origin top left) of a point given in degrees."""
    lam, phi = math.radians(longitude), math.radians(latitude)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = 2 * math.sqrt(3) * lam * math.cos(theta) / (3 * (9 * A4 * t6 * t2 + 7 * A3 * t6 + 3 * A2 * t2 + A1))
    y = A4 * t6 * t2 * theta + A3 * t6 * theta + A2 * t2 * theta + A1 * theta
    scale = WIDTH / (2 * X_MAX)
    return (x + X_MAX) * scale, (Y_MAX - y) * scale


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs as (longitude, latitude) points (TopoJSON's
    quantized, delta-encoded arcs decoded with its transform)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """One ring's points: its arcs in order, a negative index (~i) meaning arc i reversed."""
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    # A ring crossing the antimeridian (Russia, Fiji) jumps from +180 to -180:
    # carried on past 180 instead, it stays whole (the view box clips it).
    unwrapped: list[tuple[float, float]] = []
    shift = 0.0
    for lon, lat in points:
        if unwrapped and abs(lon + shift - unwrapped[-1][0]) > 180:
            shift += 360 if lon + shift < unwrapped[-1][0] else -360
        unwrapped.append((lon + shift, lat))
    return unwrapped


def _path(rings: list[list[tuple[float, float]]]) -> str:
    """An SVG path in relative commands, whole units, repeated points removed."""
    parts = []
    for ring in rings:
        projected: list[tuple[int, int]] = []
        for lon, lat in ring:
            x, y = equal_earth(lon, lat)
            point = (round(x), round(y))
            if not projected or point != projected[-1]:
                projected.append(point)
        if len(projected) < 3:
            projected = projected[:1]  # a ring smaller than a unit: keep one point, shown as a dot
        start = projected[0]
        moves = [f"M{start[0]} {start[1]}"]
        for (x0, y0), (x1, y1) in zip(projected, projected[1:], strict=False):
            moves.append(f"l{x1 - x0} {y1 - y0}")
        parts.append("".join(moves) + "z")
    return "".join(parts).replace(" -", "-")


def shapes(topology: dict) -> dict[str, str]:
    """Country code (ISO 3166-1 numeric, three digits) -> SVG path."""
    arcs = _arcs(topology)
    result = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = geometry.get("id")
        if not code or code in LEFT_OUT or geometry.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        rings = [_ring(ring, arcs) for polygon in polygons for ring in polygon]
        result[code] = _path(rings)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--atlas", type=Path, default=ATLAS, help="the world-atlas package folder (default: %(default)s)"
    )
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        coarse = json.loads((args.atlas / "countries-110m.json").read_text(encoding="utf-8"))
        fine = json.loads((args.atlas / "countries-50m.json").read_text(encoding="utf-8"))
        version = json.loads((args.atlas / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError) as error:
        print(f"{args.atlas}: cannot read world-atlas ({error}); run `npm ci` first", file=sys.stderr)
        return 1
    countries = shapes(coarse)
    for code, path in shapes(fine).items():
        countries.setdefault(code, path)  # the small countries only the 1:50m set has
    height = round(2 * Y_MAX * WIDTH / (2 * X_MAX))
    data = {
        "_source": (
            f"Natural Earth (public domain) via the world-atlas npm package {version} "
            "(countries-110m.json, and countries-50m.json for the countries too small for it); "
            "Equal Earth projection; keyed by ISO 3166-1 numeric (UN M49) code"
        ),
        "_regenerate": ".venv/bin/python scripts/world_map.py (after npm ci)",
        "width": WIDTH,
        "height": height,
        "countries": dict(sorted(countries.items())),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"Wrote {args.output} ({len(countries)} countries, {args.output.stat().st_size:,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
