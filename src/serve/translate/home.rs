//! The translator's home (`/__polydocs/translate/`): the language's counts, its pages with
//! their state, and a queue of every missing and outdated text, each linking into its page in
//! translate mode.

use super::workbench::{State, Workbench};
use crate::escape::html;

fn state_name(state: State) -> &'static str {
    match state {
        State::Translated => "translated",
        State::Missing => "missing",
        State::Outdated => "outdated",
        State::SameAsSource => "same-as-source",
    }
}

/// The home page's HTML.
pub fn page(wb: &Workbench, token: &str) -> String {
    let m = &wb.message_counts;
    let p = &wb.page_counts;
    let mut queue = String::new();
    let home = wb
        .pages
        .iter()
        .find(|(_, p)| p.key == "_index.md")
        .map_or_else(
            || format!("/{}/", wb.code),
            |(path, _)| format!("/{}", path.trim_start_matches('/')),
        );
    for (id, message) in wb
        .messages
        .iter()
        .filter(|(_, m)| m.state != State::Translated)
    {
        queue.push_str(&format!(
            "<li class=\"pd-{state}\"><a href=\"{home}#pd-m={id}\"><code>{id}</code></a> \
             <span class=\"pd-state\">{state}</span> <small>{file}</small></li>\n",
            state = state_name(message.state),
            id = html(id),
            home = html(&home),
            file = html(&message.file),
        ));
    }
    let mut pages = String::new();
    for (path, page) in &wb.pages {
        let address = format!("/{}", path.trim_start_matches('/'));
        let row = format!(
            "<tr class=\"pd-{state}\"><td><a href=\"{address}\">{key}</a></td><td>{state}</td><td>{to_do}</td><td>{file}</td></tr>\n",
            state = state_name(page.state),
            address = html(&address),
            key = html(&page.key),
            to_do = page.to_do,
            file = html(&page.file),
        );
        pages.push_str(&row);
        if page.state != State::Translated {
            queue.push_str(&format!(
                "<li class=\"pd-{state}\"><a href=\"{address}\">{key}</a> <span class=\"pd-state\">{state} page</span> <small>{to_do} to do</small></li>\n",
                state = state_name(page.state),
                address = html(&address),
                key = html(&page.key),
                to_do = page.to_do,
            ));
        }
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Translating {name} · polydocs</title>\
         <link rel=\"stylesheet\" href=\"{prefix}translate.css\"></head>\
         <body class=\"pd-home\" data-pd-token=\"{token}\"><main>\
         <h1>Translating {name} (<code>{code}</code>)</h1>\
         <p>Messages: {mt} of {mtotal} translated, {mmiss} missing, {mout} outdated, {msame} same as source. \
         Pages: {pt} of {ptotal} translated, {pmiss} missing, {pout} outdated, {psame} same as source.</p>\
         <p>Open any page of the site to translate it in place: pick a text with the mouse, or press \
         <kbd>n</kbd> for the next text left to do.</p>\
         <h2>To do ({todo})</h2><ul class=\"pd-queue\">{queue}</ul>\
         <h2>Pages</h2><div class=\"pd-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Pages\"><table>\
         <thead><tr><th scope=\"col\">Page</th><th scope=\"col\">State</th><th scope=\"col\">Texts to do</th><th scope=\"col\">File</th></tr></thead>\
         <tbody>{pages}</tbody></table></div></main></body></html>\n",
        name = html(&wb.name),
        code = html(&wb.code),
        prefix = super::PREFIX,
        token = html(token),
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
        todo = queue.matches("<li").count(),
    )
}
