#include "core/engine/customers/CustomerDirectory.h"

#include "core/common/Ids.h"
#include "core/common/Validation.h"
#include "core/engine/admin/CallLog.h"
#include "core/engine/customers/CustomerErasure.h"
#include "core/engine/customers/CustomerFields.h"

#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace tierdesk {

struct CustomerDirectory::ImportRun {
    QString companyId;
    bool dryRun = false;
    Actor actor;
    CustomerImport::Parsed parsed;
    int next = 0; // the next row to match
    // The customers rows may match: read a batch at a time, then as the rows before left them
    // (a dry run writes nothing, so a later row matches what an earlier one would have made).
    QHash<QString, Customer> known;
    QHash<QString, QString> knownByEmail;
    QHash<QString, QString> knownByPhone;
    void remember(const Customer &c)
    {
        if (const auto before = known.constFind(c.id); before != known.constEnd()) {
            knownByEmail.remove(before->email);
            knownByPhone.remove(before->phone);
        }
        known.insert(c.id, c);
        if (!c.email.isEmpty())
            knownByEmail.insert(c.email, c.id);
        if (!c.phone.isEmpty())
            knownByPhone.insert(c.phone, c.id);
    }
    QPointer<QObject> context;
    ImportDone done;
};

CustomerDirectory::CustomerDirectory(SessionEngine &engine, QObject *parent)
    : QObject(parent), m_engine(engine), m_store(engine.core().store())
{
    m_readers.setMaxThreadCount(1);
}

std::optional<Customer> CustomerDirectory::byPhone(const QString &companyId, const QString &number)
{
    constexpr int kMinDigits = 4; // shorter is an extension, not a customer's number
    constexpr int kCandidates = 20; // the search matches on more than the phone
    const QString phone = CustomerFields::normalizedPhone(number);
    if (phone.size() < kMinDigits)
        return std::nullopt;
    const auto page = search(companyId, phone, kCandidates, 0);
    if (page)
        for (const Customer &customer : page->customers)
            if (CustomerFields::normalizedPhone(customer.phone) == phone)
                return customer;
    return std::nullopt;
}

std::optional<Customer> CustomerDirectory::byEmail(const QString &companyId, const QString &address)
{
    constexpr int kCandidates = 20; // the search matches on more than the address
    if (address.isEmpty() || address.size() > kMaxQueryChars)
        return std::nullopt;
    const auto page = search(companyId, address, kCandidates, 0);
    if (page)
        for (const Customer &customer : page->customers)
            if (customer.email.compare(address, Qt::CaseInsensitive) == 0)
                return customer;
    return std::nullopt;
}

Result<CustomerDirectory::Page> CustomerDirectory::search(
    const QString &companyId, const QString &query, int limit, int offset)
{
    if (auto company = m_engine.company(companyId); !company)
        return company.error();
    if (query.size() > kMaxQueryChars || hasControlCharacters(query))
        return invalidField(
            QStringLiteral("q"), QStringLiteral("q must be one line of at most %1 characters").arg(kMaxQueryChars));
    if (limit < 1 || limit > kMaxLimit)
        return invalidField(QStringLiteral("limit"), QStringLiteral("limit must be 1 to %1").arg(kMaxLimit));
    if (offset < 0)
        return invalidField(QStringLiteral("offset"), QStringLiteral("offset must not be negative"));
    Page page;
    auto found = m_store.customerAdmin().search(companyId, query.trimmed(), limit, offset, &page.total);
    if (!found)
        return found.error();
    page.customers = *found;
    return page;
}

Result<Customer> CustomerDirectory::get(const QString &companyId, const QString &id)
{
    if (auto company = m_engine.company(companyId); !company)
        return company.error();
    if (auto c = m_store.customers().find(companyId, id))
        return *c;
    return makeError(ErrorKind::NotFound, QStringLiteral("Customer not found"), {{QStringLiteral("customerId"), id}});
}

