#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QRegularExpression>
#include <QString>
#include <QStringDecoder>
#include <QVarLengthArray>
#include <array>

namespace wsscope {

// Tests raw payload bytes against a substring or a regular expression. The substring search runs
// on the bytes as stored (UTF-8 for text frames), never on formatted cell text, so a million rows
// filter in well under a quarter of a second. Case-insensitive substring search folds ASCII
// letters only; other characters must match exactly (a full Unicode fold would need decoding
// every payload).
class PayloadMatcher
{
public:
    PayloadMatcher() = default;
    PayloadMatcher(const QString &pattern, bool regularExpression, Qt::CaseSensitivity cs);

    bool isEmpty() const { return m_empty; }
    bool isValid() const { return m_valid; }
    QString errorString() const { return m_error; }

    bool matches(QByteArrayView bytes) const;
    bool matches(const QString &text) const;

private:
    bool findSubstring(QByteArrayView hay) const;

    bool m_empty = true;
    bool m_valid = true;
    bool m_regex = false;
    bool m_foldCase = false;
    QString m_error;
    QString m_pattern;
    Qt::CaseSensitivity m_cs = Qt::CaseSensitive;
    QByteArray m_needle; // UTF-8, ASCII-lower-cased when folding
    QRegularExpression m_re;
    // Regular expressions run on UTF-16: payloads are decoded into this reused buffer instead of
    // a new QString each (one allocation per row would dominate a million-row filter).
    mutable QStringDecoder m_decoder{QStringDecoder::Utf8, QStringDecoder::Flag::Stateless};
    mutable QVarLengthArray<QChar, 512> m_buffer;
    std::array<quint8, 256> m_fold{};     // identity, or ASCII to lower case
    std::array<qsizetype, 256> m_shift{}; // Boyer-Moore-Horspool bad-character shifts
};

} // namespace wsscope
