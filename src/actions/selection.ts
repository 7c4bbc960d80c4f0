/**
 * The programme office's review of applications: screening overrides and score sheets (admins
 * and the WCO Secretariat), the selection and its notices; invitations and the purge (admins).
 */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import {
	APPLICATION_RETENTION_MONTHS,
	OFFICE_CONTACT_EMAIL,
	SMTP_FROM,
	SMTP_URL,
} from 'astro:env/server';
import { confirmTick, optionalText, recordId, requiredText } from '~/lib/form-schemas';
import { factors } from '~/lib/office/rubric';
import { defaultReplyDays } from '~/lib/office/offer';
import { getDb } from '~/lib/server/db';
import { invitationLink, offerLink } from '~/lib/server/http/links';
import { invitationMail, sendMail } from '~/lib/server/notify/mail';
import { inviteSelected } from '~/lib/server/office/invite';
import { sendNotices } from '~/lib/server/office/notice';
import { deliverMail } from '~/lib/server/notify/outbox';
import { overrideCheck } from '~/lib/server/office/override';
import { purgeApplications } from '~/lib/server/office/purge';
import { IncompleteSheet, saveScoreSheet } from '~/lib/server/office/score';
import { recuse } from '~/lib/server/office/declaration';
import { assignReviewer, unassignReviewer } from '~/lib/server/office/assignment';
import { confirmSelection, recordSelection, reopenSelection } from '~/lib/server/office/selection';
import { asRole, fieldErrors, requireRole, run } from './guard';
import { formAction } from './form-action';
import {
	addNominatingContact,
	removeNominatingContact,
} from '~/lib/server/office/nominating-contact';

const office = ['admin', 'secretariat'] as const;
const replyDaysProblem = 'Enter the days to answer as a whole number from 1 to 90.';

export const screening = {
	override: defineAction({
		accept: 'form',
		input: z.object({
			applicationId: recordId(),
			checkKey: requiredText('Choose one of the screening checks.', 40),
			verdict: z.enum(['automatic', 'met', 'not_met', 'to_check'], {
				error: 'Choose met, not met, to check, or the automatic result.',
			}),
			note: optionalText(1000),
		}),
		handler: async (input, context) => {
			const reviewer = requireRole(context, ...office);
			await run(async () => overrideCheck(await getDb(), reviewer, input));
			return { applicationId: input.applicationId, checkKey: input.checkKey };
		},
	}),
};

const contactInput = z.object({
	administrationId: requiredText('Choose an administration from the list.', 60),
	contact: requiredText(
		'Enter an email address (name@customs.example) or a domain (customs.example).',
		200,
	),
});

/** The administrations' nominating contacts and official domains, kept by admins. */
export const nominatingContact = {
	add: formAction(['admin'], contactInput, (db, admin, input) =>
		addNominatingContact(db, admin, input),
	),
	remove: formAction(['admin'], contactInput, (db, admin, input) =>
		removeNominatingContact(db, admin, input),
	),
};

export const score = {
	save: defineAction({
		accept: 'form',
		input: z.object({
			applicationId: recordId(),
			comment: optionalText(2000),
			noConflict: z.boolean().default(false),
			...Object.fromEntries(factors.map((f) => [f.key, optionalText(2)])),
		}),
		handler: async (input, context) => {
			const reviewer = requireRole(context, ...office);
			const values = input as unknown as Record<string, string>;
			const scores = Object.fromEntries(factors.map((f) => [f.key, values[f.key]]));
			try {
				return await run(async () =>
					saveScoreSheet(await getDb(), reviewer, {
						applicationId: input.applicationId,
						scores,
						comment: input.comment,
						noConflict: input.noConflict,
					}),
				);
			} catch (error) {
				if (error instanceof IncompleteSheet)
					throw fieldErrors(
						error.problems,
						error.problems.noConflict && Object.keys(error.problems).length === 1
							? 'Nothing was saved: tick the declaration of no conflict of interest (marked below).'
							: 'Nothing was saved: choose a level for every factor (marked below).',
					);
				throw error;
			}
		},
	}),
};

