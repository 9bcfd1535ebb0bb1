#include "FormWidgets.h"

#include "AccessModels.h"
#include "ApiClient.h"
#include "ValidationError.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace lw::ui {

namespace {

// "[3]" → 3, "[3].tenant" → 3 with ".tenant" left in `rest`; -1 when `text` does not start so.
int leadingIndex(const QString &text, QString *rest = nullptr)
{
    if (!text.startsWith(QLatin1Char('[')))
        return -1;
    const qsizetype close = text.indexOf(QLatin1Char(']'));
    bool ok = false;
    const int index = close > 1 ? text.mid(1, close - 1).toInt(&ok) : -1;
    if (rest)
        *rest = text.mid(close + 1);
    return ok ? index : -1;
}

} // namespace

// ---- StringListEditor ----

StringListEditor::StringListEditor(const QString &placeholder, QWidget *parent)
    : FieldEditor(parent), m_list(new QListWidget(this)), m_input(new QLineEdit(this)), m_add(new QPushButton(tr("Add"), this)),
      m_remove(new QPushButton(tr("Remove"), this))
{
    m_input->setPlaceholderText(placeholder);
    m_list->setMaximumHeight(110);
    auto *entry = new QHBoxLayout;
    entry->addWidget(m_input, 1);
    entry->addWidget(m_add);
    entry->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addLayout(entry);
    m_remove->setToolTip(tr("Remove the selected entry"));
    connect(m_add, &QPushButton::clicked, this, &StringListEditor::addTyped);
    m_input->installEventFilter(this); // Enter adds the entry rather than saving the dialog
    connect(m_remove, &QPushButton::clicked, this, [this] {
        qDeleteAll(m_list->selectedItems());
        Q_EMIT changed();
    });
    connect(m_list, &QListWidget::itemChanged, this, &FieldEditor::changed);
}

bool StringListEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            addTyped();
            return true;
        }
    }
    return FieldEditor::eventFilter(watched, event);
}

void StringListEditor::addTyped()
{
    const QString text = m_input->text().trimmed();
    if (text.isEmpty())
        return;
    auto *item = new QListWidgetItem(text, m_list);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    m_input->clear();
    Q_EMIT changed();
}

QStringList StringListEditor::values() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i) {
        if (const QString t = m_list->item(i)->text().trimmed(); !t.isEmpty())
            out << t;
    }
    // What is typed in the entry but not added yet counts too: the record says what the form shows.
    if (const QString typed = m_input->text().trimmed(); !typed.isEmpty())
        out << typed;
    return out;
}

void StringListEditor::setValues(const QStringList &values)
{
    const QSignalBlocker quiet(m_list);
    m_list->clear();
    for (const QString &v : values) {
        auto *item = new QListWidgetItem(v, m_list);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
}

QWidget *StringListEditor::widgetFor(const QString &rest)
{
    const int index = leadingIndex(rest);
    if (index >= 0 && index < m_list->count())
        m_list->setCurrentRow(index);
    return m_list;
}

// ---- KeyValueEditor ----

KeyValueEditor::KeyValueEditor(QWidget *parent)
    : FieldEditor(parent), m_table(new QTableWidget(0, 2, this)), m_add(new QPushButton(tr("Add label"), this)),
      m_remove(new QPushButton(tr("Remove"), this))
{
    m_table->setHorizontalHeaderLabels({tr("Label"), tr("Value")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setMaximumHeight(120);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
    connect(m_add, &QPushButton::clicked, this, [this] {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem);
        m_table->setItem(row, 1, new QTableWidgetItem);
        m_table->setCurrentCell(row, 0);
        m_table->editItem(m_table->item(row, 0));
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
        Q_EMIT changed();
    });
    connect(m_table, &QTableWidget::itemChanged, this, &FieldEditor::changed);
}

std::vector<std::pair<QString, QString>> KeyValueEditor::values() const
{
    std::vector<std::pair<QString, QString>> out;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const auto cell = [&](int c) { return m_table->item(r, c) ? m_table->item(r, c)->text() : QString(); };
        if (!cell(0).trimmed().isEmpty())
            out.emplace_back(cell(0).trimmed(), cell(1));
    }
    return out;
}

void KeyValueEditor::setValues(const std::vector<std::pair<QString, QString>> &values)
{
    const QSignalBlocker quiet(m_table);
    m_table->setRowCount(0);
    for (const auto &[k, v] : values) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(k));
        m_table->setItem(row, 1, new QTableWidgetItem(v));
    }
}

// ---- ScopeChecklist ----

