#pragma once

#include <QString>

namespace tierdesk {

// The anonymous visitor of a chat session started with a company's widget key
// (chat POC API, seed 003): who they said they are and the hash of their secret.
struct ChatVisitor {
    QString sessionId;
    QString companyId;
    QString userId; // as the visitor named themselves ("userId"); never trusted as a customer
    QString secretHash; // VisitorSecret::hashOf() of the per-session secret, lower-case hex
    QString widgetKeyId; // the widget key that started the session ("tok_...")
    qint64 createdAt = 0; // ms
};

} // namespace tierdesk
