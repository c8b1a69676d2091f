//! How many colours the terminal shows, read from the environment once at
//! start-up (no query that waits for the terminal to answer), and how a
//! colour is brought down to what it can show.

use ratatui::style::{Color, Modifier, Style};

/// `--color`: whether to use colour at all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ColourChoice {
    /// As the environment says: `NO_COLOR`, `TERM` and `COLORTERM`.
    #[default]
    Auto,
    /// Colour even where `NO_COLOR` or `TERM=dumb` say otherwise.
    Always,
    Never,
}

/// What the terminal can show, richest last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Depth {
    /// No colour: states show through bold, reverse video and underline.
    None,
    /// The terminal's own 16-colour palette.
    Ansi16,
    Ansi256,
    TrueColour,
}

impl Depth {
    /// The depth for `choice`, reading variables through `var` (so tests
    /// need not touch the process environment).
    pub fn detect(choice: ColourChoice, var: impl Fn(&str) -> Option<String>) -> Depth {
        let set = |name: &str| var(name).filter(|v| !v.is_empty());
        let term = set("TERM").unwrap_or_default().to_lowercase();
        let colourterm = set("COLORTERM").unwrap_or_default().to_lowercase();
        let supported = terminal_depth(&term, &colourterm);
        match choice {
            ColourChoice::Never => Depth::None,
            ColourChoice::Always => supported.max(Depth::Ansi16),
            // https://no-color.org: any non-empty value means no colour.
            ColourChoice::Auto if set("NO_COLOR").is_some() => Depth::None,
            ColourChoice::Auto => supported,
        }
    }

    /// Reads the process environment.
    pub fn from_env(choice: ColourChoice) -> Depth {
        Depth::detect(choice, |name| std::env::var(name).ok())
    }

    /// `style` as this depth can show it. Without colour, a background
    /// becomes reverse video, so a highlighted state stays highlighted, and
    /// dark grey, which is there to push text back, becomes the dim attribute.
    pub fn reduce(self, style: Style) -> Style {
        if self == Depth::None {
            let reversed = if style.bg.is_some() { Modifier::REVERSED } else { Modifier::empty() };
            let dim = if style.fg == Some(Color::DarkGray) { Modifier::DIM } else { Modifier::empty() };
            return Style { fg: None, bg: None, ..style }.add_modifier(reversed | dim);
        }
        Style { fg: style.fg.map(|c| self.colour(c)), bg: style.bg.map(|c| self.colour(c)), ..style }
    }

    fn colour(self, colour: Color) -> Color {
        match (self, colour) {
            (Depth::TrueColour, c) => c,
            (Depth::Ansi256, Color::Rgb(r, g, b)) => Color::Indexed(nearest_256([r, g, b])),
            (Depth::Ansi16, Color::Rgb(r, g, b)) => nearest_16([r, g, b]),
            (Depth::Ansi16, Color::Indexed(i)) => nearest_16(rgb_of_index(i)),
            (_, c) => c,
        }
    }
}

/// Terminals known to draw any RGB colour, by the TERM they set. Over SSH
/// COLORTERM is often not passed on, but TERM is.
const TRUE_COLOUR_TERMS: &[&str] =
    &["xterm-kitty", "alacritty", "foot", "wezterm", "xterm-ghostty", "contour"];

/// Terminals without colour, as their terminfo entries say.
const COLOURLESS_TERMS: &[&str] = &["dumb", "vt52", "vt100", "vt102", "vt220", "vt320"];

/// What a terminal can show by its TERM and COLORTERM (both lowercased),
/// as terminfo would say: `*-direct` and COLORTERM=truecolor draw RGB,
/// `*-256color` the 256, TERM=dumb and the VT terminals nothing, and the
/// rest (linux, xterm, screen, rxvt, unknown ones) the 16 colours almost
/// every terminal has, written as 30-37 and 90-97.
fn terminal_depth(term: &str, colourterm: &str) -> Depth {
    let base = term.split('+').next().unwrap_or_default();
    if matches!(colourterm, "truecolor" | "24bit")
        || base.ends_with("-direct")
        || TRUE_COLOUR_TERMS.contains(&base)
    {
        Depth::TrueColour
    } else if base.contains("256color") {
        Depth::Ansi256
    } else if COLOURLESS_TERMS.contains(&base) {
        Depth::None
    } else {
        Depth::Ansi16
    }
}

/// The 16 colours as xterm draws them by default; real palettes differ,
/// which is why the themes name these colours rather than mix their own.
const ANSI: [(Color, [u8; 3]); 16] = [
    (Color::Black, [0, 0, 0]),
    (Color::Red, [205, 0, 0]),
    (Color::Green, [0, 205, 0]),
    (Color::Yellow, [205, 205, 0]),
    (Color::Blue, [0, 0, 238]),
    (Color::Magenta, [205, 0, 205]),
    (Color::Cyan, [0, 205, 205]),
    (Color::Gray, [229, 229, 229]),
    (Color::DarkGray, [127, 127, 127]),
    (Color::LightRed, [255, 0, 0]),
    (Color::LightGreen, [0, 255, 0]),
    (Color::LightYellow, [255, 255, 0]),
    (Color::LightBlue, [92, 92, 255]),
    (Color::LightMagenta, [255, 0, 255]),
    (Color::LightCyan, [0, 255, 255]),
    (Color::White, [255, 255, 255]),
];

/// The levels of each channel in the 6×6×6 colour cube (indices 16-231).
const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

fn distance(a: [u8; 3], b: [u8; 3]) -> u32 {
    a.iter().zip(b).map(|(&x, y)| (i32::from(x) - i32::from(y)).unsigned_abs().pow(2)).sum()
}

