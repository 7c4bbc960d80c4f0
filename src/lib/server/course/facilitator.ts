/**
 * Facilitator notes (content/facilitator/<module id>.mdx): for the people who deliver the
 * course. Mentors and admins read them; for anyone else they do not exist (404).
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { SessionUser } from '../auth/session';

/** True for the roles that deliver the course. */
export function mayReadFacilitatorNotes(user: Pick<SessionUser, 'role'> | null): boolean {
	return user?.role === 'mentor' || user?.role === 'admin';
}

/** A module's notes for a viewer who may read them, else null (the page answers 404). */
export async function findFacilitatorNotes(
	viewer: Pick<SessionUser, 'role'> | null,
	moduleId: string,
): Promise<CollectionEntry<'facilitator'> | null> {
	if (!mayReadFacilitatorNotes(viewer)) return null;
	const module = await getEntry('modules', moduleId);
	if (!module || module.data.draft) return null;
	return (await getEntry('facilitator', moduleId)) ?? null;
}

/** Ids of the modules that have notes. */
export async function listFacilitatorNoteIds(): Promise<Set<string>> {
	return new Set((await getCollection('facilitator')).map((e) => e.id));
}

/** The marking rubrics in their order, for a viewer who may read them; else an empty list. */
export async function listRubrics(
	viewer: Pick<SessionUser, 'role'> | null,
): Promise<CollectionEntry<'rubrics'>[]> {
	if (!mayReadFacilitatorNotes(viewer)) return [];
	return (await getCollection('rubrics')).sort((a, b) => a.data.order - b.data.order);
}

/** One rubric for a viewer who may read it, else null (the page answers 404). */
export async function findRubric(
	viewer: Pick<SessionUser, 'role'> | null,
	id: string,
): Promise<CollectionEntry<'rubrics'> | null> {
	if (!mayReadFacilitatorNotes(viewer)) return null;
	return (await getEntry('rubrics', id)) ?? null;
}
