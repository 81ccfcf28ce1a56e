#pragma once

// The RabbitMQ node lives in the core (the demo environment starts one too).
#include "demo/RabbitMqProcess.h"

namespace tideline::test {
using tideline::demo::RabbitMqProcess;
}
