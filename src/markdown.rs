//! Markdown to HTML with pulldown-cmark: GFM tables, footnotes, strikethrough, task lists,
//! an `id` on every heading so that any section can be linked to, and fenced code blocks
//! highlighted (see [`crate::highlight`]).

use std::collections::HashSet;

use pulldown_cmark::{
    BlockQuoteKind, CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html,
};

use crate::diagnostic::{Code, Diagnostic};
use crate::highlight;
use crate::source::SourceFile;

/// The Markdown extensions pages may use.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        // GitHub alerts: `> [!NOTE]` and its kin.
        | Options::ENABLE_GFM
}

/// The kinds of GitHub alert (`> [!NOTE]`, ...), each a callout with its own label and icon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Alert {
    Note,
    Tip,
    Important,
    Warning,
    Caution,
}

impl Alert {
    pub(crate) const ALL: [Alert; 5] = [
        Alert::Note,
        Alert::Tip,
        Alert::Important,
        Alert::Warning,
        Alert::Caution,
    ];

    fn of(kind: BlockQuoteKind) -> Alert {
        match kind {
            BlockQuoteKind::Note => Alert::Note,
            BlockQuoteKind::Tip => Alert::Tip,
            BlockQuoteKind::Important => Alert::Important,
            BlockQuoteKind::Warning => Alert::Warning,
            BlockQuoteKind::Caution => Alert::Caution,
        }
    }

    /// The name of the kind, as the class of its callout says it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Alert::Note => "note",
            Alert::Tip => "tip",
            Alert::Important => "important",
            Alert::Warning => "warning",
            Alert::Caution => "caution",
        }
    }

    /// The message that labels a callout of this kind.
    pub(crate) fn message_id(self) -> &'static str {
        match self {
            Alert::Note => "callout-note",
            Alert::Tip => "callout-tip",
            Alert::Important => "callout-important",
            Alert::Warning => "callout-warning",
            Alert::Caution => "callout-caution",
        }
    }

    /// The English label, for Markdown rendered without a site's words.
    pub(crate) fn english(self) -> &'static str {
        match self {
            Alert::Note => "Note",
            Alert::Tip => "Tip",
            Alert::Important => "Important",
            Alert::Warning => "Warning",
            Alert::Caution => "Caution",
        }
    }

    /// The icon's outline (16 by 16, filled with the text's colour; holes cut even-odd): a
    /// circled `i`, a bulb, a speech bubble, a triangle and an octagon with `!`.
    fn icon_path(self) -> &'static str {
        match self {
            Alert::Note => {
                "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 1.5a5.5 5.5 0 1 1 0 11 5.5 5.5 0 0 1 0-11zM7.25 7h1.5v4.5h-1.5zM8 4a1 1 0 1 1 0 2 1 1 0 0 1 0-2z"
            }
            Alert::Tip => {
                "M8 1a5 5 0 0 0-3 9v2h6v-2a5 5 0 0 0-3-9zm0 1.5a3.5 3.5 0 0 1 2 6.4v1.6H6V8.9a3.5 3.5 0 0 1 2-6.4zM6 13.5h4V15H6z"
            }
            Alert::Important => "M1 2h14v10H8l-3.5 3v-3H1zm6.25 1.5v4h1.5v-4zm0 5v1.5h1.5V8.5z",
            Alert::Warning => "M8 1l7.5 13.5H.5zM7.25 6v4h1.5V6zm0 5v1.5h1.5V11z",
            Alert::Caution => "M5 1h6l4 4v6l-4 4H5l-4-4V5zm2.25 3v5h1.5V4zm0 6v1.5h1.5V10z",
        }
    }
}

/// Gives the address a link or image is published with, when not the one written.
pub(crate) type Address<'a> = dyn Fn(&str) -> Option<String> + 'a;

/// The words a page's own markup needs, in the visitor's language.
pub struct Labels<'a> {
    /// The name of the scrolling region around a table.
    pub(crate) table: &'a str,
    /// The label of a callout of a kind (asked for only when a page has one).
    pub(crate) alert: &'a dyn Fn(Alert) -> String,
    /// The address a link or image is published with, when it differs from the one written
    /// (a site path such as `/en/docs/` made relative, a static file's fingerprinted name).
    pub(crate) address: Option<&'a Address<'a>>,
    /// Where each block of the body starts (byte offset → its number), to start each with its
    /// mark ([`crate::marks::block`]): the preview's translate mode.
    pub(crate) block_starts: Option<&'a std::collections::HashMap<usize, usize>>,
}

impl Labels<'_> {
    /// English words, the table's label aside.
    pub fn english(table: &str) -> Labels<'_> {
        Labels {
            table,
            alert: &|alert: Alert| alert.english().to_string(),
            address: None,
            block_starts: None,
        }
    }
}

/// Where the blocks of a body start, to number the events that open them, in translate mode:
/// each is taken once.
struct BlockStarts(std::collections::HashMap<usize, usize>);

trait Numbering {
    fn number(&mut self, event: &Event, at: usize) -> Option<usize>;
}

impl Numbering for Option<BlockStarts> {
    /// The number of the block `event` opens: a tag of the kind a block is, starting where a
    /// block starts (a table starts where its head row does; only the row is a block). An
    /// HTML block is left unmarked: a mark before its markup would not be inside it.
    fn number(&mut self, event: &Event, at: usize) -> Option<usize> {
        let Event::Start(tag) = event else {
            return None;
        };
        let is_block = matches!(
            tag,
            Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::CodeBlock(_)
                | Tag::TableHead
                | Tag::TableRow
                | Tag::Item
        );
        if !is_block {
            return None;
        }
        self.as_mut()?.0.remove(&at)
    }
}

