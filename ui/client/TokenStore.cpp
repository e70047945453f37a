#include "ui/client/TokenStore.h"

#include "core/integrations/SecretStore.h"

#include <QDir>
#include <QPointer>
#include <QUrl>

namespace tierdesk::ui {

TokenStore::Factory TokenStore::systemFactory(const QString &fallbackDir)
{
    return [fallbackDir](QString *warning) {
        QDir().mkpath(fallbackDir);
        QFile::setPermissions(fallbackDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        return openSecretStore(fallbackDir, QStringLiteral("Tierdesk Console"), warning);
    };
}

TokenStore::TokenStore(Factory factory, QObject *parent) : QObject(parent), m_factory(std::move(factory))
{
    m_pool.setMaxThreadCount(1); // one call at a time, in order
}

TokenStore::~TokenStore()
{
    m_pool.waitForDone();
}

QString TokenStore::keyFor(const QString &server)
{
    return QStringLiteral("console-token:") + QUrl(server).adjusted(QUrl::StripTrailingSlash).toString();
}

QString TokenStore::loginsKeyFor(const QString &server)
{
    return QStringLiteral("console-logins:") + QUrl(server).adjusted(QUrl::StripTrailingSlash).toString();
}

SecretStore *TokenStore::store()
{
    if (!m_opened) {
        m_opened = true;
        QString why;
        m_store = m_factory(&why);
        if (!why.isEmpty())
            QMetaObject::invokeMethod(
                this, [this, why] { emit warning(why); }, Qt::QueuedConnection);
    }
    return m_store.get();
}

void TokenStore::read(const QString &server, QObject *context, std::function<void(const QByteArray &)> done)
{
    readKey(keyFor(server), context, std::move(done));
}

void TokenStore::write(const QString &server, const QByteArray &token)
{
    writeKey(keyFor(server), token);
}

void TokenStore::readLogins(const QString &server, QObject *context, std::function<void(const QByteArray &)> done)
{
    readKey(loginsKeyFor(server), context, std::move(done));
}

void TokenStore::writeLogins(const QString &server, const QByteArray &json)
{
    writeKey(loginsKeyFor(server), json);
}

void TokenStore::readKey(const QString &key, QObject *context, std::function<void(const QByteArray &)> done)
{
    QPointer<QObject> guard(context);
    m_pool.start([this, key, guard, done = std::move(done)] {
        QByteArray token;
        if (SecretStore *s = store()) {
            auto value = s->read(key);
            if (value)
                token = *value;
        }
        // Back on this object's thread; the context may be gone by then.
        QMetaObject::invokeMethod(
            this,
            [guard, done, token] {
                if (guard)
                    done(token);
            },
            Qt::QueuedConnection);
    });
}

void TokenStore::writeKey(const QString &key, const QByteArray &value)
{
    m_pool.start([this, key, value] {
        if (SecretStore *s = store())
            (void)s->write(key, value);
    });
}

} // namespace tierdesk::ui
