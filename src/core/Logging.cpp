#include "Logging.h"

Q_LOGGING_CATEGORY(lcCore, "tideline.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMqtt, "tideline.mqtt", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "tideline.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModels, "tideline.models", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "tideline.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCli, "tideline.cli", QtInfoMsg)
Q_LOGGING_CATEGORY(lcMetrics, "tideline.metrics", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKube, "tideline.kube", QtInfoMsg)
