/** Admin actions on the list of Member administrations: add, rename, deactivate. Admins only. */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { requiredText } from '~/lib/form-schemas';
import {
	createAdministration,
	renameAdministration,
	setAdministrationActive,
} from '~/lib/server/cohort/administration';
import { asRole } from './guard';

const id = z.string({ error: 'Choose an administration.' }).min(1).max(60);
const name = requiredText('Enter the administration’s name.', 120, 2);

export const administration = {
	create: defineAction({
		accept: 'form',
		input: z.object({ name }),
		handler: async (input, context) => {
			const row = await asRole(context, ['admin'], (db, admin) =>
				createAdministration(db, admin.id, input.name),
			);
			return { id: row.id, name: row.name };
		},
	}),
	rename: defineAction({
		accept: 'form',
		input: z.object({ id, name }),
		handler: async (input, context) => {
			await asRole(context, ['admin'], (db, admin) =>
				renameAdministration(db, admin.id, input.id, input.name),
			);
			return { id: input.id, name: input.name };
		},
	}),
	setActive: defineAction({
		accept: 'form',
		input: z.object({ id, active: z.enum(['true', 'false'], { error: 'Say what to do.' }) }),
		handler: async (input, context) => {
			await asRole(context, ['admin'], (db, admin) =>
				setAdministrationActive(db, admin.id, input.id, input.active === 'true'),
			);
			return { id: input.id, active: input.active === 'true' };
		},
	}),
};
