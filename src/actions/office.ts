/**
 * The programme office: editions (admins) and the public call for applications (anyone with
 * the call's page or a link). Public actions are throttled per address and size-limited.
 */
import { ActionError, defineAction, type ActionAPIContext } from 'astro:actions';
import { z } from 'astro/zod';
import { OFFICE_CONTACT_EMAIL, SMTP_FROM, SMTP_URL } from 'astro:env/server';
import { formatInstant } from '~/lib/dates';
import { optionalText, recordId, requiredText } from '~/lib/form-schemas';
import {
	boxFields,
	choiceFields,
	multiFields,
	readAnswers,
	textFields,
} from '~/lib/office/application-form';
import { formatDeadline } from '~/lib/office/call-dates';
import { getDb } from '~/lib/server/db';
import { applicationLink, baseUrl, nominationVerifyLink, offerLink } from '~/lib/server/http/links';
import { deliverQueuedMail } from '~/lib/server/notify/mail-queue';
import { applicationLinkMail, nominationVerifyMail, type Mail } from '~/lib/server/notify/mail';
import { answerOffer } from '~/lib/server/office/offer';
import { IncompleteApplication, saveApplication } from '~/lib/server/office/application';
import { createNextEdition, extendDeadline, findEditionBySlug } from '~/lib/server/office/edition';
import { deliverMail } from '~/lib/server/notify/outbox';
import {
	confirmNomination,
	duplicateNominationMail,
	nominate,
} from '~/lib/server/office/nomination';
import { blockedUntil, recordFailure } from '~/lib/server/auth/throttle';
import { callThrottleKey } from '~/lib/server/office/call-throttle';
import { clientAddress, fieldErrors, run } from './guard';
import { formAction, namedAnswer } from './form-action';

const linkProblem = 'This link is incomplete. Open the link from your email again.';
const token = z
	.string({ error: linkProblem })
	.min(10, { error: linkProblem })
	.max(100, { error: linkProblem });

/**
 * Refuses a caller who sent too much to the call; `count` counts this request. A valid link
 * token is counted on its own, so junk from a shared address never holds back its holder.
 */
async function throttleCall(context: ActionAPIContext, count: boolean, token?: string) {
	const db = await getDb();
	const key = await callThrottleKey(db, clientAddress(context), token);
	const until = await blockedUntil(db, [key]);
	if (until)
		throw new ActionError({
			code: 'TOO_MANY_REQUESTS',
			message: `Too many requests from your network. Try again after ${formatInstant(until)} (Tokyo time).`,
		});
	if (count) await recordFailure(db, 'call', key);
}

export const edition = {
	createNext: formAction(
		['admin'],
		z.object({ from: recordId() }),
		(db, admin, input) => createNextEdition(db, admin.id, input.from),
		namedAnswer,
	),
	extend: formAction(
		['admin'],
		z.object({
			id: recordId(),
			deadline: requiredText('Enter the new deadline as a date.', 10),
		}),
		(db, admin, input) => extendDeadline(db, admin.id, input.id, input.deadline),
		namedAnswer,
	),
};

const email = (message: string) => z.email({ error: message }).max(200);

/** The answers of the application form: every field optional while it is a draft. */
const answerFields = z.object({
	...Object.fromEntries(Object.entries(textFields).map(([f, max]) => [f, optionalText(max)])),
	...Object.fromEntries(
		Object.entries(choiceFields).map(([f, choices]) => [
			f,
			optionalText(40).refine((v) => v === '' || choices.some((c) => c.value === v), {
				error: 'Choose one of the options offered.',
			}),
		]),
	),
	...Object.fromEntries(
		Object.entries(multiFields).map(([f, choices]) => [
			f,
			z
				.array(z.string().max(40))
				.max(choices.length, { error: 'Choose among the options offered.' })
				.refine((list) => list.every((v) => choices.some((c) => c.value === v)), {
					error: 'Choose among the options offered.',
				}),
		]),
	),
	...Object.fromEntries(boxFields.map((f) => [f, z.boolean()])),
});

