/**
 * Practice CENcomm-style messages: a participant drafts, edits and submits; a mentor of their
 * cohort approves or requests changes with a comment, like a log entry. Every decision is kept.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
	cenMessageReviewTable,
	cenMessageTable,
	cenSeizureTable,
	userTable,
	type CenMessage,
	type CenMessageKind,
	type EntryStatus,
} from '~db/schema';
import { findVisibleParticipant } from '../access';
import { recordAudit } from '../audit';
import { notFound, RuleError } from '../errors';
import { newId } from '../ids';
import { mentorsOf } from '../logbook/entry';
import { notify } from '../notify/notification';
import { insertedFirst, insertedLast } from '../row-order';
import type { SessionUser } from '../auth/session';
import { checkMessage, kindLabels, shownFor, type MessageForm } from './message-rules';
import { findRow, ownRow } from '../find-row';

const textFields = [
	'subject',
	'recipientGroup',
	'indicators',
	'modusOperandi',
	'routes',
	'riskIndicators',
	'requestedAction',
	'inReplyTo',
	'result',
	'basis',
] as const;

/** Validates a form for its type and returns the columns to store (fields the type does not use are emptied). */
async function toColumns(db: Db, participantId: string, f: MessageForm) {
	const [field, message] = Object.entries(checkMessage(f))[0] ?? [];
	if (field) throw new RuleError('invalid', message!, field);
	const kind = f.kind as CenMessageKind;
	const shown = new Set<string>(['subject', 'recipientGroup', ...shownFor[kind]]);
	const texts = Object.fromEntries(
		textFields.map((n) => [n, shown.has(n) ? f[n].trim() : '']),
	) as Record<(typeof textFields)[number], string>;
	let seizureId: string | null = null;
	if (kind === 'seizure') {
		const [own] = await db
			.select({ id: cenSeizureTable.id })
			.from(cenSeizureTable)
			.where(
				and(eq(cenSeizureTable.id, f.seizureId), eq(cenSeizureTable.participantId, participantId)),
			);
		if (!own)
			throw new RuleError('invalid', 'Choose one of your practice seizure records.', 'seizureId');
		seizureId = own.id;
	}
	return { kind, ...texts, seizureId, handling: f.handling as 'restricted' | 'unrestricted' };
}

function assertParticipant(user: SessionUser) {
	if (user.role !== 'participant')
		throw new RuleError('forbidden', 'Only participants draft practice messages.');
}

/** Starts a draft message. */
export async function createMessage(
	db: Db,
	participant: SessionUser,
	form: MessageForm,
): Promise<CenMessage> {
	assertParticipant(participant);
	const columns = await toColumns(db, participant.id, form);
	const [row] = await db
		.insert(cenMessageTable)
		.values({ id: newId(), participantId: participant.id, ...columns, updatedAt: new Date() })
		.returning();
	await recordAudit(db, {
		actorId: participant.id,
		action: 'cen_message.create',
		subjectType: 'cen_message',
		subjectId: row!.id,
	});
	return row!;
}

/** The participant's own message, or a 404 for anyone else's. */
async function ownMessage(db: Db, participant: SessionUser, id: string): Promise<CenMessage> {
	return ownRow(db, cenMessageTable, participant.id, id, 'message');
}

const editable: EntryStatus[] = ['draft', 'changes_requested'];

/** Moves a message on at the version the person saw, or refuses (someone changed it first). */
async function moveOn(db: Db, m: CenMessage, version: number, set: Partial<CenMessage>) {
	const [row] = await db
		.update(cenMessageTable)
		.set({ ...set, version: m.version + 1, updatedAt: new Date() })
		.where(and(eq(cenMessageTable.id, m.id), eq(cenMessageTable.version, version)))
		.returning();
	if (!row)
		throw new RuleError(
			'conflict',
			'This message changed since you opened it (another tab, or a mentor’s decision). Reload to see the latest version.',
		);
	return row;
}

