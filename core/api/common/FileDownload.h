#pragma once

#include "core/api/http/HttpTypes.h"
#include "core/domain/SessionFile.h"

namespace tierdesk::api {

// Content-Disposition for a file saved under `name` (quoted ASCII and RFC 5987's UTF-8 form):
// "attachment" (saved), or "inline" (shown where it is opened).
QByteArray contentDisposition(const QString &name, bool shownInline = false);

// A file sent in a conversation, as its readers get it: its type as its bytes say (an image is
// shown inline, a PDF is saved), never sniffed again by the browser and never able to run script
// on this origin.
http::HttpResponse sessionFileDownload(const SessionFile &file);

} // namespace tierdesk::api
