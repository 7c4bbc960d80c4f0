/**
 * The nominating contacts and official email domains the programme office keeps per Member
 * administration (admins change them, the WCO Secretariat reads them), and what screening needs
 * from them: whether a nomination came from an official address, and the administration's other
 * nominations for the edition.
 */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '~db/client';
import { administrationTable, nominatingContactTable, nominationTable } from '~db/schema';
import {
	contactProblem,
	isOfficialAddress,
	normaliseContact,
} from '~/lib/office/nominating-contacts';
import { recordAudit } from '../audit';
import { findAdministration } from '../cohort/administration';
import { notFound, RuleError } from '../errors';
import { assertApplicationReader } from './access';

/** Every kept contact with its administration's name, by administration then contact. */
export async function listNominatingContacts(db: Db, reader: { role: string }) {
	assertApplicationReader(reader);
	return db
		.select({
			administrationId: nominatingContactTable.administrationId,
			administration: administrationTable.name,
			contact: nominatingContactTable.contact,
			createdAt: nominatingContactTable.createdAt,
		})
		.from(nominatingContactTable)
		.innerJoin(
			administrationTable,
			eq(administrationTable.id, nominatingContactTable.administrationId),
		)
		.orderBy(asc(administrationTable.name), asc(nominatingContactTable.contact));
}

/** Adds an address or a domain to an administration's contacts (admins), audited. */
export async function addNominatingContact(
	db: Db,
	actor: { id: string; role: string },
	input: { administrationId: string; contact: string },
	now = Date.now(),
) {
	if (actor.role !== 'admin')
		throw new RuleError('forbidden', 'Only an admin of the programme office keeps the contacts.');
	const administration = await findAdministration(db, input.administrationId);
	if (!administration)
		throw new RuleError('invalid', 'Choose an administration from the list.', 'administrationId');
	const contact = normaliseContact(input.contact);
	const problem = contactProblem(contact);
	if (problem) throw new RuleError('invalid', problem, 'contact');
	await db.transaction(async (tx) => {
		const added = await tx
			.insert(nominatingContactTable)
			.values({
				administrationId: administration.id,
				contact,
				addedById: actor.id,
				createdAt: new Date(now),
			})
			.onConflictDoNothing()
			.returning();
		if (!added.length)
			throw new RuleError(
				'conflict',
				`${contact} is already a nominating contact of ${administration.name}.`,
				'contact',
			);
		await recordAudit(
			tx,
			{
				actorId: actor.id,
				action: 'nominating_contact.add',
				subjectType: 'administration',
				subjectId: administration.id,
				details: { contact },
			},
			now,
		);
	});
	return { name: `${contact} (${administration.name})` };
}

/** Removes one of an administration's contacts (admins), audited. */
export async function removeNominatingContact(
	db: Db,
	actor: { id: string; role: string },
	input: { administrationId: string; contact: string },
	now = Date.now(),
) {
	if (actor.role !== 'admin')
		throw new RuleError('forbidden', 'Only an admin of the programme office keeps the contacts.');
	const contact = normaliseContact(input.contact);
	await db.transaction(async (tx) => {
		const gone = await tx
			.delete(nominatingContactTable)
			.where(
				and(
					eq(nominatingContactTable.administrationId, input.administrationId),
					eq(nominatingContactTable.contact, contact),
				),
			)
			.returning();
		if (!gone.length) throw notFound('contact');
		await recordAudit(
			tx,
			{
				actorId: actor.id,
				action: 'nominating_contact.remove',
				subjectType: 'administration',
				subjectId: input.administrationId,
				details: { contact },
			},
			now,
		);
	});
	return { name: contact };
}

/** What screening needs about nominations, beyond the row: official address, other nominees. */
export type NominationContext = { officialAddress: boolean; otherNominees: string[] };

/** The context of each of these nominations, by nomination id. */
export async function nominationContexts(
	db: Db,
	nominations: { id: string; editionId: string; administrationId: string; officerEmail: string }[],
): Promise<Map<string, NominationContext>> {
	const out = new Map<string, NominationContext>();
	if (!nominations.length) return out;
	const admins = [...new Set(nominations.map((n) => n.administrationId))];
	const contacts = await db
		.select()
		.from(nominatingContactTable)
		.where(inArray(nominatingContactTable.administrationId, admins));
	const siblings = await db
		.select({
			id: nominationTable.id,
			editionId: nominationTable.editionId,
			administrationId: nominationTable.administrationId,
			candidateName: nominationTable.candidateName,
		})
		.from(nominationTable)
		.where(
			and(
				inArray(nominationTable.administrationId, admins),
				inArray(nominationTable.editionId, [...new Set(nominations.map((n) => n.editionId))]),
				isNotNull(nominationTable.verifiedAt),
			),
		);
	for (const n of nominations) {
		const kept = contacts
			.filter((c) => c.administrationId === n.administrationId)
			.map((c) => c.contact);
		out.set(n.id, {
			officialAddress: isOfficialAddress(n.officerEmail, kept),
			otherNominees: siblings
				.filter(
					(s) =>
						s.id !== n.id &&
						s.editionId === n.editionId &&
						s.administrationId === n.administrationId,
				)
				.map((s) => s.candidateName),
		});
	}
	return out;
}
