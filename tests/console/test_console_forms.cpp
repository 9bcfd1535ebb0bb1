// Every resource through its form, driven by the form's widgets (not the JSON tab) in the real
// MainWindow against a real logwardend; the server's state is checked after each save. TLS bundles
// are made from real openssl files through the file dialog and drag and drop. Checks and the
// server's refusals land on the field they name.
#include "AdminForms.h"
#include "ApiClient.h"
#include "ConfigForms.h"
#include "FormWidgets.h"
#include "RecordForm.h"
#include "MainWindow.h"
#include "RecordEditorDialog.h"
#include "ResourceTab.h"
#include "TestCertificates.h"
#include "TestServer.h"
#include "UiTestHelpers.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QSslCertificate>
#include <QTabWidget>
#include <QTableWidget>
#include <QtTest>

using lw::Json;
using lw::test::answerNextMessageBox;
using lw::test::answerNextPreview;
using lw::test::grabFor;
using lw::test::TestServer;
using lw::test::waitForTopLevel;
using lw::ui::RecordEditorDialog;
using lw::ui::ResourceTab;

namespace {

bool isMarked(QWidget *w)
{
    return w && w->property("invalidField").toBool();
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->clear();
    QTest::keyClicks(edit, text);
}

} // namespace

class ConsoleFormsTest : public QObject {
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<lw::console::ApiClient> m_client;
    std::unique_ptr<lw::ui::MainWindow> m_window;
    QTemporaryDir m_certs, m_config;

    ResourceTab *refreshed(const QString &title) { return lw::test::refreshedTab(*m_window, title); }

    // Opens New (or Edit of `name`) on the tab and returns the dialog's form as F.
    template <typename F> F *openForm(ResourceTab *tab, RecordEditorDialog **dialogOut, const std::string &name = {})
    {
        for (int waited = 0; tab->isBusy() && waited < 5000; waited += 20)
            QTest::qWait(20);
        if (name.empty()) {
            tab->createRecord();
        } else {
            if (!tab->selectName(name))
                return nullptr;
            tab->editSelected();
        }
        auto *dialog = waitForTopLevel<RecordEditorDialog>();
        if (!dialog)
            return nullptr;
        *dialogOut = dialog;
        if (dialog->tabs()->currentIndex() != 0) // the form comes first
            return nullptr;
        return qobject_cast<F *>(dialog->form());
    }

    static QPushButton *saveButton(RecordEditorDialog *dialog)
    {
        return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    }

    static bool dialogClosed()
    {
        const auto widgets = QApplication::topLevelWidgets();
        return std::none_of(widgets.begin(), widgets.end(), [](QWidget *w) { return qobject_cast<RecordEditorDialog *>(w) && w->isVisible(); });
    }

