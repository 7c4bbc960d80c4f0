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
CREATE INDEX `nomination_edition_idx` ON `nomination` (`edition_id`,`candidate_email`);