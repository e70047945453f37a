#include "core/integrations/SecretStore.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <functional>

namespace tierdesk {

namespace {

struct JobOutcome {
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

// QtKeychain queues every job of the process in one executor that is not thread-safe,
// and Tierdesk reads secrets from the GUI thread (remember-me) and the engine thread
// (the signing key) at once. So every job is made and run on this one thread, which
// also outlives jobs abandoned after a timeout.
class KeyringThread {
public:
    static KeyringThread &instance()
    {
        static KeyringThread *keyring = new KeyringThread; // stopped by the post routine below
        return *keyring;
    }

    JobOutcome run(const std::function<QKeychain::Job *()> &makeJob, int timeoutMs)
    {
        if (QThread::currentThread() == &m_thread)
            return runJob(makeJob(), timeoutMs);
        JobOutcome out; // not finished: "did not answer"
        if (!m_thread.isRunning()) // after the application has gone
            return out;
        QMetaObject::invokeMethod(
            &m_context, [&] { out = runJob(makeJob(), timeoutMs); }, Qt::BlockingQueuedConnection);
        return out;
    }

private:
    KeyringThread()
    {
        m_thread.setObjectName(QStringLiteral("keyring"));
        m_context.moveToThread(&m_thread);
        m_thread.start();
        qAddPostRoutine([] {
            instance().m_thread.quit();
            instance().m_thread.wait();
        });
    }

    QThread m_thread;
    QObject m_context;
};

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
    const JobOutcome out = KeyringThread::instance().run(
        [this, &key] {
            auto *job = new QKeychain::ReadPasswordJob(m_service);
            job->setKey(key);
            return job;
        },
        m_timeoutMs);
    if (!out.finished || out.error != QKeychain::NoError)
        return keychainError(out, key);
    return out.data;
}

Status KeychainSecretStore::write(const QString &key, const QByteArray &value)
{
    const JobOutcome out = KeyringThread::instance().run(
        [this, &key, &value] {
            auto *job = new QKeychain::WritePasswordJob(m_service);
            job->setKey(key);
            job->setBinaryData(value);
            return job;
        },
        m_timeoutMs);
    if (!out.finished || out.error != QKeychain::NoError)
        return keychainError(out, key);
    return Ok{};
}

Status KeychainSecretStore::remove(const QString &key)
{
    const JobOutcome out = KeyringThread::instance().run(
        [this, &key] {
            auto *job = new QKeychain::DeletePasswordJob(m_service);
            job->setKey(key);
            return job;
        },
        m_timeoutMs);
    if (!out.finished || (out.error != QKeychain::NoError && out.error != QKeychain::EntryNotFound))
        return keychainError(out, key);
    return Ok{};
}

QString KeychainSecretStore::description() const
{
    return QStringLiteral("system keyring (Secret Service), service \"%1\"").arg(m_service);
}

} // namespace tierdesk
