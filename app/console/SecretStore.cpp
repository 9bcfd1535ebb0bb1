#include "SecretStore.h"

#include <qt6keychain/keychain.h>

namespace lw::console {

SecretStore::SecretStore(QString service, QObject *parent) : QObject(parent), m_service(std::move(service)) {}

void SecretStore::fallBack(const QString &reason)
{
    if (m_fallback)
        return;
    m_fallback = true;
    Q_EMIT backendUnavailable(reason);
}

namespace {
bool noBackend(QKeychain::Error e)
{
    return e == QKeychain::NoBackendAvailable || e == QKeychain::OtherError || e == QKeychain::NotImplemented;
}
} // namespace

void SecretStore::write(const QString &profile, const QString &kind, const QString &secret, Done done)
{
    const QString k = key(profile, kind);
    if (m_fallback) {
        m_memory.insert(k, secret);
        return done(true, {});
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(k);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, job, k, secret, done] {
        if (job->error() == QKeychain::NoError)
            return done(true, {});
        if (noBackend(job->error())) {
            fallBack(tr("The system keychain is not available (%1); secrets are kept in memory for this session only.")
                         .arg(job->errorString()));
            m_memory.insert(k, secret);
            return done(true, {});
        }
        done(false, tr("Could not store the secret in the keychain: %1").arg(job->errorString()));
    });
    job->start();
}

void SecretStore::read(const QString &profile, const QString &kind, Done done)
{
    const QString k = key(profile, kind);
    if (m_fallback) {
        if (m_memory.contains(k))
            return done(true, m_memory.value(k));
        return done(false, tr("No secret is stored for %1.").arg(k));
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(k);
    connect(job, &QKeychain::Job::finished, this, [this, job, k, done] {
        if (job->error() == QKeychain::NoError)
            return done(true, job->textData());
        if (job->error() == QKeychain::EntryNotFound)
            return done(false, tr("No secret is stored for %1.").arg(k));
        if (noBackend(job->error())) {
            fallBack(tr("The system keychain is not available (%1); secrets are kept in memory for this session only.")
                         .arg(job->errorString()));
            return done(m_memory.contains(k), m_memory.contains(k) ? m_memory.value(k) : tr("No secret is stored for %1.").arg(k));
        }
        done(false, tr("Could not read the secret from the keychain: %1").arg(job->errorString()));
    });
    job->start();
}

void SecretStore::remove(const QString &profile, const QString &kind, Done done)
{
    const QString k = key(profile, kind);
    m_memory.remove(k);
    if (m_fallback)
        return done(true, {});
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(k);
    connect(job, &QKeychain::Job::finished, this, [job, done] {
        const bool ok = job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound;
        done(ok, ok ? QString() : job->errorString());
    });
    job->start();
}

} // namespace lw::console
