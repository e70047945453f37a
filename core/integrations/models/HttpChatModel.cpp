#include "core/integrations/models/HttpChatModel.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QThread>

namespace tierdesk {

namespace {

constexpr int kMaxErrorChars = 300;

// What a provider said about its own failure, as one printable line.
QString printable(QString text)
{
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control || c.isSurrogate())
            c = QLatin1Char(' ');
    }
    return text.simplified().left(kMaxErrorChars);
}

} // namespace

HttpChatModel::HttpChatModel(providers::Endpoint endpoint, std::shared_ptr<OutboundHttp> http)
    : m_endpoint(std::move(endpoint)), m_http(std::move(http))
{
}

Result<ChatCompletion> HttpChatModel::complete(const ChatRequest &request, QDeadlineTimer deadline)
{
    QElapsedTimer took;
    took.start();
    int retryAfterSecs = -1;
    Result<ChatCompletion> done = attempt(request, deadline, &retryAfterSecs);
    const bool rateLimited = !done && done.error().kind == ErrorKind::LimitExceeded;
    // Retry once, and only when the wait ends with time to spare for the answer.
    if (rateLimited && retryAfterSecs >= 0 && retryAfterSecs * 1000LL < deadline.remainingTime()) {
        QThread::msleep(static_cast<unsigned long>(retryAfterSecs) * 1000UL); // a worker thread, never the engine's
        done = attempt(request, deadline, &retryAfterSecs);
    }
    if (done)
        done->latencyMs = took.elapsed();
    return done;
}

Result<ChatCompletion> HttpChatModel::attempt(
    const ChatRequest &request, QDeadlineTimer deadline, int *retryAfterSecs) const
{
    const qint64 remaining = deadline.remainingTime();
    if (remaining == 0)
        return makeError(ErrorKind::Unavailable, ErrorDetail::AiTimedOut, QStringLiteral("no time left to ask"));
    OutboundRequest r = providers::request(m_endpoint, request);
    r.timeoutMs = remaining < 0 ? 60000 : static_cast<int>(qMin<qint64>(remaining, 600000));
    r.keepResponseBytes = providers::kMaxAnswerBytes;
    const OutboundResult answer = m_http->post(r);
    *retryAfterSecs = answer.retryAfterSecs;
    if (!answer.ok())
        return failure(answer);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(answer.body, &parseError);
    if (!doc.isObject())
        return providers::malformed(QStringLiteral("not a JSON object"));
    Result<ChatCompletion> done = providers::answer(m_endpoint.kind, doc.object());
    if (done && done->text.trimmed().isEmpty())
        return providers::malformed(QStringLiteral("no text"));
    if (done && done->model.isEmpty())
        done->model = request.model;
    return done;
}

Error HttpChatModel::failure(const OutboundResult &answer) const
{
    if (answer.timedOut)
        return makeError(ErrorKind::Unavailable, ErrorDetail::AiTimedOut, QStringLiteral("no answer in time"));
    if (answer.status == 0)
        return makeError(ErrorKind::Unavailable, ErrorDetail::AiFailed, printable(answer.error));
    QString said = printable(providers::errorMessage(m_endpoint.kind, QJsonDocument::fromJson(answer.body).object()));
    if (!m_endpoint.apiKey.isEmpty()) // some providers quote the key they refused
        said.replace(QString::fromUtf8(m_endpoint.apiKey), QStringLiteral("[key]"));
    const QString message
        = QStringLiteral("HTTP %1%2").arg(answer.status).arg(said.isEmpty() ? QString() : QStringLiteral(": ") + said);
    if (answer.status == 429) {
        QJsonObject details;
        if (answer.retryAfterSecs >= 0)
            details.insert(QStringLiteral("retryAfter"), answer.retryAfterSecs);
        return makeError(ErrorKind::LimitExceeded, ErrorDetail::AiFailed, message, details);
    }
    return makeError(ErrorKind::Unavailable, ErrorDetail::AiFailed, message);
}

} // namespace tierdesk
