//! Localized strings: one Fluent bundle per language, looked up along the fallback chain.
//!
//! Bundles are `concurrent::FluentBundle`s so that every rendering thread shares them.
//! Isolation marks are off: output is HTML whose `dir` is already set per page, and the
//! invisible FSI/PDI characters would otherwise end up inside attributes and table cells.

pub mod builtin;
pub mod html;
pub mod list;
pub mod messages;
pub mod pseudo;
pub mod syntax;
pub mod time;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::resolver::ResolverError;
use fluent_bundle::{FluentArgs, FluentError, FluentResource};
use fluent_syntax::ast;

use crate::config::SiteConfig;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::{Position, SourceFile};

pub use time::TimeFormat;

type Bundle = FluentBundle<Arc<FluentResource>>;

/// One parsed `.ftl` file, kept for the translators' checks (which walk its syntax tree).
pub(crate) struct LocaleFile {
    /// Path relative to the site root.
    pub(crate) display: String,
    /// The entries. Offsets into `resource.source()` are offsets into the file, but the lines
    /// of a broken entry may have been blanked there (see [`syntax`]).
    pub(crate) resource: Arc<FluentResource>,
    /// The file as written, when lines were blanked in the resource's copy.
    original: Option<String>,
    /// Messages written in the file whose definition is a syntax error.
    pub(crate) broken: Vec<String>,
}

impl LocaleFile {
    /// The file as a source, for positions and the lines shown under a diagnostic.
    pub fn source(&self) -> SourceFile {
        let text = self
            .original
            .clone()
            .unwrap_or_else(|| self.resource.source().to_string());
        SourceFile::from_text(self.display.clone(), text)
    }
}

/// A message that cannot be formatted, whatever arguments it is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Defect {
    /// It refers back to itself, directly or through other messages.
    Cycle,
    /// It expands to more placeables than Fluent formats (100).
    TooLarge,
}

/// Where a message is defined in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    pub file: String,
    pub position: Position,
}

/// All languages' strings, loaded and ready to format.
pub struct Locales {
    bundles: Vec<Bundle>,
    /// Per language: the theme's own words in it ([`builtin`]), looked up along the chain
    /// only for a message no language of the chain writes (the default language's theme
    /// words are English where the theme has none in it).
    builtin: Vec<Option<Bundle>>,
    /// Per language: message ID → where it is defined in that language's own files.
    pub defined: Vec<BTreeMap<String, Definition>>,
    /// Per language: the chain of languages to look in, itself first.
    chains: Vec<Vec<usize>>,
    /// Per language: how times of day are written.
    times: Vec<TimeFormat>,
    /// Per language: its folder code, for messages.
    codes: Vec<String>,
    /// Per language: its BCP 47 tag and its direction (`ltr`, `rtl`), to mark text shown in
    /// another language than the page's.
    tags: Vec<String>,
    dirs: Vec<&'static str>,
    /// Per language: its own files, parsed (empty for a pseudo-language).
    pub(crate) files: Vec<Vec<LocaleFile>>,
    /// Whether the text of each message a page shows is marked with its ID ([`crate::marks`]), for
    /// the preview's translate mode ([`SiteConfig::mark_messages`]).
    marked: bool,
}

/// A locale file's text as it would be, read in place of the file on disk
/// ([`Locales::load_with`]).
pub(crate) struct Overlay {
    pub(crate) path: std::path::PathBuf,
    pub(crate) text: String,
}

/// A message could not be formatted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// No language of the chain defines the message.
    Missing { id: String },
    /// The message exists but formatting it failed (unknown variable, missing reference...).
    Broken {
        id: String,
        language: String,
        detail: String,
    },
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormatError::Missing { id } => write!(f, "no locale defines the message `{id}`"),
            FormatError::Broken {
                id,
                language,
                detail,
            } => {
                write!(
                    f,
                    "message `{id}` in {language} cannot be formatted: {detail}"
                )
            }
        }
    }
}

