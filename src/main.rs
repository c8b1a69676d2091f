//! The `folio` binary: everything lives in the library; this hands over.

fn main() {}
