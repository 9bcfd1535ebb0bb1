#include "OverviewTab.h"
#include "ResourceSpecs.h"

#include "ApiClient.h"
#include "JsonTableModel.h"
#include "TabParts.h"
#include "AccessModels.h"

#include <QDateTime>
#include <functional>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace lw::ui {

namespace {

using Tone = lw::JsonTableModel::Tone;
constexpr qint64 Week = 7 * 24 * 3600 * 1000LL;
constexpr int Changes = 8;

QGridLayout *section(QVBoxLayout *page, const QString &title, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    auto *grid = new QGridLayout(box);
    page->addWidget(box);
    return grid;
}

} // namespace

OverviewTab::OverviewTab(console::ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_exporters(new QListWidget(this)), m_changes(new QListWidget(this)),
      m_fleetEmpty(new QLabel(this)), m_error(new QLabel(this)), m_busy(new QProgressBar(this)),
      m_refresh(new QPushButton(tr("&Refresh"), this))
{
    auto *page = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("The platform at a glance; every figure opens its tab, filtered."), this), 1);
    bar->addWidget(m_refresh);
    m_refresh->setToolTip(tr("Reload from the server (F5)"));
    page->addLayout(bar);
    setUpBusyBar(m_busy);
    setUpErrorLabel(m_error);
    page->addWidget(m_busy);
    page->addWidget(m_error);

    QGridLayout *fleet = section(page, tr("Collectors"), this);
    addFigure(fleet, 0, 0, QStringLiteral("collectors"), tr("collectors"), QStringLiteral("collectors"), {});
    addFigure(fleet, 0, 1, QStringLiteral("online"), tr("Online"), QStringLiteral("collectors"), tr("Online"));
    addFigure(fleet, 0, 2, QStringLiteral("offline"), tr("Offline"), QStringLiteral("collectors"), tr("Offline"));
    addFigure(fleet, 0, 3, QStringLiteral("pending"), tr("Pending"), QStringLiteral("collectors"), tr("Pending"));
    addFigure(fleet, 0, 4, QStringLiteral("failed"), tr("Failed"), QStringLiteral("collectors"), tr("Failed"));
    addFigure(fleet, 0, 5, QStringLiteral("degraded"), tr("Degraded"), QStringLiteral("collectors"), tr("Degraded"));
    addFigure(fleet, 0, 6, QStringLiteral("error"), tr("Error"), QStringLiteral("collectors"), tr("Error"));
    m_fleetEmpty->setText(tr("No collectors yet — point an Alloy agent's remotecfg block at this server's remotecfg "
                             "listener with the node's agent token or an enrollment token."));
    m_fleetEmpty->setWordWrap(true);
    m_fleetEmpty->hide();
    fleet->addWidget(m_fleetEmpty, 1, 0, 1, 7);
    fleet->addWidget(new QLabel(tr("Failing exporters (Enter opens their collectors):"), this), 2, 0, 1, 7);
    m_exporters->setObjectName(QStringLiteral("failingExporters"));
    m_exporters->setMaximumHeight(110);
    fleet->addWidget(m_exporters, 3, 0, 1, 7);

    QGridLayout *access = section(page, tr("Access"), this);
    addFigure(access, 0, 0, QStringLiteral("expired"), tr("tokens expired"), QStringLiteral("tokens"), {});
    addFigure(access, 0, 1, QStringLiteral("expiring"), tr("tokens expiring within 7 days"), QStringLiteral("tokens"), {});
    addFigure(access, 0, 2, QStringLiteral("tenants"), tr("tenants"), QStringLiteral("tenants"), {});
    addFigure(access, 0, 3, QStringLiteral("policies"), tr("access policies"), QStringLiteral("accesspolicies"), {});
    addFigure(access, 0, 4, QStringLiteral("users"), tr("users"), QStringLiteral("users"), {});

    QGridLayout *recent = section(page, tr("Latest changes (Enter opens the Audit tab)"), this);
    m_changes->setObjectName(QStringLiteral("latestChanges"));
    recent->addWidget(m_changes, 0, 0);
    page->addStretch(1);

    connect(m_refresh, &QPushButton::clicked, this, &OverviewTab::refresh);
    new QShortcut(QKeySequence::Refresh, this, [this] { refresh(); }, Qt::WidgetWithChildrenShortcut);
    connect(m_exporters, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT openTab(QStringLiteral("collectors"), item->data(Qt::UserRole).toString());
    });
    connect(m_changes, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT openTab(QStringLiteral("audit"), item->data(Qt::UserRole).toString());
    });
}

