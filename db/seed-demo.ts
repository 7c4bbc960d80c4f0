/**
 * The demo cohort: fictional people, administrations and records, dated around today so
 * every screen looks like a programme in its third OJT week. Everything here is invented.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hash } from '@node-rs/argon2';
import { linkLegacyAdministrations } from './administrations';
import type { Db } from './client';
import {
	checklistItemTable,
	cohortMemberTable,
	cohortTable,
	moduleProgressTable,
	quizAttemptTable,
	userTable,
} from './schema';

/** Demo sign-ins (all share one password). */
export const demoAccounts = {
	admin: { email: 'admin@demo.test', name: 'Aiko Tanaka (demo admin)' },
	mentor: { email: 'mentor@demo.test', name: 'Kenji Morita (demo mentor)' },
	participants: [
		{
			email: 'participant1@demo.test',
			name: 'Mara Santos',
			administration: 'Customs Service of Aldoria (fictional)',
		},
		{
			email: 'participant2@demo.test',
			name: 'Tevita Lolo',
			administration: 'Kestrel Islands Customs (fictional)',
		},
		{
			email: 'participant3@demo.test',
			name: 'Nguyen Thi Lan',
			administration: 'Maravia Customs Department (fictional)',
		},
		{
			email: 'participant4@demo.test',
			name: 'Arjun Mehta',
			administration: 'Lumeria Customs and Excise (fictional)',
		},
	],
} as const;

const dayMs = 86_400_000;
/** 'YYYY-MM-DD' of today + n days (UTC is close enough for a demo). */
function day(n: number, today = Date.now()): string {
	return new Date(today + n * dayMs).toISOString().slice(0, 10);
}

/** Module ids from the content folder (db/ does not import the site's content layer). */
function moduleIds(): string[] {
	const dir = fileURLToPath(new URL('../content/modules', import.meta.url));
	return readdirSync(dir)
		.filter((f) => f.endsWith('.mdx'))
		.map((f) => f.slice(0, -4))
		.sort();
}

/** Ids of everything the seed created, for later seed steps. */
export type DemoIds = {
	cohortId: string;
	adminId: string;
	mentorId: string;
	participantIds: string[];
	ojtStart: string;
	/** The shared demo password's hash, for later seed steps that add accounts. */
	passwordHash: string;
};

/** Fills an empty, migrated database with the demo cohort. */
export async function seedDemo(db: Db, password: string): Promise<DemoIds> {
	const passwordHash = await hash(password, {
		memoryCost: 19456,
		timeCost: 2,
		parallelism: 1,
		outputLen: 32,
	});
	const ojtStart = day(-14);
	const cohortId = 'democohort01';
	await db.insert(cohortTable).values({
		id: cohortId,
		edition: 'Demo edition',
		timezone: 'Asia/Tokyo',
		trainingStart: day(-21),
		trainingEnd: day(-17),
		ojtStart,
		ojtEnd: day(6),
		outlinePresentationDate: day(5),
		departureDate: day(7),
		reportDueDate: day(21),
		correctionsUntil: day(37),
	});
	const user = (
		id: string,
		a: { email: string; name: string },
		role: 'admin' | 'mentor' | 'participant',
	) => ({ id, email: a.email, name: a.name, role, passwordHash });
	await db
		.insert(userTable)
		.values([
			user('demoadmin001', demoAccounts.admin, 'admin'),
			user('demomentor01', demoAccounts.mentor, 'mentor'),
		]);
	await db.insert(cohortMemberTable).values({ cohortId, userId: 'demomentor01', role: 'mentor' });
	const participantIds: string[] = [];
	for (const [i, p] of demoAccounts.participants.entries()) {
		const id = `demopart000${i + 1}`;
		participantIds.push(id);
		await db.insert(userTable).values(user(id, p, 'participant'));
		await db
			.insert(cohortMemberTable)
			.values({ cohortId, userId: id, role: 'participant', administration: p.administration });
	}
	// The demo's fictional administrations become records the way older free-text data does.
	await linkLegacyAdministrations(db);
	await seedProgress(db, participantIds);
	return {
		cohortId,
		adminId: 'demoadmin001',
		mentorId: 'demomentor01',
		participantIds,
		ojtStart,
		passwordHash,
	};
}

/** Realistic curriculum progress: most modules done by most, a few quiz retries, checklists. */
async function seedProgress(db: Db, participantIds: string[]) {
	const modules = moduleIds();
	const checklistKeys = ['passport', 'visa', 'enrolment-letter', 'insurance', 'itinerary'];
	for (const [p, userId] of participantIds.entries()) {
		const done = modules.slice(0, modules.length - p * 3);
		for (const [i, moduleId] of done.entries()) {
			const at = new Date(Date.now() - (20 - (i % 5)) * dayMs);
			await db.insert(moduleProgressTable).values({ userId, moduleId, completedAt: at });
			const score = 6 - ((i + p) % 3);
			await db.insert(quizAttemptTable).values({
				id: `demoquiz${p}${i}`,
				userId,
				moduleId,
				answers: [],
				score,
				total: 6,
				first: true,
				passed: score >= 5,
				durationSeconds: 240 + i * 7,
				createdAt: at,
			});
			// A failed first attempt is retried the next day and passed: the matrix shows both.
			if (score < 5)
				await db.insert(quizAttemptTable).values({
					id: `demoquizr${p}${i}`,
					userId,
					moduleId,
					answers: [],
					score: 6,
					total: 6,
					first: false,
					passed: true,
					durationSeconds: 200 + i * 5,
					createdAt: new Date(at.getTime() + dayMs),
				});
		}
		for (const key of checklistKeys.slice(0, 5 - (p % 3)))
			await db
				.insert(checklistItemTable)
				.values({ userId, itemKey: key, doneAt: new Date(Date.now() - 30 * dayMs) });
	}
}
