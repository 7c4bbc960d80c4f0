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
CREATE INDEX `lab_interpretation_waiting_idx` ON `lab_interpretation` (`reviewed_at`,`created_at`);