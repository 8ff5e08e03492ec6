-- Committee files (committees.csv, committee-scope.csv, committee-meetings.csv, questioning-prompts.csv) wait between
-- preview and confirm as pending uploads too, like returns and the catalogue (issue 12): the same limits, the same
-- claim so a double confirm writes once, the same "moved since preview" check, and a data_load row.
alter table pending_upload drop constraint pending_upload_kind_check;
alter table pending_upload add constraint pending_upload_kind_check check (kind in ('returns', 'catalogue', 'committees'));
