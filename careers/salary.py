"""Salary bands as a chart a person reads at a glance, and as schema.org data.

The chart is plain geometry (percentages on a shared axis) so the template can
draw it with HTML and CSS: no JavaScript, and it reflows on a small phone.
"""

import math
from dataclasses import dataclass, field

AXIS_STEP = 20_000
OPEN_END_TAIL = 0.08  # share of the axis drawn as a fading tail past an open-ended top


@dataclass
class ChartBar:
    band: object
    series: int
    left: float
    width: float


@dataclass
class ChartRow:
    stage: object
    bars: list = field(default_factory=list)


@dataclass
class SalaryChart:
    rows: list
    sources: list
    ticks: list
    axis_max: int

    @property
    def grid_step(self):
        """Distance between grid lines, as a share of the axis in percent."""
        return round(100 * AXIS_STEP / self.axis_max, 4) if self.axis_max else 0

    def __bool__(self):
        return bool(self.rows)


def _top(band):
    return band.maximum if band.maximum is not None else band.minimum


def salary_chart(stages):
    """Lay out every yearly band of every stage on one axis starting at zero."""
    rows, sources = [], []
    highest = 0
    for stage in stages:
        bands = [band for band in stage.salary_bands.all() if band.period == "year"]
        if bands:
            rows.append((stage, bands))
            highest = max(highest, *(_top(band) for band in bands))
        for band in bands:
            if band.source not in sources:
                sources.append(band.source)
    if not rows:
        return SalaryChart(rows=[], sources=[], ticks=[], axis_max=0)

    axis_max = math.ceil(highest * (1 + OPEN_END_TAIL) / AXIS_STEP) * AXIS_STEP
    ticks = [{"value": v, "left": round(100 * v / axis_max, 2)} for v in range(0, axis_max + 1, AXIS_STEP)]

    chart_rows = []
    for stage, bands in rows:
        row = ChartRow(stage=stage)
        for band in bands:
            top = _top(band)
            left = 100 * band.minimum / axis_max
            width = max(100 * (top - band.minimum) / axis_max, 0.8)
            row.bars.append(
                ChartBar(band=band, series=sources.index(band.source), left=round(left, 2), width=round(width, 2))
            )
        chart_rows.append(row)
    return SalaryChart(rows=chart_rows, sources=sources, ticks=ticks, axis_max=axis_max)


UNIT_TEXT = {"year": "YEAR", "month": "MONTH", "hour": "HOUR"}


def salary_json_ld(band):
    """A band as schema.org MonetaryAmount; an open-ended top has no maxValue."""
    value = {"@type": "QuantitativeValue", "minValue": band.minimum, "unitText": UNIT_TEXT[band.period]}
    if band.maximum is not None and not band.open_ended:
        value["maxValue"] = band.maximum
    return {
        "@type": "MonetaryAmount",
        "name": f"{band.label_in_source}, {band.range_label} ({band.source.title})",
        "currency": band.currency,
        "value": value,
    }
