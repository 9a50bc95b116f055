//! The validate stage: cross-checks between the loaded inputs, and the fallback summary.
//!
//! Loading has already checked each file on its own. Here, references are checked across
//! files (a page's tier, its template, every message ID used by data and templates in every
//! language), and every place a language borrows from its fallback chain is listed, so the
//! build can print it and `--strict` can refuse it.

use std::collections::BTreeMap;

use crate::diagnostic::Diagnostic;
use crate::l10n::Defect;
use crate::render::view::BUILTIN_MESSAGES;
use crate::routes::Routes;
use crate::site::Site;

/// Something a language shows from another language.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Fallback {
    pub language: String,
    pub from: String,
    pub what: FallbackKind,
    /// Where the message is used, or the page's source file.
    pub used_at: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum FallbackKind {
    Message(String),
    Page(String),
}

impl std::fmt::Display for Fallback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.what {
            FallbackKind::Message(id) => write!(
                f,
                "{}: message `{id}` falls back to {} (used at {})",
                self.language,
                self.from,
                self.used_at.join(", ")
            ),
            FallbackKind::Page(key) => write!(
                f,
                "{}: page `{key}` is shown in {} ({})",
                self.language,
                self.from,
                self.used_at.join(", ")
            ),
        }
    }
}

pub struct Validated {
    pub routes: Routes,
    pub fallbacks: Vec<Fallback>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A message ID in use, and where.
struct Use<'a> {
    id: &'a str,
    at: UseAt<'a>,
}

enum UseAt<'a> {
    Data(&'a crate::plan::MessageRef),
    Template(&'a crate::source::SourceFile, crate::source::Position),
    Builtin,
}

impl Use<'_> {
    fn location(&self) -> String {
        match &self.at {
            UseAt::Data(r) => format!("{}:{}:{}", r.file, r.position.line, r.position.column),
            UseAt::Template(src, pos) => format!("{}:{}:{}", src.display, pos.line, pos.column),
            UseAt::Builtin => "built-in formatting".into(),
        }
    }

    /// An error pointing at the use (the data file is read again only on this error path).
    fn error(&self, site: &Site, message: String) -> Diagnostic {
        let width = self.id.chars().count();
        let d = Diagnostic::error("unknown-message", message);
        match &self.at {
            UseAt::Data(r) => {
                match crate::source::SourceFile::read(&site.root, &site.root.join(&r.file)) {
                    Ok(src) => d.spanning(&src, r.position, width),
                    Err(_) => d.in_file(&r.file),
                }
            }
            UseAt::Template(src, pos) => d.spanning(src, *pos, width),
            UseAt::Builtin => d,
        }
    }
}

pub fn validate(site: &Site) -> Validated {
    let mut diags = Vec::new();
    let routes = Routes::build(&site.config, &site.pages);

    // Message IDs used by plan data, templates and the renderer itself.
    let mut uses: Vec<Use> = site
        .plan
        .iter()
        .flat_map(|p| p.message_refs())
        .map(|r| Use {
            id: &r.id,
            at: UseAt::Data(r),
        })
        .collect();
    let template_uses = site.templates.message_uses();
    uses.extend(template_uses.iter().map(|(id, src, pos)| Use {
        id,
        at: UseAt::Template(src, *pos),
    }));
    // The renderer formats durations, coverage and cell words only for plan data, and the
    // fallback notice only where a page falls back.
    let any_page_fallback = routes
        .all()
        .any(|(_, r)| r.is_fallback(&site.pages) && !site.config.languages[r.lang].pseudo);
    let any_outdated = site.pages.iter().any(|p| {
        routes
            .get(&p.key, site.config.default)
            .is_some_and(|r| crate::translation::is_outdated(p, &site.pages[r.page]))
    });
    let builtin = BUILTIN_MESSAGES
        .iter()
        .chain(["outdated-notice"].iter())
        .filter(|id| match **id {
            "fallback-notice" => any_page_fallback,
            "outdated-notice" => any_outdated,
            _ => site.plan.is_some(),
        });
    uses.extend(builtin.map(|id| Use {
        id,
        at: UseAt::Builtin,
    }));

    let default = site.config.default_language();
    let mut fallbacks: BTreeMap<(usize, &str), Fallback> = BTreeMap::new();
    for u in &uses {
        let missing: Vec<&str> = site
            .config
            .languages
            .iter()
            .enumerate()
            .filter(|(l, _)| site.locales.resolve(*l, u.id).is_none())
            .map(|(_, lang)| lang.code.as_str())
            .collect();
        if !missing.is_empty() {
            let where_ = if missing.len() == site.config.languages.len() {
                "no locale defines it".to_string()
            } else {
                format!(
                    "missing in {} with nothing to fall back to",
                    missing.join(", ")
                )
            };
            diags.push(
                u.error(
                    site,
                    format!("message `{}` is used here but {where_}", u.id),
                )
                .hint(format!(
                    "add `{} = ...` to a file in locales/{}/ (or fix the ID)",
                    u.id, default.code
                )),
            );
            continue;
        }
        // The pseudo-language borrows every string by design: not a fallback to report.
        for (l, lang) in site
            .config
            .languages
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.pseudo)
        {
            if site.locales.defines(l, u.id) {
                continue;
            }
            let Some(from) = site.locales.resolve(l, u.id) else {
                continue;
            };
            fallbacks
                .entry((l, u.id))
                .or_insert_with(|| Fallback {
                    language: lang.code.clone(),
                    from: site.config.languages[from].code.clone(),
                    what: FallbackKind::Message(u.id.to_string()),
                    used_at: Vec::new(),
                })
                .used_at
                .push(u.location());
        }
    }
    let mut fallbacks: Vec<Fallback> = fallbacks.into_values().collect();

    for (key, per_lang) in &routes.by_key {
        for route in per_lang.iter().flatten() {
            if route.is_fallback(&site.pages) && !site.config.languages[route.lang].pseudo {
                let page = &site.pages[route.page];
                fallbacks.push(Fallback {
                    language: site.config.languages[route.lang].code.clone(),
                    from: site.config.languages[page.lang].code.clone(),
                    what: FallbackKind::Page(key.clone()),
                    used_at: vec![format!(
                        "no content/{}/{key}",
                        site.config.languages[route.lang].code
                    )],
                });
            }
        }
    }
    fallbacks.sort();

    check_pages(site, &routes, &mut diags);
    check_messages(site, &mut diags);
    Validated {
        routes,
        fallbacks,
        diagnostics: diags,
    }
}