/** A reviewer recuses themself from one candidate, with the reason. */
export const recusal = {
	declare: formAction(
		office,
		z.object({ applicationId: recordId(), note: optionalText(1000) }),
		(db, reviewer, input) => recuse(db, reviewer, input),
	),
};

const chooseReviewer = 'Choose a reviewer from the list: an admin or a WCO Secretariat account.';

/** The programme office (admins) assigns reviewers to applications, one or many at once. */
export const assignment = {
	add: formAction(
		['admin'],
		z.object({
			applicationIds: z.array(recordId()).max(100).default([]),
			reviewerId: requiredText(chooseReviewer, 40),
		}),
		(db, admin, input) => assignReviewer(db, admin, input),
	),
	remove: formAction(
		['admin'],
		z.object({ applicationId: recordId(), reviewerId: recordId() }),
		(db, admin, input) => unassignReviewer(db, admin, input),
	),
};

export const selection = {
	record: defineAction({
		accept: 'form',
		input: z.object({
			editionId: recordId(),
			applicationIds: z.array(z.string().max(40)).max(50).default([]),
			overrideReason: optionalText(1000),
			replyDays: z.coerce
				.number({ error: replyDaysProblem })
				.int({ error: replyDaysProblem })
				.min(1, { error: replyDaysProblem })
				.max(90, { error: replyDaysProblem })
				.default(defaultReplyDays),
			confirm: confirmTick(),
		}),
		handler: async (input, context) => {
			const actor = requireRole(context, ...office);
			const done = await run(async () =>
				recordSelection(
					await getDb(),
					actor,
					input.editionId,
					input.applicationIds,
					Date.now(),
					input.overrideReason,
					input.replyDays,
				),
			);
			return { editionId: input.editionId, count: done.count };
		},
	}),
	confirm: defineAction({
		accept: 'form',
		input: z.object({ editionId: recordId(), confirm: confirmTick() }),
		handler: async (input, context) => {
			const actor = requireRole(context, ...office);
			await run(async () => confirmSelection(await getDb(), actor, input.editionId));
			return { editionId: input.editionId };
		},
	}),
	reopen: defineAction({
		accept: 'form',
		input: z.object({ editionId: recordId(), confirm: confirmTick() }),
		handler: async (input, context) => {
			const actor = requireRole(context, ...office);
			await run(async () => reopenSelection(await getDb(), actor, input.editionId));
			return { editionId: input.editionId };
		},
	}),
	notify: defineAction({
		accept: 'form',
		input: z.object({ editionId: recordId() }),
		handler: async (input, context) => {
			const actor = requireRole(context, ...office);
			const db = await getDb();
			return run(() =>
				sendNotices(
					db,
					actor,
					input.editionId,
					APPLICATION_RETENTION_MONTHS,
					(mail) => deliverMail(db, SMTP_URL, SMTP_FROM, mail),
					Date.now(),
					(token) => offerLink(context.url, token),
					OFFICE_CONTACT_EMAIL,
				),
			);
		},
	}),
	invite: defineAction({
		accept: 'form',
		input: z.object({
			applicationId: recordId(),
			name: requiredText('Enter the person’s name.', 120, 2),
			email: z.email({ error: 'Enter an email address.' }).max(200),
		}),
		handler: async (input, context) => {
			const { token, invitation, cohort } = await asRole(context, ['admin'], (db, admin) =>
				inviteSelected(db, admin, input.applicationId, input),
			);
			const link = invitationLink(context.url, token);
			const emailed = await sendMail(
				SMTP_URL,
				SMTP_FROM,
				invitationMail({
					to: invitation.email,
					name: invitation.name,
					role: invitation.role,
					edition: cohort.edition,
					link,
				}),
			).catch(() => false);
			return { link, email: invitation.email, emailed, applicationId: input.applicationId };
		},
	}),
	purge: defineAction({
		accept: 'form',
		input: z.object({ confirm: confirmTick() }),
		handler: async (_input, context) => {
			return asRole(context, ['admin'], (db, admin) =>
				purgeApplications(db, admin, APPLICATION_RETENTION_MONTHS),
			);
		},
	}),
};
