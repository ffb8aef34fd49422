-- Security audit log (等保2.0 安全审计; 网络安全法第二十一条: kept at least six months).
-- Append-only: the application never updates a row; each row carries the SHA-256 of the previous
-- row (prev_hash) and its own hash over its fields and prev_hash, so an edited or deleted row breaks
-- the chain (GET /api/audit/verify).
CREATE TABLE gk_audit_log (
  id          BIGINT        NOT NULL PRIMARY KEY,
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  user_id     VARCHAR(100),
  address     VARCHAR(100),
  kind        VARCHAR(50)   NOT NULL,
  object      VARCHAR(500),
  result      VARCHAR(500)  NOT NULL,
  prev_hash   CHAR(64)      NOT NULL,
  hash        CHAR(64)      NOT NULL
);
CREATE INDEX ix_audit_log_time ON gk_audit_log (occurred_at);
CREATE INDEX ix_audit_log_user ON gk_audit_log (user_id);

-- The head of the chain: one row, locked while an entry is appended, so appends from several
-- threads or nodes form one chain. anchor_hash is the prev_hash of the oldest kept row (after a purge).
CREATE TABLE gk_audit_head (
  id          INT           NOT NULL PRIMARY KEY,
  last_id     BIGINT        NOT NULL,
  last_hash   CHAR(64)      NOT NULL,
  anchor_hash CHAR(64)      NOT NULL
);
INSERT INTO gk_audit_head (id, last_id, last_hash, anchor_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000',
        '0000000000000000000000000000000000000000000000000000000000000000');

-- Login failures policy: consecutive failures per account and the end of a lock.
CREATE TABLE gk_login_lockout (
  user_id      VARCHAR(100) NOT NULL PRIMARY KEY,
  failures     INT          NOT NULL,
  locked_until TIMESTAMP WITH TIME ZONE
);

-- Accounts that must change their password before doing anything else (the first administrator).
CREATE TABLE gk_password_change_required (
  user_id      VARCHAR(100) NOT NULL PRIMARY KEY,
  required_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
