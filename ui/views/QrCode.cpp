#include "ui/views/QrCode.h"

#include <QPainter>

#include <memory>

#include <qrencode.h>

namespace tierdesk::ui {
namespace {

constexpr int kQuietZone = 4;

using Symbol = std::unique_ptr<QRcode, decltype(&QRcode_free)>;

Symbol qrSymbol(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return Symbol(QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
}

} // namespace

int QrCode::modules(const QString &text)
{
    const Symbol symbol = qrSymbol(text);
    return symbol ? symbol->width : 0;
}

QImage QrCode::image(const QString &text, int scale)
{
    const Symbol symbol = qrSymbol(text);
    if (!symbol || scale < 1)
        return {};
    const int width = symbol->width;
    const int side = (width + 2 * kQuietZone) * scale;
    QImage out(side, side, QImage::Format_RGB32);
    out.fill(Qt::white);
    QPainter p(&out);
    p.setPen(Qt::NoPen);
    p.setBrush(Qt::black);
    for (int y = 0; y < width; ++y)
        for (int x = 0; x < width; ++x)
            if (symbol->data[y * width + x] & 1) // the low bit: a dark module
                p.drawRect((x + kQuietZone) * scale, (y + kQuietZone) * scale, scale, scale);
    return out;
}

} // namespace tierdesk::ui
