/**
 * A part of the workbench (filters, each view) as a section named by its heading; the heading
 * id is `lab-<name>-heading`.
 */
import type { ReactNode } from 'react';

export default function LabSection({
	name,
	heading,
	className,
	children,
}: {
	name: string;
	heading: ReactNode;
	className?: string;
	children: ReactNode;
}) {
	const headingId = `lab-${name}-heading`;
	return (
		<section aria-labelledby={headingId} className={className}>
			<h2 id={headingId} className="text-lg">
				{heading}
			</h2>
			{children}
		</section>
	);
}
