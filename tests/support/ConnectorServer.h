#pragma once

// A scripted company system for tests: tests/support/connectors/connector_servers.py on a
// free 127.0.0.1 port, speaking a Lambda function URL running seed 004's handler, a shop's
// order API, or a stateful Stripe (see the script). Each test starts the ones it needs.

#include "tests/support/TestPaths.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QUrl>

namespace tierdesk::test {

class ConnectorServer {
public:
    // kind: lambda, orders or stripe; args: the script's other options.
    explicit ConnectorServer(const QString &kind, const QStringList &args = {})
    {
        m_proc.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_proc.start(QStringLiteral("/usr/bin/python3"),
            QStringList{sourceDir() + QStringLiteral("/tests/support/connectors/connector_servers.py"),
                QStringLiteral("--kind"), kind}
                + args);
        if (!m_proc.waitForStarted(10000)) {
            m_error = QStringLiteral("cannot start /usr/bin/python3: ") + m_proc.errorString();
            return;
        }
        // The first line is {"port": N}; it comes as soon as the socket listens.
        while (!m_proc.canReadLine() && m_proc.state() == QProcess::Running && m_proc.waitForReadyRead(10000)) { }
        const QJsonObject first = QJsonDocument::fromJson(m_proc.readLine()).object();
        m_port = static_cast<quint16>(first.value(QLatin1String("port")).toInt());
        if (m_port == 0)
            m_error = QStringLiteral("connector_servers.py --kind %1 did not start").arg(kind);
    }

    ~ConnectorServer()
    {
        m_proc.closeWriteChannel(); // the server stops when its stdin closes
        if (!m_proc.waitForFinished(10000)) {
            m_proc.kill();
            m_proc.waitForFinished();
        }
    }

    bool isRunning() const { return m_port != 0; }
    // The shop's orders as they started, no cancellations made: true once the server says so.
    bool reset()
    {
        m_proc.write("reset\n");
        while (!m_proc.canReadLine() && m_proc.state() == QProcess::Running && m_proc.waitForReadyRead(10000)) { }
        return QJsonDocument::fromJson(m_proc.readLine()).object().value(QLatin1String("reset")).toBool();
    }
    QString error() const { return m_error; }
    quint16 port() const { return m_port; }
    QString url(const QString &path = {}) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
    }

private:
    QProcess m_proc;
    QString m_error;
    quint16 m_port = 0;
};

} // namespace tierdesk::test
