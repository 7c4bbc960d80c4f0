/**
 * The `/.well-known/security.txt` of RFC 9116: where to report a vulnerability. The contact is
 * the operator's `SECURITY_CONTACT` (an email address or an https address); without one, the
 * address mail is sent from. Pure.
 */

/** The file's text; `Expires` is half a year after `now`, as the RFC asks for less than a year. */
export function securityTxt(input: {
	contact: string | undefined;
	mailFrom: string;
	publicUrl: string;
	now: Date;
}): string {
	const contact = contactUri(input.contact) ?? contactUri(/<([^>]+)>/.exec(input.mailFrom)?.[1]);
	const expires = new Date(input.now.getTime() + 183 * 24 * 60 * 60 * 1000);
	expires.setUTCHours(0, 0, 0, 0);
	return [
		...(contact ? [`Contact: ${contact}`] : []),
		`Expires: ${expires.toISOString()}`,
		'Preferred-Languages: en',
		`Canonical: ${input.publicUrl.replace(/\/$/, '')}/.well-known/security.txt`,
		'',
	].join('\n');
}

/** An email address becomes a mailto: URI; an https address stays; anything else is dropped. */
function contactUri(value: string | undefined): string | null {
	const v = value?.trim();
	if (!v) return null;
	if (/^https:\/\/\S+$/.test(v) || /^mailto:\S+@\S+$/.test(v)) return v;
	if (/^[^\s@]+@[^\s@]+$/.test(v)) return `mailto:${v}`;
	return null;
}
