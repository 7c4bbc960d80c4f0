/**
 * The two ranking tabs, routes and categories: a heading, the tab's one setting, how many
 * distinct values are in view, then the chart and table of the largest ones.
 */
import { lazy } from 'react';
import { formatCount } from '~/lib/lab/fields';
import type { ViewResult, ViewSettings } from '~/lib/lab/query';
import ViewSettingSelect from './ViewSettingSelect';
import LabSection from './LabSection';

/** Rankings use Observable Plot: loaded apart, so the first chart (plain SVG) does not wait. */
export const loadRanking = () => import('./RankingPanel');
const RankingPanel = lazy(loadRanking);

type Props = {
	view: Extract<ViewResult, { tab: 'routes' | 'breakdown' }>;
	count: number;
	settings: ViewSettings;
	onSettings: (change: Partial<ViewSettings>) => void;
};

export default function RankingTab({ view, count, settings, onSettings }: Props) {
	const routes = view.tab === 'routes';
	return (
		<LabSection name={view.tab} heading={routes ? 'Routes' : 'Categories'}>
			{routes ? (
				<ViewSettingSelect
					kind="route"
					value={settings.routeBy}
					onChange={(routeBy) => onSettings({ routeBy })}
				/>
			) : (
				<ViewSettingSelect
					kind="field"
					value={settings.breakdown}
					onChange={(breakdown) => onSettings({ breakdown })}
				/>
			)}
			<p className="hint">
				{formatCount(view.distinct)}{' '}
				{routes
					? 'different routes in view; the table lists the 50 busiest.'
					: 'different values in view; the largest 25 are listed.'}
			</p>
			<RankingPanel
				title={routes ? 'Busiest routes (first 15)' : 'Records per value (largest 15)'}
				what={routes ? 'routes' : 'values'}
				column={routes ? 'Route' : 'Value'}
				values={view.tab === 'routes' ? view.routes : view.values}
				count={count}
			/>
		</LabSection>
	);
}
