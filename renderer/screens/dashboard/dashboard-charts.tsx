/**
 * The dashboard's charts, drawn as SVG by Recharts (docs/decisions/013-dashboard-charts.md):
 * vector, so they print sharp on A4; every bar carries its value as text, so colour is never the
 * only signal, and every figure is also in the tables beside them. Loaded lazily (its own chunk):
 * the rest of the app never waits for the chart library. Colours are the app's tokens.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Text, XAxis, YAxis } from 'recharts';
import { COMPLAINT_STATUSES } from '../../../shared/complaint/vocabulary';
import type { Indicators } from '../../../shared/indicators/indicators-types';
import { useGroupLabel } from './breakdown-tables';
import { shareRows } from './dashboard-figures';
import type { FigureFormat } from './figure-format';

const WIDTH = 520;
const HEIGHT = 240;
const AXIS = { fontSize: 12, fill: 'var(--text)' } as const;
const LABEL = { fontSize: 12, fill: 'var(--text)' } as const;

function ChartFigure(props: { id: string; title: string; children: ReactNode }): ReactNode {
  return (
    <figure
      className="dashboard__chart"
      data-testid={`chart-${props.id}`}
      aria-labelledby={`chart-${props.id}-title`}
    >
      <figcaption id={`chart-${props.id}-title`}>{props.title}</figcaption>
      {props.children}
    </figure>
  );
}

function MonthlyChart(props: { indicators: Indicators; format: FigureFormat }): ReactNode {
  const { t } = useTranslation();
  const data = props.indicators.monthly.map((row) => ({ ...row, label: props.format.month(row.month) }));
  return (
    <ChartFigure id="monthly" title={t('dashboardFigures.monthly')}>
      <BarChart
        width={WIDTH}
        height={HEIGHT}
        data={data}
        accessibilityLayer={false}
        margin={{ top: 20, right: 8, left: 0, bottom: 0 }}
      >
        <CartesianGrid stroke="var(--border)" vertical={false} />
        <XAxis dataKey="label" tick={AXIS} />
        <YAxis allowDecimals={false} tick={AXIS} width={40} />
        <Legend />
        <Bar
          dataKey="received"
          name={t('dashboardFigures.monthlyReceived')}
          fill="var(--primary)"
          isAnimationActive={false}
        >
          <LabelList dataKey="received" position="top" style={LABEL} />
        </Bar>
        <Bar
          dataKey="closed"
          name={t('dashboardFigures.monthlyClosed')}
          fill="var(--success)"
          isAnimationActive={false}
        >
          <LabelList dataKey="closed" position="top" style={LABEL} />
        </Bar>
      </BarChart>
    </ChartFigure>
  );
}

/** The width of a horizontal chart's labels, left of its bars. */
const LABEL_WIDTH = 190;

/**
 * A horizontal chart's label, wrapped onto a second line where it is longer than the labels'
 * width ("Diverifikasi, belum didisposisi"), never cut off at the chart's edge.
 */
function WrappedLabel(props: {
  x?: number | string;
  y?: number | string;
  payload?: { value?: string | number };
}): ReactNode {
  return (
    <Text
      x={props.x}
      y={props.y}
      width={LABEL_WIDTH - 12}
      textAnchor="end"
      verticalAnchor="middle"
      fontSize={AXIS.fontSize}
      fill={AXIS.fill}
    >
      {String(props.payload?.value ?? '')}
    </Text>
  );
}

/** Horizontal bars of `rows`, each with its value written at its end. */
function HorizontalBars(props: {
  rows: readonly Readonly<{ label: string; value: number; text: string }>[];
  max?: number;
  fill: string;
}): ReactNode {
  const height = Math.max(80, 36 * props.rows.length + 20);
  return (
    <BarChart
      width={WIDTH}
      height={height}
      data={props.rows}
      layout="vertical"
      accessibilityLayer={false}
      margin={{ top: 4, right: 96, left: 8, bottom: 4 }}
    >
      <XAxis type="number" hide domain={[0, props.max ?? 'dataMax']} />
      <YAxis type="category" dataKey="label" width={LABEL_WIDTH} tick={WrappedLabel} />
      <Bar dataKey="value" fill={props.fill} isAnimationActive={false} minPointSize={2}>
        <LabelList dataKey="text" position="right" style={LABEL} />
      </Bar>
    </BarChart>
  );
}

export default function DashboardCharts(props: { indicators: Indicators; format: FigureFormat }): ReactNode {
  const { t } = useTranslation();
  const groupLabel = useGroupLabel();
  const { indicators, format } = props;
  const statuses = COMPLAINT_STATUSES.map((status) => {
    const value = indicators.byStatus[status] ?? 0;
    return { label: t(`complaintStatus.${status}`), value, text: format.number(value) };
  });
  const shares = shareRows(indicators).map(([key, value, days]) => ({
    label: t(`dashboardFigures.share.${key}`, { days }),
    value: value.share,
    text: format.percent(value.share),
  }));
  const channels = indicators.breakdown.byChannel.map((row) => ({
    label: groupLabel('channel', row.key),
    value: row.received,
    text: format.number(row.received),
  }));
  const ratings = ['5', '4', '3', '2', '1'].map((rating) => {
    const value = indicators.satisfaction.byRating[rating] ?? 0;
    return { label: t('dashboardFigures.rating', { rating }), value, text: format.number(value) };
  });
  return (
    <div className="dashboard__charts">
      <MonthlyChart indicators={indicators} format={format} />
      <ChartFigure id="status" title={t('dashboardFigures.byStatus')}>
        <HorizontalBars rows={statuses} fill="var(--accent)" />
      </ChartFigure>
      <ChartFigure id="shares" title={t('dashboardFigures.shares')}>
        <HorizontalBars rows={shares} max={1} fill="var(--accent-alt)" />
      </ChartFigure>
      <ChartFigure id="channels" title={t('dashboardFigures.byChannel')}>
        <HorizontalBars rows={channels} fill="var(--primary)" />
      </ChartFigure>
      <ChartFigure id="ratings" title={t('dashboardFigures.ratings')}>
        <HorizontalBars rows={ratings} fill="var(--success)" />
      </ChartFigure>
    </div>
  );
}
