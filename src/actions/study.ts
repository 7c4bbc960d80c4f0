/**
 * The thematic study: plan, findings, sources, milestones, paper sections, agreed activities
 * and comment threads. Every action answers `{ anchor }`: where on the page the change shows.
 */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { activityStatuses, reliabilities } from '~db/schema';
import {
	confirmTick,
	optionalText,
	recordId,
	recordVersion,
	requiredDay,
	requiredText,
} from '~/lib/form-schemas';
import { threadAnchor } from '~/lib/study/rules';
import { saveFindings, savePlan } from '~/lib/server/study/plan';
import { addSource, deleteSource, updateSource } from '~/lib/server/study/source';
import { addMilestone, deleteMilestone, setMilestoneDone } from '~/lib/server/study/milestone';
import {
	addSection,
	deleteSection,
	moveSection,
	renameSection,
	saveSectionBody,
} from '~/lib/server/study/paper';
import { addActivity, updateActivity } from '~/lib/server/study/activity';
import { answerActivity } from '~/lib/server/study/agreement';
import { addStudyComment, resolveStudyComment } from '~/lib/server/study/comment';
import type { Db } from '~db/client';
import type { SessionUser } from '~/lib/server/auth/session';
import { asUser } from './guard';
import { formAction } from './form-action';
import { emailNotifications } from './mailer';

const id = recordId();
/** Version 0 is a study never saved before. */
const version = recordVersion(0);
const confirm = confirmTick();

const link = optionalText(1000).refine((v) => v === '' || /^https?:\/\/\S+$/i.test(v), {
	error: 'Enter a web address starting with http:// or https://, or leave it empty.',
});

const sourceFields = z.object({
	citation: requiredText(
		'Give the citation: who published it, the title and the date (or how you know the source).',
		1000,
	),
	link,
	notes: optionalText(5000),
	reliability: z.enum(reliabilities, { error: 'Choose how reliable you judge the source.' }),
});

/**
 * A participant's change to their own study. Every study action answers `{ anchor }`, where on
 * the page the change shows: a fixed part, or one worked out from the input and the saved row.
 */
function studyEdit<S extends z.ZodType, T>(
	input: S,
	work: (db: Db, user: SessionUser, input: z.output<S>) => Promise<T>,
	anchor: string | ((input: z.output<S>, saved: T) => string),
) {
	return formAction(['participant'], input, async (db, user, parsed) => {
		const saved = await work(db, user, parsed);
		return { anchor: typeof anchor === 'string' ? anchor : anchor(parsed, saved) };
	});
}

const activityStatus = z.enum(activityStatuses, { error: 'Choose where the activity stands.' });
const sectionTitle = requiredText('Give the section a title.', 140);

export const study = {
	savePlan: studyEdit(
		z.object({
			version,
			title: requiredText('Give your study a title.', 200),
			question: requiredText('State your research question.', 2000),
			scope: optionalText(5000),
			method: optionalText(5000),
			expectedOutputs: optionalText(5000),
		}),
		(db, user, { version: v, ...plan }) => savePlan(db, user, v, plan),
		'plan',
	),
	saveFindings: studyEdit(
		z.object({ version, findings: optionalText(50_000) }),
		(db, user, input) => saveFindings(db, user, input.version, input.findings),
		'findings',
	),
	addSource: studyEdit(sourceFields, (db, user, input) => addSource(db, user, input), 'sources'),
	updateSource: studyEdit(
		sourceFields.extend({ id }),
		(db, user, { id: sourceId, ...input }) => updateSource(db, user, sourceId, input),
		'sources',
	),
	deleteSource: studyEdit(
		z.object({ id, confirm }),
		(db, user, input) => deleteSource(db, user, input.id),
		'sources',
	),
	addMilestone: studyEdit(
		z.object({
			title: requiredText('Say what the milestone is.', 200),
			dueDate: requiredDay('Enter the day it is due.'),
		}),
		(db, user, input) => addMilestone(db, user, input),
		'milestones',
	),
	setMilestoneDone: studyEdit(
		z.object({ id, done: z.boolean() }),
		(db, user, input) => setMilestoneDone(db, user, input.id, input.done),
		'milestones',
	),
	deleteMilestone: studyEdit(
		z.object({ id }),
		(db, user, input) => deleteMilestone(db, user, input.id),
		'milestones',
	),
	addActivity: studyEdit(
		z.object({
			what: requiredText('Say what the activity is.', 2000),
			agreedOn: requiredDay('Enter the day it was agreed.'),
			// Kept for activities recorded before the three-party agreement; no longer asked.
			agreedBy: optionalText(300),
			status: activityStatus,
			outcome: optionalText(5000),
		}),
		(db, user, input) => addActivity(db, user, input),
		'activities',
	),
	updateActivity: studyEdit(
		z.object({
			id,
			status: activityStatus,
			outcome: optionalText(5000),
			what: optionalText(2000),
		}),
		(db, user, { id: activityId, ...input }) => updateActivity(db, user, activityId, input),
		'activities',
	),
	addSection: studyEdit(
		z.object({ title: sectionTitle }),
		(db, user, input) => addSection(db, user, input.title),
		(_, row) => `section-${row.id}`,
	),
	renameSection: studyEdit(
		z.object({ id, title: sectionTitle }),
		(db, user, input) => renameSection(db, user, input.id, input.title),
		(input) => `section-${input.id}`,
	),
	saveSection: studyEdit(
		z.object({ id, version: recordVersion(), body: optionalText(100_000) }),
		(db, user, input) => saveSectionBody(db, user, input.id, input.version, input.body),
		(input) => `section-${input.id}`,
	),
	moveSection: studyEdit(
		z.object({ id, direction: z.enum(['up', 'down']) }),
		(db, user, input) => moveSection(db, user, input.id, input.direction),
		(input) => `section-${input.id}`,
	),
	deleteSection: studyEdit(
		z.object({ id, confirm }),
		(db, user, input) => deleteSection(db, user, input.id),
		'sections',
	),
	/** The participant, a mentor or a home contact agrees to an activity or asks for a change. */
	answerActivity: defineAction({
		accept: 'form',
		input: z.object({
			id,
			decision: z.enum(['agreed', 'change'], { error: 'Choose: agree, or ask for a change.' }),
			comment: optionalText(2000),
		}),
		handler: async (input, context) => {
			await asUser(context, (db, user) =>
				answerActivity(db, user, input.id, {
					decision: input.decision,
					comment: input.comment,
				}),
			);
			await emailNotifications(context.url);
			return { anchor: `agreement-${input.id}` };
		},
	}),
	comment: defineAction({
		accept: 'form',
		input: z.object({
			participantId: id,
			part: recordId(60),
			body: requiredText('Write a comment first.', 5000),
		}),
		handler: async (input, context) => {
			await asUser(context, (db, user) =>
				addStudyComment(db, user, input.participantId, input.part, input.body),
			);
			await emailNotifications(context.url);
			return { anchor: threadAnchor(input.part) };
		},
	}),
	resolveComment: defineAction({
		accept: 'form',
		input: z.object({ commentId: id }),
		handler: async (input, context) => {
			const { part } = await asUser(context, (db, user) =>
				resolveStudyComment(db, user, input.commentId),
			);
			return { anchor: threadAnchor(part) };
		},
	}),
};