impl Locales {
    /// Reads `locales/<code>/**/*.ftl` for every language of the site.
    pub fn load(root: &Path, config: &SiteConfig) -> (Locales, Vec<Diagnostic>) {
        Locales::load_with(root, config, None)
    }

    /// [`load`](Self::load), with one file read as `overlay` says instead of from disk (added
    /// when it does not exist yet): a translation typed in the preview is checked as `check`
    /// would check it, before anything is written.
    pub(crate) fn load_with(
        root: &Path,
        config: &SiteConfig,
        overlay: Option<&Overlay>,
    ) -> (Locales, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut loaded: Vec<Loaded> = Vec::new();
        let mut builtin = Vec::new();
        for (n, lang) in config.languages.iter().enumerate() {
            let langid = lang
                .tag
                .parse::<unic_langid::LanguageIdentifier>()
                .unwrap_or_default();
            // Plural rules are looked up by language; CLDR keys them by the bare language.
            let locales = vec![plural_langid(&langid), langid];
            let mut bundle = Bundle::new_concurrent(locales.clone());
            bundle.set_use_isolating(false);
            builtin.push(theme_words(config, n, locales));
            loaded.push(if lang.pseudo {
                Loaded::pseudo(bundle, &loaded[config.default])
            } else {
                Loaded::read(root, &lang.code, bundle, overlay, &mut diags)
            });
        }
        (Locales::of(config, loaded, builtin), diags)
    }

    /// The locales of the site's languages, from each one's loaded files.
    fn of(config: &SiteConfig, loaded: Vec<Loaded>, builtin: Vec<Option<Bundle>>) -> Locales {
        let mut bundles = Vec::new();
        let mut defined = Vec::new();
        let mut files = Vec::new();
        for language in loaded {
            bundles.push(language.bundle);
            defined.push(language.defined);
            files.push(language.files);
        }
        let languages = &config.languages;
        let times = languages
            .iter()
            .zip(&defined)
            .map(|(lang, own)| TimeFormat::new(&lang.tag, own.contains_key(time::OVERRIDE_ID)))
            .collect();
        Locales {
            bundles,
            builtin,
            defined,
            chains: languages.iter().map(|l| l.chain.clone()).collect(),
            times,
            codes: languages.iter().map(|l| l.code.clone()).collect(),
            tags: languages.iter().map(|l| l.tag.clone()).collect(),
            dirs: languages.iter().map(|l| l.direction.as_str()).collect(),
            files,
            marked: config.mark_messages,
        }
    }

    /// `text`, the formatted message `id`, as a page shows it: marked with its ID in the
    /// preview's translate mode, else as it is.
    pub(crate) fn shown(&self, id: &str, text: String) -> String {
        if self.marked {
            crate::marks::mark(id, &text)
        } else {
            text
        }
    }

    pub(crate) fn code(&self, lang: usize) -> &str {
        &self.codes[lang]
    }

    /// The index of the language whose site code is `code`.
    pub(crate) fn language_of(&self, code: &str) -> Option<usize> {
        self.codes.iter().position(|c| c == code)
    }

    /// The BCP 47 tag of a language (what `lang=""` says).
    pub(crate) fn tag(&self, lang: usize) -> &str {
        &self.tags[lang]
    }

