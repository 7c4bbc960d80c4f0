/** A description of the machine a benchmark ran on, for the results file. */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, release, totalmem } from 'node:os';

export type Machine = {
	cpu: string;
	cores: number;
	ramGiB: number;
	node: string;
	kernel: string;
	date: string;
	load: string;
};

/** The first "model name" in /proc/cpuinfo (or "unknown" off Linux). */
function cpuModel(): string {
	try {
		const line = readFileSync('/proc/cpuinfo', 'utf8')
			.split('\n')
			.find((l) => l.startsWith('model name'));
		return line?.split(':')[1]?.trim() ?? 'unknown';
	} catch {
		return 'unknown';
	}
}

/** What the benchmark ran on, with the load average at the start (other work shares the CPU). */
export function describeMachine(): Machine {
	return {
		cpu: cpuModel(),
		cores: availableParallelism(),
		ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
		node: process.version,
		kernel: `Linux ${release()}`,
		date: new Date().toISOString(),
		load: loadavg()
			.map((n) => n.toFixed(2))
			.join(' / '),
	};
}
