// A message's "metadata" in seed 001's transcript: an AI reply's making, a person's name
// and action, a caller's recognised words ({"asr": {...}}), how a mail or text came ({"channel": {...}}), the files
// sent with it in the web chat ({"attachments": [...]}). Written as a
// QJsonObject and straight to text (the message route's answer); both give the same keys in the same (Qt's sorted)
// order, which tst_jsonwriter checks.
#include "core/api/cs/CsJson.h"

#include "core/common/Time.h"

#include <QJsonArray>

namespace tierdesk::json {
namespace {

QJsonObject aiJson(const AiReplyMeta &ai)
{
    QJsonObject o{{QStringLiteral("actionsTaken"), QJsonArray::fromStringList(ai.actionsTaken)},
        {QStringLiteral("aiGenerated"), true}, {QStringLiteral("confidence"), ai.confidence},
        {QStringLiteral("intent"), ai.intent}, {QStringLiteral("latencyMs"), ai.latencyMs},
        {QStringLiteral("model"), ai.model},
        {QStringLiteral("suggestedActions"), QJsonArray::fromStringList(ai.suggestedActions)},
        {QStringLiteral("tokens"),
            QJsonObject{{QStringLiteral("input"), ai.inputTokens}, {QStringLiteral("output"), ai.outputTokens}}}};
    if (!ai.fallback.isEmpty())
        o.insert(QStringLiteral("fallback"), ai.fallback);
    if (!ai.guardNotes.isEmpty()) { // "replyGuard" is the older name clients may read
        o.insert(QStringLiteral("guardNotes"), QJsonArray::fromStringList(ai.guardNotes));
        o.insert(QStringLiteral("replyGuard"), QJsonArray::fromStringList(ai.guardNotes));
    }
    return o;
}

QJsonObject personJson(const PersonMeta &p)
{
    QJsonObject o{{QStringLiteral("agentId"), p.agentId}, {QStringLiteral("agentName"), p.agentName}};
    if (p.action) {
        o.insert(QStringLiteral("action"), personAction(*p.action));
        o.insert(QStringLiteral("actionsTaken"), QJsonArray::fromStringList(p.actionsTaken));
    }
    if (p.closing)
        o.insert(QStringLiteral("closing"), true);
    return o;
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

JsonWriter &strings(JsonWriter &w, const char *key, const QStringList &list)
{
    w.key(key).beginArray();
    for (const QString &s : list)
        w.value(s);
    return w.endArray();
}

void writeAi(JsonWriter &w, const AiReplyMeta &ai)
{
    strings(w.beginObject(), "actionsTaken", ai.actionsTaken)
        .field("aiGenerated", true)
        .field("confidence", ai.confidence);
    if (!ai.fallback.isEmpty())
        w.field("fallback", ai.fallback);
    if (!ai.guardNotes.isEmpty())
        strings(w, "guardNotes", ai.guardNotes);
    w.field("intent", ai.intent).field("latencyMs", ai.latencyMs).field("model", ai.model);
    if (!ai.guardNotes.isEmpty())
        strings(w, "replyGuard", ai.guardNotes);
    strings(w, "suggestedActions", ai.suggestedActions)
        .key("tokens")
        .beginObject()
        .field("input", ai.inputTokens)
        .field("output", ai.outputTokens)
        .endObject();
    w.endObject();
}

void writePerson(JsonWriter &w, const PersonMeta &p, const QList<ChannelFileRef> &files)
{
    w.beginObject();
    if (p.action)
        strings(w.field("action", QJsonValue(personAction(*p.action))), "actionsTaken", p.actionsTaken);
    w.field("agentId", p.agentId).field("agentName", p.agentName);
    if (!files.isEmpty())
        w.field("attachments", QJsonValue(filesJson(files)));
    if (p.closing)
        w.field("closing", true);
    w.endObject();
}

} // namespace

QJsonObject personAction(const PersonAction &a)
{
    return {{QStringLiteral("type"), a.type},
        {QStringLiteral("orderId"), a.orderId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(a.orderId)},
        {QStringLiteral("amount"), a.amount}, {QStringLiteral("tier"), toString(a.tier)},
        {QStringLiteral("agentId"), a.agentId}, {QStringLiteral("agentName"), a.agentName},
        {QStringLiteral("at"), timefmt::iso(a.at)}};
}

QJsonObject messageMeta(const MessageMeta &meta)
{
    if (meta.ai)
        return aiJson(*meta.ai);
    if (meta.channel)
        return channelJson(*meta.channel);
    if (meta.asr)
        return asrJson(*meta.asr);
    // A person's message, or a customer's typed one, with the files sent with it.
    QJsonObject o = meta.person ? personJson(*meta.person) : QJsonObject();
    if (!meta.files.isEmpty())
        o.insert(QStringLiteral("attachments"), filesJson(meta.files));
    return o;
}

void write(JsonWriter &w, const MessageMeta &meta)
{
    if (meta.ai)
        writeAi(w, *meta.ai);
    else if (meta.person)
        writePerson(w, *meta.person, meta.files);
    else if (meta.asr)
        w.value(QJsonValue(asrJson(*meta.asr)));
    else if (meta.channel)
        w.value(QJsonValue(channelJson(*meta.channel)));
    else if (!meta.files.isEmpty())
        w.beginObject().field("attachments", QJsonValue(filesJson(meta.files))).endObject();
    else
        w.beginObject().endObject();
}

} // namespace tierdesk::json
