/** Turns the many report actions' results into one message and status for the page. */
type Result =
	{ data?: unknown; error?: { message: string; status: number; code: string } } | undefined;

/** The first failure among results, and whether any succeeded. */
export function summariseResults(results: Result[]) {
	const failed = results.find((r) => r?.error)?.error ?? null;
	const succeeded = results.some((r) => r && !r.error);
	return { failed, succeeded };
}
