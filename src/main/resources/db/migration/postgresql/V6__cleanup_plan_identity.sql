-- A plan is executed by its id: its digest (of the deleting entries) is what the admin confirmed, and once executed
-- it is not executed again. Audit rows name the plan they came from.
ALTER TABLE cleanup_plans ADD COLUMN digest TEXT;
ALTER TABLE cleanup_plans ADD COLUMN executed_at BIGINT;
ALTER TABLE cleanup_plans ADD COLUMN executed_by TEXT;
ALTER TABLE cleanup_plans ADD COLUMN execution TEXT;
ALTER TABLE cleanup_audit ADD COLUMN plan_id BIGINT;
