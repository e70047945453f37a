// GET /audit/logs: the company's audit log with seed 000's filters and paging,
// each entry marked with whether it is about personal data (contains_pii).
#include "core/api/common/AuditStatus.h"
#include "core/api/platform/PlatformCall.h"
#include "core/api/platform/PlatformErrors.h"
#include "core/api/platform/PlatformRoutes.h"
#include "core/api/platform/PlatformTimes.h"
#include "core/common/Time.h"
#include "core/engine/admin/AuditSearch.h"
#include "core/nlu/text/PiiDetector.h"

#include <QJsonArray>

namespace tierdesk::api {
namespace {

constexpr int kDefaultLimit = 100;
constexpr int kMaxFilterChars = 200;

// Which of seed 000's services an action belongs to, from its prefix ("session.create": chatbot).
QString serviceOf(const QString &action)
{
    static const QHash<QString, QString> services{{QStringLiteral("session"), QStringLiteral("chatbot")},
        {QStringLiteral("chat"), QStringLiteral("chatbot")}, {QStringLiteral("desk"), QStringLiteral("escalation")},
        {QStringLiteral("escalation"), QStringLiteral("escalation")},
        {QStringLiteral("kb"), QStringLiteral("knowledge")}, {QStringLiteral("report"), QStringLiteral("analytics")},
        {QStringLiteral("webhook"), QStringLiteral("webhook")},
        {QStringLiteral("notification"), QStringLiteral("notifications")},
        {QStringLiteral("auth"), QStringLiteral("auth")}, {QStringLiteral("company"), QStringLiteral("admin")},
        {QStringLiteral("config"), QStringLiteral("admin")}, {QStringLiteral("token"), QStringLiteral("admin")}};
    const QString prefix = action.section(QLatin1Char('.'), 0, 0).section(QLatin1Char(' '), 0, 0).toLower();
    return services.value(prefix, prefix);
}

// Every string inside a JSON value, searched for personal data.
bool holdsPii(const QJsonValue &v)
{
    if (v.isString())
        return nlu::PiiDetector::contains(v.toString());
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        return std::any_of(a.begin(), a.end(), [](const QJsonValue &x) { return holdsPii(x); });
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        return std::any_of(o.begin(), o.end(), [](const QJsonValue &x) { return holdsPii(x); });
    }
    return false;
}

// An entry about a written text (a message, notes, a reply) names the kinds of personal data
// the text held in details.pii (withPiiKinds): the text itself is not in the log.
bool containsPii(const AuditEntry &e, const QJsonObject &details)
{
    return !details.value(QLatin1String("pii")).toArray().isEmpty() || holdsPii(details) || holdsPii(e.resource);
}

QJsonObject logJson(const AuditRow &row)
{
    const AuditEntry &e = row.entry;
    QJsonObject details = QJsonObject::fromVariantMap(e.details);
    const bool pii = containsPii(e, details);
    details.insert(QStringLiteral("status"), auditHttpStatus(e));
    details.insert(QStringLiteral("contains_pii"), pii);
    return {{QStringLiteral("log_id"), QStringLiteral("audit-%1").arg(row.id)},
        {QStringLiteral("timestamp"), timefmt::iso(e.at)}, {QStringLiteral("user_id"), e.actor},
        {QStringLiteral("service"), serviceOf(e.action)}, {QStringLiteral("action"), e.action},
        {QStringLiteral("resource_id"), e.resource}, {QStringLiteral("request_ip"), e.clientAddress},
        {QStringLiteral("details"), details}};
}

bool textFilter(const PlatformCallPtr &c, const char *name, QString *out)
{
    *out = c->req.query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    if (out->size() <= kMaxFilterChars)
        return true;
    platformcall::fail(c,
        platform::badRequest(
            QStringLiteral("%1 may be at most %2 characters").arg(QLatin1String(name)).arg(kMaxFilterChars)));
    return false;
}

void getLogs(const PlatformCallPtr &c)
{
    AuditQuery q;
    q.companyId = c->company;
    std::optional<qint64> start, end;
    if (!platformtime::queryTime(c, "start_time", false, &start) || !platformtime::queryTime(c, "end_time", true, &end)
        || !platformtime::queryInt(c, "limit", 1, AuditSearch::kMaxLimit, kDefaultLimit, &q.limit)
        || !platformtime::queryInt(c, "offset", 0, AuditSearch::kMaxOffset, 0, &q.offset)
        || !textFilter(c, "user_id", &q.actor) || !textFilter(c, "conversation_id", &q.resourcePart)
        || !textFilter(c, "action_type", &q.action))
        return;
    q.startMs = start.value_or(0);
    q.endMs = end.value_or(0);
    const auto page = AuditSearch(c->engine()).find(q);
    if (!page)
        return platformcall::fail(c, page.error());
    QJsonArray logs;
    for (const AuditRow &row : page->rows)
        logs.append(logJson(row));
    platformcall::replyJson(c, 200,
        {{QStringLiteral("logs"), logs}, {QStringLiteral("total"), page->total}, {QStringLiteral("limit"), q.limit},
            {QStringLiteral("offset"), q.offset}});
}

} // namespace

void installAuditRoutes(http::HttpServer &server, PlatformServices &services)
{
    // The audit log is for supervisors and admins, as GET /api/cs/audit.
    server.router().route("GET", QStringLiteral("/audit/logs"), signedRoute(services, &getLogs, Role::Supervisor));
}

} // namespace tierdesk::api
