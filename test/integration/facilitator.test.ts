/**
 * The material for the people who deliver the course: facilitator notes for every module and
 * the rubrics exist for mentors and admins only; for anyone else they do not exist (404).
 */
import { describe, expect, it, vi } from 'vitest';
import {
	findFacilitatorNotes,
	findRubric,
	listFacilitatorNoteIds,
	listRubrics,
	mayReadFacilitatorNotes,
} from '~/lib/server/course/facilitator';
import { publishedModules } from '~/lib/server/course/modules';

// The real modules, notes and rubrics from content/ (Astro's loaders do not run under Vitest).
vi.mock('astro:content', async () => (await import('../helpers/content')).contentFromDisk());

const outsiders = [{ role: 'participant' as const }, null];
const deliverers = [{ role: 'mentor' as const }, { role: 'admin' as const }];

describe('facilitator notes', () => {
	it('are for mentors and admins only', () => {
		expect(mayReadFacilitatorNotes({ role: 'mentor' })).toBe(true);
		expect(mayReadFacilitatorNotes({ role: 'admin' })).toBe(true);
		expect(mayReadFacilitatorNotes({ role: 'participant' })).toBe(false);
		expect(mayReadFacilitatorNotes(null)).toBe(false);
	});

	it('are not found (404) for a participant or a signed-out visitor, even where notes exist', async () => {
		for (const viewer of outsiders)
			expect(await findFacilitatorNotes(viewer, 'data-cleaning-and-quality')).toBeNull();
	});

	it('exist for every published module, for mentors and admins', async () => {
		const modules = await publishedModules();
		expect(modules.length).toBeGreaterThanOrEqual(19);
		const ids = await listFacilitatorNoteIds();
		for (const m of modules) {
			expect(ids.has(m.id), `no facilitator notes for ${m.id}`).toBe(true);
			for (const viewer of deliverers)
				expect((await findFacilitatorNotes(viewer, m.id))?.id, m.id).toBe(m.id);
		}
		expect(await findFacilitatorNotes({ role: 'mentor' }, 'no-such-module')).toBeNull();
	});
});

describe('rubrics', () => {
	it('cover the alert, the study plan, the research paper and the final report, for mentors and admins', async () => {
		for (const viewer of deliverers) {
			expect((await listRubrics(viewer)).map((r) => r.id)).toEqual([
				'alert',
				'study-plan',
				'research-paper',
				'final-report',
			]);
			expect((await findRubric(viewer, 'alert'))?.data.title).toBe('The alert');
		}
		expect(await findRubric({ role: 'mentor' }, 'no-such-rubric')).toBeNull();
	});

	it('do not exist for a participant or a signed-out visitor', async () => {
		for (const viewer of outsiders) {
			expect(await listRubrics(viewer)).toEqual([]);
			expect(await findRubric(viewer, 'alert')).toBeNull();
		}
	});
});
