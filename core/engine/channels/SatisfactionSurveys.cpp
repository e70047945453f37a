#include "core/engine/channels/SatisfactionSurveys.h"

#include "core/common/Ids.h"
#include "core/common/Validation.h"
#include "core/engine/channels/ChannelOutbox.h"
#include "core/integrations/WebhookSigner.h"

#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>

namespace tierdesk {
namespace {

Q_LOGGING_CATEGORY(lcSurveys, "tierdesk.surveys")

constexpr int kSignatureChars = 22; // 128 bits of the HMAC, base64url

QByteArray signature(const QByteArray &secret, const QString &id, int rating)
{
    const QByteArray signedText = id.toUtf8() + '.' + QByteArray::number(rating);
    return QMessageAuthenticationCode::hash(signedText, secret, QCryptographicHash::Sha256)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
        .left(kSignatureChars);
}

} // namespace

bool SatisfactionSurveys::askAfterResolve(EngineCore &core, const Session &s, qint64 nowMs)
{
    Store &store = core.store();
    const std::optional<ChannelThread> thread = store.channels().thread(s.id);
    if (!thread || (thread->kind != QLatin1String("email") && !isTextChannel(thread->kind)))
        return true; // a web chat asks in its own page; a call on the line
    const Result<Company> company = core.company(s.companyId);
    if (!company || !company->config.ratings.asks(thread->kind) || store.surveys().existsFor(s.id)
        || store.ratings().find(s.id))
        return true;
    Survey survey{ids::random(QStringLiteral("srv_")), s.companyId, s.id, thread->kind, thread->peer,
        ids::randomHex(32), nowMs, nowMs + (isTextChannel(thread->kind) ? kTextWindowMs : kMailWindowMs), 0, 0};
    ChannelMessageRow row;
    row.id = ids::random(QStringLiteral("chm_"));
    row.companyId = s.companyId;
    row.sessionId = s.id;
    row.direction = QStringLiteral("out");
    row.kind = thread->kind;
    row.peer = thread->peer;
    row.status = QStringLiteral("pending");
    row.createdAt = row.updatedAt = nowMs;
    // The mail's text (its links) is written when it is sent, under the server's address then.
    row.detail = {{QStringLiteral("automatic"), true}, {QStringLiteral("survey"), survey.id}};
    if (isTextChannel(thread->kind))
        row.detail.insert(QStringLiteral("text"), textQuestion(company->config.language));
    else
        row.externalId = ChannelOutbox::newMessageId(*thread);
    return store.surveys().insert(survey) && store.channels().insertMessage(row);
}

QString SatisfactionSurveys::token(const Survey &survey, int rating)
{
    return QStringLiteral("%1.%2.%3")
        .arg(survey.id)
        .arg(rating)
        .arg(QString::fromLatin1(signature(survey.secret, survey.id, rating)));
}

SatisfactionSurveys::Parsed SatisfactionSurveys::parse(const QString &token)
{
    const QStringList parts = token.split(QLatin1Char('.'));
    if (parts.size() != 3 || parts.at(0).size() > 64)
        return {};
    bool numeric = false;
    const int rating = parts.at(1).toInt(&numeric);
    if (!numeric || rating < SessionRating::kMinRating || rating > SessionRating::kMaxRating)
        return {};
    std::optional<Survey> survey = m_core.store().surveys().find(parts.at(0));
    if (!survey || survey->kind != QLatin1String("email")
        || !constantTimeEquals(signature(survey->secret, survey->id, rating), parts.at(2).toLatin1()))
        return {};
    return {survey, rating};
}

bool SatisfactionSurveys::record(const Survey &survey, int rating, const std::function<bool()> &alongside)
{
    const Result<Session> session = m_core.openSession(survey.companyId, survey.sessionId, false, QString());
    if (!session)
        return false;
    // The customer answers: their own session, as a client acting for them would.
    const Actor customer(QStringLiteral("survey:") + survey.id, QStringLiteral("client"), QString(),
        session->customerId.isEmpty() ? QStringLiteral("-") : session->customerId);
    const qint64 now = m_core.clock().nowMs();
    const auto rated = m_ratings.rate(survey.companyId, survey.sessionId, {rating, QString()}, customer, [&] {
        const Result<bool> first = m_core.store().surveys().answer(survey.id, rating, now);
        return first && *first && (!alongside || alongside());
    });
    if (!rated)
        qCInfo(lcSurveys, "survey %s not recorded: %s", qPrintable(survey.id), qPrintable(rated.error().message));
    return bool(rated);
}

SatisfactionSurveys::LinkAnswer SatisfactionSurveys::answerLink(const QString &token)
{
    const Parsed p = parse(token);
    if (!p.survey)
        return {};
    const Result<Company> company = m_core.company(p.survey->companyId);
    LinkAnswer out{LinkOutcome::Unknown, p.rating, company ? company->config.language : Language::En};
    if (p.survey->answeredAt > 0)
        out.outcome = LinkOutcome::AlreadyAnswered;
    else if (m_core.clock().nowMs() > p.survey->expiresAt)
        out.outcome = LinkOutcome::Expired;
    else
        out.outcome = record(*p.survey, p.rating, {}) ? LinkOutcome::Recorded : LinkOutcome::AlreadyAnswered;
    return out;
}

SatisfactionSurveys::LinkAnswer SatisfactionSurveys::comment(const QString &token, const QString &comment)
{
    const Parsed p = parse(token);
    if (!p.survey)
        return {};
    const Result<Company> company = m_core.company(p.survey->companyId);
    LinkAnswer out{LinkOutcome::Expired, p.rating, company ? company->config.language : Language::En};
    // Only the page of the link that rated, while the survey runs.
    if (p.survey->rating != p.rating || m_core.clock().nowMs() > p.survey->expiresAt)
        return out;
    const QString text = comment.trimmed().left(SessionRating::kMaxCommentChars);
    if (text.isEmpty() || textFault(text, TextLines::Many))
        return {LinkOutcome::AlreadyAnswered, p.rating, out.language};
    Result<bool> added = false;
    m_core.store().batch().run([&] {
        added = m_core.store().ratings().addComment(p.survey->sessionId, text);
        return bool(added);
    });
    out.outcome = added && *added ? LinkOutcome::Recorded : LinkOutcome::AlreadyAnswered;
    return out;
}

int SatisfactionSurveys::ratingIn(const QString &text)
{
    static const QRegularExpression digit(QStringLiteral("^\\s*([1-5])\\s*[.!]?\\s*$"));
    const QRegularExpressionMatch m = digit.match(text);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

bool SatisfactionSurveys::answerText(
    const QString &companyId, const QString &kind, const QString &peer, const QString &body, const QString &rowId)
{
    const int rating = ratingIn(body);
    if (rating == 0)
        return false;
    const qint64 now = m_core.clock().nowMs();
    const std::optional<Survey> open
        = m_core.store().surveys().openFor(companyId, kind, peer, now - kTextWindowMs, now);
    if (!open)
        return false; // after the window, a digit is a message like any other
    return record(*open, rating, [&] {
        std::optional<ChannelMessageRow> row = m_core.store().channels().message(rowId);
        if (!row)
            return true;
        row->status = QStringLiteral("stored");
        row->sessionId = open->sessionId;
        row->detail.insert(QStringLiteral("survey"), open->id);
        row->updatedAt = now;
        return bool(m_core.store().channels().updateMessage(*row));
    });
}

QString SatisfactionSurveys::textQuestion(Language language)
{
    return language == Language::De
        ? QStringLiteral("Wie zufrieden waren Sie mit uns? Antworten Sie mit 1 bis 5 (5 ist am besten).")
        : QStringLiteral("How did we do? Reply 1 to 5 (5 is best).");
}

QString SatisfactionSurveys::mailText(const Survey &survey, const QString &base, Language language)
{
    const bool de = language == Language::De;
    QStringList lines{de ? QStringLiteral("Wie zufrieden waren Sie mit uns? Bitte wählen Sie (5 ist am besten):")
                         : QStringLiteral("How did we do? Please choose a rating (5 is best):"),
        QString()};
    for (int rating = SessionRating::kMaxRating; rating >= SessionRating::kMinRating; --rating)
        lines << QStringLiteral("%1: %2/r/%3").arg(rating).arg(base, token(survey, rating));
    lines << QString()
          << (de ? QStringLiteral("Jeder Link zählt einmal und gilt 14 Tage.")
                 : QStringLiteral("Each link counts once and works for 14 days."));
    return lines.join(QLatin1Char('\n'));
}

} // namespace tierdesk
