/**
 * What a person sees to enrol an authenticator app: the `otpauth://` address as a QR code (an
 * SVG made here, no script) and the same key as text in groups of four, for those who type it.
 */
import { createTOTPKeyURI } from '@oslojs/otp';
import { encodeBase32UpperCaseNoPadding, encodeBase64 } from '@oslojs/encoding';
import { renderSVG } from 'uqr';

/** Seconds per code, and digits per code: what every authenticator app uses by default. */
export const totpPeriod = 30;
export const totpDigits = 6;

/** The key in base32 (what apps accept typed), in groups of four for reading aloud. */
export function groupedKey(key: Uint8Array): string {
	return encodeBase32UpperCaseNoPadding(key).replace(/(.{4})(?=.)/g, '$1 ');
}

/** The QR code of the key's `otpauth://` address, as an image URL for an `<img>`. */
export function totpQrImage(issuer: string, account: string, key: Uint8Array): string {
	const svg = renderSVG(createTOTPKeyURI(issuer, account, key, totpPeriod, totpDigits), {
		border: 2,
	});
	return `data:image/svg+xml;base64,${encodeBase64(new TextEncoder().encode(svg))}`;
}
