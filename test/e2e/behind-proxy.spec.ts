/**
 * Behind a TLS proxy (deploy/Caddyfile, deploy/nginx-portal.conf) the portal is reached over
 * plain HTTP with `X-Forwarded-Proto: https`, while browsers post forms with
 * `Origin: https://…`. With TRUST_PROXY=1 those posts must pass the origin check (else nobody
 * could sign in); without it, or from another origin, they must not. No browser needed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort, startServer, type RunningServer } from '../bench/server';

/** Posts a sign-in as a browser on `origin` would, through a proxy that says `proto`. */
async function postSignIn(server: RunningServer, origin: string, proto: string) {
	const res = await fetch(`${server.origin}/login?_action=auth.signIn`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin,
			'x-forwarded-proto': proto,
			'x-forwarded-for': '203.0.113.9',
			'content-type': 'application/x-www-form-urlencoded',
		},
		body: new URLSearchParams({
			email: 'nobody@example.org',
			password: 'not the password',
			next: '',
		}),
	});
	return res.status;
}

for (const trustProxy of ['1', '0']) {
	test(`form posts through a TLS proxy with TRUST_PROXY=${trustProxy}`, async () => {
		test.setTimeout(240_000);
		const dir = mkdtempSync(join(tmpdir(), 'portal-proxy-'));
		const server = await startServer(
			`file:${join(dir, 'portal.db')}`,
			await freePort(),
			undefined,
			{
				SCHEDULER: 'off',
				TRUST_PROXY: trustProxy,
			},
		);
		// fetch() cannot set Host, so the proxy's host is the server's own address here.
		const host = new URL(server.origin).host;
		try {
			const https = await postSignIn(server, `https://${host}`, 'https');
			// A wrong password is a 401 from the sign-in action: the post got past the origin check.
			if (trustProxy === '1') expect(https).toBe(401);
			else expect(https).toBe(403);
			// Another site's form is refused either way.
			expect(await postSignIn(server, 'https://evil.example', 'https')).toBe(403);
			// A plain-HTTP request claiming an https page's origin is refused.
			expect(await postSignIn(server, `https://${host}`, 'http')).toBe(403);
		} finally {
			await server.stop();
			rmSync(dir, { recursive: true, force: true });
		}
	});
}
