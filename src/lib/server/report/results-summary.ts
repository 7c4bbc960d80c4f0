/** Turns the many report actions' results into one message and status for the page. */
type Result =
	{ data?: unknown; error?: { message: string; status: number; code: string } } | undefined;

/** The first failure among results (by action name), and whether any succeeded. */
export function summariseResults(results: Record<string, Result>) {
	const entry = Object.entries(results).find(([, r]) => r?.error);
	const succeeded = Object.values(results).some((r) => r && !r.error);
	return {
		failed: entry?.[1]?.error ?? null,
		/** The result that failed, for formState. */
		failedResult: entry?.[1],
		/** Which action failed, so its form can show the sentence beside its field. */
		failedAction: entry?.[0] ?? null,
		succeeded,
	};
}
