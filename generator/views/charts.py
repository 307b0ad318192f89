"""Server-side SVG charts: no JavaScript, no CDN, readable in light and dark palettes.

Colours come from CSS classes (``sb-chart-s0`` …) defined in
``assets/servicebook.css`` in terms of Material's palette variables, so a chart
follows the reader's light or dark scheme. Every chart has a ``<title>`` and a
``<desc>``; pages put a table with the same numbers next to it.
Output is deterministic: fixed number formatting, no ids from counters or clocks.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 28, 44


@dataclass(frozen=True)
class Series:
    """A named row of values, one per category (None: no value)."""

    name: str
    values: tuple[float | None, ...]


def bar_chart(
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    unit: str = "",
    stacked: bool = False,
) -> str:
    """Grouped (or stacked) vertical bars, one group per category."""
    top = _nice_max(_bar_max(series, len(categories), stacked))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(categories), 1)
    lanes = 1 if stacked else max(len(series), 1)
    bar_w = slot * 0.8 / lanes
    shapes: list[str] = []
    for index, _category in enumerate(categories):
        base = 0.0
        for lane, row in enumerate(series):
            value = row.values[index] if index < len(row.values) else None
            if not value:
                continue
            height = plot_h * value / top
            x = LEFT + slot * index + slot * 0.1 + (0 if stacked else lane * bar_w)
            y = TOP + plot_h - height - (plot_h * base / top if stacked else 0)
            label = f"{row.name}, {categories[index]}: {_number(value)}{unit}"
            shapes.append(
                f'<rect class="sb-chart-s{lane % 6}" x="{x:.1f}" y="{y:.1f}" '
                f'width="{bar_w:.1f}" height="{height:.1f}"><title>{_e(label)}</title></rect>'
            )
            if stacked:
                base += value
    return _frame(title, _describe(categories, series, unit), categories, series, top, unit, shapes)


def line_chart(
    title: str,
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    unit: str = "",
    maximum: float | None = None,
    reference: float | None = None,
    reference_label: str = "",
) -> str:
    """Lines with points, one per series; an optional dashed reference line (a target)."""
    values = [v for row in series for v in row.values if v is not None]
    if reference is not None:
        values.append(reference)  # the reference line stays inside the plot
    top = maximum if maximum is not None else _nice_max(max(values, default=0.0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(categories), 1)
    shapes: list[str] = []
    if reference is not None:
        y = TOP + plot_h - plot_h * reference / top
        shapes.append(
            f'<line class="sb-chart-ref" x1="{LEFT}" x2="{WIDTH - RIGHT}" '
            f'y1="{y:.1f}" y2="{y:.1f}"><title>{_e(reference_label)}</title></line>'
        )
    for lane, row in enumerate(series):
        points = [
            (LEFT + slot * (i + 0.5), TOP + plot_h - plot_h * v / top, v, categories[i])
            for i, v in enumerate(row.values)
            if v is not None and i < len(categories)
        ]
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _, _ in points)
            shapes.append(f'<polyline class="sb-chart-line sb-chart-s{lane % 6}" points="{path}"/>')
        for x, y, value, category in points:
            label = f"{row.name}, {category}: {_number(value)}{unit}"
            shapes.append(
                f'<circle class="sb-chart-s{lane % 6}" cx="{x:.1f}" cy="{y:.1f}" r="4">'
                f"<title>{_e(label)}</title></circle>"
            )
    return _frame(title, _describe(categories, series, unit), categories, series, top, unit, shapes)


def _frame(
    title: str,
    description: str,
    categories: Sequence[str],
    series: Sequence[Series],
    top: float,
    unit: str,
    shapes: list[str],
) -> str:
    plot_h = HEIGHT - TOP - BOTTOM
    slot = (WIDTH - LEFT - RIGHT) / max(len(categories), 1)
    key = _slug(title)
    parts = [
        f'<svg class="sb-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{key}-t {key}-d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{key}-t">{_e(title)}</title>',
        f'<desc id="{key}-d">{_e(description)}</desc>',
        f'<text class="sb-chart-title" x="{LEFT}" y="16" aria-hidden="true">{_e(title)}</text>',
    ]
    steps = _steps(top)
    for step in range(steps + 1):
        value = top * step / steps
        y = TOP + plot_h - plot_h * step / steps
        parts.append(
            f'<line class="sb-chart-grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" '
            f'y1="{y:.1f}" y2="{y:.1f}"/>'
        )
        parts.append(
            f'<text class="sb-chart-axis" x="{LEFT - 6}" y="{y + 4:.1f}" '
            f'text-anchor="end">{_number(value)}{_e(unit)}</text>'
        )
    every = max(1, -(-len(categories) // 12))  # at most about 12 labels
    for index, category in enumerate(categories):
        if index % every == 0:
            x = LEFT + slot * (index + 0.5)
            parts.append(
                f'<text class="sb-chart-axis" x="{x:.1f}" y="{HEIGHT - BOTTOM + 16}" '
                f'text-anchor="middle">{_e(category)}</text>'
            )
    parts.extend(shapes)
    parts.extend(_legend(series))
    parts.append("</svg>")
    return "".join(parts)


def _legend(series: Sequence[Series]) -> list[str]:
    if len(series) < 2:
        return []
    out, x = [], LEFT
    for lane, row in enumerate(series):
        out.append(
            f'<rect class="sb-chart-s{lane % 6}" x="{x}" y="{HEIGHT - 14}" width="10" height="10"/>'
        )
        out.append(
            f'<text class="sb-chart-axis" x="{x + 14}" y="{HEIGHT - 5}">{_e(row.name)}</text>'
        )
        x += 24 + 7 * len(row.name)
    return out


def _describe(categories: Sequence[str], series: Sequence[Series], unit: str) -> str:
    rows = []
    for row in series:
        cells = [
            f"{category} {_number(value)}{unit}"
            for category, value in zip(categories, row.values, strict=False)
            if value is not None
        ]
        rows.append(f"{row.name}: " + (", ".join(cells) or "no data"))
    return "; ".join(rows)


def _bar_max(series: Sequence[Series], count: int, stacked: bool) -> float:
    if stacked:
        totals = [
            sum((row.values[i] or 0.0) for row in series if i < len(row.values))
            for i in range(count)
        ]
        return max(totals, default=0.0)
    return max((v for row in series for v in row.values if v is not None), default=0.0)


def _steps(top: float) -> int:
    """Grid intervals: four, unless fewer or five give whole numbers (counts stay whole)."""
    for count in (4, 5, 2, 1):
        if float(top / count).is_integer():
            return count
    return 4


def _nice_max(value: float) -> float:
    """A round axis maximum at or above ``value`` (1, 2, 2.5, 5 × 10^n)."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1) if value >= 1 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if value <= factor * magnitude:
            return float(factor * magnitude)
    return float(10 * magnitude)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _slug(text: str) -> str:
    return "sb-" + (re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "chart")
