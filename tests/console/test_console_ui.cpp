// The real MainWindow (offscreen) against a real logwardend: tabs load over pinned TLS, and a
// source is created, edited through a conflict, and deleted with the widgets; a tenant is
// deactivated. The server's state is checked after each step.
#include "ApiClient.h"
#include "ConflictDialog.h"
#include "JsonEditorDialog.h"
#include "LogsTab.h"
#include "MainWindow.h"
#include "ResourceTab.h"
#include "TestServer.h"
#include "TokenGeneratorDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSslCertificate>
#include <QtTest>

using lw::Json;
using lw::test::TestServer;
using lw::ui::ResourceTab;

namespace {

// The visible top-level widget of type T, waiting up to 5 s for it (nullptr if none came).
template <typename T> T *waitForTopLevel()
{
    for (int waited = 0; waited < 5000; waited += 20) {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *t = qobject_cast<T *>(w); t && t->isVisible())
                return t;
        }
        QTest::qWait(20);
    }
    return nullptr;
}

// Answers the next modal message box with `button` once it shows (polling from inside its
// event loop, for up to 10 s).
void answerNextMessageBox(QMessageBox::StandardButton button)
{
    auto *timer = new QTimer(qApp);
    auto tries = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, [timer, tries, button] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible() && box->button(button)) {
                timer->deleteLater();
                box->button(button)->click();
                return;
            }
        }
        if (++*tries > 200)
            timer->deleteLater();
    });
    timer->start(50);
}

} // namespace

class ConsoleUiTest : public QObject {
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<lw::console::ApiClient> m_client;
    std::unique_ptr<lw::ui::MainWindow> m_window;

    ResourceTab *refreshed(const QString &title)
    {
        ResourceTab *tab = m_window->tab(title);
        QSignalSpy spy(tab, &ResourceTab::refreshed);
        tab->refresh();
        if (!spy.wait(5000))
            qWarning("no refresh of %s: %s", qPrintable(title), qPrintable(tab->errorText()));
        return tab;
    }
    void saveEditor(const Json &value)
    {
        auto *dialog = waitForTopLevel<lw::ui::JsonEditorDialog>();
        QVERIFY(dialog);
        dialog->findChild<QPlainTextEdit *>()->setPlainText(QString::fromStdString(value.dump(2)));
        QPushButton *save = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
        QVERIFY(save->isEnabled());
        save->click();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        QCOMPARE(m_server->requestAsAdmin("POST", "/api/v2/logs/sources", {{"name", "node-manager"}, {"journald", {{"syslogIdentifier", "node-manager"}}}}).status, 201);
        QCOMPARE(m_server->requestAsAdmin("POST", "/admin/api/v3/tenants", {{"name", "dev"}, {"cluster", "logwarden"}}).status, 201);
        const auto cert = QSslCertificate::fromPath(m_server->dataDir() + "/tls/server.crt").first();
        m_client = std::make_unique<lw::console::ApiClient>();
        m_client->setServer(QUrl(m_server->url({})), lw::console::ApiClient::fingerprint(cert));
        m_client->setAuthorization("Bearer " + m_server->systemJwt());
        m_window = std::make_unique<lw::ui::MainWindow>(*m_client);
        m_window->show();
    }

    void tabsLoadAndFilter()
    {
        ResourceTab *sources = refreshed("Sources");
        QCOMPARE(sources->errorText(), QString());
        QCOMPARE(sources->model()->rowCount(), 1);
        QTest::keyClicks(sources->filter(), "nothing-matches");
        QCOMPARE(sources->proxy()->rowCount(), 0);
        sources->filter()->clear();
        QCOMPARE(sources->proxy()->rowCount(), 1);
        QCOMPARE(refreshed("Tenants")->model()->rowCount(), 1);
        QCOMPARE(refreshed("Collectors")->errorText(), QString());
    }

