#include "core/engine/sources/CustomerSource.h"

#include "core/engine/customers/CustomerFields.h"
#include "core/engine/sources/Connectors.h"
#include "core/integrations/connectors/ConnectorClient.h"
#include "core/integrations/connectors/RequestTemplate.h"

#include <QJsonObject>

namespace tierdesk {

namespace {

using connectors::RequestTemplate;

const QStringList &customerFields()
{
    static const QStringList names{QStringLiteral("name"), QStringLiteral("email"), QStringLiteral("phone"),
        QStringLiteral("tier"), QStringLiteral("isVIP"), QStringLiteral("lifetimeValue")};
    return names;
}

// One said value as PUT /api/cs/customers/:id would take it, typed as an import's CSV cell is
// ("true", "2450.5"): the client reads every field as text.
Result<Customer> checked(const QString &field, const QString &text)
{
    QJsonObject one;
    if (field.startsWith(QLatin1String(CustomerSource::kAttributePrefix)))
        one.insert(QStringLiteral("attributes"),
            QJsonObject{{field.mid(int(qstrlen(CustomerSource::kAttributePrefix))), text.trimmed()}});
    else
        one = CustomerFields::csvFields({field}, {text});
    if (field != QLatin1String("name"))
        one.insert(QStringLiteral("name"), QStringLiteral("-")); // the rules require one; not said here
    return CustomerFields::fromJson(QString(), QString(), one);
}

void take(const QString &field, const Customer &from, CustomerLookup &into)
{
    Customer &to = into.said;
    if (field == QLatin1String("name"))
        to.name = from.name;
    else if (field == QLatin1String("email"))
        to.email = from.email;
    else if (field == QLatin1String("phone"))
        to.phone = from.phone;
    else if (field == QLatin1String("tier"))
        to.tier = from.tier;
    else if (field == QLatin1String("isVIP"))
        to.isVIP = from.isVIP;
    else if (field == QLatin1String("lifetimeValue"))
        to.lifetimeValue = from.lifetimeValue;
    for (auto it = from.attributes.constBegin(); it != from.attributes.constEnd(); ++it)
        to.attributes.insert(it.key(), it.value()); // an attribute's own rules held too
    if (customerFields().contains(field))
        into.given << field;
}

// Whose answer it is: an id, e-mail or phone it was asked by and says otherwise is someone else's.
QString otherCustomer(const QMap<QString, QString> &fields, const CustomerQuery &q, CustomerSource::Asked asked)
{
    const QString id = fields.value(QStringLiteral("id")).trimmed();
    if (!id.isEmpty() && id != q.customerId)
        return QStringLiteral("id");
    const QString email = fields.value(QStringLiteral("email")).trimmed();
    if (asked.byEmail && !email.isEmpty() && email.compare(q.email, Qt::CaseInsensitive) != 0)
        return QStringLiteral("email");
    const QString phone = fields.value(QStringLiteral("phone")).trimmed();
    if (asked.byPhone && !phone.isEmpty()
        && CustomerFields::normalizedPhone(phone) != CustomerFields::normalizedPhone(q.phone))
        return QStringLiteral("phone");
    return {};
}

} // namespace

Result<std::shared_ptr<CustomerSource>> CustomerSource::of(
    Connectors &connectors, const QString &companyId, const QString &name)
{
    const Result<Connector> c = connectors.find(companyId, name);
    if (!c || c->kind != ConnectorKind::Http || !c->serves(ConnectorPurpose::Customer))
        return makeError(
            ErrorKind::Unavailable, QStringLiteral("the connector \"%1\" named for customer is not there").arg(name));
    return std::make_shared<CustomerSource>(*c, connectors.transport());
}

CustomerSource::Asked CustomerSource::asked() const
{
    const ConnectorRequest r = m_connector.requests.value(ConnectorPurpose::Customer);
    QStringList used = RequestTemplate::used(r.path) + RequestTemplate::used(r.body);
    for (const auto &[name, value] : r.query)
        used += RequestTemplate::used(value);
    return {used.contains(QLatin1String("email")), used.contains(QLatin1String("phone"))};
}

CustomerLookup CustomerSource::read(const QMap<QString, QString> &fields, const CustomerQuery &query, Asked asked)
{
    CustomerLookup out;
    out.state = CustomerLookup::State::Failed;
    if (fields.isEmpty()) {
        out.reason = QStringLiteral("the answer holds none of the customer's fields");
        return out;
    }
    if (const QString which = otherCustomer(fields, query, asked); !which.isEmpty()) {
        out.reason = QStringLiteral("the answer is about another customer (its %1 differs)").arg(which);
        return out;
    }
    out.state = CustomerLookup::State::Found;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        const bool attribute = it.key().startsWith(QLatin1String(kAttributePrefix));
        if (it.value().trimmed().isEmpty() || (!attribute && !customerFields().contains(it.key())))
            continue; // not said, or no customer field (the id was read above)
        const Result<Customer> one = checked(it.key(), it.value());
        if (one)
            take(it.key(), *one, out);
        else
            out.dropped << it.key() + QStringLiteral(": ") + one.error().message;
    }
    if (!out.dropped.isEmpty())
        out.reason = QStringLiteral("dropped %1").arg(out.dropped.join(QStringLiteral("; "))).left(500);
    return out;
}

CustomerLookup CustomerSource::lookup(const CustomerQuery &q) const
{
    connectors::ConnectorInput in;
    in.purpose = ConnectorPurpose::Customer;
    in.contact.contactId = q.sessionId;
    in.values.insert(QStringLiteral("sessionId"), q.sessionId);
    in.values.insert(QStringLiteral("customerId"), q.customerId);
    if (!q.email.isEmpty())
        in.values.insert(QStringLiteral("email"), q.email);
    if (!q.phone.isEmpty())
        in.values.insert(QStringLiteral("phone"), q.phone);
    const connectors::ConnectorAnswer a = connectors::ConnectorClient(m_http).call(m_connector, in);
    CustomerLookup out;
    if (!a.ok) {
        out.state = CustomerLookup::State::Failed;
        out.reason = a.error;
    } else if (a.found) {
        out = read(a.fields, q, asked());
    }
    out.source = name();
    out.latencyMs = a.latencyMs;
    out.sent = a.sent;
    out.status = a.status;
    return out;
}

} // namespace tierdesk
