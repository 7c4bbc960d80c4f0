/**
 * The charter's other parties in the demo: the WCO Secretariat and one home contact for each
 * participant's administration; the deliveries of the submitted reports with their
 * acknowledgements; and the three-party agreement on the study activities, in every state.
 * Fictional, and idempotent (fixed ids; a second run changes nothing).
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from './client';
import {
	activityAgreementTable,
	cohortMemberTable,
	reportDeliveryTable,
	userTable,
	type Recipient,
} from './schema';
import type { DemoIds } from './seed-demo';

/** Demo sign-ins of the Secretariat and the home contacts (home<n> is participant<n>'s administration). */
export const oversightAccounts = {
	secretariat: { email: 'secretariat@demo.test', name: 'Claire Dubois (demo WCO Secretariat)' },
	home: [
		{ email: 'home1@demo.test', name: 'Rafael Cruz (demo, Aldoria)' },
		{ email: 'home2@demo.test', name: 'Sione Havili (demo, Kestrel Islands)' },
		{ email: 'home3@demo.test', name: 'Pham Van Minh (demo, Maravia)' },
		{ email: 'home4@demo.test', name: 'Priya Nair (demo, Lumeria)' },
	],
} as const;

const dayMs = 86_400_000;
const at = (offset: number, hour = 10) => {
	const d = new Date(Date.now() + offset * dayMs);
	d.setUTCHours(hour - 9, 0, 0, 0);
	return d;
};

/** Adds the accounts, deliveries and agreements to a seeded demo database. */
export async function seedDemoOversight(db: Db, ids: DemoIds) {
	const { passwordHash } = ids;
	const secretariatId = 'demosecret01';
	await db
		.insert(userTable)
		.values({
			id: secretariatId,
			...oversightAccounts.secretariat,
			role: 'secretariat',
			passwordHash,
		})
		.onConflictDoNothing();
	const homeIds: string[] = [];
	for (const [i, account] of oversightAccounts.home.entries()) {
		const [member] = await db
			.select({ administrationId: cohortMemberTable.administrationId })
			.from(cohortMemberTable)
			.where(
				and(
					eq(cohortMemberTable.userId, ids.participantIds[i]!),
					eq(cohortMemberTable.cohortId, ids.cohortId),
				),
			);
		const id = `demohome000${i + 1}`;
		homeIds.push(id);
		await db
			.insert(userTable)
			.values({
				id,
				...account,
				role: 'home',
				administrationId: member?.administrationId ?? null,
				passwordHash,
			})
			.onConflictDoNothing();
	}
	await seedDeliveries(db, ids, secretariatId, homeIds);
	await seedAgreements(db, ids, homeIds);
}

/** The recipient in a demo delivery's id. */
const shortName: Record<Recipient, string> = {
	rilo_ap: 'rilo',
	wco_secretariat: 'wco',
	home_administration: 'home',
};

async function seedDeliveries(db: Db, ids: DemoIds, secretariatId: string, homeIds: string[]) {
	type Ack = { by: string; day: number } | null;
	const deliver = async (versionId: string, day: number, acks: Record<Recipient, Ack>) => {
		for (const recipient of ['rilo_ap', 'wco_secretariat', 'home_administration'] as const) {
			const ack = acks[recipient];
			await db
				.insert(reportDeliveryTable)
				.values({
					// Within the 40 characters an action accepts as a record id (recordId()).
					id: `demodelivery-${versionId}-${shortName[recipient]}`,
					versionId,
					recipient,
					deliveredAt: at(day),
					acknowledgedAt: ack ? at(ack.day, 14) : null,
					acknowledgedBy: ack?.by ?? null,
				})
				.onConflictDoNothing();
		}
	};
	// Participant 3: version 1 delivered to all three, acknowledged by RILO A/P and the Secretariat.
	await deliver('demoversion-2-1', -1, {
		rilo_ap: { by: ids.mentorId, day: -1 },
		wco_secretariat: { by: secretariatId, day: 0 },
		home_administration: null,
	});
	// Participant 4: version 1 (returned) and version 2 (accepted), each delivered and acknowledged.
	await deliver('demoversion-3-1', -3, {
		rilo_ap: { by: ids.mentorId, day: -3 },
		wco_secretariat: { by: secretariatId, day: -3 },
		home_administration: { by: homeIds[3]!, day: -2 },
	});
	await deliver('demoversion-3-2', -1, {
		rilo_ap: { by: ids.adminId, day: 0 },
		wco_secretariat: { by: secretariatId, day: 0 },
		home_administration: null,
	});
}

async function seedAgreements(db: Db, ids: DemoIds, homeIds: string[]) {
	type Answer = {
		party: 'participant' | 'rilo_ap' | 'home';
		decision: 'agreed' | 'change';
		comment?: string;
	};
	const answer = async (p: number, n: number, answers: Answer[]) => {
		for (const a of answers)
			await db
				.insert(activityAgreementTable)
				.values({
					activityId: `demoact-${p}-${n}`,
					party: a.party,
					userId:
						a.party === 'participant'
							? ids.participantIds[p]!
							: a.party === 'rilo_ap'
								? ids.mentorId
								: homeIds[p]!,
					decision: a.decision,
					comment: a.comment ?? '',
					decidedAt: at(-8 + n),
				})
				.onConflictDoNothing();
	};
	const all: Answer[] = [
		{ party: 'participant', decision: 'agreed' },
		{ party: 'rilo_ap', decision: 'agreed' },
		{ party: 'home', decision: 'agreed' },
	];
	// Participant 1: one activity agreed by all three, one waiting for the mentor and home.
	await answer(0, 1, all);
	await answer(0, 2, [{ party: 'participant', decision: 'agreed' }]);
	// Participant 2: the home administration asked for a change; the other waits for mentor and
	// home (proposing an activity is the participant's agreement).
	await answer(1, 1, [
		{ party: 'participant', decision: 'agreed' },
		{ party: 'rilo_ap', decision: 'agreed' },
		{
			party: 'home',
			decision: 'change',
			comment: 'Please limit the alert to postal shipments; our sea-cargo unit runs its own.',
		},
	]);
	await answer(1, 2, [{ party: 'participant', decision: 'agreed' }]);
	// Participants 3 and 4: both activities agreed; participant 3's second waits for home.
	await answer(2, 1, all);
	await answer(2, 2, all.slice(0, 2));
	await answer(3, 1, all);
	await answer(3, 2, all);
}
