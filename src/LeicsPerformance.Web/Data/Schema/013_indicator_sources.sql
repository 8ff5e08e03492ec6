-- Where an indicator's figures come from (issue 10): the dataset, its publisher and the release the figures were
-- taken from. Blank means the council's papers do not name it; the indicator page says so rather than guess.
alter table indicator add column source_dataset text not null default '';
alter table indicator add column source_publisher text not null default '';
alter table indicator add column source_release text not null default '';
