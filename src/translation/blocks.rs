//! A page as blocks — its title and description, then each heading, paragraph, list item,
//! table row and code block of its body — so that an outdated translation is told which
//! blocks of its source changed, where they are in the source, and where the translation
//! says the same.
//!
//! The certified source text is kept whole in the pages' lock file (see [`super::Lock`]);
//! both it and the current source are split here by the same rules, so comparing them needs
//! no record per block.
//!
//! Blocks of the certified source and of the current source are aligned as a word diff
//! aligns words (a longest common subsequence of equal blocks); between two equal blocks,
//! the removed and added blocks of the same kind are paired in order as *changed*, the rest
//! are removed or added. A block of the certified source corresponds to the block of the
//! translation that has the same kind and the same rank among the blocks of its kind (the
//! third list item to the third list item): the translation was made from that source, so
//! its structure follows it. An added block corresponds to the place after the translation
//! of the block before it.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::content::PageSource;

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Kind {
    Title,
    Description,
    Heading,
    Paragraph,
    Item,
    Row,
    Code,
    Html,
}

impl Kind {
    /// As a sentence names it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Kind::Title => "title",
            Kind::Description => "description",
            Kind::Heading => "heading",
            Kind::Paragraph => "paragraph",
            Kind::Item => "list item",
            Kind::Row => "table row",
            Kind::Code => "code block",
            Kind::Html => "HTML block",
        }
    }
}

/// One block of a page: its kind, its text as written (trailing blank space left out), and
/// its line in the file it was read from (1 for blocks of a text that is not a file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    pub(crate) kind: Kind,
    pub(crate) text: String,
    pub(crate) line: usize,
}

/// The blocks of a Markdown body: (kind, byte range), in the order they start.
pub(crate) fn body_ranges(body: &str) -> Vec<(Kind, Range<usize>)> {
    /// What a paragraph sits in: an item (whose text it is part of) or anything else.
    enum Open {
        /// An item: its start, and where its own text stops (a nested list or block).
        Item(usize, Option<usize>),
        Other,
    }
    let mut out: Vec<(Kind, Range<usize>)> = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let mut in_table = false;
    // A nested block ends the own text of the item it is in.
    fn cut(open: &mut [Open], at: usize) {
        if let Some(Open::Item(_, end @ None)) = open.last_mut() {
            *end = Some(at);
        }
    }
    for (event, range) in Parser::new_ext(body, crate::markdown::options()).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                let leaf = match &tag {
                    Tag::Heading { .. } => Some(Kind::Heading),
                    Tag::CodeBlock(_) => Some(Kind::Code),
                    Tag::HtmlBlock => Some(Kind::Html),
                    Tag::TableHead | Tag::TableRow => Some(Kind::Row),
                    Tag::Paragraph if !in_table && !matches!(open.last(), Some(Open::Item(..))) => {
                        Some(Kind::Paragraph)
                    }
                    _ => None,
                };
                if !matches!(tag, Tag::Paragraph) && tag_is_block(&tag) {
                    cut(&mut open, range.start);
                }
                if let Some(kind) = leaf {
                    out.push((kind, range.clone()));
                }
                match tag {
                    Tag::Item => open.push(Open::Item(range.start, None)),
                    Tag::Table(_) => in_table = true,
                    Tag::List(_) | Tag::BlockQuote(_) | Tag::FootnoteDefinition(_) => {
                        open.push(Open::Other)
                    }
                    _ => {}
                }
            }
            Event::End(TagEnd::Item) => {
                if let Some(Open::Item(start, end)) = open.pop() {
                    out.push((Kind::Item, start..end.unwrap_or(range.end)));
                }
            }
            Event::End(TagEnd::Table) => in_table = false,
            Event::End(TagEnd::List(_) | TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition) => {
                open.pop();
            }
            _ => {}
        }
    }
    out.sort_by_key(|(_, r)| r.start);
    out
}

/// Whether a tag opens a block (not an inline span).
fn tag_is_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::List(_)
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::Table(_)
            | Tag::DefinitionList
            | Tag::MetadataBlock(_)
    )
}

/// The blocks of a body, with lines counted from `first_line` (the body's first line).
fn body_blocks(body: &str, first_line: usize, out: &mut Vec<Block>) {
    let mut line = first_line;
    let mut at = 0;
    for (kind, range) in body_ranges(body) {
        // Blocks start in order, so lines are counted once over the body.
        line += body[at..range.start]
            .bytes()
            .filter(|b| *b == b'\n')
            .count();
        at = range.start;
        let text = body[range].trim_end();
        if text.is_empty() {
            continue;
        }
        out.push(Block {
            kind,
            text: text.to_string(),
            line,
        });
    }
}

