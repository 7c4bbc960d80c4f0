/**
 * Reviewers' overrides of automatic screening results: each needs a note, and says who and
 * when. The verdict that counts is the override's; the automatic one stays beside it.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '~db/client';
import { applicationTable, screeningOverrideTable, userTable } from '~db/schema';
import type { Override, Verdict } from '~/lib/office/screening';
import { recordAudit } from '../audit';
import { notFound, RuleError } from '../errors';
import { assertApplicationReader } from './access';
import { assertSelectionOpen } from './selection-state';
import { findRow } from '../find-row';

/** Every check key a reviewer may override (requirements and recommended profile). */
export const overridableChecks = [
	'officer',
	'member',
	'nominated',
	'single',
	'years',
	'degree',
	'english',
	'computer',
	'fitness',
	'expertise',
	'programming',
	'visualisation',
	'clikc',
	'junior',
] as const;

/** The overrides of these applications, by application id. */
export async function overridesFor(db: Db, ids: string[]): Promise<Map<string, Override[]>> {
	const out = new Map<string, Override[]>();
	if (!ids.length) return out;
	const rows = await db
		.select({ o: screeningOverrideTable, by: userTable.name })
		.from(screeningOverrideTable)
		.leftJoin(userTable, eq(userTable.id, screeningOverrideTable.byId))
		.where(inArray(screeningOverrideTable.applicationId, ids));
	for (const { o, by } of rows) {
		const list = out.get(o.applicationId) ?? [];
		list.push({
			checkKey: o.checkKey,
			verdict: o.verdict,
			note: o.note,
			by: by ?? 'a former account',
			at: o.at,
		});
		out.set(o.applicationId, list);
	}
	return out;
}

/** What a reviewer asks: a verdict for one check (or "automatic" to withdraw one), and why. */
export type OverrideInput = {
	applicationId: string;
	checkKey: string;
	verdict: Verdict | 'automatic';
	note: string;
};

/**
 * Overrides one check of a submitted application (or withdraws the override), audited. Refused
 * once the edition's selection is recorded.
 */
export async function overrideCheck(
	db: Db,
	reviewer: { id: string; role: string },
	input: OverrideInput,
	now = Date.now(),
) {
	assertApplicationReader(reviewer);
	const app = await findRow(
		db,
		applicationTable,
		eq(applicationTable.id, input.applicationId),
		eq(applicationTable.status, 'submitted'),
	);
	if (!app) throw notFound('application');
	if (!(overridableChecks as readonly string[]).includes(input.checkKey))
		throw new RuleError('invalid', 'Choose one of the screening checks.', 'checkKey');
	await assertSelectionOpen(db, app.editionId);
	const note = input.note.trim();
	if (input.verdict !== 'automatic' && note.length < 3)
		throw new RuleError(
			'invalid',
			'Say why you override the automatic result: the note is kept with it.',
			'note',
		);
	await db.transaction(async (tx) => {
		const where = and(
			eq(screeningOverrideTable.applicationId, app.id),
			eq(screeningOverrideTable.checkKey, input.checkKey),
		);
		await tx.delete(screeningOverrideTable).where(where);
		if (input.verdict !== 'automatic')
			await tx.insert(screeningOverrideTable).values({
				applicationId: app.id,
				checkKey: input.checkKey,
				verdict: input.verdict,
				note,
				byId: reviewer.id,
				at: new Date(now),
			});
		await recordAudit(
			tx,
			{
				actorId: reviewer.id,
				action: input.verdict === 'automatic' ? 'screening.restore' : 'screening.override',
				subjectType: 'application',
				subjectId: app.id,
				details: { check: input.checkKey, verdict: input.verdict },
			},
			now,
		);
	});
}
