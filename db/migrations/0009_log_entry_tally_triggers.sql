-- Keeps log_entry_tally equal to
--   select participant_id, area, date, status, handling, count(*), sum(minutes) from log_entry group by 1,2,3,4,5
-- on every insert, update and delete of a log entry, so nothing in the application can forget it.
-- Rows that fall to zero are removed, so a tally row always stands for at least one entry.
INSERT INTO `log_entry_tally` (`participant_id`, `area`, `date`, `status`, `handling`, `n`, `minutes`)
SELECT `participant_id`, `area`, `date`, `status`, `handling`, count(*), sum(`minutes`)
FROM `log_entry` GROUP BY `participant_id`, `area`, `date`, `status`, `handling`;
--> statement-breakpoint
CREATE TRIGGER `log_entry_tally_insert` AFTER INSERT ON `log_entry` BEGIN
	INSERT INTO `log_entry_tally` (`participant_id`, `area`, `date`, `status`, `handling`, `n`, `minutes`)
	VALUES (NEW.`participant_id`, NEW.`area`, NEW.`date`, NEW.`status`, NEW.`handling`, 1, NEW.`minutes`)
	ON CONFLICT (`participant_id`, `area`, `date`, `status`, `handling`)
	DO UPDATE SET `n` = `n` + 1, `minutes` = `minutes` + excluded.`minutes`;
END;
--> statement-breakpoint
CREATE TRIGGER `log_entry_tally_delete` AFTER DELETE ON `log_entry` BEGIN
	UPDATE `log_entry_tally` SET `n` = `n` - 1, `minutes` = `minutes` - OLD.`minutes`
	WHERE `participant_id` = OLD.`participant_id` AND `area` = OLD.`area` AND `date` = OLD.`date`
		AND `status` = OLD.`status` AND `handling` = OLD.`handling`;
	DELETE FROM `log_entry_tally`
	WHERE `participant_id` = OLD.`participant_id` AND `area` = OLD.`area` AND `date` = OLD.`date`
		AND `status` = OLD.`status` AND `handling` = OLD.`handling` AND `n` <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `log_entry_tally_update`
AFTER UPDATE OF `participant_id`, `area`, `date`, `status`, `handling`, `minutes` ON `log_entry` BEGIN
	UPDATE `log_entry_tally` SET `n` = `n` - 1, `minutes` = `minutes` - OLD.`minutes`
	WHERE `participant_id` = OLD.`participant_id` AND `area` = OLD.`area` AND `date` = OLD.`date`
		AND `status` = OLD.`status` AND `handling` = OLD.`handling`;
	DELETE FROM `log_entry_tally`
	WHERE `participant_id` = OLD.`participant_id` AND `area` = OLD.`area` AND `date` = OLD.`date`
		AND `status` = OLD.`status` AND `handling` = OLD.`handling` AND `n` <= 0;
	INSERT INTO `log_entry_tally` (`participant_id`, `area`, `date`, `status`, `handling`, `n`, `minutes`)
	VALUES (NEW.`participant_id`, NEW.`area`, NEW.`date`, NEW.`status`, NEW.`handling`, 1, NEW.`minutes`)
	ON CONFLICT (`participant_id`, `area`, `date`, `status`, `handling`)
	DO UPDATE SET `n` = `n` + 1, `minutes` = `minutes` + excluded.`minutes`;
END;
