/**
 * The OJT logbook: participants write entries; status moves draft -> submitted -> approved,
 * or -> changes_requested -> (edited) -> submitted again. Every change bumps `version`, and a
 * save that names an older version is refused, so no tab or mentor action is overwritten.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	cohortMemberTable,
	logEntryTable,
	type EntryStatus,
	type LogEntry,
	type OjtArea,
} from '~db/schema';
import { areaNames } from '~/lib/logbook/ojt-areas';
import { formatDay, isWithin } from '~/lib/dates';
import { recordAudit } from '../audit';
import { findCurrentCohort, assertWritable } from '../cohort/manage';
import { RuleError } from '../errors';
import { findVisibleParticipant } from '../access';
import { newId } from '../ids';
import { notify } from '../notify/notification';
import type { SessionUser } from '../auth/session';
import { insertedFirst } from '../row-order';
import { findRow, ownRow } from '../find-row';

/** What the entry form submits. */
export type EntryInput = {
	date: string;
	area: OjtArea;
	activity: string;
	activityOther: string;
	title: string;
	minutes: number;
	summary: string;
	outputs: string;
	learning: string;
	handling: 'unrestricted' | 'restricted';
	counterpart: string;
	meetingFormat: string;
	followUp: string;
};

/** A save was refused because the entry changed since the form was opened. */
export class VersionConflict extends RuleError {
	constructor(readonly current: LogEntry) {
		super(
			'conflict',
			'This entry was changed elsewhere since you opened it — in another tab, or by a mentor. Your text is kept below next to the saved version: merge what you need, then save again.',
		);
	}
}

/** Statuses in which the participant may still edit. */
const editable: EntryStatus[] = ['draft', 'changes_requested'];

/** An entry the viewer may see, or null (callers answer 404). */
export async function findEntryForViewer(
	db: Db,
	viewer: SessionUser,
	id: string,
): Promise<LogEntry | null> {
	const entry = await findRow(db, logEntryTable, eq(logEntryTable.id, id));
	if (!entry) return null;
	return (await findVisibleParticipant(db, viewer, entry.participantId)) ? entry : null;
}

/** A participant's entries by date, newest first within a day. */
export function listEntries(db: Db, participantId: string) {
	return db
		.select()
		.from(logEntryTable)
		.where(eq(logEntryTable.participantId, participantId))
		.orderBy(asc(logEntryTable.date), asc(logEntryTable.createdAt), insertedFirst(logEntryTable));
}

/** Refuses a date outside the OJT window unless the participant confirmed it. */
async function assertDateInWindow(db: Db, participantId: string, date: string, confirmed: boolean) {
	const cohort = await findCurrentCohort(db, participantId);
	if (!cohort)
		throw new RuleError(
			'forbidden',
			'You are not in a cohort, so there is no logbook to write in.',
		);
	assertWritable(cohort);
	if (!confirmed && !isWithin(date, cohort.ojtStart, cohort.ojtEnd))
		throw new RuleError(
			'invalid',
			`This date is outside the OJT (${formatDay(cohort.ojtStart)} – ${formatDay(cohort.ojtEnd)}). Tick “Log it on this date anyway” to confirm.`,
			'date',
		);
	return cohort;
}

/** Networking fields only make sense for networking entries. */
function normalise(input: EntryInput): EntryInput {
	if (input.area === 4) return input;
	return { ...input, counterpart: '', meetingFormat: '', followUp: '' };
}

/** Starts a draft entry. */
export async function createEntry(
	db: Db,
	participant: SessionUser,
	input: EntryInput,
	confirmOutsideWindow = false,
): Promise<LogEntry> {
	if (participant.role !== 'participant')
		throw new RuleError('forbidden', 'Only participants keep a logbook.');
	await assertDateInWindow(db, participant.id, input.date, confirmOutsideWindow);
	return db.transaction(async (tx) => {
		const now = new Date();
		const [row] = await tx
			.insert(logEntryTable)
			.values({ id: newId(), participantId: participant.id, ...normalise(input), updatedAt: now })
			.returning();
		await recordAudit(tx, {
			actorId: participant.id,
			action: 'log_entry.create',
			subjectType: 'log_entry',
			subjectId: row!.id,
		});
		return row!;
	});
}

/** The participant's own entry, or a 404 for anyone else's. */
async function ownEntry(db: Db, participant: SessionUser, id: string): Promise<LogEntry> {
	const entry = await ownRow(db, logEntryTable, participant.id, id, 'entry');
	return entry;
}

