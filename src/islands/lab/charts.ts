/**
 * The workbench's Observable Plot charts. Each returns a detached SVG; PlotFigure puts it on
 * the page. Colours come from CSS classes (light and dark themes), not from inline styles.
 */
import * as Plot from '@observablehq/plot';
import { formatCount, showValue, syntheticLabel } from '~/lib/lab/fields';
import type { ValueCount } from '~/lib/lab/query';

/** The bar colour: a class, so dark mode can change it. */
const barClass = 'fill-brand-600 dark:fill-sky-400';

/** The synthetic-data marking drawn inside the chart, so copies of the image keep it. */
function marking() {
	return Plot.text([syntheticLabel], {
		text: (d: string) => d,
		frameAnchor: 'top-right',
		textAnchor: 'end',
		dy: -22,
		fontSize: 11,
		fontStyle: 'italic',
	});
}

/** Horizontal bars for a ranking (routes, categories…), longest first, with counts at the ends. */
export function rankingChart(values: ValueCount[], width: number, label: string) {
	const data = values.map((v) => ({ name: showValue(v.value), count: v.count }));
	const longest = Math.max(8, ...data.map((d) => d.name.length));
	const marginLeft = Math.min(Math.round(width * 0.45), 12 + longest * 7);
	return Plot.plot({
		width,
		height: 44 + data.length * 24,
		marginTop: 34,
		marginLeft,
		marginRight: 56,
		x: { grid: true, label, tickFormat: (n: number) => formatCount(n) },
		y: { label: null, domain: data.map((d) => d.name) },
		marks: [
			Plot.barX(data, { x: 'count', y: 'name', className: barClass }),
			Plot.text(data, {
				x: 'count',
				y: 'name',
				text: (d) => formatCount(d.count),
				textAnchor: 'start',
				dx: 4,
			}),
			Plot.ruleX([0]),
			marking(),
		],
	});
}
