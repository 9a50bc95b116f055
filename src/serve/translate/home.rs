//! The translator's home (`/__polydocs/translate/`): the language's counts, its pages with
//! what each has left to do, and a queue of every missing, outdated and copied text, each
//! linking into a page that shows it, in translate mode.

use std::collections::{BTreeMap, BTreeSet};

use super::workbench::{State, Workbench};
use crate::escape::html;

/// The messages each page of the language shows, by the page's address (`fr/hours/`).
pub(crate) type Shown = BTreeMap<String, BTreeSet<String>>;

fn state_name(state: State) -> &'static str {
    match state {
        State::Translated => "translated",
        State::Missing => "missing",
        State::Outdated => "outdated",
        State::SameAsSource => "same-as-source",
    }
}

/// The home page's HTML.
pub(crate) fn page(wb: &Workbench, shown: &Shown) -> String {
    let (messages, message_items) = message_queue(wb, shown);
    let (pages, page_items) = pages_and_queue(wb, shown);
    let m = &wb.message_counts;
    let p = &wb.page_counts;
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Translating {name} · polydocs</title>\
         <link rel=\"stylesheet\" href=\"{prefix}translate.css\"></head>\
         <body class=\"pd-home\"><main>\
         <h1>Translating {name} (<code>{code}</code>)</h1>\
         <p>Messages: {mt} of {mtotal} translated, {mmiss} missing, {mout} outdated, {msame} same as source. \
         Pages: {pt} of {ptotal} translated, {pmiss} missing, {pout} outdated, {psame} same as source.</p>\
         <p>Open any page of the site to translate it in place: pick a text with the mouse, or press \
         <kbd>n</kbd> for the next text left to do.</p>\
         <h2>To do ({todo})</h2><ul class=\"pd-queue\">{messages}{page_items}</ul>\
         <h2>Pages</h2><div class=\"pd-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Pages\"><table>\
         <thead><tr><th scope=\"col\">Page</th><th scope=\"col\">State</th>\
         <th scope=\"col\">Blocks to do</th><th scope=\"col\">Messages to do</th><th scope=\"col\">File</th></tr></thead>\
         <tbody>{pages}</tbody></table></div></main></body></html>\n",
        name = html(&wb.name),
        code = html(&wb.code),
        prefix = super::PREFIX,
        mt = m.translated,
        mtotal = m.total,
        mmiss = m.missing,
        mout = m.outdated,
        msame = m.same_as_source,
        pt = p.translated,
        ptotal = p.total,
        pmiss = p.missing,
        pout = p.outdated,
        psame = p.same_as_source,
        todo = message_items + page_items.matches("<li").count(),
    )
}

/// The queue's messages left to do, each linking to the first page that shows it (its panel
/// opened there), and how many there are.
fn message_queue(wb: &Workbench, shown: &Shown) -> (String, usize) {
    let mut out = String::new();
    let mut count = 0;
    for (id, message) in wb
        .messages
        .iter()
        .filter(|(_, m)| m.state != State::Translated)
    {
        let pages: Vec<&String> = (shown.iter())
            .filter(|(_, ids)| ids.contains(id))
            .map(|(address, _)| address)
            .collect();
        let at = pages.first().map_or_else(
            || format!("/{}/", wb.code),
            |address| format!("/{}", address.trim_start_matches('/')),
        );
        let on = match pages.len() {
            0 => "on no page".to_string(),
            1 => "on 1 page".to_string(),
            n => format!("on {n} pages"),
        };
        out.push_str(&format!(
            "<li class=\"pd-{state}\"><a href=\"{at}#pd-m={id}\"><code>{id}</code></a> \
             <span class=\"pd-state\">{state}</span> <small>{on} · {file}</small></li>\n",
            state = state_name(message.state),
            id = html(id),
            at = html(&at),
            file = html(&message.file),
        ));
        count += 1;
    }
    (out, count)
}

/// The pages' table rows, and the queue's pages left to do.
fn pages_and_queue(wb: &Workbench, shown: &Shown) -> (String, String) {
    let mut rows = String::new();
    let mut queue = String::new();
    for (path, page) in &wb.pages {
        let address = html(&format!("/{}", path.trim_start_matches('/')));
        let state = state_name(page.state);
        let key = html(&page.key);
        let messages = shown.get(path).map_or(0, |ids| {
            (ids.iter())
                .filter(|id| {
                    wb.messages
                        .get(*id)
                        .is_some_and(|m| m.state != State::Translated)
                })
                .count()
        });
        rows.push_str(&format!(
            "<tr class=\"pd-{state}\"><td><a href=\"{address}\">{key}</a></td><td>{state}</td>\
             <td>{}</td><td>{messages}</td><td>{}</td></tr>\n",
            page.to_do,
            html(&page.file),
        ));
        if page.state != State::Translated {
            queue.push_str(&format!(
                "<li class=\"pd-{state}\"><a href=\"{address}\">{key}</a> \
                 <span class=\"pd-state\">{state} page</span> <small>{} to do</small></li>\n",
                page.to_do,
            ));
        }
    }
    (rows, queue)
}
