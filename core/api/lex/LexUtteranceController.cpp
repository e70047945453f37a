#include "core/api/lex/LexUtteranceController.h"

#include "core/api/lex/LexErrors.h"
#include "core/api/lex/LexHeaderCodec.h"
#include "core/api/lex/LexSpeech.h"
#include "core/api/lex/LexTextController.h"
#include "core/voice/OrderNumberSpeech.h"

#include <QJsonDocument>

namespace tierdesk::api {
namespace {

const QByteArray kTextType = "text/plain; charset=utf-8";

// "audio/l16; rate=16000; channels=1" -> the type and its parameters, lower case, spaces gone.
QByteArray mediaType(const QByteArray &header, QHash<QByteArray, QByteArray> *params)
{
    const QList<QByteArray> parts = header.toLower().split(';');
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray p = parts.at(i).trimmed();
        const qsizetype eq = p.indexOf('=');
        if (eq > 0)
            params->insert(p.left(eq).trimmed(), p.mid(eq + 1).trimmed());
    }
    return parts.value(0).trimmed();
}

// Lex's PCM forms at 16 kHz, 16-bit, mono, little-endian: empty when the type is one, else what is wrong.
QString audioFault(const QByteArray &type, const QHash<QByteArray, QByteArray> &p)
{
    const QByteArray rate = p.value("rate", p.value("sample-rate"));
    const QByteArray channels = p.value("channels", p.value("channel-count", "1"));
    const bool pcm16 = p.value("sample-size-bits", "16") == "16" && p.value("is-big-endian", "false") == "false";
    if (type != "audio/l16" && type != "audio/x-l16" && type != "audio/lpcm")
        return QStringLiteral("Content-Type must be audio/l16; rate=16000; channels=1 or text/plain; charset=utf-8");
    if (rate != "16000" || channels != "1" || !pcm16)
        return QStringLiteral("Audio must be 16 kHz 16-bit little-endian mono PCM (audio/l16; rate=16000; channels=1)");
    return {};
}

// A JSON header of the request: base64 of JSON, gzip-compressed or not.
std::optional<QJsonValue> jsonHeader(const QByteArray &header, QString *fault, const QString &name)
{
    if (header.isEmpty())
        return QJsonValue();
    const auto text = LexHeaderCodec::unpack(header);
    QJsonParseError err{};
    const QJsonDocument doc = text ? QJsonDocument::fromJson(*text, &err) : QJsonDocument();
    if (!text || err.error != QJsonParseError::NoError || !doc.isObject()) {
        *fault = name + QStringLiteral(" must be base64 (of gzip) of a JSON object");
        return std::nullopt;
    }
    return QJsonValue(doc.object());
}

} // namespace

std::optional<LexUtteranceController::Request> LexUtteranceController::read(const LexCallPtr &c)
{
    Request r;
    QHash<QByteArray, QByteArray> params;
    const QByteArray type = mediaType(c->req.header("content-type"), &params);
    QHash<QByteArray, QByteArray> answerParams;
    const QByteArray answerType = mediaType(c->req.header("response-content-type"), &answerParams);
    QString fault;
    if (type != "text/plain")
        fault = audioFault(type, params);
    r.audio = type != "text/plain";
    if (fault.isEmpty() && !answerType.isEmpty() && answerType != "audio/pcm" && answerType != "text/plain")
        fault = QStringLiteral("Response-Content-Type must be audio/pcm or text/plain; charset=utf-8");
    r.speakReply = answerType == "audio/pcm";
    if (fault.isEmpty() && (r.audio || r.speakReply) && c->language != Language::En)
        fault = QStringLiteral("Speech is recognised and spoken in en_US only; send text/plain for ") + c->localeId;
    const auto state = fault.isEmpty()
        ? jsonHeader(c->req.header("x-amz-lex-session-state"), &fault, QStringLiteral("x-amz-lex-session-state"))
        : std::nullopt;
    const auto attributes = state ? jsonHeader(c->req.header("x-amz-lex-request-attributes"), &fault,
                                QStringLiteral("x-amz-lex-request-attributes"))
                                  : std::nullopt;
    const auto checkedState = attributes ? lexjson::sessionState(*state, &fault) : std::nullopt;
    const auto checkedAttributes = checkedState
        ? lexjson::stringMap(*attributes, QStringLiteral("x-amz-lex-request-attributes"), &fault)
        : std::nullopt;
    if (!checkedAttributes) {
        lexcall::fail(c, lex::invalid(fault));
        return std::nullopt;
    }
    r.sessionState = *checkedState;
    r.requestAttributes = *checkedAttributes;
    r.echoAttributes = !attributes->isNull();
    return r;
}