/** Saves changes to an entry the participant may still edit, at the version they opened. */
export async function updateEntry(
	db: Db,
	participant: SessionUser,
	id: string,
	version: number,
	input: EntryInput,
	confirmOutsideWindow = false,
): Promise<LogEntry> {
	const entry = await ownEntry(db, participant, id);
	if (entry.version !== version) throw new VersionConflict(entry);
	if (!editable.includes(entry.status))
		throw new RuleError(
			'forbidden',
			entry.status === 'approved'
				? 'This entry is approved and locked. Ask a mentor to reopen it if it needs a change.'
				: 'This entry is waiting for review and cannot be edited now.',
		);
	await assertDateInWindow(
		db,
		participant.id,
		input.date,
		confirmOutsideWindow || input.date === entry.date,
	);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(logEntryTable)
			.set({ ...normalise(input), version: version + 1, updatedAt: new Date() })
			.where(and(eq(logEntryTable.id, id), eq(logEntryTable.version, version)))
			.returning();
		// Another writer got in between the read and this update.
		if (!row)
			throw new VersionConflict(
				(await tx.select().from(logEntryTable).where(eq(logEntryTable.id, id)))[0]!,
			);
		await recordAudit(tx, {
			actorId: participant.id,
			action: 'log_entry.update',
			subjectType: 'log_entry',
			subjectId: id,
			details: { version: row.version },
		});
		return row;
	});
}

/** Mentors of the cohort a participant is in. */
export async function mentorsOf(db: Pick<Db, 'select'>, participantId: string): Promise<string[]> {
	const cohorts = db
		.select({ id: cohortMemberTable.cohortId })
		.from(cohortMemberTable)
		.where(eq(cohortMemberTable.userId, participantId));
	const rows = await db
		.select({ id: cohortMemberTable.userId })
		.from(cohortMemberTable)
		.where(and(eq(cohortMemberTable.role, 'mentor'), inArray(cohortMemberTable.cohortId, cohorts)));
	return [...new Set(rows.map((r) => r.id))];
}

/** A line about an entry safe for notifications and emails: restricted titles are withheld. */
export function entryLine(entry: LogEntry): string {
	const what =
		entry.handling === 'restricted' ? 'a restricted entry (title withheld)' : `“${entry.title}”`;
	return `${what} of ${formatDay(entry.date)}, ${areaNames[entry.area]}`;
}

/** Sends an entry for review; mentors are notified. */
export async function submitEntry(
	db: Db,
	participant: SessionUser,
	id: string,
	version: number,
): Promise<LogEntry> {
	const entry = await ownEntry(db, participant, id);
	if (entry.version !== version) throw new VersionConflict(entry);
	if (!editable.includes(entry.status))
		throw new RuleError('conflict', 'This entry has already been submitted.');
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(logEntryTable)
			.set({
				status: 'submitted',
				version: version + 1,
				submittedAt: new Date(),
				updatedAt: new Date(),
			})
			.where(and(eq(logEntryTable.id, id), eq(logEntryTable.version, version)))
			.returning();
		if (!row) throw new VersionConflict(entry);
		await recordAudit(tx, {
			actorId: participant.id,
			action: 'log_entry.submit',
			subjectType: 'log_entry',
			subjectId: id,
			details: { from: entry.status },
		});
		await notify(
			tx,
			await mentorsOf(tx, participant.id),
			`${participant.name} submitted ${entryLine(row)} for review.`,
			`/logbook/${id}`,
		);
		return row;
	});
}

/** Deletes a draft (only drafts; the form asks for confirmation first). */
export async function deleteEntry(db: Db, participant: SessionUser, id: string): Promise<void> {
	const entry = await ownEntry(db, participant, id);
	if (entry.status !== 'draft')
		throw new RuleError(
			'forbidden',
			'Only drafts can be deleted. Submitted and reviewed entries stay in the record.',
		);
	await db.transaction(async (tx) => {
		await tx
			.delete(logEntryTable)
			.where(and(eq(logEntryTable.id, id), eq(logEntryTable.status, 'draft')));
		await recordAudit(tx, {
			actorId: participant.id,
			action: 'log_entry.delete',
			subjectType: 'log_entry',
			subjectId: id,
			details: { title: entry.handling === 'restricted' ? '(restricted)' : entry.title },
		});
	});
}
