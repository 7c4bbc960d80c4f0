/** Absolute links the portal hands out (in emails and on admin screens). */
import { PUBLIC_URL } from 'astro:env/server';

/** The portal's base URL: PUBLIC_URL when set, else the origin the request came to. */
export function baseUrl(requestUrl: URL): string {
	return (PUBLIC_URL ?? requestUrl.origin).replace(/\/$/, '');
}

/** The link an invitee opens. */
export function invitationLink(requestUrl: URL, token: string): string {
	return `${baseUrl(requestUrl)}/invitation?token=${token}`;
}

/** The link a person opens to set a new password. */
export function resetLink(requestUrl: URL, token: string): string {
	return `${baseUrl(requestUrl)}/reset?token=${token}`;
}

/** The link a nominating officer opens to confirm a nomination. */
export function nominationVerifyLink(requestUrl: URL, token: string): string {
	return `${baseUrl(requestUrl)}/apply/verify?token=${token}`;
}

/** The link a nominated candidate opens to write (and come back to) their application. */
export function applicationLink(requestUrl: URL, token: string): string {
	return `${baseUrl(requestUrl)}/apply/application?token=${token}`;
}

/** The link a candidate offered a place opens to accept or decline it. */
export function offerLink(requestUrl: URL, token: string): string {
	return `${baseUrl(requestUrl)}/apply/offer?token=${token}`;
}
