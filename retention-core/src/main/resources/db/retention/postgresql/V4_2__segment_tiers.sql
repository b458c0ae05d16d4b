-- Segments (issue 6): loyalty tier criterion, one tier name per line; NULL = any tier.
ALTER TABLE rtn_segment ADD COLUMN tiers VARCHAR(1000);