/// Before the event at `i` (which opens block `n`), the block's mark: the element written
/// next is the block's.
fn push_block_mark(out: &mut Vec<Event<'_>>, opens_block: &[Option<usize>], i: usize) {
    if let Some(Some(n)) = opens_block.get(i) {
        out.push(Event::Text(CowStr::from(crate::marks::block(*n))));
    }
}

/// The opening of a callout of kind `alert` labelled `label` (as given: escaped here). It is a
/// note for assistive technology; its label is text, and the icon is hidden from it.
fn callout_open(alert: Alert, label: &str) -> String {
    let name = alert.name();
    format!(
        "<div class=\"callout callout-{name}\" role=\"note\"><p class=\"callout-label\"><svg class=\"callout-icon\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" fill=\"currentColor\"><path fill-rule=\"evenodd\" d=\"{}\"></path></svg>{}</p>\n",
        alert.icon_path(),
        crate::escape::html(label)
    )
}

/// A rendered page body and its headings (for a table of contents).
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    /// Addresses left out as unsafe, with their byte offset in the Markdown.
    pub refused: Vec<(usize, String)>,
    /// The addresses of links and images kept, with their byte offset in the Markdown, so
    /// that they can be checked against what the site publishes.
    pub(crate) links: Vec<(usize, String)>,
    /// Where the blocks and spans first nest deeper than [`MAX_NESTING`] (byte offset in the
    /// Markdown); nothing is rendered then.
    pub too_deep: Option<usize>,
    /// The page's text, when [`render_page`] was asked for it.
    #[serde(skip)]
    pub text: Option<PageText>,
    /// The fenced code blocks with a grammar left plain: byte offset of the fence in the
    /// Markdown, language, and the limit [`highlight`] reached.
    #[serde(skip)]
    pub(crate) not_highlighted: Vec<(usize, String, highlight::Limit)>,
    /// Another tool's markup outside code (byte offset in the Markdown, length, kind): it is
    /// published as written, and worth a warning.
    #[serde(skip)]
    pub(crate) foreign: Vec<(usize, usize, Foreign)>,
}

/// How deep blocks and inline spans may nest (a list in a list counts two: list and item).
///
/// Real pages stay under 20. The limit keeps every later stage linear: the HTML sanitizer
/// and browsers spend time in the square of the depth of the elements they are given (the
/// sanitizer took 65 s on a page of 100 000 nested quotes).
pub(crate) const MAX_NESTING: usize = 128;

/// The error for an address [`render_with`] refused, at byte `at` of `source`.
pub(crate) fn unsafe_link(source: &SourceFile, at: usize, url: &str) -> Diagnostic {
    Diagnostic::error(
        Code::UnsafeLink,
        format!("the address `{url}` is not allowed"),
    )
    .at_range(source, at..at + 1)
    .hint("link to http, https or mailto addresses, or to a page with a relative address")
}

/// The error for a page that nests deeper than [`MAX_NESTING`], at byte `at` of `source`.
pub(crate) fn too_deep(source: &SourceFile, at: usize) -> Diagnostic {
    Diagnostic::error(
        Code::MarkdownTooDeep,
        format!(
            "the page nests lists, quotes or emphasis more than {MAX_NESTING} levels deep here"
        ),
    )
    .at_range(source, at..at + 1)
    .hint("flatten the structure: split deep lists and quotes into sections")
}

/// Follows the nesting depth of a Markdown event stream.
#[derive(Default)]
pub(crate) struct Depth {
    current: usize,
}

