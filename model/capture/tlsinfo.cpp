// Read by lupdate only, never compiled: the context the tr() wrapper below translates in, which
// lupdate cannot see through the wrapper. It must come before the includes to take effect.
#if 0
namespace wsscope {
Q_DECLARE_TR_FUNCTIONS(wsscope::TlsInfo)
}
#endif
#include "tlsinfo.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
#include <QSslCipher>
#include <QSslSocket>

namespace wsscope {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("wsscope::TlsInfo", text);
}

QString joinedInfo(const QSslCertificate &c, bool issuer)
{
    // The display name drops the organisation; keep CN, O and OU so look-alike certificates differ.
    QStringList parts;
    const auto field = [&](QSslCertificate::SubjectInfo info, const char *label) {
        const QStringList values = issuer ? c.issuerInfo(info) : c.subjectInfo(info);
        for (const QString &v : values)
            parts << QStringLiteral("%1=%2").arg(QLatin1String(label), v);
    };
    field(QSslCertificate::CommonName, "CN");
    field(QSslCertificate::Organization, "O");
    field(QSslCertificate::OrganizationalUnitName, "OU");
    if (parts.isEmpty())
        return issuer ? c.issuerDisplayName() : c.subjectDisplayName();
    return parts.join(QStringLiteral(", "));
}

// Short phrases for the refusal sentence; Qt's own texts are full sentences.
QString shortReason(const QSslError &error)
{
    switch (error.error()) {
    case QSslError::SelfSignedCertificate:
        return tr("self-signed certificate");
    case QSslError::SelfSignedCertificateInChain:
        return tr("self-signed certificate in the chain");
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
        return tr("issuer unknown");
    case QSslError::CertificateExpired:
        return tr("certificate expired");
    case QSslError::CertificateNotYetValid:
        return tr("certificate not yet valid");
    case QSslError::HostNameMismatch:
        return tr("issued for another host name");
    case QSslError::CertificateRevoked:
        return tr("certificate revoked");
    default:
        return error.errorString();
    }
}

} // namespace