Result<CustomerDirectory::Stored> CustomerDirectory::put(
    const QString &companyId, const QString &id, const QJsonObject &fields, const Actor &actor)
{
    if (auto company = m_engine.company(companyId); !company)
        return company.error();
    if (const Status ok = CustomerFields::checkId(id); !ok)
        return ok.error();
    Result<Customer> given = CustomerFields::fromJson(companyId, id, fields);
    if (!given)
        return given.error();
    Stored out{*given, true};
    if (const auto stored = m_store.customers().find(companyId, id)) {
        out.created = false;
        out.customer.creditBalance = stored->creditBalance;
        out.customer.createdAt = stored->createdAt;
        out.customer.erasedAt = stored->erasedAt;
        if (!fields.contains(QLatin1String("subscription")))
            out.customer.subscription = stored->subscription;
    }
    const qint64 now = m_engine.clock().nowMs();
    const Status written = m_store.batch().run([&]() -> Status {
        if (const Status ok = m_store.customers().upsert(out.customer, now); !ok)
            return ok;
        return m_engine.core().record(companyId, actor, QStringLiteral("customer.put"),
            QStringLiteral("customer:") + id, out.created ? AuditOutcome::Created : AuditOutcome::Done);
    });
    if (!written)
        return written.error();
    if (out.customer.createdAt == 0)
        out.customer.createdAt = now;
    out.customer.updatedAt = now;
    return out;
}

Status CustomerDirectory::erase(const QString &companyId, const QString &id, const Actor &actor)
{
    const Result<Customer> c = get(companyId, id);
    if (!c)
        return c.error();
    if (m_calls) { // their calls' recordings first: the files, then the paths to them
        const Result<int> recordings = m_calls->eraseCustomer(companyId, id);
        if (!recordings)
            return recordings.error();
    }
    return CustomerErasure(m_engine.core()).erase(*c, actor);
}

Status CustomerDirectory::tokenRefusal(const QString &companyId, const QString &id, qint64 issuedAtSecs)
{
    const auto c = m_store.customers().find(companyId, id);
    if (c && c->erasedAt != 0 && issuedAtSecs <= c->erasedAt / 1000)
        return makeError(ErrorKind::Unauthenticated, QStringLiteral("the customer's data was erased"));
    return Ok{};
}

std::optional<Customer> CustomerDirectory::match(ImportRun &run, const Customer &row)
{
    for (const QString &id : {row.id, run.knownByEmail.value(row.email), run.knownByPhone.value(row.phone)}) {
        if (id.isEmpty())
            continue;
        if (const auto found = run.known.constFind(id); found != run.known.constEnd())
            return *found;
    }
    return std::nullopt;
}

Status CustomerDirectory::prefetch(ImportRun &run, int from, int to)
{
    QStringList ids, emails, phones;
    for (int i = from; i < to; ++i) {
        const Customer &c = run.parsed.rows.at(i).customer;
        if (!c.id.isEmpty() && !run.known.contains(c.id))
            ids.append(c.id);
        if (!c.email.isEmpty() && !run.knownByEmail.contains(c.email))
            emails.append(c.email);
        if (!c.phone.isEmpty() && !run.knownByPhone.contains(c.phone))
            phones.append(c.phone);
    }
    const auto found = m_store.customerAdmin().findAny(run.companyId, ids, emails, phones);
    if (!found)
        return found.error();
    for (const Customer &c : *found)
        if (!run.known.contains(c.id)) // what an earlier row made of it wins
            run.remember(c);
    return Ok{};
}

Status CustomerDirectory::applyRow(ImportRun &run, const CustomerImport::Row &row)
{
    const std::optional<Customer> stored = match(run, row.customer);
    Customer next = stored ? CustomerFields::merged(*stored, row.customer, row.given) : row.customer;
    if (!stored && next.id.isEmpty())
        next.id = ids::random(QStringLiteral("cus_"));
    if (stored && CustomerFields::sameFields(*stored, next)) {
        ++run.parsed.report.unchanged;
        return Ok{};
    }
    ++(stored ? run.parsed.report.updated : run.parsed.report.created);
    run.remember(next);
    if (run.dryRun)
        return Ok{};
    return m_store.customers().upsert(next, m_engine.clock().nowMs());
}