impl Depth {
    /// Takes the next event; true when it opens a level beyond [`MAX_NESTING`].
    pub(crate) fn too_deep_after(&mut self, event: &Event<'_>) -> bool {
        match event {
            Event::Start(_) => {
                self.current += 1;
                self.current > MAX_NESTING
            }
            Event::End(_) => {
                self.current = self.current.saturating_sub(1);
                false
            }
            _ => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub(crate) text: String,
}

/// Renders Markdown. Headings without an explicit `{#id}` get one made from their text,
/// made unique within the page.
#[cfg(test)]
pub(crate) fn render(markdown: &str) -> Rendered {
    render_with(markdown, false, "Table")
}

/// Renders Markdown. Link and image addresses other than http, https, mailto, relative ones and
/// fragments are refused (`javascript:`, `data:`, `vbscript:` ...): they are left out of the
/// HTML and listed in [`Rendered::refused`]. Raw HTML is passed through a sanitizer unless
/// `raw_html` allows it as written. Tables get header scopes and a scrolling region named
/// `table_label` (in the visitor's language), so that a wide table never widens the page.
pub fn render_with(markdown: &str, raw_html: bool, table_label: &str) -> Rendered {
    render_page(markdown, raw_html, &Labels::english(table_label), false)
}

/// [`render_with`] with the words of the page's language (`labels`), gathering the page's
/// [`PageText`] too when `with_text` asks for it (for the search index) from the same parse.
/// GitHub alerts become callouts ([`Alert`]), and another tool's shortcodes outside code are
/// listed in [`Rendered::foreign`].
///
/// Two passes over the events: [`parse`] reads them once (addresses, nesting, the page's text),
/// then a [`Writer`] writes them, since headings and code blocks need the events up to their
/// end before their start can be written.
pub fn render_page(
    markdown: &str,
    raw_html: bool,
    labels: &Labels<'_>,
    with_text: bool,
) -> Rendered {
    let parsed = parse(markdown, labels, with_text);
    if let Some(at) = parsed.too_deep {
        return Rendered {
            too_deep: Some(at),
            refused: parsed.refused,
            ..Rendered::default()
        };
    }
    let mut writer = Writer::new(
        parsed.events,
        parsed.opens_block,
        parsed.fences,
        labels,
        raw_html,
    );
    writer.write_all();
    let passes = Passes {
        sanitize: parsed.has_html && !raw_html,
        tables: parsed.has_table.then_some(labels.table),
        plain_code: writer.plain_code,
    };
    let html = page_html(writer.out, markdown.len(), passes);
    let text = parsed.text.map(|t| PageText {
        not_highlighted: writer.not_highlighted.clone(),
        ..t.finish_with(&writer.headings)
    });
    Rendered {
        html,
        headings: writer.headings,
        text,
        refused: parsed.refused,
        links: parsed.links,
        too_deep: None,
        not_highlighted: writer.not_highlighted,
        foreign: parsed.foreign,
    }
}

/// A page's events as one pass over its Markdown left them, with what that pass learnt: the
/// writing looks ahead (to a heading's end, a code block's end), which a parser cannot.
struct Parsed<'a> {
    /// The events, link and image addresses already checked and rewritten.
    events: Vec<Event<'a>>,
    /// Per event: the number of the block it opens, in translate mode.
    opens_block: Vec<Option<usize>>,
    /// Where each fenced code block starts, in order: the warning for one left plain points there.
    fences: Vec<usize>,
    refused: Vec<(usize, String)>,
    links: Vec<(usize, String)>,
    foreign: Vec<(usize, usize, Foreign)>,
    text: Option<TextCollector>,
    /// Whether the page has raw HTML, which the sanitizer then reads.
    has_html: bool,
    /// Whether the page has a table, whose HTML then gets its scrolling region.
    has_table: bool,
    /// Where the page first nests too deep: the parse stops there.
    too_deep: Option<usize>,
}

/// Reads the events of `markdown` once, for everything that needs no look ahead: nesting, the
/// page's text (when `with_text`), block numbers, addresses, and which of the candidates for
/// another tool's markup are outside code.
fn parse<'a>(markdown: &'a str, labels: &Labels<'_>, with_text: bool) -> Parsed<'a> {
    let mut parsed = Parsed {
        events: Vec::new(),
        opens_block: Vec::new(),
        fences: Vec::new(),
        refused: Vec::new(),
        links: Vec::new(),
        // One scan for `{` and `:`; code is told apart from text by the parse below, only on
        // the rare page where something was found.
        foreign: foreign_candidates(markdown),
        text: with_text.then(|| TextCollector::new(false)),
        has_html: false,
        has_table: false,
        too_deep: None,
    };
    let mut code_ranges: Vec<std::ops::Range<usize>> = Vec::new();
    let mut depth = Depth::default();
    let mut block_starts = labels
        .block_starts
        .map(|starts| BlockStarts(starts.clone()));
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        if depth.too_deep_after(&event) {
            parsed.too_deep = Some(range.start);
            return parsed;
        }
        if let Some(text) = &mut parsed.text {
            text.feed(&event);
        }
        if block_starts.is_some() {
            parsed
                .opens_block
                .push(block_starts.number(&event, range.start));
        }
        if !parsed.foreign.is_empty()
            && matches!(
                event,
                Event::Start(Tag::CodeBlock(_)) | Event::Code(_) | Event::Html(_)
            )
        {
            code_ranges.push(range.clone());
        }
        let event = parsed.note(event, range.start, labels.address);
        parsed.events.push(event);
    }
    let foreign = &mut parsed.foreign;
    foreign.retain(|(at, _, _)| !code_ranges.iter().any(|r| r.contains(at)));
    parsed
}

impl<'a> Parsed<'a> {
    /// Notes what the event at byte `at` tells about the page, and gives it back with its
    /// address checked and rewritten (`address`) if it is a link or an image.
    fn note(&mut self, event: Event<'a>, at: usize, address: Option<&Address<'_>>) -> Event<'a> {
        match event {
            Event::Start(mut tag) => {
                if let Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } = &mut tag {
                    self.address(dest_url, at, address);
                }
                self.has_table |= matches!(tag, Tag::Table(_));
                if matches!(tag, Tag::CodeBlock(CodeBlockKind::Fenced(_))) {
                    self.fences.push(at);
                }
                Event::Start(tag)
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                self.has_html = true;
                event
            }
            other => other,
        }
    }

    /// An unsafe address is emptied (the link text stays) and reported. A safe one is listed
    /// as written, to be checked against what the site publishes, and written as published.
    fn address(&mut self, dest_url: &mut CowStr<'a>, at: usize, address: Option<&Address<'_>>) {
        if !is_safe_address(dest_url) {
            let url = std::mem::replace(dest_url, CowStr::from(""));
            self.refused.push((at, url.to_string()));
            return;
        }
        self.links.push((at, dest_url.to_string()));
        if let Some(published) = address.and_then(|f| f(dest_url)) {
            *dest_url = CowStr::from(published);
        }
    }
}

