CREATE TABLE `passport_erasure` (
	`cohort_id` text PRIMARY KEY NOT NULL,
	`erased_at` integer NOT NULL,
	`participants` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`cohort_id`) REFERENCES `cohort`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `review_assignment` (
	`application_id` text NOT NULL,
	`reviewer_id` text NOT NULL,
	`assigned_by_id` text,
	`assigned_at` integer NOT NULL,
	PRIMARY KEY(`application_id`, `reviewer_id`),
	FOREIGN KEY (`application_id`) REFERENCES `application`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assigned_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `review_assignment_reviewer_idx` ON `review_assignment` (`reviewer_id`);