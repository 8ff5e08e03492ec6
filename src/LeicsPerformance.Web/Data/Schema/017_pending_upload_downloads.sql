-- The downloads of an upload's preview (its problems and, for a return, every change), as gzip-compressed CSV,
-- written with the plan the preview showed, so downloading them does not check the file again (issue 12). Null for
-- an upload kept before this change: its download goes back to the preview, which writes them.
alter table pending_upload add column problems_csv bytea, add column changes_csv bytea;
