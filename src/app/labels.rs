//! The words for the app's own types. They live beside the types, not in
//! `i18n`, so `i18n` stays below `app` (it holds sentences, not app state):
//! the sentences themselves are still fields of `i18n`'s structs.

use std::borrow::Cow;

use super::{Notice, ReadOnly, View};
use crate::i18n::{self, Strings};
use crate::text::Lang;

impl View {
    /// The view's name, as the header and the help title show it.
    pub fn label(self, t: &Strings) -> &'static str {
        match self {
            View::Agenda => t.agenda,
            View::Guidance => t.guidance,
            View::Swot => t.swot,
            View::Strategies => t.strategies,
            View::Actions => t.actions_view,
            View::Photos => t.photos,
            View::Summary => t.summary,
        }
    }
}

impl Notice {
    /// The line the footer shows. Notices of other features take their
    /// words from those features' strings.
    pub fn label(&self, lang: Lang) -> Cow<'static, str> {
        let t = i18n::strings(lang);
        Cow::Borrowed(match self {
            Notice::ReadOnly(ReadOnly::Locked) => t.locked,
            Notice::ReadOnly(ReadOnly::NewerVersion) => t.newer_version,
            Notice::ReadOnly(ReadOnly::Viewing) => t.viewing,
            Notice::ReadOnly(ReadOnly::CannotWrite) => {
                i18n::safety::safety_strings(lang).cannot_write
            }
            Notice::DraftRestored => i18n::safety::safety_strings(lang).draft_restored,
            Notice::NothingToUndo => t.nothing_to_undo,
            Notice::NothingToRedo => t.nothing_to_redo,
            Notice::Undone => t.undone,
            Notice::Redone => t.redone,
            Notice::NothingSelected => t.nothing_selected,
            Notice::TemplateText => t.template_text,
            Notice::RoomReadOnly => i18n::room::room_strings(lang).read_only_room,
            Notice::PostShared(saved) => {
                let e = i18n::homeexport::home_export_strings(lang);
                return Cow::Owned(match saved {
                    Ok(path) => i18n::fill(e.post_shared, &[("path", path)]),
                    Err(why) => i18n::fill(e.post_not_saved, &[("why", why)]),
                });
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_view_has_a_name_in_both_languages() {
        for lang in [Lang::Th, Lang::En] {
            let t = i18n::strings(lang);
            let names: std::collections::HashSet<_> =
                View::ALL.iter().map(|v| v.label(t)).collect();
            assert_eq!(names.len(), View::ALL.len(), "{lang:?}");
            assert!(names.iter().all(|n| !n.is_empty()));
        }
    }

    #[test]
    fn notices_of_other_features_use_their_words() {
        assert_eq!(
            Notice::RoomReadOnly.label(Lang::En),
            i18n::room::room_strings(Lang::En).read_only_room
        );
        assert_eq!(
            Notice::ReadOnly(ReadOnly::CannotWrite).label(Lang::Th),
            i18n::safety::safety_strings(Lang::Th).cannot_write
        );
        assert_eq!(
            Notice::Undone.label(Lang::En),
            i18n::strings(Lang::En).undone
        );
    }
}
