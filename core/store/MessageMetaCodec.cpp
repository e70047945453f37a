// A message's metadata column: an AI reply's making, a person's name and action, or a caller's
// words as recognised ("asr"), or how a mail or text came ("channel"), with the keys the transcript shows. Kept apart
// from api/cs's JSON on purpose (see ConfigCodec).
#include "core/store/MessageMetaCodec.h"

#include "core/common/JsonWriter.h"
#include "core/common/Time.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tierdesk::storage {
namespace {

QJsonObject aiMetaJson(const AiReplyMeta &ai)
{
    QJsonObject o{{QStringLiteral("actionsTaken"), QJsonArray::fromStringList(ai.actionsTaken)},
        {QStringLiteral("aiGenerated"), true}, {QStringLiteral("confidence"), ai.confidence},
        {QStringLiteral("intent"), ai.intent}, {QStringLiteral("latencyMs"), ai.latencyMs},
        {QStringLiteral("model"), ai.model},
        {QStringLiteral("suggestedActions"), QJsonArray::fromStringList(ai.suggestedActions)},
        {QStringLiteral("tokens"),
            QJsonObject{{QStringLiteral("input"), ai.inputTokens}, {QStringLiteral("output"), ai.outputTokens}}}};
    if (ai.charge.calls > 0) // the model calls paid for (model_usage holds them too); the transcript does not show it
        o.insert(QStringLiteral("charge"),
            QJsonObject{{QStringLiteral("model"), ai.charge.model}, {QStringLiteral("calls"), ai.charge.calls},
                {QStringLiteral("input"), ai.charge.inputTokens}, {QStringLiteral("output"), ai.charge.outputTokens},
                {QStringLiteral("amount"), ai.charge.amount}, {QStringLiteral("currency"), ai.charge.currency}});
    if (!ai.fallback.isEmpty())
        o.insert(QStringLiteral("fallback"), ai.fallback);
    if (!ai.guardNotes.isEmpty()) { // both names, as the API prints them: the stored text is the answer's
        o.insert(QStringLiteral("guardNotes"), QJsonArray::fromStringList(ai.guardNotes));
        o.insert(QStringLiteral("replyGuard"), QJsonArray::fromStringList(ai.guardNotes));
    }
    return o;
}

QJsonObject actionJson(const PersonAction &a)
{
    return {{QStringLiteral("type"), a.type},
        {QStringLiteral("orderId"), a.orderId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(a.orderId)},
        {QStringLiteral("amount"), a.amount}, {QStringLiteral("tier"), toString(a.tier)},
        {QStringLiteral("agentId"), a.agentId}, {QStringLiteral("agentName"), a.agentName},
        {QStringLiteral("at"), timefmt::iso(a.at)}};
}

QJsonObject personJson(const PersonMeta &p)
{
    QJsonObject o{{QStringLiteral("agentId"), p.agentId}, {QStringLiteral("agentName"), p.agentName}};
    if (p.action) {
        o.insert(QStringLiteral("action"), actionJson(*p.action));
        o.insert(QStringLiteral("actionsTaken"), QJsonArray::fromStringList(p.actionsTaken));
    }
    if (p.closing)
        o.insert(QStringLiteral("closing"), true);
    return o;
}

QJsonObject asrJson(const AsrMeta &a)
{
    QJsonObject asr{{QStringLiteral("confidence"), a.confidence}, {QStringLiteral("startMs"), a.startMs},
        {QStringLiteral("endMs"), a.endMs}};
    if (a.digits)
        asr.insert(QStringLiteral("digits"), true);
    if (a.keypad)
        asr.insert(QStringLiteral("keypad"), true);
    return {{QStringLiteral("asr"), asr}};
}

AsrMeta readAsr(const QJsonObject &o)
{
    return {o.value(QLatin1String("confidence")).toDouble(), o.value(QLatin1String("startMs")).toInteger(),
        o.value(QLatin1String("endMs")).toInteger(), o.value(QLatin1String("digits")).toBool(),
        o.value(QLatin1String("keypad")).toBool()};
}

QJsonArray filesJson(const QList<ChannelFileRef> &refs)
{
    QJsonArray files;
    for (const ChannelFileRef &f : refs) {
        QJsonObject file{{QStringLiteral("id"), f.id}, {QStringLiteral("name"), f.name},
            {QStringLiteral("contentType"), f.contentType}, {QStringLiteral("bytes"), f.bytes}};
        if (!f.kept)
            file.insert(QStringLiteral("kept"), false);
        files.append(file);
    }
    return files;
}

QList<ChannelFileRef> readFiles(const QJsonValue &v)
{
    QList<ChannelFileRef> out;
    for (const QJsonValue &item : v.toArray()) {
        const QJsonObject f = item.toObject();
        out.append({f.value(QLatin1String("id")).toString(), f.value(QLatin1String("name")).toString(),
            f.value(QLatin1String("contentType")).toString(), f.value(QLatin1String("bytes")).toInteger(),
            f.value(QLatin1String("kept")).toBool(true)});
    }
    return out;
}

QJsonObject channelJson(const ChannelMeta &c)
{
    const QJsonArray files = filesJson(c.attachments);
    QJsonObject o{{QStringLiteral("kind"), c.kind}, {QStringLiteral("from"), c.from}};
    if (!c.subject.isEmpty())
        o.insert(QStringLiteral("subject"), c.subject);
    if (!c.to.isEmpty())
        o.insert(QStringLiteral("to"), QJsonArray::fromStringList(c.to));
    if (!c.cc.isEmpty())
        o.insert(QStringLiteral("cc"), QJsonArray::fromStringList(c.cc));
    if (!files.isEmpty())
        o.insert(QStringLiteral("attachments"), files);
    if (!c.original.isEmpty())
        o.insert(QStringLiteral("original"), c.original);
    if (!c.automatic.isEmpty())
        o.insert(QStringLiteral("automatic"), c.automatic);
    if (c.truncated)
        o.insert(QStringLiteral("truncated"), true);
    return {{QStringLiteral("channel"), o}};
}

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &s : v.toArray())
        out << s.toString();
    return out;
}

