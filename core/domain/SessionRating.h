#pragma once

#include <QString>

namespace tierdesk {

// A customer's rating of a resolved session (1 to 5, with an optional comment):
// one per session, kept in session_ratings (migration 16).
struct SessionRating {
    static constexpr int kMinRating = 1;
    static constexpr int kMaxRating = 5;
    static constexpr int kMaxCommentChars = 1000;
    // Ratings at or below this notify the company's supervisors (satisfaction.low).
    static constexpr int kLowRating = 2;

    QString sessionId;
    QString companyId;
    int rating = 0;
    QString comment;
    qint64 ratedAt = 0;
    // The person who held the session when it was resolved; empty when the AI ended it.
    QString agentId;
    QString agentName;
    QString tier; // the session's tier when it was rated
    QString channel;
    QString ratedBy; // the subject of who gave it: the customer's client, an admin

    bool isLow() const { return rating <= kLowRating; }
};

// The ratings of the people's desk, per agent.
struct AgentSatisfaction {
    QString agentId;
    QString agentName;
    qint64 ratings = 0;
    double customerSatisfactionAvg = 0; // one decimal
};

} // namespace tierdesk
