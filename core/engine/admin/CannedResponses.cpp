#include "core/engine/admin/CannedResponses.h"

#include "core/common/Ids.h"
#include "core/common/Validation.h"
#include "core/nlu/SlotExtractor.h"

#include <QRegularExpression>

namespace tierdesk {
namespace {

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression p(QStringLiteral("\\{\\{([^{}]*)\\}\\}"));
    return p;
}

Error invalid(const QString &field, const QString &message, QJsonObject details = {})
{
    details.insert(QStringLiteral("field"), field);
    return makeError(ErrorKind::InvalidArgument, message, details);
}

Error cannedNotFound(const QString &id)
{
    return makeError(ErrorKind::NotFound, QStringLiteral("Canned response not found"),
        {{QStringLiteral("cannedResponseId"), id.left(128)}});
}

} // namespace

QStringList CannedResponses::placeholders()
{
    return {QStringLiteral("customer.name"), QStringLiteral("customer.firstName"), QStringLiteral("order.id"),
        QStringLiteral("agent.name"), QStringLiteral("company.name"), QStringLiteral("session.id")};
}

Status CannedResponses::validate(const QString &companyId, const CannedResponse &r, const QString &exceptId)
{
    static const QRegularExpression shortcut(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_-]*$"));
    if (r.shortcut.isEmpty() || r.shortcut.size() > kMaxShortcutChars || !shortcut.match(r.shortcut).hasMatch())
        return invalid(QStringLiteral("shortcut"),
            QStringLiteral("shortcut must be 1 to 32 letters, digits, _ or - (starting with a letter or digit)"));
    if (r.title.trimmed().isEmpty() || r.title.size() > kMaxTitleChars || textFault(r.title, TextLines::One))
        return invalid(QStringLiteral("title"),
            QStringLiteral("title must be 1 to 100 characters (no control characters or unpaired surrogates)"));
    if (r.content.trimmed().isEmpty() || r.content.size() > kMaxContentChars || textFault(r.content, TextLines::Many))
        return invalid(QStringLiteral("content"),
            QStringLiteral("content must be 1 to 4000 characters (no control characters but line breaks and tabs, no "
                           "unpaired surrogates)"));
    auto it = placeholderPattern().globalMatch(r.content);
    while (it.hasNext()) {
        const auto m = it.next();
        if (!placeholders().contains(m.captured(1).trimmed()))
            return invalid(QStringLiteral("content"),
                QStringLiteral("unknown placeholder %1").arg(m.captured(0).left(80)),
                {{QStringLiteral("placeholder"), m.captured(0).left(80)},
                    {QStringLiteral("allowed"), QJsonArray::fromStringList(placeholders())}});
    }
    if (const auto same = m_store.canned().findByShortcut(companyId, r.shortcut); same && same->id != exceptId)
        return makeError(ErrorKind::Conflict, QStringLiteral("A canned response with this shortcut exists"),
            {{QStringLiteral("field"), QStringLiteral("shortcut")}, {QStringLiteral("id"), same->id}});
    return Ok{};
}

bool CannedResponses::write(
    const CannedResponse &r, const QString &action, AuditOutcome outcome, const Actor &actor, bool insert)
{
    return m_store.batch().run([&] {
        return (insert ? m_store.canned().insert(r) : m_store.canned().update(r))
            && m_store.audit().append({m_engine.clock().nowMs(), r.companyId, actor.subject, actor.role, action,
                QStringLiteral("canned:") + r.id, actor.clientAddress, outcome,
                QVariantMap{{QStringLiteral("shortcut"), r.shortcut}}});
    });
}

Result<QList<CannedResponse>> CannedResponses::list(const QString &companyId)
{
    if (auto company = m_engine.company(companyId); !company)
        return company.error();
    return m_store.canned().list(companyId);
}

Result<CannedResponse> CannedResponses::get(const QString &companyId, const QString &id)
{
    auto found = id.size() <= 128 ? m_store.canned().find(companyId, id) : std::nullopt;
    if (!found)
        return cannedNotFound(id);
    return *found;
}

Result<CannedResponse> CannedResponses::create(const QString &companyId, const QJsonObject &fields, const Actor &actor)
{
    if (auto company = m_engine.company(companyId); !company)
        return company.error();
    for (const char *name : {"shortcut", "title", "content"})
        if (!fields.value(QLatin1String(name)).isString())
            return invalid(QLatin1String(name), QStringLiteral("%1 is required (a string)").arg(QLatin1String(name)));
    CannedResponse r;
    r.id = ids::random(QStringLiteral("cr_"));
    r.companyId = companyId;
    r.shortcut = fields.value(QLatin1String("shortcut")).toString().trimmed();
    r.title = fields.value(QLatin1String("title")).toString().trimmed();
    r.content = fields.value(QLatin1String("content")).toString();
    r.createdAt = r.updatedAt = m_engine.clock().nowMs();
    if (const Status ok = validate(companyId, r, QString()); !ok)
        return ok.error();
    if (m_store.canned().count(companyId) >= kMaxPerCompany)
        return makeError(ErrorKind::Conflict, QStringLiteral("at most 500 canned responses per company"));
    if (!write(r, QStringLiteral("canned.create"), AuditOutcome::Created, actor, true))
        return m_store.batch().failure(QStringLiteral("could not store the canned response"));
    return r;
}

