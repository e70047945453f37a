#pragma once

#include <QObject>
#include <QPointer>
#include <QTemporaryFile>

#include <memory>

class QNetworkReply;

namespace tierdesk::ui {

class ApiClient;

// Fetches a session's call recording (GET /api/cs/sessions/:id/recording) into a private temporary
// file, kPartBytes at a time with Range requests (the server answers at most 8 MiB a request), so
// the console never holds a long call in memory and works against a remote server (--server URL).
// Emits exactly one of ready, none or failed.
class RecordingDownload : public QObject {
    Q_OBJECT

public:
    static constexpr qint64 kPartBytes = 4LL << 20;
    static constexpr qint64 kMaxBytes = 2LL << 30; // a WAV is never larger

    RecordingDownload(ApiClient &client, const QString &sessionId, QObject *parent = nullptr);
    ~RecordingDownload() override;

    void start();
    // The file once ready (removed with this object).
    QString fileName() const { return m_file ? m_file->fileName() : QString(); }
    qint64 bytes() const { return m_received; }

signals:
    void ready(const QString &fileName);
    void none(); // the session has no recording (404)
    void failed(const QString &why);

private:
    void requestPart();
    void onPart();

    ApiClient &m_client;
    QString m_sessionId;
    std::unique_ptr<QTemporaryFile> m_file;
    QPointer<QNetworkReply> m_reply;
    qint64 m_received = 0;
    qint64 m_total = -1; // from Content-Range; -1 until known
};

} // namespace tierdesk::ui
