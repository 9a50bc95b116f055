//! Turns a page rendered with marked messages into HTML the in-page editor can use.
//!
//! When `serve --translate` renders, every formatted Fluent message is wrapped in private-use
//! characters ([`mark`]) and each Markdown block is preceded by a block mark, which
//! [`annotate`] reads as a `<!--pd-block:N-->` comment (see [`crate::marks`]). Markers
//! cost nothing to carry through templates and Markdown, but only the finished page tells
//! where each one landed: in text (wrapped in a `<span data-pd-m>`), in an attribute value
//! (named by `data-pd-attr` on the element), or where no span may go, such as a `<title>` or
//! an `<option>` (named by `data-pd-text` on the element). [`annotate`] reads the page once,
//! front to back, and keeps the nesting well formed whatever the markers do: a span never
//! crosses an element's boundary, and no marker is left behind.
//!
//! The scan follows the HTML tokenizer far enough to know text from tags, comments and raw
//! text (`<script>`, `<style>`, `<title>`, `<textarea>`), and keeps a stack of open elements
//! with the end tags HTML implies (`<li>` after `<li>`, a block after `<p>`), so that it knows
//! where a span must end. Everything it has no reason to touch is copied byte for byte.

use std::borrow::Cow;
use std::ops::Range;

use memchr::{memchr, memchr2, memmem};

use crate::escape;

pub use crate::marks::{CLOSE, NAME_END, OPEN, mark, message_ids};

/// `text` with every marker removed (the IDs between OPEN and NAME_END too): for outputs that
/// are not HTML pages (JSON search index, sitemap, feeds) and for places where nothing can be
/// annotated. Borrowed when there is no marker (the common case must not allocate).
pub(crate) fn strip(text: &str) -> Cow<'_, str> {
    if !has_marker(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    let mut stripped = String::with_capacity(text.len());
    strip_into(text, "", &mut stripped, &mut |_| {});
    Cow::Owned(stripped)
}

/// Where a marked message was found on a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Place {
    /// In text content, now inside a `<span data-pd-m>`.
    Text,
    /// In the value of this attribute (lowercase), named by the element's `data-pd-attr`.
    Attribute(String),
    /// Where a span may not go (`<title>`, `<option>`, `<head>`, `<script>`, SVG…), named by
    /// the element's `data-pd-text` (except in `<script>` and `<style>`).
    Hidden,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) id: String,
    pub(crate) place: Place,
}

/// A rendered page with markers → the page with data attributes, and every message found in
/// document order (a message found twice is listed twice).
pub(crate) fn annotate(html: &str) -> (String, Vec<Found>) {
    let html = block_comments(html);
    if !has_marker(html.as_bytes()) && memmem::find(html.as_bytes(), BLOCK_OPEN).is_none() {
        return (html.into_owned(), Vec::new());
    }
    Annotator::new(&html).run()
}

/// The block marks of a page ([`crate::marks::block`]) as `<!--pd-block:N-->`
/// comments. Marks, not comments, are what the Markdown renderer writes: a page with raw
/// HTML goes through the sanitizer, which removes comments. A mark that does not hold a
/// number is dropped.
fn block_comments(html: &str) -> Cow<'_, str> {
    use crate::marks::{BLOCK, BLOCK_END};
    if !html.contains(BLOCK) {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(at) = rest.find(BLOCK) {
        out.push_str(&rest[..at]);
        let after = &rest[at + BLOCK.len_utf8()..];
        let Some(end) = after.find(BLOCK_END) else {
            rest = after;
            continue;
        };
        let number = &after[..end];
        if !number.is_empty() && number.len() <= 20 && number.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str("<!--pd-block:");
            out.push_str(number);
            out.push_str("-->");
        }
        rest = &after[end + BLOCK_END.len_utf8()..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Each marker is one private-use character: three bytes in UTF-8, the first two shared.
const MARKER_LEN: usize = 3;
const MARKER_LEAD: u8 = 0xEE;
/// The comment that precedes a Markdown block, up to its number.
const BLOCK_OPEN: &[u8] = b"<!--pd-block:";
const BLOCK_PREFIX: &str = "pd-block:";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Open,
    NameEnd,
    Close,
}

fn marker_at(bytes: &[u8], at: usize) -> Option<Marker> {
    match bytes.get(at..at + MARKER_LEN)? {
        [0xEE, 0x80, 0x90] => Some(Marker::Open),
        [0xEE, 0x80, 0x91] => Some(Marker::NameEnd),
        [0xEE, 0x80, 0x92] => Some(Marker::Close),
        _ => None,
    }
}

/// The first marker at or after `from`. Other private-use characters share the lead byte, so
/// each candidate is checked.
fn next_marker(bytes: &[u8], from: usize) -> Option<(usize, Marker)> {
    let mut at = from;
    while let Some(offset) = memchr(MARKER_LEAD, &bytes[at..]) {
        let lead = at + offset;
        if let Some(marker) = marker_at(bytes, lead) {
            return Some((lead, marker));
        }
        at = lead + 1;
    }
    None
}

fn has_marker(bytes: &[u8]) -> bool {
    next_marker(bytes, 0).is_some()
}

fn is_id_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-'
}

/// The message ID after the OPEN at `at`, and where the message's text starts; `None` when the
/// ID is empty, holds another character, or has no NAME_END.
fn message_id(text: &str, at: usize) -> Option<(&str, usize)> {
    let bytes = text.as_bytes();
    let start = at + MARKER_LEN;
    let length = bytes[start..]
        .iter()
        .take_while(|&&b| is_id_byte(b))
        .count();
    let end = start + length;
    (length > 0 && marker_at(bytes, end) == Some(Marker::NameEnd))
        .then(|| (&text[start..end], end + MARKER_LEN))
}

/// Writes `text` without its markers, `gap` in the place of each, and passes each well-formed
/// message ID to `found`. A malformed OPEN loses only itself: its text stays.
fn strip_into<'a>(text: &'a str, gap: &str, out: &mut String, found: &mut dyn FnMut(&'a str)) {
    let bytes = text.as_bytes();
    let mut copied = 0;
    while let Some((at, marker)) = next_marker(bytes, copied) {
        out.push_str(&text[copied..at]);
        out.push_str(gap);
        copied = match marker {
            Marker::Open => match message_id(text, at) {
                Some((id, text_start)) => {
                    found(id);
                    text_start
                }
                None => at + MARKER_LEN,
            },
            Marker::NameEnd | Marker::Close => at + MARKER_LEN,
        };
    }
    out.push_str(&text[copied..]);
}

