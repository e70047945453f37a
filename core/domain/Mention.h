#pragma once

#include <QString>

namespace tierdesk {

// A colleague named in an internal note (`@Full Name`, or `@First` when that first name is
// the company's only one): kept until they read it, and sent to their open consoles at once.
struct Mention {
    static constexpr int kMaxPerNote = 20; // more names than this in one note notify the first 20
    static constexpr int kExcerptChars = 200;
    static constexpr int kMaxListed = 100;

    QString id;
    QString companyId;
    QString agentId; // who is named
    QString sessionId;
    QString messageId; // the note
    QString fromId; // who wrote the note
    QString fromName;
    QString excerpt; // the note's first kExcerptChars characters
    qint64 createdAt = 0;
    qint64 readAt = 0; // 0: unread
};

} // namespace tierdesk
