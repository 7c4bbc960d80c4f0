// @ts-check
import { defineConfig, envField } from 'astro/config';
import node from '@astrojs/node';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import tailwindcss from '@tailwindcss/vite';

export default defineConfig({
	output: 'server',
	// staticHeaders: prerendered pages get their CSP as a real header (frame-ancestors needs one).
	adapter: node({ mode: 'standalone', staticHeaders: true }),
	integrations: [mdx(), react()],
	vite: { plugins: [tailwindcss()] },
	// Module pages carry no fenced code; Prism keeps styles out of inline attributes (CSP).
	markdown: { syntaxHighlight: false },
	security: {
		checkOrigin: true,
		// Materials uploads take up to 5 MB (src/lib/server/cen/upload-check.ts); the margin lets a
		// larger file reach the action and be refused with a sentence instead of a bare 413.
		actionBodySizeLimit: 12 * 1024 * 1024,
		csp: {
			directives: [
				"default-src 'self'",
				"img-src 'self' data:",
				"font-src 'self'",
				"connect-src 'self'",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
				"frame-ancestors 'none'",
			],
		},
	},
	env: {
		schema: {
			DATABASE_URL: envField.string({
				context: 'server',
				access: 'secret',
				default: 'file:data/portal.db',
			}),
			DATABASE_AUTH_TOKEN: envField.string({ context: 'server', access: 'secret', optional: true }),
			PUBLIC_URL: envField.string({ context: 'server', access: 'secret', optional: true }),
			SMTP_URL: envField.string({ context: 'server', access: 'secret', optional: true }),
			SMTP_FROM: envField.string({
				context: 'server',
				access: 'secret',
				default: 'RILO A/P Programme Portal <no-reply@localhost>',
			}),
		},
	},
});
