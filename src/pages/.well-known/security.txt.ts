/** How to report a vulnerability (RFC 9116); the contact is configurable (SECURITY_CONTACT). */
import type { APIRoute } from 'astro';
import { SECURITY_CONTACT, SMTP_FROM } from 'astro:env/server';
import { securityTxt } from '~/lib/security-txt';
import { baseUrl } from '~/lib/server/http/links';

export const GET: APIRoute = ({ url }) =>
	new Response(
		securityTxt({
			contact: SECURITY_CONTACT,
			mailFrom: SMTP_FROM,
			publicUrl: baseUrl(url),
			now: new Date(),
		}),
		{ headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'max-age=3600' } },
	);
