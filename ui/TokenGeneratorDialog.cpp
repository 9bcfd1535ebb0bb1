#include "TokenGeneratorDialog.h"
#include "SecretClipboard.h"

#include "AccessModels.h"
#include "JwtGenerator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace lw::ui {

namespace {
QString describe(const console::DecodedToken &d)
{
    QString expiry;
    if (d.expiresAt > 0) {
        const QDateTime at = QDateTime::fromSecsSinceEpoch(d.expiresAt, Qt::UTC);
        expiry = at < QDateTime::currentDateTimeUtc() ? QObject::tr("EXPIRED at %1").arg(at.toString(Qt::ISODate))
                                                      : QObject::tr("Expires at %1").arg(at.toString(Qt::ISODate));
    } else {
        expiry = QObject::tr("No expiry (exp) claim.");
    }
    return QObject::tr("Header:\n%1\nClaims:\n%2\n%3").arg(d.headerJson, d.claimsJson, expiry);
}
} // namespace

TokenGeneratorDialog::TokenGeneratorDialog(QWidget *parent)
    : QDialog(parent), m_subject(new QLineEdit(this)), m_extraScopes(new QLineEdit(this)), m_secret(new QLineEdit(this)),
      m_algorithm(new QComboBox(this)), m_pemButton(new QPushButton(tr("PEM key…"), this)), m_minutes(new QSpinBox(this)),
      m_message(new QLabel(this)), m_output(new QPlainTextEdit(this)), m_copy(new QPushButton(tr("Copy"), this)),
      m_use(new QPushButton(tr("Use as this profile's credential"), this))
{
    setWindowTitle(tr("Generate a self-signed token"));
    m_subject->setObjectName(QStringLiteral("subject"));
    m_secret->setObjectName(QStringLiteral("secret"));
    m_algorithm->setObjectName(QStringLiteral("algorithm"));
    m_output->setObjectName(QStringLiteral("output"));
    m_message->setObjectName(QStringLiteral("message"));
    m_use->setObjectName(QStringLiteral("use"));
    resize(720, 640);
    m_subject->setPlaceholderText(tr("user name"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("the user's API access key"));
    m_algorithm->addItems({"HS256", "HS384", "HS512", "RS256", "ES256"});
    m_minutes->setRange(1, 366 * 24 * 60);
    m_minutes->setValue(60);
    m_minutes->setSuffix(tr(" min"));
    m_extraScopes->setPlaceholderText(tr("more scopes, space-separated (e.g. Logpoint's search:read)"));
    m_output->setReadOnly(true);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_message->setWordWrap(true);
    m_copy->setEnabled(false);
    m_use->setEnabled(false);

    auto *scopes = new QGridLayout;
    int i = 0;
    for (const std::string &s : lw::scope::known()) {
        auto *box = new QCheckBox(QString::fromStdString(s), this);
        m_scopeBoxes << box;
        scopes->addWidget(box, i / 3, i % 3);
        ++i;
    }
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_secret, 1);
    keyRow->addWidget(m_pemButton);
    auto *form = new QFormLayout;
    form->addRow(tr("Subject (sub)"), m_subject);
    form->addRow(tr("Scopes"), scopes);
    form->addRow(QString(), m_extraScopes);
    form->addRow(tr("Key"), keyRow);
    form->addRow(tr("Algorithm"), m_algorithm);
    form->addRow(tr("Lifetime"), m_minutes);
    auto *generateButton = new QPushButton(tr("&Generate"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(generateButton);
    buttons->addStretch();
    buttons->addWidget(m_copy);
    buttons->addWidget(m_use);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(m_output, 1);

    connect(generateButton, &QPushButton::clicked, this, &TokenGeneratorDialog::generate);
    connect(m_copy, &QPushButton::clicked, this, [this] { copySecret(m_token); });
    connect(m_use, &QPushButton::clicked, this, [this] { Q_EMIT useAsCredential(m_token); });
    connect(m_pemButton, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("PEM private key"));
        QFile f(file);
        if (!file.isEmpty() && f.open(QIODevice::ReadOnly)) {
            m_pem = QString::fromUtf8(f.readAll());
            m_secret->clear();
            m_secret->setPlaceholderText(tr("PEM key loaded from %1").arg(file));
        }
    });
}

QString TokenGeneratorDialog::scopeText() const
{
    QStringList scopes;
    for (QCheckBox *box : m_scopeBoxes) {
        if (box->isChecked())
            scopes << box->text();
    }
    scopes << m_extraScopes->text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return scopes.join(QLatin1Char(' '));
}

void TokenGeneratorDialog::generate()
{
    console::TokenRequest request;
    request.subject = m_subject->text().trimmed().toStdString();
    request.scope = scopeText().toStdString();
    request.algorithm = m_algorithm->currentText().toStdString();
    request.secret = (request.algorithm[0] == 'H' ? m_secret->text() : m_pem).toStdString();
    request.lifetimeSeconds = m_minutes->value() * 60LL;
    try {
        m_token = QString::fromStdString(console::JwtGenerator::generate(request));
    } catch (const std::invalid_argument &e) {
        m_token.clear();
        m_message->setStyleSheet(QStringLiteral("color: #c62828;"));
        m_message->setText(QString::fromUtf8(e.what()));
        m_output->clear();
        m_copy->setEnabled(false);
        m_use->setEnabled(false);
        return;
    }
    m_message->setStyleSheet({});
    m_message->setText(tr("This token is shown only here; copy it now (the clipboard is cleared after 30 s)."));
    m_output->setPlainText(m_token + QStringLiteral("\n\n") + describe(*console::JwtGenerator::decode(m_token)));
    m_copy->setEnabled(true);
    m_use->setEnabled(true);
}

JwtInspectorDialog::JwtInspectorDialog(QWidget *parent)
    : QDialog(parent), m_input(new QPlainTextEdit(this)), m_output(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Inspect a JWT"));
    resize(640, 520);
    m_input->setPlaceholderText(tr("Paste a token here."));
    m_output->setReadOnly(true);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_input, 1);
    layout->addWidget(m_output, 3);
    connect(m_input, &QPlainTextEdit::textChanged, this, [this] { inspect(m_input->toPlainText()); });
}

void JwtInspectorDialog::inspect(const QString &token)
{
    if (m_input->toPlainText() != token)
        m_input->setPlainText(token); // re-enters through textChanged
    auto decoded = console::JwtGenerator::decode(token);
    m_output->setPlainText(decoded ? describe(*decoded) : tr("This is not a JWT (three base64url parts with JSON header and claims)."));
}

QString JwtInspectorDialog::report() const
{
    return m_output->toPlainText();
}

} // namespace lw::ui
