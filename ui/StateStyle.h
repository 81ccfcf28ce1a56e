#pragma once

#include "mqtt/MqttConnection.h"

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QPixmap>

namespace tideline::ui {

// How a connection state looks everywhere in the GUI (tab dot, view header, status bar), so
// green always means connected and red always means failed.
QColor stateColor(MqttConnection::State state);
// The state's colour for text on `palette`'s window background: the dot colours are too light
// for text on white and too dark for text on the dark theme, so text gets its own shades.
QColor stateTextColor(MqttConnection::State state, const QPalette &palette);
// Text that reports a failure ("Failed: …", validation problems) or warns (history trimmed).
QColor errorTextColor(const QPalette &palette);
QColor warningTextColor(const QPalette &palette);
// A filled circle in the state's colour, crisp at the device pixel ratio.
QPixmap stateDotPixmap(MqttConnection::State state, int size, qreal devicePixelRatio = 1.0);
QIcon stateDotIcon(MqttConnection::State state);

// "1 234", "12.5 k", "3.2 M": counts readable at a glance in the status bar and panels.
QString formatCount(quint64 n);
// "0", "0.4", "12", "1 250": messages per second.
QString formatRate(double perSecond);
// "12.0 MiB", "256 MiB", "830 KiB".
QString formatBytes(qint64 bytes);

} // namespace tideline::ui
