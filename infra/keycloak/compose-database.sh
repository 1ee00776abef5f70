#!/usr/bin/env bash
# docker-compose only (postgres' first start runs /docker-entrypoint-initdb.d): the identity provider's login and
# database, as infra/keycloak/keycloak.sh makes them on the local Postgres.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" -v password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE titipan_keycloak LOGIN PASSWORD :'password';
CREATE DATABASE titipan_keycloak OWNER titipan_keycloak;
SQL
