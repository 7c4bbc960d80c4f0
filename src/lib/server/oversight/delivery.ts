/**
 * Delivering the final report to the charter's three recipients: RILO A/P, the WCO Secretariat
 * and the participant's home administration. Every submitted version is delivered to all three;
 * each acknowledges receipt. A home administration without a contact account gets an expiring
 * link (one visit) that an admin sends by email; until it is opened the delivery is pending.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	recipients,
	reportDeliveryTable,
	reportVersionTable,
	userTable,
	type Cohort,
	type Recipient,
	type ReportDelivery,
	type ReportVersion,
} from '~db/schema';
import { todayIn } from '~/lib/dates';
import {
	exportFileName,
	exportRunningHead,
	exportSubtitle,
	exportTitle,
	sectionBody,
	type ExportMeta,
} from '~/lib/report/export';
import type { DocxReport } from '../report/docx';
import { recordAudit } from '../audit';
import { notFound, RuleError } from '../errors';
import { hashToken, newId, newToken } from '../ids';
import { mentorsOf } from '../logbook/entry';
import { notify } from '../notify/notification';
import { findOverseenParticipant, participantMembership } from './access';
import { activeAccountsWithRole, homeContactsOf } from './contacts';
import { confirmDelivery, confirmLateDelivery } from './delivery-receipt';
import { acceptanceOf, findVersion } from '../report/versions';
import type { SessionUser } from '../auth/session';
import { findRow } from '../find-row';

/** How long a delivery link stays valid before it is opened, and how long one visit lasts. */
export const deliveryLinkLifetimeMs = 14 * 24 * 60 * 60 * 1000;
export const deliveryVisitMs = 60 * 60 * 1000;

/** The recipient a signed-in person answers for, or null when they answer for none. */
export function recipientOf(viewer: SessionUser): Recipient | null {
	if (viewer.role === 'mentor' || viewer.role === 'admin') return 'rilo_ap';
	if (viewer.role === 'secretariat') return 'wco_secretariat';
	if (viewer.role === 'home') return 'home_administration';
	return null;
}

/** How each recipient is named on pages and in messages. */
export const recipientNames: Record<Recipient, string> = {
	rilo_ap: 'RILO A/P',
	wco_secretariat: 'WCO Secretariat',
	home_administration: 'Home administration',
};

type Tx = Pick<Db, 'select'>;

/** The accounts that receive a participant's report for a recipient (enabled accounts only). */
export async function recipientAccounts(
	db: Tx,
	participantId: string,
	recipient: Recipient,
): Promise<string[]> {
	if (recipient === 'rilo_ap') {
		const admins = await activeAccountsWithRole(db, 'admin');
		return [...new Set([...(await mentorsOf(db, participantId)), ...admins])];
	}
	if (recipient === 'wco_secretariat') return activeAccountsWithRole(db, 'secretariat');
	return homeContactsOf(db, participantId);
}

/**
 * Delivers a freshly submitted version to the three recipients: delivered now to every
 * recipient with an account (each is notified), pending for one without (admins are told).
 */
export async function deliverVersion(
	db: Db,
	version: Pick<ReportVersion, 'id' | 'number' | 'participantId'>,
	participantName: string,
	now = new Date(),
): Promise<void> {
	const pid = version.participantId;
	const what = `${participantName} submitted version ${version.number} of the final report`;
	for (const recipient of recipients) {
		const accounts = await recipientAccounts(db, pid, recipient);
		await db
			.insert(reportDeliveryTable)
			.values({
				id: newId(),
				versionId: version.id,
				recipient,
				deliveredAt: accounts.length ? now : null,
			})
			.onConflictDoNothing();
		if (recipient === 'rilo_ap') {
			await notify(db, accounts, `${what}. Read it and acknowledge receipt.`, `/report/${pid}`);
		} else if (accounts.length) {
			await notify(
				db,
				accounts,
				`${what}; it is delivered to you. Read it and acknowledge receipt.`,
				`/oversight/${pid}/report?version=${version.number}`,
			);
		} else {
			await notify(
				db,
				await recipientAccounts(db, pid, 'rilo_ap'),
				`Version ${version.number} of ${participantName}’s final report could not be delivered to the ${recipientNames[recipient]}: nobody there has an account yet. Send them a link.`,
				`/report/${pid}#delivery`,
			);
		}
	}
	await confirmDelivery(db, version, now);
}

/** A delivery with who acknowledged it. */
export type DeliveryRow = ReportDelivery & { acknowledgedByName: string | null };

/** The deliveries of some versions, in the charter's order of recipients. */
export async function listDeliveries(db: Db, versionIds: string[]): Promise<DeliveryRow[]> {
	if (!versionIds.length) return [];
	const rows = await db
		.select({ d: reportDeliveryTable, name: userTable.name })
		.from(reportDeliveryTable)
		.leftJoin(userTable, eq(userTable.id, reportDeliveryTable.acknowledgedBy))
		.where(inArray(reportDeliveryTable.versionId, versionIds))
		.orderBy(asc(reportDeliveryTable.createdAt));
	return rows
		.map((r) => ({ ...r.d, acknowledgedByName: r.name }))
		.sort((a, b) => recipients.indexOf(a.recipient) - recipients.indexOf(b.recipient));
}

