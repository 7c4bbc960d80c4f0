/**
 * What each CENcomm-style practice message needs. The three types are the ones the course
 * teaches from public sources: a warning (the profile of a shipment to control), feedback (what
 * was done after a warning) and a seizure message (the details of a seizure).
 */
import type { CenMessageKind } from '~db/schema';

/** The message fields, as typed. */
export type MessageForm = {
	kind: string;
	subject: string;
	recipientGroup: string;
	indicators: string;
	modusOperandi: string;
	routes: string;
	riskIndicators: string;
	requestedAction: string;
	inReplyTo: string;
	result: string;
	seizureId: string;
	basis: string;
	handling: string;
};

/** The text fields of the form, in form order, with labels and what each holds. */
export const messageFields: {
	name: Exclude<keyof MessageForm, 'kind' | 'handling' | 'recipientGroup' | 'seizureId'>;
	label: string;
	hint: string;
}[] = [
	{ name: 'subject', label: 'Subject', hint: 'One line that says what the message is about.' },
	{
		name: 'inReplyTo',
		label: 'In reply to (warning reference)',
		hint: 'The subject or reference of the warning this feedback answers.',
	},
	{
		name: 'indicators',
		label: 'Indicators',
		hint: 'What identifies the shipments to control: goods declared, packaging, shippers’ patterns.',
	},
	{
		name: 'modusOperandi',
		label: 'Modus operandi',
		hint: 'How the goods were moved and hidden.',
	},
	{ name: 'routes', label: 'Routes', hint: 'Departure, transit and destination countries.' },
	{
		name: 'riskIndicators',
		label: 'Risk indicators',
		hint: 'What a targeting officer should look for.',
	},
	{
		name: 'result',
		label: 'Result of the action taken',
		hint: 'What was controlled after the warning and what was found (or not).',
	},
	{
		name: 'requestedAction',
		label: 'Requested action',
		hint: 'What the recipients are asked to do, and by when.',
	},
	{
		name: 'basis',
		label: 'What the message rests on',
		hint: 'The practice records, lab queries or saved searches it is based on, one per line.',
	},
];

/** The fields each type must fill (subject, recipient group and handling always). */
export const requiredFor: Record<CenMessageKind, (keyof MessageForm)[]> = {
	warning: ['indicators', 'modusOperandi', 'routes', 'riskIndicators', 'requestedAction'],
	feedback: ['inReplyTo', 'result'],
	seizure: ['seizureId', 'modusOperandi', 'routes'],
};

/** Which fields a type shows at all (the others stay empty). */
export const shownFor: Record<CenMessageKind, (keyof MessageForm)[]> = {
	warning: [...requiredFor.warning, 'basis'],
	feedback: [...requiredFor.feedback, 'requestedAction', 'basis'],
	seizure: [...requiredFor.seizure, 'riskIndicators', 'basis'],
};

/** Closed user groups of the practice environment (invented, like everything here). */
export const recipientGroups = [
	'Practice CUG: regional drugs network',
	'Practice CUG: tobacco and cigarettes',
	'Practice CUG: wildlife and environment',
	'Practice CUG: national contact points',
] as const;

/** People's names for the three types. */
export const kindLabels: Record<CenMessageKind, string> = {
	warning: 'Warning message',
	feedback: 'Feedback message',
	seizure: 'Seizure message',
};

const needed: Partial<Record<keyof MessageForm, string>> = {
	subject: 'Give the message a subject.',
	recipientGroup: 'Choose the closed user group it goes to.',
	indicators: 'A warning says which shipments to control: give the indicators.',
	modusOperandi: 'Describe the modus operandi.',
	routes: 'Give the route (departure, transit, destination).',
	riskIndicators: 'List the risk indicators for targeting.',
	requestedAction: 'Say what the recipients should do.',
	inReplyTo: 'Feedback answers a warning: name it.',
	result: 'Say what was done after the warning and what was found.',
	seizureId: 'Choose the practice seizure record the message reports.',
	handling: 'Choose a handling marking.',
};

/** Field -> message for every broken rule of a message form. */
export function checkMessage(f: MessageForm): Partial<Record<keyof MessageForm, string>> {
	const errors: Partial<Record<keyof MessageForm, string>> = {};
	if (!(f.kind in requiredFor)) return { kind: 'Choose a warning, feedback or seizure message.' };
	const kind = f.kind as CenMessageKind;
	for (const field of ['subject', 'recipientGroup', 'handling', ...requiredFor[kind]] as const)
		if (!f[field].trim()) errors[field] = needed[field];
	if (f.subject && f.subject.trim().length < 8)
		errors.subject = 'Make the subject say what it is about (at least 8 characters).';
	if (f.recipientGroup && !(recipientGroups as readonly string[]).includes(f.recipientGroup))
		errors.recipientGroup = 'Choose a group from the list.';
	if (f.handling && !['restricted', 'unrestricted'].includes(f.handling))
		errors.handling = 'Choose a handling marking.';
	return errors;
}
