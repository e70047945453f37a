#include "core/integrations/mail/EncodedWordRuns.h"

#include "core/integrations/mail/GMimeLibrary.h"

#include <QList>
#include <QRegularExpression>

namespace tierdesk::mail {

namespace {

// One base64 encoded word in the header block: where it is, its charset and its payload.
struct Base64Word {
    qsizetype start = 0;
    qsizetype end = 0;
    QByteArray charset;
    QByteArray payload;
};

QList<Base64Word> base64Words(const QByteArray &headers)
{
    static const QRegularExpression word(QStringLiteral("=\\?([^?\\s]+)\\?[bB]\\?([A-Za-z0-9+/=]*)\\?="));
    QList<Base64Word> words;
    QRegularExpressionMatchIterator it = word.globalMatch(QString::fromLatin1(headers));
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        words.append(Base64Word{
            m.capturedStart(), m.capturedEnd(), m.captured(1).toLatin1().toLower(), m.captured(2).toLatin1()});
    }
    return words;
}

bool onlySpaceBetween(const QByteArray &headers, const Base64Word &a, const Base64Word &b)
{
    for (qsizetype i = a.end; i < b.start; ++i) {
        const char c = headers.at(i);
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return false;
    }
    return true;
}

// Joins words [first, last] into one word when one before the last is padded.
QByteArray joined(const QList<Base64Word> &words, qsizetype first, qsizetype last, bool *changed)
{
    bool padded = false;
    QByteArray text;
    for (qsizetype i = first; i <= last; ++i) {
        padded = padded || (i < last && words.at(i).payload.endsWith('='));
        text += QByteArray::fromBase64(words.at(i).payload);
    }
    *changed = padded;
    return "=?" + words.at(first).charset + "?B?" + text.toBase64() + "?=";
}

QByteArray joinRuns(const QByteArray &headers)
{
    const QList<Base64Word> words = base64Words(headers);
    QByteArray out;
    qsizetype copied = 0;
    for (qsizetype first = 0; first < words.size();) {
        qsizetype last = first;
        while (last + 1 < words.size() && words.at(last + 1).charset == words.at(first).charset
            && onlySpaceBetween(headers, words.at(last), words.at(last + 1)))
            ++last;
        bool changed = false;
        const QByteArray word = joined(words, first, last, &changed);
        if (changed) {
            out += headers.mid(copied, words.at(first).start - copied) + word;
            copied = words.at(last).end;
        }
        first = last + 1;
    }
    return out + headers.mid(copied);
}

} // namespace

bool EncodedWordRuns::needed()
{
    GMimeLibrary::init();
    return !g_mime_check_version(3, 2, 14);
}

QByteArray EncodedWordRuns::joinPadded(const QByteArray &headers)
{
    return headers.contains("?=") ? joinRuns(headers) : headers;
}

} // namespace tierdesk::mail
