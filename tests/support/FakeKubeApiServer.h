#pragma once

// The Kubernetes-compatible API server lives in the core: the demo cluster runs on it too.
#include "demo/KubeApiServer.h"

namespace tideline::test {
using FakeKubeApiServer = tideline::demo::KubeApiServer;
}