fn nearest_16(rgb: [u8; 3]) -> Color {
    ANSI.iter().min_by_key(|(_, reference)| distance(rgb, *reference)).map_or(Color::Reset, |(c, _)| *c)
}

/// The nearest colour of the cube or the grey ramp (indices 232-255).
fn nearest_256(rgb: [u8; 3]) -> u8 {
    (16..=255).min_by_key(|&i| distance(rgb, rgb_of_index(i))).unwrap_or(16)
}

fn rgb_of_index(index: u8) -> [u8; 3] {
    match index {
        0..=15 => ANSI[usize::from(index)].1,
        16..=231 => {
            let i = usize::from(index - 16);
            [CUBE[i / 36], CUBE[i / 6 % 6], CUBE[i % 6]]
        }
        _ => [8 + 10 * (index - 232); 3],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(choice: ColourChoice, vars: &[(&str, &str)]) -> Depth {
        Depth::detect(choice, |name| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned()))
    }

    #[test]
    fn the_terminal_names_its_colours() {
        assert_eq!(depth(ColourChoice::Auto, &[("TERM", "linux")]), Depth::Ansi16);
        assert_eq!(depth(ColourChoice::Auto, &[("TERM", "xterm")]), Depth::Ansi16);
        assert_eq!(depth(ColourChoice::Auto, &[("TERM", "xterm-256color")]), Depth::Ansi256);
        assert_eq!(depth(ColourChoice::Auto, &[("TERM", "tmux-256color")]), Depth::Ansi256);
        let truecolour = [("TERM", "xterm-256color"), ("COLORTERM", "truecolor")];
        assert_eq!(depth(ColourChoice::Auto, &truecolour), Depth::TrueColour);
        assert_eq!(depth(ColourChoice::Auto, &[("COLORTERM", "24bit")]), Depth::TrueColour);
        assert_eq!(depth(ColourChoice::Auto, &[("TERM", "xterm-direct")]), Depth::TrueColour);
        assert_eq!(depth(ColourChoice::Auto, &[("TERM", "dumb")]), Depth::None);
        assert_eq!(depth(ColourChoice::Auto, &[]), Depth::Ansi16, "no TERM: assume the common 16");
        assert_eq!(depth(ColourChoice::Auto, &[("TERM", "screen")]), Depth::Ansi16);
        assert_eq!(depth(ColourChoice::Auto, &[("TERM", "rxvt-unicode")]), Depth::Ansi16);
        assert_eq!(depth(ColourChoice::Auto, &[("TERM", "rxvt-unicode-256color")]), Depth::Ansi256);
        assert_eq!(depth(ColourChoice::Auto, &[("TERM", "xterm-88color")]), Depth::Ansi16);
        assert_eq!(depth(ColourChoice::Auto, &[("TERM", "vt100")]), Depth::None, "a VT100 has no colour");
        assert_eq!(depth(ColourChoice::Auto, &[("TERM", "xterm-kitty")]), Depth::TrueColour);
        assert_eq!(depth(ColourChoice::Auto, &[("TERM", "foot")]), Depth::TrueColour);
        assert_eq!(depth(ColourChoice::Auto, &[("TERM", "LINUX")]), Depth::Ansi16, "case does not matter");
    }

    #[test]
    fn no_color_means_none_unless_colour_is_forced() {
        let vars = [("TERM", "xterm-256color"), ("COLORTERM", "truecolor"), ("NO_COLOR", "1")];
        assert_eq!(depth(ColourChoice::Auto, &vars), Depth::None);
        assert_eq!(depth(ColourChoice::Always, &vars), Depth::TrueColour);
        let empty = [("TERM", "xterm-256color"), ("NO_COLOR", "")];
        assert_eq!(depth(ColourChoice::Auto, &empty), Depth::Ansi256, "an empty NO_COLOR is unset");
        assert_eq!(depth(ColourChoice::Never, &[("COLORTERM", "truecolor")]), Depth::None);
        assert_eq!(depth(ColourChoice::Always, &[("TERM", "dumb")]), Depth::Ansi16);
    }

    #[test]
    fn colours_come_down_to_what_the_terminal_shows() {
        let orange = Style::new().fg(Color::Rgb(255, 135, 0)).bg(Color::Rgb(0, 0, 0));
        assert_eq!(Depth::TrueColour.reduce(orange), orange);
        assert_eq!(Depth::Ansi256.reduce(orange).fg, Some(Color::Indexed(208)));
        assert_eq!(Depth::Ansi16.reduce(orange).fg, Some(Color::Yellow));
        assert_eq!(Depth::Ansi16.reduce(orange).bg, Some(Color::Black));
        assert_eq!(Depth::Ansi16.reduce(Style::new().fg(Color::Indexed(226))).fg, Some(Color::LightYellow));
        assert_eq!(Depth::Ansi16.reduce(Style::new().fg(Color::Cyan)).fg, Some(Color::Cyan), "named stay");
        let none = Depth::None.reduce(orange.bold());
        assert_eq!((none.fg, none.bg), (None, None));
        assert!(
            none.add_modifier.contains(Modifier::BOLD | Modifier::REVERSED),
            "a background turns to reverse"
        );
        assert!(!Depth::None.reduce(Style::new().fg(Color::Red)).add_modifier.contains(Modifier::REVERSED));
        assert_eq!(
            Depth::None.reduce(Style::new().fg(Color::DarkGray)),
            Style::new().add_modifier(Modifier::DIM)
        );
    }
}