namespace TlsInfo {

QJsonObject certificate(const QSslCertificate &c)
{
    QJsonObject o;
    o.insert(QStringLiteral("subject"), joinedInfo(c, false));
    o.insert(QStringLiteral("issuer"), joinedInfo(c, true));
    o.insert(QStringLiteral("notBefore"), c.effectiveDate().toUTC().toString(Qt::ISODate));
    o.insert(QStringLiteral("notAfter"), c.expiryDate().toUTC().toString(Qt::ISODate));
    o.insert(QStringLiteral("sha256"),
             QString::fromLatin1(c.digest(QCryptographicHash::Sha256).toHex(':').toUpper()));
    o.insert(QStringLiteral("serial"), QString::fromLatin1(c.serialNumber()));
    o.insert(QStringLiteral("selfSigned"), c.isSelfSigned());
    const QStringList names = c.subjectAlternativeNames().values(QSsl::DnsEntry) +
                              c.subjectAlternativeNames().values(QSsl::IpAddressEntry);
    if (!names.isEmpty())
        o.insert(QStringLiteral("altNames"), QJsonArray::fromStringList(names));
    return o;
}

QJsonArray chain(const QList<QSslCertificate> &chain)
{
    QJsonArray a;
    for (const QSslCertificate &c : chain)
        a.append(certificate(c));
    return a;
}

QJsonArray errors(const QList<QSslError> &errors)
{
    QJsonArray a;
    for (const QSslError &e : errors) {
        QJsonObject o;
        o.insert(QStringLiteral("code"), int(e.error()));
        o.insert(QStringLiteral("text"), e.errorString());
        if (!e.certificate().isNull())
            o.insert(QStringLiteral("certificate"), certificate(e.certificate()));
        a.append(o);
    }
    return a;
}

QString protocolName(int sslProtocol)
{
    // Old protocols are deprecated in Qt 6 but a server may still negotiate them; name them all the same.
    QT_WARNING_PUSH
    QT_WARNING_DISABLE_DEPRECATED
    switch (QSsl::SslProtocol(sslProtocol)) {
    case QSsl::TlsV1_0:
        return QStringLiteral("TLS 1.0");
    case QSsl::TlsV1_1:
        return QStringLiteral("TLS 1.1");
    case QSsl::TlsV1_2:
        return QStringLiteral("TLS 1.2");
    case QSsl::TlsV1_3:
        return QStringLiteral("TLS 1.3");
    case QSsl::DtlsV1_0:
        return QStringLiteral("DTLS 1.0");
    case QSsl::DtlsV1_2:
        return QStringLiteral("DTLS 1.2");
    default:
        return tr("unknown");
    }
    QT_WARNING_POP
}

QJsonObject session(const QSslSocket *socket)
{
    QJsonObject o;
    const QSslCipher cipher = socket->sessionCipher();
    o.insert(QStringLiteral("protocol"), protocolName(int(socket->sessionProtocol())));
    o.insert(QStringLiteral("cipher"), cipher.name());
    o.insert(QStringLiteral("cipherBits"), cipher.usedBits());
    o.insert(QStringLiteral("keyExchange"), cipher.keyExchangeMethod());
    o.insert(QStringLiteral("peerName"),
             socket->peerVerifyName().isEmpty() ? socket->peerName() : socket->peerVerifyName());
    o.insert(QStringLiteral("chain"), chain(socket->peerCertificateChain()));
    return o;
}

QString refusalMessage(const QList<QSslError> &errors)
{
    QStringList reasons;
    for (const QSslError &e : errors) {
        const QString r = shortReason(e);
        if (!reasons.contains(r))
            reasons << r;
    }
    return tr("The server's certificate is not trusted (%1). Add its CA with --cacert or allow insecure "
              "for this connection.")
        .arg(reasons.join(QStringLiteral(", ")));
}

QString alertName(int alertType, const QString &description)
{
    // RFC 8446 §6 and the IANA TLS Alerts registry.
    static const QHash<int, const char *> names = {
        {0, "close_notify"},
        {10, "unexpected_message"},
        {20, "bad_record_mac"},
        {22, "record_overflow"},
        {40, "handshake_failure"},
        {42, "bad_certificate"},
        {43, "unsupported_certificate"},
        {44, "certificate_revoked"},
        {45, "certificate_expired"},
        {46, "certificate_unknown"},
        {47, "illegal_parameter"},
        {48, "unknown_ca"},
        {49, "access_denied"},
        {50, "decode_error"},
        {51, "decrypt_error"},
        {70, "protocol_version"},
        {71, "insufficient_security"},
        {80, "internal_error"},
        {86, "inappropriate_fallback"},
        {90, "user_canceled"},
        {109, "missing_extension"},
        {110, "unsupported_extension"},
        {112, "unrecognized_name"},
        {113, "bad_certificate_status_response"},
        {115, "unknown_psk_identity"},
        {116, "certificate_required"},
        {120, "no_application_protocol"},
    };
    const char *name = names.value(alertType, nullptr);
    if (name)
        return QStringLiteral("%1 (%2)").arg(QLatin1String(name)).arg(alertType);
    if (!description.isEmpty() && description != QLatin1String("unknown"))
        return QStringLiteral("%1 (%2)").arg(description).arg(alertType);
    return QString::number(alertType);
}

QString alertMessage(int alertType, const QString &description, const QString &endpoint)
{
    const QString alert = alertName(alertType, description);
    switch (alertType) {
    case 116: // certificate_required (TLS 1.3)
        return tr("The server at %1 requires a client certificate (TLS alert: %2). Choose a certificate and "
                  "key in the connection's TLS options (--cert and --key).")
            .arg(endpoint, alert);
    case 42: // bad_certificate
    case 43: // unsupported_certificate
    case 44: // certificate_revoked
    case 45: // certificate_expired
    case 46: // certificate_unknown
    case 48: // unknown_ca
        return tr("The server at %1 did not accept the client certificate (TLS alert: %2).")
            .arg(endpoint, alert);
    default:
        return tr("The server at %1 ended TLS with a fatal alert: %2.").arg(endpoint, alert);
    }
}

} // namespace TlsInfo

} // namespace wsscope
