// Personal information that must not appear in a published report:
// resident ID numbers, bank card numbers and mobile phone numbers.
//
// Pure functions over UTF-8 text: no I/O, no exceptions, linear time.
// ASCII and full-width digits are both accepted; `digits` is always ASCII.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "nianbao/text.h"

namespace nianbao {

enum class PiiKind { IdNumber, BankCard, Mobile };

struct PiiMention {
    PiiKind kind = PiiKind::IdNumber;
    // What was written, including separators and a +86 / 86- prefix.
    Span span;
    // Normalized: the 18 ID characters (check character as upper-case X),
    // the 16-19 card digits, or the 11 national mobile digits.
    std::string digits;
};

// Every ID number, bank card and mobile number in `text`, in text order.
//  * ID (居民身份证号码, GB 11643-1999): exactly 18 characters, 17 digits then a
//    digit or X/x, correct check character, birth date YYYYMMDD in
//    1900..2100 that exists; also written as 6-8-4 groups with single spaces
//    ("110105 19491231 002X").
//  * Bank card: 16-19 digits, either one run or groups of four separated by
//    single spaces or hyphens ("6222 0200 1234 5678 901"), passing the Luhn
//    check; an 18-character run that is a valid ID is reported as ID only.
//  * Mobile: 1[3-9] and nine more digits, one run or 3-4-4 groups with
//    single spaces or hyphens, optionally after "+86", "+86 ", "+86-",
//    "86-" or "0086-" / "0086 ".
// In all cases the number must stand alone: not part of a longer
// digit/letter run, not joined by '/', '.', '_', '@', '#', '=' to other
// alphanumerics, not hyphen-joined to other digits (except the groups above),
// not right after a bracketed area code "(0517)".
std::vector<PiiMention> find_pii(std::string_view text);

// GB 11643 check character ('0'-'9' or 'X') for the first 17 digits of an
// ID number; '\0' if `first17` is not 17 ASCII digits.
char id_check_char(std::string_view first17);

// Luhn (mod 10) check over ASCII digits; false if empty or not all digits.
bool luhn_valid(std::string_view digits);

}  // namespace nianbao
