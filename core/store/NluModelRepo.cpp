#include "core/store/NluModelRepo.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tierdesk {
namespace {

QString intentsJson(const QStringList &intents)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(intents)).toJson(QJsonDocument::Compact));
}

QStringList intentsFrom(const QString &json)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array())
        out << v.toString();
    return out;
}

// Columns: company_id, version, examples, intents, source, created_at[, model]
StoredNluModel readNluModel(const QSqlQuery &q, bool withModel)
{
    StoredNluModel m;
    m.companyId = q.value(0).toString();
    m.version = q.value(1).toInt();
    m.examples = q.value(2).toInt();
    m.intents = intentsFrom(q.value(3).toString());
    m.source = q.value(4).toString();
    m.createdAt = q.value(5).toLongLong();
    if (withModel)
        m.model = q.value(6).toByteArray();
    return m;
}

const QString kNluModelColumns = QStringLiteral("company_id, version, examples, intents, source, created_at");

} // namespace

Result<int> NluModelRepo::insert(const StoredNluModel &m)
{
    // The next version in the same statement, so two writers cannot take one number.
    QSqlQuery &q = m_db.statement(
        QStringLiteral("INSERT INTO nlu_models(company_id, version, examples, intents, source, created_at, model)"
                       " SELECT ?, COALESCE(MAX(version), 0) + 1, ?, ?, ?, ?, ? FROM nlu_models WHERE company_id = ?"));
    if (!m_db.exec(q, {m.companyId, m.examples, intentsJson(m.intents), m.source, m.createdAt, m.model, m.companyId}))
        return m_db.lastFailure();
    q.finish();
    const auto stored = versions(m.companyId);
    if (stored.isEmpty())
        return m_db.lastFailure(); // the versions could not be read back
    return stored.first().version;
}

std::optional<StoredNluModel> NluModelRepo::latest(const QString &companyId)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT %1, model FROM nlu_models WHERE company_id = ?"
                                                 " ORDER BY version DESC LIMIT 1")
                                      .arg(kNluModelColumns));
    std::optional<StoredNluModel> out;
    if (!m_db.exec(q, {companyId}))
        return out;
    if (q.next())
        out = readNluModel(q, true);
    q.finish();
    return out;
}

QList<StoredNluModel> NluModelRepo::latestPerCompany()
{
    QList<StoredNluModel> out;
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT %1, model FROM nlu_models m WHERE version = (SELECT MAX(version) FROM nlu_models"
                       " WHERE company_id = m.company_id) ORDER BY company_id")
            .arg(kNluModelColumns));
    if (!m_db.exec(q, {}))
        return out;
    while (q.next())
        out << readNluModel(q, true);
    q.finish();
    return out;
}

QList<StoredNluModel> NluModelRepo::versions(const QString &companyId)
{
    QList<StoredNluModel> out;
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT %1 FROM nlu_models WHERE company_id = ? ORDER BY version DESC").arg(kNluModelColumns));
    if (!m_db.exec(q, {companyId}))
        return out;
    while (q.next())
        out << readNluModel(q, false);
    q.finish();
    return out;
}

} // namespace tierdesk
