/** The report (or its outline, ?scope=outline; a submitted version, ?version=N) as a Word document. */
import { docxType } from '~/lib/server/http/download';
import { reportExportRoute } from '~/lib/server/http/report-export';
import { reportDocx } from '~/lib/server/report/docx';

export const GET = reportExportRoute({
	ext: 'docx',
	type: docxType,
	body: (report) => reportDocx(report.docx),
});
