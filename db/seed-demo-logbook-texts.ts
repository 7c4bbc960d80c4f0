/**
 * The words of the demo logbook: participant profiles, entry texts, schedules, OJT plans and
 * check-in notes. Every administration, place, vessel, operation, case and figure here is
 * invented for the demo; nothing is real intelligence.
 */

/** One participant's fictional background; entry texts are written around it. */
export type Profile = {
	/** Index of the participant in DemoIds.participantIds. */
	i: number;
	first: string;
	country: string;
	/** The country with a possessive: "Aldoria's", "the Kestrel Islands'". */
	possessive: string;
	admin: string;
	commodity: string;
	/** Used in titles: "Monthly trend chart of <focus>". */
	focus: string;
	mode: string;
	concealment: string;
	unit: string;
	tool: string;
	partner: string;
	partnerShort: string;
	peer: string;
	peerShort: string;
	peerTopic: string;
	transit: string;
	visitSite: string;
	visitWhat: string;
	study: string;
	cases: number;
};

export type MeetingFormat =
	'Online meeting' | 'In person' | 'Event session' | 'Email or message exchange';

/** A comment thread: the mentor's comment (optional) then the participant's (optional). */
export type Thread = { mentor?: string; participant?: string; resolved?: boolean };

/** The texts of one entry. */
export type EntryText = {
	area: 1 | 2 | 3 | 4;
	activity: string;
	activityOther?: string;
	title: string;
	minutes: number;
	summary: string;
	outputs: string;
	learning: string;
	restricted?: boolean;
	counterpart?: string;
	meetingFormat?: MeetingFormat;
	followUp?: string;
	/** What the mentor asked to change, for entries that went through changes_requested. */
	changes?: string;
	/** The mentor's note when approving (usually none). */
	approvalNote?: string;
	/** Shown only where the schedule asks for the thread. */
	thread?: Thread;
};

export type Template = (p: Profile) => EntryText;

/**
 * How an entry's review went: A approved; CA changes requested, then edited, resubmitted and
 * approved; S submitted, waiting; CS changes requested, edited and resubmitted, waiting;
 * C changes requested, not yet edited; D draft.
 */
export type Story = 'A' | 'CA' | 'S' | 'CS' | 'C' | 'D';

/** One planned entry: template key, its story (default A) and whether its thread is shown. */
export type Planned = { key: string; story: Story; thread: boolean };

/** Strips the leading newline and the common indentation of a template literal. */
function md(strings: TemplateStringsArray, ...values: unknown[]): string {
	const raw = strings.reduce(
		(acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''),
		'',
	);
	const lines = raw
		.replace(/^\n/, '')
		.replace(/\n\s*$/, '')
		.split('\n');
	const indents = lines.filter((l) => l.trim()).map((l) => /^[\t ]*/.exec(l)![0].length);
	const cut = Math.min(...indents);
	return lines.map((l) => l.slice(cut)).join('\n');
}

/** One of four variants, by participant, so shared tasks do not read identically. */
function pick<T>(p: Profile, xs: readonly T[]): T {
	return xs[p.i % xs.length]!;
}

export const profiles: Profile[] = [
	{
		i: 0,
		first: 'Mara',
		country: 'Aldoria',
		possessive: "Aldoria's",
		admin: 'Customs Service of Aldoria (fictional)',
		commodity: 'methamphetamine',
		focus: 'postal methamphetamine seizures',
		mode: 'postal and express consignments',
		concealment: 'vacuum-sealed bags inside tea packaging',
		unit: 'grams and kilograms',
		tool: 'Power BI',
		partner: 'Customs Administration of Quentara (fictional)',
		partnerShort: 'Quentara',
		peer: 'Maravia Customs Department (fictional)',
		peerShort: 'Maravia',
		peerTopic: 'profiling express consignments declared as food',
		transit: 'Port Solenne (fictional)',
		visitSite: 'Harbourline International Mail Facility (fictional)',
		visitWhat: 'mail screening',
		study: 'alert indicators for methamphetamine in postal and express consignments',
		cases: 14,
	},
	{
		i: 1,
		first: 'Tevita',
		country: 'the Kestrel Islands',
		possessive: "the Kestrel Islands'",
		admin: 'Kestrel Islands Customs (fictional)',
		commodity: 'illicit cigarettes',
		focus: 'cigarette seizures in sea containers',
		mode: 'sea containers and small vessels',
		concealment: 'cartons behind a false front wall',
		unit: 'sticks and cartons',
		tool: 'Excel',
		partner: 'Varnia Revenue and Customs Agency (fictional)',
		partnerShort: 'Varnia',
		peer: 'Lumeria Customs and Excise (fictional)',
		peerShort: 'Lumeria',
		peerTopic: 'risk rules for transhipped cargo',
		transit: 'Calder Bay (fictional)',
		visitSite: 'Bayside Container Terminal (fictional)',
		visitWhat: 'container scanning',
		study: 'alert intelligence on illicit cigarettes in transhipped containers',
		cases: 9,
	},
	{
		i: 2,
		first: 'Lan',
		country: 'Maravia',
		possessive: "Maravia's",
		admin: 'Maravia Customs Department (fictional)',
		commodity: 'protected wildlife products',
		focus: 'wildlife product seizures',
		mode: 'sea containers',
		concealment: 'scales and horn pieces hidden in declared timber',
		unit: 'kilograms and pieces',
		tool: 'R',
		partner: 'Pellucia Customs Service (fictional)',
		partnerShort: 'Pellucia',
		peer: 'Customs Service of Aldoria (fictional)',
		peerShort: 'Aldoria',
		peerTopic: 'using CEN photos in front-line training',
		transit: 'Tarsen Free Zone (fictional)',
		visitSite: 'Bayside Container Terminal (fictional)',
		visitWhat: 'container examination',
		study: 'alert intelligence on wildlife products concealed in timber shipments',
		cases: 11,
	},
	{
		i: 3,
		first: 'Arjun',
		country: 'Lumeria',
		possessive: "Lumeria's",
		admin: 'Lumeria Customs and Excise (fictional)',
		commodity: 'counterfeit medicines',
		focus: 'counterfeit medicine seizures in air cargo',
		mode: 'air cargo',
		concealment: 'blister packs declared as cosmetics',
		unit: 'tablets and packs',
		tool: 'Python (pandas)',
		partner: 'Norvale Customs Directorate (fictional)',
		partnerShort: 'Norvale',
		peer: 'Kestrel Islands Customs (fictional)',
		peerShort: 'Kestrel Islands',
		peerTopic: 'data-entry workflows in a small administration',
		transit: 'Mirel Cargo Hub (fictional)',
		visitSite: 'Skyline Air Cargo Terminal (fictional)',
		visitWhat: 'air cargo screening',
		study: 'alert intelligence on counterfeit medicines from air cargo declaration anomalies',
		cases: 16,
	},
];

