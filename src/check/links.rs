//! Links in pages, checked against what the build really publishes, as a browser follows
//! them: a relative link, or a root-absolute one (`/en/docs/`, read from the base path), must
//! lead to a published page or a static file, and a `#fragment` to an element of that page (a
//! heading, or anything its template gives an `id`). Unsafe addresses (`javascript:`,
//! `file:`) are reported here too, so that every link error of a page comes in one run; a
//! broken link's hint names what it may have meant (a page written as its Markdown file, a
//! near page, a near image).
//!
//! This check reads the anchors each page was rendered with, so it runs after rendering (which
//! `check` does too, into nothing): the ids are those of the real pages, templates included.

use std::collections::HashSet;

use crate::content::PageSource;
use crate::diagnostic::{Code, Diagnostic};
use crate::index::{Index, PageFacts, Published, paths};
use crate::site::Site;

/// Every link finding of the pages published, page after page in the order of their keys and
/// each page's in the order it is written: unsafe addresses and broken links together, so that
/// a writer fixes a page from top to bottom in one run.
pub fn check(site: &Site, index: &Index, published: &Published, out: &mut Vec<Diagnostic>) {
    let destinations = Destinations::of(site, index, published);
    let mut rendered: Vec<_> = published.pages.iter().collect();
    rendered.sort_by(|a, b| a.0.cmp(b.0));
    for ((lang, key), facts) in rendered {
        let Some(route) = index.routes.get(key, *lang) else {
            continue;
        };
        let page = PageLinks {
            to: &destinations,
            page: &site.pages[route.page],
            key,
            lang: *lang,
            code: &site.config.languages[*lang].code,
            from: paths::site_path(&site.config, key, *lang),
        };
        page.check(facts, out);
    }
}

/// What the links of every page may lead to, gathered once for the whole site: the published
/// pages and their anchors, the static files, and the addresses of the pages that could not be
/// read.
struct Destinations<'a> {
    site: &'a Site,
    index: &'a Index,
    published: &'a Published,
    /// Every static file by its site path.
    statics: HashSet<String>,
    /// Where the pages that could not be read would be published, without the trailing `/`:
    /// such a page has its own error, so a link to it is not reported as broken.
    unread: HashSet<String>,
    /// The path of the base URL, from which root-absolute links (`/en/docs/`) are read.
    base_path: String,
}

impl<'a> Destinations<'a> {
    fn of(site: &'a Site, index: &'a Index, published: &'a Published) -> Destinations<'a> {
        Destinations {
            site,
            index,
            published,
            statics: static_paths(site),
            unread: unread_paths(site),
            base_path: paths::base_path(&site.config.base_url),
        }
    }
}

/// The site paths of the files published as they are: the site's static files, the theme's,
/// and the files kept beside the content.
fn static_paths(site: &Site) -> HashSet<String> {
    site.static_files
        .iter()
        .map(|p| crate::source::display_path(&site.root, p))
        .chain(site.theme_static.iter().map(|(p, _)| p.to_string()))
        .chain(site.content_files.iter().map(|(_, p)| p.clone()))
        .collect()
}

/// Where the pages that could not be read would be published, in every language that would
/// show them: all of them for a page of the default language, which the others fall back on.
fn unread_paths(site: &Site) -> HashSet<String> {
    let config = &site.config;
    site.unread_pages
        .iter()
        .flat_map(|(lang, key)| {
            let langs: Vec<usize> = if *lang == config.default {
                (0..config.languages.len()).collect()
            } else {
                vec![*lang]
            };
            langs.into_iter().map(move |l| {
                paths::site_path(config, key, l)
                    .trim_end_matches('/')
                    .to_string()
            })
        })
        .collect()
}

/// One published page of one language, whose links are checked.
struct PageLinks<'a> {
    to: &'a Destinations<'a>,
    page: &'a PageSource,
    key: &'a str,
    lang: usize,
    code: &'a str,
    /// The page's site path (`en/docs/setup/`): where its relative links start from.
    from: String,
}

/// One link of a page, as written and as a browser reads it.
struct Link<'a> {
    /// The address as written, fragment and query included: findings quote it.
    url: &'a str,
    /// The address without its fragment and query: what is looked for among the published.
    path: &'a str,
    /// Its offset in the page's file.
    at: usize,
    /// Whether it is an image's address (`![...](...)`), whose hint names files.
    image: bool,
}

/// Where a link leads, for this check.
enum Target<'a> {
    /// A published page (language, key), against whose anchors a `#fragment` is checked.
    Page(usize, &'a str),
    /// Something not checked further: a static file, or a page that could not be read.
    Unchecked,
    /// Nowhere it may: the finding says why.
    Broken(Box<Diagnostic>),
}

