/**
 * The one-line message a page shows right after an action worked ("Draft saved."). Actions
 * redirect with `?done=<key>`; a page opened any other way shows nothing. Pure.
 */

/** The message for the `done` key in the URL, or null when there is none or it is unknown. */
export function flashMessage<K extends string>(
	url: URL,
	messages: Record<K, string>,
	param = 'done',
): string | null {
	const key = url.searchParams.get(param);
	return key !== null && Object.hasOwn(messages, key) ? messages[key as K] : null;
}
