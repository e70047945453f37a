#include "core/engine/knowledge/KbFileImport.h"

#include "core/integrations/web/HtmlPage.h"
#include "core/integrations/web/PdfText.h"
#include "core/store/KbRepo.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>

namespace tierdesk {
namespace {

Error fileError(const QString &message)
{
    return makeError(ErrorKind::InvalidArgument, message);
}

// "return-policy_2024.pdf" reads as "Return policy 2024".
QString titleFromName(const QString &name)
{
    QString t = QFileInfo(name).completeBaseName();
    t.replace(QRegularExpression(QStringLiteral("[-_]+")), QStringLiteral(" "));
    t = t.simplified();
    if (!t.isEmpty())
        t[0] = t.at(0).toUpper();
    return t;
}

Result<QString> utf8Text(const QByteArray &data)
{
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString text = utf8.decode(data);
    if (utf8.hasError())
        text = QString::fromLatin1(data); // an older file in Latin-1
    if (text.contains(QChar(0)))
        return fileError(QStringLiteral("not a text file"));
    return text;
}

Result<FetchedPage> readMarkdown(const QString &name, const QString &text)
{
    FetchedPage page;
    if (const auto a = KbRepo::parseMarkdown(QFileInfo(name).completeBaseName(), text)) {
        page.title = a->title;
        page.keywords = a->keywords;
        page.text = a->body;
        return page;
    }
    // A front matter without a known category still gives its title and keywords.
    QString body = text;
    static const QRegularExpression frontMatter(
        QStringLiteral("\\A---\\r?\\n(.*?)\\r?\\n---[^\\n]*\\n?"), QRegularExpression::DotMatchesEverythingOption);
    if (const QRegularExpressionMatch fm = frontMatter.match(text); fm.hasMatch()) {
        for (const QString &line : fm.captured(1).split(QLatin1Char('\n'))) {
            const QString key = line.section(QLatin1Char(':'), 0, 0).trimmed();
            const QString value = line.section(QLatin1Char(':'), 1).trimmed();
            if (key == QLatin1String("title"))
                page.title = value;
            else if (key == QLatin1String("keywords"))
                page.keywords = value;
        }
        body = text.mid(fm.capturedLength(0));
    }
    static const QRegularExpression heading(QStringLiteral("^#\\s+(.+)$"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = heading.match(body);
    if (page.title.isEmpty())
        page.title = m.hasMatch() ? m.captured(1).trimmed() : titleFromName(name);
    page.text = body.trimmed();
    return page;
}

} // namespace

QString KbFileImport::kindOf(const File &file)
{
    const QString suffix = QFileInfo(file.name).suffix().toLower();
    const QByteArray type = file.contentType.toLower();
    if (file.data.startsWith("%PDF-") || suffix == QLatin1String("pdf") || type.startsWith("application/pdf"))
        return QStringLiteral("pdf");
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm") || type.startsWith("text/html"))
        return QStringLiteral("html");
    if (suffix == QLatin1String("md") || suffix == QLatin1String("markdown") || type.startsWith("text/markdown"))
        return QStringLiteral("markdown");
    if (suffix == QLatin1String("txt") || type.startsWith("text/plain"))
        return QStringLiteral("text");
    return {};
}

Result<FetchedPage> KbFileImport::read(const File &file)
{
    if (file.data.size() > kMaxFileBytes)
        return makeError(ErrorKind::LimitExceeded, QStringLiteral("larger than %1 MB").arg(kMaxFileBytes >> 20));
    const QString kind = kindOf(file);
    Result<FetchedPage> page = fileError(QStringLiteral("not a PDF, HTML, Markdown or text file"));
    if (kind == QLatin1String("pdf")) {
        const Result<QStringList> pages = web::PdfText::pages(file.data);
        if (!pages)
            return fileError(pages.error().message);
        FetchedPage p;
        p.title = titleFromName(file.name);
        p.text = pages->join(QStringLiteral("\n\n"));
        page = p;
    } else if (kind == QLatin1String("html")) {
        const Result<web::HtmlPage> html = web::HtmlPage::parse(file.data, QUrl(), {});
        if (!html)
            return fileError(html.error().message);
        FetchedPage p;
        p.title = html->title.isEmpty() ? titleFromName(file.name) : html->title;
        p.text = html->text;
        page = p;
    } else if (!kind.isEmpty()) {
        const Result<QString> text = utf8Text(file.data);
        if (!text)
            return text.error();
        if (kind == QLatin1String("markdown")) {
            page = readMarkdown(file.name, *text);
        } else {
            FetchedPage p;
            p.title = titleFromName(file.name);
            p.text = text->trimmed();
            page = p;
        }
    }
    if (page && page->text.trimmed().isEmpty())
        return fileError(QStringLiteral("no text"));
    if (page) {
        page->url = file.name;
        page->requestedUrl = file.name;
        if (page->title.isEmpty())
            page->title = file.name;
    }
    return page;
}

} // namespace tierdesk
