-- 009: public benchmarking data (ONS local indicators).
-- Areas carry their region and the financial years they existed, so comparator groups can follow the 2019-2023
-- boundary changes; values keep the numerator, denominator and 95% confidence limits a release publishes, which
-- the significance rule for direction of travel needs.
alter table area add column region text not null default '';
alter table area add column first_year integer;   -- existed from 1 April of this year (null: before any data held)
alter table area add column last_year integer;    -- existed until 31 March after this year (null: still exists)

alter table indicator_value add column numerator numeric;
alter table indicator_value add column denominator numeric;
alter table indicator_value add column lower_limit numeric;   -- 95% confidence limits, in the value's units
alter table indicator_value add column upper_limit numeric;

-- Which rule built a comparator group version ('' for groups loaded member by member).
alter table comparator_group add column rule text not null default '';
