#include "core/integrations/mail/HtmlText.h"

#include "core/integrations/web/GumboTree.h"
#include "core/integrations/web/HtmlTextWriter.h"

namespace tierdesk::mail {

QString HtmlText::toText(const QString &html)
{
    QByteArray utf8 = html.toUtf8();
    utf8.truncate(web::GumboTree::prefixWithin(utf8)); // a mail keeps what it can: its start
    const auto tree = web::GumboTree::parse(utf8);
    if (!tree)
        return {};
    web::HtmlTextWriter::Options options;
    options.linkTargets = true;
    return web::HtmlTextWriter::text(tree->body(), options);
}

} // namespace tierdesk::mail
