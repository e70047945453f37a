// ApiClient's knowledge base: articles, the passages the AI reads, the company's help-center
// sources and files made articles (ApiClient.cpp holds the rest of the client).
#include "ui/client/ApiClient.h"

#include <QHttpMultiPart>
#include <QMimeDatabase>
#include <QNetworkReply>

namespace tierdesk::ui {

QByteArray ApiClient::fileDisposition(const QString &fileName)
{
    QByteArray name = fileName.toUtf8();
    name.replace('\r', ' ').replace('\n', ' ').replace('\\', "\\\\").replace('"', "\\\"");
    return "form-data; name=\"file\"; filename=\"" + name + '"';
}

ApiReply *ApiClient::kbList(const QString &query, const QString &category, int limit)
{
    QUrlQuery q{{QStringLiteral("companyId"), m_companyId}, {QStringLiteral("limit"), QString::number(limit)}};
    if (!query.trimmed().isEmpty())
        q.addQueryItem(QStringLiteral("q"), query.trimmed());
    if (!category.isEmpty())
        q.addQueryItem(QStringLiteral("category"), category);
    return send("GET", QStringLiteral("/api/cs/kb"), {}, q);
}

ApiReply *ApiClient::kbArticle(qint64 id)
{
    return send("GET", QStringLiteral("/api/cs/kb/%1").arg(id));
}

ApiReply *ApiClient::kbSave(qint64 id, const QJsonObject &article)
{
    if (id > 0)
        return send("PUT", QStringLiteral("/api/cs/kb/%1").arg(id), article, {}, true);
    QJsonObject body = article;
    body.insert(QStringLiteral("companyId"), m_companyId);
    return send("POST", QStringLiteral("/api/cs/kb"), body, {}, true);
}

ApiReply *ApiClient::kbDelete(qint64 id)
{
    return send("DELETE", QStringLiteral("/api/cs/kb/%1").arg(id));
}

ApiReply *ApiClient::kbSearch(const QString &query, int limit)
{
    return send("GET", QStringLiteral("/api/cs/kb/search"), {},
        QUrlQuery{{QStringLiteral("companyId"), m_companyId}, {QStringLiteral("q"), query.trimmed()},
            {QStringLiteral("limit"), QString::number(limit)}});
}

ApiReply *ApiClient::kbGaps(int days)
{
    QUrlQuery q{{QStringLiteral("companyId"), m_companyId}};
    if (days > 0)
        q.addQueryItem(
            QStringLiteral("from"), QDateTime::currentDateTimeUtc().addDays(-days).toString(Qt::ISODateWithMs));
    return send("GET", QStringLiteral("/api/cs/kb/gaps"), {}, q);
}

ApiReply *ApiClient::kbGapDraft(const QString &id)
{
    return send("POST", QStringLiteral("/api/cs/kb/gaps/%1/draft").arg(id), {}, companyQuery());
}

ApiReply *ApiClient::kbGapDismiss(const QString &id)
{
    return send("POST", QStringLiteral("/api/cs/kb/gaps/%1/dismiss").arg(id), {}, companyQuery());
}

ApiReply *ApiClient::kbSources()
{
    return send("GET", QStringLiteral("/api/cs/kb/sources"), {}, companyQuery());
}

ApiReply *ApiClient::kbSource(qint64 id)
{
    return send("GET", QStringLiteral("/api/cs/kb/sources/%1").arg(id), {}, companyQuery());
}

ApiReply *ApiClient::kbAddSource(const QJsonObject &source)
{
    return send("POST", QStringLiteral("/api/cs/kb/sources"), source, companyQuery(), true);
}

ApiReply *ApiClient::kbSyncSource(qint64 id)
{
    return send("POST", QStringLiteral("/api/cs/kb/sources/%1/sync").arg(id), {}, companyQuery(), true);
}

ApiReply *ApiClient::kbDeleteSource(qint64 id)
{
    return send("DELETE", QStringLiteral("/api/cs/kb/sources/%1").arg(id), {}, companyQuery());
}

ApiReply *ApiClient::kbUploadFiles(const QList<KbFile> &files)
{
    auto *form = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    const QMimeDatabase mimes;
    for (const KbFile &f : files) {
        QHttpPart part;
        part.setRawHeader("Content-Disposition", fileDisposition(f.fileName));
        // The server reads the kind from the name and this type (text/markdown, application/pdf, ...).
        part.setRawHeader(
            "Content-Type", mimes.mimeTypeForFile(f.fileName, QMimeDatabase::MatchExtension).name().toLatin1());
        part.setBody(f.bytes);
        form->append(part);
    }
    // Up to 110 MB of PDFs read on the server: the import's longer wait.
    const QNetworkRequest req = prepare(QStringLiteral("/api/cs/kb/files"), companyQuery(), m_token, kImportTimeoutMs);
    QNetworkReply *reply = m_nam.post(req, form);
    form->setParent(reply); // the form's parts are read while the reply sends them
    return track(reply, m_token, true);
}

} // namespace tierdesk::ui
