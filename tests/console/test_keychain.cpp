// SecretStore on a real keychain: gnome-keyring in a private D-Bus session (the CTest command
// starts both); and, with LW_EXPECT_NO_KEYCHAIN set, the path where no keychain exists.
#include "SecretStore.h"

#include <QSignalSpy>
#include <QtTest>

using lw::console::SecretStore;

class KeychainTest : public QObject {
    Q_OBJECT

    struct Result {
        bool done = false, ok = false;
        QString value;
    };
    static SecretStore::Done into(Result &r)
    {
        return [&r](bool ok, const QString &v) { r = {true, ok, v}; };
    }

private Q_SLOTS:
    void writeReadDelete()
    {
        const bool expectNone = qEnvironmentVariableIsSet("LW_EXPECT_NO_KEYCHAIN");
        SecretStore store(QStringLiteral("logwarden-test"));
        QSignalSpy unavailable(&store, &SecretStore::backendUnavailable);
        Result w, r, d, gone;
        store.write("prod", "credential", "s3cr3t-jwt-value", into(w));
        QTRY_VERIFY_WITH_TIMEOUT(w.done, 10000);
        QVERIFY(w.ok);
        store.read("prod", "credential", into(r));
        QTRY_VERIFY_WITH_TIMEOUT(r.done, 10000);
        QVERIFY(r.ok);
        QCOMPARE(r.value, QStringLiteral("s3cr3t-jwt-value"));
        QCOMPARE(store.usingMemoryFallback(), expectNone);
        QCOMPARE(unavailable.count(), expectNone ? 1 : 0);
        if (expectNone)
            QVERIFY(unavailable.at(0).at(0).toString().contains("memory"));

        // A second store (a later console session) finds it only in a real keychain.
        SecretStore later(QStringLiteral("logwarden-test"));
        Result again;
        later.read("prod", "credential", into(again));
        QTRY_VERIFY_WITH_TIMEOUT(again.done, 10000);
        QCOMPARE(again.ok, !expectNone);

        store.remove("prod", "credential", into(d));
        QTRY_VERIFY_WITH_TIMEOUT(d.done, 10000);
        QVERIFY(d.ok);
        store.read("prod", "credential", into(gone));
        QTRY_VERIFY_WITH_TIMEOUT(gone.done, 10000);
        QVERIFY(!gone.ok);
        QVERIFY(gone.value.contains("No secret"));
    }
};

QTEST_GUILESS_MAIN(KeychainTest)
#include "test_keychain.moc"
