/**
 * A module's knowledge check. Questions arrive without their answers; the server scores the
 * attempt, returns the explanations and, for participants, stores it in their progress.
 */
import { actions } from 'astro:actions';
import { errorSentence } from '~/lib/action-error';
import { useRef, useState, type SyntheticEvent } from 'react';

type Question = { question: string; options: string[] };
type Result = { chosen: number; correct: number; explanation: string };
type Outcome = {
	results: Result[];
	score: number;
	total: number;
	saved: boolean;
	signedIn: boolean;
};

export default function KnowledgeCheck({
	moduleId,
	questions,
}: {
	moduleId: string;
	questions: Question[];
}) {
	const [answers, setAnswers] = useState<number[]>(() => questions.map(() => -1));
	const [outcome, setOutcome] = useState<Outcome | null>(null);
	const [error, setError] = useState<string | null>(null);
	const [busy, setBusy] = useState(false);
	const startedAt = useRef<number | null>(null);
	const unanswered = answers.filter((a) => a < 0).length;

	function choose(q: number, option: number) {
		startedAt.current ??= Date.now();
		setAnswers((prev) => prev.map((a, i) => (i === q ? option : a)));
	}

	async function submit(event: SyntheticEvent<HTMLFormElement>) {
		event.preventDefault();
		setBusy(true);
		setError(null);
		const form = new FormData();
		form.set('moduleId', moduleId);
		answers.forEach((a) => form.append('answers', String(a)));
		form.set(
			'durationSeconds',
			String(Math.round((Date.now() - (startedAt.current ?? Date.now())) / 1000)),
		);
		const { data, error: failure } = await actions.quiz.submit(form);
		setBusy(false);
		if (failure) return setError(errorSentence(failure));
		setOutcome(data);
	}

	function retry() {
		setOutcome(null);
		setAnswers(questions.map(() => -1));
		startedAt.current = null;
	}

	return (
		<form onSubmit={submit} aria-describedby="kc-intro" className="not-prose">
			<p id="kc-intro" className="hint mb-4">
				{questions.length} questions. Choose one answer for each, then check your answers to see an
				explanation for every question.
			</p>
			{questions.map((q, qi) => {
				const r = outcome?.results[qi];
				return (
					<fieldset key={qi} className="card mb-4" disabled={Boolean(outcome)}>
						<legend className="px-1 font-semibold">
							{qi + 1}. {q.question}
						</legend>
						<div className="mt-2 space-y-2">
							{q.options.map((option, oi) => (
								<label key={oi} className="flex cursor-pointer items-start gap-2 font-normal">
									<input
										type="radio"
										name={`q${qi}`}
										value={oi}
										checked={answers[qi] === oi}
										onChange={() => choose(qi, oi)}
										className="mt-1"
									/>
									<span>
										{option}
										{r && oi === r.correct && (
											<strong className="ml-2 text-green-800 dark:text-green-300">
												✓ correct answer
											</strong>
										)}
										{r && oi === r.chosen && r.chosen !== r.correct && (
											<strong className="ml-2 text-red-700 dark:text-red-300">✗ your answer</strong>
										)}
									</span>
								</label>
							))}
						</div>
						{r && (
							<p className="mt-3 rounded bg-slate-100 p-2 text-sm dark:bg-slate-800">
								<strong>
									{r.chosen === r.correct
										? 'Right. '
										: r.chosen < 0
											? 'Not answered. '
											: 'Not quite. '}
								</strong>
								{r.explanation}
							</p>
						)}
					</fieldset>
				);
			})}
			<div aria-live="polite" className="mb-3">
				{outcome && (
					<p className="notice font-semibold">
						You scored {outcome.score} of {outcome.total}.{' '}
						{outcome.saved
							? 'Saved to your progress.'
							: outcome.signedIn
								? 'Attempts are stored for participants only.'
								: 'Sign in as a participant to keep your score.'}
					</p>
				)}
				{error && (
					<p role="alert" className="notice-error">
						{error}
					</p>
				)}
			</div>
			{outcome ? (
				<button type="button" className="btn-secondary" onClick={retry}>
					Try again
				</button>
			) : (
				<button className="btn" disabled={busy}>
					{busy
						? 'Checking…'
						: unanswered
							? `Check my answers (${unanswered} unanswered)`
							: 'Check my answers'}
				</button>
			)}
		</form>
	);
}
