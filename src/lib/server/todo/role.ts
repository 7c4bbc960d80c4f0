/** Which to-do list a signed-in person gets on the dashboard, by role. */
import type { Db } from '~db/client';
import type { Cohort } from '~db/schema';
import type { Day } from '~/lib/dates';
import type { TodoFacts } from '~/lib/todo/participant';
import type { TodoItem } from '~/lib/todo/item';
import type { SessionUser } from '../auth/session';
import { mentorTodo } from './mentor';
import { officeTodo } from './office';
import { oversightTodo } from './oversight';
import { participantTodo } from './participant';

/** What the dashboard knows already and the lists need. */
export type TodoContext = {
	cohort: Cohort | null;
	today: Day | null;
	nextModule: TodoFacts['nextModule'];
	/** How long unsuccessful applications are kept (the purge's setting). */
	retentionMonths: number;
};

/** The viewer's to-do list, most urgent first; null for a participant or mentor without a cohort. */
export async function todoFor(
	db: Db,
	user: SessionUser,
	ctx: TodoContext,
): Promise<TodoItem[] | null> {
	switch (user.role) {
		case 'participant':
			return ctx.cohort && ctx.today
				? participantTodo(db, user.id, ctx.cohort, ctx.today, ctx.nextModule)
				: null;
		case 'mentor':
			return ctx.cohort && ctx.today ? mentorTodo(db, user, ctx.today) : null;
		case 'admin':
			return officeTodo(db, user, ctx.retentionMonths);
		case 'secretariat':
		case 'home':
			return oversightTodo(db, user);
	}
}
