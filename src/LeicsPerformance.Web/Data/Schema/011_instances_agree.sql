-- Several app instances, and the command line, agree (issue 11).

-- Data-protection keys: they sign and encrypt the sign-in cookie and the antiforgery tokens. Kept here (written by
-- ASP.NET Core's key manager) so that a cookie or a form issued by one instance is read by every other.
create table data_protection_key (
    id              serial primary key,
    friendly_name   text,
    xml             text
);

-- The data version: one row, moved by every transaction that changes what the pages show. Cached pages vary by it,
-- and every instance reads it (a primary-key read of one row) on each cacheable request, so a load committed by any
-- instance or by import-returns is seen on every instance's next request.
create table data_version (
    id       integer primary key default 1 check (id = 1),
    version  bigint not null
);

insert into data_version (id, version) values (1, 1);

-- Moves the version once per transaction. It runs from deferred triggers, i.e. at commit, after the transaction's
-- other writes: the row lock on data_version is the last lock a writer takes, so two writers can wait for each other
-- only there, never deadlock. Readers see the new number exactly when they can see the new data.
create function move_data_version() returns trigger language plpgsql as $$
begin
    if current_setting('leics.data_version_moved', true) is distinct from txid_current()::text then
        update data_version set version = version + 1 where id = 1;
        perform set_config('leics.data_version_moved', txid_current()::text, true);
    end if;

    return null;
end;
$$;

-- Every table the pages read gets the trigger. Left out: accounts and sign-in state (app_*), uploads waiting for
-- confirmation, the keys, and the bookkeeping tables. A table added by a later script needs its own trigger
-- (DataVersionTests checks that every table has one or is on this list).
do $$
declare
    t text;
begin
    for t in
        select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE'
          and table_name not in ('schema_version', 'data_version', 'data_protection_key', 'pending_upload')
          and table_name not like 'app\_%'
    loop
        execute format(
            'create constraint trigger %I after insert or update or delete on %I deferrable initially deferred for each row execute function move_data_version()',
            t || '_moves_data_version', t);
    end loop;
end;
$$;
