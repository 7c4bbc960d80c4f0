/**
 * The report as a Word document, built with the `docx` library. Markdown is mapped line by
 * line: headings, bullet points (two levels), and paragraphs with **bold** and *italic*.
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

/** Inline **bold** and *italic* as runs; everything else is plain text. */
function runs(text: string): TextRun[] {
	return text
		.split(/(\*\*[^*]+\*\*|\*[^*]+\*|_[^_]+_)/g)
		.filter(Boolean)
		.map((part) => {
			if (/^\*\*[^*]+\*\*$/.test(part)) return new TextRun({ text: part.slice(2, -2), bold: true });
			if (/^(\*[^*]+\*|_[^_]+_)$/.test(part))
				return new TextRun({ text: part.slice(1, -1), italics: true });
			return new TextRun(part);
		});
}

/** One Markdown line as a Word paragraph. */
function paragraphOf(line: string): Paragraph {
	const heading = /^(#{1,3})\s+(.*)$/.exec(line);
	if (heading) {
		const level = [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2][
			heading[1]!.length - 1
		]!;
		return new Paragraph({ heading: level, children: runs(heading[2]!) });
	}
	const bullet = /^(\s*)[-*+]\s+(.*)$/.exec(line);
	if (bullet)
		return new Paragraph({
			bullet: { level: Math.min(Math.floor(bullet[1]!.length / 2), 3) },
			children: runs(bullet[2]!),
		});
	return new Paragraph({ children: runs(line) });
}

/** Builds the .docx bytes from the report's Markdown. */
export async function reportDocx(markdown: string, title: string): Promise<ArrayBuffer> {
	const paragraphs = markdown
		.split('\n')
		.filter((line) => line.trim() !== '')
		.map(paragraphOf);
	const doc = new Document({
		title,
		creator: 'RILO A/P Programme Portal',
		sections: [{ children: paragraphs }],
	});
	return Packer.toArrayBuffer(doc);
}
