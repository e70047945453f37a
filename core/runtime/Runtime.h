#pragma once

#include "core/api/auth/Authenticator.h"
#include "core/common/Settings.h"
#include "core/engine/SessionEngine.h"
#include "core/engine/access/AgentDirectory.h"
#include "core/engine/access/ApiTokens.h"
#include "core/engine/access/ChatVisitors.h"
#include "core/engine/access/SecondFactors.h"
#include "core/engine/access/SingleSignOn.h"
#include "core/engine/admin/CallLog.h"
#include "core/engine/admin/CannedResponses.h"
#include "core/engine/channels/Channels.h"
#include "core/engine/customers/CustomerDirectory.h"
#include "core/engine/desk/Desk.h"
#include "core/engine/knowledge/KbSources.h"
#include "core/integrations/SecretStore.h"
#include "core/runtime/TeamRelay.h"
#include "core/store/DataDir.h"
#include "core/store/DbMaintenance.h"
#include "core/store/StoreCopier.h"

#include <memory>

namespace tierdesk::api {

// What every command needs: settings, the store, the secret store with the
// signing key, the engine and the token authority, for one data directory.
// Lives on (and must be used from) the thread that opened it, and holds the
// data directory's lock as long as it lives: open() fails with
// ErrorKind::Conflict while another process has the directory.
class Runtime {
public:
    // `databaseUrl` names a PostgreSQL database (team mode); empty: the data directory's SQLite file.
    static Result<std::unique_ptr<Runtime>> open(
        const QString &dataDir, const Clock &clock = SystemClock::instance(), const QString &databaseUrl = {});
    ~Runtime();

    const QString &dataDir() const { return m_dataDir; }
    AppSettings &settings() { return m_settings; }
    Store &store() { return *m_store; }
    SessionEngine &engine() { return *m_engine; }
    AgentDirectory &agents() { return *m_agents; }
    LoginSessions &loginSessions() { return *m_loginSessions; }
    SecondFactors &secondFactors() { return *m_secondFactors; }
    // Single sign-on with a company's OpenID provider, and whether its people may use passwords.
    SingleSignOn &singleSignOn() { return *m_singleSignOn; }
    CannedResponses &canned() { return *m_canned; }
    CustomerDirectory &customers() { return *m_customers; }
    // The inbox channels: mailboxes and Twilio accounts, mail and texts in, replies out.
    Channels &channels() { return *m_channels; }
    KbSources &kbSources() { return *m_kbSources; }
    // Calls and their recordings (kept in the data directory).
    CallLog &calls() { return *m_calls; }
    ApiTokens &apiTokens() { return *m_apiTokens; }
    ChatVisitors &chatVisitors() { return *m_chatVisitors; }
    Desk &desk() { return *m_desk; }
    const Authenticator &auth() const { return *m_auth; }
    // Where secrets are kept, and the one-time warning if it is not a keyring.
    SecretStore &secrets() { return *m_secrets; }
    QString secretsDescription() const { return m_secrets->description(); }
    QString secretsWarning() const { return m_secretsWarning; }

