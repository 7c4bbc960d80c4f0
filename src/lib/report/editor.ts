/**
 * What each report-section editor starts with: the saved text, or — for the one section whose
 * save did not go through (a conflict, or a session that ended) — the text that was typed. Pure.
 */
type Section = { id: string; version: number; outline: string; notes: string };

/** Typed text waiting for a section; `version` is set after a conflict (the saved version to overwrite). */
export type Unsaved = { id: string; outline: string; notes: string; version?: number };

/** The editor's starting version and text for a section. */
export function editorStart(
	section: Section,
	unsaved: Unsaved | null,
): { version: number; outline: string; notes: string } {
	if (unsaved?.id !== section.id) return section;
	return {
		version: unsaved.version ?? section.version,
		outline: unsaved.outline,
		notes: unsaved.notes,
	};
}
