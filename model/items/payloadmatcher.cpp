#include "payloadmatcher.h"

#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

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
}

bool PayloadMatcher::findSubstring(QByteArrayView hay) const
{
    const qsizetype m = m_needle.size();
    const qsizetype n = hay.size();
    if (m > n)
        return false;
    const uchar *h = reinterpret_cast<const uchar *>(hay.data());
    const uchar *p = reinterpret_cast<const uchar *>(m_needle.constData());
    const quint8 *fold = m_fold.data();
    // Positions 1..m-2 once first and last byte agree.
    auto middleMatches = [&](const uchar *s) {
        for (qsizetype j = 1; j + 1 < m; ++j) {
            if (fold[s[j]] != p[j])
                return false;
        }
        return true;
    };
    qsizetype pos = 0;
#ifdef __SSE2__
    // Test 16 positions at once on the first and the last byte of the needle (W. Mula's "generic
    // SIMD" substring search); only positions where both agree are verified byte by byte. Case
    // folding: x | 0x20 equals a lower-case letter only when x is that letter in either case.
    const __m128i first = _mm_set1_epi8(char(p[0]));
    const __m128i last = _mm_set1_epi8(char(p[m - 1]));
    const __m128i firstOr = _mm_set1_epi8(m_foldCase && p[0] >= 'a' && p[0] <= 'z' ? 0x20 : 0);
    const __m128i lastOr = _mm_set1_epi8(m_foldCase && p[m - 1] >= 'a' && p[m - 1] <= 'z' ? 0x20 : 0);
    for (; pos + m - 1 + 16 <= n; pos += 16) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(h + pos));
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i *>(h + pos + m - 1));
        const __m128i eq = _mm_and_si128(_mm_cmpeq_epi8(_mm_or_si128(a, firstOr), first),
                                         _mm_cmpeq_epi8(_mm_or_si128(b, lastOr), last));
        unsigned bits = unsigned(_mm_movemask_epi8(eq));
        while (bits) {
            const int k = __builtin_ctz(bits);
            if (middleMatches(h + pos + k))
                return true;
            bits &= bits - 1;
        }
    }
#endif
    for (; pos <= n - m; ++pos) {
        const uchar *s = h + pos;
        if (fold[s[0]] == p[0] && fold[s[m - 1]] == p[m - 1] && middleMatches(s))
            return true;
    }
    return false;
}

bool PayloadMatcher::matches(QByteArrayView bytes) const
{
    if (m_empty || !m_valid)
        return true;
    if (!m_regex)
        return findSubstring(bytes);
    m_buffer.resize(bytes.size()); // UTF-8 never decodes to more UTF-16 units than it has bytes
    const QChar *end = m_decoder.appendToBuffer(m_buffer.data(), bytes);
    return m_re.match(QStringView(m_buffer.data(), end - m_buffer.data())).hasMatch();
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
