#pragma once

#include "core/Result.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace tideline {

struct CredentialStoreLink;

// Passwords, tokens and key passphrases in the OS keychain (Secret Service, KWallet, macOS
// Keychain, Windows Credential Store) through QtKeychain's asynchronous jobs.
// Nothing secret is ever written to QSettings or to the log; keys look like
// "connections/<profile-id>/password". There is no plaintext fallback: without a keychain every
// operation fails with "secrets.unavailable".
//
// Error codes: secrets.notfound, secrets.denied, secrets.unavailable, secrets.invalid (empty
// key), secrets.timeout (sync helpers only), secrets.failed (anything else; detail has the text).
class CredentialStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)

public:
    explicit CredentialStore(QString service = QStringLiteral("Tideline"), QObject *parent = nullptr);
    ~CredentialStore() override;

    using ReadCallback = std::function<void(Result<QString>)>; // error code "secrets.notfound" when absent
    using WriteCallback = std::function<void(Result<void>)>;

    // Callbacks run on this object's thread, after the job finishes (never inside the call).
    // They are dropped when this object is destroyed first. Removing a missing key succeeds.
    void read(const QString &key, ReadCallback done);
    void write(const QString &key, const QString &secret, WriteCallback done);
    void remove(const QString &key, WriteCallback done);

    // Blocking helpers for the CLI and tests only (spin a local event loop); never in the GUI.
    // Call them on this object's thread.
    Result<QString> readSync(const QString &key, int timeoutMs = 10000);
    Result<void> writeSync(const QString &key, const QString &secret, int timeoutMs = 10000);
    Result<void> removeSync(const QString &key, int timeoutMs = 10000);

    QString service() const { return m_service; }

    // The translated "no keychain" sentence, also for callers that detect it themselves.
    static QString unavailableMessage();

private:
    enum class Operation { Read, Write, Remove };
    struct Outcome;
    void start(Operation operation, const QString &key, const QString &secret,
               std::function<void(const Outcome &)> finish);

    QString m_service;
    // Shared with jobs in flight so a late result for a destroyed store is dropped safely.
    std::shared_ptr<CredentialStoreLink> m_link;
};

} // namespace tideline
