#pragma once

#include "core/common/Result.h"
#include "core/engine/knowledge/FetchedPage.h"

#include <QByteArray>
#include <QString>

namespace tierdesk {

// A file given to the knowledge base (POST /api/cs/kb/files, `tierdesk kb import`): a PDF (its
// text, with poppler), an HTML page (its main content, as a crawled page), Markdown (a front
// matter's title and keywords kept) or plain text, read into one article's title and text.
class KbFileImport {
public:
    static constexpr qint64 kMaxFileBytes = 20LL * 1024 * 1024;
    static constexpr int kMaxFiles = 20; // in one upload
    static constexpr qint64 kMaxUploadBytes = 110LL * 1024 * 1024; // the request: five large files and their parts

    struct File {
        QString name; // as uploaded: the article's address ("manual.pdf")
        QByteArray contentType;
        QByteArray data;
    };

    // InvalidArgument saying why: "no text" (a scan, an empty file), an unknown kind, too large.
    static Result<FetchedPage> read(const File &file);
    // The kind a file's name and first bytes say: "pdf", "html", "markdown", "text"; empty if none.
    static QString kindOf(const File &file);
};

} // namespace tierdesk
