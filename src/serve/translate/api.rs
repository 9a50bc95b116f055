//! Translate mode's requests: its script and stylesheet, the translator's home, what the panel
//! reads (a page's states, a message's details) and what it writes (check, save, mark).

use serde::Serialize;
use serde_json::json;

use super::details;
use super::save::{self, Edit};
use super::workbench::{State, Workbench};
use super::{Desk, MarkTarget, PREFIX};

/// The editor's script and stylesheet, served (never inlined) so that a site's
/// Content-Security-Policy does not stop them.
pub(crate) const SCRIPT: &str = include_str!("translate.js");
pub(crate) const STYLE: &str = include_str!("translate.css");

/// A request to translate mode, as the server read it.
pub struct Request<'a> {
    pub(crate) method: &'a str,
    /// The path and query (`/__polydocs/translate/message?id=x`).
    pub(crate) target: &'a str,
    /// The `X-Polydocs-Token` header.
    pub(crate) token: Option<&'a str>,
    pub(crate) content_type: Option<&'a str>,
    pub(crate) body: &'a [u8],
}

/// An answer.
pub(crate) struct Reply {
    pub(crate) status: u16,
    pub(crate) content_type: &'static str,
    pub(crate) body: Vec<u8>,
}

impl Reply {
    fn json(status: u16, value: &impl Serialize) -> Reply {
        Reply {
            status,
            content_type: "application/json; charset=utf-8",
            body: serde_json::to_vec(value).unwrap_or_default(),
        }
    }

    fn error(status: u16, message: &str) -> Reply {
        Reply::json(status, &json!({ "error": message }))
    }
}

/// Answers a request under [`PREFIX`]; `output` is the preview as served (its pages, rendered
/// with marks, say which messages each shows).
pub(crate) fn answer(desk: &Desk, r: &Request, output: &crate::serve::output::Output) -> Reply {
    let (path, query) = r.target.split_once('?').unwrap_or((r.target, ""));
    let name = path.strip_prefix(PREFIX).unwrap_or("");
    let Some(wb) = desk.workbench() else {
        return Reply::error(503, "the site has not built yet; see the terminal");
    };
    let default = desk.default_language();
    match (r.method, name) {
        ("GET" | "HEAD", "") => Reply {
            status: 200,
            content_type: "text/html; charset=utf-8",
            body: super::home::page(&wb, &shown_messages(&wb, output)).into_bytes(),
        },
        ("GET" | "HEAD", "translate.js") => asset("text/javascript; charset=utf-8", SCRIPT),
        ("GET" | "HEAD", "translate.css") => asset("text/css; charset=utf-8", STYLE),
        ("GET" | "HEAD", "page") => page(&wb, default, &param(query, "path").unwrap_or_default()),
        ("GET" | "HEAD", "message") => {
            match details::message(&wb, &param(query, "id").unwrap_or_default()) {
                Ok(m) => Reply::json(200, &m),
                Err(e) => Reply::error(404, &e),
            }
        }
        ("POST", "check" | "save" | "mark") => {
            if r.token != Some(desk.token.as_str()) {
                return Reply::error(
                    403,
                    "this request does not come from the preview's own page",
                );
            }
            if !r
                .content_type
                .is_some_and(|t| t.starts_with("application/json"))
            {
                return Reply::error(415, "send JSON");
            }
            write(desk, &wb, default, name, r.body)
        }
        ("GET" | "HEAD" | "POST", _) => Reply::error(404, "no such request"),
        _ => Reply::error(405, "not a method translate mode answers"),
    }
}

fn asset(content_type: &'static str, text: &str) -> Reply {
    Reply {
        status: 200,
        content_type,
        body: text.as_bytes().to_vec(),
    }
}

/// A check, a save or a mark.
fn write(desk: &Desk, wb: &Workbench, default: usize, name: &str, body: &[u8]) -> Reply {
    if name == "mark" {
        return mark(desk, wb, body);
    }
    let edit: Edit = match serde_json::from_slice(body) {
        Ok(e) => e,
        Err(e) => return Reply::error(400, &format!("not an edit: {e}")),
    };
    let outcome = if name == "save" {
        save::save(wb, default, &edit)
    } else {
        save::check(wb, default, &edit)
    };
    match outcome {
        Ok(o @ save::Outcome::Conflict { .. }) => Reply::json(409, &o),
        Ok(o @ save::Outcome::Refused { .. }) => Reply::json(422, &o),
        Ok(o) => Reply::json(200, &o),
        Err(e) => Reply::error(400, &e),
    }
}

