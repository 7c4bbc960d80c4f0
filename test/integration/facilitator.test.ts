/** Facilitator notes exist only for the people who deliver the course. */
import { describe, expect, it } from 'vitest';
import { findFacilitatorNotes, mayReadFacilitatorNotes } from '~/lib/server/facilitator';

describe('facilitator notes', () => {
	it('are for mentors and admins only', () => {
		expect(mayReadFacilitatorNotes({ role: 'mentor' })).toBe(true);
		expect(mayReadFacilitatorNotes({ role: 'admin' })).toBe(true);
		expect(mayReadFacilitatorNotes({ role: 'participant' })).toBe(false);
		expect(mayReadFacilitatorNotes(null)).toBe(false);
	});

	it('are not found (404) for a participant or a signed-out visitor, even where notes exist', async () => {
		for (const viewer of [{ role: 'participant' as const }, null])
			expect(await findFacilitatorNotes(viewer, 'data-cleaning-and-quality')).toBeNull();
	});
});
