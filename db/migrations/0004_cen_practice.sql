CREATE TABLE `cen_message_review` (
	`id` text PRIMARY KEY NOT NULL,
	`message_id` text NOT NULL,
	`mentor_id` text NOT NULL,
	`decision` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `cen_message`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mentor_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cen_message_review_message_idx` ON `cen_message_review` (`message_id`);--> statement-breakpoint
CREATE TABLE `cen_message` (
	`id` text PRIMARY KEY NOT NULL,
	`participant_id` text NOT NULL,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`recipient_group` text NOT NULL,
	`indicators` text DEFAULT '' NOT NULL,
	`modus_operandi` text DEFAULT '' NOT NULL,
	`routes` text DEFAULT '' NOT NULL,
	`risk_indicators` text DEFAULT '' NOT NULL,
	`requested_action` text DEFAULT '' NOT NULL,
	`in_reply_to` text DEFAULT '' NOT NULL,
	`result` text DEFAULT '' NOT NULL,
	`seizure_id` text,
	`basis` text DEFAULT '' NOT NULL,
	`handling` text DEFAULT 'restricted' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`submitted_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`seizure_id`) REFERENCES `cen_seizure`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `cen_message_participant_idx` ON `cen_message` (`participant_id`);--> statement-breakpoint
CREATE TABLE `cen_seizure` (
	`id` text PRIMARY KEY NOT NULL,
	`participant_id` text NOT NULL,
	`case_id` text DEFAULT '' NOT NULL,
	`seizure_date` text NOT NULL,
	`reporting_country` text NOT NULL,
	`place_type` text NOT NULL,
	`detection_method` text NOT NULL,
	`commodity_category` text NOT NULL,
	`commodity_type` text NOT NULL,
	`quantity` real NOT NULL,
	`unit` text NOT NULL,
	`concealment` text NOT NULL,
	`transport_mode` text NOT NULL,
	`origin_country` text DEFAULT '' NOT NULL,
	`departure_country` text NOT NULL,
	`transit_country` text DEFAULT '' NOT NULL,
	`destination_country` text NOT NULL,
	`nationalities` text DEFAULT '' NOT NULL,
	`remarks` text DEFAULT '' NOT NULL,
	`warnings` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `cen_seizure_participant_idx` ON `cen_seizure` (`participant_id`,`case_id`);--> statement-breakpoint
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