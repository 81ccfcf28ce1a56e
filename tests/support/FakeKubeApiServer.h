#pragma once

// The Kubernetes-compatible API server lives in the core: the demo cluster runs on it too.
#include "demo/KubeApiServer.h"

namespace tideline::test {
using FakeKubeApiServer = tideline::demo::KubeApiServer;

// The kubeconfigs of the two users the kube tests talk as.
struct KubeUsers
{
    QString alice; // client certificate issued by the server; allowed everything
    QString bob;   // bearer token "bob-token"; allowed what the test gives him
};

// Adds alice and bob to a started server, bob with `bobRules`, and writes a kubeconfig for each.
bool addKubeUsers(FakeKubeApiServer &server, const QList<FakeKubeApiServer::Rule> &bobRules, KubeUsers *users,
                  QString *error);
} // namespace tideline::test
