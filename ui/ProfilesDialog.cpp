#include "ProfilesDialog.h"
#include "ConnectionManager.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace lw::ui {

ProfilesDialog::ProfilesDialog(ConnectionManager &connections, QWidget *parent)
    : QDialog(parent), m_connections(connections), m_table(new QTableWidget(0, 3, this)), m_filter(new QLineEdit(this)),
      m_name(new QLineEdit(this)), m_url(new QLineEdit(this)), m_credential(new QLineEdit(this)),
      m_connect(new QPushButton(tr("&Connect"), this)), m_remove(new QPushButton(tr("&Remove…"), this)),
      m_add(new QPushButton(tr("&Add and connect"), this)), m_problem(new QLabel(this))
{
    setWindowTitle(tr("Connect to a server"));
    resize(760, 460);
    m_table->setHorizontalHeaderLabels({tr("Profile"), tr("Server"), tr("Pinned certificate (SHA-256)")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_filter->setPlaceholderText(tr("Filter profiles…"));
    m_filter->setClearButtonEnabled(true);
    m_name->setPlaceholderText(tr("e.g. production"));
    m_url->setPlaceholderText(QStringLiteral("https://logs.example.com:8443"));
    m_credential->setEchoMode(QLineEdit::Password);
    m_credential->setPlaceholderText(tr("JWT or admin token (kept in the keychain)"));
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_connect->setDefault(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_filter, 1);
    buttons->addWidget(m_connect);
    buttons->addWidget(m_remove);
    auto *newProfile = new QGroupBox(tr("New profile"), this);
    auto *form = new QFormLayout(newProfile);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Server URL"), m_url);
    form->addRow(tr("Credential"), m_credential);
    form->addRow(m_problem, m_add);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(newProfile);
    layout->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_connect, &QPushButton::clicked, this, &ProfilesDialog::connectSelected);
    connect(m_remove, &QPushButton::clicked, this, &ProfilesDialog::removeSelected);
    connect(m_add, &QPushButton::clicked, this, &ProfilesDialog::addProfile);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ProfilesDialog::updateButtons);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &ProfilesDialog::connectSelected);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (int row = 0; row < m_table->rowCount(); ++row) {
            bool match = text.isEmpty();
            for (int column = 0; column < m_table->columnCount() && !match; ++column)
                match = m_table->item(row, column)->text().contains(text, Qt::CaseInsensitive);
            m_table->setRowHidden(row, !match);
        }
    });
    for (QLineEdit *edit : {m_name, m_url, m_credential})
        connect(edit, &QLineEdit::textChanged, this, &ProfilesDialog::updateButtons);
    reload();
}

void ProfilesDialog::reload()
{
    m_table->setSortingEnabled(false);
    const QStringList names = m_connections.profiles().names();
    m_table->setRowCount(static_cast<int>(names.size()));
    for (int row = 0; row < names.size(); ++row) {
        const auto profile = m_connections.profiles().load(names.at(row));
        const QString current = names.at(row) == m_connections.current().name ? tr(" (connected)") : QString();
        auto *name = new QTableWidgetItem(names.at(row) + current);
        name->setData(Qt::UserRole, names.at(row));
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, new QTableWidgetItem(profile ? profile->serverUrl : QString()));
        m_table->setItem(row, 2, new QTableWidgetItem(profile && !profile->pinnedSha256.isEmpty() ? profile->pinnedSha256
                                                                                                   : tr("not pinned yet")));
    }
    m_table->setSortingEnabled(true);
    m_table->resizeColumnsToContents();
    updateButtons();
}

bool ProfilesDialog::selectProfile(const QString &name)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, 0)->data(Qt::UserRole).toString() == name && !m_table->isRowHidden(row)) {
            m_table->selectRow(row);
            return true;
        }
    }
    return false;
}

QString ProfilesDialog::selectedName() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_table->item(rows.first().row(), 0)->data(Qt::UserRole).toString();
}

QString ProfilesDialog::problem() const
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return tr("Name the profile.");
    if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')))
        return tr("A profile name cannot contain '/' or '\\'.");
    if (m_connections.profiles().load(name))
        return tr("A profile \"%1\" exists already.").arg(name);
    const QUrl url(m_url->text().trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return tr("The server URL must look like https://host:8443.");
    if (m_credential->text().trimmed().isEmpty())
        return tr("Give the credential (a JWT or an admin token).");
    return {};
}

void ProfilesDialog::updateButtons()
{
    const QString selected = selectedName();
    m_connect->setEnabled(!selected.isEmpty());
    m_remove->setEnabled(!selected.isEmpty() && selected != m_connections.current().name);
    const bool typing = !m_name->text().isEmpty() || !m_url->text().isEmpty() || !m_credential->text().isEmpty();
    const QString why = problem();
    m_problem->setText(typing ? why : QString());
    m_add->setEnabled(why.isEmpty());
}

void ProfilesDialog::connectSelected()
{
    const QString name = selectedName();
    const auto profile = m_connections.profiles().load(name);
    if (!profile)
        return;
    m_connections.connectTo(*profile);
    accept();
}

void ProfilesDialog::removeSelected()
{
    const QString name = selectedName();
    if (name.isEmpty() || name == m_connections.current().name)
        return;
    if (QMessageBox::question(this, tr("Remove profile"),
                              tr("Remove the profile \"%1\" and its credential from the keychain?").arg(name))
        != QMessageBox::Yes)
        return;
    m_connections.removeProfile(name);
    reload();
}

void ProfilesDialog::addProfile()
{
    if (!problem().isEmpty())
        return;
    const console::Profile profile{m_name->text().trimmed(), m_url->text().trimmed(), QStringLiteral("jwt"), {}};
    m_connections.connectTo(profile, m_credential->text().trimmed());
    m_credential->clear();
    accept();
}

} // namespace lw::ui