/** The fictional operation the OCU runs during the demo OJT. */
const op = 'Operation TIDEMARK (fictional)';

// ---------------------------------------------------------------------------------------------
// Area 1: RILO A/P roles and functions
// ---------------------------------------------------------------------------------------------

const area1: Record<string, Template> = {
	orientation: (p) => ({
		area: 1,
		activity: 'briefing',
		title: 'Orientation briefing on RILO A/P functions and the OJT plan',
		minutes: 120,
		summary: md`
			Opening OJT briefing with the RILO A/P mentors and the other three participants.

			- Went through the office's main functions: liaison of information exchange with NCPs, analysis and products, and the OCU role in regional operations.
			- Agreed how the logbook, mentor review and the three check-ins work.
			- Discussed my first ideas for the OJT plan and which tasks can feed my thematic study on ${p.study}.
		`,
		outputs: md`
			- First draft of my OJT plan (four areas, planned hours)
			- ${pick(p, ['Six', 'Four', 'Five', 'Seven'])} questions to bring to the CEN session
		`,
		learning: md`
			A RILO adds value by turning scattered national reports into regional products. For ${p.country}, being an NCP is not only sending reports: we can also ask the RILO for analysis we could not do alone.
		`,
	}),
	workflow: (p) => ({
		area: 1,
		activity: 'liaison',
		title: 'Walk-through of the information-exchange workflow with NCPs',
		minutes: 150,
		summary: md`
			A mentor walked me through how messages from National Contact Points are handled, then I practised on ${pick(p, ['five', 'four', 'six', 'five'])} fictional training messages.

			- **Register**: reference, date received, sender, handling marking.
			- **Evaluate**: grade the source and the information (the 4x4 system, common law-enforcement practice).
			- **Route**: reply, pass to another NCP with the originator's consent, or keep for collation and analysis.
		`,
		outputs: md`
			- One-page flow diagram of the workflow
			- Training messages registered and graded in the practice sheet
		`,
		learning: md`
			Grading a message before passing it on stops weak information from travelling as if it were confirmed. In ${p.country} we forward messages without a grade; I will propose adding one.
		`,
		thread: {
			mentor: 'Which of the training messages did you grade lowest, and what did you do with it?',
			participant:
				'Message 4: an anonymous single source, not corroborated, so X4. I kept it for collation only and did not pass it on.',
			resolved: true,
		},
	}),
	'ncp-contacts': (p) => ({
		area: 1,
		activity: 'liaison',
		title: 'Checking the NCP contact list before the regional meeting',
		minutes: 90,
		summary: md`
			Checked the office's contact list of National Contact Points ahead of the (demo) regional NCP meeting.

			- Compared every line with the latest nominations received by email.
			- Found ${pick(p, ['three', 'four', 'three', 'two'])} outdated email addresses and one administration listed with two different contacts.
			- Drafted short confirmation emails for the mentor to send.
		`,
		outputs: md`
			- Contact list with tracked changes
			- Draft confirmation emails
		`,
		learning: md`
			A liaison office is only as good as its contact list: a stale address means an alert never reaches the front line. Our own NCP details in ${p.country} should be checked on a fixed schedule.
		`,
	}),
	'staff-meeting': (p) => ({
		area: 1,
		activity: 'briefing',
		title: 'RILO A/P staff meeting: weekly priorities and the bulletin schedule',
		minutes: 60,
		summary: md`
			Joined the weekly staff meeting.

			- Status of the preparations for ${op}.
			- Monthly bulletin: contributions due at the end of the week.
			- I was asked to write a short paragraph on ${p.focus}.
		`,
		outputs: '- Note of the action items assigned to me',
		learning: md`
			Seeing how a small office shares out routine exchange and project work showed me why clear owners and deadlines matter more than long meetings.
		`,
	}),
	'intel-request': (p) => ({
		area: 1,
		activity: 'intelligence-request',
		title: `Draft reply to an intelligence request from ${p.partnerShort}`,
		minutes: 180,
		restricted: true,
		summary: md`
			Prepared a draft reply to a fictional request from ${p.partner}: had other administrations recorded ${p.commodity} in ${p.mode} with a profile like their recent case?

			- Defined "similar" with the mentor first: route, declared goods, packaging, consignee type.
			- Searched the regional records for the last 18 months.
			- Found ${pick(p, [6, 4, 5, 7])} cases in three administrations with a partial match; listed them in non-nominal form with grading and a handling note.
		`,
		outputs: md`
			- Draft reply (two pages) for mentor review
			- Table of matching cases, non-nominal
		`,
		learning: md`
			Most of the work in answering a request is agreeing what "similar" means before searching. I will take home a checklist of profile fields to ask requesters for.
		`,
		changes:
			'Good search. Before this goes out, state the period and the search criteria at the top of the reply, and give the grading for each case: the requester must see how reliable each one is.',
	}),
	'ocu-daily': (p) => ({
		area: 1,
		activity: 'ocu-operation',
		title: `OCU daily situation report for ${op}`,
		minutes: pick(p, [150, 120, 150, 135]),
		restricted: true,
		summary: md`
			Compiled the daily situation report from the messages received in the operation's closed user group.

			- ${pick(p, [9, 12, 7, 11])} new seizure messages from ${pick(p, [5, 6, 4, 5])} administrations (fictional figures).
			- Checked each against the previous report so that updated messages replace, not add to, earlier ones.
			- Summarised totals by commodity group and by mode of transport.
		`,
		outputs: md`
			- Daily situation report (draft) sent to the mentor
			- Running totals table updated
		`,
		learning: md`
			The OCU's figures are trusted only if counting is consistent. I wrote down the office's rule for updated messages so I can apply the same at home.
		`,
	}),
	'ocu-planning': (p) => ({
		area: 1,
		activity: 'ocu-operation',
		title: 'Planning meeting: target profile template and timeline',
		minutes: 120,
		restricted: true,
		summary: md`
			Internal planning meeting for the next phase of ${op}.

			- Reviewed the target profile template participating administrations will use.
			- Proposed a field for declared value per unit, which helps with ${p.commodity}.
			- Timeline agreed: profiles due one week before the active phase.
		`,
		outputs: md`
			- Comments on the profile template (tracked changes)
			- Meeting note
		`,
		learning: md`
			A template only works if every administration fills it in the same way: one worked example helps more than a page of instructions.
		`,
	}),
	'project-tracker': (p) => ({
		area: 1,
		activity: 'ocu-project',
		title: 'Updating the tracker of the CEN data-quality project (demo)',
		minutes: 90,
		summary: md`
			Updated the tracker of the office's data-quality project (demo scenario).

			- Recorded the NCP replies received to last month's data-quality notes.
			- Marked ${pick(p, [4, 3, 5, 4])} actions done and 2 overdue.
			- Drafted a reminder for the overdue actions.
		`,
		outputs: md`
			- Updated project tracker
			- Reminder text for the mentor
		`,
		learning: md`
			Project management at a RILO is mostly follow-up. A tracker with an owner and a due date per action is enough; ${p.country} could use the same for NCP actions.
		`,
	}),
	'vessel-check': (p) => ({
		area: 1,
		activity: 'intelligence-request',
		title: 'Open-source background note on a vessel named in a request',
		minutes: 120,
		restricted: true,
		summary: md`
			Researched open sources on the vessel named in a fictional request, MV _Sable Tern_ (fictional).

			- Port-call history for the last six months from public vessel-tracking sites.
			- Changes of name and flag since 2019.
			- No earlier mention in the office's records.

			Recorded the source of every fact and graded it.
		`,
		outputs: '- One-page vessel note with sources and grading',
		learning: md`
			Open-source work needs discipline: I kept a source log from the first search, which made the note quick to review. We have no such template in ${p.country}; I will bring one.
		`,
	}),
};

