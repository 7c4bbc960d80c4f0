/**
 * The report as a Word document, built with the `docx` library from `marked`'s tokens, so the
 * Markdown structure arrives as real Word structure: numbered and bulleted lists (nested, as
 * Word numbering levels), headings, bold/italic/strike/code runs, links and tables. The Word
 * file is what reaches the home administration, so nothing should arrive as "- " text.
 */
import {
	AlignmentType,
	BorderStyle,
	Document,
	ExternalHyperlink,
	Footer,
	Header,
	HeadingLevel,
	ImageRun,
	LevelFormat,
	Packer,
	PageNumber,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType,
	type ILevelsOptions,
	type ParagraphChild,
} from 'docx';
import { Lexer, type Token, type Tokens } from 'marked';
import { normaliseNewlines } from '~/lib/text';
import {
	missingSentence,
	splitMaterialRefs,
	withheldSentence,
	type ReportMaterial,
} from '~/lib/report/materials';

/** What the document holds: a title, a few lines under it, then each section's Markdown. */
export type DocxReport = {
	title: string;
	subtitle: string[];
	sections: { heading: string; markdown: string }[];
	/** The materials the sections refer to (restricted ones carry only their title). */
	materials?: Map<string, ReportMaterial>;
	/** The line at the top of every page: participant, edition, version (and its acceptance). */
	runningHead?: string;
};

type Style = { bold?: boolean; italics?: boolean; strike?: boolean; code?: boolean };
type Block = Paragraph | Table;

const headingLevels = [
	HeadingLevel.HEADING_1,
	HeadingLevel.HEADING_2,
	HeadingLevel.HEADING_3,
	HeadingLevel.HEADING_4,
	HeadingLevel.HEADING_5,
	HeadingLevel.HEADING_6,
];
const bulletSymbols = ['•', '◦', '▪'];
const indentPerLevel = 360;

function levels(format: 'bullet' | 'decimal'): ILevelsOptions[] {
	return Array.from({ length: 9 }, (_, level) => ({
		level,
		format: format === 'bullet' ? LevelFormat.BULLET : LevelFormat.DECIMAL,
		text: format === 'bullet' ? bulletSymbols[level % 3]! : `%${level + 1}.`,
		alignment: AlignmentType.START,
		style: {
			paragraph: { indent: { left: indentPerLevel * (level + 1), hanging: indentPerLevel } },
		},
	}));
}

/** Only web and mail links become hyperlinks; anything else stays text. */
function safeHref(href: string): string | null {
	return /^(https?:|mailto:)/i.test(href.trim()) ? href.trim() : null;
}

/** Inline tokens as Word runs, carrying bold/italic/strike/code down nested emphasis. */
function inline(tokens: Token[] | undefined, style: Style = {}): ParagraphChild[] {
	const out: ParagraphChild[] = [];
	for (const t of tokens ?? []) {
		switch (t.type) {
			case 'strong':
				out.push(...inline(t.tokens, { ...style, bold: true }));
				break;
			case 'em':
				out.push(...inline(t.tokens, { ...style, italics: true }));
				break;
			case 'del':
				out.push(...inline(t.tokens, { ...style, strike: true }));
				break;
			case 'codespan':
				out.push(run(t.text, { ...style, code: true }));
				break;
			case 'br':
				out.push(new TextRun({ text: '', break: 1 }));
				break;
			case 'link': {
				const href = safeHref(t.href);
				if (href)
					out.push(
						new ExternalHyperlink({ link: href, children: linkRuns(t as Tokens.Link, style) }),
					);
				else out.push(...inline(t.tokens, style));
				break;
			}
			case 'image':
				out.push(run(t.text || t.href, style));
				break;
			case 'text':
				out.push(...(t.tokens?.length ? inline(t.tokens, style) : [run(t.text, style)]));
				break;
			default:
				out.push(run('text' in t ? String(t.text) : t.raw, style));
		}
	}
	return out;
}

function linkRuns(t: Tokens.Link, style: Style): TextRun[] {
	return [
		new TextRun({ text: t.text, style: 'Hyperlink', bold: style.bold, italics: style.italics }),
	];
}

function run(text: string, style: Style): TextRun {
	return new TextRun({
		text,
		bold: style.bold,
		italics: style.italics,
		strike: style.strike,
		font: style.code ? 'Consolas' : undefined,
	});
}

/** Builds Word blocks from Markdown block tokens; `shift` moves the writer's headings below the section's. */
class Builder {
	private orderedLists = 0;
	readonly blocks: Block[] = [];

	constructor(private readonly shift: number) {}

	add(tokens: Token[]) {
		for (const t of tokens) this.block(t);
	}

