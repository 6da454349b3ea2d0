-- Generated from libs/database-roles/src/database-roles.ts (initSqlScript); do not edit by hand: npm run db:init-sql.
-- Run once by the postgres image on an empty data volume (/docker-entrypoint-initdb.d), as POSTGRES_USER, with psql.
-- Per service: database rd_<service>, owned by rd_<service>_owner (migrations) and used by rd_<service>_app (the
-- running service: DML on its own tables only; the audit service INSERT and SELECT only). Nobody else may connect.
-- Keep in step with the DATABASE_URLs in docker-compose.yml (tools/compose/compose.spec.ts checks it).
-- Production: docs/runbooks/production-databases.md.
\set ON_ERROR_STOP on
\getenv rd_owner_password RD_DB_OWNER_PASSWORD
\getenv rd_app_password RD_DB_APP_PASSWORD

-- communities
DO $$ BEGIN CREATE ROLE "rd_communities_owner" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
ALTER ROLE "rd_communities_owner" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
DO $$ BEGIN CREATE ROLE "rd_communities_app" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
ALTER ROLE "rd_communities_app" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
ALTER ROLE "rd_communities_owner" PASSWORD :'rd_owner_password';
ALTER ROLE "rd_communities_app" PASSWORD :'rd_app_password';
CREATE DATABASE "rd_communities" OWNER "rd_communities_owner";
ALTER DATABASE "rd_communities" OWNER TO "rd_communities_owner";
REVOKE ALL ON DATABASE "rd_communities" FROM PUBLIC;
GRANT CONNECT ON DATABASE "rd_communities" TO "rd_communities_app";
\connect rd_communities
ALTER SCHEMA public OWNER TO "rd_communities_owner";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO "rd_communities_app";
DO $$ DECLARE r record; BEGIN FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relowner <> 'rd_communities_owner'::regrole LOOP EXECUTE format('ALTER %s %I OWNER TO %I', CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.relname, 'rd_communities_owner'); END LOOP; FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S' AND c.relowner <> 'rd_communities_owner'::regrole LOOP EXECUTE format('ALTER SEQUENCE %I OWNER TO %I', r.relname, 'rd_communities_owner'); END LOOP; FOR r IN SELECT p.oid::regprocedure AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proowner <> 'rd_communities_owner'::regrole LOOP EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.signature, 'rd_communities_owner'); END LOOP; END $$;
ALTER DEFAULT PRIVILEGES FOR ROLE "rd_communities_owner" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "rd_communities_app";
ALTER DEFAULT PRIVILEGES FOR ROLE "rd_communities_owner" IN SCHEMA public REVOKE TRUNCATE, REFERENCES, TRIGGER ON TABLES FROM "rd_communities_app";
ALTER DEFAULT PRIVILEGES FOR ROLE "rd_communities_owner" IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "rd_communities_app";
ALTER DEFAULT PRIVILEGES FOR ROLE "rd_communities_owner" IN SCHEMA public REVOKE UPDATE ON SEQUENCES FROM "rd_communities_app";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "rd_communities_app";
REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM "rd_communities_app";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "rd_communities_app";
REVOKE UPDATE ON ALL SEQUENCES IN SCHEMA public FROM "rd_communities_app";
\connect postgres

