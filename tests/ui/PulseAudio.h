#pragma once

// A PulseAudio daemon of a test's own (Debian's `pulseaudio`), in a temporary directory: two null
// sinks, "tierdesk_mic" (what is played into it is heard by the source "tierdesk_microphone", a
// remap of its monitor: Qt Multimedia lists no monitor as a microphone) and "tierdesk_speaker" (the
// console's speaker, recorded from its monitor), reached over a unix socket of the directory. `pulseaudio -D` returns
// once the daemon is ready: nothing is polled. PULSE_SERVER is set for this process, so Qt Multimedia and paplay/parec
// use this daemon only.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

namespace tierdesk::test {

class PulseAudio {
public:
    static constexpr char kMic[] = "tierdesk_mic"; // played into: the microphone hears it
    static constexpr char kMicrophone[] = "tierdesk_microphone";
    static constexpr char kSpeaker[] = "tierdesk_speaker";

    ~PulseAudio() { stop(); }

    // Starts the daemon and points this process at it; false (with `error`) when it cannot.
    bool start(QString *error)
    {
        if (!m_dir.isValid())
            return fail(error, QStringLiteral("no temporary directory"));
        for (const char *sub : {"run", "xdg", "config"})
            QDir(m_dir.path()).mkpath(QLatin1String(sub));
        const QString socket = m_dir.filePath(QStringLiteral("native"));
        QProcess pa;
        pa.setProcessEnvironment(daemonEnvironment());
        pa.setProcessChannelMode(QProcess::MergedChannels);
        // Running as root needs --system=false; the socket takes anyone (it is in a 0700 directory).
        pa.start(QStringLiteral("pulseaudio"),
            {QStringLiteral("-D"), QStringLiteral("-n"), QStringLiteral("--system=false"),
                QStringLiteral("--exit-idle-time=-1"),
                QStringLiteral("--log-target=file:") + m_dir.filePath(QStringLiteral("pa.log")), QStringLiteral("-L"),
                QStringLiteral("module-null-sink sink_name=") + QLatin1String(kMic), QStringLiteral("-L"),
                QStringLiteral("module-null-sink sink_name=") + QLatin1String(kSpeaker), QStringLiteral("-L"),
                QStringLiteral("module-remap-source source_name=") + QLatin1String(kMicrophone)
                    + QStringLiteral(" master=") + QLatin1String(kMic) + QStringLiteral(".monitor"),
                QStringLiteral("-L"), QStringLiteral("module-native-protocol-unix auth-anonymous=1 socket=") + socket});
        if (!pa.waitForFinished(30000) || pa.exitStatus() != QProcess::NormalExit || pa.exitCode() != 0)
            return fail(error, QStringLiteral("pulseaudio did not start: ") + QString::fromLocal8Bit(pa.readAll()));
        m_running = true;
        qputenv("PULSE_SERVER", "unix:" + socket.toLocal8Bit());
        return true;
    }

    // Ends the daemon and waits until it is gone (its directory can be removed then).
    void stop()
    {
        if (!m_running)
            return;
        m_running = false;
        QFile pidFile(m_dir.filePath(QStringLiteral("run/pid")));
        const qint64 pid = pidFile.open(QIODevice::ReadOnly) ? pidFile.readAll().trimmed().toLongLong() : 0;
        QProcess kill;
        kill.setProcessEnvironment(daemonEnvironment());
        kill.start(QStringLiteral("pulseaudio"), {QStringLiteral("--kill")});
        kill.waitForFinished(10000);
        if (pid > 0) [[maybe_unused]]
            const bool gone
                = QTest::qWaitFor([pid] { return !QFile::exists(QStringLiteral("/proc/%1").arg(pid)); }, 10000);
    }

    // paplay's arguments for 16 kHz s16le mono raw audio into the microphone's sink.
    static QStringList playArguments(const QString &rawFile)
    {
        return {QStringLiteral("--raw"), QStringLiteral("--format=s16le"), QStringLiteral("--rate=16000"),
            QStringLiteral("--channels=1"), QStringLiteral("--device=") + QLatin1String(kMic), rawFile};
    }
    // parec's arguments recording the speaker's sink as 16 kHz s16le mono raw audio on stdout.
    static QStringList recordArguments()
    {
        return {QStringLiteral("--raw"), QStringLiteral("--format=s16le"), QStringLiteral("--rate=16000"),
            QStringLiteral("--channels=1"),
            QStringLiteral("--device=") + QLatin1String(kSpeaker) + QStringLiteral(".monitor")};
    }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

private:
    QProcessEnvironment daemonEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.insert(QStringLiteral("PULSE_RUNTIME_PATH"), m_dir.filePath(QStringLiteral("run")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.filePath(QStringLiteral("xdg")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        env.remove(QStringLiteral("PULSE_SERVER"));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        return env;
    }
    static bool fail(QString *error, const QString &why)
    {
        if (error)
            *error = why;
        return false;
    }

    QTemporaryDir m_dir;
    bool m_running = false;
};

} // namespace tierdesk::test
