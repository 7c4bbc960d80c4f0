import { describe, expect, it } from 'vitest';
import { refuseOversizedBody, signedOutLimit } from '~/lib/server/http/body-limit';

const url = 'http://localhost/_actions/x';

function post(bytes: number, type: string, chunked = false): Request {
	const body = new Uint8Array(bytes).fill(97);
	if (!chunked)
		return new Request(url, { method: 'POST', body, headers: { 'content-type': type } });
	// A stream: no Content-Length, as with `Transfer-Encoding: chunked`.
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			for (let at = 0; at < bytes; at += 16 * 1024)
				controller.enqueue(body.slice(at, at + 16 * 1024));
			controller.close();
		},
	});
	return new Request(url, {
		method: 'POST',
		body: stream,
		headers: { 'content-type': type },
		duplex: 'half',
	} as RequestInit);
}
const form = 'application/x-www-form-urlencoded';
const multipart = 'multipart/form-data; boundary=x';

describe('action body limits', () => {
	it('refuses a signed-out body over 256 KiB with a sentence, declared or streamed', async () => {
		for (const chunked of [false, true]) {
			const refused = await refuseOversizedBody(
				post(signedOutLimit + 1, form, chunked),
				false,
				false,
			);
			expect(refused?.status).toBe(413);
			expect(await refused!.text()).toMatch(/256 KiB .* not signed in/);
		}
		expect(await refuseOversizedBody(post(signedOutLimit, form), false, false)).toBeNull();
		expect(await refuseOversizedBody(post(signedOutLimit, form, true), false, false)).toBeNull();
	});

	it('refuses a signed-out upload too: large bodies are for signed-in people', async () => {
		const refused = await refuseOversizedBody(post(2 * 1024 * 1024, multipart), false, true);
		expect(refused?.status).toBe(413);
		expect((await refused!.json()).message).toMatch(/KiB/);
	});

	it('lets a signed-in upload up to 12 MiB through, and other signed-in bodies up to 1 MiB', async () => {
		expect(await refuseOversizedBody(post(6 * 1024 * 1024, multipart), true, false)).toBeNull();
		expect(
			(await refuseOversizedBody(post(13 * 1024 * 1024, multipart), true, false))?.status,
		).toBe(413);
		expect(await refuseOversizedBody(post(1024 * 1024, form), true, false)).toBeNull();
		const json = await refuseOversizedBody(
			post(1024 * 1024 + 1, 'application/json', true),
			true,
			true,
		);
		expect(json?.status).toBe(413);
		expect((await json!.json()).message).toMatch(/1 MiB/);
	});
});
