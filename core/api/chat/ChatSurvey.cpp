// A survey mail's links (docs/api.md, "Satisfaction surveys"): GET /r/{token} records the rating it
// names and answers a thank-you page with a form for a comment; POST /r/{token} (the form) keeps the
// comment. A link used before, expired or not ours records nothing and says so. Plain HTML, no script.
#include "core/api/chat/ChatApi.h"

#include <QUrlQuery>

namespace tierdesk::api {
namespace {

using Outcome = SatisfactionSurveys::LinkOutcome;

// Nothing runs on the page; its one form posts back here.
const QByteArray kPolicy
    = QByteArrayLiteral("default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");

struct Words {
    QString title, thanks, already, expired, unknown, commentLabel, send, commentThanks;
};

Words wordsOf(Language language)
{
    if (language == Language::De)
        return {QStringLiteral("Ihre Bewertung"), QStringLiteral("Danke! Sie haben uns mit %1 von 5 bewertet."),
            QStringLiteral("Diese Umfrage wurde bereits beantwortet. Danke!"),
            QStringLiteral("Dieser Link ist abgelaufen (er galt 14 Tage)."),
            QStringLiteral("Dieser Link ist ungültig."), QStringLiteral("Möchten Sie uns noch etwas sagen?"),
            QStringLiteral("Senden"), QStringLiteral("Danke für Ihren Kommentar.")};
    return {QStringLiteral("Your rating"), QStringLiteral("Thank you! You rated us %1 out of 5."),
        QStringLiteral("This survey has been answered already. Thank you!"),
        QStringLiteral("This link has expired (it worked for 14 days)."), QStringLiteral("This link is not valid."),
        QStringLiteral("Anything else you would like to tell us?"), QStringLiteral("Send"),
        QStringLiteral("Thank you for your comment.")};
}

http::HttpResponse page(int status, const QString &title, const QString &bodyHtml)
{
    http::HttpResponse r;
    r.status = status;
    r.contentType = QByteArrayLiteral("text/html; charset=utf-8");
    r.body = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                            "<title>%1</title></head><body><main><h1>%1</h1>%2</main></body></html>\n")
                 .arg(title.toHtmlEscaped(), bodyHtml)
                 .toUtf8();
    // The token is in the address: never sent on, never kept.
    r.withHeader("Content-Security-Policy", kPolicy)
        .withHeader("Cache-Control", "no-store")
        .withHeader("Referrer-Policy", "no-referrer");
    return r;
}

QString paragraph(const QString &text)
{
    return QStringLiteral("<p>%1</p>").arg(text.toHtmlEscaped());
}

} // namespace

void ChatApi::surveyLink(const http::HttpRequest &req, const http::HttpResponder &res)
{
    const QString token = req.pathParams.value(QStringLiteral("token"));
    const SatisfactionSurveys::LinkAnswer a = m_engine.surveys().answerLink(token);
    const Words w = wordsOf(a.language);
    switch (a.outcome) {
    case Outcome::Recorded: {
        const QString form
            = QStringLiteral("<form method=\"post\" action=\"%1\"><p><label for=\"comment\">%2</label>"
                             "</p><p><textarea id=\"comment\" name=\"comment\" rows=\"5\" cols=\"50\""
                             " maxlength=\"%3\"></textarea></p><p><button type=\"submit\">%4</button>"
                             "</p></form>")
                  .arg(QStringLiteral("/r/") + QString(token).toHtmlEscaped(), w.commentLabel.toHtmlEscaped())
                  .arg(SessionRating::kMaxCommentChars)
                  .arg(w.send.toHtmlEscaped());
        return res.send(page(200, w.title, paragraph(w.thanks.arg(a.rating)) + form));
    }
    case Outcome::AlreadyAnswered:
        return res.send(page(409, w.title, paragraph(w.already)));
    case Outcome::Expired:
        return res.send(page(410, w.title, paragraph(w.expired)));
    case Outcome::Unknown:
        break;
    }
    res.send(page(404, w.title, paragraph(w.unknown)));
}

void ChatApi::surveyComment(const http::HttpRequest &req, const http::HttpResponder &res)
{
    // A form's body: comment=<text>, '+' for a space.
    QByteArray body = req.body;
    body.replace('+', ' ');
    const QString comment
        = QUrlQuery(QString::fromUtf8(body)).queryItemValue(QStringLiteral("comment"), QUrl::FullyDecoded);
    const SatisfactionSurveys::LinkAnswer a
        = m_engine.surveys().comment(req.pathParams.value(QStringLiteral("token")), comment);
    const Words w = wordsOf(a.language);
    switch (a.outcome) {
    case Outcome::Recorded:
    case Outcome::AlreadyAnswered: // none given, or one was kept already: nothing to add
        return res.send(page(200, w.title, paragraph(w.commentThanks)));
    case Outcome::Expired:
        return res.send(page(410, w.title, paragraph(w.expired)));
    case Outcome::Unknown:
        break;
    }
    res.send(page(404, w.title, paragraph(w.unknown)));
}

} // namespace tierdesk::api
