-- One PostgreSQL server, one database per service (services never read each other's tables).
CREATE DATABASE account;
CREATE DATABASE application;
CREATE DATABASE quota;
CREATE DATABASE billing;
CREATE DATABASE biometric;
CREATE DATABASE upload;       -- upload-service: the documents' uploads
CREATE DATABASE ops;          -- the ops console's re-drive log