// ---------------------------------------------------------------------------------------------
// Area 2: CEN-related tasks
// ---------------------------------------------------------------------------------------------

const area2: Record<string, Template> = {
	'cen-entry': (p) => ({
		area: 2,
		activity: 'cen-data-entry',
		title: `Entering ${p.cases} backlog cases from ${p.country} into CEN`,
		minutes: 180,
		summary: md`
			Entered ${p.cases} seizure cases from my administration's backlog spreadsheet (demo records) using the commodity template.

			- Mapped our local columns to the CEN fields.
			- ${pick(p, [3, 2, 2, 4])} cases lacked the means of transport: asked home by email.
			- Checked that quantities use the unit the template expects (${p.unit}).
		`,
		outputs: md`
			- ${p.cases} cases entered (list kept in the restricted working file)
			- Mapping table: our national columns to CEN fields
		`,
		learning: md`
			The mapping table is the real output: with it our NCP can bulk-upload instead of typing cases one by one.
		`,
		thread: {
			mentor:
				'Could your NCP use the mapping table as it is? Please share it with them and note their reaction in a later entry.',
			participant:
				'Sent it today. They will try it on next month’s cases and tell me what is missing.',
			resolved: true,
		},
	}),
	'cen-quality': (p) => ({
		area: 2,
		activity: 'cen-data-quality',
		title: `CEN data-quality check of regional ${p.commodity} records`,
		minutes: 150,
		summary: md`
			Checked the quality of regional ${p.commodity} records for the last two quarters (demo extract).

			- Detection method empty in ${pick(p, [17, 21, 14, 19])}% of cases.
			- Mixed units (${p.unit}) in the quantity field.
			- ${pick(p, [11, 8, 9, 12])} likely duplicates: same date, place, commodity and quantity.

			Sorted the findings by administration so that each NCP receives only its own list.
		`,
		outputs: md`
			- Data-quality note per administration
			- Check spreadsheet with the formulas used
		`,
		learning: md`
			Most errors come from a handful of fields. Telling an NCP exactly which cases to fix works better than a general reminder.
		`,
		changes:
			'Useful check. Please say how you identified the duplicates (which fields had to match), and take the case references out of the summary: they belong in the restricted working file, not in an unrestricted entry.',
	}),
	'cen-photos': (p) => ({
		area: 2,
		activity: 'cen-search',
		title: `CEN search: concealment photos for ${p.commodity} in ${p.mode}`,
		minutes: 90,
		summary: md`
			Searched CEN cases and photos for concealment methods in ${p.mode}.

			- Filtered by commodity and mode of transport.
			- Selected ${pick(p, [12, 10, 9, 12])} photos showing different concealments, including ${p.concealment}.
			- Noted which cases had no photo attached.
		`,
		outputs: '- Photo set with captions for the training slides at home',
		learning: md`
			Photos teach front-line officers faster than statistics. Our cases rarely include photos; I will suggest attaching them as standard.
		`,
		changes:
			'Please add where the photos will be used and who may see them. CEN photos are for Customs officers only: the slides must say so on every page.',
	}),
	'cug-setup': () => ({
		area: 2,
		activity: 'cencomm',
		title: `Setting up the CENcomm closed user group for ${op}`,
		minutes: 120,
		summary: md`
			Helped prepare the closed user group (CUG) for the operation.

			- Checked the user list against the nominations from participating administrations: 2 corrections.
			- Reviewed the three standard message templates: warning, feedback and seizure.
			- Wrote a one-page guide on which template to use when.
		`,
		outputs: md`
			- Checked user list
			- One-page user guide
		`,
		learning: md`
			The feedback message is the one most often forgotten, yet it is the only way the sender of a warning learns whether it helped.
		`,
	}),
	'cug-messages': (p) => ({
		area: 2,
		activity: 'cencomm',
		title: 'Processing seizure and feedback messages in the operation CUG',
		minutes: 150,
		restricted: true,
		summary: md`
			Processed the incoming messages in the ${op} CUG.

			- ${pick(p, [7, 8, 6, 9])} seizure messages and 2 feedback messages.
			- Checked each for quantity, concealment and route.
			- Asked two senders for the missing routing information.
		`,
		outputs: md`
			- Message log updated
			- Two follow-up requests drafted
		`,
		learning: 'Completeness checks at the OCU save analysis time later on.',
	}),
	'ncen-session': (p) => ({
		area: 2,
		activity: 'ncen',
		title: 'nCEN session: national data and transfers to the global CEN',
		minutes: 120,
		summary: md`
			Session with a mentor on nCEN, then a comparison with how ${p.country} keeps seizure data today.

			- nCEN's three databases: seizures, suspects, companies.
			- Exchange with other nCEN users through Icomm where there is a legal basis.
			- Transfer of non-personal data to the global CEN.
		`,
		outputs: `- Comparison table: ${p.country} today vs nCEN`,
		learning: md`
			Transferring non-personal data automatically would end double entry for our NCP: a candidate recommendation for my report.
		`,
	}),
	'cen-followup': (p) => ({
		area: 2,
		activity: 'cen-data-quality',
		title: 'Follow-up emails to NCPs on incomplete CEN records',
		minutes: 90,
		summary: md`
			Drafted follow-up emails to the administrations whose records had gaps in last week's check.

			- One email per administration, listing only its own cases.
			- For each missing field, the expected value and an example.
			- A reply date ${pick(p, ['ten', 'seven', 'ten', 'fourteen'])} days ahead.
		`,
		outputs: '- Draft emails for mentor approval',
		learning: 'A specific, short request gets answered. I used the same format for my own NCP.',
	}),
	'cen-stats': (p) => ({
		area: 2,
		activity: 'cen-search',
		title: `Predefined CEN statistics: annual comparison for ${p.country}`,
		minutes: 60,
		summary: md`
			Pulled the seizure counts of ${p.country} by commodity group for the last three years from the predefined statistics and compared them with our national figures.

			- Two years differ: ${pick(p, ['8 and 13', '5 and 9', '6 and 11', '10 and 4'])} cases missing from CEN.
		`,
		outputs: '- Comparison sheet: CEN vs national figures',
		learning: 'Our under-reporting is now measurable, which gives the report a concrete number.',
		thread: {
			mentor: 'Do you know why those cases are missing: entered late, or never entered?',
			participant:
				'Mostly never entered: a regional office handled them and it does not report through the NCP. I will raise it in my recommendations.',
			resolved: false,
		},
	}),
};