-- meetings
DO $$ BEGIN CREATE ROLE "rd_meetings_owner" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
ALTER ROLE "rd_meetings_owner" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
DO $$ BEGIN CREATE ROLE "rd_meetings_app" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
ALTER ROLE "rd_meetings_app" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
ALTER ROLE "rd_meetings_owner" PASSWORD :'rd_owner_password';
ALTER ROLE "rd_meetings_app" PASSWORD :'rd_app_password';
CREATE DATABASE "rd_meetings" OWNER "rd_meetings_owner";
ALTER DATABASE "rd_meetings" OWNER TO "rd_meetings_owner";
REVOKE ALL ON DATABASE "rd_meetings" FROM PUBLIC;
GRANT CONNECT ON DATABASE "rd_meetings" TO "rd_meetings_app";
\connect rd_meetings
ALTER SCHEMA public OWNER TO "rd_meetings_owner";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO "rd_meetings_app";
DO $$ DECLARE r record; BEGIN FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relowner <> 'rd_meetings_owner'::regrole LOOP EXECUTE format('ALTER %s %I OWNER TO %I', CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.relname, 'rd_meetings_owner'); END LOOP; FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S' AND c.relowner <> 'rd_meetings_owner'::regrole LOOP EXECUTE format('ALTER SEQUENCE %I OWNER TO %I', r.relname, 'rd_meetings_owner'); END LOOP; FOR r IN SELECT p.oid::regprocedure AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proowner <> 'rd_meetings_owner'::regrole LOOP EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.signature, 'rd_meetings_owner'); END LOOP; END $$;
ALTER DEFAULT PRIVILEGES FOR ROLE "rd_meetings_owner" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "rd_meetings_app";
ALTER DEFAULT PRIVILEGES FOR ROLE "rd_meetings_owner" IN SCHEMA public REVOKE TRUNCATE, REFERENCES, TRIGGER ON TABLES FROM "rd_meetings_app";
ALTER DEFAULT PRIVILEGES FOR ROLE "rd_meetings_owner" IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "rd_meetings_app";
ALTER DEFAULT PRIVILEGES FOR ROLE "rd_meetings_owner" IN SCHEMA public REVOKE UPDATE ON SEQUENCES FROM "rd_meetings_app";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "rd_meetings_app";
REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM "rd_meetings_app";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "rd_meetings_app";
REVOKE UPDATE ON ALL SEQUENCES IN SCHEMA public FROM "rd_meetings_app";
\connect postgres

-- notifications
DO $$ BEGIN CREATE ROLE "rd_notifications_owner" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
ALTER ROLE "rd_notifications_owner" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
DO $$ BEGIN CREATE ROLE "rd_notifications_app" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
ALTER ROLE "rd_notifications_app" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
ALTER ROLE "rd_notifications_owner" PASSWORD :'rd_owner_password';
ALTER ROLE "rd_notifications_app" PASSWORD :'rd_app_password';
CREATE DATABASE "rd_notifications" OWNER "rd_notifications_owner";
ALTER DATABASE "rd_notifications" OWNER TO "rd_notifications_owner";
REVOKE ALL ON DATABASE "rd_notifications" FROM PUBLIC;
GRANT CONNECT ON DATABASE "rd_notifications" TO "rd_notifications_app";
\connect rd_notifications
ALTER SCHEMA public OWNER TO "rd_notifications_owner";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO "rd_notifications_app";
DO $$ DECLARE r record; BEGIN FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relowner <> 'rd_notifications_owner'::regrole LOOP EXECUTE format('ALTER %s %I OWNER TO %I', CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.relname, 'rd_notifications_owner'); END LOOP; FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S' AND c.relowner <> 'rd_notifications_owner'::regrole LOOP EXECUTE format('ALTER SEQUENCE %I OWNER TO %I', r.relname, 'rd_notifications_owner'); END LOOP; FOR r IN SELECT p.oid::regprocedure AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proowner <> 'rd_notifications_owner'::regrole LOOP EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.signature, 'rd_notifications_owner'); END LOOP; END $$;
ALTER DEFAULT PRIVILEGES FOR ROLE "rd_notifications_owner" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "rd_notifications_app";
ALTER DEFAULT PRIVILEGES FOR ROLE "rd_notifications_owner" IN SCHEMA public REVOKE TRUNCATE, REFERENCES, TRIGGER ON TABLES FROM "rd_notifications_app";
ALTER DEFAULT PRIVILEGES FOR ROLE "rd_notifications_owner" IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "rd_notifications_app";
ALTER DEFAULT PRIVILEGES FOR ROLE "rd_notifications_owner" IN SCHEMA public REVOKE UPDATE ON SEQUENCES FROM "rd_notifications_app";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "rd_notifications_app";
REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM "rd_notifications_app";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "rd_notifications_app";
REVOKE UPDATE ON ALL SEQUENCES IN SCHEMA public FROM "rd_notifications_app";
\connect postgres

