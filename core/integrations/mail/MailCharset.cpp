#include "core/integrations/mail/MailCharset.h"

#include "core/integrations/mail/GMimeLibrary.h"

#include <QStringDecoder>

#include <cerrno>
#include <iconv.h>

namespace tierdesk::mail {

namespace {

constexpr size_t kIconvChunk = 4096;
const char kReplacementUtf8[] = "\xEF\xBF\xBD";

QByteArray canonicalCharset(const QByteArray &declared)
{
    QByteArray name = declared.trimmed().toLower();
    if (name.size() >= 2 && name.startsWith('"') && name.endsWith('"'))
        name = name.mid(1, name.size() - 2).trimmed();
    return name;
}

bool isAsciiName(const QByteArray &name)
{
    return name == "us-ascii" || name == "ascii" || name == "ansi_x3.4-1968" || name == "us_ascii";
}

bool isLatin1Name(const QByteArray &name)
{
    return name == "iso-8859-1" || name == "iso8859-1" || name == "iso_8859-1" || name == "latin1" || name == "latin-1"
        || name == "l1";
}

QString windows1252(const QByteArray &bytes)
{
    QString text;
    if (MailCharset::convert(bytes, "windows-1252", &text))
        return text;
    return QString::fromLatin1(bytes); // no CP1252 in this iconv: its Latin-1 subset
}

// UTF-8 when valid, else windows-1252: what undeclared 8-bit mail most often is.
QString guessed(const QByteArray &bytes)
{
    return MailCharset::isUtf8(bytes) ? QString::fromUtf8(bytes) : windows1252(bytes);
}

} // namespace

bool MailCharset::isUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString ignored = decoder.decode(bytes);
    return !decoder.hasError();
}

bool MailCharset::convert(const QByteArray &bytes, const QByteArray &charset, QString *out)
{
    GMimeLibrary::init();
    iconv_t cd = g_mime_iconv_open("UTF-8", charset.constData());
    if (cd == reinterpret_cast<iconv_t>(-1))
        return false;
    QByteArray utf8;
    utf8.reserve(bytes.size() + bytes.size() / 2);
    char buffer[kIconvChunk];
    char *in = const_cast<char *>(bytes.constData());
    size_t inLeft = static_cast<size_t>(bytes.size());
    while (inLeft > 0) {
        char *outPtr = buffer;
        size_t outLeft = sizeof buffer;
        const size_t done = iconv(cd, &in, &inLeft, &outPtr, &outLeft);
        utf8.append(buffer, outPtr - buffer);
        if (done != static_cast<size_t>(-1) || errno == E2BIG)
            continue;
        // EILSEQ (a byte the charset does not define) or EINVAL (a sequence cut at the end):
        // one replacement character for the byte, and on.
        utf8.append(kReplacementUtf8);
        ++in;
        --inLeft;
    }
    char *outPtr = buffer;
    size_t outLeft = sizeof buffer;
    iconv(cd, nullptr, nullptr, &outPtr, &outLeft); // a stateful charset's closing shift
    utf8.append(buffer, outPtr - buffer);
    g_mime_iconv_close(cd);
    *out = QString::fromUtf8(utf8);
    return true;
}

QString MailCharset::decode(const QByteArray &bytes, const QByteArray &declaredCharset)
{
    const QByteArray name = canonicalCharset(declaredCharset);
    if (name.isEmpty() || isAsciiName(name))
        return guessed(bytes);
    if (name == "utf-8" || name == "utf8")
        return QString::fromUtf8(bytes);
    if (isLatin1Name(name))
        return windows1252(bytes);
    QString text;
    if (convert(bytes, name, &text))
        return text;
    return guessed(bytes); // a charset iconv does not know ("unknown-8bit", typos)
}

} // namespace tierdesk::mail