QString ScopeChecklist::describe(const QString &scope)
{
    if (scope == QLatin1String("logs:read"))
        return tr("query, labels, series and tail in its tenants");
    if (scope == QLatin1String("logs:write"))
        return tr("push logs into its tenants");
    if (scope == QLatin1String("logs:delete"))
        return tr("delete log lines in its tenants");
    if (scope == QLatin1String("admin"))
        return tr("manage tenants, policies, tokens and users");
    if (scope == QLatin1String("admin:read"))
        return tr("read tenants, policies, tokens, users and the audit log");
    if (scope == QLatin1String("config:read"))
        return tr("read sources, targets, TLS bundles and collectors");
    if (scope == QLatin1String("config:write"))
        return tr("change sources, targets and TLS bundles");
    return {};
}

ScopeChecklist::ScopeChecklist(bool aliasesAllowed, QWidget *parent) : FieldEditor(parent), m_aliasesAllowed(aliasesAllowed)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    int row = 0;
    for (const std::string &scope : lw::scope::known()) {
        const QString name = QString::fromStdString(scope);
        auto *box = new QCheckBox(name, this);
        box->setObjectName(name);
        auto *what = new QLabel(describe(name), this);
        what->setEnabled(false); // secondary text
        what->setBuddy(box);
        grid->addWidget(box, row, 0);
        grid->addWidget(what, row++, 1);
        connect(box, &QCheckBox::toggled, this, &FieldEditor::changed);
        m_boxes.push_back(box);
    }
}

QCheckBox *ScopeChecklist::box(const QString &scope) const
{
    for (QCheckBox *b : m_boxes) {
        if (b->objectName() == scope)
            return b;
    }
    return nullptr;
}

bool ScopeChecklist::setScopes(const std::vector<std::string> &words)
{
    m_words = words;
    const bool known = std::all_of(words.begin(), words.end(), [this](const std::string &w) {
        const auto canonical = lw::scope::canonical(w);
        return canonical && (m_aliasesAllowed || *canonical == w);
    });
    for (QCheckBox *b : m_boxes) {
        const QSignalBlocker quiet(b);
        b->setChecked(std::any_of(words.begin(), words.end(), [b](const std::string &w) {
            return lw::scope::canonical(w) == b->objectName().toStdString();
        }));
    }
    return known;
}

std::vector<std::string> ScopeChecklist::scopes() const
{
    std::vector<std::string> out;
    for (QCheckBox *b : m_boxes) {
        if (!b->isChecked())
            continue;
        const std::string scope = b->objectName().toStdString();
        bool kept = false; // the loaded spellings of this scope, as they were (where another spelling is allowed)
        for (const std::string &w : m_aliasesAllowed ? m_words : std::vector<std::string>{}) {
            if (lw::scope::canonical(w) == scope && std::find(out.begin(), out.end(), w) == out.end()) {
                out.push_back(w);
                kept = true;
            }
        }
        if (!kept)
            out.push_back(scope);
    }
    return out;
}

// ---- RealmsEditor ----

RealmsEditor::RealmsEditor(console::ApiClient *client, QWidget *parent)
    : FieldEditor(parent), m_layout(new QVBoxLayout), m_add(new QPushButton(tr("Add realm"), this))
{
    auto *header = new QHBoxLayout;
    for (const QString &t : {tr("Tenant"), tr("Cluster"), tr("Label selectors (optional)")})
        header->addWidget(new QLabel(t, this), t == tr("Label selectors (optional)") ? 2 : 1);
    header->addSpacing(80);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addLayout(m_layout);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(m_add, &QPushButton::clicked, this, [this] {
        addRow(QStringLiteral("*"), m_defaultCluster, {});
        m_rows.back().tenant->setFocus();
        Q_EMIT changed();
    });
    if (!client)
        return;
    client->get(QStringLiteral("/admin/api/v3/clusters"), console::ApiClient::bound(this, [this](const console::ApiResult &r) {
        const Json &items = lw::tolerant::array(r.json, "items");
        if (r.ok() && !items.empty() && !lw::tolerant::string(items[0], "name").empty())
            m_defaultCluster = QString::fromStdString(lw::tolerant::string(items[0], "name"));
    }));
    client->get(QStringLiteral("/admin/api/v3/tenants"), console::ApiClient::bound(this, [this](const console::ApiResult &r) {
        if (!r.ok())
            return;
        for (const Json &t : lw::tolerant::array(r.json, "items"))
            if (const std::string name = lw::tolerant::string(t, "name"); !name.empty())
                m_tenants << QString::fromStdString(name);
        for (const Row &row : m_rows) {
            const QString shown = row.tenant->currentText();
            const QSignalBlocker quiet(row.tenant);
            row.tenant->clear();
            row.tenant->addItem(QStringLiteral("*"));
            row.tenant->addItems(m_tenants);
            row.tenant->setCurrentText(shown);
        }
    }));
}

