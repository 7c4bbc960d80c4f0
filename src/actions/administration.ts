/** Admin actions on the list of Member administrations: add, rename, deactivate. Admins only. */
import { z } from 'astro/zod';
import { requiredText } from '~/lib/form-schemas';
import {
	createAdministration,
	renameAdministration,
	setAdministrationActive,
} from '~/lib/server/cohort/administration';
import { formAction, namedAnswer } from './form-action';

const id = z.string({ error: 'Choose an administration.' }).min(1).max(60);
const name = requiredText('Enter the administration’s name.', 120, 2);

export const administration = {
	create: formAction(
		['admin'],
		z.object({ name }),
		(db, admin, input) => createAdministration(db, admin.id, input.name),
		namedAnswer,
	),
	rename: formAction(
		['admin'],
		z.object({ id, name }),
		(db, admin, input) => renameAdministration(db, admin.id, input.id, input.name),
		(input) => ({ id: input.id, name: input.name }),
	),
	setActive: formAction(
		['admin'],
		z.object({ id, active: z.enum(['true', 'false'], { error: 'Say what to do.' }) }),
		(db, admin, input) => setAdministrationActive(db, admin.id, input.id, input.active === 'true'),
		(input) => ({ id: input.id, active: input.active === 'true' }),
	),
};
