//! The 16 colours as terminals without 256 colours understand them. crossterm
//! writes even the 16 named colours as 256-colour SGR (`38;5;1` for red),
//! which the Linux console and a plain `xterm` entry do not promise to read:
//! the Linux console takes `38;5;n` as other attributes. This writer sits
//! between the backend and the terminal and rewrites those parameters into
//! the original 8/16-colour ones: 30-37 and 90-97 for the foreground, 40-47
//! and 100-107 for the background. Everything else passes through as it
//! came, byte for byte.

use std::io::{self, Write};

/// Past this many bytes a control sequence is not one crossterm writes:
/// it is passed on untouched rather than held.
const MAX_HELD: usize = 64;

/// Wraps `inner`, rewriting 256-colour SGR parameters of the first 16
/// colours into 8/16-colour ones. Sequences may arrive split over any number
/// of writes (crossterm writes a parameter at a time); the start of one is
/// held until its end is seen.
#[derive(Debug)]
pub struct Ansi16<W: Write> {
    inner: W,
    /// Off for terminals with 256 colours or more: bytes go straight on.
    rewriting: bool,
    /// The start of an escape sequence not yet ended.
    held: Vec<u8>,
}

impl<W: Write> Ansi16<W> {
    /// Rewrites what goes to `inner`.
    pub fn new(inner: W) -> Self {
        Ansi16 { inner, rewriting: true, held: Vec::new() }
    }

    /// Rewrites what goes to `inner` only if `rewriting` (the terminal shows
    /// 16 colours); else passes it on untouched.
    pub fn when(rewriting: bool, inner: W) -> Self {
        Ansi16 { inner, rewriting, held: Vec::new() }
    }

    pub fn get_mut(&mut self) -> &mut W {
        &mut self.inner
    }

    /// Takes one byte of a sequence being held; writes the sequence on once
    /// it has ended (rewritten if it is SGR), or once it cannot be one.
    fn hold(&mut self, byte: u8) -> io::Result<()> {
        self.held.push(byte);
        let ended = match self.held.as_slice() {
            [0x1b] => false,
            [0x1b, b'['] => false,
            [0x1b, b'[', .., last] => (0x40..=0x7e).contains(last),
            // Not a CSI: nothing to rewrite.
            _ => true,
        };
        if ended || self.held.len() >= MAX_HELD {
            let held = std::mem::take(&mut self.held);
            match held.as_slice() {
                [0x1b, b'[', params @ .., b'm'] => {
                    let params = String::from_utf8_lossy(params);
                    write!(self.inner, "\x1b[{}m", rewrite(&params))?;
                }
                other => self.inner.write_all(other)?,
            }
        }
        Ok(())
    }
}

impl<W: Write> Write for Ansi16<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if !self.rewriting {
            return self.inner.write(bytes);
        }
        let mut rest = bytes;
        while !rest.is_empty() {
            if self.held.is_empty() {
                // Text runs straight through, up to the next escape.
                let plain = rest.iter().position(|&b| b == 0x1b).unwrap_or(rest.len());
                self.inner.write_all(&rest[..plain])?;
                rest = &rest[plain..];
            }
            if let Some((&byte, tail)) = rest.split_first() {
                self.hold(byte)?;
                rest = tail;
            }
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        // A sequence half-written stays held: flushing it now would split it.
        self.inner.flush()
    }
}

/// SGR parameters with `38;5;n` / `48;5;n` (n below 16) in their 16-colour
/// form. Other parameters, true colour and the colours of the cube stay.
pub fn rewrite(params: &str) -> String {
    let parts: Vec<&str> = params.split(';').collect();
    let mut out: Vec<String> = Vec::with_capacity(parts.len());
    let mut i = 0;
    while i < parts.len() {
        let index = parts.get(i + 2).and_then(|n| n.parse::<u8>().ok()).filter(|&n| n < 16);
        match (parts[i], parts.get(i + 1), index) {
            ("38", Some(&"5"), Some(n)) => {
                out.push(sixteen(n, 30, 90).to_string());
                i += 3;
            }
            ("48", Some(&"5"), Some(n)) => {
                out.push(sixteen(n, 40, 100).to_string());
                i += 3;
            }
            // A colour's own parameters are never read as the start of another.
            ("38" | "48" | "58", Some(&"5"), _) => {
                out.extend(parts[i..(i + 3).min(parts.len())].iter().map(|p| (*p).to_owned()));
                i += 3;
            }
            ("38" | "48" | "58", Some(&"2"), _) => {
                out.extend(parts[i..(i + 5).min(parts.len())].iter().map(|p| (*p).to_owned()));
                i += 5;
            }
            (other, _, _) => {
                out.push(other.to_owned());
                i += 1;
            }
        }
    }
    out.join(";")
}

