//! `site.yaml`: the languages, the default language, the base URL and the output folder.
//!
//! Deserialized once into typed structs and validated once (the Zola way); everything after
//! this module works with a [`SiteConfig`] that is known to be consistent.

use std::path::PathBuf;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diagnostic::{Code, Diagnostic};
use crate::source::{Position, SourceFile};
use crate::yaml;

pub(crate) const CONFIG_FILE: &str = "site.yaml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    /// The site's name when a language does not give its own (`title` of a language, or
    /// the `site-title` message, win over it).
    #[serde(default)]
    title: Option<String>,
    base_url: Spanned<String>,
    default_language: Spanned<String>,
    /// `None` when the key is absent (the default folder); `output: ~` is an error, not the
    /// default said another way.
    #[serde(default, deserialize_with = "present")]
    output: Option<Option<Spanned<String>>>,
    languages: Vec<RawLanguage>,
    /// Writes a search index for each language and shows the search box (`search: false`
    /// turns both off).
    #[serde(default = "yes")]
    search: bool,
    /// Where a page's source file can be edited: the address that, followed by the file's
    /// path from the site root (`content/fr/docs/x.md`), opens it in the repository's editor.
    #[serde(default)]
    edit_url: Option<Spanned<String>>,
    /// The site's own settings for its templates (`config.extra` in a template), as Zola's
    /// `[extra]`: any values, under names the site chooses.
    #[serde(default)]
    extra: Option<serde_json::Value>,
}

/// A key that is there, whatever its value: `Some(None)` for `key: ~`, so that a null is told
/// apart from a key left out (serde gives `None` for both to an `Option`).
fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    code: Spanned<String>,
    tag: Spanned<String>,
    #[serde(default)]
    prefix: Option<Spanned<String>>,
    name: String,
    /// Without it, the tag's: right-to-left for Arabic, Hebrew, Persian, Urdu...
    #[serde(default)]
    direction: Option<Direction>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    fallback: Option<Spanned<OneOrMany>>,
    /// Publish raw HTML in this language's Markdown as written (it is sanitized otherwise).
    #[serde(default)]
    raw_html: bool,
}

/// `fallback: fr` or `fallback: [fr-CA, fr]`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl RawLanguage {
    /// The fallback codes, each with the position of the `fallback:` value (an untagged
    /// value keeps no position per item).
    fn fallbacks(&self) -> Vec<Spanned<String>> {
        let Some(f) = &self.fallback else {
            return Vec::new();
        };
        let codes = match &f.value {
            OneOrMany::One(one) => vec![one.clone()],
            OneOrMany::Many(many) => many.clone(),
        };
        codes
            .into_iter()
            .map(|value| Spanned {
                value,
                referenced: f.referenced,
                defined: f.defined,
            })
            .collect()
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Ltr,
    Rtl,
}

