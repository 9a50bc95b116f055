//! The integration tests, one binary with a module per concern (as mdBook does): each runs
//! the real `polydocs` binary against a copy of a site and checks what a person sees.

mod common;

mod corpus;

mod alerts;
mod aliases;
mod architecture;
mod assets;
mod build;
mod bundles;
mod cli;
mod crash_safety;
mod docpage;
mod drafts;
mod errors;
mod examples;
mod facts;
mod fallback;
mod foreign;
mod front_matter;
mod highlight;
mod hostile;
mod init;
mod l10n;
mod links;
mod move_page;
mod navigation;
mod output_safety;
mod pipeline;
mod preview;
mod progress;
mod properties;
mod readers;
mod root_files;
mod search;
mod serve;
mod slips;
mod translators;
mod traps;
mod words;
