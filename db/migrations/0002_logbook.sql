CREATE TABLE `checkin` (
	`participant_id` text NOT NULL,
	`kind` text NOT NULL,
	`held_on` text NOT NULL,
	`mentor_id` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`participant_id`, `kind`),
	FOREIGN KEY (`participant_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mentor_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `entry_comment` (
	`id` text PRIMARY KEY NOT NULL,
	`entry_id` text NOT NULL,
	`author_id` text NOT NULL,
	`body` text NOT NULL,
	`resolved_at` integer,
	`resolved_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `log_entry`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `entry_comment_entry_idx` ON `entry_comment` (`entry_id`);--> statement-breakpoint
CREATE TABLE `form_stash` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`values` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `log_entry` (
	`id` text PRIMARY KEY NOT NULL,
	`participant_id` text NOT NULL,
	`date` text NOT NULL,
	`area` integer NOT NULL,
	`activity` text NOT NULL,
	`activity_other` text DEFAULT '' NOT NULL,
	`title` text NOT NULL,
	`minutes` integer NOT NULL,
	`summary` text NOT NULL,
	`outputs` text DEFAULT '' NOT NULL,
	`learning` text DEFAULT '' NOT NULL,
	`handling` text DEFAULT 'unrestricted' NOT NULL,
	`counterpart` text DEFAULT '' NOT NULL,
	`meeting_format` text DEFAULT '' NOT NULL,
	`follow_up` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`submitted_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `log_entry_participant_date_idx` ON `log_entry` (`participant_id`,`date`);--> statement-breakpoint
CREATE INDEX `log_entry_status_submitted_idx` ON `log_entry` (`status`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `notification` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`text` text NOT NULL,
	`link` text NOT NULL,
	`read_at` integer,
	`emailed_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notification_user_idx` ON `notification` (`user_id`,`read_at`);--> statement-breakpoint
CREATE TABLE `ojt_plan_area` (
	`participant_id` text NOT NULL,
	`area` integer NOT NULL,
	`objectives` text DEFAULT '' NOT NULL,
	`tasks` text DEFAULT '' NOT NULL,
	`planned_hours` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`participant_id`, `area`),
	FOREIGN KEY (`participant_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `ojt_plan` (
	`participant_id` text PRIMARY KEY NOT NULL,
	`confirmed_by` text,
	`confirmed_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`confirmed_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `review_decision` (
	`id` text PRIMARY KEY NOT NULL,
	`entry_id` text NOT NULL,
	`mentor_id` text NOT NULL,
	`decision` text NOT NULL,
	`from_status` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `log_entry`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mentor_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_decision_entry_idx` ON `review_decision` (`entry_id`);