/**
 * A report section's editor. Without JavaScript it is a plain form posting to the page; with
 * it, it autosaves two seconds after typing stops, keeps the version it saved, and on a
 * conflict (another tab saved first) shows both texts and lets the writer choose.
 */
import { actions, isInputError } from 'astro:actions';
import { useEffect, useRef, useState, type ChangeEvent, type SyntheticEvent } from 'react';
import { formatClock } from '~/lib/dates';

type Text = { outline: string; notes: string };
type Props = {
	id: string;
	version: number;
	outline: string;
	notes: string;
	formAction: string;
	hint: string;
	/** The cohort's time zone: "Saved at" tells the time there, as every page does, not the device's. */
	timeZone: string;
};
type State = 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';

const autosaveDelayMs = 2000;

/** A refusal in words: the field's own message for invalid input, never raw validation output. */
function refusal(error: Parameters<typeof isInputError>[0]): string {
	if (isInputError(error)) {
		const first = Object.values(error.fields).flat()[0];
		return typeof first === 'string' ? first : 'the text could not be saved as it is.';
	}
	return error instanceof Error ? error.message : 'please try again.';
}

/** One side of a save conflict, outline and notes as one plain text to compare. */
function TextCopy({ title, text }: { title: string; text: Text }) {
	return (
		<div>
			<p className="font-semibold">{title}</p>
			<pre className="mt-1 rounded bg-white p-2 text-sm whitespace-pre-wrap text-slate-900 dark:bg-slate-900 dark:text-slate-100">
				{`${text.outline}\n\n${text.notes}`.trim()}
			</pre>
		</div>
	);
}

export default function SectionEditor(props: Props) {
	const [text, setText] = useState<Text>({ outline: props.outline, notes: props.notes });
	const [state, setState] = useState<State>('saved');
	const [message, setMessage] = useState('');
	const [conflict, setConflict] = useState<(Text & { version: number }) | null>(null);
	const version = useRef(props.version);
	const latest = useRef(text);
	const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
	latest.current = text;

	useEffect(() => {
		const warn = (e: BeforeUnloadEvent) => {
			if (state === 'dirty' || state === 'saving' || state === 'conflict') e.preventDefault();
		};
		window.addEventListener('beforeunload', warn);
		return () => window.removeEventListener('beforeunload', warn);
	}, [state]);

	async function save(autosave: boolean) {
		if (timer.current) clearTimeout(timer.current);
		const sent = latest.current;
		const form = new FormData();
		form.set('id', props.id);
		form.set('version', String(version.current));
		form.set('outline', sent.outline);
		form.set('notes', sent.notes);
		if (autosave) form.set('autosave', 'on');
		setState('saving');
		const { data, error } = await actions.report.saveSection(form);
		if (error) {
			setState('error');
			setMessage(
				error.code === 'UNAUTHORIZED'
					? 'Your session has ended. Your text is still here: sign in again in another tab, then press Save.'
					: `Not saved: ${refusal(error)}`,
			);
			return;
		}
		if (!data.ok) {
			setConflict(data.conflict);
			setState('conflict');
			return;
		}
		version.current = data.version;
		const changedSince = latest.current !== sent;
		setState(changedSince ? 'dirty' : 'saved');
		setMessage(
			`Saved at ${formatClock(new Date(data.savedAt), props.timeZone)}${autosave ? ' (autosave)' : ''}.`,
		);
		if (changedSince) schedule();
	}

	function schedule() {
		if (timer.current) clearTimeout(timer.current);
		timer.current = setTimeout(() => void save(true), autosaveDelayMs);
	}

	function change(field: keyof Text) {
		return (e: ChangeEvent<HTMLTextAreaElement>) => {
			setText((t) => ({ ...t, [field]: e.target.value }));
			if (state === 'conflict') return;
			setState('dirty');
			schedule();
		};
	}

	function keepMine() {
		version.current = conflict!.version;
		setConflict(null);
		void save(false);
	}

	function takeSaved() {
		version.current = conflict!.version;
		setText({ outline: conflict!.outline, notes: conflict!.notes });
		setConflict(null);
		setState('saved');
		setMessage('Showing the saved version.');
	}

	function submit(e: SyntheticEvent<HTMLFormElement>) {
		e.preventDefault();
		void save(false);
	}

	const status = {
		saved: message || 'All changes saved.',
		dirty: 'Unsaved changes — autosaving…',
		saving: 'Saving…',
		conflict: 'Not saved: this section changed elsewhere.',
		error: message,
	}[state];
	const ids = {
		outline: `outline-${props.id}`,
		notes: `notes-${props.id}`,
		status: `status-${props.id}`,
	};
	// Both text areas are bound the same way: id, field name, current text, change handler.
	const bind = (field: keyof Text) => ({
		id: ids[field],
		name: field,
		value: text[field],
		onChange: change(field),
	});
	return (
		<form method="POST" action={props.formAction} onSubmit={submit}>
			<input type="hidden" name="id" value={props.id} />
			<input type="hidden" name="version" value={version.current} />
			<label htmlFor={ids.outline}>Outline (points, one per line)</label>
			<textarea {...bind('outline')} rows={8} aria-describedby={`${ids.outline}-hint`} />
			<p id={`${ids.outline}-hint`} className="hint">
				{props.hint} Markdown works: start points with “- ”.
			</p>
			<label htmlFor={ids.notes} className="mt-3 block">
				Notes
			</label>
			<textarea {...bind('notes')} rows={5} />
			{conflict && (
				<div role="alert" className="notice-error mt-3">
					<p className="font-semibold">
						This section was saved elsewhere (version {conflict.version}) while you were typing.
						Nothing is lost:
					</p>
					<div className="mt-2 grid gap-3 md:grid-cols-2">
						<TextCopy title="Saved version" text={conflict} />
						<TextCopy title="Your text" text={text} />
					</div>
					<div className="mt-3 flex flex-wrap gap-3">
						<button type="button" className="btn" onClick={keepMine}>
							Keep my text (save over)
						</button>
						<button type="button" className="btn-secondary" onClick={takeSaved}>
							Use the saved version
						</button>
					</div>
				</div>
			)}
			<div className="mt-3 flex flex-wrap items-center gap-4">
				<button className="btn" disabled={state === 'saving'}>
					Save
				</button>
				<p id={ids.status} role="status" aria-live="polite" className="hint">
					{status}
				</p>
			</div>
		</form>
	);
}