void LexUtteranceController::recognize(const LexCallPtr &c)
{
    const auto r = read(c);
    if (!r)
        return;
    LexConversation::Utterance u;
    u.sessionState = r->sessionState;
    u.requestAttributes = r->requestAttributes;
    if (!r->audio) {
        const auto text = LexTextController::checkedText(c, QString::fromUtf8(c->req.body));
        if (!text)
            return;
        u.text = u.transcript = *text;
        return heard(c, *r, u);
    }
    if (c->req.body.isEmpty() || c->req.body.size() > kMaxAudioBytes || c->req.body.size() % 2 != 0)
        return lexcall::fail(
            c, lex::invalid(QStringLiteral("The audio must be 2 to %1 bytes of 16-bit samples").arg(kMaxAudioBytes)));
    const bool digits = LexConversation::expectsDigits(c);
    const bool started = c->services->speech->recognize(voice::pcmFromLittleEndian(c->req.body), digits,
        c->services->context, [c, request = *r, u, digits](Result<voice::Recognition> words) mutable {
            if (!words)
                return lexcall::fail(c, lex::error(words.error()));
            u.transcript = words->text;
            u.text = words->text;
            if (digits && !voice::OrderNumberSpeech::digits(words->words).isEmpty()) {
                // "order one zero zero zero five": the engine reads ORD-10005, the transcript shows
                // the words without an echoed "oh" when only that reading makes the number.
                const auto config = c->engine().config(c->company);
                const QString pattern = voice::OrderNumberSpeech::patternOrStore(
                    config ? config->connectors.orderNumberPattern : QString());
                u.transcript = u.spokenOrderId = voice::OrderNumberSpeech::meant(words->words, pattern).join(u' ');
                u.text = voice::OrderNumberSpeech::engineText(words->words, pattern);
            }
            heard(c, request, u);
        });
    if (!started)
        lexcall::fail(c,
            lex::error(
                ErrorKind::LimitExceeded, QStringLiteral("Too many utterances are being recognised; try again")));
}

void LexUtteranceController::heard(const LexCallPtr &c, const Request &r, LexConversation::Utterance u)
{
    if (u.text.trimmed().isEmpty()) {
        // Nothing was recognised: the caller is asked again, and the engine hears nothing.
        auto a = LexConversation::stored(c);
        LexConversation::Answer again = a ? a.value() : LexConversation::Answer{};
        const QString prompt = QStringLiteral("Sorry, I did not catch that. Could you say it again?");
        again.messages = lexjson::messagesJson(prompt);
        again.reply = prompt;
        return answer(c, r, QString(), again);
    }
    const QString transcript = u.transcript;
    LexConversation::converse(c, u, [c, r, transcript](Result<LexConversation::Answer> a) {
        if (!a)
            return LexTextController::fail(c, a.error());
        answer(c, r, transcript, a.value());
    });
}

void LexUtteranceController::answer(
    const LexCallPtr &c, const Request &r, const QString &transcript, const LexConversation::Answer &a)
{
    if (!r.speakReply)
        return send(c, r, transcript, a, {});
    const bool started = c->services->speech->speak(a.reply, c->language, c->voice, c->services->context,
        [c, r, transcript, a](const QByteArray &pcm) { send(c, r, transcript, a, pcm); });
    if (!started)
        lexcall::fail(
            c, lex::error(ErrorKind::LimitExceeded, QStringLiteral("Too many replies are being spoken; try again")));
}

void LexUtteranceController::send(const LexCallPtr &c, const Request &r, const QString &transcript,
    const LexConversation::Answer &a, const QByteArray &audio)
{
    http::HttpResponse out;
    out.status = 200;
    out.body = audio;
    out.contentType = r.speakReply ? QByteArray("audio/pcm") : kTextType;
    out.withHeader("x-amz-lex-session-id", c->sessionId.toLatin1());
    out.withHeader("x-amz-lex-input-mode", r.audio ? "Speech" : "Text");
    if (!transcript.isEmpty())
        out.withHeader("x-amz-lex-input-transcript", LexHeaderCodec::pack(transcript.toUtf8()));
    out.withHeader("x-amz-lex-messages", LexHeaderCodec::pack(a.messages));
    if (!a.sessionState.isEmpty())
        out.withHeader("x-amz-lex-session-state", LexHeaderCodec::pack(a.sessionState));
    if (!a.interpretations.isEmpty())
        out.withHeader("x-amz-lex-interpretations", LexHeaderCodec::pack(a.interpretations));
    if (r.echoAttributes)
        out.withHeader("x-amz-lex-request-attributes", LexHeaderCodec::pack(r.requestAttributes));
    lexcall::reply(c, out);
}

} // namespace tierdesk::api