Result<CannedResponse> CannedResponses::update(
    const QString &companyId, const QString &id, const QJsonObject &fields, const Actor &actor)
{
    auto found = get(companyId, id);
    if (!found)
        return found.error();
    CannedResponse r = *found;
    bool any = false;
    for (const char *name : {"shortcut", "title", "content"}) {
        const QJsonValue v = fields.value(QLatin1String(name));
        if (v.isUndefined())
            continue;
        if (!v.isString())
            return invalid(QLatin1String(name), QStringLiteral("%1 must be a string").arg(QLatin1String(name)));
        any = true;
        const QString text = v.toString();
        if (qstrcmp(name, "shortcut") == 0)
            r.shortcut = text.trimmed();
        else if (qstrcmp(name, "title") == 0)
            r.title = text.trimmed();
        else
            r.content = text;
    }
    if (!any)
        return invalid(QStringLiteral("content"), QStringLiteral("give at least one of shortcut, title, content"));
    r.updatedAt = m_engine.clock().nowMs();
    if (const Status ok = validate(companyId, r, r.id); !ok)
        return ok.error();
    if (!write(r, QStringLiteral("canned.update"), AuditOutcome::Done, actor, false))
        return m_store.batch().failure(QStringLiteral("could not store the canned response"));
    return r;
}

Status CannedResponses::remove(const QString &companyId, const QString &id, const Actor &actor)
{
    bool removed = false;
    m_store.batch().run([&] {
        removed = id.size() <= 128 && m_store.canned().remove(companyId, id);
        if (removed)
            m_store.audit().append(
                {m_engine.clock().nowMs(), companyId, actor.subject, actor.role, QStringLiteral("canned.delete"),
                    QStringLiteral("canned:") + id, actor.clientAddress, AuditOutcome::Removed, {}});
        return true;
    });
    if (!removed)
        return cannedNotFound(id);
    return Ok{};
}

QHash<QString, QString> CannedResponses::values(const Company &company, const Session &s, const Actor &actor)
{
    QHash<QString, QString> v;
    v.insert(QStringLiteral("company.name"), company.name);
    v.insert(QStringLiteral("session.id"), s.id);
    v.insert(QStringLiteral("agent.name"), actor.displayName.isEmpty() ? actor.subject : actor.displayName);
    const auto customer = m_store.customers().find(s.companyId, s.customerId);
    if (customer && !customer->name.trimmed().isEmpty()) {
        const QString name = customer->name.trimmed();
        v.insert(QStringLiteral("customer.name"), name);
        v.insert(QStringLiteral("customer.firstName"), name.section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty));
    }
    // The order most recently named in the transcript (an order of this
    // customer's), else the customer's latest order.
    for (auto m = s.messages.crbegin(); m != s.messages.crend() && !v.contains(QStringLiteral("order.id")); ++m) {
        const QString named = nlu::extractSlots(m->content).orderId;
        if (named.isEmpty())
            continue;
        if (const auto order = m_store.customers().findOrder(s.companyId, named);
            order && order->customerId == s.customerId)
            v.insert(QStringLiteral("order.id"), order->id);
    }
    if (!v.contains(QStringLiteral("order.id")))
        if (const auto latest = m_store.customers().latestOrder(s.companyId, s.customerId))
            v.insert(QStringLiteral("order.id"), latest->id);
    return v;
}

Result<CannedResponses::Rendered> CannedResponses::render(
    const QString &companyId, const QString &id, const QString &sessionId, const Actor &actor)
{
    auto found = get(companyId, id);
    if (!found)
        return found.error();
    auto company = m_engine.company(companyId);
    if (!company)
        return company.error();
    auto session = m_engine.session(companyId, sessionId, MessageWindow{kTranscriptMessages, -1});
    if (!session)
        return session.error();
    const QHash<QString, QString> v = values(*company, *session, actor);
    Rendered out;
    const QString &text = found->content;
    qsizetype last = 0;
    auto it = placeholderPattern().globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out.content += text.mid(last, m.capturedStart() - last);
        const QString name = m.captured(1).trimmed();
        const QString value = v.value(name);
        if (value.isEmpty()) {
            const QString shown = QStringLiteral("{{%1}}").arg(name);
            out.content += shown;
            if (!out.missing.contains(shown))
                out.missing << shown;
        } else {
            out.content += value;
        }
        last = m.capturedEnd();
    }
    out.content += text.mid(last);
    return out;
}

} // namespace tierdesk
