/**
 * A Member administration's nominating contacts, kept by the programme office: whole addresses
 * ("hr.director@customs.example") or official email domains ("customs.example", which covers
 * its subdomains too). A nomination from any other address waits for the office to verify it. Pure.
 */

/** A contact as typed, lower-cased and trimmed; a leading "@" of a domain is dropped. */
export function normaliseContact(input: string): string {
	return input.trim().toLowerCase().replace(/^@/, '');
}

/** Why a typed contact cannot be kept, or null when it is an address or a domain. */
export function contactProblem(contact: string): string | null {
	const address = /^[^\s@]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/;
	const domain = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;
	return address.test(contact) || domain.test(contact)
		? null
		: 'Enter an email address (name@customs.example) or a domain (customs.example).';
}

/** True when the address is one of the contacts, or on one of their domains (or a subdomain). */
export function isOfficialAddress(email: string, contacts: string[]): boolean {
	const address = email.trim().toLowerCase();
	const host = address.split('@')[1] ?? '';
	return contacts.some((c) =>
		c.includes('@') ? c === address : host === c || host.endsWith(`.${c}`),
	);
}
