// The real MainWindow (offscreen) against a real logwardend: tabs load over pinned TLS, and a
// source is created, edited through a conflict, and deleted with the widgets; a tenant is
// deactivated. The server's state is checked after each step.
#include "ApiClient.h"
#include "CollectorDetails.h"
#include "ConflictDialog.h"
#include "RecordEditorDialog.h"
#include "LogsTab.h"
#include "MainWindow.h"
#include "ResourceTab.h"
#include "TestCertificates.h"
#include "SimulatedAlloy.h"
#include "TestServer.h"
#include "Appearance.h"
#include "SettingsDialog.h"
#include "ConnectionManager.h"
#include "ProfileStore.h"
#include "OverviewTab.h"
#include "PipelinePreviewDialog.h"
#include "ProfilesDialog.h"
#include "ConsoleSettings.h"
#include "SecretClipboard.h"
#include "SecretStore.h"
#include "TokenGeneratorDialog.h"
#include "UiTestHelpers.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QMimeData>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSettings>
#include <QSpinBox>
#include <QSslCertificate>
#include <QStatusBar>
#include <QTabWidget>
#include <QHeaderView>
#include <QTableView>
#include <QTableWidget>
#include <QToolBar>
#include <QTextBlock>
#include <QTextLayout>
#include <QTranslator>
#include <QTimeZone>
#include <QtTest>

using lw::Json;
using lw::test::SimulatedAlloy;
using lw::test::TestServer;
using lw::ui::ResourceTab;

using lw::test::answerNextMessageBox;
using lw::test::answerNextPreview;
using lw::test::grabFor;
using lw::test::waitForTopLevel;

class ConsoleUiTest : public QObject {
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<lw::console::ApiClient> m_client;
    std::unique_ptr<lw::ui::MainWindow> m_window;
    QTemporaryDir m_certs, m_config;
    QByteArray m_ca, m_serverCert, m_serverKey;

    ResourceTab *refreshed(const QString &title) { return lw::test::refreshedTab(*m_window, title); }
    void saveEditor(const Json &value)
    {
        auto *dialog = waitForTopLevel<lw::ui::RecordEditorDialog>();
        QVERIFY(dialog);
        dialog->findChild<QPlainTextEdit *>()->setPlainText(QString::fromStdString(value.dump(2)));
        QPushButton *save = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
        QVERIFY(save->isEnabled());
        save->click();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path()); // not the user's own settings
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        QCOMPARE(m_server->requestAsAdmin("POST", "/api/v2/logs/sources", {{"name", "node-manager"}, {"journald", {{"syslogIdentifier", "node-manager"}}}}).status, 201);
        QCOMPARE(m_server->requestAsAdmin("POST", "/admin/api/v3/tenants", {{"name", "dev"}, {"cluster", "logwarden"}}).status, 201);
        QCOMPARE(m_server->requestAsAdmin("POST", "/admin/api/v3/accesspolicies",
                                          {{"name", "qa-read"}, {"realms", Json::array({{{"tenant", "dev"}, {"cluster", "logwarden"}}})},
                                           {"scopes", {"logs:read"}}}).status, 201);
        QVERIFY(lw::test::makeTestCertificates(m_certs.path()));
        m_ca = lw::test::readFile(m_certs.filePath("ca.crt"));
        m_serverCert = lw::test::readFile(m_certs.filePath("rsyslog-server.crt"));
        m_serverKey = lw::test::readFile(m_certs.filePath("rsyslog-server.key"));
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

