/**
 * For the scripts that run real servers (restore-drill.ts, two-instances.ts): a database file
 * with one cohort in its OJT today and a participant who can sign in, and a save through the
 * logbook form as a browser posts it.
 */
import { addDays, format } from 'date-fns';
import { createDb } from '~db/client';
import { migrateDb } from '~db/migrate';
import { insertUser } from '~/lib/server/auth/user';
import { addMember, createCohort } from '~/lib/server/cohort/manage';
import { entryForm, entryInput } from '../helpers/entries';

export const participant = {
	email: 'drill-participant@drill.example',
	password: 'orbit lantern cedar mosaic',
};

/**
 * Migrates `url` (already migrated is fine) and adds the cohort and its participant. Returns a
 * date inside the OJT (yesterday) for log entries.
 */
export async function prepareParticipant(url: string): Promise<string> {
	const db = await createDb(url);
	await migrateDb(db);
	const day = (n: number) => format(addDays(new Date(), n), 'yyyy-MM-dd');
	const admin = await insertUser(db, {
		email: 'drill-admin@drill.example',
		name: 'Drill admin',
		role: 'admin',
		password: participant.password,
	});
	const cohort = await createCohort(db, admin.id, {
		edition: 'Drill',
		timezone: 'UTC',
		trainingStart: day(-8),
		trainingEnd: day(-4),
		ojtStart: day(-3),
		ojtEnd: day(14),
		outlinePresentationDate: day(13),
		departureDate: day(15),
		reportDueDate: day(30),
		correctionsUntil: day(45),
	});
	const user = await insertUser(db, {
		email: participant.email,
		name: 'Drill participant',
		role: 'participant',
		password: participant.password,
	});
	await addMember(db, {
		cohortId: cohort.id,
		userId: user.id,
		role: 'participant',
		administration: 'Drill administration',
	});
	db.$client.close();
	return day(-1);
}

/** Saves one log entry through the form; returns its id once the server acknowledged it. */
export async function saveEntry(origin: string, cookie: string, date: string, title: string) {
	const res = await fetch(`${origin}/logbook/new?_action=logbook.create`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, cookie, 'content-type': 'application/x-www-form-urlencoded' },
		body: entryForm(entryInput({ date, title })),
	});
	const id = /^\/logbook\/([^/?]+)\?done=(draft-)?saved/.exec(
		res.headers.get('location') ?? '',
	)?.[1];
	if (res.status !== 303 || !id) throw new Error(`a save answered ${res.status}`);
	return id;
}