/// Writes `text` with each marker replaced by a space: for places where removing it could
/// join what it separated into markup (`<!-` and `-` into a comment, `</scr` and `ipt>` into
/// an end tag). Only hostile input puts markers there.
fn write_gapped(text: &str, out: &mut String) {
    if has_marker(text.as_bytes()) {
        strip_into(text, " ", out, &mut |_| {});
    } else {
        out.push_str(text);
    }
}

fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0C)
}

fn is_one_of(name: &str, names: &[&str]) -> bool {
    names.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// Elements without content or end tag.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];
/// Elements whose content is text up to their end tag, whatever it looks like.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];
/// Raw text that is code: its messages are recorded, but the element is not named.
const CODE: &[&str] = &["script", "style"];
/// Elements allowed in `<head>`.
const HEAD_CONTENT: &[&str] = &[
    "base", "basefont", "bgsound", "link", "meta", "noframes", "noscript", "script", "style",
    "template", "title",
];
/// Elements in which a span is not allowed, or would not be shown as text.
const NO_SPAN: &[&str] = &["head", "select", "datalist", "optgroup", "option"];
/// Foreign content: an HTML span there would break out of it.
const FOREIGN: &[&str] = &["svg", "math"];
/// Start tags that end an open `<p>`.
const ENDS_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "search",
    "section",
    "table",
    "ul",
];

/// Whether the start tag `name` ends the open element `open` without an end tag.
fn implies_end(name: &str, open: &str) -> bool {
    let name_is = |names: &[&str]| is_one_of(name, names);
    let open_is = |names: &[&str]| is_one_of(open, names);
    (open_is(&["p"]) && name_is(ENDS_P))
        || (name_is(&["li"]) && open_is(&["li"]))
        || (name_is(&["dt", "dd"]) && open_is(&["dt", "dd"]))
        || (name_is(&["option"]) && open_is(&["option"]))
        || (name_is(&["optgroup"]) && open_is(&["option", "optgroup"]))
        || (name_is(&["td", "th"]) && open_is(&["td", "th"]))
        || (name_is(&["tr"]) && open_is(&["td", "th", "tr"]))
}

/// A tag as the tokenizer reads it, from its `<`.
struct TagScan {
    /// End of the tag name.
    name_end: usize,
    /// Where attributes can be added: at the `>`, or at the `/` of `/>`.
    close_at: usize,
    /// Just after the `>`.
    end: usize,
    self_closing: bool,
    /// False when the input ends inside the tag.
    terminated: bool,
}

/// An attribute whose name or value holds a marker.
#[derive(Clone)]
struct MarkedAttr {
    name: Range<usize>,
    value: Option<Range<usize>>,
    quoted: bool,
}

/// Reads the tag starting at `at` (start or end tag), and lists in `marked` its attributes
/// that hold markers. Quoted values may hold `>`.
fn scan_tag(bytes: &[u8], at: usize, marked: &mut Vec<MarkedAttr>) -> TagScan {
    marked.clear();
    let len = bytes.len();
    let mut i = at + 1;
    if bytes.get(i) == Some(&b'/') {
        i += 1;
    }
    while i < len && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>') {
        i += 1;
    }
    let name_end = i;
    let closed = |close_at, end, self_closing| TagScan {
        name_end,
        close_at,
        end,
        self_closing,
        terminated: true,
    };
    loop {
        i = skip_spaces(bytes, i);
        match bytes.get(i) {
            None => {
                return TagScan {
                    name_end,
                    close_at: len,
                    end: len,
                    self_closing: false,
                    terminated: false,
                };
            }
            Some(b'>') => return closed(i, i + 1, false),
            Some(b'/') if bytes.get(i + 1) == Some(&b'>') => return closed(i, i + 2, true),
            Some(b'/') => {
                i += 1;
                continue;
            }
            Some(_) => {}
        }
        let attribute;
        (attribute, i) = scan_attribute(bytes, i);
        let value_marked = attribute
            .value
            .as_ref()
            .is_some_and(|v| has_marker(&bytes[v.clone()]));
        if value_marked || has_marker(&bytes[attribute.name.clone()]) {
            marked.push(attribute);
        }
    }
}

/// The first byte at or after `i` that is not a space (or the end).
fn skip_spaces(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && is_space(bytes[i]) {
        i += 1;
    }
    i
}

/// Reads the attribute whose name starts at `i`: its name and value, and where the scan
/// goes on. Its value may be quoted (and hold `>`), bare, or absent.
fn scan_attribute(bytes: &[u8], mut i: usize) -> (MarkedAttr, usize) {
    let len = bytes.len();
    let name_start = i;
    i += 1;
    while i < len && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
        i += 1;
    }
    let name = name_start..i;
    i = skip_spaces(bytes, i);
    let mut value = None;
    let mut quoted = false;
    if bytes.get(i) == Some(&b'=') {
        i = skip_spaces(bytes, i + 1);
        match bytes.get(i) {
            Some(&quote @ (b'"' | b'\'')) => {
                let start = i + 1;
                let end = memchr(quote, &bytes[start..]).map_or(len, |o| start + o);
                value = Some(start..end);
                quoted = true;
                i = (end + 1).min(len);
            }
            None | Some(b'>') => {}
            Some(_) => {
                let start = i;
                while i < len && !is_space(bytes[i]) && bytes[i] != b'>' {
                    i += 1;
                }
                value = Some(start..i);
            }
        }
    }
    let attribute = MarkedAttr {
        name,
        value,
        quoted,
    };
    (attribute, i)
}