    void createEditConflictDelete()
    {
        ResourceTab *sources = m_window->tab("Sources");
        sources->createRecord();
        // A bad value is caught before the server sees it.
        auto *dialog = waitForTopLevel<lw::ui::JsonEditorDialog>();
        dialog->findChild<QPlainTextEdit *>()->setPlainText(R"({"name":"Bad Name","journald":{"syslogIdentifier":"x"}})");
        QVERIFY(!dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->isEnabled());
        saveEditor({{"name", "gftl"}, {"enabled", true}, {"minLevel", "INFO"}, {"journald", {{"syslogIdentifier", "gftl"}}}});
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestAsAdmin("GET", "/api/v2/logs/sources/gftl").status, 200, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(sources->model()->rowCount(), 2, 5000);

        // Edit, while someone else changes the same source: the conflict dialog shows both; overwrite.
        sources->selectName("gftl");
        sources->editSelected();
        auto *editor = waitForTopLevel<lw::ui::JsonEditorDialog>();
        QVERIFY(editor);
        const QByteArray etag = m_server->requestAsAdmin("GET", "/api/v2/logs/sources/gftl").header("ETag");
        QCOMPARE(m_server->requestAsAdmin("PUT", "/api/v2/logs/sources/gftl",
                                          {{"name", "gftl"}, {"minLevel", "DEBUG"}, {"journald", {{"syslogIdentifier", "gftl"}}}},
                                          {{"If-Match", etag}}).status, 200);
        QTimer::singleShot(300, [] {
            auto *conflict = waitForTopLevel<lw::ui::ConflictDialog>();
            QVERIFY(conflict);
            QVERIFY(conflict->findChild<QPlainTextEdit *>("theirs")->toPlainText().contains("DEBUG"));
            QVERIFY(conflict->findChild<QPlainTextEdit *>("mine")->toPlainText().contains("ERROR"));
            conflict->findChild<QPushButton *>("overwrite")->click();
        });
        saveEditor({{"name", "gftl"}, {"enabled", true}, {"minLevel", "ERROR"}, {"journald", {{"syslogIdentifier", "gftl"}}}});
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestAsAdmin("GET", "/api/v2/logs/sources/gftl").json()["source"]["minLevel"], Json("ERROR"), 5000);

