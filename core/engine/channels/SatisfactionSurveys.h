#pragma once

#include "core/domain/Language.h"
#include "core/domain/Survey.h"
#include "core/engine/pipeline/EngineCore.h"
#include "core/engine/pipeline/SessionRatings.h"

#include <QStringList>

namespace tierdesk {

// How a customer who wrote by mail or text is asked how it went, once their session is resolved
// (docs/api.md, "Satisfaction surveys"): a mail with five signed links (GET /r/{token}, each usable
// once, for 14 days), or a text "Reply 1 to 5" whose answer within 24 hours is the rating and no new
// message. Asked at most once a session, on the channels the company's `ratings` switch on; the rating
// itself is SessionRatings', so every family's rule (once a session) holds. Engine thread.
class SatisfactionSurveys {
public:
    static constexpr qint64 kMailWindowMs = 14LL * 24 * 3600 * 1000;
    static constexpr qint64 kTextWindowMs = 24LL * 3600 * 1000;

    SatisfactionSurveys(EngineCore &core, SessionRatings &ratings) : m_core(core), m_ratings(ratings) { }

    // In the resolve's transaction: the survey of a session that came by mail or text, and its outbound
    // mail or text (the outbox sends it). False only when writing failed.
    static bool askAfterResolve(EngineCore &core, const Session &s, qint64 nowMs);

    // What a mail link did.
    enum class LinkOutcome { Recorded, AlreadyAnswered, Expired, Unknown };
    struct LinkAnswer {
        LinkOutcome outcome = LinkOutcome::Unknown;
        int rating = 0;
        Language language = Language::En; // the company's, for the page
    };
    LinkAnswer answerLink(const QString &token);
    // The comment of the page a link opened: kept when that link's rating is the survey's and none was given.
    LinkAnswer comment(const QString &token, const QString &comment);

    // A text from `peer`: true when it was the answer to their open survey (rated; no message). `rowId`
    // is the inbound text's row, marked stored with the rating.
    bool answerText(
        const QString &companyId, const QString &kind, const QString &peer, const QString &body, const QString &rowId);

    // The mail of a survey: its text with the five links under `base` (the server's public URL).
    static QString mailText(const Survey &survey, const QString &base, Language language);
    static QString textQuestion(Language language);
    static QString token(const Survey &survey, int rating);
    // The digit a customer's text is, if it is only a rating ("5", " 4. ", "3!"); 0 otherwise.
    static int ratingIn(const QString &text);

private:
    struct Parsed {
        std::optional<Survey> survey;
        int rating = 0;
    };
    Parsed parse(const QString &token);
    bool record(const Survey &survey, int rating, const std::function<bool()> &alongside);

    EngineCore &m_core;
    SessionRatings &m_ratings;
};

} // namespace tierdesk
