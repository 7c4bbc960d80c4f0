/** Editions of the programme and their calls for applications: listing, next edition, extension. */
import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import { editionTable, type Edition } from '~db/schema';
import {
	callIsOpen,
	editionSlug,
	formatDeadline,
	shiftDay,
	shiftYears,
} from '~/lib/office/call-dates';
import { isDay } from '~/lib/dates';
import { recordAudit } from '../audit';
import { notFound, RuleError } from '../errors';
import { newId } from '../ids';
import { findRow } from '../find-row';

/** Every edition, the newest deadline first. */
export function listEditions(db: Db): Promise<Edition[]> {
	return db.select().from(editionTable).orderBy(desc(editionTable.applicationDeadline));
}

/** Every edition with how many confirmed nominations and submitted applications it has. */
export function listEditionsWithCounts(db: Db) {
	return db
		.select({
			edition: editionTable,
			nominations: sql<number>`(select count(*) from nomination n where n.edition_id = "edition"."id" and n.verified_at is not null)`,
			submitted: sql<number>`(select count(*) from application a where a.edition_id = "edition"."id" and a.status = 'submitted')`,
		})
		.from(editionTable)
		.orderBy(desc(editionTable.applicationDeadline));
}

/** The edition behind an address, or null. */
export async function findEditionBySlug(db: Db, slug: string): Promise<Edition | null> {
	return findRow(db, editionTable, eq(editionTable.slug, slug));
}

/** The edition with this id, or null. */
export async function findEdition(db: Db, id: string): Promise<Edition | null> {
	return findRow(db, editionTable, eq(editionTable.id, id));
}

/** Refuses anything done to a call after its deadline, saying when it closed. */
export function assertCallOpen(edition: Edition, now = Date.now()): void {
	if (!callIsOpen(edition.applicationDeadline, now))
		throw new RuleError(
			'conflict',
			`The call for the ${edition.name} edition closed on ${formatDeadline(edition.applicationDeadline)}: nominations and applications are no longer accepted.`,
		);
}

/** The next edition from the latest one: dates and years in its texts a year later, no cohort yet. */
export async function createNextEdition(db: Db, actorId: string, fromId: string, now = Date.now()) {
	const [latest] = await listEditions(db);
	const from = await findEdition(db, fromId);
	if (!from) throw notFound('edition');
	if (latest && latest.id !== from.id)
		throw new RuleError(
			'conflict',
			`Only the latest edition (${latest.name}) can be copied: the ${from.name} edition already has a successor.`,
		);
	const name = shiftYears(from.name);
	if (name === from.name)
		throw new RuleError('invalid', `The name “${from.name}” has no year to move on by one.`);
	const next = {
		id: newId(),
		name,
		slug: editionSlug(name),
		applicationDeadline: shiftDay(from.applicationDeadline),
		originalDeadline: null,
		selectionPeriod: shiftYears(from.selectionPeriod),
		programmePeriod: shiftYears(from.programmePeriod),
		venue: from.venue,
		language: from.language,
		cohortId: null,
	};
	return db.transaction(async (tx) => {
		const [row] = await tx.insert(editionTable).values(next).returning();
		await recordAudit(
			tx,
			{
				actorId,
				action: 'edition.create',
				subjectType: 'edition',
				subjectId: row!.id,
				details: { from: from.name },
			},
			now,
		);
		return row!;
	});
}

/** Moves one call's deadline later (never earlier: people may be counting on it). */
export async function extendDeadline(
	db: Db,
	actorId: string,
	id: string,
	deadline: string,
	now = Date.now(),
) {
	const edition = await findEdition(db, id);
	if (!edition) throw notFound('edition');
	if (!isDay(deadline))
		throw new RuleError('invalid', 'Enter the new deadline as a date.', 'deadline');
	if (deadline <= edition.applicationDeadline)
		throw new RuleError(
			'invalid',
			`Choose a day after the current deadline (${formatDeadline(edition.applicationDeadline)}): a deadline can only be extended.`,
			'deadline',
		);
	if (!callIsOpen(deadline, now))
		throw new RuleError('invalid', 'Choose a day that is still to come.', 'deadline');
	await db.transaction(async (tx) => {
		await tx
			.update(editionTable)
			.set({
				applicationDeadline: deadline,
				originalDeadline: edition.originalDeadline ?? edition.applicationDeadline,
			})
			.where(eq(editionTable.id, id));
		await recordAudit(
			tx,
			{
				actorId,
				action: 'edition.extend',
				subjectType: 'edition',
				subjectId: id,
				details: { from: edition.applicationDeadline, to: deadline },
			},
			now,
		);
	});
	return { ...edition, applicationDeadline: deadline };
}