impl<'a> PageLinks<'a> {
    /// The page's findings, in the order of the page: the renderer refused the unsafe
    /// addresses, and the other links are followed.
    fn check(&self, facts: &PageFacts, out: &mut Vec<Diagnostic>) {
        let mut found: Vec<(usize, Diagnostic)> = facts
            .refused
            .iter()
            .map(|(offset, url)| (*offset, self.unsafe_link(*offset, url)))
            .collect();
        found.extend(
            facts
                .links
                .iter()
                .filter_map(|(offset, url)| Some((*offset, self.link(*offset, url)?))),
        );
        found.sort_by_key(|(offset, _)| *offset);
        out.extend(found.into_iter().map(|(_, d)| d));
    }

    /// The finding about an address the renderer refused to write (`javascript:`, `file:`).
    fn unsafe_link(&self, offset: usize, url: &str) -> Diagnostic {
        crate::markdown::unsafe_link(&self.page.source, self.page.body_start + offset, url)
            .in_language(self.code)
            .about_page(self.key)
    }

    /// The finding about the link `url` at `offset` of the page's body, if it is broken. Links
    /// to other sites are not followed.
    fn link(&self, offset: usize, url: &str) -> Option<Diagnostic> {
        let (path, fragment) = match url.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (url, None),
        };
        let path = path.split('?').next().unwrap_or("");
        if paths::is_external(path) {
            return None; // another site
        }
        let link = Link {
            url,
            path,
            at: self.page.body_start + offset,
            image: self.page.body()[offset..].starts_with("!["),
        };
        let (lang, key) = match self.target(&link) {
            Target::Page(lang, key) => (lang, key),
            Target::Unchecked => return None,
            Target::Broken(d) => return Some(*d),
        };
        self.fragment(&link, fragment?, lang, key)
    }

    /// Where `link` leads: a page (this one, for a bare `#fragment`), a file, or nowhere.
    fn target(&self, link: &Link) -> Target<'a> {
        if link.path.is_empty() {
            return Target::Page(self.lang, self.key);
        }
        let to = self.to;
        let Some(resolved) = paths::link_target(&to.base_path, &self.from, link.path) else {
            let hint =
                "link to a page of this language with a relative address such as `../hours/`";
            let d = self.broken(link, "it leads outside the site".into(), hint.into());
            return Target::Broken(Box::new(d));
        };
        if to.statics.contains(&resolved) {
            return Target::Unchecked;
        }
        if let Some((lang, key)) = to.index.page_at(&to.site.config, &resolved) {
            return Target::Page(lang, key);
        }
        // A page that could not be read has its own error: the link is not broken.
        if to.unread.contains(resolved.trim_end_matches('/')) {
            return Target::Unchecked;
        }
        Target::Broken(Box::new(self.unpublished(link, &resolved)))
    }

    /// The finding about `link`, which leads to site path `resolved` where nothing is
    /// published: it names a draft or the page an old address now sends to, as the writer
    /// then knows the fix, and else guesses what was meant.
    fn unpublished(&self, link: &Link, resolved: &str) -> Diagnostic {
        let to = self.to;
        if let Some(draft) = draft_at(to.site, resolved) {
            return self.to_draft(link, draft);
        }
        if let Some(redirect) = alias_at(to.index, resolved) {
            return self.to_alias(link, resolved, redirect);
        }
        let config = &to.site.config;
        let near = Near {
            site: to.site,
            index: to.index,
            statics: &to.statics,
            lang: self.lang,
            from: &self.from,
            file_folder: &file_folder(config, self.key, self.lang),
            base_path: &to.base_path,
        };
        let what = if link.image || is_file(resolved) {
            "file"
        } else {
            "page"
        };
        self.broken(
            link,
            format!("no {what} is published at /{resolved}"),
            near.hint(link.path, resolved, link.image),
        )
    }

    /// The finding about `link`, which leads to `draft`: not published, though it may be soon.
    fn to_draft(&self, link: &Link, draft: &PageSource) -> Diagnostic {
        let (url, at) = (link.url, link.at);
        Diagnostic::error(
            Code::BrokenLink,
            format!(
                "link `{url}` leads to the draft `{}`, which is not published",
                draft.source.display
            ),
        )
        .at_range(&self.page.source, at..at + 1)
        .in_language(self.code)
        .hint(format!(
            "publish the draft (remove `draft: true` from {}) or remove the link; `build --drafts` publishes drafts for a preview",
            draft.source.display
        ))
    }

    /// The finding about `link`, which leads to `resolved`, an old address of a page: it works,
    /// but only through a redirect, so the page's address is given as the link was written.
    fn to_alias(
        &self,
        link: &Link,
        resolved: &str,
        redirect: &crate::index::aliases::Redirect,
    ) -> Diagnostic {
        let new = paths::site_path(&self.to.site.config, &redirect.key, redirect.lang);
        let written = if link.path.starts_with('/') {
            format!("/{new}")
        } else {
            paths::relative(&self.from, &new)
        };
        self.broken(
            link,
            format!("/{resolved} is an old address (an alias) of /{new}"),
            format!(
                "link to the page's address, `{written}`: the old one only sends the visitor on"
            ),
        )
    }

    /// The finding about `link`'s `#fragment` when page `key` in `lang` has no element of that
    /// id. A page not rendered in this run has nothing to check against.
    fn fragment(&self, link: &Link, fragment: &str, lang: usize, key: &str) -> Option<Diagnostic> {
        let fragment = percent_decode(fragment);
        if fragment.is_empty() {
            return None;
        }
        let anchors = &self
            .to
            .published
            .pages
            .get(&(lang, key.to_string()))?
            .anchors;
        if anchors.contains(&fragment) {
            return None;
        }
        let shown = paths::site_path(&self.to.site.config, key, lang);
        let hint = match closest(&fragment, anchors.iter()) {
            Some(near) => format!("did you mean `#{near}`? Heading ids are made from the heading's text"),
            None => "link to a heading of that page: its id is made from the heading's text (`## Opening hours` → `#opening-hours`)".into(),
        };
        Some(self.broken(
            link,
            format!("/{shown} has no heading or element with the id `{fragment}`"),
            hint,
        ))
    }

    /// A broken-link error at `link`, saying `why` and what to do.
    fn broken(&self, link: &Link, why: String, hint: String) -> Diagnostic {
        Diagnostic::error(
            Code::BrokenLink,
            format!("link `{}` is broken: {why}", link.url),
        )
        .at_range(&self.page.source, link.at..link.at + 1)
        .in_language(self.code)
        .about_page(self.key)
        .hint(hint)
    }
}