// ---------------------------------------------------------------------------------------------
// Area 3: data analysis
// ---------------------------------------------------------------------------------------------

const area3: Record<string, Template> = {
	cleaning: (p) => ({
		area: 3,
		activity: 'data-cleaning',
		title: `Cleaning the ${p.commodity} extract: units, dates and duplicates`,
		minutes: 180,
		summary: md`
			Cleaned the extract for my analysis (synthetic demo data) in ${p.tool}.

			- Converted quantities to one unit (${p.unit} were mixed).
			- Fixed ${pick(p, [23, 17, 31, 26])} dates stored as text.
			- Removed ${pick(p, [9, 6, 7, 12])} duplicates after agreeing with the mentor which fields define one.

			Kept a cleaning log so that every step can be repeated on the next extract.
		`,
		outputs: md`
			- Clean data set, version 1
			- Cleaning log (12 steps)
		`,
		learning:
			'Cleaning took longer than the analysis will. The log is what makes the result defensible.',
		changes:
			'Please list the cleaning steps in the entry (a short numbered list is enough) and say how many rows you started and ended with.',
		thread: {
			mentor:
				'Thanks for the row counts. Keep the log with the data set: the report annex can cite it.',
			participant:
				'Will do: the log and the data set are now in the same folder with the same version number.',
			resolved: true,
		},
	}),
	trend: (p) => ({
		area: 3,
		activity: 'trend-analysis',
		title: `Monthly trend chart of ${p.focus}`,
		minutes: 210,
		summary: md`
			Built a monthly trend of ${p.focus} over 24 months from the clean data set.

			- Number of cases and quantity in separate panels.
			- Three-month moving average to smooth single large seizures.
			- The two months with incomplete reporting are marked.
		`,
		outputs: md`
			- Trend chart (cases, quantity)
			- Short note on the peak in month ${pick(p, [17, 14, 19, 11])}
		`,
		learning: md`
			Separating cases from quantity changed the story: cases rose steadily, while quantity was driven by two large seizures.
		`,
	}),
	routes: (p) => ({
		area: 3,
		activity: 'route-analysis',
		title: `Route analysis of ${p.commodity}: origin, transit and destination`,
		minutes: 180,
		summary: md`
			Tabulated the declared origin, transit and destination of ${p.commodity} cases (synthetic data).

			- Five routes account for about ${pick(p, [70, 64, 58, 72])}% of cases.
			- A new transit point appears in the last six months: ${p.transit}.
			- Built a flow table for the route map.
		`,
		outputs: md`
			- Route flow table
			- Draft route map
		`,
		learning:
			'Transit points change faster than origins, so alerts should describe transit patterns.',
		changes:
			'The flow table is good. Please explain how you treated cases with no declared transit (left out, or counted as direct?) — the percentages depend on it.',
	}),
	concealment: (p) => ({
		area: 3,
		activity: 'route-analysis',
		title: `Concealment methods in ${p.mode}: two-year comparison`,
		minutes: 150,
		summary: md`
			Grouped the concealment methods of the last two years.

			- Top three methods per year compared.
			- ${p.concealment.charAt(0).toUpperCase() + p.concealment.slice(1)} rose from a handful of cases to the second most frequent method.
			- Recoded the free-text "other" values with ${pick(p, [6, 5, 7, 6])} rules.
		`,
		outputs: md`
			- Table of concealment methods by year
			- Recoding rules for "other"
		`,
		learning: 'Free text hides patterns: recoding "other" found cases nobody had counted.',
	}),
	dashboard: (p) => ({
		area: 3,
		activity: 'visualisation',
		title: `Dashboard prototype for the OCU's daily figures in ${p.tool}`,
		minutes: 240,
		summary: md`
			Built a prototype dashboard for the OCU's daily figures (synthetic data).

			- Totals by commodity group, administration and day.
			- Map of seizure locations.
			- Filter by mode of transport.

			Walked the mentor through it at the end of the day.
		`,
		outputs: md`
			- Dashboard prototype (three pages)
			- Data dictionary
		`,
		learning: md`
			A dashboard is only useful if the figures behind it follow one counting rule; I reused the OCU's rule for updated messages.
		`,
	}),
	geocode: (p) => ({
		area: 3,
		activity: 'data-cleaning',
		title: 'Standardising seizure locations for mapping',
		minutes: 120,
		summary: md`
			Standardised the place names in the location field so that cases can be mapped.

			- Spelling variants merged (${pick(p, [41, 28, 35, 33])} variants to 12 places).
			- Port and airport codes added where missing.
			- ${pick(p, [5, 3, 4, 6])} cases left unmapped and listed for follow-up.
		`,
		outputs: '- Location lookup table',
		learning: 'A lookup table beats manual fixes: the next extract is mapped in minutes.',
	}),
	mirror: (p) => ({
		area: 3,
		activity: 'trend-analysis',
		title: `Mirror analysis exercise on declared trade with ${p.partnerShort}`,
		minutes: 180,
		summary: md`
			Applied the mirror analysis method to demo figures: ${p.possessive} declared imports of one tariff heading from ${p.partnerShort} against ${p.partnerShort}'s declared exports to ${p.country}.

			- A gap of ${pick(p, [31, 24, 38, 27])}% in value in the latest year.
			- Two hypotheses: undervaluation, or classification under a neighbouring heading.
			- Listed the controls that would test each hypothesis.
		`,
		outputs: md`
			- Mirror table over five years
			- Hypotheses and tests (half a page)
		`,
		learning:
			'The gap is only a start: the method is worth what the hypotheses and the controls are.',
		thread: {
			mentor: 'Which of the two hypotheses would you test first at home, and with which data?',
		},
	}),
	bulletin: (p) => ({
		area: 3,
		activity: 'alert-drafting',
		title: `Paragraph on ${p.focus} for the monthly bulletin`,
		minutes: 120,
		summary: md`
			Wrote the paragraph assigned at the staff meeting.

			- About 150 words: trend, main routes, one concealment example.
			- Chart reused from my trend analysis.
			- Sources and data cut-off stated.
		`,
		outputs: '- Bulletin paragraph with chart',
		learning: 'Writing for a bulletin is cutting: one message per paragraph.',
		thread: {
			mentor: 'Please add the data cut-off date under the chart as well, not only in the text.',
			participant: 'Done: the date is now under the chart and in the caption.',
			resolved: true,
		},
	}),
	alert: (p) => ({
		area: 3,
		activity: 'alert-drafting',
		title: `Draft alert: ${p.concealment} in ${p.mode}`,
		minutes: 210,
		restricted: true,
		summary: md`
			Drafted an alert for regional circulation based on fictional cases.

			- Modus operandi: ${p.concealment}.
			- Indicators that can be checked in the declaration and at examination.
			- Recommended action for front-line officers.
			- Handling and dissemination note.
		`,
		outputs: md`
			- Draft alert (two pages)
			- Indicator list with the cases supporting each indicator
		`,
		learning:
			'An alert has to be usable after two minutes of reading: I moved the indicators to the first page.',
	}),
};

