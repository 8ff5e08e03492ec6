-- 003: uploads waiting for confirmation, and which load undid which.

-- An uploaded file between its preview and the analyst's "confirm": the bytes themselves (so the confirm
-- re-checks exactly what was previewed) and the old values the preview showed (so anything that moved since
-- can be named). Short-lived: rows older than a day are deleted on the next upload; history is never here.
create table pending_upload (
    id          uuid primary key,
    kind        text not null check (kind in ('returns', 'catalogue')),
    user_name   text not null,
    file_name   text not null,
    sha256      text not null,
    content     bytea not null,
    expected    jsonb not null default '[]',     -- what the preview showed as "now", key by key
    claimed_at  timestamptz,                     -- set while a confirm is running, so a double click commits once
    committed_load_id integer references data_load(id), -- once confirmed: the load it became (a repeat confirm shows it)
    created_at  timestamptz not null default now()
);

create index ix_pending_upload_user on pending_upload (user_name, created_at);
create index ix_pending_upload_created on pending_upload (created_at);

-- A revert is a load of its own (data_load.kind = 'revert', with history rows); this links it to the load it undid.
create table load_revert (
    load_id         integer primary key references data_load(id),
    revert_load_id  integer not null unique references data_load(id)
);
