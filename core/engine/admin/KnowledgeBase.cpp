#include "core/engine/admin/KnowledgeBase.h"

#include "core/common/Validation.h"

#include "core/common/Clock.h"
#include "core/domain/Enums.h"
#include "core/engine/SessionEngine.h"
#include "core/store/Store.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace tierdesk {
namespace {

// A JSON array of strings, or (keywords) one comma-separated string.
std::optional<QStringList> stringList(const QJsonValue &v, bool commaText)
{
    QStringList out;
    if (commaText && v.isString()) {
        for (const QString &part : v.toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
            out << part.trimmed();
        return out;
    }
    if (!v.isArray())
        return std::nullopt;
    for (const QJsonValue &item : v.toArray()) {
        if (!item.isString())
            return std::nullopt;
        out << item.toString().trimmed();
    }
    out.removeAll(QString());
    return out;
}

// Each string of a list field by the text rule (one line each; lengths are checked beside).
Status eachByTextRule(const QString &field, const QStringList &items)
{
    for (const QString &item : items)
        if (const auto fault = textFault(item, TextLines::One))
            return invalidField(field, field + QLatin1Char(' ') + *fault);
    return Ok{};
}

} // namespace

KnowledgeBase::KnowledgeBase(SessionEngine &engine, Store &store, const Clock &clock)
    : m_engine(engine), m_store(store), m_clock(clock)
{
}

QString KnowledgeBase::slugOf(const QString &title)
{
    static const QRegularExpression other(QStringLiteral("[^a-z0-9]+"));
    QString slug = title.toLower().replace(other, QStringLiteral("-"));
    while (slug.startsWith(QLatin1Char('-')))
        slug.remove(0, 1);
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    return slug.left(kMaxSlug);
}

Result<KbArticle> KnowledgeBase::article(const QString &companyId, qint64 id)
{
    if (auto company = m_engine.company(companyId); !company)
        return company.error();
    auto found = m_store.kb().find(companyId, id);
    if (!found)
        return makeError(ErrorKind::NotFound, QStringLiteral("Article not found"), {{QStringLiteral("id"), id}});
    return *found;
}

Result<KbArticle> KnowledgeBase::read(const QString &companyId, qint64 id)
{
    auto found = article(companyId, id);
    if (found && m_store.batch().run([&] { return m_store.kb().countView(id); }))
        ++found->views;
    return found;
}

Result<QList<KbArticle>> KnowledgeBase::list(
    const QString &companyId, const QString &category, int limit, int offset, int *total)
{
    if (auto company = m_engine.company(companyId); !company)
        return company.error();
    if (!category.isEmpty() && !parse<IssueCategory>(category))
        return invalidField(QStringLiteral("category"), QStringLiteral("unknown category"));
    return m_store.kb().list(companyId, category, limit, offset, total);
}

Result<QList<KbHit>> KnowledgeBase::search(const QString &companyId, const QString &query, int limit)
{
    if (auto company = m_engine.company(companyId); !company)
        return company.error();
    return m_store.kb().search(companyId, query.left(500), limit);
}

Result<QList<KbPassageHit>> KnowledgeBase::passages(const QString &companyId, const QString &query, int limit)
{
    if (auto company = m_engine.company(companyId); !company)
        return company.error();
    return m_store.kb().passages().search(companyId, query, limit);
}

Status KnowledgeBase::apply(const QJsonObject &body, KbArticle &a) const
{
    const auto text = [&body](const char *key, QString &into, int max, TextLines lines) -> Status {
        const QJsonValue v = body.value(QLatin1String(key));
        if (v.isUndefined())
            return Ok{};
        if (!v.isString() || v.toString().trimmed().size() > max)
            return invalidField(QLatin1String(key),
                QStringLiteral("%1 must be a string of at most %2 characters").arg(QLatin1String(key)).arg(max));
        into = v.toString().trimmed();
        return checkText(QLatin1String(key), into, max, lines);
    };
    for (const Status &s :
        {text("title", a.title, kMaxTitle, TextLines::One), text("category", a.category, 40, TextLines::One),
            text("content", a.body, kMaxContent, TextLines::Many), text("slug", a.slug, kMaxSlug, TextLines::One)})
        if (!s)
            return s;
    if (const QJsonValue k = body.value(QLatin1String("keywords")); !k.isUndefined()) {
        const auto words = stringList(k, true);
        if (!words || words->join(QStringLiteral(", ")).size() > kMaxKeywords)
            return invalidField(QStringLiteral("keywords"),
                QStringLiteral("keywords must be a list of at most %1 characters").arg(kMaxKeywords));
        if (const Status rule = eachByTextRule(QStringLiteral("keywords"), *words); !rule)
            return rule;
        a.keywords = words->join(QStringLiteral(", "));
    }
    if (const QJsonValue st = body.value(QLatin1String("steps")); !st.isUndefined()) {
        const auto steps = stringList(st, false);
        const bool tooLong = steps
            && std::any_of(steps->cbegin(), steps->cend(), [](const QString &s) { return s.size() > kMaxStepChars; });
        if (!steps || steps->size() > kMaxSteps || tooLong)
            return invalidField(QStringLiteral("steps"),
                QStringLiteral("steps must be at most %1 strings of at most %2 characters")
                    .arg(kMaxSteps)
                    .arg(kMaxStepChars));
        if (const Status rule = eachByTextRule(QStringLiteral("steps"), *steps); !rule)
            return rule;
        a.steps = *steps;
    }
    if (const QJsonValue r = body.value(QLatin1String("relatedArticles")); !r.isUndefined()) {
        const auto related = stringList(r, false);
        if (!related || related->size() > kMaxRelated)
            return invalidField(QStringLiteral("relatedArticles"),
                QStringLiteral("relatedArticles must be at most %1 article slugs").arg(kMaxRelated));
        if (const Status rule = eachByTextRule(QStringLiteral("relatedArticles"), *related); !rule)
            return rule;
        a.related = *related;
    }
    if (a.title.isEmpty())
        return invalidField(QStringLiteral("title"), QStringLiteral("title is required"));
    if (a.body.isEmpty())
        return invalidField(QStringLiteral("content"), QStringLiteral("content is required"));
    if (!parse<IssueCategory>(a.category))
        return invalidField(QStringLiteral("category"), QStringLiteral("category must be one of the issue categories"));
    if (a.slug.isEmpty())
        a.slug = slugOf(a.title);
    if (a.slug != slugOf(a.slug) || a.slug.isEmpty())
        return invalidField(
            QStringLiteral("slug"), QStringLiteral("slug must be lower-case letters, digits and dashes"));
    return Ok{};
}

Status KnowledgeBase::store(KbArticle &a, const Actor &actor, bool created)
{
    const Result<bool> taken = m_store.kb().slugTaken(a.companyId, a.slug, a.id);
    if (!taken)
        return m_store.batch().failure(QStringLiteral("could not read the articles"));
    if (*taken)
        return makeError(
            ErrorKind::Conflict, QStringLiteral("Another article has this slug"), {{QStringLiteral("slug"), a.slug}});
    const qint64 now = m_clock.nowMs();
    const bool ok = m_store.batch().run([&] {
        bool written = false;
        if (created) {
            const Result<qint64> id = m_store.kb().insert(a, now);
            a.id = id ? *id : 0;
            written = id.ok();
        } else {
            written = m_store.kb().update(a, now).ok();
        }
        return written
            && m_store.audit().append({now, a.companyId, actor.subject, actor.role,
                created ? QStringLiteral("kb.create") : QStringLiteral("kb.update"), QStringLiteral("kb:%1").arg(a.id),
                actor.clientAddress, created ? AuditOutcome::Created : AuditOutcome::Done,
                QVariantMap{{QStringLiteral("slug"), a.slug}}});
    });
    if (!ok)
        return m_store.batch().failure(QStringLiteral("could not store the article"));
    a.updatedAt = now;
    recheckGaps(a.companyId, a.title + QLatin1Char('\n') + a.keywords + QLatin1Char('\n') + a.body);
    if (!created && !a.source.kind.isEmpty())
        a.source.edited = true; // as the store marked it: later syncs leave it alone
    return Ok{};
}

Result<KbArticle> KnowledgeBase::create(const QString &companyId, const QJsonObject &body, const Actor &actor)
{
    if (auto company = m_engine.company(companyId); !company)
        return company.error();
    KbArticle a;
    a.companyId = companyId;
    if (const Status applied = apply(body, a); !applied)
        return applied.error();
    if (const Status stored = store(a, actor, true); !stored)
        return stored.error();
    return a;
}

Result<KbArticle> KnowledgeBase::update(
    const QString &companyId, qint64 id, const QJsonObject &body, const Actor &actor)
{
    auto found = article(companyId, id);
    if (!found)
        return found.error();
    KbArticle a = found.value();
    if (const Status applied = apply(body, a); !applied)
        return applied.error();
    if (const Status stored = store(a, actor, false); !stored)
        return stored.error();
    return a;
}

Result<KbArticle> KnowledgeBase::put(
    const QString &companyId, const QJsonObject &body, const Actor &actor, bool *created)
{
    QString slug = body.value(QLatin1String("slug")).toString();
    if (slug.isEmpty())
        slug = slugOf(body.value(QLatin1String("title")).toString());
    const qint64 id = slug.isEmpty() ? 0 : m_store.kb().ownIdOf(companyId, slug);
    *created = id == 0;
    return id ? update(companyId, id, body, actor) : create(companyId, body, actor);
}

Status KnowledgeBase::remove(const QString &companyId, qint64 id, const Actor &actor)
{
    auto found = article(companyId, id);
    if (!found)
        return found.error();
    const qint64 now = m_clock.nowMs();
    const bool ok = m_store.batch().run([&] {
        return m_store.kb().remove(companyId, id)
            && m_store.audit().append({now, companyId, actor.subject, actor.role, QStringLiteral("kb.delete"),
                QStringLiteral("kb:%1").arg(id), actor.clientAddress, AuditOutcome::Removed, {}});
    });
    if (!ok)
        return makeError(ErrorKind::Internal, QStringLiteral("could not delete the article"));
    return Ok{};
}

void KnowledgeBase::recheckGaps(const QString &companyId, const QString &articleText)
{
    // The questions an article now answers are no longer gaps; a failure to say so loses nothing.
    if (const Result<int> closed = m_engine.gaps().recheck(companyId, articleText); !closed)
        qWarning("could not ask the knowledge gaps again: %s", qPrintable(closed.error().message));
}

} // namespace tierdesk
