#include "core/store/KbSourceRepo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tierdesk {
namespace {

const QString kSourceColumns
    = QStringLiteral("id, company_id, kind, url, settings, secret, status, state, last_sync_at,"
                     " next_sync_at, created_at");

QString sourceJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString settingsJson(const KbSource &s)
{
    return sourceJson({{QStringLiteral("include"), QJsonArray::fromStringList(s.settings.include)},
        {QStringLiteral("exclude"), QJsonArray::fromStringList(s.settings.exclude)},
        {QStringLiteral("maxPages"), s.settings.maxPages}, {QStringLiteral("syncHours"), s.settings.syncHours},
        {QStringLiteral("locale"), s.settings.locale}, {QStringLiteral("authType"), toString(s.auth.type)},
        {QStringLiteral("username"), s.auth.username}, {QStringLiteral("headerName"), s.auth.headerName}});
}

QString stateJson(const KbSyncState &s)
{
    QJsonArray failed;
    for (const KbSyncFailure &f : s.failed)
        failed.append(QJsonObject{{QStringLiteral("url"), f.url}, {QStringLiteral("error"), f.error}});
    return sourceJson({{QStringLiteral("found"), s.found}, {QStringLiteral("fetched"), s.fetched},
        {QStringLiteral("imported"), s.imported}, {QStringLiteral("updated"), s.updated},
        {QStringLiteral("removed"), s.removed}, {QStringLiteral("failed"), failed},
        {QStringLiteral("lastError"), s.lastError}});
}

QStringList stringsOf(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &e : v.toArray())
        out << e.toString();
    return out;
}

KbSource readSource(const QSqlQuery &q, const SecretSealer *sealer)
{
    KbSource s;
    s.id = q.value(0).toLongLong();
    s.companyId = q.value(1).toString();
    s.kind = parseKbSourceKind(q.value(2).toString()).value_or(KbSourceKind::Website);
    s.url = q.value(3).toString();
    const QJsonObject settings = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
    s.settings.include = stringsOf(settings.value(QLatin1String("include")));
    s.settings.exclude = stringsOf(settings.value(QLatin1String("exclude")));
    s.settings.maxPages = settings.value(QLatin1String("maxPages")).toInt(KbSourceSettings::kDefaultMaxPages);
    s.settings.syncHours = settings.value(QLatin1String("syncHours")).toInt(KbSourceSettings::kDefaultSyncHours);
    s.settings.locale = settings.value(QLatin1String("locale")).toString(s.settings.locale);
    s.auth.type = parseConnectorAuthType(settings.value(QLatin1String("authType")).toString())
                      .value_or(ConnectorAuth::Type::None);
    s.auth.username = settings.value(QLatin1String("username")).toString();
    s.auth.headerName = settings.value(QLatin1String("headerName")).toString();
    const QByteArray sealed = q.value(5).toString().toUtf8();
    if (sealer && !sealed.isEmpty()) {
        const Result<QByteArray> opened = sealer->open(sealed);
        s.auth.secret = opened ? *opened : QByteArray();
    }
    s.status = parseKbSyncStatus(q.value(6).toString()).value_or(KbSyncStatus::Queued);
    const QJsonObject state = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
    s.state.found = state.value(QLatin1String("found")).toInt();
    s.state.fetched = state.value(QLatin1String("fetched")).toInt();
    s.state.imported = state.value(QLatin1String("imported")).toInt();
    s.state.updated = state.value(QLatin1String("updated")).toInt();
    s.state.removed = state.value(QLatin1String("removed")).toInt();
    for (const QJsonValue &f : state.value(QLatin1String("failed")).toArray())
        s.state.failed.append({f.toObject().value(QLatin1String("url")).toString(),
            f.toObject().value(QLatin1String("error")).toString()});
    s.state.lastError = state.value(QLatin1String("lastError")).toString();
    s.lastSyncAt = q.value(8).toLongLong();
    s.nextSyncAt = q.value(9).toLongLong();
    s.createdAt = q.value(10).toLongLong();
    return s;
}

} // namespace

Result<qint64> KbSourceRepo::insert(const KbSource &s, const SecretSealer &sealer, qint64 nowMs)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("INSERT INTO kb_sources(company_id, kind, url, settings, secret, status, state, created_at,"
                       " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    if (!m_db.exec(q,
            {s.companyId, toString(s.kind), s.url, settingsJson(s),
                s.auth.secret.isEmpty() ? QString() : QString::fromUtf8(sealer.seal(s.auth.secret)), toString(s.status),
                stateJson(s.state), nowMs, nowMs}))
        return m_db.lastFailure();
    const qint64 id = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    if (id <= 0)
        return makeError(ErrorKind::Internal, QStringLiteral("the new source has no id"));
    return id;
}

std::optional<KbSource> KbSourceRepo::find(const QString &companyId, qint64 id, const SecretSealer &sealer)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT ") + kSourceColumns
        + QStringLiteral(" FROM kb_sources WHERE id = ? AND company_id = ?"));
    if (!m_db.exec(q, {id, companyId}) || !q.next())
        return std::nullopt;
    KbSource s = readSource(q, &sealer);
    q.finish();
    return s;
}

QList<KbSource> KbSourceRepo::list(const QString &companyId)
{
    QList<KbSource> out;
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT ") + kSourceColumns
        + QStringLiteral(" FROM kb_sources WHERE company_id = ? ORDER BY id"));
    if (!m_db.exec(q, {companyId}))
        return out;
    while (q.next())
        out << readSource(q, nullptr); // no secrets on a list
    q.finish();
    return out;
}

int KbSourceRepo::count(const QString &companyId)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT COUNT(*) FROM kb_sources WHERE company_id = ?"));
    const int n = m_db.exec(q, {companyId}) && q.next() ? q.value(0).toInt() : 0;
    q.finish();
    return n;
}

QList<KbSource> KbSourceRepo::due(qint64 nowMs, const SecretSealer &sealer)
{
    QList<KbSource> out;
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT ") + kSourceColumns
        + QStringLiteral(" FROM kb_sources WHERE status = 'queued' OR (status IN ('done', 'failed')"
                         " AND next_sync_at > 0 AND next_sync_at <= ?) ORDER BY id"));
    if (!m_db.exec(q, {nowMs}))
        return out;
    while (q.next())
        out << readSource(q, &sealer);
    q.finish();
    return out;
}

Status KbSourceRepo::saveState(const KbSource &s, qint64 nowMs)
{
    return m_db.status(
        m_db.write(QStringLiteral("UPDATE kb_sources SET status = ?, state = ?, last_sync_at = ?, next_sync_at = ?,"
                                  " updated_at = ? WHERE id = ?"),
            {toString(s.status), stateJson(s.state), s.lastSyncAt, s.nextSyncAt, nowMs, s.id}));
}

Status KbSourceRepo::remove(const QString &companyId, qint64 id)
{
    return m_db.status(
        m_db.write(QStringLiteral("DELETE FROM kb_sources WHERE id = ? AND company_id = ?"), {id, companyId}));
}

Status KbSourceRepo::requeueRunning(qint64 nowMs)
{
    return m_db.status(m_db.write(
        QStringLiteral("UPDATE kb_sources SET status = 'queued', updated_at = ? WHERE status = 'running'"), {nowMs}));
}

} // namespace tierdesk
