#include "utf8validator.h"

#include <array>
#include <cstring>

namespace wsscope {

namespace {

// Byte classes of the well-formed UTF-8 table (Unicode 15, Table 3-7; RFC 3629 §4). The second
// byte of E0, ED, F0 and F4 sequences is restricted to exclude overlongs, surrogates and code
// points above U+10FFFF, so those lead bytes get classes of their own.
enum Class : quint8 {
    Ascii,  // 00-7F
    Cont8x, // 80-8F
    Cont9x, // 90-9F
    ContAB, // A0-BF
    Bad,    // C0-C1, F5-FF: never valid
    Lead2,  // C2-DF
    LeadE0, // E0
    Lead3,  // E1-EC, EE-EF
    LeadED, // ED
    LeadF0, // F0
    Lead4,  // F1-F3
    LeadF4, // F4
    ClassCount
};

// States: 0 accept; 1-3 need that many 80-BF bytes; 4 after E0 (A0-BF); 5 after ED (80-9F);
// 6 after F0 (90-BF); 7 after F4 (80-8F); 8 reject (sticky).
constexpr quint8 Accept = 0;
constexpr quint8 Reject = 8;
constexpr int StateCount = 9;

constexpr std::array<quint8, 256> makeClasses()
{
    std::array<quint8, 256> c{};
    for (int b = 0; b < 256; ++b) {
        quint8 k = Bad;
        if (b <= 0x7F)
            k = Ascii;
        else if (b <= 0x8F)
            k = Cont8x;
        else if (b <= 0x9F)
            k = Cont9x;
        else if (b <= 0xBF)
            k = ContAB;
        else if (b <= 0xC1)
            k = Bad;
        else if (b <= 0xDF)
            k = Lead2;
        else if (b == 0xE0)
            k = LeadE0;
        else if (b == 0xED)
            k = LeadED;
        else if (b <= 0xEF)
            k = Lead3;
        else if (b == 0xF0)
            k = LeadF0;
        else if (b <= 0xF3)
            k = Lead4;
        else if (b == 0xF4)
            k = LeadF4;
        c[b] = k;
    }
    return c;
}

constexpr std::array<std::array<quint8, ClassCount>, StateCount> makeTransitions()
{
    std::array<std::array<quint8, ClassCount>, StateCount> t{};
    for (auto &row : t)
        for (auto &s : row)
            s = Reject;
    t[0][Ascii] = 0;
    t[0][Lead2] = 1;
    t[0][Lead3] = 2;
    t[0][Lead4] = 3;
    t[0][LeadE0] = 4;
    t[0][LeadED] = 5;
    t[0][LeadF0] = 6;
    t[0][LeadF4] = 7;
    for (quint8 k : {Cont8x, Cont9x, ContAB}) {
        t[1][k] = 0;
        t[2][k] = 1;
        t[3][k] = 2;
    }
    t[4][ContAB] = 1;
    t[5][Cont8x] = 1;
    t[5][Cont9x] = 1;
    t[6][Cont9x] = 2;
    t[6][ContAB] = 2;
    t[7][Cont8x] = 2;
    return t;
}

constexpr auto Classes = makeClasses();
constexpr auto Transitions = makeTransitions();

constexpr quint64 HighBits = 0x8080808080808080ull;

// Returns the state after the bytes; stops early on Reject.
quint32 run(quint32 state, const unsigned char *p, const unsigned char *end)
{
    while (p < end) {
        if (state == Accept) {
            // Most text payloads are ASCII: skip 8 bytes per step while no high bit is set.
            while (end - p >= 8) {
                quint64 w;
                std::memcpy(&w, p, sizeof w);
                if (w & HighBits)
                    break;
                p += 8;
            }
            while (p < end && *p < 0x80)
                ++p;
            if (p == end)
                break;
        }
        state = Transitions[state][Classes[*p++]];
        if (state == Reject)
            break;
    }
    return state;
}

} // namespace

bool Utf8Validator::feed(const char *data, qsizetype size)
{
    if (!m_valid)
        return false;
    if (size <= 0)
        return true;
    const auto *p = reinterpret_cast<const unsigned char *>(data);
    m_state = run(m_state, p, p + size);
    if (m_state == Reject)
        m_valid = false;
    return m_valid;
}

bool Utf8Validator::isValid(const char *data, qsizetype size)
{
    if (size <= 0)
        return true;
    const auto *p = reinterpret_cast<const unsigned char *>(data);
    return run(Accept, p, p + size) == Accept;
}

qsizetype Utf8Validator::firstInvalid(const char *data, qsizetype size, bool allowIncompleteTail)
{
    const auto *const begin = reinterpret_cast<const unsigned char *>(data);
    const unsigned char *p = begin;
    const unsigned char *const end = begin + qMax<qsizetype>(size, 0);
    while (p < end) {
        // Whole code points at a time: from each accepting state, run until the next one.
        const unsigned char *const start = p;
        if (*p < 0x80) {
            ++p;
            continue;
        }
        quint32 state = Transitions[Accept][Classes[*p++]];
        while (state != Accept && state != Reject && p < end)
            state = Transitions[state][Classes[*p++]];
        if (state == Reject)
            return start - begin;
        if (state != Accept) // the end cut the last code point short
            return allowIncompleteTail ? -1 : start - begin;
    }
    return -1;
}

} // namespace wsscope
