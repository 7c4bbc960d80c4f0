/** The pre-arrival checklist every participant ticks. Keys are stored; never rename one. */
export const checklistItems = [
	{
		key: 'passport',
		label: 'Passport valid for the whole stay',
		hint: 'Check the expiry date against your return flight.',
	},
	{
		key: 'visa',
		label: 'Visa for Japan, and transit visas for any stopover',
		hint: 'You arrange these yourself; RILO A/P provides an enrolment letter.',
	},
	{
		key: 'enrolment-letter',
		label: 'Enrolment letter printed for the visa application',
		hint: 'Needed for most visa applications: open it from your programme page and print it.',
	},
	{
		key: 'insurance',
		label: 'Personal travel and health insurance arranged',
		hint: 'The programme provides no insurance.',
	},
	{
		key: 'itinerary',
		label: 'Travel itinerary confirmed',
		hint: 'RILO A/P arranges an economy return ticket; confirm the dates with them.',
	},
] as const;

export type ChecklistKey = (typeof checklistItems)[number]['key'];

/** True for a key of the checklist. */
export function isChecklistKey(key: string): key is ChecklistKey {
	return checklistItems.some((item) => item.key === key);
}