/// Writes a page's events into the ones pulldown-cmark turns into HTML, each moved once:
/// headings get unique ids and self-links, alerts become callouts, fenced code is highlighted
/// in its frame, and blocks get their marks in translate mode.
struct Writer<'a, 'l> {
    events: Vec<Event<'a>>,
    /// Per event: the number of the block it opens, in translate mode.
    opens_block: Vec<Option<usize>>,
    /// The label of a callout of a kind, in the visitor's language.
    alert: &'l dyn Fn(Alert) -> String,
    raw_html: bool,
    out: Vec<Event<'a>>,
    /// Markup to write before the event at an index ahead: a heading's self-link before its
    /// end, the end of a code block's frame after the block.
    pending: Vec<(usize, String)>,
    /// The heading ids given so far.
    used: HashSet<String>,
    headings: Vec<Heading>,
    /// Per open quote: the callout it is, if it is a GitHub alert.
    quotes: Vec<Option<Alert>>,
    /// Where each fenced code block starts, taken in order as the blocks are written.
    fences: std::vec::IntoIter<usize>,
    not_highlighted: Vec<(usize, String, highlight::Limit)>,
    /// Whether pulldown-cmark writes a code block (one left plain): its `<pre>` then gets its
    /// `tabindex` afterwards ([`focusable_code`]).
    plain_code: bool,
}

impl<'a, 'l> Writer<'a, 'l> {
    fn new(
        events: Vec<Event<'a>>,
        opens_block: Vec<Option<usize>>,
        fences: Vec<usize>,
        labels: &'l Labels<'l>,
        raw_html: bool,
    ) -> Writer<'a, 'l> {
        Writer {
            out: Vec::with_capacity(events.len()),
            events,
            opens_block,
            alert: labels.alert,
            raw_html,
            pending: Vec::new(),
            used: HashSet::new(),
            headings: Vec::new(),
            quotes: Vec::new(),
            fences: fences.into_iter(),
            not_highlighted: Vec::new(),
            plain_code: false,
        }
    }

    /// Writes every event, with the markup pending before each.
    fn write_all(&mut self) {
        let mut i = 0;
        while i < self.events.len() {
            if let Some(at) = self.pending.iter().position(|(at, _)| *at == i) {
                let (_, html) = self.pending.swap_remove(at);
                self.out.push(Event::Html(CowStr::from(html)));
            }
            i = self.write_event(i);
        }
        // A frame closed at the very end of the text (a code block that ends the page).
        for (_, html) in self.pending.drain(..) {
            self.out.push(Event::Html(CowStr::from(html)));
        }
    }

    /// Writes the event at `i` (and, for a highlighted code block, the events up to its end):
    /// the index of the next event to write.
    fn write_event(&mut self, i: usize) -> usize {
        // Each event is written once, and only ever looked at ahead of `i`: it is moved out.
        let event = std::mem::replace(&mut self.events[i], Event::Rule);
        match &event {
            Event::Start(Tag::Heading { .. }) => self.heading(i, event),
            Event::Start(Tag::BlockQuote(kind)) => {
                let alert = kind.map(Alert::of);
                self.quotes.push(alert);
                match alert {
                    Some(alert) => self.open_callout(alert),
                    None => self.write_as_is(i, event),
                }
            }
            Event::End(TagEnd::BlockQuote(_)) => match self.quotes.pop() {
                Some(Some(_)) => self.out.push(Event::Html(CowStr::from("</div>\n"))),
                _ => self.write_as_is(i, event),
            },
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => {
                self.plain_code = true;
                self.write_as_is(i, event);
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                if let Some(next) = self.fenced_code(i, info) {
                    return next;
                }
                // Left plain: its frame and its mark are written before it.
                self.out.push(event);
            }
            _ => self.write_as_is(i, event),
        }
        i + 1
    }

    /// Writes the event at `i` as pulldown-cmark writes it, after its block's mark.
    #[inline]
    fn write_as_is(&mut self, i: usize, event: Event<'a>) {
        push_block_mark(&mut self.out, &self.opens_block, i);
        self.out.push(event);
    }

    /// Writes the heading whose start `event` is (at `i`) with a unique id. Custom attributes
    /// (`{onclick=...}`) would bypass the sanitizer: they are kept only with raw HTML.
    fn heading(&mut self, i: usize, event: Event<'a>) {
        let Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) = event
        else {
            return;
        };
        let id = self.heading_id(i, level, id.as_deref());
        push_block_mark(&mut self.out, &self.opens_block, i);
        self.out.push(Event::Start(Tag::Heading {
            level,
            id: Some(CowStr::from(id)),
            classes,
            attrs: if self.raw_html { attrs } else { Vec::new() },
        }));
    }

    /// The id of the heading that opens at `i`, unique within the page: its own `{#id}` or one
    /// made from its text. The heading is listed for the table of contents, and one of level 2
    /// to 4 gets its self-link before its end, so that its section can be linked to.
    fn heading_id(&mut self, i: usize, level: HeadingLevel, id: Option<&str>) -> String {
        let end = end_of(&self.events, i, |e| {
            matches!(e, Event::End(TagEnd::Heading(_)))
        });
        let text: String = self.events[i + 1..end]
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        let base = id.map_or_else(|| slugify(&text), str::to_string);
        let unique = unique_id(&base, &mut self.used);
        let number = level_number(level);
        if (2..=4).contains(&number) {
            self.pending.push((end, heading_link(&unique)));
        }
        self.headings.push(Heading {
            level: number,
            id: unique.clone(),
            text,
        });
        unique
    }

    /// Opens the callout a GitHub alert becomes, labelled in the visitor's language; the
    /// quote's end closes it.
    fn open_callout(&mut self, alert: Alert) {
        let open = callout_open(alert, &(self.alert)(alert));
        self.out.push(Event::Html(CowStr::from(open)));
    }

    /// The fenced code block that opens at `i`, in its frame. Highlighted, it is written whole
    /// here: the index after its end. Left plain (unknown language, or past a limit of
    /// [`highlight`], which is noted), its frame is opened and closed after its end, and
    /// pulldown-cmark writes the block: `None`.
    fn fenced_code(&mut self, i: usize, info: &str) -> Option<usize> {
        let end = end_of(&self.events, i, |e| {
            matches!(e, Event::End(TagEnd::CodeBlock))
        });
        let code: String = self.events[i + 1..end]
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        let language = crate::escape::html(highlight::language_of(info));
        let open = code_frame(&language);
        let at = self.fences.next().unwrap_or_default();
        match highlight::highlight(info, &code) {
            highlight::Outcome::Html(inner) => {
                let mark = match self.opens_block.get(i) {
                    Some(Some(n)) => crate::marks::block(*n),
                    _ => String::new(),
                };
                self.out.push(Event::Html(CowStr::from(format!(
                    "{mark}{open}<pre class=\"highlight\" tabindex=\"0\"><code class=\"language-{language}\">{inner}</code></pre></div>\n"
                ))));
                return Some(end + 1);
            }
            highlight::Outcome::Plain(limit) => {
                let language = highlight::language_of(info).to_string();
                self.not_highlighted.push((at, language, limit));
            }
            highlight::Outcome::Unknown => {}
        }
        self.plain_code = true;
        push_block_mark(&mut self.out, &self.opens_block, i);
        self.out.push(Event::Html(CowStr::from(open)));
        self.pending.push((end + 1, "</div>\n".to_string()));
        None
    }
}

