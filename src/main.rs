//! The `folio` binary: everything lives in the library; this hands over.

// One call into the C library's allocator (`fewer_malloc_arenas`) needs
// `unsafe`; nothing else may use it.
#![deny(unsafe_code)]

fn main() -> std::process::ExitCode {
    fewer_malloc_arenas();
    folio::cli::main()
}

/// glibc gives each thread that meets another in `malloc` an arena of its
/// own (up to eight per core), and memory freed in one arena serves that
/// arena only. A cold load parses on every core while the search thread
/// indexes and another groups stories: at 100,000 articles the reader
/// peaked about 50 MiB higher with glibc's default than with an arena per
/// core (BENCHMARKS.md, "Memory at 100,000 articles, ninth session"). The
/// threads then wait on each other's arena: `--check` takes the same time,
/// but the reader's cold load was searchable 0.5 to 0.8 s later of 7 to 8
/// (BENCHMARKS.md, "The malloc arena cap's cost, tenth session"). A person
/// who set glibc's own `MALLOC_ARENA_MAX` (or a `GLIBC_TUNABLES` arena
/// limit) gets what they set. Set before any other thread starts.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn fewer_malloc_arenas() {
    let tunables = std::env::var_os("GLIBC_TUNABLES").unwrap_or_default();
    if std::env::var_os("MALLOC_ARENA_MAX").is_some() || tunables.to_string_lossy().contains("arena_max") {
        return;
    }
    let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    let arenas = libc::c_int::try_from(cores).unwrap_or(libc::c_int::MAX);
    // SAFETY: `mallopt` only sets one of the allocator's tunables, and no
    // other thread exists yet to be allocating. A value it refuses (it
    // returns 0) leaves glibc's default, which is only more memory.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, arenas);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn fewer_malloc_arenas() {}
