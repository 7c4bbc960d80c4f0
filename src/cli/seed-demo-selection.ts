/**
 * The demo's selection for the closed 2026/2027 call: one screening override with its note,
 * every eligible candidate scored by the demo admin (RILO A/P) and the demo WCO Secretariat,
 * four candidates selected, the decision notices waiting in the outbox (the demo has no mail
 * server), and the offers answered: three of the selected accepted, Bolat Serik declined, and the
 * place went to the first of the reserve list, Arjun Mehta, who accepted — the four demo
 * participants. Runs after db/seed-demo-office.ts; idempotent.
 */
import { eq, like } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
	applicationTable,
	administrationTable,
	editionTable,
	mailOutboxTable,
	nominationTable,
	scoreSheetTable,
	screeningOverrideTable,
	selectionCandidateTable,
	decisionNoticeTable,
	offerTable,
	reviewAssignmentTable,
	reviewDeclarationTable,
	selectionTable,
	userTable,
} from '../../db/schema';
import { createHash, randomBytes } from 'node:crypto';
import { noticeSubject, noticeText } from '../lib/office/notice';
import { offerSubject, offerText } from '../lib/office/offer';
import { factors } from '../lib/office/rubric';

const editionId = 'demoedition2026';
const selectionId = 'demoselection2026';
const reviewers = { admin: 'demoadmin001', secretariat: 'demosecret01' };

/**
 * A second reviewer of the programme office, seconded from Kestrel Islands Customs: recused
 * automatically from Kestrel's candidate on the open call (never assigned to her).
 */
export const secondedReviewer = {
	id: 'demoadmin002',
	email: 'admin2@demo.test',
	name: 'Sione Vake (demo admin, seconded from Kestrel)',
};
const decidedAt = new Date(Date.UTC(2026, 8, 11, 2, 0));
const selected = ['demoapp01', 'demoapp02', 'demoapp03', 'demoapp08'];
/** The decline, and the reserve candidate who took the place. */
const declined = 'demoapp08';
const fromReserve = 'demoapp04';
const at = (day: number, hour = 2) => new Date(Date.UTC(2026, 8, day, hour, 0));

/**
 * Levels per factor by application, one digit a factor in the rubric's order: [admin's,
 * Secretariat's]. Digits keep the eight sheets readable side by side.
 */
const levels: Record<string, [string, string]> = {
	demoapp01: ['3344334', '3334334'],
	demoapp02: ['3343433', '3343334'],
	demoapp03: ['4433333', '4434233'],
	demoapp04: ['4333333', '4333433'],
	demoapp06: ['3233223', '3232233'],
	demoapp07: ['3223222', '3232222'],
	demoapp08: ['4332442', '4332432'],
	demoapp10: ['3233223', '3233222'],
};

const scoresOf = (digits: string) =>
	Object.fromEntries(factors.map((f, i) => [f.key, Number(digits[i])]));