/// The blocks of a page as it is on disk, with their lines in its file.
pub(crate) fn page_blocks(page: &PageSource) -> Vec<Block> {
    let mut out = Vec::new();
    let front = &page.source.text[..page.body_start.min(page.source.text.len())];
    let field_line = |name: &str| {
        front
            .lines()
            .position(|l| {
                l.strip_prefix(name)
                    .is_some_and(|rest| rest.starts_with(':'))
            })
            .map_or(1, |i| i + 1)
    };
    if !page.front.title.trim().is_empty() {
        out.push(Block {
            kind: Kind::Title,
            text: page.front.title.trim().to_string(),
            line: field_line("title"),
        });
    }
    if let Some(d) = page
        .front
        .description
        .as_deref()
        .filter(|d| !d.trim().is_empty())
    {
        out.push(Block {
            kind: Kind::Description,
            text: d.trim().to_string(),
            line: field_line("description"),
        });
    }
    body_blocks(page.body(), page.body_line + 1, &mut out);
    out
}

/// The blocks of a page's text as [`super::page_text`] makes it and the lock file keeps it
/// (title, description, body, a line each for the first two), lines counted in that text.
pub(crate) fn text_blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut rest = text;
    for (kind, line) in [(Kind::Title, 1), (Kind::Description, 2)] {
        let (field, after) = rest.split_once('\n').unwrap_or((rest, ""));
        if !field.trim().is_empty() {
            out.push(Block {
                kind,
                text: field.trim().to_string(),
                line,
            });
        }
        rest = after;
    }
    body_blocks(rest, 3, &mut out);
    out
}

/// How a block of the current source relates to the certified one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Certified block `.0` is current block `.1`, unchanged.
    Same(usize, usize),
    /// Certified block `.0` became current block `.1`.
    Changed(usize, usize),
    /// Certified block `.0` is no longer in the source.
    Removed(usize),
    /// Current block `.0` is new.
    Added(usize),
}

/// Past this many pairs of blocks, the changed middle of a page is not searched for blocks
/// that stayed (the search is quadratic): its blocks are paired in order.
const MAX_PAIRS: usize = 1_000_000;

/// The edits from `old` to `new`, in the order of the current source (a removed block where
/// it was).
pub(crate) fn align(old: &[Block], new: &[Block]) -> Vec<Edit> {
    let same = |a: &Block, b: &Block| a.kind == b.kind && a.text == b.text;
    let prefix = old.iter().zip(new).take_while(|(a, b)| same(a, b)).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| same(a, b))
        .count();
    let (n, m) = (old.len() - prefix - suffix, new.len() - prefix - suffix);
    // The blocks that stayed in the middle, as (old, new) pairs.
    let mut kept: Vec<(usize, usize)> = Vec::new();
    if n > 0 && m > 0 && n.saturating_mul(m) <= MAX_PAIRS {
        let (a, b) = (&old[prefix..prefix + n], &new[prefix..prefix + m]);
        let mut lcs = vec![0u32; (n + 1) * (m + 1)];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i * (m + 1) + j] = if same(&a[i], &b[j]) {
                    lcs[(i + 1) * (m + 1) + j + 1] + 1
                } else {
                    lcs[(i + 1) * (m + 1) + j].max(lcs[i * (m + 1) + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n && j < m {
            if same(&a[i], &b[j]) {
                kept.push((prefix + i, prefix + j));
                i += 1;
                j += 1;
            } else if lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1] {
                i += 1;
            } else {
                j += 1;
            }
        }
    }
    let mut edits: Vec<Edit> = (0..prefix).map(|i| Edit::Same(i, i)).collect();
    let (mut i, mut j) = (prefix, prefix);
    let anchors = kept
        .into_iter()
        .chain(std::iter::once((prefix + n, prefix + m)));
    for (ai, aj) in anchors {
        gap(old, new, i..ai, j..aj, &mut edits);
        if ai < prefix + n {
            edits.push(Edit::Same(ai, aj));
        }
        (i, j) = (ai + 1, aj + 1);
    }
    edits.extend((0..suffix).map(|k| Edit::Same(prefix + n + k, prefix + m + k)));
    edits
}

/// The edits of a stretch between two blocks that stayed: blocks of the same kind paired
/// in order as changed, the rest removed or added.
fn gap(old: &[Block], new: &[Block], a: Range<usize>, b: Range<usize>, edits: &mut Vec<Edit>) {
    // The added blocks of each kind, in order: each is looked at once whatever the stretch.
    let mut by_kind: std::collections::HashMap<Kind, std::collections::VecDeque<usize>> =
        std::collections::HashMap::new();
    for j in b.clone() {
        by_kind.entry(new[j].kind).or_default().push_back(j);
    }
    let mut next_new = b.start;
    for i in a {
        let found = by_kind.get_mut(&old[i].kind).and_then(|queue| {
            while queue.front().is_some_and(|&j| j < next_new) {
                queue.pop_front();
            }
            queue.pop_front()
        });
        match found {
            Some(j) => {
                edits.extend((next_new..j).map(Edit::Added));
                edits.push(Edit::Changed(i, j));
                next_new = j + 1;
            }
            None => edits.push(Edit::Removed(i)),
        }
    }
    edits.extend((next_new..b.end).map(Edit::Added));
}