QPushButton *OverviewTab::addFigure(QGridLayout *grid, int row, int column, const QString &key, const QString &words,
                                    const QString &tab, const QString &filter)
{
    auto *button = new QPushButton(this);
    button->setObjectName(QStringLiteral("figure-") + key);
    button->setMinimumHeight(54);
    button->setToolTip(tr("Open %1").arg(words));
    connect(button, &QPushButton::clicked, this, [this, tab, filter] { Q_EMIT openTab(tab, filter); });
    grid->addWidget(button, row, column);
    m_figures[key] = button;
    m_words[key] = words;
    setFigure(key, -1, Tone::None);
    return button;
}

void OverviewTab::setFigure(const QString &key, int value, lw::JsonTableModel::Tone tone)
{
    QPushButton *button = m_figures.at(key);
    button->setText((value < 0 ? QStringLiteral("–") : QString::number(value)) + QLatin1Char('\n') + m_words.at(key));
    // A figure that needs attention is coloured (and bold) only while it is not zero.
    const QVariant colour = lw::JsonTableModel::toneColour(value > 0 ? tone : lw::JsonTableModel::Tone::None);
    button->setStyleSheet(colour.isValid() ? QStringLiteral("color: %1; font-weight: bold;").arg(colour.value<QColor>().name())
                                           : QString());
}

QPushButton *OverviewTab::figure(const QString &key) const
{
    const auto it = m_figures.find(key);
    return it == m_figures.end() ? nullptr : it->second;
}

QString OverviewTab::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

bool OverviewTab::showFleet(const QByteArray &collectorsBody)
{
    const auto summary = lw::FleetSummary::fromCollectorsBody(collectorsBody);
    if (!summary)
        return false;
    setFigure(QStringLiteral("collectors"), summary->collectors, Tone::None);
    setFigure(QStringLiteral("online"), summary->online, Tone::None);
    setFigure(QStringLiteral("offline"), summary->offline, Tone::Bad);
    setFigure(QStringLiteral("pending"), summary->pending, Tone::None);
    setFigure(QStringLiteral("failed"), summary->failed, Tone::Bad);
    setFigure(QStringLiteral("degraded"), summary->degraded, Tone::Warning);
    setFigure(QStringLiteral("error"), summary->error, Tone::Bad);
    m_fleetEmpty->setVisible(summary->collectors == 0);
    m_exporters->clear();
    for (const auto &[name, e] : summary->failingExporters) {
        QString ids = e.someIds.join(QStringLiteral(", "));
        if (e.collectors > e.someIds.size())
            ids += tr(" and %1 more").arg(e.collectors - e.someIds.size());
        auto *item = new QListWidgetItem(tr("%1 fails on %n collector(s): %2", nullptr, e.collectors).arg(name, ids), m_exporters);
        item->setData(Qt::UserRole, name);
        item->setForeground(lw::JsonTableModel::toneColour(lw::JsonTableModel::Tone::Bad).value<QColor>());
    }
    if (summary->failingExporters.empty())
        new QListWidgetItem(tr("None: every exporter that was probed delivers."), m_exporters);
    return true;
}

void OverviewTab::showTokens(const Json &tokens)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    int expired = 0, expiring = 0;
    for (const Json &t : tokens.value("items", Json::array())) {
        if (t.value("status", "active") != "active" || !t.contains("expiration") || !t["expiration"].is_string())
            continue;
        const auto at = lw::parseRfc3339Millis(t["expiration"].get<std::string>());
        if (!at)
            continue;
        expired += *at <= now;
        expiring += *at > now && *at - now < Week;
    }
    setFigure(QStringLiteral("expired"), expired, Tone::Bad);
    setFigure(QStringLiteral("expiring"), expiring, Tone::Warning);
}

