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
ALTER TABLE `quiz_attempt` ADD `first` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `quiz_attempt` ADD `passed` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `quiz_attempt_first_uq` ON `quiz_attempt` (`user_id`,`module_id`) WHERE "first" = 1;