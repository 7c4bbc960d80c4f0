/**
 * What an uploaded file really is, read from its first bytes (the browser's claimed type and
 * the file name are not trusted), and the size limit.
 */

/** Largest file the register takes. */
export const maxUploadBytes = 5 * 1024 * 1024;

/** The kinds of file the register takes. */
export const uploadTypes = {
	pdf: { mime: 'application/pdf', label: 'PDF' },
	png: { mime: 'image/png', label: 'PNG image' },
	xlsx: {
		mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		label: 'Excel workbook (XLSX)',
	},
} as const;

const startsWith = (bytes: Uint8Array, signature: number[]) =>
	signature.every((b, i) => bytes[i] === b);

/** True when the ZIP holds a workbook part (an XLSX is a ZIP with xl/workbook.xml inside). */
function isWorkbook(bytes: Uint8Array): boolean {
	if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return false;
	// Entry names are stored as plain bytes in the local headers and the central directory.
	return Buffer.from(bytes).includes('xl/workbook.xml');
}

/** The file's kind from its content, or null when it is none of the accepted ones. */
export function sniffUpload(bytes: Uint8Array): keyof typeof uploadTypes | null {
	if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
	if (isWorkbook(bytes)) return 'xlsx';
	return null;
}
