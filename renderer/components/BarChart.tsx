/** A plain SVG bar chart: one labelled bar per row, scaled to the largest value. */
export function BarChart(props: {
  title: string;
  rows: Array<{ label: string; value: number; shown: string; tone: string }>;
}) {
  const width = 480;
  const barHeight = 36;
  const labelWidth = 120;
  const valueWidth = 110;
  const max = Math.max(1, ...props.rows.map((r) => r.value));
  const height = Math.max(1, props.rows.length) * (barHeight + 12);
  return (
    <svg
      className="bar-chart"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={props.title}
    >
      <title>{props.title}</title>
      {props.rows.map((row, i) => {
        const y = i * (barHeight + 12);
        const w = Math.max(0, ((width - labelWidth - valueWidth) * Math.max(0, row.value)) / max);
        return (
          <g key={row.label}>
            <text x={0} y={y + barHeight * 0.65} className="bar-label">
              {row.label}
            </text>
            <rect x={labelWidth} y={y} width={w} height={barHeight} className={`bar bar-${row.tone}`} />
            <text x={labelWidth + w + 8} y={y + barHeight * 0.65} className="bar-value">
              {row.shown}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
