/**
 * Build step: the data lab's payload (the columnar data set compressed twice, and its first
 * view) made once here instead of in the running server, whose heap would otherwise grow by
 * tens of MiB on the first lab visit and not give them back.
 *
 * Usage: tsx src/cli/lab-payload.ts <build folder>
 */
import { labPayload, writePayload } from '~/lib/server/lab/data';

const dir = process.argv[2];
if (!dir) throw new Error('Usage: tsx src/cli/lab-payload.ts <build folder>');
await writePayload(dir, await labPayload());
console.log(`lab payload written to ${dir}/lab`);
