#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

class QSslSocket;

namespace wsscope {

// JSON views of TLS state for Tls / Error events (keys in docs/session-format.md).
namespace TlsInfo {
// subject, issuer, notBefore, notAfter (ISO-8601 UTC), sha256 (colon-separated hex), serial, selfSigned.
QJsonObject certificate(const QSslCertificate &certificate);
QJsonArray chain(const QList<QSslCertificate> &chain);
// [{code, text}] with the certificate each error concerns when it differs from the leaf.
QJsonArray errors(const QList<QSslError> &errors);
// "TLS 1.3"
QString protocolName(int sslProtocol);
// protocol, cipher, cipherBits, peerName, chain.
QJsonObject session(const QSslSocket *socket);
// The one-sentence reason shown to the user when verification refused the server.
QString refusalMessage(const QList<QSslError> &errors);
// The reason shown when the server ended TLS with a fatal alert (RFC 8446 §6.2), e.g. because it wants
// a client certificate. alertType is QSsl::AlertType's value (the alert's number on the wire).
QString alertMessage(int alertType, const QString &description, const QString &endpoint);
// The alert's name as the TLS RFCs spell it, with its number: "certificate_required (116)"; for a number
// not in the registry, the backend's description (when it has one) and the number.
QString alertName(int alertType, const QString &description = QString());
} // namespace TlsInfo

} // namespace wsscope
