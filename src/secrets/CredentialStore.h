#pragma once

#include "core/Result.h"

#include <QObject>
#include <QString>

#include <functional>

namespace tideline {

// Passwords, tokens and key passphrases in the OS keychain (Secret Service, KWallet, macOS
// Keychain, Windows Credential Store) through QtKeychain's asynchronous jobs.
// Nothing secret is ever written to QSettings or to the log; keys look like
// "connections/<profile-id>/password".
class CredentialStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)

public:
    explicit CredentialStore(QString service = QStringLiteral("Tideline"), QObject *parent = nullptr);
    ~CredentialStore() override;

    using ReadCallback = std::function<void(Result<QString>)>; // error code "secrets.notfound" when absent
    using WriteCallback = std::function<void(Result<void>)>;

    // Callbacks run on this object's thread, after the job finishes.
    void read(const QString &key, ReadCallback done);
    void write(const QString &key, const QString &secret, WriteCallback done);
    void remove(const QString &key, WriteCallback done);

    // Blocking helpers for the CLI and tests only (spin a local event loop); never in the GUI.
    Result<QString> readSync(const QString &key, int timeoutMs = 10000);
    Result<void> writeSync(const QString &key, const QString &secret, int timeoutMs = 10000);
    Result<void> removeSync(const QString &key, int timeoutMs = 10000);

    QString service() const { return m_service; }

private:
    QString m_service;
};

} // namespace tideline
