/**
 * Post-build step. @astrojs/node serves each prerendered page's CSP header from
 * dist/_headers.json, choosing the FIRST entry whose pathname *contains* the requested path
 * (so "/" could get "/curriculum/glossary"'s policy, whose script hashes differ). Sorting the
 * entries shortest first makes that first match the exact one.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../../dist/_headers.json', import.meta.url);
const entries = JSON.parse(readFileSync(file, 'utf8')) as { pathname: string }[];
entries.sort(
	(a, b) => a.pathname.length - b.pathname.length || a.pathname.localeCompare(b.pathname),
);
writeFileSync(file, JSON.stringify(entries, null, '\t'));
console.log(`sorted ${entries.length} static header entries`);
