#include "core/store/ConnectorRepo.h"

#include "core/store/ConnectorCodec.h"
#include "core/store/TeamEventRepo.h"

namespace tierdesk {

namespace {

const QString kConnectorColumns = QStringLiteral("name, kind, purposes, url, auth_type, auth_params, sealed_secret,"
                                                 " timeout_ms, requests, fields, sealed_webhook_secret, created_at");

Result<QString> sealed(const QByteArray &plain, const SecretSealer &sealer)
{
    if (plain.isEmpty())
        return QString();
    const QByteArray out = sealer.seal(plain);
    if (out.isEmpty())
        return makeError(
            ErrorKind::Internal, QStringLiteral("the store was given no data key to seal connector secrets"));
    return QString::fromLatin1(out);
}

QByteArray opened(const QVariant &value, const SecretSealer &sealer)
{
    const QByteArray text = value.toString().toLatin1();
    if (text.isEmpty())
        return {};
    const Result<QByteArray> plain = sealer.open(text);
    return plain ? *plain : QByteArray();
}

} // namespace

Status ConnectorRepo::put(const Connector &c, const SecretSealer &sealer, bool *created)
{
    const Result<QString> secret = sealed(c.auth.secret, sealer);
    if (!secret)
        return secret.error();
    const Result<QString> webhookSecret = sealed(c.webhookSecret, sealer);
    if (!webhookSecret)
        return webhookSecret.error();
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT COUNT(*) FROM connectors WHERE company_id = ? AND name = ?"));
    if (!m_db.exec(q, {c.companyId, c.name}) || !q.next())
        return m_db.lastFailure();
    const bool exists = q.value(0).toInt() > 0;
    q.finish();
    if (const Status written = write(c, *secret, *webhookSecret, exists); !written)
        return written;
    *created = !exists;
    return TeamEventRepo::announceCompanyChange(m_db, c.companyId);
}

Status ConnectorRepo::write(
    const Connector &c, const QString &sealedSecret, const QString &sealedWebhookSecret, bool exists)
{
    const QString kind = toString(c.kind);
    const QString purposes = connectorcodec::encodePurposes(c.purposes);
    const QString url = c.url.toString(QUrl::FullyEncoded);
    const QString authType = toString(c.auth.type);
    const QString authParams = QString::fromUtf8(connectorcodec::encodeAuthParams(c.auth));
    const QString requests = QString::fromUtf8(connectorcodec::encodeRequests(c.requests));
    const QString fields = QString::fromUtf8(connectorcodec::encodeFields(c.fields));
    if (exists) {
        QSqlQuery &q = m_db.statement(QStringLiteral(
            "UPDATE connectors SET kind = ?, purposes = ?, url = ?, auth_type = ?, auth_params = ?, sealed_secret = ?,"
            " timeout_ms = ?, requests = ?, fields = ?, sealed_webhook_secret = ? WHERE company_id = ? AND name = ?"));
        if (!m_db.exec(q,
                {kind, purposes, url, authType, authParams, sealedSecret, c.timeoutMs, requests, fields,
                    sealedWebhookSecret, c.companyId, c.name}))
            return m_db.lastFailure();
        return Ok{};
    }
    QSqlQuery &q = m_db.statement(QStringLiteral("INSERT INTO connectors(company_id, ") + kConnectorColumns
        + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!m_db.exec(q,
            {c.companyId, c.name, kind, purposes, url, authType, authParams, sealedSecret, c.timeoutMs, requests,
                fields, sealedWebhookSecret, c.createdAt}))
        return m_db.lastFailure();
    return Ok{};
}

QList<Connector> ConnectorRepo::list(const QString &companyId, const SecretSealer &sealer)
{
    QList<Connector> out;
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT ") + kConnectorColumns
        + QStringLiteral(" FROM connectors WHERE company_id = ? ORDER BY name"));
    if (!m_db.exec(q, {companyId}))
        return out;
    while (q.next())
        out << read(q, companyId, sealer);
    q.finish();
    return out;
}

std::optional<Connector> ConnectorRepo::find(const QString &companyId, const QString &name, const SecretSealer &sealer)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT ") + kConnectorColumns
        + QStringLiteral(" FROM connectors WHERE company_id = ? AND name = ?"));
    if (!m_db.exec(q, {companyId, name}))
        return std::nullopt;
    std::optional<Connector> out;
    if (q.next())
        out = read(q, companyId, sealer);
    q.finish();
    return out;
}

