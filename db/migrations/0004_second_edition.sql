CREATE TABLE `administration` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`deactivated_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `administration_name_key_unique` ON `administration` (`name_key`);--> statement-breakpoint
CREATE TABLE `assessment_attempt` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`answers` text NOT NULL,
	`score` integer NOT NULL,
	`total` integer NOT NULL,
	`topics` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessment_attempt_user_kind_uq` ON `assessment_attempt` (`user_id`,`kind`);--> statement-breakpoint
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
CREATE TABLE `evaluation_answer` (
	`user_id` text NOT NULL,
	`cohort_id` text NOT NULL,
	`item` text NOT NULL,
	`rating` integer,
	`comment` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `item`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cohort_id`) REFERENCES `cohort`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `evaluation_answer_cohort_idx` ON `evaluation_answer` (`cohort_id`);--> statement-breakpoint
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
CREATE INDEX `material_participant_idx` ON `material` (`participant_id`,`kind`);--> statement-breakpoint
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
DROP INDEX `cohort_member_administration_uq`;--> statement-breakpoint
ALTER TABLE `cohort_member` ADD `administration_id` text REFERENCES administration(id);--> statement-breakpoint
CREATE UNIQUE INDEX `cohort_member_administration_id_uq` ON `cohort_member` (`cohort_id`,`administration_id`);--> statement-breakpoint
ALTER TABLE `invitation` ADD `administration_id` text REFERENCES administration(id);--> statement-breakpoint
ALTER TABLE `quiz_attempt` ADD `first` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `quiz_attempt` ADD `passed` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `quiz_attempt_first_uq` ON `quiz_attempt` (`user_id`,`module_id`) WHERE "first" = 1;--> statement-breakpoint
CREATE INDEX `audit_event_actor_idx` ON `audit_event` (`actor_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_event_action_idx` ON `audit_event` (`action`,`id`);--> statement-breakpoint
CREATE INDEX `log_entry_queue_idx` ON `log_entry` (`status`,`submitted_at`,`id`);--> statement-breakpoint
CREATE INDEX `log_entry_participant_queue_idx` ON `log_entry` (`participant_id`,`status`,`submitted_at`,`id`);--> statement-breakpoint
CREATE INDEX `log_entry_participant_date_id_idx` ON `log_entry` (`participant_id`,`date`,`id`);--> statement-breakpoint
CREATE INDEX `log_entry_coverage_idx` ON `log_entry` (`participant_id`,`area`,`date`,`minutes`,`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `log_entry_participant_status_date_idx` ON `log_entry` (`participant_id`,`status`,`date`);--> statement-breakpoint
CREATE INDEX `notification_user_created_idx` ON `notification` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `review_decision_mentor_idx` ON `review_decision` (`mentor_id`,`created_at`);