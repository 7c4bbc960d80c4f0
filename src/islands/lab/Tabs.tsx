/**
 * Tabs as the WAI-ARIA pattern describes them: one tab stop, arrow keys, Home and End move
 * between tabs and show each one's panel.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

type Props<T extends string> = {
	label: string;
	tabs: { id: T; label: string }[];
	active: T;
	onChange: (id: T) => void;
	/** A pointer over a tab or focus on it: a hint to fetch what its panel needs. */
	onIntent?: (id: T) => void;
	children: ReactNode;
};

export default function Tabs<T extends string>({
	label,
	tabs,
	active,
	onChange,
	onIntent,
	children,
}: Props<T>) {
	const list = useRef<HTMLDivElement>(null);

	function onKeyDown(event: KeyboardEvent) {
		const at = tabs.findIndex((t) => t.id === active);
		const moves: Record<string, number> = {
			ArrowRight: (at + 1) % tabs.length,
			ArrowLeft: (at - 1 + tabs.length) % tabs.length,
			Home: 0,
			End: tabs.length - 1,
		};
		const next = moves[event.key];
		if (next === undefined) return;
		event.preventDefault();
		onChange(tabs[next]!.id);
		list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
	}

	return (
		<div>
			<div
				ref={list}
				role="tablist"
				aria-label={label}
				className="flex flex-wrap gap-1 border-b border-slate-300 dark:border-slate-600"
				onKeyDown={onKeyDown}
			>
				{tabs.map((tab) => (
					<button
						key={tab.id}
						type="button"
						role="tab"
						id={`lab-tab-${tab.id}`}
						aria-selected={tab.id === active}
						aria-controls="lab-panel"
						tabIndex={tab.id === active ? 0 : -1}
						onClick={() => onChange(tab.id)}
						onPointerEnter={() => onIntent?.(tab.id)}
						onFocus={() => onIntent?.(tab.id)}
						className="-mb-px cursor-pointer rounded-t-md border border-transparent px-3 py-2 font-medium text-slate-700 hover:bg-slate-100 aria-selected:border-slate-300 aria-selected:border-b-white aria-selected:bg-white aria-selected:text-brand-700 dark:text-slate-200 dark:hover:bg-slate-800 dark:aria-selected:border-slate-600 dark:aria-selected:border-b-slate-950 dark:aria-selected:bg-slate-950 dark:aria-selected:text-sky-300"
					>
						{tab.label}
					</button>
				))}
			</div>
			<div
				role="tabpanel"
				id="lab-panel"
				aria-labelledby={`lab-tab-${active}`}
				tabIndex={0}
				className="pt-4"
			>
				{children}
			</div>
		</div>
	);
}
