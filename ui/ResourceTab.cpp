#include "ResourceTab.h"
#include "LineDiff.h"
#include "CollectorDetails.h"
#include "ConflictDialog.h"
#include "PipelinePreviewDialog.h"

#include <QPointer>
#include <QStyle>
#include <QIcon>
#include <QUrl>
#include "RecordEditorDialog.h"
#include "TabParts.h"

#include "ApiClient.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QSignalBlocker>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QAction>
#include <QShortcut>
#include <QToolBar>
#include <QSplitter>
#include <QTableView>
#include <QDataStream>
#include <QTimer>
#include <QVBoxLayout>

namespace lw::ui {

ResourceTab::ResourceTab(console::ApiClient &client, ResourceSpec spec, QWidget *parent)
    : QWidget(parent), m_client(client), m_spec(std::move(spec)), m_model(new lw::JsonTableModel(m_spec.columns, this)),
      m_proxy(new lw::JsonTableFilterProxy(m_model, this)), m_view(new QTableView(this)), m_filter(new QLineEdit(this)),
      m_details(new QPlainTextEdit(this)), m_busy(new QProgressBar(this)), m_error(new QLabel(this)), m_empty(new QLabel(this)),
      m_new(new QAction(tr("&New"), this)), m_edit(new QAction(tr("&Edit"), this)),
      m_delete(new QAction(m_spec.softDelete ? tr("&Deactivate") : tr("&Delete"), this)),
      m_refresh(new QAction(tr("&Refresh"), this)), m_timer(new QTimer(this))
{
    m_model->setKeyField(m_spec.keyField);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, m_spec.initialOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();
    m_filter->setPlaceholderText(tr("Filter %1…").arg(m_spec.title));
    m_filter->setClearButtonEnabled(true);
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setPlaceholderText(tr("Select a row to see it as JSON."));
    setUpBusyBar(m_busy);
    setUpErrorLabel(m_error);
    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->hide();
    for (auto [action, shown] : {std::pair{m_new, !m_spec.newTemplate.is_null()}, std::pair{m_edit, m_spec.editable},
                                 std::pair{m_delete, m_spec.editable}}) {
        action->setVisible(shown);
        action->setEnabled(shown); // and its shortcut off
    }
    m_new->setToolTip(tr("Create (Ctrl+N)"));
    m_edit->setToolTip(tr("Edit the selected row (Ctrl+E or double-click)"));
    m_delete->setToolTip(tr("Delete the selected row (Del)"));
    m_refresh->setToolTip(tr("Reload from the server (F5)"));
    // The desktop's icons where its theme has them, Qt's own where it does not.
    const auto icon = [this](const char *themeName, QStyle::StandardPixmap fallback) {
        return QIcon::fromTheme(QString::fromLatin1(themeName), style()->standardIcon(fallback));
    };
    m_new->setIcon(icon("document-new", QStyle::SP_FileDialogNewFolder));
    m_edit->setIcon(icon("document-edit", QStyle::SP_FileDialogDetailedView));
    m_delete->setIcon(icon("edit-delete", QStyle::SP_TrashIcon));
    m_refresh->setIcon(icon("view-refresh", QStyle::SP_BrowserReload));

    auto *bar = new QHBoxLayout;
    if (m_spec.tenantScoped) {
        m_tenant = new QComboBox(this);
        m_tenant->setObjectName(QStringLiteral("tenant"));
        m_tenant->setToolTip(tr("The tenant whose %1 are shown").arg(m_spec.title));
        bar->addWidget(new QLabel(tr("Tenant"), this));
        bar->addWidget(m_tenant);
        connect(m_tenant, &QComboBox::currentTextChanged, this, [this] { refresh(); });
    }
    bar->addWidget(m_filter, 1);
    // The tab's toolbar: icons with their words; the shortcuts work anywhere in the tab.
    auto *toolbar = new QToolBar(this);
    toolbar->setObjectName(QStringLiteral("toolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(16, 16));
    m_new->setShortcut(QKeySequence::New);
    m_edit->setShortcut(QKeySequence(tr("Ctrl+E")));
    m_refresh->setShortcut(QKeySequence::Refresh);
    for (QAction *a : {m_new, m_edit, m_delete, m_refresh}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        toolbar->addAction(a);
        addAction(a);
    }
    bar->addWidget(toolbar);
    m_split = new QSplitter(Qt::Vertical, this);
    m_split->addWidget(m_view);
    if (!m_spec.detailPathSuffix.isEmpty()) { // collectors: hashes, last error and the pipeline, highlighted
        m_collector = new CollectorDetails(this);
        m_details->hide();
        m_split->addWidget(m_collector);
    } else {
        m_split->addWidget(m_details);
    }
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_busy);
    layout->addWidget(m_error);
    layout->addWidget(m_empty);
    layout->addWidget(m_split, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &lw::JsonTableFilterProxy::setFilterText);
    connect(m_new, &QAction::triggered, this, &ResourceTab::createRecord);
    connect(m_edit, &QAction::triggered, this, &ResourceTab::editSelected);
    connect(m_delete, &QAction::triggered, this, &ResourceTab::deleteSelected);
    connect(m_refresh, &QAction::triggered, this, &ResourceTab::refresh);
    connect(m_view, &QTableView::doubleClicked, this, [this] {
        if (m_spec.editable)
            editSelected();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ResourceTab::showSelection);
    // Del only in the table: in the filter it deletes a character.
    new QShortcut(QKeySequence::Delete, m_view, [this] { if (m_spec.editable) deleteSelected(); }, Qt::WidgetShortcut);
    new QShortcut(QKeySequence::Find, this, [this] { m_filter->setFocus(); }, Qt::WidgetWithChildrenShortcut);
    connect(m_timer, &QTimer::timeout, this, &ResourceTab::refresh);
    setAutoRefreshSeconds(m_spec.autoRefreshSeconds);
}

void ResourceTab::setAutoRefreshSeconds(int seconds)
{
    if (!isLive() || seconds <= 0) {
        m_timer->stop();
        return;
    }
    m_timer->start(seconds * 1000);
}

int ResourceTab::autoRefreshSeconds() const
{
    return m_timer->isActive() ? m_timer->interval() / 1000 : 0;
}

QByteArray ResourceTab::saveViewState() const
{
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    out << quint8(1) << m_view->horizontalHeader()->saveState() << m_split->saveState();
    return state;
}

bool ResourceTab::restoreViewState(const QByteArray &state)
{
    QDataStream in(state);
    quint8 version = 0;
    QByteArray header, split;
    in >> version >> header >> split;
    if (in.status() != QDataStream::Ok || version != 1)
        return false; // absent or from another version: keep the defaults
    QHeaderView *columns = m_view->horizontalHeader();
    const bool ok = columns->restoreState(header);
    m_split->restoreState(split);
    m_view->sortByColumn(columns->sortIndicatorSection(), columns->sortIndicatorOrder());
    return ok;
}

QString ResourceTab::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text(); // its own state, whether or not the tab is shown
}

std::string ResourceTab::nameOf(const Json &record) const
{
    const auto it = record.find(m_spec.keyField);
    return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void ResourceTab::showEmptyState()
{
    // An empty table says what to do rather than nothing.
    if (m_model->rowCount() > 0)
        return m_empty->hide();
    m_empty->setText(!m_spec.newTemplate.is_null() ? tr("%1: none yet — New %2… (Ctrl+N) creates the first one.").arg(m_spec.title, m_spec.singular)
                                                   : tr("%1: none yet.").arg(m_spec.title));
    m_empty->show();
}

QString ResourceTab::emptyText() const
{
    return m_empty->isHidden() ? QString() : m_empty->text();
}

QString ResourceTab::detailsText() const
{
    return m_collector ? m_collector->text() : m_details->toPlainText();
}

int ResourceTab::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : m_proxy->mapToSource(rows.first()).row();
}

std::string ResourceTab::selectedName() const
{
    const int row = selectedRow();
    return row < 0 ? std::string() : m_model->name(row);
}

bool ResourceTab::selectName(const std::string &name)
{
    const int row = m_model->indexOfName(name);
    const QModelIndex shown = row >= 0 ? m_proxy->mapFromSource(m_model->index(row, 0)) : QModelIndex();
    if (!shown.isValid())
        return false; // unknown, or hidden by the filter
    m_view->selectRow(shown.row());
    return true;
}

void ResourceTab::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
    Q_EMIT failed(message);
}

void ResourceTab::clearError()
{
    m_error->hide();
    m_error->clear();
}

void ResourceTab::setPending(int delta)
{
    m_pending += delta;
    m_busy->setVisible(m_pending > 0);
    m_refresh->setEnabled(m_pending == 0);
    if (m_pending == 0 && m_refreshQueued) {
        m_refreshQueued = false;
        QTimer::singleShot(0, this, &ResourceTab::refresh);
    }
}

QString ResourceTab::listPath() const
{
    QString path = m_spec.listPath;
    return m_tenant ? path.replace(QLatin1String("{tenant}"), m_tenant->currentText()) : path;
}

QString ResourceTab::itemUrl(const std::string &name) const
{
    // A collector's id is the agent's to choose ('/', '?', '#' included): one path segment, encoded.
    return itemPath() + QString::fromLatin1(QUrl::toPercentEncoding(QString::fromStdString(name)));
}

QString ResourceTab::itemPath() const
{
    QString path = m_spec.itemPath;
    return m_tenant ? path.replace(QLatin1String("{tenant}"), m_tenant->currentText()) : path;
}

void ResourceTab::loadTenants()
{
    if (!m_tenant)
        return;
    loadTenantNames(m_client, m_tenant, this, [this, before = m_tenant->currentText()](const QString &error) {
        if (!error.isEmpty())
            return showError(tr("Could not list tenants: %1").arg(error));
        Q_EMIT tenantsLoaded();
        // The picker's signals were quiet while it refilled: a tenant it now shows instead of the
        // one before (the first one picked, or the old one gone on another server) is loaded here.
        if (m_tenant->currentText() != before)
            refresh();
    });
}

void ResourceTab::refresh()
{
    if (m_pending > 0) {
        // Asked while a request runs (e.g. the server or credential changed meanwhile): once it
        // is done, load again rather than keep what that request brings back.
        m_refreshQueued = true;
        return;
    }
    if (m_tenant && m_tenant->currentText().isEmpty()) {
        if (m_tenant->count() == 0)
            loadTenants();
        m_model->setRecords({});
        return;
    }
    setPending(+1);
    // Unparsed: the model reads the list itself, fast enough for 100,000 collectors.
    m_client.getRaw(listPath(), console::ApiClient::bound(this, [this, keep = selectedName()](const console::ApiResult &r) {
        const bool stale = m_refreshQueued;
        setPending(-1);
        if (stale)
            return;
        if (!r.ok())
            return showError(tr("Could not load %1: %2").arg(m_spec.title, r.error));
        if (!m_model->loadRecords(r.body, m_spec.listKey))
            return showError(tr("Could not load %1: the server's answer is not a JSON list of \"%2\".")
                                 .arg(m_spec.title, QString::fromStdString(m_spec.listKey)));
        clearError();
        showEmptyState();
        m_view->resizeColumnsToContents();
        if (!keep.empty())
            selectName(keep);
        Q_EMIT refreshed();
    }));
}

void ResourceTab::showSelection()
{
    const int row = selectedRow();
    const Json rec = row >= 0 ? m_model->record(row) : Json::object();
    if (m_spec.softDelete) { // one button deactivates an active record and re-activates an inactive one
        const bool inactive = isInactive(rec);
        m_delete->setText(inactive ? tr("Re-&activate") : tr("&Deactivate"));
        m_delete->setToolTip(inactive ? tr("Re-activate the selected row (Del)") : tr("Deactivate the selected row (Del)"));
    }
    if (row < 0) {
        if (m_collector)
            m_collector->clear();
        return m_details->clear();
    }
    const std::string name = m_model->name(row);
    if (m_collector)
        return showCollector(name, rec);
    m_details->setPlainText(QString::fromStdString(rec.dump(2)));
    if (m_spec.showChanges)
        showChanges(rec.value("before", Json()), rec.value("after", Json()));
}

void ResourceTab::showCollector(const std::string &name, const Json &listed)
{
    // The list may carry only the table's columns: the whole record, and the pipeline, come from the server.
    m_collector->clear(tr("Loading %1…").arg(QString::fromStdString(name)));
    m_collector->showRecord(listed);
    m_client.get(itemUrl(name), console::ApiClient::bound(this, [this, name](const console::ApiResult &r) {
        if (selectedName() != name)
            return;
        if (!r.ok())
            return showError(r.error);
        m_collector->showRecord(lw::tolerant::object(r.json, m_spec.itemKey.c_str()));
    }));
    m_client.get(itemUrl(name) + m_spec.detailPathSuffix, console::ApiClient::bound(this, [this, name](const console::ApiResult &r) {
        if (selectedName() != name)
            return;
        if (!r.ok())
            return showError(r.error);
        m_collector->showPipeline(QString::fromStdString(lw::tolerant::string(r.json, "content")),
                                  QString::fromStdString(lw::tolerant::string(r.json, "hash")));
    }));
}

void ResourceTab::showChanges(const Json &before, const Json &after)
{
    const auto text = [](const Json &j) { return j.is_null() ? QString() : QString::fromStdString(j.dump(2)); };
    m_details->appendPlainText(QStringLiteral("\n") + tr("— changes —"));
    const auto diff = console::lineDiff(text(before), text(after));
    if (diff.empty())
        return m_details->appendPlainText(tr("(no fields)"));
    m_details->appendHtml(diffHtml(diff));
}

Json ResourceTab::editable(Json record) const
{
    for (const std::string &f : m_spec.readOnlyFields)
        record.erase(f);
    return record;
}

void ResourceTab::createRecord()
{
    auto *dialog = new RecordEditorDialog(tr("New %1").arg(m_spec.singular), m_spec.newTemplate, m_spec.validate,
                                          m_spec.form ? m_spec.form(FormContext{&m_client, false}) : nullptr, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RecordEditorDialog::submitted, this, [this, dialog](const Json &value) {
        previewThen(dialog, {}, value, [this, dialog, value] { submitCreate(dialog, value); });
    });
    dialog->open();
}

void ResourceTab::submitCreate(RecordEditorDialog *dialog, const Json &value)
{
    dialog->setBusy(true);
    setPending(+1);
    m_client.post(listPath(), value, console::ApiClient::bound(this, [this, dialog, name = nameOf(value)](const console::ApiResult &r) {
        setPending(-1);
        dialog->setBusy(false);
        if (!r.ok())
            return dialog->showServerError(r.error, r.field);
        dialog->accept();
        clearError();
        // Secrets the server shows once (tokens, access keys) go to the window to show once.
        for (const char *secret : {"token", "access_key"}) {
            if (r.json.is_object() && r.json.contains(secret) && r.json[secret].is_string())
                Q_EMIT secretIssued(QString::fromStdString(name), QString::fromStdString(r.json[secret].get<std::string>()));
        }
        refresh();
        connect(this, &ResourceTab::refreshed, this, [this, name] { selectName(name); }, Qt::SingleShotConnection);
    }));
}

void ResourceTab::previewThen(RecordEditorDialog *dialog, const std::string &name, const Json &value, std::function<void()> write)
{
    if (m_spec.previewKind.empty())
        return write();
    Json body{{"kind", m_spec.previewKind}, {"record", value}};
    if (!name.empty())
        body["name"] = name;
    dialog->setBusy(true);
    setPending(+1);
    m_client.post(QStringLiteral("/api/v2/logs/pipeline/preview"), body,
                  console::ApiClient::bound(this, [this, dialog = QPointer<RecordEditorDialog>(dialog), write](const console::ApiResult &r) {
                      setPending(-1);
                      if (!dialog)
                          return;
                      dialog->setBusy(false);
                      if (!r.ok() || !r.json.is_object()) {
                          if (r.ok())
                              return dialog->showServerError(tr("the server's answer is not a preview"), {});
                          // The dry run refuses what the save would: name the editor's field.
                          QString field = r.field;
                          field = field.startsWith(QLatin1String("record.")) ? field.mid(7) : field == QLatin1String("record") ? QString() : field;
                          return dialog->showServerError(r.error, field);
                      }
                      auto *preview = new PipelinePreviewDialog(r.json, dialog);
                      preview->setAttribute(Qt::WA_DeleteOnClose);
                      connect(preview, &QDialog::accepted, this, [write] { write(); });
                      preview->open();
                  }));
}

void ResourceTab::editSelected()
{
    const std::string name = selectedName();
    if (name.empty())
        return showError(tr("Select a row to edit first."));
    setPending(+1);
    // Fresh copy and ETag: the edit is applied only to the version it was made on.
    m_client.get(itemUrl(name), console::ApiClient::bound(this, [this, name](const console::ApiResult &r) {
        setPending(-1);
        if (!r.ok())
            return showError(tr("Could not load \"%1\": %2").arg(QString::fromStdString(name), r.error));
        const Json record = m_spec.itemKey.empty() ? r.json : lw::tolerant::object(r.json, m_spec.itemKey.c_str());
        auto *dialog = new RecordEditorDialog(tr("Edit %1 \"%2\"").arg(m_spec.singular, QString::fromStdString(name)), editable(record),
                                              m_spec.validate, m_spec.form ? m_spec.form(FormContext{&m_client, true}) : nullptr, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &RecordEditorDialog::submitted, this, [this, dialog, name, etag = r.etag](const Json &value) {
            previewThen(dialog, name, value, [this, dialog, name, value, etag] { saveEdit(dialog, name, value, etag); });
        });
        dialog->open();
    }));
}

void ResourceTab::saveEdit(RecordEditorDialog *dialog, const std::string &name, Json value, QByteArray etag)
{
    dialog->setBusy(true);
    setPending(+1);
    const QString path = itemUrl(name);
    m_client.put(path, value, etag, console::ApiClient::bound(this, [this, dialog, name, value, path](const console::ApiResult &r) {
        setPending(-1);
        dialog->setBusy(false);
        if (r.status == 412) {
            // Someone else changed it: show both versions.
            m_client.get(path, console::ApiClient::bound(this, [this, dialog, name, value](const console::ApiResult &now) {
                const Json theirs = m_spec.itemKey.empty() ? now.json : lw::tolerant::object(now.json, m_spec.itemKey.c_str());
                ConflictDialog conflict(value, editable(theirs), dialog);
                if (conflict.exec() == ConflictDialog::Overwrite)
                    return saveEdit(dialog, name, value, now.etag);
                dialog->reject();
                refresh();
            }));
            return;
        }
        if (!r.ok())
            return dialog->showServerError(r.error, r.field);
        dialog->accept();
        clearError();
        refresh();
    }));
}

bool ResourceTab::isInactive(const Json &record) const
{
    return m_spec.softDelete && record.is_object() && record.value("status", "") == "inactive";
}

bool ResourceTab::selectedIsInactive() const
{
    const int row = selectedRow();
    return row >= 0 && isInactive(m_model->record(row));
}

void ResourceTab::deleteSelected()
{
    const std::string name = selectedName();
    if (name.empty())
        return showError(tr("Select a row to delete first."));
    const QString what = m_spec.singular, quoted = QString::fromStdString(name);
    const bool reactivate = selectedIsInactive();
    const auto answer = QMessageBox::question(
        this, reactivate ? tr("Re-activate") : m_spec.softDelete ? tr("Deactivate") : tr("Delete"),
        reactivate ? tr("Re-activate %1 \"%2\"? Requests using it will be accepted again.").arg(what, quoted)
        : m_spec.softDelete ? tr("Deactivate %1 \"%2\"? Requests using it will be refused until it is re-activated.").arg(what, quoted)
                            : tr("Delete %1 \"%2\"? This cannot be undone.").arg(what, quoted));
    if (answer != QMessageBox::Yes)
        return;
    const QString path = itemUrl(quoted.toStdString());
    setPending(+1);
    auto done = console::ApiClient::bound(this, [this, quoted, reactivate](const console::ApiResult &r) {
        setPending(-1);
        if (!r.ok())
            return showError((reactivate ? tr("Could not re-activate \"%1\": %2") : tr("Could not delete \"%1\": %2")).arg(quoted, r.error));
        clearError();
        refresh();
    });
    if (!m_spec.softDelete)
        return m_client.remove(path, {}, done);
    // The GEL admin API deactivates and re-activates by status, guarded by the record's ETag.
    m_client.get(path, console::ApiClient::bound(this, [this, path, done, reactivate](const console::ApiResult &r) {
        if (!r.ok())
            return done(r);
        m_client.put(path, Json{{"status", reactivate ? "active" : "inactive"}}, r.etag, done);
    }));
}

} // namespace lw::ui
