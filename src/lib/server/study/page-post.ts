/**
 * What a study page does with the form that posted to it: on success, redirect to the part
 * that changed with a message; on an error, keep what was typed and answer with the error's
 * status; when the session ended, stash the text and send the person to sign in (the form
 * comes back filled). Several forms share a page, so each one asks `formFor` for its state.
 */
import type { AstroGlobal } from 'astro';
import { actions } from 'astro:actions';
import type { Db } from '~db/client';
import { formState, type FormState } from '../http/form';
import { stashForm, takeStash } from '../http/form-stash';
import { resumeAfterSignIn } from '../auth/page-guard';

/** The name of a study action (actions.study.<name>). */
export type StudyActionName = keyof typeof actions.study;

/** What each action says once it worked. */
const doneMessages: Record<StudyActionName, string> = {
	savePlan: 'Plan saved.',
	saveFindings: 'Findings saved.',
	addSource: 'Source added.',
	updateSource: 'Source updated.',
	deleteSource: 'Source deleted.',
	addMilestone: 'Milestone added.',
	setMilestoneDone: 'Milestone updated.',
	deleteMilestone: 'Milestone deleted.',
	addActivity: 'Activity proposed. Whether each of the three parties agrees shows below the table.',
	updateActivity: 'Activity updated.',
	answerActivity:
		'Your answer on the activity is recorded; the parties still to agree have been notified.',
	addSection: 'Section added. Write its text below.',
	renameSection: 'Section renamed.',
	saveSection: 'Section saved.',
	moveSection: 'Section moved.',
	deleteSection: 'Section deleted.',
	comment: 'Comment added.',
	resolveComment: 'Comment marked resolved.',
};

/** The form that posted to this page (or came back from a stash), and its state. */
export type StudyPost = {
	name: StudyActionName | null;
	form: FormState;
	/** True when the action refused a stale save (both texts are shown). */
	conflict: boolean;
	/** True when the values come from before an expired session. */
	restored: boolean;
};

const emptyForm: FormState = { values: {}, errors: {}, error: null, status: null, ok: false };
const emptyPost: StudyPost = { name: null, form: emptyForm, conflict: false, restored: false };

function isStudyAction(name: string | undefined): name is StudyActionName {
	return Boolean(name && Object.hasOwn(doneMessages, name));
}

/** The values typed before the session ended, if this request brings them back. */
async function restoredPost(astro: AstroGlobal, db: Db): Promise<StudyPost | null> {
	const id = astro.url.searchParams.get('restore');
	const user = astro.locals.user;
	if (!id || !user) return null;
	const values = await takeStash(db, id, user.id);
	if (!values || !isStudyAction(values.form)) return null;
	return { name: values.form, form: { ...emptyForm, values }, conflict: false, restored: true };
}

/**
 * Handles the study action that posted to `base` (a path): returns the response to send
 * (redirect) or the state the page's forms render from.
 */
export async function handleStudyPost(
	astro: AstroGlobal,
	db: Db,
	base: string,
): Promise<Response | StudyPost> {
	const name = /^study\.(\w+)$/.exec(astro.url.searchParams.get('_action') ?? '')?.[1];
	if (!isStudyAction(name)) return (await restoredPost(astro, db)) ?? emptyPost;
	const result = astro.getActionResult(actions.study[name]);
	if (result && !result.error) {
		const at = result.data.anchor;
		return astro.redirect(`${base}?done=${name}&at=${encodeURIComponent(at)}#${at}`, 303);
	}
	if (result?.error?.code === 'UNAUTHORIZED')
		return resumeAfterSignIn(astro, (userId, data) => {
			// Remember which form it was, so the text goes back into the right one.
			data.set('form', name);
			return stashForm(db, userId, data);
		});
	const form = await formState(astro.request, result);
	if (form.status) astro.response.status = form.status;
	return { name, form, conflict: result?.error?.code === 'CONFLICT', restored: false };
}

/**
 * The state of one form: the posted one's when it is this action (and, for forms repeated per
 * item, this item: `key` is matched against the posted `id` or `part`), else an empty one.
 */
export function formFor(post: StudyPost, name: StudyActionName, key?: string): FormState {
	if (post.name !== name) return emptyForm;
	if (key !== undefined && post.form.values.id !== key && post.form.values.part !== key)
		return emptyForm;
	return post.form;
}

/** The success message to show, and the element id it belongs to, after a redirect. */
export function doneNotice(url: URL): { at: string; message: string } | null {
	const name = url.searchParams.get('done') ?? undefined;
	const at = url.searchParams.get('at');
	return isStudyAction(name) && at ? { at, message: doneMessages[name] } : null;
}

/**
 * True when this form's save was refused as stale, or its text came back from an expired
 * session at an older version: either way both texts are shown before anything is overwritten.
 */
export function staleSave(
	post: StudyPost,
	name: StudyActionName,
	version: number,
	id?: string,
): boolean {
	if (post.name !== name || (id !== undefined && post.form.values.id !== id)) return false;
	return post.conflict || (post.restored && post.form.values.version !== String(version));
}

/** Actions whose small forms (a single button) have no room for a message of their own. */
const buttonOnly: StudyActionName[] = [
	'setMilestoneDone',
	'deleteMilestone',
	'moveSection',
	'resolveComment',
];

/**
 * The error to show at the top of the page: failures of button-only forms, and 404s (the
 * record is gone, and with it the form that would show the message). Null otherwise.
 */
export function pageAlert(post: StudyPost): string | null {
	if (!post.name || !post.form.error) return null;
	return buttonOnly.includes(post.name) || post.form.status === 404 ? post.form.error : null;
}
