#include "core/engine/sources/ConnectorCheck.h"

#include "core/integrations/connectors/JsonPointer.h"
#include "core/integrations/connectors/OrderFields.h"
#include "core/integrations/connectors/RequestTemplate.h"
#include "core/store/Store.h"

#include <QRegularExpression>

namespace tierdesk {

namespace {

Error refusal(const char *field, const QString &message)
{
    return makeError(ErrorKind::InvalidArgument, message, {{QStringLiteral("field"), QLatin1String(field)}});
}

bool printable(const QByteArray &bytes, int maxBytes)
{
    return !bytes.isEmpty() && bytes.size() <= maxBytes
        && std::all_of(bytes.begin(), bytes.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
}

Result<QList<ConnectorPurpose>> checkedPurposes(ConnectorKind kind, const QStringList &names)
{
    if (names.isEmpty() || names.size() > connectorPurposeNames().size())
        return refusal("purposes",
            QStringLiteral("purposes must name 1 to 6 of: ") + connectorPurposeNames().join(QStringLiteral(", ")));
    QList<ConnectorPurpose> out;
    for (const QString &name : names) {
        const std::optional<ConnectorPurpose> p = parseConnectorPurpose(name);
        if (!p)
            return refusal("purposes",
                QStringLiteral("\"%1\" is no purpose; the purposes are %2")
                    .arg(name.left(40), connectorPurposeNames().join(QStringLiteral(", "))));
        if (!purposesOf(kind).contains(*p))
            return refusal("purposes", QStringLiteral("a %1 connector does not serve %2").arg(toString(kind), name));
        if (out.contains(*p))
            return refusal("purposes", QStringLiteral("%1 is named twice").arg(name));
        out << *p;
    }
    return out;
}

Result<ConnectorAuth> checkedAuth(ConnectorKind kind, const ConnectorDraft &d)
{
    static const QRegularExpression headerName(QStringLiteral("^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$"));
    static const QRegularExpression keyId(QStringLiteral("^[A-Z0-9]{16,128}$"));
    static const QRegularExpression region(QStringLiteral("^[a-z0-9-]{1,32}$"));
    const std::optional<ConnectorAuth::Type> type = parseConnectorAuthType(d.authType);
    if (!type)
        return refusal(
            "auth", QStringLiteral("auth.type must be one of: ") + connectorAuthTypeNames().join(QStringLiteral(", ")));
    if (kind == ConnectorKind::Stripe && *type != ConnectorAuth::Type::Bearer)
        return refusal(
            "auth", QStringLiteral("Stripe takes its secret key as {\"type\": \"bearer\", \"token\": \"sk_...\"}"));
    ConnectorAuth a;
    a.type = *type;
    if (a.type == ConnectorAuth::Type::None)
        return a;
    if (!printable(d.secret, ConnectorCheck::kMaxSecretBytes))
        return refusal("auth",
            QStringLiteral("auth's secret (token, password, value or secretAccessKey) must be 1 to 4096 printable "
                           "ASCII characters"));
    a.secret = d.secret;
    if (a.type == ConnectorAuth::Type::Basic) {
        if (d.username.isEmpty() || d.username.size() > 200 || d.username.contains(QLatin1Char(':')))
            return refusal("auth", QStringLiteral("auth.username must be 1 to 200 characters without ':'"));
        a.username = d.username;
    } else if (a.type == ConnectorAuth::Type::Header) {
        static const QStringList reserved{QStringLiteral("host"), QStringLiteral("content-length"),
            QStringLiteral("content-type"), QStringLiteral("transfer-encoding"), QStringLiteral("connection"),
            QStringLiteral("expect")};
        if (!headerName.match(d.headerName).hasMatch() || reserved.contains(d.headerName.toLower()))
            return refusal("auth", QStringLiteral("auth.name must be a header name (not Host, Content-Length, ...)"));
        a.headerName = d.headerName;
    } else if (a.type == ConnectorAuth::Type::SigV4) {
        if (!keyId.match(d.accessKeyId).hasMatch() || !region.match(d.region).hasMatch())
            return refusal("auth",
                QStringLiteral("sigv4 needs accessKeyId (AKIA...), secretAccessKey and region (e.g. eu-west-1)"));
        a.accessKeyId = d.accessKeyId;
        a.region = d.region;
        a.service = d.service.isEmpty() ? QStringLiteral("lambda") : d.service;
        if (!region.match(a.service).hasMatch())
            return refusal("auth", QStringLiteral("auth.service must be an AWS service name such as lambda"));
    }
    return a;
}

Status checkRequest(const QString &purpose, const ConnectorRequest &r)
{
    static const QStringList methods{QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
        QStringLiteral("PATCH"), QStringLiteral("DELETE")};
    const QString at = QStringLiteral("requests.") + purpose;
    if (!methods.contains(r.method))
        return refusal("requests", at + QStringLiteral(".method must be GET, POST, PUT, PATCH or DELETE"));
    if (!r.path.startsWith(QLatin1Char('/')) || r.path.size() > 1024 || r.path.contains(QLatin1Char('?'))
        || r.path.contains(QLatin1Char('#')))
        return refusal("requests",
            at + QStringLiteral(".path must start with '/', hold no '?' or '#' and be at most 1024 characters"));
    if (r.query.size() > ConnectorCheck::kMaxQueryItems)
        return refusal("requests", at + QStringLiteral(".query holds at most 20 parameters"));
    QStringList templates{r.path, r.body};
    for (const auto &item : r.query) {
        if (item.first.isEmpty() || item.first.size() > 100)
            return refusal("requests", at + QStringLiteral(".query's names must be 1 to 100 characters"));
        templates << item.second;
    }
    for (const QString &text : templates) {
        if (const Status ok = connectors::RequestTemplate::check(text); !ok)
            return refusal("requests", at + QStringLiteral(": ") + ok.error().message);
    }
    return Ok{};
}

Status checkFields(ConnectorPurpose purpose, const FieldPointers &f)
{
    const QString at = QStringLiteral("fields.") + toString(purpose);
    static const QRegularExpression fieldName(QStringLiteral("^[A-Za-z][A-Za-z0-9_]{0,39}$"));
    // A customer's attributes by name: attributes.stripeCustomerId.
    static const QRegularExpression attributeName(QStringLiteral("^attributes\\.[A-Za-z0-9_.:-]{1,64}$"));
    if (f.fields.size() > ConnectorCheck::kMaxFieldsPerPurpose)
        return refusal("fields", at + QStringLiteral(" names at most 40 fields"));
    const bool isOrder = purpose == ConnectorPurpose::Order || purpose == ConnectorPurpose::Orders;
    for (auto it = f.fields.constBegin(); it != f.fields.constEnd(); ++it) {
        const bool known = connectors::OrderFields::names().contains(it.key())
            || it.key() == QLatin1String("deliveryDate")
            || (purpose == ConnectorPurpose::Orders && it.key() == QLatin1String("at"));
        const bool named = fieldName.match(it.key()).hasMatch()
            || (purpose == ConnectorPurpose::Customer && attributeName.match(it.key()).hasMatch());
        if (isOrder ? !known : !named)
            return refusal("fields",
                QStringLiteral("%1.%2 is no field; an order's are %3")
                    .arg(at, it.key().left(40), connectors::OrderFields::names().join(QStringLiteral(", "))));
        if (!connectors::JsonPointer::parse(it.value()))
            return refusal(
                "fields", QStringLiteral("%1.%2 must be a JSON pointer such as /order/status").arg(at, it.key()));
    }
    if (f.items) {
        for (const QString &p : {f.items->at, f.items->name, f.items->quantity, f.items->price})
            if (!connectors::JsonPointer::parse(p))
                return refusal(
                    "fields", at + QStringLiteral(".items: at, name, quantity and price must be JSON pointers"));
        if (!isOrder || f.items->at.isEmpty() || f.items->name.isEmpty())
            return refusal("fields", at + QStringLiteral(".items needs at least \"at\" and \"name\" (orders only)"));
    }
    if (isOrder && f.fields.value(QStringLiteral("status")).isEmpty() && f.fields.value(QStringLiteral("id")).isEmpty())
        return refusal("fields", at + QStringLiteral(" must point at least to the order's id or status"));
    return Ok{};
}

Status checkHttpParts(const ConnectorDraft &d, const QList<ConnectorPurpose> &purposes, Connector &c)
{
    for (const QString &name : d.requests.keys()) {
        const auto p = parseConnectorPurpose(name);
        if (!p || !purposes.contains(*p))
            return refusal("requests",
                QStringLiteral("requests.%1 is for a purpose the connector does not serve").arg(name.left(40)));
        if (const Status ok = checkRequest(name, d.requests.value(name)); !ok)
            return ok;
        c.requests.insert(*p, d.requests.value(name));
    }
    for (const QString &name : d.fields.keys()) {
        const auto p = parseConnectorPurpose(name);
        if (!p || !purposes.contains(*p))
            return refusal(
                "fields", QStringLiteral("fields.%1 is for a purpose the connector does not serve").arg(name.left(40)));
        if (const Status ok = checkFields(*p, d.fields.value(name)); !ok)
            return ok;
        c.fields.insert(*p, d.fields.value(name));
    }
    for (const ConnectorPurpose p : purposes) {
        if (!c.requests.contains(p))
            return refusal("requests", QStringLiteral("requests.%1 is needed: how to ask for it").arg(toString(p)));
        if ((p == ConnectorPurpose::Order || p == ConnectorPurpose::Orders) && !c.fields.contains(p))
            return refusal(
                "fields", QStringLiteral("fields.%1 is needed: where the order's fields are").arg(toString(p)));
    }
    return Ok{};
}

} // namespace

Status ConnectorCheck::checkUrl(ConnectorKind kind, const QUrl &url, bool hasSecret) const
{
    const QString https = QStringLiteral("https");
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != QLatin1String("http") && url.scheme() != https)
        || url.toString().size() > kMaxUrlChars)
        return refusal("url", QStringLiteral("url must be an absolute http(s) URL of at most 2048 characters"));
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return refusal("url", QStringLiteral("url must not contain a user name, password, query or fragment"));
    const std::optional<QHostAddress> literal = AddressPolicy::literal(url.host());
    if (literal) {
        if (const Status allowed = m_policy.check(*literal); !allowed)
            return refusal("url", QStringLiteral("url is not allowed: ") + allowed.error().message);
    }
    const bool thisMachine = url.host() == QLatin1String("localhost") || (literal && literal->isLoopback());
    if ((hasSecret || kind == ConnectorKind::Stripe) && url.scheme() != https && !thisMachine)
        return refusal("url", QStringLiteral("a secret is sent only over https, or over http to this machine"));
    return Ok{};
}