	private block(t: Token) {
		switch (t.type) {
			case 'heading':
				this.blocks.push(
					new Paragraph({
						heading: headingLevels[Math.min(t.depth + this.shift, 6) - 1],
						children: inline(t.tokens),
					}),
				);
				break;
			case 'paragraph':
				this.blocks.push(new Paragraph({ children: inline(t.tokens) }));
				break;
			case 'text':
				this.blocks.push(new Paragraph({ children: inline(t.tokens ?? [t]) }));
				break;
			case 'list':
				this.list(t as Tokens.List, 0);
				break;
			case 'table':
				this.blocks.push(table(t as Tokens.Table));
				break;
			case 'blockquote':
				for (const inner of (t as Tokens.Blockquote).tokens)
					if (inner.type === 'paragraph')
						this.blocks.push(
							new Paragraph({
								indent: { left: 720 },
								children: inline(inner.tokens, { italics: true }),
							}),
						);
					else this.block(inner);
				break;
			case 'code':
				for (const line of t.text.split('\n'))
					this.blocks.push(new Paragraph({ children: [run(line, { code: true })] }));
				break;
			case 'hr':
				this.blocks.push(
					new Paragraph({
						border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } },
						children: [],
					}),
				);
				break;
			case 'space':
				break;
			default:
				if (t.raw.trim()) this.blocks.push(new Paragraph({ children: [run(t.raw.trim(), {})] }));
		}
	}

	/** A list and its nested lists as numbered paragraphs at increasing levels. */
	private list(list: Tokens.List, level: number) {
		const reference = list.ordered ? 'ordered' : 'bullet';
		const instance = list.ordered ? ++this.orderedLists : 0;
		for (const item of list.items) {
			let first = true;
			for (const inner of item.tokens) {
				if (inner.type === 'list') {
					this.list(inner as Tokens.List, Math.min(level + 1, 8));
					continue;
				}
				const children =
					inner.type === 'text' || inner.type === 'paragraph'
						? inline(inner.tokens ?? [inner])
						: [run(inner.raw.trim(), {})];
				if (!children.length) continue;
				this.blocks.push(
					first
						? new Paragraph({ numbering: { reference, level, instance }, children })
						: new Paragraph({ indent: { left: indentPerLevel * (level + 1) }, children }),
				);
				first = false;
			}
			if (first) this.blocks.push(new Paragraph({ numbering: { reference, level, instance } }));
		}
	}
}

function table(t: Tokens.Table): Table {
	const cell = (c: Tokens.TableCell, header: boolean) =>
		new TableCell({
			children: [
				new Paragraph({
					alignment:
						c.align === 'right'
							? AlignmentType.RIGHT
							: c.align === 'center'
								? AlignmentType.CENTER
								: undefined,
					children: inline(c.tokens, header ? { bold: true } : {}),
				}),
			],
		});
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		rows: [
			new TableRow({ tableHeader: true, children: t.header.map((c) => cell(c, true)) }),
			...t.rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) })),
		],
	});
}

/** The blocks of one Markdown text, its headings shifted `shift` levels down. */
export function markdownBlocks(markdown: string, shift = 1): Block[] {
	const builder = new Builder(shift);
	builder.add(new Lexer({ gfm: true }).lex(normaliseNewlines(markdown)));
	return builder.blocks;
}

/** Widest an image runs on the page, in pixels at 96 to the inch (about 16 cm). */
const maxImageWidth = 600;

/** A material where its reference stood: a chart as an image, a message as labelled fields. */
export function materialBlocks(m: ReportMaterial | undefined, title: string): Block[] {
	if (!m)
		return [
			new Paragraph({ children: [new TextRun({ text: missingSentence(title), italics: true })] }),
		];
	if (m.withheld)
		return [
			new Paragraph({
				border: { left: { style: BorderStyle.SINGLE, size: 12, color: '999999', space: 8 } },
				children: [new TextRun({ text: withheldSentence(m.title), italics: true })],
			}),
		];
	const blocks: Block[] = [
		new Paragraph({
			keepNext: true,
			children: [new TextRun({ text: `Intelligence material: ${m.title}`, bold: true })],
		}),
	];
	if (m.image) {
		// Charts are saved at twice their screen size; halve them, and keep them inside the page.
		const scale = Math.min(0.5, maxImageWidth / m.image.width);
		blocks.push(
			new Paragraph({
				children: [
					new ImageRun({
						type: 'png',
						data: m.image.bytes,
						transformation: {
							width: Math.round(m.image.width * scale),
							height: Math.round(m.image.height * scale),
						},
						altText: { name: m.title, description: m.caption || m.title, title: m.title },
					}),
				],
			}),
		);
	}
	for (const f of m.fields)
		blocks.push(
			new Paragraph({
				indent: { left: 360 },
				children: [
					new TextRun({ text: `${f.label}: `, bold: true }),
					...f.text
						.split('\n')
						.map((line, i) => new TextRun({ text: line, break: i ? 1 : undefined })),
				],
			}),
		);
	if (m.caption)
		blocks.push(new Paragraph({ children: [new TextRun({ text: m.caption, italics: true })] }));
	return blocks;
}

/** A section's Markdown with its material references replaced by the materials. */
function sectionBlocks(markdown: string, materials: Map<string, ReportMaterial>): Block[] {
	return splitMaterialRefs(markdown).flatMap((p) =>
		'markdown' in p
			? markdownBlocks(p.markdown)
			: materialBlocks(materials.get(p.materialId), p.title),
	);
}

/** Builds the .docx bytes of a report. */
export async function reportDocx(report: DocxReport): Promise<ArrayBuffer> {
	const children: Block[] = [
		new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(report.title)] }),
		...report.subtitle.map((line) => new Paragraph({ children: [new TextRun(line)] })),
	];
	for (const section of report.sections) {
		children.push(
			new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] }),
			...sectionBlocks(section.markdown, report.materials ?? new Map()),
		);
	}
	const doc = new Document({
		title: report.title,
		creator: 'RILO A/P Programme Portal',
		numbering: {
			config: [
				{ reference: 'bullet', levels: levels('bullet') },
				{ reference: 'ordered', levels: levels('decimal') },
			],
		},
		sections: [
			{
				headers: report.runningHead
					? {
							default: new Header({
								children: [
									new Paragraph({
										alignment: AlignmentType.RIGHT,
										children: [new TextRun({ text: report.runningHead, size: 18 })],
									}),
								],
							}),
						}
					: undefined,
				footers: {
					default: new Footer({
						children: [
							new Paragraph({
								alignment: AlignmentType.CENTER,
								children: [
									new TextRun({
										size: 18,
										children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
									}),
								],
							}),
						],
					}),
				},
				children,
			},
		],
	});
	return Packer.toArrayBuffer(doc);
}
