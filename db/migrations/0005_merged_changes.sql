CREATE TABLE `activity_agreement` (
	`activity_id` text NOT NULL,
	`party` text NOT NULL,
	`user_id` text NOT NULL,
	`decision` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`decided_at` integer NOT NULL,
	PRIMARY KEY(`activity_id`, `party`),
	FOREIGN KEY (`activity_id`) REFERENCES `study_activity`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `application` (
	`id` text PRIMARY KEY NOT NULL,
	`nomination_id` text NOT NULL,
	`edition_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`answers` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`submitted_at` integer,
	`updated_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`nomination_id`) REFERENCES `nomination`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`edition_id`) REFERENCES `edition`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `application_nomination_id_unique` ON `application` (`nomination_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `application_token_hash_unique` ON `application` (`token_hash`);--> statement-breakpoint
CREATE INDEX `application_list_idx` ON `application` (`status`,`submitted_at`,`id`);--> statement-breakpoint
CREATE TABLE `edition` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`application_deadline` text NOT NULL,
	`original_deadline` text,
	`selection_period` text NOT NULL,
	`programme_period` text NOT NULL,
	`venue` text NOT NULL,
	`language` text NOT NULL,
	`cohort_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`cohort_id`) REFERENCES `cohort`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `edition_name_unique` ON `edition` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `edition_slug_unique` ON `edition` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `edition_cohort_id_unique` ON `edition` (`cohort_id`);--> statement-breakpoint
CREATE TABLE `lab_interpretation` (
	`id` text PRIMARY KEY NOT NULL,
	`participant_id` text NOT NULL,
	`exercise_id` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`reviewer_id` text,
	`scores` text,
	`comment` text DEFAULT '' NOT NULL,
	`reviewed_at` integer,
	FOREIGN KEY (`participant_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lab_interpretation_participant_idx` ON `lab_interpretation` (`participant_id`,`exercise_id`);--> statement-breakpoint
CREATE INDEX `lab_interpretation_waiting_idx` ON `lab_interpretation` (`reviewed_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `mail_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `nomination` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` text NOT NULL,
	`administration_id` text NOT NULL,
	`officer_name` text NOT NULL,
	`officer_post` text NOT NULL,
	`officer_email` text NOT NULL,
	`candidate_name` text NOT NULL,
	`candidate_email` text NOT NULL,
	`verify_token_hash` text NOT NULL,
	`verify_expires_at` integer NOT NULL,
	`verified_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `edition`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`administration_id`) REFERENCES `administration`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `nomination_verify_token_hash_unique` ON `nomination` (`verify_token_hash`);--> statement-breakpoint
CREATE INDEX `nomination_edition_idx` ON `nomination` (`edition_id`,`candidate_email`);--> statement-breakpoint
CREATE TABLE `report_delivery` (
	`id` text PRIMARY KEY NOT NULL,
	`version_id` text NOT NULL,
	`recipient` text NOT NULL,
	`delivered_at` integer,
	`acknowledged_at` integer,
	`acknowledged_by` text,
	`link_token_hash` text,
	`link_email` text,
	`link_expires_at` integer,
	`link_used_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `report_version`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`acknowledged_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_delivery_link_token_hash_unique` ON `report_delivery` (`link_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `report_delivery_version_recipient_uq` ON `report_delivery` (`version_id`,`recipient`);--> statement-breakpoint
DROP INDEX `log_entry_participant_status_date_idx`;--> statement-breakpoint
CREATE INDEX `log_entry_participant_status_date_idx` ON `log_entry` (`participant_id`,`status`,`date`,`id`);--> statement-breakpoint
ALTER TABLE `material` ADD `description` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `user` ADD `administration_id` text REFERENCES administration(id);