// ---------------------------------------------------------------------------------------------
// Area 4: networking
// ---------------------------------------------------------------------------------------------

const area4: Record<string, Template> = {
	'home-ncp': (p) => ({
		area: 4,
		activity: 'other',
		activityOther: 'Call with my home administration',
		title: `Call with our NCP in ${p.country} on using the OJT results`,
		minutes: 45,
		counterpart: p.admin,
		meetingFormat: 'Online meeting',
		summary: md`
			Short call with our NCP team to prepare my return.

			- Presented what I have produced so far and the draft recommendations.
			- Discussed which products they can reuse right away.
			- They asked for the column mapping and the data-quality checklist.
		`,
		outputs: '- Call note shared with my supervisor',
		learning: md`
			Agreeing early what home will use makes the report more practical: recommendations should match the team's capacity.
		`,
		followUp: md`
			- Send the mapping table and checklist (me, this week)
			- NCP to book a briefing for the unit after my return
		`,
	}),
	'bilateral-partner': (p) => ({
		area: 4,
		activity: 'bilateral-online',
		title: `Online bilateral meeting with ${p.partnerShort}'s intelligence unit`,
		minutes: 60,
		counterpart: p.partner,
		meetingFormat: 'Online meeting',
		summary: md`
			One-hour online meeting arranged by RILO A/P with the intelligence unit of ${p.partner}.

			- I presented ${p.possessive} recent ${p.commodity} cases in non-nominal form.
			- They described their risk profiling of ${p.mode}.
			- Both sides see value in a short quarterly exchange of summaries through the NCPs.
		`,
		outputs: '- Meeting note',
		learning: `${p.partnerShort} profiles on consignee history rather than on origin; we rely on origin alone.`,
		followUp: md`
			- Send our quarterly summary template to ${p.partnerShort} (me, before the end of the OJT)
			- ${p.partnerShort} to share their profiling indicators through RILO A/P
		`,
	}),
	'peer-exchange': (p) => ({
		area: 4,
		activity: 'other',
		activityOther: 'Exchange with another administration',
		title: `Exchange with ${p.peerShort} colleagues on ${p.peerTopic}`,
		minutes: 45,
		counterpart: p.peer,
		meetingFormat: 'Email or message exchange',
		summary: md`
			Exchanged messages with the intelligence unit of ${p.peer}, introduced by a fellow participant.

			- They shared how they approach ${p.peerTopic}.
			- I shared the data-quality checklist I built during the OJT.
		`,
		outputs: '- Summary of their approach (one page)',
		learning: 'Peers facing the same problem are the quickest source of working solutions.',
		followUp: md`
			- Keep the thread open for questions after the programme
			- Compare results again in three months
		`,
		thread: {
			mentor:
				'Nice initiative. Could you add one sentence on what you will try at home from their approach?',
		},
	}),
	'ncp-webinar': (p) => ({
		area: 4,
		activity: 'event',
		title: 'Regional NCP webinar: session on data quality (fictional event)',
		minutes: 90,
		counterpart: 'Regional NCP Network Webinar (fictional event)',
		meetingFormat: 'Event session',
		summary: md`
			Attended the regional NCP webinar organised by RILO A/P (demo event).

			- Session on the simplified data entry form and common errors.
			- Short introductions by the four programme participants.
			- Q&A on bulk upload templates.
		`,
		outputs: '- Notes and contacts of three NCPs working on bulk upload',
		learning: `Other NCPs have the same backlog problem as ${p.country}; two have solved it with the bulk templates.`,
		followUp: '- Contact the two NCPs using bulk upload after the programme',
	}),
	'mail-visit': (p) => ({
		area: 4,
		activity: 'visit',
		title: `Visit to ${p.visitSite}`,
		minutes: 240,
		counterpart: p.visitSite,
		meetingFormat: 'In person',
		summary: md`
			Half-day visit arranged by RILO A/P to see ${p.visitWhat} in practice (demo scenario).

			- Briefing on the risk rules applied before examination.
			- Watched the examination of ${pick(p, ['eight parcels', 'two containers', 'one container', 'five consignments'])} selected by the rules.
			- Discussed how findings are fed back into the rules.
		`,
		outputs: '- Visit note with three practices to propose at home',
		learning: `The feedback loop from examination results to the risk rules is exactly what ${p.country} lacks.`,
		followUp: '- Send thank-you note and my visit summary through RILO A/P',
	}),
	academic: () => ({
		area: 4,
		activity: 'event',
		title: 'Guest lecture: open-source research methods for Customs analysts',
		minutes: 120,
		counterpart: 'Institute for Border Studies, University of Calder (fictional)',
		meetingFormat: 'Event session',
		summary: md`
			Lecture at RILO A/P by a research group working on trade and border security (demo event).

			- Verifying company and vessel information from public sources.
			- Keeping a source log and judging source reliability.
			- Limits: privacy, terms of use, and what must stay within Customs channels.
		`,
		outputs: '- Notes and a reading list',
		learning: 'The source-log habit from the lecture is easy to adopt in our unit.',
		followUp: '- Share the reading list with my unit',
	}),
};

// ---------------------------------------------------------------------------------------------
// Participants' own entries (thematic study and personal tasks)
// ---------------------------------------------------------------------------------------------

