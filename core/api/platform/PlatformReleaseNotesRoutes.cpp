// GET /api/release-notes: Tierdesk's own releases, from :/release-notes.json.
#include "core/api/platform/PlatformCall.h"
#include "core/api/platform/PlatformErrors.h"
#include "core/api/platform/PlatformRoutes.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace tierdesk::api {
namespace {

// Read at each request (a few kB, rarely asked): a build without them is a defect of
// ours, answered as the table answers Internal errors and said in the log.
Result<QJsonObject> releaseNotes()
{
    QFile f(QStringLiteral(":/release-notes.json"));
    QJsonObject notes;
    if (f.open(QIODevice::ReadOnly))
        notes = QJsonDocument::fromJson(f.readAll()).object();
    if (notes.isEmpty())
        return makeError(ErrorKind::Internal, QStringLiteral("The release notes are missing from this build"));
    return notes;
}

void getReleaseNotes(const PlatformCallPtr &c)
{
    Result<QJsonObject> notes = releaseNotes();
    if (!notes) {
        qWarning("GET /api/release-notes: %s", qPrintable(notes.error().message));
        return platformcall::fail(c, notes.error());
    }
    notes->insert(QStringLiteral("current_version"), QStringLiteral(TIERDESK_VERSION));
    platformcall::replyJson(c, 200, *notes);
}

} // namespace

void installReleaseNotesRoutes(http::HttpServer &server, PlatformServices &services)
{
    server.router().route("GET", QStringLiteral("/api/release-notes"), signedRoute(services, &getReleaseNotes));
}

} // namespace tierdesk::api