Result<Connector> ConnectorCheck::check(const QString &companyId, const ConnectorDraft &d) const
{
    static const QRegularExpression namePattern(QStringLiteral("^[a-z0-9][a-z0-9._-]*$"));
    if (d.name.size() > kMaxNameChars || !namePattern.match(d.name).hasMatch() || d.name == QLatin1String(kBuiltin))
        return refusal(
            "name", QStringLiteral("name must be 1 to 40 characters: a-z, 0-9, '.', '_' or '-' (not \"builtin\")"));
    const std::optional<ConnectorKind> kind = parseConnectorKind(d.kind);
    if (!kind)
        return refusal(
            "kind", QStringLiteral("kind must be one of: ") + connectorKindNames().join(QStringLiteral(", ")));
    Connector c;
    c.companyId = companyId;
    c.name = d.name;
    c.kind = *kind;
    const Result<QList<ConnectorPurpose>> purposes = checkedPurposes(*kind, d.purposes);
    if (!purposes)
        return purposes.error();
    c.purposes = *purposes;
    const QString url
        = d.url.isEmpty() && *kind == ConnectorKind::Stripe ? QStringLiteral("https://api.stripe.com") : d.url;
    c.url = QUrl(url, QUrl::StrictMode).adjusted(QUrl::StripTrailingSlash);
    const Result<ConnectorAuth> auth = checkedAuth(*kind, d);
    if (!auth)
        return auth.error();
    c.auth = *auth;
    if (const Status ok = checkUrl(*kind, QUrl(url, QUrl::StrictMode), !c.auth.secret.isEmpty()); !ok)
        return ok.error();
    const int maxTimeout = *kind == ConnectorKind::Lambda ? 8000 : kMaxTimeoutMs;
    if (d.timeoutMs < kMinTimeoutMs || d.timeoutMs > maxTimeout)
        return refusal("timeoutMs", QStringLiteral("timeoutMs must be %1 to %2").arg(kMinTimeoutMs).arg(maxTimeout));
    c.timeoutMs = d.timeoutMs;
    if (*kind != ConnectorKind::Http && (!d.requests.isEmpty() || !d.fields.isEmpty()))
        return refusal(
            d.requests.isEmpty() ? "fields" : "requests", QStringLiteral("requests and fields are the http kind's"));
    if (*kind == ConnectorKind::Http) {
        if (const Status ok = checkHttpParts(d, c.purposes, c); !ok)
            return ok.error();
    }
    if (!d.webhookSecret.isEmpty()
        && (*kind != ConnectorKind::Stripe || !printable(d.webhookSecret, ConnectorCheck::kMaxWebhookSecretBytes)))
        return refusal("webhookSecret",
            QStringLiteral("webhookSecret is Stripe's endpoint secret (whsec_..., at most 256 characters)"));
    c.webhookSecret = d.webhookSecret;
    return c;
}

Status checkConnectorSettings(Store &store, const QString &companyId, const ConnectorSettings &s)
{
    for (const auto &[purposeName, member] : ConnectorSettings::named()) {
        const QString *name = &(s.*member);
        const std::optional<ConnectorPurpose> purpose = parseConnectorPurpose(QLatin1String(purposeName));
        if (!purpose || *name == QLatin1String(ConnectorSettings::kBuiltin))
            continue;
        const QString field = QStringLiteral("connectors.") + toString(*purpose);
        const std::optional<Connector> c = store.connectors().find(companyId, *name, store.webhooks().sealer());
        if (!c || !c->serves(*purpose))
            return makeError(ErrorKind::InvalidArgument,
                QStringLiteral("%1: \"%2\" is no connector of this company serving %3")
                    .arg(field, name->left(40), toString(*purpose)),
                {{QStringLiteral("field"), field}});
    }
    return Ok{};
}

} // namespace tierdesk
