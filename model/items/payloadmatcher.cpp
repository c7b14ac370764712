#include "payloadmatcher.h"

#include <cstring>

namespace wsscope {

PayloadMatcher::PayloadMatcher(const QString &pattern, bool regularExpression, Qt::CaseSensitivity cs)
    : m_empty(pattern.isEmpty()), m_regex(regularExpression), m_pattern(pattern), m_cs(cs)
{
    if (m_empty)
        return;
    if (m_regex) {
        QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
        if (cs == Qt::CaseInsensitive)
            options |= QRegularExpression::CaseInsensitiveOption;
        m_re = QRegularExpression(pattern, options);
        m_valid = m_re.isValid();
        if (!m_valid)
            m_error = m_re.errorString();
        else
            m_re.optimize();
        return;
    }
    m_foldCase = cs == Qt::CaseInsensitive;
    for (int i = 0; i < 256; ++i)
        m_fold[i] = quint8((m_foldCase && i >= 'A' && i <= 'Z') ? i + ('a' - 'A') : i);
    const QByteArray utf8 = pattern.toUtf8();
    m_needle.resize(utf8.size());
    for (qsizetype i = 0; i < utf8.size(); ++i)
        m_needle[i] = char(m_fold[uchar(utf8[i])]);
    // Horspool shifts are indexed by the folded haystack byte, so one table serves both cases.
    const qsizetype m = m_needle.size();
    m_shift.fill(m);
    for (qsizetype i = 0; i + 1 < m; ++i)
        m_shift[uchar(m_needle[i])] = m - 1 - i;
}

bool PayloadMatcher::findSubstring(QByteArrayView hay) const
{
    const qsizetype m = m_needle.size();
    const qsizetype n = hay.size();
    if (m > n)
        return false;
    const uchar *h = reinterpret_cast<const uchar *>(hay.data());
    const uchar *p = reinterpret_cast<const uchar *>(m_needle.constData());
    if (!m_foldCase) {
        if (m == 1)
            return std::memchr(h, p[0], size_t(n)) != nullptr;
        // memchr for the first byte is vectorised by libc and skips most positions at once.
        const uchar *end = h + (n - m) + 1;
        for (const uchar *s = h; s < end;) {
            s = static_cast<const uchar *>(std::memchr(s, p[0], size_t(end - s)));
            if (!s)
                return false;
            if (std::memcmp(s + 1, p + 1, size_t(m - 1)) == 0)
                return true;
            ++s;
        }
        return false;
    }
    const quint8 *fold = m_fold.data();
    const uchar last = p[m - 1];
    for (qsizetype pos = 0; pos <= n - m;) {
        const uchar c = fold[h[pos + m - 1]];
        if (c == last) {
            qsizetype j = m - 2;
            while (j >= 0 && fold[h[pos + j]] == p[j])
                --j;
            if (j < 0)
                return true;
        }
        pos += m_shift[c];
    }
    return false;
}

bool PayloadMatcher::matches(QByteArrayView bytes) const
{
    if (m_empty || !m_valid)
        return true;
    if (!m_regex)
        return findSubstring(bytes);
    return m_re.match(QString::fromUtf8(bytes)).hasMatch();
}

bool PayloadMatcher::matches(const QString &text) const
{
    if (m_empty || !m_valid)
        return true;
    if (m_regex)
        return m_re.match(text).hasMatch();
    return text.contains(m_pattern, m_cs);
}

} // namespace wsscope