/// For each block of `old`, the index of the block of `translation` with the same kind and
/// the same rank among the blocks of its kind, if the translation has one.
pub(crate) fn correspond(old: &[Block], translation: &[Block]) -> Vec<Option<usize>> {
    use std::collections::HashMap;
    let mut by_kind: HashMap<Kind, Vec<usize>> = HashMap::new();
    for (i, b) in translation.iter().enumerate() {
        by_kind.entry(b.kind).or_default().push(i);
    }
    let mut rank: HashMap<Kind, usize> = HashMap::new();
    old.iter()
        .map(|b| {
            let r = rank.entry(b.kind).or_default();
            let found = by_kind.get(&b.kind).and_then(|v| v.get(*r)).copied();
            *r += 1;
            found
        })
        .collect()
}

/// Whether a block has words a translation would change: its text with code spans, link
/// addresses, URLs, paths, identifiers and `kept` names (terms written the same in every
/// language) left out still has two words of two letters or more that are not names (a
/// capitalized word is taken for a name unless it starts a sentence). A row of figures, a
/// command, a heading that names an option or a product, a link to a product's site have none:
/// a translation keeps them as they are.
pub(crate) fn has_words_to_translate(text: &str, kept: &[String]) -> bool {
    let mut visible = String::with_capacity(text.len());
    let mut rest = text;
    // Code spans and link addresses out.
    while let Some(i) = rest.find(['`', ']']) {
        visible.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        if rest.as_bytes()[i] == b'`' {
            rest = after.find('`').map_or("", |end| &after[end + 1..]);
        } else if let Some(target) = after.strip_prefix('(') {
            rest = target.find(')').map_or("", |end| &target[end + 1..]);
        } else {
            rest = after;
        }
    }
    visible.push_str(rest);
    for name in kept.iter().filter(|n| !n.is_empty()) {
        visible = replace_ignoring_case(&visible, name);
    }
    let mut words = 0;
    let mut sentence_start = true;
    for chunk in visible.split_whitespace() {
        let identifier = chunk.contains("://")
            || chunk.starts_with("www.")
            || chunk.contains(['/', '\\', '@', '_', '='])
            || chunk
                .trim_end_matches(['.', ',', ':', ';', '!', '?', ')', '*'])
                .contains('.');
        if !identifier {
            for word in chunk.split(|c: char| !c.is_alphabetic()) {
                if word.chars().count() < 2 {
                    continue;
                }
                let name = word.chars().next().is_some_and(char::is_uppercase) && !sentence_start;
                if !name {
                    words += 1;
                    if words >= 2 {
                        return true;
                    }
                }
                sentence_start = false;
            }
        }
        if chunk.ends_with(['.', ':', '!', '?']) {
            sentence_start = true;
        }
    }
    false
}

/// `text` with every occurrence of `name` (ASCII letters matched whatever their case) made a
/// space.
fn replace_ignoring_case(text: &str, name: &str) -> String {
    if !text.is_ascii() || !name.is_ascii() {
        return text.replace(name, " ");
    }
    let (hay, needle) = (text.to_ascii_lowercase(), name.to_ascii_lowercase());
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while let Some(found) = hay[at..].find(&needle) {
        out.push_str(&text[at..at + found]);
        out.push(' ');
        at += found + needle.len();
    }
    out.push_str(&text[at..]);
    out
}

