/// <reference types="astro/client" />
declare namespace App {
	interface Locals {
		/** The signed-in person, or null. Set by the middleware from the session cookie. */
		user: import('./lib/server/auth/session').SessionUser | null;
		/** The current session (its id is the token's hash), or null. */
		authSession: import('../db/schema').AuthSession | null;
		/**
		 * A session whose password was right and which waits for the second factor: it signs
		 * nobody in (`user` stays null); only /login/second-factor reads it.
		 */
		pendingSession: import('../db/schema').AuthSession | null;
		/** True when the person's role requires a second factor they have not set up yet. */
		mustEnrol: boolean;
		/** Set when the request carried a session that has just expired: whose it was. */
		expiredUserId: string | null;
	}
}
