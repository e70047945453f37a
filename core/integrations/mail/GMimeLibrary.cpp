#include "core/integrations/mail/GMimeLibrary.h"

#include <mutex>

namespace tierdesk::mail {

namespace {

GMimeParserOptions *gParserOptions = nullptr;

QByteArray bytesOf(GMimeStream *memoryStream)
{
    GByteArray *array = g_mime_stream_mem_get_byte_array(
        GMimeLibrary::as<GMimeStreamMem>(memoryStream, g_mime_stream_mem_get_type()));
    if (!array || array->len == 0)
        return {};
    return QByteArray(reinterpret_cast<const char *>(array->data), static_cast<qsizetype>(array->len));
}

} // namespace

void GMimeLibrary::init()
{
    static std::once_flag once;
    std::call_once(once, [] {
        g_mime_init();
        gParserOptions = g_mime_parser_options_new();
        // Real mail is messy: addresses without a domain (MAILER-DAEMON), loose RFC 2047 and
        // RFC 2231; undeclared 8-bit header text is UTF-8 when valid, else windows-1252 (a
        // superset of ISO-8859-1 that senders mislabel as it).
        g_mime_parser_options_set_allow_addresses_without_domain(gParserOptions, TRUE);
        g_mime_parser_options_set_address_compliance_mode(gParserOptions, GMIME_RFC_COMPLIANCE_LOOSE);
        g_mime_parser_options_set_parameter_compliance_mode(gParserOptions, GMIME_RFC_COMPLIANCE_LOOSE);
        g_mime_parser_options_set_rfc2047_compliance_mode(gParserOptions, GMIME_RFC_COMPLIANCE_LOOSE);
        const char *fallback[] = {"utf-8", "windows-1252", nullptr};
        g_mime_parser_options_set_fallback_charsets(gParserOptions, fallback);
    });
}

GMimeParserOptions *GMimeLibrary::parserOptions()
{
    init();
    return gParserOptions;
}

QByteArray GMimeLibrary::content(GMimePart *part)
{
    GMimeDataWrapper *wrapper = g_mime_part_get_content(part);
    if (!wrapper)
        return {};
    const GObjectPtr<GMimeStream> memory(g_mime_stream_mem_new());
    g_mime_data_wrapper_write_to_stream(wrapper, memory.get());
    return bytesOf(memory.get());
}

qint64 GMimeLibrary::contentSize(GMimePart *part)
{
    GMimeDataWrapper *wrapper = g_mime_part_get_content(part);
    if (!wrapper)
        return 0;
    const GObjectPtr<GMimeStream> counter(g_mime_stream_null_new());
    g_mime_data_wrapper_write_to_stream(wrapper, counter.get());
    const auto *null = as<GMimeStreamNull>(counter.get(), g_mime_stream_null_get_type());
    return null ? static_cast<qint64>(null->written) : 0;
}

GObjectPtr<GMimeMessage> GMimeLibrary::parseMessage(const QByteArray &bytes)
{
    GMimeParserOptions *options = parserOptions();
    const GObjectPtr<GMimeStream> stream(
        g_mime_stream_mem_new_with_buffer(bytes.constData(), static_cast<size_t>(bytes.size())));
    const GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    return GObjectPtr<GMimeMessage>(g_mime_parser_construct_message(parser.get(), options));
}

QByteArray GMimeLibrary::serialize(GMimeObject *object)
{
    const GObjectPtr<GMimeStream> memory(g_mime_stream_mem_new());
    g_mime_object_write_to_stream(object, nullptr, memory.get());
    return bytesOf(memory.get());
}

} // namespace tierdesk::mail
