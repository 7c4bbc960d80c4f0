/** One default handling marking for every form that makes a record (`src/lib/handling.ts`). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultHandling, defaultHandlingNote } from '~/lib/handling';

function filesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory()
			? filesUnder(path)
			: /\.(astro|tsx)$/.test(name)
				? [path]
				: [];
	});
}

describe('the default handling marking', () => {
	it('is one constant: no form presets its own marking', () => {
		const own: string[] = [];
		for (const file of filesUnder('src')) {
			const text = readFileSync(file, 'utf8');
			// A preset on the marking field, a hidden marking, or a script's own initial marking.
			if (
				/preset="(restricted|unrestricted)"/.test(text) ||
				/name="handling"\s+value="(restricted|unrestricted)"/.test(text) ||
				/useState(<[^>]*>)?\('(restricted|unrestricted)'\)/.test(text)
			)
				own.push(file);
		}
		expect(own).toEqual([]);
	});

	it('is said on every marking field', () => {
		expect(defaultHandlingNote).toBe(
			`New records are ${defaultHandling} unless you choose otherwise.`,
		);
	});
});
