//! Copying to the clipboard of the terminal the user sits at, which over SSH
//! is not this machine's: OSC 52 asks that terminal to set its clipboard.
//! Inside tmux it goes twice: plain, for tmux's common `set-clipboard on`
//! (tmux takes it into its buffer and passes it on), and wrapped in
//! passthrough, for a tmux that passes sequences through instead. Inside GNU
//! screen it is wrapped in pieces. folio cannot know whether a terminal
//! took it, so it says what it sent, never that it arrived. Plain functions
//! that build the bytes; the event loop writes them.

/// What lies between folio and the terminal, read from the environment once
/// at start-up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Route {
    #[default]
    Direct,
    /// Inside tmux (`TMUX` is set): plain, which tmux takes with
    /// `set -g set-clipboard on`, then in DCS passthrough, which tmux 3.3
    /// and later pass on only with `set -g allow-passthrough on`.
    Tmux,
    /// Inside GNU screen (`STY` is set): DCS passthrough, in pieces.
    Screen,
}

impl Route {
    /// The route for the environment read through `var`.
    pub fn detect(var: impl Fn(&str) -> Option<String>) -> Route {
        let set = |name: &str| var(name).is_some_and(|v| !v.is_empty());
        if set("TMUX") {
            Route::Tmux
        } else if set("STY") {
            Route::Screen
        } else {
            Route::Direct
        }
    }

    pub fn from_env() -> Route {
        Route::detect(|name| std::env::var(name).ok())
    }

    /// What was sent, for the status line.
    pub fn describe(self) -> &'static str {
        match self {
            Route::Direct => "OSC 52",
            Route::Tmux => "OSC 52, plain and tmux-wrapped",
            Route::Screen => "OSC 52 in screen passthrough",
        }
    }
}

/// The status line after a copy of `characters` characters of `what` was
/// sent: what went out, not a promise that a clipboard took it.
pub fn sent_notice(what: &str, characters: usize, route: Route) -> String {
    format!("Sent {what} ({characters} characters) by {}", route.describe())
}

/// Something the user asked to copy, waiting for the event loop to send it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copy {
    pub text: String,
    pub route: Route,
}

impl Copy {
    /// The bytes that ask the terminal to put `text` on its clipboard.
    pub fn sequence(&self) -> String {
        let plain = osc52(&self.text);
        match self.route {
            // The plain one first: with `set-clipboard on` tmux takes it and
            // drops the wrapped one unless passthrough is allowed.
            Route::Tmux => format!("{plain}{}", wrap(&plain, Route::Tmux)),
            route => wrap(&plain, route),
        }
    }
}

/// screen drops a DCS string longer than this, so longer ones go in pieces.
const SCREEN_PIECE: usize = 76;

/// OSC 52 for the clipboard (`c`), the text in base64, ended by BEL (which
/// more terminals accept than ST).
fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

fn wrap(sequence: &str, route: Route) -> String {
    match route {
        Route::Direct => sequence.to_owned(),
        // Inside tmux's passthrough every ESC is doubled.
        Route::Tmux => format!("\x1bPtmux;{}\x1b\\", sequence.replace('\x1b', "\x1b\x1b")),
        // The sequence is ASCII (base64 and escapes), so any byte is a
        // character boundary.
        Route::Screen => sequence
            .as_bytes()
            .chunks(SCREEN_PIECE)
            .map(|piece| format!("\x1bP{}\x1b\\", String::from_utf8_lossy(piece)))
            .collect(),
    }
}

/// Standard base64 with padding, as OSC 52 takes it.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for group in bytes.chunks(3) {
        let n = group.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= group.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_pads_to_whole_groups() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64("Niger’s".as_bytes()), "TmlnZXLigJlz");
    }

    #[test]
    fn a_plain_terminal_gets_osc_52() {
        let copy = Copy { text: "hello".into(), route: Route::Direct };
        assert_eq!(copy.sequence(), "\x1b]52;c;aGVsbG8=\x07");
    }

    #[test]
    fn tmux_gets_it_plain_and_in_passthrough_with_escapes_doubled() {
        let copy = Copy { text: "hello".into(), route: Route::Tmux };
        assert_eq!(
            copy.sequence(),
            "\x1b]52;c;aGVsbG8=\x07\x1bPtmux;\x1b\x1b]52;c;aGVsbG8=\x07\x1b\\",
            "plain for set-clipboard on, wrapped for allow-passthrough on"
        );
    }

    #[test]
    fn the_notice_says_what_was_sent_not_that_it_arrived() {
        assert_eq!(
            sent_notice("the text", 12, Route::Tmux),
            "Sent the text (12 characters) by OSC 52, plain and tmux-wrapped"
        );
        assert!(!sent_notice("the text", 1, Route::Direct).contains("Copied"));
    }

    #[test]
    fn screen_gets_it_in_short_passthrough_pieces() {
        let copy = Copy { text: "hello".into(), route: Route::Screen };
        assert_eq!(copy.sequence(), "\x1bP\x1b]52;c;aGVsbG8=\x07\x1b\\");
        let long = Copy { text: "x".repeat(300), route: Route::Screen }.sequence();
        let pieces: Vec<&str> = long.split("\x1b\\").filter(|p| !p.is_empty()).collect();
        assert!(pieces.len() > 1);
        assert!(pieces.iter().all(|p| p.starts_with("\x1bP") && p.len() <= SCREEN_PIECE + 2));
        let joined: String = pieces.iter().map(|p| &p[2..]).collect();
        assert_eq!(joined, osc52(&"x".repeat(300)), "the pieces add up to the sequence");
    }

    #[test]
    fn the_route_follows_tmux_and_screen() {
        let route = |vars: &[(&str, &str)]| {
            Route::detect(|name| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned()))
        };
        assert_eq!(route(&[]), Route::Direct);
        assert_eq!(route(&[("TMUX", "/tmp/tmux-1000/default,123,0")]), Route::Tmux);
        assert_eq!(route(&[("STY", "1234.pts-0.host")]), Route::Screen);
        assert_eq!(route(&[("TMUX", "")]), Route::Direct, "an empty TMUX is unset");
    }
}