/// The index of the first event from `i` on that `is_end` matches, or the number of events:
/// where the element that opens at `i` ends.
#[inline]
fn end_of(events: &[Event<'_>], i: usize, is_end: impl Fn(&Event<'_>) -> bool) -> usize {
    events[i..]
        .iter()
        .position(is_end)
        .map_or(events.len(), |p| i + p)
}

/// The passes over a page's HTML after pulldown-cmark wrote it, each done only for a page
/// that needs it.
#[derive(Clone, Copy)]
struct Passes<'l> {
    /// Raw HTML, not allowed as written: through the sanitizer.
    sanitize: bool,
    /// Tables: their scrolling region, with this name.
    tables: Option<&'l str>,
    /// A code block pulldown-cmark wrote, without its `tabindex`.
    plain_code: bool,
}

/// The HTML of a page's written events (`markdown_len` bytes of Markdown), after the passes
/// the events alone cannot do.
fn page_html(events: Vec<Event<'_>>, markdown_len: usize, passes: Passes<'_>) -> String {
    let mut html_out = String::with_capacity(markdown_len * 3 / 2);
    html::push_html(&mut html_out, events.into_iter());
    // CommonMark: U+0000 is replaced for security reasons (pulldown-cmark passes it through).
    // memchr: `str::contains` looks at a byte at a time, over every page's whole HTML.
    if memchr::memchr(0, html_out.as_bytes()).is_some() {
        html_out = html_out.replace('\0', "\u{fffd}");
    }
    if passes.sanitize {
        html_out = sanitizer().clean(&html_out).to_string();
    }
    if let Some(label) = passes.tables {
        html_out = decorate_tables(&html_out, label);
    }
    // Highlighted blocks are written with their `tabindex` above; the sanitizer drops it,
    // and pulldown-cmark writes the other blocks without one.
    if (passes.sanitize || passes.plain_code) && html_out.contains("<pre") {
        html_out = focusable_code(&html_out);
    }
    html_out
}

/// Markup of another tool, which polydocs publishes as written: its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub(crate) enum Foreign {
    /// `{% note %}`: a Liquid tag (Jekyll, Hexo's tag plugins, Eleventy).
    Tag,
    /// `{{< tabs >}}`, `{{% note %}}`: a Hugo shortcode.
    Shortcode,
    /// `:::note`: an admonition of Docusaurus, VuePress or Starlight.
    Admonition,
}

/// Where `markdown` holds what looks like another tool's markup: byte offset, length, kind.
/// One scan for `{` and `:`; each byte after a match is looked at once more at most (a line
/// without the closing mark is skipped to its end), so that a line of ten thousand `{%` costs
/// no more than a line of text.
fn foreign_candidates(markdown: &str) -> Vec<(usize, usize, Foreign)> {
    let bytes = markdown.as_bytes();
    let mut found = Vec::new();
    let mut skip_to = 0;
    for at in memchr::memchr2_iter(b'{', b':', bytes) {
        if at < skip_to {
            continue;
        }
        let rest = &bytes[at..];
        let (kind, close): (Foreign, &[u8]) = if rest.starts_with(b"{{<") {
            (Foreign::Shortcode, b">}}")
        } else if rest.starts_with(b"{{%") {
            (Foreign::Shortcode, b"%}}")
        } else if rest.starts_with(b"{%") {
            (Foreign::Tag, b"%}")
        } else if rest.starts_with(b":::") {
            skip_to = at + 3;
            // Only blanks and quote marks before it on its line (looked at back to the first
            // other byte: each blank once).
            let starts_line = bytes[..at]
                .iter()
                .rev()
                .find(|b| !matches!(b, b' ' | b'\t' | b'>'))
                .is_none_or(|b| *b == b'\n');
            let blanks = rest[3..]
                .iter()
                .take_while(|b| matches!(b, b' ' | b'\t'))
                .count();
            let name = &rest[3 + blanks..];
            let name_len = name
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
                .count();
            if starts_line && name.first().is_some_and(u8::is_ascii_alphabetic) {
                let len = rest.len() - name.len() + name_len;
                found.push((at, len, Foreign::Admonition));
                skip_to = at + len;
            }
            continue;
        } else {
            continue;
        };
        let line = &rest[..memchr::memchr(b'\n', rest).unwrap_or(rest.len())];
        match memchr::memmem::find(&line[2..], close) {
            Some(end) => {
                let len = 2 + end + close.len();
                found.push((at, len, kind));
                skip_to = at + len;
            }
            None => skip_to = at + line.len(),
        }
    }
    found
}

