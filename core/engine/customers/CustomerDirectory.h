#pragma once

#include "core/engine/SessionEngine.h"
#include "core/engine/customers/CustomerImport.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QThreadPool>

#include <functional>

namespace tierdesk {

class CallLog;

// A company's customers as its admins keep them (routes under /api/cs/customers, `tierdesk
// customers`): search, one customer, create or replace, import, and erasure on request. Lives on
// the engine thread; an import's file is read on a pool of its own and written in short batches.
class CustomerDirectory : public QObject {
public:
    static constexpr int kDefaultLimit = 50;
    static constexpr int kMaxLimit = 500;
    static constexpr int kMaxQueryChars = 200;
    static constexpr int kRowsPerBatch = 100; // an import's rows written per turn of the event loop (a few ms)

    explicit CustomerDirectory(SessionEngine &engine, QObject *parent = nullptr);

    struct Page {
        QList<Customer> customers;
        int total = 0;
    };
    Result<Page> search(const QString &companyId, const QString &query, int limit, int offset);
    Result<Customer> get(const QString &companyId, const QString &id);
    // The customer whose phone is `number` (a caller's: Lex's callerNumber, a SIP From), compared
    // normalised; none for a number too short to be a customer's.
    std::optional<Customer> byPhone(const QString &companyId, const QString &number);
    // The customer whose e-mail address is `address` (a mail's sender), compared without case.
    std::optional<Customer> byEmail(const QString &companyId, const QString &address);
    struct Stored {
        Customer customer;
        bool created = false;
    };
    // `fields` as CustomerFields reads them; a stored customer keeps its balance and, when the
    // fields give none, its subscription.
    Result<Stored> put(const QString &companyId, const QString &id, const QJsonObject &fields, const Actor &actor);
    // Where calls' recordings are kept: an erasure erases the customer's too (none: no calls here).
    void setCallLog(CallLog *calls) { m_calls = calls; }
    // GDPR Art. 17: see CustomerErasure; and the recordings of the customer's calls.
    Status erase(const QString &companyId, const QString &id, const Actor &actor);
    // Why a client token for the customer issued at `issuedAtSecs` no longer works (their data was
    // erased after it was issued), else Ok.
    Status tokenRefusal(const QString &companyId, const QString &id, qint64 issuedAtSecs);

    using Progress = std::function<void(int done, int total)>;
    using ImportDone = std::function<void(Result<CustomerImport::Report>)>;
    // Reads the file off the engine thread, then matches and writes its rows in batches;
    // `done` on the engine thread unless `context` is gone. One import a company at a time.
    void importFile(const QString &companyId, const QByteArray &file, CustomerImport::Format format, bool dryRun,
        const Actor &actor, QObject *context, ImportDone done);
    // The same on the calling thread (the command line), with progress.
    Result<CustomerImport::Report> importFile(const QString &companyId, const QByteArray &file,
        CustomerImport::Format format, bool dryRun, const Actor &actor, const Progress &progress = {});

private:
    struct ImportRun;
    // Matches and (unless a dry run) writes rows [from, to) of the run, in one batch work.
    Status applyRows(ImportRun &run, int from, int to);
    Status applyRow(ImportRun &run, const CustomerImport::Row &row);
    // The stored customers rows [from, to) may match, read in one go into the run.
    Status prefetch(ImportRun &run, int from, int to);
    std::optional<Customer> match(ImportRun &run, const Customer &row);
    void continueImport(std::shared_ptr<ImportRun> run);
    void finishImport(ImportRun &run, const Status &status);

    SessionEngine &m_engine;
    Store &m_store;
    QThreadPool m_readers; // import files parsed here, one at a time
    QSet<QString> m_importing; // companies with an import running
    CallLog *m_calls = nullptr;
};

} // namespace tierdesk
