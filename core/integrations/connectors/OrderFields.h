#pragma once

#include "core/common/Result.h"
#include "core/domain/Connector.h"

#include <QJsonValue>

namespace tierdesk::connectors {

// Reads an order out of a company system's answer: each field where its pointer
// points. A field the answer lacks is not said; a field of the wrong type fails
// the whole answer (garbage is never half-believed).
class OrderFields {
public:
    static constexpr int kMaxItems = 200;
    static constexpr int kMaxTextChars = 500;

    // id, status, total, currency, refundedAmount, customerId, customerEmail, paymentReference,
    // placedAt, shippedAt, estimatedDeliveryAt, deliveredAt, carrier, trackingNumber, items.
    static const QStringList &names();
    // The pointers of a flat answer (Amazon Connect's string map, seed 004's body): each
    // field under its own name, the status as `orderStatus` (or `status`), and `deliveryDate`.
    static FieldPointers flat();

    // InvalidArgument naming the field (in details.field) that has the wrong type.
    static Result<SourcedOrder> read(const QJsonValue &answer, const FieldPointers &pointers);
    // An array of orders at `pointer` ("" when the answer is the array), each read with `pointers`.
    static Result<QList<SourcedOrder>> readList(
        const QJsonValue &answer, const QString &pointer, const FieldPointers &pointers, int limit);
};

} // namespace tierdesk::connectors
