/**
 * The hands-on CEN day (day 2): four guided exercises in the practice environment (/cen), each
 * tied to a day-2 module, and how far a participant has got with each, judged from their own
 * practice work. Pure: the server passes what the participant has done.
 *
 * Teaching design: the practice screens imitate the kind of work the CEN suite supports; they are
 * not the WCO's applications and copy none of their screens.
 */

export type CenDayExercise = {
	id: 'code-a-seizure' | 'ncp-search' | 'warning-and-feedback' | 'national-workflow';
	title: string;
	/** The module whose exercise sends the participant here. */
	moduleId: string;
	/** Minutes of the module's exercise this part takes. */
	minutes: number;
	/** Where to start in the practice environment. */
	href: string;
	/** What the participant does, step by step. */
	steps: string[];
	/** What counts as done. */
	done: string;
};

export const cenDayExercises: CenDayExercise[] = [
	{
		id: 'code-a-seizure',
		title: 'Code a seizure from a case narrative',
		moduleId: 'cen-database-and-data-quality',
		minutes: 15,
		href: '/cen',
		steps: [
			'Open "Methamphetamine in a suitcase, via a hub" on the CEN practice page and read the narrative.',
			'Code every field. Read the rule beside each field before you choose.',
			'Save, then read the field-by-field comparison with the model record and the reason for each difference.',
			'Code the case again until every field matches the model record.',
		],
		done: 'One attempt at the case with every field matching the model record.',
	},
	{
		id: 'ncp-search',
		title: 'Searches and statistics a national contact point runs',
		moduleId: 'cen-database-and-data-quality',
		minutes: 10,
		href: '/cen/search',
		steps: [
			'Search the practice data for your own reporting country over one year, and count the records by commodity group.',
			'Search again for records with no concealment method or no quantity: these are the records an NCP would complete before they reach the RILO.',
			'Save the second search to your intelligence materials, with a handling marking.',
		],
		done: 'At least one saved search in your intelligence materials.',
	},
	{
		id: 'warning-and-feedback',
		title: 'Draft a CENcomm-style warning, and answer one',
		moduleId: 'cencomm-and-operational-messaging',
		minutes: 35,
		href: '/cen/messages/new',
		steps: [
			'Draft a warning message about a shipment to control, with the profile the receiver needs (route, conveyance, goods, why it is suspect). Submit it to your mentor.',
			'Play the receiving administration: draft a feedback message in reply to a warning, saying what was done and what was found (a nil result is a result).',
			'Revise either message if your mentor requests changes.',
		],
		done: 'A submitted or approved warning and a submitted or approved feedback message.',
	},
	{
		id: 'national-workflow',
		title: 'An nCEN-style national workflow',
		moduleId: 'ncen-and-icomm',
		minutes: 15,
		href: '/cen/seizures/new',
		steps: [
			'Code a national seizure of your own invention as a free record (no names: nationalities only), as a national officer would enter it.',
			"Decide which of its fields could go to the global CEN and which would stay national, and write that in the record's remarks without any name.",
			'Add the record to your intelligence materials, so the national case is on file for later analysis.',
		],
		done: 'A free record coded and added to your intelligence materials.',
	},
];

/** What the server reports of a participant's practice work. */
export type PracticeFacts = {
	/** Attempts at coding exercises: the case and the fields right out of compared. */
	attempts: { caseId: string; right: number; total: number }[];
	/** Free records (not exercises), by id. */
	freeRecords: string[];
	/** Messages by type and status. */
	messages: { kind: string; status: string }[];
	/** Materials by kind and, for records, the record they point at. */
	materials: { kind: string; refId: string }[];
};

export type ExerciseStatus = { state: 'not started' | 'started' | 'done'; detail: string };

/** The case the day's coding exercise uses. */
export const dayTwoCaseId = 'airport-meth-transit';

const sent = (status: string) => status === 'submitted' || status === 'approved';

/** How far the participant has got with each exercise of the CEN day. */
export function cenDayStatus(facts: PracticeFacts): Record<CenDayExercise['id'], ExerciseStatus> {
	const tries = facts.attempts.filter((a) => a.caseId === dayTwoCaseId);
	const best = tries.reduce<{ right: number; total: number } | null>(
		(b, a) => (!b || a.right / a.total > b.right / b.total ? a : b),
		null,
	);
	const coded: ExerciseStatus = !best
		? { state: 'not started', detail: 'No attempt yet.' }
		: best.right === best.total
			? {
					state: 'done',
					detail: `All ${best.total} fields match (${tries.length} ${tries.length === 1 ? 'attempt' : 'attempts'}).`,
				}
			: {
					state: 'started',
					detail: `Best so far: ${best.right} of ${best.total} fields match. Code the case again.`,
				};

	const searches = facts.materials.filter((m) => m.kind === 'search').length;
	const search: ExerciseStatus = searches
		? { state: 'done', detail: `${searches} saved ${searches === 1 ? 'search' : 'searches'}.` }
		: { state: 'not started', detail: 'No saved search yet.' };

	const warning = facts.messages.find((m) => m.kind === 'warning' && sent(m.status));
	const feedback = facts.messages.find((m) => m.kind === 'feedback' && sent(m.status));
	const drafted = facts.messages.some((m) => m.kind === 'warning' || m.kind === 'feedback');
	const messages: ExerciseStatus =
		warning && feedback
			? { state: 'done', detail: 'Warning and feedback sent to your mentor.' }
			: drafted
				? {
						state: 'started',
						detail: warning
							? 'Warning sent; the feedback message is still to send.'
							: feedback
								? 'Feedback sent; the warning is still to send.'
								: 'Drafted, not yet submitted.',
					}
				: { state: 'not started', detail: 'No warning or feedback yet.' };

	const filed = facts.freeRecords.filter((id) =>
		facts.materials.some((m) => m.kind === 'seizure' && m.refId === id),
	).length;
	const national: ExerciseStatus = filed
		? { state: 'done', detail: 'A national record coded and on file in your materials.' }
		: facts.freeRecords.length
			? { state: 'started', detail: 'Record coded; add it to your intelligence materials.' }
			: { state: 'not started', detail: 'No free record yet.' };

	return {
		'code-a-seizure': coded,
		'ncp-search': search,
		'warning-and-feedback': messages,
		'national-workflow': national,
	};
}