const own: Record<string, Template> = {
	'mara-study-question': () => ({
		area: 3,
		activity: 'other',
		activityOther: 'Thematic study',
		title: 'Thematic study: research question and scope on postal methamphetamine alerts',
		minutes: 150,
		summary: md`
			Drafted the plan of my thematic study on alert intelligence.

			**Question:** which indicators in postal and express consignment data would have flagged the methamphetamine seizures of the last two years, and how early?

			- Scope: small parcels and express consignments; the demo data set and Aldoria's own (fictional) cases.
			- Method: describe the seized consignments, compare them with ordinary traffic, test candidate indicators.
			- Milestones: sources by the end of week 1, indicators by the middle of week 2, paper draft in week 3.
		`,
		outputs: '- Study plan (one page) for the mentor',
		learning:
			'Writing the question down forced me to choose: I dropped air passengers from the scope.',
	}),
	'mara-sources': () => ({
		area: 3,
		activity: 'other',
		activityOther: 'Thematic study',
		title: 'Thematic study: source review and evaluation',
		minutes: 120,
		summary: md`
			Listed and evaluated the sources for the study.

			- Regional seizure records (demo extract) for the case descriptions.
			- Public reports on drug trafficking by mail, for background only.
			- Aldoria's case files (fictional), summarised without names.

			Graded each source and noted its limits (reporting gaps, unit problems).
		`,
		outputs: '- Source table: what, period, reliability, limits',
		learning:
			'The weakest source is our own: half of Aldoria’s postal cases lack the declared contents.',
		thread: {
			mentor: 'Good table. How will you deal with the missing declared contents in the analysis?',
			participant:
				'I will keep those cases in the counts but leave them out of the indicator tests, and say so in the method section.',
			resolved: true,
		},
	}),
	'mara-indicators': () => ({
		area: 3,
		activity: 'alert-drafting',
		title: 'Indicator set for methamphetamine in small parcels (study draft)',
		minutes: 180,
		restricted: true,
		summary: md`
			Drafted the first indicator set for the study from the fictional seized consignments.

			- Declared contents "tea" or "dried food" with a weight above 1.5 kg.
			- Sender and consignee both private persons, first shipment between them.
			- Declared value below the usual range for the declared goods.
			- Routing through ${profiles[0]!.transit} without a commercial reason.

			Tested each indicator against ordinary traffic in the demo data to estimate false positives.
		`,
		outputs: md`
			- Indicator table with hit rate and false-positive estimate
			- Notes for the paper's findings section
		`,
		learning:
			'Single indicators flag too much traffic; combinations of two or three are what make an alert usable.',
		approvalNote: 'Strong piece of work: this is the core of your paper.',
	}),
	'mara-trend-postal': () => ({
		area: 3,
		activity: 'trend-analysis',
		title: 'Monthly trend chart of postal methamphetamine seizures',
		minutes: 210,
		summary: md`
			Built a monthly trend of postal and express methamphetamine seizures in the region over 24 months (synthetic data).

			- Cases and weight in separate panels, with a three-month moving average.
			- Cases rise steadily; weight peaks twice, each time from a single large seizure.
			- The last two months fall sharply.
		`,
		outputs: '- Trend chart for the study and the bulletin',
		learning:
			'Small parcels mean many cases and little weight: counting cases tells more than weight here.',
		changes:
			'The chart is clear, but three things are missing: the unit on the weight axis, the data cut-off, and an explanation of the fall in the last two months (a real fall, or late reporting?). Add one sentence on what the trend means for Aldoria’s mail controls.',
		thread: {
			participant:
				'Understood. I am checking with the office whether two administrations reported late; I will update the entry once I know.',
		},
	}),
	'mara-paper': () => ({
		area: 3,
		activity: 'other',
		activityOther: 'Thematic study',
		title: 'Research paper: method and first findings drafted',
		minutes: 180,
		summary: md`
			Wrote the method and first findings sections of the study paper.

			- Method: data, cleaning, indicator tests, limits.
			- Findings: three indicator combinations that would have flagged most seized consignments with a manageable number of hits.
			- Open point: how early the alert would have come, given reporting delays.
		`,
		outputs: '- Paper draft, sections 2 and 3 (about 2,500 words)',
		learning:
			'Writing the limits section early shows what still needs checking before the final report.',
		thread: {
			mentor:
				'Before I review: do the “manageable number of hits” figures come from the whole demo data set, or only the last 12 months?',
		},
	}),
	'mara-outline': () => ({
		area: 1,
		activity: 'other',
		activityOther: 'Final report preparation',
		title: 'Report outline: first pass at the four required sections',
		minutes: 90,
		summary: md`
			Started the outline of the final report for the presentation at the end of the stay.

			- Activity summary: grouped by the four OJT areas.
			- Study results: the indicator combinations and the trend analysis.
			- Recommendations: bulk upload to CEN, a grading step for incoming messages, examination feedback into risk rules.
			- Evaluation of the programme: notes so far.
		`,
		outputs: '- Outline draft (in progress)',
		learning:
			'The logbook makes the activity summary easy; the recommendations need the most thought.',
	}),
	'tevita-study-question': () => ({
		area: 3,
		activity: 'other',
		activityOther: 'Thematic study',
		title: 'Thematic study: question and scope on cigarettes in transhipped containers',
		minutes: 120,
		summary: md`
			Drafted the plan of my thematic study.

			**Question:** which declaration and routing features distinguish containers with illicit cigarettes among transhipment cargo passing through small island ports?

			- Scope: containers transhipped in the region, demo data and Kestrel Islands cases (fictional).
			- Method: compare seized containers with ordinary transhipment traffic.
		`,
		outputs: '- Study plan (one page)',
		learning:
			'For a small administration, transhipment is where we can contribute most to regional intelligence.',
	}),
	'tevita-small-admin': () => ({
		area: 2,
		activity: 'ncen',
		title: 'What a small administration needs from CEN: notes for the Kestrel Islands',
		minutes: 90,
		summary: md`
			Listed what our three-person intelligence unit would need to report to CEN regularly.

			- A simplified entry form for the few cases we have.
			- Access for two officers, not only the NCP.
			- A monthly reminder and a short checklist.
		`,
		outputs: '- Note for my supervisor (one page)',
		learning: 'The barrier at home is not technical: it is time and habit.',
		thread: {
			mentor: 'Would the simplified data entry form cover your cases, or do you need more fields?',
			participant:
				'It covers all our cigarette cases. Only the vessel details need a free-text note.',
			resolved: true,
		},
	}),
	'tevita-container-profile': () => ({
		area: 3,
		activity: 'alert-drafting',
		title: 'Risk indicators for cigarettes in transhipped containers',
		minutes: 180,
		summary: md`
			Drafted indicators from the fictional seized containers, split as the mentor asked.

			**Documentary indicators**

			- Declared goods of low value per kg (e.g. "plastic household goods") with a weight close to the container maximum.
			- Consignee registered less than six months before the shipment.

			**Physical and routing indicators**

			- Two or more transhipments before arrival, one at Calder Bay (fictional).
			- Container previously used on a different trade lane.
		`,
		outputs:
			'- Indicator table, each indicator linked to the supporting cases (case list in the restricted working file)',
		learning:
			'Splitting the indicators shows which can be used before arrival and which only at examination.',
		changes:
			'Please split the indicators into documentary ones and physical ones, and say for each which cases support it; as it stands the reader cannot tell how strong each indicator is.',
		thread: {
			participant:
				'Split as asked; the case references are in the restricted working file and named in the table.',
		},
	}),
	'tevita-vessel-arrivals': () => ({
		area: 3,
		activity: 'route-analysis',
		title: 'Small-vessel arrivals and cigarette seizures (synthetic data)',
		minutes: 150,
		summary: md`
			Matched small-vessel arrival records with cigarette seizures in the synthetic data.

			- Most seizures follow arrivals from two regional ports.
			- Seizures cluster in the weeks before public holidays.
			- Arrivals outside working hours are over-represented.
		`,
		outputs: '- Chart of arrivals and seizures by week',
		learning:
			'Timing matters as much as routing: holiday periods could be a simple targeting rule at home.',
	}),
	'lan-study-question': () => ({
		area: 3,
		activity: 'other',
		activityOther: 'Thematic study',
		title: 'Thematic study: question and scope on wildlife products in timber shipments',
		minutes: 120,
		summary: md`
			Drafted the plan of my thematic study.

			**Question:** which features of timber shipments were common to the seizures of protected wildlife products, and could they trigger an alert before arrival?

			- Scope: containerised timber shipments, demo data and Maravia cases (fictional).
			- Method: describe the seized shipments, compare with ordinary timber trade, test indicators.
		`,
		outputs: '- Study plan (one page)',
		learning:
			'Timber shipments are rarely examined at home; the study can show whether that should change.',
	}),
	'lan-species-codes': () => ({
		area: 3,
		activity: 'data-cleaning',
		title: 'Harmonising species names in wildlife seizure records',
		minutes: 180,
		summary: md`
			Harmonised the species field of the demo wildlife records in R.

			- Common names, trade names and scientific names mixed: 64 spellings for 19 species groups.
			- Built a lookup table and recoded all records.
			- 7 records could not be matched and were flagged.
		`,
		outputs: md`
			- Species lookup table
			- R script with the recoding steps
		`,
		learning:
			'Without one species list, every count is wrong; Maravia should adopt a single reference list for data entry.',
		thread: {
			mentor: 'Which reference list did you use for the species groups?',
			participant:
				'The group names of the curriculum’s synthetic data set, so that my results match the data lab.',
			resolved: true,
		},
	}),
	'lan-ngo-call': () => ({
		area: 4,
		activity: 'bilateral-online',
		title: 'Online meeting with a wildlife trade research organisation',
		minutes: 60,
		counterpart: 'Green Corridor Wildlife Trust (fictional)',
		meetingFormat: 'Online meeting',
		summary: md`
			Meeting, arranged by RILO A/P, with a research organisation that monitors wildlife trade from public sources (demo scenario).

			- They presented trends in online advertising of wildlife products.
			- We discussed what Customs can and cannot share with non-governmental partners.
		`,
		outputs: '- Meeting note',
		learning:
			'Public-source research can point to new routes, but any exchange must stay within what our legal basis allows.',
		followUp: '- They will send their public trend report; nothing from Customs records is shared',
	}),
	'lan-concealment-note': () => ({
		area: 3,
		activity: 'alert-drafting',
		title: 'Concealment note: wildlife products in declared timber',
		minutes: 180,
		restricted: true,
		summary: md`
			Drafted a concealment note for the study from the fictional seized shipments.

			- Products hidden in hollowed logs and between sawn boards.
			- Declared as ordinary sawn timber with correct permits.
			- Shipments routed through Tarsen Free Zone (fictional).
		`,
		outputs: '- Concealment note (draft)',
		learning:
			'The permits were in order in every case, so document checks alone would not have found these.',
		changes:
			'Please add how many shipments the note is based on and over which period, and describe how the concealments were found (scanner image, dog, physical examination). Without this the note cannot become an alert.',
	}),
	'arjun-study-question': () => ({
		area: 3,
		activity: 'other',
		activityOther: 'Thematic study',
		title: 'Thematic study: question and scope on counterfeit medicines in air cargo',
		minutes: 120,
		summary: md`
			Drafted the plan of my thematic study.

			**Question:** can simple anomaly scores on air cargo declarations (value, weight, description) pick out consignments of counterfeit medicines early enough for an alert?

			- Scope: air cargo, demo data and Lumeria cases (fictional).
			- Method: score declarations, compare the scores of seized and ordinary consignments.
		`,
		outputs: '- Study plan (one page)',
		learning: 'The method must stay simple enough for my unit to run without a data scientist.',
	}),
	'arjun-python-anomaly': () => ({
		area: 3,
		activity: 'trend-analysis',
		title: 'Declaration anomaly scores in Python: first test on synthetic air cargo data',
		minutes: 240,
		summary: md`
			Wrote a first scoring script in Python (pandas) on the synthetic air cargo data.

			- Scores: declared value per kg against the median for the description; words unusual for the declared tariff heading.
			- Seized consignments rank in the top 5% of scores in most cases.
			- False positives mainly from one legitimate express trader.
		`,
		outputs: md`
			- Notebook with the scoring steps
			- Table: score distribution, seized vs ordinary
		`,
		learning:
			'Even crude scores separate the seized consignments; the work is in explaining each score to officers.',
		thread: {
			mentor: 'How will you stop one large legitimate trader from dominating the top of the list?',
			participant:
				'I will score each trader against their own history first, then against the whole data set.',
			resolved: true,
		},
	}),
	'arjun-plan-revision': () => ({
		area: 1,
		activity: 'briefing',
		title: 'Revising my OJT plan after the first week',
		minutes: 60,
		summary: md`
			Reviewed my plan against the first week's logbook.

			- Data analysis takes more time than planned: moved 10 hours from CEN tasks to data analysis.
			- Added the visit and the bilateral meeting offered by RILO A/P.
		`,
		outputs: '- Revised OJT plan, sent for confirmation',
		learning:
			'A plan is useful when it is revised: the first week showed where my time actually goes.',
	}),
	'arjun-health-regulator': () => ({
		area: 4,
		activity: 'other',
		activityOther: 'Exchange with a national agency',
		title: 'Email exchange with the Lumeria medicines regulator on product checks',
		minutes: 45,
		counterpart: 'Lumeria Medicines Authority (fictional)',
		meetingFormat: 'Email or message exchange',
		summary: md`
			Contacted our national medicines regulator, through my unit, about how Customs referrals are handled.

			- They confirm product authenticity within two working days.
			- They asked for photos of the packaging with every referral.
		`,
		outputs: '- Note on the referral procedure',
		learning:
			'Cooperation with other national agencies is part of the NCP role; a written procedure would speed our referrals.',
		followUp: '- Draft a one-page referral procedure with my unit after the programme',
	}),
};

