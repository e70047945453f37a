#pragma once

// Debian's baresip as a SIP caller for the tests: a WAV file (Flite's words at the codec's rate) is
// its microphone, its sndfile module records what it hears, and its ctrl_tcp interface dials, sends
// keypad codes and hangs up while the test reads its events. Each caller has its own configuration
// in a temporary folder; waits are on its output and events (QTest::qWaitFor), never sleeps.
#include "tests/voice/sip/Wav.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace tierdesk::test {

class Baresip {
public:
    // `codecModule`: g722, opus or g711 (baresip offers the codecs of the modules it loads).
    // `microphone`: what it says, at 16 kHz; written at the codec's `rate` and `channels` (aufile
    // does not convert: Opus wants 48 kHz stereo).
    // `user`: who the caller is (From's user part, a phone number for a known customer).
    Baresip(const QString &codecModule, const voice::Pcm &microphone, int rate, int channels = 1,
        const QString &user = QStringLiteral("caller"))
        : m_user(user)
    {
        QTcpServer probe; // a free port for ctrl_tcp
        probe.listen(QHostAddress::LocalHost, 0);
        m_ctrlPort = probe.serverPort();
        probe.close();
        QFile wav(m_dir.filePath(QStringLiteral("microphone.wav")));
        if (wav.open(QIODevice::WriteOnly))
            wav.write(wavBytes(fromCallAudio(microphone, rate), rate, channels));
        wav.close();
        m_codecModule = codecModule;
        writeConfig();
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
            [this] { m_output += QString::fromUtf8(m_process.readAllStandardOutput()); });
        QObject::connect(&m_ctrl, &QTcpSocket::readyRead, &m_ctrl, [this] { readControl(); });
    }
    ~Baresip()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // The address it calls from (any of 127.0.0.0/8: another caller's address); before dial().
    void setAddress(const QString &address)
    {
        m_address = address;
        writeConfig();
    }
    // Digest credentials for its calls (the user name is `user`); before dial().
    void setPassword(const QString &password)
    {
        m_password = password;
        writeAccounts();
    }

    // Starts baresip and dials `uri` once it is ready.
    bool dial(const QString &uri)
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral("baresip"), {QStringLiteral("-f"), m_dir.path()});
        if (!QTest::qWaitFor([this] { return m_output.contains(QLatin1String("baresip is ready")); }, 10000))
            return false;
        m_ctrl.connectToHost(QHostAddress::LocalHost, m_ctrlPort);
        if (!m_ctrl.waitForConnected(5000))
            return false;
        return command(QStringLiteral("dial"), uri);
    }
    bool command(const QString &name, const QString &params = {})
    {
        const QByteArray json = QJsonDocument(
            QJsonObject{{QStringLiteral("command"), name}, {QStringLiteral("params"), params},
                {QStringLiteral("token"),
                    name}}).toJson(QJsonDocument::Compact);
        m_ctrl.write(QByteArray::number(json.size()) + ':' + json + ',');
        return m_ctrl.waitForBytesWritten(5000);
    }
    // The first event of `type` (CALL_ESTABLISHED, CALL_CLOSED, ...), waiting for it.
    QJsonObject waitForEvent(const QString &type, int timeoutMs = 30000)
    {
        QJsonObject found;
        (void)QTest::qWaitFor(
            [&] {
                for (const QJsonObject &e : std::as_const(m_events))
                    if (e.value(QLatin1String("type")).toString() == type) {
                        found = e;
                        return true;
                    }
                return false;
            },
            timeoutMs);
        return found;
    }
    // Quits and waits for the process, so the recording is complete.
    bool quit()
    {
        if (m_process.state() == QProcess::NotRunning)
            return true;
        command(QStringLiteral("quit"));
        return QTest::qWaitFor([this] { return m_process.state() == QProcess::NotRunning; }, 15000);
    }
    // What baresip heard (its decoder's output), at 16 kHz mono.
    voice::Pcm heard() const
    {
        const QStringList dumps
            = QDir(m_dir.path()).entryList({QStringLiteral("dump-*-dec.wav")}, QDir::Files, QDir::Name);
        if (dumps.isEmpty())
            return {};
        const std::optional<Wav> wav = readWav(m_dir.filePath(dumps.last()));
        return wav ? toCallAudio(*wav) : voice::Pcm{};
    }
    QString output() const { return m_output; }

private:
    void writeConfig()
    {
        QFile config(m_dir.filePath(QStringLiteral("config")));
        if (!config.open(QIODevice::WriteOnly))
            return;
        const QString text = QStringLiteral("poll_method epoll\n"
                                            "sip_listen %5:0\n"
                                            "net_interface %5\n"
                                            "audio_source aufile,%1\n"
                                            "audio_player aubridge,speaker\n"
                                            "audio_alert aubridge,alert\n"
                                            "snd_path %2\n"
                                            "module_path /usr/lib/baresip/modules\n"
                                            "module %3.so\n"
                                            "module aufile.so\n"
                                            "module aubridge.so\n"
                                            "module sndfile.so\n"
                                            "module_app account.so\n"
                                            "module_app menu.so\n"
                                            "module_app ctrl_tcp.so\n"
                                            "ctrl_tcp_listen 127.0.0.1:%4\n")
                                 .arg(m_dir.filePath(QStringLiteral("microphone.wav")), m_dir.path(), m_codecModule)
                                 .arg(m_ctrlPort)
                                 .arg(m_address);
        config.write(text.toUtf8());
        writeAccounts();
    }
    void writeAccounts()
    {
        QFile accounts(m_dir.filePath(QStringLiteral("accounts")));
        if (accounts.open(QIODevice::WriteOnly))
            accounts.write(
                QStringLiteral("<sip:%1@%3>;%2regint=0\n")
                    .arg(m_user, m_password.isEmpty() ? QString() : QStringLiteral("auth_pass=%1;").arg(m_password),
                        m_address)
                    .toUtf8());
    }
    // Netstrings: "<length>:<json>,".
    void readControl()
    {
        m_ctrlBuffer += m_ctrl.readAll();
        for (;;) {
            const qsizetype colon = m_ctrlBuffer.indexOf(':');
            if (colon <= 0)
                return;
            const qsizetype length = m_ctrlBuffer.left(colon).toLongLong();
            if (m_ctrlBuffer.size() < colon + 1 + length + 1)
                return;
            const QJsonObject message = QJsonDocument::fromJson(m_ctrlBuffer.mid(colon + 1, length)).object();
            m_ctrlBuffer.remove(0, colon + 1 + length + 1);
            if (message.value(QLatin1String("event")).toBool())
                m_events << message;
        }
    }

    QString m_user;
    QString m_password;
    QString m_codecModule;
    QString m_address = QStringLiteral("127.0.0.1");
    QTemporaryDir m_dir;
    quint16 m_ctrlPort = 0;
    QProcess m_process;
    QString m_output;
    QTcpSocket m_ctrl;
    QByteArray m_ctrlBuffer;
    QList<QJsonObject> m_events;
};

} // namespace tierdesk::test
