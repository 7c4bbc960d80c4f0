/** The report (or its outline, ?scope=outline; a submitted version, ?version=N) as a Markdown file. */
import { reportExportRoute } from '~/lib/server/http/report-export';

export const GET = reportExportRoute({
	ext: 'md',
	type: 'text/markdown; charset=utf-8',
	body: (report) => report.markdown,
});
