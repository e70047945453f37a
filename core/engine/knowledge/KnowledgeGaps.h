#pragma once

#include "core/common/Result.h"
#include "core/domain/KnowledgeGap.h"

#include <QObject>

#include <functional>

namespace tierdesk {

class AssistService;
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
    QString wordedBy = QStringLiteral("quotes"); // or "model": the company's model wrote `content`
    QString model{}; // the model that answered
    QStringList guardNotes{}; // why the model's words were refused (the quotes stay)
    QString modelError{}; // why the model gave no words (the quotes stay)
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

    // `assist` words drafts with the company's model (none: drafts quote).
    explicit KnowledgeGaps(EngineCore &core, AssistService *assist = nullptr) : m_core(core), m_assist(assist) { }

    // Records a turn's question (reason: one of gapreason's); a question without a word to
    // search for ("??", "ok") is none.
    Status record(const QString &companyId, const QString &sessionId, const QString &question, const QString &reason,
        qint64 nowMs);
    // The open gaps with questions asked in [fromMs, toMs], biggest first (their counts, examples
    // and last time are of that range; their ids of all the open questions).
    Result<QList<KnowledgeGap>> list(const QString &companyId, qint64 fromMs, qint64 toMs);
    using DraftDone = std::function<void(Result<GapDraft>)>;
    // A draft quoting the questions and the people's replies; with the company's model (and replies
    // to word it from), its words instead, unless the guard refuses them. `done` on this thread,
    // unless `context` is gone by then.
    void draft(const QString &companyId, const QString &gapId, QObject *context, DraftDone done);
    // Hides the group: its questions are closed (later ones like them form a new gap).
    Status dismiss(const QString &companyId, const QString &gapId, const Actor &actor);
    // After the company's articles changed: the gaps that its knowledge now answers are closed (of
    // the kMaxRechecked biggest; with `articleText`, the changed article's words, only those that
    // share a term with it are asked). Returns how many groups were.
    Result<int> recheck(const QString &companyId, const QString &articleText = {});

private:
    // The open groups with questions in [fromMs, toMs], the `limit` biggest (or only the one whose id
    // is `onlyId`), named by their questions' words.
    Result<QList<KnowledgeGap>> gather(
        const QString &companyId, qint64 fromMs, qint64 toMs, int limit, const QString &onlyId = {});
    Result<KnowledgeGap> find(const QString &companyId, const QString &gapId);
    bool answeredNow(const QString &companyId, const KnowledgeGap &gap);
    Result<GapDraft> quoted(const QString &companyId, const QString &gapId);

    EngineCore &m_core;
    AssistService *m_assist;
};

} // namespace tierdesk