    // Each resource through the widgets: create (a bad value first, caught before the server sees
    // it), edit while someone else changes the same record (the conflict dialog shows both; overwrite),
    // delete (confirmed in the dialog that names it). The server's state is checked after each step.
    void createEditConflictDelete_data()
    {
        QTest::addColumn<QString>("tab");
        QTest::addColumn<QString>("path");    // the record's URL path
        QTest::addColumn<QByteArray>("created");
        QTest::addColumn<QByteArray>("theirs"); // PUT by "someone else" while the editor is open
        QTest::addColumn<QByteArray>("mine");   // saved from the editor, then overwritten into place
        QTest::addColumn<QString>("theirsMarker");
        QTest::addColumn<QString>("mineMarker");
        QTest::addColumn<QString>("pointer"); // in the server's GET after the overwrite…
        QTest::addColumn<QByteArray>("expected"); // …holds this
        QTest::addColumn<bool>("softDelete");     // deactivated (status "inactive") rather than gone (404)
        auto row = [](const char *name, const QString &tab, const QString &path, const Json &created, const Json &theirs,
                      const Json &mine, const QString &theirsMarker, const QString &mineMarker, const QString &pointer,
                      const Json &expected, bool soft) {
            QTest::newRow(name) << tab << path << QByteArray::fromStdString(created.dump()) << QByteArray::fromStdString(theirs.dump())
                                << QByteArray::fromStdString(mine.dump()) << theirsMarker << mineMarker << pointer
                                << QByteArray::fromStdString(expected.dump()) << soft;
        };
        const Json journald = {{"syslogIdentifier", "gftl"}};
        row("source", "Sources", "/api/v2/logs/sources/gftl", {{"name", "gftl"}, {"enabled", true}, {"minLevel", "INFO"}, {"journald", journald}},
            {{"name", "gftl"}, {"minLevel", "DEBUG"}, {"journald", journald}},
            {{"name", "gftl"}, {"enabled", true}, {"minLevel", "ERROR"}, {"journald", journald}}, "DEBUG", "ERROR",
            "/source/minLevel", "ERROR", false);
        const std::string push = "http://loki.example.com:3100/loki/api/v1/push";
        row("target", "Targets", "/api/v2/logs/targets/central", {{"name", "central"}, {"type", "LOKI"}, {"loki", {{"url", push}}}},
            {{"name", "central"}, {"type", "LOKI"}, {"loki", {{"url", "http://theirs.example.com:3100/loki/api/v1/push"}}}},
            {{"name", "central"}, {"type", "LOKI"}, {"loki", {{"url", "http://mine.example.com:3100/loki/api/v1/push"}, {"tenantId", "dev"}}}},
            "theirs.example.com", "mine.example.com", "/target/loki/url", Json("http://mine.example.com:3100/loki/api/v1/push"), false);
        const std::string ca = m_ca.toStdString(), serverCert = m_serverCert.toStdString();
        row("TLS bundle", "TLS Bundles", "/api/v2/logs/tls-bundles/qa-bundle", {{"name", "qa-bundle"}, {"caPem", ca}},
            {{"name", "qa-bundle"}, {"caPem", ca}, {"certPem", serverCert}, {"keyPem", m_serverKey.toStdString()}},
            {{"name", "qa-bundle"}, {"caPem", serverCert}}, m_ca.split('\n').at(1).left(40), m_serverCert.split('\n').at(1).left(40),
            "/tlsBundle/ca/subject", Json("CN=rsyslog.example.com"), false);
        row("tenant", "Tenants", "/admin/api/v3/tenants/qa-team", {{"name", "qa-team"}, {"display_name", "QA"}, {"cluster", "logwarden"}},
            {{"name", "qa-team"}, {"display_name", "Theirs"}, {"cluster", "logwarden"}},
            {{"name", "qa-team"}, {"display_name", "Mine"}, {"cluster", "logwarden"}}, "Theirs", "Mine", "/display_name", "Mine", true);
        const Json realms = Json::array({{{"tenant", "*"}, {"cluster", "logwarden"}}});
        row("access policy", "Access Policies", "/admin/api/v3/accesspolicies/qa-policy",
            {{"name", "qa-policy"}, {"realms", realms}, {"scopes", {"logs:read"}}},
            {{"name", "qa-policy"}, {"realms", realms}, {"scopes", {"logs:read", "logs:write"}}},
            {{"name", "qa-policy"}, {"realms", realms}, {"scopes", {"logs:read", "logs:delete"}}}, "logs:write", "logs:delete",
            "/scopes", Json::array({"logs:read", "logs:delete"}), true);
        // Expirations a few years from today, so the row never ages into "expired".
        const auto yearsAhead = [](int years) {
            return QDate::currentDate().addYears(years).startOfDay(QTimeZone::utc()).toString(Qt::ISODate).toStdString();
        };
        const std::string created = yearsAhead(4), theirs = yearsAhead(5), mine = yearsAhead(6);
        row("token", "Tokens", "/admin/api/v3/tokens/qa-token",
            {{"name", "qa-token"}, {"access_policy", "qa-read"}, {"expiration", created}},
            {{"name", "qa-token"}, {"display_name", "Theirs"}, {"expiration", theirs}},
            {{"name", "qa-token"}, {"display_name", "Mine"}, {"access_policy", "qa-read"}, {"expiration", mine}},
            QString::fromStdString(theirs.substr(0, 10)), QString::fromStdString(mine.substr(0, 10)), "/expiration", Json(mine), true);
    }

    void createEditConflictDelete()
    {
        QFETCH(QString, tab);
        QFETCH(QString, path);
        QFETCH(QByteArray, created);
        QFETCH(QByteArray, theirs);
        QFETCH(QByteArray, mine);
        QFETCH(QString, theirsMarker);
        QFETCH(QString, mineMarker);
        QFETCH(QString, pointer);
        QFETCH(QByteArray, expected);
        QFETCH(bool, softDelete);
        const QByteArray url = path.toUtf8();
        const Json createdJson = Json::parse(created.toStdString());
        const std::string name = createdJson["name"].get<std::string>();

        ResourceTab *resources = refreshed(tab);
        const int before = resources->model()->rowCount();
        QSignalSpy secret(resources, &ResourceTab::secretIssued);
        resources->createRecord();
        auto *dialog = waitForTopLevel<lw::ui::RecordEditorDialog>();
        QVERIFY(dialog);
        Json bad = createdJson;
        bad["name"] = "Bad Name";
        dialog->findChild<QPlainTextEdit *>()->setPlainText(QString::fromStdString(bad.dump()));
        QVERIFY(!dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->isEnabled());
        if (tab == "Tokens")
            answerNextMessageBox(QMessageBox::Close); // the token's secret, shown once
        const bool previewed = tab == "Sources" || tab == "Targets"; // a save shows the agents' pipeline first
        QString createPreview, editPreview;
        if (previewed)
            answerNextPreview(true, &createPreview);
        saveEditor(createdJson);
        if (previewed)
            QTRY_VERIFY_WITH_TIMEOUT(!createPreview.isEmpty(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestAsAdmin("GET", url).status, 200, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(resources->model()->rowCount(), before + 1, 5000);
        if (tab == "Tokens") {
            QTRY_COMPARE_WITH_TIMEOUT(secret.count(), 1, 5000);
            const QByteArray token = secret.at(0).at(1).toString().toUtf8();
            QCOMPARE(m_server->request("GET", "/admin/api/v3/tenants", {}, {{"Authorization", "Bearer " + token}}).status, 403);
            QCOMPARE(m_server->request("GET", "/loki/api/v1/labels", {}, {{"Authorization", "Bearer " + token}, {"X-Scope-OrgID", "dev"}}).status, 200);
        }

        // Edit, while someone else changes the same record.
        QTRY_VERIFY_WITH_TIMEOUT(!resources->isBusy(), 5000);
        QVERIFY(resources->selectName(name));
        resources->editSelected();
        auto *editor = waitForTopLevel<lw::ui::RecordEditorDialog>();
        QVERIFY(editor);
        const QByteArray etag = m_server->requestAsAdmin("GET", url).header("ETag");
        QCOMPARE(m_server->requestAsAdmin("PUT", url, Json::parse(theirs.toStdString()), {{"If-Match", etag}}).status, 200);
        bool conflictSeen = false;
        QTimer::singleShot(300, [&] {
            auto *conflict = waitForTopLevel<lw::ui::ConflictDialog>();
            QVERIFY(conflict);
            QVERIFY2(conflict->findChild<QPlainTextEdit *>("theirs")->toPlainText().contains(theirsMarker), qPrintable(theirsMarker));
            QVERIFY2(conflict->findChild<QPlainTextEdit *>("mine")->toPlainText().contains(mineMarker), qPrintable(mineMarker));
            conflictSeen = true;
            conflict->findChild<QPushButton *>("overwrite")->click();
        });
        if (previewed)
            answerNextPreview(true, &editPreview);
        saveEditor(Json::parse(mine.toStdString()));
        if (previewed)
            QTRY_VERIFY_WITH_TIMEOUT(!editPreview.isEmpty(), 5000);
        const Json want = Json::parse(expected.toStdString());
        const Json::json_pointer at(pointer.toStdString());
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestAsAdmin("GET", url).json().value(at, Json()), want, 5000);
        QVERIFY(conflictSeen);

        // Delete, confirmed in the dialog that names it.
        QTRY_VERIFY_WITH_TIMEOUT(!resources->isBusy(), 5000);
        QVERIFY(resources->selectName(name));
        QString question;
        answerNextMessageBox(QMessageBox::Yes, &question);
        resources->deleteSelected();
        if (softDelete)
            QTRY_COMPARE_WITH_TIMEOUT(m_server->requestAsAdmin("GET", url).json().value("status", ""), std::string("inactive"), 5000);
        else
            QTRY_COMPARE_WITH_TIMEOUT(m_server->requestAsAdmin("GET", url).status, 404, 5000);
        if (tab == "Tokens") { // refused while inactive
            const QByteArray token = secret.at(0).at(1).toString().toUtf8();
            QCOMPARE(m_server->request("GET", "/loki/api/v1/labels", {}, {{"Authorization", "Bearer " + token}, {"X-Scope-OrgID", "dev"}}).status, 401);
        }
        QVERIFY2(question.contains(QString::fromStdString(name)), qPrintable(question));
        QTRY_VERIFY_WITH_TIMEOUT(!resources->isBusy(), 5000);
        if (!softDelete)
            return;

        // Deactivated records can be re-activated: the same button says so on an inactive row.
        QTRY_VERIFY_WITH_TIMEOUT(resources->selectName(name) && resources->selectedIsInactive(), 5000);
        QCOMPARE(resources->deleteAction()->text().remove('&'), QStringLiteral("Re-activate"));
        answerNextMessageBox(QMessageBox::Yes, &question);
        resources->deleteSelected();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestAsAdmin("GET", url).json().value("status", ""), std::string("active"), 5000);
        QVERIFY2(question.contains("Re-activate") && question.contains(QString::fromStdString(name)), qPrintable(question));
        QTRY_VERIFY_WITH_TIMEOUT(!resources->isBusy() && resources->selectName(name) && !resources->selectedIsInactive(), 5000);
        QCOMPARE(resources->deleteAction()->text().remove('&'), QStringLiteral("Deactivate"));
        if (tab == "Tokens") { // the token works again
            const QByteArray token = secret.at(0).at(1).toString().toUtf8();
            QCOMPARE(m_server->request("GET", "/loki/api/v1/labels", {}, {{"Authorization", "Bearer " + token}, {"X-Scope-OrgID", "dev"}}).status, 200);
        }
    }

