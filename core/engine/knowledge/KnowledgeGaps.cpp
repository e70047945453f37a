#include "core/engine/knowledge/KnowledgeGaps.h"

#include "core/common/Ids.h"
#include "core/engine/knowledge/GapClusters.h"
#include "core/engine/pipeline/EngineCore.h"
#include "core/engine/reply/AssistService.h"
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

// A group worked out: its figures, and which questions name it (their words are read after).
struct Summary {
    KnowledgeGap gap;
    int label = -1;
    QList<int> examples;
};

// The group's figures over the questions asked in [from, to]; its id and label over all of them.
// Two questions are worded alike when their terms are the same ("Do you ship to Canada?", "do you
// ship to canada"): the label is the wording asked most often (its first question), the examples
// different wordings, the latest first.
Summary summarise(const QList<int> &members, const QList<GapQuestion> &asked, qint64 from, qint64 to)
{
    Summary out;
    KnowledgeGap &gap = out.gap;
    gap.id = asked.at(members.first()).id;
    gap.terms = asked.at(members.first()).terms;
    QHash<QString, int> counts;
    QHash<QString, int> first;
    int bestCount = 0;
    for (int i : members) {
        const QString &wording = asked.at(i).terms;
        const int n = ++counts[wording];
        if (n == 1)
            first.insert(wording, i);
        if (n > bestCount) {
            bestCount = n;
            out.label = first.value(wording);
        }
    }
    QSet<QString> sessions;
    QSet<QString> escalated;
    QSet<QString> resolved;
    QSet<QString> wordings;
    for (auto it = members.crbegin(); it != members.crend(); ++it) { // the latest first
        const GapQuestion &q = asked.at(*it);
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
        if (out.examples.size() < KnowledgeGap::kMaxExamples && !wordings.contains(q.terms)) {
            wordings.insert(q.terms);
            out.examples << *it;
        }
    }
    gap.sessions = int(sessions.size());
    gap.escalated = int(escalated.size());
    gap.resolvedByPeople = int(resolved.size());
    return out;
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
    QStringList terms = termsOf(asked);
    if (terms.isEmpty())
        return Ok{};
    terms.sort(); // a set: two wordings with the same terms are one (summarise)
    const GapQuestion q{ids::random(QStringLiteral("kbq_")), sessionId, asked, reason, nowMs, false, false,
        terms.join(QLatin1Char(' '))};
    return m_core.store().kbGaps().record(companyId, q);
}

Result<QList<KnowledgeGap>> KnowledgeGaps::gather(
    const QString &companyId, qint64 fromMs, qint64 toMs, int limit, const QString &onlyId)
{
    const auto open = m_core.store().kbGaps().open(companyId, kMaxGrouped);
    if (!open)
        return open.error();
    const QList<GapQuestion> &asked = *open;
    QList<QStringList> terms;
    terms.reserve(asked.size());
    for (const GapQuestion &q : asked)
        terms << q.terms.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QList<Summary> found;
    for (const QList<int> &members : GapClusters::group(terms)) {
        if (!onlyId.isEmpty() && asked.at(members.first()).id != onlyId)
            continue;
        if (Summary s = summarise(members, asked, fromMs, toMs); s.gap.questions > 0)
            found << std::move(s);
    }
    std::sort(found.begin(), found.end(), [](const Summary &a, const Summary &b) { return biggerFirst(a.gap, b.gap); });
    found = found.mid(0, limit);
    // The words of the questions that name the groups, read for them alone.
    QStringList naming;
    for (const Summary &s : std::as_const(found)) {
        naming << asked.at(s.label).id;
        for (int i : s.examples)
            naming << asked.at(i).id;
    }
    const auto words = m_core.store().kbGaps().questions(companyId, naming);
    if (!words)
        return words.error();
    QList<KnowledgeGap> out;
    for (Summary &s : found) {
        s.gap.label = words->value(asked.at(s.label).id).simplified();
        for (int i : std::as_const(s.examples))
            s.gap.examples << words->value(asked.at(i).id).simplified();
        out << std::move(s.gap);
    }
    return out;
}

Result<QList<KnowledgeGap>> KnowledgeGaps::list(const QString &companyId, qint64 fromMs, qint64 toMs)
{
    return gather(companyId, fromMs, toMs, kMaxListed);
}

Result<KnowledgeGap> KnowledgeGaps::find(const QString &companyId, const QString &gapId)
{
    const auto found
        = gather(companyId, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(), 1, gapId);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return makeError(ErrorKind::NotFound, QStringLiteral("No open knowledge gap has this id"),
            {{QStringLiteral("gapId"), gapId}});
    return found->first();
}

void KnowledgeGaps::draft(const QString &companyId, const QString &gapId, QObject *context, DraftDone done)
{
    Result<GapDraft> quotes = quoted(companyId, gapId);
    if (!quotes)
        return done(quotes.error());
    const Result<Company> company = m_core.company(companyId);
    // Without the people's replies a model has nothing to word an answer from.
    if (!m_assist || !company || !company->config.ai.usesModel() || quotes->replies.isEmpty())
        return done(std::move(quotes));
    // Copied first: the callback below takes the draft over, and arguments have no order.
    const QStringList questions = quotes->questions;
    const QStringList replies = quotes->replies;
    m_assist->article(companyId, questions, replies, context,
        [draft = std::move(*quotes), done](Result<AssistAnswer> answer) mutable {
            if (!answer) {
                draft.modelError = answer.error().message;
            } else {
                draft.model = answer->model;
                draft.guardNotes = answer->guardNotes;
                if (draft.guardNotes.isEmpty()) {
                    draft.content = answer->text;
                    draft.wordedBy = QStringLiteral("model");
                }
            }
            done(std::move(draft));
        });
}

Result<GapDraft> KnowledgeGaps::quoted(const QString &companyId, const QString &gapId)
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

Result<int> KnowledgeGaps::recheck(const QString &companyId, const QString &articleText)
{
    const auto biggest
        = gather(companyId, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(), kMaxRechecked);
    if (!biggest)
        return biggest.error();
    // An article can only answer what it names: the groups it shares no term with are not asked.
    QSet<QString> named;
    for (const QString &term : nlu::SearchTerms::of(articleText))
        named.insert(term);
    QStringList closing;
    int closed = 0;
    for (const KnowledgeGap &gap : *biggest) {
        const QStringList terms = gap.terms.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (!articleText.isEmpty()
            && std::none_of(terms.begin(), terms.end(), [&](const QString &t) { return named.contains(t); }))
            continue;
        if (answeredNow(companyId, gap)) {
            closing += gap.questionIds;
            ++closed;
        }
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
