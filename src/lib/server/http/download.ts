/** The response every file download of the portal answers with. */

/** The media type of a CSV table. */
export const csvType = 'text/csv; charset=utf-8';

/** The media type of a Word document. */
export const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * A download saved under `fileName`. Never cached: what is exported depends on who asks, and a
 * shared cache must not hand one person's file to the next.
 */
export function downloadResponse(body: BodyInit, contentType: string, fileName: string): Response {
	return new Response(body, {
		headers: {
			'Content-Type': contentType,
			'Content-Disposition': `attachment; filename="${fileName}"`,
			'Cache-Control': 'private, no-store',
		},
	});
}