    /// The writing direction of a language: `ltr` or `rtl`.
    pub(crate) fn dir(&self, lang: usize) -> &'static str {
        self.dirs[lang]
    }

    /// Names joined as the language writes a list ("A, B and C", "A、B和C"), with the CLDR
    /// list patterns of its tag (ICU4X compiled data).
    pub fn list<S: AsRef<str>>(&self, lang: usize, items: &[S]) -> String {
        list::join(&self.tags[lang], items)
    }

    /// Where the message `id` that `lang` uses is defined (in `lang` or along its chain).
    pub(crate) fn definition(&self, lang: usize, id: &str) -> Option<(&str, Position)> {
        let source = self.resolve(lang, id)?;
        self.defined[source]
            .get(id)
            .map(|d| (d.file.as_str(), d.position))
    }

    /// Formats `id` from `lang`'s own files without arguments and says whether it fails in a
    /// way no caller can cause or avoid: it refers back to itself, or expands to more
    /// placeables than Fluent allows (a "billion laughs" made of messages). Found here, the
    /// error can point at the message instead of at the template that happened to use it.
    pub(crate) fn defect(&self, lang: usize, id: &str) -> Option<Defect> {
        let bundle = &self.bundles[lang];
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        bundle.format_pattern(pattern, None, &mut errors);
        errors.iter().find_map(|e| match e {
            FluentError::ResolverError(ResolverError::Cyclic) => Some(Defect::Cycle),
            FluentError::ResolverError(ResolverError::TooManyPlaceables) => Some(Defect::TooLarge),
            _ => None,
        })
    }

    /// Whether the language's own files define `id`.
    pub(crate) fn defines(&self, lang: usize, id: &str) -> bool {
        self.defined[lang].contains_key(id)
    }

    /// The first language of `lang`'s chain whose files define `id`; for a message no file of
    /// the chain writes, the first language of the chain the theme's own words have it in.
    /// A message the site writes in its default language and not in `lang` falls back to the
    /// site's text, never to the theme's.
    pub fn resolve(&self, lang: usize, id: &str) -> Option<usize> {
        let chain = &self.chains[lang];
        (chain.iter().copied())
            .find(|&l| self.bundles[l].has_message(id))
            .or_else(|| {
                (chain.iter().copied())
                    .find(|&l| self.builtin[l].as_ref().is_some_and(|b| b.has_message(id)))
            })
    }

    /// Whether a file of the site writes `id` for `lang` or a language of its chain (the
    /// theme's own words aside).
    pub(crate) fn written(&self, lang: usize, id: &str) -> bool {
        self.chains[lang]
            .iter()
            .any(|&l| self.bundles[l].has_message(id))
    }

    /// The bundle `resolve` found `id` in for language `source`: its files', or the theme's.
    fn bundle_with(&self, source: usize, id: &str) -> &Bundle {
        match &self.builtin[source] {
            Some(theme) if !self.bundles[source].has_message(id) => theme,
            _ => &self.bundles[source],
        }
    }

    /// Formats a message for `lang`, falling back along its chain.
    pub fn format(
        &self,
        lang: usize,
        id: &str,
        args: Option<&FluentArgs>,
    ) -> Result<String, FormatError> {
        let source = self
            .resolve(lang, id)
            .ok_or_else(|| FormatError::Missing { id: id.to_string() })?;
        let bundle = self.bundle_with(source, id);
        let pattern = bundle
            .get_message(id)
            .and_then(|m| m.value())
            .ok_or_else(|| FormatError::Missing { id: id.to_string() })?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        match errors.first() {
            None => Ok(text.into_owned()),
            Some(e) => Err(FormatError::Broken {
                id: id.to_string(),
                language: self.codes[source].clone(),
                detail: e.to_string(),
            }),
        }
    }

    /// Formats a message with a single number argument (`$count`).
    pub fn format_count(&self, lang: usize, id: &str, count: u32) -> Result<String, FormatError> {
        let mut args = FluentArgs::new();
        args.set("count", count);
        self.format(lang, id, Some(&args))
    }

    /// A time of day as the language writes it.
    pub fn format_time(
        &self,
        lang: usize,
        time: crate::plan::TimeOfDay,
    ) -> Result<String, FormatError> {
        self.time_formatter(lang).format(time)
    }

    /// A formatter of times of day for one language, to format many in a row.
    pub(crate) fn time_formatter(&self, lang: usize) -> time::TimeFormatter<'_> {
        self.times[lang].formatter(self, lang)
    }
}

/// One language's messages as loaded: its bundle, where it defines each message, its files.
struct Loaded {
    bundle: Bundle,
    defined: BTreeMap<String, Definition>,
    files: Vec<LocaleFile>,
}

