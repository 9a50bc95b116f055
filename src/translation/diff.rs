//! Word-level differences between two versions of a source text, to show a translator what
//! changed since a translation was marked up to date (`[-old-]{+new+}`, as `git diff
//! --word-diff` writes it).

use serde::Serialize;

/// One run of a difference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Part {
    /// `same`, `removed` or `added`.
    pub(crate) kind: &'static str,
    pub(crate) text: String,
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
pub(crate) fn diff(old: &str, new: &str) -> Vec<Part> {
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
    coalesce(parts)
}

/// Reads changes as phrases: a run of changes separated only by spaces becomes one removed
/// and one added part (`[-get attention-]{+reach an engineer+}`, not four parts with the
/// spaces kept between them).
fn coalesce(parts: Vec<Part>) -> Vec<Part> {
    let mut out: Vec<Part> = Vec::new();
    let mut removed = String::new();
    let mut added = String::new();
    let mut pending = String::new();
    let mut in_run = false;
    // The spaces both sides start or end with are kept, not changed.
    let flush = |out: &mut Vec<Part>, removed: &mut String, added: &mut String| {
        let common = |a: &str, b: &str, from_end: bool| -> usize {
            let pairs: Vec<(char, char)> = if from_end {
                a.chars().rev().zip(b.chars().rev()).collect()
            } else {
                a.chars().zip(b.chars()).collect()
            };
            pairs
                .iter()
                .take_while(|(x, y)| x == y && x.is_whitespace())
                .map(|(x, _)| x.len_utf8())
                .sum()
        };
        let head = common(removed, added, false);
        let tail = common(&removed[head..], &added[head..], true);
        push(out, "same", &removed[..head]);
        push(out, "removed", &removed[head..removed.len() - tail]);
        push(out, "added", &added[head..added.len() - tail]);
        push(out, "same", &removed[removed.len() - tail..]);
        removed.clear();
        added.clear();
    };
    for (i, part) in parts.iter().enumerate() {
        match part.kind {
            "same"
                if in_run
                    && part.text.chars().all(char::is_whitespace)
                    && parts.get(i + 1).is_some_and(|p| p.kind != "same") =>
            {
                pending.push_str(&part.text);
            }
            "same" => {
                flush(&mut out, &mut removed, &mut added);
                in_run = false;
                push(&mut out, "same", &part.text);
            }
            kind => {
                if !pending.is_empty() {
                    removed.push_str(&pending);
                    added.push_str(&pending);
                    pending.clear();
                }
                in_run = true;
                if kind == "removed" {
                    removed.push_str(&part.text);
                } else {
                    added.push_str(&part.text);
                }
            }
        }
    }
    flush(&mut out, &mut removed, &mut added);
    out
}

/// Keeps at most `context` words of unchanged text around each change, with `…` for what is
/// left out (and nothing of unchanged text when there is no change at all).
pub(crate) fn shorten(parts: &[Part], context: usize) -> Vec<Part> {
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

/// One line: `…in [-three-]{+four+} languages.`, whitespace runs shown as one space. Past
/// about `max` characters it stops at the end of a word, closes the run it is in and says
/// `…`: a word is never cut.
pub(crate) fn one_line(parts: &[Part], max: usize) -> String {
    let mut out = String::new();
    let mut length = 0;
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
        let (open, close) = match part.kind {
            "removed" => ("[-", "-]"),
            "added" => ("{+", "+}"),
            _ => ("", ""),
        };
        let count = text.chars().count();
        if length + count > max {
            let room = max.saturating_sub(length);
            let kept = whole_words(&text, room);
            if !kept.trim().is_empty() {
                out.push_str(open);
                out.push_str(kept.trim_end());
                out.push_str(" …");
                out.push_str(close);
            } else {
                out.push_str(" …");
            }
            return out.trim().to_string();
        }
        length += count;
        out.push_str(open);
        out.push_str(&text);
        out.push_str(close);
    }
    out.trim().to_string()
}

/// The longest start of `text` of at most `room` characters that ends at the end of a word
/// (or of an ideograph, which is a word of its own).
fn whole_words(text: &str, room: usize) -> &str {
    let mut end = 0;
    for token in tokens(text) {
        let next = end + token.len();
        if text[..next].chars().count() > room {
            break;
        }
        end = next;
    }
    &text[..end]
}

/// The short form shown in findings and `status`: a few words around each change, on one line.
pub(crate) fn summary(old: &str, new: &str) -> String {
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
    fn a_long_line_stops_at_the_end_of_a_word_and_closes_its_run() {
        let line = summary(
            "It opens at nine.",
            "It opens at nine, which suits everyone in every region we serve today.",
        );
        assert_eq!(
            line,
            "It opens at nine{+, which suits everyone in every region we serve today+}."
        );
        let parts = diff(
            "the old words",
            "which are the new words of a much longer sentence",
        );
        let cut = one_line(&parts, 20);
        assert!(
            cut.ends_with(" …+}") || cut.ends_with(" …-]") || cut.ends_with('…'),
            "{cut}"
        );
        assert!(!cut.contains("whic…"), "{cut}");
    }

    #[test]
    fn changes_a_space_apart_read_as_one_phrase() {
        assert_eq!(
            summary(
                "helps problems get attention first.",
                "helps problems reach an engineer first."
            ),
            "helps problems [-get attention-]{+reach an engineer+} first."
        );
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
