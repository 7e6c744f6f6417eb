-- Server-wide settings and one-time markers (e.g. which demo seed steps have run), and indexes for the
-- audit log page's filters (by actor, by action).
CREATE TABLE app_setting (
    name            VARCHAR(200) PRIMARY KEY,
    setting_value   VARCHAR(4000),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log(actor, id);
CREATE INDEX audit_log_action ON audit_log(action, id);
CREATE INDEX login_failure_at ON login_failure(failed_at);
CREATE INDEX web_session_expires ON web_session(expires_at);
