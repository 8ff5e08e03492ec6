-- A confirm now holds its upload with a PostgreSQL advisory lock of its own session (Imports/UploadClaim.cs), which a
-- dead process gives up at once; the timestamp lease it replaces left a killed confirm's upload busy for 10 minutes.
alter table pending_upload drop column claimed_at;
