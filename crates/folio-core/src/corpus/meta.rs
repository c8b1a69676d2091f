//! What is known about an article besides its text: the site it came from,
//! its author, date and address. Dates arrive in whatever form a feed or a
//! front matter wrote them; they are read into a calendar date for sorting
//! and shown in one form.

/// Metadata from front matter, HTML `<meta>` tags or JSON fields. Every
/// field is optional and already cleaned to one line of plain text.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Meta {
    /// The publication or site ("The New Humanitarian").
    pub site: Option<String>,
    pub author: Option<String>,
    /// As written in the source; see [`Meta::date`] for the parsed form.
    pub date: Option<String>,
    pub url: Option<String>,
}

/// A calendar date, ordered oldest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Meta {
    /// The date, if it reads as one: `2024-03-18`, `2024-03-18T09:30:00Z`,
    /// `18 March 2024`, `March 18, 2024` or `Mon, 18 Mar 2024 09:30 GMT`.
    pub fn date(&self) -> Option<Date> {
        self.date.as_deref().and_then(parse_date)
    }

    /// The date as shown: `2024-03-18` when it could be read, else as given.
    pub fn date_label(&self) -> Option<String> {
        self.date().map(|d| d.to_string()).or_else(|| self.date.clone())
    }

    /// Fills the fields `self` lacks from `other`.
    pub fn or(self, other: Meta) -> Meta {
        Meta {
            site: self.site.or(other.site),
            author: self.author.or(other.author),
            date: self.date.or(other.date),
            url: self.url.or(other.url),
        }
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Longer than any date form we read: a "date" this long is prose.
const MAX_DATE_CHARS: usize = 64;

fn parse_date(text: &str) -> Option<Date> {
    if text.len() > MAX_DATE_CHARS {
        return None;
    }
    let number = |t: &str| t.parse::<u16>().ok().filter(|_| t.chars().all(|c| c.is_ascii_digit()));
    // Year first: ISO 8601 (its `T` ends the date) and its slashed cousin.
    let digits: Vec<&str> = text.split(|c: char| !c.is_ascii_digit()).filter(|t| !t.is_empty()).collect();
    if text.trim_start().starts_with(|c: char| c.is_ascii_digit())
        && let [y, m, d, ..] = digits.as_slice()
        && y.len() == 4
        && let (Some(year), Some(month), Some(day)) = (number(y), number(m), number(d))
    {
        return date(year, month, day);
    }
    let tokens: Vec<&str> =
        text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|t| !t.is_empty()).collect();
    // Otherwise a month name with a day and a year around it, in any order.
    let month = tokens.iter().find_map(|t| month_number(t))?;
    let year = tokens.iter().find(|t| t.len() == 4).and_then(|t| number(t))?;
    let day = tokens.iter().find(|t| t.len() <= 2).and_then(|t| number(t))?;
    date(year, u16::from(month), day)
}

fn month_number(token: &str) -> Option<u8> {
    let lower = token.to_ascii_lowercase();
    // A full name or its first three or four letters ("Mar", "Sept").
    let names = |m: &&str| lower == *m || (matches!(lower.len(), 3 | 4) && m.starts_with(lower.as_str()));
    let index = MONTHS.iter().position(names)?;
    u8::try_from(index + 1).ok()
}

fn date(year: u16, month: u16, day: u16) -> Option<Date> {
    let valid = (1..=12).contains(&month) && (1..=31).contains(&day) && (1000..=9999).contains(&year);
    valid.then_some(Date { year, month: month as u8, day: day as u8 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date_of(text: &str) -> Option<String> {
        parse_date(text).map(|d| d.to_string())
    }

    #[test]
    fn reads_the_common_date_forms() {
        for text in [
            "2024-03-18",
            "2024-03-18T09:30:00Z",
            "2024/03/18",
            "18 March 2024",
            "March 18, 2024",
            "Mon, 18 Mar 2024 09:30:00 +0000",
        ] {
            assert_eq!(date_of(text).as_deref(), Some("2024-03-18"), "{text}");
        }
    }

    #[test]
    fn anything_else_is_shown_as_given_and_not_sorted() {
        for text in ["last Tuesday", "2024-13-01", "", "18/03/24", "Marching 18 2024 in the rain"] {
            assert_eq!(date_of(text), None, "{text}");
        }
        let meta = Meta { date: Some("last Tuesday".into()), ..Meta::default() };
        assert_eq!(meta.date_label().as_deref(), Some("last Tuesday"));
    }
}
