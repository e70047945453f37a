#pragma once

// A real SMTP server for tests: tests/support/smtp_sink.py (aiosmtpd, Debian
// python3-aiosmtpd) on a free 127.0.0.1 port. Each message it accepts comes back
// as a JSON object parsed by Python's e-mail package: mailFrom, rcptTos,
// authUser, headers (decoded), rawHeaders, contentType, charset, body (decoded).

#include "tests/support/TestPaths.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QStringList>

namespace tierdesk::test {

class SmtpSink {
public:
    // The Debian interpreter: python3-aiosmtpd is installed for it, not for a pyenv in PATH.
    static QString python() { return QStringLiteral("/usr/bin/python3"); }

    explicit SmtpSink(const QStringList &args = {})
    {
        QObject::connect(&m_proc, &QProcess::readyReadStandardOutput, &m_proc, [this] { readLines(); });
        m_proc.start(python(), QStringList{sourceDir() + QStringLiteral("/tests/support/smtp_sink.py")} + args);
        if (!m_proc.waitForStarted(10000)) {
            m_error = QStringLiteral("cannot start %1: %2").arg(python(), m_proc.errorString());
            return;
        }
        // The first line is {"port": N}; it comes as soon as the socket listens.
        while (m_port == 0 && m_proc.state() == QProcess::Running && m_proc.waitForReadyRead(10000))
            readLines();
        if (m_port == 0)
            m_error = QStringLiteral("smtp_sink.py did not start (is python3-aiosmtpd installed? "
                                     "scripts/install-deps.sh): ")
                + QString::fromUtf8(m_proc.readAllStandardError());
    }

    ~SmtpSink()
    {
        m_proc.closeWriteChannel(); // the sink stops when its stdin closes
        if (!m_proc.waitForFinished(10000)) {
            m_proc.kill();
            m_proc.waitForFinished();
        }
    }

    bool isRunning() const { return m_port != 0; }
    QString error() const { return m_error; }
    quint16 port() const { return m_port; }
    const QList<QJsonObject> &messages() const { return m_messages; }

private:
    void readLines()
    {
        m_buffer += m_proc.readAllStandardOutput();
        qsizetype nl;
        while ((nl = m_buffer.indexOf('\n')) >= 0) {
            const QJsonObject o = QJsonDocument::fromJson(m_buffer.left(nl)).object();
            m_buffer.remove(0, nl + 1);
            if (o.contains(QLatin1String("port")))
                m_port = static_cast<quint16>(o.value(QLatin1String("port")).toInt());
            else
                m_messages.append(o);
        }
    }

    QProcess m_proc;
    QByteArray m_buffer;
    QString m_error;
    quint16 m_port = 0;
    QList<QJsonObject> m_messages;
};

} // namespace tierdesk::test
