/**
 * Enrolment: letters for the visa (admins revoke and issue), the charter's admin matters
 * (admins record them) and the alumni directory (past participants join and leave).
 */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { visaStatuses } from '~db/schema';
import { confirmTick, optionalDay, optionalText, recordId, requiredText } from '~/lib/form-schemas';
import { getDb } from '~/lib/server/db';
import { joinAlumni, leaveAlumni, contactMaxLength } from '~/lib/server/enrolment/alumni';
import { issueLetter, revokeLetter } from '~/lib/server/enrolment/letter';
import { saveMatters } from '~/lib/server/enrolment/matters';
import { savePassportNumber } from '~/lib/server/enrolment/passport';
import { asRole, requireRole, requireUser, run } from './guard';

export const letter = {
	revoke: defineAction({
		accept: 'form',
		input: z.object({
			participantId: recordId(),
			code: recordId(40),
			confirm: confirmTick(),
		}),
		handler: async (input, context) => {
			await asRole(context, ['admin'], (db, admin) =>
				revokeLetter(db, admin, input.participantId, input.code),
			);
			return { participantId: input.participantId };
		},
	}),
	issue: defineAction({
		accept: 'form',
		input: z.object({ participantId: recordId() }),
		handler: async (input, context) => {
			await asRole(context, ['admin'], (db, admin) => issueLetter(db, admin, input.participantId));
			return { participantId: input.participantId };
		},
	}),
	/** The participant gives their passport number for their own letter. */
	savePassport: defineAction({
		accept: 'form',
		input: z.object({
			passportNumber: requiredText('Enter your passport number as printed in your passport.', 40),
		}),
		handler: async (input, context) =>
			asRole(context, ['participant'], (db, participant) =>
				savePassportNumber(db, participant, input.passportNumber),
			),
	}),
};

/** A date field of the matters form: empty means "not yet". */
const day = (what: string) => optionalDay(`Enter the day ${what} as a date, or leave it empty.`);

export const adminMatter = {
	save: defineAction({
		accept: 'form',
		input: z.object({
			participantId: recordId(),
			allowancePaidOn: day('the allowance was paid'),
			ticketItinerary: optionalText(2000),
			insuranceConfirmedOn: day('the participant confirmed their insurance'),
			visaStatus: z.enum(visaStatuses, { error: 'Choose where the visa stands.' }),
			visaObtainedOn: day('the visa was obtained'),
		}),
		handler: async (input, context) => {
			const admin = requireRole(context, 'admin');
			const { participantId, ...fields } = input;
			await run(async () =>
				saveMatters(await getDb(), admin, participantId, {
					...fields,
					allowancePaidOn: fields.allowancePaidOn || null,
					insuranceConfirmedOn: fields.insuranceConfirmedOn || null,
					visaObtainedOn: fields.visaObtainedOn || null,
				}),
			);
			return { participantId };
		},
	}),
};

export const alumni = {
	join: defineAction({
		accept: 'form',
		input: z.object({
			contact: requiredText(
				'Enter how alumni can reach you, e.g. an email address.',
				contactMaxLength,
				3,
			),
		}),
		handler: async (input, context) => {
			const user = requireUser(context);
			return { result: await run(async () => joinAlumni(await getDb(), user, input.contact)) };
		},
	}),
	leave: defineAction({
		accept: 'form',
		handler: async (_input, context) => {
			const user = requireUser(context);
			return { removed: await leaveAlumni(await getDb(), user) };
		},
	}),
};
