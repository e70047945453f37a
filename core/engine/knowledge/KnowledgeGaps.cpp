#include "core/engine/knowledge/KnowledgeGaps.h"

#include "core/common/Ids.h"
#include "core/engine/knowledge/GapClusters.h"
#include "core/engine/pipeline/EngineCore.h"
#include "core/engine/reply/KbPassage.h"
#include "core/nlu/text/SearchTerms.h"
#include "core/nlu/text/StopWords.h"
#include "core/nlu/text/Tokenizer.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <limits>

namespace tierdesk {
namespace {

// A question's wording without case and punctuation: "Do you ship to Canada?" is "do you ship to canada".
QString normalised(const QString &question)
{
    return nlu::Tokenizer::plainWords(question, nlu::Tokenizer::Underscore::Separates).join(QLatin1Char(' '));
}

// The questions as read, with each one's wording worked out once (normalised()).
struct Asked {
    const QList<GapQuestion> &questions;
    std::vector<QString> wordings;

    explicit Asked(const QList<GapQuestion> &q) : questions(q), wordings(size_t(q.size())) { }
    const QString &wording(int i)
    {
        QString &w = wordings[size_t(i)];
        if (w.isEmpty())
            w = normalised(questions.at(i).question);
        return w;
    }
};

// The question asked most often in the same words, else the first.
QString labelOf(const QList<int> &members, Asked &asked)
{
    QHash<QString, int> counts;
    QHash<QString, int> first;
    int best = members.first();
    int bestCount = 0;
    for (int i : members) {
        const QString &words = asked.wording(i);
        const int n = ++counts[words];
        if (n == 1)
            first.insert(words, i);
        if (n > bestCount) {
            bestCount = n;
            best = first.value(words);
        }
    }
    return asked.questions.at(best).question.simplified();
}

// The group's figures over the questions asked in [from, to]; its id and label over all of them.
KnowledgeGap summarise(const QList<int> &members, Asked &asked, qint64 from, qint64 to)
{
    KnowledgeGap gap;
    gap.id = asked.questions.at(members.first()).id;
    gap.label = labelOf(members, asked);
    QSet<QString> sessions;
    QSet<QString> escalated;
    QSet<QString> resolved;
    QSet<QString> examples;
    for (auto it = members.crbegin(); it != members.crend(); ++it) { // the latest first
        const GapQuestion &q = asked.questions.at(*it);
        if (q.askedAt < from || q.askedAt > to)
            continue;
        ++gap.questions;
        gap.lastSeenAt = std::max(gap.lastSeenAt, q.askedAt);
        gap.questionIds << q.id;
        if (!sessions.contains(q.sessionId)) {
            sessions.insert(q.sessionId);
            gap.sessionIds << q.sessionId;
        }
        if (q.escalated)
            escalated.insert(q.sessionId);
        if (q.resolvedByPeople)
            resolved.insert(q.sessionId);
        if (gap.examples.size() < KnowledgeGap::kMaxExamples) {
            const QString &words = asked.wording(*it);
            if (!examples.contains(words)) {
                examples.insert(words);
                gap.examples << q.question.simplified();
            }
        }
    }
    gap.sessions = int(sessions.size());
    gap.escalated = int(escalated.size());
    gap.resolvedByPeople = int(resolved.size());
    return gap;
}

bool biggerFirst(const KnowledgeGap &a, const KnowledgeGap &b)
{
    if (a.questions != b.questions)
        return a.questions > b.questions;
    if (a.lastSeenAt != b.lastSeenAt)
        return a.lastSeenAt > b.lastSeenAt;
    return a.id < b.id;
}

// The words of a question that name something: no search noise, no function words.
QStringList namingWords(const QString &question)
{
    QStringList out;
    for (const QString &w : nlu::Tokenizer::plainWords(question, nlu::Tokenizer::Underscore::Separates))
        if (!nlu::StopWords::isSearchNoise(w) && !nlu::StopWords::isFunctionWord(w))
            out << w;
    return out;
}

// A question's terms for grouping (GapClusters): its naming words' stems, each once.
QStringList termsOf(const QString &question)
{
    QStringList out;
    for (const QString &w : namingWords(question))
        if (const QString term = nlu::SearchTerms::stem(w); !out.contains(term))
            out << term;
    return out.mid(0, nlu::SearchTerms::kMaxQueryTerms);
}

// The words the questions name most, as an article's keywords.
QStringList keywordsOf(const QStringList &questions)
{
    QHash<QString, int> counts;
    QStringList order;
    for (const QString &q : questions)
        for (const QString &w : namingWords(q)) {
            if (!counts.contains(w))
                order << w;
            ++counts[w];
        }
    std::stable_sort(order.begin(), order.end(),
        [&](const QString &a, const QString &b) { return counts.value(a) > counts.value(b); });
    return order.mid(0, 5);
}

QString titleOf(const QString &label)
{
    QString title = label.left(KnowledgeGaps::kMaxQuestionChars).trimmed();
    if (!title.isEmpty())
        title[0] = title.at(0).toUpper();
    return title.left(200);
}

// Without a model: what was asked and what people answered, quoted for the admin to reword.
QString quotedContent(const QStringList &questions, const QStringList &replies)
{
    QStringList lines{QStringLiteral("Customers asked:")};
    for (const QString &q : questions)
        lines << QStringLiteral("- ") + q;
    if (!replies.isEmpty()) {
        lines << QString() << QStringLiteral("Our team answered:");
        for (const QString &r : replies)
            lines << QStringLiteral("> ") + r.simplified();
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

Status KnowledgeGaps::record(
    const QString &companyId, const QString &sessionId, const QString &question, const QString &reason, qint64 nowMs)
{
    const QString asked = question.trimmed().left(kMaxQuestionChars);
    const QStringList terms = termsOf(asked);
    if (terms.isEmpty())
        return Ok{};
    const GapQuestion q{ids::random(QStringLiteral("kbq_")), sessionId, asked, reason, nowMs, false, false};
    return m_core.store().kbGaps().record(companyId, q, terms);
}

Result<QList<KnowledgeGap>> KnowledgeGaps::groups(const QString &companyId, QList<GapQuestion> *asked)
{
    QList<QStringList> terms;
    auto open = m_core.store().kbGaps().open(companyId, &terms);
    if (!open)
        return open.error();
    *asked = std::move(*open);
    Asked wordings(*asked);
    QList<KnowledgeGap> out;
    for (const QList<int> &members : GapClusters::group(terms))
        out << summarise(members, wordings, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max());
    std::sort(out.begin(), out.end(), biggerFirst);
    return out;
}

Result<QList<KnowledgeGap>> KnowledgeGaps::list(const QString &companyId, qint64 fromMs, qint64 toMs)
{
    QList<QStringList> terms;
    auto open = m_core.store().kbGaps().open(companyId, &terms);
    if (!open)
        return open.error();
    Asked wordings(*open);
    QList<KnowledgeGap> out;
    for (const QList<int> &members : GapClusters::group(terms))
        if (KnowledgeGap gap = summarise(members, wordings, fromMs, toMs); gap.questions > 0)
            out << std::move(gap);
    std::sort(out.begin(), out.end(), biggerFirst);
    return out.mid(0, kMaxListed);
}

Result<KnowledgeGap> KnowledgeGaps::find(const QString &companyId, const QString &gapId)
{
    QList<GapQuestion> asked;
    auto all = groups(companyId, &asked);
    if (!all)
        return all.error();
    for (const KnowledgeGap &gap : *all)
        if (gap.id == gapId)
            return gap;
    return makeError(
        ErrorKind::NotFound, QStringLiteral("No open knowledge gap has this id"), {{QStringLiteral("gapId"), gapId}});
}

Result<GapDraft> KnowledgeGaps::draft(const QString &companyId, const QString &gapId)
{
    const auto gap = find(companyId, gapId);
    if (!gap)
        return gap.error();
    auto replies = m_core.store().kbGaps().peopleReplies(companyId, gap->sessionIds, kMaxQuotedReplies);
    if (!replies)
        return replies.error();
    GapDraft d{gap->id, titleOf(gap->label), toString(IssueCategory::GeneralInquiry), {}, keywordsOf(gap->examples),
        gap->examples, *replies};
    d.content = quotedContent(d.questions, d.replies);
    return d;
}

Status KnowledgeGaps::dismiss(const QString &companyId, const QString &gapId, const Actor &actor)
{
    const auto gap = find(companyId, gapId);
    if (!gap)
        return gap.error();
    Store &store = m_core.store();
    return store.batch().run([&]() -> Status {
        if (const Status closed
            = store.kbGaps().close(companyId, gap->questionIds, QStringLiteral("dismissed"), m_core.clock().nowMs());
            !closed)
            return closed;
        return m_core.record(companyId, actor, QStringLiteral("kb.gap.dismiss"), QStringLiteral("kb_gap:") + gapId,
            AuditOutcome::Done, {{QStringLiteral("label"), gap->label}, {QStringLiteral("questions"), gap->questions}});
    });
}

bool KnowledgeGaps::answeredNow(const QString &companyId, const KnowledgeGap &gap)
{
    int answered = 0;
    for (const QString &q : gap.examples)
        if (knowledgeAnswers(m_core.store().kb().search(companyId, searchWords(q), 4), q))
            ++answered;
    return answered > 0 && answered * 2 >= gap.examples.size();
}

Result<int> KnowledgeGaps::recheck(const QString &companyId)
{
    QList<GapQuestion> asked;
    auto all = groups(companyId, &asked);
    if (!all)
        return all.error();
    QStringList closing;
    int closed = 0;
    for (const KnowledgeGap &gap : all->mid(0, kMaxRechecked))
        if (answeredNow(companyId, gap)) {
            closing += gap.questionIds;
            ++closed;
        }
    if (closing.isEmpty())
        return 0;
    Store &store = m_core.store();
    if (const Status done = store.batch().run([&]() -> Status {
            return store.kbGaps().close(companyId, closing, QStringLiteral("answered"), m_core.clock().nowMs());
        });
        !done)
        return done.error();
    return closed;
}

} // namespace tierdesk
