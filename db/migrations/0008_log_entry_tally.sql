CREATE TABLE `log_entry_tally` (
	`participant_id` text NOT NULL,
	`area` integer NOT NULL,
	`date` text NOT NULL,
	`status` text NOT NULL,
	`handling` text NOT NULL,
	`n` integer NOT NULL,
	`minutes` integer NOT NULL,
	PRIMARY KEY(`participant_id`, `area`, `date`, `status`, `handling`),
	FOREIGN KEY (`participant_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `log_entry_participant_updated_idx` ON `log_entry` (`participant_id`,`updated_at`);