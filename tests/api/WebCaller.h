#pragma once

// A web caller for tests: a real QWebSocket on /api/v1/voice as the /chat page uses it, Flite's `rms`
// voice as its microphone (tests/voice/CallerAudio.h), and what the server sends back kept as the page
// would: the JSON control messages in order and the audio, which PocketSphinx can recognise back.
#include "core/voice/SpeechRecognizer.h"

#include "tests/voice/CallerAudio.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <memory>

namespace tierdesk::test {

struct WebCaller {
    QWebSocket socket;
    // Each with "_audioAt": how much audio had come before it.
    QList<QJsonObject> messages;
    QByteArray audio;

    WebCaller()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, [this](const QString &text) {
            QJsonObject m = QJsonDocument::fromJson(text.toUtf8()).object();
            m.insert(QStringLiteral("_audioAt"), audio.size()); // the audio that came before it
            messages << m;
        });
        QObject::connect(&socket, &QWebSocket::binaryMessageReceived, [this](const QByteArray &pcm) { audio += pcm; });
    }
    bool open(quint16 port, const QByteArray &key)
    {
        QSignalSpy connected(&socket, &QWebSocket::connected);
        socket.open(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/voice?key=%2").arg(port).arg(QString::fromUtf8(key))));
        return connected.wait(10000);
    }
    // Starts the call; its session id, or empty.
    QString start(const QString &name)
    {
        send({{QStringLiteral("type"), QStringLiteral("start")}, {QStringLiteral("sampleRate"), 16000},
            {QStringLiteral("visitor"), QJsonObject{{QStringLiteral("name"), name}}}});
        return waitFor([](const QJsonObject &m) { return type(m) == QLatin1String("started"); })
            .value(QLatin1String("sessionId"))
            .toString();
    }
    static QString type(const QJsonObject &m) { return m.value(QLatin1String("type")).toString(); }
    // The first message from `*from` on that matches, waiting for it; `*from` moves past it.
    QJsonObject waitFor(
        const std::function<bool(const QJsonObject &)> &match, qsizetype *from = nullptr, int timeoutMs = 30000)
    {
        qsizetype at = from ? *from : 0;
        for (;;) {
            for (; at < messages.size(); ++at) {
                if (match(messages.at(at))) {
                    if (from)
                        *from = at + 1;
                    return messages.at(at);
                }
            }
            QSignalSpy more(&socket, &QWebSocket::textMessageReceived);
            if (!more.wait(timeoutMs))
                return {};
        }
    }
    QJsonObject waitState(const QString &state, qsizetype *from = nullptr, int timeoutMs = 30000)
    {
        return waitFor(
            [state](const QJsonObject &m) {
                return type(m) == QLatin1String("state") && m.value(QLatin1String("state")).toString() == state;
            },
            from, timeoutMs);
    }
    // A final transcript line of `role` whose text contains `words`.
    QJsonObject waitSaid(const QString &role, const QString &words, qsizetype *from = nullptr, int timeoutMs = 30000)
    {
        return waitFor(
            [role, words](const QJsonObject &m) {
                return type(m) == QLatin1String("transcript") && m.value(QLatin1String("role")).toString() == role
                    && m.value(QLatin1String("final")).toBool()
                    && m.value(QLatin1String("text")).toString().contains(words);
            },
            from, timeoutMs);
    }
    void send(const QJsonObject &o) { socket.sendTextMessage(QString::fromUtf8(QJsonDocument(o).toJson())); }
    // Says the words as a page's worklet sends them: 100 ms a frame, with quiet around them.
    void say(const QString &words)
    {
        const QByteArray all = quiet(300) + spoken(words) + quiet(800);
        for (qsizetype at = 0; at < all.size(); at += 3200)
            socket.sendBinaryMessage(all.mid(at, 3200));
    }
    // The same at the pace a microphone gives them (a frame every 100 ms, from a timer).
    void sayPaced(const QString &words)
    {
        const QByteArray all = quiet(300) + spoken(words) + quiet(800);
        auto *pacer = new QTimer(&socket);
        auto at = std::make_shared<qsizetype>(0);
        QObject::connect(pacer, &QTimer::timeout, &socket, [this, pacer, all, at] {
            socket.sendBinaryMessage(all.mid(*at, 3200));
            *at += 3200;
            if (*at >= all.size())
                pacer->deleteLater();
        });
        pacer->start(100);
    }
    // Waits until at least `bytes` of audio came after `from`.
    bool waitAudio(qsizetype from, qsizetype bytes, int timeoutMs = 20000)
    {
        QSignalSpy more(&socket, &QWebSocket::binaryMessageReceived);
        while (audio.size() - from < bytes)
            if (!more.wait(timeoutMs))
                return false;
        return true;
    }
};

} // namespace tierdesk::test