/** Seeds the override, the sheets, the decision and its notices; adds nothing the second time. */
export async function seedDemoSelection(db: Db, retentionMonths = 6) {
	const [edition] = await db.select().from(editionTable).where(eq(editionTable.id, editionId));
	const people = await db.select({ id: userTable.id }).from(userTable);
	const has = (id: string) => people.some((p) => p.id === id);
	if (!edition || !has(reviewers.admin) || !has(reviewers.secretariat)) return;
	await seedSecondedReviewer(db);
	await seedOpenCallReview(db);
	const [done] = await db.select().from(selectionTable).where(eq(selectionTable.id, selectionId));
	if (done) return;
	await db
		.insert(screeningOverrideTable)
		.values({
			applicationId: 'demoapp06',
			checkKey: 'degree',
			verdict: 'met',
			note: 'The Customs Academy diploma is a three-year course; the administration confirmed it counts as a degree for promotion. Equivalent.',
			byId: reviewers.secretariat,
			at: new Date(Date.UTC(2026, 7, 20, 5, 0)),
		})
		.onConflictDoNothing();
	for (const [applicationId, [mine, theirs]] of Object.entries(levels))
		for (const [reviewerId, list, day] of [
			[reviewers.admin, mine, 24],
			[reviewers.secretariat, theirs, 27],
		] as const)
			await db
				.insert(scoreSheetTable)
				.values({
					id: `demosheet-${applicationId}-${reviewerId}`,
					applicationId,
					reviewerId,
					scores: scoresOf(list),
					comment:
						applicationId === 'demoapp08'
							? 'Very experienced; the programme targets junior officers.'
							: '',
					updatedAt: new Date(Date.UTC(2026, 7, day, 6, 0)),
					createdAt: new Date(Date.UTC(2026, 7, day, 6, 0)),
				})
				.onConflictDoNothing();
	// Both reviewers were assigned to every eligible candidate of the closed call.
	for (const applicationId of Object.keys(levels))
		for (const reviewerId of Object.values(reviewers))
			await db
				.insert(reviewAssignmentTable)
				.values({
					applicationId,
					reviewerId,
					assignedById: reviewers.admin,
					assignedAt: new Date(Date.UTC(2026, 7, 3, 2, 0)),
				})
				.onConflictDoNothing();
	await db.insert(selectionTable).values({
		id: selectionId,
		editionId,
		decidedAt,
		decidedById: reviewers.admin,
		officeConfirmedAt: decidedAt,
		officeConfirmedById: reviewers.admin,
		secretariatConfirmedAt: new Date(decidedAt.getTime() + 1_800_000),
		secretariatConfirmedById: reviewers.secretariat,
		noticesAt: new Date(decidedAt.getTime() + 3_600_000),
	});
	await db
		.insert(selectionCandidateTable)
		.values(selected.map((applicationId) => ({ selectionId, applicationId })))
		.onConflictDoNothing();
	await seedNotices(db, edition, retentionMonths);
	await seedOffers(db, edition);
}

/** The answers to the offers: three accepted, one declined and replaced from the reserve list. */
async function seedOffers(db: Db, edition: typeof editionTable.$inferSelect) {
	const token = () => createHash('sha256').update(randomBytes(20)).digest('hex');
	for (const applicationId of selected)
		await db
			.insert(offerTable)
			.values({
				applicationId,
				selectionId,
				state: applicationId === declined ? 'declined' : 'accepted',
				offeredAt: at(11, 3),
				replyBy: '2026-09-25',
				answeredAt: at(applicationId === declined ? 14 : 15),
				tokenHash: token(),
			})
			.onConflictDoNothing();
	await db
		.insert(offerTable)
		.values({
			applicationId: fromReserve,
			selectionId,
			state: 'accepted',
			fromReserve: true,
			offeredAt: at(14),
			replyBy: '2026-09-28',
			answeredAt: at(16),
			tokenHash: token(),
		})
		.onConflictDoNothing();
	await db
		.update(decisionNoticeTable)
		.set({ selected: true, sentAt: at(14) })
		.where(eq(decisionNoticeTable.applicationId, fromReserve));
	const [arjun] = await db
		.select({ email: nominationTable.candidateEmail })
		.from(nominationTable)
		.where(eq(nominationTable.id, 'demonom04'));
	if (!arjun) return;
	const facts = {
		candidateName: 'Arjun Mehta',
		edition: edition.name,
		programmePeriod: edition.programmePeriod,
		venue: edition.venue,
		replyBy: '2026-09-28',
		link: '(the link in this message was used; it is not kept)',
	};
	await db
		.insert(mailOutboxTable)
		.values({
			id: `demooffer-${fromReserve}`,
			to: arjun.email,
			subject: offerSubject(facts),
			text: offerText(facts),
			createdAt: at(14),
		})
		.onConflictDoNothing();
}

/** The seconded reviewer's account (the demo password, as the demo admin's) of Kestrel. */
async function seedSecondedReviewer(db: Db) {
	const [admin] = await db.select().from(userTable).where(eq(userTable.id, reviewers.admin));
	const [kestrel] = await db
		.select({ id: administrationTable.id })
		.from(administrationTable)
		.where(like(administrationTable.name, 'Kestrel%'));
	if (!admin || !kestrel) return;
	await db
		.insert(userTable)
		.values({
			...secondedReviewer,
			role: 'admin',
			administrationId: kestrel.id,
			passwordHash: admin.passwordHash,
		})
		.onConflictDoNothing();
}

