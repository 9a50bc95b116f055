//! Aliases: the old addresses of a page, listed in its front matter as Hugo writes them
//! (`aliases: [/en/docs/setup/]`, site paths from the site's root, the base path added by
//! polydocs). Each is published as a small page that sends the visitor on to the page.
//!
//! Here each alias is resolved once, for the checks (which report the ones that cannot be
//! published, at their position) and for rendering (which writes the others).

use std::collections::HashMap;

use crate::config::SiteConfig;
use crate::content::PageSource;

use super::paths;
use super::routes::Routes;

/// The most aliases one page may have: a page renamed a few times has a handful. Past it the
/// rest are refused with one error, so that a hostile page cannot make the build write (and
/// report) without bound.
pub(crate) const MAX_PER_PAGE: usize = 100;

/// One alias of one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// The page whose front matter names it (index into `Site::pages`).
    pub(crate) page: usize,
    /// Its place in the page's `aliases` list.
    pub(crate) at: usize,
    /// Where it is published and where it leads, or why it cannot be.
    pub(crate) outcome: Result<Redirect, Problem>,
}

/// A redirect page to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Redirect {
    /// The file written (`en/docs/setup/index.html`, or `old/page.html` as written).
    pub(crate) file: String,
    /// The language of the page it leads to: the language whose prefix the alias starts with
    /// when that language shows the page, else the page's own.
    pub(crate) lang: usize,
    /// The key of the page it leads to.
    pub(crate) key: String,
}

impl Redirect {
    /// The folder holding the file, as a site path (`en/docs/setup/`).
    pub(crate) fn folder(&self) -> &str {
        self.file.rsplit_once('/').map_or("", |(dir, _)| dir)
    }
}

/// Why an alias cannot be published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Not a path from the site's root: relative, another site (`//host`, `https:`), or a
    /// scheme (`javascript:`).
    NotSitePath,
    /// It climbs out of the site (`/../x/`), or names `.`/`..` at all.
    Outside,
    /// It holds a character no address of the site may (space, `?`, `#`, `\`, `%`, quotes).
    Character(char),
    /// It is the address of something the build writes (the chooser, a 404 page, the sitemap,
    /// `static/`, a search index, a section's later list page), named here.
    Generated(&'static str),
    /// A page is published there (language, key).
    Page(usize, String),
    /// Another page's alias already leads from there (that page, index into `Site::pages`).
    Taken(usize),
    /// Past [`MAX_PER_PAGE`]: this one and the ones after it (how many in all).
    TooMany(usize),
}

/// Resolves every alias of every page.
pub fn resolve(config: &SiteConfig, pages: &[PageSource], routes: &Routes) -> Vec<Alias> {
    let base_path = paths::base_path(&config.base_url);
    let mut out = Vec::new();
    // File → (page, language, key) of the first alias published there.
    let mut taken: HashMap<String, (usize, usize, String)> = HashMap::new();
    for (page_index, page) in pages.iter().enumerate() {
        let aliases = &page.front.aliases;
        for (at, alias) in aliases.iter().enumerate() {
            if at == MAX_PER_PAGE {
                out.push(Alias {
                    page: page_index,
                    at,
                    outcome: Err(Problem::TooMany(aliases.len() - MAX_PER_PAGE)),
                });
                break;
            }
            let outcome =
                redirect(config, &base_path, routes, page, &alias.value).and_then(|r| match taken
                    .get(&r.file)
                {
                    Some((_, lang, key)) if *lang == r.lang && *key == r.key => Ok(None),
                    Some((other, _, _)) => Err(Problem::Taken(*other)),
                    None => {
                        taken.insert(r.file.clone(), (page_index, r.lang, r.key.clone()));
                        Ok(Some(r))
                    }
                });
            match outcome {
                // The same old address of the same page twice (in two languages' files):
                // written once.
                Ok(None) => {}
                Ok(Some(r)) => out.push(Alias {
                    page: page_index,
                    at,
                    outcome: Ok(r),
                }),
                Err(problem) => out.push(Alias {
                    page: page_index,
                    at,
                    outcome: Err(problem),
                }),
            }
        }
    }
    out
}

/// The redirect of one alias of `page`, as written (`/en/docs/setup/`).
fn redirect(
    config: &SiteConfig,
    base_path: &str,
    routes: &Routes,
    page: &PageSource,
    alias: &str,
) -> Result<Redirect, Problem> {
    if !alias.starts_with('/') || alias.starts_with("//") || paths::is_external(alias) {
        return Err(Problem::NotSitePath);
    }
    if let Some(c) = alias
        .chars()
        .find(|&c| c.is_whitespace() || c.is_control() || "?#\\%\"'<>`".contains(c))
    {
        return Err(Problem::Character(c));
    }
    if alias.split('/').any(|part| part == "." || part == "..") {
        return Err(Problem::Outside);
    }
    let path = paths::link_target(base_path, "", alias).ok_or(Problem::Outside)?;
    let path = path.trim_start_matches('/').to_string();
    if path.is_empty() {
        return Err(Problem::Generated("the language chooser"));
    }
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    let file = if path.ends_with(".html") {
        path.clone()
    } else {
        format!("{}/index.html", parts.join("/"))
    };
    let lower = file.to_ascii_lowercase();
    let first = parts[0].to_ascii_lowercase();
    let language = config
        .languages
        .iter()
        .position(|l| l.prefix.eq_ignore_ascii_case(&first));
    let generated = match (lower.as_str(), first.as_str()) {
        ("index.html", _) => Some("the language chooser"),
        (_, "404.html" | "sitemap.xml" | "robots.txt" | "index.html") => {
            Some("a file of the site's root")
        }
        (_, "static" | "__polydocs") => Some("the static files"),
        _ => None,
    }
    .or_else(|| {
        let rest: Vec<&str> = parts.iter().skip(1).copied().collect();
        match (language, rest.as_slice()) {
            (Some(_), ["404.html"]) => Some("the language's 404 page"),
            (Some(_), ["search", ..]) => Some("the language's search index"),
            (Some(_), _)
                if rest.windows(2).any(|w| {
                    w[0] == "page" && !w[1].is_empty() && w[1].bytes().all(|b| b.is_ascii_digit())
                }) =>
            {
                Some("a section's later list page")
            }
            _ => None,
        }
    });
    if let Some(what) = generated {
        return Err(Problem::Generated(what));
    }
    // A page's folder holds its index.html: an alias there would replace the page.
    if let Some(folder) = file.strip_suffix("index.html")
        && let Some((lang, key)) = routes.page_at(config, folder)
    {
        return Err(Problem::Page(lang, key.to_string()));
    }
    let lang = language
        .filter(|&l| routes.get(&page.key, l).is_some())
        .unwrap_or(page.lang);
    Ok(Redirect {
        file,
        lang,
        key: page.key.clone(),
    })
}