    static QString defaultDataDir();
    // --database, else TIERDESK_DATABASE_URL; empty for the data directory's SQLite file.
    static QString defaultDatabaseUrl();
    // The secret store's entry for the PostgreSQL password when the URL has none.
    static constexpr char kDatabasePasswordName[] = "database-password";
    // The database file of a data directory.
    static QString databasePath(const QString &dataDir);
    // A --database or --to value: Ok when it names a PostgreSQL database as Tierdesk takes it, else why not.
    static Status checkDatabaseUrl(const QString &databaseUrl);
    // Where the store is, for messages: the data directory's file, or the URL without its password
    // (empty when the URL does not parse).
    static QString databaseLocation(const QString &dataDir, const QString &databaseUrl);
    // `db check` and `db backup` (DbMaintenance): read-only work beside a running server.
    static constexpr int kMaxReportedDbProblems = DbMaintenance::kMaxProblems;
    // With a database URL they work on that PostgreSQL database instead of the data directory's file.
    static Result<QStringList> checkDatabase(const QString &dataDir, const QString &databaseUrl = {});
    static Status backupDatabase(const QString &dataDir, const QString &destPath, const QString &databaseUrl = {});
    // `db copy` (StoreCopier): the data directory's SQLite store into the empty PostgreSQL database
    // at `toUrl`, each line of progress to `progress`; what was copied and verified.
    using DatabaseCopy = StoreCopier::Report;
    static Result<DatabaseCopy> copyDatabase(
        const QString &dataDir, const QString &toUrl, const StoreCopier::Progress &progress);
    // The store of a data directory, or the PostgreSQL database named (its password found as
    // open() finds it), to open connections beside the running program.
    static Result<DatabaseTarget> databaseTarget(const QString &dataDir, const QString &databaseUrl);
    // `secrets export`: the data directory's token signing key and data key as one JSON
    // document (TeamKeys). `secrets import`: that document into this data directory's
    // secret store, refused while a process holds the directory; returns the keys' fingerprint.
    static Result<QByteArray> exportKeys(const QString &dataDir);
    static Result<QString> importKeys(const QString &dataDir, const QByteArray &document);
    // `db password`: the PostgreSQL password for a --database URL without one; returns where it is kept.
    static Result<QString> storeDatabasePassword(const QString &dataDir, const QString &password);
    // The keyring entry of a data directory (one per directory, so two
    // installations never share a key).
    static QString keyringService(const QString &dataDir);
    // What `db migrate` reports of the open store.
    struct DatabaseInfo {
        int schemaVersion = 0;
        QString backend; // "sqlite" or "postgresql"
        QString location; // the file's path, or the URL without its password
    };
    DatabaseInfo databaseInfo();
    // Moves secrets kept in <dataDir>/secrets.json into the system keyring
    // (refused while it has no default collection); they are read from there
    // from the next start. Returns how many moved.
    Result<int> moveSecretsToKeyring();

    // Signs a token for a data directory that another process (a running
    // server or console) holds: reads the signing key from the secret store and
    // checks the company on a read-only connection, without the lock. Tokens
    // are stateless, so issuing one beside a server changes nothing it has.
    static Result<QByteArray> issueTokenBesideOwner(const QString &dataDir, const QString &company, Role role,
        const QString &subject, qint64 ttlSecs, const QString &customer, const QString &databaseUrl = {});

    // Makes each company's latest stored intent model the one its messages use
    // (nlu::IntentModels); open() does it, `nlu train` again after storing one.
    static void loadIntentModels(Store &store);
    // Stores a trained intent model as its company's next version (`nlu train`); returns the version.
    Result<int> saveIntentModel(const StoredNluModel &model);

private:
    Runtime() = default;
    Result<std::unique_ptr<Store>> openStore(const QString &databaseUrl);
    // How the channels' replies leave: texts through Twilio, mails through each mailbox's SMTP server.
    // What a company's own systems (connectors, Twilio's API, its mail servers) may be reached at.
    AddressPolicy connectorsPolicy() const;
    std::shared_ptr<ReplySender> channelReplies() const;

    std::unique_ptr<DataDir> m_dir; // first: the lock is released last
    QString m_dataDir;
    AppSettings m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    QString m_secretsWarning;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SessionEngine> m_engine;
    std::unique_ptr<AgentDirectory> m_agents;
    std::unique_ptr<LoginSessions> m_loginSessions; // after the agents: it goes first
    std::unique_ptr<SecondFactors> m_secondFactors;
    std::unique_ptr<SingleSignOn> m_singleSignOn; // after the agents: it goes first
    std::unique_ptr<CannedResponses> m_canned;
    std::unique_ptr<CallLog> m_calls;
    std::unique_ptr<CustomerDirectory> m_customers;
    std::unique_ptr<Channels> m_channels; // after the customers: it goes first
    std::unique_ptr<KbSources> m_kbSources; // after the engine: its syncs stop first
    std::unique_ptr<ApiTokens> m_apiTokens;
    std::unique_ptr<ChatVisitors> m_chatVisitors;
    std::unique_ptr<Desk> m_desk; // after the engine: it goes first
    std::unique_ptr<TeamRelay> m_team; // after the desk: it goes first
    std::unique_ptr<Authenticator> m_auth;
};

} // namespace tierdesk::api
