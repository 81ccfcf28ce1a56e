#include "StateStyle.h"

#include <QLocale>
#include <QPainter>

namespace tideline::ui {

QColor stateColor(MqttConnection::State state)
{
    switch (state) {
    case MqttConnection::State::Connected:
        return QColor(0x2e, 0x9e, 0x44);
    case MqttConnection::State::Connecting:
    case MqttConnection::State::Reconnecting:
        return QColor(0xd9, 0x8c, 0x0b);
    case MqttConnection::State::Failed:
        return QColor(0xc6, 0x28, 0x28);
    case MqttConnection::State::Disconnected:
        break;
    }
    return QColor(0x8a, 0x8a, 0x8a);
}

namespace {
bool darkBackground(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}
} // namespace

QColor errorTextColor(const QPalette &palette)
{
    // Every text shade here is above 4.5:1 (WCAG AA) against its window colour: #c62828 on
    // Fusion's #efefef is 4.9:1, #ff8a80 on the dark theme's #2b2d31 is 6.0:1.
    return darkBackground(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
}

QColor warningTextColor(const QPalette &palette)
{
    // #a84300 on #efefef is 5.3:1, #ffb74d on #2b2d31 is 8.0:1.
    return darkBackground(palette) ? QColor(0xff, 0xb7, 0x4d) : QColor(0xa8, 0x43, 0x00);
}

QColor stateTextColor(MqttConnection::State state, const QPalette &palette)
{
    const bool dark = darkBackground(palette);
    switch (state) {
    case MqttConnection::State::Connected:
        return dark ? QColor(0x6f, 0xd0, 0x82) : QColor(0x1b, 0x6e, 0x2e);
    case MqttConnection::State::Connecting:
    case MqttConnection::State::Reconnecting:
        return dark ? QColor(0xff, 0xc8, 0x57) : QColor(0x8a, 0x55, 0x00);
    case MqttConnection::State::Failed:
        return errorTextColor(palette);
    case MqttConnection::State::Disconnected:
        break;
    }
    return palette.color(QPalette::WindowText);
}

QPixmap stateDotPixmap(MqttConnection::State state, int size, qreal devicePixelRatio)
{
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor c = stateColor(state);
    p.setPen(QPen(c.darker(130), 1.0));
    p.setBrush(c);
    const qreal inset = size * 0.15;
    p.drawEllipse(QRectF(inset, inset, size - 2 * inset, size - 2 * inset));
    return pixmap;
}

QIcon stateDotIcon(MqttConnection::State state)
{
    QIcon icon;
    for (int size : {12, 16, 24})
        icon.addPixmap(stateDotPixmap(state, size));
    return icon;
}

QString formatCount(quint64 n)
{
    const QLocale locale;
    if (n < 100000)
        return locale.toString(n);
    if (n < 10000000)
        return locale.toString(double(n) / 1e3, 'f', 1) + QStringLiteral(" k");
    return locale.toString(double(n) / 1e6, 'f', 1) + QStringLiteral(" M");
}

QString formatRate(double perSecond)
{
    const QLocale locale;
    if (perSecond <= 0.0)
        return locale.toString(0);
    if (perSecond < 10.0)
        return locale.toString(perSecond, 'f', 1);
    return locale.toString(qRound64(perSecond));
}

QString formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

} // namespace tideline::ui