impl Direction {
    /// The direction a language tag's script is written in: its script subtag where it has one
    /// (`az-Arab`, `ks-Deva`), else its language's usual script (`ar`, `he`, `fa`, `ur`...).
    /// A publisher adding `ar` should not have to know to say `direction: rtl`; a wrong guess
    /// is overridden in site.yaml.
    pub(crate) fn of_tag(tag: &str) -> Direction {
        const RTL_SCRIPTS: [&str; 8] = [
            "arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg", "mand",
        ];
        const RTL_LANGUAGES: [&str; 16] = [
            "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "syr", "ug", "ur", "yi",
            "nqo", "prs",
        ];
        let mut subtags = tag.split(['-', '_']).map(str::to_ascii_lowercase);
        let language = subtags.next().unwrap_or_default();
        let script = subtags.find(|s| s.len() == 4 && s.chars().all(|c| c.is_ascii_alphabetic()));
        let rtl = match script {
            Some(script) => RTL_SCRIPTS.contains(&script.as_str()),
            None => RTL_LANGUAGES.contains(&language.as_str()),
        };
        if rtl { Direction::Rtl } else { Direction::Ltr }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// One language of the site.
#[derive(Debug, Clone)]
pub struct Language {
    /// The folder code used under `locales/` and `content/` (`zh-TW`).
    pub code: String,
    /// The BCP 47 tag for `lang` and `hreflang` (`zh-Hant-TW`).
    pub(crate) tag: String,
    /// The URL prefix (`zh-tw`): the language's pages live under `/<prefix>/`.
    pub prefix: String,
    /// The language's name in itself, as the switcher shows it.
    pub(crate) name: String,
    pub(crate) direction: Direction,
    /// The site's name in this language, if site.yaml gives one.
    pub(crate) title: Option<String>,
    /// Indices into [`SiteConfig::languages`]: this language first, the default language last.
    pub chain: Vec<usize>,
    /// The pseudo-language of `build --pseudo`, made from the default language.
    pub pseudo: bool,
    /// Raw HTML in this language's pages is trusted (not sanitized).
    pub(crate) raw_html: bool,
}

/// The validated site configuration.
#[derive(Debug, Clone)]
pub struct SiteConfig {
    pub languages: Vec<Language>,
    /// Index of the default language in `languages`.
    pub default: usize,
    /// Absolute base URL ending with `/`; its path is the sub-path the site is served under.
    pub base_url: String,
    /// Where `base_url` is written in site.yaml; none when `build --base-url` replaced it.
    pub(crate) base_url_at: Option<Position>,
    /// Whether the sitemap (and robots.txt's `Sitemap:` line) is written: when the address
    /// the site is published at has a host ([`has_host`]). The preview server keeps it when
    /// it serves the pages from `/`.
    pub(crate) sitemap: bool,
    /// The output folder as written in `site.yaml`, relative to the site root.
    pub(crate) output: PathBuf,
    /// Whether each language gets a search index and box.
    pub(crate) search: bool,
    /// The address a page's source path is appended to for its "Edit this page" link (ends
    /// with `/`); no link without it.
    pub(crate) edit_url: Option<String>,
    /// `extra:` of site.yaml, for the templates (`config.extra`): a mapping, empty without one.
    pub(crate) extra: serde_json::Value,
    /// Every page is marked `noindex` (`build --noindex`).
    pub(crate) noindex: bool,
    /// The text of every message and Markdown block a page shows is marked with where it
    /// comes from ([`crate::marks`]): the preview's translate mode (`serve --translate`).
    pub(crate) mark_messages: bool,
}

impl SiteConfig {
    pub fn default_language(&self) -> &Language {
        &self.languages[self.default]
    }

    pub fn language_index(&self, code: &str) -> Option<usize> {
        self.languages.iter().position(|l| l.code == code)
    }

    /// The languages' codes, in site.yaml's order (for messages that list them).
    pub(crate) fn codes(&self) -> Vec<&str> {
        self.languages.iter().map(|l| l.code.as_str()).collect()
    }
}

/// Parses and checks `site.yaml`.
///
/// Every check runs before any error stops the parse, so one build names every mistake of the
/// file at once, in the order of its fields.
pub fn parse(source: &SourceFile) -> Result<SiteConfig, Vec<Diagnostic>> {
    let raw: RawConfig = yaml::parse(source).map_err(|d| vec![*d])?;
    let mut errors = Vec::new();
    errors.extend(check_extra(&raw, source));
    let (codes, prefixes) = check_languages(&raw.languages, source, &mut errors);
    let default = codes.iter().position(|c| *c == raw.default_language.value);
    if default.is_none() {
        errors.push(unknown_default_language(&raw, &codes, source));
    }
    check_fallbacks(&raw.languages, &codes, source, &mut errors);
    let base_url = normalize_base_url(&raw.base_url.value);
    if base_url.is_none() {
        errors.push(bad_base_url(&raw.base_url, source));
    }
    let edit_url = raw.edit_url.as_ref().and_then(|e| {
        let url = normalize_edit_url(&e.value);
        if url.is_none() {
            errors.push(bad_edit_url(e, source));
        }
        url
    });
    let output = output_folder(&raw);
    if output.trim().is_empty() {
        errors.push(empty_output(&raw, source));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let default = default.unwrap_or(0);
    Ok(SiteConfig {
        languages: languages(&raw, &codes, &prefixes, default),
        default,
        sitemap: base_url.as_deref().is_some_and(has_host),
        base_url: base_url.unwrap_or_default(),
        base_url_at: Some(at(&raw.base_url)),
        output: PathBuf::from(output),
        search: raw.search,
        edit_url,
        extra: raw
            .extra
            .filter(serde_json::Value::is_object)
            .unwrap_or_else(|| serde_json::Value::Object(Default::default())),
        noindex: false,
        mark_messages: false,
    })
}

/// Where a value of site.yaml starts, for a diagnostic about it.
fn at(value: &Spanned<String>) -> Position {
    yaml::spanned_position(value, 0)
}

/// `extra:` must be a mapping (or empty): templates read it as `config.extra.<name>`. The
/// parsed value keeps no position, so the error points at the `extra:` line itself.
fn check_extra(raw: &RawConfig, source: &SourceFile) -> Option<Diagnostic> {
    let extra = raw.extra.as_ref()?;
    if extra.is_object() || extra.is_null() {
        return None;
    }
    let line = source
        .text
        .lines()
        .position(|l| l.starts_with("extra:"))
        .map_or(1, |i| i + 1);
    Some(
        Diagnostic::error(Code::YamlType, "`extra:` must hold `name: value` lines")
            .spanning(source, Position { line, column: 1 }, "extra".len())
            .hint("write the site's own settings under `extra:`, indented, such as `  support_email: help@example.com`; templates read them as `config.extra.support_email`"),
    )
}

/// Checks each language's code, tag and URL prefix, and gives back the codes and prefixes in
/// site.yaml's order (the later checks and the [`Language`]s are built from them).
fn check_languages<'r>(
    languages: &'r [RawLanguage],
    source: &SourceFile,
    errors: &mut Vec<Diagnostic>,
) -> (Vec<&'r str>, Vec<String>) {
    let mut codes: Vec<&str> = Vec::new();
    let mut prefixes: Vec<String> = Vec::new();
    for lang in languages {
        let code = lang.code.value.as_str();
        errors.extend(check_code(lang, &codes, source));
        codes.push(code);
        errors.extend(check_tag(lang, source));
        let prefix = lang
            .prefix
            .as_ref()
            .map_or_else(|| code.to_lowercase(), |p| p.value.clone());
        errors.extend(check_prefix(lang, &prefix, &prefixes, source));
        prefixes.push(prefix);
    }
    (codes, prefixes)
}

/// A language's code names its folders under `content/` and `locales/`: it must be a usable
/// code, and only one language may have it (`earlier` holds the codes listed before it).
fn check_code(lang: &RawLanguage, earlier: &[&str], source: &SourceFile) -> Vec<Diagnostic> {
    let code = lang.code.value.as_str();
    let mut errors = Vec::new();
    if !is_language_code(code) {
        errors.push(
            Diagnostic::error(
                Code::BadLanguageCode,
                format!("`{code}` is not a usable language code"),
            )
            .at(source, at(&lang.code))
            .hint(format!(
                "write {LANGUAGE_CODE_RULE}, such as `fr`, `pt-BR` or `zh-TW`"
            )),
        );
    }
    if earlier.contains(&code) {
        errors.push(
            Diagnostic::error(
                Code::DuplicateLanguage,
                format!("language `{code}` is listed twice"),
            )
            .at(source, at(&lang.code))
            .hint("remove one of the two entries"),
        );
    }
    errors
}

/// The tag goes into `lang` and `hreflang`, where browsers and search engines expect BCP 47.
fn check_tag(lang: &RawLanguage, source: &SourceFile) -> Option<Diagnostic> {
    if is_language_tag(&lang.tag.value) {
        return None;
    }
    Some(
        Diagnostic::error(
            Code::BadLanguageTag,
            format!("`{}` is not a BCP 47 language tag", lang.tag.value),
        )
        .at(source, at(&lang.tag))
        .hint("write a tag such as `en`, `fr-CA` or `zh-Hant-TW`"),
    )
}

/// The prefix is a folder of the output and a segment of every address of the language: it
/// must be a plain lowercase name, and no two languages (nor `static`) may share it. Without
/// `prefix:`, the error points at the code it was made from.
fn check_prefix(
    lang: &RawLanguage,
    prefix: &str,
    earlier: &[String],
    source: &SourceFile,
) -> Option<Diagnostic> {
    let prefix_at = lang.prefix.as_ref().unwrap_or(&lang.code);
    if !prefix
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        || prefix.is_empty()
    {
        Some(
            Diagnostic::error(
                Code::BadPrefix,
                format!("URL prefix `{prefix}` may only hold a-z, 0-9 and -"),
            )
            .at(source, at(prefix_at))
            .hint("set `prefix:` to a lowercase folder name such as `zh-tw`"),
        )
    } else if earlier.iter().any(|p| p == prefix) || prefix == "static" {
        Some(
            Diagnostic::error(
                Code::DuplicatePrefix,
                format!("URL prefix `{prefix}` is already taken"),
            )
            .at(source, at(prefix_at))
            .hint("give each language its own `prefix:` (and do not use `static`)"),
        )
    } else {
        None
    }
}

/// `default_language` names none of the languages: every fallback chain would end nowhere.
fn unknown_default_language(raw: &RawConfig, codes: &[&str], source: &SourceFile) -> Diagnostic {
    Diagnostic::error(
        Code::UnknownLanguage,
        format!(
            "default language `{}` is not in `languages`",
            raw.default_language.value
        ),
    )
    .at(source, at(&raw.default_language))
    .hint(format!("use one of: {}", codes.join(", ")))
}

/// A fallback must be one of the site's languages: a page missing in a language is looked
/// for in them, in order.
fn check_fallbacks(
    languages: &[RawLanguage],
    codes: &[&str],
    source: &SourceFile,
    errors: &mut Vec<Diagnostic>,
) {
    for lang in languages {
        for fb in &lang.fallbacks() {
            if !codes.contains(&fb.value.as_str()) {
                errors.push(
                    Diagnostic::error(
                        Code::UnknownLanguage,
                        format!("fallback language `{}` is not in `languages`", fb.value),
                    )
                    .at(source, at(fb))
                    .hint(format!("use one of: {}", codes.join(", "))),
                );
            }
        }
    }
}

/// `base_url` is neither an absolute http(s) address nor a path ([`normalize_base_url`]).
fn bad_base_url(base_url: &Spanned<String>, source: &SourceFile) -> Diagnostic {
    Diagnostic::error(Code::BadBaseUrl, format!("`{}` is not an absolute http(s) URL", base_url.value))
        .at(source, at(base_url))
        .hint("write the address the site is published at, such as `https://example.com/support/` (or a path such as `/support/`)")
}

/// `edit_url` is not an absolute http(s) address ([`normalize_edit_url`]).
fn bad_edit_url(edit_url: &Spanned<String>, source: &SourceFile) -> Diagnostic {
    Diagnostic::error(
        Code::BadEditUrl,
        format!("`{}` is not an absolute http(s) URL", edit_url.value),
    )
    .at(source, at(edit_url))
    .hint("write the address of the repository's editor up to the site's folder, such as `https://github.com/acme/support/edit/main/`, or remove `edit_url`")
}

/// The output folder as written: `public` without `output:`, empty for `output: ~`.
fn output_folder(raw: &RawConfig) -> &str {
    match &raw.output {
        None => "public",
        Some(o) => o.as_ref().map_or("", |o| o.value.as_str()),
    }
}

/// An empty output folder would mean writing the site over its own sources. `output: ~`
/// keeps no position, so that error names the file only.
fn empty_output(raw: &RawConfig, source: &SourceFile) -> Diagnostic {
    let o = raw.output.as_ref().and_then(Option::as_ref).map(at);
    let d = Diagnostic::error(Code::BadOutput, "the output folder is empty").hint(
        "write a folder name such as `public` (`~` is no folder; leave `output:` out for `public`)",
    );
    match o {
        Some(p) => d.at(source, p),
        None => d.in_file(&source.display),
    }
}

/// The checked languages, each with its fallback chain: itself, its fallbacks in order, then
/// the default language, each once.
fn languages(
    raw: &RawConfig,
    codes: &[&str],
    prefixes: &[String],
    default: usize,
) -> Vec<Language> {
    raw.languages
        .iter()
        .enumerate()
        .map(|(i, lang)| Language {
            code: lang.code.value.clone(),
            tag: lang.tag.value.clone(),
            prefix: prefixes[i].clone(),
            name: lang.name.clone(),
            direction: (lang.direction).unwrap_or_else(|| Direction::of_tag(&lang.tag.value)),
            title: lang.title.clone().or_else(|| raw.title.clone()),
            chain: chain(i, lang, codes, default),
            pseudo: false,
            raw_html: lang.raw_html,
        })
        .collect()
}

/// The languages a page of language `i` is looked for in, by index, without repeats.
fn chain(i: usize, lang: &RawLanguage, codes: &[&str], default: usize) -> Vec<usize> {
    let mut chain = vec![i];
    for fb in &lang.fallbacks() {
        if let Some(j) = codes.iter().position(|c| *c == fb.value)
            && !chain.contains(&j)
        {
            chain.push(j);
        }
    }
    if !chain.contains(&default) {
        chain.push(default);
    }
    chain
}

/// What a language code is, in words, for the hints of site.yaml, `init` and `new-language`
/// (see [`is_language_code`]).
pub(crate) const LANGUAGE_CODE_RULE: &str = "a BCP 47 code: a language of two or three letters, then \
    its script, region or spelling if needed, joined by `-`";

/// A language code as polydocs uses it for folders (`content/<code>/`, `locales/<code>/`) and as
/// `site.yaml`, `init` and `new-language` accept it, one rule for the three: a well-formed BCP 47
/// tag ([`is_language_tag`]: `de`, `pt-BR`, `zh-Hant-TW`, `es-419`, `de-1996`) whose language
/// has two or three letters and whose subtags are joined by `-`. So never `../x` nor `de_DE`,
/// and not `x1`, `deutsch`, `en-abc` or `de-x-private`, which no language is written as.
pub(crate) fn is_language_code(code: &str) -> bool {
    let language = code.split('-').next().unwrap_or_default();
    (2..=3).contains(&language.len()) && !code.contains('_') && is_language_tag(code)
}

/// A BCP 47 language tag as `lang` and `hreflang` take it (`en`, `fr-CA`, `zh-Hant-TW`): a
/// language, then an optional script, region and variants, as `unic_langid` reads them (which
/// also takes `_` for `-`). The tag of a language in site.yaml and of `new-language --tag`.
pub(crate) fn is_language_tag(tag: &str) -> bool {
    tag.parse::<unic_langid::LanguageIdentifier>().is_ok()
}

/// `build --base-url URL`: replaces `base_url` of site.yaml (a preview deploy's address).
pub(crate) fn override_base_url(config: &mut SiteConfig, url: &str) -> Result<(), Box<Diagnostic>> {
    let Some(normalized) = normalize_base_url(url.trim()) else {
        return Err(Box::new(
            Diagnostic::error(
                Code::BadBaseUrl,
                format!("`{url}` given with --base-url is not an absolute http(s) URL"),
            )
            .hint("give the address the site is published at, such as `--base-url https://preview.example.com/pr-12/`"),
        ));
    };
    config.sitemap = has_host(&normalized);
    config.base_url = normalized;
    config.base_url_at = None;
    Ok(())
}

/// Whether `base_url` names a host: the sitemap and robots.txt's `Sitemap:` line need
/// absolute addresses, which a path alone (`/`, `/docs/`) cannot give.
pub(crate) fn has_host(base_url: &str) -> bool {
    base_url.starts_with("https://") || base_url.starts_with("http://")
}

/// The warnings about a `base_url` the build can use but that is likely a mistake: a path
/// without a host (no sitemap then), a host on this computer, a file name at its end. They
/// point at site.yaml, or name `--base-url` when it replaced it.
pub(crate) fn base_url_warnings(config: &SiteConfig, source: &SourceFile) -> Vec<Diagnostic> {
    let url = &config.base_url;
    let (setting, how) = base_url_setting(config);
    let place = |d: Diagnostic| match config.base_url_at {
        Some(position) => d.at(source, position),
        None => d,
    };
    if !has_host(url) {
        return vec![place(
            Diagnostic::warning(
                Code::RelativeBaseUrl,
                format!(
                    "{setting} `{url}` has no host: no sitemap.xml is written and robots.txt has no `Sitemap:` line, since both need absolute addresses"
                ),
            )
            .hint(how),
        )];
    }
    let rest = url.split_once("://").map_or("", |(_, r)| r);
    let authority = rest.split('/').next().unwrap_or_default();
    let host = host_name(authority);
    let mut out = Vec::new();
    if is_local_host(&host) {
        out.push(place(
            Diagnostic::warning(
                Code::DoubtfulBaseUrl,
                format!(
                    "{setting} `{url}` is on this computer ({host}): canonical links, `hreflang` alternates and the sitemap would send search engines and visitors there"
                ),
            )
            .hint(format!("{how}; `polydocs serve` previews the site without it")),
        ));
    }
    if let Some(last) = file_name_at_end(rest[authority.len()..].trim_matches('/')) {
        out.push(place(
            Diagnostic::warning(
                Code::DoubtfulBaseUrl,
                format!(
                    "{setting} `{}` ends in a file name (`{last}`): every address of the site would start with `{last}/`",
                    url.trim_end_matches('/')
                ),
            )
            .hint(format!(
                "write the folder the site is published at, without `{last}`: {how}"
            )),
        ));
    }
    out
}

/// How the warnings name the base URL and say how to change it: the site.yaml setting, or
/// the `--base-url` option when it replaced it.
fn base_url_setting(config: &SiteConfig) -> (&'static str, &'static str) {
    match config.base_url_at {
        Some(_) => (
            "`base_url`",
            "set `base_url:` in site.yaml to the address the site is published at, such as `https://docs.example.com/`, or build a preview with `--base-url URL`",
        ),
        None => (
            "`--base-url`",
            "give `--base-url` the address the site is published at, such as `https://preview.example.com/pr-12/`",
        ),
    }
}

/// The host of a URL's authority (`user@host:port`, `[::1]:8080`), lowercased, without user,
/// port or IPv6 brackets.
fn host_name(authority: &str) -> String {
    let host_port = authority.rsplit('@').next().unwrap_or_default();
    if host_port.starts_with('[') {
        host_port
            .split(']')
            .next()
            .map_or("", |h| h.trim_start_matches('['))
    } else {
        host_port.split(':').next().unwrap_or_default()
    }
    .to_ascii_lowercase()
}

/// A host only this computer reaches: links to it break for everyone else.
fn is_local_host(host: &str) -> bool {
    host == "localhost"
        || host.ends_with(".localhost")
        || host.starts_with("127.")
        || host == "::1"
        || host == "0.0.0.0"
}

/// The last segment of a URL's path when it looks like a file (`index.html`, `docs.php`):
/// the site would be published under it as if it were a folder.
fn file_name_at_end(path: &str) -> Option<&str> {
    let last = path.rsplit('/').next().unwrap_or_default();
    let file_like = !path.is_empty()
        && last.rsplit_once('.').is_some_and(|(_, ext)| {
            matches!(
                ext.to_ascii_lowercase().as_str(),
                "html" | "htm" | "php" | "asp" | "aspx" | "jsp" | "xml" | "json" | "txt" | "md"
            )
        });
    file_like.then_some(last)
}

/// `https://host/sub` → `https://host/sub/`, `/sub` → `/sub/`; anything else → `None`.
///
/// A path without a host is accepted for sites whose address is not known yet: links stay
/// relative, and canonical links, `hreflang` and the sitemap use host-relative paths.
fn normalize_base_url(url: &str) -> Option<String> {
    if url.starts_with('/') && !url.starts_with("//") {
        if url.contains(char::is_whitespace) || url.contains(['?', '#']) {
            return None;
        }
        return Some(if url.ends_with('/') {
            url.to_string()
        } else {
            format!("{url}/")
        });
    }
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split('/').next()?;
    if host.is_empty() || url.contains(char::is_whitespace) || url.contains(['?', '#']) {
        return None;
    }
    Some(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    })
}

/// `https://host/edit/main` → `https://host/edit/main/`; anything but an absolute http(s)
/// address → `None` (a page's path is appended to it, so it cannot be relative to the site).
fn normalize_edit_url(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split('/').next()?;
    if host.is_empty()
        || url.contains(char::is_whitespace)
        || url.contains(['?', '#', '"', '<', '>'])
    {
        return None;
    }
    Some(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_gives_its_writing_direction() {
        for tag in ["ar", "ar-EG", "he", "fa-IR", "ur", "az-Arab", "yi"] {
            assert_eq!(Direction::of_tag(tag), Direction::Rtl, "{tag}");
        }
        for tag in ["en", "fr", "zh-Hant-TW", "ks-Deva", "arn", "hi", "uz-Latn"] {
            assert_eq!(Direction::of_tag(tag), Direction::Ltr, "{tag}");
        }
    }

    /// The codes `init` refused while site.yaml and `new-language` took them (a code of
    /// subtags that is no BCP 47 tag), and `x1`: refused by the one rule.
    #[test]
    fn codes_that_are_no_bcp47_tag_are_refused() {
        for bad in [
            "x1",
            "en-abc",
            "de-a",
            "en-12",
            "en-US-US",
            "de-x-private",
            "de_DE",
            "deutsch",
            "../x",
        ] {
            assert!(!is_language_code(bad), "{bad}");
        }
    }

    /// The codes of the shipped site and of the corpus's site (`ci/corpus/hexo_site.py`) stay
    /// codes (`init`'s starter languages are checked beside them, in src/cmd/init.rs).
    #[test]
    fn the_codes_sites_use_are_codes() {
        let shipped = parse(&SourceFile::from_text(
            "site.yaml",
            include_str!("../site.yaml"),
        ))
        .unwrap();
        assert_eq!(shipped.languages.len(), 3);
        for lang in &shipped.languages {
            assert!(is_language_code(&lang.code), "{}", lang.code);
            assert!(is_language_tag(&lang.tag), "{}", lang.tag);
        }
        let corpus = [
            "en", "es", "ja", "ko", "pt-BR", "ru", "th", "zh-CN", "zh-TW",
        ];
        for code in corpus
            .into_iter()
            .chain(["es-419", "zh-Hant-TW", "de-1996", "ast"])
        {
            assert!(is_language_code(code), "{code}");
        }
    }

    fn config(text: &str) -> Result<SiteConfig, Vec<Diagnostic>> {
        parse(&SourceFile::from_text("site.yaml", text))
    }

    #[test]
    fn chains_end_at_the_default_language() {
        let c = config(
            "base_url: https://example.com/sub\ndefault_language: en\nlanguages:\n  - {code: en, tag: en, name: English}\n  - {code: fr-CA, tag: fr-CA, name: Français (Canada), fallback: [fr]}\n  - {code: fr, tag: fr, name: Français}\n",
        )
        .unwrap();
        assert_eq!(c.base_url, "https://example.com/sub/");
        assert_eq!(c.languages[1].chain, vec![1, 2, 0]);
        assert_eq!(c.languages[1].prefix, "fr-ca");
        assert_eq!(c.output, PathBuf::from("public"));
    }

    #[test]
    fn unknown_fallback_is_positioned() {
        let errors = config(
            "base_url: https://example.com/\ndefault_language: en\nlanguages:\n  - code: en\n    tag: en\n    name: English\n    fallback: [de]\n",
        )
        .unwrap_err();
        assert_eq!(errors[0].code, Code::UnknownLanguage);
        assert_eq!(errors[0].location(), "site.yaml:7:15");
        let errors = config("base_url: /\ndefault_language: en\nlanguages:\n  - {code: en, tag: en, name: English, fallback: de}\n").unwrap_err();
        assert_eq!(errors[0].location(), "site.yaml:4:50");
    }

    #[test]
    fn edit_url_is_an_absolute_address_ending_with_a_slash() {
        let site = |edit: &str| {
            config(&format!(
                "base_url: /\ndefault_language: en\nedit_url: {edit}\nlanguages:\n  - {{code: en, tag: en, name: English}}\n"
            ))
        };
        let c = site("https://github.com/acme/support/edit/main").unwrap();
        assert_eq!(
            c.edit_url.as_deref(),
            Some("https://github.com/acme/support/edit/main/")
        );
        for bad in ["github.com/acme", "/edit/", "ftp://host/", "https:///x"] {
            let errors = site(bad).unwrap_err();
            assert_eq!(errors[0].code, Code::BadEditUrl, "{bad}");
            assert_eq!(errors[0].location(), "site.yaml:3:11", "{bad}");
        }
        assert!(config("base_url: /\ndefault_language: en\nlanguages:\n  - {code: en, tag: en, name: English}\n").unwrap().edit_url.is_none());
    }
}
