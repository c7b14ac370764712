#pragma once

#include <QtGlobal>

namespace wsscope {

// Incremental UTF-8 validator (RFC 3629): a code point may be split across feed() calls,
// as it may be split across the fragments of a text message (RFC 6455 §5.6).
class Utf8Validator
{
public:
    // Returns false as soon as the bytes so far cannot be the start of valid UTF-8.
    bool feed(const char *data, qsizetype size);
    // True when everything fed is valid and no code point is left incomplete.
    bool finish() const { return m_valid && m_state == 0; }
    bool valid() const { return m_valid; }
    void reset()
    {
        m_state = 0;
        m_valid = true;
    }
    static bool isValid(const char *data, qsizetype size);
    // Offset of the first byte of the first ill-formed sequence, or -1 when all is valid. A sequence
    // cut short by the end counts as ill-formed unless allowIncompleteTail (a payload cut by a cap).
    static qsizetype firstInvalid(const char *data, qsizetype size, bool allowIncompleteTail = false);

private:
    quint32 m_state = 0;
    bool m_valid = true;
};

} // namespace wsscope
