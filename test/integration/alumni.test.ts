import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEventTable, cohortTable, studyTable, userTable } from '~db/schema';
import { setCohortArchived } from '~/lib/server/cohort/manage';
import {
	alumniReaders,
	findOwnEntry,
	findPastCohort,
	joinAlumni,
	leaveAlumni,
	listAlumni,
	programmeEnded,
} from '~/lib/server/enrolment/alumni';
import { useTestDb } from '../helpers/db';
import { makeCohort, makeUser } from '../helpers/factories';
import { factoryMoments } from '../helpers/cohort-dates';

const t = useTestDb();

/** The test cohorts depart on 26 Dec 2026 (Tokyo). */
const { duringOjt: during, dayAfterDeparture: after } = factoryMoments;

async function setup() {
	const admin = await makeUser(t.db, 'admin');
	const { cohort, mentor, participants } = await makeCohort(t.db, admin, 2);
	return { admin, cohort, mentor, p1: participants[0]!, p2: participants[1]! };
}

describe('who is a past participant', () => {
	it('a cohort ends after its departure day (Tokyo) or when archived', async () => {
		const { admin, cohort, p1, mentor } = await setup();
		expect(programmeEnded(cohort, during)).toBe(false);
		expect(programmeEnded(cohort, new Date('2026-12-26T14:59:00Z'))).toBe(false);
		expect(programmeEnded(cohort, new Date('2026-12-26T15:00:00Z'))).toBe(true);
		expect(await findPastCohort(t.db, p1.id, during)).toBeNull();
		expect((await findPastCohort(t.db, p1.id, after))?.id).toBe(cohort.id);
		expect(await findPastCohort(t.db, mentor.id, after)).toBeNull();
		await setCohortArchived(t.db, admin.id, cohort.id, true);
		const [archived] = await t.db.select().from(cohortTable).where(eq(cohortTable.id, cohort.id));
		expect(programmeEnded(archived!, during)).toBe(true);
	});
});

describe('opting in and out', () => {
	it('a past participant is listed with name, administration, edition, topic and contact', async () => {
		const { cohort, p1 } = await setup();
		await t.db
			.insert(studyTable)
			.values({ participantId: p1.id, title: 'Alerts on reefer cocaine', updatedAt: after });
		expect(await joinAlumni(t.db, p1, '  me@customs.example ', after)).toBe('joined');
		expect(await listAlumni(t.db)).toEqual([
			{
				userId: p1.id,
				name: p1.name,
				administration: `Administration ${p1.id}`,
				edition: cohort.edition,
				topic: 'Alerts on reefer cocaine',
				contact: 'me@customs.example',
			},
		]);
		expect(await joinAlumni(t.db, p1, 'new@customs.example', after)).toBe('updated');
		expect((await listAlumni(t.db))[0]!.contact).toBe('new@customs.example');
		// Opting out removes the entry at once.
		expect(await leaveAlumni(t.db, p1)).toBe(true);
		expect(await listAlumni(t.db)).toEqual([]);
		expect(await findOwnEntry(t.db, p1.id)).toBeNull();
		expect(await leaveAlumni(t.db, p1)).toBe(false);
		const events = await t.db.select({ action: auditEventTable.action }).from(auditEventTable);
		expect(events.map((e) => e.action)).toEqual(
			expect.arrayContaining(['alumni.join', 'alumni.update', 'alumni.leave']),
		);
	});

	it('refuses current participants, other roles and contacts of the wrong length', async () => {
		const { p1, mentor } = await setup();
		const admin = await makeUser(t.db, 'admin');
		await expect(joinAlumni(t.db, p1, 'me@customs.example', during)).rejects.toMatchObject({
			code: 'forbidden',
		});
		for (const who of [mentor, admin])
			await expect(joinAlumni(t.db, who, 'me@customs.example', after)).rejects.toMatchObject({
				code: 'forbidden',
			});
		await expect(joinAlumni(t.db, p1, ' a ', after)).rejects.toMatchObject({ field: 'contact' });
		await expect(joinAlumni(t.db, p1, 'x'.repeat(201), after)).rejects.toMatchObject({
			field: 'contact',
		});
		expect(await listAlumni(t.db)).toEqual([]);
	});

	it('a disabled account is no longer listed', async () => {
		const { p1 } = await setup();
		await joinAlumni(t.db, p1, 'me@customs.example', after);
		await t.db.update(userTable).set({ disabledAt: after }).where(eq(userTable.id, p1.id));
		expect(await listAlumni(t.db)).toEqual([]);
	});

	it('is readable by every signed-in role of the programme (signed out is refused by the page guard)', () => {
		expect([...alumniReaders].sort()).toEqual(
			['admin', 'home', 'mentor', 'participant', 'secretariat'].sort(),
		);
	});
});