Status ConnectorRepo::remove(const QString &companyId, const QString &name)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("DELETE FROM connectors WHERE company_id = ? AND name = ?"));
    if (!m_db.exec(q, {companyId, name}))
        return m_db.status(false);
    if (q.numRowsAffected() == 0)
        return makeError(ErrorKind::NotFound, QStringLiteral("no connector named \"%1\"").arg(name.left(40)),
            {{QStringLiteral("field"), QStringLiteral("name")}});
    QSqlQuery &calls
        = m_db.statement(QStringLiteral("DELETE FROM connector_calls WHERE company_id = ? AND connector = ?"));
    if (!m_db.exec(calls, {companyId, name}))
        return m_db.status(false);
    return TeamEventRepo::announceCompanyChange(m_db, companyId);
}

int ConnectorRepo::count(const QString &companyId)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT COUNT(*) FROM connectors WHERE company_id = ?"));
    if (!m_db.exec(q, {companyId}) || !q.next())
        return 0;
    const int n = q.value(0).toInt();
    q.finish();
    return n;
}

Status ConnectorRepo::recordCall(const QString &companyId, const QString &connector, const ConnectorCall &call)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("INSERT INTO connector_calls(company_id, connector, at, purpose, session_id, ok, status,"
                       " latency_ms, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!m_db.exec(q,
            {companyId, connector, call.at, toString(call.purpose), call.sessionId, call.ok ? 1 : 0, call.status,
                call.latencyMs, call.error.left(500)}))
        return m_db.lastFailure();
    // Keep the newest kMaxCallsKept: everything at or below the id just past them goes.
    QSqlQuery &trim = m_db.statement(QStringLiteral(
        "DELETE FROM connector_calls WHERE company_id = ? AND connector = ? AND id <= (SELECT id FROM connector_calls"
        " WHERE company_id = ? AND connector = ? ORDER BY id DESC LIMIT 1 OFFSET ?)"));
    if (!m_db.exec(trim, {companyId, connector, companyId, connector, kMaxCallsKept}))
        return m_db.lastFailure();
    return Ok{};
}

QList<ConnectorCall> ConnectorRepo::calls(const QString &companyId, const QString &connector, int limit)
{
    QList<ConnectorCall> out;
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT at, purpose, session_id, ok, status, latency_ms, error FROM connector_calls"
                       " WHERE company_id = ? AND connector = ? ORDER BY id DESC LIMIT ?"));
    if (!m_db.exec(q, {companyId, connector, qBound(1, limit, kMaxCallsKept)}))
        return out;
    while (q.next()) {
        ConnectorCall c;
        c.at = q.value(0).toLongLong();
        c.purpose = parseConnectorPurpose(q.value(1).toString()).value_or(ConnectorPurpose::Order);
        c.sessionId = q.value(2).toString();
        c.ok = q.value(3).toInt() != 0;
        c.status = q.value(4).toInt();
        c.latencyMs = q.value(5).toLongLong();
        c.error = q.value(6).toString();
        out << c;
    }
    q.finish();
    return out;
}

Connector ConnectorRepo::read(const QSqlQuery &q, const QString &companyId, const SecretSealer &sealer) const
{
    Connector c;
    c.companyId = companyId;
    c.name = q.value(0).toString();
    c.kind = parseConnectorKind(q.value(1).toString()).value_or(ConnectorKind::Http);
    c.purposes = connectorcodec::decodePurposes(q.value(2).toString());
    c.url = QUrl(q.value(3).toString());
    c.auth.type = parseConnectorAuthType(q.value(4).toString()).value_or(ConnectorAuth::Type::None);
    connectorcodec::decodeAuthParams(q.value(5).toString().toUtf8(), &c.auth);
    c.auth.secret = opened(q.value(6), sealer);
    c.timeoutMs = q.value(7).toInt();
    c.requests = connectorcodec::decodeRequests(q.value(8).toString().toUtf8());
    c.fields = connectorcodec::decodeFields(q.value(9).toString().toUtf8());
    c.webhookSecret = opened(q.value(10), sealer);
    c.createdAt = q.value(11).toLongLong();
    return c;
}

} // namespace tierdesk
