/**
 * Post-build step. @astrojs/node serves each prerendered page's CSP header from
 * `<build>/_headers.json`, choosing the FIRST entry whose pathname *contains* the requested path
 * (so "/" could get "/curriculum/glossary"'s policy, whose script hashes differ). Sorting the
 * entries shortest first makes that first match the exact one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Sorts `<buildDir>/_headers.json` in place; returns how many entries it holds. */
export function sortStaticHeaders(buildDir: string): number {
	const file = join(buildDir, '_headers.json');
	const entries = JSON.parse(readFileSync(file, 'utf8')) as { pathname: string }[];
	entries.sort(
		(a, b) => a.pathname.length - b.pathname.length || a.pathname.localeCompare(b.pathname),
	);
	writeFileSync(file, JSON.stringify(entries, null, '\t'));
	return entries.length;
}
