/**
 * Headers every response carries, static files included (set by the server wrapper), except
 * that prerendered public pages drop Cross-Origin-Opener-Policy (see static-files.ts for why).
 */
export const securityHeaders: Readonly<Record<string, string>> = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'X-Frame-Options': 'DENY',
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};
