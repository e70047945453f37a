#pragma once

#include <QString>

namespace tierdesk {

// The visitor of a chat session started with a company's widget key (chat POC API, seed 003):
// who they said they are, the hash of their secret, and who the company vouched they are.
struct ChatVisitor {
    QString sessionId;
    QString companyId;
    QString userId; // as the visitor named themselves ("userId"); never trusted as a customer
    QString secretHash; // VisitorSecret::hashOf() of the per-session secret, lower-case hex
    QString widgetKeyId; // the widget key that started the session ("tok_...")
    qint64 createdAt = 0; // ms
    // The company's customer the visitor proved to be (a verified identity, VisitorIdentity); empty:
    // an anonymous visitor, a customer of their own who never reaches anyone else's data.
    QString customerId;
};

} // namespace tierdesk
