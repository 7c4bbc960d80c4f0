/** The primary navigation for each role. Only pages that exist are listed. */
import type { Role } from '~db/schema';

/** `count` names a number shown beside the link (filled in by the navigation component). */
export type NavItem = { href: string; label: string; count?: 'reviews' };

const everyone: NavItem[] = [{ href: '/curriculum', label: 'Curriculum' }];

const byRole: Record<Role, NavItem[]> = {
	participant: [
		{ href: '/dashboard', label: 'Dashboard' },
		...everyone,
		{ href: '/lab', label: 'Data lab' },
		{ href: '/logbook', label: 'Logbook' },
		{ href: '/cen', label: 'CEN practice' },
		{ href: '/study', label: 'Study' },
		{ href: '/report', label: 'Report' },
		{ href: '/programme', label: 'Programme' },
	],
	mentor: [
		{ href: '/dashboard', label: 'Dashboard' },
		...everyone,
		{ href: '/lab', label: 'Data lab' },
		{ href: '/review', label: 'Review', count: 'reviews' },
		{ href: '/cen', label: 'CEN practice' },
		{ href: '/programme', label: 'Programme' },
		{ href: '/cohort', label: 'Cohort' },
	],
	admin: [
		{ href: '/dashboard', label: 'Dashboard' },
		...everyone,
		{ href: '/lab', label: 'Data lab' },
		{ href: '/review', label: 'Logbooks' },
		{ href: '/programme', label: 'Programme' },
		{ href: '/cohort', label: 'Cohort' },
		{ href: '/admin', label: 'Admin' },
	],
	secretariat: [
		{ href: '/dashboard', label: 'Dashboard' },
		{ href: '/oversight', label: 'Cohorts and reports' },
		...everyone,
		{ href: '/alumni', label: 'Alumni' },
		{ href: '/follow-up', label: 'Follow-up' },
		{ href: '/notifications', label: 'Notifications' },
	],
	home: [
		{ href: '/dashboard', label: 'Dashboard' },
		{ href: '/oversight', label: 'Our officers' },
		...everyone,
		{ href: '/alumni', label: 'Alumni' },
		{ href: '/follow-up', label: 'Follow-up' },
		{ href: '/notifications', label: 'Notifications' },
	],
};

/** Links for a role, or for someone not signed in. */
export function navFor(role: Role | null): NavItem[] {
	return role ? byRole[role] : [{ href: '/', label: 'Home' }, ...everyone];
}

/** True when `href` is the current section (so it gets aria-current). */
export function isCurrent(href: string, pathname: string): boolean {
	return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}
