-- First start of the analytics database (docker-compose.yml): Metabase's own database, and the
-- read-only role Metabase uses to read the export (METABASE_DATA_DB_READER_ROLE=metabase_reader;
-- every export grants it USAGE and SELECT on the schema mdso_analytics). Change the password.
CREATE DATABASE metabase;
CREATE ROLE metabase_reader LOGIN PASSWORD 'metabase_reader';
GRANT CONNECT ON DATABASE analytics TO metabase_reader;