void RealmsEditor::addRow(const QString &tenant, const QString &cluster, const QString &selectors)
{
    Row row{new QWidget(this), new QComboBox, new QLineEdit, new QLineEdit};
    auto *line = new QHBoxLayout(row.box);
    line->setContentsMargins(0, 0, 0, 0);
    row.tenant->setEditable(true);
    row.tenant->addItem(QStringLiteral("*"));
    row.tenant->addItems(m_tenants);
    row.tenant->setCurrentText(tenant);
    row.tenant->setToolTip(tr("A tenant, or * for every tenant"));
    row.cluster->setText(cluster);
    row.selectors->setText(selectors);
    row.selectors->setPlaceholderText(tr("e.g. {app=\"api\"} {env!=\"prod\"}"));
    row.selectors->setToolTip(tr("Streams this realm reaches: LogQL stream selectors, one after the other. Empty: every stream."));
    auto *remove = new QPushButton(tr("Remove"), row.box);
    line->addWidget(row.tenant, 1);
    line->addWidget(row.cluster, 1);
    line->addWidget(row.selectors, 2);
    line->addWidget(remove);
    m_layout->addWidget(row.box);
    connect(row.tenant, &QComboBox::currentTextChanged, this, &FieldEditor::changed);
    connect(row.cluster, &QLineEdit::textChanged, this, &FieldEditor::changed);
    connect(row.selectors, &QLineEdit::textChanged, this, &FieldEditor::changed);
    connect(remove, &QPushButton::clicked, this, [this, box = row.box] { removeRow(box); });
    m_rows.push_back(row);
}

void RealmsEditor::removeRow(QWidget *box)
{
    const auto it = std::find_if(m_rows.begin(), m_rows.end(), [box](const Row &r) { return r.box == box; });
    if (it == m_rows.end())
        return;
    m_rows.erase(it);
    box->deleteLater();
    Q_EMIT changed();
}

QStringList RealmsEditor::splitSelectors(const QString &text)
{
    QStringList out;
    QString current;
    QChar quote; // '"' (with backslash escapes) or '`' (raw), while inside a string
    bool escaped = false;
    int depth = 0;
    for (const QChar c : text) {
        if (depth == 0 && c.isSpace())
            continue; // between selectors
        current += c;
        if (escaped) {
            escaped = false;
        } else if (!quote.isNull()) {
            escaped = quote == QLatin1Char('"') && c == QLatin1Char('\\');
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('"') || c == QLatin1Char('`')) {
            quote = c;
        } else if (c == QLatin1Char('{')) {
            ++depth;
        } else if (c == QLatin1Char('}') && --depth <= 0) {
            out << current;
            current.clear();
            depth = 0;
        }
    }
    if (!current.trimmed().isEmpty())
        out << current; // unfinished: the check says what is wrong with it
    return out;
}

QStringList RealmsEditor::setRealms(const Json &realms)
{
    for (const Row &row : m_rows)
        delete row.box;
    m_rows.clear();
    if (realms.is_null())
        return {};
    if (!realms.is_array())
        return {QStringLiteral("realms")};
    QStringList problems;
    for (size_t i = 0; i < realms.size(); ++i) {
        const Json &realm = realms[i];
        const QString at = QStringLiteral("realms[%1]").arg(i);
        if (!realm.is_object()) {
            problems << at;
            continue;
        }
        for (const char *key : {"tenant", "cluster"}) {
            if (realm.contains(key) && !realm[key].is_string())
                problems << at + QLatin1Char('.') + QLatin1String(key);
        }
        QStringList selectors;
        const auto policies = realm.find("label_policies");
        if (policies != realm.end() && !policies->is_array()) {
            problems << at + QStringLiteral(".label_policies"); // a restriction the form would drop: fail closed
        } else if (policies != realm.end()) {
            for (const Json &p : *policies) {
                const std::string selector = lw::tolerant::string(p, "selector");
                if (selector.empty() || p.size() != 1)
                    problems << at + QStringLiteral(".label_policies");
                selectors << QString::fromStdString(selector);
            }
        }
        addRow(QString::fromStdString(lw::tolerant::string(realm, "tenant")), QString::fromStdString(lw::tolerant::string(realm, "cluster")),
               selectors.join(QLatin1Char(' ')));
    }
    problems.removeDuplicates();
    return problems;
}

