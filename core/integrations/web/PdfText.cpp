#include "core/integrations/web/PdfText.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <memory>
#include <mutex>

namespace tierdesk::web {

namespace {

// A broken file makes poppler print "Syntax Error: ..." lines; the error returned says enough.
void silencePoppler()
{
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function([](const std::string &, void *) {}, nullptr); });
}

QString pageText(const poppler::page &page)
{
    const poppler::byte_array utf8 = page.text().to_utf8();
    QString text = QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
    text.replace(QLatin1Char('\f'), QLatin1Char('\n')); // poppler ends a page with a form feed
    // Typesetting's ligatures ("ﬁ" for "fi") and presentation forms as the letters they stand for,
    // so the text is searched as it reads.
    text = text.normalized(QString::NormalizationForm_KC);
    while (!text.isEmpty() && text.back().isSpace())
        text.chop(1);
    return text;
}

bool anyPageHasWords(const QStringList &pages)
{
    return std::any_of(pages.cbegin(), pages.cend(), [](const QString &page) {
        return std::any_of(page.cbegin(), page.cend(), [](QChar c) { return c.isLetterOrNumber(); });
    });
}

} // namespace

Result<QStringList> PdfText::pages(const QByteArray &pdf)
{
    if (pdf.size() > kMaxBytes)
        return makeError(ErrorKind::LimitExceeded, QStringLiteral("the PDF is larger than %1 bytes").arg(kMaxBytes));
    silencePoppler();
    const std::unique_ptr<poppler::document> document(
        poppler::document::load_from_raw_data(pdf.constData(), static_cast<int>(pdf.size())));
    if (!document)
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("not a readable PDF"));
    if (document->is_locked())
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("the PDF is locked by a password"));
    const int count = document->pages();
    if (count > kMaxPages)
        return makeError(ErrorKind::LimitExceeded, QStringLiteral("the PDF has more than %1 pages").arg(kMaxPages));
    QStringList pages;
    for (int i = 0; i < count; ++i) {
        const std::unique_ptr<poppler::page> page(document->create_page(i));
        pages.append(page ? pageText(*page) : QString());
    }
    if (!anyPageHasWords(pages))
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("no text"));
    return pages;
}

} // namespace tierdesk::web