/// Messages that fail whatever a page passes them, reported where they are defined: the
/// translator who wrote the loop sees their own line, not the template that tripped on it.
fn check_messages(site: &Site, diags: &mut Vec<Diagnostic>) {
    for (lang, language) in site.config.languages.iter().enumerate() {
        if language.pseudo {
            continue;
        }
        for (id, definition) in &site.locales.defined[lang] {
            let Some(defect) = site.locales.defect(lang, id) else {
                continue;
            };
            let d = match defect {
                Defect::Cycle => Diagnostic::error(
                    "message-cycle",
                    format!("message `{id}` refers back to itself through its references"),
                )
                .hint(format!("remove the reference that leads back to `{id}`")),
                Defect::TooLarge => Diagnostic::error(
                    "message-too-large",
                    format!("message `{id}` expands to more than 100 placeables"),
                )
                .hint("write the text out instead of nesting references to references"),
            };
            let file = site.locales.files[lang]
                .iter()
                .find(|f| f.display == definition.file);
            diags.push(match file {
                Some(file) => d.spanning(&file.source(), definition.position, id.chars().count()),
                None => d.in_file(&definition.file),
            });
        }
    }
}

/// Pages: their tier and template references, tier pages given twice, and output collisions.
fn check_pages(site: &Site, routes: &Routes, diags: &mut Vec<Diagnostic>) {
    let mut tier_pages: BTreeMap<(usize, &str), &str> = BTreeMap::new();
    for page in &site.pages {
        if let Some(tier) = &page.front.tier {
            let pos = page.position_of(tier);
            if site.tier_index(&tier.value).is_none() {
                let ids: Vec<&str> = site.tiers().iter().map(|t| t.id.as_str()).collect();
                diags.push(
                    Diagnostic::error("unknown-tier", format!("unknown tier `{}`", tier.value))
                        .spanning(&page.source, pos, tier.value.chars().count())
                        .hint(format!(
                            "use a tier ID of content/tiers.yaml: {}",
                            ids.join(", ")
                        )),
                );
            } else if let Some(other) =
                tier_pages.insert((page.lang, tier.value.as_str()), &page.key)
            {
                diags.push(
                    Diagnostic::error(
                        "duplicate-tier-page",
                        format!("tier `{}` already has a page, {other}", tier.value),
                    )
                    .spanning(&page.source, pos, tier.value.chars().count())
                    .hint("keep one page per tier and language"),
                );
            }
        }
        if let Some(template) = &page.front.template
            && !site.templates.contains(&template.value)
        {
            diags.push(
                Diagnostic::error(
                    "unknown-template",
                    format!("no template `{}`", template.value),
                )
                .spanning(
                    &page.source,
                    page.position_of(template),
                    template.value.chars().count(),
                )
                .hint("name a file of templates/, such as page.html"),
            );
        }
    }
    if routes.get("_index.md", site.config.default).is_none() {
        diags.push(
            Diagnostic::error(
                "missing-home",
                format!(
                    "content/{}/_index.md is missing",
                    site.config.default_language().code
                ),
            )
            .hint("every site needs a home page in its default language"),
        );
    }
    for (first, second) in routes.collisions() {
        // One report per language folder holding the second page, naming the first page's
        // file in the same folder when there is one (else the one the fallback brings in).
        for page in site.pages.iter().filter(|p| p.key == second) {
            let other = site
                .pages
                .iter()
                .filter(|p| p.key == first)
                .min_by_key(|p| p.lang != page.lang)
                .map_or(first, |p| p.source.display.as_str());
            diags.push(
                Diagnostic::error(
                    "page-collision",
                    format!(
                        "{} and {other} would be published at the same address, /{}/{}",
                        page.source.display,
                        site.config.languages[page.lang].prefix,
                        page.url_path()
                    ),
                )
                .in_file(&page.source.display)
                .hint("rename or remove one of the two files"),
            );
        }
    }
}
