/** The report: section edits (with autosave and history), structure, comments and lifecycle. */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import {
	confirmTick,
	optionalText,
	recordId,
	recordVersion,
	requiredDay,
	requiredText,
} from '~/lib/form-schemas';
import { getDb } from '~/lib/server/db';
import {
	addSection,
	deleteSection,
	moveSection,
	renameSection,
	restoreRevision,
	saveSection,
	SectionConflict,
} from '~/lib/server/report/working-copy';
import { draftReportFromLog } from '~/lib/server/report/draft-from-log';
import { insertMaterialIntoSection } from '~/lib/server/report/materials';
import { addReportComment, resolveReportComment } from '~/lib/server/report/comment';
import { markOutlinePresented } from '~/lib/server/report/outline';
import { submitVersion } from '~/lib/server/report/submit-version';
import { acceptVersion, returnForCorrections } from '~/lib/server/report/decide-version';
import { regenerateCalendarToken } from '~/lib/server/calendar';
import { asRole, asUser, requireRole, rethrow, run } from './guard';
import { emailNotifications } from './mailer';
import { doneAnswer, formAction, notifyingAction, recordAnswer } from './form-action';

const id = recordId();
const version = recordVersion();
const participantId = id;

export const report = {
	/** Saves a section. A conflict is an answer, not an error: it carries the saved text to show beside the typed one. */
	saveSection: defineAction({
		accept: 'form',
		input: z.object({
			id,
			version,
			outline: optionalText(50_000),
			notes: optionalText(50_000),
			autosave: z.boolean().optional(),
		}),
		handler: async (input, context) => {
			const user = requireRole(context, 'participant');
			try {
				const row = await saveSection(
					await getDb(),
					user,
					input.id,
					input.version,
					{ outline: input.outline, notes: input.notes },
					input.autosave ? 'autosave' : 'save',
				);
				return {
					ok: true as const,
					id: row.id,
					version: row.version,
					savedAt: row.updatedAt.toISOString(),
				};
			} catch (error) {
				if (!(error instanceof SectionConflict)) return rethrow(error);
				const c = error.current;
				return {
					ok: false as const,
					id: c.id,
					conflict: { version: c.version, outline: c.outline, notes: c.notes },
				};
			}
		},
	}),
	addSection: formAction(
		['participant'],
		z.object({ title: requiredText('Give the section a title.', 140, 2) }),
		(db, user, input) => addSection(db, user, input.title),
		(_, row) => ({ id: row.id }),
	),
	renameSection: formAction(
		['participant'],
		z.object({ id, title: requiredText('Give the section a title.', 140, 2) }),
		(db, user, input) => renameSection(db, user, input.id, input.title),
		recordAnswer,
	),
	moveSection: formAction(
		['participant'],
		z.object({ id, direction: z.enum(['up', 'down']) }),
		(db, user, input) => moveSection(db, user, input.id, input.direction),
		recordAnswer,
	),
	deleteSection: defineAction({
		accept: 'form',
		input: z.object({
			id,
			confirm: confirmTick(),
		}),
		handler: async (input, context) => {
			await asRole(context, ['participant'], (db, user) => deleteSection(db, user, input.id));
			return { deleted: true };
		},
	}),
	restore: formAction(
		['participant'],
		z.object({ id, fromVersion: z.number().int().min(1), version }),
		(db, user, input) => restoreRevision(db, user, input.id, input.fromVersion, input.version),
		recordAnswer,
	),
	/** Appends a reference block for one of the participant's materials to a section. */
	insertMaterial: formAction(
		['participant'],
		z.object({
			id,
			material: z
				.string({ error: 'Choose a material from your register.' })
				.min(1, { error: 'Choose a material from your register.' })
				.max(40),
		}),
		(db, user, input) => insertMaterialIntoSection(db, user, input.id, input.material),
		(_, row) => ({ id: row.id }),
	),
	draftFromLog: defineAction({
		accept: 'form',
		handler: async (_input, context) => {
			return asRole(context, ['participant'], (db, user) => draftReportFromLog(db, user));
		},
	}),
	comment: defineAction({
		accept: 'form',
		input: z.object({
			sectionId: id,
			quote: optionalText(2000),
			body: requiredText('Write a comment first.', 5000),
			parentId: optionalText(40),
		}),
		handler: async (input, context) => {
			await asUser(context, (db, user) =>
				addReportComment(db, user, { ...input, parentId: input.parentId || undefined }),
			);
			await emailNotifications(context.url);
			return { sectionId: input.sectionId };
		},
	}),
	resolveComment: defineAction({
		accept: 'form',
		input: z.object({ commentId: id }),
		handler: async (input, context) => {
			await asUser(context, (db, user) => resolveReportComment(db, user, input.commentId));
			return { done: true };
		},
	}),
	presented: defineAction({
		accept: 'form',
		input: z.object({ participantId, day: requiredDay('Enter the day of the presentation.') }),
		handler: async (input, context) => {
			await asUser(context, (db, user) =>
				markOutlinePresented(db, user, input.participantId, input.day),
			);
			return { done: true };
		},
	}),
	/** Freezes the working copy as the next numbered version, once the participant confirms. */
	submit: defineAction({
		accept: 'form',
		input: z.object({ confirm: confirmTick() }),
		handler: async (_input, context) => {
			const version = await asRole(context, ['participant'], (db, user) => submitVersion(db, user));
			await emailNotifications(context.url);
			return { number: version.number };
		},
	}),
	/** Returns the pending version, naming sections (by position) and what to correct in each. */
	requestCorrections: defineAction({
		accept: 'form',
		input: z.object({
			participantId,
			position: z.array(z.number().int().min(1)).max(100).optional(),
			correction: z
				.array(z.string().max(5000, { error: 'Use at most 5000 characters.' }))
				.max(100)
				.optional(),
			note: optionalText(5000),
		}),
		handler: async (input, context) => {
			const user = requireRole(context, 'mentor', 'admin', 'secretariat');
			const positions = input.position ?? [];
			const corrections = positions.map((position, i) => ({
				position,
				what: input.correction?.[i] ?? '',
			}));
			await run(async () =>
				returnForCorrections(await getDb(), user, input.participantId, {
					corrections,
					note: input.note,
				}),
			);
			await emailNotifications(context.url);
			return { done: true };
		},
	}),
	/** Accepts the pending version: closes the report and issues the certificate. */
	accept: notifyingAction(
		['mentor', 'admin'],
		z.object({ participantId, confirm: confirmTick() }),
		(db, user, input) => acceptVersion(db, user, input.participantId),
		doneAnswer,
	),
	calendarToken: defineAction({
		accept: 'form',
		handler: async (_input, context) => {
			// Not a write to the report: the feed stays available after the report is closed.
			const user = requireRole(context, 'participant');
			const token = await regenerateCalendarToken(await getDb(), user.id);
			return { token };
		},
	}),
};