/// The warning for another tool's markup `kind` at byte `at` (`len` bytes) of `markdown`,
/// which starts at byte `body_start` of `source`.
pub(crate) fn foreign_markup(
    source: &SourceFile,
    body_start: usize,
    markdown: &str,
    (at, len, kind): (usize, usize, Foreign),
) -> Diagnostic {
    let written = markdown.get(at..at + len).unwrap_or_default();
    let shown: String = written.chars().take(60).collect();
    let shown = if shown.len() < written.len() {
        format!("{shown}...")
    } else {
        shown
    };
    let tool = match kind {
        Foreign::Tag => "a Liquid tag (Jekyll, Hexo, Eleventy)",
        Foreign::Shortcode => "a Hugo shortcode",
        Foreign::Admonition => "an admonition (Docusaurus, VuePress, Starlight)",
    };
    Diagnostic::warning(
        Code::ForeignShortcode,
        format!(
            "`{shown}` looks like {tool}; polydocs does not run it and publishes it as written"
        ),
    )
    .at_range(source, body_start + at..body_start + at + len)
    .hint(
        "for a note, tip or warning write a GitHub alert: a quote whose first line is \
         `> [!NOTE]` (or TIP, IMPORTANT, WARNING, CAUTION) and whose next lines start with `> `; \
         write anything else as Markdown, or put it in a code block to show it as code",
    )
}

/// The id of the words before a heading's text in the name of its self-link ("Link to this
/// section:"), which templates/base.html writes once a page, hidden: a heading's id is a slug
/// or an `{#id}`, never this.
pub(crate) const HEADING_LINK_LABEL: &str = "_hl";

/// The link to a heading (`id`, as given), shown beside it on hover and focus: no text of its
/// own (style.css draws a `#`), so that neither the heading's words in the contents nor the
/// search index get any; its name is "Link to this section:" and the heading's text.
fn heading_link(id: &str) -> String {
    let id = crate::escape::html(id);
    format!(
        "<a class=\"heading-link\" href=\"#{id}\" aria-labelledby=\"{HEADING_LINK_LABEL} {id}\"></a>"
    )
}

/// The frame of a fenced code block (closed by `</div>`): its language, already escaped, as
/// words in the corner (readable without scripts), where static/copy.js adds a copy button.
fn code_frame(language: &str) -> String {
    if language.is_empty() {
        "<div class=\"code\">".to_string()
    } else {
        format!("<div class=\"code\"><span class=\"code-lang\">{language}</span>")
    }
}

/// Tables wrapped in a scrolling region named `label`, their header cells scoped to columns:
/// one pass over the HTML.
fn decorate_tables(html: &str, label: &str) -> String {
    let open = format!(
        "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{}\"><table>",
        crate::escape::html(label)
    );
    let replacements = [
        ("<table>", open.as_str()),
        ("</table>", "</table></div>"),
        ("<th>", "<th scope=\"col\">"),
        ("<th style=", "<th scope=\"col\" style="),
    ];
    let mut out = String::with_capacity(html.len() + 256);
    let mut copied = 0;
    for (at, _) in html.match_indices('<') {
        if at < copied {
            continue;
        }
        let tail = &html[at..];
        if let Some((from, to)) = replacements.iter().find(|(from, _)| tail.starts_with(from)) {
            out.push_str(&html[copied..at]);
            out.push_str(to);
            copied = at + from.len();
        }
    }
    out.push_str(&html[copied..]);
    out
}

/// A page's words for the search index: its sections (the text before the first heading, then
/// each heading with the text under it), and the fenced code blocks left plain.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageText {
    pub sections: Vec<Section>,
    /// As [`Rendered::not_highlighted`] when [`render_page`] gathered the text; empty from
    /// [`page_text`], which does not highlight.
    pub(crate) not_highlighted: Vec<(usize, String, highlight::Limit)>,
}

/// A heading (empty for the text above the first one) and the text under it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Section {
    /// The heading's `id`, as [`render_with`] gives it.
    pub(crate) id: String,
    pub heading: String,
    pub text: String,
}

/// The text of a page, without markup, cut into sections at its headings (ids made as
/// [`render_with`] makes them). A page nested deeper than [`MAX_NESTING`] has no text.
pub fn page_text(markdown: &str) -> PageText {
    let mut depth = Depth::default();
    let mut text = TextCollector::new(true);
    for event in Parser::new_ext(markdown, options()) {
        if depth.too_deep_after(&event) {
            return PageText::default();
        }
        text.feed(&event);
    }
    text.finish()
}

/// Code blocks a keyboard can scroll: a line wider than the block scrolls inside it, and
/// a region that scrolls must take the focus (WCAG 2.1.1; axe's `scrollable-region-focusable`),
/// so each `<pre>` gets `tabindex="0"`: after the sanitizer, which keeps no `tabindex`, and
/// for the blocks pulldown-cmark writes.
fn focusable_code(html: &str) -> String {
    html.replace("<pre>", "<pre tabindex=\"0\">").replace(
        "<pre class=\"highlight\">",
        "<pre class=\"highlight\" tabindex=\"0\">",
    )
}

/// Gathers a page's [`PageText`] from its Markdown's events, so that rendering can gather it
/// from the events it reads anyway: the search index then costs no second parse of the page.
struct TextCollector {
    page: PageText,
    /// The heading ids given so far, when the collector makes them: [`render_page`] makes
    /// them for its HTML already, and hands them over at the end ([`TextCollector::finish_with`]).
    used: Option<HashSet<String>>,
    /// Inside a heading: its explicit id, if it has one.
    heading: Option<Option<String>>,
}

