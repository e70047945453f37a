#include "core/integrations/SecretStore.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QPointer>
#include <QTimer>

namespace tierdesk {

namespace {

struct JobOutcome
{
    bool finished = false;
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QByteArray data;
};

// Starts the job and waits for it in a local event loop. The job deletes itself
// when it finishes (autoDelete), even if we stopped waiting after a timeout.
JobOutcome runJob(QKeychain::Job *job, int timeoutMs)
{
    JobOutcome out;
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never let QtKeychain write plaintext behind our back
    QEventLoop loop;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&out, &loop](QKeychain::Job *j) {
        out.finished = true;
        out.error = j->error();
        out.errorString = j->errorString();
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(j))
            out.data = read->binaryData();
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!out.finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return out;
}

Error keychainError(const JobOutcome &out, const QString &what)
{
    if (!out.finished)
        return makeError(ErrorKind::Internal, QStringLiteral("system keyring did not answer (%1)").arg(what));
    if (out.error == QKeychain::EntryNotFound)
        return makeError(ErrorKind::NotFound, QStringLiteral("no secret stored for %1").arg(what));
    return makeError(ErrorKind::Internal, QStringLiteral("system keyring error for %1: %2").arg(what, out.errorString));
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, int timeoutMs)
    : m_service(std::move(service)), m_timeoutMs(timeoutMs)
{
}

Result<QByteArray> KeychainSecretStore::read(const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    const JobOutcome out = runJob(job, m_timeoutMs);
    if (!out.finished || out.error != QKeychain::NoError)
        return keychainError(out, key);
    return out.data;
}

Status KeychainSecretStore::write(const QString &key, const QByteArray &value)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setBinaryData(value);
    const JobOutcome out = runJob(job, m_timeoutMs);
    if (!out.finished || out.error != QKeychain::NoError)
        return keychainError(out, key);
    return Ok{};
}

Status KeychainSecretStore::remove(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    const JobOutcome out = runJob(job, m_timeoutMs);
    if (!out.finished || (out.error != QKeychain::NoError && out.error != QKeychain::EntryNotFound))
        return keychainError(out, key);
    return Ok{};
}

QString KeychainSecretStore::description() const
{
    return QStringLiteral("system keyring (Secret Service), service \"%1\"").arg(m_service);
}

} // namespace tierdesk
