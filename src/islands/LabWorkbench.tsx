/**
 * The data lab's workbench: loads the synthetic seizure data set into a worker, then lets a
 * participant filter it, group it, chart it and check its quality, and export what is in view.
 */
import { Suspense, useMemo, useState, type ReactNode } from 'react';
import { formatCount, syntheticLabel } from '~/lib/lab/fields';
import type {
	DatasetInfo,
	Filter,
	FirstView,
	Tab,
	ViewResult,
	ViewSettings,
} from '~/lib/lab/query';
import { saveCsv } from './lab/download';
import FilterBar from './lab/FilterBar';
import GroupPanel from './lab/GroupPanel';
import QualityPanel from './lab/QualityPanel';
import RankingTab, { loadRanking } from './lab/RankingTab';
import RecordsPanel from './lab/RecordsPanel';
import SaveChart from './lab/SaveChart';
import Tabs from './lab/Tabs';
import TimePanel from './lab/TimePanel';
import { useLabWorker, useViewResult, type LoadState } from './lab/use-lab';

const tabs: { id: Tab; label: string }[] = [
	{ id: 'time', label: 'Over time' },
	{ id: 'group', label: 'Group & count' },
	{ id: 'routes', label: 'Routes' },
	{ id: 'breakdown', label: 'Categories' },
	{ id: 'quality', label: 'Data quality' },
	{ id: 'records', label: 'Records' },
];

const initialSettings: ViewSettings = {
	groupBy: 'commodity_category',
	thenBy: null,
	sumUnit: null,
	routeBy: 'origin',
	breakdown: 'commodity_category',
};

const megabytes = (n: number) => (n / 1_000_000).toFixed(1);

function Loading({
	load,
	partial,
}: {
	load: Extract<LoadState, { status: 'loading' }>;
	/** True when the first view is already on screen: only the other views wait. */
	partial: boolean;
}) {
	const text =
		load.phase === 'parse'
			? 'Preparing the records…'
			: load.total
				? `Downloading: ${megabytes(load.received)} of ${megabytes(load.total)} MB`
				: 'Starting…';
	return (
		<div role="status" className="card">
			<p className="font-semibold">
				{partial
					? 'Loading the records: filters and the other views answer once they are in'
					: 'Loading the synthetic data set'}
			</p>
			<p className="hint">{text}</p>
			<progress
				className="mt-2 w-full"
				aria-label="Loading the data set"
				max={load.total || 1}
				value={load.phase === 'parse' ? load.total || 1 : load.received}
			/>
		</div>
	);
}

type PanelProps = {
	view: ViewResult;
	count: number;
	info: DatasetInfo;
	settings: ViewSettings;
	onSettings: (change: Partial<ViewSettings>) => void;
};

function Panel({ view, count, info, settings, onSettings }: PanelProps): ReactNode {
	switch (view.tab) {
		case 'time':
			return <TimePanel months={view.months} undated={view.undated} />;
		case 'group':
			return <GroupPanel {...view} count={count} settings={settings} onSettings={onSettings} />;
		case 'routes':
		case 'breakdown':
			return <RankingTab view={view} count={count} settings={settings} onSettings={onSettings} />;
		case 'quality':
			return <QualityPanel report={view.report} count={count} rarePlaces={info.rarePlaces} />;
		case 'records':
			return <RecordsPanel rows={view.rows} count={count} />;
	}
}

type Props = {
	dataUrl: string;
	/**
	 * The unfiltered first view (a FirstView as JSON), computed by the server: drawn before the
	 * records arrive. One string, because the browser reads JSON much faster than island props.
	 */
	firstView?: string;
	/** The viewer's role: participants may save a chart to their materials register. */
	role?: string;
};

export default function LabWorkbench({ dataUrl, firstView: firstViewJson, role }: Props) {
	const firstView = useMemo(
		() => (firstViewJson ? (JSON.parse(firstViewJson) as FirstView) : undefined),
		[firstViewJson],
	);
	const { load, send, exportCsv } = useLabWorker(dataUrl);
	const [filters, setFilters] = useState<Filter[]>([]);
	const [tab, setTab] = useState<Tab>('time');
	const [settings, setSettings] = useState(initialSettings);
	const [exported, setExported] = useState<string | null>(null);
	const ready = load.status === 'ready';
	const info = ready ? load.info : load.status === 'loading' ? firstView?.info : undefined;
	// The first view needs no worker: the page brought it.
	const known = useMemo(
		() =>
			firstView
				? {
						view: { tab: 'time' as const, months: firstView.months, undated: firstView.undated },
						count: firstView.info.total,
						total: firstView.info.total,
					}
				: null,
		[firstView],
	);
	const { answer, pending, error } = useViewResult(
		send,
		load.status !== 'error',
		{ filters, tab, settings },
		filters.length === 0 && tab === 'time' ? known : null,
	);

	// The charting code only the ranking views use is fetched when someone points at or focuses
	// one of their tabs, a moment before the click: a visit that never ranks never downloads it.
	const prefetch = (id: string) => {
		if (id === 'routes' || id === 'breakdown') void loadRanking();
	};

	async function exportView() {
		setExported('Preparing the file…');
		const file = await exportCsv(filters).catch(() => null);
		if (!file) return setExported('The export failed. Try again.');
		saveCsv(file.text, 'synthetic-seizures-view.csv');
		setExported(`Exported ${formatCount(file.count)} records (synthetic data).`);
	}

	return (
		<div data-lab-state={load.status} data-pending={pending ? '1' : '0'} className="space-y-4">
			{load.status === 'loading' && <Loading load={load} partial={Boolean(info)} />}
			{load.status === 'error' && (
				<p role="alert" className="notice-error">
					{load.message}
				</p>
			)}
			{info && (
				<>
					<FilterBar info={info} filters={filters} onChange={setFilters} />
					<div className="flex flex-wrap items-center gap-3">
						<p aria-live="polite" className="font-semibold" id="lab-count">
							{answer ? formatCount(answer.count) : '…'} of {formatCount(info.total)} records in
							view
						</p>
						<button
							type="button"
							className="btn-secondary"
							onClick={exportView}
							aria-describedby="lab-export-note"
						>
							Export CSV of this view
						</button>
						<span id="lab-export-note" className="badge">
							{syntheticLabel}
						</span>
						<span role="status" className="hint">
							{exported}
						</span>
					</div>
					{error && (
						<p role="alert" className="notice-error">
							{error}
						</p>
					)}
					<Tabs
						label="Analysis views"
						tabs={tabs}
						active={tab}
						onChange={setTab}
						onIntent={prefetch}
					>
						<div
							aria-busy={pending}
							className={pending ? 'opacity-60 transition-opacity' : undefined}
						>
							{answer && answer.view.tab === tab ? (
								<Suspense fallback={<p className="hint">Working…</p>}>
									<Panel
										view={answer.view}
										count={answer.count}
										info={info}
										settings={settings}
										onSettings={(change) => setSettings((s) => ({ ...s, ...change }))}
									/>
								</Suspense>
							) : (
								<p className="hint">Working…</p>
							)}
						</div>
					</Tabs>
					<SaveChart query={{ filters, tab, settings }} role={role} />
				</>
			)}
		</div>
	);
}
