use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The language of the user interface and of a session's own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Th,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Th => "th",
            Lang::En => "en",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Th => Lang::En,
            Lang::En => Lang::Th,
        }
    }

    /// Thai when the locale (`LC_ALL`, then `LANG`) starts with `th`, else English.
    pub fn from_locale(lc_all: Option<&str>, lang: Option<&str>) -> Lang {
        let locale = lc_all.filter(|s| !s.is_empty()).or(lang).unwrap_or("");
        if locale.to_ascii_lowercase().starts_with("th") {
            Lang::Th
        } else {
            Lang::En
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_picks_thai_only_for_th() {
        assert_eq!(Lang::from_locale(None, Some("th_TH.UTF-8")), Lang::Th);
        assert_eq!(
            Lang::from_locale(Some("en_US.UTF-8"), Some("th_TH.UTF-8")),
            Lang::En
        );
        assert_eq!(Lang::from_locale(Some(""), Some("th_TH.UTF-8")), Lang::Th);
        assert_eq!(Lang::from_locale(None, None), Lang::En);
        assert_eq!(Lang::from_locale(None, Some("C.UTF-8")), Lang::En);
    }
}