export const call = {
	nominate: defineAction({
		accept: 'form',
		input: z.object({
			edition: recordId(60),
			administrationId: requiredText('Choose your administration from the list.', 60),
			officerName: requiredText('Enter your name.', 120, 2),
			officerPost: requiredText('Enter your post (job title).', 160, 2),
			officerEmail: email('Enter your official email address, like name@customs.example.'),
			candidateName: requiredText('Enter the candidate’s name.', 120, 2),
			candidateEmail: email('Enter the candidate’s email address, like name@customs.example.'),
		}),
		handler: async (input, context) => {
			await throttleCall(context, true);
			const db = await getDb();
			const found = await findEditionBySlug(db, input.edition);
			if (!found) throw new ActionError({ code: 'NOT_FOUND', message: 'No such call.' });
			const done = await run(() => nominate(db, found, input));
			if (done.duplicate) {
				// The same answer as for a new request; the office is told instead.
				await deliverMail(
					db,
					SMTP_URL,
					SMTP_FROM,
					duplicateNominationMail({
						to: OFFICE_CONTACT_EMAIL,
						candidateName: done.candidateName,
						administration: done.administration.name,
						edition: found.name,
						officerEmail: done.officerEmail,
					}),
				);
				return { edition: found.slug };
			}
			const { token: t, nomination, administration } = done;
			await deliverMail(
				db,
				SMTP_URL,
				SMTP_FROM,
				nominationVerifyMail({
					to: nomination.officerEmail,
					officerName: nomination.officerName,
					candidateName: nomination.candidateName,
					administration: administration.name,
					edition: found.name,
					link: nominationVerifyLink(context.url, t),
				}),
			);
			return { edition: found.slug };
		},
	}),
	verify: defineAction({
		accept: 'form',
		input: z.object({ token }),
		handler: async (input, context) => {
			await throttleCall(context, false, input.token);
			const db = await getDb();
			const done = await run(() => confirmNomination(db, input.token)).catch(async (error) => {
				if ((error as { code?: string }).code === 'NOT_FOUND')
					await throttleCall(context, true).catch(() => {});
				throw error;
			});
			await deliverMail(
				db,
				SMTP_URL,
				SMTP_FROM,
				applicationLinkMail({
					to: done.nomination.candidateEmail,
					candidateName: done.nomination.candidateName,
					administration: done.administrationName,
					edition: done.edition.name,
					deadline: formatDeadline(done.edition.applicationDeadline),
					link: applicationLink(context.url, done.applicationToken),
				}),
			);
			return { edition: done.edition.slug };
		},
	}),
	answerOffer: defineAction({
		accept: 'form',
		input: z.object({
			token,
			answer: z.enum(['accept', 'decline'], { error: 'Choose to accept or to decline.' }),
			terms: z.boolean().default(false),
		}),
		handler: async (input, context) => {
			await throttleCall(context, false, input.token);
			if (input.answer === 'accept' && !input.terms)
				throw fieldErrors(
					{ terms: 'Tick the box to say you accept these terms.' },
					'Nothing was recorded: tick the box to accept the terms, then accept the place.',
				);
			const db = await getDb();
			const mail = {
				link: (t: string) => offerLink(context.url, t),
				deliver: (m: Mail) => deliverMail(db, SMTP_URL, SMTP_FROM, m),
				copyTo: OFFICE_CONTACT_EMAIL,
			};
			const done = await run(() => answerOffer(db, input.token, input.answer, mail)).catch(
				async (error) => {
					if ((error as { code?: string }).code === 'NOT_FOUND')
						await throttleCall(context, true).catch(() => {});
					throw error;
				},
			);
			return { state: done.state };
		},
	}),
	apply: defineAction({
		accept: 'form',
		input: answerFields.extend({
			token,
			intent: z.enum(['save', 'submit'], { error: 'Choose Save or Submit.' }),
		}),
		handler: async (input, context) => {
			await throttleCall(context, false, String(input.token));
			const db = await getDb();
			const answers = readAnswers(input);
			try {
				const receipts = {
					publicUrl: baseUrl(context.url),
					token: String(input.token),
					smtpConfigured: Boolean(SMTP_URL),
				};
				const saved = await run(() =>
					saveApplication(
						db,
						receipts.token,
						answers,
						input.intent === 'submit',
						Date.now(),
						receipts,
					),
				);
				if (saved.submitted && SMTP_URL)
					await deliverQueuedMail(db, { smtpUrl: SMTP_URL, from: SMTP_FROM }).catch((e) =>
						console.error('sending the application receipts failed', e),
					);
				return saved;
			} catch (error) {
				if (error instanceof IncompleteApplication)
					throw fieldErrors(
						error.problems,
						`Your answers are saved, but the application is not submitted: ${Object.keys(error.problems).length === 1 ? 'one answer is' : `${Object.keys(error.problems).length} answers are`} still needed (marked below).`,
					);
				if ((error as { code?: string }).code === 'NOT_FOUND')
					await throttleCall(context, true).catch(() => {});
				throw error;
			}
		},
	}),
};