export const templates: Record<string, Template> = {
	...area1,
	...area2,
	...area3,
	...area4,
	...own,
};

// ---------------------------------------------------------------------------------------------
// Schedules: per participant, per working day of the OJT from the first, the entries logged.
// The last day is today (or the last working day); if the OJT so far has fewer working days,
// the first days are dropped, so every story keeps its distance from today.
// ---------------------------------------------------------------------------------------------

/** 'key', 'key/S', 'key+t', 'key/CA+t': story after the slash, +t shows the template's thread. */
function plan(spec: string): Planned {
	const m = /^([\w-]+)(?:\/(A|CA|S|CS|C|D))?(\+t)?$/.exec(spec);
	if (!m) throw new Error(`bad schedule item ${spec}`);
	return { key: m[1]!, story: (m[2] as Story | undefined) ?? 'A', thread: !!m[3] };
}

const days = (...rows: string[][]) => rows.map((row) => row.map(plan));

export const schedules: Planned[][][] = [
	// Mara (richest): 30 entries.
	days(
		['orientation', 'workflow+t', 'mara-study-question'],
		['ncen-session', 'cen-entry+t', 'staff-meeting'],
		['cen-quality/CA', 'cleaning', 'ncp-webinar'],
		['intel-request', 'cen-photos', 'mara-sources+t'],
		['cug-setup', 'routes/CA', 'bilateral-partner'],
		['ocu-daily', 'concealment'],
		['mara-indicators', 'mail-visit', 'cen-stats+t'],
		['mara-trend-postal/C+t', 'ocu-planning', 'project-tracker'],
		['dashboard', 'bulletin+t', 'peer-exchange'],
		['mara-paper/S+t', 'alert/S'],
		['home-ncp/S', 'mara-outline/D'],
	),
	// Tevita: 24 entries.
	days(
		['orientation', 'tevita-study-question'],
		['workflow', 'tevita-small-admin+t'],
		['cen-entry', 'cleaning', 'staff-meeting'],
		['cen-photos/CA', 'ncp-contacts'],
		['vessel-check', 'routes', 'bilateral-partner'],
		['cug-messages', 'mirror'],
		['tevita-container-profile/CS+t', 'mail-visit'],
		['ocu-daily', 'tevita-vessel-arrivals', 'academic'],
		['cen-followup', 'project-tracker'],
		['bulletin/S', 'peer-exchange/S+t'],
		['home-ncp/D'],
	),
	// Lan: 26 entries.
	days(
		['orientation', 'lan-study-question'],
		['workflow', 'ncen-session', 'cen-stats'],
		['lan-species-codes+t', 'ncp-contacts'],
		['cen-quality', 'intel-request', 'academic'],
		['cleaning', 'cug-setup'],
		['routes/CA', 'concealment', 'bilateral-partner'],
		['ocu-daily', 'lan-ngo-call'],
		['mirror', 'project-tracker', 'vessel-check'],
		['dashboard', 'lan-concealment-note/C'],
		['cen-followup', 'trend'],
		['bulletin/S', 'peer-exchange/S'],
	),
	// Arjun: 23 entries.
	days(
		['orientation', 'arjun-study-question'],
		['ncen-session', 'cen-entry'],
		['cleaning/CA+t', 'workflow'],
		['cen-photos', 'trend', 'ncp-webinar'],
		['arjun-python-anomaly+t', 'cug-setup'],
		['arjun-plan-revision', 'intel-request'],
		['routes', 'arjun-health-regulator', 'cug-messages'],
		['dashboard', 'academic'],
		['alert', 'cen-quality'],
		['mirror/S+t', 'bilateral-partner/S'],
		['geocode/D'],
	),
];