/// The alias published at site path `resolved` (`en/docs/setup/`, or the file itself).
fn alias_at<'a>(index: &'a Index, resolved: &str) -> Option<&'a crate::index::aliases::Redirect> {
    let folder = resolved.trim_end_matches('/');
    index
        .aliases
        .iter()
        .filter_map(|a| a.outcome.as_ref().ok())
        .find(|r| r.file == resolved || r.folder() == folder)
}

/// Whether a site path names a file (its last part has an extension) rather than a page.
fn is_file(resolved: &str) -> bool {
    let last = resolved.rsplit('/').next().unwrap_or_default();
    last.rsplit_once('.')
        .is_some_and(|(stem, ext)| !stem.is_empty() && !ext.is_empty())
}

/// What a broken link may have meant, from the page at site path `from` in language `lang`.
struct Near<'a> {
    site: &'a Site,
    index: &'a Index,
    statics: &'a HashSet<String>,
    lang: usize,
    from: &'a str,
    /// The site path of the folder holding the page's Markdown file (`en/docs/` for
    /// `docs/setup.md`): where an address written as a file path starts from.
    file_folder: &'a str,
    base_path: &'a str,
}

/// The site path of the folder that holds the Markdown file of page `key` in `lang`.
fn file_folder(config: &crate::config::SiteConfig, key: &str, lang: usize) -> String {
    let prefix = &config.languages[lang].prefix;
    match key.rsplit_once('/') {
        Some((dir, _)) => format!("{prefix}/{dir}/"),
        None => format!("{prefix}/"),
    }
}

