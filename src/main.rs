//! The `folio` binary: everything lives in the library; this hands over.

#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    folio::cli::main()
}