    void serverRefusalIsShownInTheEditor()
    {
        ResourceTab *sources = m_window->tab("Sources");
        sources->createRecord();
        saveEditor({{"name", "node-manager"}, {"journald", {{"syslogIdentifier", "dup"}}}}); // exists: 409
        auto *dialog = waitForTopLevel<lw::ui::RecordEditorDialog>();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QLabel *>() && [dialog] {
            for (QLabel *l : dialog->findChildren<QLabel *>())
                if (l->text().contains("already exists"))
                    return true;
            return false;
        }(), 5000);
        dialog->reject();
    }

    void savingASourceShowsThePipelineFirst()
    {
        // With a target enabled, a new source changes what agents receive.
        QCOMPARE(m_server->requestAsAdmin("POST", "/api/v2/logs/targets", {{"name", "preview-loki"}, {"type", "LOKI"}, {"enabled", true},
            {"loki", {{"url", "http://loki.example.com:3100/loki/api/v1/push"}}}}).status, 201);
        ResourceTab *sources = refreshed("Sources");
        // Cancelled: back in the editor, nothing stored.
        QString summary, diff;
        answerNextPreview(false, &summary, &diff);
        sources->createRecord();
        const Json source{{"name", "previewed"}, {"enabled", true}, {"journald", {{"syslogIdentifier", "previewed"}}}};
        saveEditor(source);
        QTRY_VERIFY_WITH_TIMEOUT(!diff.isEmpty(), 5000);
        const int collectors = int(m_server->requestAsAdmin("GET", "/api/v2/logs/collectors").json()["collectors"].size());
        QVERIFY2(summary.contains(QString("%1 collector").arg(collectors)) && summary.contains("will receive this pipeline"),
                 qPrintable(summary));
        QVERIFY2(diff.contains("+ loki.source.journal \"s_previewed\""), qPrintable(diff.left(600)));
        QVERIFY(!diff.contains("- loki.source.journal \"s_previewed\""));
        QVERIFY(waitForTopLevel<lw::ui::RecordEditorDialog>()); // still open for another try
        QCOMPARE(m_server->requestAsAdmin("GET", "/api/v2/logs/sources/previewed").status, 404);
        // Applied: the source is stored.
        answerNextPreview(true);
        saveEditor(source);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestAsAdmin("GET", "/api/v2/logs/sources/previewed").status, 200, 5000);
        QTRY_VERIFY_WITH_TIMEOUT([] { // the editor closed once the save went through
            const auto widgets = QApplication::topLevelWidgets();
            return std::none_of(widgets.begin(), widgets.end(), [](QWidget *w) {
                return qobject_cast<lw::ui::RecordEditorDialog *>(w) && w->isVisible();
            });
        }(), 5000);

        // A refusal of the dry run (a bundle the server does not have) lands on the editor's field.
        ResourceTab *targets = refreshed("Targets");
        targets->createRecord();
        saveEditor(Json{{"name", "rs-preview"}, {"type", "RSYSLOG"}, {"enabled", true},
                        {"rsyslog", {{"endpoint", "rsyslog.example.com"}, {"port", 6514}, {"tlsBundle", "no-such-bundle"}}}});
        auto *editor = waitForTopLevel<lw::ui::RecordEditorDialog>();
        QVERIFY(editor);
        QTRY_VERIFY_WITH_TIMEOUT(editor->messageText().contains("The server refused rsyslog.tlsBundle"), 5000);
        QVERIFY2(!editor->messageText().contains("record."), qPrintable(editor->messageText()));
        editor->reject();
        QCOMPARE(m_server->requestAsAdmin("GET", "/api/v2/logs/targets/rs-preview").status, 404);
        QCOMPARE(m_server->requestAsAdmin("DELETE", "/api/v2/logs/sources/previewed").status, 200);
        QCOMPARE(m_server->requestAsAdmin("DELETE", "/api/v2/logs/targets/preview-loki").status, 200);
    }

    void collectorPipelineShowsWithAndWithoutAName()
    {
        // A target, so that the pipeline has something to show.
        QCOMPARE(m_server->requestAsAdmin("POST", "/api/v2/logs/targets", {{"name", "central-loki"}, {"type", "LOKI"}, {"enabled", true},
            {"loki", {{"url", "https://loki.example.com/loki/api/v1/push"}}}}).status, 201);
        // Alloy usually registers with its id only; a named one's name is a label, not its key.
        SimulatedAlloy unnamed("node-17.example", m_server->remotecfgPort());
        SimulatedAlloy named("node-18.example", m_server->remotecfgPort());
        SimulatedAlloy odd("rack 7/node?19#a", m_server->remotecfgPort()); // an id is the agent's to choose
        for (SimulatedAlloy *agent : {&unnamed, &named, &odd})
            agent->bearerToken = m_server->agentToken();
        QCOMPARE(unnamed.registerCollector(""), 200);
        QCOMPARE(named.registerCollector("edge agent"), 200);
        QCOMPARE(odd.registerCollector(""), 200);
        QVERIFY(unnamed.pollAndApply().httpStatus == 200 && named.pollAndApply().httpStatus == 200);
        QCOMPARE(odd.pollAndApply().httpStatus, 200);
        ResourceTab *collectors = refreshed("Collectors");
        QCOMPARE(collectors->errorText(), QString());
        // Statuses in words with a colour and an icon, the raw value in the tooltip; ages relative.
        lw::JsonTableModel *model = collectors->model();
        auto column = [model](const QString &header) {
            for (int c = 0; c < model->columnCount(); ++c)
                if (model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString() == header)
                    return c;
            return -1;
        };
        const int row = model->indexOfName("node-17.example");
        QVERIFY(row >= 0);
        const QModelIndex alloy = model->index(row, column("Alloy"));
        QCOMPARE(alloy.data().toString(), QString("Online"));
        QCOMPARE(alloy.data(Qt::ToolTipRole).toString(), QString("ALLOY_ONLINE"));
        QCOMPARE(alloy.data(Qt::ForegroundRole).value<QColor>(), QColor(0x2e, 0x7d, 0x32));
        QVERIFY(!alloy.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(model->index(row, column("Configuration")).data().toString(), QString("Up to date"));
        // A pipeline not probed yet (no Alloy answers the probe here) is "Unknown", in grey with its dot.
        const QModelIndex pipeline = model->index(row, column("Pipeline"));
        QCOMPARE(pipeline.data().toString(), QString("Unknown"));
        QCOMPARE(pipeline.data(Qt::ForegroundRole).value<QColor>(), QColor(0x75, 0x75, 0x75));
        QVERIFY(!pipeline.data(Qt::DecorationRole).value<QIcon>().isNull());
        const QModelIndex seen = model->index(row, column("Last seen"));
        QVERIFY2(seen.data().toString() == "now" || seen.data().toString().endsWith(" s ago"), qPrintable(seen.data().toString()));
        QVERIFY(seen.data(Qt::ToolTipRole).toString().contains(QString::number(QDate::currentDate().year())));
        QTest::keyClicks(collectors->filter(), "up to date"); // the words are what the filter sees
        QVERIFY(collectors->proxy()->rowCount() >= 2);
        collectors->filter()->clear();
        for (const char *id : {"node-17.example", "node-18.example", "rack 7/node?19#a"}) {
            QVERIFY2(collectors->selectName(id), id);
            QTRY_VERIFY2_WITH_TIMEOUT(collectors->detailsText().contains("rendered pipeline")
                                          && collectors->detailsText().contains("// Rendered by logwardend"),
                                      qPrintable(collectors->detailsText().right(300) + " / " + collectors->errorText()), 5000);
            QCOMPARE(collectors->errorText(), QString());
        }
        // The selected one: its hashes in words, the pipeline highlighted as Alloy syntax.
        QVERIFY(collectors->selectName("node-17.example"));
        auto *details = collectors->findChild<lw::ui::CollectorDetails *>();
        QVERIFY(details);
        const QString hash12 = QString::fromStdString(unnamed.appliedHash().substr(0, 12));
        QTRY_VERIFY2_WITH_TIMEOUT(details->status()->text().contains("It runs the current pipeline.")
                                      && details->status()->text().contains("Served " + hash12 + " · applied " + hash12),
                                  qPrintable(details->status()->text()), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(details->pipeline()->toPlainText().contains("// Rendered by logwardend"), 5000);
        QVERIFY2(details->status()->text().contains("Attributes: ") && details->status()->text().contains("collector.os="),
                 qPrintable(details->status()->text()));
        // Highlighted: comments in italics (every pipeline starts with one), blocks in bold, and a
        // "//" inside a string is part of the string.
        const QTextBlock first = details->pipeline()->document()->begin();
        QVERIFY(!first.layout()->formats().isEmpty() && first.layout()->formats().first().format.fontItalic());
        QTextDocument sample;
        sample.setPlainText("loki.write \"t\" {\n  url = \"http://x//y\" // note\n  /* a\n b */ batch = 5\n}");
        lw::ui::AlloySyntaxHighlighter highlighter(&sample);
        highlighter.rehighlight();
        const auto formatAt = [&sample](int block, int column) {
            for (const QTextLayout::FormatRange &f : sample.findBlockByNumber(block).layout()->formats())
                if (column >= f.start && column < f.start + f.length)
                    return f.format;
            return QTextCharFormat();
        };
        QCOMPARE(formatAt(0, 0).fontWeight(), int(QFont::Bold));             // loki.write
        QVERIFY(!formatAt(1, 16).fontItalic());                               // "//" inside the string
        QVERIFY(formatAt(1, 25).fontItalic());                                // the comment after it
        QVERIFY(formatAt(2, 3).fontItalic() && formatAt(3, 1).fontItalic());  // /* across lines */
        QVERIFY(!formatAt(3, 6).fontItalic());                                // batch, after the comment
        // One that failed to apply: its error, in the colour of failures.
        SimulatedAlloy failing("node-20.example", m_server->remotecfgPort());
        failing.bearerToken = m_server->agentToken();
        QCOMPARE(failing.registerCollector(""), 200);
        QCOMPARE(failing.pollAndApply(std::string("loading config: component loki.write is broken")).httpStatus, 200);
        refreshed("Collectors");
        QVERIFY(collectors->selectName("node-20.example"));
        QTRY_VERIFY2_WITH_TIMEOUT(details->status()->text().contains("Last error: loading config: component loki.write is broken")
                                      && details->status()->text().contains("not reported applying"),
                                  qPrintable(details->status()->text()), 5000);
        QVERIFY(details->status()->styleSheet().contains("color"));
        QVERIFY(collectors->selectName("node-17.example"));
        QTRY_VERIFY_WITH_TIMEOUT(details->pipeline()->toPlainText().contains("loki.write"), 5000);
        QVERIFY(m_window->showTab("Collectors"));
        grabFor(m_window.get(), "console-collectors-selected");
        QCOMPARE(m_server->requestAsAdmin("DELETE", "/api/v2/logs/targets/central-loki").status, 200);
    }

    void overviewCountsAndClicksThrough()
    {
        // Figures agree with the API, and each opens its tab filtered to what it counts.
        lw::ui::OverviewTab *overview = m_window->overview();
        QSignalSpy done(overview, &lw::ui::OverviewTab::refreshed);
        overview->refresh();
        QVERIFY(done.wait(5000));
        QCOMPARE(overview->errorText(), QString());
        const Json collectors = m_server->requestAsAdmin("GET", "/api/v2/logs/collectors").json()["collectors"];
        int online = 0, upToDate = 0;
        for (const Json &c : collectors) {
            online += c.value("alloyStatus", "") == "ALLOY_ONLINE";
            upToDate += c.value("remotecfgStatus", "") == "REMOTECFG_UP";
        }
        QVERIFY(online >= 3);
        auto figure = [overview](const char *key) { return overview->figure(key)->text().section('\n', 0, 0).toInt(); };
        QCOMPARE(figure("collectors"), int(collectors.size()));
        QCOMPARE(figure("online"), online);
        QCOMPARE(figure("tenants"), int(m_server->requestAsAdmin("GET", "/admin/api/v3/tenants").json()["items"].size()));
        QCOMPARE(figure("policies"), int(m_server->requestAsAdmin("GET", "/admin/api/v3/accesspolicies").json()["items"].size()));
        QVERIFY(overview->changes()->count() >= 1);
        QVERIFY(overview->changes()->item(0)->text().contains("system:cluster-admin"));
        // Online opens the Collectors tab filtered to online collectors.
        overview->figure("online")->click();
        ResourceTab *tab = m_window->tab("Collectors");
        QCOMPARE(m_window->findChild<QTabWidget *>()->currentWidget(), tab);
        QCOMPARE(tab->filter()->text(), QString("Online"));
        QTRY_COMPARE_WITH_TIMEOUT(tab->proxy()->rowCount(), online, 5000);
        tab->filter()->clear();
        // The latest change opens the Audit tab filtered to its name.
        Q_EMIT overview->changes()->itemActivated(overview->changes()->item(0));
        QCOMPARE(m_window->findChild<QTabWidget *>()->currentWidget(), m_window->tab("Audit"));
        QVERIFY(!m_window->tab("Audit")->filter()->text().isEmpty());
        m_window->tab("Audit")->filter()->clear();
    }

    void overviewSaysWhenThereAreNoCollectors()
    {
        lw::ui::OverviewTab overview(*m_client);
        QVERIFY(overview.showFleet(R"({"collectors":[]})"));
        QCOMPARE(overview.figure("collectors")->text().section('\n', 0, 0), QString("0"));
        QVERIFY(!overview.showFleet("not json"));
        const QByteArray failing = R"({"collectors":[{"id":"a","alloyStatus":"ALLOY_ONLINE","pipelineHealth":"DEGRADED","failingExporters":["loki1"]},)"
                                   R"({"id":"b","alloyStatus":"ALLOY_OFFLINE","pipelineHealth":"ERROR","failingExporters":["loki1","syslog"]}]})";
        QVERIFY(overview.showFleet(failing));
        QCOMPARE(overview.figure("offline")->text().section('\n', 0, 0), QString("1"));
        QCOMPARE(overview.figure("degraded")->text().section('\n', 0, 0), QString("1"));
        QCOMPARE(overview.exporters()->count(), 2);
        QVERIFY(overview.exporters()->item(0)->text().contains("loki1") && overview.exporters()->item(0)->text().contains("a, b"));
    }

    void tenantIsDeactivatedNotDeleted()
    {
        ResourceTab *tenants = refreshed("Tenants");
        tenants->selectName("dev");
        answerNextMessageBox(QMessageBox::Yes);
        tenants->deleteSelected();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestAsAdmin("GET", "/admin/api/v3/tenants/dev").json()["status"], Json("inactive"), 5000);
    }

    void auditShowsChangesNewestFirst()
    {
        QCOMPARE(m_server->requestAsAdmin("POST", "/admin/api/v3/tenants", {{"name", "audit-demo"}, {"cluster", "logwarden"}}).status, 201);
        const QByteArray etag = m_server->requestAsAdmin("GET", "/admin/api/v3/tenants/audit-demo").header("ETag");
        QCOMPARE(m_server->requestAsAdmin("PUT", "/admin/api/v3/tenants/audit-demo", {{"status", "inactive"}}, {{"If-Match", etag}}).status, 200);
        ResourceTab *audit = refreshed("Audit");
        QCOMPARE(audit->errorText(), QString());
        QVERIFY(audit->model()->rowCount() >= 3);
        // Newest first: the first row shown is the latest entry.
        const QString first = audit->proxy()->index(0, 0).data(Qt::ToolTipRole).toString();
        const QString last = audit->proxy()->index(audit->proxy()->rowCount() - 1, 0).data(Qt::ToolTipRole).toString();
        QVERIFY2(audit->proxy()->index(0, 0).data(lw::JsonTableModel::SortRole).toString()
                     >= audit->proxy()->index(audit->proxy()->rowCount() - 1, 0).data(lw::JsonTableModel::SortRole).toString(),
                 qPrintable(first + " / " + last));
        // Filter to the tenant's deactivation; its before/after is shown as a diff.
        QTest::keyClicks(audit->filter(), "audit-demo"); // one tenant's entries, newest first
        QCOMPARE(audit->proxy()->rowCount(), 2);
        QCOMPARE(audit->proxy()->index(0, 2).data().toString(), QString("deactivate"));
        QCOMPARE(audit->proxy()->index(1, 2).data().toString(), QString("create"));
        audit->view()->selectRow(0);
        QString details;
        QTRY_VERIFY_WITH_TIMEOUT((details = audit->detailsText().replace(QChar(0xA0), QLatin1Char(' '))).contains("— changes —"), 2000);
        const QStringList lines = details.section("— changes —", 1).split('\n');
        auto marked = [&lines](const QString &sign, const QString &text) {
            return std::any_of(lines.begin(), lines.end(), [&](const QString &l) { return l.startsWith(sign) && l.contains(text); });
        };
        QVERIFY2(marked("-", "\"status\": \"active\"") && marked("+", "\"status\": \"inactive\""), qPrintable(details.right(400)));
        QVERIFY(marked(" ", "\"name\": \"audit-demo\"")); // unchanged lines are not marked
        QVERIFY(!marked("-", "\"name\"") && !marked("+", "\"name\""));
        audit->filter()->clear();
    }

    void emptyTablesSayWhatToDo()
    {
        ResourceTab *users = refreshed("Users");
        QCOMPARE(users->model()->rowCount(), 0);
        QVERIFY2(users->emptyText().contains("Users: none yet") && users->emptyText().contains("New user"), qPrintable(users->emptyText()));
        ResourceTab *sources = refreshed("Sources");
        QCOMPARE(sources->emptyText(), QString()); // a table with rows says nothing
        // Every action button has an icon (the theme's, or Qt's own without one).
        for (QPushButton *button : sources->findChildren<QPushButton *>())
            QVERIFY2(!button->icon().isNull(), qPrintable(button->text()));
    }

    // Every tab's actions sit in a toolbar with icons, and their shortcuts work from the table.
    void toolbarShortcutsAndIcon()
    {
        QVERIFY(!m_window->windowIcon().isNull());
        QVERIFY(!m_window->windowIcon().pixmap(64, 64).isNull()); // the SVG renders
        ResourceTab *sources = refreshed("Sources");
        auto *toolbar = sources->findChild<QToolBar *>("toolbar");
        QVERIFY(toolbar);
        QVERIFY(toolbar->actions().contains(sources->newAction()));
        QVERIFY(!sources->newAction()->icon().isNull());
        QVERIFY(m_window->showTab("Sources"));
        m_window->activateWindow();
        QApplication::setActiveWindow(m_window.get());
        sources->view()->setFocus();
        QTRY_VERIFY_WITH_TIMEOUT(sources->view()->hasFocus(), 2000);
        for (QWidget *w : QApplication::topLevelWidgets()) // none left over: the next one is Ctrl+N's
            QVERIFY(!(qobject_cast<lw::ui::RecordEditorDialog *>(w) && w->isVisible()));
        QTest::keyClick(sources->view(), Qt::Key_N, Qt::ControlModifier);
        auto *dialog = waitForTopLevel<lw::ui::RecordEditorDialog>();
        QVERIFY(dialog);
        QVERIFY(dialog->form()); // the form first
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), 2000);
        // Collectors are not created by hand: no New, and Ctrl+N does nothing there.
        ResourceTab *collectors = refreshed("Collectors");
        QVERIFY(!collectors->newAction()->isVisible() && !collectors->newAction()->isEnabled());
    }

    void helpAboutNamesVersionServerAndLicences()
    {
        QAction *about = m_window->findChild<QAction *>("about");
        QVERIFY(about);
        // The server's own version comes from GET /api/version, asked on every refresh.
        m_window->refreshAll();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->aboutText().contains(QStringLiteral("logwardend " LW_VERSION)), 5000);
        const QString text = m_window->aboutText();
        QVERIFY(text.contains(QStringLiteral("Logwarden " LW_VERSION)));
        QVERIFY(text.contains(m_server->url({})));
        QVERIFY(text.contains("LGPL-3.0") && text.contains("Apache-2.0"));
        QString shown;
        answerNextMessageBox(QMessageBox::Ok, &shown);
        about->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(shown.contains(LW_VERSION), 5000);
    }

    void errorsAreShownInTheWindow()
    {
        m_client->setAuthorization("Bearer not-a-valid-token");
        ResourceTab *sources = m_window->tab("Sources");
        QSignalSpy failed(sources, &ResourceTab::failed);
        sources->refresh();
        QVERIFY(failed.wait(5000));
        // The server's own sentence reaches the window ("Bearer not-a-valid-token" is no JWT,
        // admin token or ingest token).
        QVERIFY2(sources->errorText().contains("unknown token"), qPrintable(sources->errorText()));
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
        {
            // As on a fresh connection (an earlier refresh of every tab filled the picker).
            const QSignalBlocker quiet(ingest->tenantPicker());
            ingest->tenantPicker()->clear();
        }
        QSignalSpy firstShown(ingest, &ResourceTab::refreshed);
        ingest->loadTenants();
        QVERIFY(loaded.wait(5000));
        QVERIFY(ingest->tenantPicker()->findText("ing-t") >= 0);
        // The tenant the picker shows first is loaded too, not left as an empty table.
        QVERIFY(!ingest->tenantPicker()->currentText().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(firstShown.count() >= 1, 5000);
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

    void settingsApplyAtOnceAndPersist()
    {
        ResourceTab *collectors = m_window->tab("Collectors");
        QCOMPARE(collectors->autoRefreshSeconds(), lw::console::ConsoleSettings::DefaultRefreshSeconds);
        QCOMPARE(m_window->tab("Sources")->autoRefreshSeconds(), 0); // only live tabs reload by themselves
        m_window->openSettings();
        auto *dialog = waitForTopLevel<lw::ui::SettingsDialog>();
        QVERIFY(dialog);
        grabFor(dialog, "settings");
        dialog->refreshBox()->setValue(3);
        dialog->languageBox()->setCurrentIndex(dialog->languageBox()->findData(QStringLiteral("de")));
        dialog->themeBox()->setCurrentIndex(dialog->themeBox()->findData(QStringLiteral("dark")));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(collectors->autoRefreshSeconds(), 3);
        QVERIFY(qApp->palette().color(QPalette::Window).lightness() < 80);
        QVERIFY(m_window->statusBar()->currentMessage().contains("next start"));
        {
            const lw::console::ConsoleSettingsFile file;
            QCOMPARE(file.value("settings/refreshSeconds").toInt(), 3);
            QCOMPARE(file.value("settings/language").toString(), QStringLiteral("de"));
            QCOMPARE(file.value("settings/theme").toString(), QStringLiteral("dark"));
        }
        QCOMPARE(lw::console::ConsoleSettings::load(lw::console::ConsoleSettingsFile()), m_window->settings());

        // Off stops the auto-refresh; "follow the system" gives the platform's palette back.
        lw::console::ConsoleSettings off = m_window->settings();
        off.refreshSeconds = 0;
        off.theme = "system";
        m_window->applySettings(off);
        QCOMPARE(collectors->autoRefreshSeconds(), 0);
        QCOMPARE(qApp->palette(), QPalette());
    }

    void windowStateIsRemembered()
    {
        ResourceTab *sources = refreshed("Sources");
        sources->view()->sortByColumn(2, Qt::DescendingOrder);
        sources->view()->setColumnWidth(0, 271);
        QVERIFY(m_window->showTab("Targets"));
        m_window->close(); // saves

        lw::ui::MainWindow again(*m_client);
        ResourceTab *restored = again.tab("Sources");
        QCOMPARE(restored->view()->horizontalHeader()->sortIndicatorSection(), 2);
        QCOMPARE(restored->view()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(restored->view()->columnWidth(0), 271);
        QCOMPARE(again.findChild<QTabWidget *>()->currentWidget(), again.tab("Targets"));
        QCOMPARE(restored->proxy()->sortColumn(), 2); // the rows are sorted that way too, not only the arrow
        m_window->show();
    }

    void translatedWindows_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("tabs");
        QTest::addColumn<QString>("filterHint");
        QTest::newRow("de") << "de" << QStringList{"Übersicht", "Quellen", "Ziele", "TLS-Bündel", "Collectors", "Mandanten", "Zugriffsrichtlinien", "Tokens", "Ingest-Tokens", "Benutzer", "Prüfprotokoll", "Logs"} << "Quellen filtern…";
        QTest::newRow("zh_CN") << "zh_CN" << QStringList{"概览", "日志源", "目标", "TLS 证书包", "采集器", "租户", "访问策略", "令牌", "摄取令牌", "用户", "审计日志", "日志"} << "筛选日志源…";
        QTest::newRow("en") << "en" << QStringList{"Overview", "Sources", "Targets", "TLS Bundles", "Collectors", "Tenants", "Access Policies", "Tokens", "Ingest Tokens", "Users", "Audit", "Logs"} << "Filter Sources…";
    }

    void translatedWindows()
    {
        QFETCH(QString, language);
        QFETCH(QStringList, tabs);
        QFETCH(QString, filterHint);
        QTranslator qt, own;
        const QString installed = lw::ui::installTranslations(*qApp, language, qt, own);
        QVERIFY2(installed.startsWith(language), qPrintable(installed)); // "de_DE" for "de"
        {
            lw::ui::MainWindow translated(*m_client);
            auto *tabWidget = translated.findChild<QTabWidget *>();
            QStringList shown;
            for (int i = 0; i < tabWidget->count(); ++i)
                shown << tabWidget->tabText(i);
            QCOMPARE(shown, tabs);
            QCOMPARE(translated.tabs().front()->filter()->placeholderText(), filterHint);
            // --tab takes the shown title or the resource's key, whatever the language.
            QVERIFY(translated.showTab("ingest-tokens"));
            QCOMPARE(tabWidget->currentWidget(), translated.tab(tabs.at(8)));
            QVERIFY(translated.showTab(tabs.at(3)));
            QCOMPARE(tabWidget->currentIndex(), 3);
            QVERIFY(!translated.showTab("no-such-tab"));
        }
        qApp->removeTranslator(&qt);
        qApp->removeTranslator(&own);
    }

    void profilesSwitchServers()
    {
        TestServer other;
        QVERIFY(other.start());
        QCOMPARE(other.requestAsAdmin("POST", "/api/v2/logs/sources", {{"name", "only-on-b"}, {"journald", {{"syslogIdentifier", "b"}}}}).status, 201);
        const QString pinB = lw::console::ApiClient::fingerprint(QSslCertificate::fromPath(other.dataDir() + "/tls/server.crt").first());
        const QString pinA = m_client->pinnedFingerprint();

        lw::console::ProfileStore profiles; // the console's settings file, in this test's scratch config
        lw::console::SecretStore secrets(QStringLiteral("logwarden-test-ui"));
        lw::ui::ConnectionManager connections(profiles, secrets, *m_client);
        connections.setDialogParent(m_window.get());
        m_window->setConnections(&connections);
        QSignalSpy connected(&connections, &lw::ui::ConnectionManager::connected);
        ResourceTab *sources = m_window->tab("Sources");
        auto shownNames = [sources] {
            QStringList names;
            for (int row = 0; row < sources->model()->rowCount(); ++row)
                names << QString::fromStdString(sources->model()->name(row));
            return names;
        };

        QSignalSpy noKeychain(&connections, &lw::ui::ConnectionManager::keychainUnavailable);
        connections.connectTo({"lab-a", m_server->url({}), "jwt", pinA}, QString::fromUtf8(m_server->systemJwt()));
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 5000);
        QCOMPARE(m_window->windowTitle(), "Logwarden — lab-a (" + m_server->hostPort() + ")"); // the profile and its server
        // This test runs without a D-Bus session: the window says the keychain is missing, once, without blocking.
        QTRY_COMPARE_WITH_TIMEOUT(noKeychain.count(), 1, 5000);
        auto *warning = m_window->findChild<QMessageBox *>("noKeychain");
        QVERIFY(warning && warning->isVisible() && warning->text().contains("keychain"));
        warning->accept();
        QTRY_VERIFY_WITH_TIMEOUT(shownNames().contains("node-manager"), 5000);

        // A new profile from the dialog: its unknown certificate is shown, pinned, and the window reloads from B.
        m_window->openProfiles();
        auto *dialog = waitForTopLevel<lw::ui::ProfilesDialog>();
        QVERIFY(dialog);
        QVERIFY(!dialog->addButton()->isEnabled());
        dialog->nameEdit()->setText("lab-b");
        dialog->urlEdit()->setText("ftp://" + other.url({}).mid(8));
        dialog->credentialEdit()->setText(QString::fromUtf8(other.systemJwt()));
        QVERIFY(dialog->problem().contains("https://"));
        QVERIFY(!dialog->addButton()->isEnabled());
        dialog->urlEdit()->setText(other.url({}));
        QCOMPARE(dialog->problem(), QString());
        grabFor(dialog, "profiles");
        answerNextMessageBox(QMessageBox::Yes); // trust B's certificate
        dialog->addButton()->click();
        QTRY_VERIFY2_WITH_TIMEOUT(shownNames().contains("only-on-b"), qPrintable(sources->errorText() + " / " + shownNames().join(",") + " / " + m_window->statusBar()->currentMessage()), 10000);
        QVERIFY(!shownNames().contains("node-manager"));
        QCOMPARE(profiles.load("lab-b")->pinnedSha256, pinB);
        QCOMPARE(connections.current().name, QStringLiteral("lab-b"));
        QTRY_VERIFY_WITH_TIMEOUT([this] { // the status bar names the server and profile now in use
            for (QLabel *label : m_window->statusBar()->findChildren<QLabel *>())
                if (label->text().contains("lab-b"))
                    return true;
            return false;
        }(), 5000);

        // Back to A from the list (filtered, sorted), then remove B with its credential.
        m_window->openProfiles();
        dialog = waitForTopLevel<lw::ui::ProfilesDialog>();
        QVERIFY(dialog);
        QCOMPARE(dialog->table()->rowCount(), 2);
        QTest::keyClicks(dialog->filter(), "lab-a");
        QVERIFY(!dialog->selectProfile("lab-b")); // filtered out
        QVERIFY(dialog->selectProfile("lab-a"));
        dialog->connectButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(shownNames().contains("node-manager") && !shownNames().contains("only-on-b"), 10000);
        QCOMPARE(profiles.lastUsed(), QStringLiteral("lab-a"));

        m_window->openProfiles();
        dialog = waitForTopLevel<lw::ui::ProfilesDialog>();
        QVERIFY(dialog->selectProfile("lab-a"));
        QVERIFY(!dialog->removeButton()->isEnabled()); // not the profile in use
        QVERIFY(dialog->selectProfile("lab-b"));
        QString question;
        answerNextMessageBox(QMessageBox::Yes, &question);
        dialog->removeButton()->click();
        QVERIFY(question.contains("lab-b"));
        QVERIFY(!profiles.load("lab-b"));
        QCOMPARE(dialog->table()->rowCount(), 1);
        bool found = true;
        secrets.read("lab-b", "credential", [&found](bool ok, const QString &) { found = ok; });
        QTRY_VERIFY_WITH_TIMEOUT(!found, 5000);
        dialog->reject();
        // Both profiles were connected with a credential: none of it is in the settings files.
        lw::console::ConsoleSettingsFile().sync(); // (the profile store's writes share this file's cache)
        int files = 0;
        QDirIterator it(m_config.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QByteArray content = lw::test::readFile(it.next());
            ++files;
            for (const QByteArray &jwt : {m_server->systemJwt(), other.systemJwt()}) {
                QVERIFY2(!content.contains(jwt.right(43)), qPrintable(it.filePath())); // the signature
                QVERIFY2(!content.contains(jwt.left(60)), qPrintable(it.filePath()));
            }
        }
        QVERIFY(files >= 1); // the profiles were written somewhere in this scratch config
        QCOMPARE(other.stop(), 0);
    }

    void copiedSecretsLeaveTheClipboard()
    {
        // Marked for password managers, and gone after the delay unless replaced meanwhile.
        QCOMPARE(lw::ui::SecretClipboardSeconds, 30);
        lw::ui::copySecret("first-secret-value", 1);
        QClipboard *clipboard = QApplication::clipboard();
        QCOMPARE(clipboard->text(), QString("first-secret-value"));
        QCOMPARE(clipboard->mimeData()->data("x-kde-passwordManagerHint"), QByteArray("secret"));
        QTRY_COMPARE_WITH_TIMEOUT(clipboard->text(), QString(), 5000);
        lw::ui::copySecret("second-secret-value", 1);
        clipboard->setText("something the user copied since");
        QTest::qWait(1500);
        QCOMPARE(clipboard->text(), QString("something the user copied since"));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        QCOMPARE(m_server->stop(), 0);
    }
};

int main(int argc, char **argv)
{
    // Never the user's keychain: no D-Bus session at all, whatever the desktop running the test has.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/logwarden-test-no-session-bus");
    QApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    ConsoleUiTest test;
    return QTest::qExec(&test, argc, argv);
}
#include "test_console_ui.moc"
