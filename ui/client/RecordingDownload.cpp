#include "ui/client/RecordingDownload.h"

#include "ui/client/ApiClient.h"

#include <QDir>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QUrl>

namespace tierdesk::ui {

RecordingDownload::RecordingDownload(ApiClient &client, const QString &sessionId, QObject *parent)
    : QObject(parent), m_client(client), m_sessionId(sessionId)
{
}

RecordingDownload::~RecordingDownload()
{
    if (m_reply)
        m_reply->abort();
}

void RecordingDownload::start()
{
    m_file = std::make_unique<QTemporaryFile>(); // private (0600), removed with this object
    m_file->setFileTemplate(QDir::tempPath() + QStringLiteral("/tierdesk-recording-XXXXXX.wav"));
    if (!m_file->open()) {
        emit failed(tr("Cannot write a temporary file for the recording."));
        return;
    }
    requestPart();
}

void RecordingDownload::requestPart()
{
    const QByteArray range
        = "bytes=" + QByteArray::number(m_received) + '-' + QByteArray::number(m_received + kPartBytes - 1);
    m_reply = m_client.download(
        QStringLiteral("/api/cs/sessions/%1/recording").arg(QString::fromUtf8(QUrl::toPercentEncoding(m_sessionId))),
        {{"Range", range}});
    connect(m_reply, &QNetworkReply::finished, this, &RecordingDownload::onPart);
}

void RecordingDownload::onPart()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 404)
        return emit none();
    if (status != 200 && status != 206)
        return emit failed(status == 0 ? reply->errorString() : tr("The server answered %1.").arg(status));
    const QByteArray part = reply->readAll();
    if (m_file->write(part) != part.size())
        return emit failed(tr("Cannot write a temporary file for the recording."));
    m_received += part.size();
    if (status == 200) { // the whole file at once
        m_total = m_received;
    } else {
        static const QRegularExpression total(QStringLiteral("/(\\d+)$"));
        const QRegularExpressionMatch m = total.match(QString::fromLatin1(reply->rawHeader("Content-Range")));
        m_total = m.hasMatch() ? m.captured(1).toLongLong() : -1;
    }
    if (m_total < 0 || m_total > kMaxBytes || (part.isEmpty() && m_received < m_total))
        return emit failed(tr("The recording did not arrive whole."));
    if (m_received < m_total)
        return requestPart();
    m_file->flush();
    emit ready(m_file->fileName());
}

} // namespace tierdesk::ui
