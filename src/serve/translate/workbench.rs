//! What translate mode knows about the language being translated, made once per build: the
//! state of each message and page, and where each is written. The details the panel shows
//! for one text (its source, its translation, the blocks of a page) are read from the files
//! when it asks ([`details`](super::details)), so that they are what is on disk now, the
//! file a save will change.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use fluent_syntax::ast;
use serde::Serialize;

use crate::index::Index;
use crate::site::Site;
use crate::translation::{self, Counts, Lock, diff};

/// A translation's state, as the page marks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum State {
    /// Translated and, where it is tracked, up to date.
    Translated,
    /// Not translated: the page shows it from a fallback language.
    Missing,
    /// Its source changed since the translation was marked up to date.
    Outdated,
    /// The source's text, copied as it is.
    SameAsSource,
}

/// One message, as the language has it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Message {
    pub(crate) id: String,
    pub(crate) state: State,
    /// The default language's file that defines it, relative to the site (`locales/en/ui.ftl`),
    /// and the line there.
    pub(crate) source_file: String,
    pub(crate) source_line: usize,
    /// The file of the language that defines it, or the one a save creates it in (the file of
    /// the same name as the source's), and its line when it is defined.
    pub(crate) file: String,
    pub(crate) line: Option<usize>,
    /// The source's comment: what the message is for, and its variables.
    pub(crate) comment: Option<String>,
    /// The variables the source uses (`$count`), which the translation may use.
    pub(crate) variables: Vec<String>,
    /// Whether the source selects on a number (a plural): the translation's variants are then
    /// the language's plural categories.
    pub(crate) plural: bool,
    /// For an outdated message, what changed in the source since it was marked.
    pub(crate) diff: Vec<diff::Part>,
    /// The glossary's terms the source holds, with the renderings the language uses.
    pub(crate) terms: Vec<crate::check::TermHint>,
}

/// One page of the language, as the preview shows it at an address.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Page {
    /// The page's key in its language folder (`docs/setup.md`).
    pub(crate) key: String,
    pub(crate) state: State,
    /// The default language's file, and the language's own (which a save creates when the
    /// page is not translated yet), relative to the site.
    pub(crate) source_file: String,
    pub(crate) file: String,
    /// Whether the language has the page: when not, the preview shows the source's blocks.
    pub(crate) translated: bool,
    /// How many of its texts (title, description, blocks) are left to do: all of them for a
    /// missing or copied page, the changed ones for an outdated page whose certified source
    /// was recorded.
    pub(crate) to_do: usize,
    /// For an outdated page: the source text it was translated from, when recorded.
    #[serde(skip)]
    pub(crate) recorded: Option<String>,
}

/// What translate mode knows about one language after a build.
pub struct Workbench {
    pub(crate) root: PathBuf,
    pub(crate) lang: usize,
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) dir: &'static str,
    pub(crate) source_code: String,
    /// The plural categories the language's whole numbers need (`one`, `other`).
    pub(crate) plurals: Vec<&'static str>,
    pub(crate) messages: BTreeMap<String, Message>,
    /// Pages by the address the preview shows them at (`fr/docs/setup/`).
    pub(crate) pages: BTreeMap<String, Page>,
    /// The glossary's terms the language writes as the source does (names): a block holding
    /// only those is not a copy.
    pub(crate) kept: Vec<String>,
    pub(crate) message_counts: Counts,
    pub(crate) page_counts: Counts,
    /// The site as checks need it to check one edit ([`super::validate`]).
    pub(crate) light: super::validate::Light,
}

impl Workbench {
    /// The workbench of language `lang` of a site just built.
    pub(crate) fn of(site: &Site, index: &Index, lang: usize) -> Workbench {
        let language = &site.config.languages[lang];
        let (statuses, _) = translation::status(site);
        let status = statuses.into_iter().find(|s| s.code == language.code);
        let status = status.unwrap_or_else(|| empty_status(&language.code));
        let messages = messages(site, lang, &status);
        let pages = pages(site, index, lang, &status);
        Workbench {
            root: site.root.clone(),
            lang,
            code: language.code.clone(),
            name: language.name.clone(),
            dir: site.locales.dir(lang),
            source_code: site.config.default_language().code.clone(),
            plurals: crate::check::plural_categories(&language.tag),
            messages,
            pages,
            kept: crate::check::kept_terms(site, &language.code),
            message_counts: status.messages.clone(),
            page_counts: status.pages.clone(),
            light: super::validate::Light::of(site),
        }
    }