AiReplyMeta readAiMeta(const QJsonObject &o)
{
    AiReplyMeta ai;
    ai.actionsTaken = strings(o.value(QLatin1String("actionsTaken")));
    ai.confidence = o.value(QLatin1String("confidence")).toDouble();
    ai.intent = o.value(QLatin1String("intent")).toString();
    ai.latencyMs = o.value(QLatin1String("latencyMs")).toInteger();
    ai.model = o.value(QLatin1String("model")).toString();
    ai.suggestedActions = strings(o.value(QLatin1String("suggestedActions")));
    const QJsonObject tokens = o.value(QLatin1String("tokens")).toObject();
    ai.inputTokens = tokens.value(QLatin1String("input")).toInt();
    ai.outputTokens = tokens.value(QLatin1String("output")).toInt();
    if (const QJsonObject c = o.value(QLatin1String("charge")).toObject(); !c.isEmpty()) {
        ai.charge = {c.value(QLatin1String("model")).toString(), c.value(QLatin1String("calls")).toInt(),
            c.value(QLatin1String("input")).toInt(), c.value(QLatin1String("output")).toInt(),
            c.value(QLatin1String("amount")).toDouble(), c.value(QLatin1String("currency")).toString()};
    } else if (const double usd = o.value(QLatin1String("costUsd")).toDouble(); usd > 0) {
        // Written before a message kept its calls: one call of the words' model, in US dollars.
        ai.charge = {ai.model, 1, ai.inputTokens, ai.outputTokens, usd, QStringLiteral("USD")};
    }
    ai.fallback = o.value(QLatin1String("fallback")).toString();
    ai.guardNotes = strings(o.value(QLatin1String("replyGuard")));
    return ai;
}

PersonMeta readPerson(const QJsonObject &o)
{
    PersonMeta p{o.value(QLatin1String("agentId")).toString(), o.value(QLatin1String("agentName")).toString(),
        o.value(QLatin1String("closing")).toBool(), std::nullopt, {}};
    if (const QJsonObject a = o.value(QLatin1String("action")).toObject(); !a.isEmpty()) {
        p.action = PersonAction{a.value(QLatin1String("type")).toString(), a.value(QLatin1String("orderId")).toString(),
            a.value(QLatin1String("amount")).toDouble(),
            parse<Tier>(a.value(QLatin1String("tier")).toString()).value_or(Tier::HumanAgent),
            a.value(QLatin1String("agentId")).toString(), a.value(QLatin1String("agentName")).toString(),
            timefmt::parseIso(a.value(QLatin1String("at")).toString()).toMSecsSinceEpoch()};
        p.actionsTaken = strings(o.value(QLatin1String("actionsTaken")));
    }
    return p;
}

ChannelMeta readChannel(const QJsonObject &o)
{
    ChannelMeta c;
    c.kind = o.value(QLatin1String("kind")).toString();
    c.subject = o.value(QLatin1String("subject")).toString();
    c.from = o.value(QLatin1String("from")).toString();
    c.to = strings(o.value(QLatin1String("to")));
    c.cc = strings(o.value(QLatin1String("cc")));
    c.attachments = readFiles(o.value(QLatin1String("attachments")));
    c.original = o.value(QLatin1String("original")).toString();
    c.automatic = o.value(QLatin1String("automatic")).toString();
    c.truncated = o.value(QLatin1String("truncated")).toBool();
    return c;
}

} // namespace

QByteArray encodeMessageMeta(const MessageMeta &meta)
{
    if (meta.ai)
        return compactJson(aiMetaJson(*meta.ai));
    if (meta.channel)
        return compactJson(channelJson(*meta.channel));
    if (meta.asr)
        return compactJson(asrJson(*meta.asr));
    // A person's message, or a customer's typed one, with the files sent with it.
    QJsonObject o = meta.person ? personJson(*meta.person) : QJsonObject();
    if (!meta.files.isEmpty())
        o.insert(QStringLiteral("attachments"), filesJson(meta.files));
    return o.isEmpty() ? QByteArray() : compactJson(o);
}

MessageMeta decodeMessageMeta(const QByteArray &text)
{
    MessageMeta meta;
    const QJsonObject o = QJsonDocument::fromJson(text).object();
    if (o.value(QLatin1String("aiGenerated")).toBool())
        meta.ai = readAiMeta(o);
    else if (o.contains(QLatin1String("agentId")))
        meta.person = readPerson(o);
    else if (o.value(QLatin1String("asr")).isObject())
        meta.asr = readAsr(o.value(QLatin1String("asr")).toObject());
    else if (o.value(QLatin1String("channel")).isObject())
        meta.channel = readChannel(o.value(QLatin1String("channel")).toObject());
    if (!meta.channel)
        meta.files = readFiles(o.value(QLatin1String("attachments")));
    return meta;
}

} // namespace tierdesk::storage
