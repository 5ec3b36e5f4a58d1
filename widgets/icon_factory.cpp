#include "widgets/icon_factory.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace tb::widgets {

namespace {

// Glyphs are drawn on a 24 x 24 grid.
void drawGlyph(QPainter& p, const QString& id, const QColor& color) {
    QPen pen(color, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    if (id == QLatin1String("datasets")) {  // a database cylinder
        p.drawEllipse(QRectF(4, 3, 16, 5));
        p.drawLine(QPointF(4, 5.5), QPointF(4, 18.5));
        p.drawLine(QPointF(20, 5.5), QPointF(20, 18.5));
        p.drawArc(QRectF(4, 9, 16, 5), 180 * 16, 180 * 16);
        p.drawArc(QRectF(4, 16, 16, 5), 180 * 16, 180 * 16);
    } else if (id == QLatin1String("finetune")) {  // three sliders
        for (int i = 0; i < 3; ++i) {
            qreal x = 6 + i * 6;
            p.drawLine(QPointF(x, 3), QPointF(x, 21));
            qreal knob = (i == 0) ? 14 : (i == 1 ? 7 : 16);
            p.setBrush(color);
            p.drawEllipse(QPointF(x, knob), 2.4, 2.4);
            p.setBrush(Qt::NoBrush);
        }
    } else if (id == QLatin1String("runs")) {  // a falling loss curve on axes
        p.drawLine(QPointF(3, 3), QPointF(3, 21));
        p.drawLine(QPointF(3, 21), QPointF(21, 21));
        QPainterPath curve(QPointF(5, 5));
        curve.cubicTo(QPointF(8, 16), QPointF(12, 17), QPointF(21, 17.5));
        p.drawPath(curve);
    } else if (id == QLatin1String("compare")) {  // paired bars
        p.setBrush(color);
        p.drawRect(QRectF(4, 10, 3.5, 10));
        p.drawRect(QRectF(13, 13, 3.5, 7));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(8.5, 5, 3.5, 15));
        p.drawRect(QRectF(17.5, 7, 3.5, 13));
    } else if (id == QLatin1String("registry")) {  // an archive box with a label
        p.drawRoundedRect(QRectF(3, 4, 18, 5), 1, 1);
        p.drawRect(QRectF(4.5, 9, 15, 11));
        p.drawLine(QPointF(9.5, 13), QPointF(14.5, 13));
    } else if (id == QLatin1String("playground")) {  // a chat bubble
        QPainterPath bubble;
        bubble.addRoundedRect(QRectF(3, 4, 18, 13), 3, 3);
        p.drawPath(bubble);
        p.drawLine(QPointF(8, 17), QPointF(6, 21));
        p.drawLine(QPointF(6, 21), QPointF(12, 17));
        p.setBrush(color);
        for (int i = 0; i < 3; ++i) p.drawEllipse(QPointF(8 + i * 4, 10.5), 1.1, 1.1);
    } else if (id == QLatin1String("serve")) {  // a server rack
        for (int i = 0; i < 2; ++i) {
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(QRectF(3, 4 + i * 9, 18, 7), 1.5, 1.5);
            p.setBrush(color);
            p.drawEllipse(QPointF(7, 7.5 + i * 9), 1.1, 1.1);
            p.drawLine(QPointF(11, 7.5 + i * 9), QPointF(18, 7.5 + i * 9));
        }
    } else {
        p.setBrush(color);
        p.drawEllipse(QPointF(12, 12), 4, 4);
    }
}

QPixmap render(const QString& id, const QColor& color, int size) {
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 24.0, size / 24.0);
    drawGlyph(p, id, color);
    return pixmap;
}

}  // namespace

QColor accentColor() { return QColor(0x2b, 0x6c, 0xb0); }

QIcon pageIcon(const QString& pageId, const QColor& color) {
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64}) {
        icon.addPixmap(render(pageId, color, size), QIcon::Normal);
        icon.addPixmap(render(pageId, Qt::white, size), QIcon::Selected);  // readable on the highlight
    }
    return icon;
}

QIcon applicationIcon() {
    QIcon icon;
    for (int size : {16, 32, 64, 128}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.scale(size / 24.0, size / 24.0);
        p.setPen(Qt::NoPen);
        p.setBrush(accentColor());
        p.drawRoundedRect(QRectF(0.5, 0.5, 23, 23), 5, 5);
        drawGlyph(p, QStringLiteral("finetune"), Qt::white);
        icon.addPixmap(pixmap);
    }
    return icon;
}

}  // namespace tb::widgets