/** Whether a delivery met the charter's clock (report due two weeks after departure); null while pending. */
export function deliveredOnTime(
	cohort: Pick<Cohort, 'reportDueDate' | 'timezone'> | null,
	deliveredAt: Date | null,
): boolean | null {
	if (!cohort || !deliveredAt) return null;
	return todayIn(cohort.timezone, deliveredAt) <= cohort.reportDueDate;
}

/** The version (by id) and its delivery to `viewer`'s recipient, when the viewer may see it. */
async function deliveryFor(db: Db, viewer: SessionUser, versionId: string) {
	const recipient = recipientOf(viewer);
	if (!recipient) throw new RuleError('forbidden', 'Only the report’s recipients acknowledge it.');
	const version = await findRow(db, reportVersionTable, eq(reportVersionTable.id, versionId));
	if (!version || !(await findOverseenParticipant(db, viewer, version.participantId)))
		throw notFound('report version');
	const delivery = await findRow(
		db,
		reportDeliveryTable,
		eq(reportDeliveryTable.versionId, versionId),
		eq(reportDeliveryTable.recipient, recipient),
	);
	return { version, delivery: delivery ?? null, recipient };
}

/** A recipient acknowledges receipt of a delivered version (once for their whole party). */
export async function acknowledgeDelivery(
	db: Db,
	viewer: SessionUser,
	versionId: string,
	now = new Date(),
): Promise<ReportDelivery> {
	const { version, delivery, recipient } = await deliveryFor(db, viewer, versionId);
	if (!delivery)
		throw new RuleError(
			'conflict',
			`Version ${version.number} was submitted before deliveries were recorded in the portal: there is nothing to acknowledge.`,
		);
	if (delivery.acknowledgedAt)
		throw new RuleError(
			'conflict',
			`The ${recipientNames[recipient]} already acknowledged version ${version.number}; nothing was changed.`,
		);
	const [row] = await db.transaction(async (tx) => {
		const rows = await tx
			.update(reportDeliveryTable)
			.set({
				acknowledgedAt: now,
				acknowledgedBy: viewer.id,
				deliveredAt: delivery.deliveredAt ?? now,
			})
			.where(
				and(eq(reportDeliveryTable.id, delivery.id), isNull(reportDeliveryTable.acknowledgedAt)),
			)
			.returning();
		if (!rows.length)
			throw new RuleError(
				'conflict',
				'Someone else acknowledged it meanwhile; nothing was changed.',
			);
		await recordAudit(tx, {
			actorId: viewer.id,
			action: 'report.delivery_acknowledge',
			subjectType: 'report_version',
			subjectId: version.id,
			details: { participant: version.participantId, number: version.number, recipient },
		});
		return rows;
	});
	await notify(
		db,
		[version.participantId],
		`The ${recipientNames[recipient]} acknowledged receipt of version ${version.number} of your final report.`,
		'/report#delivery',
	);
	return row!;
}

/**
 * An admin issues a link for a recipient that has no account (returns the token, shown once).
 * A newer link replaces an older one; the delivery stays pending until the link is opened.
 */
export async function issueDeliveryLink(
	db: Db,
	admin: SessionUser,
	deliveryId: string,
	email: string,
	now = new Date(),
): Promise<{ token: string; delivery: ReportDelivery; version: ReportVersion }> {
	if (admin.role !== 'admin')
		throw new RuleError('forbidden', 'Only an admin sends a report by link.');
	const [row] = await db
		.select({ d: reportDeliveryTable, v: reportVersionTable })
		.from(reportDeliveryTable)
		.innerJoin(reportVersionTable, eq(reportVersionTable.id, reportDeliveryTable.versionId))
		.where(eq(reportDeliveryTable.id, deliveryId));
	if (!row) throw notFound('delivery');
	if (row.d.deliveredAt)
		throw new RuleError(
			'conflict',
			`Version ${row.v.number} is already delivered to the ${recipientNames[row.d.recipient]}: no link is needed.`,
		);
	const token = newToken();
	const [delivery] = await db.transaction(async (tx) => {
		const rows = await tx
			.update(reportDeliveryTable)
			.set({
				linkTokenHash: hashToken(token),
				linkEmail: email.trim().toLowerCase(),
				linkExpiresAt: new Date(now.getTime() + deliveryLinkLifetimeMs),
				linkUsedAt: null,
			})
			.where(eq(reportDeliveryTable.id, deliveryId))
			.returning();
		await recordAudit(tx, {
			actorId: admin.id,
			action: 'report.delivery_link',
			subjectType: 'report_version',
			subjectId: row.v.id,
			details: { participant: row.v.participantId, recipient: row.d.recipient },
		});
		return rows;
	});
	return { token, delivery: delivery!, version: row.v };
}

/** Where a delivery link stands. */
export type LinkVisit =
	| { state: 'open'; delivery: ReportDelivery; version: ReportVersion }
	| { state: 'used' | 'expired' };

