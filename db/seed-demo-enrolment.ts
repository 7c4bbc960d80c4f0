/**
 * Enrolment in the demo: an enrolment letter for each of the four participants, the charter's
 * admin matters partly recorded, and a past edition (2025/2026, archived) whose fictional
 * alumni have accounts; two are listed in the alumni directory, the third can try joining.
 * Everything here is invented. Idempotent: fixed ids, and a second run changes nothing.
 */
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from './client';
import {
	adminMatterTable,
	administrationTable,
	alumniEntryTable,
	cohortMemberTable,
	cohortTable,
	enrolmentLetterTable,
	studyTable,
	userTable,
} from './schema';
import type { DemoIds } from './seed-demo';

/** Sign-ins of the past edition's fictional participants (the demo password). */
export const alumniAccounts = [
	{
		id: 'demoalum0001',
		email: 'alumni1@demo.test',
		name: 'Leilani Kahale',
		administration: { id: 'demo-adm-orvania', name: 'Orvania Customs (fictional)' },
		topic: 'Alerts on cocaine concealed in reefer containers',
		contact: 'leilani.kahale@orvania-customs.example',
	},
	{
		id: 'demoalum0002',
		email: 'alumni2@demo.test',
		name: 'Daniyar Sultanov',
		administration: { id: 'demo-adm-tarvos', name: 'Tarvos Customs Administration (fictional)' },
		topic: 'Postal consignments of new psychoactive substances',
		contact: 'd.sultanov@tarvos-customs.example',
	},
	{
		id: 'demoalum0003',
		email: 'alumni3@demo.test',
		name: 'Mere Tautahi',
		administration: {
			id: 'demo-adm-serenity',
			name: 'Serenity Islands Customs Service (fictional)',
		},
		topic: 'Undervalued tobacco shipments through transhipment hubs',
		contact: null,
	},
] as const;

const pastCohortId = 'democohort2025';

/** The letter code a demo letter gets (random, like a real one: `src/lib/verify/code.ts`; kept on later runs). */
function code(): string {
	const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
	return 'E' + Array.from(randomBytes(15), (b) => alphabet[b & 31]).join('');
}

/** Adds letters, admin matters and the past edition's alumni to a seeded demo database. */
export async function seedDemoEnrolment(db: Db, ids: DemoIds) {
	await seedLetters(db, ids);
	await seedMatters(db, ids);
	await seedAlumni(db, ids);
}

async function seedLetters(db: Db, ids: DemoIds) {
	const issuedAt = new Date(Date.now() - 60 * 86_400_000);
	for (const participantId of ids.participantIds) {
		const [existing] = await db
			.select({ code: enrolmentLetterTable.code })
			.from(enrolmentLetterTable)
			.where(
				and(
					eq(enrolmentLetterTable.participantId, participantId),
					eq(enrolmentLetterTable.cohortId, ids.cohortId),
				),
			);
		if (existing) continue;
		await db.insert(enrolmentLetterTable).values({
			code: code(),
			participantId,
			cohortId: ids.cohortId,
			issuedAt,
			issuedBy: ids.adminId,
		});
	}
}

const dayOf = (offset: number) =>
	new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function seedMatters(db: Db, ids: DemoIds) {
	const [p1, p2, p3] = ids.participantIds;
	const rows = [
		{
			participantId: p1!,
			allowancePaidOn: dayOf(-20),
			ticketItinerary:
				'Outbound: Aldoria International (fictional) → Tokyo Haneda, economy, arriving the day before the training week.\nReturn: Tokyo Haneda → Aldoria International, economy, on the departure date.',
			insuranceConfirmedOn: dayOf(-40),
			visaStatus: 'obtained' as const,
			visaObtainedOn: dayOf(-35),
		},
		{
			participantId: p2!,
			allowancePaidOn: null,
			ticketItinerary: 'Outbound and return via a fictional hub, economy; dates as the programme.',
			insuranceConfirmedOn: dayOf(-30),
			visaStatus: 'not_needed' as const,
			visaObtainedOn: null,
		},
		{
			participantId: p3!,
			allowancePaidOn: null,
			ticketItinerary: '',
			insuranceConfirmedOn: dayOf(-25),
			visaStatus: 'pending' as const,
			visaObtainedOn: null,
		},
	];
	for (const row of rows)
		await db
			.insert(adminMatterTable)
			.values({ ...row, cohortId: ids.cohortId, updatedAt: new Date(), updatedBy: ids.adminId })
			.onConflictDoNothing();
}

async function seedAlumni(db: Db, ids: DemoIds) {
	// Last year's edition: a Monday late in November, like the charter's calendar.
	const year = new Date().getUTCFullYear() - 1;
	const start = new Date(Date.UTC(year, 10, 24));
	start.setUTCDate(start.getUTCDate() + ((8 - start.getUTCDay()) % 7));
	const day = (n: number) => new Date(start.getTime() + n * 86_400_000).toISOString().slice(0, 10);
	await db
		.insert(cohortTable)
		.values({
			id: pastCohortId,
			edition: `${year}/${year + 1}`,
			timezone: 'Asia/Tokyo',
			trainingStart: day(0),
			trainingEnd: day(4),
			ojtStart: day(7),
			ojtEnd: day(25),
			outlinePresentationDate: day(24),
			departureDate: day(26),
			reportDueDate: day(40),
			correctionsUntil: day(57),
			archivedAt: new Date(Date.UTC(year + 1, 1, 15)),
		})
		.onConflictDoNothing();
	for (const a of alumniAccounts) {
		await db
			.insert(administrationTable)
			.values({ ...a.administration, nameKey: a.administration.name.toLowerCase() })
			.onConflictDoNothing();
		await db
			.insert(userTable)
			.values({
				id: a.id,
				email: a.email,
				name: a.name,
				role: 'participant',
				passwordHash: ids.passwordHash,
			})
			.onConflictDoNothing();
		await db
			.insert(cohortMemberTable)
			.values({
				cohortId: pastCohortId,
				userId: a.id,
				role: 'participant',
				administration: a.administration.name,
				administrationId: a.administration.id,
			})
			.onConflictDoNothing();
		await db
			.insert(studyTable)
			.values({ participantId: a.id, title: a.topic, updatedAt: new Date() })
			.onConflictDoNothing();
		if (a.contact)
			await db
				.insert(alumniEntryTable)
				.values({
					userId: a.id,
					cohortId: pastCohortId,
					contact: a.contact,
					updatedAt: new Date(),
				})
				.onConflictDoNothing();
	}
}
