import { describe, expect, it } from 'vitest';
import { entrySchema } from '~/lib/logbook/entry-schema';
import { activityKeysFor, previewSections, showsNetworkingFields } from '~/lib/logbook/entry-form';
import { activities } from '~/lib/logbook/ojt-areas';
import { renderMarkdown } from '~/lib/server/markdown/render';

/** What the browser posts, after Astro's form parsing (numbers as numbers, empty as null). */
const valid = {
	date: '2026-12-08',
	area: 3,
	activity: 'trend-analysis',
	activityOther: null,
	title: 'Monthly trend',
	hours: 1.5,
	summary: 'Built a series.',
	outputs: null,
	learning: null,
	handling: 'unrestricted',
	counterpart: null,
	meetingFormat: null,
	followUp: null,
};

function issuesOf(input: Record<string, unknown>) {
	const r = entrySchema.safeParse(input);
	return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path[0], i.message]));
}

describe('the activity list follows the area', () => {
	it('offers only the chosen area’s activities and Other', () => {
		expect(activityKeysFor('4')).toEqual([...activities[4].map((a) => a.key), 'other']);
		expect(activityKeysFor('2')).not.toContain('trend-analysis');
	});
	it('offers every activity while no area is chosen', () => {
		expect(activityKeysFor('')).toHaveLength(
			Object.values(activities).reduce((n, list) => n + list.length, 0) + 1,
		);
	});
	it('the server refuses an activity of another area, beside the activity field', () => {
		expect(issuesOf({ ...valid, area: 4, counterpart: 'Aldoria Customs' })).toEqual({
			activity: expect.stringMatching(/another area.*\(4\) Networking/),
		});
		expect(issuesOf(valid)).toEqual({});
	});
});

describe('networking fields', () => {
	it('apply only to area 4', () => {
		expect(showsNetworkingFields('4')).toBe(true);
		for (const a of ['', '1', '2', '3', undefined]) expect(showsNetworkingFields(a)).toBe(false);
	});
	it('a networking entry must name who was met; other areas need not', () => {
		expect(issuesOf({ ...valid, area: 4, activity: 'event' })).toEqual({
			counterpart: 'Networking entries name the administration or organisation met.',
		});
		expect(issuesOf({ ...valid, counterpart: null })).toEqual({});
	});
});

describe('save intent', () => {
	it('is a draft unless “Save and submit” was pressed', () => {
		expect(entrySchema.parse(valid).intent).toBe('draft');
		expect(entrySchema.parse({ ...valid, intent: 'submit' }).intent).toBe('submit');
		expect(issuesOf({ ...valid, intent: 'publish' })).toHaveProperty('intent');
	});
	it('an empty form says what each field needs, in words', () => {
		const messages = Object.values(issuesOf({}));
		expect(messages.length).toBeGreaterThan(4);
		for (const m of messages) expect(m).not.toMatch(/Invalid input|expected|received/);
	});
});

describe('preview', () => {
	it('shows the text sections as the entry page will, follow-up only for networking', () => {
		const v = { summary: 'a', outputs: 'b', learning: 'c', followUp: 'd', area: '3' };
		expect(previewSections(v).map(([label]) => label)).not.toContain('Follow-up actions');
		expect(previewSections({ ...v, area: '4' }).at(-1)).toEqual(['Follow-up actions', 'd']);
	});
	it('goes through the sanitiser: structure kept, scripts dropped', () => {
		const html = renderMarkdown('**bold**\n\n- one\n- two\n\n<script>alert(1)</script>');
		expect(html).toContain('<strong>bold</strong>');
		expect(html).toContain('<li>one</li>');
		expect(html).not.toContain('<script>');
	});
});