        // Delete, confirmed in the dialog that names it.
        QTRY_VERIFY_WITH_TIMEOUT(!sources->isBusy(), 5000);
        sources->selectName("gftl");
        answerNextMessageBox(QMessageBox::Yes);
        sources->deleteSelected();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestAsAdmin("GET", "/api/v2/logs/sources/gftl").status, 404, 5000);
    }

    void serverRefusalIsShownInTheEditor()
    {
        ResourceTab *sources = m_window->tab("Sources");
        sources->createRecord();
        saveEditor({{"name", "node-manager"}, {"journald", {{"syslogIdentifier", "dup"}}}}); // exists: 409
        auto *dialog = waitForTopLevel<lw::ui::JsonEditorDialog>();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QLabel *>() && [dialog] {
            for (QLabel *l : dialog->findChildren<QLabel *>())
                if (l->text().contains("already exists"))
                    return true;
            return false;
        }(), 5000);
        dialog->reject();
    }

    void tenantIsDeactivatedNotDeleted()
    {
        ResourceTab *tenants = refreshed("Tenants");
        tenants->selectName("dev");
        answerNextMessageBox(QMessageBox::Yes);
        tenants->deleteSelected();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestAsAdmin("GET", "/admin/api/v3/tenants/dev").json()["status"], Json("inactive"), 5000);
    }

    void errorsAreShownInTheWindow()
    {
        m_client->setAuthorization("Bearer not-a-valid-token");
        ResourceTab *sources = m_window->tab("Sources");
        QSignalSpy failed(sources, &ResourceTab::failed);
        sources->refresh();
        QVERIFY(failed.wait(5000));
        QVERIFY(sources->errorText().contains("unknown token") || sources->errorText().contains("token"));
        m_client->setAuthorization("Bearer " + m_server->systemJwt());
    }

    void logsQueryAndLiveTail()
    {
        QCOMPARE(m_server->requestAsAdmin("POST", "/admin/api/v3/tenants", {{"name", "logs-t"}, {"cluster", "logwarden"}}).status, 201);
        auto push = [this](const std::string &line) {
            const qint64 ns = QDateTime::currentMSecsSinceEpoch() * 1000000LL;
            Json values = Json::array({Json::array({std::to_string(ns), line})}); // [[ts, line]], not {ts: line}
            const Json body = {{"streams", Json::array({{{"stream", {{"job", "ui"}}}, {"values", values}}})}};
            return m_server->requestAsAdmin("POST", "/loki/api/v1/push", body, {{"X-Scope-OrgID", "logs-t"}}).status;
        };
        QCOMPARE(push("first line"), 204);
        QCOMPARE(push("second line"), 204);
        lw::ui::LogsTab *logs = m_window->logs();
        QSignalSpy tenants(logs, &lw::ui::LogsTab::tenantsLoaded);
        logs->loadTenants();
        QVERIFY(tenants.wait(5000));
        logs->tenants()->setCurrentText("logs-t");
        QCOMPARE(logs->tenants()->currentText(), QStringLiteral("logs-t"));
        logs->query()->setText("{job=~\"u.+\"}"); // a '+' must survive the trip
        QSignalSpy results(logs, &lw::ui::LogsTab::resultsChanged);
        logs->runQuery();
        QVERIFY2(results.wait(5000), qPrintable(logs->errorText()));
        QCOMPARE(logs->model()->rowCount(), 2);
        QCOMPARE(QString::fromStdString(logs->model()->record(0).value("labels", "")), QStringLiteral("job=ui"));

        logs->setTailing(true);
        QTRY_VERIFY_WITH_TIMEOUT(logs->isTailing(), 5000);
        QCOMPARE(push("live line"), 204);
        // The frame may arrive while push() still waits for its answer: wait on the rows, not a signal.
        QTRY_COMPARE_WITH_TIMEOUT(logs->model()->rowCount(), 3, 5000);
        logs->setTailing(false);
        QVERIFY(!logs->isTailing());

        logs->query()->setText("{job=\"ui\""); // a broken query: the server's sentence in the tab
        logs->runQuery();
        QTRY_VERIFY_WITH_TIMEOUT(logs->errorText().contains("parse error"), 5000);
    }

    void ingestTokensPerTenant()
    {
        QCOMPARE(m_server->requestAsAdmin("POST", "/admin/api/v3/tenants", {{"name", "ing-t"}, {"cluster", "logwarden"}}).status, 201);
        ResourceTab *ingest = m_window->tab("Ingest Tokens");
        QVERIFY(ingest && ingest->tenantPicker());
        QSignalSpy loaded(ingest, &ResourceTab::tenantsLoaded);
        ingest->loadTenants();
        QVERIFY(loaded.wait(5000));
        QSignalSpy refreshedSpy(ingest, &ResourceTab::refreshed);
        ingest->tenantPicker()->setCurrentText("ing-t");
        QVERIFY(refreshedSpy.wait(5000));
        QCOMPARE(ingest->model()->rowCount(), 0);

        QSignalSpy secret(ingest, &ResourceTab::secretIssued);
        answerNextMessageBox(QMessageBox::Close); // the token, shown once
        ingest->createRecord();
        saveEditor({{"name", "shipper-1"}, {"parser", "kv"}});
        QTRY_COMPARE_WITH_TIMEOUT(secret.count(), 1, 5000);
        const QByteArray value = secret.at(0).at(1).toString().toUtf8();
        QTRY_COMPARE_WITH_TIMEOUT(ingest->model()->rowCount(), 1, 5000);
        QCOMPARE(QString::fromStdString(ingest->model()->record(0).value("parser", "")), QStringLiteral("kv"));
        // The value shown is the one that ingests.
        QCOMPARE(m_server->request("POST", "/api/v1/ingest/raw", "level=info msg=hello", {{"Authorization", "Bearer " + value}}).status, 200);
    }

    void tokenGeneratorAndInspector()
    {
        lw::ui::TokenGeneratorDialog generator(m_window.get());
        QSignalSpy chosen(&generator, &lw::ui::TokenGeneratorDialog::useAsCredential);
        generator.generate(); // nothing filled in: refused in the dialog
        QVERIFY(generator.token().isEmpty());
        QVERIFY(generator.findChild<QLabel *>("message")->text().contains("subject"));
        generator.findChild<QLineEdit *>("subject")->setText("alice");
        generator.findChild<QLineEdit *>("secret")->setText("alice-access-key-0123456789abcdef");
        for (QCheckBox *box : generator.findChildren<QCheckBox *>()) {
            if (box->text() == "config:read")
                box->setChecked(true);
        }
        generator.generate();
        QVERIFY(generator.token().count('.') == 2);
        QCOMPARE(generator.scopeText(), QStringLiteral("config:read"));
        QVERIFY(generator.findChild<QPlainTextEdit *>("output")->toPlainText().contains("\"sub\": \"alice\""));
        generator.findChild<QPushButton *>("use")->click();
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(0).toString(), generator.token());

        lw::ui::JwtInspectorDialog inspector(m_window.get());
        inspector.inspect(generator.token());
        QVERIFY(inspector.report().contains("Expires at"));
        inspector.inspect("not.a.jwt");
        QVERIFY(inspector.report().contains("not a JWT"));
        // An expired server token is called so.
        const QByteArray expired = m_server->issueJwt("old", "viewer", "1");
        QTest::qWait(1100);
        inspector.inspect(QString::fromLatin1(expired));
        QVERIFY(inspector.report().contains("EXPIRED"));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        QCOMPARE(m_server->stop(), 0);
    }
};

QTEST_MAIN(ConsoleUiTest)
#include "test_console_ui.moc"