/** Saves changes to a draft, or to a message sent back for changes. */
export async function updateMessage(
	db: Db,
	participant: SessionUser,
	id: string,
	version: number,
	form: MessageForm,
): Promise<CenMessage> {
	const m = await ownMessage(db, participant, id);
	if (!editable.includes(m.status))
		throw new RuleError(
			'forbidden',
			'Only a draft or a message sent back for changes can be edited.',
		);
	return moveOn(db, m, version, await toColumns(db, participant.id, { ...form, kind: m.kind }));
}

/** Sends a message to the participant's mentors for review. */
export async function submitMessage(db: Db, participant: SessionUser, id: string, version: number) {
	const m = await ownMessage(db, participant, id);
	if (!editable.includes(m.status))
		throw new RuleError('conflict', 'This message is already submitted.');
	const row = await moveOn(db, m, version, { status: 'submitted', submittedAt: new Date() });
	await recordAudit(db, {
		actorId: participant.id,
		action: 'cen_message.submit',
		subjectType: 'cen_message',
		subjectId: id,
	});
	await notify(
		db,
		await mentorsOf(db, participant.id),
		`${participant.name} submitted a practice ${kindLabels[m.kind].toLowerCase()} for review.`,
		`/cen/messages/${id}`,
	);
	return row;
}

/** A mentor's decision: approve, or request changes saying what to change. */
export async function decideMessage(
	db: Db,
	mentor: SessionUser,
	id: string,
	decision: 'approved' | 'changes_requested',
	comment: string,
): Promise<CenMessage> {
	if (mentor.role !== 'mentor') throw new RuleError('forbidden', 'Only mentors review messages.');
	const m = await findMessageForViewer(db, mentor, id);
	if (!m) throw notFound('message');
	if (m.status !== 'submitted')
		throw new RuleError(
			'conflict',
			'Only a submitted message can be reviewed; this one is not waiting.',
		);
	if (decision === 'changes_requested' && !comment.trim())
		throw new RuleError(
			'invalid',
			'Say what should change, so the participant knows what to do.',
			'comment',
		);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(cenMessageTable)
			.set({ status: decision, version: m.version + 1, updatedAt: new Date() })
			.where(and(eq(cenMessageTable.id, id), eq(cenMessageTable.version, m.version)))
			.returning();
		if (!row)
			throw new RuleError('conflict', 'The message changed meanwhile. Reload and decide again.');
		await tx.insert(cenMessageReviewTable).values({
			id: newId(),
			messageId: id,
			mentorId: mentor.id,
			decision,
			comment: comment.trim(),
		});
		await recordAudit(tx, {
			actorId: mentor.id,
			action: `cen_message.${decision}`,
			subjectType: 'cen_message',
			subjectId: id,
		});
		// The notification names the type only: the subject may be restricted.
		const said = decision === 'approved' ? 'approved' : 'asked for changes to';
		await notify(
			tx,
			[m.participantId],
			`${mentor.name} ${said} your practice ${kindLabels[m.kind].toLowerCase()}.`,
			`/cen/messages/${id}`,
		);
		return row;
	});
}

/** A message the viewer may see, or null (callers answer 404). */
export async function findMessageForViewer(
	db: Db,
	viewer: SessionUser,
	id: string,
): Promise<CenMessage | null> {
	const row = await findRow(db, cenMessageTable, eq(cenMessageTable.id, id));
	if (!row) return null;
	return (await findVisibleParticipant(db, viewer, row.participantId)) ? row : null;
}

/** A participant's messages, newest first. */
export function listMessages(db: Db, participantId: string) {
	return db
		.select()
		.from(cenMessageTable)
		.where(eq(cenMessageTable.participantId, participantId))
		.orderBy(desc(cenMessageTable.createdAt), insertedLast(cenMessageTable));
}

/** A message's review decisions, oldest first, with the mentor's name. */
export function listMessageReviews(db: Db, messageId: string) {
	return db
		.select({ review: cenMessageReviewTable, mentorName: userTable.name })
		.from(cenMessageReviewTable)
		.innerJoin(userTable, eq(userTable.id, cenMessageReviewTable.mentorId))
		.where(eq(cenMessageReviewTable.messageId, messageId))
		.orderBy(asc(cenMessageReviewTable.createdAt), insertedFirst(cenMessageReviewTable));
}
