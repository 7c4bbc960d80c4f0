/**
 * Every audit action the source records has a label for the audit log's Action filter and a
 * sentence of its own (none falls back to the generic "did “…” on …").
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { materialKinds } from '~db/schema';
import { auditActionLabels, hasAuditPhrase } from '~/lib/audit-sentences';

function filesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory()
			? filesUnder(path)
			: /\.(ts|astro)$/.test(name)
				? [path]
				: [];
	});
}

/** What each action built from a template can become (a new template must be added here). */
const templates: Record<string, string[]> = {
	'review.${decision}': ['approved', 'changes_requested', 'reopened', 'undone'].map(
		(d) => `review.${d}`,
	),
	'cen_message.${decision}': ['approved', 'changes_requested'].map((d) => `cen_message.${d}`),
	'offer.${answer}': ['accept', 'decline'].map((a) => `offer.${a}`),
	'material.add_${values.kind}': materialKinds.map((k) => `material.add_${k}`),
	'report.section_${reason}': ['save', 'restore', 'draft-from-log'].map(
		(r) => `report.section_${r}`,
	),
	'study.section_${action}': ['add', 'rename', 'save', 'move', 'delete'].map(
		(a) => `study.section_${a}`,
	),
};

/** Every action code in src/: literals like 'study.activity_agree' and the templates' expansions. */
function actionCodes(): Set<string> {
	const codes = new Set<string>();
	const namespaces = new Set<string>();
	// The sentences' own file names every code: it is what is checked, not where codes come from.
	const sources = filesUnder('src')
		.filter((f) => !f.endsWith('audit-sentences.ts'))
		.map((f) => readFileSync(f, 'utf8'));
	// The namespaces that appear as `action: '<ns>.…'` (or in a ternary there) are the audit's.
	for (const text of sources)
		for (const m of text.matchAll(/action:[^,\n]*?[`']([a-z_]+)\./g)) namespaces.add(m[1]!);
	for (const text of sources) {
		for (const m of text.matchAll(/'([a-z_]+)\.([a-z_-]+)'/g))
			if (namespaces.has(m[1]!) && !/\.(json|png|html|mjs|md|csv|txt|ts)$/.test(m[0].slice(0, -1)))
				codes.add(`${m[1]}.${m[2]}`);
		for (const m of text.matchAll(/action:\s*`([^`]+)`/g)) {
			const expansions = templates[m[1]!];
			expect(expansions, `the template action \`${m[1]}\` is listed in this test`).toBeDefined();
			for (const code of expansions!) codes.add(code);
		}
	}
	// Actions passed to a helper that records them (study fields, paper sections).
	for (const text of sources)
		for (const m of text.matchAll(/saveStudyFields\([^)]*'([a-z_]+\.[a-z_]+)'\)/g))
			codes.add(m[1]!);
	return codes;
}

describe('audit actions', () => {
	const codes = actionCodes();

	it('are found in the source (the scan works)', () => {
		for (const code of [
			'report.version_submit',
			'study.activity_agree',
			'study.activity_change',
			'review.approved',
			'material.add_chart',
			'study.findings_save',
			'checklist.tick',
		])
			expect(codes).toContain(code);
	});

	it('each have a label for the filter and a sentence of their own', () => {
		const unlabelled = [...codes].filter((c) => !auditActionLabels[c]);
		expect(unlabelled).toEqual([]);
		const generic = [...codes].filter((c) => !hasAuditPhrase(c));
		expect(generic).toEqual([]);
		// Labels are words, not codes.
		for (const label of Object.values(auditActionLabels)) expect(label).not.toMatch(/[._]/);
	});
});
