/** The participant's own logbook as CSV. Restricted text is withheld, and the file says so. */
import type { APIRoute } from 'astro';
import { getDb } from '~/lib/server/db';
import { listEntries } from '~/lib/server/logbook/entry';
import { findCurrentCohort } from '~/lib/server/cohort/manage';
import { officeTimeZone } from '~/lib/dates';
import { logbookCsvName } from '~/lib/logbook/export-name';
import { toCsv } from '~/lib/csv';
import { activityLabel, areaNames, statusLabels } from '~/lib/logbook/ojt-areas';
import { csvType, downloadResponse } from '~/lib/server/http/download';

const withheld = '[withheld: restricted]';

export const GET: APIRoute = async ({ locals }) => {
	const user = locals.user;
	if (!user) return new Response('Sign in first.', { status: 401 });
	if (user.role !== 'participant')
		return new Response('Only participants export their own logbook.', { status: 403 });
	const db = await getDb();
	const [entries, cohort] = await Promise.all([
		listEntries(db, user.id),
		findCurrentCohort(db, user.id),
	]);
	const rows = entries.map((e) => {
		const r = e.handling === 'restricted';
		return {
			date: e.date,
			area: `(${e.area}) ${areaNames[e.area]}`,
			activity: activityLabel(e.area, e.activity, e.activityOther),
			title: r ? withheld : e.title,
			hours: (e.minutes / 60).toFixed(2),
			status: statusLabels[e.status],
			handling: e.handling,
			what_was_done: r ? withheld : e.summary,
			outputs: r ? withheld : e.outputs,
			learning: r ? withheld : e.learning,
			counterpart: r ? withheld : e.counterpart,
			format: e.meetingFormat,
			follow_up: r ? withheld : e.followUp,
		};
	});
	const csv = toCsv(rows, [
		'date',
		'area',
		'activity',
		'title',
		'hours',
		'status',
		'handling',
		'what_was_done',
		'outputs',
		'learning',
		'counterpart',
		'format',
		'follow_up',
	]);
	return downloadResponse(
		csv,
		csvType,
		logbookCsvName(new Date(), cohort?.timezone ?? officeTimeZone),
	);
};
