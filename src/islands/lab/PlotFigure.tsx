/**
 * A chart with its text alternatives: a caption with the finding in words, the synthetic-data
 * marking, and the same numbers as a table behind "Show as table".
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { syntheticLabel } from '~/lib/lab/fields';

type Props = {
	title: string;
	/** The chart in words; also the SVG's accessible name. */
	summary: string;
	/** Draws the chart at a width (Plot returns a detached element). */
	draw?: (width: number) => Element;
	/** Or renders it as React SVG at a width (no charting library needed). */
	svg?: (width: number) => ReactNode;
	/** The data behind the chart, shown on request. */
	table: ReactNode;
};

/** Puts Plot's SVG on the page without the inline <style> element the CSP would block. */
function mount(container: HTMLElement, chart: Element, summary: string) {
	// Plot adds a <style> with display/max-width rules; the container's classes do the same.
	chart.querySelectorAll('style').forEach((s) => s.remove());
	// The SVG is one image named by the summary; Plot's labels on inner groups ("bar", "x-axis
	// tick") are not allowed on plain groups and would only repeat what the summary says.
	chart.querySelectorAll('[aria-label], [aria-description]').forEach((el) => {
		el.removeAttribute('aria-label');
		el.removeAttribute('aria-description');
	});
	chart.setAttribute('role', 'img');
	chart.setAttribute('aria-label', summary);
	container.replaceChildren(chart);
	markFirstChart();
}

function markFirstChart() {
	if (!performance.getEntriesByName('lab:first-chart').length) performance.mark('lab:first-chart');
}

/** The holder's width, followed as it changes by at least 16 px. */
function useWidth(holder: React.RefObject<HTMLDivElement | null>, active: boolean): number {
	const [width, setWidth] = useState(0);
	useLayoutEffect(() => {
		const container = holder.current;
		if (!active || !container) return;
		const measure = () => {
			const next = Math.floor(container.clientWidth);
			setWidth((old) => (Math.abs(next - old) < 16 ? old : next));
		};
		measure();
		const observer = new ResizeObserver(measure);
		observer.observe(container);
		return () => observer.disconnect();
	}, [holder, active]);
	return width;
}

export default function PlotFigure({ title, summary, draw, svg, table }: Props) {
	const holder = useRef<HTMLDivElement>(null);
	const svgWidth = useWidth(holder, Boolean(svg));
	const drawn = svg && svgWidth >= 10;

	useEffect(() => {
		if (drawn) markFirstChart();
	}, [drawn]);

	useEffect(() => {
		const container = holder.current;
		if (!container || !draw) return;
		let width = 0;
		const render = () => {
			const next = Math.floor(container.clientWidth);
			// Redraw only when the width really changed: drawing is the costly part.
			if (next < 10 || Math.abs(next - width) < 16) return;
			width = next;
			mount(container, draw(width), summary);
		};
		render();
		const observer = new ResizeObserver(render);
		observer.observe(container);
		return () => observer.disconnect();
	}, [draw, summary]);

	return (
		<figure className="mt-4" data-lab-chart={title} data-lab-summary={summary}>
			<figcaption>
				<span className="block font-semibold">{title}</span>
				<span className="hint block">{summary}</span>
				<span className="badge mt-1">{syntheticLabel}</span>
			</figcaption>
			<div
				ref={holder}
				data-chart={drawn ? 'drawn' : undefined}
				className="mt-2 w-full text-slate-800 dark:text-slate-100 [&_svg]:block [&_svg]:h-auto [&_svg]:max-w-full [&_svg]:overflow-visible [&_svg]:text-[12px] [&_text]:whitespace-pre"
			>
				{drawn ? svg(svgWidth) : null}
			</div>
			<details className="mt-2">
				<summary className="btn-link w-fit">Show as table</summary>
				<div className="mt-2">{table}</div>
			</details>
		</figure>
	);
}