Status CustomerDirectory::applyRows(ImportRun &run, int from, int to)
{
    if (const Status ok = prefetch(run, from, to); !ok)
        return ok;
    return m_store.batch().run([&]() -> Status {
        for (int i = from; i < to; ++i)
            if (const Status ok = applyRow(run, run.parsed.rows.at(i)); !ok)
                return ok;
        return Ok{};
    });
}

void CustomerDirectory::finishImport(ImportRun &run, const Status &status)
{
    m_importing.remove(run.companyId);
    const CustomerImport::Report &r = run.parsed.report;
    if (!run.dryRun)
        m_engine.core().audit(run.companyId, run.actor, QStringLiteral("customer.import"), QStringLiteral("customers"),
            status ? AuditOutcome::Done : AuditOutcome::Failed,
            {{QStringLiteral("created"), r.created}, {QStringLiteral("updated"), r.updated},
                {QStringLiteral("unchanged"), r.unchanged}, {QStringLiteral("failed"), r.failedCount}});
}

Result<CustomerImport::Report> CustomerDirectory::importFile(const QString &companyId, const QByteArray &file,
    CustomerImport::Format format, bool dryRun, const Actor &actor, const Progress &progress)
{
    if (auto company = m_engine.company(companyId); !company)
        return company.error();
    Result<CustomerImport::Parsed> parsed = CustomerImport::parse(file, format, companyId);
    if (!parsed)
        return parsed.error();
    ImportRun run;
    run.companyId = companyId;
    run.dryRun = dryRun;
    run.actor = actor;
    run.parsed = std::move(*parsed);
    const int total = int(run.parsed.rows.size());
    Status status = Ok{};
    for (int from = 0; from < total && status; from += kRowsPerBatch) {
        status = applyRows(run, from, qMin(total, from + kRowsPerBatch));
        if (progress)
            progress(qMin(total, from + kRowsPerBatch), total);
    }
    if (status && !dryRun)
        status = m_store.batch().commitNow();
    finishImport(run, status);
    if (!status)
        return status.error();
    return run.parsed.report;
}

void CustomerDirectory::importFile(const QString &companyId, const QByteArray &file, CustomerImport::Format format,
    bool dryRun, const Actor &actor, QObject *context, ImportDone done)
{
    if (auto company = m_engine.company(companyId); !company)
        return done(company.error());
    if (m_importing.contains(companyId))
        return done(makeError(ErrorKind::Conflict, QStringLiteral("An import of this company's customers is running")));
    m_importing.insert(companyId);
    auto run = std::make_shared<ImportRun>();
    run->companyId = companyId;
    run->dryRun = dryRun;
    run->actor = actor;
    run->context = context;
    run->done = std::move(done);
    QPointer<CustomerDirectory> self(this);
    QtConcurrent::run(&m_readers, [file, format, companyId] {
        return CustomerImport::parse(file, format, companyId);
    }).then(this, [self, run](Result<CustomerImport::Parsed> parsed) {
        if (!self)
            return;
        if (!parsed) {
            self->m_importing.remove(run->companyId);
            if (run->context)
                run->done(parsed.error());
            return;
        }
        run->parsed = std::move(*parsed);
        self->continueImport(run);
    });
}

void CustomerDirectory::continueImport(std::shared_ptr<ImportRun> run)
{
    const int total = int(run->parsed.rows.size());
    const int to = qMin(total, run->next + kRowsPerBatch);
    const Status status = run->next < total ? applyRows(*run, run->next, to) : Status(Ok{});
    run->next = to;
    if (status && run->next < total) {
        // The rest after whatever else waits on the engine thread.
        QTimer::singleShot(0, this, [this, run] { continueImport(run); });
        return;
    }
    if (!status || run->dryRun) {
        finishImport(*run, status);
        if (run->context)
            run->done(status ? Result<CustomerImport::Report>(run->parsed.report) : status.error());
        return;
    }
    m_store.batch().afterCommit([this, run](bool committed) {
        const Status outcome
            = committed ? Status(Ok{}) : m_store.batch().failure(QStringLiteral("could not store the import"));
        finishImport(*run, outcome);
        if (run->context)
            run->done(outcome ? Result<CustomerImport::Report>(run->parsed.report) : outcome.error());
    });
}

} // namespace tierdesk