/**
 * The open 2027/2028 call under review. Ilse Varga (Kestrel): the admin and the Secretariat were
 * assigned and disagree (19 and 8), flagged before ranking; the seconded reviewer, of Kestrel, is
 * recused automatically (never assigned). Rafael Ostrander: assigned to the admin (sheet not in)
 * and the Secretariat, who recused themself; the seconded reviewer was assigned too (sheet not in).
 */
async function seedOpenCallReview(db: Db) {
	const at = (day: number) => new Date(Date.now() - day * 86_400_000);
	const [seconded] = await db
		.select({ id: userTable.id })
		.from(userTable)
		.where(eq(userTable.id, secondedReviewer.id));
	for (const [applicationId, reviewerId] of [
		['demoapp2027a', reviewers.admin],
		['demoapp2027a', reviewers.secretariat],
		['demoapp2027b', reviewers.admin],
		['demoapp2027b', reviewers.secretariat],
		...(seconded ? ([['demoapp2027b', secondedReviewer.id]] as const) : []),
	] as const)
		await db
			.insert(reviewAssignmentTable)
			.values({ applicationId, reviewerId, assignedById: reviewers.admin, assignedAt: at(3) })
			.onConflictDoNothing();
	for (const [reviewerId, digits, day] of [
		[reviewers.admin, '3333322', 2],
		[reviewers.secretariat, '1111211', 1],
	] as const)
		await db
			.insert(scoreSheetTable)
			.values({
				id: `demosheet-demoapp2027a-${reviewerId}`,
				applicationId: 'demoapp2027a',
				reviewerId,
				scores: scoresOf(digits),
				comment:
					reviewerId === reviewers.admin
						? 'Solid analyst; clear motivation.'
						: 'Little analysis experience.',
				updatedAt: at(day),
				createdAt: at(day),
			})
			.onConflictDoNothing();
	for (const [applicationId, reviewerId, recused, note] of [
		['demoapp2027a', reviewers.admin, false, ''],
		['demoapp2027a', reviewers.secretariat, false, ''],
		[
			'demoapp2027b',
			reviewers.secretariat,
			true,
			'I supervised the candidate during a regional workshop last year (fictional).',
		],
	] as const)
		await db
			.insert(reviewDeclarationTable)
			.values({ applicationId, reviewerId, recused, note, at: at(1) })
			.onConflictDoNothing();
}

/** The decision notices, kept in the outbox as the portal does without a mail server. */
async function seedNotices(
	db: Db,
	edition: typeof editionTable.$inferSelect,
	retentionMonths: number,
) {
	const rows = await db
		.select({ a: applicationTable, n: nominationTable, adm: administrationTable.name })
		.from(applicationTable)
		.innerJoin(nominationTable, eq(nominationTable.id, applicationTable.nominationId))
		.innerJoin(administrationTable, eq(administrationTable.id, nominationTable.administrationId))
		.where(eq(applicationTable.editionId, edition.id));
	let kept = 0;
	for (const { a, n, adm } of rows) {
		if (a.status !== 'submitted') continue;
		const facts = {
			candidateName: n.candidateName,
			officerName: n.officerName,
			administration: adm,
			edition: edition.name,
			programmePeriod: edition.programmePeriod,
			venue: edition.venue,
			selected: selected.includes(a.id),
			decidedOn: '11 September 2026',
			retentionMonths,
			...(selected.includes(a.id) ? { replyBy: '2026-09-25' } : {}),
		};
		for (const [to, who] of [
			[n.candidateEmail, 'candidate'],
			[n.officerEmail, 'officer'],
		] as const) {
			await db
				.insert(mailOutboxTable)
				.values({
					id: `demonotice-${a.id}-${who}`,
					to,
					subject: noticeSubject(facts),
					text: noticeText(facts, who),
					createdAt: new Date(decidedAt.getTime() + 3_600_000),
				})
				.onConflictDoNothing();
			kept++;
		}
		await db
			.insert(decisionNoticeTable)
			.values({
				applicationId: a.id,
				selected: facts.selected,
				sentAt: new Date(decidedAt.getTime() + 3_600_000),
			})
			.onConflictDoNothing();
	}
	await db
		.update(selectionTable)
		.set({ noticesKept: kept })
		.where(eq(selectionTable.id, selectionId));
}
