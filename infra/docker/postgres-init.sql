-- Run once by the postgres:15 image on an empty volume (docker-compose.yml).
-- POSTGRES_USER/POSTGRES_DB already created role "scs" and database "scs".
CREATE DATABASE scs_test OWNER scs;
