/**
 * The log-entry form's input, as its action validates it: every rule says in words what to fix,
 * beside the field it concerns (the activity must belong to the chosen area; networking entries
 * name who was met). Pure, so the rules are tested without a server.
 */
import { z } from 'astro/zod';
import { areaNames, isActivityOf, isArea } from './ojt-areas';
import { optionalText, recordId, recordVersion, requiredDay, requiredText } from '../form-schemas';
import type { SaveIntent } from './entry-form';

const longText = (max = 20_000) => optionalText(max);

/** The entry form. Time is entered in hours (e.g. 1.5) and stored as minutes. */
const entryFields = z.object({
	date: requiredDay('Enter the day of the activity.'),
	area: z
		.number({ error: 'Choose one of the four areas.' })
		.int()
		.refine(isArea, { error: 'Choose one of the four areas.' }),
	activity: requiredText('Choose an activity.', 40),
	activityOther: optionalText(120),
	title: requiredText('Give the entry a short title (at least 3 characters).', 140, 3),
	hours: z
		.number({ error: 'Enter the time spent in hours, e.g. 1.5.' })
		.min(0.25, { error: 'Enter at least 0.25 hours (15 minutes).' })
		.max(16, { error: 'One entry covers at most 16 hours; split longer work.' }),
	summary: requiredText('Say what was done.', 20_000),
	outputs: longText(),
	learning: longText(),
	handling: z.enum(['unrestricted', 'restricted'], { error: 'Choose a handling marking.' }),
	counterpart: optionalText(200),
	meetingFormat: optionalText(60),
	followUp: longText(),
	confirmOutsideWindow: z.boolean().optional(),
	/** Which button was pressed: "Save draft" or "Save and submit". */
	intent: z
		.enum(['draft', 'submit'], { error: 'Choose “Save draft” or “Save and submit”.' })
		.nullish()
		.transform((v): SaveIntent => v ?? 'draft'),
});

function checkEntry(v: EntryFields, ctx: z.RefinementCtx) {
	if (!isArea(v.area)) return;
	if (!isActivityOf(v.area, v.activity))
		ctx.addIssue({
			code: 'custom',
			path: ['activity'],
			message: `That activity belongs to another area: choose one of (${v.area}) ${areaNames[v.area]}, or “Other”.`,
		});
	if (v.activity === 'other' && !v.activityOther)
		ctx.addIssue({
			code: 'custom',
			path: ['activityOther'],
			message: 'Describe the activity in a few words.',
		});
	if (v.area === 4 && !v.counterpart)
		ctx.addIssue({
			code: 'custom',
			path: ['counterpart'],
			message: 'Networking entries name the administration or organisation met.',
		});
}

/** The form's values once valid (time still in hours). */
export type EntryFields = z.infer<typeof entryFields>;

/** A new entry. */
export const entrySchema = entryFields.superRefine(checkEntry);

/** Changes to an entry, at the version the form was opened at. */
export const entryUpdateSchema = entryFields
	.extend({ id: recordId(), version: recordVersion() })
	.superRefine(checkEntry);
