/**
 * A small bar chart as PNG bytes, drawn without any image library: the demo's "chart saved
 * from the data lab". Bars only (no text), in the portal's brand blue on white.
 */
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const out = Buffer.alloc(body.length + 8);
	out.writeUInt32BE(data.length, 0);
	body.copy(out, 4);
	out.writeUInt32BE(crc32(body), body.length + 4);
	return out;
}

/** A PNG of `values` as vertical bars (width 320, height 160). */
export function barChartPng(values: number[], width = 320, height = 160): Buffer {
	const max = Math.max(...values, 1);
	const slot = Math.floor((width - 20) / values.length);
	const rows: Buffer[] = [];
	for (let y = 0; y < height; y++) {
		const row = Buffer.alloc(1 + width * 3, 255); // filter byte 0 is set below
		row[0] = 0;
		for (let x = 0; x < width; x++) {
			const i = Math.floor((x - 10) / slot);
			const inBar = x >= 10 && i < values.length && (x - 10) % slot < slot - 6;
			const top = height - 10 - Math.round(((values[i] ?? 0) / max) * (height - 30));
			const axis = y === height - 10 && x >= 6 && x < width - 6;
			if ((inBar && y >= top && y < height - 10) || axis) {
				const [r, g, b] = axis ? [60, 60, 60] : [30, 78, 140];
				row.writeUInt8(r, 1 + x * 3);
				row.writeUInt8(g, 2 + x * 3);
				row.writeUInt8(b, 3 + x * 3);
			}
		}
		rows.push(row);
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(Buffer.concat(rows))),
		chunk('IEND', Buffer.alloc(0)),
	]);
}
