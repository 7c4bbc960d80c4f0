/**
 * Records per month as plain SVG: 36 bars, a count axis and year labels. Drawn without Plot
 * so the first chart needs no charting library: the server puts it in the page before any
 * script runs, and the workbench draws the same picture when it starts.
 */
import { formatCount, syntheticLabel } from '~/lib/lab/fields';

type Props = {
	months: { month: string; count: number }[];
	width: number;
	/** The chart in words: the SVG's accessible name. */
	summary: string;
};

const height = 280;
const margin = { top: 34, right: 12, bottom: 30, left: 48 };

/** About five round steps from 0 to at least `max`. */
function ticks(max: number): number[] {
	if (max <= 0) return [0];
	const rough = max / 5;
	const power = 10 ** Math.floor(Math.log10(rough));
	const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
	return Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => i * step);
}

export default function MonthlyChart({ months, width, summary }: Props) {
	const yTicks = ticks(Math.max(0, ...months.map((m) => m.count)));
	const top = yTicks.at(-1) || 1;
	const plotWidth = width - margin.left - margin.right;
	const plotHeight = height - margin.top - margin.bottom;
	const band = plotWidth / Math.max(1, months.length);
	const y = (n: number) => margin.top + plotHeight - (n / top) * plotHeight;
	return (
		<svg
			role="img"
			aria-label={summary}
			width={width}
			height={height}
			viewBox={`0 0 ${width} ${height}`}
			fill="currentColor"
			fontFamily="system-ui, sans-serif"
			fontSize={12}
		>
			{yTicks.map((t) => (
				<g key={t}>
					<line
						x1={margin.left}
						x2={width - margin.right}
						y1={y(t)}
						y2={y(t)}
						stroke="currentColor"
						strokeOpacity={t === 0 ? 1 : 0.1}
					/>
					<text x={margin.left - 6} y={y(t)} dy="0.32em" textAnchor="end">
						{formatCount(t)}
					</text>
				</g>
			))}
			{months.map((m, i) => (
				<rect
					key={m.month}
					className="fill-brand-600 dark:fill-sky-400"
					x={margin.left + i * band + 1}
					y={y(m.count)}
					width={Math.max(1, band - 2)}
					height={Math.max(0, y(0) - y(m.count))}
				/>
			))}
			{months.map((m, i) =>
				m.month.endsWith('-01') ? (
					<text
						key={m.month}
						x={margin.left + i * band}
						y={height - margin.bottom + 18}
						textAnchor="start"
					>
						{m.month.slice(0, 4)}
					</text>
				) : null,
			)}
			<text x={width - margin.right} y={12} textAnchor="end" fontSize={11} fontStyle="italic">
				{syntheticLabel}
			</text>
		</svg>
	);
}
