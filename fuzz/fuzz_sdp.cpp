// Fuzzes the SIP door's SDP offer/answer (core/voice/sip/SdpAnswer): the input is the body of an
// INVITE, decoded by libre's SDP and answered with our codec choice, as the SIP thread does.
// Properties: an offer is answered or refused with 488/500 and a reason; an answer is SDP that names
// our audio port with the chosen codec's payload type (taken from the offer, one of ours by name or
// static type), keypad events only when offered; answering the same offer again (a re-INVITE)
// chooses the same.
#include "core/voice/sip/SdpAnswer.h"
#include "fuzz/FuzzCheck.h"

#include <QRegularExpression>

#include <cstddef>
#include <cstdint>

using namespace tierdesk;
using namespace tierdesk::voice::sip;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    constexpr uint16_t kPort = 30000;
    struct sa local { };
    sa_set_str(&local, "127.0.0.1", kPort);
    SdpAnswer sdp(local);
    fuzz::check(sdp.isValid(), "the local SDP session is made");
    const QByteArray offer(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    SdpAnswer::Negotiated answer;
    SdpAnswer::Refusal refusal;
    if (!sdp.answer(offer, &answer, &refusal)) {
        fuzz::check(refusal.status == 488 || refusal.status == 500, "a refusal is 488 or 500",
            QByteArray::number(refusal.status));
        fuzz::check(!refusal.why.isEmpty(), "a refusal says why");
        return 0;
    }
    const CodecInfo &codec = codecInfo(answer.choice.codec);
    fuzz::check(answer.choice.payloadType >= 0 && answer.choice.payloadType <= 127, "a payload type is 0-127");
    fuzz::check(codec.staticPayloadType < 0 || answer.choice.payloadType == codec.staticPayloadType
            || answer.choice.payloadType >= 96,
        "a static type is its codec's");
    fuzz::check(answer.answer.startsWith("v=0\r\n"), "the answer is SDP", answer.answer);
    // Our media line: our port, RTP/AVP, and the chosen type among its formats (in the offer's
    // order); the offer's other media lines are answered with port 0.
    bool named = false;
    QRegularExpressionMatchIterator lines
        = QRegularExpression(QStringLiteral("(?m)^m=audio (\\d+) RTP/AVP ([0-9 ]+)\r$"))
              .globalMatch(QString::fromLatin1(answer.answer));
    while (lines.hasNext()) {
        const QRegularExpressionMatch m = lines.next();
        named = named
            || (m.captured(1).toInt() == kPort
                && m.captured(2).split(QLatin1Char(' ')).contains(QString::number(answer.choice.payloadType)));
    }
    fuzz::check(named, "the answer names our port and the chosen type", answer.answer);
    // Keypad events: an rtpmap line of ours for them exactly when the choice has their type (a
    // rejected media line of the offer may still carry the words in its port-0 echo).
    const QByteArray keypadLine
        = "a=rtpmap:" + QByteArray::number(answer.choice.telephoneEventType) + " telephone-event/8000";
    fuzz::check((answer.choice.telephoneEventType >= 0) == answer.answer.contains(keypadLine)
            && (answer.choice.telephoneEventType >= 0
                || !QRegularExpression(QStringLiteral("a=rtpmap:\\d+ telephone-event"))
                        .match(QString::fromLatin1(answer.answer))
                        .hasMatch()),
        "keypad events are answered only when offered", answer.answer);
    fuzz::check(sa_port(&answer.remote) != 0, "the caller's RTP address has a port");
    SdpAnswer::Negotiated again;
    fuzz::check(sdp.answer(offer, &again, &refusal), "a re-INVITE's same offer is answered");
    fuzz::check(again.choice.codec == answer.choice.codec && again.choice.payloadType == answer.choice.payloadType,
        "a re-INVITE's same offer chooses the same");
    return 0;
}