-- reporting
DO $$ BEGIN CREATE ROLE "rd_reporting_owner" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
ALTER ROLE "rd_reporting_owner" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
DO $$ BEGIN CREATE ROLE "rd_reporting_app" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
ALTER ROLE "rd_reporting_app" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
ALTER ROLE "rd_reporting_owner" PASSWORD :'rd_owner_password';
ALTER ROLE "rd_reporting_app" PASSWORD :'rd_app_password';
CREATE DATABASE "rd_reporting" OWNER "rd_reporting_owner";
ALTER DATABASE "rd_reporting" OWNER TO "rd_reporting_owner";
REVOKE ALL ON DATABASE "rd_reporting" FROM PUBLIC;
GRANT CONNECT ON DATABASE "rd_reporting" TO "rd_reporting_app";
\connect rd_reporting
ALTER SCHEMA public OWNER TO "rd_reporting_owner";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO "rd_reporting_app";
DO $$ DECLARE r record; BEGIN FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relowner <> 'rd_reporting_owner'::regrole LOOP EXECUTE format('ALTER %s %I OWNER TO %I', CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.relname, 'rd_reporting_owner'); END LOOP; FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S' AND c.relowner <> 'rd_reporting_owner'::regrole LOOP EXECUTE format('ALTER SEQUENCE %I OWNER TO %I', r.relname, 'rd_reporting_owner'); END LOOP; FOR r IN SELECT p.oid::regprocedure AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proowner <> 'rd_reporting_owner'::regrole LOOP EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.signature, 'rd_reporting_owner'); END LOOP; END $$;
ALTER DEFAULT PRIVILEGES FOR ROLE "rd_reporting_owner" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "rd_reporting_app";
ALTER DEFAULT PRIVILEGES FOR ROLE "rd_reporting_owner" IN SCHEMA public REVOKE TRUNCATE, REFERENCES, TRIGGER ON TABLES FROM "rd_reporting_app";
ALTER DEFAULT PRIVILEGES FOR ROLE "rd_reporting_owner" IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "rd_reporting_app";
ALTER DEFAULT PRIVILEGES FOR ROLE "rd_reporting_owner" IN SCHEMA public REVOKE UPDATE ON SEQUENCES FROM "rd_reporting_app";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "rd_reporting_app";
REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM "rd_reporting_app";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "rd_reporting_app";
REVOKE UPDATE ON ALL SEQUENCES IN SCHEMA public FROM "rd_reporting_app";
\connect postgres

-- audit
DO $$ BEGIN CREATE ROLE "rd_audit_owner" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
ALTER ROLE "rd_audit_owner" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
DO $$ BEGIN CREATE ROLE "rd_audit_app" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
ALTER ROLE "rd_audit_app" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT;
ALTER ROLE "rd_audit_owner" PASSWORD :'rd_owner_password';
ALTER ROLE "rd_audit_app" PASSWORD :'rd_app_password';
CREATE DATABASE "rd_audit" OWNER "rd_audit_owner";
ALTER DATABASE "rd_audit" OWNER TO "rd_audit_owner";
REVOKE ALL ON DATABASE "rd_audit" FROM PUBLIC;
GRANT CONNECT ON DATABASE "rd_audit" TO "rd_audit_app";
\connect rd_audit
ALTER SCHEMA public OWNER TO "rd_audit_owner";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO "rd_audit_app";
DO $$ DECLARE r record; BEGIN FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relowner <> 'rd_audit_owner'::regrole LOOP EXECUTE format('ALTER %s %I OWNER TO %I', CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.relname, 'rd_audit_owner'); END LOOP; FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S' AND c.relowner <> 'rd_audit_owner'::regrole LOOP EXECUTE format('ALTER SEQUENCE %I OWNER TO %I', r.relname, 'rd_audit_owner'); END LOOP; FOR r IN SELECT p.oid::regprocedure AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proowner <> 'rd_audit_owner'::regrole LOOP EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.signature, 'rd_audit_owner'); END LOOP; END $$;
ALTER DEFAULT PRIVILEGES FOR ROLE "rd_audit_owner" IN SCHEMA public GRANT SELECT, INSERT ON TABLES TO "rd_audit_app";
ALTER DEFAULT PRIVILEGES FOR ROLE "rd_audit_owner" IN SCHEMA public REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLES FROM "rd_audit_app";
ALTER DEFAULT PRIVILEGES FOR ROLE "rd_audit_owner" IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "rd_audit_app";
ALTER DEFAULT PRIVILEGES FOR ROLE "rd_audit_owner" IN SCHEMA public REVOKE UPDATE ON SEQUENCES FROM "rd_audit_app";
GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO "rd_audit_app";
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM "rd_audit_app";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "rd_audit_app";
REVOKE UPDATE ON ALL SEQUENCES IN SCHEMA public FROM "rd_audit_app";
\connect postgres