    Json get(const QString &path) { return m_server->requestAsAdmin("GET", path).json(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        QCOMPARE(m_server->requestAsAdmin("POST", "/admin/api/v3/tenants", {{"name", "dev"}, {"cluster", "logwarden"}}).status, 201);
        QCOMPARE(m_server->requestAsAdmin("POST", "/admin/api/v3/accesspolicies",
                                          {{"name", "qa-read"}, {"realms", Json::array({{{"tenant", "dev"}, {"cluster", "logwarden"}}})},
                                           {"scopes", {"logs:read"}}}).status, 201);
        QVERIFY(lw::test::makeTestCertificates(m_certs.path()));
        const auto cert = QSslCertificate::fromPath(m_server->dataDir() + "/tls/server.crt").first();
        m_client = std::make_unique<lw::console::ApiClient>();
        m_client->setServer(QUrl(m_server->url({})), lw::console::ApiClient::fingerprint(cert));
        m_client->setAuthorization("Bearer " + m_server->systemJwt());
        m_window = std::make_unique<lw::ui::MainWindow>(*m_client);
        m_window->resize(1100, 700);
        m_window->show();
    }

    // A file source: kind by radio button, paths by the list editor, labels by the table, format and
    // level by combo boxes; then edited back to journald. The JSON tab follows the form and the
    // form follows the JSON, keeping a field the form does not show.
    void sourceForm()
    {
        ResourceTab *sources = refreshed("Sources");
        RecordEditorDialog *dialog = nullptr;
        auto *form = openForm<lw::ui::SourceForm>(sources, &dialog);
        QVERIFY(form);
        typeInto(form->name(), "web-logs");
        form->files()->click();
        QVERIFY(!form->identifier()->isEnabled());
        QTest::keyClicks(form->paths()->input(), "/var/log/web/access.log");
        form->paths()->addButton()->click();
        QTest::keyClicks(form->paths()->input(), "/var/log/web/error.log");
        QTest::keyClick(form->paths()->input(), Qt::Key_Return);
        form->labels()->addButton()->click();
        form->labels()->table()->item(0, 0)->setText("team");
        form->labels()->table()->item(0, 1)->setText("web");
        form->format()->setCurrentIndex(form->format()->findData("LOGFMT"));
        form->minLevel()->setCurrentIndex(form->minLevel()->findData("WARN"));
        // The JSON tab says the same; a field typed there the form does not show survives a form edit.
        auto *json = dialog->findChild<QPlainTextEdit *>("json");
        Json shown = Json::parse(json->toPlainText().toStdString());
        QCOMPARE(shown["file"]["paths"], Json::array({"/var/log/web/access.log", "/var/log/web/error.log"}));
        QVERIFY(!shown.contains("journald"));
        shown["file"]["labels"]["env"] = "prod";
        json->setPlainText(QString::fromStdString(shown.dump(2)));
        QCOMPARE(form->labels()->values().size(), size_t(2)); // the form follows the JSON
        // JSON the form cannot show as it is (a number for a flag, a string for the labels) turns
        // the form off with a note, rather than being rewritten by the next form edit.
        Json odd = shown;
        odd["enabled"] = 1;
        odd["file"]["labels"]["team"] = 7;
        json->setPlainText(QString::fromStdString(odd.dump(2)));
        QVERIFY2(dialog->formNote().contains("enabled") && dialog->formNote().contains("file.labels"), qPrintable(dialog->formNote()));
        QVERIFY(!form->isEnabled());
        json->setPlainText(QString::fromStdString(shown.dump(2)));
        QVERIFY(dialog->formNote().isEmpty() && form->isEnabled());
        form->enabled()->setChecked(false);
        QVERIFY(Json::parse(json->toPlainText().toStdString())["file"]["labels"].contains("env"));
        grabFor(dialog, "console-source-form");
        answerNextPreview(true);
        QVERIFY(saveButton(dialog)->isEnabled());
        saveButton(dialog)->click();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestAsAdmin("GET", "/api/v2/logs/sources/web-logs").status, 200, 5000);
        const Json stored = get("/api/v2/logs/sources/web-logs")["source"];
        QCOMPARE(stored["file"]["paths"], Json::array({"/var/log/web/access.log", "/var/log/web/error.log"}));
        QCOMPARE(stored["file"]["labels"], (Json{{"env", "prod"}, {"team", "web"}})); // the server sorts them
        QCOMPARE(stored["logFormat"], Json("LOGFMT"));
        QCOMPARE(stored["minLevel"], Json("WARN"));
        QCOMPARE(stored["enabled"], Json(false));
        QTRY_VERIFY_WITH_TIMEOUT(dialogClosed(), 5000);

        // Edit: the form shows what is stored, the name cannot change; back to journald.
        refreshed("Sources");
        form = openForm<lw::ui::SourceForm>(sources, &dialog, "web-logs");
        QVERIFY(form);
        QVERIFY(form->name()->isReadOnly());
        QVERIFY(form->files()->isChecked());
        QCOMPARE(form->paths()->values(), QStringList({"/var/log/web/access.log", "/var/log/web/error.log"}));
        QCOMPARE(form->minLevel()->currentData().toString(), QStringLiteral("WARN"));
        form->journald()->click();
        QVERIFY(!saveButton(dialog)->isEnabled()); // journald needs its identifier
        QCOMPARE(dialog->form()->markedField(), QStringLiteral("journald.syslogIdentifier"));
        QVERIFY(isMarked(form->identifier()));
        QTest::keyClicks(form->identifier(), "nginx");
        QVERIFY(!isMarked(form->identifier()));
        answerNextPreview(true);
        QVERIFY(saveButton(dialog)->isEnabled());
        saveButton(dialog)->click();
        QTRY_COMPARE_WITH_TIMEOUT(get("/api/v2/logs/sources/web-logs").value(Json::json_pointer("/source/journald/syslogIdentifier"), std::string()),
                                  std::string("nginx"), 5000);
        QVERIFY(!get("/api/v2/logs/sources/web-logs")["source"].contains("file"));
        QTRY_VERIFY_WITH_TIMEOUT(dialogClosed(), 5000);
    }

