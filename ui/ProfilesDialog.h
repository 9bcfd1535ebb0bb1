#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace lw::ui {

class ConnectionManager;

// File → Connect to…: the saved server profiles (name, server, pinned certificate), filterable
// and sortable; connect to one, remove one, or add one with its credential.
class ProfilesDialog : public QDialog {
    Q_OBJECT
public:
    explicit ProfilesDialog(ConnectionManager &connections, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QLineEdit *filter() const { return m_filter; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *credentialEdit() const { return m_credential; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *connectButton() const { return m_connect; }
    QPushButton *removeButton() const { return m_remove; }
    QString problem() const; // why the new profile cannot be added yet, or empty

    void reload();
    bool selectProfile(const QString &name);
    void connectSelected();
    void removeSelected();
    void addProfile();

private:
    QString selectedName() const;
    void updateButtons();

    ConnectionManager &m_connections;
    QTableWidget *m_table;
    QLineEdit *m_filter, *m_name, *m_url, *m_credential;
    QPushButton *m_connect, *m_remove, *m_add;
    QLabel *m_problem;
};

} // namespace lw::ui
