#pragma once

// GMime 3 for the mail module: its headers (GLib's gio names a struct member `signals`, which Qt
// defines as a keyword), its objects owned by smart pointers, and the library set up once.

#pragma push_macro("signals")
#pragma push_macro("slots")
#pragma push_macro("emit")
#undef signals
#undef slots
#undef emit
#include <gmime/gmime.h>
#pragma pop_macro("emit")
#pragma pop_macro("slots")
#pragma pop_macro("signals")

#include <QByteArray>

#include <memory>

namespace tierdesk::mail {

struct GObjectUnref {
    void operator()(gpointer object) const { g_object_unref(object); }
};
template <typename T> using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

struct GFree {
    void operator()(gpointer memory) const { g_free(memory); }
};
using GCharPtr = std::unique_ptr<char, GFree>;

class GMimeLibrary {
public:
    // g_mime_init() once per process (thread-safe); every reader calls it first.
    static void init();
    // The options every parse uses: liberal, and raw 8-bit header text read as UTF-8, else
    // windows-1252. Made once and never freed: GMime's headers keep a pointer to them.
    static GMimeParserOptions *parserOptions();

    // `object` as T when it is of GType `type` (what GMIME_IS_* and the cast macros do, without C casts).
    template <typename T> static T *as(gpointer object, GType type)
    {
        return object && g_type_check_instance_is_a(static_cast<GTypeInstance *>(object), type)
            ? static_cast<T *>(object)
            : nullptr;
    }

    // The decoded content of a leaf part (transfer encoding undone, charset untouched).
    static QByteArray content(GMimePart *part);
    // How many bytes content() would return, without keeping them.
    static qint64 contentSize(GMimePart *part);
    // A message parsed from bytes (headers, then an optional body); null when GMime finds none.
    static GObjectPtr<GMimeMessage> parseMessage(const QByteArray &bytes);
    // An object written back to bytes (a forwarded message kept as an attachment).
    static QByteArray serialize(GMimeObject *object);
};

} // namespace tierdesk::mail
