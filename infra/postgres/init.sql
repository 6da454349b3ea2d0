-- Run once by the postgres image on an empty data volume (/docker-entrypoint-initdb.d), as POSTGRES_USER.
-- One database per service, each owned and migrated by that service alone (services/<name>/src/migrate.ts).
-- Locally they share one server; in production each service gets its own PostgreSQL (see docker-compose.yml).
-- Keep in step with the DATABASE_URLs in docker-compose.yml (tools/compose/compose.spec.ts checks it).
CREATE DATABASE rd_communities;
CREATE DATABASE rd_meetings;
CREATE DATABASE rd_notifications;
CREATE DATABASE rd_reporting;
CREATE DATABASE rd_audit;
