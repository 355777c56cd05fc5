-- The rights of the role RiskPlan runs as in production on PostgreSQL (deploy/README.md).
--
-- The schema belongs to another role, the owner, which runs the migrations (`npm run migrate`).
-- The app's role reads and writes what the app changes, and no more: it cannot change the
-- schema, and it has no UPDATE, DELETE or TRUNCATE on the append-only records (issued reports,
-- their disposals, the audit log) and no UPDATE or TRUNCATE on an issued report's content. The
-- triggers of migration 0012 refuse those changes too; these grants mean that even a change to
-- the triggers, made through the app's login, is refused ("permission denied").
--
-- Run it as the owner, on the app's database, after every `npm run migrate` (a new table gets
-- its rights here). It starts from nothing each time, so running it again is safe:
--
--   psql "postgres://riskplan_owner@db.internal/riskplan" -v app_role=riskplan_app -f deploy/postgres-app-role.sql
--
-- The role itself is created once, by whoever administers the server:
--   create role riskplan_app login password '...';

\set ON_ERROR_STOP on
\if :{?app_role}
\else
  \echo 'Name the app''s role: psql ... -v app_role=riskplan_app -f deploy/postgres-app-role.sql'
  \quit
\endif

begin;

grant connect on database :"DBNAME" to :"app_role";
grant usage on schema public to :"app_role";
revoke create on schema public from :"app_role";

-- From nothing: whatever an earlier run or a manual grant gave is taken back first.
revoke all on all tables in schema public from :"app_role";
revoke all on all sequences in schema public from :"app_role";

-- Every table the app uses: read, add, change, delete (sessions, answers, the throttles' counters,
-- the clean-up of abandoned assessments, ...).
grant select, insert, update, delete on all tables in schema public to :"app_role";
grant usage, select on all sequences in schema public to :"app_role";

-- Append-only records: added and read, never changed or removed.
revoke update, delete on issued_reports, report_disposals, audit_log from :"app_role";

-- An issued report's exact bytes and answers: never changed. Deleted only by a recorded disposal
-- (the trigger refuses any other delete), so the app keeps DELETE here.
revoke update on issued_report_contents from :"app_role";

-- Which migrations ran: the app reads it at start (MIGRATE_ON_START=false) and never writes it.
revoke insert, update, delete on kysely_migration, kysely_migration_lock from :"app_role";

commit;
