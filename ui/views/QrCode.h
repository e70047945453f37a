#pragma once

#include <QImage>
#include <QString>

namespace tierdesk::ui {

// A QR code (libqrencode, error correction M, 8-bit data) drawn black on white: what an
// authenticator app scans to take a second factor's otpauth:// URL.
class QrCode {
public:
    // The symbol's width in modules (0 when `text` cannot be encoded).
    static int modules(const QString &text);
    // `scale` pixels a module, with the four-module quiet zone the standard asks for; a null
    // image when `text` cannot be encoded.
    static QImage image(const QString &text, int scale = 6);
};

} // namespace tierdesk::ui