/// The blocks of `translation` that are a block of `source` as it is (same kind, same text)
/// with words to translate: copied, not translated. Code and HTML blocks are left out.
pub(crate) fn identical_blocks<'t>(
    source: &[Block],
    translation: &'t [Block],
    kept: &[String],
) -> Vec<&'t Block> {
    let texts: std::collections::HashSet<(Kind, &str)> =
        source.iter().map(|b| (b.kind, b.text.as_str())).collect();
    translation
        .iter()
        .filter(|b| !matches!(b.kind, Kind::Code | Kind::Html))
        .filter(|b| texts.contains(&(b.kind, b.text.as_str())))
        .filter(|b| has_words_to_translate(&b.text, kept))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(body: &str) -> Vec<(Kind, &str)> {
        body_ranges(body)
            .into_iter()
            .map(|(k, r)| (k, body[r].trim_end()))
            .collect()
    }

    #[test]
    fn a_body_is_split_into_headings_paragraphs_items_rows_and_code() {
        let body = "## Hours\n\nWe open at nine.\nAnd close at five.\n\n- one\n- two\n  - nested\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n\n> quoted\n";
        assert_eq!(
            kinds(body),
            vec![
                (Kind::Heading, "## Hours"),
                (Kind::Paragraph, "We open at nine.\nAnd close at five."),
                (Kind::Item, "- one"),
                (Kind::Item, "- two"),
                (Kind::Item, "- nested"),
                (Kind::Row, "| a | b |"),
                (Kind::Row, "| 1 | 2 |"),
                (Kind::Code, "```\ncode\n```"),
                (Kind::Paragraph, "quoted"),
            ]
        );
    }

    #[test]
    fn a_rewritten_paragraph_is_changed_and_a_new_item_added() {
        let old = text_blocks("T\n\nIntro.\n\nFirst para.\n\n- a\n- b\n");
        let new = text_blocks("T\n\nIntro.\n\nFirst paragraph, rewritten.\n\n- a\n- new\n- b\n");
        let edits = align(&old, &new);
        assert_eq!(
            edits,
            vec![
                Edit::Same(0, 0),
                Edit::Same(1, 1),
                Edit::Changed(2, 2),
                Edit::Same(3, 3),
                Edit::Added(4),
                Edit::Same(4, 5),
            ]
        );
        assert_eq!(new[2].line, 5);
        assert_eq!(new[4].line, 8);
    }

    #[test]
    fn figures_commands_links_and_names_are_not_words_to_translate() {
        let kept = vec!["Experience League".to_string()];
        assert!(!has_words_to_translate("| P1 | 24x7 | 15 |", &kept));
        assert!(!has_words_to_translate("`hexo server --port 5000`", &kept));
        assert!(!has_words_to_translate(
            "[Experience League](https://example.com/x)",
            &kept
        ));
        assert!(!has_words_to_translate("https://hexo.io/docs/", &kept));
        assert!(has_words_to_translate("Open a case in the portal.", &kept));
        assert!(has_words_to_translate("## Main navigation", &kept));
        for name in [
            "## Git",
            "### line_number",
            "**JSON**",
            "GitHub Pages",
            "- [GitHub Pages](https://docs.github.com/en/pages)",
            "- Linux (Fedora, Red Hat, CentOS): `sudo yum install git-core`",
            "| `:year-:month-:day-:title.html` | 2013-07-14-hello-world.html |",
            "Guides",
        ] {
            assert!(!has_words_to_translate(name, &kept), "{name}");
        }
        let source = text_blocks("T\n\nSame words here.\n\n```\ncode\n```\n");
        let translation = text_blocks("T'\n\nSame words here.\n\n```\ncode\n```\n");
        let copied: Vec<&str> = identical_blocks(&source, &translation, &[])
            .iter()
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(copied, vec!["Same words here."]);
    }

    #[test]
    fn translation_blocks_correspond_by_kind_and_rank() {
        let old = text_blocks("T\n\nP1\n\n- a\n- b\n");
        let tr = text_blocks("T'\n\nP1'\n\nP1b'\n\n- a'\n- b'\n");
        assert_eq!(
            correspond(&old, &tr),
            vec![Some(0), Some(1), Some(3), Some(4)]
        );
    }

    #[test]
    fn blocks_of_other_kinds_cost_no_quadratic_pairing() {
        let old: String = (0..50_000).map(|i| format!("p{i}\n\n")).collect();
        let new: String = (0..50_000).map(|i| format!("- i{i}\n")).collect();
        let (a, b) = (
            text_blocks(&format!("T\n\n{old}")),
            text_blocks(&format!("T\n\n{new}")),
        );
        let edits = align(&a, &b);
        assert_eq!(
            edits
                .iter()
                .filter(|e| matches!(e, Edit::Removed(_)))
                .count(),
            50_000
        );
        assert_eq!(
            edits.iter().filter(|e| matches!(e, Edit::Added(_))).count(),
            50_000
        );
    }

    #[test]
    fn fifty_thousand_blocks_cost_no_quadratic_search() {
        let old: String = (0..50_000).map(|i| format!("p{i}\n\n")).collect();
        let new: String = (0..50_000).map(|i| format!("q{i}\n\n")).collect();
        let (a, b) = (
            text_blocks(&format!("T\n\n{old}")),
            text_blocks(&format!("T\n\n{new}")),
        );
        let edits = align(&a, &b);
        assert_eq!(
            edits
                .iter()
                .filter(|e| matches!(e, Edit::Changed(..)))
                .count(),
            50_000
        );
    }
}
