//! Word-level differences between two versions of a source text, to show a translator what
//! changed since a translation was marked up to date (`[-old-]{+new+}`, as `git diff
//! --word-diff` writes it).

use serde::Serialize;

/// One run of a difference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    /// `same`, `removed` or `added`.
    pub kind: &'static str,
    pub text: String,
}

/// Past this many token pairs, the changed middle is shown as removed and added whole
/// rather than compared word by word (the comparison is quadratic).
const MAX_CELLS: usize = 4_000_000;

/// Splits text into words, single punctuation marks, whitespace runs, and single ideographs
/// (which are written without spaces between words).
fn tokens(text: &str) -> Vec<&str> {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Word,
        Space,
        Single,
    }
    let class = |c: char| {
        if c.is_whitespace() {
            Class::Space
        } else if c.is_alphanumeric() && (c as u32) < 0x2E80 {
            Class::Word
        } else {
            Class::Single
        }
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut last: Option<Class> = None;
    for (i, c) in text.char_indices() {
        let k = class(c);
        if let Some(prev) = last
            && (prev != k || k == Class::Single)
        {
            out.push(&text[start..i]);
            start = i;
        }
        last = Some(k);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

fn push(parts: &mut Vec<Part>, kind: &'static str, text: &str) {
    if text.is_empty() {
        return;
    }
    match parts.last_mut() {
        Some(last) if last.kind == kind => last.text.push_str(text),
        _ => parts.push(Part {
            kind,
            text: text.to_string(),
        }),
    }
}

/// The differences from `old` to `new`, as runs of kept, removed and added text.
pub fn diff(old: &str, new: &str) -> Vec<Part> {
    let a = tokens(old);
    let b = tokens(new);
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (am, bm) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut parts = Vec::new();
    push(&mut parts, "same", &a[..prefix].concat());
    if am.len().saturating_mul(bm.len()) > MAX_CELLS {
        push(&mut parts, "removed", &am.concat());
        push(&mut parts, "added", &bm.concat());
    } else {
        // Longest common subsequence, walked from the start.
        let (n, m) = (am.len(), bm.len());
        let mut lcs = vec![0u32; (n + 1) * (m + 1)];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i * (m + 1) + j] = if am[i] == bm[j] {
                    lcs[(i + 1) * (m + 1) + j + 1] + 1
                } else {
                    lcs[(i + 1) * (m + 1) + j].max(lcs[i * (m + 1) + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && am[i] == bm[j] {
                push(&mut parts, "same", am[i]);
                i += 1;
                j += 1;
            } else if i < n && (j == m || lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1]) {
                push(&mut parts, "removed", am[i]);
                i += 1;
            } else {
                push(&mut parts, "added", bm[j]);
                j += 1;
            }
        }
    }
    push(&mut parts, "same", &a[a.len() - suffix..].concat());
    parts
}

/// Keeps at most `context` words of unchanged text around each change, with `…` for what is
/// left out (and nothing of unchanged text when there is no change at all).
pub fn shorten(parts: &[Part], context: usize) -> Vec<Part> {
    let is_word = |t: &str| t.chars().any(char::is_alphanumeric);
    let word_count = |t: &str| tokens(t).into_iter().filter(|w| is_word(w)).count();
    let first_words = |t: &str, n: usize| -> String {
        let mut out = String::new();
        let mut seen = 0;
        for tok in tokens(t) {
            if is_word(tok) {
                if seen == n {
                    break;
                }
                seen += 1;
            }
            out.push_str(tok);
        }
        out
    };
    let last_words = |t: &str, n: usize| -> String {
        let toks = tokens(t);
        let mut seen = 0;
        let mut start = toks.len();
        for (i, tok) in toks.iter().enumerate().rev() {
            if is_word(tok) {
                if seen == n {
                    break;
                }
                seen += 1;
            }
            start = i;
        }
        // Start at a word, not at the punctuation that ended the text left out.
        if let Some(first) = toks[start..].iter().position(|t| is_word(t)) {
            start += first;
        }
        toks[start..].concat()
    };
    let mut out = Vec::new();
    let count = parts.len();
    for (i, part) in parts.iter().enumerate() {
        if part.kind != "same" {
            out.push(part.clone());
            continue;
        }
        let (has_before, has_after) = (i > 0, i + 1 < count);
        let text = &part.text;
        let kept = match (has_before, has_after) {
            (false, false) => String::new(),
            (false, true) if word_count(text) > context => {
                format!("…{}", last_words(text, context).trim_start())
            }
            (true, false) if word_count(text) > context => {
                format!("{}…", first_words(text, context).trim_end())
            }
            (true, true) if word_count(text) > 2 * context => format!(
                "{} … {}",
                first_words(text, context).trim_end(),
                last_words(text, context).trim_start()
            ),
            _ => text.clone(),
        };
        out.push(Part {
            kind: "same",
            text: kept,
        });
    }
    out
}

/// One line: `…in [-three-]{+four+} languages.`, whitespace runs shown as one space, cut
/// after about `max` characters.
pub fn one_line(parts: &[Part], max: usize) -> String {
    let mut out = String::new();
    for part in parts {
        let text: String = part.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let text = if part.text.starts_with(char::is_whitespace) && !text.is_empty() {
            format!(" {text}")
        } else {
            text
        };
        let text = if part.text.ends_with(char::is_whitespace) && !text.trim().is_empty() {
            format!("{text} ")
        } else if text.trim().is_empty() && !part.text.is_empty() {
            " ".to_string()
        } else {
            text
        };
        match part.kind {
            "removed" => out.push_str(&format!("[-{text}-]")),
            "added" => out.push_str(&format!("{{+{text}+}}")),
            _ => out.push_str(&text),
        }
        if out.chars().count() > max {
            let cut: String = out.chars().take(max).collect();
            return format!("{cut}…");
        }
    }
    out.trim().to_string()
}

/// The short form shown in findings and `status`: a few words around each change, on one line.
pub fn summary(old: &str, new: &str) -> String {
    one_line(&shorten(&diff(old, new), 4), 240)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_compared_and_unchanged_text_is_cut_short() {
        assert_eq!(
            summary(
                "This site is available in several languages, for every visitor.",
                "This site is available in three languages, for every visitor."
            ),
            "…site is available in [-several-]{+three+} languages, for every visitor."
        );
        assert_eq!(summary("a b", "a b c"), "a b{+ c+}");
        assert_eq!(summary("same", "same"), "");
    }

    #[test]
    fn ideographs_are_words_of_their_own() {
        let parts = diff("支援方案", "支援計畫");
        assert_eq!(parts[0].text, "支援");
        assert_eq!(parts[1].kind, "removed");
    }

    #[test]
    fn a_long_page_is_diffed_without_quadratic_memory() {
        let old = "word ".repeat(5000);
        let new = format!("start {}", "other ".repeat(5000));
        let parts = diff(&old, &new);
        assert!(parts.iter().any(|p| p.kind == "removed"));
        assert!(parts.iter().any(|p| p.kind == "added"));
    }
}
