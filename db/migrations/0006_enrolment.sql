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
CREATE INDEX `enrolment_letter_participant_idx` ON `enrolment_letter` (`participant_id`,`cohort_id`);