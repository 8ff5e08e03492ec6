-- 006: value history keeps its foreign key to the load that wrote it, but not to indicator, area and period.
-- Every history row is written in the same transaction as the indicator_value row it records, whose own foreign keys
-- have just been checked; checking them a second time per row was the largest single cost of a 100,000-row import
-- (measured: docs/performance.md). The app never deletes indicators, areas or periods, so no row can be orphaned.
alter table indicator_value_history drop constraint indicator_value_history_indicator_id_fkey;
alter table indicator_value_history drop constraint indicator_value_history_area_id_fkey;
alter table indicator_value_history drop constraint indicator_value_history_period_id_fkey;
