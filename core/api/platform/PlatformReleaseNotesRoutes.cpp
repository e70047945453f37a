// GET /api/release-notes: Tierdesk's own releases, from :/release-notes.json.
#include "core/api/platform/PlatformCall.h"
#include "core/api/platform/PlatformErrors.h"
#include "core/api/platform/PlatformRoutes.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace tierdesk::api {
namespace {

// Read once: the file is part of the program.
QJsonObject releaseNotes()
{
    static const QJsonObject notes = [] {
        QFile f(QStringLiteral(":/release-notes.json"));
        if (!f.open(QIODevice::ReadOnly))
            return QJsonObject();
        return QJsonDocument::fromJson(f.readAll()).object();
    }();
    return notes;
}

void getReleaseNotes(const PlatformCallPtr &c)
{
    QJsonObject notes = releaseNotes();
    if (notes.isEmpty())
        return platformcall::fail(c,
            platform::error(
                500, platform::InternalServerError, QStringLiteral("The release notes are missing from this build")));
    notes.insert(QStringLiteral("current_version"), QStringLiteral(TIERDESK_VERSION));
    platformcall::replyJson(c, 200, notes);
}

} // namespace

void installReleaseNotesRoutes(http::HttpServer &server, PlatformServices &services)
{
    server.router().route("GET", QStringLiteral("/api/release-notes"), signedRoute(services, &getReleaseNotes));
}

} // namespace tierdesk::api
