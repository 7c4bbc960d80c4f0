/**
 * The workbench's link to its worker: starts it, loads the data set with progress, and turns
 * queries into promises. Only the newest query's answer is kept, so fast clicking never shows
 * a stale view.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
	DatasetInfo,
	Filter,
	Query,
	ViewResult,
	WorkerRequest,
	WorkerResponse,
} from '~/lib/lab/query';

/** Where loading stands. */
export type LoadState =
	| { status: 'loading'; phase: 'start' | 'download' | 'parse'; received: number; total: number }
	| { status: 'ready'; info: DatasetInfo }
	| { status: 'error'; message: string };

type Answer = Extract<WorkerResponse, { type: 'loaded' | 'result' | 'csv' }>;
type Waiting = { resolve: (answer: Answer) => void; reject: (error: Error) => void };
type Body = WorkerRequest extends infer R
	? R extends { id: number }
		? Omit<R, 'id'>
		: never
	: never;

/** The worker, the load state, and functions to query and export. */
export function useLabWorker(dataUrl: string) {
	const worker = useRef<Worker | null>(null);
	const waiting = useRef(new Map<number, Waiting>());
	const nextId = useRef(1);
	const [load, setLoad] = useState<LoadState>({
		status: 'loading',
		phase: 'start',
		received: 0,
		total: 0,
	});

	const send = useCallback((body: Body): Promise<Answer> => {
		const id = nextId.current++;
		return new Promise((resolve, reject) => {
			waiting.current.set(id, { resolve, reject });
			worker.current?.postMessage({ ...body, id } as WorkerRequest);
		});
	}, []);

	useEffect(() => {
		const w = new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module' });
		worker.current = w;
		w.onmessage = ({ data: m }: MessageEvent<WorkerResponse>) => {
			if (m.type === 'progress') return setLoad({ status: 'loading', ...m });
			const entry = waiting.current.get(m.id);
			waiting.current.delete(m.id);
			if (m.type === 'error') entry?.reject(new Error(m.message));
			else entry?.resolve(m);
		};
		w.onerror = () =>
			setLoad({ status: 'error', message: 'The data lab could not start in this browser.' });
		send({ type: 'load', url: dataUrl })
			.then((m) => {
				if (m.type !== 'loaded') return;
				performance.mark('lab:data-ready');
				setLoad({ status: 'ready', info: m.info });
			})
			.catch((e: Error) => setLoad({ status: 'error', message: e.message }));
		return () => {
			w.terminate();
			worker.current = null;
		};
	}, [dataUrl, send]);

	const exportCsv = useCallback(
		async (filters: Filter[]) => {
			const m = await send({ type: 'export', filters });
			return m.type === 'csv' ? m : null;
		},
		[send],
	);
	return { load, send, exportCsv };
}

/** An answer to a query: the view, the records in view and in all. */
export type ViewAnswer = { view: ViewResult; count: number; total: number };

/**
 * The answer to the current query; `pending` while a newer one is on its way. `known` is an
 * answer the page already has (the first view, sent with the page): it is shown as it is,
 * without asking the worker, which may still be loading.
 */
export function useViewResult(
	send: ReturnType<typeof useLabWorker>['send'],
	ready: boolean,
	query: Query,
	known: ViewAnswer | null = null,
) {
	const [answer, setAnswer] = useState<ViewAnswer | null>(known);
	const [pending, setPending] = useState(false);
	const [error, setError] = useState<string | null>(null);
	const startedAt = useRef<number | null>(null);
	const key = JSON.stringify(query);

	useEffect(() => {
		if (known) {
			setAnswer(known);
			setPending(false);
			return;
		}
		if (!ready) return;
		let current = true;
		startedAt.current = performance.now();
		setPending(true);
		send({ type: 'query', query: JSON.parse(key) as Query })
			.then((m) => {
				if (!current || m.type !== 'result') return;
				setAnswer({ view: m.view, count: m.count, total: m.total });
				setError(null);
				setPending(false);
			})
			.catch((e: Error) => current && (setError(e.message), setPending(false)));
		return () => {
			current = false;
		};
	}, [send, ready, key, known]);

	// Effects run child-first, so the charts of the new view are drawn by the time this runs.
	useEffect(() => {
		if (answer && startedAt.current !== null) {
			performance.measure('lab:update', { start: startedAt.current });
			startedAt.current = null;
		}
	}, [answer]);

	return { answer, pending, error };
}