    /// The page shown at a preview address (`/fr/docs/setup/`, `/fr/docs/setup/index.html`).
    pub(crate) fn page_at(&self, address: &str) -> Option<&Page> {
        let path = address.trim_start_matches('/');
        let path = path.strip_suffix("index.html").unwrap_or(path);
        let path = if path.is_empty() || path.ends_with('/') {
            path.to_string()
        } else {
            format!("{path}/")
        };
        self.pages.get(&path)
    }
}

fn empty_status(code: &str) -> translation::LanguageStatus {
    translation::LanguageStatus {
        code: code.to_string(),
        default: true,
        ..translation::LanguageStatus::default()
    }
}

/// The state of each message of `status`'s lists.
fn state_of(id: &str, missing: &[String], same: &[String], outdated: &[String]) -> State {
    let is = |list: &[String]| list.iter().any(|m| m == id);
    if is(missing) {
        State::Missing
    } else if is(outdated) {
        State::Outdated
    } else if is(same) {
        State::SameAsSource
    } else {
        State::Translated
    }
}

/// Every message of the default language, as language `lang` has it.
fn messages(
    site: &Site,
    lang: usize,
    status: &translation::LanguageStatus,
) -> BTreeMap<String, Message> {
    let default = site.config.default;
    let code = &site.config.languages[lang].code;
    let source_code = &site.config.languages[default].code;
    let sources = translation::messages(&site.locales, default);
    let texts: Vec<String> = sources.values().map(|m| plain_text(m)).collect();
    let comments = comments(site, default);
    let terms = crate::check::terms_in(&site.root, &site.config, code, &texts);
    let mut out = BTreeMap::new();
    for ((id, m), terms) in sources.into_iter().zip(terms) {
        let Some(def) = site.locales.defined[default].get(id) else {
            continue;
        };
        let own = site.locales.defined[lang].get(id);
        let file = match own {
            Some(d) => d.file.clone(),
            None => translated_file(&def.file, source_code, code),
        };
        let diff = (status.changes.iter())
            .find(|c| c.kind == "message" && c.key == id)
            .map(|c| c.parts.clone())
            .unwrap_or_default();
        let state = if lang == default {
            State::Translated
        } else {
            state_of(
                id,
                &status.missing_messages,
                &status.same_as_source_messages,
                &status.outdated_messages,
            )
        };
        let source_text = translation::message_text(m).text;
        out.insert(
            id.to_string(),
            Message {
                id: id.to_string(),
                state,
                source_file: def.file.clone(),
                source_line: def.position.line,
                file,
                line: own.map(|d| d.position.line),
                comment: comments.get(id).cloned(),
                variables: variables(&source_text),
                plural: is_plural(&source_text),
                diff,
                terms,
            },
        );
    }
    out
}

/// The comment above each message of a language's files: what the message is for. Read
/// from the files as written, as the bundles keep no comment.
fn comments(site: &Site, lang: usize) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for file in &site.locales.files[lang] {
        let text = file.source().text;
        let resource = match fluent_syntax::parser::parse(text.as_str()) {
            Ok(r) | Err((r, _)) => r,
        };
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry
                && let Some(c) = m.comment
            {
                out.entry(m.id.name.to_string())
                    .or_insert_with(|| c.content.join("\n"));
            }
        }
    }
    out
}

/// `locales/en/ui.ftl` → `locales/fr/ui.ftl`: where a missing message is created.
fn translated_file(source_file: &str, source_code: &str, code: &str) -> String {
    let prefix = format!("locales/{source_code}/");
    match source_file.strip_prefix(&prefix) {
        Some(rest) => format!("locales/{code}/{rest}"),
        None => format!("locales/{code}/messages.ftl"),
    }
}

