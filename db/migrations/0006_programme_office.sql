CREATE TABLE `admin_matter` (
	`participant_id` text NOT NULL,
	`cohort_id` text NOT NULL,
	`allowance_paid_on` text,
	`ticket_itinerary` text DEFAULT '' NOT NULL,
	`insurance_confirmed_on` text,
	`visa_status` text DEFAULT 'pending' NOT NULL,
	`visa_obtained_on` text,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	PRIMARY KEY(`participant_id`, `cohort_id`),
	FOREIGN KEY (`participant_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cohort_id`) REFERENCES `cohort`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `alumni_entry` (
	`user_id` text PRIMARY KEY NOT NULL,
	`cohort_id` text NOT NULL,
	`contact` text NOT NULL,
	`updated_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cohort_id`) REFERENCES `cohort`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `enrolment_letter` (
	`code` text PRIMARY KEY NOT NULL,
	`participant_id` text NOT NULL,
	`cohort_id` text NOT NULL,
	`issued_at` integer NOT NULL,
	`issued_by` text,
	`revoked_at` integer,
	`revoked_by` text,
	FOREIGN KEY (`participant_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cohort_id`) REFERENCES `cohort`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`issued_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`revoked_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enrolment_letter_live_uq` ON `enrolment_letter` (`participant_id`,`cohort_id`) WHERE revoked_at is null;--> statement-breakpoint
CREATE INDEX `enrolment_letter_participant_idx` ON `enrolment_letter` (`participant_id`,`cohort_id`);--> statement-breakpoint
CREATE TABLE `score_sheet` (
	`id` text PRIMARY KEY NOT NULL,
	`application_id` text NOT NULL,
	`reviewer_id` text NOT NULL,
	`scores` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `application`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `score_sheet_reviewer_idx` ON `score_sheet` (`application_id`,`reviewer_id`);--> statement-breakpoint
CREATE TABLE `screening_override` (
	`application_id` text NOT NULL,
	`check_key` text NOT NULL,
	`verdict` text NOT NULL,
	`note` text NOT NULL,
	`by_id` text,
	`at` integer NOT NULL,
	PRIMARY KEY(`application_id`, `check_key`),
	FOREIGN KEY (`application_id`) REFERENCES `application`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `selection_candidate` (
	`selection_id` text NOT NULL,
	`application_id` text NOT NULL,
	PRIMARY KEY(`selection_id`, `application_id`),
	FOREIGN KEY (`selection_id`) REFERENCES `selection`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`application_id`) REFERENCES `application`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `selection_candidate_application_id_unique` ON `selection_candidate` (`application_id`);--> statement-breakpoint
CREATE TABLE `selection` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`decided_at` integer NOT NULL,
	`decided_by_id` text,
	`notices_at` integer,
	`notices_emailed` integer DEFAULT 0 NOT NULL,
	`notices_kept` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `edition`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `selection_edition_id_unique` ON `selection` (`edition_id`);