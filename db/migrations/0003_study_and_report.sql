CREATE TABLE `report_comment` (
	`id` text PRIMARY KEY NOT NULL,
	`section_id` text NOT NULL,
	`parent_id` text,
	`author_id` text NOT NULL,
	`quote` text DEFAULT '' NOT NULL,
	`body` text NOT NULL,
	`resolved_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`section_id`) REFERENCES `report_section`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_comment_section_idx` ON `report_comment` (`section_id`);--> statement-breakpoint
CREATE TABLE `report_revision` (
	`id` text PRIMARY KEY NOT NULL,
	`section_id` text NOT NULL,
	`version` integer NOT NULL,
	`title` text NOT NULL,
	`outline` text NOT NULL,
	`notes` text NOT NULL,
	`reason` text NOT NULL,
	`author_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`section_id`) REFERENCES `report_section`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_revision_section_version_uq` ON `report_revision` (`section_id`,`version`);--> statement-breakpoint
CREATE TABLE `report_section` (
	`id` text PRIMARY KEY NOT NULL,
	`participant_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`position` integer NOT NULL,
	`outline` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `report_section_participant_idx` ON `report_section` (`participant_id`);--> statement-breakpoint
CREATE TABLE `report_submission` (
	`participant_id` text NOT NULL,
	`recipient` text NOT NULL,
	`round` text NOT NULL,
	`submitted_on` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`participant_id`, `recipient`, `round`),
	FOREIGN KEY (`participant_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `report` (
	`participant_id` text PRIMARY KEY NOT NULL,
	`status` text DEFAULT 'outline_drafted' NOT NULL,
	`outline_presented_on` text,
	`corrections_request` text DEFAULT '' NOT NULL,
	`corrections_requested_by` text,
	`corrections_requested_on` text,
	`corrections_submitted_on` text,
	`closed_on` text,
	`accepted_at` integer,
	`calendar_token_hash` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`corrections_requested_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_calendar_token_hash_unique` ON `report` (`calendar_token_hash`);--> statement-breakpoint
CREATE TABLE `study_activity` (
	`id` text PRIMARY KEY NOT NULL,
	`participant_id` text NOT NULL,
	`what` text NOT NULL,
	`agreed_on` text NOT NULL,
	`agreed_by` text NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`outcome` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `study_activity_participant_idx` ON `study_activity` (`participant_id`);--> statement-breakpoint
CREATE TABLE `study_comment` (
	`id` text PRIMARY KEY NOT NULL,
	`participant_id` text NOT NULL,
	`part` text NOT NULL,
	`author_id` text NOT NULL,
	`body` text NOT NULL,
	`resolved_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `study_comment_participant_idx` ON `study_comment` (`participant_id`,`part`);--> statement-breakpoint
CREATE TABLE `study_milestone` (
	`id` text PRIMARY KEY NOT NULL,
	`participant_id` text NOT NULL,
	`title` text NOT NULL,
	`due_date` text NOT NULL,
	`done_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `study_milestone_participant_idx` ON `study_milestone` (`participant_id`);--> statement-breakpoint
CREATE TABLE `study_paper_section` (
	`id` text PRIMARY KEY NOT NULL,
	`participant_id` text NOT NULL,
	`title` text NOT NULL,
	`position` integer NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `study_paper_section_participant_idx` ON `study_paper_section` (`participant_id`);--> statement-breakpoint
CREATE TABLE `study_source` (
	`id` text PRIMARY KEY NOT NULL,
	`participant_id` text NOT NULL,
	`citation` text NOT NULL,
	`link` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`reliability` text DEFAULT 'X' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `study_source_participant_idx` ON `study_source` (`participant_id`);--> statement-breakpoint
CREATE TABLE `study` (
	`participant_id` text PRIMARY KEY NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`question` text DEFAULT '' NOT NULL,
	`scope` text DEFAULT '' NOT NULL,
	`method` text DEFAULT '' NOT NULL,
	`expected_outputs` text DEFAULT '' NOT NULL,
	`findings` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