/**
 * Opens a delivery link: the first visit marks the version delivered and starts a one-hour
 * visit (to read, download and acknowledge); after that the link no longer works. Null = 404.
 */
export async function openDeliveryLink(
	db: Db,
	token: string,
	now = new Date(),
): Promise<LinkVisit | null> {
	if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
	const [row] = await db
		.select({ d: reportDeliveryTable, v: reportVersionTable })
		.from(reportDeliveryTable)
		.innerJoin(reportVersionTable, eq(reportVersionTable.id, reportDeliveryTable.versionId))
		.where(eq(reportDeliveryTable.linkTokenHash, hashToken(token)));
	if (!row) return null;
	const { d, v } = row;
	if (d.linkUsedAt) {
		if (now.getTime() - d.linkUsedAt.getTime() > deliveryVisitMs) return { state: 'used' };
		return { state: 'open', delivery: d, version: v };
	}
	if (!d.linkExpiresAt || d.linkExpiresAt.getTime() <= now.getTime()) return { state: 'expired' };
	const [opened] = await db
		.update(reportDeliveryTable)
		.set({ linkUsedAt: now, deliveredAt: d.deliveredAt ?? now })
		.where(and(eq(reportDeliveryTable.id, d.id), isNull(reportDeliveryTable.linkUsedAt)))
		.returning();
	if (!opened) return openDeliveryLink(db, token, now);
	if (!d.deliveredAt) await confirmLateDelivery(db, v, d.recipient, now);
	return { state: 'open', delivery: opened, version: v };
}

/** Acknowledges receipt through an open delivery link (within its one visit). */
export async function acknowledgeByLink(db: Db, token: string, now = new Date()): Promise<void> {
	const visit = await openDeliveryLink(db, token, now);
	if (!visit) throw notFound('delivery link');
	if (visit.state !== 'open')
		throw new RuleError(
			'conflict',
			visit.state === 'used'
				? 'This link has already been used. Ask the RILO A/P programme admin for a new one.'
				: 'This link has expired. Ask the RILO A/P programme admin for a new one.',
		);
	if (visit.delivery.acknowledgedAt)
		throw new RuleError('conflict', 'Receipt was already acknowledged; nothing was changed.');
	await db
		.update(reportDeliveryTable)
		.set({ acknowledgedAt: now })
		.where(eq(reportDeliveryTable.id, visit.delivery.id));
	await recordAudit(db, {
		actorId: null,
		action: 'report.delivery_acknowledge',
		subjectType: 'report_version',
		subjectId: visit.version.id,
		details: {
			participant: visit.version.participantId,
			recipient: visit.delivery.recipient,
			byLink: true,
		},
	});
	await notify(
		db,
		[visit.version.participantId],
		`The ${recipientNames[visit.delivery.recipient]} acknowledged receipt of version ${visit.version.number} of your final report.`,
		'/report#delivery',
	);
}

/** What a delivery link shows and downloads: the version's sections and a heading. */
export async function deliveryPack(db: Db, version: ReportVersion) {
	const full = (await findVersion(db, version.participantId, version.number))!;
	const [person] = await db
		.select({ name: userTable.name })
		.from(userTable)
		.where(eq(userTable.id, version.participantId));
	const membership = await participantMembership(db, version.participantId);
	const meta: ExportMeta = {
		name: person?.name ?? '',
		administration: membership?.administration ?? '',
		edition: membership?.cohort.edition ?? '',
		version: { number: full.number, submittedAt: full.submittedAt },
		accepted: await acceptanceOf(db, full),
		timeZone: membership?.cohort.timezone ?? 'Asia/Tokyo',
	};
	const docx: DocxReport = {
		title: exportTitle(meta, 'full'),
		subtitle: exportSubtitle(meta),
		sections: full.sections.map((s, i) => ({
			heading: `${i + 1}. ${s.title}`,
			markdown: sectionBody(s, 'full'),
		})),
		runningHead: exportRunningHead(meta, 'full'),
	};
	return {
		meta,
		sections: full.sections,
		docx,
		fileName: exportFileName(meta, 'full', 'docx'),
		timezone: meta.timeZone,
	};
}

/** Deliveries still pending (a recipient without an account), for the admin page, oldest first. */
export async function listPendingDeliveries(db: Db) {
	return db
		.select({
			id: reportDeliveryTable.id,
			recipient: reportDeliveryTable.recipient,
			linkEmail: reportDeliveryTable.linkEmail,
			linkExpiresAt: reportDeliveryTable.linkExpiresAt,
			number: reportVersionTable.number,
			participantId: reportVersionTable.participantId,
			name: userTable.name,
		})
		.from(reportDeliveryTable)
		.innerJoin(reportVersionTable, eq(reportVersionTable.id, reportDeliveryTable.versionId))
		.innerJoin(userTable, eq(userTable.id, reportVersionTable.participantId))
		.where(isNull(reportDeliveryTable.deliveredAt))
		.orderBy(asc(reportDeliveryTable.createdAt));
}
