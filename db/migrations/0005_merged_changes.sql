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