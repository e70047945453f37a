#include "core/store/AiProviderRepo.h"

#include "core/store/TeamEventRepo.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace tierdesk {

namespace {
const QString kAiProviderColumns
    = QStringLiteral("name, kind, base_url, sealed_key, timeout_ms, price_input, price_output, created_at, prices");

QString pricesColumn(const QMap<QString, ModelPrice> &prices)
{
    QJsonObject out;
    for (auto it = prices.cbegin(); it != prices.cend(); ++it)
        out.insert(it.key(),
            QJsonObject{{QStringLiteral("inputPerMillion"), it->inputPerMillion},
                {QStringLiteral("outputPerMillion"), it->outputPerMillion},
                {QStringLiteral("currency"), it->currency}});
    return QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Compact));
}

QMap<QString, ModelPrice> pricesFrom(const QString &column)
{
    QMap<QString, ModelPrice> out;
    const QJsonObject all = QJsonDocument::fromJson(column.toUtf8()).object();
    for (auto it = all.constBegin(); it != all.constEnd(); ++it) {
        const QJsonObject p = it.value().toObject();
        out.insert(it.key(),
            {p.value(QLatin1String("inputPerMillion")).toDouble(),
                p.value(QLatin1String("outputPerMillion")).toDouble(), p.value(QLatin1String("currency")).toString()});
    }
    return out;
}
} // namespace

Status AiProviderRepo::insert(const AiProvider &p, const SecretSealer &sealer)
{
    QByteArray sealed;
    if (!p.apiKey.isEmpty()) {
        sealed = sealer.seal(p.apiKey);
        if (sealed.isEmpty())
            return makeError(
                ErrorKind::Internal, QStringLiteral("the store was given no data key to seal provider keys"));
    }
    if (find(p.companyId, p.name, sealer))
        return makeError(ErrorKind::Conflict, QStringLiteral("a provider named \"%1\" exists").arg(p.name),
            {{QStringLiteral("field"), QStringLiteral("name")}});
    QSqlQuery &q = m_db.statement(QStringLiteral("INSERT INTO ai_providers(company_id, ") + kAiProviderColumns
        + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!m_db.exec(q,
            {p.companyId, p.name, toString(p.kind), p.baseUrl.toString(QUrl::FullyEncoded), QString::fromLatin1(sealed),
                p.timeoutMs, p.priceInputPerMTok, p.priceOutputPerMTok, p.createdAt, pricesColumn(p.prices)}))
        return m_db.lastFailure();
    return TeamEventRepo::announceCompanyChange(m_db, p.companyId); // the company's models change everywhere
}

QList<AiProvider> AiProviderRepo::list(const QString &companyId, const SecretSealer &sealer)
{
    QList<AiProvider> out;
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT ") + kAiProviderColumns
        + QStringLiteral(" FROM ai_providers WHERE company_id = ? ORDER BY name"));
    if (!m_db.exec(q, {companyId}))
        return out;
    while (q.next())
        out << read(q, companyId, sealer);
    q.finish();
    return out;
}

std::optional<AiProvider> AiProviderRepo::find(
    const QString &companyId, const QString &name, const SecretSealer &sealer)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT ") + kAiProviderColumns
        + QStringLiteral(" FROM ai_providers WHERE company_id = ? AND name = ?"));
    if (!m_db.exec(q, {companyId, name}))
        return std::nullopt;
    std::optional<AiProvider> out;
    if (q.next())
        out = read(q, companyId, sealer);
    q.finish();
    return out;
}

Status AiProviderRepo::remove(const QString &companyId, const QString &name)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("DELETE FROM ai_providers WHERE company_id = ? AND name = ?"));
    if (!m_db.exec(q, {companyId, name}))
        return m_db.status(false);
    if (q.numRowsAffected() == 0)
        return makeError(ErrorKind::NotFound, QStringLiteral("no provider named \"%1\"").arg(name),
            {{QStringLiteral("field"), QStringLiteral("name")}});
    return TeamEventRepo::announceCompanyChange(m_db, companyId);
}

Status AiProviderRepo::updatePrices(const AiProvider &p)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("UPDATE ai_providers SET price_input = ?, price_output = ?, prices = ?"
                                                 " WHERE company_id = ? AND name = ?"));
    if (!m_db.exec(q, {p.priceInputPerMTok, p.priceOutputPerMTok, pricesColumn(p.prices), p.companyId, p.name}))
        return m_db.status(false);
    if (q.numRowsAffected() == 0)
        return makeError(ErrorKind::NotFound, QStringLiteral("no provider named \"%1\"").arg(p.name),
            {{QStringLiteral("field"), QStringLiteral("name")}});
    return TeamEventRepo::announceCompanyChange(m_db, p.companyId);
}

int AiProviderRepo::count(const QString &companyId)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT COUNT(*) FROM ai_providers WHERE company_id = ?"));
    if (!m_db.exec(q, {companyId}) || !q.next())
        return 0;
    const int n = q.value(0).toInt();
    q.finish();
    return n;
}

AiProvider AiProviderRepo::read(const QSqlQuery &q, const QString &companyId, const SecretSealer &sealer) const
{
    AiProvider p;
    p.companyId = companyId;
    p.name = q.value(0).toString();
    p.kind = parseProviderKind(q.value(1).toString()).value_or(ProviderKind::OpenAi);
    p.baseUrl = QUrl(q.value(2).toString());
    const QByteArray sealed = q.value(3).toString().toLatin1();
    if (!sealed.isEmpty()) {
        const Result<QByteArray> opened = sealer.open(sealed);
        p.apiKey = opened ? *opened : QByteArray();
    }
    p.timeoutMs = q.value(4).toInt();
    p.priceInputPerMTok = q.value(5).toDouble();
    p.priceOutputPerMTok = q.value(6).toDouble();
    p.createdAt = q.value(7).toLongLong();
    p.prices = pricesFrom(q.value(8).toString());
    return p;
}

} // namespace tierdesk
