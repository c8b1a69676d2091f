//! Function words (stop words): how many a paragraph has, and the page's
//! share of them, which tells grammatical text from menus and headlines.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::SHORT_CHARS;
use crate::corpus::paragraph::{Kind, Paragraph};

/// Stop words are counted in a paragraph's first this many words: enough
/// for a share, and a long paragraph is not read to its end.
const STOP_SAMPLE_WORDS: usize = 64;

/// Stop words among the first [`STOP_SAMPLE_WORDS`] words of `text`, and
/// how many words were read.
pub(super) fn stop_words(text: &str) -> (usize, usize) {
    let set = &*STOP_SET;
    let mut buf = [0u8; MAX_STOP_BYTES];
    let mut stops = 0;
    let mut sampled = 0;
    // Split at white space, then trimmed of punctuation: a character at a
    // time, splitting at every non-letter was most of this pass's time
    // (BENCHMARKS.md, "Issue 21: extraction").
    let words = text.split_ascii_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    for word in words.filter(|w| !w.is_empty()).take(STOP_SAMPLE_WORDS) {
        sampled += 1;
        if word.len() > MAX_STOP_BYTES {
            continue;
        }
        let lower: std::borrow::Cow<str> = if word.is_ascii() {
            buf[..word.len()].copy_from_slice(word.as_bytes());
            buf[..word.len()].make_ascii_lowercase();
            std::borrow::Cow::Borrowed(std::str::from_utf8(&buf[..word.len()]).unwrap_or_default())
        } else {
            std::borrow::Cow::Owned(word.to_lowercase())
        };
        stops += usize::from(set.contains(lower.as_ref()));
    }
    (stops, sampled)
}

/// The share of stop words in the page's paragraphs long enough to judge.
pub(super) fn page_stop_share(paragraphs: &[Paragraph], stops: &[(usize, usize)]) -> f32 {
    let (found, read) = paragraphs
        .iter()
        .zip(stops)
        .filter(|(p, _)| p.kind != Kind::Code && p.text.len() >= SHORT_CHARS)
        .fold((0, 0), |(f, r), (_, &(s, n))| (f + s, r + n));
    if read == 0 { 0.0 } else { found as f32 / read as f32 }
}

/// The longest stop word, in bytes (Russian ones are two bytes a letter).
const MAX_STOP_BYTES: usize = 16;

/// Function words of the languages most of the web is written in: English
/// in full, and the commonest of German, French, Spanish, Italian,
/// Portuguese, Dutch, Russian and Indonesian, a language a line.
const STOP_WORDS: &[&str] = &[
    "a about above after again against all also am an and any are as at be because been before being \
     below between both but by can could did do does doing down during each few for from further had has \
     have having he her here hers herself him himself his how i if in into is it its itself just me more \
     most my no nor not now of off on once only or other our ours out over own same she should so some \
     such than that the their theirs them then there these they this those through to too under until up \
     very was we were what when where which while who whom why will with would you your yours",
    "der die das und ist nicht ein eine einen dem den des zu mit sich auf für von im auch es als wie bei \
     nach aus wird werden hat haben sind war noch nur oder aber wenn dass um einer vor über",
    "le la les de des du un une et est en que qui dans pour pas sur au aux ce cette il elle ils sont avec \
     par plus ne se son sa ses ou mais nous vous leur été être",
    "el los las del y por con para su sus al lo como más pero ha fue son está este esta o ya",
    "il gli di della dei delle e è che non per si da alla sono più ma anche questo questa nel nella",
    "os as do da dos das em um uma não com no na nos nas é ao mais mas foi são seu sua",
    "het een van dat op te zijn met voor niet aan er maar ook als bij door werd wordt",
    "и в не на что с по как это он она они к из за от у то же для но так все его её бы был была было были \
     о или а мы вы я ты только уже",
    "yang dan di ke dari ini itu dengan untuk tidak dalam akan pada juga ada adalah atau oleh karena bisa \
     saat telah sudah mereka kami kita",
];

static STOP_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| STOP_WORDS.iter().flat_map(|language| language.split_whitespace()).collect());