impl Near<'_> {
    /// The hint for a link written `path` that leads to `resolved`, where nothing is
    /// published; `image` when it is an image's address. The likely slips are tried first,
    /// each naming the fix; else the nearest file or page by spelling.
    fn hint(&self, path: &str, resolved: &str, image: bool) -> String {
        self.markdown_file(path, resolved)
            .or_else(|| self.outside_language(path, resolved))
            .unwrap_or_else(|| {
                if image || is_file(resolved) {
                    self.near_file(path, resolved, image)
                } else {
                    self.near_page(path, resolved)
                }
            })
    }

    /// Site path `site_path` as the link `path` was written: from the site's root or relative
    /// to the page, so that the hint can be pasted in its place.
    fn written(&self, path: &str, site_path: &str) -> String {
        if path.starts_with('/') {
            format!("/{site_path}")
        } else {
            paths::relative(self.from, site_path)
        }
    }

    /// A page written as its Markdown file: `../linux.md` is published as `../linux/`. The
    /// file is looked for as the browser reads the address (from the page's folder) and as
    /// a file path (from the folder of the page's Markdown file).
    fn markdown_file(&self, path: &str, resolved: &str) -> Option<String> {
        if !resolved.ends_with(".md") {
            return None;
        }
        let config = &self.site.config;
        let as_file = paths::link_target(self.base_path, self.file_folder, path);
        for target in [Some(resolved.to_string()), as_file].into_iter().flatten() {
            let Some(stem) = target.strip_suffix(".md") else {
                continue;
            };
            let folder = stem.strip_suffix("_index").unwrap_or(stem);
            if let Some((l, k)) = self.index.page_at(config, folder.trim_end_matches('/')) {
                return Some(format!(
                    "did you mean `{}`? Pages are published as folders: link to the page's address, not to its Markdown file",
                    self.written(path, &paths::site_path(config, k, l))
                ));
            }
        }
        None
    }

    /// One `../` too many: the address left the language's folder, and the same address
    /// inside it is a page.
    fn outside_language(&self, path: &str, resolved: &str) -> Option<String> {
        let config = &self.site.config;
        let prefix = &config.languages[self.lang].prefix;
        let first = resolved.split('/').next().unwrap_or_default();
        if config.languages.iter().any(|l| l.prefix == first) || first == "static" {
            return None;
        }
        let inside = format!("{prefix}/{resolved}");
        self.index.page_at(config, &inside).is_some().then(|| {
            format!(
                "did you mean `{}`? The address climbs out of the language's folder, /{prefix}/",
                self.written(path, &inside)
            )
        })
    }

    /// The static file nearest in spelling, else where files and images belong.
    fn near_file(&self, path: &str, resolved: &str, image: bool) -> String {
        let near = closest_path(resolved, self.statics.iter().map(String::as_str));
        match near {
            Some(file) => format!("did you mean `{}`?", self.written(path, file)),
            None if image => "put the image under `static/` and link to it from the site's root: `static/images/logo.png` is `/static/images/logo.png`".into(),
            None => "put the file under `static/` and link to it from the site's root: `static/guide.pdf` is `/static/guide.pdf`".into(),
        }
    }

    /// The page of the link's language nearest in spelling, else how to write a link.
    fn near_page(&self, path: &str, resolved: &str) -> String {
        let config = &self.site.config;
        let pages = self
            .index
            .routes
            .all()
            .filter(|(_, r)| r.lang == self.lang)
            .map(|(k, _)| paths::site_path(config, k, self.lang))
            .collect::<Vec<_>>();
        let wanted = if resolved.ends_with('/') {
            resolved.to_string()
        } else {
            format!("{resolved}/")
        };
        match closest_path(&wanted, pages.iter().map(String::as_str)) {
            Some(page) => format!("did you mean `{}`?", self.written(path, page)),
            None => {
                "link to a page of this language with a relative address such as `../hours/`".into()
            }
        }
    }
}

/// The draft that would be published at site path `resolved` (`en/docs/setup/`), if any: in
/// its own language, or in any language for a draft of the default language (whose
/// translations are left out with it). The draft of the link's own language is preferred.
fn draft_at<'a>(site: &'a Site, resolved: &str) -> Option<&'a crate::content::PageSource> {
    let config = &site.config;
    site.drafts.iter().find(|d| {
        let langs: Vec<usize> = if d.lang == config.default {
            (0..config.languages.len()).collect()
        } else {
            vec![d.lang]
        };
        langs
            .into_iter()
            .any(|l| paths::site_path(config, &d.key, l) == resolved)
    })
}

/// `%E6%99%82` → `時`: a fragment as a browser compares it with ids.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = s.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// The candidate nearest to `wanted` by edit distance, if it is near enough to be a typo.
fn closest<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    closest_within(wanted, candidates, wanted.chars().count() / 3 + 1)
}

/// The site path nearest to `wanted`, if it differs little from it: by no more than a typo in
/// its last part would.
fn closest_path<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let last = wanted
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or(wanted);
    closest_within(wanted, candidates, last.chars().count() / 3 + 1)
}

fn closest_within<'a>(
    wanted: &str,
    candidates: impl Iterator<Item = &'a str>,
    limit: usize,
) -> Option<&'a str> {
    candidates
        .map(|a| (crate::diagnostic::edit_distance(wanted, a), a))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, a)| a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::Anchors;

    #[test]
    fn fragments_are_percent_decoded() {
        assert_eq!(percent_decode("%E6%99%82%E9%96%93"), "時間");
        assert_eq!(percent_decode("plain-id"), "plain-id");
        assert_eq!(percent_decode("100%"), "100%");
    }

    #[test]
    fn the_closest_anchor_is_suggested_only_when_near() {
        let anchors: Anchors = ["opening-hours", "contacts"].into_iter().collect();
        assert_eq!(
            closest("opening-hour", anchors.iter()),
            Some("opening-hours")
        );
        assert_eq!(closest("unrelated-words", anchors.iter()), None);
    }
}
