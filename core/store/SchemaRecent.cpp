// SQLite's migrations from 29 on (Schema.cpp holds 1 to 28): web visitors, files, the manager's
// analytics (resolutions, reasons for contact, knowledge gaps, model costs).
#include "core/store/Schema.h"

namespace tierdesk::schema {

QList<Migration> recentMigrations()
{
    return {
        {29,
            {
                // The company's customer a web visitor proved to be (the web channel's identity); '' anonymous.
                QStringLiteral("ALTER TABLE chat_visitors ADD COLUMN customer_id TEXT NOT NULL DEFAULT ''"),
            }},
        {30,
            {
                // Files sent in a conversation (the web channel's attachments): by the visitor (sender
                // 'customer') or a person at the desk ('agent'), their type read from their bytes.
                QStringLiteral("CREATE TABLE session_files (id TEXT PRIMARY KEY, company_id TEXT NOT NULL,"
                               " session_id TEXT NOT NULL, sender TEXT NOT NULL, name TEXT NOT NULL DEFAULT '',"
                               " content_type TEXT NOT NULL, bytes INTEGER NOT NULL DEFAULT 0, content BLOB,"
                               " created_at INTEGER NOT NULL)"),
                QStringLiteral("CREATE INDEX session_files_by_session ON session_files(session_id)"),
            }},
        {31,
            {
                // A resolved session whose customer came back about the same reason (issue category)
                // within the repeat-contact window: its resolution did not hold (analytics' resolution).
                QStringLiteral("ALTER TABLE sessions ADD COLUMN came_back INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral("DROP TRIGGER analytics_session_changed"),
                QStringLiteral(
                    "CREATE TRIGGER analytics_session_changed AFTER UPDATE OF current_tier, status, channel,"
                    " customer_sentiment, message_count, resolved_at, came_back ON sessions BEGIN"
                    " INSERT OR IGNORE INTO analytics_dirty VALUES (NEW.company_id, NEW.created_at / 3600000); END"),
                QStringLiteral("INSERT OR IGNORE INTO analytics_dirty SELECT DISTINCT company_id, created_at / 3600000 "
                               "FROM sessions"),
            }},
        {32,
            {
                // Why the customer got in touch: the intent of their first understood message (the company's
                // own label when its model has its own) and that intent's category (analytics' contactReasons).
                QStringLiteral("CREATE TABLE session_reasons (session_id TEXT PRIMARY KEY, company_id TEXT NOT NULL,"
                               " reason TEXT NOT NULL, category TEXT NOT NULL, created_at INTEGER NOT NULL)"),
                QStringLiteral(
                    "CREATE TRIGGER analytics_reason_added AFTER INSERT ON session_reasons BEGIN"
                    " INSERT OR IGNORE INTO analytics_dirty SELECT company_id, created_at / 3600000 FROM sessions"
                    " WHERE id = NEW.session_id; END"),
            }},
        {33,
            {
                // Each question the AI could not answer from the company's knowledge (GET /api/cs/kb/gaps), with
                // its search terms; closed when a new article answers it or its group is dismissed.
                QStringLiteral("CREATE TABLE kb_gap_questions (id TEXT PRIMARY KEY, company_id TEXT NOT NULL,"
                               " session_id TEXT NOT NULL, question TEXT NOT NULL, terms TEXT NOT NULL,"
                               " reason TEXT NOT NULL, asked_at INTEGER NOT NULL, closed_at INTEGER,"
                               " closed_by TEXT NOT NULL DEFAULT '', escalated INTEGER NOT NULL DEFAULT 0,"
                               " resolved_by_people INTEGER NOT NULL DEFAULT 0)"),
                QStringLiteral("CREATE INDEX kb_gap_questions_open ON kb_gap_questions(company_id, asked_at)"
                               " WHERE closed_at IS NULL"),
                QStringLiteral("CREATE INDEX kb_gap_questions_by_session ON kb_gap_questions(session_id)"),
                // Whether a person wrote in a session, or it went to one (a gap's resolvedByPeople and
                // escalated, analytics' kNoPerson): one probe, not a read of each message or escalation.
                QStringLiteral("CREATE INDEX messages_by_person ON messages(session_id) WHERE role = 'human_agent'"),
                // How a gap's session went, kept on its questions so the gaps are read without a join: it
                // went to a person; a person's reply resolved it (and no longer, once it is reopened).
                QStringLiteral("CREATE TRIGGER kb_gap_escalated AFTER INSERT ON escalations"
                               " WHEN NEW.to_tier = 'HUMAN_AGENT' BEGIN UPDATE kb_gap_questions SET escalated = 1"
                               " WHERE session_id = NEW.session_id AND escalated = 0; END"),
                QStringLiteral("CREATE TRIGGER kb_gap_resolved AFTER UPDATE OF status ON sessions"
                               " WHEN NEW.status IS NOT OLD.status BEGIN UPDATE kb_gap_questions SET resolved_by_people"
                               " = CASE WHEN NEW.status = 'RESOLVED' AND EXISTS (SELECT 1 FROM messages m"
                               " WHERE m.session_id = NEW.id AND m.role = 'human_agent') THEN 1 ELSE 0 END"
                               " WHERE session_id = NEW.id; END"),

                QStringLiteral(
                    "CREATE INDEX escalations_to_person ON escalations(session_id) WHERE to_tier = 'HUMAN_AGENT'"),
            }},
        {34,
            {
                // Each model's price on a provider: {"<model>": {"inputPerMillion", "outputPerMillion", "currency"}}.
                QStringLiteral("ALTER TABLE ai_providers ADD COLUMN prices TEXT NOT NULL DEFAULT '{}'"),
                // What the language models cost: a row per reply message or assist answer that called one,
                // with the model billed, its calls, tokens and their price (analytics' cost, /api/metrics).
                QStringLiteral("CREATE TABLE model_usage (id INTEGER PRIMARY KEY, company_id TEXT NOT NULL,"
                               " session_id TEXT NOT NULL DEFAULT '', message_id TEXT NOT NULL DEFAULT '',"
                               " purpose TEXT NOT NULL, tier TEXT NOT NULL DEFAULT '', model TEXT NOT NULL,"
                               " calls INTEGER NOT NULL, input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL,"
                               " cost REAL NOT NULL, currency TEXT NOT NULL DEFAULT '', at INTEGER NOT NULL)"),
                QStringLiteral("CREATE INDEX model_usage_by_session ON model_usage(session_id)"),
                QStringLiteral("CREATE INDEX model_usage_by_message ON model_usage(message_id) WHERE message_id <> ''"),
                QStringLiteral(
                    "CREATE TRIGGER analytics_usage_added AFTER INSERT ON model_usage BEGIN"
                    " INSERT OR IGNORE INTO analytics_dirty SELECT company_id, created_at / 3600000 FROM sessions"
                    " WHERE id = NEW.session_id; END"),
                // Seed 002's POST /api/query answers, for /api/metrics on every server and after a restart.
                QStringLiteral("CREATE TABLE api_queries (id INTEGER PRIMARY KEY, company_id TEXT NOT NULL,"
                               " at INTEGER NOT NULL, model TEXT NOT NULL, response_ms INTEGER NOT NULL,"
                               " cached INTEGER NOT NULL, message_id TEXT NOT NULL DEFAULT '')"),
                QStringLiteral("CREATE INDEX api_queries_by_time ON api_queries(company_id, at)"),
            }},
        {35,
            {
                // A rating asked after a session was resolved (docs/api.md, "Satisfaction surveys"): by mail
                // (its links signed with `secret`), by text (answered by a digit from `peer`) or on a call.
                // One a session; answered once.
                QStringLiteral("CREATE TABLE surveys (id TEXT PRIMARY KEY, company_id TEXT NOT NULL,"
                               " session_id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, peer TEXT NOT NULL DEFAULT '',"
                               " secret TEXT NOT NULL, sent_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,"
                               " answered_at INTEGER, rating INTEGER)"),
                QStringLiteral("CREATE INDEX surveys_open_by_peer ON surveys(company_id, kind, peer, sent_at)"
                               " WHERE answered_at IS NULL"),
            }},
        {36,
            {
                // The week's analytics by e-mail to the supervisors who ask for it; a row per week and
                // person, claimed before the mail goes so that it goes once (also with several servers).
                QStringLiteral("ALTER TABLE agents ADD COLUMN weekly_summary INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral("CREATE TABLE weekly_summaries (company_id TEXT NOT NULL, week TEXT NOT NULL,"
                               " agent_id TEXT NOT NULL, claimed_at INTEGER NOT NULL, error TEXT NOT NULL DEFAULT '',"
                               " PRIMARY KEY (company_id, week, agent_id))"),
            }},
        {37,
            {
                // Staff sign-in (docs/api.md, "Sign-in"): each login's session, ended by its person, an admin
                // or a change of the agent; tokens name it ("sid") and an ended one is refused everywhere.
                QStringLiteral("CREATE TABLE login_sessions (id TEXT PRIMARY KEY, company_id TEXT NOT NULL,"
                               " agent_id TEXT NOT NULL, method TEXT NOT NULL, device TEXT NOT NULL DEFAULT '',"
                               " address TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL,"
                               " last_seen_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, ended_at INTEGER,"
                               " ended_reason TEXT NOT NULL DEFAULT '')"),
                QStringLiteral("CREATE INDEX login_sessions_by_agent ON login_sessions(agent_id, created_at)"),
                QStringLiteral(
                    "CREATE INDEX login_sessions_ended ON login_sessions(ended_at) WHERE ended_at IS NOT NULL"),
                // A second factor (TOTP): the confirmed secret and the one being enrolled, both sealed; the
                // last step accepted (a code is good once); recovery codes stored hashed, each used once.
                QStringLiteral("ALTER TABLE agents ADD COLUMN mfa_secret TEXT NOT NULL DEFAULT ''"),
                QStringLiteral("ALTER TABLE agents ADD COLUMN mfa_pending TEXT NOT NULL DEFAULT ''"),
                QStringLiteral("ALTER TABLE agents ADD COLUMN mfa_last_step INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral("CREATE TABLE agent_recovery_codes (agent_id TEXT NOT NULL, code_hash TEXT NOT NULL,"
                               " PRIMARY KEY (agent_id, code_hash))"),
                // A company's single sign-on (OpenID Connect), its client secret sealed, and the sign-ins
                // under way (state -> nonce, PKCE verifier, where the token goes), any instance finishing them.
                QStringLiteral("CREATE TABLE oidc_settings (company_id TEXT PRIMARY KEY, issuer TEXT NOT NULL,"
                               " client_id TEXT NOT NULL, client_secret TEXT NOT NULL, allowed_domains TEXT NOT NULL,"
                               " role_claim TEXT NOT NULL DEFAULT '', role_map TEXT NOT NULL DEFAULT '{}',"
                               " default_role TEXT NOT NULL, create_agents INTEGER NOT NULL,"
                               " password_login INTEGER NOT NULL, break_glass_agent_id TEXT NOT NULL DEFAULT '',"
                               " updated_at INTEGER NOT NULL)"),
                QStringLiteral(
                    "CREATE TABLE oidc_flows (state TEXT PRIMARY KEY, company_id TEXT NOT NULL,"
                    " nonce TEXT NOT NULL, code_verifier TEXT NOT NULL, redirect TEXT NOT NULL,"
                    " device TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL)"),
            }},
    };
}

} // namespace tierdesk::schema
