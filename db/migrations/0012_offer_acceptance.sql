CREATE TABLE `offer` (
	`application_id` text PRIMARY KEY NOT NULL,
	`selection_id` text NOT NULL,
	`state` text DEFAULT 'offered' NOT NULL,
	`from_reserve` integer DEFAULT false NOT NULL,
	`offered_at` integer NOT NULL,
	`reply_by` text NOT NULL,
	`answered_at` integer,
	`token_hash` text NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `application`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`selection_id`) REFERENCES `selection`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `offer_token_hash_unique` ON `offer` (`token_hash`);--> statement-breakpoint
CREATE INDEX `offer_state_idx` ON `offer` (`state`,`reply_by`);--> statement-breakpoint
ALTER TABLE `selection` ADD `reply_days` integer DEFAULT 14 NOT NULL;