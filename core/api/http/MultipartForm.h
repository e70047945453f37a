#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace tierdesk::http {

// A multipart/form-data body (RFC 7578) cut into its parts: each part's field name, file name
// and Content-Type from its headers, and its bytes as sent. InvalidArgument when the body is not
// one: no boundary in the Content-Type, no closing delimiter, a part without headers.
struct MultipartForm {
    static constexpr int kMaxParts = 100;

    struct Part {
        QString name;
        QString fileName;
        QByteArray contentType;
        QByteArray data;
    };
    QList<Part> parts;

    static Result<MultipartForm> parse(const QByteArray &contentType, const QByteArray &body);
    // The first part named `name` (a file or a field), nullptr when there is none.
    const Part *first(const char *name) const;
    // The first field (a part without a file name) named `name`, as UTF-8 text; empty when none.
    QString text(const char *name) const;
};

} // namespace tierdesk::http