/// The words of a message, placeables left out: what the glossary is matched against.
fn plain_text(m: &ast::Message<&str>) -> String {
    let mut out = String::new();
    if let Some(p) = &m.value {
        pattern_words(p, &mut out);
    }
    for a in &m.attributes {
        out.push(' ');
        pattern_words(&a.value, &mut out);
    }
    out
}

fn pattern_words(p: &ast::Pattern<&str>, out: &mut String) {
    for e in &p.elements {
        match e {
            ast::PatternElement::TextElement { value } => out.push_str(value),
            ast::PatternElement::Placeable {
                expression: ast::Expression::Select { variants, .. },
            } => {
                for v in variants {
                    out.push(' ');
                    pattern_words(&v.value, out);
                }
            }
            ast::PatternElement::Placeable { .. } => out.push(' '),
        }
    }
}

/// The variables a message's text uses, in order, each once.
pub(crate) fn variables(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find('$') {
        let name: String = rest[at + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .collect();
        if !name.is_empty() && !out.contains(&name) {
            out.push(name.clone());
        }
        rest = &rest[at + 1 + name.len()..];
    }
    out
}

/// Whether a message's text selects on a plural category.
fn is_plural(text: &str) -> bool {
    text.contains("->") && (text.contains("[one]") || text.contains("*[other]"))
}

/// Every page the preview shows in language `lang`, by address.
fn pages(
    site: &Site,
    index: &Index,
    lang: usize,
    status: &translation::LanguageStatus,
) -> BTreeMap<String, Page> {
    let config = &site.config;
    let default = config.default;
    let code = &config.languages[lang].code;
    let pages_lock = Lock::read_pages(&site.root, code).unwrap_or_default();
    let by_key: HashMap<(usize, &str), &crate::content::PageSource> =
        translation::pages_by_key(site);
    let mut out = BTreeMap::new();
    for (key, route) in index.routes.all().filter(|(_, r)| r.lang == lang) {
        let shown = &site.pages[route.page];
        let source = by_key.get(&(default, key)).copied().unwrap_or(shown);
        let own = by_key.get(&(lang, key)).copied();
        let state = if lang == default {
            State::Translated
        } else if own.is_none() {
            State::Missing
        } else {
            state_of(
                key,
                &status.missing_pages,
                &status.same_as_source_pages,
                &status.outdated_pages,
            )
        };
        let recorded = own
            .filter(|_| state == State::Outdated)
            .and_then(|p| translation::recorded_page_text(&pages_lock, p))
            .map(str::to_string);
        let file = match own {
            Some(p) => p.source.display.clone(),
            None => format!("content/{code}/{key}"),
        };
        let to_do = match state {
            State::Translated => 0,
            State::Missing | State::SameAsSource => {
                crate::translation::blocks::page_blocks(source).len()
            }
            State::Outdated => (status.changes.iter())
                .find(|c| c.kind == "page" && c.key == key)
                .map_or(1, |c| c.blocks.len().max(1)),
        };
        out.insert(
            (crate::index::paths::site_path(config, key, lang).trim_start_matches('/')).to_string(),
            Page {
                key: key.to_string(),
                state,
                source_file: source.source.display.clone(),
                file,
                translated: own.is_some(),
                to_do,
                recorded,
            },
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_are_listed_once_in_order() {
        let text = "n = { $count ->\n    [one] { $count } tier for { $name }\n   *[other] { $count } tiers\n}\n";
        assert_eq!(variables(text), vec!["count", "name"]);
        assert!(is_plural(text));
        assert!(!is_plural("a = { $name } only\n"));
    }

    #[test]
    fn a_missing_message_goes_to_the_file_named_as_the_source() {
        assert_eq!(
            translated_file("locales/en/plan.ftl", "en", "zh-TW"),
            "locales/zh-TW/plan.ftl"
        );
    }
}
