//! Handing the open article to another program (`e`, `E`, `o`): the pager
//! or editor gets the terminal and the keyboard until it ends; a browser is
//! started beside folio, or the link copied where there is none.

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::Ordering;

use crate::app::Handoff;
use crate::clipboard::{Copy, Route};

use super::input::InputThread;
use super::session::{HANDED_OFF, Screen, restore, retake, send_to_terminal};

/// `e`, `E`, `o`: runs the pager or editor with the terminal given to it,
/// or opens a browser; says how it went.
pub(super) fn hand_off(
    terminal: &mut Screen,
    input: &InputThread,
    handoff: &Handoff,
    mouse: bool,
) -> io::Result<String> {
    let (program, default, target) = match handoff {
        Handoff::Browse { url } => return Ok(browse(url)),
        Handoff::Page { text, .. } => ("PAGER", "less", Target::Copy(text)),
        Handoff::Edit { source, text } if crate::shown::path_of(source).is_file() => {
            ("EDITOR", "vi", Target::File(crate::shown::path_of(source)))
        }
        Handoff::Edit { text, .. } => ("EDITOR", "vi", Target::Copy(text)),
    };
    let command =
        std::env::var(program).ok().filter(|c| !c.trim().is_empty()).unwrap_or_else(|| default.into());
    // The copy lives until the program has ended, and is removed with it.
    let (path, _copy) = match target {
        Target::File(source) => (source, None),
        Target::Copy(text) => match write_copy(text) {
            Ok(copy) => (copy.path().to_owned(), Some(copy)),
            // A full disk, an unwritable $TMPDIR: said, and folio goes on.
            Err(err) => return Ok(format!("cannot write a copy for {command}: {err}")),
        },
    };
    // The program reads the keyboard now: folio's reader must not.
    input.hold();
    restore();
    // `sh -c` so that a PAGER or EDITOR with options ("less -R") works.
    HANDED_OFF.store(true, Ordering::SeqCst);
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{command}{} \"$1\"", pager_start(handoff, &command)))
        .arg("folio")
        .arg(&path)
        .status();
    HANDED_OFF.store(false, Ordering::SeqCst);
    retake(terminal, mouse)?;
    input.resume();
    Ok(match status {
        Ok(status) if status.success() => String::new(),
        Ok(status) => format!("{command} ended with {status}"),
        Err(err) => format!("cannot run {command}: {err}"),
    })
}

/// Where less opens the text of `e`: at the line the reader was showing
/// (`+N` goes to line N). Other pagers open at the top.
fn pager_start(handoff: &Handoff, command: &str) -> String {
    let program = command.split_whitespace().next().unwrap_or("");
    let is_less = Path::new(program).file_name().is_some_and(|name| name == "less");
    match handoff {
        Handoff::Page { line, .. } if is_less && *line > 1 => format!(" +{line}"),
        _ => String::new(),
    }
}

enum Target<'a> {
    File(PathBuf),
    Copy(&'a str),
}

/// Writes `text` to a file of its own for a pager or editor to open: a
/// new file under an unpredictable name in `$TMPDIR`, created exclusively
/// (a link or folder another user planted there is never written through)
/// and readable by the user alone (0600). Removed when dropped.
fn write_copy(text: &str) -> io::Result<tempfile::NamedTempFile> {
    let mut copy = tempfile::Builder::new().prefix("folio-").suffix(".txt").tempfile()?;
    copy.write_all(text.as_bytes())?;
    copy.flush()?;
    Ok(copy)
}

/// Opens `url` with `$BROWSER`, or `xdg-open` under a desktop session;
/// elsewhere (over SSH) copies it with OSC 52 instead, and says which.
fn browse(url: &str) -> String {
    let var = |name| std::env::var(name).ok().filter(|v: &String| !v.is_empty());
    let desktop = var("DISPLAY").or_else(|| var("WAYLAND_DISPLAY")).is_some();
    let browser = var("BROWSER").or_else(|| desktop.then(|| "xdg-open".to_owned()));
    if let Some(browser) = browser {
        let spawned = Command::new("sh")
            .arg("-c")
            .arg(format!("{browser} \"$1\""))
            .arg("folio")
            .arg(url)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        if spawned.is_ok() {
            return format!("Opened {url} with {browser}");
        }
    }
    let copy = Copy { text: url.to_owned(), route: Route::from_env() };
    match send_to_terminal(&copy.sequence()) {
        Ok(()) => format!("No browser here: sent {url} by {}", copy.route.describe()),
        Err(_) => format!("No browser here, and the link could not be copied: {url}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_copy_for_the_pager_is_private_and_never_at_a_name_known_before() {
        use std::os::unix::fs::PermissionsExt;
        let (one, two) = (write_copy("Title\n\nBody.").expect("written"), write_copy("x").expect("written"));
        assert_ne!(one.path(), two.path());
        let mode = std::fs::metadata(one.path()).expect("stat").permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "readable by the user alone");
        assert_eq!(std::fs::read_to_string(one.path()).expect("read"), "Title\n\nBody.");
        let name = one.path().file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        assert!(name.starts_with("folio-") && name.len() > "folio-.txt".len() + 4, "{name}");
        let path = one.path().to_owned();
        drop(one);
        assert!(!path.exists(), "removed once the program has ended");
    }
}
