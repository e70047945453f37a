#pragma once

#include <QString>
#include <QStringList>

namespace tierdesk {

// A customer's question the AI could not answer from its company's knowledge, as recorded with
// the turn: why (gapreason's names), and how its session went since (read with it). Listed, its
// words (`question`) and `reason` are left out: they are read for the questions that name a group.
struct GapQuestion {
    QString id;
    QString sessionId;
    QString question;
    QString reason;
    qint64 askedAt = 0;
    bool escalated = false; // the session went to a person
    bool resolvedByPeople = false; // and a person's reply resolved it
    QString terms{}; // the stems it is grouped by, sorted, space-separated (GapClusters)
};

// Why a turn is a gap in the knowledge.
namespace gapreason {
inline constexpr char kNoPassage[] = "no_passage"; // nothing of the company's knowledge was found
inline constexpr char kNotKnown[] = "not_known"; // found, but none of it answers: "I don't know"
inline constexpr char kLowConfidence[] = "low_confidence"; // the AI could not tell what was asked
inline constexpr char kEscalated[] = "escalated"; // handed on as too complex or beyond the AI
} // namespace gapreason

// Similar questions grouped (GapClusters): one thing customers ask that no article answers.
struct KnowledgeGap {
    QString id; // the id of its first question, kept as later ones join it
    QString label; // the question asked most often in these words, else the first
    int questions = 0;
    int sessions = 0;
    qint64 lastSeenAt = 0;
    QStringList examples; // up to kMaxExamples different questions, the latest first
    int escalated = 0; // sessions
    int resolvedByPeople = 0; // sessions
    QString terms; // its first question's (GapClusters): which articles may answer it
    QStringList questionIds; // every question of the group (dismissal, closing)
    QStringList sessionIds;

    static constexpr int kMaxExamples = 5;
};

} // namespace tierdesk