/// "Mark as up to date" for one message or one page.
fn mark(desk: &Desk, wb: &Workbench, body: &[u8]) -> Reply {
    #[derive(serde::Deserialize)]
    struct Asked {
        id: Option<String>,
        page: Option<String>,
        /// Mark a translation that did not change since its source did (`--force`).
        #[serde(default)]
        force: bool,
    }
    let asked: Asked = match serde_json::from_slice(body) {
        Ok(a) => a,
        Err(e) => return Reply::error(400, &format!("say what to mark: {e}")),
    };
    let target = match (asked.id.clone(), asked.page.clone()) {
        (Some(id), _) => MarkTarget::Message(id),
        (None, Some(address)) => match wb.page_at(&address) {
            Some(p) => MarkTarget::Page(p.key.clone()),
            None => return Reply::error(404, &format!("no page at {address}")),
        },
        _ => return Reply::error(400, "say which message (`id`) or page (`page`)"),
    };
    match (desk.mark)(&wb.root, &wb.code, target, asked.force) {
        Ok(said) => Reply::json(200, &json!({ "outcome": "marked", "said": said })),
        Err(e) => Reply::json(409, &json!({ "outcome": "not-marked", "error": e })),
    }
}

/// What the script needs to mark a page: the language, the page and its blocks, and the
/// state of every message.
fn page(wb: &Workbench, default: usize, address: &str) -> Reply {
    let page = wb.page_at(address);
    // The page's file is read once: for its blocks, and for the fingerprint a save compares.
    let (blocks, base) = match page.map(|p| details::page_blocks(wb, p, default)) {
        Some(Ok(b)) => (b.blocks, details::base(b.own.as_deref())),
        Some(Err(e)) => return Reply::error(500, &e),
        None => (Vec::new(), String::new()),
    };
    let states: std::collections::BTreeMap<&str, State> = wb
        .messages
        .iter()
        .map(|(id, m)| (id.as_str(), m.state))
        .collect();
    Reply::json(
        200,
        &json!({
            "language": wb.code,
            "name": wb.name,
            "dir": wb.dir,
            "source": wb.source_code,
            "page": page,
            "base": base,
            "blocks": blocks,
            "messages": states,
        }),
    )
}

/// For each page of the language (by address), the messages it shows.
fn shown_messages(wb: &Workbench, output: &crate::serve::output::Output) -> super::home::Shown {
    wb.pages
        .keys()
        .filter_map(|address| {
            let html = output.get(&format!("{address}index.html"))?;
            let ids = super::annotate::message_ids(html);
            Some((
                address.clone(),
                ids.into_iter().map(str::to_string).collect(),
            ))
        })
        .collect()
}

/// A query parameter, percent-decoded.
pub(crate) fn param(query: &str, name: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (k == name).then(|| percent_decode(v))
    })
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A page of the preview in translate mode: its marks turned into attributes, and the
/// editor's stylesheet and script added.
pub(crate) fn page_html(desk: &Desk, html: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    let (annotated, _) = super::annotate::annotate(&text);
    let tags = format!(
        "<link rel=\"stylesheet\" href=\"{PREFIX}translate.css\">\
         <script src=\"{PREFIX}translate.js\" data-token=\"{}\" data-language=\"{}\" defer></script>\n",
        crate::escape::html(&desk.token),
        crate::escape::html(&desk.code)
    );
    let at = annotated
        .rfind("</body>")
        .or_else(|| annotated.rfind("</BODY>"))
        .unwrap_or(annotated.len());
    let mut out = String::with_capacity(annotated.len() + tags.len());
    out.push_str(&annotated[..at]);
    out.push_str(&tags);
    out.push_str(&annotated[at..]);
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_parameters_are_decoded() {
        assert_eq!(
            param("path=%2Ffr%2Fhours%2F&x=1", "path").as_deref(),
            Some("/fr/hours/")
        );
        assert_eq!(param("id=tier-name", "id").as_deref(), Some("tier-name"));
        assert_eq!(param("id=a%zz%", "id").as_deref(), Some("a%zz%"));
        assert_eq!(param("a=1", "id"), None);
    }
}