    // A TLS bundle from files: the CA through the file dialog, the certificate dropped on its
    // field, a key that does not match refused before upload, then the right key. On edit the
    // stored key is kept without being sent again.
    void tlsBundleFromFiles()
    {
        ResourceTab *bundles = refreshed("TLS Bundles");
        RecordEditorDialog *dialog = nullptr;
        auto *form = openForm<lw::ui::TlsBundleForm>(bundles, &dialog);
        QVERIFY(form);
        typeInto(form->name(), "rsyslog-mtls");
        lw::test::chooseFile(form->ca()->chooseButton(), m_certs.filePath("ca.crt"));
        QTRY_VERIFY_WITH_TIMEOUT(!form->ca()->pem().isEmpty(), 5000);
        QVERIFY2(form->ca()->summary()->text().contains("Subject:"), qPrintable(form->ca()->summary()->text()));
        QVERIFY(lw::test::dropFile(form->cert(), m_certs.filePath("rsyslog-server.crt")));
        QVERIFY2(form->cert()->summary()->text().contains("CN=rsyslog.example.com"), qPrintable(form->cert()->summary()->text()));
        QVERIFY2(form->cert()->summary()->text().contains("Valid from") && form->cert()->summary()->text().contains("until"),
                 qPrintable(form->cert()->summary()->text()));
        QVERIFY(!form->cert()->summary()->text().contains("not valid yet"));
        // A certificate whose validity starts in 2099 is said to be not valid yet, in red.
        QVERIFY(lw::test::dropFile(form->cert(), m_certs.filePath("not-yet-valid.crt")));
        QVERIFY2(form->cert()->summary()->text().contains("not valid yet"), qPrintable(form->cert()->summary()->text()));
        QVERIFY(form->cert()->summary()->styleSheet().contains("#c62828"));
        QVERIFY(lw::test::dropFile(form->cert(), m_certs.filePath("rsyslog-server.crt")));
        QVERIFY(form->cert()->summary()->styleSheet().isEmpty());
        // A certificate without its key: the key's field says so.
        QVERIFY2(form->key()->summary()->text().contains("needs its private key"), qPrintable(form->key()->summary()->text()));
        lw::test::chooseFile(form->key()->chooseButton(), m_certs.filePath("other.key"));
        QTRY_VERIFY_WITH_TIMEOUT(!form->key()->pem().isEmpty(), 5000);
        QVERIFY(!saveButton(dialog)->isEnabled());
        QCOMPARE(form->markedField(), QStringLiteral("keyPem"));
        QVERIFY(isMarked(form->key()));
        QVERIFY2(form->key()->summary()->text().contains("does not belong to the client certificate"), qPrintable(form->key()->summary()->text()));
        QVERIFY(lw::test::dropFile(form->key(), m_certs.filePath("rsyslog-server.key")));
        QVERIFY2(form->key()->summary()->text().startsWith("Matches"), qPrintable(form->key()->summary()->text()));
        // The key never sits in the JSON tab's clear text: a placeholder stands for it, and it is
        // put back when the record is sent.
        const QString jsonText = dialog->findChild<QPlainTextEdit *>("json")->toPlainText();
        QVERIFY(!jsonText.contains("PRIVATE KEY"));
        QVERIFY(jsonText.contains(lw::ui::RecordForm::SecretPlaceholder));
        QVERIFY(QString::fromStdString(dialog->value()["keyPem"].get<std::string>()).contains("PRIVATE KEY"));
        QVERIFY(saveButton(dialog)->isEnabled());
        grabFor(dialog, "console-tls-bundle-form");
        saveButton(dialog)->click();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestAsAdmin("GET", "/api/v2/logs/tls-bundles/rsyslog-mtls").status, 200, 5000);
        Json stored = get("/api/v2/logs/tls-bundles/rsyslog-mtls")["tlsBundle"];
        QCOMPARE(stored["hasKey"], Json(true));
        QCOMPARE(stored["cert"]["subject"], Json("CN=rsyslog.example.com"));
        QCOMPARE(stored["caPem"].get<std::string>(), lw::test::readFile(m_certs.filePath("ca.crt")).toStdString());
        QTRY_VERIFY_WITH_TIMEOUT(dialogClosed(), 5000);

