/** Fills the report's activities and study-results sections from the approved log, without overwriting. */
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { reportSectionTable } from '~db/schema';
import { appendDraft, draftActivities, draftMaterials } from '~/lib/report/draft';
import { ojtWeeks } from '~/lib/programme-calendar';
import { formatDay, todayIn } from '~/lib/dates';
import { findCurrentCohort } from '../cohort/manage';
import { RuleError } from '../errors';
import { listEntries } from '../logbook/entry';
import { assertOwnReportWritable, ensureReport, saveSection } from './working-copy';
import type { SessionUser } from '../auth/session';

/**
 * What "Draft from my log" added: how many approved entries, how many of them named outputs
 * (what the log says was produced; not items of the materials register), and to which sections.
 */
export type DraftOutcome = {
	entries: number;
	withOutputs: number;
	/** The sections that received text, in order (the first gets the focus). */
	sections: { id: string; title: string }[];
};

/** Appends drafts to the two sections (each save is a version, so it can be undone from history). */
export async function draftReportFromLog(db: Db, participant: SessionUser): Promise<DraftOutcome> {
	if (participant.role !== 'participant')
		throw new RuleError('forbidden', 'Only the participant drafts their report.');
	await ensureReport(db, participant.id);
	await assertOwnReportWritable(db, participant);
	const cohort = await findCurrentCohort(db, participant.id);
	const entries = await listEntries(db, participant.id);
	const approved = entries.filter((e) => e.status === 'approved');
	if (!approved.length)
		throw new RuleError(
			'conflict',
			'No approved log entry yet: once mentors approve entries, they can be drafted into the report.',
		);
	const weeks = cohort ? ojtWeeks(cohort) : [];
	const heading = `Drafted from my log on ${formatDay(todayIn(cohort?.timezone ?? 'Asia/Tokyo'))} — rewrite freely`;
	const sections = await db
		.select()
		.from(reportSectionTable)
		.where(eq(reportSectionTable.participantId, participant.id));
	const activities = sections.find((s) => s.kind === 'activities')!;
	const results = sections.find((s) => s.kind === 'study_results')!;
	await saveSection(
		db,
		participant,
		activities.id,
		activities.version,
		{
			outline: appendDraft(activities.outline, draftActivities(approved, weeks), heading),
			notes: activities.notes,
		},
		'draft-from-log',
	);
	const materials = draftMaterials(approved);
	const outcome: DraftOutcome = {
		entries: approved.length,
		withOutputs: approved.filter((e) => e.outputs.trim()).length,
		sections: [{ id: activities.id, title: activities.title }],
	};
	if (materials) {
		outcome.sections.push({ id: results.id, title: results.title });
		await saveSection(
			db,
			participant,
			results.id,
			results.version,
			{
				outline: results.outline,
				notes: appendDraft(
					results.notes,
					`Outputs named in my log entries:\n\n${materials}`,
					heading,
				),
			},
			'draft-from-log',
		);
	}
	return outcome;
}
