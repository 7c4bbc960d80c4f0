CREATE TABLE `material` (
	`id` text PRIMARY KEY NOT NULL,
	`participant_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`handling` text DEFAULT 'restricted' NOT NULL,
	`query` text DEFAULT '' NOT NULL,
	`ref_id` text DEFAULT '' NOT NULL,
	`file_name` text DEFAULT '' NOT NULL,
	`mime_type` text DEFAULT '' NOT NULL,
	`size` integer DEFAULT 0 NOT NULL,
	`content` blob,
	`log_entry_id` text,
	`study_part` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`log_entry_id`) REFERENCES `log_entry`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `material_participant_idx` ON `material` (`participant_id`,`kind`);