impl Loaded {
    /// The pseudo-language: the default language's strings, transformed as they are
    /// formatted. It has no files of its own.
    fn pseudo(mut bundle: Bundle, default: &Loaded) -> Loaded {
        bundle.set_transform(Some(pseudo::transform));
        for file in &default.files {
            let _ = bundle.add_resource(Arc::clone(&file.resource));
        }
        Loaded {
            bundle,
            defined: default.defined.clone(),
            files: Vec::new(),
        }
    }

    /// Reads `locales/<code>/**/*.ftl` into `bundle`, with the overlay's text in place of its
    /// file. The files' diagnostics name the language.
    fn read(
        root: &Path,
        code: &str,
        mut bundle: Bundle,
        overlay: Option<&Overlay>,
        diags: &mut Vec<Diagnostic>,
    ) -> Loaded {
        let dir = root.join("locales").join(code);
        // A site without locales/ at all uses no messages; one with it should have every language.
        if !dir.is_dir() && root.join("locales").is_dir() {
            diags.push(missing_locale(code));
        }
        let (mut paths, walk_diags) = crate::source::walk(root, &dir, &["ftl"]);
        diags.extend(walk_diags);
        if let Some(o) = overlay.filter(|o| o.path.starts_with(&dir) && !paths.contains(&o.path)) {
            paths.push(o.path.clone());
        }
        let mut defined = BTreeMap::new();
        let mut files = Vec::new();
        let mut file_diags = Vec::new();
        for path in paths {
            let read = match overlay.filter(|o| o.path == path) {
                Some(o) => Ok(SourceFile::from_text(
                    crate::source::display_path(root, &path),
                    o.text.clone(),
                )),
                None => SourceFile::read(root, &path),
            };
            match read {
                Ok(src) => files.extend(add_file(&mut bundle, &mut defined, src, &mut file_diags)),
                Err(d) => file_diags.push(*d),
            }
        }
        diags.extend(file_diags.into_iter().map(|d| d.in_language(code)));
        Loaded {
            bundle,
            defined,
            files,
        }
    }
}

/// A language without its folder under an existing `locales/`: every string falls back.
fn missing_locale(code: &str) -> Diagnostic {
    Diagnostic::warning(
        Code::MissingLocale,
        format!("no folder locales/{code} for language `{code}`"),
    )
    .in_file("site.yaml")
    .hint(format!(
        "create locales/{code}/ with .ftl files; until then every string falls back"
    ))
}

/// The theme's own words for language `n` of the site ([`builtin`]): the language's, or
/// English for the default language where the theme has none in it; a pseudo-language's are
/// its default language's, transformed as its strings are.
fn theme_words(
    config: &SiteConfig,
    n: usize,
    locales: Vec<unic_langid::LanguageIdentifier>,
) -> Option<Bundle> {
    let lang = &config.languages[n];
    let tag = if lang.pseudo {
        &config.languages[config.default].tag
    } else {
        &lang.tag
    };
    let is_default = n == config.default || lang.pseudo;
    let words = builtin::messages_for(tag).or_else(|| is_default.then(builtin::english))?;
    let mut theme = Bundle::new_concurrent(locales);
    theme.set_use_isolating(false);
    if lang.pseudo {
        theme.set_transform(Some(pseudo::transform));
    }
    let _ = theme.add_resource(words);
    Some(theme)
}

/// The bare language of a tag (`zh-Hant-TW` → `zh`), which CLDR plural rules are keyed by.
fn plural_langid(langid: &unic_langid::LanguageIdentifier) -> unic_langid::LanguageIdentifier {
    unic_langid::LanguageIdentifier::from_parts(langid.language, None, None, &[])
}

/// Deepest nesting of `{` placeables accepted in a Fluent file.
pub(crate) const MAX_NESTING: usize = 64;

