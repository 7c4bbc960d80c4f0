/** Pages as a browser without JavaScript meets them: every form and link must work as plain HTML. */
import { test } from '@playwright/test';

/** A group of tests run in a browser with JavaScript turned off. */
export function describeWithoutJavaScript(title: string, body: () => void): void {
	test.describe(title, () => {
		test.use({ javaScriptEnabled: false });
		body();
	});
}
