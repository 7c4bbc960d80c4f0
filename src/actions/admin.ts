/** Admin actions: cohorts, invitations, reset links. Admins only. */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { SMTP_FROM, SMTP_URL } from 'astro:env/server';
import { cohortDateProblems, defaultCorrectionsUntil, defaultReportDue } from '~/lib/cohort/rules';
import { isDay } from '~/lib/dates';
import { optionalDay, optionalText, recordId, requiredDay, requiredText } from '~/lib/form-schemas';
import { staleFormSentence } from '~/lib/action-error';
import {
	createCohort,
	findCohort,
	setCohortArchived,
	updateCohort,
} from '~/lib/server/cohort/manage';
import { getDb } from '~/lib/server/db';
import { createInvitation, createResetLink, revokeLink } from '~/lib/server/auth/invitation';
import { invitationLink, resetLink } from '~/lib/server/http/links';
import { invitationMail, resetMail, sendMail } from '~/lib/server/notify/mail';
import { asRole, requireRole, run } from './guard';

const day = requiredDay();
const validTimeZone = (tz: string) => {
	try {
		new Intl.DateTimeFormat('en', { timeZone: tz });
		return true;
	} catch {
		return false;
	}
};

/** The cohort form's fields; empty report-due and corrections dates take their defaults. */
const cohortFields = z.object({
	edition: requiredText('Name the edition, e.g. 2026/2027.', 40, 4),
	timezone: requiredText('Use an IANA time zone such as Asia/Tokyo.', 60).refine(validTimeZone, {
		error: 'Use an IANA time zone such as Asia/Tokyo.',
	}),
	trainingStart: day,
	trainingEnd: day,
	ojtStart: day,
	ojtEnd: day,
	departureDate: day,
	outlinePresentationDate: day,
	reportDueDate: optionalDay(),
	correctionsUntil: optionalDay(),
});

/** Fills the two derived dates when the admin left them empty. */
function withDefaults<T extends z.infer<typeof cohortFields>>(v: T): T {
	return {
		...v,
		reportDueDate: v.reportDueDate || defaultReportDue(v.departureDate),
		correctionsUntil: v.correctionsUntil || defaultCorrectionsUntil(v.departureDate),
	};
}

/** Date-order rules reported beside their fields (a refinement keeps the schema an object, as form actions need). */
function checkDateOrder(v: z.infer<typeof cohortFields>, ctx: z.RefinementCtx) {
	if (
		![
			v.trainingStart,
			v.trainingEnd,
			v.ojtStart,
			v.ojtEnd,
			v.departureDate,
			v.outlinePresentationDate,
		].every(isDay)
	)
		return;
	for (const [field, message] of Object.entries(cohortDateProblems(withDefaults(v))))
		ctx.addIssue({ code: 'custom', path: [field], message });
}

export const cohort = {
	create: defineAction({
		accept: 'form',
		input: cohortFields.superRefine(checkDateOrder),
		handler: async (input, context) => {
			const row = await asRole(context, ['admin'], (db, admin) =>
				createCohort(db, admin.id, withDefaults(input)),
			);
			return { id: row.id };
		},
	}),
	update: defineAction({
		accept: 'form',
		input: cohortFields.extend({ id: recordId() }).superRefine(checkDateOrder),
		handler: async (input, context) => {
			const admin = requireRole(context, 'admin');
			const { id, ...fields } = input;
			await run(async () => updateCohort(await getDb(), admin.id, id, withDefaults(fields)));
			return { id };
		},
	}),
	archive: defineAction({
		accept: 'form',
		input: z.object({
			id: recordId(),
			archived: z.enum(['true', 'false'], { error: staleFormSentence }),
		}),
		handler: async (input, context) => {
			await asRole(context, ['admin'], (db, admin) =>
				setCohortArchived(db, admin.id, input.id, input.archived === 'true'),
			);
			return { id: input.id };
		},
	}),
};

export const invitation = {
	create: defineAction({
		accept: 'form',
		input: z.object({
			email: z.email({ error: 'Enter an email address.' }).max(200),
			name: requiredText('Enter the person’s name.', 120, 2),
			role: z.enum(['participant', 'mentor', 'admin', 'secretariat', 'home'], {
				error: 'Choose a role.',
			}),
			cohortId: optionalText(40),
			administrationId: optionalText(60),
		}),
		handler: async (input, context) => {
			const admin = requireRole(context, 'admin');
			const db = await getDb();
			const { token, invitation: inv } = await run(() =>
				createInvitation(db, admin.id, {
					...input,
					cohortId: input.cohortId || null,
					administrationId: input.administrationId || null,
				}),
			);
			const link = invitationLink(context.url, token);
			const edition = inv.cohortId ? ((await findCohort(db, inv.cohortId))?.edition ?? null) : null;
			const emailed = await sendMail(
				SMTP_URL,
				SMTP_FROM,
				invitationMail({ to: inv.email, name: inv.name, role: inv.role, edition, link }),
			).catch(() => false);
			return { link, email: inv.email, emailed };
		},
	}),
	revoke: defineAction({
		accept: 'form',
		input: z.object({ id: recordId() }),
		handler: async (input, context) => {
			await asRole(context, ['admin'], (db, admin) => revokeLink(db, admin.id, input.id));
			return { id: input.id };
		},
	}),
	reset: defineAction({
		accept: 'form',
		input: z.object({ userId: recordId() }),
		handler: async (input, context) => {
			const { token, user } = await asRole(context, ['admin'], (db, admin) =>
				createResetLink(db, admin.id, input.userId),
			);
			const link = resetLink(context.url, token);
			const emailed = await sendMail(
				SMTP_URL,
				SMTP_FROM,
				resetMail({ to: user.email, name: user.name, link }),
			).catch(() => false);
			return { link, email: user.email, emailed };
		},
	}),
};
