/** Every module's handout finds its key facts, its exercise and its OJT section in the source. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handoutParts } from '~/lib/course/handout';

const modules = readdirSync('content/modules')
	.filter((f) => f.endsWith('.mdx'))
	.map((f) => {
		const text = readFileSync(`content/modules/${f}`, 'utf8');
		return { id: f.slice(0, -4), body: text.replace(/^---\n[\s\S]*?\n---\n/, '') };
	});

describe('module handouts', () => {
	it.each(modules.map((m) => [m.id, m.body]))(
		'%s has key facts, an exercise and an OJT part',
		(_id, body) => {
			const parts = handoutParts(body);
			expect(parts.keyFacts?.markdown).toMatch(/^- /);
			expect(parts.exercise?.title.length).toBeGreaterThan(3);
			expect(parts.exercise?.minutes).toBeGreaterThan(0);
			expect(parts.ojt?.length).toBeGreaterThan(50);
			// No component tag is left for the Markdown renderer to print as text.
			for (const md of [parts.keyFacts!.markdown, parts.exercise!.markdown, parts.ojt!])
				expect(md).not.toMatch(/<\/?[A-Z]/);
		},
	);

	it('reads a small source', () => {
		const parts = handoutParts(
			[
				'## Teaching',
				'Text.',
				'<KeyFacts title="Facts">',
				'',
				'- One (WCO)',
				'',
				'</KeyFacts>',
				'<Exercise title="Do it" minutes={15}>',
				'',
				'1. Step',
				'',
				'</Exercise>',
				'## In your OJT',
				'',
				'<Callout kind="tip" title="Tip">',
				'Use it.',
				'</Callout>',
			].join('\n'),
		);
		expect(parts).toEqual({
			keyFacts: { title: 'Facts', markdown: '- One (WCO)' },
			exercise: { title: 'Do it', minutes: 15, markdown: '1. Step' },
			ojt: '**Tip**\nUse it.',
		});
	});

	it('leaves out what a module does not have', () => {
		expect(handoutParts('## Only text\n\nNothing else.')).toEqual({
			keyFacts: null,
			exercise: null,
			ojt: null,
		});
	});
});