impl TextCollector {
    fn new(own_ids: bool) -> TextCollector {
        TextCollector {
            page: PageText {
                sections: vec![Section::default()],
                ..PageText::default()
            },
            used: own_ids.then(HashSet::new),
            heading: None,
        }
    }

    /// One event.
    fn feed(&mut self, event: &Event) {
        let section = self.page.sections.last_mut().expect("one section at least");
        match event {
            Event::Start(Tag::Heading { id, .. }) => {
                self.heading = Some(id.as_ref().map(|id| id.to_string()));
                self.page.sections.push(Section::default());
            }
            Event::End(TagEnd::Heading(_)) => {
                let explicit = self.heading.take().flatten();
                if let Some(used) = &mut self.used {
                    let base = explicit.unwrap_or_else(|| slugify(&section.heading));
                    section.id = unique_id(&base, used);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                section.text.push(' ');
            }
            Event::Text(t) | Event::Code(t) => {
                if self.heading.is_some() {
                    section.heading.push_str(t);
                } else {
                    section.text.push_str(t);
                }
            }
            Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image
                | TagEnd::Superscript
                | TagEnd::Subscript,
            ) => {}
            Event::End(_) | Event::SoftBreak | Event::HardBreak
                if self.heading.is_none() && !section.text.ends_with(' ') =>
            {
                section.text.push(' ');
            }
            _ => {}
        }
    }

    /// The text, with the ids [`render_page`] gave its headings, in order.
    fn finish_with(mut self, headings: &[Heading]) -> PageText {
        for (section, heading) in self.page.sections.iter_mut().skip(1).zip(headings) {
            section.id.clone_from(&heading.id);
        }
        self.finish()
    }

    fn finish(mut self) -> PageText {
        self.page
            .sections
            .retain(|s| !(s.heading.is_empty() && s.text.trim().is_empty() && s.id.is_empty()));
        self.page
    }
}

/// Addresses a page may link to: http, https, mailto, and relative ones (no scheme).
pub(crate) fn is_safe_address(url: &str) -> bool {
    let url = url.trim();
    let scheme_end =
        url.find(|c: char| !(c.is_ascii_alphanumeric() || c == '+' || c == '-' || c == '.'));
    match scheme_end {
        Some(i) if url[i..].starts_with(':') && i > 0 => {
            let scheme = url[..i].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto")
        }
        _ => !url.contains(|c: char| c.is_control()),
    }
}

/// The sanitizer for raw HTML in Markdown: ammonia's safe defaults, keeping what the
/// Markdown renderer itself writes (heading and footnote ids, classes, column alignment).
fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: std::sync::OnceLock<ammonia::Builder<'static>> = std::sync::OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.add_generic_attributes(["id", "class"]);
        // A heading's self-link is named by the hidden label and the heading.
        b.add_tag_attributes("a", ["aria-labelledby"]);
        b.add_tag_attributes("th", ["style"])
            .add_tag_attributes("td", ["style"]);
        // A callout's role and icon (the icon's outline only: no script, style or link).
        b.add_tag_attributes("div", ["role"]);
        b.add_tags(["svg", "path"]);
        b.add_tag_attributes(
            "svg",
            [
                "aria-hidden",
                "focusable",
                "viewBox",
                "width",
                "height",
                "fill",
            ],
        );
        b.add_tag_attributes("path", ["d", "fill-rule"]);
        b.add_tags(["input"]);
        b.add_tag_attributes("input", ["type", "checked", "disabled"]);
        b.url_schemes(["http", "https", "mailto"].into_iter().collect());
        b
    })
}

fn level_number(level: HeadingLevel) -> u8 {
    level as u8
}

