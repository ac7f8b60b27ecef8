/**
 * Vector charts for the packet's indicator pages, drawn with pdf-lib rectangles, lines and text
 * (no images, so they stay sharp in print and their numbers stay extractable). Every bar carries
 * its value as text and every series has a legend entry, so colour is never the only signal.
 */
import type { Color } from 'pdf-lib';
import { COLORS, MARGIN, type PdfLayout } from './pdf-layout';

export type BarSeries = Readonly<{ label: string; color: Color; values: readonly number[] }>;

export type HorizontalBar = Readonly<{ label: string; value: number; display: string }>;

/** Grid lines above the zero line on a count axis. */
export const AXIS_STEPS = 4;

/**
 * The smallest axis maximum for counts up to `value` whose `AXIS_STEPS` grid steps are whole
 * "nice" numbers (1, 2, 3, 5 × 10ⁿ): 1 → 4, 9 → 12, 130 → 200.
 */
export function niceAxisMax(value: number): number {
  const perStep = Math.max(1, value / AXIS_STEPS);
  const magnitude = 10 ** Math.floor(Math.log10(perStep));
  for (const step of [1, 2, 3, 5, 10]) {
    if (step * magnitude >= perStep) return step * magnitude * AXIS_STEPS;
  }
  return 10 * magnitude * AXIS_STEPS;
}

function legend(layout: PdfLayout, series: readonly BarSeries[]): void {
  let x = MARGIN;
  layout.ensure(16);
  layout.space(14);
  for (const entry of series) {
    layout.page.drawRectangle({ x, y: layout.y, width: 9, height: 9, color: entry.color });
    layout.drawText(entry.label, x + 13, layout.y + 1.5, { size: 8.5 });
    x += 13 + layout.textWidth(entry.label, 8.5) + 18;
  }
  layout.space(6);
}

/**
 * Grouped vertical bars: one group per category (e.g. month), one bar per series, values above
 * the bars, a count axis with `AXIS_STEPS` grid lines at whole numbers. Moves the cursor below the chart and its legend.
 */
export function groupedBarChart(
  layout: PdfLayout,
  chart: Readonly<{ categories: readonly string[]; series: readonly BarSeries[]; height?: number }>,
): void {
  const height = chart.height ?? 170;
  const axisWidth = 34;
  const labelSpace = 26;
  layout.ensure(height + labelSpace + 30);
  legend(layout, chart.series);

  const left = MARGIN + axisWidth;
  const width = layout.contentWidth - axisWidth;
  const top = layout.y - 8;
  const bottom = top - height;
  const max = niceAxisMax(Math.max(0, ...chart.series.flatMap((entry) => entry.values)));

  for (let step = 0; step <= AXIS_STEPS; step += 1) {
    const value = (max * step) / AXIS_STEPS;
    const y = bottom + (height * step) / AXIS_STEPS;
    layout.page.drawLine({
      start: { x: left, y },
      end: { x: left + width, y },
      thickness: step === 0 ? 0.8 : 0.3,
      color: step === 0 ? COLORS.text : COLORS.rule,
    });
    const label = String(value);
    layout.drawText(label, left - 4 - layout.textWidth(label, 7), y - 2.5, { size: 7, color: COLORS.muted });
  }

  const groups = Math.max(1, chart.categories.length);
  const groupWidth = width / groups;
  const seriesCount = Math.max(1, chart.series.length);
  const barWidth = Math.min(22, (groupWidth * 0.8) / seriesCount);
  const labelSize = groups > 18 ? 5.5 : groups > 12 ? 6 : 7;
  chart.categories.forEach((category, index) => {
    const groupLeft = left + index * groupWidth + (groupWidth - barWidth * seriesCount) / 2;
    chart.series.forEach((entry, seriesIndex) => {
      const value = entry.values[index] ?? 0;
      const barHeight = (height * value) / max;
      const x = groupLeft + seriesIndex * barWidth;
      if (barHeight > 0) {
        layout.page.drawRectangle({
          x,
          y: bottom,
          width: barWidth - 1,
          height: barHeight,
          color: entry.color,
        });
      }
      if (barWidth >= 7) {
        const text = String(value);
        const size = Math.min(7, barWidth * 0.6);
        layout.drawText(text, x + (barWidth - 1 - layout.textWidth(text, size)) / 2, bottom + barHeight + 2, {
          size,
          color: COLORS.muted,
        });
      }
    });
    const labelWidth = layout.textWidth(category, labelSize);
    layout.drawText(category, left + index * groupWidth + (groupWidth - labelWidth) / 2, bottom - 10, {
      size: labelSize,
    });
  });
  layout.y = bottom - labelSpace;
}

/**
 * Horizontal bars against a fixed maximum (1 for shares): label on the left, bar, value text on
 * the right. Moves the cursor below the chart.
 */
export function horizontalBarChart(
  layout: PdfLayout,
  chart: Readonly<{ bars: readonly HorizontalBar[]; max: number; color?: Color; labelWidth?: number }>,
): void {
  const labelWidth = chart.labelWidth ?? 190;
  const valueWidth = 70;
  const barArea = layout.contentWidth - labelWidth - valueWidth;
  const rowHeight = 16;
  const max = chart.max > 0 ? chart.max : 1;
  for (const bar of chart.bars) {
    const labelLines = layout.wrap(bar.label, labelWidth - 8, 8.5);
    const height = Math.max(rowHeight, labelLines.length * 11 + 5);
    layout.ensure(height);
    const middle = layout.y - height / 2;
    labelLines.forEach((line, index) => {
      layout.drawText(line, MARGIN, middle + ((labelLines.length - 1) / 2 - index) * 11 - 3, { size: 8.5 });
    });
    const x = MARGIN + labelWidth;
    layout.page.drawRectangle({ x, y: middle - 5, width: barArea, height: 10, color: COLORS.band });
    const filled = Math.max(0, Math.min(1, bar.value / max)) * barArea;
    if (filled > 0) {
      layout.page.drawRectangle({
        x,
        y: middle - 5,
        width: filled,
        height: 10,
        color: chart.color ?? COLORS.accent,
      });
    }
    layout.drawText(bar.display, x + barArea + 6, middle - 3, { size: 8.5, bold: true });
    layout.y -= height;
  }
  layout.space(8);
}
