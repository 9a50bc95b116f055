//! `serve --translate`: the preview with every translatable text marked for the in-page editor.

pub mod annotate;