fn unique_id(base: &str, used: &mut HashSet<String>) -> String {
    let base = if base.is_empty() { "section" } else { base };
    let mut candidate = base.to_string();
    let mut n = 1;
    while used.contains(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    used.insert(candidate.clone());
    candidate
}

/// A heading's text as an anchor: lowercase, words joined by `-`, letters of every script kept
/// (so a Chinese heading keeps its characters rather than becoming empty).
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if dash && !slug.is_empty() {
                slug.push('-');
            }
            dash = false;
            // `İ` lowercases to `i` and a combining dot: keep letters and digits only.
            slug.extend(c.to_lowercase().filter(|l| l.is_alphanumeric()));
        } else {
            dash = true;
        }
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_unique_ids_in_any_script() {
        let r = render(
            "## Named contacts\n\n## Named contacts\n\n## 指定的支援聯絡人\n\n## Own {#mine}\n",
        );
        let ids: Vec<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "named-contacts",
                "named-contacts-1",
                "指定的支援聯絡人",
                "mine"
            ]
        );
        assert!(
            r.html.contains(r#"<h2 id="named-contacts-1">"#),
            "{}",
            r.html
        );
    }

    #[test]
    fn gfm_tables_and_footnotes_render() {
        let r = render("| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1].\n\n[^1]: Note.\n");
        assert!(r.html.contains("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table\"><table>"), "{}", r.html);
        assert!(r.html.contains("<th scope=\"col\">a</th>"), "{}", r.html);
        assert!(r.html.contains("footnote"), "{}", r.html);
    }

    #[test]
    fn unsafe_addresses_are_refused_and_raw_html_sanitized() {
        let r = render(
            "[a](javascript:alert(1)) [b](JaVaScRiPt:x) ![c](data:image/png;base64,AA) [d](../ok/) [e](https://x.org) [f](#frag)\n\n<script>alert(1)</script><p onclick=\"x()\">hi</p>\n",
        );
        let urls: Vec<&str> = r.refused.iter().map(|(_, u)| u.as_str()).collect();
        assert_eq!(
            urls,
            [
                "javascript:alert(1)",
                "JaVaScRiPt:x",
                "data:image/png;base64,AA"
            ]
        );
        assert!(
            !r.html.contains("javascript") && !r.html.contains("data:"),
            "{}",
            r.html
        );
        assert!(
            !r.html.contains("<script") && !r.html.contains("onclick"),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("href=\"../ok/\"") && r.html.contains("href=\"#frag\""),
            "{}",
            r.html
        );
        let raw = render_with("<b onclick=\"x()\">kept</b>\n", true, "Table");
        assert!(
            raw.html.contains("onclick"),
            "raw HTML allowed by the site is kept: {}",
            raw.html
        );
    }

    #[test]
    fn fenced_code_is_highlighted_with_classes_and_unknown_languages_stay_plain() {
        let r = render("```rust\nfn main() {}\n```\n\n```klingon\nqapla'\n```\n");
        assert!(
            r.html.contains("<pre class=\"highlight\" tabindex=\"0\"><code class=\"language-rust\"><span class=\"k\">fn </span><span class=\"e\">main</span>() {}\n</code></pre>"),
            "{}",
            r.html
        );
        assert!(
            r.html.contains(
                "<pre tabindex=\"0\"><code class=\"language-klingon\">qapla'\n</code></pre>"
            ),
            "{}",
            r.html
        );
    }

    #[test]
    fn page_text_follows_headings_and_finds_large_code() {
        let long = "x".repeat(highlight::MAX_LINE + 1);
        let text = format!(
            "Intro *text*.\n\n## Named contacts\n\nTwo `people`.\n\n## Named contacts\n\n```json\n{long}\n```\n"
        );
        let page = page_text(&text);
        let ids: Vec<&str> = page.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["", "named-contacts", "named-contacts-1"]);
        assert_eq!(page.sections[0].text.trim(), "Intro text.");
        assert_eq!(page.sections[1].heading, "Named contacts");
        assert_eq!(page.sections[1].text.trim(), "Two people.");
        assert_eq!(
            render(&text).not_highlighted,
            [(
                text.find("```json").unwrap(),
                "json".to_string(),
                highlight::Limit::Size
            )]
        );
        // Rendering collects the same text, with the ids of the headings it writes.
        let rendered = render_page(&text, false, &Labels::english(""), true);
        let gathered = rendered.text.as_ref().expect("text");
        assert_eq!(gathered.sections, page.sections);
        assert_eq!(gathered.not_highlighted, rendered.not_highlighted);
        assert!(rendered.html.contains("id=\"named-contacts-1\""));
        let explicit = "## One {#first}\n\nA\n\n## One\n\nB\n\n## Two\n";
        assert_eq!(
            render_page(explicit, false, &Labels::english(""), true).text,
            Some(page_text(explicit))
        );
    }

    #[test]
    fn other_tools_markup_is_found_outside_code_only() {
        let text = "{% note info %}\n\n  :::tip[Title]\n\n:::\n\nA {{% x %}} and {{< y >}}.\n\n`{% code %}`\n\n```\n:::note\n```\n\nTime 10:30, a {b}, {%% no close\n";
        let found: Vec<(&str, Foreign)> = render(text)
            .foreign
            .iter()
            .map(|&(at, len, kind)| (&text[at..at + len], kind))
            .collect();
        assert_eq!(
            found,
            [
                ("{% note info %}", Foreign::Tag),
                (":::tip", Foreign::Admonition),
                ("{{% x %}}", Foreign::Shortcode),
                ("{{< y >}}", Foreign::Shortcode),
            ]
        );
        // A line of openers without a closer, or of colons, is looked at once.
        let hostile = format!("{}\n{}\n", "{%".repeat(200_000), ":::a".repeat(100_000));
        let started = std::time::Instant::now();
        let found = foreign_candidates(&hostile);
        assert_eq!(found.len(), 1, "only the first `:::` of a line starts it");
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
    }

    #[test]
    fn alerts_render_inside_the_sanitizer_too() {
        let r = render("> [!CAUTION]\n> <b onclick=\"x()\">bold</b>\n\n> [!NOTE]\n> > inner\n");
        assert!(
            r.html.starts_with("<div class=\"callout callout-caution\" role=\"note\"><p class=\"callout-label\"><svg class=\"callout-icon\" aria-hidden=\"true\""),
            "{}",
            r.html
        );
        assert!(r.html.contains("Caution</p>"), "{}", r.html);
        assert!(!r.html.contains("onclick"), "{}", r.html);
        assert!(r.html.contains("<blockquote>"), "{}", r.html);
        assert_eq!(r.html.matches("</div>").count(), 2, "{}", r.html);
    }

    #[test]
    fn nesting_past_the_limit_renders_nothing_and_says_where() {
        let under = format!("{} ok\n", ">".repeat(MAX_NESTING - 1));
        let r = render(&under);
        assert_eq!(r.too_deep, None);
        assert!(r.html.contains("ok"));

        let text = format!("intro\n\n{} deep\n", ">".repeat(MAX_NESTING + 5));
        let r = render(&text);
        let at = r.too_deep.expect("too deep");
        assert!(
            at >= "intro\n\n".len() && at < text.len(),
            "{at} is inside the run of `>`"
        );
        assert!(r.html.is_empty());
    }
}
