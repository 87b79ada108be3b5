/** @jsxImportSource hono/jsx */
/**
 * A horizontal bar chart drawn on the server as SVG: no script, no fonts, scales to the phone's width.
 * It only repeats the table printed beside it, so to a screen reader it is one labelled image.
 */
import { formatYuan } from './format';

export interface Bar {
  label: string;
  value: number;
}

const rowHeight = 24;
const labelWidth = 96;
const valueWidth = 84;
// Drawn for a phone's width; on a wide screen the stylesheet caps it at 40rem.
const width = 360;

export function BarChart(props: { caption: string; bars: readonly Bar[] }) {
  const max = Math.max(0, ...props.bars.map((b) => b.value));
  const barSpace = width - labelWidth - valueWidth;
  const height = props.bars.length * rowHeight + 4;
  return (
    <figure>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={`${props.caption}（数据见表格）`}
        preserveAspectRatio="xMinYMin meet"
      >
        {props.bars.map((b, i) => {
          const y = i * rowHeight + 2;
          const w = max > 0 ? Math.round((b.value / max) * barSpace) : 0;
          return (
            <g>
              <text x={labelWidth - 6} y={y + 16} text-anchor="end">
                {b.label.length > 7 ? `${b.label.slice(0, 6)}…` : b.label}
              </text>
              <rect x={labelWidth} y={y + 3} width={w} height={rowHeight - 8} />
              <text x={labelWidth + w + 4} y={y + 16}>
                {formatYuan(b.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{props.caption}（数据见表格）</figcaption>
    </figure>
  );
}
