//! polydocs: a static site generator for multilingual support-plan documentation.
//!
//! The pipeline runs one way, one module a stage: [`site`] loads (config, plan data, Fluent
//! strings, Markdown, templates), [`index`] works out the pages' addresses and places,
//! [`check`] finds everything wrong, [`render`] renders every page in every language, and
//! [`publish`] swaps the result in whole. [`pipeline`] runs them, the same way for `build`,
//! `check` and `serve`.

// Diagnostics are returned by value on the error path only; boxing them would buy nothing.
#![allow(clippy::result_large_err)]

pub mod check;
pub mod cmd;
pub mod config;
pub mod content;
pub mod diagnostic;
pub mod escape;
pub mod highlight;
pub mod index;
pub mod l10n;
pub mod markdown;
pub mod marks;
pub mod pipeline;
pub mod plan;
pub mod publish;
pub mod render;
pub mod search;
pub mod serve;
pub mod site;
pub mod source;
pub mod span;
pub mod templates;
pub mod theme;
pub mod translation;
pub mod yaml;