/// The offset where `{` placeables and `(` call arguments nest deeper than [`MAX_NESTING`],
/// if they do: the Fluent parser recurses once per level, and a file nesting thousands of
/// calls (`F(F(F(…`) would overflow the stack. String literals do not count; a `)` only closes a `(` of its own placeable
/// (one in a variant's text closes nothing), and a `}` closes its placeable's calls too.
pub(crate) fn too_deep(text: &str) -> Option<usize> {
    let mut open: Vec<char> = Vec::new();
    let (mut in_string, mut escaped) = (false, false);
    for (i, c) in text.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' | '\n' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '{' => open.push('{'),
            '(' if !open.is_empty() => open.push('('),
            ')' if open.last() == Some(&'(') => drop(open.pop()),
            '}' => while open.pop().is_some_and(|o| o == '(') {},
            '"' if !open.is_empty() => in_string = true,
            _ => {}
        }
        if open.len() > MAX_NESTING {
            return Some(i);
        }
    }
    None
}

/// Parses one file (once), reports its syntax errors and duplicates, and adds it to the bundle.
fn add_file(
    bundle: &mut Bundle,
    own: &mut BTreeMap<String, Definition>,
    src: SourceFile,
    diags: &mut Vec<Diagnostic>,
) -> Option<LocaleFile> {
    // The Fluent parser recurses once per nesting level: refuse absurd nesting before it
    // can overflow the stack.
    if let Some(offset) = too_deep(&src.text) {
        diags.push(
            Diagnostic::error(
                Code::FluentTooDeep,
                format!("placeables are nested more than {MAX_NESTING} deep here"),
            )
            .at_range(&src, offset..offset + 1)
            .hint("a message never needs this; close the `{` placeables"),
        );
        return None;
    }
    let parsed = syntax::parse(&src);
    diags.extend(parsed.diagnostics);
    let resource = parsed.resource;
    for entry in resource.entries() {
        let ast::Entry::Message(message) = entry else {
            continue;
        };
        let name = message.id.name;
        let offset = source_offset(&resource, name).unwrap_or(0);
        let position = src.position(offset);
        if let Some(first) = own.get(name) {
            diags.push(
                Diagnostic::error(
                    Code::DuplicateMessage,
                    format!("message `{name}` is defined twice"),
                )
                .spanning(&src, position, name.chars().count())
                .hint(format!(
                    "it is already defined at {}:{}:{}; keep one of the two",
                    first.file, first.position.line, first.position.column
                )),
            );
            continue;
        }
        if message.value.is_none() && message.attributes.is_empty() {
            continue;
        }
        own.insert(
            name.to_string(),
            Definition {
                file: src.display.clone(),
                position,
            },
        );
    }
    // Duplicates are reported above with positions; the bundle keeps the first definition.
    let resource = Arc::new(resource);
    let _ = bundle.add_resource(Arc::clone(&resource));
    Some(LocaleFile {
        original: parsed.blanked.then_some(src.text),
        display: src.display,
        resource,
        broken: parsed.broken,
    })
}

fn source_offset(resource: &FluentResource, slice: &str) -> Option<usize> {
    let start = resource.source().as_ptr() as usize;
    let at = slice.as_ptr() as usize;
    (at >= start && at <= start + resource.source().len()).then(|| at - start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_after_an_unclosed_brace_is_defined_where_it_is_written() {
        let text = "a = Bonjour {\nb = Monde\n";
        let src = SourceFile::from_text("locales/fr/ui.ftl", text);
        let mut bundle = Bundle::new_concurrent(vec!["fr".parse().unwrap()]);
        bundle.set_use_isolating(false);
        let (mut own, mut diags) = (BTreeMap::new(), Vec::new());
        let file = add_file(&mut bundle, &mut own, src, &mut diags).unwrap();

        assert_eq!(diags.len(), 1, "{diags:#?}");
        assert_eq!(diags[0].location(), "locales/fr/ui.ftl:1:13");
        assert!(!own.contains_key("a"));
        assert_eq!(own["b"].position, Position { line: 2, column: 1 });
        assert_eq!(file.broken, ["a"]);
        // Diagnostics show the lines as written, not as blanked for the parser.
        assert_eq!(file.source().text, text);
        let b = bundle.get_message("b").and_then(|m| m.value()).unwrap();
        let mut errors = Vec::new();
        assert_eq!(bundle.format_pattern(b, None, &mut errors), "Monde");
    }
}
