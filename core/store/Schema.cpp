#include "core/store/Schema.h"

namespace tierdesk::schema {

// SQLite: every migration is written in SQLite's dialect. Beside plain tables and
// indexes they use an FTS5 virtual table with its triggers (kb_fts, migration 1),
// AUTOINCREMENT (webhook_outbox), WITHOUT ROWID tables and the triggers that mark
// changed analytics hours (migration 9). A PostgreSQL backend needs its own list.
const QList<Migration> &migrations()
{
    static const QList<Migration> all = QList<Migration>{
        {1,
            {
                QStringLiteral("CREATE TABLE companies (id TEXT PRIMARY KEY, name TEXT NOT NULL, config TEXT NOT NULL,"
                               " created_at INTEGER NOT NULL)"),
                QStringLiteral(
                    "CREATE TABLE customers (company_id TEXT NOT NULL REFERENCES companies(id), id TEXT NOT NULL,"
                    " name TEXT NOT NULL DEFAULT '', email TEXT NOT NULL DEFAULT '', tier TEXT NOT NULL DEFAULT "
                    "'STANDARD',"
                    " lifetime_value REAL NOT NULL DEFAULT 0, is_vip INTEGER NOT NULL DEFAULT 0,"
                    " subscription TEXT NOT NULL DEFAULT '{}', credit_balance REAL NOT NULL DEFAULT 0,"
                    " created_at INTEGER NOT NULL, PRIMARY KEY (company_id, id))"),
                QStringLiteral(
                    "CREATE TABLE orders (company_id TEXT NOT NULL REFERENCES companies(id), id TEXT NOT NULL,"
                    " customer_id TEXT NOT NULL, status TEXT NOT NULL, items TEXT NOT NULL DEFAULT '[]',"
                    " total REAL NOT NULL, refunded_amount REAL NOT NULL DEFAULT 0, placed_at INTEGER NOT NULL,"
                    " shipped_at INTEGER NOT NULL DEFAULT 0, estimated_delivery_at INTEGER NOT NULL DEFAULT 0,"
                    " delivered_at INTEGER NOT NULL DEFAULT 0, carrier TEXT NOT NULL DEFAULT '',"
                    " tracking_number TEXT NOT NULL DEFAULT '', PRIMARY KEY (company_id, id))"),
                QStringLiteral("CREATE INDEX orders_by_customer ON orders(company_id, customer_id, placed_at)"),
                QStringLiteral(
                    "CREATE TABLE sessions (id TEXT PRIMARY KEY, company_id TEXT NOT NULL REFERENCES companies(id),"
                    " customer_id TEXT NOT NULL, channel TEXT NOT NULL, current_tier TEXT NOT NULL, status TEXT NOT "
                    "NULL,"
                    " issue_category TEXT, issue_summary TEXT NOT NULL DEFAULT '', customer_sentiment TEXT NOT NULL,"
                    " metadata TEXT NOT NULL DEFAULT '{}', created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,"
                    " last_activity_at INTEGER NOT NULL, resolved_at INTEGER NOT NULL DEFAULT 0, resolution TEXT,"
                    " irate_count INTEGER NOT NULL DEFAULT 0, unconfident_turns INTEGER NOT NULL DEFAULT 0,"
                    " message_count INTEGER NOT NULL DEFAULT 0)"),
                QStringLiteral("CREATE INDEX sessions_by_company ON sessions(company_id, created_at)"),
                QStringLiteral("CREATE INDEX sessions_by_customer ON sessions(company_id, customer_id, issue_category, "
                               "created_at)"),
                QStringLiteral("CREATE INDEX sessions_open ON sessions(status, last_activity_at)"),
                QStringLiteral(
                    "CREATE TABLE messages (id TEXT NOT NULL, session_id TEXT NOT NULL REFERENCES sessions(id),"
                    " seq INTEGER NOT NULL, role TEXT NOT NULL, content TEXT NOT NULL, timestamp INTEGER NOT NULL,"
                    " sentiment TEXT, metadata TEXT)"),
                // Messages are read by session in order; their random ids need no index.
                QStringLiteral("CREATE INDEX messages_by_session ON messages(session_id, seq)"),
                QStringLiteral(
                    "CREATE TABLE sentiment_points (session_id TEXT NOT NULL REFERENCES sessions(id),"
                    " sentiment TEXT NOT NULL, score REAL NOT NULL, timestamp INTEGER NOT NULL, trigger TEXT)"),
                QStringLiteral("CREATE INDEX sentiment_by_session ON sentiment_points(session_id, timestamp)"),
                QStringLiteral(
                    "CREATE TABLE escalations (session_id TEXT NOT NULL REFERENCES sessions(id),"
                    " company_id TEXT NOT NULL, from_tier TEXT NOT NULL, to_tier TEXT NOT NULL, reason TEXT NOT NULL,"
                    " timestamp INTEGER NOT NULL, notes TEXT, automatic INTEGER NOT NULL DEFAULT 0)"),
                QStringLiteral("CREATE INDEX escalations_by_session ON escalations(session_id, timestamp)"),
                QStringLiteral("CREATE INDEX escalations_by_company ON escalations(company_id, timestamp)"),
                // Money and subscription changes the engine made, one row each.
                QStringLiteral(
                    "CREATE TABLE ledger (id INTEGER PRIMARY KEY, company_id TEXT NOT NULL, session_id TEXT,"
                    " customer_id TEXT NOT NULL, order_id TEXT, kind TEXT NOT NULL, amount REAL NOT NULL DEFAULT 0,"
                    " tier TEXT NOT NULL, details TEXT, at INTEGER NOT NULL)"),
                QStringLiteral(
                    "CREATE TABLE webhooks (id TEXT PRIMARY KEY, company_id TEXT NOT NULL REFERENCES companies(id),"
                    " url TEXT NOT NULL, events TEXT NOT NULL, secret TEXT NOT NULL, created_at INTEGER NOT NULL)"),
                QStringLiteral(
                    "CREATE TABLE webhook_outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, webhook_id TEXT NOT NULL,"
                    " delivery_id TEXT NOT NULL, event TEXT NOT NULL, payload BLOB NOT NULL,"
                    " attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL,"
                    " state TEXT NOT NULL DEFAULT 'pending', last_status INTEGER NOT NULL DEFAULT 0,"
                    " last_error TEXT, created_at INTEGER NOT NULL, delivered_at INTEGER NOT NULL DEFAULT 0)"),
                QStringLiteral("CREATE INDEX outbox_due ON webhook_outbox(state, next_attempt_at)"),
                QStringLiteral(
                    "CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, company_id TEXT,"
                    " actor TEXT NOT NULL, role TEXT, action TEXT NOT NULL, resource TEXT, client_address TEXT,"
                    " status INTEGER NOT NULL, details TEXT)"),
                QStringLiteral("CREATE INDEX audit_by_company ON audit_log(company_id, at)"),
                QStringLiteral("CREATE TABLE kb_articles (id INTEGER PRIMARY KEY, company_id TEXT NOT NULL DEFAULT '',"
                               " slug TEXT NOT NULL, title TEXT NOT NULL, category TEXT NOT NULL, keywords TEXT NOT "
                               "NULL DEFAULT '',"
                               " body TEXT NOT NULL, updated_at INTEGER NOT NULL, UNIQUE (company_id, slug))"),
                QStringLiteral("CREATE VIRTUAL TABLE kb_fts USING fts5(title, keywords, body, content='kb_articles',"
                               " content_rowid='id', tokenize='porter unicode61')"),
                QStringLiteral("CREATE TRIGGER kb_ai AFTER INSERT ON kb_articles BEGIN INSERT INTO kb_fts(rowid, "
                               "title, keywords, body)"
                               " VALUES (new.id, new.title, new.keywords, new.body); END"),
                QStringLiteral(
                    "CREATE TRIGGER kb_ad AFTER DELETE ON kb_articles BEGIN INSERT INTO kb_fts(kb_fts, rowid, title,"
                    " keywords, body) VALUES ('delete', old.id, old.title, old.keywords, old.body); END"),
                QStringLiteral(
                    "CREATE TRIGGER kb_au AFTER UPDATE ON kb_articles BEGIN INSERT INTO kb_fts(kb_fts, rowid, title,"
                    " keywords, body) VALUES ('delete', old.id, old.title, old.keywords, old.body);"
                    " INSERT INTO kb_fts(rowid, title, keywords, body) VALUES (new.id, new.title, new.keywords, "
                    "new.body); END"),
                QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            }},
        {2,
            {
                // Errors once kept the first bytes of a receiver's answer ("HTTP 500: <body>"),
                // which GET /webhooks showed back: keep the status only.
                QStringLiteral("UPDATE webhook_outbox SET last_error = substr(last_error, 1, 8)"
                               " WHERE last_error GLOB 'HTTP [0-9][0-9][0-9]:*'"),
            }},
        {3,
            {
                // People who log in to the console; an e-mail names one agent across companies.
                QStringLiteral(
                    "CREATE TABLE agents (id TEXT PRIMARY KEY, company_id TEXT NOT NULL REFERENCES companies(id),"
                    " email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, role TEXT NOT NULL,"
                    " queues TEXT NOT NULL DEFAULT '[]', password_hash TEXT NOT NULL,"
                    " active INTEGER NOT NULL DEFAULT 1, created_at INTEGER NOT NULL)"),
                QStringLiteral("CREATE INDEX agents_by_company ON agents(company_id, name)"),
            }},
        {4,
            {
                // The agent desk: one row per session waiting for or held by a person.
                QStringLiteral(
                    "CREATE TABLE desk_items (session_id TEXT PRIMARY KEY REFERENCES sessions(id),"
                    " company_id TEXT NOT NULL, queue TEXT NOT NULL, priority INTEGER NOT NULL,"
                    " reason TEXT NOT NULL, from_tier TEXT NOT NULL, queued_at INTEGER NOT NULL,"
                    " assignee_id TEXT, assignee_name TEXT NOT NULL DEFAULT '', claimed_at INTEGER NOT NULL DEFAULT 0,"
                    " first_response_due INTEGER NOT NULL, resolution_due INTEGER NOT NULL,"
                    " first_response_at INTEGER NOT NULL DEFAULT 0, sla_state TEXT NOT NULL DEFAULT 'ok',"
                    " updated_at INTEGER NOT NULL)"),
                // The queue view: a company's items in sort order (breached, priority, age).
                QStringLiteral("CREATE INDEX desk_by_company ON desk_items(company_id, priority, queued_at)"),
                QStringLiteral("CREATE INDEX desk_by_assignee ON desk_items(company_id, assignee_id)"),
                // The SLA timer looks at items not yet breached.
                QStringLiteral("CREATE INDEX desk_by_sla ON desk_items(sla_state)"),
                // A person's transfer is recorded in the escalation history, marked so
                // analytics do not count it as an escalation.
                QStringLiteral("ALTER TABLE escalations ADD COLUMN transfer INTEGER NOT NULL DEFAULT 0"),
            }},
        {5,
            {
                // Replies agents insert with a shortcut; {{placeholders}} are filled per session.
                QStringLiteral("CREATE TABLE canned_responses (id TEXT PRIMARY KEY,"
                               " company_id TEXT NOT NULL REFERENCES companies(id), shortcut TEXT NOT NULL,"
                               " title TEXT NOT NULL, content TEXT NOT NULL, created_at INTEGER NOT NULL,"
                               " updated_at INTEGER NOT NULL, UNIQUE (company_id, shortcut))"),
            }},
        {6,
            {
                // What the AI tier is in the middle of with the customer (intent, slots, a
                // confirmation it asked for, the orders mentioned): a JSON document per session.
                QStringLiteral("CREATE TABLE dialogue_states (session_id TEXT PRIMARY KEY REFERENCES sessions(id),"
                               " state TEXT NOT NULL, updated_at INTEGER NOT NULL)"),
            }},
        {7,
            {
                // Trained intent models, every version kept; company "*" is the installation's
                // own default. No foreign key because of that key.
                QStringLiteral("CREATE TABLE nlu_models (company_id TEXT NOT NULL, version INTEGER NOT NULL,"
                               " examples INTEGER NOT NULL, intents TEXT NOT NULL DEFAULT '[]',"
                               " source TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, model BLOB NOT NULL,"
                               " PRIMARY KEY (company_id, version))"),
            }},
        {8,
            {
                // Articles edited through the API: their numbered steps and related articles
                // (slugs) as JSON arrays, and how often each was read.
                QStringLiteral("ALTER TABLE kb_articles ADD COLUMN steps TEXT NOT NULL DEFAULT '[]'"),
                QStringLiteral("ALTER TABLE kb_articles ADD COLUMN related TEXT NOT NULL DEFAULT '[]'"),
                QStringLiteral("ALTER TABLE kb_articles ADD COLUMN views INTEGER NOT NULL DEFAULT 0"),
            }},
        {9,
            {
                // Analytics answered from stored facts per UTC hour and day (AnalyticsRepo):
                // every change to a session, its escalations or its sentiment readings marks
                // the hour the session was created in, in the same transaction, and the
                // hours marked are recomputed when a range that holds them is asked for.
                QStringLiteral("CREATE TABLE analytics_dirty (company_id TEXT NOT NULL, hour INTEGER NOT NULL,"
                               " PRIMARY KEY (company_id, hour)) WITHOUT ROWID"),
                QStringLiteral("CREATE TABLE analytics_facts (company_id TEXT NOT NULL, span TEXT NOT NULL,"
                               " bucket INTEGER NOT NULL, facts TEXT NOT NULL, PRIMARY KEY (company_id, span, bucket)) "
                               "WITHOUT ROWID"),
                QStringLiteral(
                    "CREATE TRIGGER analytics_session_added AFTER INSERT ON sessions BEGIN"
                    " INSERT OR IGNORE INTO analytics_dirty VALUES (NEW.company_id, NEW.created_at / 3600000); END"),
                QStringLiteral(
                    "CREATE TRIGGER analytics_session_changed AFTER UPDATE OF current_tier, status, channel,"
                    " customer_sentiment, message_count, resolved_at ON sessions BEGIN"
                    " INSERT OR IGNORE INTO analytics_dirty VALUES (NEW.company_id, NEW.created_at / 3600000); END"),
                QStringLiteral(
                    "CREATE TRIGGER analytics_session_removed AFTER DELETE ON sessions BEGIN"
                    " INSERT OR IGNORE INTO analytics_dirty VALUES (OLD.company_id, OLD.created_at / 3600000); END"),
                QStringLiteral(
                    "CREATE TRIGGER analytics_escalation_added AFTER INSERT ON escalations BEGIN"
                    " INSERT OR IGNORE INTO analytics_dirty SELECT company_id, created_at / 3600000 FROM sessions"
                    " WHERE id = NEW.session_id; END"),
                QStringLiteral(
                    "CREATE TRIGGER analytics_escalation_changed AFTER UPDATE ON escalations BEGIN"
                    " INSERT OR IGNORE INTO analytics_dirty SELECT company_id, created_at / 3600000 FROM sessions"
                    " WHERE id IN (NEW.session_id, OLD.session_id); END"),
                QStringLiteral(
                    "CREATE TRIGGER analytics_escalation_removed AFTER DELETE ON escalations BEGIN"
                    " INSERT OR IGNORE INTO analytics_dirty SELECT company_id, created_at / 3600000 FROM sessions"
                    " WHERE id = OLD.session_id; END"),
                QStringLiteral(
                    "CREATE TRIGGER analytics_reading_added AFTER INSERT ON sentiment_points BEGIN"
                    " INSERT OR IGNORE INTO analytics_dirty SELECT company_id, created_at / 3600000 FROM sessions"
                    " WHERE id = NEW.session_id; END"),
                QStringLiteral(
                    "CREATE TRIGGER analytics_reading_removed AFTER DELETE ON sentiment_points BEGIN"
                    " INSERT OR IGNORE INTO analytics_dirty SELECT company_id, created_at / 3600000 FROM sessions"
                    " WHERE id = OLD.session_id; END"),
                QStringLiteral("INSERT OR IGNORE INTO analytics_dirty SELECT DISTINCT company_id, created_at / 3600000 "
                               "FROM sessions"),
            }},
        {10,
            {
                // How each item left the agent desk, for the supervisor's SLA attainment: met
                // (resolved or handed back without breaching) or missed (breached), and when.
                QStringLiteral("CREATE TABLE desk_outcomes (company_id TEXT NOT NULL, queue TEXT NOT NULL,"
                               " session_id TEXT NOT NULL, at INTEGER NOT NULL, met INTEGER NOT NULL)"),
                QStringLiteral("CREATE INDEX desk_outcomes_by_company ON desk_outcomes(company_id, at)"),
                // Every item that left the desk, for analytics over a range: when it was queued,
                // first answered by a person (0: never), left, and whether its SLA was breached.
                QStringLiteral(
                    "CREATE TABLE desk_history (company_id TEXT NOT NULL, queue TEXT NOT NULL,"
                    " session_id TEXT NOT NULL, queued_at INTEGER NOT NULL, first_response_at INTEGER NOT NULL,"
                    " left_at INTEGER NOT NULL, breached INTEGER NOT NULL)"),
                QStringLiteral("CREATE INDEX desk_history_by_company ON desk_history(company_id, left_at)"),
            }},
        {11,
            {
                // Login tokens of an agent issued before this second (unix) are refused:
                // set when an admin deactivates the agent or sets a new password.
                QStringLiteral("ALTER TABLE agents ADD COLUMN tokens_valid_after INTEGER NOT NULL DEFAULT 0"),
                // API tokens made through POST /api/cs/tokens: what they are, never the token itself.
                QStringLiteral(
                    "CREATE TABLE api_tokens (id TEXT PRIMARY KEY, company_id TEXT NOT NULL REFERENCES companies(id),"
                    " name TEXT NOT NULL, role TEXT NOT NULL, customer_id TEXT NOT NULL DEFAULT '',"
                    " created_by TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,"
                    " revoked_at INTEGER NOT NULL DEFAULT 0)"),
                QStringLiteral("CREATE INDEX api_tokens_by_company ON api_tokens(company_id, created_at)"),
            }},
        {12,
            {
                // Keys for the other API families beside the JWTs: kind 'sigv4' (platform
                // services), 'apikey' (X-API-Key) or 'widget' (a company's public chat key).
                QStringLiteral("ALTER TABLE api_tokens ADD COLUMN kind TEXT NOT NULL DEFAULT 'jwt'"),
                // What a request presents, in the form kept: the access key id (sigv4), the
                // SHA-256 hex of the key (apikey), the key itself (widget); NULL for a JWT.
                QStringLiteral("ALTER TABLE api_tokens ADD COLUMN lookup TEXT"),
                // The first characters of an API key, so lists can tell keys apart.
                QStringLiteral("ALTER TABLE api_tokens ADD COLUMN key_prefix TEXT NOT NULL DEFAULT ''"),
                QStringLiteral("ALTER TABLE api_tokens ADD COLUMN region TEXT NOT NULL DEFAULT ''"),
                // A SigV4 secret access key, sealed with the data key (SecretBox "sb1:...").
                QStringLiteral("ALTER TABLE api_tokens ADD COLUMN sealed_secret TEXT NOT NULL DEFAULT ''"),
                QStringLiteral(
                    "CREATE UNIQUE INDEX api_tokens_by_lookup ON api_tokens(kind, lookup) WHERE lookup IS NOT NULL"),
            }},
        {13,
            {
                // Chat POC API (seed 003): the anonymous visitor of each session a widget key
                // started, with the SHA-256 of the visitor's per-session secret (never the secret).
                QStringLiteral("CREATE TABLE chat_visitors (session_id TEXT PRIMARY KEY REFERENCES sessions(id),"
                               " company_id TEXT NOT NULL REFERENCES companies(id), user_id TEXT NOT NULL,"
                               " secret_hash TEXT NOT NULL, widget_key_id TEXT NOT NULL, created_at INTEGER NOT NULL)"),
            }},
        {14,
            {
                // Platform services (seed 000): where a company's e-mail notifications go, for which
                // events (JSON array) and in which format (html | text); one configuration per company.
                QStringLiteral(
                    "CREATE TABLE email_notifications (company_id TEXT PRIMARY KEY REFERENCES companies(id),"
                    " email TEXT NOT NULL, events TEXT NOT NULL, format TEXT NOT NULL, updated_at INTEGER NOT NULL)"),
                // Seed 000's audit query filters by time range within a company (audit_by_company) and by actor.
                QStringLiteral("CREATE INDEX audit_by_actor ON audit_log(company_id, actor, at)"),
            }},
        {15,
            {
                // Language-model providers a company's admins registered: the HTTP API (kind),
                // where it is, its key sealed with the data key ('' for none), its timeout and its
                // prices in USD per million tokens. A company names each one once.
                QStringLiteral("CREATE TABLE ai_providers (company_id TEXT NOT NULL REFERENCES companies(id),"
                               " name TEXT NOT NULL, kind TEXT NOT NULL, base_url TEXT NOT NULL,"
                               " sealed_key TEXT NOT NULL DEFAULT '', timeout_ms INTEGER NOT NULL,"
                               " price_input REAL NOT NULL DEFAULT 0, price_output REAL NOT NULL DEFAULT 0,"
                               " created_at INTEGER NOT NULL, PRIMARY KEY (company_id, name))"),
            }},
        {16,
            {
                // The customer's rating of a resolved session, one per session (SessionRatings):
                // who held it when it was resolved, its tier and channel then, and who gave it.
                QStringLiteral(
                    "CREATE TABLE session_ratings (session_id TEXT PRIMARY KEY REFERENCES sessions(id),"
                    " company_id TEXT NOT NULL REFERENCES companies(id),"
                    " rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5), comment TEXT NOT NULL DEFAULT '',"
                    " rated_at INTEGER NOT NULL, agent_id TEXT NOT NULL DEFAULT '', agent_name TEXT NOT NULL DEFAULT "
                    "'',"
                    " tier TEXT NOT NULL, channel TEXT NOT NULL, rated_by TEXT NOT NULL)"),
                // The desk's ratings per agent over a range.
                QStringLiteral("CREATE INDEX session_ratings_by_company ON session_ratings(company_id, rated_at)"),
                // A rating changes its session's satisfaction: mark the session's hour, as migration 9 does.
                QStringLiteral(
                    "CREATE TRIGGER analytics_rating_added AFTER INSERT ON session_ratings BEGIN"
                    " INSERT OR IGNORE INTO analytics_dirty SELECT company_id, created_at / 3600000 FROM sessions"
                    " WHERE id = NEW.session_id; END"),
                QStringLiteral(
                    "CREATE TRIGGER analytics_rating_changed AFTER UPDATE ON session_ratings BEGIN"
                    " INSERT OR IGNORE INTO analytics_dirty SELECT company_id, created_at / 3600000 FROM sessions"
                    " WHERE id IN (NEW.session_id, OLD.session_id); END"),
                QStringLiteral(
                    "CREATE TRIGGER analytics_rating_removed AFTER DELETE ON session_ratings BEGIN"
                    " INSERT OR IGNORE INTO analytics_dirty SELECT company_id, created_at / 3600000 FROM sessions"
                    " WHERE id = OLD.session_id; END"),
                // The stored facts gain satisfaction sums per tier and channel: recompute them all.
                QStringLiteral("INSERT OR IGNORE INTO analytics_dirty SELECT DISTINCT company_id, created_at / 3600000 "
                               "FROM sessions"),
            }},
        {17,
            {
                // How many conversations a person holds at once before automatic assignment
                // gives them no more (PATCH /api/cs/agents/:id {"capacity"}).
                QStringLiteral("ALTER TABLE agents ADD COLUMN capacity INTEGER NOT NULL DEFAULT 3"),
                // An item snoozed until then (epoch ms) is out of the queue's items; 0 = not snoozed.
                QStringLiteral("ALTER TABLE desk_items ADD COLUMN snoozed_until INTEGER NOT NULL DEFAULT 0"),
            }},
        {18,
            {
                // Colleagues named in internal notes (@name), kept per person until read (read_at 0).
                QStringLiteral("CREATE TABLE mentions (id TEXT PRIMARY KEY, company_id TEXT NOT NULL,"
                               " agent_id TEXT NOT NULL, session_id TEXT NOT NULL, message_id TEXT NOT NULL,"
                               " from_id TEXT NOT NULL, from_name TEXT NOT NULL, excerpt TEXT NOT NULL,"
                               " created_at INTEGER NOT NULL, read_at INTEGER NOT NULL DEFAULT 0)"),
                QStringLiteral("CREATE INDEX mentions_by_agent ON mentions(company_id, agent_id, created_at)"),
            }},
        {21,
            {
                // The company's own customers (PUT /api/cs/customers, import): a phone, the company's own
                // fields, when they last changed, and when they were erased on request (only the id is left).
                QStringLiteral("ALTER TABLE customers ADD COLUMN phone TEXT NOT NULL DEFAULT ''"),
                QStringLiteral("ALTER TABLE customers ADD COLUMN attributes TEXT NOT NULL DEFAULT '{}'"),
                QStringLiteral("ALTER TABLE customers ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral("ALTER TABLE customers ADD COLUMN erased_at INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral("UPDATE customers SET updated_at = created_at"),
                // An import matches a row by id, then e-mail, then phone.
                QStringLiteral("CREATE INDEX customers_by_email ON customers(company_id, email)"),
                QStringLiteral("CREATE INDEX customers_by_phone ON customers(company_id, phone)"),
            }},
        {22,
            {
                // A company's own systems (connectors): what each is and serves, how to reach it, its
                // secret and Stripe webhook secret sealed with the data key ('' for none); requests
                // and fields are the `http` kind's templates and JSON pointers (ConnectorCodec).
                QStringLiteral("CREATE TABLE connectors (company_id TEXT NOT NULL REFERENCES companies(id),"
                               " name TEXT NOT NULL, kind TEXT NOT NULL, purposes TEXT NOT NULL, url TEXT NOT NULL,"
                               " auth_type TEXT NOT NULL, auth_params TEXT NOT NULL DEFAULT '{}',"
                               " sealed_secret TEXT NOT NULL DEFAULT '', timeout_ms INTEGER NOT NULL,"
                               " requests TEXT NOT NULL DEFAULT '{}', fields TEXT NOT NULL DEFAULT '{}',"
                               " sealed_webhook_secret TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL,"
                               " PRIMARY KEY (company_id, name))"),
                // The last calls of each connector (ConnectorRepo keeps 1,000): no bodies, no secrets.
                QStringLiteral(
                    "CREATE TABLE connector_calls (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                    " company_id TEXT NOT NULL, connector TEXT NOT NULL, at INTEGER NOT NULL,"
                    " purpose TEXT NOT NULL, session_id TEXT NOT NULL DEFAULT '', ok INTEGER NOT NULL,"
                    " status INTEGER NOT NULL, latency_ms INTEGER NOT NULL, error TEXT NOT NULL DEFAULT '')"),
                QStringLiteral(
                    "CREATE INDEX connector_calls_by_connector ON connector_calls(company_id, connector, id)"),
            }},
        {23,
            {
                // Money at a company's payment provider (MoneyActionRepo): each refund or credit written
                // pending with its idempotency key before the provider is called, settled by its answer;
                // lease_until: the instance calling it holds it until then (team mode).
                QStringLiteral(
                    "CREATE TABLE money_actions (id TEXT PRIMARY KEY, company_id TEXT NOT NULL,"
                    " session_id TEXT NOT NULL DEFAULT '', customer_id TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL,"
                    " order_id TEXT NOT NULL DEFAULT '', item TEXT NOT NULL DEFAULT '', amount REAL NOT NULL,"
                    " currency TEXT NOT NULL, connector TEXT NOT NULL, target TEXT NOT NULL DEFAULT '',"
                    " idempotency_key TEXT NOT NULL UNIQUE, state TEXT NOT NULL, provider_id TEXT NOT NULL DEFAULT '',"
                    " error TEXT NOT NULL DEFAULT '', tier TEXT NOT NULL DEFAULT '', details TEXT NOT NULL DEFAULT '',"
                    " told INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0,"
                    " next_attempt_at INTEGER NOT NULL DEFAULT 0, lease_until INTEGER NOT NULL DEFAULT 0,"
                    " created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)"),
                QStringLiteral("CREATE INDEX money_actions_by_state ON money_actions(state, next_attempt_at)"),
                QStringLiteral("CREATE INDEX money_actions_by_order ON money_actions(company_id, order_id, kind)"),
                QStringLiteral("CREATE INDEX money_actions_by_provider ON money_actions(company_id, provider_id)"),
                // A builtin order's payment at the provider (pi_... or ch_...), so it can be refunded there.
                QStringLiteral("ALTER TABLE orders ADD COLUMN payment_reference TEXT NOT NULL DEFAULT ''"),
            }},
        {24,
            {
                // An order's refunds, read when an item is asked for again (what of it was refunded, when).
                QStringLiteral("CREATE INDEX ledger_by_order ON ledger(company_id, order_id, kind)"),
            }},
        {25,
            {
                // Tickets opened in a company's CRM (the `ticket` connector) for escalations to a person:
                // one row per escalation (its number among the session's escalations), the CRM's id once
                // it answered ('' while pending), the attempts made and the last failure.
                QStringLiteral("CREATE TABLE crm_tickets (company_id TEXT NOT NULL, session_id TEXT NOT NULL,"
                               " escalation INTEGER NOT NULL, connector TEXT NOT NULL,"
                               " ticket_id TEXT NOT NULL DEFAULT '', attempts INTEGER NOT NULL DEFAULT 0,"
                               " last_error TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL,"
                               " updated_at INTEGER NOT NULL, PRIMARY KEY (company_id, session_id, escalation))"),
                QStringLiteral("CREATE INDEX crm_tickets_by_ticket ON crm_tickets(company_id, ticket_id)"),
            }},
        {26,
            {
                // Every call (CallLog): its door, caller, queue and times (0: not reached), how it ended,
                // whether the AI finished it alone or the caller gave up in line, who took it, and its
                // recording (relative to the data directory; '' once erased: the row stays).
                QStringLiteral("CREATE TABLE calls (id TEXT PRIMARY KEY, company_id TEXT NOT NULL,"
                               " session_id TEXT NOT NULL, door TEXT NOT NULL, caller_number TEXT NOT NULL DEFAULT '',"
                               " queue TEXT NOT NULL DEFAULT '', started_at INTEGER NOT NULL,"
                               " queued_at INTEGER NOT NULL DEFAULT 0, answered_at INTEGER NOT NULL DEFAULT 0,"
                               " ended_at INTEGER NOT NULL DEFAULT 0, end_reason TEXT NOT NULL DEFAULT '',"
                               " ai_alone INTEGER NOT NULL DEFAULT 0, abandoned INTEGER NOT NULL DEFAULT 0,"
                               " agent_id TEXT NOT NULL DEFAULT '', recording_path TEXT NOT NULL DEFAULT '',"
                               " recording_bytes INTEGER NOT NULL DEFAULT 0)"),
                QStringLiteral("CREATE INDEX calls_by_company ON calls(company_id, started_at)"),
                QStringLiteral("CREATE INDEX calls_by_session ON calls(company_id, session_id)"),
                QStringLiteral("CREATE INDEX calls_by_end ON calls(ended_at)"),
            }},
        {27,
            {
                // A company's inbox channels (channels/ChannelAccounts): its mailbox and its Twilio account, the
                // settings as JSON without secrets, the secrets sealed, and what the mailbox's poller remembers.
                QStringLiteral(
                    "CREATE TABLE channel_accounts (company_id TEXT NOT NULL, kind TEXT NOT NULL,"
                    " settings TEXT NOT NULL, secret TEXT NOT NULL DEFAULT '', state TEXT NOT NULL DEFAULT '{}',"
                    " created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (company_id, kind))"),
                // Sessions that came by mail or text: whom to answer, from which address or number, and the
                // short id of the thread's subjects ("[#...]").
                QStringLiteral(
                    "CREATE TABLE channel_threads (session_id TEXT PRIMARY KEY, company_id TEXT NOT NULL,"
                    " kind TEXT NOT NULL, peer TEXT NOT NULL, peer_name TEXT NOT NULL DEFAULT '',"
                    " own TEXT NOT NULL DEFAULT '', subject TEXT NOT NULL DEFAULT '', short_id TEXT NOT NULL,"
                    " created_at INTEGER NOT NULL, active_at INTEGER NOT NULL)"),
                QStringLiteral(
                    "CREATE UNIQUE INDEX channel_threads_by_short_id ON channel_threads(company_id, short_id)"),
                QStringLiteral(
                    "CREATE INDEX channel_threads_by_peer ON channel_threads(company_id, kind, peer, active_at)"),
                QStringLiteral("CREATE INDEX channel_threads_by_activity ON channel_threads(active_at)"),
                // Every mail and text in and out: an inbound id is stored once per company (Message-ID,
                // MessageSid), a reply's id threads the customer's answer, and replies wait here to be sent.
                QStringLiteral(
                    "CREATE TABLE channel_messages (id TEXT PRIMARY KEY, company_id TEXT NOT NULL,"
                    " session_id TEXT NOT NULL, message_id TEXT NOT NULL DEFAULT '', part INTEGER NOT NULL DEFAULT 0,"
                    " direction TEXT NOT NULL, kind TEXT NOT NULL, external_id TEXT NOT NULL DEFAULT '',"
                    " peer TEXT NOT NULL DEFAULT '', status TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '{}',"
                    " attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL DEFAULT 0,"
                    " created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)"),
                QStringLiteral(
                    "CREATE UNIQUE INDEX channel_messages_by_external ON channel_messages(company_id, external_id)"
                    " WHERE external_id <> ''"),
                QStringLiteral(
                    "CREATE UNIQUE INDEX channel_messages_by_message ON channel_messages(message_id, direction, part)"
                    " WHERE message_id <> ''"),
                QStringLiteral("CREATE INDEX channel_messages_by_session ON channel_messages(session_id, created_at)"),
                QStringLiteral("CREATE INDEX channel_messages_to_send ON channel_messages(status, next_attempt_at)"),
                QStringLiteral(
                    "CREATE INDEX channel_messages_by_peer ON channel_messages(company_id, peer, created_at)"),
                // A mail's original and its attachments, kept with its message.
                QStringLiteral(
                    "CREATE TABLE channel_files (id TEXT PRIMARY KEY, company_id TEXT NOT NULL,"
                    " channel_message_id TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL DEFAULT '',"
                    " content_type TEXT NOT NULL DEFAULT '', bytes INTEGER NOT NULL DEFAULT 0, content BLOB)"),
                QStringLiteral("CREATE INDEX channel_files_by_message ON channel_files(channel_message_id)"),
            }},
        {28,
            {
                // A company's help center kept in sync (knowledge/KbSync): a website or a Zendesk Help Center,
                // its settings as JSON (include, exclude, maxPages, syncHours, locale), its sealed credentials,
                // and the last sync's state and figures as JSON.
                QStringLiteral(
                    "CREATE TABLE kb_sources (id INTEGER PRIMARY KEY, company_id TEXT NOT NULL, kind TEXT NOT NULL,"
                    " url TEXT NOT NULL, settings TEXT NOT NULL DEFAULT '{}', secret TEXT NOT NULL DEFAULT '',"
                    " status TEXT NOT NULL DEFAULT 'queued', state TEXT NOT NULL DEFAULT '{}',"
                    " last_sync_at INTEGER NOT NULL DEFAULT 0, next_sync_at INTEGER NOT NULL DEFAULT 0,"
                    " created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)"),
                QStringLiteral("CREATE INDEX kb_sources_by_company ON kb_sources(company_id)"),
                // Where an article came from (a source, or a file: source_kind 'file'), the page's address, what
                // its last fetch answered (ETag, Last-Modified, the text's hash) and whether a person edited it.
                QStringLiteral("ALTER TABLE kb_articles ADD COLUMN source_id INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral("ALTER TABLE kb_articles ADD COLUMN source_kind TEXT NOT NULL DEFAULT ''"),
                QStringLiteral("ALTER TABLE kb_articles ADD COLUMN source_url TEXT NOT NULL DEFAULT ''"),
                QStringLiteral("ALTER TABLE kb_articles ADD COLUMN fetched TEXT NOT NULL DEFAULT '{}'"),
                QStringLiteral("ALTER TABLE kb_articles ADD COLUMN edited INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral("CREATE INDEX kb_articles_by_source ON kb_articles(source_id, source_url)"),
                // Articles cut at their headings (nlu::PassageSplitter), with the terms each field is indexed under
                // (nlu::SearchTerms) and its weighted length (nlu::Bm25). The index finds the passages holding a
                // question's terms; the ranking is computed from the terms, alike on SQLite and PostgreSQL.
                QStringLiteral(
                    "CREATE TABLE kb_passages (id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL,"
                    " company_id TEXT NOT NULL, ord INTEGER NOT NULL, heading TEXT NOT NULL, text TEXT NOT NULL,"
                    " title_terms TEXT NOT NULL, heading_terms TEXT NOT NULL, text_terms TEXT NOT NULL,"
                    " length REAL NOT NULL)"),
                QStringLiteral("CREATE INDEX kb_passages_by_article ON kb_passages(article_id)"),
                QStringLiteral("CREATE INDEX kb_passages_by_company ON kb_passages(company_id)"),
                QStringLiteral("CREATE VIRTUAL TABLE kb_passage_fts USING fts5(title_terms, heading_terms, text_terms,"
                               " content='kb_passages', content_rowid='id', tokenize='unicode61 remove_diacritics 0')"),
                QStringLiteral(
                    "CREATE TRIGGER kb_passages_ai AFTER INSERT ON kb_passages BEGIN INSERT INTO kb_passage_fts(rowid,"
                    " title_terms, heading_terms, text_terms) VALUES (new.id, new.title_terms, new.heading_terms,"
                    " new.text_terms); END"),
                QStringLiteral(
                    "CREATE TRIGGER kb_passages_ad AFTER DELETE ON kb_passages BEGIN INSERT INTO kb_passage_fts("
                    "kb_passage_fts, rowid, title_terms, heading_terms, text_terms) VALUES ('delete', old.id,"
                    " old.title_terms, old.heading_terms, old.text_terms); END"),
            }},
    } + recentMigrations();
    return all;
}

} // namespace tierdesk::schema
