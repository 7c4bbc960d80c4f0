DROP INDEX `log_entry_participant_status_date_idx`;--> statement-breakpoint
CREATE INDEX `log_entry_participant_status_date_idx` ON `log_entry` (`participant_id`,`status`,`date`,`id`);--> statement-breakpoint
ALTER TABLE `material` ADD `description` text DEFAULT '' NOT NULL;