/**
 * Knowledge checks and course tests: stable option ids, per-attempt shuffling, scoring by
 * identity and pass marks. Pure, so the same rules serve pages, actions and tests.
 */

/** A question as authored: options in authoring order and the index of the correct one. */
export type AuthoredQuestion = {
	question: string;
	options: string[];
	answer: number;
	explanation: string;
};

/** An option as a form shows it: its stable id and its text. */
export type ShownOption = { id: string; text: string };

/**
 * Stable id of an option: a short FNV-1a hash of its text. Forms post this id, never a
 * position, so scoring holds whatever order the options were shown in (or are authored in).
 */
export function optionId(text: string): string {
	let hash = 0x811c9dc5;
	for (const char of text.normalize('NFC')) {
		hash ^= char.codePointAt(0)!;
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(36).padStart(7, '0');
}

/** A random seed for one attempt's order (not a secret: it only decides the order shown). */
export function newSeed(): number {
	return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

/** mulberry32: a small seeded generator, so one attempt's order can be shown again. */
function generator(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The options of question `index` in the order attempt `seed` shows them (Fisher–Yates). */
export function shuffledOptions(options: string[], seed: number, index: number): ShownOption[] {
	const next = generator(seed ^ Math.imul(index + 1, 0x9e3779b1));
	const shown = options.map((text) => ({ id: optionId(text), text }));
	for (let i = shown.length - 1; i > 0; i--) {
		const j = Math.floor(next() * (i + 1));
		[shown[i], shown[j]] = [shown[j]!, shown[i]!];
	}
	return shown;
}

/** One question's verdict after submitting. */
export type Verdict = {
	/** The chosen option's id, or null when none of this question's options was chosen. */
	chosen: string | null;
	/** The correct option's id. */
	correct: string;
	right: boolean;
	explanation: string;
};

/**
 * Scores chosen option ids (one per question, in question order) by identity: an id that is
 * not one of the question's options counts as unanswered.
 */
export function scoreAnswers(questions: AuthoredQuestion[], chosen: (string | null | undefined)[]) {
	const verdicts: Verdict[] = questions.map((q, i) => {
		const ids = q.options.map(optionId);
		const pick = chosen[i] && ids.includes(chosen[i]) ? chosen[i] : null;
		const correct = ids[q.answer]!;
		return { chosen: pick, correct, right: pick === correct, explanation: q.explanation };
	});
	return {
		verdicts,
		score: verdicts.filter((v) => v.right).length,
		total: questions.length,
	};
}

/** The default pass mark: five in six of the questions, rounded up (5 of 6, 6 of 7). */
export function defaultPassMark(questionCount: number): number {
	return Math.ceil((questionCount * 5) / 6);
}

/** The pass mark a module uses: its own `passMark`, else the default, never above the question count. */
export function passMarkOf(questionCount: number, passMark?: number | null): number {
	return Math.min(passMark ?? defaultPassMark(questionCount), questionCount);
}

/** Indexes (0-based) of the questions without an answer. */
export function unansweredQuestions(
	questions: AuthoredQuestion[],
	chosen: (string | null | undefined)[],
) {
	return questions.flatMap((q, i) =>
		chosen[i] && q.options.some((o) => optionId(o) === chosen[i]) ? [] : [i],
	);
}

/** The form field that carries question `index`'s answer (actions read them as one `answers` object). */
export function answerField(index: number): string {
	return `answers.${index}`;
}

/** The chosen option ids in question order, from an action's `answers` object. */
export function answersInOrder(answers: Record<string, string>, count: number): (string | null)[] {
	return Array.from({ length: count }, (_, i) => answers[String(i)] || null);
}

/** Balance of a set of questions: answers per position, and how often the correct option is the longest. */
export function answerBalance(questions: AuthoredQuestion[]) {
	const byPosition: number[] = [];
	let longest = 0;
	for (const q of questions) {
		byPosition[q.answer] = (byPosition[q.answer] ?? 0) + 1;
		const right = q.options[q.answer]!.length;
		if (q.options.every((o) => o.length <= right)) longest += 1;
	}
	const n = questions.length || 1;
	return {
		questions: questions.length,
		/** Share of answers at each position (0-based), e.g. [0.25, 0.5, 0.25]. */
		positionShares: Array.from(byPosition, (count) => (count ?? 0) / n),
		/** Share of questions whose correct option is at least as long as every other (how the review counted: 71 of 96). */
		longestShare: longest / n,
	};
}

/** Every question with its options in the order attempt `seed` shows them. */
export function showAttempt(questions: { question: string; options: string[] }[], seed: number) {
	return questions.map((q, i) => ({
		question: q.question,
		options: shuffledOptions(q.options, seed, i),
	}));
}

/** A seed posted back with a refused form, or null when it is not one. */
export function parseSeed(value: string | undefined): number | null {
	const seed = Number(value);
	return value && Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32 ? seed : null;
}

/** The choices a refused form posted (`answers.<index>` = option id), by question index. */
export function postedChoices(values: Record<string, string>): Record<string, string> {
	const chosen: Record<string, string> = {};
	for (const [name, value] of Object.entries(values)) {
		const match = /^answers\.(\d+)$/.exec(name);
		if (match && value) chosen[match[1]!] = value;
	}
	return chosen;
}

/** The most a set of questions may lean: share of answers at one position, share with the longest option right. */
export const balanceLimits = { position: 0.4, longest: 0.45 } as const;

/** What makes a set of questions guessable, in words (empty when it is balanced). */
export function balanceProblems(questions: AuthoredQuestion[]): string[] {
	const { positionShares, longestShare } = answerBalance(questions);
	const percent = (x: number) => `${Math.round(x * 100)}%`;
	const problems = positionShares.flatMap((share, i) =>
		share > balanceLimits.position
			? [
					`${percent(share)} of answers are option ${i + 1} (at most ${percent(balanceLimits.position)})`,
				]
			: [],
	);
	if (longestShare > balanceLimits.longest)
		problems.push(
			`the correct option is the longest in ${percent(longestShare)} of questions (at most ${percent(balanceLimits.longest)})`,
		);
	return problems;
}

/** Every question with its options as authored (to review a stored attempt). */
export function showAuthored(questions: { question: string; options: string[] }[]) {
	return questions.map((q) => ({
		question: q.question,
		options: q.options.map((text) => ({ id: optionId(text), text })),
	}));
}
