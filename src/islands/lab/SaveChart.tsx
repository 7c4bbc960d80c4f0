/**
 * "Save to my materials": turns the chart in view into a PNG and posts it, with the lab
 * settings that drew it, to the materials register. Self-contained: it reads the chart from the
 * page (the figure PlotFigure marks with data-lab-chart) and needs only the current query.
 */
import { actions, isInputError } from 'astro:actions';
import { useId, useState } from 'react';
import type { Query } from '~/lib/lab/query';
import { defaultHandling, handlingLabels } from '~/lib/handling';

type Props = { query: Query; role: string | undefined };
type Errors = Partial<Record<'title' | 'handling' | 'image' | 'settings', string>>;

/** The chart's SVG as a PNG (twice its size, on white, so it prints sharp). */
async function toPng(svg: SVGSVGElement): Promise<Blob> {
	const box = svg.getBoundingClientRect();
	const width = Math.max(1, Math.round(Number(svg.getAttribute('width')) || box.width));
	const height = Math.max(1, Math.round(Number(svg.getAttribute('height')) || box.height));
	const copy = svg.cloneNode(true) as SVGSVGElement;
	copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	copy.setAttribute('width', String(width));
	copy.setAttribute('height', String(height));
	// Presentation attributes, not a style attribute: the page's content policy refuses inline styles.
	copy.setAttribute('color', '#1e293b');
	copy.setAttribute('font-family', 'system-ui, -apple-system, "Segoe UI", sans-serif');
	copy.setAttribute('font-size', '12');
	const xml = new XMLSerializer().serializeToString(copy);
	const image = new Image();
	// A data: URL, because the page's content policy takes images from 'self' and data: only.
	image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(xml)}`;
	await image.decode();
	const canvas = document.createElement('canvas');
	canvas.width = width * 2;
	canvas.height = height * 2;
	const g = canvas.getContext('2d');
	if (!g) throw new Error('no canvas');
	g.fillStyle = '#ffffff';
	g.fillRect(0, 0, canvas.width, canvas.height);
	g.scale(2, 2);
	g.drawImage(image, 0, 0, width, height);
	return new Promise((resolve, reject) =>
		canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no image'))), 'image/png'),
	);
}

export default function SaveChart({ query, role }: Props) {
	const id = useId();
	const [title, setTitle] = useState('');
	const [handling, setHandling] = useState<string>(defaultHandling);
	const [errors, setErrors] = useState<Errors>({});
	const [status, setStatus] = useState<{ text: string; href?: string; error?: boolean } | null>(
		null,
	);
	const [busy, setBusy] = useState(false);

	if (role !== 'participant') return null;

	async function save(event: { preventDefault(): void }) {
		event.preventDefault();
		setErrors({});
		const figure = document.querySelector<HTMLElement>('[data-lab-chart]');
		const svg = figure?.querySelector('svg');
		if (!figure || !svg) {
			setStatus({
				text: 'This view has no chart. Open “Over time”, “Routes” or “Categories” and save from there.',
				error: true,
			});
			return;
		}
		setBusy(true);
		setStatus({ text: 'Saving the chart…' });
		try {
			const png = await toPng(svg);
			const form = new FormData();
			form.set('title', title);
			form.set('handling', handling);
			form.set('image', new File([png], 'chart.png', { type: 'image/png' }));
			form.set('description', figure.dataset.labSummary ?? '');
			form.set(
				'settings',
				JSON.stringify({
					chart: figure.dataset.labChart ?? '',
					tab: query.tab,
					filters: query.filters,
					settings: query.settings,
				}),
			);
			const { data, error } = await actions.cen.saveChart(form);
			if (data) {
				setStatus({
					text: `Saved to your materials: “${data.title}”.`,
					href: `/materials/${data.id}`,
				});
				setTitle('');
			} else if (isInputError(error)) {
				setErrors(Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, v?.[0]])));
				setStatus({ text: 'Not saved: see the message beside the field.', error: true });
			} else {
				setStatus({ text: `Not saved: ${error.message}`, error: true });
			}
		} catch {
			setStatus({ text: 'Not saved: the chart could not be turned into an image.', error: true });
		} finally {
			setBusy(false);
		}
	}

	const describedBy = (field: keyof Errors, hint?: string) =>
		[hint, errors[field] ? `${id}-${field}-error` : ''].filter(Boolean).join(' ') || undefined;

	return (
		<details className="card" data-save-chart>
			<summary className="btn-link w-fit">Save this chart to my materials</summary>
			<form
				className="mt-3 grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end"
				onSubmit={save}
				noValidate
			>
				<div>
					<label htmlFor={`${id}-title`}>Title of the chart</label>
					<input
						id={`${id}-title`}
						value={title}
						onChange={(e) => setTitle(e.target.value)}
						required
						aria-invalid={errors.title ? 'true' : undefined}
						aria-describedby={describedBy('title', `${id}-hint`)}
					/>
					{errors.title && (
						<p id={`${id}-title-error`} className="field-error">
							{errors.title}
						</p>
					)}
				</div>
				<div>
					<label htmlFor={`${id}-handling`}>Handling marking</label>
					<select
						id={`${id}-handling`}
						value={handling}
						onChange={(e) => setHandling(e.target.value)}
						aria-describedby={describedBy('handling')}
					>
						{(['unrestricted', 'restricted'] as const).map((h) => (
							<option key={h} value={h}>
								{handlingLabels[h]}
							</option>
						))}
					</select>
					{errors.handling && (
						<p id={`${id}-handling-error`} className="field-error">
							{errors.handling}
						</p>
					)}
				</div>
				<button className="btn" disabled={busy}>
					Save to my materials
				</button>
				<p id={`${id}-hint`} className="hint sm:col-span-3">
					Saves the chart in view as an image with the filters and settings that drew it. Restricted
					material never leaves the portal: no email, notification or export includes it.
				</p>
			</form>
			<p
				role="status"
				className={status?.error ? 'field-error mt-2' : 'mt-2'}
				data-save-chart-status
			>
				{status?.text} {status?.href && <a href={status.href}>Open it in the register</a>}
			</p>
			{(errors.image || errors.settings) && (
				<p className="field-error">{errors.image ?? errors.settings}</p>
			)}
		</details>
	);
}