/// Where the end tag of raw text element `name` starts, from `from`: `</name` followed by a
/// space, `/` or `>`, in any case.
fn raw_text_end(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let name = name.as_bytes();
    memmem::find_iter(&bytes[from..], b"</")
        .map(|offset| from + offset)
        .find(|&at| {
            let name_start = at + 2;
            let after = name_start + name.len();
            bytes
                .get(name_start..after)
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
                && bytes
                    .get(after)
                    .is_some_and(|&b| is_space(b) || b == b'/' || b == b'>')
        })
}

/// The end of the comment whose content starts at `from`: where the content ends and where the
/// comment does, or `None` if the input ends first.
fn comment_end(bytes: &[u8], from: usize) -> Option<(usize, usize)> {
    match &bytes[from..] {
        [b'>', ..] => return Some((from, from + 1)),
        [b'-', b'>', ..] => return Some((from, from + 2)),
        _ => {}
    }
    memmem::find_iter(&bytes[from..], b"--")
        .map(|offset| from + offset)
        .find_map(|at| match &bytes[at + 2..] {
            [b'>', ..] => Some((at, at + 3)),
            [b'!', b'>', ..] => Some((at, at + 4)),
            _ => None,
        })
}

/// Whether comment content, markers removed, would end its comment early.
fn ends_comment(content: &str) -> bool {
    content.starts_with('>')
        || content.starts_with("->")
        || content.contains("-->")
        || content.contains("--!>")
}

/// The number of a `<!--pd-block:N-->` comment's content.
fn block_number(content: &str) -> Option<&str> {
    let number = content.strip_prefix(BLOCK_PREFIX)?;
    (!number.is_empty() && number.len() <= 20 && number.bytes().all(|b| b.is_ascii_digit()))
        .then_some(number)
}

/// An element open at the current point of the page.
struct Element<'a> {
    name: &'a str,
    /// Where in the output its start tag can take an attribute (before its `>`).
    attrs_end: usize,
    foreign: bool,
    /// A span may not go inside: messages here are named by `data-pd-text`.
    no_span: bool,
    /// The IDs of the messages found hidden in it, space-separated.
    hidden: String,
}

/// A `<span data-pd-m>` written and not yet closed.
struct Span {
    serial: u32,
    /// The number of open elements when it was opened: it must close before the last of them.
    depth: usize,
    /// Its CLOSE came inside a deeper element: it closes when that element ends.
    pending: bool,
}

struct Annotator<'a> {
    html: &'a str,
    bytes: &'a [u8],
    out: String,
    found: Vec<Found>,
    elements: Vec<Element<'a>>,
    /// The markers' own nesting: one entry per OPEN whose CLOSE has not come, with the serial
    /// of the span it opened (`None` when it opened none).
    markers: Vec<Option<u32>>,
    spans: Vec<Span>,
    next_serial: u32,
    /// The number of the last `<!--pd-block:N-->`, for the next start tag.
    block: Option<&'a str>,
    /// Attributes added to start tags already written: (output position, text).
    insertions: Vec<(usize, String)>,
    /// Reused by each tag's scan.
    marked_attrs: Vec<MarkedAttr>,
}

impl<'a> Annotator<'a> {
    fn new(html: &'a str) -> Self {
        Annotator {
            html,
            bytes: html.as_bytes(),
            out: String::with_capacity(html.len() + html.len() / 8),
            found: Vec::new(),
            elements: Vec::new(),
            markers: Vec::new(),
            spans: Vec::new(),
            next_serial: 0,
            block: None,
            insertions: Vec::new(),
            marked_attrs: Vec::new(),
        }
    }

    fn run(mut self) -> (String, Vec<Found>) {
        let mut at = 0;
        let mut copied = 0;
        while let Some(offset) = memchr2(b'<', MARKER_LEAD, &self.bytes[at..]) {
            let special = at + offset;
            if self.bytes[special] == b'<' {
                self.out.push_str(&self.html[copied..special]);
                at = self.markup(special);
                copied = at;
            } else if let Some(marker) = marker_at(self.bytes, special) {
                self.out.push_str(&self.html[copied..special]);
                at = self.text_marker(special, marker);
                copied = at;
            } else {
                at = special + 1;
            }
        }
        self.out.push_str(&self.html[copied..]);
        self.finish()
    }

    /// Handles what starts with the `<` at `at`; returns where text resumes.
    fn markup(&mut self, at: usize) -> usize {
        let rest = &self.bytes[at..];
        match rest.get(1) {
            Some(b'!') if rest.starts_with(b"<!--") => self.comment(at),
            Some(b'!') if rest.starts_with(b"<![CDATA[") && self.in_foreign() => {
                self.bogus(at, b"]]>")
            }
            Some(b'!' | b'?') => self.bogus(at, b">"),
            Some(b'/') if rest.get(2).is_some_and(u8::is_ascii_alphabetic) => self.end_tag(at),
            Some(b'/') => self.bogus(at, b">"),
            Some(c) if c.is_ascii_alphabetic() => self.start_tag(at),
            _ => self.text_less_than(at),
        }
    }

    /// A `<` that is text. Escaped when a marker follows, lest removing it make a tag.
    fn text_less_than(&mut self, at: usize) -> usize {
        let escape = marker_at(self.bytes, at + 1).is_some();
        self.out.push_str(if escape { "&lt;" } else { "<" });
        at + 1
    }

    /// A tag whose name holds a marker: removing it would make another tag (`<scr` and
    /// `ipt>`), so the `<` is text and the markers are read as in text.
    fn tag_as_text(&mut self, at: usize) -> usize {
        self.out.push_str("&lt;");
        at + 1
    }

    /// A doctype, processing instruction, CDATA section or bogus comment, up to `terminator`.
    fn bogus(&mut self, at: usize, terminator: &[u8]) -> usize {
        let end = memmem::find(&self.bytes[at + 2..], terminator)
            .map_or(self.bytes.len(), |o| at + 2 + o + terminator.len());
        write_gapped(&self.html[at..end], &mut self.out);
        end
    }