// ---------------------------------------------------------------------------------------------
// OJT plans and check-ins
// ---------------------------------------------------------------------------------------------

export type PlanArea = {
	area: 1 | 2 | 3 | 4;
	objectives: string;
	tasks: string;
	plannedHours: number;
};

/** Hours per area (1-4) per participant. */
const plannedHours: number[][] = [
	[25, 25, 35, 15],
	[30, 30, 20, 20],
	[20, 25, 35, 20],
	[20, 15, 45, 15],
];

export function planAreas(p: Profile): PlanArea[] {
	const h = plannedHours[p.i]!;
	return [
		{
			area: 1,
			plannedHours: h[0]!,
			objectives: md`
				- Understand how RILO A/P handles information exchange with NCPs, from registration to dissemination.
				- See how the OCU plans and runs a regional operation.
			`,
			tasks: md`
				- Work through the information-exchange workflow on training messages
				- Help the OCU with ${op}: daily reports, profile template
				- Draft at least one reply to an intelligence request
			`,
		},
		{
			area: 2,
			plannedHours: h[1]!,
			objectives: md`
				- Enter and check data in CEN with confidence.
				- Work in a CENcomm closed user group during an operation.
			`,
			tasks: md`
				- Enter the backlog cases from ${p.country} and build a column mapping
				- Run a data-quality check and draft follow-ups to NCPs
				- Compare CEN statistics with ${p.possessive} national figures
			`,
		},
		{
			area: 3,
			plannedHours: h[2]!,
			objectives: md`
				- Clean, analyse and visualise seizure data in ${p.tool}.
				- Complete the thematic study on ${p.study}.
			`,
			tasks: md`
				- Clean the ${p.commodity} extract and keep a cleaning log
				- Trend, route and concealment analyses
				- Draft an alert or intelligence product and the study paper
			`,
		},
		{
			area: 4,
			plannedHours: h[3]!,
			objectives: md`
				- Build working contacts with administrations facing the same risks as ${p.country}.
			`,
			tasks: md`
				- At least one online bilateral meeting arranged by RILO A/P
				- Regional NCP webinar and one visit
				- Keep in touch with the other participants' administrations
			`,
		},
	];
}

/** The mentor's notes for the start and mid-OJT check-ins (null: not held). */
export const checkinNotes: { start: string; mid: string | null }[] = [
	{
		start: md`
			Mara arrives with clear goals: postal and express methamphetamine flows, and a dashboard her NCP can reuse.

			- Plan agreed; thematic study question to be written down by day 2.
			- Weekly 30-minute session on the study, on the last working day of each week.
		`,
		mid: md`
			Good pace and all four areas covered.

			- Study on track: indicator set drafted, paper outline ready.
			- Reminder: mark entries restricted when they mention operation figures.
			- Next: trend chart for the bulletin, then the paper's method section.
		`,
	},
	{
		start: md`
			Tevita wants to bring CEN reporting into his unit's routine and to work on transhipment risk.

			- Plan agreed with more CEN time than the others (small administration, backlog at home).
			- Arranged a terminal visit in week 2.
		`,
		mid: md`
			CEN tasks going well; analysis picking up.

			- Indicator draft needs structure: documentary and physical indicators apart, each linked to its cases.
			- Encouraged him to present at the NCP webinar next time.
		`,
	},
	{
		start: md`
			Lan brings strong R skills and a clear interest in wildlife trafficking in timber shipments.

			- Plan agreed; study scope narrowed to containerised timber.
			- Will pair with Mara on the dashboard work.
		`,
		mid: md`
			Analysis strong; writing needs more detail on sources and methods.

			- Species lookup table is useful for the office too.
			- For analytic entries, always state the basis: number of cases, period, how they were found.
		`,
	},
	{
		start: md`
			Arjun is comfortable with Python and wants to test anomaly scoring on declarations.

			- Plan drafted; to be revised after week 1 once he sees the workload.
			- Agreed to keep the method simple enough for his unit to reuse.
		`,
		mid: null,
	},
];