Json RealmsEditor::realms() const
{
    Json out = Json::array();
    for (const Row &row : m_rows) {
        Json realm{{"tenant", row.tenant->currentText().trimmed().toStdString()}, {"cluster", row.cluster->text().trimmed().toStdString()}};
        const QStringList selectors = splitSelectors(row.selectors->text());
        if (!selectors.isEmpty()) {
            Json policies = Json::array();
            for (const QString &s : selectors)
                policies.push_back({{"selector", s.toStdString()}});
            realm["label_policies"] = policies;
        }
        out.push_back(realm);
    }
    return out;
}

QWidget *RealmsEditor::widgetFor(const QString &rest)
{
    QString field;
    const int index = leadingIndex(rest, &field);
    if (index < 0 || index >= rowCount())
        return this;
    const Row &row = m_rows.at(size_t(index));
    if (field.startsWith(QLatin1String(".tenant")))
        return row.tenant;
    if (field.startsWith(QLatin1String(".cluster")))
        return row.cluster;
    if (field.startsWith(QLatin1String(".label_policies")))
        return row.selectors;
    return row.box;
}

// ---- PemField ----

PemField::PemField(Kind kind, QWidget *parent)
    : FieldEditor(parent), m_kind(kind), m_origin(new QLabel(this)), m_summary(new QLabel(this)),
      m_choose(new QPushButton(tr("Choose file…"), this)), m_clear(new QPushButton(tr("Clear"), this))
{
    setAcceptDrops(true);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText); // a certificate's subject is the certificate's to choose
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_origin->setTextFormat(Qt::PlainText);
    m_choose->setToolTip(tr("A PEM file; you can also drop one here"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_origin, 1);
    top->addWidget(m_choose);
    top->addWidget(m_clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    m_emptyText = tr("none");
    connect(m_clear, &QPushButton::clicked, this, [this] {
        setPem({}, {});
        Q_EMIT changed();
    });
    setPem({}, {});
    connect(m_choose, &QPushButton::clicked, this, [this] {
        auto *dialog = new QFileDialog(this, m_kind == Kind::PrivateKey ? tr("Choose the private key") : tr("Choose a PEM file"));
        dialog->setObjectName(QStringLiteral("pemFileDialog"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::ExistingFile);
        dialog->setNameFilters({tr("PEM files (*.pem *.crt *.cer *.key)"), tr("All files (*)")});
        connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { loadFile(path); });
        dialog->open();
    });
}

void PemField::setEmptyText(const QString &text)
{
    m_emptyText = text;
    if (m_pem.isEmpty())
        m_origin->setText(m_emptyText);
}

void PemField::setPem(const QString &pem, const QString &origin)
{
    m_pem = pem;
    m_origin->setText(pem.isEmpty() ? m_emptyText : origin);
    describe();
}

bool PemField::loadFile(const QString &path)
{
    // The server's bounds (lw_models), checked before anything is read; only regular files: a
    // FIFO or a terminal would block the window on open or read.
    const qint64 limit = qint64(m_kind == Kind::PrivateKey ? lw::tls::MaxPrivateKeyPemBytes : lw::tls::MaxCertificatesPemBytes);
    const QFileInfo info(path);
    if (!info.isFile()) {
        setSummary(tr("%1 is not a regular file.").arg(info.fileName()), true);
        return false;
    }
    const QString tooLarge = tr("%1 is larger than %2 KiB; a PEM file is not.").arg(info.fileName()).arg(limit / 1024);
    if (info.size() > limit) {
        setSummary(tooLarge, true);
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setSummary(tr("Could not read %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    const QByteArray bytes = file.read(limit + 1);
    if (bytes.size() > limit) { // it grew meanwhile
        setSummary(tooLarge, true);
        return false;
    }
    setPem(QString::fromUtf8(bytes), info.fileName());
    Q_EMIT changed();
    return true;
}

std::optional<CertificateInfo> PemField::certificate() const
{
    if (m_kind != Kind::Certificates || m_pem.isEmpty())
        return std::nullopt;
    try {
        return lw::tls::inspectCertificates("pem", m_pem.toStdString());
    } catch (const std::exception &) {
        return std::nullopt;
    }
}

void PemField::setSummary(const QString &text, bool problem)
{
    m_summary->setText(text);
    m_summary->setStyleSheet(problem ? QStringLiteral("color: #c62828;") : QString());
}

void PemField::describe()
{
    m_clear->setEnabled(!m_pem.isEmpty());
    if (m_pem.isEmpty() || m_kind == Kind::PrivateKey)
        return setSummary({}, false); // a key is described by its form, which knows the certificate
    try {
        const CertificateInfo info = lw::tls::inspectCertificates("pem", m_pem.toStdString());
        const QDateTime notBefore = QDateTime::fromString(QString::fromStdString(info.notBefore), Qt::ISODate);
        const QDateTime notAfter = QDateTime::fromString(QString::fromStdString(info.notAfter), Qt::ISODate);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const bool expired = notAfter.isValid() && notAfter < now;
        const bool early = notBefore.isValid() && now < notBefore;
        const auto when = [](const QDateTime &t) { return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat); };
        QString text = tr("Subject: %1\nIssuer: %2\nValid from %3 until %4%5")
                           .arg(QString::fromStdString(info.subject), QString::fromStdString(info.issuer), when(notBefore),
                                when(notAfter),
                                expired ? tr(" — expired") : early ? tr(" — not valid yet") : QString());
        if (info.certificateCount > 1)
            text += QLatin1Char('\n') + tr("%n certificate(s) in the file", nullptr, info.certificateCount);
        setSummary(text, expired || early);
    } catch (const std::exception &e) {
        setSummary(tr("Not a PEM certificate: %1").arg(QString::fromUtf8(e.what())), true);
    }
}

void PemField::dragEnterEvent(QDragEnterEvent *event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void PemField::dropEvent(QDropEvent *event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    loadFile(urls.first().toLocalFile());
}

// ---- ExpiryEditor ----

ExpiryEditor::ExpiryEditor(QWidget *parent)
    : FieldEditor(parent), m_edit(new QDateTimeEdit(this)), m_never(new QCheckBox(tr("Never expires"), this))
{
    m_edit->setCalendarPopup(true);
    m_edit->setTimeSpec(Qt::LocalTime);
    m_edit->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    m_edit->setDateTime(QDateTime::currentDateTime().addDays(30));
    auto *top = new QHBoxLayout;
    top->addWidget(m_edit, 1);
    top->addWidget(m_never);
    auto *presets = new QHBoxLayout;
    const std::pair<QString, int> choices[] = {{tr("7 days"), 7}, {tr("30 days"), 30}, {tr("1 year"), 365}};
    for (const auto &[label, days] : choices) {
        auto *b = new QPushButton(label, this);
        b->setToolTip(tr("Expires %1 from now").arg(label));
        connect(b, &QPushButton::clicked, this, [this, days = days] {
            m_never->setChecked(false);
            m_edit->setDateTime(QDateTime::currentDateTime().addDays(days));
        });
        presets->addWidget(b);
        m_presets.push_back(b);
    }
    presets->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(presets);
    connect(m_never, &QCheckBox::toggled, this, [this](bool never) {
        m_edit->setEnabled(!never);
        Q_EMIT changed();
    });
    connect(m_edit, &QDateTimeEdit::dateTimeChanged, this, &FieldEditor::changed);
}

void ExpiryEditor::setExpiration(const QString &rfc3339)
{
    const QSignalBlocker quietEdit(m_edit), quietNever(m_never);
    const auto millis = lw::parseRfc3339Millis(rfc3339.toStdString());
    m_never->setChecked(rfc3339.isEmpty());
    m_edit->setEnabled(!rfc3339.isEmpty());
    if (millis)
        m_edit->setDateTime(QDateTime::fromMSecsSinceEpoch(*millis).toLocalTime());
}

QString ExpiryEditor::expiration() const
{
    if (m_never->isChecked())
        return {};
    return m_edit->dateTime().toUTC().toString(Qt::ISODate); // "2030-01-01T00:00:00Z"
}

// ---- pickers ----

void loadNames(console::ApiClient *client, const QString &path, const char *listKey, QComboBox *picker, const QStringList &first)
{
    if (!client)
        return;
    client->get(path, console::ApiClient::bound(picker, [picker, listKey, first](const console::ApiResult &r) {
        if (!r.ok())
            return; // the field stays a free text field; the save says what the server thinks
        const QString shown = picker->currentText();
        const QSignalBlocker quiet(picker);
        picker->clear();
        picker->addItems(first);
        for (const Json &item : lw::tolerant::array(r.json, listKey)) {
            const std::string name = lw::tolerant::string(item, "name");
            if (!name.empty() && lw::tolerant::string(item, "status", "active") == "active")
                picker->addItem(QString::fromStdString(name));
        }
        picker->setCurrentText(shown);
    }));
}

} // namespace lw::ui