    fn comment(&mut self, at: usize) -> usize {
        let content_start = at + 4;
        let (content_end, end) =
            comment_end(self.bytes, content_start).unwrap_or((self.bytes.len(), self.bytes.len()));
        let content = &self.html[content_start..content_end];
        // Only a closed comment: one cut off by the end of the input is no block's.
        if end > content_end
            && let Some(number) = block_number(content)
        {
            self.block = Some(number);
            return end;
        }
        if !has_marker(content.as_bytes()) {
            self.out.push_str(&self.html[at..end]);
            return end;
        }
        self.out.push_str("<!--");
        let start = self.out.len();
        strip_into(content, "", &mut self.out, &mut |_| {});
        if ends_comment(&self.out[start..]) {
            self.out.truncate(start);
            strip_into(content, " ", &mut self.out, &mut |_| {});
        }
        self.out.push_str(&self.html[content_end..end]);
        end
    }

    fn start_tag(&mut self, at: usize) -> usize {
        let mut marked = std::mem::take(&mut self.marked_attrs);
        let scan = scan_tag(self.bytes, at, &mut marked);
        let next = self.write_start_tag(at, &scan, &marked);
        self.marked_attrs = marked;
        next
    }

    fn write_start_tag(&mut self, at: usize, scan: &TagScan, marked: &[MarkedAttr]) -> usize {
        let html = self.html;
        let name = &html[at + 1..scan.name_end];
        if has_marker(name.as_bytes()) {
            return self.tag_as_text(at);
        }
        if !scan.terminated {
            write_gapped(&html[at..], &mut self.out);
            return html.len();
        }
        self.end_implied(name);
        let (written, named) = self.write_attributes(at, marked);
        self.out.push_str(&html[written..scan.close_at]);
        if let Some(number) = self.block.take() {
            self.push_attribute("data-pd-block", number);
        }
        if !named.is_empty() {
            self.push_attribute("data-pd-attr", &named);
        }
        let attrs_end = self.out.len();
        self.out.push_str(&html[scan.close_at..scan.end]);

        let parent_foreign = self.in_foreign();
        let foreign = parent_foreign || is_one_of(name, FOREIGN);
        if is_one_of(name, VOID) || (scan.self_closing && foreign) {
            return scan.end;
        }
        if !parent_foreign && is_one_of(name, RAW_TEXT) {
            return self.raw_text(name, attrs_end, scan.end);
        }
        let no_span =
            foreign || is_one_of(name, NO_SPAN) || self.elements.last().is_some_and(|e| e.no_span);
        self.elements.push(Element {
            name,
            attrs_end,
            foreign,
            no_span,
            hidden: String::new(),
        });
        scan.end
    }

    /// Writes the start tag from `at` up to its last marked attribute, markers removed from
    /// values (the messages recorded) and replaced in names. Returns how far the tag has been
    /// written, and the value of its `data-pd-attr`.
    fn write_attributes(&mut self, at: usize, marked: &[MarkedAttr]) -> (usize, String) {
        let html = self.html;
        let mut written = at;
        let mut named = String::new();
        for attr in marked {
            let name = &html[attr.name.clone()];
            if has_marker(name.as_bytes()) {
                self.out.push_str(&html[written..attr.name.start]);
                write_gapped(name, &mut self.out);
                written = attr.name.end;
            }
            let Some(range) = attr.value.clone() else {
                continue;
            };
            let value = &html[range.clone()];
            if !has_marker(value.as_bytes()) {
                continue;
            }
            self.out.push_str(&html[written..range.start]);
            written = range.end;
            let mut ids = Vec::new();
            if attr.quoted {
                strip_into(value, "", &mut self.out, &mut |id| ids.push(id));
            } else {
                // Quoted, so that what is left cannot become a quoted value or run into the
                // next attribute.
                let mut stripped = String::new();
                strip_into(value, "", &mut stripped, &mut |id| ids.push(id));
                self.out.push('"');
                self.out.push_str(&stripped.replace('"', "&quot;"));
                self.out.push('"');
            }
            let attr_name = strip(name).to_ascii_lowercase();
            for id in ids {
                if !named.is_empty() {
                    named.push(';');
                }
                named.push_str(&attr_name);
                named.push('=');
                named.push_str(id);
                self.found.push(Found {
                    id: id.to_owned(),
                    place: Place::Attribute(attr_name.clone()),
                });
            }
        }
        (written, named)
    }

