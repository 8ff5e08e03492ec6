-- 005: the home area's values by period (the period pickers and the default period) without scanning every value.
create index ix_indicator_value_area_period on indicator_value (area_id, period_id);
