/** Writing and clearing the session cookie (HttpOnly, SameSite=Lax, Secure over HTTPS). */
import type { AstroCookies } from 'astro';
import { PUBLIC_URL } from 'astro:env/server';
import { sessionCookieName } from './session';

type CookieContext = { cookies: AstroCookies; url: URL };

/** Sets the cookie to expire with the session. */
export function setSessionCookie(context: CookieContext, token: string, expiresAt: Date): void {
	context.cookies.set(sessionCookieName, token, {
		httpOnly: true,
		sameSite: 'lax',
		// Secure whenever the portal is reached over HTTPS (PUBLIC_URL says so behind a proxy).
		secure: context.url.protocol === 'https:' || Boolean(PUBLIC_URL?.startsWith('https:')),
		path: '/',
		expires: expiresAt,
	});
}

/** Clears the cookie. */
export function deleteSessionCookie(context: CookieContext): void {
	context.cookies.delete(sessionCookieName, { path: '/' });
}