    fn push_attribute(&mut self, name: &str, value: &str) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        self.out.push_str(&escape::html(value));
        self.out.push('"');
    }

    /// The content of raw text element `name`, and its end tag. Messages there are hidden:
    /// removing the markers must not make an end tag appear early.
    fn raw_text(&mut self, name: &str, attrs_end: usize, from: usize) -> usize {
        let html = self.html;
        let end = raw_text_end(self.bytes, from, name).unwrap_or(html.len());
        let content = &html[from..end];
        if has_marker(content.as_bytes()) {
            let mut ids = Vec::new();
            let start = self.out.len();
            strip_into(content, "", &mut self.out, &mut |id| ids.push(id));
            if raw_text_end(self.out.as_bytes(), start, name).is_some() {
                self.out.truncate(start);
                strip_into(content, " ", &mut self.out, &mut |_| {});
            }
            if !ids.is_empty() && !is_one_of(name, CODE) {
                self.insertions.push((
                    attrs_end,
                    format!(" data-pd-text=\"{}\"", escape::html(&ids.join(" "))),
                ));
            }
            self.found.extend(ids.into_iter().map(|id| Found {
                id: id.to_owned(),
                place: Place::Hidden,
            }));
        } else {
            self.out.push_str(content);
        }
        if end == html.len() {
            return end;
        }
        let mut scratch = std::mem::take(&mut self.marked_attrs);
        let scan = scan_tag(self.bytes, end, &mut scratch);
        self.marked_attrs = scratch;
        write_gapped(&html[end..scan.end], &mut self.out);
        scan.end
    }

    fn end_tag(&mut self, at: usize) -> usize {
        let html = self.html;
        let mut scratch = std::mem::take(&mut self.marked_attrs);
        let scan = scan_tag(self.bytes, at, &mut scratch);
        self.marked_attrs = scratch;
        let name = &html[at + 2..scan.name_end];
        if has_marker(name.as_bytes()) {
            return self.tag_as_text(at);
        }
        if !scan.terminated {
            write_gapped(&html[at..], &mut self.out);
            return html.len();
        }
        let open = self
            .elements
            .iter()
            .rposition(|e| e.name.eq_ignore_ascii_case(name));
        match open {
            Some(index) => {
                self.end_elements(index);
                write_gapped(&html[at..scan.end], &mut self.out);
                self.close_pending();
            }
            None => write_gapped(&html[at..scan.end], &mut self.out),
        }
        scan.end
    }

    /// Ends the elements a start tag `name` ends without end tags.
    fn end_implied(&mut self, name: &str) {
        // `<head>` is the first or second element (after `<html>`); the first tag that may
        // not be in it ends it, as `<body>` does, else the whole page would be hidden.
        let head = self
            .elements
            .iter()
            .take(2)
            .rposition(|e| e.name.eq_ignore_ascii_case("head"));
        if let Some(head) = head
            && !is_one_of(name, HEAD_CONTENT)
        {
            self.end_elements(head);
            self.close_pending();
        }
        while let Some(open) = self.elements.last() {
            if !implies_end(name, open.name) {
                break;
            }
            self.end_elements(self.elements.len() - 1);
            self.close_pending();
        }
    }

    /// Ends the open elements from `index` on: closes the spans opened in them, and names the
    /// messages hidden in them.
    fn end_elements(&mut self, index: usize) {
        while self.spans.last().is_some_and(|s| s.depth > index) {
            self.spans.pop();
            self.out.push_str("</span>");
        }
        for element in self.elements.drain(index..) {
            if !element.hidden.is_empty() {
                let attribute = format!(" data-pd-text=\"{}\"", escape::html(&element.hidden));
                self.insertions.push((element.attrs_end, attribute));
            }
        }
    }

    /// Closes the spans whose CLOSE came inside an element that has now ended.
    fn close_pending(&mut self) {
        let depth = self.elements.len();
        while self
            .spans
            .last()
            .is_some_and(|s| s.pending && s.depth >= depth)
        {
            self.spans.pop();
            self.out.push_str("</span>");
        }
    }

    fn in_foreign(&self) -> bool {
        self.elements.last().is_some_and(|e| e.foreign)
    }

    /// A marker in text content; returns where text resumes.
    fn text_marker(&mut self, at: usize, marker: Marker) -> usize {
        match marker {
            Marker::NameEnd => at + MARKER_LEN,
            Marker::Close => {
                self.close_marker();
                at + MARKER_LEN
            }
            Marker::Open => match message_id(self.html, at) {
                Some((id, text_start)) => {
                    self.open_message(id);
                    text_start
                }
                None => {
                    self.markers.push(None);
                    at + MARKER_LEN
                }
            },
        }
    }

    fn open_message(&mut self, id: &str) {
        if let Some(element) = self.elements.last_mut().filter(|e| e.no_span) {
            if !element.hidden.is_empty() {
                element.hidden.push(' ');
            }
            element.hidden.push_str(id);
            self.markers.push(None);
            self.found.push(Found {
                id: id.to_owned(),
                place: Place::Hidden,
            });
            return;
        }
        let serial = self.next_serial;
        self.next_serial = self.next_serial.wrapping_add(1);
        self.markers.push(Some(serial));
        self.spans.push(Span {
            serial,
            depth: self.elements.len(),
            pending: false,
        });
        self.out.push_str("<span data-pd-m=\"");
        self.out.push_str(&escape::html(id));
        self.out.push_str("\">");
        self.found.push(Found {
            id: id.to_owned(),
            place: Place::Text,
        });
    }

    /// A CLOSE ends the innermost message still open; its span closes now if no element
    /// opened inside it is still open, else when the last such element ends.
    fn close_marker(&mut self) {
        let Some(Some(serial)) = self.markers.pop() else {
            return;
        };
        let Some(index) = self.spans.iter().rposition(|s| s.serial == serial) else {
            return; // Already closed with the element it was opened in.
        };
        if self.spans[index].depth < self.elements.len() {
            self.spans[index].pending = true;
            return;
        }
        for _ in index..self.spans.len() {
            self.out.push_str("</span>");
        }
        self.spans.truncate(index);
    }

    /// Ends what the page left open, and adds the attributes owed to tags already written.
    fn finish(mut self) -> (String, Vec<Found>) {
        self.end_elements(0);
        for _ in self.spans.drain(..) {
            self.out.push_str("</span>");
        }
        if self.insertions.is_empty() {
            return (self.out, self.found);
        }
        self.insertions.sort_by_key(|&(at, _)| at);
        let added: usize = self.insertions.iter().map(|(_, a)| a.len()).sum();
        let mut page = String::with_capacity(self.out.len() + added);
        let mut copied = 0;
        for (at, attribute) in &self.insertions {
            page.push_str(&self.out[copied..*at]);
            page.push_str(attribute);
            copied = *at;
        }
        page.push_str(&self.out[copied..]);
        (page, self.found)
    }
}

#[cfg(test)]
mod tests {

    use super::*;

    fn m(id: &str, text: &str) -> String {
        mark(id, text)
    }

    fn text(id: &str) -> Found {
        Found {
            id: id.to_owned(),
            place: Place::Text,
        }
    }

    fn attribute(id: &str, name: &str) -> Found {
        Found {
            id: id.to_owned(),
            place: Place::Attribute(name.to_owned()),
        }
    }

    fn hidden(id: &str) -> Found {
        Found {
            id: id.to_owned(),
            place: Place::Hidden,
        }
    }

    fn has_marker_char(text: &str) -> bool {
        text.contains([OPEN, NAME_END, CLOSE])
    }

    #[test]
    fn a_mark_is_the_id_and_the_text_between_markers() {
        assert_eq!(
            m("site-title", "Docs"),
            "\u{E010}site-title\u{E011}Docs\u{E012}"
        );
    }

    #[test]
    fn strip_removes_markers_and_ids() {
        let nested = m("outer", &format!("a {} b", m("inner", "<b>c</b>")));
        assert_eq!(strip(&format!("Docs · {nested}")), "Docs · a <b>c</b> b");
        assert_eq!(strip("\u{E010}a b\u{E011}x\u{E012}"), "a bx");
        assert_eq!(strip("\u{E010}abc"), "abc");
        assert_eq!(strip("a\u{E011}b\u{E012}c"), "abc");
        // Other private-use characters are text.
        assert_eq!(strip("\u{E000}\u{E013}"), "\u{E000}\u{E013}");
    }

