//! JSON strings written as serde_json writes them, eight bytes at a time: every page's result
//! fragment (its title and up to 3 000 bytes of its text) is written as JSON while it renders,
//! and serde_json looks at each byte in turn.
//!
//! Measured (optimized build, one core): the 10 000 fragments of a generated site (`gen_site.py
//! --layout neutral`, its 633 pages' fragments repeated; 31.5 MB of JSON) take 11.1 ms written
//! with [`push_string`] as `search::fragment` does, 25.8 ms with a derived `Serialize` and
//! `serde_json::to_string` (2.3 times as long), for the same bytes. The difference, 1.5 µs a
//! page, is about 0.3 % of the CPU time of a build of such pages (0.3 s for 633): what keeps
//! this writer is that the fragment is written for every page of every build and serve rebuild.
//! Everything else polydocs writes as JSON goes through serde_json.

/// Appends `text` to `out` as a JSON string, quotes included, escaped as serde_json escapes:
/// `"` and `\` with a backslash, the control characters that have a short escape with it
/// (`\b \f \n \r \t`), the others as `\u00XX`, and nothing else.
pub(crate) fn push_string(out: &mut String, text: &str) {
    out.reserve(text.len() + 2);
    out.push('"');
    let bytes = text.as_bytes();
    // Where the text not yet copied begins.
    let mut from = 0;
    let mut at = 0;
    while at < bytes.len() {
        if let Some(chunk) = bytes[at..].first_chunk::<8>()
            && !any_to_escape(u64::from_le_bytes(*chunk))
        {
            at += 8;
            continue;
        }
        let byte = bytes[at];
        let short = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            0x0c => "\\f",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..0x20 => "",
            _ => {
                at += 1;
                continue;
            }
        };
        // An ASCII byte: the text is cut between two characters.
        out.push_str(&text[from..at]);
        if short.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        } else {
            out.push_str(short);
        }
        at += 1;
        from = at;
    }
    out.push_str(&text[from..]);
    out.push('"');
}

/// Whether any of eight bytes is a control character, `"` or `\` (the classic tests for a
/// zero byte and a byte below a bound; a byte past ASCII is never one of them).
fn any_to_escape(word: u64) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let below = |bound: u8| word.wrapping_sub(ONES * u64::from(bound)) & !word & HIGH;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    below(0x20) | zero(word ^ (ONES * u64::from(b'"'))) | zero(word ^ (ONES * u64::from(b'\\')))
        != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(text: &str) -> String {
        let mut out = String::new();
        push_string(&mut out, text);
        out
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        for text in [
            "",
            "plain text of more than eight bytes",
            "\"quoted\" and back\\slashed",
            "tab\there, line\nthere, \r\u{8}\u{c}\u{1}\u{1f}\u{7f}",
            "支援服務「SLA」\u{0}é",
        ] {
            assert_eq!(json(text), serde_json::to_string(text).unwrap(), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_string_is_escaped_as_serde_json_escapes_it(text in "(?s).{0,40}") {
            proptest::prop_assert_eq!(json(&text), serde_json::to_string(&text).unwrap());
        }

        #[test]
        fn eight_bytes_need_escaping_when_one_does(bytes in proptest::array::uniform8(0u8..=255)) {
            let expected = bytes.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
            proptest::prop_assert_eq!(any_to_escape(u64::from_le_bytes(bytes)), expected);
        }
    }
}
