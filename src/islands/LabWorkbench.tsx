/**
 * The data lab's workbench: loads the synthetic seizure data set into a worker, then lets a
 * participant filter it, group it, chart it and check its quality, and export what is in view.
 */
import { useState, type ReactNode } from 'react';
import { formatCount, syntheticLabel } from '~/lib/lab/fields';
import type { DatasetInfo, Filter, Tab, ViewResult, ViewSettings } from '~/lib/lab/query';
import { saveCsv } from './lab/download';
import FilterBar from './lab/FilterBar';
import GroupPanel from './lab/GroupPanel';
import QualityPanel from './lab/QualityPanel';
import RankingPanel from './lab/RankingPanel';
import RecordsPanel from './lab/RecordsPanel';
import SaveChart from './lab/SaveChart';
import Tabs from './lab/Tabs';
import TimePanel from './lab/TimePanel';
import ViewSettingSelect from './lab/ViewSettingSelect';
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

function Loading({ load }: { load: Extract<LoadState, { status: 'loading' }> }) {
	const text =
		load.phase === 'parse'
			? 'Preparing the records…'
			: load.total
				? `Downloading: ${megabytes(load.received)} of ${megabytes(load.total)} MB`
				: 'Starting…';
	return (
		<div role="status" className="card">
			<p className="font-semibold">Loading the synthetic data set</p>
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
			return (
				<section aria-labelledby="lab-routes-heading">
					<h2 id="lab-routes-heading" className="text-lg">
						Routes
					</h2>
					<ViewSettingSelect
						kind="route"
						value={settings.routeBy}
						onChange={(routeBy) => onSettings({ routeBy })}
					/>
					<p className="hint">
						{formatCount(view.distinct)} different routes in view; the table lists the 50 busiest.
					</p>
					<RankingPanel
						title="Busiest routes (first 15)"
						what="routes"
						column="Route"
						values={view.routes}
						count={count}
					/>
				</section>
			);
		case 'breakdown':
			return (
				<section aria-labelledby="lab-breakdown-heading">
					<h2 id="lab-breakdown-heading" className="text-lg">
						Categories
					</h2>
					<ViewSettingSelect
						kind="field"
						value={settings.breakdown}
						onChange={(breakdown) => onSettings({ breakdown })}
					/>
					<p className="hint">
						{formatCount(view.distinct)} different values in view; the largest 25 are listed.
					</p>
					<RankingPanel
						title="Records per value (largest 15)"
						what="values"
						column="Value"
						values={view.values}
						count={count}
					/>
				</section>
			);
		case 'quality':
			return <QualityPanel report={view.report} count={count} rarePlaces={info.rarePlaces} />;
		case 'records':
			return <RecordsPanel rows={view.rows} count={count} />;
	}
}

export default function LabWorkbench({ dataUrl, role }: { dataUrl: string; role?: string }) {
	const { load, send, exportCsv } = useLabWorker(dataUrl);
	const [filters, setFilters] = useState<Filter[]>([]);
	const [tab, setTab] = useState<Tab>('time');
	const [settings, setSettings] = useState(initialSettings);
	const [exported, setExported] = useState<string | null>(null);
	const ready = load.status === 'ready';
	const { answer, pending, error } = useViewResult(send, ready, { filters, tab, settings });

	async function exportView() {
		setExported('Preparing the file…');
		const file = await exportCsv(filters).catch(() => null);
		if (!file) return setExported('The export failed. Try again.');
		saveCsv(file.text, 'synthetic-seizures-view.csv');
		setExported(`Exported ${formatCount(file.count)} records (synthetic data).`);
	}

	return (
		<div data-lab-state={load.status} data-pending={pending ? '1' : '0'} className="space-y-4">
			{load.status === 'loading' && <Loading load={load} />}
			{load.status === 'error' && (
				<p role="alert" className="notice-error">
					{load.message}
				</p>
			)}
			{ready && (
				<>
					<FilterBar info={load.info} filters={filters} onChange={setFilters} />
					<div className="flex flex-wrap items-center gap-3">
						<p aria-live="polite" className="font-semibold" id="lab-count">
							{answer ? formatCount(answer.count) : '…'} of {formatCount(load.info.total)} records
							in view
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
					<Tabs label="Analysis views" tabs={tabs} active={tab} onChange={setTab}>
						<div
							aria-busy={pending}
							className={pending ? 'opacity-60 transition-opacity' : undefined}
						>
							{answer && answer.view.tab === tab ? (
								<Panel
									view={answer.view}
									count={answer.count}
									info={load.info}
									settings={settings}
									onSettings={(change) => setSettings((s) => ({ ...s, ...change }))}
								/>
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