    #[test]
    fn strip_borrows_text_without_markers() {
        assert!(matches!(
            strip("plain é \u{E000}"),
            Cow::Borrowed("plain é \u{E000}")
        ));
    }

    #[test]
    fn a_page_without_markers_is_copied() {
        let page = "<!DOCTYPE html><p>a</p>";
        assert_eq!(annotate(page), (page.to_owned(), Vec::new()));
    }

    #[test]
    fn a_message_in_text_gets_a_span() {
        let page = format!("<p>{}!</p>", m("hello", "Hello, <strong>world</strong>"));
        assert_eq!(
            annotate(&page),
            (
                r#"<p><span data-pd-m="hello">Hello, <strong>world</strong></span>!</p>"#
                    .to_owned(),
                vec![text("hello")]
            )
        );
    }

    #[test]
    fn nested_messages_give_nested_spans() {
        let inner = m("inner", r#"<span lang="en">docs</span>"#);
        let page = format!("<td>{}</td>", m("outer", &format!("See {inner}.")));
        assert_eq!(
            annotate(&page),
            (
                concat!(
                    r#"<td><span data-pd-m="outer">See <span data-pd-m="inner">"#,
                    r#"<span lang="en">docs</span></span>.</span></td>"#
                )
                .to_owned(),
                vec![text("outer"), text("inner")]
            )
        );
    }

    #[test]
    fn messages_in_attribute_values_are_named_on_the_element() {
        let page = format!(
            r#"<a href="/" title="{}" aria-label='{}'>x</a>"#,
            m("site-title", "Docs"),
            m("home", "Home")
        );
        assert_eq!(
            annotate(&page),
            (
                concat!(
                    r#"<a href="/" title="Docs" aria-label='Home' "#,
                    r#"data-pd-attr="title=site-title;aria-label=home">x</a>"#
                )
                .to_owned(),
                vec![
                    attribute("site-title", "title"),
                    attribute("home", "aria-label")
                ]
            )
        );
    }

    #[test]
    fn a_message_can_be_part_of_an_attribute_value() {
        let page = format!(r#"<meta name="description" content="A · {}">"#, m("d", "B"));
        assert_eq!(
            annotate(&page).0,
            r#"<meta name="description" content="A · B" data-pd-attr="content=d">"#
        );
    }

    #[test]
    fn unquoted_values_are_quoted_once_stripped() {
        let page = format!("<img alt={} src=x.png>", m("alt", "Logo"));
        assert_eq!(
            annotate(&page),
            (
                r#"<img alt="Logo" src=x.png data-pd-attr="alt=alt">"#.to_owned(),
                vec![attribute("alt", "alt")]
            )
        );
        // Emptied, the value must not take the next attribute.
        let page = format!("<img alt={} src=x.png>", m("alt", ""));
        assert_eq!(
            annotate(&page).0,
            r#"<img alt="" src=x.png data-pd-attr="alt=alt">"#
        );
    }

    #[test]
    fn attributes_go_before_the_slash_of_a_self_closing_tag() {
        let page = format!(r#"<img alt="{}"/>"#, m("a", "b"));
        assert_eq!(annotate(&page).0, r#"<img alt="b" data-pd-attr="alt=a"/>"#);
    }

    #[test]
    fn attribute_names_are_lowercased_and_escaped() {
        let page = format!(r#"<p TITLE="{}" a"b="{}">t</p>"#, m("x", "y"), m("z", "w"));
        assert_eq!(
            annotate(&page),
            (
                r#"<p TITLE="y" a"b="w" data-pd-attr="title=x;a&quot;b=z">t</p>"#.to_owned(),
                vec![attribute("x", "title"), attribute("z", "a\"b")]
            )
        );
    }

    #[test]
    fn messages_where_no_span_may_go_are_named_on_their_element() {
        let page = format!(
            concat!(
                "<html><head><title>{} · {}</title>{}",
                r#"<script>var t = "{}";</script><style>/* {} */</style></head>"#,
                "<body><select><option>{}</option></select><textarea>{}</textarea></body></html>"
            ),
            m("page", "Guide"),
            m("site", "Docs"),
            m("stray", ""),
            m("js", "Hi"),
            m("css", "x"),
            m("opt", "One"),
            m("ta", "Type"),
        );
        assert_eq!(
            annotate(&page),
            (
                concat!(
                    r#"<html><head data-pd-text="stray"><title data-pd-text="page site">"#,
                    r#"Guide · Docs</title><script>var t = "Hi";</script><style>/* x */</style>"#,
                    r#"</head><body><select><option data-pd-text="opt">One</option></select>"#,
                    r#"<textarea data-pd-text="ta">Type</textarea></body></html>"#
                )
                .to_owned(),
                vec![
                    hidden("page"),
                    hidden("site"),
                    hidden("stray"),
                    hidden("js"),
                    hidden("css"),
                    hidden("opt"),
                    hidden("ta"),
                ]
            )
        );
    }

    #[test]
    fn messages_in_svg_are_hidden() {
        let page = format!(
            r#"<svg><title>{}</title><path d="M0"/></svg>"#,
            m("icon", "Search")
        );
        assert_eq!(
            annotate(&page),
            (
                r#"<svg><title data-pd-text="icon">Search</title><path d="M0"/></svg>"#.to_owned(),
                vec![hidden("icon")]
            )
        );
    }

    #[test]
    fn markers_in_comments_are_stripped() {
        let page = format!("<!-- {} --><p>x</p>", m("c", "note"));
        assert_eq!(
            annotate(&page),
            ("<!-- note --><p>x</p>".to_owned(), Vec::new())
        );
        // Removed, the markers would end the comment early.
        let page = format!("<!-- a -{}-> b -->", m("c", ""));
        assert_eq!(annotate(&page).0, "<!-- a -  -> b -->");
    }

    #[test]
    fn a_block_comment_numbers_the_next_start_tag() {
        let page = concat!(
            "<!--pd-block:3--><pre><code>x\n</code></pre><!--pd-block:12-->\n<p>y</p>",
            "<!--pd-block:4--><hr/><!--pd-block:x--><!--pd-block:-->"
        );
        assert_eq!(
            annotate(page).0,
            concat!(
                "<pre data-pd-block=\"3\"><code>x\n</code></pre>\n<p data-pd-block=\"12\">y</p>",
                "<hr data-pd-block=\"4\"/><!--pd-block:x--><!--pd-block:-->"
            )
        );
    }

    #[test]
    fn a_close_without_open_is_dropped() {
        assert_eq!(annotate("<p>a\u{E012}b</p>").0, "<p>ab</p>");
    }

    #[test]
    fn an_open_never_closed_ends_with_its_element() {
        let page = "<div><p>\u{E010}a\u{E011}x</p><p>y</p></div>";
        assert_eq!(
            annotate(page).0,
            r#"<div><p><span data-pd-m="a">x</span></p><p>y</p></div>"#
        );
        assert_eq!(
            annotate("\u{E010}a\u{E011}x").0,
            r#"<span data-pd-m="a">x</span>"#
        );
    }

    #[test]
    fn a_span_closes_before_its_element_ends_and_its_close_is_dropped() {
        let page =
            "<div>\u{E010}outer\u{E011}<p>\u{E010}inner\u{E011}x</p>y\u{E012}z\u{E012}w</div>";
        assert_eq!(
            annotate(page).0,
            concat!(
                r#"<div><span data-pd-m="outer"><p><span data-pd-m="inner">x</span></p>"#,
                r#"yz</span>w</div>"#
            )
        );
    }

    #[test]
    fn a_close_inside_a_deeper_element_closes_after_it() {
        let page = "<p>\u{E010}a\u{E011}x <em>y\u{E012} z</em> w</p>";
        assert_eq!(
            annotate(page).0,
            r#"<p><span data-pd-m="a">x <em>y z</em></span> w</p>"#
        );
    }

    #[test]
    fn a_malformed_open_keeps_its_text_and_its_close_closes_nothing_else() {
        assert_eq!(
            annotate("<p>\u{E010}a b\u{E011}text\u{E012}</p>"),
            ("<p>a btext</p>".to_owned(), Vec::new())
        );
        assert_eq!(annotate("<p>\u{E010}abc</p>").0, "<p>abc</p>");
        let page = "<p>\u{E010}o\u{E011}1 \u{E010}bad!\u{E011}2\u{E012} 3\u{E012}</p>";
        assert_eq!(
            annotate(page).0,
            r#"<p><span data-pd-m="o">1 bad!2 3</span></p>"#
        );
    }

    #[test]
    fn implied_end_tags_close_spans() {
        let page = "<ul><li>\u{E010}a\u{E011}x<li>y</ul><p>\u{E010}b\u{E011}z<div>w</div>";
        assert_eq!(
            annotate(page).0,
            concat!(
                r#"<ul><li><span data-pd-m="a">x</span><li>y</ul>"#,
                r#"<p><span data-pd-m="b">z</span><div>w</div>"#
            )
        );
    }

    #[test]
    fn the_head_ends_where_the_body_starts_without_end_tags() {
        let page = format!(
            "<html><head>{}<meta charset=utf-8><p>{}</p>",
            m("a", "x"),
            m("b", "y")
        );
        assert_eq!(
            annotate(&page),
            (
                r#"<html><head data-pd-text="a">x<meta charset=utf-8><p><span data-pd-m="b">y</span></p>"#
                    .to_owned(),
                vec![hidden("a"), text("b")]
            )
        );
    }

    #[test]
    fn everything_else_is_copied_byte_for_byte() {
        let around = |message: &str| {
            format!(
                concat!(
                    "<!DOCTYPE html>\n<HTML lang=\"en\"><!-- note &amp; --><BODY>\n",
                    "<pre>  a &lt; b\n\n  c</pre><br><img src=\"a.png\" alt='x > y'>",
                    "<svg viewBox=\"0 0 1 1\"><path d=\"M0 0\"/><g><circle r=1 /></g></svg>",
                    "<P class=x>&eacute; {}</P><input value=a/></BODY></HTML>"
                ),
                message
            )
        };
        assert_eq!(
            annotate(&around(&m("m", "t"))).0,
            around(r#"<span data-pd-m="m">t</span>"#)
        );
    }

    #[test]
    fn a_realistic_page() {
        let page = format!(
            concat!(
                "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n",
                "<title>{} · {}</title>\n",
                "<meta name=\"description\" content=\"{}\">\n</head>\n<body>\n",
                "<nav aria-label=\"{}\"><a href=\"/fr/\" aria-label=\"{}\">{}</a></nav>\n",
                "<main>\n<table><tr><td>{}</td></tr></table>\n<!--pd-block:3-->\n",
                "<pre><code class=\"language-sh\">cargo install polydocs\n</code></pre>\n",
                "</main>\n</body>\n</html>\n"
            ),
            m("page-title", "Installer"),
            m("site-title", "Docs"),
            m("site-description", "Une doc"),
            m("nav-label", "Principal"),
            m("home-label", "Accueil"),
            m("home", "Accueil"),
            m(
                "cell",
                &format!("Voir {}", m("link", r#"<a href="/x">ici</a>"#))
            ),
        );
        let expected = concat!(
            "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n",
            "<title data-pd-text=\"page-title site-title\">Installer · Docs</title>\n",
            "<meta name=\"description\" content=\"Une doc\" ",
            "data-pd-attr=\"content=site-description\">\n</head>\n<body>\n",
            "<nav aria-label=\"Principal\" data-pd-attr=\"aria-label=nav-label\">",
            "<a href=\"/fr/\" aria-label=\"Accueil\" data-pd-attr=\"aria-label=home-label\">",
            "<span data-pd-m=\"home\">Accueil</span></a></nav>\n",
            "<main>\n<table><tr><td><span data-pd-m=\"cell\">Voir <span data-pd-m=\"link\">",
            "<a href=\"/x\">ici</a></span></span></td></tr></table>\n\n",
            "<pre data-pd-block=\"3\"><code class=\"language-sh\">cargo install polydocs\n",
            "</code></pre>\n</main>\n</body>\n</html>\n"
        );
        assert_eq!(
            annotate(&page),
            (
                expected.to_owned(),
                vec![
                    hidden("page-title"),
                    hidden("site-title"),
                    attribute("site-description", "content"),
                    attribute("nav-label", "aria-label"),
                    attribute("home-label", "aria-label"),
                    text("home"),
                    text("cell"),
                    text("link"),
                ]
            )
        );
    }

    #[test]
    fn a_marker_in_a_tag_name_makes_the_tag_text() {
        let page = format!("<p{}>z</p>", m("x", "y"));
        assert_eq!(
            annotate(&page).0,
            r#"&lt;p<span data-pd-m="x">y</span>>z</p>"#
        );
        // Removing the marker must not make a script.
        let page = "<scr\u{E010}x\u{E011}ipt>alert(1)</script>";
        assert_eq!(
            annotate(page).0,
            r#"&lt;scr<span data-pd-m="x">ipt>alert(1)</script></span>"#
        );
        assert_eq!(annotate("<\u{E012}p>").0, "&lt;p>");
    }

    #[test]
    fn a_less_than_sign_inside_attribute_values_is_not_a_tag() {
        let page = format!(r#"<a title="a<b" href='<'>{}</a>"#, m("x", "y"));
        assert_eq!(
            annotate(&page).0,
            r#"<a title="a<b" href='<'><span data-pd-m="x">y</span></a>"#
        );
    }

    #[test]
    fn input_ending_inside_a_tag_or_comment() {
        let page = format!(r#"<p>{}</p><a title="{}"#, m("x", "y"), m("t", "u"));
        assert_eq!(
            annotate(&page),
            (
                r#"<p><span data-pd-m="x">y</span></p><a title=" u "#.to_owned(),
                vec![text("x")]
            )
        );
        let page = format!("<p>a</p><!-- {}", m("x", "y"));
        assert_eq!(annotate(&page).0, "<p>a</p><!-- y");
        assert_eq!(annotate("<p>\u{E012}</p><").0, "<p></p><");
        assert_eq!(annotate("<p>\u{E012}</p></").0, "<p></p></");
    }

    #[test]
    fn a_script_ends_at_its_first_end_tag_even_in_a_string() {
        let page = format!(r#"<script>var s = "</script>";{}</script>"#, m("x", "y"));
        assert_eq!(
            annotate(&page),
            (
                r#"<script>var s = "</script>";<span data-pd-m="x">y</span></script>"#.to_owned(),
                vec![text("x")]
            )
        );
    }

    #[test]
    fn removing_markers_never_makes_an_end_tag_or_comment() {
        let page = format!("<title>a</ti{}tle>b</title>", m("x", ""));
        assert_eq!(
            annotate(&page),
            (
                r#"<title data-pd-text="x">a</ti  tle>b</title>"#.to_owned(),
                vec![hidden("x")]
            )
        );
        let page = format!("<!-{}- hidden -->", m("x", ""));
        assert_eq!(annotate(&page).0, "<!-  - hidden -->");
    }

    #[test]
    fn a_lone_name_end_is_dropped() {
        assert_eq!(annotate("<p>a\u{E011}b</p>").0, "<p>ab</p>");
        assert_eq!(
            annotate("<p title=\"a\u{E011}b\">c</p>"),
            (r#"<p title="ab">c</p>"#.to_owned(), Vec::new())
        );
    }

    /// A small xorshift generator: the same strings on every run.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    const FRAGMENTS: &[&str] = &[
        "<p>",
        "</p>",
        "<title>",
        "</title>",
        "<option>",
        "<script>",
        "</script>",
        "<td>",
        "<li>",
        "<svg>",
        "</svg>",
        "<b>",
        "</b>",
        "<head>",
        "<br/>",
        "<p ",
        " title=\"",
        "='",
        "=",
        "\"",
        "'",
        ">",
        "/>",
        "<",
        "</",
        "<!",
        "<!--",
        "-->",
        "-",
        "<!--pd-block:1-->",
        "\u{E010}",
        "\u{E010}id-1\u{E011}",
        "\u{E010}x_y\u{E011}",
        "\u{E010}x_y\u{E011}",
        "\u{E012}",
        "\u{E011}",
        "\u{E012}",
        "\u{E000}",
        "id-1",
        "x_y",
        "bad id",
        "text ",
        "&amp;",
        "é",
        "\n",
    ];

    #[test]
    fn random_input_gives_balanced_spans_and_no_markers() {
        let mut random = XorShift(0x9E37_79B9_7F4A_7C15);
        for _ in 0..4000 {
            let length = random.next() % 40;
            let page: String = (0..length)
                .map(|_| FRAGMENTS[(random.next() % FRAGMENTS.len() as u64) as usize])
                .collect();
            let (annotated, found) = annotate(&page);
            assert!(!has_marker_char(&annotated), "{page:?} → {annotated:?}");
            let opened = annotated.matches("<span data-pd-m").count();
            let closed = annotated.matches("</span>").count() - page.matches("</span>").count();
            assert_eq!(opened, closed, "{page:?} → {annotated:?}");
            let in_text = found.iter().filter(|f| f.place == Place::Text).count();
            assert_eq!(opened, in_text, "{page:?} → {annotated:?}");
        }
    }

    #[test]
    fn a_large_page_is_read_in_one_pass() {
        let section = format!(
            "<h2 id=\"s\" title=\"{}\">{}</h2>\n<p>{} <a href=\"/x\">link</a> &amp; more text</p>\n<!--pd-block:7-->\n<pre><code>let x = 1;\n</code></pre>\n",
            m("t", "Title"),
            m("h", "Heading"),
            m("p", "A paragraph of <em>text</em> that goes on for a while"),
        );
        let page = section.repeat(200_000 / section.len());
        let started = std::time::Instant::now();
        let (annotated, found) = annotate(&page);
        let elapsed = started.elapsed();
        assert_eq!(found.len(), 3 * (200_000 / section.len()));
        assert!(!has_marker_char(&annotated));
        // Unoptimized and on a busy machine: only a gross regression (a quadratic scan) fails.
        assert!(elapsed.as_millis() < 2000, "{elapsed:?}");
    }
}
