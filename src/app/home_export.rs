//! The home screen's `x`: which format to export the selected session in.
//! Pure like the rest of [`Home`]: the answer becomes a
//! [`HomeRequest::Export`] that the loop carries out.

use std::path::PathBuf;

use crate::export::Format;

use super::home::{Home, HomeAction, HomePrompt, HomeRequest};

impl Home {
    /// `x`: ask for the format of the selected session's report.
    pub(super) fn ask_export(&mut self) {
        self.prompt = self
            .visible()
            .get(self.selected)
            .map(|l| HomePrompt::Export {
                path: l.path.clone(),
                title: l.title.clone(),
                choice: 0,
            });
    }

    /// A key while the format is asked: a format's letter exports at once,
    /// ↑↓ move the choice and Enter takes it, Esc asks nothing more.
    pub(super) fn answer_export(
        &mut self,
        path: PathBuf,
        title: String,
        choice: usize,
        action: HomeAction,
    ) -> Option<HomeRequest> {
        let last = Format::ALL.len() - 1;
        let format = match action {
            HomeAction::ExportAs(format) => format,
            HomeAction::Commit => Format::ALL[choice.min(last)],
            HomeAction::Up | HomeAction::Down => {
                let choice = if action == HomeAction::Down {
                    (choice + 1).min(last)
                } else {
                    choice.saturating_sub(1)
                };
                self.prompt = Some(HomePrompt::Export {
                    path,
                    title,
                    choice,
                });
                return None;
            }
            HomeAction::Back => return None,
            HomeAction::Quit => return Some(HomeRequest::Quit),
            _ => {
                self.prompt = Some(HomePrompt::Export {
                    path,
                    title,
                    choice,
                });
                return None;
            }
        };
        Some(HomeRequest::Export { path, format })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Listed;
    use crate::text::Lang;

    fn home() -> Home {
        let listed = |name: &str| Listed {
            path: PathBuf::from(format!("{name}.json")),
            id: name.into(),
            title: name.into(),
            date: chrono::NaiveDate::from_ymd_opt(2021, 1, 13),
            venue: String::new(),
            updated_at: chrono::DateTime::parse_from_rfc3339("2021-01-13T09:00:00+07:00")
                .expect("a date"),
            counts: [0; 4],
        };
        Home::new(vec![listed("อุบล"), listed("ขอนแก่น")], Lang::Th)
    }

    fn export(path: &str, format: Format) -> Option<HomeRequest> {
        Some(HomeRequest::Export {
            path: PathBuf::from(path),
            format,
        })
    }

    #[test]
    fn x_asks_the_format_first_and_esc_exports_nothing() {
        let mut h = home();
        h.update(HomeAction::Down);
        assert_eq!(
            h.update(HomeAction::Export),
            None,
            "nothing is written before the answer"
        );
        assert!(matches!(
            &h.prompt,
            Some(HomePrompt::Export { path, choice: 0, .. }) if path == &PathBuf::from("ขอนแก่น.json")
        ));
        // Keys that mean nothing here keep the question.
        assert_eq!(h.update(HomeAction::Open), None);
        assert_eq!(h.update(HomeAction::Trash), None);
        assert!(h.prompt.is_some());
        assert_eq!(
            h.update(HomeAction::Back),
            None,
            "Esc neither exports nor quits"
        );
        assert_eq!(h.prompt, None);
    }

    #[test]
    fn each_format_key_exports_the_selected_session_in_that_format() {
        for format in Format::ALL {
            let mut h = home();
            h.update(HomeAction::Export);
            assert_eq!(
                h.update(HomeAction::ExportAs(format)),
                export("อุบล.json", format)
            );
            assert_eq!(h.prompt, None, "the question is answered");
        }
    }

    #[test]
    fn arrows_and_enter_choose_a_format_and_stay_in_range() {
        let mut h = home();
        h.update(HomeAction::Export);
        h.update(HomeAction::Up);
        assert_eq!(h.update(HomeAction::Commit), export("อุบล.json", Format::Md));
        h.update(HomeAction::Export);
        for _ in 0..10 {
            h.update(HomeAction::Down);
        }
        h.update(HomeAction::Up);
        assert_eq!(
            h.update(HomeAction::Commit),
            export("อุบล.json", Format::Csv)
        );
    }

    #[test]
    fn nothing_to_export_without_a_session_and_quit_still_quits() {
        let mut h = Home::new(Vec::new(), Lang::En);
        assert!(!h.offers(&HomeAction::Export));
        assert_eq!(h.update(HomeAction::Export), None);
        assert_eq!(h.prompt, None);
        let mut h = home();
        assert!(h.offers(&HomeAction::Export));
        h.update(HomeAction::Export);
        assert_eq!(h.update(HomeAction::Quit), Some(HomeRequest::Quit));
    }
}
