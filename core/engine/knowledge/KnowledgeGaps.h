#pragma once

#include "core/common/Result.h"
#include "core/domain/KnowledgeGap.h"

namespace tierdesk {

class EngineCore;
struct Actor;

// An article a person may write for a gap: its title and words from the questions and from what
// people at the desk answered them (edited, then saved as an article by an admin).
struct GapDraft {
    QString gapId;
    QString title;
    QString category;
    QString content;
    QStringList keywords;
    QStringList questions; // what customers asked
    QStringList replies; // what people answered
};

// What customers asked that the company's knowledge did not answer (GET /api/cs/kb/gaps): each
// such turn's question recorded, similar ones grouped (GapClusters), a group drafted as an
// article, dismissed, or closed once the company's articles answer it.
class KnowledgeGaps {
public:
    static constexpr int kMaxQuestionChars = 500;
    static constexpr int kMaxListed = 100; // groups in one answer, the biggest
    static constexpr int kMaxGrouped = 200000; // the latest open questions grouped (older ones wait)
    static constexpr int kMaxRechecked = 200; // groups asked again after an article changed
    static constexpr int kMaxQuotedReplies = 5;

    explicit KnowledgeGaps(EngineCore &core) : m_core(core) { }

    // Records a turn's question (reason: one of gapreason's); a question without a word to
    // search for ("??", "ok") is none.
    Status record(const QString &companyId, const QString &sessionId, const QString &question, const QString &reason,
        qint64 nowMs);
    // The open gaps with questions asked in [fromMs, toMs], biggest first (their counts, examples
    // and last time are of that range; their ids of all the open questions).
    Result<QList<KnowledgeGap>> list(const QString &companyId, qint64 fromMs, qint64 toMs);
    Result<GapDraft> draft(const QString &companyId, const QString &gapId);
    // Hides the group: its questions are closed (later ones like them form a new gap).
    Status dismiss(const QString &companyId, const QString &gapId, const Actor &actor);
    // After the company's articles changed: the gaps that its knowledge now answers are closed.
    // Returns how many groups were.
    Result<int> recheck(const QString &companyId);

private:
    // The open groups with questions in [fromMs, toMs], the `limit` biggest (or only the one whose id
    // is `onlyId`), named by their questions' words.
    Result<QList<KnowledgeGap>> gather(
        const QString &companyId, qint64 fromMs, qint64 toMs, int limit, const QString &onlyId = {});
    Result<KnowledgeGap> find(const QString &companyId, const QString &gapId);
    bool answeredNow(const QString &companyId, const KnowledgeGap &gap);

    EngineCore &m_core;
};

} // namespace tierdesk
