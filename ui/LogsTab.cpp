#include "LogsTab.h"
#include "TabParts.h"

#include "ApiClient.h"
#include "JsonTableModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkRequest>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QUrlQuery>
#include <QVBoxLayout>
#include <QWebSocket>

namespace lw::ui {

namespace {
constexpr int MaxRows = 20000; // live tails trim the oldest beyond this

QString nsToTime(const std::string &ns)
{
    return QDateTime::fromMSecsSinceEpoch(std::stoll(ns) / 1000000, Qt::UTC).toString(Qt::ISODateWithMs);
}
} // namespace

LogsTab::LogsTab(console::ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_tenants(new QComboBox(this)), m_query(new QLineEdit(this)),
      m_range(new QComboBox(this)), m_limit(new QSpinBox(this)), m_tail(new QCheckBox(tr("Live tail"), this)),
      m_filter(new QLineEdit(this)), m_view(new QTableView(this)),
      m_model(new lw::JsonTableModel({{tr("Time"), "/time"}, {tr("Labels"), "/labels"}, {tr("Line"), "/line"}}, this)),
      m_proxy(new QSortFilterProxyModel(this)), m_busy(new QProgressBar(this)), m_error(new QLabel(this))
{
    m_tenants->setObjectName(QStringLiteral("tenant"));
    m_query->setObjectName(QStringLiteral("query"));
    m_query->setText(QStringLiteral("{job=~\".+\"}"));
    m_query->setPlaceholderText(tr("LogQL, e.g. {job=\"api\"} |= \"error\""));
    const QList<std::pair<QString, int>> ranges = {{tr("Last 5 minutes"), 300}, {tr("Last 15 minutes"), 900},
                                                   {tr("Last hour"), 3600},     {tr("Last 6 hours"), 21600},
                                                   {tr("Last 24 hours"), 86400}, {tr("Last 7 days"), 604800}};
    for (const auto &[label, seconds] : ranges)
        m_range->addItem(label, seconds);
    m_range->setCurrentIndex(2);
    m_limit->setRange(1, 5000);
    m_limit->setValue(500);
    m_limit->setPrefix(tr("limit "));
    m_filter->setPlaceholderText(tr("Filter the results…"));
    m_filter->setClearButtonEnabled(true);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(lw::JsonTableModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::DescendingOrder);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    setUpBusyBar(m_busy);
    setUpErrorLabel(m_error);

    auto *run = new QPushButton(tr("&Run"), this);
    run->setToolTip(tr("Run the query (Ctrl+Return)"));
    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("Tenant"), this), 0, 0);
    grid->addWidget(m_tenants, 0, 1);
    grid->addWidget(m_query, 0, 2);
    grid->addWidget(m_range, 0, 3);
    grid->addWidget(m_limit, 0, 4);
    grid->addWidget(run, 0, 5);
    grid->addWidget(m_tail, 0, 6);
    grid->setColumnStretch(2, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addWidget(m_filter);
    layout->addWidget(m_busy);
    layout->addWidget(m_error);
    layout->addWidget(m_view, 1);

    connect(run, &QPushButton::clicked, this, &LogsTab::runQuery);
    connect(m_query, &QLineEdit::returnPressed, this, &LogsTab::runQuery);
    new QShortcut(QKeySequence(tr("Ctrl+Return")), this, [this] { runQuery(); }, Qt::WidgetWithChildrenShortcut);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_tail, &QCheckBox::toggled, this, &LogsTab::setTailing);
}

LogsTab::~LogsTab() = default;

QString LogsTab::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text(); // its own state, whether or not the tab is shown
}

bool LogsTab::isTailing() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void LogsTab::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void LogsTab::loadTenants()
{
    loadTenantNames(m_client, m_tenants, this, [this](const QString &error) {
        if (!error.isEmpty())
            return showError(tr("Could not list tenants: %1").arg(error));
        Q_EMIT tenantsLoaded();
    });
}

