#include "core/api/common/OpenApiDocument.h"

#include "core/api/http/HttpServer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

namespace tierdesk::api {

namespace {

const QStringList kFragmentKeys = {QStringLiteral("paths"), QStringLiteral("components"), QStringLiteral("tags")};

// Adds from's members to into; a name both hold is an error naming `what`.
Status mergeNamed(QJsonObject &into, const QJsonObject &from, const QString &what, const QString &file)
{
    for (auto it = from.begin(); it != from.end(); ++it) {
        if (into.contains(it.key()))
            return makeError(
                ErrorKind::InvalidArgument, QStringLiteral("%1: %2 \"%3\" is defined twice").arg(file, what, it.key()));
        into.insert(it.key(), it.value());
    }
    return Ok{};
}

Status mergeComponents(QJsonObject &doc, const QJsonObject &components, const QString &file)
{
    QJsonObject merged = doc.value(QLatin1String("components")).toObject();
    for (auto it = components.begin(); it != components.end(); ++it) {
        QJsonObject section = merged.value(it.key()).toObject();
        if (Status named = mergeNamed(section, it.value().toObject(), QStringLiteral("components/") + it.key(), file);
            !named)
            return named;
        merged.insert(it.key(), section);
    }
    doc.insert(QStringLiteral("components"), merged);
    return Ok{};
}

Status mergeTags(QJsonObject &doc, const QJsonArray &tags, const QString &file)
{
    QJsonArray merged = doc.value(QLatin1String("tags")).toArray();
    QSet<QString> names;
    for (const QJsonValue &t : std::as_const(merged))
        names.insert(t.toObject().value(QLatin1String("name")).toString());
    for (const QJsonValue &t : tags) {
        const QString name = t.toObject().value(QLatin1String("name")).toString();
        if (names.contains(name))
            return makeError(
                ErrorKind::InvalidArgument, QStringLiteral("%1: tag \"%2\" is defined twice").arg(file, name));
        names.insert(name);
        merged.append(t);
    }
    doc.insert(QStringLiteral("tags"), merged);
    return Ok{};
}

Result<QJsonObject> readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorKind::NotFound, QStringLiteral("%1: %2").arg(path, f.errorString()));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (!doc.isObject())
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("%1: not a JSON object (%2 at %3)").arg(path, pe.errorString()).arg(pe.offset));
    return doc.object();
}

// One fragment into doc: only paths, components and tags, none defined twice.
Status mergeFragment(QJsonObject &doc, const OpenApiDocument::Fragment &f)
{
    for (auto it = f.json.begin(); it != f.json.end(); ++it) {
        if (!kFragmentKeys.contains(it.key()))
            return makeError(ErrorKind::InvalidArgument,
                QStringLiteral("%1: a fragment holds only paths, components and tags, not \"%2\"")
                    .arg(f.name, it.key()));
    }
    QJsonObject paths = doc.value(QLatin1String("paths")).toObject();
    if (Status named
        = mergeNamed(paths, f.json.value(QLatin1String("paths")).toObject(), QStringLiteral("path"), f.name);
        !named)
        return named;
    doc.insert(QStringLiteral("paths"), paths);
    if (Status components = mergeComponents(doc, f.json.value(QLatin1String("components")).toObject(), f.name);
        !components)
        return components;
    return mergeTags(doc, f.json.value(QLatin1String("tags")).toArray(), f.name);
}

} // namespace

Result<QJsonObject> OpenApiDocument::merge(const QJsonObject &base, const QList<Fragment> &fragments)
{
    QJsonObject doc = base;
    for (const Fragment &f : fragments) {
        if (Status merged = mergeFragment(doc, f); !merged)
            return merged.error();
    }
    return doc;
}

Result<QJsonObject> OpenApiDocument::load(const QString &dir)
{
    const QDir d(dir);
    const auto base = readJson(d.filePath(QStringLiteral("base.json")));
    if (!base)
        return base.error();
    QList<Fragment> fragments;
    const QStringList names = d.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        if (name == u"base.json")
            continue;
        const auto json = readJson(d.filePath(name));
        if (!json)
            return json.error();
        fragments.append({name, *json});
    }
    auto doc = merge(*base, fragments);
    if (doc) {
        QJsonObject info = doc->value(QLatin1String("info")).toObject();
        info.insert(QStringLiteral("version"), QStringLiteral(TIERDESK_VERSION));
        doc->insert(QStringLiteral("info"), info);
    }
    return doc;
}

QString OpenApiDocument::pathTemplate(const QString &routePattern)
{
    QStringList segments = routePattern.split(u'/');
    for (QString &s : segments) {
        if (s.startsWith(u':'))
            s = u'{' + s.mid(1) + u'}';
    }
    return segments.join(u'/');
}

void OpenApiDocument::install(http::HttpServer &server, const QJsonObject &document)
{
    const QByteArray body = QJsonDocument(document).toJson(QJsonDocument::Compact);
    server.router().route(
        "GET", QString::fromLatin1(ServedPath), [body](const http::HttpRequest &, const http::HttpResponder &res) {
            http::HttpResponse r;
            r.body = body;
            res.send(std::move(r));
        });
}

} // namespace tierdesk::api
