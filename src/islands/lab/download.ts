/** Saving text as a file from the browser, without a server round trip. */

/** Offers `text` as a CSV download named `name`. */
export function saveCsv(text: string, name: string): void {
	const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	document.body.append(link);
	link.click();
	link.remove();
	// Give the browser a moment to start the download before the blob goes away.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
