#pragma once

#include "core/engine/pipeline/EngineCore.h"
#include "core/engine/sources/CustomerSource.h"

namespace tierdesk {

// What the company's system said of a customer (the `customer` connector purpose), laid over
// Tierdesk's record before a turn decides, so the turn's decisions use the company's figures:
// only the fields it said, in a transaction of its own, audited as `customer.sync` by the
// connector. An erased customer is never filled again; nothing is written when nothing changed.
class CustomerFacts {
public:
    explicit CustomerFacts(EngineCore &core) : m_core(core) { }

    // `newName`: the name of a record made here when the system said none (a new session's
    // customerName). Ok when there was nothing to write.
    Status write(
        const QString &companyId, const QString &customerId, const CustomerLookup &said, const QString &newName = {});

    // `stored` with what `said` holds laid over it, its attributes over the stored ones; when the
    // whole would break the attributes' limits, the said attributes are left out (in *dropped).
    static Customer merged(const Customer &stored, const CustomerLookup &said, QStringList *dropped);
    // The fields `after` changed (names only: the audit log holds no personal data).
    static QStringList changed(const Customer &before, const Customer &after);

private:
    EngineCore &m_core;
};

} // namespace tierdesk
