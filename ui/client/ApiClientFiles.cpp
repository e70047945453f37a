// ApiClient's files of a web chat conversation (ApiClient.cpp holds the rest of the client).
#include "ui/client/ApiClient.h"

#include <QHttpMultiPart>
#include <QMimeDatabase>
#include <QNetworkReply>

namespace tierdesk::ui {
namespace {

QString sessionPath(const QString &sessionId)
{
    return QStringLiteral("/api/cs/sessions/%1/attachments")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(sessionId)));
}

} // namespace

QNetworkReply *ApiClient::sessionAttachment(const QString &sessionId, const QString &fileId)
{
    return download(sessionPath(sessionId) + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(fileId)));
}

ApiReply *ApiClient::sendAttachment(const QString &sessionId, const QString &fileName, const QByteArray &bytes)
{
    auto *form = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QHttpPart part;
    part.setRawHeader("Content-Disposition", fileDisposition(fileName));
    // The server reads the type from the bytes; this is what the name says.
    part.setRawHeader(
        "Content-Type", QMimeDatabase().mimeTypeForFile(fileName, QMimeDatabase::MatchExtension).name().toLatin1());
    part.setBody(bytes);
    form->append(part);
    const QNetworkRequest req = prepare(sessionPath(sessionId), {}, m_token, kImportTimeoutMs);
    QNetworkReply *reply = m_nam.post(req, form);
    form->setParent(reply); // the form's parts are read while the reply sends them
    return track(reply, m_token);
}

} // namespace tierdesk::ui