/// Colour `n` of the 16: the normal eight from `normal`, the bright ones
/// from `bright`.
fn sixteen(n: u8, normal: u8, bright: u8) -> u8 {
    if n < 8 { normal + n } else { bright + n - 8 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(pieces: &[&[u8]]) -> Vec<u8> {
        let mut out = Ansi16::new(Vec::new());
        for piece in pieces {
            out.write_all(piece).expect("a Vec takes any write");
        }
        out.flush().expect("flushes");
        out.inner
    }

    #[test]
    fn the_sixteen_colours_get_their_own_codes() {
        assert_eq!(rewrite("38;5;1"), "31");
        assert_eq!(rewrite("38;5;9"), "91");
        assert_eq!(rewrite("48;5;6"), "46");
        assert_eq!(rewrite("48;5;15"), "107");
        assert_eq!(rewrite("38;5;0;48;5;14"), "30;106", "crossterm's SetColors, both at once");
        assert_eq!(rewrite("1;38;5;8"), "1;90");
    }

    #[test]
    fn other_parameters_stay_as_they_came() {
        assert_eq!(rewrite("0"), "0");
        assert_eq!(rewrite("39"), "39");
        assert_eq!(rewrite(""), "");
        assert_eq!(rewrite("38;5;208"), "38;5;208", "a cube colour is left to the terminal");
        assert_eq!(rewrite("38;2;5;5;1"), "38;2;5;5;1", "true colour's numbers are not colours");
        assert_eq!(rewrite("58;5;1"), "58;5;1", "underline colour has no 16-colour form");
    }

    #[test]
    fn a_frame_written_in_pieces_comes_out_rewritten_and_otherwise_intact() {
        let out = through(&[b"ab\x1b[", b"38;", b"5;", b"1m", b"red\x1b[2;3H\x1b[48;5;12mx\x1b[0m"]);
        assert_eq!(out, b"ab\x1b[31mred\x1b[2;3H\x1b[104mx\x1b[0m");
        let text = "Niger’s — 日本語".as_bytes();
        assert_eq!(through(&[text]), text, "text passes byte for byte");
        assert_eq!(through(&[b"\x1b]52;c;aGk=\x07"]), b"\x1b]52;c;aGk=\x07", "other sequences pass");
    }

    #[test]
    fn switched_off_it_passes_everything_on() {
        let mut out = Ansi16::when(false, Vec::new());
        out.write_all(b"\x1b[38;5;1mred").expect("written");
        assert_eq!(out.inner, b"\x1b[38;5;1mred");
    }

    #[test]
    fn every_colour_crossterm_writes_comes_out_in_sixteen_colour_form() {
        use ratatui::crossterm::style::{Color, SetBackgroundColor, SetForegroundColor};
        let colours = [Color::Black, Color::DarkGrey, Color::Red, Color::DarkCyan, Color::White, Color::Grey];
        let mut out = Ansi16::new(Vec::new());
        for colour in colours {
            ratatui::crossterm::queue!(out, SetForegroundColor(colour), SetBackgroundColor(colour))
                .expect("written");
        }
        let text = String::from_utf8(out.inner).expect("ASCII");
        assert!(!text.contains(";5;"), "no 256-colour parameter is left: {text:?}");
        assert!(text.contains("\x1b[36m") && text.contains("\x1b[46m"), "{text:?}");
        assert!(text.contains("\x1b[91m") && text.contains("\x1b[97m"), "{text:?}");
    }
}
