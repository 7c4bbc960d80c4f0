CREATE TABLE `decision_notice` (
	`application_id` text PRIMARY KEY NOT NULL,
	`selected` integer NOT NULL,
	`sent_at` integer NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `application`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `nominating_contact` (
	`administration_id` text NOT NULL,
	`contact` text NOT NULL,
	`added_by_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`administration_id`, `contact`),
	FOREIGN KEY (`administration_id`) REFERENCES `administration`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`added_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `passport_detail` (
	`participant_id` text NOT NULL,
	`cohort_id` text NOT NULL,
	`passport_number` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`participant_id`, `cohort_id`),
	FOREIGN KEY (`participant_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cohort_id`) REFERENCES `cohort`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `review_declaration` (
	`application_id` text NOT NULL,
	`reviewer_id` text NOT NULL,
	`recused` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`application_id`, `reviewer_id`),
	FOREIGN KEY (`application_id`) REFERENCES `application`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `selection` ADD `override_reason` text;--> statement-breakpoint
ALTER TABLE `selection` ADD `office_confirmed_at` integer;--> statement-breakpoint
ALTER TABLE `selection` ADD `office_confirmed_by_id` text REFERENCES user(id);--> statement-breakpoint
ALTER TABLE `selection` ADD `secretariat_confirmed_at` integer;--> statement-breakpoint
ALTER TABLE `selection` ADD `secretariat_confirmed_by_id` text REFERENCES user(id);