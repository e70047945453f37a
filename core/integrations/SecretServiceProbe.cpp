#include "core/integrations/SecretServiceProbe.h"

#include <QDBusMessage>
#include <QDBusObjectPath>

namespace tierdesk {

SecretServiceState probeSecretService(const QDBusConnection &bus, int timeoutMs)
{
    if (!bus.isConnected())
        return SecretServiceState::NotRunning;
    QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.secrets"),
        QStringLiteral("/org/freedesktop/secrets"), QStringLiteral("org.freedesktop.Secret.Service"),
        QStringLiteral("ReadAlias"));
    call << QStringLiteral("default");
    // Blocks only this thread; the service may be started by D-Bus activation first.
    const QDBusMessage reply = QDBusConnection(bus).call(call, QDBus::Block, timeoutMs);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return SecretServiceState::NotRunning;
    const QString path = reply.arguments().constFirst().value<QDBusObjectPath>().path();
    return path.isEmpty() || path == QLatin1String("/") ? SecretServiceState::NoDefaultCollection
                                                        : SecretServiceState::HasDefaultCollection;
}

SecretServiceState probeSecretService(int timeoutMs)
{
    return probeSecretService(QDBusConnection::sessionBus(), timeoutMs);
}

} // namespace tierdesk
