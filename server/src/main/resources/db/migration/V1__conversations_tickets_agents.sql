-- Conversations, their messages, agents and their sessions, tickets and their history.
-- Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode. Times are epoch milliseconds (UTC).

CREATE TABLE conversations (
  id                   VARCHAR(40)   PRIMARY KEY,
  token_hash           VARCHAR(64)   NOT NULL,
  channel              VARCHAR(16)   NOT NULL,
  caller               VARCHAR(40),
  state                VARCHAR(16)   NOT NULL,
  created_at           BIGINT        NOT NULL,
  updated_at           BIGINT        NOT NULL,
  last_seq             INT           NOT NULL,
  failed_turns         INT           NOT NULL,
  privacy_notice_given BOOLEAN       NOT NULL,
  pending_suggestions  VARCHAR(1000),
  intake               VARCHAR(4000),
  ticket_id            VARCHAR(40)
);

CREATE INDEX conversations_token ON conversations (token_hash);

CREATE TABLE messages (
  conversation_id VARCHAR(40)   NOT NULL REFERENCES conversations (id),
  seq             INT           NOT NULL,
  sender          VARCHAR(16)   NOT NULL,
  body            VARCHAR(4000) NOT NULL,
  sent_at         BIGINT        NOT NULL,
  faq_id          VARCHAR(100),
  confidence      DOUBLE PRECISION,
  suggestions     VARCHAR(2000),
  agent_id        VARCHAR(40),
  agent_name      VARCHAR(100),
  rateable        BOOLEAN       NOT NULL,
  helpful         BOOLEAN,
  rated_at        BIGINT,
  PRIMARY KEY (conversation_id, seq)
);

CREATE TABLE agents (
  id            VARCHAR(40)  PRIMARY KEY,
  username      VARCHAR(64)  NOT NULL UNIQUE,
  display_name  VARCHAR(100) NOT NULL,
  role          VARCHAR(16)  NOT NULL,
  password_hash VARCHAR(200) NOT NULL,
  created_at    BIGINT       NOT NULL
);

CREATE TABLE agent_sessions (
  token_hash VARCHAR(64) PRIMARY KEY,
  agent_id   VARCHAR(40) NOT NULL REFERENCES agents (id),
  created_at BIGINT      NOT NULL,
  expires_at BIGINT      NOT NULL
);

CREATE SEQUENCE ticket_numbers START WITH 100001;

CREATE TABLE tickets (
  id               VARCHAR(40)   PRIMARY KEY,
  number           VARCHAR(20)   NOT NULL UNIQUE,
  conversation_id  VARCHAR(40)   NOT NULL REFERENCES conversations (id),
  channel          VARCHAR(16)   NOT NULL,
  kind             VARCHAR(20)   NOT NULL,
  faq_category     VARCHAR(40),
  priority         INT           NOT NULL,
  status           VARCHAR(20)   NOT NULL,
  owner_id         VARCHAR(40)   REFERENCES agents (id),
  summary          VARCHAR(1000) NOT NULL,
  facts            VARCHAR(4000),
  amount_disputed  NUMERIC(14, 2),
  amount_recovered NUMERIC(14, 2),
  resolution       VARCHAR(4000),
  report_category  VARCHAR(20),
  rule_id          VARCHAR(60)   NOT NULL,
  created_at       BIGINT        NOT NULL,
  accept_due_at    BIGINT,
  accepted_at      BIGINT,
  due_at           BIGINT        NOT NULL,
  paused_at        BIGINT,
  resolved_at      BIGINT,
  closed_at        BIGINT,
  escalation_level INT           NOT NULL,
  updated_at       BIGINT        NOT NULL
);

CREATE INDEX tickets_status ON tickets (status, priority, created_at);
CREATE INDEX tickets_owner ON tickets (owner_id, status);
CREATE INDEX tickets_created ON tickets (created_at);

CREATE TABLE ticket_history (
  ticket_id  VARCHAR(40)   NOT NULL REFERENCES tickets (id),
  seq        INT           NOT NULL,
  changed_at BIGINT        NOT NULL,
  actor      VARCHAR(100)  NOT NULL,
  action     VARCHAR(40)   NOT NULL,
  detail     VARCHAR(2000),
  PRIMARY KEY (ticket_id, seq)
);