void LogsTab::appendStreams(const lw::Json &streams, bool replace)
{
    std::vector<lw::Json> rows;
    if (!replace) {
        for (int i = 0; i < m_model->rowCount(); ++i)
            rows.push_back(m_model->record(i));
    }
    for (const auto &s : streams) {
        std::string labels;
        for (auto it = s["stream"].begin(); it != s["stream"].end(); ++it)
            labels += (labels.empty() ? "" : ", ") + it.key() + "=" + it.value().get<std::string>();
        for (const auto &v : s["values"])
            rows.push_back({{"time", nsToTime(v[0].get<std::string>()).toStdString()}, {"labels", labels}, {"line", v[1]}});
    }
    if (rows.size() > MaxRows)
        rows.erase(rows.begin(), rows.begin() + static_cast<long>(rows.size() - MaxRows));
    m_model->setRecords(std::move(rows));
    Q_EMIT resultsChanged();
}

void LogsTab::runQuery()
{
    if (m_tenants->currentText().isEmpty())
        return showError(tr("Choose a tenant first."));
    const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1000000LL;
    // Encoded by hand: a '+' in LogQL (".+") must travel as %2B, since a bare '+' means a space.
    const QString path = QStringLiteral("/loki/api/v1/query_range?query=%1&start=%2&end=%3&limit=%4")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_query->text())),
                                  QString::number(now - m_range->currentData().toLongLong() * 1000000000LL),
                                  QString::number(now + 1), QString::number(m_limit->value()));
    m_busy->show();
    m_client.get(path, console::ApiClient::bound(this, [this](const console::ApiResult &r) {
        m_busy->hide();
        if (!r.ok())
            return showError(tr("Query failed: %1").arg(r.error));
        showError({});
        appendStreams(r.json["data"]["result"], true);
    }), {{"X-Scope-OrgID", m_tenants->currentText().toUtf8()}});
}

void LogsTab::setTailing(bool on)
{
    if (!on) {
        if (m_socket)
            m_socket->close();
        m_socket.reset();
        return;
    }
    if (m_tenants->currentText().isEmpty()) {
        m_tail->setChecked(false);
        return showError(tr("Choose a tenant first."));
    }
    QUrl url = m_client.server();
    url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setPath(QStringLiteral("/loki/api/v1/tail"));
    url.setQuery(QStringLiteral("query=%1&limit=0").arg(QString::fromLatin1(QUrl::toPercentEncoding(m_query->text()))),
                 QUrl::StrictMode);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", m_client.authorization());
    request.setRawHeader("X-Scope-OrgID", m_tenants->currentText().toUtf8());
    m_socket = std::make_unique<QWebSocket>();
    QWebSocket *socket = m_socket.get();
    // No CA is trusted: every certificate stops in sslErrors before the upgrade request (and the
    // credential) is sent, and only the pinned one goes on.
    socket->setSslConfiguration(console::ApiClient::pinningConfiguration());
    connect(socket, &QWebSocket::sslErrors, this, [this, socket](const QList<QSslError> &errors) {
        if (m_client.acceptsPeer(socket->sslConfiguration().peerCertificate()))
            socket->ignoreSslErrors(errors);
    });
    connect(socket, &QWebSocket::textMessageReceived, this, [this](const QString &message) {
        const lw::Json frame = lw::Json::parse(message.toStdString(), nullptr, false);
        if (frame.is_object() && frame.contains("streams"))
            appendStreams(frame["streams"], false);
    });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        if (socket->closeCode() != QWebSocketProtocol::CloseCodeNormal || !socket->closeReason().isEmpty())
            showError(tr("The live tail stopped: %1").arg(socket->closeReason().isEmpty() ? socket->errorString() : socket->closeReason()));
        m_tail->setChecked(false);
    });
    socket->open(request);
}

} // namespace lw::ui
