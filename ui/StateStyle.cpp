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
