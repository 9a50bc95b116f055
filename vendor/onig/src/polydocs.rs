//! Added for polydocs (see `vendor/README.md`): a count, per thread, of the searches run, of
//! those that ended in an error and of the bytes they searched. syntect treats a search that
//! fails (Oniguruma's retry limit reached) as finding nothing, and says nothing: these counts
//! let its caller know.

use std::cell::Cell;

thread_local! {
    static SEARCHES: Cell<Searches> = const { Cell::new(Searches { run: 0, failed: 0, scanned: 0 }) };
}

/// Searches run on this thread since it started, and how many of them failed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Searches {
    /// Searches run.
    pub run: u64,
    /// Searches that ended in an error rather than a match or a mismatch.
    pub failed: u64,
    /// The bytes of the ranges searched (from the first start position to the last): a
    /// search tries each start position in its range, so its time grows with it.
    pub scanned: u64,
}

/// The searches run on this thread so far: compare two readings for the searches between.
pub fn searches() -> Searches {
    SEARCHES.with(Cell::get)
}

pub(crate) fn record(range: usize, failed: bool) {
    SEARCHES.with(|s| {
        let mut now = s.get();
        now.run += 1;
        now.failed += u64::from(failed);
        now.scanned += range as u64;
        s.set(now);
    });
}
