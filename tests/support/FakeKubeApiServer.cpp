#include "FakeKubeApiServer.h"

namespace tideline::test {

bool addKubeUsers(FakeKubeApiServer &server, const QList<FakeKubeApiServer::Rule> &bobRules, KubeUsers *users,
                  QString *error)
{
    QString cert;
    QString key;
    if (!server.issueClientCertificate(QStringLiteral("alice"), &cert, &key, error))
        return false;
    server.allowAll(QStringLiteral("alice"));
    server.addToken(QStringLiteral("bob-token"), QStringLiteral("bob"));
    server.setRules(QStringLiteral("bob"), bobRules);
    users->alice = server.writeKubeconfig(QStringLiteral("alice.yaml"),
                                          {QStringLiteral("client-certificate: ") + cert,
                                           QStringLiteral("client-key: ") + key});
    users->bob = server.writeKubeconfig(QStringLiteral("bob.yaml"), {QStringLiteral("token: bob-token")});
    return true;
}

} // namespace tideline::test
