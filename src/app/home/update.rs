//! What each key does on the home screen, and the answers to its prompts.

use crate::app::TextBox;
use crate::app::textbox::tidy;

use super::{Home, HomeAction, HomePrompt, HomeRequest};

impl Home {
    /// Applies `action`; returns what the loop must carry out, if anything.
    pub fn update(&mut self, action: HomeAction) -> Option<HomeRequest> {
        self.message = None;
        if let Some(prompt) = self.prompt.take() {
            return self.answer(prompt, action);
        }
        if self.help {
            match action {
                HomeAction::ToggleHelp | HomeAction::Back => self.help = false,
                HomeAction::Quit => return Some(HomeRequest::Quit),
                _ => {}
            }
            return None;
        }
        if self.overview.is_some() {
            return self.update_overview(action);
        }
        if self.filtering {
            match action {
                HomeAction::Text(edit) => {
                    self.filter.apply(edit);
                    self.selected = 0;
                    self.refilter();
                }
                HomeAction::Commit => self.filtering = false,
                HomeAction::Back => {
                    self.filtering = false;
                    self.filter = TextBox::default();
                    self.refilter();
                }
                HomeAction::Up | HomeAction::Down => self.step(action == HomeAction::Down),
                _ => {}
            }
            self.clamp();
            return None;
        }
        let request = match action {
            HomeAction::Up => {
                self.step(false);
                None
            }
            HomeAction::Down => {
                self.step(true);
                None
            }
            HomeAction::StartFilter => {
                self.filtering = true;
                None
            }
            HomeAction::Back => {
                self.filter = TextBox::default();
                self.refilter();
                None
            }
            HomeAction::Open | HomeAction::Commit => self.open_selected(false),
            HomeAction::ViewOnly => self.open_selected(true),
            HomeAction::Overview => (!self.contents.is_empty()).then_some(HomeRequest::Overview),
            HomeAction::New => {
                self.prompt = Some(HomePrompt::NewTitle(TextBox::default()));
                None
            }
            HomeAction::Trash => {
                self.prompt = self
                    .visible()
                    .get(self.selected)
                    .map(|l| HomePrompt::Trash(l.path.clone(), l.title.clone()));
                None
            }
            HomeAction::Restore => match &self.last_trashed {
                Some((to, trashed)) => Some(HomeRequest::Restore {
                    trashed: trashed.clone(),
                    to: to.clone(),
                }),
                None => {
                    let t = crate::i18n::facilitator::facilitator_strings(self.lang);
                    self.message = Some(t.nothing_to_restore.to_owned());
                    None
                }
            },
            HomeAction::Example => self.is_welcome().then_some(HomeRequest::Example),
            HomeAction::Export => {
                self.ask_export();
                None
            }
            HomeAction::ToggleHelp => {
                self.help = true;
                None
            }
            HomeAction::SwitchLang => {
                self.lang = self.lang.other();
                None
            }
            HomeAction::Quit => Some(HomeRequest::Quit),
            HomeAction::ExportAs(_) | HomeAction::Text(_) => None,
        };
        self.clamp();
        request
    }

    /// A key while the overview is shown: walk its rows, open the session a
    /// row leads to at its entry, or leave.
    fn update_overview(&mut self, action: HomeAction) -> Option<HomeRequest> {
        let overview = self.overview.as_mut()?;
        match action {
            HomeAction::Up | HomeAction::Down => overview.step(action == HomeAction::Down),
            HomeAction::Open | HomeAction::Commit | HomeAction::ViewOnly => {
                let target = overview.target()?;
                return Some(HomeRequest::OpenAt {
                    path: target.path.clone(),
                    place: target.place,
                    viewing: action == HomeAction::ViewOnly,
                });
            }
            HomeAction::Back | HomeAction::Overview => self.overview = None,
            HomeAction::ToggleHelp => self.help = true,
            HomeAction::SwitchLang => self.lang = self.lang.other(),
            HomeAction::Quit => return Some(HomeRequest::Quit),
            _ => {}
        }
        None
    }

    /// The answer to the question being asked.
    fn answer(&mut self, prompt: HomePrompt, action: HomeAction) -> Option<HomeRequest> {
        match (prompt, action) {
            (HomePrompt::NewTitle(mut title), HomeAction::Text(edit)) => {
                title.apply(edit);
                self.prompt = Some(HomePrompt::NewTitle(title));
                None
            }
            (HomePrompt::NewTitle(title), HomeAction::Commit) => {
                let title = tidy(&title.text().replace('\n', " "));
                Some(HomeRequest::New(title))
            }
            (HomePrompt::Trash(path, _), HomeAction::Commit) => Some(HomeRequest::Trash(path)),
            (
                HomePrompt::Export {
                    path,
                    title,
                    choice,
                },
                action,
            ) => self.answer_export(path, title, choice, action),
            (_, HomeAction::Back) => None,
            (_, HomeAction::Quit) => Some(HomeRequest::Quit),
            (prompt, _) => {
                self.prompt = Some(prompt);
                None
            }
        }
    }

    fn step(&mut self, down: bool) {
        let len = self.visible().len();
        self.selected = if down {
            (self.selected + 1).min(len.saturating_sub(1))
        } else {
            self.selected.saturating_sub(1)
        };
    }
}
