//! Strings of the follow-ups: the pane of the Actions view, the status of
//! each followed-up action, and the Summary's list of those still open.

use crate::session::FollowUpStatus;
use crate::text::Lang;

pub struct FollowUpStrings {
    /// The pane's title.
    pub followups: &'static str,
    /// Before the past session's title: "from …".
    pub from: &'static str,
    pub open: &'static str,
    pub done: &'static str,
    pub carried: &'static str,
    pub dropped: &'static str,
    /// The Summary's heading.
    pub still_open: &'static str,
}

impl FollowUpStrings {
    pub fn status(&self, status: FollowUpStatus) -> &'static str {
        match status {
            FollowUpStatus::Open => self.open,
            FollowUpStatus::Done => self.done,
            FollowUpStatus::Carried => self.carried,
            FollowUpStatus::Dropped => self.dropped,
        }
    }
}

pub const TH: FollowUpStrings = FollowUpStrings {
    followups: "ติดตามจากครั้งก่อน",
    from: "จาก",
    open: "รอติดตาม",
    done: "เสร็จแล้ว",
    carried: "ทำต่อ",
    dropped: "ยกเลิก",
    still_open: "งานติดตามที่ยังค้าง",
};

pub const EN: FollowUpStrings = FollowUpStrings {
    followups: "Follow-ups",
    from: "from",
    open: "open",
    done: "done",
    carried: "carried on",
    dropped: "dropped",
    still_open: "Follow-ups still open",
};

pub fn followup_strings(lang: Lang) -> &'static FollowUpStrings {
    match lang {
        Lang::Th => &TH,
        Lang::En => &EN,
    }
}
