#include "core/runtime/Runtime.h"

#include "core/api/cs/CsJson.h"

#include "core/nlu/IntentModels.h"

#include "core/api/auth/SigningKey.h"
#include "core/integrations/SecretBox.h"

#include "core/engine/demo/DemoSeeder.h"
#include "core/integrations/OutboundHttp.h"
#include "core/integrations/twilio/TwilioTextSender.h"
#include "core/runtime/ChannelReplies.h"
#include "core/runtime/ImapMailReader.h"
#include "core/runtime/MailReplies.h"
#include "core/runtime/TeamKeys.h"
#include "core/store/DbMaintenance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QStandardPaths>

namespace tierdesk::api {
namespace {

// One keyring entry per data directory, so two installations never share a key.
std::unique_ptr<SecretStore> openSecrets(const QString &dataDir, QString *warning)
{
    return openSecretStore(dataDir, Runtime::keyringService(dataDir), warning);
}

// The PostgreSQL database a --database URL names, its password from the URL, else the secret
// store (`db password`); libpq falls back to PGPASSFILE when both are empty.
Result<DatabaseTarget> postgresTarget(const QString &databaseUrl, SecretStore &secrets)
{
    const auto url = DatabaseUrl::parse(databaseUrl);
    if (!url)
        return url.error();
    DatabaseTarget target;
    target.backend = Backend::Postgres;
    target.url = *url;
    if (url->password.isEmpty()) {
        if (const auto stored = secrets.read(QString::fromLatin1(Runtime::kDatabasePasswordName)))
            target.password = QString::fromUtf8(*stored);
    }
    return target;
}

// Articles shared by every company (a database from before knowledge was a company's own)
// become the demo company's, or go: no company answers from another's knowledge. Articles of a
// database from before passages are cut into theirs.
Status adoptSharedArticles(Store &store)
{
    const std::optional<Company> demo = store.companies().findByName(demoCompanyName());
    const Status adopted = store.batch().run([&]() -> Status {
        if (const Status moved = store.kb().adoptShared(demo ? demo->id : QString()); !moved)
            return moved;
        const Result<int> indexed = store.kb().passages().indexMissing();
        return indexed ? Status(Ok{}) : Status(indexed.error());
    });
    if (!adopted)
        return adopted;
    if (!store.batch().flush())
        return store.batch().failure(QStringLiteral("could not move the shared articles to their company"));
    return Ok{};
}

} // namespace

Runtime::~Runtime()
{
    if (m_store)
        m_store->batch().flush();
}

QString Runtime::keyringService(const QString &dataDir)
{
    const QByteArray dirHash = QCryptographicHash::hash(dataDir.toUtf8(), QCryptographicHash::Sha256).toHex().left(12);
    return QStringLiteral("Tierdesk-") + QString::fromLatin1(dirHash);
}

Result<int> Runtime::moveSecretsToKeyring()
{
    return migrateFileSecretsToKeyring(m_dataDir, keyringService(m_dataDir));
}

QString Runtime::defaultDataDir()
{
    const QString env = qEnvironmentVariable("TIERDESK_DATA_DIR");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

// Each company's latest trained intent model, for the message analyser. A model that
// cannot be read is skipped (the company keeps the default) and said on stderr.
void Runtime::loadIntentModels(Store &store)
{
    nlu::IntentModels &models = nlu::IntentModels::shared();
    models.clear();
    for (const StoredNluModel &stored : store.nluModels().latestPerCompany()) {
        auto model = nlu::IntentClassifier::fromBytes(stored.model);
        if (!model) {
            qWarning("intent model %d of %s not used: %s", stored.version, qPrintable(stored.companyId),
                qPrintable(model.error().message));
            continue;
        }
        models.set(stored.companyId, *model, stored.version);
    }
}

Result<int> Runtime::saveIntentModel(const StoredNluModel &model)
{
    int version = 0;
    Status stored = m_store->batch().run([&]() -> Status {
        const Result<int> inserted = m_store->nluModels().insert(model);
        if (!inserted)
            return inserted.error();
        version = *inserted;
        return Ok{};
    });
    if (stored)
        stored = m_store->batch().commitNow();
    if (!stored)
        return makeError(stored.error().kind, stored.error().detail,
            QStringLiteral("could not store the model: ") + stored.error().message, stored.error().details);
    return version;
}

QString Runtime::defaultDatabaseUrl()
{
    return qEnvironmentVariable(DatabaseUrl::kEnvironment);
}

// The data directory's SQLite file, or the PostgreSQL database named (its password from the
// URL, else the secret store, else libpq's PGPASSFILE).
Result<std::unique_ptr<Store>> Runtime::openStore(const QString &databaseUrl)
{
    DatabaseOptions storage;
    storage.synchronousFull = m_settings.boolValue(settings::StorageSynchronousFull);
    storage.startupCheckMs = qBound(0, m_settings.intValue(settings::StorageStartupCheckSeconds), 3600) * 1000;
    if (databaseUrl.isEmpty())
        return Store::open(m_dir->filePath(DataDir::kDatabase), storage);
    const auto target = postgresTarget(databaseUrl, *m_secrets);
    if (!target)
        return target.error();
    return Store::openPostgres(target->url, storage, target->password);
}

AddressPolicy Runtime::connectorsPolicy() const
{
    return AddressPolicy::forConnectors(m_settings.boolValue(settings::ConnectorsAllowPrivateNetworks));
}

std::shared_ptr<ReplySender> Runtime::channelReplies() const
{
    // Twilio's API is a company's own account's, the mailbox's SMTP server the company's own:
    // reached as the company's own systems are.
    const AddressPolicy policy = connectorsPolicy();
    auto http = std::make_shared<CurlOutboundHttp>(policy);
    return std::make_shared<ChannelReplies>(std::make_shared<TwilioTextSender>(http),
        [policy](const OutgoingReply &reply) { return MailReplies::send(reply, policy); });
}

Result<std::unique_ptr<Runtime>> Runtime::open(const QString &dataDir, const Clock &clock, const QString &databaseUrl)
{
    std::unique_ptr<Runtime> rt(new Runtime);
    // The directory (0700), its lock, and the files already in it (0600).
    auto dir = DataDir::open(dataDir);
    if (!dir)
        return dir.error();
    rt->m_dir = std::move(dir.value());
    rt->m_dataDir = rt->m_dir->path();
    rt->m_settings = AppSettings(rt->m_dataDir + QStringLiteral("/tierdesk.ini"));

    rt->m_secrets = openSecrets(rt->m_dataDir, &rt->m_secretsWarning);
    auto key = loadOrCreateSigningKey(*rt->m_secrets);
    if (!key)
        return makeError(
            ErrorKind::Internal, QStringLiteral("cannot load the token signing key: ") + key.error().message);

    auto store = rt->openStore(databaseUrl);
    if (!store)
        return store.error();
    rt->m_store = std::move(store.value());
    // Webhook secrets are sealed in the database under a data key kept with the signing key.
    const auto box = SecretBox::loadOrCreate(*rt->m_secrets, QString::fromLatin1(kWebhookDataKeyName));
    if (!box)
        return makeError(
            ErrorKind::Internal, QStringLiteral("cannot load the webhook data key: ") + box.error().message);
    rt->m_store->webhooks().setSealer(std::make_shared<SecretBox>(*box));
    if (rt->m_store->db().postgres()) { // team mode: every instance holds the same keys
        const auto dataKey = rt->m_secrets->read(QString::fromLatin1(kWebhookDataKeyName));
        if (!dataKey)
            return dataKey.error();
        if (const Status same = teamkeys::check(*rt->m_store, key.value(), *dataKey); !same)
            return same.error();
    }
    if (const auto sealed = rt->m_store->webhooks().sealPlainSecrets(); !sealed)
        return sealed.error();
    if (const Status adopted = adoptSharedArticles(*rt->m_store); !adopted)
        return adopted.error();
    loadIntentModels(*rt->m_store);
    rt->m_engine = std::make_unique<SessionEngine>(*rt->m_store, clock);
    rt->m_engine->setModelAddressPolicy(
        AddressPolicy::forModelProviders(rt->m_settings.boolValue(settings::AiAllowPrivateNetworks)));
    rt->m_engine->connectors().setAddressPolicy(rt->connectorsPolicy());
    rt->m_agents = std::make_unique<AgentDirectory>(*rt->m_engine);
    rt->m_loginSessions = std::make_unique<LoginSessions>(*rt->m_engine);
    rt->m_agents->setSessions(rt->m_loginSessions.get());
    rt->m_secondFactors = std::make_unique<SecondFactors>(*rt->m_engine);
    // A company's identity provider is reached as its own systems are (connectors' address policy).
    rt->m_singleSignOn = std::make_unique<SingleSignOn>(
        *rt->m_engine, *rt->m_agents, std::make_shared<CurlOutboundHttp>(rt->connectorsPolicy()));
    rt->m_canned = std::make_unique<CannedResponses>(*rt->m_engine);
    rt->m_customers = std::make_unique<CustomerDirectory>(*rt->m_engine);
    rt->m_calls = std::make_unique<CallLog>(
        *rt->m_engine, rt->m_dataDir, rt->m_settings.intValue(settings::VoiceRecordingRetentionDays));
    rt->m_customers->setCallLog(rt->m_calls.get());
    rt->m_channels = std::make_unique<Channels>(
        *rt->m_engine, *rt->m_customers, rt->channelReplies(), ImapMailReader::factory(rt->connectorsPolicy()));
    // A company's help center is read as its own systems are (connectors' address policy).
    rt->m_kbSources
        = std::make_unique<KbSources>(*rt->m_engine, std::make_shared<CurlOutboundHttp>(rt->connectorsPolicy()));
    rt->m_desk = std::make_unique<Desk>(*rt->m_engine);
    json::registerQueueItemConversion(); // Desk::escalationQueued's item reads as its CS JSON
    rt->m_desk->setAvailability(rt->m_agents.get());
    // A person's reply to a web visitor who has left goes on by e-mail.
    QObject::connect(rt->m_desk.get(), &Desk::personReplied, rt->m_channels.get(),
        [channels = rt->m_channels.get()](
            const Session &s, const Message &m) { channels->webMail().personReplied(s, m); });
    rt->m_team = std::make_unique<TeamRelay>(*rt->m_engine, *rt->m_desk); // inert on SQLite
    QObject::connect(
        rt->m_team.get(), &TeamRelay::loginsEnded, rt->m_loginSessions.get(), &LoginSessions::refreshEnded);
    AutoAssigner *assigner = &rt->m_desk->assigner();
    QObject::connect(rt->m_agents.get(), &AgentDirectory::presenceChanged, assigner,
        [assigner](const QString &companyId, const QString &agentId, const QString &presence) {
            if (presence == QLatin1String("away"))
                assigner->giveBack(companyId, agentId);
            else
                assigner->wake(companyId); // back, or gone offline (they keep what they hold)
        });
    QObject::connect(rt->m_agents.get(), &AgentDirectory::agentChanged, assigner,
        [assigner](const QString &companyId, const QString &, bool) { assigner->wake(companyId); });
    rt->m_apiTokens = std::make_unique<ApiTokens>(*rt->m_engine);
    rt->m_chatVisitors = std::make_unique<ChatVisitors>(*rt->m_engine);
    rt->m_auth = std::make_unique<Authenticator>(key.value(), clock);
    // Revoked API tokens, login tokens of ended sessions (also those of agents deactivated, given a
    // new password or another role since), and client tokens of customers erased since.
    rt->m_auth->setRefusal(
        [tokens = rt->m_apiTokens.get(), agents = rt->m_agents.get(), sessions = rt->m_loginSessions.get(),
            customers = rt->m_customers.get()](const JwtClaims &c) -> Status {
            if (tokens->revoked(c.tokenId))
                return makeError(ErrorKind::Unauthenticated, QStringLiteral("the token was revoked"));
            if (!c.customer.isEmpty())
                return customers->tokenRefusal(c.company, c.customer, c.issuedAt);
            if (!c.sessionId.isEmpty()) // a login token: its session says it all, from memory
                return sessions->refusal(c.sessionId);
            return agents->tokenRefusal(c.subject, c.issuedAt);
        });
    return rt;
}

QString Runtime::databasePath(const QString &dataDir)
{
    return QDir(dataDir).absoluteFilePath(QLatin1String(DataDir::kDatabase));
}

Status Runtime::checkDatabaseUrl(const QString &databaseUrl)
{
    const auto url = DatabaseUrl::parse(databaseUrl);
    if (!url)
        return url.error();
    return Ok{};
}

QString Runtime::databaseLocation(const QString &dataDir, const QString &databaseUrl)
{
    if (databaseUrl.isEmpty())
        return databasePath(dataDir);
    const auto url = DatabaseUrl::parse(databaseUrl);
    return url ? url->redacted() : QString();
}

Result<DatabaseTarget> Runtime::databaseTarget(const QString &dataDir, const QString &databaseUrl)
{
    if (databaseUrl.isEmpty()) {
        DatabaseTarget target;
        target.path = databasePath(dataDir);
        return target;
    }
    QString warning;
    const auto secrets = openSecrets(QDir(dataDir).absolutePath(), &warning);
    auto target = postgresTarget(databaseUrl, *secrets);
    if (target)
        target->path = databasePath(dataDir);
    return target;
}

Result<QByteArray> Runtime::exportKeys(const QString &dataDir)
{
    QString warning;
    const auto secrets = openSecrets(QDir(dataDir).absolutePath(), &warning);
    return teamkeys::exportDocument(*secrets);
}

Result<QString> Runtime::importKeys(const QString &dataDir, const QByteArray &document)
{
    // The lock: a running instance would go on with its old keys until it restarts.
    auto dir = DataDir::open(dataDir);
    if (!dir)
        return dir.error();
    QString warning;
    const auto secrets = openSecrets((*dir)->path(), &warning);
    return teamkeys::importDocument(*secrets, document);
}

Result<QString> Runtime::storeDatabasePassword(const QString &dataDir, const QString &password)
{
    QString warning;
    const auto secrets = openSecrets(QDir(dataDir).absolutePath(), &warning);
    if (const Status stored = secrets->write(QString::fromLatin1(kDatabasePasswordName), password.toUtf8()); !stored)
        return stored.error();
    return secrets->description();
}

Result<QStringList> Runtime::checkDatabase(const QString &dataDir, const QString &databaseUrl)
{
    const auto target = databaseTarget(dataDir, databaseUrl);
    if (!target)
        return target.error();
    return DbMaintenance::check(*target);
}

Status Runtime::backupDatabase(const QString &dataDir, const QString &destPath, const QString &databaseUrl)
{
    const auto target = databaseTarget(dataDir, databaseUrl);
    if (!target)
        return target.error();
    return DbMaintenance::backup(*target, destPath);
}

Result<Runtime::DatabaseCopy> Runtime::copyDatabase(
    const QString &dataDir, const QString &toUrl, const StoreCopier::Progress &progress)
{
    const auto target = databaseTarget(dataDir, toUrl);
    if (!target)
        return target.error();
    StoreCopier copier(databasePath(dataDir), *target, progress);
    return copier.run();
}

Runtime::DatabaseInfo Runtime::databaseInfo()
{
    Database &db = m_store->db();
    return {db.schemaVersion(), db.backendName(), db.location()};
}

Result<QByteArray> Runtime::issueTokenBesideOwner(const QString &dataDir, const QString &company, Role role,
    const QString &subject, qint64 ttlSecs, const QString &customer, const QString &databaseUrl)
{
    const QString dir = QDir(dataDir).absolutePath();
    const auto target = databaseTarget(dir, databaseUrl);
    if (!target)
        return target.error();
    const auto exists = DbMaintenance::companyExists(*target, company);
    if (!exists)
        return exists.error();
    if (!*exists)
        return makeError(ErrorKind::NotFound, QStringLiteral("no company with id ") + company);
    QString warning;
    const auto secrets = openSecrets(dir, &warning);
    // The owner created the key when it started; never make a second one here.
    const auto key = secrets->read(QString::fromLatin1(kSigningKeyName));
    if (!key || key->isEmpty())
        return makeError(ErrorKind::Internal, QStringLiteral("cannot read the token signing key of ") + dir);
    return Authenticator(*key, SystemClock::instance()).issue(company, role, subject, ttlSecs, customer);
}

} // namespace tierdesk::api