        // Edit: the key is not sent back; the form says the stored one stays; a save keeps it.
        refreshed("TLS Bundles");
        form = openForm<lw::ui::TlsBundleForm>(bundles, &dialog, "rsyslog-mtls");
        QVERIFY(form);
        QVERIFY(form->key()->pem().isEmpty());
        QVERIFY2(form->key()->summary()->text().contains("stored key"), qPrintable(form->key()->summary()->text()));
        QVERIFY(!dialog->findChild<QPlainTextEdit *>("json")->toPlainText().contains("PRIVATE KEY"));
        lw::test::chooseFile(form->ca()->chooseButton(), m_certs.filePath("rsyslog-server.crt"));
        QTRY_VERIFY_WITH_TIMEOUT(form->ca()->summary()->text().contains("CN=rsyslog.example.com"), 5000);
        QVERIFY(saveButton(dialog)->isEnabled());
        saveButton(dialog)->click();
        QTRY_COMPARE_WITH_TIMEOUT(get("/api/v2/logs/tls-bundles/rsyslog-mtls")["tlsBundle"]["ca"]["subject"], Json("CN=rsyslog.example.com"), 5000);
        QCOMPARE(get("/api/v2/logs/tls-bundles/rsyslog-mtls")["tlsBundle"]["hasKey"], Json(true));
        QTRY_VERIFY_WITH_TIMEOUT(dialogClosed(), 5000);
    }

    // An rsyslog target: type, endpoint, port and the bundle picked from the server's list.
    void targetForm()
    {
        ResourceTab *targets = refreshed("Targets");
        RecordEditorDialog *dialog = nullptr;
        auto *form = openForm<lw::ui::TargetForm>(targets, &dialog);
        QVERIFY(form);
        typeInto(form->name(), "central-rsyslog");
        form->type()->setCurrentIndex(1);
        QVERIFY(form->endpoint()->isVisible());
        QVERIFY(!form->lokiUrl()->isVisible());
        QTest::keyClicks(form->endpoint(), "rsyslog.example.com");
        form->port()->setValue(10514);
        QTest::keyClicks(form->timeout(), "10s");
        QTRY_VERIFY2_WITH_TIMEOUT(form->rsyslogBundle()->findText("rsyslog-mtls") >= 0, qPrintable(QString::number(form->rsyslogBundle()->count())), 5000); // filled from the server
        form->rsyslogBundle()->setCurrentIndex(form->rsyslogBundle()->findText("rsyslog-mtls"));
        QVERIFY(!Json::parse(dialog->findChild<QPlainTextEdit *>("json")->toPlainText().toStdString()).contains("loki"));
        answerNextPreview(true);
        QVERIFY2(saveButton(dialog)->isEnabled(), qPrintable(dialog->messageText()));
        saveButton(dialog)->click();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestAsAdmin("GET", "/api/v2/logs/targets/central-rsyslog").status, 200, 5000);
        const Json stored = get("/api/v2/logs/targets/central-rsyslog")["target"];
        QCOMPARE(stored["type"], Json("RSYSLOG"));
        QCOMPARE(stored["rsyslog"], (Json{{"endpoint", "rsyslog.example.com"}, {"port", 10514}, {"timeout", "10s"}, {"tlsBundle", "rsyslog-mtls"}}));
        QTRY_VERIFY_WITH_TIMEOUT(dialogClosed(), 5000);
    }

    void tenantForm()
    {
        ResourceTab *tenants = refreshed("Tenants");
        RecordEditorDialog *dialog = nullptr;
        auto *form = openForm<lw::ui::TenantForm>(tenants, &dialog);
        QVERIFY(form);
        typeInto(form->name(), "Bad Name");
        QVERIFY(!saveButton(dialog)->isEnabled());
        QVERIFY(isMarked(form->name()));
        typeInto(form->name(), "payments");
        QVERIFY(!isMarked(form->name()));
        typeInto(form->displayName(), "Payments team");
        QTRY_VERIFY_WITH_TIMEOUT(form->cluster()->findText("logwarden") >= 0, 5000); // the server's clusters
        form->cluster()->setCurrentText("logwarden");
        saveButton(dialog)->click();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestAsAdmin("GET", "/admin/api/v3/tenants/payments").status, 200, 5000);
        QCOMPARE(get("/admin/api/v3/tenants/payments")["display_name"], Json("Payments team"));
        QTRY_VERIFY_WITH_TIMEOUT(dialogClosed(), 5000);
        // Emptied on edit: the display name becomes the name, as the placeholder says.
        refreshed("Tenants");
        form = openForm<lw::ui::TenantForm>(tenants, &dialog, "payments");
        QVERIFY(form);
        form->displayName()->clear();
        saveButton(dialog)->click();
        QTRY_COMPARE_WITH_TIMEOUT(get("/admin/api/v3/tenants/payments")["display_name"], Json("payments"), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(dialogClosed(), 5000);
    }

    // Realms as rows (tenant picker, selectors), scopes as checkboxes; a selector that is not one
    // is refused on its row as you type; a tenant the server does not know is refused on its picker.
    void accessPolicyForm()
    {
        ResourceTab *policies = refreshed("Access Policies");
        RecordEditorDialog *dialog = nullptr;
        auto *form = openForm<lw::ui::AccessPolicyForm>(policies, &dialog);
        QVERIFY(form);
        typeInto(form->name(), "web-readers");
        QCOMPARE(form->realms()->rowCount(), 1); // from the template: every tenant
        QTRY_VERIFY_WITH_TIMEOUT(form->realms()->tenant(0)->findText("payments") >= 0, 5000); // the server's tenants
        form->realms()->tenant(0)->setCurrentIndex(form->realms()->tenant(0)->findText("payments"));
        typeInto(form->realms()->selectors(0), "app=\"web\"");
        QVERIFY(!saveButton(dialog)->isEnabled());
        QCOMPARE(form->markedField(), QStringLiteral("realms[0].label_policies[0].selector"));
        QVERIFY(isMarked(form->realms()->selectors(0)));
        typeInto(form->realms()->selectors(0), "{app=\"web\", tier=~\"a|b\"} {env=\"prod}\"}");
        QVERIFY2(!isMarked(form->realms()->selectors(0)), qPrintable(dialog->messageText()));
        form->realms()->addButton()->click();
        QCOMPARE(form->realms()->rowCount(), 2);
        form->realms()->tenant(1)->setCurrentText("<b>no-such</b>");
        form->scopes()->box("logs:read")->setChecked(false);
        form->scopes()->box("logs:write")->click();
        form->scopes()->box("config:read")->click();
        grabFor(dialog, "console-access-policy-form");
        QVERIFY2(saveButton(dialog)->isEnabled(), qPrintable(dialog->messageText()));
        saveButton(dialog)->click();
        // The server knows the tenants: its refusal lands on the second row's picker.
        QTRY_VERIFY2_WITH_TIMEOUT(dialog->messageText().contains("The server refused realms[1].tenant"), qPrintable(dialog->messageText()), 5000);
        QCOMPARE(form->markedField(), QStringLiteral("realms[1].tenant"));
        QVERIFY(isMarked(form->realms()->tenant(1)));
        // The server's sentence (which repeats what was typed) is text in the tooltip, not markup.
        QVERIFY2(form->realms()->tenant(1)->toolTip().contains("&lt;b&gt;no-such&lt;/b&gt;"), qPrintable(form->realms()->tenant(1)->toolTip()));
        QCOMPARE(m_server->requestAsAdmin("GET", "/admin/api/v3/accesspolicies/web-readers").status, 404);
        form->realms()->tenant(1)->setCurrentText("dev");
        saveButton(dialog)->click();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestAsAdmin("GET", "/admin/api/v3/accesspolicies/web-readers").status, 200, 5000);
        const Json stored = get("/admin/api/v3/accesspolicies/web-readers");
        QCOMPARE(stored["scopes"], Json::array({"logs:write", "config:read"}));
        QCOMPARE(stored["realms"].size(), size_t(2));
        QCOMPARE(stored["realms"][0]["tenant"], Json("payments"));
        QCOMPARE(stored["realms"][0]["label_policies"],
                 Json::array({{{"selector", "{app=\"web\", tier=~\"a|b\"}"}}, {{"selector", "{env=\"prod}\"}"}}}));
        QCOMPARE(stored["realms"][1]["tenant"], Json("dev"));
        QTRY_VERIFY_WITH_TIMEOUT(dialogClosed(), 5000);
    }

    // A token: the policy picked from the server's, the expiry from a preset; edited to never expire.
    void tokenForm()
    {
        ResourceTab *tokens = refreshed("Tokens");
        RecordEditorDialog *dialog = nullptr;
        auto *form = openForm<lw::ui::TokenForm>(tokens, &dialog);
        QVERIFY(form);
        typeInto(form->name(), "grafana-web");
        QTRY_VERIFY_WITH_TIMEOUT(form->policy()->findText("web-readers") >= 0, 5000);
        form->policy()->setCurrentIndex(form->policy()->findText("web-readers"));
        form->expiry()->preset(1)->click(); // 30 days
        QVERIFY(!form->expiry()->never()->isChecked());
        answerNextMessageBox(QMessageBox::Close); // the token, shown once
        saveButton(dialog)->click();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestAsAdmin("GET", "/admin/api/v3/tokens/grafana-web").status, 200, 5000);
        Json stored = get("/admin/api/v3/tokens/grafana-web");
        QCOMPARE(stored["access_policy"], Json("web-readers"));
        const QDateTime expires = QDateTime::fromString(QString::fromStdString(stored["expiration"].get<std::string>()), Qt::ISODate);
        QVERIFY2(std::abs(expires.secsTo(QDateTime::currentDateTimeUtc().addDays(30))) < 120, qPrintable(expires.toString(Qt::ISODate)));
        QTRY_VERIFY_WITH_TIMEOUT(dialogClosed(), 5000);

        refreshed("Tokens");
        form = openForm<lw::ui::TokenForm>(tokens, &dialog, "grafana-web");
        QVERIFY(form);
        QVERIFY(!form->policy()->isEnabled()); // fixed once created
        QCOMPARE(form->expiry()->edit()->dateTime().toUTC().toSecsSinceEpoch(), expires.toSecsSinceEpoch());
        form->expiry()->never()->click();
        saveButton(dialog)->click();
        QTRY_COMPARE_WITH_TIMEOUT(get("/admin/api/v3/tokens/grafana-web").value("expiration", "?"), std::string(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(dialogClosed(), 5000);
    }

    // A user: scopes as checkboxes (a seed-001 spelling kept while its box stays checked).
    void userForm()
    {
        ResourceTab *users = refreshed("Users");
        RecordEditorDialog *dialog = nullptr;
        auto *form = openForm<lw::ui::UserForm>(users, &dialog);
        QVERIFY(form);
        typeInto(form->name(), "alice");
        // The template's Logpoint spellings show as our scopes.
        QVERIFY(form->scopes()->box("config:read")->isChecked());
        QVERIFY(form->scopes()->box("logs:read")->isChecked());
        form->scopes()->box("config:read")->click();
        form->scopes()->box("logs:write")->click();
        QCOMPARE(form->scopes()->scopes(), (std::vector<std::string>{"search:read", "logs:write"}));
        QCOMPARE(form->realms()->rowCount(), 0);
        answerNextMessageBox(QMessageBox::Close); // the access key, shown once
        saveButton(dialog)->click();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestAsAdmin("GET", "/admin/api/v3/users/alice").status, 200, 5000);
        const Json stored = get("/admin/api/v3/users/alice");
        QCOMPARE(stored["scopes"], Json::array({"search:read", "logs:write"}));
        QCOMPARE(stored["realms"][0]["tenant"], Json("*")); // no realm: every tenant
        QTRY_VERIFY_WITH_TIMEOUT(dialogClosed(), 5000);
        // On an edit the server's default no longer applies: the form says what no realm means then.
        refreshed("Users");
        form = openForm<lw::ui::UserForm>(users, &dialog, "alice");
        QVERIFY(form);
        QCOMPARE(form->realms()->rowCount(), 1);
        QVERIFY(form->realms()->toolTip().contains("no tenant"));
        QCOMPARE(form->scopes()->scopes(), (std::vector<std::string>{"search:read", "logs:write"})); // spellings kept
        dialog->reject();
    }

    // An ingest token in the tenant picked in the tab: the parser from a list; a custom value the
    // server does not allow is refused on that field.
    void ingestTokenForm()
    {
        ResourceTab *ingest = m_window->tab("Ingest Tokens");
        ingest->loadTenants();
        QTRY_VERIFY_WITH_TIMEOUT(ingest->tenantPicker()->findText("payments") >= 0, 5000);
        ingest->tenantPicker()->setCurrentText("payments");
        QTRY_VERIFY_WITH_TIMEOUT(!ingest->isBusy(), 5000);
        RecordEditorDialog *dialog = nullptr;
        auto *form = openForm<lw::ui::IngestTokenForm>(ingest, &dialog);
        QVERIFY(form);
        typeInto(form->name(), "web-shipper");
        form->parser()->setCurrentIndex(form->parser()->findData("kv"));
        QTest::keyClicks(form->customValue(), QString(40, 'x'));
        saveButton(dialog)->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->messageText().contains("--allow-custom-ingest-tokens"), 5000);
        QCOMPARE(form->markedField(), QStringLiteral("token"));
        QVERIFY(isMarked(form->customValue()));
        form->customValue()->clear();
        answerNextMessageBox(QMessageBox::Close); // the generated value, shown once
        saveButton(dialog)->click();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestAsAdmin("GET", "/admin/api/v3/tenants/payments/ingest-tokens/web-shipper").status, 200, 5000);
        QCOMPARE(get("/admin/api/v3/tenants/payments/ingest-tokens/web-shipper")["parser"], Json("kv"));
        QTRY_VERIFY_WITH_TIMEOUT(dialogClosed(), 5000);
    }

    // The selector splitter respects quotes and escapes: braces inside values do not end one.
    void selectorsSplit()
    {
        using lw::ui::RealmsEditor;
        QCOMPARE(RealmsEditor::splitSelectors("{a=\"1\"} {b=~\"x}y\", c=\"\\\"}\"}  {d!=`}`}"),
                 QStringList({"{a=\"1\"}", "{b=~\"x}y\", c=\"\\\"}\"}", "{d!=`}`}"}));
        QCOMPARE(RealmsEditor::splitSelectors(""), QStringList());
        QCOMPARE(RealmsEditor::splitSelectors("app=\"x\""), QStringList({"app=\"x\""}));
    }

    // A test that failed half-way leaves no dialog behind for the next one.
    void cleanup()
    {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *dialog = qobject_cast<RecordEditorDialog *>(w); dialog && dialog->isVisible()) {
                QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 5000);
                dialog->reject();
            }
        }
        QTRY_VERIFY_WITH_TIMEOUT(dialogClosed(), 5000);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_client.reset();
        if (m_server)
            QCOMPARE(m_server->stop(), 0);
    }
};

QTEST_MAIN(ConsoleFormsTest)
#include "test_console_forms.moc"
