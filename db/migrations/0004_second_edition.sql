CREATE TABLE `certificate` (
	`code` text PRIMARY KEY NOT NULL,
	`participant_id` text NOT NULL,
	`version_id` text NOT NULL,
	`issued_by` text,
	`issued_at` integer NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `report_version`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`issued_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificate_participant_id_unique` ON `certificate` (`participant_id`);--> statement-breakpoint
CREATE TABLE `report_version_section` (
	`version_id` text NOT NULL,
	`section_id` text,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`outline` text NOT NULL,
	`notes` text NOT NULL,
	`correction` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`version_id`, `position`),
	FOREIGN KEY (`version_id`) REFERENCES `report_version`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`section_id`) REFERENCES `report_section`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `report_version` (
	`id` text PRIMARY KEY NOT NULL,
	`participant_id` text NOT NULL,
	`number` integer NOT NULL,
	`submitted_at` integer NOT NULL,
	`decision` text DEFAULT 'pending' NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`decision_note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_version_number_uq` ON `report_version` (`participant_id`,`number`);--> statement-breakpoint
CREATE INDEX `log_entry_participant_stats_idx` ON `log_entry` (`participant_id`,`area`,`date`,`minutes`,`status`);--> statement-breakpoint
CREATE INDEX `notification_user_created_idx` ON `notification` (`user_id`,`created_at`);