-- The sweep now finds records deleted outside the app from core.record_deletions (core migration 0003)
-- instead of comparing each ledger with its table. Deletions made before the tombstones existed are not in
-- it: the next refresh of every organization rebuilds its aggregates once (a missing watermark means rebuild).
UPDATE "plugin_reporting"."metric_state" SET "watermark" = NULL;
