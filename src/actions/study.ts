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
import { asRole, asUser } from './guard';
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

const activityStatus = z.enum(activityStatuses, { error: 'Choose where the activity stands.' });
const sectionTitle = requiredText('Give the section a title.', 140);

export const study = {
	savePlan: defineAction({
		accept: 'form',
		input: z.object({
			version,
			title: requiredText('Give your study a title.', 200),
			question: requiredText('State your research question.', 2000),
			scope: optionalText(5000),
			method: optionalText(5000),
			expectedOutputs: optionalText(5000),
		}),
		handler: async ({ version: v, ...plan }, context) => {
			await asRole(context, ['participant'], (db, user) => savePlan(db, user, v, plan));
			return { anchor: 'plan' };
		},
	}),
	saveFindings: defineAction({
		accept: 'form',
		input: z.object({ version, findings: optionalText(50_000) }),
		handler: async (input, context) => {
			await asRole(context, ['participant'], (db, user) =>
				saveFindings(db, user, input.version, input.findings),
			);
			return { anchor: 'findings' };
		},
	}),
	addSource: defineAction({
		accept: 'form',
		input: sourceFields,
		handler: async (input, context) => {
			await asRole(context, ['participant'], (db, user) => addSource(db, user, input));
			return { anchor: 'sources' };
		},
	}),
	updateSource: defineAction({
		accept: 'form',
		input: sourceFields.extend({ id }),
		handler: async ({ id: sourceId, ...input }, context) => {
			await asRole(context, ['participant'], (db, user) => updateSource(db, user, sourceId, input));
			return { anchor: 'sources' };
		},
	}),
	deleteSource: defineAction({
		accept: 'form',
		input: z.object({ id, confirm }),
		handler: async (input, context) => {
			await asRole(context, ['participant'], (db, user) => deleteSource(db, user, input.id));
			return { anchor: 'sources' };
		},
	}),
	addMilestone: defineAction({
		accept: 'form',
		input: z.object({
			title: requiredText('Say what the milestone is.', 200),
			dueDate: requiredDay('Enter the day it is due.'),
		}),
		handler: async (input, context) => {
			await asRole(context, ['participant'], (db, user) => addMilestone(db, user, input));
			return { anchor: 'milestones' };
		},
	}),
	setMilestoneDone: defineAction({
		accept: 'form',
		input: z.object({ id, done: z.boolean() }),
		handler: async (input, context) => {
			await asRole(context, ['participant'], (db, user) =>
				setMilestoneDone(db, user, input.id, input.done),
			);
			return { anchor: 'milestones' };
		},
	}),
	deleteMilestone: defineAction({
		accept: 'form',
		input: z.object({ id }),
		handler: async (input, context) => {
			await asRole(context, ['participant'], (db, user) => deleteMilestone(db, user, input.id));
			return { anchor: 'milestones' };
		},
	}),
	addActivity: defineAction({
		accept: 'form',
		input: z.object({
			what: requiredText('Say what the activity is.', 2000),
			agreedOn: requiredDay('Enter the day it was agreed.'),
			// Kept for activities recorded before the three-party agreement; no longer asked.
			agreedBy: optionalText(300),
			status: activityStatus,
			outcome: optionalText(5000),
		}),
		handler: async (input, context) => {
			await asRole(context, ['participant'], (db, user) => addActivity(db, user, input));
			return { anchor: 'activities' };
		},
	}),
	updateActivity: defineAction({
		accept: 'form',
		input: z.object({
			id,
			status: activityStatus,
			outcome: optionalText(5000),
			what: optionalText(2000),
		}),
		handler: async ({ id: activityId, ...input }, context) => {
			await asRole(context, ['participant'], (db, user) =>
				updateActivity(db, user, activityId, input),
			);
			return { anchor: 'activities' };
		},
	}),
	addSection: defineAction({
		accept: 'form',
		input: z.object({ title: sectionTitle }),
		handler: async (input, context) => {
			const row = await asRole(context, ['participant'], (db, user) =>
				addSection(db, user, input.title),
			);
			return { anchor: `section-${row.id}` };
		},
	}),
	renameSection: defineAction({
		accept: 'form',
		input: z.object({ id, title: sectionTitle }),
		handler: async (input, context) => {
			await asRole(context, ['participant'], (db, user) =>
				renameSection(db, user, input.id, input.title),
			);
			return { anchor: `section-${input.id}` };
		},
	}),
	saveSection: defineAction({
		accept: 'form',
		input: z.object({ id, version: recordVersion(), body: optionalText(100_000) }),
		handler: async (input, context) => {
			await asRole(context, ['participant'], (db, user) =>
				saveSectionBody(db, user, input.id, input.version, input.body),
			);
			return { anchor: `section-${input.id}` };
		},
	}),
	moveSection: defineAction({
		accept: 'form',
		input: z.object({ id, direction: z.enum(['up', 'down']) }),
		handler: async (input, context) => {
			await asRole(context, ['participant'], (db, user) =>
				moveSection(db, user, input.id, input.direction),
			);
			return { anchor: `section-${input.id}` };
		},
	}),
	deleteSection: defineAction({
		accept: 'form',
		input: z.object({ id, confirm }),
		handler: async (input, context) => {
			await asRole(context, ['participant'], (db, user) => deleteSection(db, user, input.id));
			return { anchor: 'sections' };
		},
	}),
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
