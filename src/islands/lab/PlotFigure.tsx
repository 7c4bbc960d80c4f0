/**
 * A chart with its text alternatives: a caption with the finding in words, the synthetic-data
 * marking, and the same numbers as a table behind "Show as table".
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { syntheticLabel } from '~/lib/lab/fields';

type Props = {
	title: string;
	/** The chart in words; also the SVG's accessible name. */
	summary: string;
	/** Draws the chart at a width (Plot returns a detached element). */
	draw: (width: number) => Element;
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
	if (!performance.getEntriesByName('lab:first-chart').length) performance.mark('lab:first-chart');
}

export default function PlotFigure({ title, summary, draw, table }: Props) {
	const holder = useRef<HTMLDivElement>(null);

	useEffect(() => {
		const container = holder.current;
		if (!container) return;
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
				className="mt-2 w-full text-slate-800 dark:text-slate-100 [&_svg]:block [&_svg]:h-auto [&_svg]:max-w-full [&_svg]:overflow-visible [&_svg]:text-[12px] [&_text]:whitespace-pre"
			/>
			<details className="mt-2">
				<summary className="btn-link w-fit">Show as table</summary>
				<div className="mt-2">{table}</div>
			</details>
		</figure>
	);
}
