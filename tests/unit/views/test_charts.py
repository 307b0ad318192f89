"""SVG charts: accessible, escaped, deterministic, proportional."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from generator.views.charts import Series, bar_chart, line_chart

SVG = "{http://www.w3.org/2000/svg}"


def test_bar_chart_is_valid_svg_with_title_and_description() -> None:
    svg = bar_chart("Requests per month", ["2026-09", "2026-10"], [Series("P1", (2, 4))])
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Requests per month"  # type: ignore[union-attr]
    assert root.find(f"{SVG}desc").text == "P1: 2026-09 2, 2026-10 4"  # type: ignore[union-attr]


def test_bars_are_proportional() -> None:
    svg = bar_chart("t", ["a", "b"], [Series("s", (2, 4))])
    heights = [
        float(h) for h in re.findall(r'<rect class="sb-chart-s0" [^>]*height="([\d.]+)"', svg)
    ]
    assert len(heights) == 2
    assert abs(heights[1] - 2 * heights[0]) < 0.2


def test_labels_are_escaped() -> None:
    svg = line_chart("<script>", ["<b>"], [Series("a&b", (50.0,))], unit="%", maximum=100)
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg and "a&amp;b, &lt;b&gt;: 50%" in svg
    ET.fromstring(svg)


def test_same_input_same_bytes() -> None:
    args = ("Compliance", ["2026-09", "2026-10"], [Series("resolution", (90.0, 55.6))])
    assert line_chart(*args, maximum=100, reference=95) == line_chart(
        *args, maximum=100, reference=95
    )


def test_empty_chart_still_renders() -> None:
    ET.fromstring(bar_chart("Nothing yet", [], []))


def test_title_is_drawn_and_count_axes_stay_whole() -> None:
    svg = bar_chart("Open requests by age", ["a", "b"], [Series("open", (5, 3))])
    assert (
        '<text class="sb-chart-title" x="48" y="16" aria-hidden="true">Open requests by age' in svg
    )
    axis = re.findall(r'text-anchor="end">([^<]*)</text>', svg)
    assert axis == ["0", "1", "2", "3", "4", "5"]
