//! `asset(path="style.css")`: the address of a file of `static/` as published, which is its
//! fingerprinted name when it has one (see `render::assets`), relative to the page.

use std::collections::BTreeMap;
use std::sync::Arc;

use tera::{Kwargs, State, Tera, TeraResult, Value};

/// Registers `asset()`, knowing `paths`: each file under `static/` (`icons/chat.svg`) with
/// its published path from the site's root (`static/icons/chat.5be1c0d2.svg`). The address
/// starts with the page's `root` (the way back to the site's root), so it works under a
/// sub-path and from a plain file server. A name that is not a file of `static/` is an error
/// at the call, so a misspelt or deleted file never ships as a broken link.
///
/// Templates are compiled before the static files are read: they are compiled with no files
/// (Tera needs the function to exist), and the renderer registers it again with the files.
pub fn register(tera: &mut Tera, paths: Arc<BTreeMap<String, String>>) {
    tera.register_function(
        "asset",
        move |kwargs: Kwargs, state: &State| -> TeraResult<Value> {
            let path: &str = kwargs.must_get("path")?;
            let inner = path.trim_start_matches('/');
            let inner = inner.strip_prefix("static/").unwrap_or(inner);
            let Some(published) = paths.get(inner) else {
                return Err(tera::Error::message(format!(
                    "asset(path=\"{path}\"): there is no file static/{inner}; add it, or name a file of static/ (paths are relative to static/)"
                )));
            };
            let root: String = state.get("root")?.unwrap_or_default();
            Ok(Value::from(format!("{root}{published}")))
        },
    );
}
