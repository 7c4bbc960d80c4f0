import { describe, expect, it } from 'vitest';
import { securityTxt } from '~/lib/security-txt';

const base = {
	mailFrom: 'RILO A/P Programme Portal <portal@rilo.example>',
	publicUrl: 'https://portal.rilo.example/',
	now: new Date('2026-12-07T10:00:00Z'),
};

describe('security.txt', () => {
	it('names the configured contact, an expiry under a year away and the canonical address', () => {
		const text = securityTxt({ ...base, contact: 'security@wco.example' });
		expect(text).toContain('Contact: mailto:security@wco.example\n');
		expect(text).toContain('Expires: 2027-06-08T00:00:00.000Z\n');
		expect(text).toContain('Canonical: https://portal.rilo.example/.well-known/security.txt\n');
		expect(securityTxt({ ...base, contact: 'https://wco.example/report' })).toContain(
			'Contact: https://wco.example/report\n',
		);
	});

	it('falls back to the sending address, and never prints a contact that is not one', () => {
		expect(securityTxt({ ...base, contact: undefined })).toContain(
			'Contact: mailto:portal@rilo.example\n',
		);
		expect(securityTxt({ ...base, contact: 'javascript:alert(1)' })).toContain(
			'Contact: mailto:portal@rilo.example\n',
		);
	});
});
