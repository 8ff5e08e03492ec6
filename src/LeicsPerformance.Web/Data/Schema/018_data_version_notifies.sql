-- The data version is also announced (issue 9): at commit, the transaction that moves it sends the new number on the
-- PostgreSQL notification channel `data_version`. Each app instance listens (Data/DataVersionListener.cs) and keeps
-- the number in memory, so a cached page no longer costs a database read per request. The counter itself is
-- unchanged: an instance whose listener is down reads it per request as before, and re-reads it when it listens again.
create or replace function move_data_version() returns trigger language plpgsql as $$
declare
    moved bigint;
begin
    if current_setting('leics.data_version_moved', true) is distinct from txid_current()::text then
        update data_version set version = version + 1 where id = 1 returning version into moved;
        perform set_config('leics.data_version_moved', txid_current()::text, true);
        -- Queued now, delivered by PostgreSQL only if and when the transaction commits.
        perform pg_notify('data_version', moved::text);
    end if;

    return null;
end;
$$;
