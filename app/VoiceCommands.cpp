// The speech commands: `voice say` writes what the AI would say as a WAV file (the company's voice,
// the text prepared for the ear), `voice hear` prints what the AI would hear in a recording. Both
// run the very speech of calls (core/voice) on this machine, so an admin can check it, and tests
// can make a caller's microphone from words (docs/calls.md).
#include "app/CliSupport.h"

#include "core/voice/EarText.h"
#include "core/voice/SpeechRecognizer.h"
#include "core/voice/SpeechSynthesizer.h"
#include "core/voice/calls/CallVocabulary.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>
#include <QtEndian>

namespace tierdesk::cli {
namespace {

constexpr qint64 kMaxRecordingBytes = 64LL * 1024 * 1024; // about 35 minutes of 16 kHz audio

void putLe(QByteArray &out, quint32 value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.append(char((value >> (8 * i)) & 0xff));
}

// A RIFF WAVE file of 16 kHz mono 16-bit PCM.
QByteArray wavOf(const QByteArray &pcm)
{
    QByteArray out("RIFF");
    putLe(out, quint32(36 + pcm.size()), 4);
    out += "WAVEfmt ";
    putLe(out, 16, 4);
    putLe(out, 1, 2); // PCM
    putLe(out, 1, 2); // mono
    putLe(out, voice::kSampleRate, 4);
    putLe(out, voice::kSampleRate * 2, 4);
    putLe(out, 2, 2);
    putLe(out, 16, 2);
    out += "data";
    putLe(out, quint32(pcm.size()), 4);
    return out + pcm;
}

// The samples of a WAV file (16 kHz mono 16-bit PCM) or, without a RIFF header, of raw s16le.
Result<QByteArray> pcmOf(const QByteArray &file)
{
    if (!file.startsWith("RIFF"))
        return file;
    const auto bad = [] {
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("a WAV file must be 16 kHz mono 16-bit PCM (or give raw s16le)"));
    };
    bool formatOk = false;
    for (qsizetype at = 12; at + 8 <= file.size();) {
        const QByteArray id = file.mid(at, 4);
        const qsizetype size = qFromLittleEndian<quint32>(file.constData() + at + 4);
        if (id == "fmt " && size >= 16) {
            const char *f = file.constData() + at + 8;
            formatOk = qFromLittleEndian<quint16>(f) == 1 && qFromLittleEndian<quint16>(f + 2) == 1
                && qFromLittleEndian<quint32>(f + 4) == quint32(voice::kSampleRate)
                && qFromLittleEndian<quint16>(f + 14) == 16;
        } else if (id == "data") {
            if (!formatOk)
                return bad();
            return file.mid(at + 8, std::min<qsizetype>(size, file.size() - at - 8));
        }
        at += 8 + size + (size % 2);
    }
    return bad();
}

} // namespace

int runVoiceSay(const Args &args)
{
    const QString text = args.arguments.value(0).trimmed();
    if (text.isEmpty())
        return fail(2, QStringLiteral("voice say needs the words: tierdesk voice say \"TEXT\" --out FILE.wav"));
    const auto voiceName
        = voice::SpeechSynthesizer::voiceNamed(args.options.value(QStringLiteral("voice"), QStringLiteral("slt")));
    if (!voiceName)
        return fail(2, QStringLiteral("--voice must be slt or rms"));
    const qint64 padMs = args.options.value(QStringLiteral("pad-ms"), QStringLiteral("0")).toLongLong();
    const voice::SpeechSynthesizer speaker(*voiceName);
    QByteArray pcm = voice::pcmToLittleEndian(speaker.synthesize(voice::EarText::prepare(text)));
    pcm += voice::pcmToLittleEndian(voice::silence(padMs));
    QSaveFile out(args.options.value(QStringLiteral("out")));
    if (!out.open(QIODevice::WriteOnly) || out.write(wavOf(pcm)) < 0 || !out.commit())
        return fail(1, QStringLiteral("cannot write %1: %2").arg(out.fileName(), out.errorString()));
    QTextStream(stdout) << out.fileName() << '\t' << pcm.size() / 32 << " ms\n";
    return 0;
}

int runVoiceHear(const Args &args)
{
    QFile file(args.arguments.value(0));
    if (!file.open(QIODevice::ReadOnly))
        return fail(2, QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
    if (file.size() > kMaxRecordingBytes)
        return fail(2, QStringLiteral("%1 is larger than 64 MB").arg(file.fileName()));
    const Result<QByteArray> pcm = pcmOf(file.readAll());
    if (!pcm)
        return fail(2, pcm.error().message);
    voice::SpeechRecognizer::Options heardAsCalls; // the calls' words (voice/vocabularySize's default)
    heardAsCalls.extraWords = voice::CallVocabulary::serviceWords();
    auto ear = voice::SpeechRecognizer::create(heardAsCalls);
    if (!ear)
        return fail(1, ear.error().message);
    if (args.flags.contains(QStringLiteral("digits")))
        (*ear)->expectDigits();
    (*ear)->start();
    (*ear)->feed(voice::pcmFromLittleEndian(*pcm));
    const voice::Recognition heard = (*ear)->finish();
    if (args.flags.contains(QStringLiteral("json"))) {
        const QJsonObject o{{QStringLiteral("text"), heard.text}, {QStringLiteral("confidence"), heard.confidence},
            {QStringLiteral("startMs"), heard.startMs}, {QStringLiteral("endMs"), heard.endMs}};
        QTextStream(stdout) << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else {
        QTextStream(stdout) << heard.text << '\n';
    }
    return 0;
}

} // namespace tierdesk::cli
