/** The curriculum: one MDX module per file in content/modules, plus the glossary. */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { optionId } from './lib/assessment/quiz';

/** Glossary entries get their id from the term, e.g. "RILO A/P" -> "rilo-a-p". */
function glossaryEntries(text: string) {
	const items = parseYaml(text) as { term: string }[];
	return items.map((item) => ({
		id: item.term
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, ''),
		...item,
	}));
}

const source = z.object({
	/** Title of the page or document cited. */
	title: z.string().min(3),
	/** Who published it (e.g. World Customs Organization). */
	publisher: z.string().min(2),
	/** Public address of the source; omitted only for a document given to participants, not online (the programme charter). */
	url: z.url().optional(),
	/** Year of publication, or of the page as read. */
	year: z.number().int().min(1950).max(2100),
});

const question = z
	.object({
		/** The question as the participant reads it. */
		question: z.string().min(5),
		/** Two to five answer options. */
		options: z.array(z.string().min(1)).min(2).max(5),
		/** Index (0-based) of the correct option. */
		answer: z.number().int().min(0),
		/** Why the correct answer is right (shown after answering). */
		explanation: z.string().min(10),
	})
	.refine((q) => q.answer < q.options.length, { error: 'answer must index one of the options' })
	.refine((q) => new Set(q.options.map(optionId)).size === q.options.length, {
		error: 'options must differ from each other (forms identify an option by its text)',
	});

const modules = defineCollection({
	loader: glob({ pattern: '*.mdx', base: './content/modules' }),
	schema: z
		.object({
			/** Page heading and link text. */
			title: z.string().min(3),
			/** One sentence saying what the module covers. */
			description: z.string().min(10).max(240),
			/** Training day, 1 to 5. */
			day: z.number().int().min(1).max(5),
			/** Position within the day; unique per day. */
			order: z.number().int().min(1),
			/** Minutes for reading, exercise and knowledge check. */
			duration: z.number().int().min(5).max(480),
			/** What the participant can do afterwards. */
			objectives: z.array(z.string().min(5)).min(1),
			/** Ids of modules to read first. */
			prerequisites: z.array(z.string()).default([]),
			/** Public sources the module's facts come from. */
			sources: z.array(source).min(1),
			/** The knowledge check: at least five questions. */
			quiz: z.array(question).min(5),
			/** Correct answers needed to pass the check; default five in six of the questions, rounded up. */
			passMark: z.number().int().min(1).optional(),
			/** Hidden everywhere when true. */
			draft: z.boolean().default(false),
		})
		.refine((m) => m.passMark === undefined || m.passMark <= m.quiz.length, {
			error: 'passMark cannot be more than the number of questions',
			path: ['passMark'],
		}),
});

/** Facilitator notes, for mentors and admins only: content/facilitator/<module id>.mdx. */
const facilitator = defineCollection({
	loader: glob({ pattern: '*.mdx', base: './content/facilitator' }),
	schema: z.object({
		/** One sentence: what the session must achieve. */
		aim: z.string().min(10),
		/** Suggested minutes for the whole session, as delivered in a classroom. */
		minutes: z.number().int().min(10).max(480),
	}),
});

/** Marking rubrics for the participants' products, for mentors and admins only: content/rubrics/<id>.mdx. */
const rubrics = defineCollection({
	loader: glob({ pattern: '*.mdx', base: './content/rubrics' }),
	schema: z.object({
		/** The product it marks, e.g. "The alert". */
		title: z.string().min(3),
		/** One sentence: what is marked and when. */
		description: z.string().min(10).max(240),
		/** Position in the list. */
		order: z.number().int().min(1),
	}),
});

/** Printable job aids for participants: content/job-aids/<id>.mdx. */
const jobAids = defineCollection({
	loader: glob({ pattern: '*.mdx', base: './content/job-aids' }),
	schema: z.object({
		title: z.string().min(3),
		/** One sentence: when to use it. */
		description: z.string().min(10).max(240),
		order: z.number().int().min(1),
		/** Id of the module that teaches it. */
		module: z.string(),
	}),
});

const glossary = defineCollection({
	loader: file('content/glossary.yaml', { parser: glossaryEntries }),
	schema: z.object({
		/** The term as written (e.g. CEN). */
		term: z.string().min(2),
		/** The full name, when the term is an abbreviation. */
		expansion: z.string().optional(),
		/** One to three sentences. */
		definition: z.string().min(10),
		/** Id of the module that explains the term most. */
		module: z.string().optional(),
	}),
});

export const collections = { modules, glossary, facilitator, rubrics, jobAids };
