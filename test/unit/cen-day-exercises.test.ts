/** The CEN day's guided exercises: each tied to a real day-2 module, and judged from the participant's own work. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	cenDayExercises,
	cenDayStatus,
	dayTwoCaseId,
	type PracticeFacts,
} from '~/lib/cen/exercise-check';
import { codingCases } from '~/lib/server/cen/cases';

const none: PracticeFacts = { attempts: [], freeRecords: [], messages: [], materials: [] };
const moduleText = (id: string) => readFileSync(`content/modules/${id}.mdx`, 'utf8');

describe('the CEN day', () => {
	it('has four exercises, each in a day-2 module that sends the participant to it', () => {
		expect(cenDayExercises.map((e) => e.id)).toEqual([
			'code-a-seizure',
			'ncp-search',
			'warning-and-feedback',
			'national-workflow',
		]);
		const modules = new Set(readdirSync('content/modules').map((f) => f.replace(/\.mdx$/, '')));
		for (const e of cenDayExercises) {
			expect(modules.has(e.moduleId), e.moduleId).toBe(true);
			expect(moduleText(e.moduleId)).toMatch(/^day: 2$/m);
			expect(moduleText(e.moduleId), `${e.moduleId} links to /cen/exercises`).toContain(
				'/cen/exercises',
			);
		}
		expect(codingCases.some((c) => c.id === dayTwoCaseId)).toBe(true);
	});

	it('starts with nothing done', () => {
		for (const s of Object.values(cenDayStatus(none))) expect(s.state).toBe('not started');
	});

	it('counts the coding exercise as done only when an attempt matches every field', () => {
		const wrong = cenDayStatus({
			...none,
			attempts: [{ caseId: dayTwoCaseId, right: 14, total: 15 }],
		});
		expect(wrong['code-a-seizure']).toMatchObject({ state: 'started' });
		expect(wrong['code-a-seizure'].detail).toContain('14 of 15');
		const right = cenDayStatus({
			...none,
			attempts: [
				{ caseId: dayTwoCaseId, right: 14, total: 15 },
				{ caseId: dayTwoCaseId, right: 15, total: 15 },
			],
		});
		expect(right['code-a-seizure']).toMatchObject({ state: 'done' });
		expect(right['code-a-seizure'].detail).toContain('2 attempts');
		// Another case, however well coded, is not the day's case.
		const other = cenDayStatus({ ...none, attempts: [{ caseId: 'other', right: 15, total: 15 }] });
		expect(other['code-a-seizure'].state).toBe('not started');
	});

	it('needs a sent warning and a sent feedback; drafts only start the exercise', () => {
		const draft = cenDayStatus({ ...none, messages: [{ kind: 'warning', status: 'draft' }] });
		expect(draft['warning-and-feedback'].state).toBe('started');
		const half = cenDayStatus({ ...none, messages: [{ kind: 'warning', status: 'submitted' }] });
		expect(half['warning-and-feedback'].detail).toMatch(/feedback message is still to send/);
		const both = cenDayStatus({
			...none,
			messages: [
				{ kind: 'warning', status: 'approved' },
				{ kind: 'feedback', status: 'submitted' },
			],
		});
		expect(both['warning-and-feedback'].state).toBe('done');
	});

	it('needs a saved search, and a free record filed in the materials', () => {
		const s = cenDayStatus({
			...none,
			freeRecords: ['r1'],
			materials: [
				{ kind: 'search', refId: '' },
				{ kind: 'seizure', refId: 'other' },
			],
		});
		expect(s['ncp-search'].state).toBe('done');
		expect(s['national-workflow'].state).toBe('started');
		const filed = cenDayStatus({
			...none,
			freeRecords: ['r1'],
			materials: [{ kind: 'seizure', refId: 'r1' }],
		});
		expect(filed['national-workflow'].state).toBe('done');
	});
});
