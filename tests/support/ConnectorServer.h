#pragma once

// A scripted company system for tests: tests/support/connectors/connector_servers.py on a
// free 127.0.0.1 port, speaking a Lambda function URL running seed 004's handler, a shop's
// order API, or a stateful Stripe (see the script), or another script of tests/support such as
// helpcenter/help_center_server.py. Each test starts the ones it needs.

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
        start(sourceDir() + QStringLiteral("/tests/support/connectors/connector_servers.py"),
            QStringList{QStringLiteral("--kind"), kind} + args);
    }
    // Another scripted server of tests/support (path under it) that starts the same way.
    struct Script {
        QString path;
    };
    explicit ConnectorServer(Script script)
    {
        start(sourceDir() + QStringLiteral("/tests/support/") + script.path, {});
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
    bool reset() { return command("reset").value(QLatin1String("reset")).toBool(); }
    // One line on the script's stdin, and the JSON line it answers.
    QJsonObject command(const QByteArray &line)
    {
        m_proc.write(line + '\n');
        while (!m_proc.canReadLine() && m_proc.state() == QProcess::Running && m_proc.waitForReadyRead(10000)) { }
        return QJsonDocument::fromJson(m_proc.readLine()).object();
    }
    QString error() const { return m_error; }
    quint16 port() const { return m_port; }
    QString url(const QString &path = {}) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
    }

private:
    void start(const QString &script, const QStringList &args)
    {
        m_proc.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_proc.start(QStringLiteral("/usr/bin/python3"), QStringList{script} + args);
        if (!m_proc.waitForStarted(10000)) {
            m_error = QStringLiteral("cannot start /usr/bin/python3: ") + m_proc.errorString();
            return;
        }
        // The first line is {"port": N}; it comes as soon as the socket listens.
        while (!m_proc.canReadLine() && m_proc.state() == QProcess::Running && m_proc.waitForReadyRead(10000)) { }
        const QJsonObject first = QJsonDocument::fromJson(m_proc.readLine()).object();
        m_port = static_cast<quint16>(first.value(QLatin1String("port")).toInt());
        if (m_port == 0)
            m_error = QStringLiteral("%1 did not start").arg(script);
    }

    QProcess m_proc;
    QString m_error;
    quint16 m_port = 0;
};

} // namespace tierdesk::test