void OverviewTab::showCounts(const QString &key, const Json &list)
{
    setFigure(key, static_cast<int>(list.at("items").get_ref<const Json::array_t &>().size()), Tone::None);
}

void OverviewTab::showChanges(const Json &audit)
{
    m_changes->clear();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Json &e : audit.value("items", Json::array())) {
        const QString name = QString::fromStdString(e.value("name", ""));
        const QString line = tr("%1: %2 %3 %4 \"%5\"")
                                 .arg(lw::JsonTableModel::ageText(QString::fromStdString(e.value("time", "")), now),
                                      QString::fromStdString(e.value("actor", "")), QString::fromStdString(e.value("action", "")),
                                      QString::fromStdString(e.value("kind", "")), name);
        auto *item = new QListWidgetItem(line, m_changes);
        item->setData(Qt::UserRole, name);
        item->setToolTip(QString::fromStdString(e.value("time", "")));
    }
    if (m_changes->count() == 0)
        new QListWidgetItem(tr("No changes recorded yet."), m_changes);
}

void OverviewTab::requestDone(const QString &error)
{
    if (!error.isEmpty())
        m_errors << error;
    if (--m_pending > 0)
        return;
    m_busy->hide();
    m_refresh->setEnabled(true);
    if (m_errors.isEmpty()) {
        m_error->hide();
    } else {
        m_errors.removeDuplicates();
        m_error->setText(m_errors.join(QLatin1Char('\n')));
        m_error->show();
        Q_EMIT failed(m_errors.first());
    }
    if (m_refreshQueued) {
        m_refreshQueued = false;
        return refresh();
    }
    Q_EMIT refreshed();
}

void OverviewTab::refresh()
{
    if (m_pending > 0) { // (a switch of server during a load: load again once it is over)
        m_refreshQueued = true;
        return;
    }
    m_errors.clear();
    m_pending = 6;
    m_busy->show();
    m_refresh->setEnabled(false);
    const auto fail = [](const QString &what, const console::ApiResult &r) { return tr("Could not load %1: %2").arg(what, r.error); };
    m_client.getRaw(collectorListPath(), console::ApiClient::bound(this, [this, fail](const console::ApiResult &r) {
        if (!r.ok())
            return requestDone(fail(tr("collectors"), r));
        requestDone(showFleet(r.body) ? QString() : tr("Could not load collectors: the answer is not a list."));
    }));
    const std::pair<const char *, QString> lists[] = {
        {"/admin/api/v3/tenants", QStringLiteral("tenants")},
        {"/admin/api/v3/accesspolicies", QStringLiteral("policies")},
        {"/admin/api/v3/users", QStringLiteral("users")}};
    // Answers are read defensively: a body of another shape is an error in the tab, never an
    // exception in the event loop.
    const auto reading = [this](const QString &what, const std::function<void()> &show) {
        try {
            show();
            requestDone({});
        } catch (const std::exception &) {
            requestDone(tr("Could not load %1: the server's answer is not what the API returns.").arg(what));
        }
    };
    for (const auto &list : lists) {
        const QString key = list.second; // (a copy: clang cannot capture a structured binding)
        m_client.get(QString::fromLatin1(list.first), console::ApiClient::bound(this, [this, key, fail, reading](const console::ApiResult &r) {
            if (!r.ok())
                return requestDone(fail(m_words.at(key), r));
            reading(m_words.at(key), [&] { showCounts(key, r.json); });
        }));
    }
    m_client.get(QStringLiteral("/admin/api/v3/tokens"), console::ApiClient::bound(this, [this, fail, reading](const console::ApiResult &r) {
        if (!r.ok())
            return requestDone(fail(tr("tokens"), r));
        reading(tr("tokens"), [&] { showTokens(r.json); });
    }));
    m_client.get(QStringLiteral("/admin/api/v3/audit?limit=%1").arg(Changes),
                 console::ApiClient::bound(this, [this, fail, reading](const console::ApiResult &r) {
                     if (!r.ok())
                         return requestDone(fail(tr("the audit log"), r));
                     reading(tr("the audit log"), [&] { showChanges(r.json); });
                 }));
}

} // namespace lw::ui
