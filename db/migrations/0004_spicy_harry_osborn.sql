CREATE TABLE `administration` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`deactivated_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `administration_name_key_unique` ON `administration` (`name_key`);--> statement-breakpoint
DROP INDEX `cohort_member_administration_uq`;--> statement-breakpoint
ALTER TABLE `cohort_member` ADD `administration_id` text REFERENCES administration(id);--> statement-breakpoint
CREATE UNIQUE INDEX `cohort_member_administration_id_uq` ON `cohort_member` (`cohort_id`,`administration_id`);--> statement-breakpoint
ALTER TABLE `invitation` ADD `administration_id` text REFERENCES administration(id);--> statement-breakpoint
CREATE INDEX `audit_event_actor_idx` ON `audit_event` (`actor_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_event_action_idx` ON `audit_event` (`action`,`id`);--> statement-breakpoint
CREATE INDEX `log_entry_queue_idx` ON `log_entry` (`status`,`submitted_at`,`id`);--> statement-breakpoint
CREATE INDEX `log_entry_participant_queue_idx` ON `log_entry` (`participant_id`,`status`,`submitted_at`,`id`);--> statement-breakpoint
CREATE INDEX `log_entry_participant_date_id_idx` ON `log_entry` (`participant_id`,`date`,`id`);--> statement-breakpoint
CREATE INDEX `log_entry_coverage_idx` ON `log_entry` (`participant_id`,`area`,`date`,`minutes`,`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `review_decision_mentor_idx` ON `review_decision` (`mentor_id`,`created_at`);